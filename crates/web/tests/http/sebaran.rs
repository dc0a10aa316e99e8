//! Sebaran Kompetensi: hand-checked distributions on the fixture in the
//! page, the API and the downloads; filters; who may see what.
//!
//! On 27 November 2026, among the employees whose standard requires a
//! competency (kabid: integritas 3, kerja sama 3, perekat 3; dokter:
//! integritas 2, yankes 3):
//! - Integritas (M.1): Budi (3) valid 4, Fitri (2) valid 3, Rina (2) none:
//!   wajib 3, levels 3 and 4 once each, both meet, one not assessed.
//!   Dewi's valid 2 is not required (only in `level_semua`).
//! - Kerja Sama (M.2): Budi only, expired 2: one expired.
//! - Perekat Bangsa (SK.1): Budi, none: one not assessed (Fitri's 4 is not required).
//! - Pelayanan Kesehatan Dasar (T.KES.1): Fitri expired 2, Rina none.

use crate::fixture::Fixture;
use crate::{get, masuk_sebagai};
use axum::http::StatusCode;
use kompeten_domain::{
    Golongan, GolonganPns, KelompokKompetensi, Level, MetodePenilaian, Nip, Pendidikan,
};
use kompeten_store::{
    Actor, KompetensiId, LevelKompetensi, NewKompetensi, NewPegawai, NewPenilaian, PegawaiId, Store,
};
use serde_json::{Value, json};
use time::macros::date;

/// The API entry of a competency.
fn komp(j: &Value, k: KompetensiId) -> Value {
    j["kompetensi"]
        .as_array()
        .expect("kompetensi")
        .iter()
        .find(|x| x["kompetensi_id"] == k.0)
        .cloned()
        .unwrap_or_else(|| panic!("competency {k} missing in {j}"))
}

fn ids_kompetensi(j: &Value) -> Vec<i64> {
    j["kompetensi"]
        .as_array()
        .expect("kompetensi")
        .iter()
        .map(|k| k["kompetensi_id"].as_i64().expect("id"))
        .collect()
}

/// (wajib, dinilai, memenuhi, kedaluwarsa, belum_dinilai).
fn angka(k: &Value) -> (u64, u64, u64, u64, u64) {
    let n = |f: &str| k[f].as_u64().unwrap_or_else(|| panic!("{f} in {k}"));
    (
        n("wajib"),
        n("dinilai"),
        n("memenuhi"),
        n("kedaluwarsa"),
        n("belum_dinilai"),
    )
}

/// CSV rows (the BOM removed), fields unquoted; enough for our files.
fn csv(body: &str) -> Vec<Vec<String>> {
    let body = body
        .strip_prefix('\u{feff}')
        .expect("CSV starts with a BOM");
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => row.push(std::mem::take(&mut field)),
            '\n' if !quoted => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            '\r' if !quoted => {}
            c => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn baris_csv<'a>(rows: &'a [Vec<String>], kode: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r.first().map(String::as_str) == Some(kode))
        .unwrap_or_else(|| panic!("row {kode} missing in {rows:?}"))
}

async fn nilai(fx: &Fixture, p: PegawaiId, k: KompetensiId, l: i64) {
    fx.store
        .record_penilaian(
            fx.ids.a,
            &Actor::system("uji"),
            &[NewPenilaian {
                pegawai: p,
                kompetensi: k,
                level: Level::new(l).expect("level"),
                metode: MetodePenilaian::AssessmentCenter,
                tanggal: date!(2026 - 01 - 10),
                berlaku_sampai: date!(2029 - 01 - 09),
                asesor: "Tim".into(),
                catatan_bukti: "Laporan".into(),
            }],
        )
        .await
        .expect("penilaian");
}

const HEADER: [&str; 16] = [
    "Kode",
    "Nama",
    "Kelompok",
    "Wajib",
    "Memenuhi",
    "Memenuhi (%)",
    "Level 1",
    "Level 2",
    "Level 3",
    "Level 4",
    "Level 5",
    "Gap 1",
    "Gap 2",
    "Gap 3+",
    "Kedaluwarsa",
    "Belum dinilai",
];

