//! Reading a table a user uploads: CSV (comma or semicolon, with or without
//! a byte-order mark, as Excel writes it) or the first sheet of an XLSX
//! workbook, as text cells under a header row. What the columns mean is
//! the caller's business; this only reads them faithfully and says where.

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

/// A table as read: the header's cells and the rows under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabelMasuk {
    pub kolom: Vec<String>,
    pub baris: Vec<BarisMasuk>,
}

/// A row with its number as the spreadsheet shows it (the header is row 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarisMasuk {
    pub nomor: usize,
    /// One cell per header column (missing cells are empty), trimmed.
    pub sel: Vec<String>,
}

/// Why a file could not be read as a table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatBaca {
    #[error("the file must be .csv or .xlsx")]
    BukanTabel,
    #[error("the file cannot be read: {0}")]
    TidakTerbaca(String),
    #[error("the file has no header row with the expected columns")]
    TanpaJudul,
    #[error("the file has more than {maks} rows")]
    TerlaluBanyak { maks: usize },
    #[error(
        "row {nomor}: a number stands where text is needed ({nilai}); format the column as text"
    )]
    AngkaPanjang { nomor: usize, nilai: String },
}

impl GalatBaca {
    /// The reason in Indonesian, for the page.
    pub fn pesan(&self) -> String {
        match self {
            GalatBaca::BukanTabel => "Berkas harus CSV (.csv) atau Excel (.xlsx).".to_owned(),
            GalatBaca::TidakTerbaca(_) => {
                "Berkas tidak dapat dibaca sebagai CSV atau Excel; simpan ulang dari aplikasi lembar kerja.".to_owned()
            }
            GalatBaca::TanpaJudul => {
                "Baris judul kolom tidak ditemukan; gunakan judul kolom seperti pada contoh.".to_owned()
            }
            GalatBaca::TerlaluBanyak { maks } => {
                format!("Berkas berisi lebih dari {maks} baris; bagi menjadi beberapa berkas.")
            }
            GalatBaca::AngkaPanjang { nomor, nilai } => format!(
                "Baris {nomor}: angka {nilai} terlalu panjang untuk disimpan Excel sebagai angka \
                 (mis. NIP); format kolomnya sebagai Teks lalu isi ulang."
            ),
        }
    }
}

impl TabelMasuk {
    /// The column whose header is one of `nama`, ignoring case, spaces,
    /// underscores and dots ("Kode kompetensi" = "kode_kompetensi").
    pub fn kolom(&self, nama: &[&str]) -> Option<usize> {
        let kunci = |s: &str| -> String {
            s.chars()
                .filter(|c| !matches!(c, ' ' | '_' | '.' | '-'))
                .flat_map(char::to_lowercase)
                .collect()
        };
        let dicari: Vec<String> = nama.iter().map(|n| kunci(n)).collect();
        self.kolom.iter().position(|k| dicari.contains(&kunci(k)))
    }
}

/// Reads `bytes` by the file name's extension; at most `maks_baris` rows.
/// The header is the first row `adalah_judul` accepts (rows above it, such
/// as a title or notes, are ignored); blank rows are skipped.
pub fn baca_tabel(
    nama_berkas: &str,
    bytes: &[u8],
    maks_baris: usize,
    adalah_judul: &dyn Fn(&[String]) -> bool,
) -> Result<TabelMasuk, GalatBaca> {
    let ext = nama_berkas
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let mentah = match ext.as_str() {
        "csv" | "txt" => baca_csv(bytes, maks_baris)?,
        "xlsx" => {
            let mut buku = buka_xlsx(bytes)?;
            let lembar = buku
                .worksheet_range_at(0)
                .ok_or(GalatBaca::TanpaJudul)?
                .map_err(|e| GalatBaca::TidakTerbaca(e.to_string()))?;
            baris_lembar(&lembar, maks_baris)?
        }
        _ => return Err(GalatBaca::BukanTabel),
    };
    susun(mentah, adalah_judul)
}

