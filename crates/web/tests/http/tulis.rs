//! Data entry: assessment per employee and per unit batch, position standards,
//! adding and editing employees, in the forms and in the JSON API.

use crate::fixture::Fixture;
use crate::{Jawab, csrf_di, get, kirim, masuk_sebagai, post_form};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use kompeten_store::{KompetensiId, Store};
use time::macros::date;

/// The CSRF token of a signed-in session, read from the logout form of a page.
async fn token(fx: &Fixture, cookie: Option<&str>) -> String {
    csrf_di(&get(&fx.app, "/", cookie).await.body)
}

pub async fn jumlah_penilaian(fx: &Fixture) -> usize {
    let mut n = 0;
    for p in [
        fx.ids.budi,
        fx.ids.fitri,
        fx.ids.rina,
        fx.ids.hendra,
        fx.ids.dewi,
        fx.ids.yusuf,
    ] {
        n += fx
            .store
            .penilaian_pegawai(fx.ids.a, p)
            .await
            .expect("penilaian")
            .len();
    }
    n
}

async fn standar_dokter(fx: &Fixture) -> Vec<(KompetensiId, u8, u32)> {
    fx.store
        .standar(fx.ids.a, fx.ids.dokter)
        .await
        .expect("standar")
        .iter()
        .map(|s| (s.kompetensi, s.level.get(), s.bobot))
        .collect()
}

async fn aksi_terakhir(fx: &Fixture) -> (String, String) {
    let e = fx
        .store
        .audit_log(fx.ids.a, 1)
        .await
        .expect("audit")
        .remove(0);
    (e.action, e.actor_label)
}

pub async fn kirim_json(
    fx: &Fixture,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    csrf: Option<&str>,
    body: serde_json::Value,
) -> Jawab {
    let mut req = Request::builder()
        .method(method)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    if let Some(t) = csrf {
        req = req.header("x-csrf-token", t);
    }
    kirim(
        &fx.app,
        req.body(Body::from(body.to_string())).expect("request"),
    )
    .await
}

fn form_penilaian<'a>(
    csrf: &'a str,
    kompetensi: &'a str,
    level: &'a str,
    tanggal: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("kompetensi", kompetensi),
        ("level", level),
        ("metode", "uji_kompetensi"),
        ("tanggal", tanggal),
        ("asesor", "Tim Uji Kompetensi"),
        ("catatan_bukti", "Berita acara uji"),
    ]
}

#[tokio::test]
async fn admin_records_an_assessment_and_sees_it_at_once() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let url = format!("/pegawai/{}/penilaian/baru", fx.ids.fitri);
    let form = get(&fx.app, &url, s.c()).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(form.body.contains("Catat hasil penilaian"));
    // The position's standard comes first.
    let grup = form
        .body
        .find("Standar kompetensi jabatan")
        .expect("standard group");
    let yankes = form.body.find("T.KES.1 Pelayanan").expect("yankes option");
    let kerja_sama = form.body.find("M.2 Kerja Sama").expect("kerja sama option");
    assert!(
        grup < yankes && yankes < kerja_sama,
        "standard competencies first"
    );
    assert!(form.body.contains("Berlaku 3 tahun"));

    let csrf = csrf_di(&form.body);
    let k = fx.ids.yankes.to_string();
    let before = jumlah_penilaian(&fx).await;
    let res = post_form(
        &fx.app,
        &url,
        s.c(),
        &form_penilaian(&csrf, &k, "4", "2026-11-02"),
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.location(),
        Some(format!("/pegawai/{}", fx.ids.fitri).as_str())
    );
    assert_eq!(jumlah_penilaian(&fx).await, before + 1);
    let baru = fx
        .store
        .penilaian_pegawai(fx.ids.a, fx.ids.fitri)
        .await
        .expect("penilaian")
        .remove(0);
    assert_eq!(baru.kompetensi, fx.ids.yankes);
    assert_eq!(baru.level.get(), 4);
    assert_eq!(baru.tanggal, date!(2026 - 11 - 02));
    assert_eq!(
        baru.berlaku_sampai,
        date!(2029 - 11 - 01),
        "3 years less a day"
    );
    assert_eq!(baru.asesor, "Tim Uji Kompetensi");

    let pesan = res
        .set_cookie("kompeten_pesan")
        .expect("a confirmation cookie");
    let page = get(
        &fx.app,
        &format!("/pegawai/{}", fx.ids.fitri),
        Some(&format!("{}; {}", s.cookie, crate::cookie_pair(&pesan))),
    )
    .await;
    assert!(
        page.body.contains("Hasil penilaian tersimpan."),
        "shown once"
    );
    assert!(
        page.set_cookie("kompeten_pesan")
            .is_some_and(|c| c.contains("Max-Age=0")),
        "and cleared"
    );
    assert!(
        page.body.contains("2 November 2026"),
        "new row in the history"
    );
    assert!(
        page.body
            .contains("dinilai 2 November 2026, berlaku s.d. 1 November 2029")
    );
    let audit = get(&fx.app, "/audit", s.c()).await;
    assert!(audit.body.contains("penilaian.catat"));
    assert_eq!(
        aksi_terakhir(&fx).await,
        ("penilaian.catat".into(), "admin".into())
    );
}

