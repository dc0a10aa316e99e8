//! Beranda's summary against the standards, the data-quality panel, the
//! analytics settings and the downloads of the map and the per-employee gap
//! table, all hand-checked on the fixture (today is 27 November 2026).
//!
//! Required competencies on that day (see peta.rs for who holds what):
//! Budi (kabid): integritas 4 ≥ 3 meets, kerja sama expired, perekat missing;
//! Fitri (dokter): integritas 3 ≥ 2 meets, yankes expired; Rina (dokter):
//! integritas and yankes missing. 7 pairs: 2 valid, 2 expired, 3 missing.
//! JPM over the assessed ones: Budi 100 %, Fitri 100 %; Rina has none
//! (nothing assessed), Hendra and Dewi hold positions without a standard,
//! Yusuf has no position.

use crate::fixture::Fixture;
use crate::{csrf_di, get, masuk_sebagai, post_form};
use axum::http::StatusCode;
use kompeten_domain::{Level, MetodePenilaian};
use kompeten_store::{Actor, NewPenilaian, Store};
use time::macros::date;

/// The text of the list item whose label is `label` on Beranda.
fn butir<'a>(html: &'a str, label: &str) -> &'a str {
    let start = html
        .find(&format!("<span class=\"keadaan-label\">{label}</span>"))
        .unwrap_or_else(|| panic!("{label} in {html}"));
    let end = html[start..].find("</li>").expect("item end") + start;
    &html[start..end]
}

