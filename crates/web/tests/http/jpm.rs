//! JPM, category and gaps on the employee page and in the API, with values
//! computed by hand from the fixture (today is 27 November 2026).

use crate::fixture::Fixture;
use crate::{get, masuk_sebagai};
use axum::http::StatusCode;
use kompeten_domain::{Level, MetodePenilaian};
use kompeten_store::{Actor, KompetensiId, NewPenilaian, PegawaiId, Store};
use time::Date;
use time::macros::date;

/// The gap table row of a competency code.
fn baris_gap(html: &str, kode: &str) -> String {
    let t = &html[html.find("id=\"tabel-gap\"").expect("gap table")..];
    let t = &t[..t.find("</table>").expect("table end")];
    let start = t
        .find(&format!(">{kode} "))
        .unwrap_or_else(|| panic!("{kode} gap row in {t}"));
    let end = t[start..].find("</tr>").expect("row end") + start;
    t[start..end].to_owned()
}

async fn catat(fx: &Fixture, p: PegawaiId, k: KompetensiId, level: i64, t: Date, s: Date) {
    fx.store
        .record_penilaian(
            fx.ids.a,
            &Actor::system("uji"),
            &[NewPenilaian {
                pegawai: p,
                kompetensi: k,
                level: Level::new(level).expect("1..=5"),
                metode: MetodePenilaian::UjiKompetensi,
                tanggal: t,
                berlaku_sampai: s,
                asesor: "Tim Uji".into(),
                catatan_bukti: "Hasil uji".into(),
            }],
        )
        .await
        .expect("record");
}

#[tokio::test]
async fn the_employee_page_shows_jpm_category_gaps_and_a_chart() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;

    // Fitri, Dokter Ahli Pertama: Integritas required 2 (bobot 1), valid 3;
    // Pelayanan Kesehatan Dasar required 3 (bobot 3), only an expired 2.
    // JPM over the assessed Integritas: min(3, 2)·1 / 2·1 = 100 %.
    let res = get(&fx.app, &format!("/pegawai/{}", fx.ids.fitri), s.c()).await;
    assert_eq!(res.status, StatusCode::OK);
    let b = &res.body;
    assert!(
        b.contains("<span class=\"jpm-angka\" id=\"jpm\">100,00%</span>"),
        "{b}"
    );
    assert!(b.contains("id=\"jpm-kategori\">Optimal</span>"));
    assert!(b.contains("dihitung atas 1 dari 2 kompetensi standar"));
    let m1 = baris_gap(b, "M.1");
    assert!(
        m1.contains(">2<") && m1.contains(">3<") && m1.contains(">0<") && m1.contains("Memenuhi"),
        "{m1}"
    );
    let kes = baris_gap(b, "T.KES.1");
    assert!(
        kes.contains("2 (kedaluwarsa)") && kes.contains("Kedaluwarsa") && kes.contains(">—<"),
        "{kes}"
    );
    // The chart: drawn on the server, one required and one current bar per line,
    // 90 px per level, no inline style (CSP style-src 'self').
    let svg = &b[b.find("<svg").expect("chart")..b.find("</svg>").expect("chart end")];
    assert!(svg.contains("role=\"img\""));
    assert_eq!(svg.matches("class=\"grafik-standar\"").count(), 2);
    assert!(
        svg.contains("class=\"grafik-standar\" x=\"110\" y=\"12\" width=\"180\""),
        "Integritas standard 2 = 180 px: {svg}"
    );
    assert!(
        svg.contains("class=\"grafik-memenuhi\" x=\"110\" y=\"26\" width=\"270\""),
        "current 3 = 270 px: {svg}"
    );
    assert!(svg.contains("class=\"grafik-kedaluwarsa\""));
    assert!(!b.contains(" style="), "no inline style on the page");
    let css = get(&fx.app, "/aset/kompeten.css", None).await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.body.contains(".grafik-memenuhi {"));

    // Budi, Kepala Bidang: Integritas required 3 (bobot 2) valid 4, Kerja Sama
    // 3 only expired, Perekat Bangsa 3 not assessed: 2·min(4, 3) / 2·3 = 100 %.
    let budi = get(&fx.app, &format!("/pegawai/{}", fx.ids.budi), s.c()).await;
    assert!(budi.body.contains("id=\"jpm\">100,00%<"));
    assert!(
        budi.body.contains(
            "Standar: 3 kompetensi. Memenuhi 1, kurang 0, kedaluwarsa 1, belum dinilai 1."
        )
    );
    assert!(baris_gap(&budi.body, "SK.1").contains("Belum dinilai"));

    // No number without a basis, each with its reason.
    for (p, alasan) in [
        (fx.ids.rina, "Belum ada kompetensi yang dinilai"),
        (fx.ids.dewi, "Jabatan belum memiliki standar kompetensi"),
        (fx.ids.hendra, "Jabatan belum memiliki standar kompetensi"),
        (fx.ids.yusuf, "Belum memiliki jabatan"),
    ] {
        let res = get(&fx.app, &format!("/pegawai/{p}"), s.c()).await;
        assert!(res.body.contains("JPM belum dapat dihitung"), "{p}");
        assert!(
            res.body.contains(&format!("id=\"jpm-alasan\">{alasan}.")),
            "{p}: {alasan}"
        );
        assert!(!res.body.contains("id=\"jpm-kategori\""));
    }
}

