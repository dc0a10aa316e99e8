//! What each role may see: scope on lists, details, counts and the API.

use crate::fixture::Fixture;
use crate::{get, masuk_di, masuk_sebagai, semua_nip};
use axum::http::StatusCode;

const NAMA_OPD1: [&str; 4] = [
    "Budi Santoso",
    "Fitri Yuliani",
    "Rina Marlina",
    "Hendra Gunawan",
];
const NAMA_OPD2: [&str; 2] = ["Dewi Lestari", "Yusuf Maulana"];

fn nama_di_api(json: &serde_json::Value) -> Vec<String> {
    json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["nama_lengkap"].as_str().expect("name").to_owned())
        .collect()
}

#[tokio::test]
async fn admin_sees_the_employees_of_both_opds() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let page = get(&fx.app, "/pegawai", s.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    for nama in NAMA_OPD1.iter().chain(&NAMA_OPD2) {
        assert!(page.body.contains(nama), "{nama} missing");
    }
    assert!(page.body.contains("Menampilkan 1–6 dari 6 pegawai"));
    assert!(
        !page.body.contains("Rahmat Hidayat"),
        "instansi B stays out"
    );
    let api = get(&fx.app, "/api/v1/pegawai", s.c()).await.json();
    assert_eq!(api["total"], 6);
    let r = get(&fx.app, "/api/v1/ringkasan", s.c()).await.json();
    assert_eq!(r["pegawai_aktif"], 6);
    assert_eq!(r["jumlah_opd"], 2);
    let dewi = get(&fx.app, &format!("/pegawai/{}", fx.ids.dewi), s.c()).await;
    assert_eq!(dewi.status, StatusCode::OK);
    assert!(dewi.body.contains("19900410 201503 2 001"));
}

#[tokio::test]
async fn pimpinan_sees_only_the_own_opd() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "pimpinan").await;
    let page = get(&fx.app, "/pegawai", s.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    for nama in NAMA_OPD1 {
        assert!(page.body.contains(nama), "{nama} missing");
    }
    for nama in NAMA_OPD2 {
        assert!(!page.body.contains(nama), "{nama} leaked");
    }
    assert!(page.body.contains("dari 4 pegawai"));
    // The OPD select offers only what the pimpinan leads.
    assert!(
        !page
            .body
            .contains(&format!("<option value=\"{}\"", fx.ids.opd2))
    );
    assert!(
        page.body
            .contains(&format!("<option value=\"{}\"", fx.ids.opd1))
    );

    // Asking for the other OPD returns nothing rather than its people.
    let other = get(&fx.app, &format!("/pegawai?opd={}", fx.ids.opd2), s.c()).await;
    assert!(other.body.contains("Tidak ada pegawai yang cocok."));
    let api = get(
        &fx.app,
        &format!("/api/v1/pegawai?opd={}", fx.ids.opd2),
        s.c(),
    )
    .await
    .json();
    assert_eq!(api["total"], 0);

    let api = get(&fx.app, "/api/v1/pegawai", s.c()).await.json();
    assert_eq!(api["total"], 4);
    let mut names = nama_di_api(&api);
    names.sort();
    assert_eq!(
        names,
        [
            "Budi Santoso",
            "Hendra Gunawan",
            "Rina Marlina",
            "dr. Fitri Yuliani"
        ]
    );

    let r = get(&fx.app, "/api/v1/ringkasan", s.c()).await.json();
    assert_eq!(r["pegawai_aktif"], 4);
    assert_eq!(r["pppk"], 1);

    let dewi = get(&fx.app, &format!("/pegawai/{}", fx.ids.dewi), s.c()).await;
    assert_eq!(dewi.status, StatusCode::FORBIDDEN);
    assert!(dewi.body.contains("Akses ditolak"));
    assert!(!dewi.body.contains("Dewi") && !dewi.body.contains("19900410"));
    let dewi_api = get(&fx.app, &format!("/api/v1/pegawai/{}", fx.ids.dewi), s.c()).await;
    assert_eq!(dewi_api.status, StatusCode::FORBIDDEN);
    assert_eq!(dewi_api.json()["error"]["code"], "forbidden");
    assert!(!dewi_api.body.contains("Dewi"));

    let rina = get(&fx.app, &format!("/pegawai/{}", fx.ids.rina), s.c()).await;
    assert_eq!(
        rina.status,
        StatusCode::OK,
        "a unit below the OPD is in scope"
    );
    assert!(rina.body.contains("19950607 202521 2 097"));
}

