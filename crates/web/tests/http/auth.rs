//! Login, logout, sessions and CSRF.

use crate::fixture::{Fixture, SANDI_A, SANDI_B, SEKARANG};
use crate::{coba_masuk, cookie_pair, csrf_di, get, masuk_di, masuk_sebagai, post_form};
use axum::http::StatusCode;
use kompeten_store::Store;
use kompeten_web::WebConfig;
use sha2::{Digest, Sha256};

const PESAN_GAGAL: &str = "Nama pengguna atau kata sandi salah.";
const PESAN_CSRF: &str = "Permintaan ditolak (token CSRF tidak valid)";

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

#[tokio::test]
async fn login_sets_an_httponly_lax_cookie_stores_only_the_hash_and_redirects() {
    let fx = Fixture::new().await;
    let res = coba_masuk(
        &fx.app,
        Some(fx.ids.a),
        "admin",
        SANDI_A,
        "/pegawai?q=fitri",
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), Some("/pegawai?q=fitri"));

    let set = res.set_cookie("kompeten_sesi").expect("session cookie");
    assert!(set.contains("HttpOnly"), "{set}");
    assert!(set.contains("SameSite=Lax"), "{set}");
    assert!(set.contains("Path=/"), "{set}");
    assert!(!set.contains("Secure"), "not secure by default: {set}");

    // <instansi>.<64 hex digits>; the store knows only the SHA-256 of the token.
    let value = cookie_pair(&set)["kompeten_sesi=".len()..].to_owned();
    let (instansi, token) = value.split_once('.').expect("instansi.token");
    assert_eq!(instansi, fx.ids.a.0.to_string());
    assert_eq!(token.len(), 64);
    let hash = sha256_hex(&unhex(token));
    let session = fx
        .store
        .session(fx.ids.a, &hash, SEKARANG)
        .await
        .expect("lookup")
        .expect("session stored by hash");
    assert_eq!(session.account.username, "admin");
    assert_eq!(session.csrf_token.len(), 64);
    assert!(
        fx.store
            .session(fx.ids.a, token, SEKARANG)
            .await
            .expect("lookup")
            .is_none(),
        "raw token is not a key"
    );

    let home = get(&fx.app, "/", Some(&cookie_pair(&set))).await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(
        home.body.contains("Admin Uji"),
        "display name in the header"
    );
    assert!(home.body.contains("Admin BKPSDM"), "role in the header");
    assert!(home.body.contains(crate::fixture::INSTANSI_A));
    // The page's logout form carries the session's own CSRF token.
    assert_eq!(csrf_di(&home.body), session.csrf_token);

    let log = fx.store.audit_log(fx.ids.a, 10).await.expect("audit");
    assert!(
        log.iter().any(|e| e.action == "sesi.masuk"),
        "login is audited"
    );
}

#[tokio::test]
async fn the_cookie_is_secure_when_configured() {
    let fx = Fixture::with_config(WebConfig {
        cookie_secure: true,
        ..WebConfig::default()
    })
    .await;
    let res = coba_masuk(&fx.app, Some(fx.ids.a), "admin", SANDI_A, "/").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(
        res.set_cookie("kompeten_sesi")
            .expect("cookie")
            .contains("; Secure")
    );
    let form = get(&fx.app, "/masuk", None).await;
    let csrf = form.set_cookie("kompeten_csrf").expect("csrf cookie");
    assert!(
        csrf.contains("SameSite=Strict") && csrf.contains("HttpOnly") && csrf.contains("Secure"),
        "{csrf}"
    );
}

#[tokio::test]
async fn wrong_password_and_unknown_user_get_the_same_answer_and_no_session() {
    let fx = Fixture::new().await;
    let salah = coba_masuk(&fx.app, Some(fx.ids.a), "admin", "bukan-sandinya", "/").await;
    let tidak_ada = coba_masuk(&fx.app, Some(fx.ids.a), "tidak-ada", SANDI_A, "/").await;
    for res in [&salah, &tidak_ada] {
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        assert!(res.body.contains(PESAN_GAGAL), "{}", res.body);
        assert!(res.set_cookie("kompeten_sesi").is_none());
        assert!(
            res.body.contains("<form method=\"post\" action=\"/masuk\""),
            "the form is shown again"
        );
    }
    let pesan = |body: &str| {
        body.lines()
            .find(|l| l.contains("pesan-galat"))
            .map(str::trim)
            .map(str::to_owned)
    };
    assert_eq!(pesan(&salah.body), pesan(&tidak_ada.body));
    let log = fx.store.audit_log(fx.ids.a, 50).await.expect("audit");
    assert!(
        !log.iter().any(|e| e.action == "sesi.masuk"),
        "no session was created"
    );
}

