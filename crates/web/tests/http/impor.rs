//! Assessment results imported from a spreadsheet: all or nothing, by the
//! form's rules, within the writer's scope.

use crate::fixture::Fixture;
use crate::tulis::jumlah_penilaian;
use crate::{Jawab, csrf_di, get, kirim, masuk_sebagai, unggah_berkas};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use kompeten_io::tabel::{Kolom, Sel, Tabel, tulis_xlsx};
use kompeten_store::Store;

const JUDUL: &str = "NIP,Kode kompetensi,Level,Metode,Tanggal,Asesor,Catatan bukti";
const FITRI: &str = "199308122020122021";
const BUDI: &str = "198501152010011003";
const DEWI: &str = "199004102015032001";

async fn unggah(fx: &Fixture, cookie: Option<&str>, csrf: &str, nama: &str, isi: &[u8]) -> Jawab {
    unggah_berkas(&fx.app, "/penilaian/impor", cookie, csrf, &[(nama, isi)]).await
}

#[tokio::test]
async fn a_good_file_is_saved_whole_and_audited() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let page = get(&fx.app, "/penilaian/impor", s.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("enctype=\"multipart/form-data\""));
    let token = csrf_di(&page.body);
    let contoh = get(&fx.app, "/penilaian/impor/contoh.csv", s.c()).await;
    assert!(
        contoh
            .body
            .trim_start_matches('\u{feff}')
            .starts_with(JUDUL),
        "{}",
        contoh.body
    );

    let awal = jumlah_penilaian(&fx).await;
    let csv = format!(
        "{JUDUL}\n{FITRI},M.1,4,Assessment Center,01/10/2026,UPT Penilaian BKN,BA 12/2026\n\
         19850115 201001 1 003,m.2,2,uji_kompetensi,2026-09-30,Tim Uji,\n"
    );
    let res = unggah(&fx, s.c(), &token, "hasil.csv", csv.as_bytes()).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), Some("/penilaian/impor?tersimpan=2"));
    assert_eq!(jumlah_penilaian(&fx).await, awal + 2);
    let fitri = fx
        .store
        .penilaian_pegawai(fx.ids.a, fx.ids.fitri)
        .await
        .expect("read");
    let baru = &fitri[0];
    assert_eq!(
        (
            baru.level.get(),
            baru.asesor.as_str(),
            baru.catatan_bukti.as_str()
        ),
        (4, "UPT Penilaian BKN", "BA 12/2026")
    );
    let log = &fx.store.audit_log(fx.ids.a, 1).await.expect("audit")[0];
    assert_eq!(log.actor_label, "admin");
    let done = get(&fx.app, "/penilaian/impor?tersimpan=2", s.c()).await;
    assert!(done.body.contains("2 hasil penilaian tersimpan."));
    // The same file again is refused, not recorded twice.
    let again = unggah(&fx, s.c(), &token, "hasil.csv", csv.as_bytes()).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("sudah tercatat"), "{}", again.body);
    assert_eq!(jumlah_penilaian(&fx).await, awal + 2);

    // An XLSX with a title above the header reads the same way.
    let mut tabel = Tabel::new(
        "Hasil uji kompetensi",
        JUDUL.split(',').map(Kolom::new).collect(),
    );
    tabel.catatan = vec!["Putaran Oktober".into()];
    tabel.baris = vec![vec![
        Sel::teks(DEWI),
        Sel::teks("M.1"),
        Sel::Bulat(3),
        Sel::teks("cact"),
        Sel::teks("2026-10-02"),
        Sel::teks("Tim CACT"),
        Sel::Kosong,
    ]];
    let xlsx = tulis_xlsx(&tabel).expect("xlsx");
    let res = unggah(&fx, s.c(), &token, "hasil.xlsx", &xlsx).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(jumlah_penilaian(&fx).await, awal + 3);
}

#[tokio::test]
async fn one_bad_row_refuses_the_whole_file_and_names_it() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let token = csrf_di(&get(&fx.app, "/penilaian/impor", s.c()).await.body);
    let awal = jumlah_penilaian(&fx).await;
    let csv =
        format!("{JUDUL}\n{FITRI},M.1,4,cact,2026-10-01,Tim,\n{BUDI},M.1,9,cact,2026-10-01,Tim,\n");
    let res = unggah(&fx, s.c(), &token, "hasil.csv", csv.as_bytes()).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let tabel = &res.body[res.body.find("id=\"galat-impor\"").expect("errors")..];
    assert!(
        tabel.contains("<td class=\"angka\">3</td><td>Level</td>"),
        "{tabel}"
    );
    assert!(res.body.contains("tidak ada yang disimpan"));
    assert_eq!(jumlah_penilaian(&fx).await, awal);

    // Not a table, and no file at all.
    let res = unggah(&fx, s.c(), &token, "hasil.pdf", b"%PDF").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Berkas harus CSV"), "{}", res.body);
    let res = unggah(&fx, s.c(), &token, "", b"").await;
    assert!(res.body.contains("Pilih berkas"), "{}", res.body);
    // A forged token writes nothing.
    let csv = format!("{JUDUL}\n{FITRI},M.1,4,cact,2026-10-01,Tim,\n");
    let res = unggah(&fx, s.c(), "palsu", "hasil.csv", csv.as_bytes()).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    // Too large a file is refused before it is read.
    let besar = vec![b'x'; 9 * 1024 * 1024];
    let res = unggah(&fx, s.c(), &token, "besar.csv", &besar).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("8 MB"), "{}", res.body);
    assert_eq!(jumlah_penilaian(&fx).await, awal);
}

