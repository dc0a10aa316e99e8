//! Peta Kompetensi: hand-checked cells on the fixture, filters, drill-down
//! and who may see what.
//!
//! On 27 November 2026 the fixture gives, for the positions with a standard:
//! - Budi (kabid, Bidang, PNS): integritas 4 ≥ 3 meets; kerja sama only
//!   expired; perekat not assessed.
//! - Fitri (dokter, Puskesmas, PNS): integritas 3 ≥ 2 meets; yankes only
//!   expired (perekat assessed but not required).
//! - Rina (dokter, Puskesmas, PPPK): nothing assessed.
//!
//! Hendra (kadis) and Dewi (guru) hold positions without a standard; Yusuf
//! has no position. All of that is in Dinas Kesehatan; Dinas Pendidikan has
//! no cell.

use crate::fixture::Fixture;
use crate::{get, masuk_sebagai};
use axum::http::StatusCode;
use kompeten_domain::{Level, MetodePenilaian};
use kompeten_store::{Actor, KompetensiId, NewPenilaian, Store, UnitId};
use serde_json::Value;
use time::macros::date;

/// The API cell of (unit, kompetensi), if any.
fn sel(json: &Value, unit: UnitId, k: KompetensiId) -> Option<Value> {
    json["sel"]
        .as_array()
        .expect("sel")
        .iter()
        .find(|s| s["unit_id"] == unit.0 && s["kompetensi_id"] == k.0)
        .cloned()
}

/// (wajib, dinilai, memenuhi, kedaluwarsa, belum_dinilai) of a cell.
fn angka(s: &Value) -> (u64, u64, u64, u64, u64) {
    let n = |k: &str| s[k].as_u64().unwrap_or_else(|| panic!("{k} in {s}"));
    (
        n("wajib"),
        n("dinilai"),
        n("memenuhi"),
        n("kedaluwarsa"),
        n("belum_dinilai"),
    )
}

fn baris(json: &Value) -> Vec<i64> {
    json["baris"]
        .as_array()
        .expect("baris")
        .iter()
        .map(|b| b["unit_id"].as_i64().expect("unit id"))
        .collect()
}

fn kolom(json: &Value) -> Vec<i64> {
    json["kolom"]
        .as_array()
        .expect("kolom")
        .iter()
        .map(|k| k["kompetensi_id"].as_i64().expect("id"))
        .collect()
}

#[tokio::test]
async fn admin_map_has_hand_checked_cells_per_opd() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "admin").await;
    let res = get(&fx.app, "/api/v1/peta", s.c()).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let j = res.json();
    assert_eq!(baris(&j), vec![ids.opd1.0, ids.opd2.0]);
    assert_eq!(
        kolom(&j),
        vec![
            ids.integritas.0,
            ids.kerja_sama.0,
            ids.perekat.0,
            ids.yankes.0
        ]
    );
    assert_eq!(j["pegawai_dihitung"], 3);
    assert_eq!(j["pegawai_tanpa_standar"], 3);
    assert_eq!(j["sel"].as_array().expect("sel").len(), 4, "{j}");

    let c = sel(&j, ids.opd1, ids.integritas).expect("integritas");
    assert_eq!(angka(&c), (3, 2, 2, 0, 1));
    assert_eq!(c["rerata_gap"], 0.0);
    let c = sel(&j, ids.opd1, ids.kerja_sama).expect("kerja sama");
    assert_eq!(angka(&c), (1, 0, 0, 1, 0));
    assert!(c["rerata_gap"].is_null(), "nobody assessed: no mean gap");
    let c = sel(&j, ids.opd1, ids.perekat).expect("perekat");
    assert_eq!(angka(&c), (1, 0, 0, 0, 1));
    let c = sel(&j, ids.opd1, ids.yankes).expect("yankes");
    assert_eq!(angka(&c), (2, 0, 0, 1, 1));
    assert_eq!(c["persen_memenuhi"], 0.0);
    assert!(sel(&j, ids.opd2, ids.integritas).is_none());

    // The page shows the same: share, counts and the tooltip.
    let page = get(&fx.app, "/peta", s.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Dinas Kesehatan"), "{}", page.body);
    assert!(page.body.contains("Dinas Pendidikan"));
    assert!(
        page.body.contains("66,7%<small>2/3</small>"),
        "{}",
        page.body
    );
    assert!(page.body.contains(
        "Integritas — Dinas Kesehatan: 2 dari 3 memenuhi standar; rerata gap 0,00; \
         belum dinilai 1; kedaluwarsa 0"
    ));
    assert!(page.body.contains(
        "Pelayanan Kesehatan Dasar — Dinas Kesehatan: 0 dari 2 memenuhi standar; \
         rerata gap –; belum dinilai 1; kedaluwarsa 1"
    ));
    assert!(page.body.contains(&format!(
        "href=\"/peta/sel?unit={}&#38;kompetensi={}\"",
        ids.opd1, ids.integritas
    )));
    assert!(page.body.contains("class=\"pita-2\""), "66.7% is band 2");
    assert!(page.body.contains("class=\"pita-0\""), "0% is band 0");
    assert!(
        !page.body.contains("style="),
        "no inline style under the CSP"
    );
    assert!(page.body.contains("href=\"/peta\" aria-current=\"page\""));

    // The auditor reads the same map.
    let a = masuk_sebagai(&fx, "auditor").await;
    let ja = get(&fx.app, "/api/v1/peta", a.c()).await.json();
    assert_eq!(ja["sel"], j["sel"]);
}

