//! Job fit for a position: hand-computed JPM against the Kabid standard,
//! the eligible filter, downloads, the API and who may see what.
//!
//! Kabid's standard: Integritas 3 (bobot 2), Kerja Sama 3 (bobot 1), Perekat
//! Bangsa 3 (bobot 1). With the extra assessments of [`dunia`], on 27
//! November 2026 (levels capped at the standard; only the latest valid
//! result counts; expired ones are shown, not counted):
//! - Fitri: Integritas 3 → 2·3; Perekat 4 capped to 3 → 1·3; Kerja Sama not
//!   assessed. JPM 9/9 = 100,00%, 2 assessed.
//! - Budi: Integritas 4 capped to 3 → 2·3; Kerja Sama only expired; Perekat
//!   not assessed. JPM 6/6 = 100,00%, 1 assessed, so after Fitri.
//! - Hendra: Integritas 3 → 2·3; Kerja Sama 1 → 1·1. JPM 7/9 = 77,78%
//!   ("Masih Memenuhi Syarat", below the default threshold).
//! - Dewi: Integritas 2 → 2·2; Kerja Sama: the latest valid result (1), not
//!   the older valid 3 → 1·1; Perekat 5 expired, not counted. JPM 5/9 =
//!   55,56% ("Kurang Memenuhi Syarat").
//! - Rina and Yusuf: nothing of the standard assessed, no JPM, last.
//!
//! Nobody has all three assessed, so with the default coverage rule (every
//! competency of the standard validly assessed) nobody would be eligible:
//! [`dunia`] sets the minimum coverage to 0 so the tests below check the
//! JPM ranking itself, and [`coverage_decides_eligibility_and_order`] the
//! rule.

use crate::fixture::{Fixture, SANDI_B};
use crate::{Jawab, get, masuk_di, masuk_sebagai};
use axum::http::StatusCode;
use kompeten_domain::{Level, MetodePenilaian};
use kompeten_io::analitik::PengaturanAnalitik;
use kompeten_store::{Actor, KompetensiId, NewPenilaian, PegawaiId, Store};
use serde_json::Value;
use time::Date;
use time::macros::date;

fn nilai(
    pegawai: PegawaiId,
    kompetensi: KompetensiId,
    level: i64,
    tanggal: Date,
    sampai: Date,
) -> NewPenilaian {
    NewPenilaian {
        pegawai,
        kompetensi,
        level: Level::new(level).expect("level"),
        metode: MetodePenilaian::AssessmentCenter,
        tanggal,
        berlaku_sampai: sampai,
        asesor: "Tim Asesor".into(),
        catatan_bukti: "Laporan".into(),
    }
}

/// The fixture plus the assessments the module comment relies on, with
/// no minimum coverage for eligibility.
async fn dunia() -> Fixture {
    dunia_dengan(PengaturanAnalitik {
        cakupan_minimal_seleksi: 0,
        ..PengaturanAnalitik::default()
    })
    .await
}

async fn dunia_dengan(atur: PengaturanAnalitik) -> Fixture {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    fx.store
        .set_pengaturan(
            ids.a,
            &Actor::system("uji"),
            PengaturanAnalitik::KUNCI,
            &atur.ke_json(),
        )
        .await
        .expect("settings");
    fx.store
        .record_penilaian(
            ids.a,
            &Actor::system("uji"),
            &[
                nilai(
                    ids.hendra,
                    ids.integritas,
                    3,
                    date!(2025 - 01 - 06),
                    date!(2028 - 01 - 05),
                ),
                nilai(
                    ids.hendra,
                    ids.kerja_sama,
                    1,
                    date!(2025 - 01 - 06),
                    date!(2028 - 01 - 05),
                ),
                nilai(
                    ids.dewi,
                    ids.kerja_sama,
                    3,
                    date!(2024 - 01 - 10),
                    date!(2027 - 01 - 09),
                ),
                nilai(
                    ids.dewi,
                    ids.kerja_sama,
                    1,
                    date!(2026 - 02 - 01),
                    date!(2029 - 01 - 31),
                ),
                nilai(
                    ids.dewi,
                    ids.perekat,
                    5,
                    date!(2021 - 01 - 10),
                    date!(2024 - 01 - 09),
                ),
            ],
        )
        .await
        .expect("penilaian");
    fx
}

