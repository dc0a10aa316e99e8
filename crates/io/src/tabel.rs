//! A generic table that every analytics view exports the same way: CSV for
//! machines, XLSX for people.
//!
//! Choices worth knowing:
//! - CSV starts with a UTF-8 byte-order mark (as [`crate::pegawai`]) so
//!   spreadsheet programs read Indonesian text correctly; numbers use `.` as
//!   the decimal separator, rounded to the cell's `tempat`; [`Sel::Persen`] is
//!   the bare number 0..=100 without a `%` sign. [`Tabel::catatan`] is left
//!   out so the file stays one header row plus data.
//! - Text that a spreadsheet would run as a formula (starting with `=`, `+`,
//!   `-`, `@`, tab or carriage return) gets a leading `'` in CSV only. XLSX
//!   cells are typed, so such text is stored as a plain string, unchanged.
//! - XLSX keeps full precision and shows `tempat` places through the number
//!   format. [`Sel::Persen`] is stored as 87.5 (not 0.875) with the format
//!   `0.0"%"`, so the cell reads 87.5% and formulas see the same number as
//!   the CSV and the web page.
//! - Non-finite numbers (NaN, infinity) are written as empty cells: they
//!   have no spreadsheet form and mean "no value" in our analytics.
//! - NIPs belong in [`Sel::Teks`] so leading zeros and all 18 digits survive.

use crate::ExportError;
use rust_xlsxwriter::{DocProperties, Format, FormatBorder, Workbook, XlsxError};
use std::borrow::Cow;
use std::io::Write;

/// Most decimal places a cell may ask for; more is noise, not precision.
const MAKS_TEMPAT: u8 = 10;

/// Widths chosen from content stay within this range (Excel character units).
const LEBAR_MIN: f64 = 8.0;
const LEBAR_MAKS: f64 = 50.0;

/// Name used when a title leaves nothing valid for a sheet or a file.
const NAMA_CADANGAN: &str = "Tabel";

/// One exportable table.
#[derive(Debug, Clone, PartialEq)]
pub struct Tabel {
    /// Sheet and file title, e.g. "Kesenjangan per pegawai".
    pub judul: String,
    pub kolom: Vec<Kolom>,
    /// Every row must hold exactly `kolom.len()` cells.
    pub baris: Vec<Vec<Sel>>,
    /// Lines printed above the table in XLSX (instansi, tanggal, skala);
    /// omitted in CSV.
    pub catatan: Vec<String>,
}

/// A column header.
#[derive(Debug, Clone, PartialEq)]
pub struct Kolom {
    pub judul: String,
    /// XLSX column width in Excel character units; `None` sizes it from the
    /// header and the content.
    pub lebar: Option<f64>,
}

/// One cell value.
#[derive(Debug, Clone, PartialEq)]
pub enum Sel {
    Kosong,
    Teks(String),
    Bulat(i64),
    /// `tempat` is the number of decimal places shown.
    Desimal {
        nilai: f64,
        tempat: u8,
    },
    /// `nilai` is on the 0..=100 scale (values above 100 are allowed).
    Persen {
        nilai: f64,
        tempat: u8,
    },
}

impl Tabel {
    /// An empty table with the given title and columns.
    pub fn new(judul: impl Into<String>, kolom: Vec<Kolom>) -> Self {
        Self {
            judul: judul.into(),
            kolom,
            baris: Vec::new(),
            catatan: Vec::new(),
        }
    }

    /// An ASCII file name from the title, safe for a `Content-Disposition`
    /// header or a shell: "Kesenjangan per pegawai" with "xlsx" gives
    /// "kesenjangan-per-pegawai.xlsx".
    pub fn nama_berkas(&self, ekstensi: &str) -> String {
        let mut nama = String::new();
        for c in self.judul.chars() {
            if c.is_ascii_alphanumeric() {
                nama.push(c.to_ascii_lowercase());
            } else if !nama.is_empty() && !nama.ends_with('-') {
                nama.push('-');
            }
        }
        nama.truncate(80);
        let nama = nama.trim_end_matches('-');
        let nama = if nama.is_empty() { "tabel" } else { nama };
        let ekstensi: String = ekstensi
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        if ekstensi.is_empty() {
            nama.to_owned()
        } else {
            format!("{nama}.{ekstensi}")
        }
    }
}