#[tokio::test]
async fn new_assessments_change_jpm_and_gaps_at_once_on_page_and_api() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    // Fitri gets a valid 2 in Pelayanan Kesehatan Dasar (required 3, bobot 3):
    // (1·min(3, 2) + 3·2) / (1·2 + 3·3) = 8/11 = 72.73 %: Kurang Optimal, gap 1.
    catat(
        &fx,
        fx.ids.fitri,
        fx.ids.yankes,
        2,
        date!(2026 - 01 - 05),
        date!(2029 - 01 - 04),
    )
    .await;
    let res = get(&fx.app, &format!("/pegawai/{}", fx.ids.fitri), s.c()).await;
    assert!(res.body.contains("id=\"jpm\">72,73%<"), "{}", res.body);
    assert!(res.body.contains("id=\"jpm-kategori\">Kurang Optimal<"));
    let kes = baris_gap(&res.body, "T.KES.1");
    assert!(
        kes.contains(">3<") && kes.contains(">2<") && kes.contains(">1<") && kes.contains("Kurang"),
        "{kes}"
    );
    assert!(
        res.body
            .contains("class=\"grafik-kurang\" x=\"110\" y=\"62\" width=\"180\"")
    );

    let api = get(&fx.app, &format!("/api/v1/pegawai/{}", fx.ids.fitri), s.c()).await;
    assert_eq!(api.status, StatusCode::OK);
    let k = &api.json()["kesenjangan"];
    assert_eq!(k["jpm_bp"], 7273);
    assert!((k["jpm"].as_f64().expect("number") - 800.0 / 11.0).abs() < 1e-9);
    assert_eq!(k["kategori"], "Kurang Optimal");
    assert_eq!(k["skala"], "Pemetaan");
    assert_eq!(
        (k["jumlah_wajib"].as_u64(), k["jumlah_dinilai"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(k["kompetensi"][0]["kode"], "M.1");
    assert_eq!(k["kompetensi"][0]["status"], "memenuhi");
    assert_eq!(k["kompetensi"][1]["status"], "kurang");
    assert_eq!(
        (
            k["kompetensi"][1]["standar"].as_u64(),
            k["kompetensi"][1]["level"].as_u64(),
            k["kompetensi"][1]["gap"].as_u64()
        ),
        (Some(3), Some(2), Some(1))
    );
    assert_eq!(k["kompetensi"][1]["bobot"], 3);

    // Budi gets Perekat Bangsa 2 (required 3, bobot 1):
    // (2·3 + 1·2) / (2·3 + 1·3) = 8/9 = 88.89 %: Cukup Optimal.
    catat(
        &fx,
        fx.ids.budi,
        fx.ids.perekat,
        2,
        date!(2026 - 11 - 27),
        date!(2029 - 11 - 26),
    )
    .await;
    let budi = get(&fx.app, &format!("/pegawai/{}", fx.ids.budi), s.c()).await;
    assert!(budi.body.contains("id=\"jpm\">88,89%<"));
    assert!(budi.body.contains("id=\"jpm-kategori\">Cukup Optimal<"));
    let api = get(&fx.app, &format!("/api/v1/pegawai/{}", fx.ids.budi), s.c()).await;
    assert_eq!(api.json()["kesenjangan"]["jpm_bp"], 8889);

    // No JPM in the API is null with the reason, never 0.
    let rina = get(&fx.app, &format!("/api/v1/pegawai/{}", fx.ids.rina), s.c()).await;
    let k = &rina.json()["kesenjangan"];
    assert!(k["jpm"].is_null() && k["jpm_bp"].is_null() && k["kategori"].is_null());
    assert_eq!(k["tanpa_jpm"], "belum_ada_yang_dinilai");
    assert_eq!(k["jumlah_belum_dinilai"], 2);
}

#[tokio::test]
async fn a_pegawai_sees_their_own_jpm_and_no_one_elses() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "fitri").await;
    let own = get(&fx.app, &format!("/api/v1/pegawai/{}", fx.ids.fitri), s.c()).await;
    assert_eq!(own.json()["kesenjangan"]["jpm_bp"], 10000);
    let other = get(&fx.app, &format!("/api/v1/pegawai/{}", fx.ids.budi), s.c()).await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    assert!(!other.body.contains("kesenjangan"));
    let page = get(&fx.app, &format!("/pegawai/{}", fx.ids.budi), s.c()).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(!page.body.contains("id=\"jpm\""));
}