fn url(fx: &Fixture, ekor: &str) -> String {
    format!("/jabatan/{}/kecocokan{ekor}", fx.ids.kabid)
}

fn api(fx: &Fixture, ekor: &str) -> String {
    format!("/api/v1/jabatan/{}/kecocokan{ekor}", fx.ids.kabid)
}

fn ok(res: Jawab) -> Jawab {
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    res
}

/// The employee ids of the API rows, in order.
fn urutan(j: &Value) -> Vec<i64> {
    j["baris"]
        .as_array()
        .expect("baris")
        .iter()
        .map(|b| b["pegawai_id"].as_i64().expect("pegawai_id"))
        .collect()
}

fn baris_api(j: &Value, p: PegawaiId) -> Value {
    j["baris"]
        .as_array()
        .expect("baris")
        .iter()
        .find(|b| b["pegawai_id"] == p.0)
        .unwrap_or_else(|| panic!("no row of {p:?} in {j}"))
        .clone()
}

/// The `<tr>` of the results table that names `nama`.
fn baris_html<'a>(body: &'a str, nama: &str) -> &'a str {
    body.split("<tr>")
        .skip(1)
        .find(|tr| tr.contains(nama))
        .unwrap_or_else(|| panic!("no row for {nama} in {body}"))
}

#[tokio::test]
async fn employees_are_ranked_by_hand_computed_jpm_against_the_position() {
    let fx = dunia().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "admin").await;

    let j = ok(get(&fx.app, &api(&fx, ""), s.c()).await).json();
    assert_eq!(j["total"], 6, "{j}");
    assert_eq!(j["memenuhi_syarat"], 2);
    assert_eq!(j["skala"], "Seleksi");
    assert_eq!(j["ambang"], "Memenuhi Syarat");
    assert!(j["keterangan"].is_null());
    assert_eq!(j["jabatan"]["id"], ids.kabid.0);
    assert_eq!(j["jabatan"]["jenis"], "administrator");
    assert_eq!(
        j["jabatan"]["unit"],
        "Dinas Kesehatan › Bidang Pelayanan Kesehatan"
    );
    let standar: Vec<(i64, u64)> = j["jabatan"]["standar"]
        .as_array()
        .expect("standar")
        .iter()
        .map(|s| {
            (
                s["kompetensi_id"].as_i64().expect("id"),
                s["level"].as_u64().expect("level"),
            )
        })
        .collect();
    assert_eq!(
        standar,
        vec![
            (ids.integritas.0, 3),
            (ids.kerja_sama.0, 3),
            (ids.perekat.0, 3)
        ]
    );

    let order = urutan(&j);
    assert_eq!(
        order[..4],
        [ids.fitri.0, ids.budi.0, ids.hendra.0, ids.dewi.0],
        "{j}"
    );
    let mut akhir = order[4..].to_vec();
    akhir.sort_unstable();
    let mut tanpa = vec![ids.rina.0, ids.yusuf.0];
    tanpa.sort_unstable();
    assert_eq!(akhir, tanpa);

    // (peringkat, jpm_bp, kategori, eligible, dinilai, kedaluwarsa, belum)
    let cek = |p: PegawaiId, harap: (u64, u64, &str, bool, u64, u64, u64)| {
        let b = baris_api(&j, p);
        let n = |k: &str| b[k].as_u64().unwrap_or_else(|| panic!("{k} in {b}"));
        assert_eq!(
            (
                n("peringkat"),
                n("jpm_bp"),
                b["kategori"].as_str().expect("kategori"),
                b["memenuhi_syarat"].as_bool().expect("bool"),
                n("dinilai"),
                n("kedaluwarsa"),
                n("belum_dinilai"),
            ),
            harap,
            "{b}"
        );
    };
    cek(ids.fitri, (1, 10000, "Memenuhi Syarat", true, 2, 0, 1));
    cek(ids.budi, (2, 10000, "Memenuhi Syarat", true, 1, 1, 1));
    cek(
        ids.hendra,
        (3, 7778, "Masih Memenuhi Syarat", false, 2, 0, 1),
    );
    cek(
        ids.dewi,
        (4, 5556, "Kurang Memenuhi Syarat", false, 2, 1, 0),
    );
    let dewi = baris_api(&j, ids.dewi);
    assert!((dewi["jpm"].as_f64().expect("jpm") - 500.0 / 9.0).abs() < 1e-9);
    assert_eq!(dewi["nip"], "199004102015032001");
    assert_eq!(dewi["nama"], "Dewi Lestari");
    assert_eq!(dewi["jabatan"], "Guru Ahli Pertama");
    assert_eq!(dewi["unit"], "SD Negeri 01 Kota Uji");
    let rina = baris_api(&j, ids.rina);
    assert!(rina["jpm"].is_null() && rina["kategori"].is_null());
    assert_eq!(rina["tanpa_jpm"], "belum_ada_yang_dinilai");
    assert_eq!(rina["memenuhi_syarat"], false);
    assert_eq!(rina["belum_dinilai"], 3);

    // The page: same order, JPM with a decimal comma, category and badge.
    let page = ok(get(&fx.app, &url(&fx, ""), s.c()).await);
    let b = &page.body;
    let pos = |nama: &str| b.find(nama).unwrap_or_else(|| panic!("{nama} in {b}"));
    assert!(pos("dr. Fitri Yuliani") < pos("Budi Santoso"));
    assert!(pos("Budi Santoso") < pos("Hendra Gunawan"));
    assert!(pos("Hendra Gunawan") < pos("Dewi Lestari"));
    assert!(pos("Dewi Lestari") < pos("Rina Marlina"));
    assert!(
        b.contains("6 pegawai diperingkat, 2 memenuhi syarat."),
        "{b}"
    );
    assert!(b.contains("Kepala Bidang Pelayanan Kesehatan"));
    assert!(b.contains("M.1 Integritas: 3"), "compact standard");

    let fitri = baris_html(b, "dr. Fitri Yuliani");
    assert!(fitri.contains(">1</td>"));
    assert!(fitri.contains("100,00%"));
    assert!(fitri.contains("lencana-berlaku\">Memenuhi Syarat<"));
    assert!(fitri.contains("Memenuhi syarat</span>"), "eligible badge");
    assert!(fitri.contains(&format!("href=\"/pegawai/{}\"", ids.fitri)));
    assert!(fitri.contains("19930812 202012 2 021"));
    let hendra = baris_html(b, "Hendra Gunawan");
    assert!(hendra.contains("77,78%"));
    assert!(hendra.contains(">Masih Memenuhi Syarat<"));
    assert!(!hendra.contains("Memenuhi syarat</span>"), "not eligible");
    let dewi = baris_html(b, "Dewi Lestari");
    assert!(dewi.contains("55,56%"));
    assert!(dewi.contains(">Kurang Memenuhi Syarat<"));
    assert!(dewi.contains("Guru Ahli Pertama"));
    let rina = baris_html(b, "Rina Marlina");
    assert!(rina.contains("Belum ada kompetensi yang dinilai"));
    assert!(!rina.contains('%'));
    assert_eq!(b.matches("Memenuhi syarat</span>").count(), 2);
    assert!(!b.contains("style="), "no inline style under the CSP");
}

