//! Master data (Data Induk) brought in from a workbook: admins only, all or
//! nothing, rows joined by code to each other and to what is stored.

use crate::fixture::Fixture;
use crate::{csrf_di, get, kirim, masuk_sebagai, unggah_berkas};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use kompeten_io::data_induk::{Lembar, baca_berkas, templat};
use kompeten_io::tabel::tulis_xlsx_buku;
use kompeten_store::{JabatanQuery, Store};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn baris(sel: &[&str]) -> Vec<String> {
    sel.iter().map(|s| (*s).to_owned()).collect()
}

/// A workbook adding a bidang under the stored DINKES, a position there
/// with its standard (a stored and a new competency), and one employee.
fn buku(nip: &str) -> Vec<u8> {
    let mut komp = baris(&["T.SPBE.1", "teknis", "Tata Kelola SPBE", "Definisi SPBE"]);
    komp.extend((1..=5).map(|l| format!("Level {l} SPBE")));
    let contoh = vec![
        (Lembar::Kompetensi, vec![komp]),
        (
            Lembar::Unit,
            vec![baris(&[
                "DINKES-SDK",
                "Bidang Sumber Daya Kesehatan",
                "bidang",
                "DINKES",
                "",
            ])],
        ),
        (
            Lembar::Jabatan,
            vec![baris(&[
                "J-PRAKOM-DINKES",
                "Pranata Komputer",
                "fungsional",
                "DINKES-SDK",
                "Ahli Pertama",
                "9",
            ])],
        ),
        (
            Lembar::Standar,
            vec![
                baris(&["J-PRAKOM-DINKES", "T.SPBE.1", "3", "2"]),
                baris(&["J-PRAKOM-DINKES", "M.1", "2", ""]),
            ],
        ),
        (
            Lembar::Pegawai,
            vec![baris(&[
                nip,
                "Rahmat Hidayat",
                "III/a",
                "DINKES-SDK",
                "S-1",
                "J-PRAKOM-DINKES",
                "",
                "",
                "S.Kom.",
                "",
            ])],
        ),
    ];
    tulis_xlsx_buku("Data Induk", &templat(&contoh)).expect("xlsx")
}

const RAHMAT: &str = "199203152019031004";

/// A download's bytes (the body of [`crate::Jawab`] is text).
async fn unduh(fx: &Fixture, path: &str, cookie: Option<&str>) -> (StatusCode, Vec<u8>) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let mut req = Request::get(path);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    let res = fx
        .app
        .clone()
        .oneshot(req.body(Body::empty()).expect("request"))
        .await
        .expect("infallible router");
    let status = res.status();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    (status, bytes.to_vec())
}

async fn jumlah_unit(fx: &Fixture) -> usize {
    fx.store.units(fx.ids.a).await.expect("units").len()
}