/// Reads every sheet of an XLSX workbook whose name `lembar` accepts (a
/// key, e.g. the table it holds), as in [`baca_tabel`]; at most
/// `maks_baris` rows in all. Sheets are returned in workbook order.
pub fn baca_buku<K>(
    bytes: &[u8],
    maks_baris: usize,
    lembar: &dyn Fn(&str) -> Option<K>,
    adalah_judul: &dyn Fn(&K, &[String]) -> bool,
) -> Result<Vec<(K, TabelMasuk)>, GalatBaca> {
    let mut buku = buka_xlsx(bytes)?;
    let mut sisa = maks_baris;
    let mut out = Vec::new();
    for (nama, range) in buku.worksheets() {
        let Some(kunci) = lembar(&nama) else { continue };
        let mentah = baris_lembar(&range, sisa).map_err(|e| match e {
            GalatBaca::TerlaluBanyak { .. } => GalatBaca::TerlaluBanyak { maks: maks_baris },
            e => e,
        })?;
        sisa = sisa.saturating_sub(mentah.len());
        let tabel = susun(mentah, &|r: &[String]| adalah_judul(&kunci, r))?;
        out.push((kunci, tabel));
    }
    Ok(out)
}

/// The table under the first row `adalah_judul` accepts.
fn susun(
    mentah: Mentah,
    adalah_judul: &dyn Fn(&[String]) -> bool,
) -> Result<TabelMasuk, GalatBaca> {
    let mut rows = mentah.into_iter();
    let (_, kolom) = rows
        .by_ref()
        .find(|(_, r)| adalah_judul(r))
        .ok_or(GalatBaca::TanpaJudul)?;
    let lebar = kolom.len();
    let baris = rows
        .filter(|(_, r)| r.iter().any(|c| !c.is_empty()))
        .map(|(nomor, mut sel)| {
            sel.resize(lebar.max(sel.len()), String::new());
            sel.truncate(lebar);
            BarisMasuk { nomor, sel }
        })
        .collect();
    Ok(TabelMasuk { kolom, baris })
}

/// (row number from 1, trimmed cells) of every row, the header included.
type Mentah = Vec<(usize, Vec<String>)>;

fn baca_csv(bytes: &[u8], maks_baris: usize) -> Result<Mentah, GalatBaca> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let teks = std::str::from_utf8(bytes)
        .map_err(|_| GalatBaca::TidakTerbaca("not UTF-8 text".to_owned()))?;
    // Excel with an Indonesian locale writes semicolons.
    let judul = teks.lines().next().unwrap_or("");
    let pemisah = if judul.matches(';').count() > judul.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(pemisah)
        .has_headers(false)
        .flexible(true)
        .from_reader(teks.as_bytes());
    let mut out = Vec::new();
    // Line numbers from byte offsets: the reader skips blank lines.
    let mut baris_ke = 1;
    let mut dihitung = 0;
    for (n, r) in rdr.records().enumerate() {
        let r = r.map_err(|e| GalatBaca::TidakTerbaca(e.to_string()))?;
        // The header and up to `maks_baris` rows.
        if n > maks_baris {
            return Err(GalatBaca::TerlaluBanyak { maks: maks_baris });
        }
        let mut awal = r.position().map_or(dihitung, |p| p.byte() as usize);
        // A record's position may be where the blank lines before it begin.
        while matches!(teks.as_bytes().get(awal), Some(b'\n' | b'\r')) {
            awal += 1;
        }
        baris_ke += teks.as_bytes()[dihitung..awal]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        dihitung = awal;
        out.push((baris_ke, r.iter().map(|c| c.trim().to_owned()).collect()));
    }
    Ok(out)
}

fn buka_xlsx(bytes: &[u8]) -> Result<Xlsx<std::io::Cursor<&[u8]>>, GalatBaca> {
    open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| GalatBaca::TidakTerbaca(e.to_string()))
}

fn baris_lembar(lembar: &calamine::Range<Data>, maks_baris: usize) -> Result<Mentah, GalatBaca> {
    let (awal, _) = lembar.start().unwrap_or((0, 0));
    let mut out = Vec::new();
    for (n, r) in lembar.rows().enumerate() {
        if n > maks_baris {
            return Err(GalatBaca::TerlaluBanyak { maks: maks_baris });
        }
        let nomor = awal as usize + n + 1;
        let sel = r
            .iter()
            .map(|c| teks_sel(c, nomor))
            .collect::<Result<Vec<_>, _>>()?;
        out.push((nomor, sel));
    }
    Ok(out)
}

/// A cell as the user sees it: whole numbers without ".0", dates as
/// YYYY-MM-DD. A number too long for a float to hold exactly (an
/// 18-digit NIP typed as a number) is refused rather than read wrong.
fn teks_sel(c: &Data, nomor: usize) -> Result<String, GalatBaca> {
    Ok(match c {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{f:.0}")
            } else if f.fract() == 0.0 {
                return Err(GalatBaca::AngkaPanjang {
                    nomor,
                    nilai: format!("{f:.0}"),
                });
            } else {
                f.to_string()
            }
        }
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => tanggal_excel(d.as_f64()).unwrap_or_else(|| d.as_f64().to_string()),
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_owned(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    })
}