#[tokio::test]
async fn invalid_assessments_show_field_errors_and_write_nothing() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let csrf = token(&fx, s.c()).await;
    let url = format!("/pegawai/{}/penilaian/baru", fx.ids.fitri);
    let k = fx.ids.yankes.to_string();
    let before = jumlah_penilaian(&fx).await;

    let res = post_form(
        &fx.app,
        &url,
        s.c(),
        &form_penilaian(&csrf, &k, "6", "2026-12-01"),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(
        res.body.contains("Level harus bilangan bulat 1 sampai 5."),
        "{}",
        res.body
    );
    assert!(
        res.body
            .contains("Tanggal penilaian tidak boleh di masa depan.")
    );
    // The input is kept.
    assert!(res.body.contains("value=\"2026-12-01\""));
    assert!(res.body.contains("Tim Uji Kompetensi"));

    // Born 12 August 1993: an assessment in 2010 is before the 18th birthday.
    let res = post_form(
        &fx.app,
        &url,
        s.c(),
        &form_penilaian(&csrf, &k, "3", "2010-01-05"),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(
        res.body.contains("sebelum pegawai berusia 18 tahun"),
        "{}",
        res.body
    );

    let res = post_form(
        &fx.app,
        &url,
        s.c(),
        &form_penilaian(&csrf, "999999", "3", "2026-01-05"),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("Pilih kompetensi dari kamus."));

    let res = post_form(
        &fx.app,
        &url,
        s.c(),
        &form_penilaian(&csrf, &k, "3", "05/01/2026"),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("Isi tanggal penilaian"));
    assert_eq!(jumlah_penilaian(&fx).await, before);
}

#[tokio::test]
async fn missing_or_wrong_csrf_is_refused_and_changes_nothing() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let k = fx.ids.yankes.to_string();
    let url = format!("/pegawai/{}/penilaian/baru", fx.ids.fitri);
    let before = jumlah_penilaian(&fx).await;
    let standar = standar_dokter(&fx).await;
    for csrf in ["", "salah", &"0".repeat(64)] {
        let res = post_form(
            &fx.app,
            &url,
            s.c(),
            &form_penilaian(csrf, &k, "4", "2026-11-02"),
        )
        .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "csrf {csrf:?}");
        assert!(res.body.contains("token CSRF tidak valid"));
        let res = post_form(
            &fx.app,
            &format!("/jabatan/{}/standar", fx.ids.dokter),
            s.c(),
            &[
                ("csrf", csrf),
                ("kompetensi_1", &k),
                ("level_1", "5"),
                ("bobot_1", "1"),
            ],
        )
        .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
    }
    let res = post_form(
        &fx.app,
        &url,
        s.c(),
        &[("kompetensi", k.as_str()), ("level", "4")],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(jumlah_penilaian(&fx).await, before);
    assert_eq!(standar_dokter(&fx).await, standar);

    // The API wants the token in a header.
    let body = serde_json::json!({
        "kompetensi_id": fx.ids.yankes.0, "level": 4, "metode": "cact",
        "tanggal": "2026-11-02", "asesor": "BKN"
    });
    let api = format!("/api/v1/pegawai/{}/penilaian", fx.ids.fitri);
    let res = kirim_json(&fx, "POST", &api, s.c(), None, body.clone()).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = kirim_json(&fx, "POST", &api, s.c(), Some("salah"), body).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(res.json()["error"]["code"], "forbidden");
    assert_eq!(jumlah_penilaian(&fx).await, before);
}

/// Every write route with a concrete id: (method, path).
fn rute_tulis(fx: &Fixture) -> Vec<(&'static str, String)> {
    let i = fx.ids;
    vec![
        ("GET", "/pegawai/baru".to_owned()),
        ("POST", "/pegawai/baru".to_owned()),
        (
            "GET",
            "/pegawai/cek-nip?nip=199308122020122021&status=pns".to_owned(),
        ),
        ("GET", "/pegawai/pilihan-golongan?status=pns".to_owned()),
        (
            "GET",
            format!("/pegawai/pilihan-jabatan?unit={}", i.sekolah),
        ),
        ("GET", format!("/pegawai/{}/ubah", i.fitri)),
        ("POST", format!("/pegawai/{}/ubah", i.fitri)),
        ("GET", format!("/pegawai/{}/penilaian/baru", i.fitri)),
        ("POST", format!("/pegawai/{}/penilaian/baru", i.fitri)),
        ("GET", format!("/penilaian/batch?unit={}", i.puskesmas)),
        ("POST", "/penilaian/batch".to_owned()),
        ("GET", format!("/jabatan/{}/standar", i.dokter)),
        ("POST", format!("/jabatan/{}/standar", i.dokter)),
    ]
}