#[tokio::test]
async fn a_head_imports_for_their_unit_only_and_readers_not_at_all() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "pimpinan").await;
    let token = csrf_di(&get(&fx.app, "/penilaian/impor", s.c()).await.body);
    let awal = jumlah_penilaian(&fx).await;
    // Dewi teaches at Disdik: outside the Dinkes head's scope.
    let csv =
        format!("{JUDUL}\n{FITRI},M.1,4,cact,2026-10-01,Tim,\n{DEWI},M.1,4,cact,2026-10-01,Tim,\n");
    let res = unggah(&fx, s.c(), &token, "hasil.csv", csv.as_bytes()).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("dalam cakupan Anda"), "{}", res.body);
    assert_eq!(jumlah_penilaian(&fx).await, awal);
    let csv = format!("{JUDUL}\n{FITRI},M.1,4,cact,2026-10-01,Tim,\n");
    let res = unggah(&fx, s.c(), &token, "hasil.csv", csv.as_bytes()).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(jumlah_penilaian(&fx).await, awal + 1);

    for u in ["auditor", "fitri", "mitra"] {
        let x = masuk_sebagai(&fx, u).await;
        assert_eq!(
            get(&fx.app, "/penilaian/impor", x.c()).await.status,
            StatusCode::FORBIDDEN,
            "{u}"
        );
        let t = csrf_di(&get(&fx.app, "/", x.c()).await.body);
        let res = unggah(&fx, x.c(), &t, "hasil.csv", csv.as_bytes()).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{u}");
    }
    assert_eq!(jumlah_penilaian(&fx).await, awal + 1);
}

#[tokio::test]
async fn the_api_imports_the_file_as_its_body() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let token = csrf_di(&get(&fx.app, "/", s.c()).await.body);
    let awal = jumlah_penilaian(&fx).await;
    let kirim_api = |csrf: Option<&str>, jenis: &str, isi: Vec<u8>| {
        let mut req = Request::builder()
            .method("POST")
            .uri("/api/v1/penilaian/impor")
            .header(header::CONTENT_TYPE, jenis);
        if let Some(c) = s.c() {
            req = req.header(header::COOKIE, c);
        }
        if let Some(t) = csrf {
            req = req.header("x-csrf-token", t);
        }
        req.body(Body::from(isi)).expect("request")
    };
    let bad =
        format!("{JUDUL}\n{FITRI},M.1,4,cact,2026-10-01,Tim,\n{BUDI},M.9,4,cact,2026-10-01,Tim,\n");
    let res = kirim(
        &fx.app,
        kirim_api(Some(&token), "text/csv", bad.clone().into_bytes()),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    let doc = res.json();
    assert_eq!(doc["error"]["code"], "unprocessable");
    assert_eq!(doc["error"]["baris"][0]["baris"], 3);
    assert_eq!(doc["error"]["baris"][0]["kolom"], "Kode kompetensi");
    assert_eq!(jumlah_penilaian(&fx).await, awal);

    let res = kirim(
        &fx.app,
        kirim_api(None, "text/csv", bad.clone().into_bytes()),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = kirim(
        &fx.app,
        kirim_api(Some(&token), "application/pdf", b"%PDF".to_vec()),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(res.json()["error"]["code"], "bad_request");

    let good =
        format!("{JUDUL}\n{FITRI},M.1,4,cact,2026-10-01,Tim,\n{BUDI},M.2,4,cact,2026-10-01,Tim,\n");
    let res = kirim(
        &fx.app,
        kirim_api(Some(&token), "text/csv; charset=utf-8", good.into_bytes()),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(res.json()["tersimpan"], 2);
    assert_eq!(jumlah_penilaian(&fx).await, awal + 2);

    let doc = get(&fx.app, "/api/v1/openapi.json", None).await.json();
    let op = &doc["paths"]["/api/v1/penilaian/impor"]["post"];
    for code in ["201", "400", "401", "403", "422"] {
        assert!(op["responses"][code].is_object(), "{code}");
    }
}