impl Kolom {
    /// A column sized automatically.
    pub fn new(judul: impl Into<String>) -> Self {
        Self {
            judul: judul.into(),
            lebar: None,
        }
    }

    /// A column with a fixed XLSX width.
    pub fn dengan_lebar(judul: impl Into<String>, lebar: f64) -> Self {
        Self {
            judul: judul.into(),
            lebar: Some(lebar),
        }
    }
}

impl From<&str> for Kolom {
    fn from(judul: &str) -> Self {
        Self::new(judul)
    }
}

impl Sel {
    pub fn teks(teks: impl Into<String>) -> Self {
        Self::Teks(teks.into())
    }

    pub fn desimal(nilai: f64, tempat: u8) -> Self {
        Self::Desimal { nilai, tempat }
    }

    pub fn persen(nilai: f64, tempat: u8) -> Self {
        Self::Persen { nilai, tempat }
    }
}

impl From<&str> for Sel {
    fn from(teks: &str) -> Self {
        Self::Teks(teks.to_owned())
    }
}

impl From<String> for Sel {
    fn from(teks: String) -> Self {
        Self::Teks(teks)
    }
}

impl From<i64> for Sel {
    fn from(nilai: i64) -> Self {
        Self::Bulat(nilai)
    }
}

impl<T: Into<Sel>> From<Option<T>> for Sel {
    fn from(nilai: Option<T>) -> Self {
        nilai.map_or(Self::Kosong, Into::into)
    }
}

/// Writes the header row and the data rows as CSV, after a UTF-8 BOM.
/// Nothing is written when a row has the wrong number of cells.
pub fn tulis_csv(tabel: &Tabel, mut out: impl Write) -> Result<(), ExportError> {
    periksa_baris(tabel)?;
    out.write_all("\u{feff}".as_bytes())?;
    let mut writer = csv::Writer::from_writer(out);
    let header: Vec<Cow<'_, str>> = tabel
        .kolom
        .iter()
        .map(|k| netralkan_csv(&k.judul))
        .collect();
    writer.write_record(header.iter().map(|s| s.as_bytes()))?;
    for baris in &tabel.baris {
        let sel: Vec<Cow<'_, str>> = baris.iter().map(sel_csv).collect();
        writer.write_record(sel.iter().map(|s| s.as_bytes()))?;
    }
    writer.flush()?;
    Ok(())
}

/// Builds an XLSX workbook with one sheet: the title, the notes, a blank
/// line, then a bold header row with an autofilter, frozen above the data.
pub fn tulis_xlsx(tabel: &Tabel) -> Result<Vec<u8>, ExportError> {
    tulis_xlsx_buku(&tabel.judul, std::slice::from_ref(tabel))
}

/// Builds an XLSX workbook titled `judul` with one sheet per table, each
/// laid out as in [`tulis_xlsx`]; sheet names come from the tables' titles
/// and must differ. Nothing is written when a row has the wrong number of
/// cells.
pub fn tulis_xlsx_buku(judul: &str, tabel: &[Tabel]) -> Result<Vec<u8>, ExportError> {
    for t in tabel {
        periksa_baris(t)?;
    }
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(judul));
    for t in tabel {
        tulis_lembar(&mut workbook, t)?;
    }
    Ok(workbook.save_to_buffer()?)
}

