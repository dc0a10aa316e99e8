//! The development catalog: list with filters, a program's page, the CSV
//! download, the admin forms, the API and tenant isolation, on the partners
//! and programs built in `mitra::isi_katalog`.

use crate::fixture::Fixture;
use crate::mitra::{bagian, isi_katalog};
use crate::tulis::kirim_json;
use crate::{csrf_di, get, masuk_sebagai, post_form};
use axum::http::StatusCode;
use kompeten_domain::{BentukPengembangan, JenisJabatan, Jp, ModaPembelajaran, Rupiah};
use kompeten_store::{JadwalProgram, ProgramId, ProgramQuery, Store};
use time::macros::date;

/// The program codes the API returns for a query string.
async fn kode(fx: &Fixture, cookie: Option<&str>, query: &str) -> Vec<String> {
    let res = get(&fx.app, &format!("/api/v1/katalog{query}"), cookie).await;
    assert_eq!(res.status, StatusCode::OK, "{query}: {}", res.body);
    let doc = res.json();
    let kode: Vec<String> = doc["program"]
        .as_array()
        .expect("program")
        .iter()
        .map(|p| p["kode"].as_str().expect("kode").to_owned())
        .collect();
    assert_eq!(doc["jumlah"], kode.len());
    kode
}

#[tokio::test]
async fn the_catalog_shows_costs_batches_forms_and_competencies() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    for peran in ["admin", "pimpinan", "auditor", "fitri", "mitra"] {
        let s = masuk_sebagai(&fx, peran).await;
        let res = get(&fx.app, "/katalog", s.c()).await;
        assert_eq!(res.status, StatusCode::OK, "{peran}");
        assert!(res.body.contains("3 program"), "{peran}");
        // Admins and the partner's own account are offered the form.
        assert_eq!(
            res.body.contains("href=\"/katalog/baru\""),
            peran == "admin" || peran == "mitra",
            "{peran}"
        );
    }
    let s = masuk_sebagai(&fx, "admin").await;
    let body = get(&fx.app, "/katalog", s.c()).await.body;
    let plt = bagian(&body, "Pelatihan Pelayanan Kesehatan Dasar</a>", "</tr>");
    assert!(plt.contains(&format!(
        "<a href=\"/mitra/{}\">Universitas Andalas</a>",
        k.unand
    )));
    assert!(plt.contains("Pelatihan <span class=\"redup\">(Klasikal)</span>"));
    assert!(plt.contains(">40<"));
    assert!(plt.contains(">Rp1.500.000<"), "{plt}");
    assert!(plt.contains(">Rp25.000.000<"));
    assert!(plt.contains("30 peserta × maks. 2 angkatan"));
    assert!(plt.contains("Luring (tatap muka)"));
    assert!(plt.contains("T.KES.1 Pelayanan Kesehatan Dasar <strong>+2</strong>"));
    assert!(plt.contains("M.1 Integritas <strong>+1</strong>"));
    assert!(!plt.contains("Terbuka untuk semua"));
    let el = bagian(&body, "E-Learning Integritas ASN</a>", "</tr>");
    assert!(el.contains("Instansi sendiri"));
    assert!(el.contains("E-Learning <span class=\"redup\">(Non-klasikal)</span>"));
    assert!(el.contains(">Rp0<"));
    assert!(el.contains("Satu angkatan, peserta tak dibatasi"));
    assert!(el.contains("Terbuka untuk semua"));
    let ws = bagian(&body, "Workshop Kerja Sama Tim</a>", "</tr>");
    assert!(ws.contains("Tidak aktif"));
    assert!(ws.contains("25 peserta, angkatan tak dibatasi"));
    assert!(ws.contains("Campuran (hybrid)"));
    // Another instansi's program never shows.
    assert!(!body.contains("Program Kabupaten Lain"));
    assert!(body.contains("href=\"/katalog/baru\""));
    assert!(body.contains("href=\"/katalog/unduh?format=csv\""));
}