#[tokio::test]
async fn the_threshold_setting_decides_who_is_eligible() {
    let fx = dunia_dengan(PengaturanAnalitik {
        ambang_seleksi: 1,
        cakupan_minimal_seleksi: 0,
        ..PengaturanAnalitik::default()
    })
    .await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "admin").await;
    let j = ok(get(&fx.app, &api(&fx, "?syarat=1"), s.c()).await).json();
    assert_eq!(j["ambang"], "Masih Memenuhi Syarat");
    assert_eq!(j["memenuhi_syarat"], 3);
    assert_eq!(urutan(&j), vec![ids.fitri.0, ids.budi.0, ids.hendra.0]);
}

#[tokio::test]
async fn only_the_eligible_with_syarat() {
    let fx = dunia().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "admin").await;
    let j = ok(get(&fx.app, &api(&fx, "?syarat=1"), s.c()).await).json();
    assert_eq!(urutan(&j), vec![ids.fitri.0, ids.budi.0]);
    assert_eq!(j["total"], 6, "the total still counts everyone ranked");
    assert_eq!(j["memenuhi_syarat"], 2);
    assert_eq!(baris_api(&j, ids.budi)["peringkat"], 2);

    let page = ok(get(&fx.app, &url(&fx, "?syarat=1"), s.c()).await);
    assert!(page.body.contains("dr. Fitri Yuliani"));
    assert!(page.body.contains("Budi Santoso"));
    assert!(!page.body.contains("Hendra Gunawan"), "{}", page.body);
    assert!(!page.body.contains("Dewi Lestari"));
    assert!(page.body.contains("name=\"syarat\" value=\"1\" checked"));
    // The download links keep the filter.
    assert!(page.body.contains(&format!(
        "/jabatan/{}/kecocokan/unduh?format=csv&#38;syarat=1",
        ids.kabid
    )));

    // Filters combine: among the PPPK (Rina, Yusuf) nobody is eligible.
    let j = ok(get(&fx.app, &api(&fx, "?syarat=1&status=pppk"), s.c()).await).json();
    assert_eq!(urutan(&j), Vec::<i64>::new());
    assert_eq!(j["total"], 2, "Rina and Yusuf are the PPPK");
    let page = ok(get(&fx.app, &url(&fx, "?syarat=1&status=pppk"), s.c()).await);
    assert!(
        page.body
            .contains("Belum ada pegawai yang memenuhi syarat.")
    );
}