#[tokio::test]
async fn beranda_sums_up_the_scope_against_the_standards() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let res = get(&fx.app, "/", s.c()).await;
    assert_eq!(res.status, StatusCode::OK);
    let b = &res.body;
    assert!(b.contains("Kesesuaian dengan standar kompetensi"), "{b}");
    assert!(
        b.contains("6 pegawai aktif dalam cakupan (seluruh instansi)"),
        "{b}"
    );
    // Two employees have a JPM, both Optimal (100 %).
    assert!(butir(b, "Optimal").contains("2 dari 2 pegawai dengan JPM"));
    assert!(butir(b, "Kurang Optimal").contains("0 dari 2"));
    // Nobody meets every competency: Budi and Fitri each have an expired one.
    assert!(butir(b, "Memenuhi seluruh standar").contains("0 dari 6 pegawai"));
    // Why the other four have no JPM.
    assert!(butir(b, "Belum memiliki jabatan").contains(">1<"));
    assert!(butir(b, "Jabatan belum memiliki standar kompetensi").contains(">2<"));
    let pasangan = butir(b, "Kompetensi wajib dengan penilaian berlaku");
    assert!(pasangan.contains("2 dari 7 pasangan"), "{pasangan}");
    let kdl = butir(b, "Penilaian kedaluwarsa");
    assert!(
        kdl.contains(">2<") && kdl.contains("pada 2 pegawai"),
        "{kdl}"
    );
    let belum = butir(b, "Kompetensi wajib belum pernah dinilai");
    assert!(
        belum.contains(">3<") && belum.contains("pada 2 pegawai"),
        "{belum}"
    );
    // No valid assessment is below its standard yet: no largest-gap table.
    assert!(!b.contains("id=\"kesenjangan-terbesar\""));

    // Rina: integritas 1 against a required 2; the summary changes at once.
    fx.store
        .record_penilaian(
            fx.ids.a,
            &Actor::system("uji"),
            &[NewPenilaian {
                pegawai: fx.ids.rina,
                kompetensi: fx.ids.integritas,
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
    let b = get(&fx.app, "/", s.c()).await.body;
    // Rina: 1 of 2 → 50 %, Kurang Optimal.
    assert!(butir(&b, "Kurang Optimal").contains("1 dari 3"), "{b}");
    let t = &b[b.find("id=\"kesenjangan-terbesar\"").expect("gap table")..];
    assert!(
        t.contains(&format!("href=\"/sebaran/{}\"", fx.ids.integritas)),
        "{t}"
    );
    assert!(t.contains("1 dari 3 pegawai"), "{t}");
}

#[tokio::test]
async fn beranda_summary_follows_the_scope() {
    let fx = Fixture::new().await;
    // The head of Dinas Kesehatan: Budi, Fitri, Rina and Hendra.
    let p = masuk_sebagai(&fx, "pimpinan").await;
    let b = get(&fx.app, "/", p.c()).await.body;
    assert!(
        b.contains("4 pegawai aktif dalam cakupan (unit yang Anda pimpin)"),
        "{b}"
    );
    assert!(butir(&b, "Jabatan belum memiliki standar kompetensi").contains(">1<"));
    assert!(
        !b.contains("Belum memiliki jabatan</span>"),
        "Yusuf is not theirs"
    );
    // Fitri sees herself only.
    let f = masuk_sebagai(&fx, "fitri").await;
    let b = get(&fx.app, "/", f.c()).await.body;
    assert!(
        b.contains("1 pegawai aktif dalam cakupan (data Anda sendiri)"),
        "{b}"
    );
    assert!(butir(&b, "Optimal").contains("1 dari 1"));
    // A partner sees no personal figures at all.
    let m = masuk_sebagai(&fx, "mitra").await;
    let b = get(&fx.app, "/", m.c()).await.body;
    assert!(!b.contains("Kesesuaian dengan standar"), "{b}");
}

#[tokio::test]
async fn the_data_quality_panel_names_what_is_wrong() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let res = get(&fx.app, "/kualitas-data", s.c()).await;
    assert_eq!(res.status, StatusCode::OK);
    let b = &res.body;
    let baris = |kode: &str| {
        let start = b
            .find(&format!("id=\"masalah-{kode}\""))
            .unwrap_or_else(|| panic!("{kode}"));
        let end = b[start..].find("</tr>").expect("row end") + start;
        b[start..end].to_owned()
    };
    // Kepala Dinas, Guru and Pengadministrasi Umum have no standard.
    let j = baris("jabatan_tanpa_standar");
    assert!(j.contains("<strong>3</strong>"), "{j}");
    assert!(j.contains(&format!("href=\"/jabatan/{}\"", fx.ids.kadis)));
    assert!(j.contains("Guru Ahli Pertama"), "{j}");
    let p = baris("pegawai_tanpa_jabatan");
    assert!(
        p.contains("<strong>1</strong>") && p.contains("Yusuf Maulana"),
        "{p}"
    );
    let p = baris("pegawai_jabatan_tanpa_standar");
    assert!(p.contains("<strong>2</strong>"), "{p}");
    assert!(
        p.contains("Hendra Gunawan") && p.contains("Dewi Lestari"),
        "{p}"
    );
    assert!(baris("penilaian_ganda").contains(">0<"));

    // The API says the same.
    let j = get(&fx.app, "/api/v1/kualitas-data", s.c()).await.json();
    assert_eq!(j["bersih"], false);
    let m = j["masalah"]
        .as_array()
        .expect("masalah")
        .iter()
        .find(|m| m["kode"] == "pegawai_tanpa_jabatan")
        .expect("row")
        .clone();
    assert_eq!(m["jumlah"], 1);
    assert_eq!(m["contoh"], serde_json::json!([fx.ids.yusuf.0]));
    assert_eq!(m["entitas"], "pegawai");

    // CSV download: one line per kind of problem.
    let csv = get(&fx.app, "/kualitas-data/unduh?format=csv", s.c()).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.header("content-type")
            .unwrap_or("")
            .starts_with("text/csv")
    );
    assert_eq!(csv.body.lines().count(), 12, "{}", csv.body);
    assert!(
        csv.body
            .contains("pegawai_tanpa_jabatan,Pegawai tanpa jabatan,1,Yusuf Maulana")
    );

    // The auditor reads it; an OPD head, a pegawai and a partner may not.
    let a = masuk_sebagai(&fx, "auditor").await;
    assert_eq!(
        get(&fx.app, "/kualitas-data", a.c()).await.status,
        StatusCode::OK
    );
    for u in ["pimpinan", "fitri", "mitra"] {
        let x = masuk_sebagai(&fx, u).await;
        assert_eq!(
            get(&fx.app, "/kualitas-data", x.c()).await.status,
            StatusCode::FORBIDDEN,
            "{u}"
        );
        assert_eq!(
            get(&fx.app, "/api/v1/kualitas-data", x.c()).await.status,
            StatusCode::FORBIDDEN,
            "{u}"
        );
    }
}