#[tokio::test]
async fn admin_overview_has_hand_checked_numbers_in_page_api_and_files() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "admin").await;

    let res = get(&fx.app, "/api/v1/sebaran", s.c()).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let j = res.json();
    assert_eq!(
        ids_kompetensi(&j),
        vec![
            ids.integritas.0,
            ids.kerja_sama.0,
            ids.perekat.0,
            ids.yankes.0
        ]
    );
    assert_eq!(j["pegawai_dihitung"], 3);
    assert_eq!(j["pegawai_tanpa_standar"], 3);
    assert_eq!(j["hari_ini"], "2026-11-27");
    let m1 = komp(&j, ids.integritas);
    assert_eq!(angka(&m1), (3, 2, 2, 0, 1));
    assert_eq!(m1["kode"], "M.1");
    assert_eq!(m1["kelompok"], "manajerial");
    assert_eq!(m1["level"], json!([0, 0, 1, 1, 0]));
    assert_eq!(m1["gap"], json!([2, 0, 0, 0, 0]));
    assert_eq!(m1["rerata_gap"], 0.0);
    assert_eq!(
        m1["level_semua"],
        json!([0, 1, 1, 1, 0]),
        "Dewi's 2 counts here"
    );
    let p = m1["persen_memenuhi"].as_f64().expect("percent");
    assert!((p - 200.0 / 3.0).abs() < 1e-9, "{p}");
    let m2 = komp(&j, ids.kerja_sama);
    assert_eq!(angka(&m2), (1, 0, 0, 1, 0));
    assert!(m2["rerata_gap"].is_null(), "nobody assessed");
    assert_eq!(m2["level"], json!([0, 0, 0, 0, 0]));
    let sk = komp(&j, ids.perekat);
    assert_eq!(angka(&sk), (1, 0, 0, 0, 1));
    assert_eq!(sk["level_semua"], json!([0, 0, 0, 1, 0]));
    assert_eq!(angka(&komp(&j, ids.yankes)), (2, 0, 0, 1, 1));

    // The page: same numbers, the bar's text alternative, links, grouping.
    let page = get(&fx.app, "/sebaran", s.c()).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let b = &page.body;
    assert!(b.contains("href=\"/sebaran\" aria-current=\"page\""), "{b}");
    assert!(b.contains(&format!(
        "<a href=\"/sebaran/{}\">M.1 Integritas</a>",
        ids.integritas
    )));
    assert!(b.contains("2 (66,7%)"), "{b}");
    assert!(b.contains(
        "Dari 3 pegawai yang wajib: level 1 0, level 2 0, level 3 1, level 4 1, level 5 0; \
         kedaluwarsa 0; belum dinilai 1"
    ));
    assert!(b.contains(
        "Dari 2 pegawai yang wajib: level 1 0, level 2 0, level 3 0, level 4 0, level 5 0; \
         kedaluwarsa 1; belum dinilai 1"
    ));
    assert!(b.contains("<rect class=\"sebaran-l3\""));
    assert!(b.contains(">Manajerial</th>") && b.contains(">Teknis</th>"));
    assert!(b.contains("href=\"/sebaran/unduh?format=xlsx\""));
    assert!(b.contains("href=\"/sebaran/unduh?format=csv\""));
    assert!(!b.contains("style="), "no inline style under the CSP");

    // CSV: the header and the hand-checked row.
    let f = get(&fx.app, "/sebaran/unduh?format=csv", s.c()).await;
    assert_eq!(f.status, StatusCode::OK, "{}", f.body);
    assert_eq!(f.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(
        f.header("content-disposition")
            .is_some_and(|d| d.contains("sebaran-kompetensi-2026-11-27.csv")),
        "{:?}",
        f.header("content-disposition")
    );
    let rows = csv(&f.body);
    assert_eq!(rows[0], HEADER);
    assert_eq!(rows.len(), 5, "header and four competencies: {rows:?}");
    assert_eq!(
        baris_csv(&rows, "M.1"),
        [
            "M.1",
            "Integritas",
            "Manajerial",
            "3",
            "2",
            "66.7",
            "0",
            "0",
            "1",
            "1",
            "0",
            "0",
            "0",
            "0",
            "0",
            "1"
        ]
    );
    assert_eq!(
        baris_csv(&rows, "T.KES.1")[3..],
        [
            "2", "0", "0.0", "0", "0", "0", "0", "0", "0", "0", "0", "1", "1"
        ]
    );

    // XLSX: a ZIP with the right type; the default format is XLSX too.
    for url in ["/sebaran/unduh?format=xlsx", "/sebaran/unduh"] {
        let x = get(&fx.app, url, s.c()).await;
        assert_eq!(x.status, StatusCode::OK);
        assert_eq!(
            x.header("content-type"),
            Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        );
        assert!(x.body.starts_with("PK"), "ZIP magic");
    }
    let bad = get(&fx.app, "/sebaran/unduh?format=pdf", s.c()).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let bad = get(
        &fx.app,
        &format!("/sebaran/{}/unduh?format=ods", ids.integritas),
        s.c(),
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);

    // Documented in the OpenAPI document.
    let doc = get(&fx.app, "/api/v1/openapi.json", s.c()).await.json();
    assert!(doc["paths"]["/api/v1/sebaran"]["get"].is_object());
}