fn tulis_lembar(workbook: &mut Workbook, tabel: &Tabel) -> Result<(), ExportError> {
    let sheet = workbook.add_worksheet();
    sheet.set_name(nama_lembar(&tabel.judul))?;

    let format_judul = Format::new().set_bold().set_font_size(13);
    let format_header = Format::new()
        .set_bold()
        .set_border_bottom(FormatBorder::Thin);
    let format_bulat = Format::new().set_num_format("#,##0");
    let format_desimal: Vec<Format> = (0..=MAKS_TEMPAT)
        .map(|t| Format::new().set_num_format(pola_angka(t, "")))
        .collect();
    let format_persen: Vec<Format> = (0..=MAKS_TEMPAT)
        .map(|t| Format::new().set_num_format(pola_angka(t, "\"%\"")))
        .collect();

    sheet.write_string_with_format(0, 0, tabel.judul.as_str(), &format_judul)?;
    let mut baris_ke: u32 = 1;
    for catatan in &tabel.catatan {
        sheet.write_string(baris_ke, 0, catatan.as_str())?;
        baris_ke += 1;
    }
    // The blank line keeps the notes out of the autofilter's range.
    let baris_header = baris_ke + 1;

    for (i, kolom) in tabel.kolom.iter().enumerate() {
        let c = nomor_kolom(i)?;
        sheet.write_string_with_format(baris_header, c, kolom.judul.as_str(), &format_header)?;
        let lebar = kolom.lebar.unwrap_or_else(|| lebar_bawaan(tabel, i));
        sheet.set_column_width(c, lebar)?;
    }

    for (r, baris) in tabel.baris.iter().enumerate() {
        let r = u32::try_from(r)
            .ok()
            .and_then(|r| r.checked_add(baris_header + 1))
            .ok_or(XlsxError::RowColumnLimitError)?;
        for (i, sel) in baris.iter().enumerate() {
            let c = nomor_kolom(i)?;
            match sel {
                Sel::Kosong => {}
                Sel::Teks(teks) => {
                    sheet.write_string(r, c, teks.as_str())?;
                }
                // Precision beyond 15 digits is lost, as in Excel itself.
                Sel::Bulat(nilai) => {
                    sheet.write_number_with_format(r, c, *nilai as f64, &format_bulat)?;
                }
                Sel::Desimal { nilai, tempat } => {
                    if nilai.is_finite() {
                        let format = &format_desimal[usize::from((*tempat).min(MAKS_TEMPAT))];
                        sheet.write_number_with_format(r, c, *nilai, format)?;
                    }
                }
                Sel::Persen { nilai, tempat } => {
                    if nilai.is_finite() {
                        let format = &format_persen[usize::from((*tempat).min(MAKS_TEMPAT))];
                        sheet.write_number_with_format(r, c, *nilai, format)?;
                    }
                }
            }
        }
    }

    if let Some(terakhir) = tabel.kolom.len().checked_sub(1) {
        let baris_akhir = u32::try_from(tabel.baris.len())
            .ok()
            .and_then(|n| n.checked_add(baris_header))
            .ok_or(XlsxError::RowColumnLimitError)?;
        sheet.autofilter(baris_header, 0, baris_akhir, nomor_kolom(terakhir)?)?;
    }
    sheet.set_freeze_panes(baris_header + 1, 0)?;
    Ok(())
}

/// A valid Excel sheet name from a title: at most 31 characters, none of
/// `[]:*?/\`, not starting or ending with an apostrophe, not blank, not the
/// reserved "History". Brackets become parentheses so "[2026]" stays legible.
pub fn nama_lembar(judul: &str) -> String {
    let diganti: String = judul
        .chars()
        .map(|c| match c {
            '[' => '(',
            ']' => ')',
            '/' | '\\' => '-',
            ':' | '*' | '?' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let rapi = diganti.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut nama = String::new();
    let mut panjang_utf16 = 0;
    for c in rapi
        .trim_matches(|c: char| c == '\'' || c.is_whitespace())
        .chars()
    {
        // Excel counts UTF-16 units.
        panjang_utf16 += c.len_utf16();
        if panjang_utf16 > 31 {
            break;
        }
        nama.push(c);
    }
    let nama = nama.trim_end_matches(|c: char| c == '\'' || c.is_whitespace());
    if nama.is_empty() || nama.eq_ignore_ascii_case("history") {
        NAMA_CADANGAN.to_owned()
    } else {
        nama.to_owned()
    }
}

fn periksa_baris(tabel: &Tabel) -> Result<(), ExportError> {
    let kolom = tabel.kolom.len();
    match tabel.baris.iter().position(|b| b.len() != kolom) {
        Some(i) => Err(ExportError::RaggedRow {
            tabel: tabel.judul.clone(),
            row: i + 1,
            cells: tabel.baris[i].len(),
            columns: kolom,
        }),
        None => Ok(()),
    }
}

fn nomor_kolom(i: usize) -> Result<u16, XlsxError> {
    u16::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)
}

/// `0`, `0.0`, `0.00`, … followed by `akhiran`.
fn pola_angka(tempat: u8, akhiran: &str) -> String {
    let mut pola = String::from("0");
    if tempat > 0 {
        pola.push('.');
        pola.extend(std::iter::repeat_n('0', usize::from(tempat)));
    }
    pola.push_str(akhiran);
    pola
}

/// A leading `'` stops spreadsheet programs from running text as a formula.
fn netralkan_csv(teks: &str) -> Cow<'_, str> {
    if teks.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{teks}"))
    } else {
        Cow::Borrowed(teks)
    }
}