#[tokio::test]
async fn downloads_hold_every_row() {
    let fx = dunia().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let csv = ok(get(&fx.app, &url(&fx, "/unduh?format=csv"), s.c()).await);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    let disposition = csv.header("content-disposition").expect("attachment");
    assert!(
        disposition.contains(&format!(
            "kecocokan-jabatan-{}-2026-11-27.csv",
            fx.ids.kabid
        )),
        "{disposition}"
    );
    let lines: Vec<&str> = csv.body.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Peringkat,NIP,Nama,Jabatan saat ini,Unit kerja,JPM (%),Kategori,\
         Memenuhi syarat,Dinilai,Kedaluwarsa,Belum dinilai"
    );
    assert_eq!(lines.len(), 7, "{}", csv.body);
    assert_eq!(
        lines[1],
        "1,199308122020122021,dr. Fitri Yuliani,Dokter Ahli Pertama,Puskesmas Talawi,\
         100.00,Memenuhi Syarat,Ya,2,0,1"
    );
    assert_eq!(
        lines[2],
        "2,198501152010011003,Budi Santoso,Kepala Bidang Pelayanan Kesehatan,\
         Bidang Pelayanan Kesehatan,100.00,Memenuhi Syarat,Ya,1,1,1"
    );
    assert_eq!(
        lines[3],
        "3,197702031999031004,Hendra Gunawan,Kepala Dinas Kesehatan,Dinas Kesehatan,\
         77.78,Masih Memenuhi Syarat,Tidak,2,0,1"
    );
    assert_eq!(
        lines[4],
        "4,199004102015032001,Dewi Lestari,Guru Ahli Pertama,SD Negeri 01 Kota Uji,\
         55.56,Kurang Memenuhi Syarat,Tidak,2,1,0"
    );
    assert!(lines[5].ends_with(",,Belum ada kompetensi yang dinilai,Tidak,0,0,3"));

    let csv = ok(get(&fx.app, &url(&fx, "/unduh?format=csv&syarat=1"), s.c()).await);
    assert_eq!(csv.body.lines().count(), 3, "header and the two eligible");

    let xlsx = ok(get(&fx.app, &url(&fx, "/unduh?format=xlsx"), s.c()).await);
    assert_eq!(
        xlsx.header("content-type"),
        Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    );
    assert!(xlsx.body.starts_with("PK"), "a zip file");
    let default = ok(get(&fx.app, &url(&fx, "/unduh"), s.c()).await);
    assert!(default.body.starts_with("PK"), "XLSX by default");

    let bad = get(&fx.app, &url(&fx, "/unduh?format=pdf"), s.c()).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_pimpinan_ranks_only_their_unit() {
    let fx = dunia().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "pimpinan").await;
    let j = ok(get(&fx.app, &api(&fx, ""), s.c()).await).json();
    assert_eq!(j["total"], 4);
    let order = urutan(&j);
    assert_eq!(order[..3], [ids.fitri.0, ids.budi.0, ids.hendra.0]);
    assert_eq!(order[3], ids.rina.0);

    let page = ok(get(&fx.app, &url(&fx, ""), s.c()).await);
    assert!(!page.body.contains("Dewi Lestari"));
    assert!(!page.body.contains("Yusuf Maulana"));
    assert!(page.body.contains("unit yang Anda pimpin"));

    // A unit below theirs narrows; one outside is refused.
    let j = ok(get(
        &fx.app,
        &api(&fx, &format!("?opd={}", ids.puskesmas)),
        s.c(),
    )
    .await)
    .json();
    assert_eq!(urutan(&j), vec![ids.fitri.0, ids.rina.0]);
    for path in [
        url(&fx, &format!("?opd={}", ids.opd2)),
        api(&fx, &format!("?opd={}", ids.opd2)),
        url(&fx, &format!("/unduh?format=csv&opd={}", ids.opd2)),
    ] {
        let r = get(&fx.app, &path, s.c()).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    let csv = ok(get(&fx.app, &url(&fx, "/unduh?format=csv"), s.c()).await);
    assert_eq!(csv.body.lines().count(), 5, "header and four rows");
    assert!(!csv.body.contains("Dewi"));

    // The admin may choose any OPD.
    let a = masuk_sebagai(&fx, "admin").await;
    let j = ok(get(&fx.app, &api(&fx, &format!("?opd={}", ids.opd2)), a.c()).await).json();
    let order = urutan(&j);
    assert_eq!(order[0], ids.dewi.0);
    assert_eq!(order[1], ids.yusuf.0);
    assert_eq!(order.len(), 2);
}

