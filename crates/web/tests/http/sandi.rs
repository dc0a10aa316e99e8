//! `/sandi`: every signed-in user changes their own password, only with
//! the old one; the change ends the account's other sessions and keeps
//! the one it was made in; every refusal changes nothing.

use crate::fixture::{Fixture, SANDI_A};
use crate::{coba_masuk, cookie_pair, csrf_di, get, kirim, masuk_di, masuk_sebagai, post_form};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use kompeten_store::Store;

const SANDI_BARU: &str = "sandi-baru-yang-panjang";

async fn bisa_masuk(fx: &Fixture, username: &str, sandi: &str) -> bool {
    coba_masuk(&fx.app, Some(fx.ids.a), username, sandi, "/")
        .await
        .status
        == StatusCode::SEE_OTHER
}

async fn ubah_sandi_di_audit(fx: &Fixture) -> usize {
    fx.store
        .audit_log(fx.ids.a, 1000)
        .await
        .expect("audit")
        .iter()
        .filter(|e| e.action == "akun.ubah_sandi")
        .count()
}

#[tokio::test]
async fn every_role_reaches_its_own_password_form() {
    let fx = Fixture::new().await;
    for username in ["admin", "pimpinan", "fitri", "auditor", "mitra"] {
        let s = masuk_sebagai(&fx, username).await;
        let home = get(&fx.app, "/", s.c()).await;
        assert!(home.body.contains("href=\"/sandi\""), "{username}: link");
        let page = get(&fx.app, "/sandi", s.c()).await;
        assert_eq!(page.status, StatusCode::OK, "{username}");
        for field in [
            "name=\"sandi_lama\"",
            "name=\"sandi\"",
            "name=\"sandi_ulang\"",
        ] {
            assert!(page.body.contains(field), "{username}: {field}");
        }
    }
    // Signed out: to the login page.
    let res = get(&fx.app, "/sandi", None).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(res.location().is_some_and(|l| l.starts_with("/masuk")));
}

#[tokio::test]
async fn refusals_change_nothing() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "fitri").await;
    let token = csrf_di(&get(&fx.app, "/sandi", s.c()).await.body);
    let audit = ubah_sandi_di_audit(&fx).await;
    let cases: [(&str, &str, &str, StatusCode, &str); 6] = [
        (
            "salah-sekali-123",
            SANDI_BARU,
            SANDI_BARU,
            StatusCode::UNPROCESSABLE_ENTITY,
            "Kata sandi lama salah.",
        ),
        (
            "",
            SANDI_BARU,
            SANDI_BARU,
            StatusCode::UNPROCESSABLE_ENTITY,
            "Kata sandi lama salah.",
        ),
        (
            SANDI_A,
            "pendek",
            "pendek",
            StatusCode::UNPROCESSABLE_ENTITY,
            "paling sedikit 12 karakter",
        ),
        (
            SANDI_A,
            SANDI_BARU,
            "sandi-lain-yang-panjang",
            StatusCode::UNPROCESSABLE_ENTITY,
            "Kedua kata sandi tidak sama.",
        ),
        (
            SANDI_A,
            SANDI_A,
            SANDI_A,
            StatusCode::UNPROCESSABLE_ENTITY,
            "harus berbeda dari yang lama",
        ),
        (
            SANDI_A,
            SANDI_BARU,
            SANDI_BARU,
            StatusCode::FORBIDDEN,
            "token CSRF",
        ),
    ];
    for (i, (lama, baru, ulang, status, pesan)) in cases.into_iter().enumerate() {
        // The last case sends a forged token.
        let csrf = if i == 5 {
            "0".repeat(64)
        } else {
            token.clone()
        };
        let res = post_form(
            &fx.app,
            "/sandi",
            s.c(),
            &[
                ("csrf", &csrf),
                ("sandi_lama", lama),
                ("sandi", baru),
                ("sandi_ulang", ulang),
            ],
        )
        .await;
        assert_eq!(res.status, status, "case {i}: {}", res.body);
        assert!(res.body.contains(pesan), "case {i}: {}", res.body);
        // No password is ever echoed back.
        for secret in [lama, baru, ulang] {
            if !secret.is_empty() {
                assert!(
                    !res.body.contains(&format!("value=\"{secret}\"")),
                    "case {i}"
                );
            }
        }
        assert!(res.set_cookie("kompeten_sesi").is_none(), "case {i}");
        assert_eq!(
            get(&fx.app, "/", s.c()).await.status,
            StatusCode::OK,
            "case {i}"
        );
    }
    assert!(bisa_masuk(&fx, "fitri", SANDI_A).await);
    assert!(!bisa_masuk(&fx, "fitri", SANDI_BARU).await);
    assert_eq!(ubah_sandi_di_audit(&fx).await, audit);
}