#[tokio::test]
async fn valid_levels_below_the_standard_fill_the_gap_columns() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    // Rina: integritas 1 against 2 (gap 1); Budi: kerja sama 1 against 3
    // (gap 2), newer than his expired 2.
    nilai(&fx, ids.rina, ids.integritas, 1).await;
    nilai(&fx, ids.budi, ids.kerja_sama, 1).await;
    let s = masuk_sebagai(&fx, "admin").await;
    let j = get(&fx.app, "/api/v1/sebaran", s.c()).await.json();
    let m1 = komp(&j, ids.integritas);
    assert_eq!(angka(&m1), (3, 3, 2, 0, 0));
    assert_eq!(m1["level"], json!([1, 0, 1, 1, 0]));
    assert_eq!(m1["gap"], json!([2, 1, 0, 0, 0]));
    let g = m1["rerata_gap"].as_f64().expect("mean gap");
    assert!((g - 1.0 / 3.0).abs() < 1e-9, "{g}");
    let m2 = komp(&j, ids.kerja_sama);
    assert_eq!(angka(&m2), (1, 1, 0, 0, 0));
    assert_eq!(m2["gap"], json!([0, 0, 1, 0, 0]));

    let rows = csv(&get(&fx.app, "/sebaran/unduh?format=csv", s.c()).await.body);
    // Gap 1, Gap 2, Gap 3+ are columns 11..14.
    assert_eq!(baris_csv(&rows, "M.1")[11..14], ["1", "0", "0"]);
    assert_eq!(baris_csv(&rows, "M.2")[11..14], ["0", "1", "0"]);
    assert_eq!(baris_csv(&rows, "M.2")[6], "1", "level 1 once");

    let d = get(&fx.app, &format!("/sebaran/{}", ids.integritas), s.c()).await;
    assert_eq!(d.status, StatusCode::OK, "{}", d.body);
    assert!(
        d.body.contains("<dd id=\"angka-gap\">0,33</dd>"),
        "{}",
        d.body
    );
    assert!(
        d.body
            .contains("<tr><th scope=\"row\">Gap 1</th><td class=\"angka\">1</td></tr>")
    );
}