#[tokio::test]
async fn a_valid_level_below_the_standard_gives_a_mean_gap() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    // Rina: integritas 1 against a required 2.
    fx.store
        .record_penilaian(
            ids.a,
            &Actor::system("uji"),
            &[NewPenilaian {
                pegawai: ids.rina,
                kompetensi: ids.integritas,
                level: Level::new(1).expect("level"),
                metode: MetodePenilaian::AssessmentCenter,
                tanggal: date!(2026 - 01 - 10),
                berlaku_sampai: date!(2029 - 01 - 09),
                asesor: "Tim".into(),
                catatan_bukti: "Laporan".into(),
            }],
        )
        .await
        .expect("penilaian");
    let s = masuk_sebagai(&fx, "admin").await;
    let j = get(&fx.app, "/api/v1/peta", s.c()).await.json();
    let c = sel(&j, ids.opd1, ids.integritas).expect("integritas");
    assert_eq!(angka(&c), (3, 3, 2, 0, 0));
    let gap = c["rerata_gap"].as_f64().expect("mean gap");
    assert!((gap - 1.0 / 3.0).abs() < 1e-9, "{gap}");
    let page = get(&fx.app, "/peta", s.c()).await;
    assert!(page.body.contains("rerata gap 0,33; belum dinilai 0"));
    let d = get(
        &fx.app,
        &format!("/peta/sel?unit={}&kompetensi={}", ids.opd1, ids.integritas),
        s.c(),
    )
    .await;
    assert!(d.body.contains("Kurang (gap 1)"), "{}", d.body);
}