#[tokio::test]
async fn filters_narrow_the_catalog() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    let s = masuk_sebagai(&fx, "pimpinan").await;
    let c = s.c();
    assert_eq!(kode(&fx, c, "").await, ["EL-001", "PLT-001", "WS-002"]);
    assert_eq!(kode(&fx, c, "?q=kesehatan").await, ["PLT-001"]);
    assert_eq!(kode(&fx, c, "?q=ws-00").await, ["WS-002"]);
    assert_eq!(
        kode(&fx, c, &format!("?mitra={}", k.unand)).await,
        ["PLT-001"]
    );
    assert_eq!(
        kode(&fx, c, &format!("?mitra={}", k.batas)).await,
        Vec::<String>::new()
    );
    // Another instansi's partner matches nothing here.
    assert!(
        kode(&fx, c, &format!("?mitra={}", k.mitra_b))
            .await
            .is_empty()
    );
    assert_eq!(kode(&fx, c, "?bentuk=e_learning").await, ["EL-001"]);
    assert_eq!(
        kode(&fx, c, &format!("?kompetensi={}", fx.ids.integritas)).await,
        ["PLT-001"]
    );
    assert_eq!(kode(&fx, c, "?moda=campuran").await, ["WS-002"]);
    assert_eq!(kode(&fx, c, "?moda=daring").await, ["EL-001"]);
    assert_eq!(kode(&fx, c, "?aktif=ya").await, ["EL-001", "PLT-001"]);
    assert_eq!(kode(&fx, c, "?aktif=tidak").await, ["WS-002"]);
    assert_eq!(kode(&fx, c, "?aktif=ya&moda=luring").await, ["PLT-001"]);
    assert!(
        kode(&fx, c, "?moda=daring&bentuk=pelatihan")
            .await
            .is_empty()
    );
    // The API refuses what it cannot use; the page says so and shows all.
    for q in ["?bentuk=kuliah", "?moda=x", "?aktif=mungkin", "?mitra=abc"] {
        assert_eq!(
            get(&fx.app, &format!("/api/v1/katalog{q}"), c).await.status,
            StatusCode::BAD_REQUEST,
            "{q}"
        );
    }
    let res = get(&fx.app, "/katalog?bentuk=kuliah", c).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(
        res.body
            .contains("Nilai bentuk &#34;kuliah&#34; tidak dikenal"),
        "{}",
        res.body
    );
    assert!(res.body.contains("3 program"));
    // The page under filters, with the choices kept.
    let res = get(&fx.app, "/katalog?moda=daring&q=integritas", c).await;
    assert!(res.body.contains("1 program"));
    assert!(res.body.contains("E-Learning Integritas ASN"));
    assert!(!res.body.contains("Pelatihan Pelayanan Kesehatan Dasar"));
    assert!(res.body.contains("<option value=\"daring\" selected>"));
    assert!(res.body.contains("value=\"integritas\""));
    assert!(
        res.body
            .contains("href=\"/katalog/unduh?format=csv&#38;q=integritas&#38;moda=daring\""),
        "{}",
        res.body
    );
}