#[tokio::test]
async fn an_admin_brings_in_a_workbook_whole() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let unit_page = get(&fx.app, "/unit", s.c()).await;
    assert!(unit_page.body.contains("href=\"/data-induk\""));
    let page = get(&fx.app, "/data-induk", s.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("multiple"), "several files at once");
    for l in Lembar::ALL {
        assert!(
            page.body.contains(&format!("<h3>{}</h3>", l.nama())),
            "{l:?}"
        );
    }
    let token = csrf_di(&page.body);
    let templat = get(&fx.app, "/data-induk/templat.xlsx", s.c()).await;
    assert_eq!(templat.status, StatusCode::OK);
    assert_eq!(templat.headers[header::CONTENT_TYPE], XLSX);

    let awal = jumlah_unit(&fx).await;
    let res = unggah_berkas(
        &fx.app,
        "/data-induk",
        s.c(),
        &token,
        &[("data-induk.xlsx", &buku(RAHMAT))],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let lokasi = res.location().expect("redirect").to_owned();
    let done = get(&fx.app, &lokasi, s.c()).await;
    assert!(
        done.body.contains(
            "Tersimpan: 1 kompetensi, 1 unit kerja, 1 jabatan, 1 standar jabatan, 1 pegawai."
        ),
        "{}",
        done.body
    );
    assert_eq!(jumlah_unit(&fx).await, awal + 1);
    let rahmat = fx
        .store
        .pegawai_by_nip(fx.ids.a, RAHMAT)
        .await
        .expect("read")
        .expect("imported");
    assert_eq!(rahmat.gelar_belakang.as_deref(), Some("S.Kom."));
    let jabatan = fx
        .store
        .list_jabatan(
            fx.ids.a,
            &JabatanQuery {
                teks: Some("J-PRAKOM-DINKES".into()),
                ..JabatanQuery::default()
            },
        )
        .await
        .expect("jabatan");
    assert_eq!(jabatan.len(), 1);
    assert_eq!(rahmat.jabatan, Some(jabatan[0].jabatan.id));
    let standar = fx
        .store
        .standar(fx.ids.a, jabatan[0].jabatan.id)
        .await
        .expect("standar");
    assert_eq!(standar.len(), 2);
    // The new employee's page shows the imported position and unit.
    let page = get(&fx.app, &format!("/pegawai/{}", rahmat.id.0), s.c()).await;
    assert!(
        page.body.contains("Bidang Sumber Daya Kesehatan"),
        "{}",
        page.body
    );
    let log = &fx.store.audit_log(fx.ids.a, 1).await.expect("audit")[0];
    assert_eq!(log.actor_label, "admin");

    // Everything stored downloads as the workbook the import reads.
    let (status, bytes) = unduh(&fx, "/data-induk/unduh", s.c()).await;
    assert_eq!(status, StatusCode::OK);
    let tabel = baca_berkas(&[("data-induk.xlsx".to_owned(), bytes)], 10_000).expect("workbook");
    let lembar = |l: Lembar| &tabel.iter().find(|(x, _)| *x == l).expect("sheet").1;
    let unit = lembar(Lembar::Unit);
    assert_eq!(unit.baris.len(), jumlah_unit(&fx).await);
    assert!(
        unit.baris
            .iter()
            .any(|b| b.sel[0] == "DINKES-SDK" && b.sel[3] == "DINKES"),
        "{unit:?}"
    );
    let pegawai = lembar(Lembar::Pegawai);
    let baris_rahmat = pegawai
        .baris
        .iter()
        .find(|b| b.sel[0] == RAHMAT)
        .expect("Rahmat");
    assert_eq!(
        &baris_rahmat.sel[..6],
        [
            "199203152019031004",
            "Rahmat Hidayat",
            "III/a",
            "DINKES-SDK",
            "S-1",
            "J-PRAKOM-DINKES"
        ]
    );
    let standar = lembar(Lembar::Standar);
    assert_eq!(
        standar
            .baris
            .iter()
            .filter(|b| b.sel[0] == "J-PRAKOM-DINKES")
            .count(),
        2
    );

    // The same workbook again: every code and the NIP are refused, nothing changes.
    let again = unggah_berkas(
        &fx.app,
        "/data-induk",
        s.c(),
        &token,
        &[("data-induk.xlsx", &buku(RAHMAT))],
    )
    .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        again
            .body
            .contains("4 isian salah; tidak ada yang disimpan"),
        "{}",
        again.body
    );
    assert!(
        again.body.contains("Kode DINKES-SDK sudah terdaftar."),
        "{}",
        again.body
    );
    assert!(again.body.contains("<td>Pegawai</td>"), "{}", again.body);
    assert_eq!(jumlah_unit(&fx).await, awal + 1);
}