#[tokio::test]
async fn a_change_ends_other_sessions_and_keeps_this_one() {
    let fx = Fixture::new().await;
    let di_sini = masuk_sebagai(&fx, "fitri").await;
    let di_sana = masuk_sebagai(&fx, "fitri").await;
    let orang_lain = masuk_sebagai(&fx, "pimpinan").await;
    let audit = ubah_sandi_di_audit(&fx).await;
    let token = csrf_di(&get(&fx.app, "/sandi", di_sini.c()).await.body);
    let res = post_form(
        &fx.app,
        "/sandi",
        di_sini.c(),
        &[
            ("csrf", &token),
            ("sandi_lama", SANDI_A),
            ("sandi", SANDI_BARU),
            ("sandi_ulang", SANDI_BARU),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), Some("/"));
    let baru = cookie_pair(&res.set_cookie("kompeten_sesi").expect("a new session"));
    assert_ne!(baru, di_sini.cookie);
    // Both old sessions of the account are gone; another account's is not.
    for old in [&di_sini, &di_sana] {
        assert_eq!(
            get(&fx.app, "/", old.c()).await.status,
            StatusCode::SEE_OTHER
        );
    }
    assert_eq!(
        get(&fx.app, "/", orang_lain.c()).await.status,
        StatusCode::OK
    );
    let home = get(
        &fx.app,
        "/",
        Some(&format!("{baru}; kompeten_pesan=sandi-ganti")),
    )
    .await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(
        home.body.contains("Kata sandi Anda diganti"),
        "{}",
        home.body
    );
    assert!(!bisa_masuk(&fx, "fitri", SANDI_A).await);
    assert!(bisa_masuk(&fx, "fitri", SANDI_BARU).await);
    assert_eq!(ubah_sandi_di_audit(&fx).await, audit + 1);
}

#[tokio::test]
async fn a_password_an_administrator_chose_must_be_changed_first() {
    const SANDI_DARI_ADMIN: &str = "dipilih-oleh-admin-1";
    let fx = Fixture::new().await;
    let admin = masuk_sebagai(&fx, "admin").await;
    let token = csrf_di(&get(&fx.app, "/akun", admin.c()).await.body);
    let akun = |username: &'static str| {
        let store = fx.store.clone();
        let i = fx.ids.a;
        async move {
            store
                .account_by_username(i, username)
                .await
                .expect("lookup")
                .expect("exists")
        }
    };
    let fitri = akun("fitri").await.id.0;
    let res = post_form(
        &fx.app,
        &format!("/akun/{fitri}/sandi"),
        admin.c(),
        &[
            ("csrf", &token),
            ("sandi", SANDI_DARI_ADMIN),
            ("sandi_ulang", SANDI_DARI_ADMIN),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(akun("fitri").await.wajib_ganti_sandi);
    let daftar = get(&fx.app, "/akun", admin.c()).await.body;
    let baris = daftar
        .split("<tr id=")
        .find(|tr| tr.starts_with(&format!("\"akun-{fitri}\"")))
        .expect("fitri's row");
    assert!(baris.contains("Wajib ganti sandi"));

    // Signed in with it, every page leads to /sandi, and the API refuses.
    let s = masuk_di(&fx.app, fx.ids.a, "fitri", SANDI_DARI_ADMIN).await;
    for path in ["/", "/pegawai", "/rencana", "/akun"] {
        let res = get(&fx.app, path, s.c()).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(res.location(), Some("/sandi"), "{path}");
    }
    let htmx = kirim(
        &fx.app,
        Request::get("/pegawai?q=a")
            .header(header::COOKIE, &s.cookie)
            .header("hx-request", "true")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(htmx.header("hx-redirect"), Some("/sandi"));
    let api = get(&fx.app, "/api/v1/katalog", s.c()).await;
    assert_eq!(api.status, StatusCode::FORBIDDEN);
    assert_eq!(api.json()["error"]["code"], "password_change_required");
    let page = get(&fx.app, "/sandi", s.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("id=\"wajib-ganti\""));

    // Choosing one's own opens everything again.
    let token = csrf_di(&page.body);
    let res = post_form(
        &fx.app,
        "/sandi",
        s.c(),
        &[
            ("csrf", &token),
            ("sandi_lama", SANDI_DARI_ADMIN),
            ("sandi", SANDI_BARU),
            ("sandi_ulang", SANDI_BARU),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let baru = cookie_pair(&res.set_cookie("kompeten_sesi").expect("a new session"));
    assert_eq!(get(&fx.app, "/", Some(&baru)).await.status, StatusCode::OK);
    assert!(!akun("fitri").await.wajib_ganti_sandi);

    // An administrator who sets their own password there is not held to it.
    let sendiri = akun("admin").await.id.0;
    let res = post_form(
        &fx.app,
        &format!("/akun/{sendiri}/sandi"),
        admin.c(),
        &[
            ("csrf", &token_admin(&fx, &admin).await),
            ("sandi", SANDI_DARI_ADMIN),
            ("sandi_ulang", SANDI_DARI_ADMIN),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(!akun("admin").await.wajib_ganti_sandi);
}

async fn token_admin(fx: &Fixture, admin: &crate::Masuk) -> String {
    csrf_di(&get(&fx.app, "/akun", admin.c()).await.body)
}