#[tokio::test]
async fn filters_change_the_cells_and_stay_in_the_links() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "admin").await;

    // PNS only: Rina (PPPK) leaves.
    let j = get(&fx.app, "/api/v1/peta?status=pns", s.c()).await.json();
    assert_eq!(
        angka(&sel(&j, ids.opd1, ids.integritas).expect("c")),
        (2, 2, 2, 0, 0)
    );
    assert_eq!(
        angka(&sel(&j, ids.opd1, ids.yankes).expect("c")),
        (1, 0, 0, 1, 0)
    );
    // PPPK only: Rina alone, nothing assessed.
    let j = get(&fx.app, "/api/v1/peta?status=pppk", s.c()).await.json();
    assert_eq!(
        angka(&sel(&j, ids.opd1, ids.integritas).expect("c")),
        (1, 0, 0, 0, 1)
    );
    assert!(sel(&j, ids.opd1, ids.kerja_sama).is_none());
    // Administrator positions: Budi alone; the technical column is not required, so not shown.
    let j = get(&fx.app, "/api/v1/peta?jenis=administrator", s.c())
        .await
        .json();
    assert_eq!(
        angka(&sel(&j, ids.opd1, ids.integritas).expect("c")),
        (1, 1, 1, 0, 0)
    );
    assert_eq!(
        kolom(&j),
        vec![ids.integritas.0, ids.kerja_sama.0, ids.perekat.0]
    );
    assert_eq!(j["pegawai_dihitung"], 1);

    // One OPD: its own staff and its sub-units become the rows.
    let j = get(&fx.app, &format!("/api/v1/peta?opd={}", ids.opd1), s.c())
        .await
        .json();
    assert_eq!(baris(&j), vec![ids.opd1.0, ids.bidang.0, ids.puskesmas.0]);
    assert_eq!(j["baris"][0]["hanya_unit_sendiri"], true);
    assert!(
        sel(&j, ids.opd1, ids.integritas).is_none(),
        "Hendra has no standard"
    );
    assert_eq!(
        angka(&sel(&j, ids.bidang, ids.integritas).expect("c")),
        (1, 1, 1, 0, 0)
    );
    assert_eq!(
        angka(&sel(&j, ids.puskesmas, ids.integritas).expect("c")),
        (2, 1, 1, 0, 1)
    );
    assert_eq!(
        angka(&sel(&j, ids.puskesmas, ids.yankes).expect("c")),
        (2, 0, 0, 1, 1)
    );

    // The page keeps the filters in the cell links and the form.
    let page = get(
        &fx.app,
        &format!("/peta?opd={}&status=pns", ids.opd1),
        s.c(),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains(&format!(
            "/peta/sel?unit={}&#38;kompetensi={}&#38;opd={}&#38;status=pns",
            ids.puskesmas, ids.integritas, ids.opd1
        )),
        "{}",
        page.body
    );
    assert!(page.body.contains("value=\"pns\" selected"));
    assert!(page.body.contains("Dinas Kesehatan (unit sendiri)"));

    // A bad filter: the API says so; the page ignores it and says so.
    let bad = get(&fx.app, "/api/v1/peta?status=honorer", s.c()).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let page = get(&fx.app, "/peta?status=honorer", s.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("honorer"), "the problem is named");
    let unknown = get(&fx.app, "/api/v1/peta?opd=999999", s.c()).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn drill_down_lists_exactly_the_people_of_the_cell() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "admin").await;
    let url = format!("/peta/sel?unit={}&kompetensi={}", ids.opd1, ids.integritas);
    let d = get(&fx.app, &url, s.c()).await;
    assert_eq!(d.status, StatusCode::OK, "{}", d.body);
    for (nama, id) in [
        ("Budi Santoso", ids.budi),
        ("dr. Fitri Yuliani", ids.fitri),
        ("Rina Marlina", ids.rina),
    ] {
        assert!(d.body.contains(nama), "{nama} missing");
        assert!(d.body.contains(&format!("href=\"/pegawai/{id}\"")));
    }
    for nama in ["Hendra Gunawan", "Dewi Lestari", "Yusuf Maulana"] {
        assert!(!d.body.contains(nama), "{nama} is not in the cell");
    }
    assert!(d.body.contains("Kepala Bidang Pelayanan Kesehatan"));
    assert_eq!(d.body.matches("Memenuhi</td>").count(), 2);
    assert_eq!(d.body.matches("Belum dinilai</td>").count(), 1);

    // Filters narrow the cell the same way as the map.
    let d = get(&fx.app, &format!("{url}&status=pns"), s.c()).await;
    assert!(d.body.contains("Budi Santoso") && d.body.contains("Fitri Yuliani"));
    assert!(!d.body.contains("Rina Marlina"));

    // Sub-unit rows: only that unit's people; expired shows the old level.
    let d = get(
        &fx.app,
        &format!(
            "/peta/sel?unit={}&kompetensi={}&opd={}",
            ids.puskesmas, ids.yankes, ids.opd1
        ),
        s.c(),
    )
    .await;
    assert!(d.body.contains("Fitri Yuliani") && d.body.contains("Rina Marlina"));
    assert!(!d.body.contains("Budi Santoso"));
    assert!(d.body.contains("2 (kedaluwarsa)"), "{}", d.body);

    // A unit that is not a row, an unknown competency, missing ids.
    let d = get(
        &fx.app,
        &format!(
            "/peta/sel?unit={}&kompetensi={}",
            ids.bidang, ids.integritas
        ),
        s.c(),
    )
    .await;
    assert_eq!(
        d.status,
        StatusCode::NOT_FOUND,
        "bidang is inside the OPD row"
    );
    let d = get(
        &fx.app,
        &format!("/peta/sel?unit={}&kompetensi=999999", ids.opd1),
        s.c(),
    )
    .await;
    assert_eq!(d.status, StatusCode::NOT_FOUND);
    let d = get(&fx.app, "/peta/sel?unit=abc", s.c()).await;
    assert_eq!(d.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn pimpinan_sees_only_their_units() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "pimpinan").await;
    let j = get(&fx.app, "/api/v1/peta", s.c()).await.json();
    assert_eq!(baris(&j), vec![ids.opd1.0, ids.bidang.0, ids.puskesmas.0]);
    assert_eq!(j["pegawai_dihitung"], 3);
    assert_eq!(
        angka(&sel(&j, ids.puskesmas, ids.integritas).expect("c")),
        (2, 1, 1, 0, 1)
    );
    let page = get(&fx.app, "/peta", s.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("Dinas Pendidikan"), "{}", page.body);
    assert!(page.body.contains("Puskesmas Talawi"));

    // Outside their scope: the map of another OPD and its cells.
    let r = get(&fx.app, &format!("/peta?opd={}", ids.opd2), s.c()).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = get(&fx.app, &format!("/api/v1/peta?opd={}", ids.opd2), s.c()).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = get(
        &fx.app,
        &format!("/peta/sel?unit={}&kompetensi={}", ids.opd2, ids.integritas),
        s.c(),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(!r.body.contains("Dewi Lestari"));

    // Inside: their people.
    let r = get(
        &fx.app,
        &format!(
            "/peta/sel?unit={}&kompetensi={}",
            ids.puskesmas, ids.integritas
        ),
        s.c(),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Fitri Yuliani") && r.body.contains("Rina Marlina"));
}

#[tokio::test]
async fn pegawai_sees_only_themselves() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "fitri").await;
    let j = get(&fx.app, "/api/v1/peta", s.c()).await.json();
    assert_eq!(baris(&j), vec![ids.puskesmas.0]);
    assert_eq!(j["pegawai_dihitung"], 1);
    assert_eq!(
        angka(&sel(&j, ids.puskesmas, ids.integritas).expect("c")),
        (1, 1, 1, 0, 0)
    );
    assert_eq!(
        angka(&sel(&j, ids.puskesmas, ids.yankes).expect("c")),
        (1, 0, 0, 1, 0)
    );
    assert_eq!(j["sel"].as_array().expect("sel").len(), 2);

    let r = get(
        &fx.app,
        &format!(
            "/peta/sel?unit={}&kompetensi={}",
            ids.puskesmas, ids.integritas
        ),
        s.c(),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Fitri Yuliani"));
    assert!(!r.body.contains("Rina Marlina"), "a colleague stays hidden");
    for unit in [ids.opd1, ids.bidang, ids.sekolah] {
        let r = get(
            &fx.app,
            &format!("/peta/sel?unit={unit}&kompetensi={}", ids.integritas),
            s.c(),
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn mitra_gets_no_map_and_no_session_gets_none() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "mitra").await;
    let cell = format!("/peta/sel?unit={}&kompetensi={}", ids.opd1, ids.integritas);
    for path in ["/peta", "/api/v1/peta", cell.as_str()] {
        let r = get(&fx.app, path, s.c()).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
        assert!(!r.body.contains("Budi Santoso"));
    }
    let home = get(&fx.app, "/", s.c()).await;
    assert!(
        !home.body.contains("href=\"/peta\""),
        "no menu entry for mitra"
    );

    let r = get(&fx.app, "/peta", None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), Some("/masuk?next=%2Fpeta"));
    let r = get(&fx.app, "/api/v1/peta", None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = get(&fx.app, &cell, None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_api_is_documented() {
    let fx = Fixture::new().await;
    let doc = get(&fx.app, "/api/v1/openapi.json", None).await.json();
    let op = &doc["paths"]["/api/v1/peta"]["get"];
    for status in ["200", "400", "401", "403"] {
        assert!(op["responses"][status].is_object(), "{status}");
    }
    let params: Vec<&str> = op["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .map(|p| p["name"].as_str().expect("name"))
        .collect();
    assert_eq!(params, ["opd", "jenis", "status"]);
    assert!(doc["components"]["schemas"]["PetaDto"].is_object());
}