#[tokio::test]
async fn a_bad_cell_refuses_everything_and_others_may_not_import() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let token = csrf_di(&get(&fx.app, "/data-induk", s.c()).await.body);
    let awal = jumlah_unit(&fx).await;
    // A NIP of 17 digits: the unit, position and competency before it are not saved either.
    let res = unggah_berkas(
        &fx.app,
        "/data-induk",
        s.c(),
        &token,
        &[("data-induk.xlsx", &buku("19920315201903100"))],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("NIP harus 18 digit"), "{}", res.body);
    assert_eq!(jumlah_unit(&fx).await, awal);
    // A file that is not a table, and a CSV whose name does not say its table.
    let res = unggah_berkas(
        &fx.app,
        "/data-induk",
        s.c(),
        &token,
        &[("foto.png", b"\x89PNG")],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("nama berkas CSV harus menyebut tabelnya"),
        "{}",
        res.body
    );
    // A forged token changes nothing.
    let res = unggah_berkas(
        &fx.app,
        "/data-induk",
        s.c(),
        "palsu",
        &[("data-induk.xlsx", &buku(RAHMAT))],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(jumlah_unit(&fx).await, awal);

    for user in ["pimpinan", "fitri", "mitra", "auditor"] {
        let other = masuk_sebagai(&fx, user).await;
        for path in [
            "/data-induk",
            "/data-induk/templat.xlsx",
            "/data-induk/unduh",
        ] {
            assert_eq!(
                get(&fx.app, path, other.c()).await.status,
                StatusCode::FORBIDDEN,
                "{user} {path}"
            );
        }
        let page = get(&fx.app, "/", other.c()).await;
        let token = csrf_di(&page.body);
        let res = unggah_berkas(
            &fx.app,
            "/data-induk",
            other.c(),
            &token,
            &[("data-induk.xlsx", &buku(RAHMAT))],
        )
        .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{user}");
        assert!(
            !get(&fx.app, "/unit", other.c())
                .await
                .body
                .contains("href=\"/data-induk\""),
            "{user}"
        );
    }
    assert_eq!(jumlah_unit(&fx).await, awal);
    assert_eq!(
        get(&fx.app, "/data-induk", None).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn the_api_takes_the_workbook_or_one_csv_table() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let token = csrf_di(&get(&fx.app, "/", s.c()).await.body);
    let api = |uri: &str, csrf: Option<&str>, jenis: &str, isi: Vec<u8>| {
        let mut req = Request::builder()
            .method("POST")
            .uri(uri)
            .header(header::CONTENT_TYPE, jenis);
        if let Some(c) = s.c() {
            req = req.header(header::COOKIE, c);
        }
        if let Some(t) = csrf {
            req = req.header("x-csrf-token", t);
        }
        req.body(Body::from(isi)).expect("request")
    };
    let uri = "/api/v1/data-induk/impor";
    let res = kirim(
        &fx.app,
        api(uri, Some(&token), XLSX, buku("19920315201903100")),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    let doc = res.json();
    assert_eq!(doc["error"]["baris"][0]["lembar"], "Pegawai");
    assert_eq!(doc["error"]["baris"][0]["kolom"], "nip");
    assert_eq!(
        kirim(&fx.app, api(uri, None, XLSX, buku(RAHMAT)))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    let res = kirim(&fx.app, api(uri, Some(&token), XLSX, buku(RAHMAT))).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(res.json()["pegawai"], 1);
    assert_eq!(res.json()["standar"], 1);

    let csv = b"kode,nama,jenis,kode_induk\nDISDIK-PAUD,Bidang PAUD,bidang,DISDIK\n".to_vec();
    let res = kirim(&fx.app, api(uri, Some(&token), "text/csv", csv.clone())).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "a CSV needs ?tabel=");
    let res = kirim(
        &fx.app,
        api(&format!("{uri}?tabel=unit"), Some(&token), "text/csv", csv),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(res.json()["unit"], 1);

    let doc = get(&fx.app, "/api/v1/openapi.json", None).await.json();
    let op = &doc["paths"][uri]["post"];
    for code in ["201", "400", "401", "403", "422"] {
        assert!(op["responses"][code].is_object(), "{code}");
    }
}