#[tokio::test]
async fn detail_page_has_headline_charts_and_per_unit_rows() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "admin").await;
    let d = get(&fx.app, &format!("/sebaran/{}", ids.integritas), s.c()).await;
    assert_eq!(d.status, StatusCode::OK, "{}", d.body);
    let b = &d.body;
    assert!(b.contains("<h1>M.1 Integritas</h1>"));
    assert!(b.contains("<dd id=\"angka-wajib\">3 pegawai</dd>"));
    assert!(b.contains("<dd id=\"angka-memenuhi\">2 pegawai (66,7%)</dd>"));
    assert!(b.contains("<dd id=\"angka-dinilai\">2 pegawai</dd>"));
    assert!(b.contains("<dd id=\"angka-gap\">0,00</dd>"));
    assert!(b.contains("<dd id=\"angka-kedaluwarsa\">0 pegawai</dd>"));
    assert!(b.contains("<dd id=\"angka-belum\">1 pegawai</dd>"));
    // Current vs required levels: Budi 4 of 3, Fitri 3 of 2; Rina requires 2.
    let level = |l: u8, kini: u32, standar: u32| {
        format!(
            "<tr><th scope=\"row\">Level {l}</th><td class=\"angka\">{kini}</td>\
             <td class=\"angka\">{standar}</td></tr>"
        )
    };
    assert!(b.contains(&level(2, 0, 2)), "{b}");
    assert!(b.contains(&level(3, 1, 1)));
    assert!(b.contains(&level(4, 1, 0)));
    assert!(b.contains("<tr><th scope=\"row\">Memenuhi</th><td class=\"angka\">2</td></tr>"));
    assert!(b.contains("<title>Level 3, Level standar: 1</title>"));
    assert!(b.contains("role=\"img\""));
    assert!(!b.contains("style="));
    // Per OPD: Dinas Kesehatan holds all three; Dinas Pendidikan nobody (no link).
    assert!(b.contains(&format!(
        "<a href=\"/peta/sel?unit={}&#38;kompetensi={}\">Dinas Kesehatan</a>",
        ids.opd1, ids.integritas
    )));
    assert!(b.contains("<td data-label=\"Unit\">Dinas Pendidikan</td>"));
    assert!(b.contains("<td data-label=\"Memenuhi (%)\" class=\"angka\">66,7%</td>"));

    // One OPD with a filter: its rows and the filters in the drill-down links.
    let d = get(
        &fx.app,
        &format!("/sebaran/{}?opd={}&status=pns", ids.integritas, ids.opd1),
        s.c(),
    )
    .await;
    assert_eq!(d.status, StatusCode::OK);
    assert!(d.body.contains("Dinas Kesehatan (unit sendiri)"));
    assert!(d.body.contains(&format!(
        "/peta/sel?unit={}&#38;kompetensi={}&#38;opd={}&#38;status=pns",
        ids.puskesmas, ids.integritas, ids.opd1
    )));
    assert!(
        d.body.contains("<dd id=\"angka-wajib\">2 pegawai</dd>"),
        "Rina is PPPK"
    );
    assert!(d.body.contains(&format!(
        "href=\"/sebaran?opd={}&#38;status=pns\"",
        ids.opd1
    )));

    // The per-unit download: one row per map row.
    let f = get(
        &fx.app,
        &format!(
            "/sebaran/{}/unduh?format=csv&opd={}",
            ids.integritas, ids.opd1
        ),
        s.c(),
    )
    .await;
    assert_eq!(f.status, StatusCode::OK, "{}", f.body);
    let rows = csv(&f.body);
    assert_eq!(
        rows[0],
        [
            "Unit",
            "Wajib",
            "Memenuhi",
            "Memenuhi (%)",
            "Rerata gap",
            "Kedaluwarsa",
            "Belum dinilai"
        ]
    );
    assert_eq!(
        rows[1..],
        [
            vec!["Dinas Kesehatan (unit sendiri)", "0", "0", "", "", "0", "0"],
            vec![
                "Bidang Pelayanan Kesehatan",
                "1",
                "1",
                "100.0",
                "0.00",
                "0",
                "0"
            ],
            vec!["Puskesmas Talawi", "2", "1", "50.0", "0.00", "0", "1"],
        ]
    );
    let x = get(
        &fx.app,
        &format!("/sebaran/{}/unduh?format=xlsx", ids.integritas),
        s.c(),
    )
    .await;
    assert_eq!(x.status, StatusCode::OK);
    assert!(x.body.starts_with("PK"));
}

