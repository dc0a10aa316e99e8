//! The export table read back the way users and tools read it: CSV through a
//! CSV parser, XLSX through calamine and the raw sheet XML.

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use kompeten_io::ExportError;
use kompeten_io::tabel::{Kolom, Sel, Tabel, tulis_csv, tulis_xlsx};
use std::io::{Cursor, Read};

const BOM: &str = "\u{feff}";

fn contoh() -> Tabel {
    let mut tabel = Tabel::new(
        "Peta: OPD/Kompetensi [2026]",
        vec![
            Kolom::new("NIP"),
            Kolom::new("Nama"),
            Kolom::dengan_lebar("Jumlah", 12.0),
            Kolom::new("Skor"),
            Kolom::new("Pemenuhan"),
        ],
    );
    tabel.catatan = vec![
        "Instansi: Pemerintah Kota Sawahlunto".into(),
        "Tanggal: 27 November 2026".into(),
        "Skala: Pemetaan".into(),
    ];
    tabel.baris = vec![
        vec![
            Sel::teks("012345678901234567"),
            Sel::teks("Fitri Yuliani, S.Kom."),
            Sel::Bulat(12_345),
            Sel::desimal(3.456, 2),
            Sel::persen(87.5, 1),
        ],
        vec![
            Sel::teks("199308122020122021"),
            Sel::teks("=HYPERLINK(\"http://x\")"),
            Sel::Bulat(-7),
            Sel::Kosong,
            Sel::persen(100.0, 0),
        ],
        vec![
            Sel::teks("@SUM(A1:A2)"),
            Sel::teks("+62 812"),
            Sel::Bulat(0),
            Sel::desimal(f64::NAN, 2),
            Sel::persen(0.04, 1),
        ],
    ];
    tabel
}

fn baca_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes
        .strip_prefix(BOM.as_bytes())
        .expect("starts with a BOM");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body);
    reader
        .records()
        .map(|r| r.expect("parses").iter().map(str::to_owned).collect())
        .collect()
}

fn buka(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).expect("a readable workbook")
}

fn xml_lembar(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .expect("one sheet")
        .read_to_string(&mut xml)
        .expect("utf-8");
    xml
}

#[test]
fn csv_starts_with_bom_and_round_trips() {
    let mut out = Vec::new();
    tulis_csv(&contoh(), &mut out).expect("written");
    assert!(out.starts_with(BOM.as_bytes()));
    let rows = baca_csv(&out);
    assert_eq!(
        rows,
        vec![
            vec!["NIP", "Nama", "Jumlah", "Skor", "Pemenuhan"],
            vec![
                "012345678901234567",
                "Fitri Yuliani, S.Kom.",
                "12345",
                "3.46",
                "87.5"
            ],
            vec![
                "199308122020122021",
                "'=HYPERLINK(\"http://x\")",
                "-7",
                "",
                "100"
            ],
            vec!["'@SUM(A1:A2)", "'+62 812", "0", "", "0.0"],
        ]
    );
    // Notes are for people reading the workbook, not for the CSV.
    let text = String::from_utf8(out).expect("utf-8");
    assert!(!text.contains("Sawahlunto"));
}

#[test]
fn csv_neutralises_every_formula_prefix() {
    let mut tabel = Tabel::new("t", vec![Kolom::new("-Catatan"), Kolom::new("Nilai")]);
    for awal in ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"] {
        tabel.baris.push(vec![Sel::teks(awal), Sel::Bulat(-1)]);
    }
    tabel
        .baris
        .push(vec![Sel::teks("Biasa = aman"), Sel::Kosong]);
    let mut out = Vec::new();
    tulis_csv(&tabel, &mut out).expect("written");
    let rows = baca_csv(&out);
    assert_eq!(rows[0][0], "'-Catatan");
    for row in &rows[1..7] {
        assert!(row[0].starts_with('\''), "{:?} is not neutralised", row[0]);
        // Numbers are data, not text, so they keep their sign.
        assert_eq!(row[1], "-1");
    }
    assert_eq!(rows[7][0], "Biasa = aman");
}