#[tokio::test]
async fn an_inactive_account_cannot_log_in() {
    let fx = Fixture::new().await;
    fx.nonaktifkan("nonaktif").await;
    let res = coba_masuk(&fx.app, Some(fx.ids.a), "nonaktif", SANDI_A, "/").await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(res.body.contains("tidak aktif"), "{}", res.body);
    assert!(res.set_cookie("kompeten_sesi").is_none());
    // A wrong password on the inactive account reveals nothing more.
    let res = coba_masuk(&fx.app, Some(fx.ids.a), "nonaktif", "salah", "/").await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert!(res.body.contains(PESAN_GAGAL));
}

#[tokio::test]
async fn the_instansi_select_picks_whose_account_is_checked() {
    let fx = Fixture::new().await;
    let form = get(&fx.app, "/masuk", None).await;
    assert!(
        form.body.contains("name=\"instansi\""),
        "two instansi: the select is shown"
    );
    assert!(form.body.contains(crate::fixture::INSTANSI_B));
    // "admin" exists in both; B's password does not open A's account.
    let res = coba_masuk(&fx.app, Some(fx.ids.a), "admin", SANDI_B, "/").await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    let res = coba_masuk(&fx.app, None, "admin", SANDI_A, "/").await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "no instansi chosen");
    assert!(res.body.contains("Pilih instansi"));
    let b = masuk_di(&fx.app, fx.ids.b, "admin", SANDI_B).await;
    let home = get(&fx.app, "/", b.c()).await;
    assert!(home.body.contains("Admin Lain") && home.body.contains(crate::fixture::INSTANSI_B));
}

#[tokio::test]
async fn only_local_paths_are_followed_after_login() {
    let fx = Fixture::new().await;
    for next in [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
    ] {
        let res = coba_masuk(&fx.app, Some(fx.ids.a), "admin", SANDI_A, next).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(res.location(), Some("/"), "next={next}");
    }
}

#[tokio::test]
async fn a_login_post_without_the_right_csrf_token_is_refused() {
    let fx = Fixture::new().await;
    let form = get(&fx.app, "/masuk", None).await;
    let cookie = cookie_pair(&form.set_cookie("kompeten_csrf").expect("csrf cookie"));
    let token = csrf_di(&form.body);
    let a = fx.ids.a.0.to_string();
    let cases: [(Option<&str>, &str); 3] = [
        (Some(&cookie), ""),
        (Some(&cookie), "0123456789abcdef"),
        (None, &token),
    ];
    for (c, t) in cases {
        let res = post_form(
            &fx.app,
            "/masuk",
            c,
            &[
                ("csrf", t),
                ("instansi", &a),
                ("username", "admin"),
                ("password", SANDI_A),
            ],
        )
        .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        assert!(res.body.contains(PESAN_CSRF), "{}", res.body);
        assert!(res.set_cookie("kompeten_sesi").is_none());
    }
    let log = fx.store.audit_log(fx.ids.a, 50).await.expect("audit");
    assert!(
        !log.iter().any(|e| e.action == "sesi.masuk"),
        "nothing changed"
    );
}

#[tokio::test]
async fn logout_needs_the_session_csrf_token_and_ends_the_session() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let token = csrf_di(&get(&fx.app, "/", s.c()).await.body);

    for wrong in [None, Some("salah"), Some(&"0".repeat(64)[..])] {
        let form: Vec<(&str, &str)> = wrong.map(|t| vec![("csrf", t)]).unwrap_or_default();
        let res = post_form(&fx.app, "/keluar", s.c(), &form).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        assert!(res.body.contains(PESAN_CSRF));
        assert_eq!(
            get(&fx.app, "/", s.c()).await.status,
            StatusCode::OK,
            "still signed in"
        );
    }
    // Another session's token does not work either.
    let other = masuk_sebagai(&fx, "auditor").await;
    let other_token = csrf_di(&get(&fx.app, "/", other.c()).await.body);
    assert_ne!(other_token, token);
    let res = post_form(&fx.app, "/keluar", s.c(), &[("csrf", &other_token)]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let log = fx.store.audit_log(fx.ids.a, 50).await.expect("audit");
    assert!(!log.iter().any(|e| e.action == "sesi.keluar"));

    let res = post_form(&fx.app, "/keluar", s.c(), &[("csrf", &token)]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.location(), Some("/masuk"));
    let cleared = res.set_cookie("kompeten_sesi").expect("cookie cleared");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    let after = get(&fx.app, "/", s.c()).await;
    assert_eq!(
        after.status,
        StatusCode::SEE_OTHER,
        "the old cookie no longer works"
    );
    assert!(after.location().is_some_and(|l| l.starts_with("/masuk")));
    assert_eq!(
        get(&fx.app, "/", other.c()).await.status,
        StatusCode::OK,
        "other sessions live on"
    );
}