#[tokio::test]
async fn unknown_or_foreign_competency_is_not_found() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    for url in [
        "/sebaran/999999",
        "/sebaran/abc",
        "/sebaran/0",
        "/sebaran/999999/unduh?format=csv",
    ] {
        let r = get(&fx.app, url, s.c()).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{url}");
    }
    // A competency of instansi B does not exist for A's reader.
    let lain = fx
        .store
        .add_kompetensi(
            fx.ids.b,
            &Actor::system("uji"),
            &NewKompetensi {
                kode: "M.9".into(),
                kelompok: KelompokKompetensi::Manajerial,
                bidang: None,
                nama: "Kompetensi Lain".into(),
                definisi: "Definisi.".into(),
                level: (1..=5)
                    .map(|l| LevelKompetensi {
                        level: Level::new(l).expect("level"),
                        deskripsi: format!("Level {l}."),
                        indikator: vec![format!("Indikator {l}")],
                    })
                    .collect(),
            },
        )
        .await
        .expect("kompetensi B");
    let r = get(&fx.app, &format!("/sebaran/{lain}"), s.c()).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(!r.body.contains("Kompetensi Lain"));
}

#[tokio::test]
async fn pimpinan_counts_only_their_units() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    // Another dokter in Dinas Pendidikan, not assessed: outside the
    // pimpinan's Dinas Kesehatan.
    fx.store
        .add_pegawai(
            ids.a,
            &Actor::system("uji"),
            &[NewPegawai {
                nip: Nip::parse_pns("198202022006042001").expect("NIP"),
                nama: "Sari Dokter Sekolah".into(),
                gelar_depan: None,
                gelar_belakang: None,
                golongan: Golongan::Pns(GolonganPns::IIIb),
                jabatan: Some(ids.dokter),
                unit: ids.sekolah,
                pendidikan: Pendidikan::S1,
                aktif: true,
            }],
        )
        .await
        .expect("pegawai");

    let admin = masuk_sebagai(&fx, "admin").await;
    let j = get(&fx.app, "/api/v1/sebaran", admin.c()).await.json();
    assert_eq!(angka(&komp(&j, ids.integritas)), (4, 2, 2, 0, 2));
    assert_eq!(angka(&komp(&j, ids.yankes)), (3, 0, 0, 1, 2));

    let s = masuk_sebagai(&fx, "pimpinan").await;
    let j = get(&fx.app, "/api/v1/sebaran", s.c()).await.json();
    assert_eq!(angka(&komp(&j, ids.integritas)), (3, 2, 2, 0, 1));
    assert_eq!(angka(&komp(&j, ids.yankes)), (2, 0, 0, 1, 1));
    let page = get(&fx.app, "/sebaran", s.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("hanya mencakup unit yang Anda pimpin"));
    assert!(
        !page.body.contains("Dinas Pendidikan"),
        "not a filter choice"
    );
    let rows = csv(&get(&fx.app, "/sebaran/unduh?format=csv", s.c()).await.body);
    assert_eq!(baris_csv(&rows, "M.1")[3], "3");

    // The breakdown has the map's rows for a pimpinan: their unit and its sub-units.
    let d = get(&fx.app, &format!("/sebaran/{}", ids.integritas), s.c()).await;
    assert_eq!(d.status, StatusCode::OK);
    assert!(d.body.contains("Dinas Kesehatan (unit sendiri)"));
    assert!(d.body.contains("Puskesmas Talawi"));
    assert!(!d.body.contains("Dinas Pendidikan"));

    // Another OPD is outside their scope everywhere.
    for url in [
        format!("/sebaran?opd={}", ids.opd2),
        format!("/api/v1/sebaran?opd={}", ids.opd2),
        format!("/sebaran/unduh?format=csv&opd={}", ids.opd2),
        format!("/sebaran/{}?opd={}", ids.integritas, ids.opd2),
        format!(
            "/sebaran/{}/unduh?format=csv&opd={}",
            ids.integritas, ids.opd2
        ),
    ] {
        let r = get(&fx.app, &url, s.c()).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{url}");
        assert!(!r.body.contains("Sari Dokter"));
    }
}

