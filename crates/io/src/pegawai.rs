//! The employee list as CSV (UTF-8 with a byte-order mark, so spreadsheet
//! programs read Indonesian names correctly).

use crate::ExportError;
use kompeten_store::PegawaiRow;
use std::io::Write;

/// Column headers, in Indonesian as users know them.
pub const HEADER: [&str; 9] = [
    "NIP",
    "Nama",
    "Status",
    "Golongan",
    "Jabatan",
    "Jenis Jabatan",
    "Unit Kerja",
    "OPD",
    "Aktif",
];

/// Writes `rows` as CSV. The NIP is written as text (with its grouping
/// spaces) so spreadsheets do not turn the 18 digits into a float.
pub fn write_csv<W: Write>(rows: &[PegawaiRow], mut out: W) -> Result<(), ExportError> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    for row in rows {
        writer.write_record([
            row.nip.to_string().as_str(),
            row.nama_lengkap.as_str(),
            row.status.label(),
            row.golongan.code(),
            row.jabatan_nama.as_deref().unwrap_or(""),
            row.tingkat.map(|t| t.label()).as_deref().unwrap_or(""),
            row.unit_nama.as_str(),
            row.opd_nama.as_str(),
            if row.aktif { "ya" } else { "tidak" },
        ])?;
    }
    writer.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kompeten_domain::{
        Golongan, GolonganPns, JenjangFungsional, Nip, StatusAsn, TingkatJabatan,
    };
    use kompeten_store::{JabatanId, PegawaiId, UnitId};

    fn row() -> PegawaiRow {
        PegawaiRow {
            id: PegawaiId(1),
            nip: Nip::parse_pns("199308122020122021").expect("valid"),
            nama_lengkap: "Fitri Yuliani, S.Kom.".into(),
            nama: "Fitri Yuliani".into(),
            gelar_depan: None,
            gelar_belakang: Some("S.Kom.".into()),
            pendidikan: kompeten_domain::Pendidikan::S1,
            status: StatusAsn::Pns,
            golongan: Golongan::Pns(GolonganPns::IIIa),
            jabatan: Some(JabatanId(3)),
            jabatan_nama: Some("Pranata Komputer Ahli Pertama".into()),
            tingkat: Some(TingkatJabatan::fungsional(JenjangFungsional::AhliPertama)),
            unit: UnitId(4),
            unit_nama: "Bidang Aplikasi Informatika".into(),
            opd_nama: "Dinas Komunikasi dan Informatika".into(),
            aktif: true,
        }
    }

    #[test]
    fn writes_a_header_and_one_line_per_employee() {
        let mut out = Vec::new();
        write_csv(&[row()], &mut out).expect("written");
        let text = String::from_utf8(out).expect("utf-8");
        let text = text.strip_prefix('\u{feff}').expect("starts with a BOM");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "NIP,Nama,Status,Golongan,Jabatan,Jenis Jabatan,Unit Kerja,OPD,Aktif"
        );
        assert_eq!(
            lines[1],
            "19930812 202012 2 021,\"Fitri Yuliani, S.Kom.\",PNS,III/a,Pranata Komputer Ahli Pertama,\
             Fungsional Ahli Pertama,Bidang Aplikasi Informatika,Dinas Komunikasi dan Informatika,ya"
        );
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn round_trips_through_a_csv_reader() {
        let mut out = Vec::new();
        write_csv(&[row(), row()], &mut out).expect("written");
        let body = &out["\u{feff}".len()..];
        let mut reader = csv::Reader::from_reader(body);
        let records: Vec<csv::StringRecord> =
            reader.records().collect::<Result<_, _>>().expect("parses");
        assert_eq!(records.len(), 2);
        assert_eq!(&records[0][1], "Fitri Yuliani, S.Kom.");
        assert_eq!(&records[0][0], "19930812 202012 2 021");
    }
}