#[test]
fn xlsx_reads_back_with_notes_header_and_typed_cells() {
    let bytes = tulis_xlsx(&contoh()).expect("written");
    let mut workbook = buka(bytes);
    assert_eq!(workbook.sheet_names(), vec!["Peta OPD-Kompetensi (2026)"]);
    let range = workbook
        .worksheet_range("Peta OPD-Kompetensi (2026)")
        .expect("sheet");
    assert_eq!(range.start(), Some((0, 0)));
    let sel = |r: usize, c: usize| range.get((r, c)).cloned().unwrap_or(Data::Empty);
    let teks = |s: &str| Data::String(s.to_owned());

    assert_eq!(sel(0, 0), teks("Peta: OPD/Kompetensi [2026]"));
    assert_eq!(sel(1, 0), teks("Instansi: Pemerintah Kota Sawahlunto"));
    assert_eq!(sel(2, 0), teks("Tanggal: 27 November 2026"));
    assert_eq!(sel(3, 0), teks("Skala: Pemetaan"));
    assert_eq!(sel(4, 0), Data::Empty);
    let header: Vec<Data> = (0..5).map(|c| sel(5, c)).collect();
    assert_eq!(
        header,
        ["NIP", "Nama", "Jumlah", "Skor", "Pemenuhan"].map(teks)
    );

    // NIPs stay text with their leading zero and all 18 digits.
    assert_eq!(sel(6, 0), teks("012345678901234567"));
    assert_eq!(sel(7, 0), teks("199308122020122021"));
    assert_eq!(sel(6, 2), Data::Float(12_345.0));
    // Full precision is kept; the format shows two places.
    assert_eq!(sel(6, 3), Data::Float(3.456));
    // A percentage is stored on the 0..100 scale, not divided by 100.
    assert_eq!(sel(6, 4), Data::Float(87.5));
    assert_eq!(sel(7, 2), Data::Float(-7.0));
    assert_eq!(sel(7, 3), Data::Empty);
    assert_eq!(sel(7, 4), Data::Float(100.0));
    // NaN has no spreadsheet form: the cell is left empty.
    assert_eq!(sel(8, 3), Data::Empty);
    // Formula-like text is stored verbatim as text, without the CSV quote.
    assert_eq!(sel(7, 1), teks("=HYPERLINK(\"http://x\")"));
    assert_eq!(sel(8, 0), teks("@SUM(A1:A2)"));
    assert_eq!(range.end(), Some((8, 4)));

    let formulas = workbook
        .worksheet_formula("Peta OPD-Kompetensi (2026)")
        .expect("formulas");
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell may hold a formula"
    );
}

#[test]
fn xlsx_formats_numbers_and_bolds_the_header() {
    let bytes = tulis_xlsx(&contoh()).expect("written");
    let xml = xml_lembar(&bytes);
    let mut workbook = buka(bytes);
    let styles = workbook
        .worksheet_style("Peta OPD-Kompetensi (2026)")
        .expect("styles");
    let format = |r: u32, c: u32| {
        styles
            .get((r, c))
            .and_then(|s| s.number_format.as_ref())
            .map(|f| f.format_code.clone())
    };
    assert_eq!(format(6, 2).as_deref(), Some("#,##0"));
    assert_eq!(format(6, 3).as_deref(), Some("0.00"));
    assert_eq!(format(6, 4).as_deref(), Some("0.0\"%\""));
    assert_eq!(format(7, 4).as_deref(), Some("0\"%\""));
    let tebal = |r: u32, c: u32| {
        styles
            .get((r, c))
            .and_then(|s| s.font.as_ref())
            .is_some_and(|f| f.is_bold())
    };
    assert!((0..5).all(|c| tebal(5, c)), "header row is bold");
    assert!(!tebal(6, 1), "data is not bold");

    // Frozen below the header (row 6 in Excel's 1-based terms) with a
    // filter over the header and the data.
    assert!(xml.contains(r#"topLeftCell="A7""#), "{xml}");
    assert!(xml.contains(r#"state="frozen""#), "{xml}");
    assert!(xml.contains(r#"<autoFilter ref="A6:E9"/>"#), "{xml}");
    // The fixed width is used as given.
    assert!(
        xml.contains(r#"<col min="3" max="3" width="12.7109375""#),
        "{xml}"
    );
}

#[test]
fn ragged_row_is_an_error_not_a_panic() {
    let mut tabel = contoh();
    tabel.baris[1].pop();
    let mut out = Vec::new();
    let err = tulis_csv(&tabel, &mut out).expect_err("ragged");
    assert!(
        matches!(
            err,
            ExportError::RaggedRow {
                row: 2,
                cells: 4,
                columns: 5,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(out.is_empty(), "nothing is written for an invalid table");
    assert_eq!(
        err.to_string(),
        "row 2 of table \"Peta: OPD/Kompetensi [2026]\" has 4 cells but the table has 5 columns"
    );

    tabel.baris[1].push(Sel::Kosong);
    tabel.baris[1].push(Sel::Kosong);
    let err = tulis_xlsx(&tabel).expect_err("ragged");
    assert!(
        matches!(
            err,
            ExportError::RaggedRow {
                row: 2,
                cells: 6,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn empty_table_has_only_a_header() {
    let tabel = Tabel::new(
        "Kesenjangan per pegawai",
        vec![Kolom::new("NIP"), Kolom::new("Gap")],
    );

    let mut out = Vec::new();
    tulis_csv(&tabel, &mut out).expect("written");
    assert_eq!(out, format!("{BOM}NIP,Gap\n").into_bytes());

    let bytes = tulis_xlsx(&tabel).expect("written");
    let xml = xml_lembar(&bytes);
    assert!(xml.contains(r#"<autoFilter ref="A3:B3"/>"#), "{xml}");
    let mut workbook = buka(bytes);
    let range = workbook
        .worksheet_range("Kesenjangan per pegawai")
        .expect("sheet");
    assert_eq!(range.end(), Some((2, 1)));
    assert_eq!(
        range.get((2, 0)),
        Some(&Data::String("NIP".into())),
        "the header follows the title and a blank line"
    );
    assert_eq!(range.get((2, 1)), Some(&Data::String("Gap".into())));
}