#[tokio::test]
async fn sessions_expire_after_their_ttl() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let ttl = WebConfig::default().session_ttl;
    let later = Fixture::router(
        &fx.store,
        WebConfig::default(),
        SEKARANG + ttl + time::Duration::minutes(1),
    );
    let res = get(&later, "/pegawai", s.c()).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.location(), Some("/masuk?next=%2Fpegawai"));
    let api = get(&later, "/api/v1/ringkasan", s.c()).await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED);
    let sooner = Fixture::router(
        &fx.store,
        WebConfig::default(),
        SEKARANG + ttl - time::Duration::minutes(1),
    );
    assert_eq!(get(&sooner, "/pegawai", s.c()).await.status, StatusCode::OK);

    // The next login in that instansi purges the expired session for good.
    let hash = sha256_hex(&unhex(s.cookie.split_once('.').expect("dot").1));
    let before = fx
        .store
        .session(fx.ids.a, &hash, SEKARANG)
        .await
        .expect("lookup");
    assert!(before.is_some(), "still stored before the purge");
    masuk_di(&later, fx.ids.a, "auditor", SANDI_A).await;
    let after = fx
        .store
        .session(fx.ids.a, &hash, SEKARANG)
        .await
        .expect("lookup");
    assert!(after.is_none(), "expired session purged on login");
    let log = fx.store.audit_log(fx.ids.a, 20).await.expect("audit");
    assert!(log.iter().any(|e| e.action == "sesi.bersihkan"));
}

#[tokio::test]
async fn with_one_instansi_the_form_has_no_select_and_uses_it() {
    use kompeten_domain::Role;
    use kompeten_store::sqlite::{OpenMode, SqliteStore};
    use kompeten_store::{Actor, NewAccount, NewInstansi};
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(&dir.path().join("satu.sqlite"), OpenMode::CreateIfMissing)
        .await
        .expect("open");
    let store = std::sync::Arc::new(store);
    let actor = Actor::system("uji");
    let i = store
        .create_instansi(
            &actor,
            &NewInstansi {
                kode: "satu".into(),
                nama: "Kota Satu".into(),
            },
        )
        .await
        .expect("instansi");
    let hash = kompeten_web::auth::hash_password("sandi-satu").expect("hash");
    store
        .create_account(
            i,
            &actor,
            &NewAccount {
                username: "admin".into(),
                nama_tampilan: "Admin Satu".into(),
                password_hash: hash,
                role: Role::AdminBkpsdm,
                unit: None,
                pegawai: None,
                mitra: None,
                wajib_ganti_sandi: false,
            },
        )
        .await
        .expect("account");
    let app = Fixture::router(&store, WebConfig::default(), SEKARANG);
    let form = get(&app, "/masuk", None).await;
    assert!(
        !form.body.contains("name=\"instansi\""),
        "no select with one instansi"
    );
    let res = coba_masuk(&app, None, "admin", "sandi-satu", "/").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let cookie = res.set_cookie("kompeten_sesi").expect("session cookie");
    assert!(cookie.starts_with(&format!("kompeten_sesi={}.", i.0)));
}

#[tokio::test]
async fn forged_or_foreign_cookies_give_no_session() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let token = s.cookie.split_once('.').expect("dot").1.to_owned();
    let cookies = [
        "kompeten_sesi=garbage".to_owned(),
        format!("kompeten_sesi={}.{}", fx.ids.a.0, "ab".repeat(32)),
        // A's token presented as B's session.
        format!("kompeten_sesi={}.{token}", fx.ids.b.0),
    ];
    for c in cookies {
        let res = get(&fx.app, "/pegawai", Some(&c)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{c}");
        assert_eq!(
            get(&fx.app, "/api/v1/pegawai", Some(&c)).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
}

#[tokio::test]
async fn a_signed_in_user_opening_the_login_page_is_sent_on() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let res = get(&fx.app, "/masuk?next=%2Fkamus", s.c()).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.location(), Some("/kamus"));
}