/// The admin's settings form, submitted with these fields changed.
async fn kirim_pengaturan(
    fx: &Fixture,
    cookie: Option<&str>,
    ubah: &[(&str, &str)],
) -> crate::Jawab {
    let form = get(&fx.app, "/pengaturan", cookie).await;
    assert_eq!(form.status, StatusCode::OK);
    let token = csrf_di(&form.body);
    let mut isian: Vec<(&str, &str)> = vec![
        ("csrf", token.as_str()),
        ("batasi_level", "1"),
        ("bobot_kompetensi", "1"),
        ("kelompok", "tanpa"),
        ("bobot_teknis", "60"),
        ("bobot_ms", "40"),
        (
            "skala_pemetaan",
            "90 Optimal\n78 Cukup Optimal\n0 Kurang Optimal",
        ),
        (
            "skala_seleksi",
            "80 Memenuhi Syarat\n68 Masih Memenuhi Syarat\n0 Kurang Memenuhi Syarat",
        ),
        ("ambang_seleksi", "1"),
        ("cakupan_minimal_seleksi", "100"),
        ("masa_berlaku", "3"),
    ];
    for (k, v) in ubah {
        isian.retain(|(x, _)| x != k);
        if !v.is_empty() {
            isian.push((k, v));
        }
    }
    post_form(&fx.app, "/pengaturan", cookie, &isian).await
}