/// An Excel date serial (days since 1899-12-30, the 1900 system) as
/// YYYY-MM-DD.
fn tanggal_excel(serial: f64) -> Option<String> {
    if !serial.is_finite() || !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let nol = time::Date::from_calendar_date(1899, time::Month::December, 30).ok()?;
    let hari = nol.checked_add(time::Duration::days(serial.floor() as i64))?;
    Some(hari.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tabel::{Kolom, Sel, Tabel, tulis_xlsx};

    fn ada_nip(r: &[String]) -> bool {
        r.iter().any(|c| c.eq_ignore_ascii_case("nip"))
    }

    #[test]
    fn csv_with_a_bom_and_semicolons_reads_like_excel_wrote_it() {
        let csv = "\u{feff}NIP;Kode kompetensi;Level\n199004102015032001; M.1 ;3\n\n198811202023211005;T.KES.1\n";
        let t = baca_tabel("hasil.CSV", csv.as_bytes(), 10, &ada_nip).expect("read");
        assert_eq!(t.kolom, ["NIP", "Kode kompetensi", "Level"]);
        assert_eq!(t.baris.len(), 2, "the blank row is skipped");
        assert_eq!(t.baris[0].nomor, 2);
        assert_eq!(t.baris[0].sel, ["199004102015032001", "M.1", "3"]);
        // The short row is padded, and keeps its line number.
        assert_eq!(t.baris[1].nomor, 4);
        assert_eq!(t.baris[1].sel, ["198811202023211005", "T.KES.1", ""]);
        assert_eq!(t.kolom(&["kode_kompetensi"]), Some(1));
        assert_eq!(t.kolom(&["nip"]), Some(0));
        assert_eq!(t.kolom(&["asesor"]), None);
    }

    #[test]
    fn xlsx_cells_read_as_the_user_sees_them() {
        let mut tabel = Tabel::new(
            "Hasil",
            vec![
                Kolom::new("NIP"),
                Kolom::new("Level"),
                Kolom::new("Tanggal"),
            ],
        );
        tabel.baris = vec![vec![
            Sel::teks("199004102015032001"),
            Sel::Bulat(4),
            Sel::teks("2026-10-01"),
        ]];
        let bytes = tulis_xlsx(&tabel).expect("xlsx");
        let t = baca_tabel("hasil.xlsx", &bytes, 10, &ada_nip).expect("read");
        let header = t.kolom(&["NIP"]).expect("NIP column");
        let row = t.baris.last().expect("a row");
        assert_eq!(row.sel[header], "199004102015032001");
        assert_eq!(row.sel[header + 1], "4");
    }

    #[test]
    fn a_long_number_a_bad_extension_and_too_many_rows_are_refused() {
        assert!(matches!(
            teks_sel(&Data::Float(199_004_102_015_032_001.0), 7),
            Err(GalatBaca::AngkaPanjang { nomor: 7, .. })
        ));
        assert_eq!(teks_sel(&Data::Float(3.0), 2), Ok("3".to_owned()));
        // 46296 is 2026-10-01 in Excel's 1900 date system.
        assert_eq!(tanggal_excel(46_296.0).as_deref(), Some("2026-10-01"));
        assert_eq!(tanggal_excel(-1.0), None);
        assert_eq!(teks_sel(&Data::Float(2.5), 2), Ok("2.5".to_owned()));
        assert_eq!(
            baca_tabel("hasil.pdf", b"x", 10, &ada_nip),
            Err(GalatBaca::BukanTabel)
        );
        assert_eq!(
            baca_tabel("kosong.csv", b"Nama\nx\n", 10, &ada_nip),
            Err(GalatBaca::TanpaJudul)
        );
        let banyak = "NIP\n1\n2\n3\n";
        assert_eq!(
            baca_tabel("a.csv", banyak.as_bytes(), 2, &ada_nip),
            Err(GalatBaca::TerlaluBanyak { maks: 2 })
        );
        assert!(baca_tabel("a.csv", banyak.as_bytes(), 3, &ada_nip).is_ok());
        assert!(matches!(
            baca_tabel("a.xlsx", b"bukan zip", 3, &ada_nip),
            Err(GalatBaca::TidakTerbaca(_))
        ));
        assert!(matches!(
            baca_tabel("a.csv", b"NIP\n\xff\xfe", 3, &ada_nip),
            Err(GalatBaca::TidakTerbaca(_))
        ));
    }
}