#[tokio::test]
async fn pegawai_sees_only_the_own_record() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "fitri").await;
    let page = get(&fx.app, "/pegawai", s.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.body.matches("<td data-label=\"NIP\"").count(),
        1,
        "one row: {}",
        page.body
    );
    assert!(page.body.contains("dr. Fitri Yuliani"));
    assert!(page.body.contains("Menampilkan 1–1 dari 1 pegawai"));
    for nama in ["Budi Santoso", "Rina Marlina", "Dewi Lestari"] {
        assert!(!page.body.contains(nama));
    }
    let api = get(&fx.app, "/api/v1/pegawai", s.c()).await.json();
    assert_eq!(nama_di_api(&api), ["dr. Fitri Yuliani"]);

    let own = get(&fx.app, &format!("/pegawai/{}", fx.ids.fitri), s.c()).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.body.contains("19930812 202012 2 021"));
    assert!(own.body.contains("12 Agustus 1993"));

    for other in [fx.ids.budi, fx.ids.rina, fx.ids.dewi] {
        let res = get(&fx.app, &format!("/pegawai/{other}"), s.c()).await;
        assert_eq!(
            res.status,
            StatusCode::NOT_FOUND,
            "a pegawai is told others do not exist"
        );
        assert!(res.body.contains("Halaman tidak ditemukan"));
        let api = get(&fx.app, &format!("/api/v1/pegawai/{other}"), s.c()).await;
        assert_eq!(api.status, StatusCode::NOT_FOUND);
        assert_eq!(api.json()["error"]["code"], "not_found");
    }
    let r = get(&fx.app, "/api/v1/ringkasan", s.c()).await.json();
    assert_eq!(r["pegawai_aktif"], 1);
}

#[tokio::test]
async fn mitra_sees_no_personal_data_anywhere() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "mitra").await;
    for path in ["/pegawai".to_owned(), format!("/pegawai/{}", fx.ids.fitri)] {
        let res = get(&fx.app, &path, s.c()).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{path}");
        assert!(res.body.contains("Akses ditolak"));
    }
    for path in [
        "/api/v1/pegawai".to_owned(),
        format!("/api/v1/pegawai/{}", fx.ids.fitri),
    ] {
        let res = get(&fx.app, &path, s.c()).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{path}");
        assert_eq!(res.json()["error"]["code"], "forbidden");
    }
    let pages = [
        "/".to_owned(),
        "/jabatan".to_owned(),
        format!("/jabatan/{}", fx.ids.dokter),
        "/unit".to_owned(),
        format!("/unit/{}", fx.ids.puskesmas),
        "/kamus".to_owned(),
        format!("/kamus/{}", fx.ids.integritas),
        "/api/v1/ringkasan".to_owned(),
        "/api/v1/jabatan".to_owned(),
        format!("/api/v1/jabatan/{}", fx.ids.dokter),
        "/api/v1/unit".to_owned(),
    ];
    for path in pages {
        let res = get(&fx.app, &path, s.c()).await;
        assert_eq!(res.status, StatusCode::OK, "{path}");
        for nip in semua_nip() {
            assert!(!res.body.contains(nip), "{path} shows NIP {nip}");
        }
        for nama in NAMA_OPD1.iter().chain(&NAMA_OPD2) {
            assert!(!res.body.contains(nama), "{path} shows {nama}");
        }
    }
    let home = get(&fx.app, "/", s.c()).await;
    assert!(
        !home.body.contains("href=\"/pegawai\""),
        "no Pegawai menu for mitra"
    );
    assert!(home.body.contains("Akun mitra tidak melihat data pribadi"));
    let jabatan = get(&fx.app, &format!("/jabatan/{}", fx.ids.dokter), s.c()).await;
    assert!(
        jabatan.body.contains("Dokter Ahli Pertama")
            && jabatan.body.contains("Pelayanan Kesehatan Dasar")
    );
    assert!(!jabatan.body.contains("Pemangku jabatan"));
    let api = get(&fx.app, "/api/v1/jabatan", s.c()).await.json();
    assert!(
        api.as_array()
            .expect("list")
            .iter()
            .all(|j| j["jumlah_pegawai"].is_null())
    );
    let units = get(&fx.app, "/api/v1/unit", s.c()).await.json();
    assert!(
        units
            .as_array()
            .expect("list")
            .iter()
            .all(|u| u["jumlah_pegawai"].is_null())
    );
    let r = get(&fx.app, "/api/v1/ringkasan", s.c()).await.json();
    assert_eq!(r["pegawai_aktif"], 0);
    assert_eq!(r["jumlah_jabatan"], 5, "organisational counts stay visible");
}