#[tokio::test]
async fn pegawai_counts_only_themselves_and_mitra_is_refused() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "fitri").await;
    let j = get(&fx.app, "/api/v1/sebaran", s.c()).await.json();
    assert_eq!(j["pegawai_dihitung"], 1);
    assert_eq!(angka(&komp(&j, ids.integritas)), (1, 1, 1, 0, 0));
    assert_eq!(komp(&j, ids.integritas)["level"], json!([0, 0, 1, 0, 0]));
    assert_eq!(angka(&komp(&j, ids.yankes)), (1, 0, 0, 1, 0));
    // Managerial and socio-cultural are listed even when not required.
    assert_eq!(angka(&komp(&j, ids.kerja_sama)), (0, 0, 0, 0, 0));
    assert!(komp(&j, ids.kerja_sama)["persen_memenuhi"].is_null());
    assert_eq!(komp(&j, ids.perekat)["level_semua"], json!([0, 0, 0, 1, 0]));
    let page = get(&fx.app, "/sebaran", s.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("hanya berisi data Anda sendiri"));
    let d = get(&fx.app, &format!("/sebaran/{}", ids.integritas), s.c()).await;
    assert_eq!(d.status, StatusCode::OK);
    assert!(d.body.contains("<dd id=\"angka-wajib\">1 pegawai</dd>"));

    let m = masuk_sebagai(&fx, "mitra").await;
    for url in [
        "/sebaran".to_owned(),
        "/api/v1/sebaran".to_owned(),
        "/sebaran/unduh?format=csv".to_owned(),
        format!("/sebaran/{}", ids.integritas),
        format!("/sebaran/{}/unduh", ids.integritas),
    ] {
        let r = get(&fx.app, &url, m.c()).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{url}");
    }
    let home = get(&fx.app, "/", m.c()).await;
    assert!(
        !home.body.contains("href=\"/sebaran\""),
        "no menu entry for mitra"
    );
    let a = masuk_sebagai(&fx, "auditor").await;
    let home = get(&fx.app, "/", a.c()).await;
    assert!(
        home.body
            .contains("href=\"/sebaran\">Sebaran Kompetensi</a>")
    );

    // Not signed in: never the data.
    let r = get(&fx.app, "/api/v1/sebaran", None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn filters_change_the_numbers_and_stay_in_the_links() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "admin").await;

    // PPPK only: Rina alone, nothing assessed.
    let j = get(&fx.app, "/api/v1/sebaran?status=pppk", s.c())
        .await
        .json();
    assert_eq!(angka(&komp(&j, ids.integritas)), (1, 0, 0, 0, 1));
    assert_eq!(angka(&komp(&j, ids.kerja_sama)), (0, 0, 0, 0, 0));
    assert_eq!(angka(&komp(&j, ids.yankes)), (1, 0, 0, 0, 1));
    let rows = csv(
        &get(&fx.app, "/sebaran/unduh?format=csv&status=pppk", s.c())
            .await
            .body,
    );
    assert_eq!(baris_csv(&rows, "M.1")[3..6], ["1", "0", "0.0"]);
    let page = get(&fx.app, "/sebaran?status=pppk", s.c()).await;
    assert!(
        page.body
            .contains(&format!("href=\"/sebaran/{}?status=pppk\"", ids.integritas))
    );
    assert!(
        page.body
            .contains("href=\"/sebaran/unduh?format=csv&#38;status=pppk\"")
    );
    assert!(page.body.contains("value=\"pppk\" selected"));

    // Administrator positions: Budi alone; the technical competency leaves.
    let j = get(&fx.app, "/api/v1/sebaran?jenis=administrator", s.c())
        .await
        .json();
    assert_eq!(
        ids_kompetensi(&j),
        vec![ids.integritas.0, ids.kerja_sama.0, ids.perekat.0]
    );
    assert_eq!(angka(&komp(&j, ids.integritas)), (1, 1, 1, 0, 0));

    // Dinas Pendidikan: nobody with a standard.
    let j = get(&fx.app, &format!("/api/v1/sebaran?opd={}", ids.opd2), s.c())
        .await
        .json();
    assert_eq!(angka(&komp(&j, ids.integritas)), (0, 0, 0, 0, 0));
    assert_eq!(j["pegawai_dihitung"], 0);

    // Bad filters: the API and the files say so; the page ignores and names it.
    for url in [
        "/api/v1/sebaran?status=honorer",
        "/api/v1/sebaran?opd=999999",
        "/api/v1/sebaran?jenis=raja",
        "/sebaran/unduh?format=csv&status=honorer",
    ] {
        let r = get(&fx.app, url, s.c()).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{url}");
    }
    let page = get(&fx.app, "/sebaran?status=honorer", s.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("honorer"));
}