fn sel_csv(sel: &Sel) -> Cow<'_, str> {
    match sel {
        Sel::Kosong => Cow::Borrowed(""),
        Sel::Teks(teks) => netralkan_csv(teks),
        Sel::Bulat(nilai) => Cow::Owned(nilai.to_string()),
        Sel::Desimal { nilai, tempat } | Sel::Persen { nilai, tempat } => {
            Cow::Owned(angka(*nilai, *tempat))
        }
    }
}

/// `nilai` rounded to `tempat` places with a `.` separator; empty if not finite.
fn angka(nilai: f64, tempat: u8) -> String {
    if !nilai.is_finite() {
        return String::new();
    }
    let teks = format!("{:.*}", usize::from(tempat.min(MAKS_TEMPAT)), nilai);
    // Rounding can leave "-0.0", which reads as a different number.
    match teks.strip_prefix('-') {
        Some(positif) if positif.bytes().all(|b| b == b'0' || b == b'.') => positif.to_owned(),
        _ => teks,
    }
}

/// Wide enough for the header plus its filter button and for the longest
/// value as displayed, within [`LEBAR_MIN`]..=[`LEBAR_MAKS`].
fn lebar_bawaan(tabel: &Tabel, i: usize) -> f64 {
    let header = tabel.kolom[i].judul.chars().count() + 3;
    let isi = tabel
        .baris
        .iter()
        .map(|b| panjang_tampilan(&b[i]) + 1)
        .max()
        .unwrap_or(0);
    // Counts are far below 2^52, so the conversion is exact.
    let lebar = header.max(isi) as f64;
    lebar.clamp(LEBAR_MIN, LEBAR_MAKS)
}