#[tokio::test]
async fn auditor_sees_everything_but_has_no_write_forms() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "auditor").await;
    let api = get(&fx.app, "/api/v1/pegawai", s.c()).await.json();
    assert_eq!(api["total"], 6);
    let pages = [
        "/".to_owned(),
        "/pegawai".to_owned(),
        format!("/pegawai/{}", fx.ids.dewi),
        "/jabatan".to_owned(),
        format!("/jabatan/{}", fx.ids.guru),
        "/unit".to_owned(),
        format!("/unit/{}", fx.ids.opd2),
        "/kamus".to_owned(),
        format!("/kamus/{}", fx.ids.yankes),
        "/audit".to_owned(),
    ];
    for path in pages {
        let res = get(&fx.app, &path, s.c()).await;
        assert_eq!(res.status, StatusCode::OK, "{path}");
        let posts = res.body.matches("method=\"post\"").count();
        let logout = res
            .body
            .matches("method=\"post\" action=\"/keluar\"")
            .count();
        assert_eq!((posts, logout), (1, 1), "{path}: only the logout form");
    }
    let guru = get(&fx.app, &format!("/jabatan/{}", fx.ids.guru), s.c()).await;
    assert!(guru.body.contains("Dewi Lestari"));
}

#[tokio::test]
async fn the_audit_log_is_for_admin_and_auditor_only() {
    let fx = Fixture::new().await;
    for user in ["admin", "auditor"] {
        let s = masuk_sebagai(&fx, user).await;
        let res = get(&fx.app, "/audit", s.c()).await;
        assert_eq!(res.status, StatusCode::OK);
        assert!(res.body.contains("sesi.masuk") && res.body.contains("pegawai.tambah"));
        assert!(res.body.contains("href=\"/audit\""), "menu shows Audit");
    }
    for user in ["pimpinan", "fitri", "mitra"] {
        let s = masuk_sebagai(&fx, user).await;
        let res = get(&fx.app, "/audit", s.c()).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{user}");
        assert!(res.body.contains("Akses ditolak") && !res.body.contains("sesi.masuk"));
        let home = get(&fx.app, "/", s.c()).await;
        assert!(
            !home.body.contains("href=\"/audit\""),
            "no Audit menu for {user}"
        );
    }
}