#[tokio::test]
async fn read_only_roles_get_403_on_every_write_route_and_see_no_write_links() {
    let fx = Fixture::new().await;
    let before = jumlah_penilaian(&fx).await;
    let standar = standar_dokter(&fx).await;
    for user in ["auditor", "fitri", "mitra"] {
        let s = masuk_sebagai(&fx, user).await;
        let csrf = token(&fx, s.c()).await;
        for (method, path) in rute_tulis(&fx) {
            let res = if method == "GET" {
                get(&fx.app, &path, s.c()).await
            } else {
                post_form(
                    &fx.app,
                    &path,
                    s.c(),
                    &[
                        ("csrf", csrf.as_str()),
                        ("unit", &fx.ids.puskesmas.to_string()),
                        ("kompetensi", &fx.ids.yankes.to_string()),
                        ("kompetensi_1", &fx.ids.yankes.to_string()),
                        ("level_1", "5"),
                        ("bobot_1", "1"),
                        ("level", "4"),
                        ("metode", "cact"),
                        ("tanggal", "2026-11-02"),
                        ("asesor", "X"),
                        (&format!("level_{}", fx.ids.fitri), "5"),
                        ("nama", "Nama Baru"),
                    ],
                )
                .await
            };
            assert_eq!(res.status, StatusCode::FORBIDDEN, "{user} {method} {path}");
        }
        let api: Vec<(&str, String)> = vec![
            ("POST", "/api/v1/pegawai".into()),
            ("PUT", format!("/api/v1/pegawai/{}", fx.ids.fitri)),
            (
                "POST",
                format!("/api/v1/pegawai/{}/penilaian", fx.ids.fitri),
            ),
            ("POST", "/api/v1/penilaian/batch".into()),
            ("PUT", format!("/api/v1/jabatan/{}/standar", fx.ids.dokter)),
        ];
        for (method, path) in api {
            let res = kirim_json(
                &fx,
                method,
                &path,
                s.c(),
                Some(&csrf),
                serde_json::json!({}),
            )
            .await;
            assert_eq!(res.status, StatusCode::FORBIDDEN, "{user} {method} {path}");
        }
        if user != "mitra" {
            let page = get(&fx.app, &format!("/pegawai/{}", fx.ids.fitri), s.c()).await;
            assert_eq!(page.status, StatusCode::OK);
            assert!(
                !page.body.contains("/penilaian/baru"),
                "{user} sees no entry link"
            );
            assert!(!page.body.contains("/ubah\""), "{user} sees no edit link");
        }
        let jab = get(&fx.app, &format!("/jabatan/{}", fx.ids.dokter), s.c()).await;
        assert!(!jab.body.contains("Ubah standar"), "{user}");
        let unit = get(&fx.app, &format!("/unit/{}", fx.ids.puskesmas), s.c()).await;
        assert!(!unit.body.contains("/penilaian/batch"), "{user}");
    }
    assert_eq!(jumlah_penilaian(&fx).await, before);
    assert_eq!(standar_dokter(&fx).await, standar);
    assert_eq!(
        fx.store
            .pegawai(fx.ids.a, fx.ids.fitri)
            .await
            .expect("fitri")
            .nama,
        "Fitri Yuliani"
    );
}