fn panjang_tampilan(sel: &Sel) -> usize {
    match sel {
        Sel::Kosong => 0,
        Sel::Teks(teks) => teks.lines().map(|l| l.chars().count()).max().unwrap_or(0),
        Sel::Bulat(nilai) => {
            let digit = nilai.unsigned_abs().to_string().len();
            digit + (digit - 1) / 3 + usize::from(*nilai < 0)
        }
        Sel::Desimal { nilai, tempat } => angka(*nilai, *tempat).len(),
        Sel::Persen { nilai, tempat } => angka(*nilai, *tempat).len() + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_follow_excel_rules() {
        assert_eq!(
            nama_lembar("Peta: OPD/Kompetensi [2026]"),
            "Peta OPD-Kompetensi (2026)"
        );
        assert_eq!(nama_lembar("  'Rekap'  "), "Rekap");
        assert_eq!(nama_lembar("***"), NAMA_CADANGAN);
        assert_eq!(nama_lembar(""), NAMA_CADANGAN);
        assert_eq!(nama_lembar("history"), NAMA_CADANGAN);
        let panjang = nama_lembar("Kesenjangan kompetensi per pegawai menurut OPD dan jabatan");
        assert_eq!(panjang, "Kesenjangan kompetensi per pega");
        assert_eq!(panjang.encode_utf16().count(), 31);
        // A cut must not leave a trailing space.
        assert_eq!(
            nama_lembar("Kesenjangan kompetensi per OPD sekota"),
            "Kesenjangan kompetensi per OPD"
        );
        for nama in [
            nama_lembar("Peta: OPD/Kompetensi [2026]"),
            nama_lembar("a?b*c\\d'"),
            nama_lembar("Ringkasan 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"),
        ] {
            rust_xlsxwriter::utility::check_sheet_name(&nama).expect("valid sheet name");
        }
    }

    #[test]
    fn a_workbook_holds_one_sheet_per_table_or_nothing() {
        use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
        let mut a = Tabel::new("Per OPD", vec![Kolom::new("OPD"), Kolom::new("Biaya")]);
        a.baris.push(vec![Sel::teks("Dinas"), Sel::Bulat(7)]);
        let mut b = Tabel::new("Per pegawai", vec![Kolom::new("NIP")]);
        b.baris.push(vec![Sel::teks("012")]);
        let bytes = tulis_xlsx_buku("Buku", &[a.clone(), b.clone()]).expect("written");
        let mut buku: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("xlsx");
        assert_eq!(buku.sheet_names(), vec!["Per OPD", "Per pegawai"]);
        let r = buku.worksheet_range("Per pegawai").expect("sheet");
        // Title, blank line, header, then the data.
        assert_eq!(r.get((3, 0)), Some(&Data::String("012".into())));
        let r = buku.worksheet_range("Per OPD").expect("sheet");
        assert_eq!(r.get((3, 1)), Some(&Data::Float(7.0)));
        // One ragged table and no workbook at all.
        b.baris.push(vec![]);
        assert!(matches!(
            tulis_xlsx_buku("Buku", &[a, b]),
            Err(ExportError::RaggedRow { row: 2, .. })
        ));
    }

    #[test]
    fn file_names_are_ascii_slugs() {
        let tabel = Tabel::new("Kesenjangan per pegawai", vec![]);
        assert_eq!(tabel.nama_berkas("xlsx"), "kesenjangan-per-pegawai.xlsx");
        let tabel = Tabel::new("Peta: OPD/Kompetensi [2026]", vec![]);
        assert_eq!(tabel.nama_berkas("csv"), "peta-opd-kompetensi-2026.csv");
        let tabel = Tabel::new("«»", vec![]);
        assert_eq!(tabel.nama_berkas("../csv"), "tabel.csv");
    }

    #[test]
    fn numbers_round_without_negative_zero() {
        assert_eq!(angka(87.456, 1), "87.5");
        assert_eq!(angka(-0.04, 1), "0.0");
        assert_eq!(angka(-1.25, 0), "-1");
        assert_eq!(angka(2.0, 2), "2.00");
        assert_eq!(angka(f64::NAN, 2), "");
        assert_eq!(angka(1.0, 200), format!("1.{}", "0".repeat(10)));
    }

    #[test]
    fn number_formats_follow_decimal_places() {
        assert_eq!(pola_angka(0, ""), "0");
        assert_eq!(pola_angka(2, ""), "0.00");
        assert_eq!(pola_angka(1, "\"%\""), "0.0\"%\"");
    }

    #[test]
    fn default_width_fits_header_and_content() {
        let mut tabel = Tabel::new("t", vec![Kolom::new("NIP"), Kolom::new("Jumlah")]);
        tabel.baris.push(vec![
            Sel::teks("19930812 202012 2 021"),
            Sel::Bulat(-1_234_567),
        ]);
        assert!((lebar_bawaan(&tabel, 0) - 22.0).abs() < f64::EPSILON);
        // "-1,234,567" is 10 characters, plus one of margin.
        assert!((lebar_bawaan(&tabel, 1) - 11.0).abs() < f64::EPSILON);
        tabel
            .baris
            .push(vec![Sel::teks("x".repeat(500)), Sel::Kosong]);
        assert!((lebar_bawaan(&tabel, 0) - LEBAR_MAKS).abs() < f64::EPSILON);
    }
}