#[tokio::test]
async fn a_pegawai_sees_only_their_own_fit() {
    let fx = dunia().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "fitri").await;
    let j = ok(get(&fx.app, &api(&fx, ""), s.c()).await).json();
    assert_eq!(urutan(&j), vec![ids.fitri.0]);
    assert_eq!(j["total"], 1);
    assert_eq!(baris_api(&j, ids.fitri)["jpm_bp"], 10000);
    // Choosing a unit does not widen it.
    let j = ok(get(&fx.app, &api(&fx, &format!("?opd={}", ids.opd1)), s.c()).await).json();
    assert_eq!(urutan(&j), vec![ids.fitri.0]);

    let page = ok(get(&fx.app, &url(&fx, ""), s.c()).await);
    assert!(page.body.contains("100,00%"));
    assert!(page.body.contains("kecocokan Anda sendiri"));
    for other in [
        "Budi Santoso",
        "Hendra Gunawan",
        "Dewi Lestari",
        "Rina Marlina",
    ] {
        assert!(!page.body.contains(other), "{other} leaked");
    }
    let csv = ok(get(&fx.app, &url(&fx, "/unduh?format=csv"), s.c()).await);
    assert_eq!(csv.body.lines().count(), 2);
}

#[tokio::test]
async fn mitra_and_other_instansi_are_refused() {
    let fx = dunia().await;
    let ids = fx.ids;
    let m = masuk_sebagai(&fx, "mitra").await;
    for path in [url(&fx, ""), url(&fx, "/unduh?format=csv"), api(&fx, "")] {
        let r = get(&fx.app, &path, m.c()).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }

    // Instansi B's admin asks for A's position: it does not exist for them.
    let b = masuk_di(&fx.app, ids.b, "admin", SANDI_B).await;
    for path in [url(&fx, ""), url(&fx, "/unduh?format=csv"), api(&fx, "")] {
        let r = get(&fx.app, &path, b.c()).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
    }
    let a = masuk_sebagai(&fx, "admin").await;
    for path in [
        "/jabatan/999999/kecocokan",
        "/jabatan/abc/kecocokan",
        "/api/v1/jabatan/999999/kecocokan",
    ] {
        let r = get(&fx.app, path, a.c()).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
    }

    let r = get(&fx.app, &api(&fx, ""), None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = get(&fx.app, &url(&fx, ""), None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_position_without_a_standard_is_explained() {
    let fx = dunia().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "admin").await;
    let page = ok(get(&fx.app, &format!("/jabatan/{}/kecocokan", ids.guru), s.c()).await);
    assert!(
        page.body.contains("id=\"tanpa-peringkat\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("belum memiliki standar kompetensi"));
    assert!(!page.body.contains("Dewi Lestari"), "no ranking");

    let j = ok(get(
        &fx.app,
        &format!("/api/v1/jabatan/{}/kecocokan", ids.guru),
        s.c(),
    )
    .await)
    .json();
    assert!(
        j["keterangan"]
            .as_str()
            .is_some_and(|k| k.contains("standar"))
    );
    assert_eq!(j["total"], 0);
    assert_eq!(urutan(&j), Vec::<i64>::new());
    assert_eq!(j["jabatan"]["standar"], serde_json::json!([]));
}

#[tokio::test]
async fn bad_filters_are_reported() {
    let fx = dunia().await;
    let s = masuk_sebagai(&fx, "admin").await;
    for ekor in ["?jenis=bogus", "?syarat=ya", "?status=x", "?halaman=0"] {
        let r = get(&fx.app, &api(&fx, ekor), s.c()).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{ekor}: {}", r.body);
    }
    let r = get(&fx.app, &api(&fx, "?opd=999999"), s.c()).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // The page ignores a value it cannot use and says so.
    let page = ok(get(&fx.app, &url(&fx, "?jenis=bogus"), s.c()).await);
    assert!(page.body.contains("bogus"));
    assert!(page.body.contains("6 pegawai diperingkat"));
}

#[tokio::test]
async fn rows_are_paged_fifty_at_a_time() {
    let fx = dunia().await;
    fx.tambah_pegawai(60).await;
    let s = masuk_sebagai(&fx, "admin").await;
    let j = ok(get(&fx.app, &api(&fx, ""), s.c()).await).json();
    assert_eq!(j["total"], 66);
    assert_eq!(j["jumlah_halaman"], 2);
    assert_eq!(j["baris"].as_array().expect("baris").len(), 50);
    let j = ok(get(&fx.app, &api(&fx, "?halaman=2"), s.c()).await).json();
    assert_eq!(j["halaman"], 2);
    let rows = j["baris"].as_array().expect("baris");
    assert_eq!(rows.len(), 16);
    assert_eq!(rows[0]["peringkat"], 51);

    let page = ok(get(&fx.app, &url(&fx, ""), s.c()).await);
    assert!(page.body.contains("Menampilkan 1–50 dari 66 pegawai."));
    assert!(page.body.contains("Halaman 1 dari 2"));
    assert!(page.body.contains(&format!(
        "href=\"/jabatan/{}/kecocokan?halaman=2\"",
        fx.ids.kabid
    )));
    let csv = ok(get(&fx.app, &url(&fx, "/unduh?format=csv"), s.c()).await);
    assert_eq!(csv.body.lines().count(), 67, "every row, not one page");
}

#[tokio::test]
async fn the_position_page_links_to_the_fit_for_those_who_see_people() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let link = format!("href=\"/jabatan/{}/kecocokan\"", ids.kabid);
    for (akun, harap) in [
        ("admin", true),
        ("pimpinan", true),
        ("fitri", true),
        ("mitra", false),
    ] {
        let s = masuk_sebagai(&fx, akun).await;
        let page = ok(get(&fx.app, &format!("/jabatan/{}", ids.kabid), s.c()).await);
        assert_eq!(page.body.contains(&link), harap, "{akun}");
    }
    // No link where there is nothing to rank against.
    let s = masuk_sebagai(&fx, "admin").await;
    let page = ok(get(&fx.app, &format!("/jabatan/{}", ids.guru), s.c()).await);
    assert!(!page.body.contains("/kecocokan"));
}

#[tokio::test]
async fn the_api_is_documented() {
    let fx = Fixture::new().await;
    let doc = get(&fx.app, "/api/v1/openapi.json", None).await.json();
    let op = &doc["paths"]["/api/v1/jabatan/{id}/kecocokan"]["get"];
    for status in ["200", "400", "401", "403", "404"] {
        assert!(op["responses"][status].is_object(), "{status}");
    }
    let params: Vec<&str> = op["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .map(|p| p["name"].as_str().expect("name"))
        .collect();
    assert_eq!(
        params,
        ["id", "opd", "jenis", "status", "syarat", "halaman"]
    );
    assert!(doc["components"]["schemas"]["KecocokanDto"].is_object());
    assert!(doc["components"]["schemas"]["BarisKecocokanDto"].is_object());
}

#[tokio::test]
async fn coverage_decides_eligibility_and_order() {
    // The default: every competency of the standard validly assessed.
    let fx = dunia_dengan(PengaturanAnalitik::default()).await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "admin").await;
    let j = ok(get(&fx.app, &api(&fx, ""), s.c()).await).json();
    assert_eq!(
        j["memenuhi_syarat"], 0,
        "nobody has all three assessed: {j}"
    );
    assert_eq!(baris_api(&j, ids.fitri)["cukup_dinilai"], false);
    let b = ok(get(&fx.app, &url(&fx, ""), s.c()).await).body;
    assert!(
        b.contains("dengan seluruh kompetensi standar sudah dinilai"),
        "{b}"
    );
    assert!(baris_html(&b, "Fitri Yuliani").contains("Belum cukup dinilai"));

    // Two thirds are enough at 60 %: Fitri, Hendra and Dewi (2 of 3) rank
    // before Budi (1 of 3), whose 100 % rests on one competency.
    let fx = dunia_dengan(PengaturanAnalitik {
        cakupan_minimal_seleksi: 60,
        ..PengaturanAnalitik::default()
    })
    .await;
    let s = masuk_sebagai(&fx, "admin").await;
    let j = ok(get(&fx.app, &api(&fx, ""), s.c()).await).json();
    assert_eq!(
        urutan(&j),
        vec![
            ids.fitri.0,
            ids.hendra.0,
            ids.dewi.0,
            ids.budi.0,
            ids.rina.0,
            ids.yusuf.0
        ]
    );
    assert_eq!(j["memenuhi_syarat"], 1, "only Fitri: {j}");
    let budi = baris_api(&j, ids.budi);
    assert_eq!(
        (
            budi["cukup_dinilai"].clone(),
            budi["memenuhi_syarat"].clone()
        ),
        (false.into(), false.into())
    );
    assert_eq!(baris_api(&j, ids.hendra)["cukup_dinilai"], true);
    let b = ok(get(&fx.app, &url(&fx, ""), s.c()).await).body;
    assert!(
        b.contains("dengan sedikitnya 60% kompetensi standar"),
        "{b}"
    );
}
