//! The JSON API, its OpenAPI document and /healthz.

use crate::fixture::Fixture;
use crate::{get, masuk_sebagai};
use axum::http::StatusCode;

const API_PATHS: [&str; 8] = [
    "/api/v1/ringkasan",
    "/api/v1/pegawai",
    "/api/v1/pegawai/{id}",
    "/api/v1/jabatan",
    "/api/v1/jabatan/{id}",
    "/api/v1/unit",
    "/api/v1/kompetensi",
    "/api/v1/kompetensi/{id}",
];

fn konkret(fx: &Fixture, path: &str) -> String {
    let ids = fx.ids;
    path.replace("/pegawai/{id}", &format!("/pegawai/{}", ids.fitri))
        .replace("/jabatan/{id}", &format!("/jabatan/{}", ids.dokter))
        .replace(
            "/kompetensi/{id}",
            &format!("/kompetensi/{}", ids.integritas),
        )
}

#[tokio::test]
async fn every_api_route_answers_for_admin_and_401_without_a_session() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    for path in API_PATHS {
        let url = konkret(&fx, path);
        let res = get(&fx.app, &url, s.c()).await;
        assert_eq!(res.status, StatusCode::OK, "{url}: {}", res.body);
        assert_eq!(
            res.header("content-type"),
            Some("application/json"),
            "{url}"
        );
        let json = res.json();
        assert!(json.is_object() || json.is_array(), "{url}");
        let anon = get(&fx.app, &url, None).await;
        assert_eq!(anon.status, StatusCode::UNAUTHORIZED, "{url}");
        assert_eq!(anon.json()["error"]["code"], "unauthorized");
        assert!(
            anon.json()["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
    }
}

#[tokio::test]
async fn the_openapi_document_is_public_and_lists_every_api_path() {
    let fx = Fixture::new().await;
    let res = get(&fx.app, "/api/v1/openapi.json", None).await;
    assert_eq!(res.status, StatusCode::OK);
    let doc = res.json();
    assert!(
        doc["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1")),
        "{}",
        doc["openapi"]
    );
    assert_eq!(doc["info"]["title"], "Kompeten API");
    let paths = doc["paths"].as_object().expect("paths");
    for path in API_PATHS {
        let op = &paths
            .get(path)
            .unwrap_or_else(|| panic!("{path} not documented"))["get"];
        assert!(
            op["responses"]["200"].is_object(),
            "{path} documents its 200"
        );
        assert!(
            op["responses"]["401"].is_object(),
            "{path} documents its 401"
        );
        assert_eq!(
            op["security"][0]["sesi"],
            serde_json::json!([]),
            "{path} needs the cookie"
        );
    }
    assert!(paths.contains_key("/healthz"));
    let params: Vec<&str> = paths["/api/v1/pegawai"]["get"]["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .map(|p| p["name"].as_str().expect("name"))
        .collect();
    for p in [
        "q",
        "opd",
        "unit",
        "jenis",
        "status",
        "halaman",
        "per_halaman",
    ] {
        assert!(params.contains(&p), "parameter {p}");
    }
    let schemas = doc["components"]["schemas"].as_object().expect("schemas");
    for name in [
        "PegawaiDetailDto",
        "HalamanPegawaiDto",
        "JabatanDetailDto",
        "UnitDto",
        "KompetensiDto",
        "RingkasanDto",
        "ErrorBody",
    ] {
        assert!(schemas.contains_key(name), "schema {name}");
    }
    assert_eq!(doc["components"]["securitySchemes"]["sesi"]["in"], "cookie");
    assert_eq!(
        doc["components"]["securitySchemes"]["sesi"]["name"],
        "kompeten_sesi"
    );
}

#[tokio::test]
async fn healthz_needs_no_login_and_reports_the_backend() {
    let fx = Fixture::new().await;
    let res = get(&fx.app, "/healthz", None).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(
        res.json(),
        serde_json::json!({"status": "ok", "database": "sqlite"})
    );
    fx.store.close().await;
    let res = get(&fx.app, "/healthz", None).await;
    assert_eq!(res.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(res.json()["database"], "sqlite");
    assert_ne!(res.json()["status"], "ok");
}

#[tokio::test]
async fn a_broken_database_gives_the_500_page_without_internals() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    fx.store.close().await;
    let page = get(&fx.app, "/kamus", s.c()).await;
    assert_eq!(page.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(page.body.contains("Terjadi kesalahan"));
    assert!(
        !page.body.to_lowercase().contains("pool") && !page.body.contains("sqlx"),
        "{}",
        page.body
    );
    let api = get(&fx.app, "/api/v1/kompetensi", s.c()).await;
    assert_eq!(api.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(api.json()["error"]["code"], "internal");
    assert!(!api.body.to_lowercase().contains("pool"));
}

#[tokio::test]
async fn the_employee_detail_carries_profile_levels_assessments_and_skp() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "pimpinan").await;
    let p = get(&fx.app, &format!("/api/v1/pegawai/{}", fx.ids.fitri), s.c())
        .await
        .json();
    assert_eq!(p["nip"], "199308122020122021");
    assert_eq!(p["nama_lengkap"], "dr. Fitri Yuliani");
    assert_eq!(p["status"], "pns");
    assert_eq!(p["golongan"], "III/b");
    assert_eq!(p["tanggal_lahir"], "1993-08-12");
    assert_eq!(p["tmt_cpns"], "2020-12");
    assert_eq!(p["jenis_kelamin"], "P");
    assert_eq!(p["jabatan"]["jenis"], "fungsional");
    assert_eq!(p["jabatan"]["jenjang"], "ahli_pertama");
    assert_eq!(p["unit"]["nama"], "Puskesmas Talawi");
    assert_eq!(p["unit_jalur"][0]["nama"], "Dinas Kesehatan");
    assert_eq!(p["hari_ini"], "2026-11-27");
    let levels = p["level_saat_ini"].as_array().expect("levels");
    let by_code = |kode: &str| {
        levels
            .iter()
            .find(|l| l["kode"] == kode)
            .unwrap_or_else(|| panic!("{kode}"))
    };
    assert_eq!(by_code("M.1")["status"], "berlaku");
    assert_eq!(by_code("M.1")["level"], 3);
    assert_eq!(by_code("M.1")["standar"], 2);
    assert_eq!(by_code("T.KES.1")["status"], "kedaluwarsa");
    assert_eq!(by_code("T.KES.1")["standar"], 3);
    assert!(by_code("SK.1")["standar"].is_null());
    let penilaian = p["penilaian"].as_array().expect("assessments");
    assert_eq!(penilaian.len(), 3);
    assert_eq!(penilaian[0]["tanggal"], "2025-03-10");
    assert_eq!(penilaian[2]["status"], "kedaluwarsa");
    assert_eq!(p["skp"][0]["tahun"], 2025);
    assert_eq!(p["skp"][0]["predikat"], "sangat_baik");

    let budi = get(&fx.app, &format!("/api/v1/pegawai/{}", fx.ids.budi), s.c())
        .await
        .json();
    let belum = budi["level_saat_ini"]
        .as_array()
        .expect("levels")
        .iter()
        .find(|l| l["kode"] == "SK.1")
        .cloned();
    assert_eq!(belum.expect("in the standard")["status"], "belum_dinilai");
}

#[tokio::test]
async fn api_lists_page_and_reject_unknown_filters() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let page = get(&fx.app, "/api/v1/pegawai?per_halaman=2&halaman=2", s.c())
        .await
        .json();
    assert_eq!(page["total"], 6);
    assert_eq!(page["halaman"], 2);
    assert_eq!(page["jumlah_halaman"], 3);
    assert_eq!(page["items"].as_array().expect("items").len(), 2);
    for bad in [
        "/api/v1/pegawai?jenis=bogus",
        "/api/v1/pegawai?per_halaman=0",
        "/api/v1/pegawai?opd=abc",
        "/api/v1/jabatan?jenis=x",
    ] {
        let res = get(&fx.app, bad, s.c()).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(res.json()["error"]["code"], "bad_request");
    }
    // Empty values are no filter, as on the pages.
    let ok = get(&fx.app, "/api/v1/pegawai?opd=&jenis=", s.c())
        .await
        .json();
    assert_eq!(ok["total"], 6);
    let jabatan = get(&fx.app, "/api/v1/jabatan?jenis=fungsional", s.c())
        .await
        .json();
    assert_eq!(jabatan.as_array().expect("list").len(), 2);
    let kamus = get(&fx.app, "/api/v1/kompetensi", s.c()).await.json();
    assert_eq!(kamus.as_array().expect("list").len(), 4);
    assert!(
        kamus[0].get("level").is_none(),
        "lists leave the levels out"
    );
    let k = get(
        &fx.app,
        &format!("/api/v1/kompetensi/{}", fx.ids.yankes),
        s.c(),
    )
    .await
    .json();
    assert_eq!(k["level"].as_array().expect("levels").len(), 5);
    assert_eq!(k["bidang"], "Kesehatan");
    let d = get(&fx.app, &format!("/api/v1/jabatan/{}", fx.ids.kabid), s.c())
        .await
        .json();
    let standar: Vec<&str> = d["standar"]
        .as_array()
        .expect("standar")
        .iter()
        .map(|x| x["kode"].as_str().expect("kode"))
        .collect();
    assert_eq!(standar, ["M.1", "M.2", "SK.1"]);
}