#[tokio::test]
async fn position_holders_and_counts_respect_the_scope() {
    let fx = Fixture::new().await;
    let holders = |json: serde_json::Value, id: i64| {
        json.as_array()
            .expect("list")
            .iter()
            .find(|j| j["id"] == id)
            .map(|j| j["jumlah_pegawai"].clone())
            .expect("position listed")
    };
    let admin = masuk_sebagai(&fx, "admin").await;
    let pimpinan = masuk_sebagai(&fx, "pimpinan").await;
    let fitri = masuk_sebagai(&fx, "fitri").await;
    let dokter = fx.ids.dokter.0;
    let guru = fx.ids.guru.0;
    assert_eq!(
        holders(
            get(&fx.app, "/api/v1/jabatan", admin.c()).await.json(),
            dokter
        ),
        2
    );
    assert_eq!(
        holders(
            get(&fx.app, "/api/v1/jabatan", pimpinan.c()).await.json(),
            dokter
        ),
        2
    );
    // A position outside the pimpinan's OPD, held by nobody in scope: no
    // count at all, since a zero would read as "vacant".
    assert_eq!(
        holders(
            get(&fx.app, "/api/v1/jabatan", pimpinan.c()).await.json(),
            guru
        ),
        serde_json::Value::Null
    );
    assert_eq!(
        holders(
            get(&fx.app, "/api/v1/jabatan", fitri.c()).await.json(),
            dokter
        ),
        1
    );

    let page = get(&fx.app, &format!("/jabatan/{}", fx.ids.guru), pimpinan.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Guru Ahli Pertama"));
    assert!(!page.body.contains("Dewi Lestari") && !page.body.contains("19900410"));
    let page = get(&fx.app, &format!("/jabatan/{}", fx.ids.dokter), fitri.c()).await;
    assert!(page.body.contains("dr. Fitri Yuliani"));
    assert!(!page.body.contains("Rina Marlina"));
    let api = get(
        &fx.app,
        &format!("/api/v1/jabatan/{}", fx.ids.dokter),
        admin.c(),
    )
    .await
    .json();
    let mut names: Vec<&str> = api["pemegang"]
        .as_array()
        .expect("holders")
        .iter()
        .map(|p| p["nama_lengkap"].as_str().expect("name"))
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["Rina Marlina", "dr. Fitri Yuliani"]);

    // Unit counts: the pimpinan's view of OPD 2 is empty, the admin's is not.
    let units = |json: serde_json::Value, id: i64| {
        json.as_array()
            .expect("list")
            .iter()
            .find(|u| u["id"] == id)
            .map(|u| u["jumlah_pegawai"].clone())
            .expect("unit")
    };
    assert_eq!(
        units(
            get(&fx.app, "/api/v1/unit", admin.c()).await.json(),
            fx.ids.opd1.0
        ),
        4
    );
    assert_eq!(
        units(
            get(&fx.app, "/api/v1/unit", admin.c()).await.json(),
            fx.ids.opd2.0
        ),
        2
    );
    assert_eq!(
        units(
            get(&fx.app, "/api/v1/unit", pimpinan.c()).await.json(),
            fx.ids.opd2.0
        ),
        serde_json::Value::Null,
        "no count outside the scope"
    );
    // The tree page likewise counts the pimpinan's OPD and nothing else.
    let tree = get(&fx.app, "/unit", pimpinan.c()).await.body;
    let line = |id: i64| {
        let start = tree
            .find(&format!("href=\"/unit/{id}\""))
            .expect("unit in tree");
        let rest = &tree[start..];
        // The unit's own line ends where its children or its item end.
        let end = ["<ul", "</li>"]
            .iter()
            .filter_map(|m| rest.find(m))
            .min()
            .unwrap_or(rest.len());
        rest[..end].to_owned()
    };
    assert!(
        line(fx.ids.opd1.0).contains("4 pegawai"),
        "{}",
        line(fx.ids.opd1.0)
    );
    assert!(
        !line(fx.ids.opd2.0).contains("pegawai</span>"),
        "{}",
        line(fx.ids.opd2.0)
    );
    assert_eq!(
        units(
            get(&fx.app, "/api/v1/unit", pimpinan.c()).await.json(),
            fx.ids.puskesmas.0
        ),
        2
    );
    let unit_page = get(&fx.app, &format!("/unit/{}", fx.ids.opd2), pimpinan.c()).await;
    assert!(
        !unit_page.body.contains("Lihat daftar pegawai"),
        "no employee link outside the scope"
    );
    let unit_page = get(&fx.app, &format!("/unit/{}", fx.ids.opd1), pimpinan.c()).await;
    assert!(
        unit_page
            .body
            .contains(&format!("/pegawai?unit={}", fx.ids.opd1))
    );
}

#[tokio::test]
async fn a_user_of_instansi_b_cannot_reach_instansi_a_by_id() {
    let fx = Fixture::new().await;
    let b = masuk_di(&fx.app, fx.ids.b, "admin", crate::fixture::SANDI_B).await;
    let list = get(&fx.app, "/pegawai", b.c()).await;
    assert!(list.body.contains("Rahmat Hidayat"));
    for nama in NAMA_OPD1.iter().chain(&NAMA_OPD2) {
        assert!(!list.body.contains(nama));
    }
    let pages = [
        format!("/pegawai/{}", fx.ids.budi),
        format!("/jabatan/{}", fx.ids.dokter),
        format!("/unit/{}", fx.ids.opd1),
        format!("/kamus/{}", fx.ids.integritas),
    ];
    for path in pages {
        let res = get(&fx.app, &path, b.c()).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!res.body.contains("Budi") && !res.body.contains("Dokter"));
        let api = get(
            &fx.app,
            &format!("/api/v1{}", path.replace("/kamus/", "/kompetensi/")),
            b.c(),
        )
        .await;
        assert_eq!(api.status, StatusCode::NOT_FOUND, "API {path}");
    }
    // And the other way round.
    let a = masuk_sebagai(&fx, "admin").await;
    let res = get(&fx.app, &format!("/pegawai/{}", fx.ids.rahmat_b), a.c()).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert!(!res.body.contains("Rahmat"));
    let units = get(&fx.app, "/api/v1/unit", a.c()).await.json();
    assert!(
        units
            .as_array()
            .expect("list")
            .iter()
            .all(|u| u["id"] != fx.ids.opd_b.0)
    );
}