#[tokio::test]
async fn settings_change_every_figure_at_once_and_are_audited() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let form = get(&fx.app, "/pengaturan", s.c()).await;
    assert!(form.body.contains("Saat ini memakai pengaturan bawaan."));
    assert!(
        form.body
            .contains("90 Optimal\n78 Cukup Optimal\n0 Kurang Optimal")
    );

    // Fitri's JPM is 100 %: with a scale whose top band starts above 100 she
    // drops to the second band, on her page and on Beranda.
    let res = kirim_pengaturan(&fx, s.c(), &[("skala_pemetaan", "100,5 Istimewa\n0 Biasa")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), Some("/pengaturan"));
    let page = get(&fx.app, &format!("/pegawai/{}", fx.ids.fitri), s.c()).await;
    assert!(
        page.body.contains("id=\"jpm-kategori\">Biasa</span>"),
        "{}",
        page.body
    );
    let b = get(&fx.app, "/", s.c()).await.body;
    assert!(butir(&b, "Biasa").contains("2 dari 2"), "{b}");
    assert!(b.contains("menurut skala Pemetaan"));
    let audit = get(&fx.app, "/audit", s.c()).await.body;
    assert!(audit.contains("pengaturan.ubah"), "{audit}");

    // Invalid input is shown again with the reason; nothing changes.
    let res = kirim_pengaturan(&fx, s.c(), &[("skala_seleksi", "50 A\n60 B\n0 C")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("Batas bawah harus menurun"),
        "{}",
        res.body
    );
    assert!(res.body.contains("50 A\n60 B\n0 C"), "the input is kept");
    let res = kirim_pengaturan(
        &fx,
        s.c(),
        &[
            ("kelompok", "tetap"),
            ("bobot_teknis", "0"),
            ("bobot_ms", "0"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("Paling sedikit satu bobot"),
        "{}",
        res.body
    );
    let res = kirim_pengaturan(&fx, s.c(), &[("ambang_seleksi", "4")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Nomor kategori 1 sampai 3."));
    let res = kirim_pengaturan(&fx, s.c(), &[("cakupan_minimal_seleksi", "101")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Bilangan bulat 0 sampai 100."));
    let res = kirim_pengaturan(&fx, s.c(), &[("masa_berlaku", "0")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Bilangan bulat 1 sampai 10 tahun."));
    let page = get(&fx.app, &format!("/pegawai/{}", fx.ids.fitri), s.c()).await;
    assert!(page.body.contains("id=\"jpm-kategori\">Biasa</span>"));

    // Without the cap nothing changes for Fitri (3 ≥ 2 is capped at 100 %
    // only when capped): uncapped her JPM is 150 %.
    let res = kirim_pengaturan(&fx, s.c(), &[("batasi_level", "")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = get(&fx.app, &format!("/pegawai/{}", fx.ids.fitri), s.c()).await;
    assert!(
        page.body.contains("id=\"jpm\">150,00%</span>"),
        "{}",
        page.body
    );

    // Back to the defaults.
    let form = get(&fx.app, "/pengaturan", s.c()).await;
    let token = csrf_di(&form.body);
    let res = post_form(
        &fx.app,
        "/pengaturan",
        s.c(),
        &[("csrf", &token), ("bawaan", "1")],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let page = get(&fx.app, &format!("/pegawai/{}", fx.ids.fitri), s.c()).await;
    assert!(page.body.contains("id=\"jpm\">100,00%</span>"));
    assert!(page.body.contains("id=\"jpm-kategori\">Optimal</span>"));
}

#[tokio::test]
async fn only_the_admin_changes_settings_and_only_with_the_token() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let res = post_form(&fx.app, "/pengaturan", s.c(), &[("bawaan", "1")]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "no CSRF token");

    for u in ["auditor", "pimpinan"] {
        let x = masuk_sebagai(&fx, u).await;
        let form = get(&fx.app, "/pengaturan", x.c()).await;
        assert_eq!(form.status, StatusCode::OK, "{u} reads the settings");
        assert!(form.body.contains("<fieldset disabled>"), "{u}");
        assert!(!form.body.contains("Simpan pengaturan"), "{u}");
        let token = csrf_di(&form.body);
        let res = post_form(
            &fx.app,
            "/pengaturan",
            x.c(),
            &[("csrf", &token), ("bawaan", "1")],
        )
        .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{u}");
    }
    for u in ["fitri", "mitra"] {
        let x = masuk_sebagai(&fx, u).await;
        assert_eq!(
            get(&fx.app, "/pengaturan", x.c()).await.status,
            StatusCode::FORBIDDEN,
            "{u}"
        );
    }
    let audit = get(&fx.app, "/audit", s.c()).await.body;
    assert!(!audit.contains("pengaturan.ubah"), "nothing was changed");
}

#[tokio::test]
async fn the_map_downloads_as_csv_and_xlsx() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let res = get(&fx.app, "/peta/unduh?format=csv", s.c()).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(
        res.header("content-disposition")
            .unwrap_or("")
            .contains("peta-kompetensi-2026-11-27.csv")
    );
    let lines: Vec<&str> = res.body.lines().collect();
    assert_eq!(lines.len(), 5, "a header and four cells: {}", res.body);
    let integritas = lines
        .iter()
        .find(|l| l.contains("Integritas"))
        .expect("integritas row");
    assert!(
        integritas.starts_with("Dinas Kesehatan,tidak,"),
        "{integritas}"
    );
    assert!(integritas.contains(",3,2,2,66.7,0"), "{integritas}");

    let x = get(&fx.app, "/peta/unduh?format=xlsx&status=pppk", s.c()).await;
    assert_eq!(x.status, StatusCode::OK);
    assert_eq!(
        x.header("content-type"),
        Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    );
    assert!(x.body.starts_with("PK"));
    let bad = get(&fx.app, "/peta/unduh?format=pdf", s.c()).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let m = masuk_sebagai(&fx, "mitra").await;
    assert_eq!(
        get(&fx.app, "/peta/unduh?format=csv", m.c()).await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_gap_table_has_one_row_per_employee_in_scope() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let res = get(&fx.app, "/kesenjangan/unduh?format=csv", s.c()).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let body = res.body.trim_start_matches('\u{feff}');
    let mut r = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    // Twelve fixed columns, then required and current of the four
    // competencies anyone in the table is required to have.
    assert_eq!(header.len(), 12 + 8, "{header:?}");
    assert_eq!(header[12], "M.1 wajib");
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
    assert_eq!(rows.len(), 6);
    let fitri = rows
        .iter()
        .find(|x| &x[0] == "199308122020122021")
        .expect("Fitri by NIP");
    assert_eq!(&fitri[1], "dr. Fitri Yuliani");
    assert_eq!(&fitri[5], "100.00");
    assert_eq!(&fitri[6], "Optimal");
    assert_eq!(
        (&fitri[7], &fitri[8], &fitri[9], &fitri[10], &fitri[11]),
        ("2", "1", "1", "0", "1")
    );
    let i = header.iter().position(|h| h == "M.1 wajib").expect("M.1");
    assert_eq!((&fitri[i], &fitri[i + 1]), ("2", "3"));
    let yankes = header
        .iter()
        .position(|h| h.starts_with("T.KES.1") && h.ends_with("wajib"))
        .expect("yankes");
    assert_eq!((&fitri[yankes], &fitri[yankes + 1]), ("3", "kedaluwarsa"));
    let yusuf = rows.iter().find(|x| x[1].contains("Yusuf")).expect("Yusuf");
    assert_eq!(&yusuf[5], "");
    assert_eq!(&yusuf[6], "Belum memiliki jabatan");

    // Scope and filters narrow the rows.
    let p = masuk_sebagai(&fx, "pimpinan").await;
    let res = get(&fx.app, "/kesenjangan/unduh?format=csv", p.c()).await;
    assert_eq!(res.body.lines().count(), 1 + 4, "{}", res.body);
    let res = get(&fx.app, "/kesenjangan/unduh?format=csv&status=pppk", s.c()).await;
    assert_eq!(
        res.body.lines().count(),
        1 + 2,
        "Rina and Yusuf: {}",
        res.body
    );
    let f = masuk_sebagai(&fx, "fitri").await;
    let res = get(&fx.app, "/kesenjangan/unduh?format=csv", f.c()).await;
    assert_eq!(res.body.lines().count(), 2, "{}", res.body);
    assert!(res.body.contains("199308122020122021"));
    let res = get(
        &fx.app,
        &format!("/kesenjangan/unduh?format=csv&opd={}", fx.ids.opd2),
        p.c(),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "another OPD");
    let x = get(&fx.app, "/kesenjangan/unduh", s.c()).await;
    assert!(x.body.starts_with("PK"), "XLSX by default");
}

#[tokio::test]
async fn the_validity_setting_dates_new_assessments_only() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let res = kirim_pengaturan(&fx, s.c(), &[("masa_berlaku", "2")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let url = format!("/pegawai/{}/penilaian/baru", fx.ids.fitri);
    let form = get(&fx.app, &url, s.c()).await;
    assert!(form.body.contains("Berlaku 2 tahun"), "{}", form.body);
    let token = csrf_di(&form.body);
    let k = fx.ids.yankes.to_string();
    let res = post_form(
        &fx.app,
        &url,
        s.c(),
        &[
            ("csrf", token.as_str()),
            ("kompetensi", k.as_str()),
            ("level", "4"),
            ("metode", "uji_kompetensi"),
            ("tanggal", "2026-11-02"),
            ("asesor", "Tim Uji Kompetensi"),
            ("catatan_bukti", "Berita acara uji"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let semua = fx
        .store
        .penilaian_pegawai(fx.ids.a, fx.ids.fitri)
        .await
        .expect("penilaian");
    assert_eq!(
        semua[0].berlaku_sampai,
        date!(2028 - 11 - 01),
        "2 years less a day"
    );
    // Earlier records keep their own end dates.
    assert!(
        semua
            .iter()
            .any(|p| p.kompetensi == fx.ids.integritas && p.berlaku_sampai == date!(2028 - 03 - 09))
    );
    let page = get(&fx.app, &format!("/pegawai/{}", fx.ids.fitri), s.c()).await;
    assert!(page.body.contains("Hasil penilaian berlaku 2 tahun"));
}

#[tokio::test]
async fn the_summary_and_the_gap_table_are_in_the_api() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "admin").await;
    let res = get(&fx.app, "/api/v1/kesesuaian", s.c()).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let j = res.json();
    assert_eq!(
        (
            j["pegawai"].clone(),
            j["dengan_jpm"].clone(),
            j["memenuhi_semua"].clone()
        ),
        (6.into(), 2.into(), 0.into())
    );
    assert_eq!(j["per_kategori"][0]["label"], "Optimal");
    assert_eq!(j["per_kategori"][0]["pegawai"], 2);
    assert_eq!(j["per_kategori"][0]["batas_bawah_bp"], 9000);
    let alasan = |kode: &str| {
        j["tanpa_jpm"]
            .as_array()
            .expect("tanpa_jpm")
            .iter()
            .find(|t| t["alasan"] == kode)
            .map(|t| t["pegawai"].clone())
            .expect("reason")
    };
    assert_eq!(alasan("tanpa_jabatan"), 1);
    assert_eq!(alasan("jabatan_tanpa_standar"), 2);
    assert_eq!(alasan("belum_ada_yang_dinilai"), 1);
    assert_eq!(
        (
            j["kompetensi_wajib"].clone(),
            j["kompetensi_dinilai"].clone(),
            j["kompetensi_kedaluwarsa"].clone(),
            j["kompetensi_belum_dinilai"].clone()
        ),
        (7.into(), 2.into(), 2.into(), 3.into())
    );

    // The per-employee table, paged.
    let j = get(&fx.app, "/api/v1/kesenjangan?per_halaman=4", s.c())
        .await
        .json();
    assert_eq!(j["total"], 6);
    assert_eq!(j["items"].as_array().expect("items").len(), 4);
    let j2 = get(
        &fx.app,
        "/api/v1/kesenjangan?per_halaman=4&halaman=2",
        s.c(),
    )
    .await
    .json();
    assert_eq!(j2["items"].as_array().expect("items").len(), 2);
    let semua: Vec<serde_json::Value> = j["items"]
        .as_array()
        .expect("items")
        .iter()
        .chain(j2["items"].as_array().expect("items"))
        .cloned()
        .collect();
    let fitri = semua
        .iter()
        .find(|i| i["pegawai_id"] == ids.fitri.0)
        .expect("Fitri");
    assert_eq!(fitri["nip"], "199308122020122021");
    assert_eq!(fitri["jpm_bp"], 10000);
    assert_eq!(fitri["kategori"], "Optimal");
    let yankes = fitri["kompetensi"]
        .as_array()
        .expect("kompetensi")
        .iter()
        .find(|k| k["kompetensi_id"] == ids.yankes.0)
        .expect("yankes");
    assert_eq!(yankes["status"], "kedaluwarsa");
    assert!(yankes["saat_ini"].is_null() && yankes["gap"].is_null());
    let yusuf = semua
        .iter()
        .find(|i| i["pegawai_id"] == ids.yusuf.0)
        .expect("Yusuf");
    assert_eq!(yusuf["tanpa_jpm"], "tanpa_jabatan");
    assert!(yusuf["jpm"].is_null());

    let p = masuk_sebagai(&fx, "pimpinan").await;
    let j = get(&fx.app, "/api/v1/kesenjangan", p.c()).await.json();
    assert_eq!(j["total"], 4);
    let bad = get(&fx.app, "/api/v1/kesenjangan?per_halaman=0", s.c()).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let m = masuk_sebagai(&fx, "mitra").await;
    for path in ["/api/v1/kesesuaian", "/api/v1/kesenjangan"] {
        assert_eq!(
            get(&fx.app, path, m.c()).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    let doc = get(&fx.app, "/api/v1/openapi.json", s.c()).await.json();
    for path in [
        "/api/v1/kesesuaian",
        "/api/v1/kesenjangan",
        "/api/v1/peta/sel",
    ] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} documented");
    }
}

#[tokio::test]
async fn a_cell_lists_its_people_in_the_api_and_as_a_download() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "admin").await;
    let q = format!("unit={}&kompetensi={}", ids.opd1, ids.integritas);
    let j = get(&fx.app, &format!("/api/v1/peta/sel?{q}"), s.c())
        .await
        .json();
    assert_eq!(j["kode"], "M.1");
    let status: Vec<(i64, String)> = j["orang"]
        .as_array()
        .expect("orang")
        .iter()
        .map(|o| {
            (
                o["pegawai_id"].as_i64().expect("id"),
                o["status"].as_str().expect("status").to_owned(),
            )
        })
        .collect();
    assert_eq!(status.len(), 3, "{j}");
    assert!(status.contains(&(ids.budi.0, "memenuhi".to_owned())));
    assert!(status.contains(&(ids.fitri.0, "memenuhi".to_owned())));
    assert!(status.contains(&(ids.rina.0, "belum_dinilai".to_owned())));

    let page = get(&fx.app, &format!("/peta/sel?{q}"), s.c()).await;
    assert!(
        page.body.contains("/peta/sel/unduh?format=csv&amp;unit="),
        "{}",
        page.body
    );
    let csv = get(&fx.app, &format!("/peta/sel/unduh?format=csv&{q}"), s.c()).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.body.lines().count(), 4, "{}", csv.body);
    assert!(
        csv.body.contains("198501152010011003,Budi Santoso"),
        "{}",
        csv.body
    );
    assert!(csv.body.contains("Belum dinilai"));

    // Outside the scope: a pimpinan of Dinas Kesehatan asking for Dinas Pendidikan.
    let p = masuk_sebagai(&fx, "pimpinan").await;
    let q2 = format!("unit={}&kompetensi={}", ids.opd2, ids.integritas);
    assert_eq!(
        get(&fx.app, &format!("/api/v1/peta/sel?{q2}"), p.c())
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get(&fx.app, &format!("/peta/sel/unduh?format=csv&{q2}"), p.c())
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn an_employees_gap_table_downloads_from_their_page() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let s = masuk_sebagai(&fx, "admin").await;
    let page = get(&fx.app, &format!("/pegawai/{}", ids.fitri), s.c()).await;
    let link = format!("/pegawai/{}/kesenjangan/unduh?format=csv", ids.fitri);
    assert!(page.body.contains(&link), "{}", page.body);
    let csv = get(&fx.app, &link, s.c()).await;
    assert_eq!(csv.status, StatusCode::OK);
    let body = csv.body.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(lines.len(), 3, "{body}");
    assert!(lines[1].starts_with("M.1,Integritas,"), "{}", lines[1]);
    assert!(lines[1].ends_with(",1,2,3,0,Memenuhi"), "{}", lines[1]);
    assert!(lines[2].starts_with("T.KES.1,"), "{}", lines[2]);
    assert!(lines[2].ends_with(",3,3,,,Kedaluwarsa"), "{}", lines[2]);

    // Fitri downloads her own, not someone else's; a partner gets nothing.
    let f = masuk_sebagai(&fx, "fitri").await;
    assert_eq!(get(&fx.app, &link, f.c()).await.status, StatusCode::OK);
    let lain = format!("/pegawai/{}/kesenjangan/unduh?format=csv", ids.budi);
    assert_eq!(
        get(&fx.app, &lain, f.c()).await.status,
        StatusCode::NOT_FOUND
    );
    let m = masuk_sebagai(&fx, "mitra").await;
    assert_eq!(
        get(&fx.app, &link, m.c()).await.status,
        StatusCode::FORBIDDEN
    );
}