#[tokio::test]
async fn a_program_page_shows_eligibility_and_schedule() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    let s = masuk_sebagai(&fx, "fitri").await;
    let res = get(&fx.app, &format!("/katalog/{}", k.plt), s.c()).await;
    assert_eq!(res.status, StatusCode::OK);
    let b = &res.body;
    assert!(b.contains("<h1>Pelatihan Pelayanan Kesehatan Dasar</h1>"));
    assert!(
        b.contains("<dt>Jenis jabatan</dt><dd>Fungsional</dd>"),
        "{b}"
    );
    assert!(b.contains("<dt>Unit kerja</dt><dd>Dinas Kesehatan (termasuk unit di bawahnya)</dd>"));
    assert!(b.contains("<dt>Jadwal</dt><dd>1 Maret 2027 – 5 Maret 2027</dd>"));
    assert!(b.contains("<dt>Biaya per peserta</dt><dd>Rp1.500.000</dd>"));
    assert!(b.contains("<dt>Biaya per angkatan</dt><dd>Rp25.000.000</dd>"));
    assert!(b.contains(&format!(
        "<a href=\"/kamus/{}\">T.KES.1 Pelayanan Kesehatan Dasar</a>: naik 2 level",
        fx.ids.yankes
    )));
    // Not offered the edit form.
    assert!(!b.contains("/ubah\""));
    let res = get(&fx.app, &format!("/katalog/{}", k.elearning), s.c()).await;
    assert!(
        res.body
            .contains("<dt>Jenis jabatan</dt><dd>Semua jenis jabatan</dd>")
    );
    assert!(
        res.body
            .contains("<dt>Unit kerja</dt><dd>Semua unit kerja</dd>")
    );
    assert!(res.body.contains("<dt>Jadwal</dt><dd>Sepanjang tahun</dd>"));
    assert!(res.body.contains("Terbuka untuk semua"));

    let api = get(&fx.app, &format!("/api/v1/katalog/{}", k.plt), s.c())
        .await
        .json();
    assert_eq!(api["kode"], "PLT-001");
    assert_eq!(api["mitra_id"], k.unand.0);
    assert_eq!(api["penyelenggara"], "Universitas Andalas");
    assert_eq!(api["bentuk"], "pelatihan");
    assert_eq!(api["klasikal"], true);
    assert_eq!(api["jp"], 40);
    assert_eq!(api["biaya_per_peserta"], 1_500_000);
    assert_eq!(api["biaya_per_angkatan"], 25_000_000);
    assert_eq!(api["ukuran_angkatan"], 30);
    assert_eq!(api["maks_angkatan"], 2);
    assert_eq!(api["moda"], "luring");
    assert_eq!(api["jenis_jabatan"], serde_json::json!(["fungsional"]));
    assert_eq!(api["unit"], serde_json::json!([fx.ids.opd1.0]));
    assert_eq!(api["jadwal"]["jenis"], "periode");
    assert_eq!(api["jadwal"]["mulai"], "2027-03-01");
    assert_eq!(api["jadwal"]["selesai"], "2027-03-05");
    let naik: Vec<(i64, u64)> = api["kompetensi"]
        .as_array()
        .expect("kompetensi")
        .iter()
        .map(|k| {
            (
                k["kompetensi_id"].as_i64().expect("id"),
                k["naik_level"].as_u64().expect("naik"),
            )
        })
        .collect();
    let mut harap = vec![(fx.ids.integritas.0, 1), (fx.ids.yankes.0, 2)];
    harap.sort_unstable();
    assert_eq!(naik, harap);
    let el = get(&fx.app, &format!("/api/v1/katalog/{}", k.elearning), s.c())
        .await
        .json();
    assert_eq!(el["mitra_id"], serde_json::Value::Null);
    assert_eq!(el["klasikal"], false);
    assert_eq!(el["terbuka_untuk_semua"], true);
    assert_eq!(el["jadwal"]["jenis"], "sepanjang_tahun");
    assert_eq!(el["biaya_per_angkatan"], serde_json::Value::Null);

    // Another instansi's program, an unknown one: 404.
    for path in [
        format!("/katalog/{}", k.program_b),
        format!("/api/v1/katalog/{}", k.program_b),
        "/katalog/999999".to_owned(),
        "/api/v1/katalog/0".to_owned(),
    ] {
        assert_eq!(
            get(&fx.app, &path, s.c()).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let admin = masuk_sebagai(&fx, "admin").await;
    assert_eq!(
        get(
            &fx.app,
            &format!("/katalog/{}/ubah", k.program_b),
            admin.c()
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_download_has_one_row_per_program_under_the_filters() {
    let fx = Fixture::new().await;
    isi_katalog(&fx).await;
    let s = masuk_sebagai(&fx, "auditor").await;
    let res = get(&fx.app, "/katalog/unduh?format=csv", s.c()).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(
        res.header("content-disposition")
            .is_some_and(|d| d.contains("katalog-pengembangan-2026-11-27.csv"))
    );
    let mut rdr = csv::Reader::from_reader(res.body.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = rdr
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header[0], "Kode");
    assert_eq!(header[6], "Biaya per peserta (Rp)");
    let rows: Vec<Vec<String>> = rdr
        .records()
        .map(|r| r.expect("row").iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[1],
        [
            "PLT-001",
            "Pelatihan Pelayanan Kesehatan Dasar",
            "Universitas Andalas",
            "Pelatihan",
            "Klasikal",
            "40",
            "1500000",
            "25000000",
            "30",
            "2",
            "Luring (tatap muka)",
            "M.1 Integritas (+1); T.KES.1 Pelayanan Kesehatan Dasar (+2)",
            "tidak",
            "Fungsional",
            "1 Maret 2027 – 5 Maret 2027",
            "ya",
        ]
    );
    assert_eq!(rows[0][0], "EL-001");
    assert_eq!(rows[0][2], "Instansi sendiri");
    assert_eq!(rows[0][7], "");
    assert_eq!(rows[0][12], "ya");
    assert_eq!(rows[0][13], "Semua");
    assert_eq!(rows[2][0], "WS-002");
    assert_eq!(rows[2][15], "tidak");

    let res = get(
        &fx.app,
        "/katalog/unduh?format=csv&aktif=ya&moda=luring",
        s.c(),
    )
    .await;
    let mut rdr = csv::Reader::from_reader(res.body.trim_start_matches('\u{feff}').as_bytes());
    let kode: Vec<String> = rdr
        .records()
        .map(|r| r.expect("row")[0].to_owned())
        .collect();
    assert_eq!(kode, ["PLT-001"]);
    let xlsx = get(&fx.app, "/katalog/unduh?format=xlsx", s.c()).await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert!(
        xlsx.header("content-type")
            .is_some_and(|t| t.contains("spreadsheetml"))
    );
    assert_eq!(
        get(&fx.app, "/katalog/unduh?format=pdf", s.c())
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&fx.app, "/katalog/unduh?format=csv&moda=x", s.c())
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn only_admins_and_the_partner_may_use_the_program_forms() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    for peran in ["pimpinan", "auditor", "fitri", "mitra"] {
        let s = masuk_sebagai(&fx, peran).await;
        let token = csrf_di(&get(&fx.app, "/katalog", s.c()).await.body);
        // The partner (UNAND) may add and edit its own programs only.
        let path = if peran == "mitra" {
            vec![
                format!("/katalog/{}/ubah", k.elearning),
                format!("/katalog/{}/ubah", k.workshop),
            ]
        } else {
            vec![
                "/katalog/baru".to_owned(),
                format!("/katalog/{}/ubah", k.plt),
            ]
        };
        for path in path {
            assert_eq!(
                get(&fx.app, &path, s.c()).await.status,
                StatusCode::FORBIDDEN,
                "GET {path} as {peran}"
            );
            let res = post_form(
                &fx.app,
                &path,
                s.c(),
                &[
                    ("csrf", &token),
                    ("kode", "X-1"),
                    ("judul", "Judul Baru"),
                    ("bentuk", "seminar"),
                    ("moda", "daring"),
                    ("jp", "2"),
                    ("biaya_per_peserta", "0"),
                    ("terbuka", "1"),
                ],
            )
            .await;
            assert_eq!(res.status, StatusCode::FORBIDDEN, "POST {path} as {peran}");
        }
    }
    let semua = fx
        .store
        .list_program(fx.ids.a, &ProgramQuery::default())
        .await
        .expect("list");
    assert_eq!(semua.len(), 3);
    assert!(semua.iter().all(|p| p.judul != "Judul Baru"));
}

#[tokio::test]
async fn admin_adds_and_edits_a_program_through_the_form() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    let s = masuk_sebagai(&fx, "admin").await;
    let form = get(&fx.app, &format!("/katalog/baru?mitra={}", k.bpsdm), s.c()).await;
    assert_eq!(form.status, StatusCode::OK);
    // The partner is preselected; OPDs only in the unit list.
    assert!(
        form.body
            .contains(&format!("<option value=\"{}\" selected>BPSDM", k.bpsdm))
    );
    assert!(form.body.contains(&format!(
        "<option value=\"{}\">Dinas Pendidikan</option>",
        fx.ids.opd2
    )));
    assert!(!form.body.contains("Puskesmas Talawi"));
    assert!(
        form.body
            .contains("name=\"jenis_jabatan\" value=\"pelaksana\"")
    );
    let token = csrf_di(&form.body);
    let kompetensi = fx.ids.perekat.to_string();
    let opd2 = fx.ids.opd2.to_string();
    let res = post_form(
        &fx.app,
        "/katalog/baru",
        s.c(),
        &[
            ("csrf", &token),
            ("kode", "BIM-010"),
            ("judul", "Bimtek Wawasan Kebangsaan"),
            ("penyelenggara", &k.bpsdm.to_string()),
            ("bentuk", "bimtek"),
            ("moda", "luring"),
            ("jp", "24"),
            ("biaya_per_peserta", "Rp 750.000"),
            ("biaya_per_angkatan", "12.500.000"),
            ("ukuran_angkatan", "40"),
            ("maks_angkatan", "3"),
            ("jadwal_mulai", "2027-05-10"),
            ("jadwal_selesai", "2027-05-12"),
            ("aktif", "1"),
            ("kompetensi_1", &kompetensi),
            ("naik_1", "2"),
            ("kompetensi_2", ""),
            ("naik_2", ""),
            ("jenis_jabatan", "pelaksana"),
            ("jenis_jabatan", "administrator"),
            ("unit", &opd2),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(
        res.set_cookie("kompeten_pesan")
            .is_some_and(|c| c.starts_with("kompeten_pesan=program-baru"))
    );
    let lokasi = res.location().expect("location").to_owned();
    let id = ProgramId(
        lokasi
            .strip_prefix("/katalog/")
            .and_then(|t| t.parse().ok())
            .expect("id"),
    );
    let p = fx.store.program(fx.ids.a, id).await.expect("saved");
    assert_eq!(p.kode, "BIM-010");
    assert_eq!(p.penyelenggara, Some(k.bpsdm));
    assert_eq!(p.bentuk, BentukPengembangan::Bimtek);
    assert_eq!(p.moda, ModaPembelajaran::Luring);
    assert_eq!(p.jp, Jp(24));
    assert_eq!(p.biaya_per_peserta, Rupiah(750_000));
    assert_eq!(p.biaya_per_angkatan, Some(Rupiah(12_500_000)));
    assert_eq!((p.ukuran_angkatan, p.maks_angkatan), (Some(40), Some(3)));
    assert_eq!(
        p.jadwal,
        JadwalProgram::Periode {
            mulai: date!(2027 - 05 - 10),
            selesai: date!(2027 - 05 - 12)
        }
    );
    assert!(p.aktif && !p.terbuka_untuk_semua);
    assert_eq!(p.kompetensi.len(), 1);
    assert_eq!(
        (p.kompetensi[0].kompetensi, p.kompetensi[0].naik_level),
        (fx.ids.perekat, 2)
    );
    assert_eq!(
        p.jenis_jabatan,
        [JenisJabatan::Administrator, JenisJabatan::Pelaksana]
    );
    assert_eq!(p.unit, [fx.ids.opd2]);
    assert_eq!(
        fx.store.audit_log(fx.ids.a, 1).await.expect("audit")[0].action,
        "program.tambah"
    );
    let halaman = get(
        &fx.app,
        &lokasi,
        Some(&format!("{}; kompeten_pesan=program-baru", s.cookie)),
    )
    .await;
    assert!(halaman.body.contains("Program baru tersimpan di katalog."));
    assert!(
        halaman
            .body
            .contains("<dt>Biaya per angkatan</dt><dd>Rp12.500.000</dd>")
    );
    // The partner's page lists it.
    let mitra = get(&fx.app, &format!("/mitra/{}", k.bpsdm), s.c()).await;
    assert!(mitra.body.contains(&format!(
        "<a href=\"/katalog/{id}\">Bimtek Wawasan Kebangsaan</a>"
    )));

    // Edit PLT-001: the form holds it; make it open to all, online, drop a competency.
    let ubah = get(&fx.app, &format!("/katalog/{}/ubah", k.plt), s.c()).await;
    assert_eq!(ubah.status, StatusCode::OK);
    assert!(ubah.body.contains("value=\"1500000\""));
    assert!(ubah.body.contains("value=\"2027-03-01\""));
    assert!(
        ubah.body
            .contains("name=\"jenis_jabatan\" value=\"fungsional\" checked")
    );
    assert!(ubah.body.contains(&format!(
        "<option value=\"{}\" selected>Dinas Kesehatan",
        fx.ids.opd1
    )));
    let integritas = fx.ids.integritas.to_string();
    let yankes = fx.ids.yankes.to_string();
    let res = post_form(
        &fx.app,
        &format!("/katalog/{}/ubah", k.plt),
        s.c(),
        &[
            ("csrf", &token),
            ("kode", "PLT-001"),
            ("judul", "Pelatihan Pelayanan Kesehatan Dasar Daring"),
            ("penyelenggara", &k.unand.to_string()),
            ("bentuk", "pelatihan"),
            ("moda", "daring"),
            ("jp", "32"),
            ("biaya_per_peserta", "1.250.000"),
            ("biaya_per_angkatan", ""),
            ("ukuran_angkatan", ""),
            ("maks_angkatan", ""),
            ("jadwal_mulai", ""),
            ("jadwal_selesai", ""),
            ("terbuka", "1"),
            ("aktif", "1"),
            ("kompetensi_1", &integritas),
            ("naik_1", "1"),
            ("hapus_1", "1"),
            ("kompetensi_2", &yankes),
            ("naik_2", "3"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(
        res.set_cookie("kompeten_pesan")
            .is_some_and(|c| c.starts_with("kompeten_pesan=program-ubah"))
    );
    let p = fx.store.program(fx.ids.a, k.plt).await.expect("saved");
    assert_eq!(p.judul, "Pelatihan Pelayanan Kesehatan Dasar Daring");
    assert_eq!(p.moda, ModaPembelajaran::Daring);
    assert_eq!(p.jp, Jp(32));
    assert_eq!(p.biaya_per_peserta, Rupiah(1_250_000));
    assert_eq!(p.biaya_per_angkatan, None);
    assert_eq!((p.ukuran_angkatan, p.maks_angkatan), (None, None));
    assert_eq!(p.jadwal, JadwalProgram::SepanjangTahun);
    assert!(p.terbuka_untuk_semua);
    assert!(p.jenis_jabatan.is_empty() && p.unit.is_empty());
    assert_eq!(p.kompetensi.len(), 1);
    assert_eq!(
        (p.kompetensi[0].kompetensi, p.kompetensi[0].naik_level),
        (fx.ids.yankes, 3)
    );
    let daftar = get(&fx.app, "/katalog?moda=daring", s.c()).await;
    assert!(
        daftar
            .body
            .contains("Pelatihan Pelayanan Kesehatan Dasar Daring")
    );
    assert!(daftar.body.contains(">Rp1.250.000<"));
}

#[tokio::test]
async fn invalid_program_input_is_shown_again_and_nothing_changes() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    let s = masuk_sebagai(&fx, "admin").await;
    let token = csrf_di(&get(&fx.app, "/katalog/baru", s.c()).await.body);
    let sebelum = fx
        .store
        .list_program(fx.ids.a, &ProgramQuery::default())
        .await
        .expect("list");
    let audit_sebelum = fx.store.audit_log(fx.ids.a, 1).await.expect("audit")[0].id;
    let yankes = fx.ids.yankes.to_string();

    // Batch size 0, JP 0, a level raise of 5, a schedule ending before it starts.
    let res = post_form(
        &fx.app,
        "/katalog/baru",
        s.c(),
        &[
            ("csrf", &token),
            ("kode", "BARU-1"),
            ("judul", "Program Salah"),
            ("bentuk", "kursus"),
            ("moda", "luring"),
            ("jp", "0"),
            ("biaya_per_peserta", "satu juta"),
            ("ukuran_angkatan", "0"),
            ("jadwal_mulai", "2027-02-10"),
            ("jadwal_selesai", "2027-02-01"),
            ("kompetensi_1", &yankes),
            ("naik_1", "5"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let b = &res.body;
    assert!(
        b.contains("id=\"galat-ukuran\">Ukuran angkatan sedikitnya 1 peserta"),
        "{b}"
    );
    assert!(b.contains("id=\"galat-jp\">JP harus bilangan bulat, sedikitnya 1."));
    assert!(b.contains("Isi biaya per peserta dalam rupiah"));
    assert!(b.contains("Kenaikan level harus 1 sampai 4."));
    assert!(b.contains("Tanggal selesai tidak boleh sebelum tanggal mulai."));
    // The input is kept.
    assert!(b.contains("value=\"Program Salah\""));
    assert!(b.contains("value=\"satu juta\""));
    assert!(b.contains("name=\"naik_1\" value=\"5\""));
    assert!(b.contains("<option value=\"kursus\" selected>"));

    // No competency and not open to all.
    let res = post_form(
        &fx.app,
        "/katalog/baru",
        s.c(),
        &[
            ("csrf", &token),
            ("kode", "BARU-2"),
            ("judul", "Tanpa Kompetensi"),
            ("bentuk", "seminar"),
            ("moda", "daring"),
            ("jp", "4"),
            ("biaya_per_peserta", "0"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("id=\"galat-kompetensi\">Isi sedikitnya satu kompetensi")
    );

    // A code another program has: the store's conflict becomes a field message.
    for path in [
        "/katalog/baru".to_owned(),
        format!("/katalog/{}/ubah", k.workshop),
    ] {
        let res = post_form(
            &fx.app,
            &path,
            s.c(),
            &[
                ("csrf", &token),
                ("kode", "PLT-001"),
                ("judul", "Kode Kembar"),
                ("bentuk", "seminar"),
                ("moda", "daring"),
                ("jp", "4"),
                ("biaya_per_peserta", "0"),
                ("terbuka", "1"),
            ],
        )
        .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        assert!(
            res.body
                .contains("id=\"galat-kode\">Kode ini sudah dipakai program lain"),
            "{path}: {}",
            res.body
        );
        assert!(res.body.contains("value=\"Kode Kembar\""));
    }

    // A partner of another instansi cannot be named.
    let res = post_form(
        &fx.app,
        "/katalog/baru",
        s.c(),
        &[
            ("csrf", &token),
            ("kode", "BARU-3"),
            ("judul", "Mitra Asing"),
            ("penyelenggara", &k.mitra_b.to_string()),
            ("bentuk", "seminar"),
            ("moda", "daring"),
            ("jp", "4"),
            ("biaya_per_peserta", "0"),
            ("terbuka", "1"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("Pilih mitra yang terdaftar di instansi ini.")
    );

    // The same competency twice.
    let res = post_form(
        &fx.app,
        &format!("/katalog/{}/ubah", k.plt),
        s.c(),
        &[
            ("csrf", &token),
            ("kode", "PLT-001"),
            ("judul", "Pelatihan Pelayanan Kesehatan Dasar"),
            ("bentuk", "pelatihan"),
            ("moda", "luring"),
            ("jp", "40"),
            ("biaya_per_peserta", "1500000"),
            ("kompetensi_1", &yankes),
            ("naik_1", "2"),
            ("kompetensi_2", &yankes),
            ("naik_2", "1"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("Kompetensi ini muncul lebih dari sekali.")
    );

    // Without the token: refused.
    let res = post_form(
        &fx.app,
        "/katalog/baru",
        s.c(),
        &[("kode", "BARU-4"), ("judul", "Tanpa Token")],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    assert_eq!(
        fx.store
            .list_program(fx.ids.a, &ProgramQuery::default())
            .await
            .expect("list"),
        sebelum
    );
    assert_eq!(
        fx.store.audit_log(fx.ids.a, 1).await.expect("audit")[0].id,
        audit_sebelum
    );
}

/// The fields of a valid program form, with `extra` appended.
fn isian_program<'a>(
    token: &'a str,
    kode: &'a str,
    extra: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut v = vec![
        ("csrf", token),
        ("kode", kode),
        ("judul", "Kursus Analisis Data Kesehatan"),
        ("bentuk", "kursus"),
        ("moda", "daring"),
        ("jp", "20"),
        ("biaya_per_peserta", "1.000.000"),
        ("terbuka", "1"),
        ("aktif", "1"),
    ];
    v.extend_from_slice(extra);
    v
}

#[tokio::test]
async fn the_partner_adds_programs_run_by_itself_whatever_the_form_says() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    let s = masuk_sebagai(&fx, "mitra").await;
    let form = get(&fx.app, &format!("/katalog/baru?mitra={}", k.bpsdm), s.c()).await;
    assert_eq!(form.status, StatusCode::OK);
    // The organiser is fixed to its own partner: no other partner, no
    // "run by the instansi" choice.
    let pilihan = bagian(&form.body, "<select id=\"penyelenggara\"", "</select>");
    assert!(
        pilihan.contains(&format!(
            "<option value=\"{}\" selected>Universitas Andalas</option>",
            k.unand
        )),
        "{pilihan}"
    );
    assert_eq!(pilihan.matches("<option").count(), 1, "{pilihan}");
    // Units and the dictionary are offered; nobody's personal data is.
    assert!(!form.body.contains("Fitri Yuliani"));
    assert!(!form.body.contains("19930812"));
    let token = csrf_di(&form.body);

    // Without a valid token nothing is written.
    let bpsdm = k.bpsdm.to_string();
    let tanpa = post_form(
        &fx.app,
        "/katalog/baru",
        s.c(),
        &isian_program("salah", "MIT-001", &[("penyelenggara", &bpsdm)]),
    )
    .await;
    assert_eq!(tanpa.status, StatusCode::FORBIDDEN);

    let res = post_form(
        &fx.app,
        "/katalog/baru",
        s.c(),
        &isian_program(&token, "MIT-001", &[("penyelenggara", &bpsdm)]),
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let id = ProgramId(
        res.location()
            .and_then(|l| l.strip_prefix("/katalog/"))
            .and_then(|t| t.parse().ok())
            .expect("id"),
    );
    let p = fx.store.program(fx.ids.a, id).await.expect("saved");
    assert_eq!(
        (p.kode.as_str(), p.penyelenggara),
        ("MIT-001", Some(k.unand)),
        "saved for its own partner, not the one the form named"
    );
    let akun = fx
        .store
        .account_by_username(fx.ids.a, "mitra")
        .await
        .expect("lookup")
        .expect("exists");
    let log = &fx.store.audit_log(fx.ids.a, 1).await.expect("audit")[0];
    assert_eq!(
        (
            log.action.as_str(),
            log.actor_label.as_str(),
            log.actor_account
        ),
        ("program.tambah", "mitra", Some(akun.id))
    );
    let semua = fx
        .store
        .list_program(fx.ids.a, &ProgramQuery::default())
        .await
        .expect("list");
    assert_eq!(
        semua.len(),
        4,
        "one program added, none by the refused post"
    );
}

#[tokio::test]
async fn the_partner_edits_its_own_programs_and_only_reads_the_others() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    let s = masuk_sebagai(&fx, "mitra").await;
    let sendiri = get(&fx.app, &format!("/katalog/{}", k.plt), s.c()).await;
    assert!(
        sendiri
            .body
            .contains(&format!("href=\"/katalog/{}/ubah\"", k.plt))
    );
    for lain in [k.workshop, k.elearning] {
        let res = get(&fx.app, &format!("/katalog/{lain}"), s.c()).await;
        assert_eq!(res.status, StatusCode::OK);
        assert!(!res.body.contains("/ubah\""), "no edit link on {lain}");
    }
    let form = get(&fx.app, &format!("/katalog/{}/ubah", k.plt), s.c()).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("value=\"PLT-001\""));
    let token = csrf_di(&form.body);
    let bpsdm = k.bpsdm.to_string();
    let res = post_form(
        &fx.app,
        &format!("/katalog/{}/ubah", k.plt),
        s.c(),
        &isian_program(&token, "PLT-001", &[("penyelenggara", &bpsdm)]),
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let p = fx.store.program(fx.ids.a, k.plt).await.expect("saved");
    assert_eq!(p.judul, "Kursus Analisis Data Kesehatan");
    assert_eq!(p.penyelenggara, Some(k.unand), "still its own");
    let log = &fx.store.audit_log(fx.ids.a, 1).await.expect("audit")[0];
    assert_eq!(
        (log.action.as_str(), log.actor_label.as_str()),
        ("program.ubah", "mitra")
    );

    // Another partner's program: refused, unchanged.
    let res = post_form(
        &fx.app,
        &format!("/katalog/{}/ubah", k.workshop),
        s.c(),
        &isian_program(&token, "WS-002", &[]),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let ws = fx.store.program(fx.ids.a, k.workshop).await.expect("read");
    assert_eq!(
        (ws.judul.as_str(), ws.penyelenggara),
        ("Workshop Kerja Sama Tim", Some(k.bpsdm))
    );
    // Another instansi's program does not exist here.
    assert_eq!(
        get(&fx.app, &format!("/katalog/{}/ubah", k.program_b), s.c())
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_partner_account_made_before_partners_were_linked_keeps_nothing() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    // The store refuses such an account now; older databases may hold one.
    sqlx::query(
        "INSERT INTO akun (instansi_id, username, nama_tampilan, password_hash, role, dibuat_pada) \
         SELECT instansi_id, 'mitra.lama', 'Mitra Lama', password_hash, role, dibuat_pada \
         FROM akun WHERE username = 'mitra'",
    )
    .execute(fx.store.pool())
    .await
    .expect("old account");
    let s = masuk_sebagai(&fx, "mitra.lama").await;
    let daftar = get(&fx.app, "/katalog", s.c()).await;
    assert_eq!(daftar.status, StatusCode::OK);
    assert!(!daftar.body.contains("href=\"/katalog/baru\""));
    let token = csrf_di(&daftar.body);
    for path in [
        "/katalog/baru".to_owned(),
        format!("/katalog/{}/ubah", k.plt),
        format!("/mitra/{}/ubah", k.unand),
    ] {
        assert_eq!(
            get(&fx.app, &path, s.c()).await.status,
            StatusCode::FORBIDDEN,
            "GET {path}"
        );
        let res = post_form(
            &fx.app,
            &path,
            s.c(),
            &isian_program(&token, "LAMA-1", &[("kontak_nama_1", "Siapa")]),
        )
        .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "POST {path}");
    }
    let semua = fx
        .store
        .list_program(fx.ids.a, &ProgramQuery::default())
        .await
        .expect("list");
    assert_eq!(semua.len(), 3);
}

// ---------------------------------------------------------------- API writes

fn program_json(kode: &str, fx: &Fixture, mitra: Option<i64>) -> serde_json::Value {
    serde_json::json!({
        "kode": kode,
        "judul": "Bimtek Perizinan Berusaha OSS-RBA",
        "mitra_id": mitra,
        "bentuk": "bimtek",
        "jp": 16,
        "biaya_per_peserta": 1_500_000,
        "biaya_per_angkatan": 5_000_000,
        "ukuran_angkatan": 25,
        "maks_angkatan": 2,
        "moda": "luring",
        "kompetensi": [{ "kompetensi_id": fx.ids.integritas.0, "naik_level": 1 }],
        "jadwal": { "mulai": "2027-03-01", "selesai": "2027-03-05" }
    })
}

async fn jumlah_program(fx: &Fixture) -> usize {
    fx.store
        .list_program(fx.ids.a, &ProgramQuery::default())
        .await
        .expect("list")
        .len()
}

#[tokio::test]
async fn the_api_adds_and_edits_programs_with_the_forms_checks() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    let s = masuk_sebagai(&fx, "admin").await;
    let token = csrf_di(&get(&fx.app, "/", s.c()).await.body);
    let awal = jumlah_program(&fx).await;

    // Without the token nothing is written.
    let body = program_json("API-001", &fx, Some(k.unand.0));
    let res = kirim_json(&fx, "POST", "/api/v1/katalog", s.c(), None, body.clone()).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(jumlah_program(&fx).await, awal);

    let res = kirim_json(&fx, "POST", "/api/v1/katalog", s.c(), Some(&token), body).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let doc = res.json();
    let id = ProgramId(doc["id"].as_i64().expect("id"));
    assert_eq!(doc["kode"], "API-001");
    assert_eq!(doc["mitra_id"], k.unand.0);
    assert_eq!(doc["jadwal"]["jenis"], "periode");
    let p = fx.store.program(fx.ids.a, id).await.expect("saved");
    assert_eq!(
        (
            p.bentuk,
            p.jp,
            p.biaya_per_peserta,
            p.biaya_per_angkatan,
            p.ukuran_angkatan,
            p.maks_angkatan,
            p.aktif
        ),
        (
            BentukPengembangan::Bimtek,
            Jp(16),
            Rupiah(1_500_000),
            Some(Rupiah(5_000_000)),
            Some(25),
            Some(2),
            true
        )
    );
    assert_eq!(
        p.jadwal,
        JadwalProgram::Periode {
            mulai: date!(2027 - 03 - 01),
            selesai: date!(2027 - 03 - 05)
        }
    );
    // The GET answers what the POST did.
    let baca = get(&fx.app, &format!("/api/v1/katalog/{id}"), s.c()).await;
    assert_eq!(baca.json(), doc);

    // Invalid values are named by field, and nothing is saved.
    let mut salah = program_json("API-002", &fx, None);
    salah["jp"] = 0.into();
    salah["biaya_per_peserta"] = (-5).into();
    salah["ukuran_angkatan"] = 0.into();
    salah["kompetensi"][0]["naik_level"] = 9.into();
    salah["jenis_jabatan"] = serde_json::json!(["bupati"]);
    let res = kirim_json(&fx, "POST", "/api/v1/katalog", s.c(), Some(&token), salah).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    let fields = &res.json()["error"]["fields"];
    for f in [
        "jp",
        "biaya_per_peserta",
        "ukuran_angkatan",
        "baris.1.naik",
        "jenis_jabatan",
    ] {
        assert!(fields[f].is_string(), "{f}: {fields}");
    }
    // A code in use, an unknown partner, a field the API does not know.
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/katalog",
        s.c(),
        Some(&token),
        program_json("API-001", &fx, None),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(
        res.json()["error"]["fields"]["kode"].is_string(),
        "{}",
        res.body
    );
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/katalog",
        s.c(),
        Some(&token),
        program_json("API-003", &fx, Some(999_999)),
    )
    .await;
    assert!(
        res.json()["error"]["fields"]["penyelenggara"].is_string(),
        "{}",
        res.body
    );
    let mut asing = program_json("API-004", &fx, None);
    asing["harga"] = 1.into();
    let res = kirim_json(&fx, "POST", "/api/v1/katalog", s.c(), Some(&token), asing).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("harga"), "{}", res.body);
    assert_eq!(jumlah_program(&fx).await, awal + 1);

    // An edit replaces the program's fields: all year now, and inactive.
    let mut ubah = program_json("API-001", &fx, Some(k.unand.0));
    ubah["judul"] = "Bimtek OSS-RBA (revisi)".into();
    ubah["jadwal"] = serde_json::Value::Null;
    ubah["aktif"] = false.into();
    let path = format!("/api/v1/katalog/{id}");
    let res = kirim_json(&fx, "PUT", &path, s.c(), Some(&token), ubah).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["jadwal"]["jenis"], "sepanjang_tahun");
    let p = fx.store.program(fx.ids.a, id).await.expect("saved");
    assert_eq!(
        (p.judul.as_str(), p.aktif, p.jadwal),
        (
            "Bimtek OSS-RBA (revisi)",
            false,
            JadwalProgram::SepanjangTahun
        )
    );
    let res = kirim_json(
        &fx,
        "PUT",
        "/api/v1/katalog/999999",
        s.c(),
        Some(&token),
        program_json("API-009", &fx, None),
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);

    // Readers may not write.
    for u in ["auditor", "pimpinan", "fitri"] {
        let x = masuk_sebagai(&fx, u).await;
        let t = csrf_di(&get(&fx.app, "/", x.c()).await.body);
        let res = kirim_json(
            &fx,
            "POST",
            "/api/v1/katalog",
            x.c(),
            Some(&t),
            program_json("API-005", &fx, None),
        )
        .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{u}");
    }
    assert_eq!(jumlah_program(&fx).await, awal + 1);
}

#[tokio::test]
async fn a_partner_writes_through_the_api_only_for_itself() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    let s = masuk_sebagai(&fx, "mitra").await;
    let token = csrf_di(&get(&fx.app, "/", s.c()).await.body);
    // Another partner named: saved for its own.
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/katalog",
        s.c(),
        Some(&token),
        program_json("MIT-API", &fx, Some(k.bpsdm.0)),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(res.json()["mitra_id"], k.unand.0);
    // Its own program may change; the instansi's own e-learning may not.
    let res = kirim_json(
        &fx,
        "PUT",
        &format!("/api/v1/katalog/{}", k.plt),
        s.c(),
        Some(&token),
        program_json("PLT-001", &fx, None),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let before = fx.store.program(fx.ids.a, k.elearning).await.expect("read");
    let res = kirim_json(
        &fx,
        "PUT",
        &format!("/api/v1/katalog/{}", k.elearning),
        s.c(),
        Some(&token),
        program_json("EL-001", &fx, None),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(
        fx.store.program(fx.ids.a, k.elearning).await.expect("read"),
        before
    );
}