#[tokio::test]
async fn pimpinan_writes_inside_their_opd_and_gets_403_outside() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "pimpinan").await;
    let csrf = token(&fx, s.c()).await;
    let k = fx.ids.integritas.to_string();

    // Inside Dinas Kesehatan: Fitri (Puskesmas Talawi) and the doctor's standard.
    let page = get(&fx.app, &format!("/pegawai/{}", fx.ids.fitri), s.c()).await;
    assert!(
        page.body
            .contains(&format!("/pegawai/{}/penilaian/baru", fx.ids.fitri))
    );
    let url = format!("/pegawai/{}/penilaian/baru", fx.ids.fitri);
    let res = post_form(
        &fx.app,
        &url,
        s.c(),
        &form_penilaian(&csrf, &k, "3", "2026-10-01"),
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        aksi_terakhir(&fx).await,
        ("penilaian.catat".into(), "pimpinan".into())
    );
    let jab = get(&fx.app, &format!("/jabatan/{}", fx.ids.dokter), s.c()).await;
    assert!(jab.body.contains("Ubah standar"));
    assert_eq!(
        get(
            &fx.app,
            &format!("/jabatan/{}/standar", fx.ids.dokter),
            s.c()
        )
        .await
        .status,
        StatusCode::OK
    );
    let unit = get(&fx.app, &format!("/unit/{}", fx.ids.puskesmas), s.c()).await;
    assert!(
        unit.body
            .contains(&format!("/penilaian/batch?unit={}", fx.ids.puskesmas))
    );

    // Outside: Dewi (SD Negeri 01, Dinas Pendidikan), the teacher's standard, the school.
    let before = jumlah_penilaian(&fx).await;
    let url = format!("/pegawai/{}/penilaian/baru", fx.ids.dewi);
    assert_eq!(
        get(&fx.app, &url, s.c()).await.status,
        StatusCode::FORBIDDEN
    );
    let res = post_form(
        &fx.app,
        &url,
        s.c(),
        &form_penilaian(&csrf, &k, "3", "2026-10-01"),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let ubah = format!("/pegawai/{}/ubah", fx.ids.dewi);
    assert_eq!(
        get(&fx.app, &ubah, s.c()).await.status,
        StatusCode::FORBIDDEN
    );
    let res = post_form(
        &fx.app,
        &ubah,
        s.c(),
        &[("csrf", csrf.as_str()), ("nama", "Dewi X")],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let std = format!("/jabatan/{}/standar", fx.ids.guru);
    assert_eq!(
        get(&fx.app, &std, s.c()).await.status,
        StatusCode::FORBIDDEN
    );
    let res = post_form(
        &fx.app,
        &std,
        s.c(),
        &[
            ("csrf", csrf.as_str()),
            ("kompetensi_1", &k),
            ("level_1", "2"),
            ("bobot_1", "1"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let jab = get(&fx.app, &format!("/jabatan/{}", fx.ids.guru), s.c()).await;
    assert!(!jab.body.contains("Ubah standar"));
    let batch = format!("/penilaian/batch?unit={}", fx.ids.sekolah);
    assert_eq!(
        get(&fx.app, &batch, s.c()).await.status,
        StatusCode::FORBIDDEN
    );
    let res = post_form(
        &fx.app,
        "/penilaian/batch",
        s.c(),
        &[
            ("csrf", csrf.as_str()),
            ("unit", &fx.ids.sekolah.to_string()),
            ("kompetensi", &k),
            ("metode", "cact"),
            ("tanggal", "2026-10-01"),
            ("asesor", "X"),
            (&format!("level_{}", fx.ids.dewi), "3"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    // Moving an own employee to the other OPD is refused as a field error.
    let res = post_form(
        &fx.app,
        &format!("/pegawai/{}/ubah", fx.ids.fitri),
        s.c(),
        &[
            ("csrf", csrf.as_str()),
            ("nama", "Fitri Yuliani"),
            ("gelar_depan", "dr."),
            ("golongan", "III/b"),
            ("unit", &fx.ids.sekolah.to_string()),
            ("jabatan", ""),
            ("pendidikan", "s1"),
            ("aktif", "1"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("Pilih unit kerja dalam lingkup Anda."));
    assert_eq!(
        fx.store
            .pegawai(fx.ids.a, fx.ids.fitri)
            .await
            .expect("fitri")
            .unit,
        fx.ids.puskesmas
    );
    // The unit select offers only the led subtree.
    let form = get(&fx.app, "/pegawai/baru", s.c()).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Puskesmas Talawi"));
    assert!(!form.body.contains("SD Negeri 01"));
    assert_eq!(jumlah_penilaian(&fx).await, before);

    // The API gives the same answers.
    let body = serde_json::json!({
        "kompetensi_id": fx.ids.integritas.0, "level": 3, "metode": "cact",
        "tanggal": "2026-10-01", "asesor": "BKN"
    });
    let res = kirim_json(
        &fx,
        "POST",
        &format!("/api/v1/pegawai/{}/penilaian", fx.ids.dewi),
        s.c(),
        Some(&csrf),
        body.clone(),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = kirim_json(
        &fx,
        "POST",
        &format!("/api/v1/pegawai/{}/penilaian", fx.ids.rina),
        s.c(),
        Some(&csrf),
        body,
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let res = kirim_json(
        &fx,
        "PUT",
        &format!("/api/v1/jabatan/{}/standar", fx.ids.guru),
        s.c(),
        Some(&csrf),
        serde_json::json!({"items": []}),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

fn form_batch(
    csrf: &str,
    unit: String,
    kompetensi: String,
    rows: &[(String, &str)],
) -> Vec<(String, String)> {
    let mut out = vec![
        ("csrf".to_owned(), csrf.to_owned()),
        ("unit".to_owned(), unit),
        ("kompetensi".to_owned(), kompetensi),
        ("metode".to_owned(), "assessment_center".to_owned()),
        ("tanggal".to_owned(), "2026-11-20".to_owned()),
        ("asesor".to_owned(), "UPT Penilaian Kompetensi".to_owned()),
        ("catatan_bukti".to_owned(), "Laporan AC 2026".to_owned()),
    ];
    out.extend(rows.iter().map(|(k, v)| (k.clone(), (*v).to_owned())));
    out
}

async fn post_pairs(
    fx: &Fixture,
    path: &str,
    cookie: Option<&str>,
    pairs: &[(String, String)],
) -> Jawab {
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    post_form(&fx.app, path, cookie, &borrowed).await
}

#[tokio::test]
async fn a_batch_is_saved_whole_or_not_at_all() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let page = get(
        &fx.app,
        &format!(
            "/penilaian/batch?unit={}&kompetensi={}",
            fx.ids.opd1, fx.ids.yankes
        ),
        s.c(),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    // The whole subtree of Dinas Kesehatan: Budi, Fitri, Rina, Hendra.
    for nama in [
        "Budi Santoso",
        "Fitri Yuliani",
        "Rina Marlina",
        "Hendra Gunawan",
    ] {
        assert!(page.body.contains(nama), "{nama}");
    }
    assert!(!page.body.contains("Dewi Lestari"));
    let csrf = csrf_di(&page.body);
    let before = jumlah_penilaian(&fx).await;
    let unit = fx.ids.opd1.to_string();
    let k = fx.ids.yankes.to_string();

    // One bad row: nothing is saved, the row says why, typed levels are kept.
    let bad = form_batch(
        &csrf,
        unit.clone(),
        k.clone(),
        &[
            (format!("level_{}", fx.ids.fitri), "4"),
            (format!("level_{}", fx.ids.rina), "9"),
            (format!("level_{}", fx.ids.budi), ""),
        ],
    );
    let res = post_pairs(&fx, "/penilaian/batch", s.c(), &bad).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    assert!(res.body.contains("tidak ada yang disimpan"));
    assert!(res.body.contains("Level harus bilangan bulat 1 sampai 5."));
    assert!(
        res.body
            .contains(&format!("name=\"level_{}\" value=\"9\"", fx.ids.rina))
    );
    assert_eq!(jumlah_penilaian(&fx).await, before);

    // An employee of another unit cannot be slipped in.
    let asing = form_batch(
        &csrf,
        unit.clone(),
        k.clone(),
        &[(format!("level_{}", fx.ids.dewi), "3")],
    );
    let res = post_pairs(&fx, "/penilaian/batch", s.c(), &asing).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(jumlah_penilaian(&fx).await, before);

    // Nothing filled in is an error too.
    let kosong = form_batch(
        &csrf,
        unit.clone(),
        k.clone(),
        &[(format!("level_{}", fx.ids.fitri), "")],
    );
    let res = post_pairs(&fx, "/penilaian/batch", s.c(), &kosong).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(
        res.body
            .contains("Isi level untuk sedikitnya satu pegawai.")
    );

    let good = form_batch(
        &csrf,
        unit.clone(),
        k.clone(),
        &[
            (format!("level_{}", fx.ids.fitri), "4"),
            (format!("level_{}", fx.ids.rina), "3"),
            (format!("level_{}", fx.ids.budi), ""),
        ],
    );
    let res = post_pairs(&fx, "/penilaian/batch", s.c(), &good).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let target = res.location().expect("redirect").to_owned();
    assert!(target.contains("tersimpan=2"), "{target}");
    assert_eq!(jumlah_penilaian(&fx).await, before + 2);
    let ringkas = get(&fx.app, &target, s.c()).await;
    assert!(ringkas.body.contains("2 hasil penilaian tersimpan."));
    let rina = fx
        .store
        .penilaian_pegawai(fx.ids.a, fx.ids.rina)
        .await
        .expect("rina");
    assert_eq!(rina.len(), 1);
    assert_eq!(rina[0].level.get(), 3);
    assert_eq!(rina[0].berlaku_sampai, date!(2029 - 11 - 19));
    let page = get(&fx.app, &format!("/pegawai/{}", fx.ids.rina), s.c()).await;
    assert!(page.body.contains("20 November 2026"));
    assert_eq!(
        aksi_terakhir(&fx).await,
        ("penilaian.catat".into(), "admin".into())
    );

    // The API: one bad row writes nothing; a good batch answers 201 with the count.
    let body = |rina: i64| {
        serde_json::json!({
            "unit_id": fx.ids.puskesmas.0, "kompetensi_id": fx.ids.integritas.0,
            "metode": "cact", "tanggal": "2026-11-21", "asesor": "BKN",
            "hasil": [{"pegawai_id": fx.ids.fitri.0, "level": 3}, {"pegawai_id": fx.ids.rina.0, "level": rina}]
        })
    };
    let after = jumlah_penilaian(&fx).await;
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/penilaian/batch",
        s.c(),
        Some(&csrf),
        body(0),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    assert!(res.json()["error"]["fields"][format!("baris.{}", fx.ids.rina)].is_string());
    assert_eq!(jumlah_penilaian(&fx).await, after);
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/penilaian/batch",
        s.c(),
        Some(&csrf),
        body(2),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(res.json()["jumlah"], 2);
    assert_eq!(jumlah_penilaian(&fx).await, after + 2);
    let dua_kali = serde_json::json!({
        "unit_id": fx.ids.puskesmas.0, "kompetensi_id": fx.ids.integritas.0,
        "metode": "cact", "tanggal": "2026-11-21", "asesor": "BKN",
        "hasil": [{"pegawai_id": fx.ids.fitri.0, "level": 3}, {"pegawai_id": fx.ids.fitri.0, "level": 4}]
    });
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/penilaian/batch",
        s.c(),
        Some(&csrf),
        dua_kali,
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    assert_eq!(
        res.json()["error"]["fields"][format!("baris.{}", fx.ids.fitri)],
        "Pegawai ini muncul lebih dari sekali."
    );
    assert_eq!(jumlah_penilaian(&fx).await, after + 2);
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/penilaian/batch",
        s.c(),
        Some(&csrf),
        serde_json::json!({"unit_id": 999999, "kompetensi_id": 1, "metode": "cact", "tanggal": "2026-11-21", "asesor": "X", "hasil": []}),
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn admin_edits_a_standard_with_validation() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let url = format!("/jabatan/{}/standar", fx.ids.dokter);
    let form = get(&fx.app, &url, s.c()).await;
    assert_eq!(form.status, StatusCode::OK);
    let csrf = csrf_di(&form.body);
    let (integritas, yankes, kerja_sama) = (
        fx.ids.integritas.to_string(),
        fx.ids.yankes.to_string(),
        fx.ids.kerja_sama.to_string(),
    );
    let before = standar_dokter(&fx).await;

    let salah = [
        ("csrf", csrf.as_str()),
        ("kompetensi_1", integritas.as_str()),
        ("level_1", "3"),
        ("bobot_1", "0"),
        ("kompetensi_2", yankes.as_str()),
        ("level_2", "6"),
        ("bobot_2", "1"),
        ("kompetensi_3", integritas.as_str()),
        ("level_3", "2"),
        ("bobot_3", "1"),
    ];
    let res = post_form(&fx.app, &url, s.c(), &salah).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(
        res.body
            .contains("Bobot harus bilangan bulat 1 sampai 100.")
    );
    assert!(res.body.contains("Level harus bilangan bulat 1 sampai 5."));
    assert!(res.body.contains("Kompetensi ini sudah ada di baris lain."));
    assert_eq!(standar_dokter(&fx).await, before);

    let benar = [
        ("csrf", csrf.as_str()),
        ("kompetensi_1", integritas.as_str()),
        ("level_1", "3"),
        ("bobot_1", "2"),
        ("kompetensi_2", yankes.as_str()),
        ("level_2", "4"),
        ("bobot_2", "3"),
        ("hapus_2", "1"),
        ("kompetensi_3", kerja_sama.as_str()),
        ("level_3", "2"),
        ("bobot_3", "1"),
        ("kompetensi_4", ""),
        ("level_4", ""),
        ("bobot_4", ""),
    ];
    let res = post_form(&fx.app, &url, s.c(), &benar).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.location(),
        Some(format!("/jabatan/{}", fx.ids.dokter).as_str())
    );
    assert_eq!(
        standar_dokter(&fx).await,
        vec![(fx.ids.integritas, 3, 2), (fx.ids.kerja_sama, 2, 1)]
    );
    let page = get(&fx.app, &format!("/jabatan/{}", fx.ids.dokter), s.c()).await;
    assert!(page.body.contains("Kerja Sama"));
    assert!(!page.body.contains("Pelayanan Kesehatan Dasar"));
    assert_eq!(
        aksi_terakhir(&fx).await,
        ("standar.ubah".into(), "admin".into())
    );

    // The API replaces it again; bad lines are reported per line.
    let api = format!("/api/v1/jabatan/{}/standar", fx.ids.dokter);
    let res = kirim_json(
        &fx,
        "PUT",
        &api,
        s.c(),
        Some(&csrf),
        serde_json::json!({"items": [{"kompetensi_id": fx.ids.yankes.0, "level": 3, "bobot": 0}]}),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.json()["error"]["fields"]["baris.1.bobot"].is_string());
    let res = kirim_json(
        &fx,
        "PUT",
        &api,
        s.c(),
        Some(&csrf),
        serde_json::json!({"items": [{"kompetensi_id": fx.ids.yankes.0, "level": 5, "bobot": 4}]}),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(standar_dokter(&fx).await, vec![(fx.ids.yankes, 5, 4)]);
    let res = kirim_json(
        &fx,
        "PUT",
        "/api/v1/jabatan/999999/standar",
        s.c(),
        Some(&csrf),
        serde_json::json!({"items": []}),
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn nip_is_checked_live_and_on_save_with_the_indonesian_reason() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let res = get(
        &fx.app,
        "/pegawai/cek-nip?nip=1993081220201&status=pns",
        s.c(),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(
        res.body
            .contains("NIP harus 18 digit, yang diisi 13 digit."),
        "{}",
        res.body
    );
    let res = get(
        &fx.app,
        "/pegawai/cek-nip?nip=199313122020122021&status=pns",
        s.c(),
    )
    .await;
    assert!(
        res.body.contains("bukan tanggal lahir yang mungkin"),
        "{}",
        res.body
    );
    let res = get(
        &fx.app,
        "/pegawai/cek-nip?nip=19960101%20202401%201%20007&status=pns",
        s.c(),
    )
    .await;
    assert!(res.body.contains("1 Januari 1996"), "{}", res.body);
    assert!(res.body.contains("Laki-laki"));
    assert!(res.body.contains("TMT CPNS"));
    let res = get(
        &fx.app,
        "/pegawai/cek-nip?nip=199308122020122021&status=pns",
        s.c(),
    )
    .await;
    assert!(res.body.contains("NIP ini sudah terdaftar"), "{}", res.body);
    let form = get(&fx.app, "/pegawai/baru", s.c()).await;
    assert!(form.body.contains("hx-get=\"/pegawai/cek-nip\""));
    assert!(form.body.contains("hx-get=\"/pegawai/pilihan-golongan\""));
    let pppk = get(
        &fx.app,
        "/pegawai/pilihan-golongan?status=pppk&golongan=IX",
        s.c(),
    )
    .await;
    assert_eq!(pppk.status, StatusCode::OK);
    assert!(
        pppk.body.contains("<option value=\"IX\" selected>"),
        "{}",
        pppk.body
    );
    assert!(!pppk.body.contains("III/a"));
    let pns = get(&fx.app, "/pegawai/pilihan-golongan?status=pns", s.c()).await;
    assert!(pns.body.contains("III/a") && !pns.body.contains("Golongan IX"));

    let csrf = csrf_di(&form.body);
    let puskesmas = fx.ids.puskesmas.to_string();
    let dokter = fx.ids.dokter.to_string();
    let isian = |nip: &'static str, status: &'static str, golongan: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("status", status.to_owned()),
            ("nip", nip.to_owned()),
            ("nama", "Andi Pratama".to_owned()),
            ("gelar_depan", "".to_owned()),
            ("gelar_belakang", "S.Kep.".to_owned()),
            ("golongan", golongan.to_owned()),
            ("unit", puskesmas.clone()),
            ("jabatan", dokter.clone()),
            ("pendidikan", "s1".to_owned()),
        ]
    };
    let kirim_isian = |v: Vec<(&'static str, String)>| {
        let fx = &fx;
        let s = &s;
        async move {
            let b: Vec<(&str, &str)> = v.iter().map(|(k, x)| (*k, x.as_str())).collect();
            post_form(&fx.app, "/pegawai/baru", s.c(), &b).await
        }
    };
    let res = kirim_isian(isian("19960101202401300", "pns", "III/a")).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(
        res.body
            .contains("NIP harus 18 digit, yang diisi 17 digit."),
        "{}",
        res.body
    );
    assert!(res.body.contains("value=\"Andi Pratama\""), "input is kept");
    let res = kirim_isian(isian("199601012024013007", "pns", "III/a")).await;
    assert!(
        res.body.contains("Digit ke-15 adalah jenis kelamin"),
        "{}",
        res.body
    );
    let res = kirim_isian(isian("199601012024011007", "pppk", "III/a")).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("Pilih golongan untuk PPPK."));
    let res = kirim_isian(isian("199308122020122021", "pns", "III/a")).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(
        res.body
            .contains("NIP ini sudah terdaftar di instansi ini.")
    );
    assert!(
        fx.store
            .pegawai_by_nip(fx.ids.a, "199601012024011007")
            .await
            .expect("lookup")
            .is_none()
    );

    let res = kirim_isian(isian("19960101 202401 1 007", "pns", "III/a")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let baru = fx
        .store
        .pegawai_by_nip(fx.ids.a, "199601012024011007")
        .await
        .expect("lookup")
        .expect("added");
    assert_eq!(
        res.location(),
        Some(format!("/pegawai/{}", baru.id).as_str())
    );
    assert_eq!(baru.tanggal_lahir, date!(1996 - 01 - 01));
    assert_eq!(baru.jabatan, Some(fx.ids.dokter));
    assert!(baru.aktif);
    let page = get(&fx.app, &format!("/pegawai/{}", baru.id), s.c()).await;
    assert!(page.body.contains("Andi Pratama, S.Kep."));
    assert_eq!(
        aksi_terakhir(&fx).await,
        ("pegawai.tambah".into(), "admin".into())
    );
}

#[tokio::test]
async fn admin_edits_an_employee_but_never_the_nip() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let url = format!("/pegawai/{}/ubah", fx.ids.rina);
    let form = get(&fx.app, &url, s.c()).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("19950607 202521 2 097"));
    assert!(
        !form.body.contains("name=\"nip\""),
        "the NIP is not a field"
    );
    // A PPPK employee is offered PPPK grades only.
    assert!(form.body.contains("Golongan IX"));
    assert!(!form.body.contains(">III/a"));
    let csrf = csrf_di(&form.body);
    let sekolah = fx.ids.sekolah.to_string();
    let mut isian = vec![
        ("csrf", csrf.clone()),
        ("nip", "199901012024011001".to_owned()),
        ("nama", "Rina Marlina Putri".to_owned()),
        ("gelar_depan", "".to_owned()),
        ("gelar_belakang", "A.Md.Kep.".to_owned()),
        ("golongan", "III/a".to_owned()),
        ("unit", sekolah.clone()),
        ("jabatan", "".to_owned()),
        ("pendidikan", "d3".to_owned()),
    ];
    let b: Vec<(&str, &str)> = isian.iter().map(|(k, x)| (*k, x.as_str())).collect();
    let res = post_form(&fx.app, &url, s.c(), &b).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("Pilih golongan untuk PPPK."));
    assert_eq!(
        fx.store
            .pegawai(fx.ids.a, fx.ids.rina)
            .await
            .expect("rina")
            .nama,
        "Rina Marlina"
    );

    isian[5].1 = "X".to_owned();
    let b: Vec<(&str, &str)> = isian.iter().map(|(k, x)| (*k, x.as_str())).collect();
    let res = post_form(&fx.app, &url, s.c(), &b).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let rina = fx.store.pegawai(fx.ids.a, fx.ids.rina).await.expect("rina");
    assert_eq!(rina.nama, "Rina Marlina Putri");
    assert_eq!(
        rina.nip.as_str(),
        "199506072025212097",
        "the NIP did not change"
    );
    assert_eq!(rina.unit, fx.ids.sekolah);
    assert_eq!(rina.jabatan, None);
    assert!(!rina.aktif, "an unticked box deactivates");
    let audit = fx
        .store
        .audit_log(fx.ids.a, 1)
        .await
        .expect("audit")
        .remove(0);
    assert_eq!(audit.action, "pegawai.ubah");
    assert_eq!(audit.detail["sebelum"]["nama"], "Rina Marlina");
    assert_eq!(audit.detail["sesudah"]["golongan"], "X");
    let page = get(&fx.app, &format!("/pegawai/{}", fx.ids.rina), s.c()).await;
    assert!(page.body.contains("Rina Marlina Putri, A.Md.Kep."));
    assert!(page.body.contains("Tidak aktif"));

    // The API edit and add.
    let res = kirim_json(
        &fx,
        "PUT",
        &format!("/api/v1/pegawai/{}", fx.ids.rina),
        s.c(),
        Some(&csrf),
        serde_json::json!({"nama": "", "golongan": "IX", "unit_id": fx.ids.sekolah.0, "pendidikan": "d3", "aktif": true}),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(res.json()["error"]["fields"]["nama"], "Wajib diisi.");
    let res = kirim_json(
        &fx,
        "PUT",
        &format!("/api/v1/pegawai/{}", fx.ids.rina),
        s.c(),
        Some(&csrf),
        serde_json::json!({"nama": "Rina M.", "golongan": "IX", "unit_id": fx.ids.puskesmas.0, "jabatan_id": fx.ids.dokter.0, "pendidikan": "d3", "aktif": true}),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let rina = fx.store.pegawai(fx.ids.a, fx.ids.rina).await.expect("rina");
    assert_eq!((rina.nama.as_str(), rina.aktif), ("Rina M.", true));
    let res = kirim_json(
        &fx,
        "PUT",
        "/api/v1/pegawai/999999",
        s.c(),
        Some(&csrf),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);

    let add = |nip: &str| {
        serde_json::json!({"nip": nip, "status": "pns", "nama": "Sari", "golongan": "II/c",
            "unit_id": fx.ids.opd2.0, "pendidikan": "d3"})
    };
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/pegawai",
        s.c(),
        Some(&csrf),
        add("12345"),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        res.json()["error"]["fields"]["nip"],
        "NIP harus 18 digit, yang diisi 5 digit."
    );
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/pegawai",
        s.c(),
        Some(&csrf),
        add("199802022022032002"),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let id = res.json()["id"].as_i64().expect("id");
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/pegawai",
        s.c(),
        Some(&csrf),
        add("199802022022032002"),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        res.json()["error"]["fields"]["nip"],
        "NIP ini sudah terdaftar di instansi ini."
    );
    let detail = get(&fx.app, &format!("/api/v1/pegawai/{id}"), s.c()).await;
    assert_eq!(detail.json()["nama"], "Sari");
}

#[tokio::test]
async fn the_session_endpoint_gives_the_csrf_token_and_api_writes_use_it() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let sesi = get(&fx.app, "/api/v1/sesi", s.c()).await;
    assert_eq!(sesi.status, StatusCode::OK);
    let json = sesi.json();
    assert_eq!(json["peran"], "admin");
    assert_eq!(json["boleh_menulis"], true);
    let csrf = json["csrf_token"].as_str().expect("token").to_owned();
    assert_eq!(csrf, token(&fx, s.c()).await);
    assert_eq!(
        get(&fx.app, "/api/v1/sesi", None).await.status,
        StatusCode::UNAUTHORIZED
    );

    let api = format!("/api/v1/pegawai/{}/penilaian", fx.ids.budi);
    let before = jumlah_penilaian(&fx).await;
    let res = kirim_json(
        &fx,
        "POST",
        &api,
        s.c(),
        Some(&csrf),
        serde_json::json!({"kompetensi_id": fx.ids.perekat.0, "level": 7, "metode": "lain",
            "tanggal": "2030-01-01", "asesor": ""}),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let fields = &res.json()["error"]["fields"];
    for f in ["level", "metode", "tanggal", "asesor"] {
        assert!(fields[f].is_string(), "{f}: {fields}");
    }
    let res = kirim_json(
        &fx,
        "POST",
        &api,
        s.c(),
        Some(&csrf),
        serde_json::json!({"level": "x"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(res.json()["error"]["code"], "bad_request");
    assert_eq!(jumlah_penilaian(&fx).await, before);
    let res = kirim_json(
        &fx,
        "POST",
        &api,
        s.c(),
        Some(&csrf),
        serde_json::json!({"kompetensi_id": fx.ids.perekat.0, "level": 3, "metode": "360",
            "tanggal": "2026-11-27", "asesor": "Atasan langsung", "catatan_bukti": "Form 360"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(jumlah_penilaian(&fx).await, before + 1);
    let detail = get(&fx.app, &format!("/api/v1/pegawai/{}", fx.ids.budi), s.c()).await;
    let penilaian = detail.json()["penilaian"].clone();
    assert_eq!(penilaian[0]["id"], res.json()["id"]);
    assert_eq!(penilaian[0]["berlaku_sampai"], "2029-11-26");
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/pegawai/999999/penilaian",
        s.c(),
        Some(&csrf),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_openapi_document_lists_the_write_paths() {
    let fx = Fixture::new().await;
    let doc = get(&fx.app, "/api/v1/openapi.json", None).await.json();
    let paths = doc["paths"].as_object().expect("paths");
    for (path, method, ok) in [
        ("/api/v1/sesi", "get", "200"),
        ("/api/v1/pegawai", "post", "201"),
        ("/api/v1/pegawai/{id}", "put", "200"),
        ("/api/v1/pegawai/{id}/penilaian", "post", "201"),
        ("/api/v1/penilaian/batch", "post", "201"),
        ("/api/v1/jabatan/{id}/standar", "put", "200"),
        ("/api/v1/katalog", "post", "201"),
        ("/api/v1/katalog/{id}", "put", "200"),
    ] {
        let op = &paths
            .get(path)
            .unwrap_or_else(|| panic!("{path} not documented"))[method];
        assert!(
            op["responses"][ok].is_object(),
            "{method} {path} documents {ok}"
        );
        assert!(
            op["responses"]["401"].is_object(),
            "{method} {path} documents 401"
        );
        if method != "get" {
            for code in ["400", "403"] {
                assert!(
                    op["responses"][code].is_object(),
                    "{method} {path} documents {code}"
                );
            }
            assert!(op["requestBody"].is_object(), "{method} {path} has a body");
        }
    }
    // The reads stay documented beside the writes.
    assert!(paths["/api/v1/pegawai"]["get"].is_object());
    assert!(paths["/api/v1/pegawai/{id}"]["get"].is_object());
}

#[tokio::test]
async fn the_position_select_puts_the_chosen_units_positions_first() {
    let fx = Fixture::new().await;
    let i = fx.ids;
    let s = masuk_sebagai(&fx, "admin").await;
    let posisi = |body: &str, teks: &str| {
        body.find(teks)
            .unwrap_or_else(|| panic!("{teks} in {body}"))
    };
    let form = get(&fx.app, "/pegawai/baru", s.c()).await;
    assert!(form.body.contains("hx-get=\"/pegawai/pilihan-jabatan\""));
    // No unit yet: one group per OPD.
    assert!(form.body.contains("<optgroup label=\"Dinas Kesehatan\">"));

    // Choosing the school: its position first, then the rest of its OPD,
    // then the other OPDs; nothing chosen means no position.
    let url = format!("/pegawai/pilihan-jabatan?unit={}&jabatan=", i.sekolah);
    let sekolah = get(&fx.app, &url, s.c()).await;
    assert_eq!(sekolah.status, StatusCode::OK);
    let b = &sekolah.body;
    assert!(
        b.contains("<option value=\"\" selected>— Tanpa jabatan —</option>"),
        "{b}"
    );
    assert!(b.contains("<optgroup label=\"Di SD Negeri 01 Kota Uji\">"));
    assert!(posisi(b, "Guru Ahli Pertama") < posisi(b, "Pengadministrasi Umum"));
    assert!(posisi(b, "Pengadministrasi Umum") < posisi(b, "Dokter Ahli Pertama"));
    assert!(b.contains("Dokter Ahli Pertama — Puskesmas Talawi"), "{b}");
    // The chosen position stays chosen.
    let url = format!(
        "/pegawai/pilihan-jabatan?unit={}&jabatan={}",
        i.sekolah, i.dokter
    );
    let tetap = get(&fx.app, &url, s.c()).await;
    assert!(
        tetap
            .body
            .contains(&format!("<option value=\"{}\" selected>", i.dokter))
    );
    assert!(!tetap.body.contains("<option value=\"\" selected>"));

    // An OPD head gets only their own OPD's positions, whatever unit is asked.
    let p = masuk_sebagai(&fx, "pimpinan").await;
    let url = format!(
        "/pegawai/pilihan-jabatan?unit={}&jabatan={}",
        i.sekolah, i.guru
    );
    let luar = get(&fx.app, &url, p.c()).await;
    assert_eq!(luar.status, StatusCode::OK);
    assert!(!luar.body.contains("Guru Ahli Pertama"), "{}", luar.body);
    assert!(luar.body.contains("Dokter Ahli Pertama"));
    assert!(!luar.body.contains("SD Negeri"));
    // Their form puts their unit's positions first.
    let form = get(&fx.app, &format!("/pegawai/{}/ubah", i.rina), p.c()).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body
            .contains("<optgroup label=\"Di Puskesmas Talawi\">"),
        "{}",
        form.body
    );
    // Readers cannot ask.
    let a = masuk_sebagai(&fx, "auditor").await;
    let url = format!("/pegawai/pilihan-jabatan?unit={}", i.sekolah);
    assert_eq!(
        get(&fx.app, &url, a.c()).await.status,
        StatusCode::FORBIDDEN
    );
}
