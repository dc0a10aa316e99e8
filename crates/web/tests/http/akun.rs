//! `/akun`: administrators add accounts, set passwords, deactivate and
//! activate; nobody else may; every refusal changes nothing.

use crate::fixture::{Fixture, SANDI_A};
use crate::{coba_masuk, csrf_di, get, masuk_sebagai, post_form};
use axum::http::StatusCode;
use kompeten_domain::Role;
use kompeten_store::{Account, Store};

const SANDI_BARU: &str = "sandi-yang-cukup-panjang";

async fn jumlah_akun(fx: &Fixture) -> usize {
    fx.store.accounts(fx.ids.a).await.expect("accounts").len()
}

async fn akun(fx: &Fixture, username: &str) -> Account {
    fx.store
        .account_by_username(fx.ids.a, username)
        .await
        .expect("lookup")
        .expect("exists")
}

async fn akun_id(fx: &Fixture, username: &str) -> i64 {
    akun(fx, username).await.id.0
}

async fn bisa_masuk(fx: &Fixture, username: &str, sandi: &str) -> bool {
    coba_masuk(&fx.app, Some(fx.ids.a), username, sandi, "/")
        .await
        .status
        == StatusCode::SEE_OTHER
}

#[tokio::test]
async fn only_administrators_reach_the_accounts_page() {
    let fx = Fixture::new().await;
    let sebelum = jumlah_akun(&fx).await;
    let admin = masuk_sebagai(&fx, "admin").await;
    let page = get(&fx.app, "/akun", admin.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    for username in ["admin", "pimpinan", "fitri", "auditor", "mitra"] {
        assert!(
            page.body.contains(&format!(">{username}</span>")),
            "{username}"
        );
    }
    // The pimpinan's unit and the pegawai's record are named beside them.
    assert!(page.body.contains("Dinas Kesehatan"));
    assert!(
        page.body.contains("(19930812 202012 2 021)"),
        "{}",
        page.body
    );
    assert!(page.body.contains("href=\"/akun\""), "menu entry");
    // No "Nonaktifkan" for oneself.
    let sendiri = akun_id(&fx, "admin").await;
    let baris = page
        .body
        .split("<tr id=")
        .find(|tr| tr.starts_with(&format!("\"akun-{sendiri}\"")))
        .expect("own row");
    assert!(!baris.contains("Nonaktifkan"));

    let fitri = akun_id(&fx, "fitri").await;
    for username in ["pimpinan", "fitri", "auditor", "mitra"] {
        let s = masuk_sebagai(&fx, username).await;
        assert_eq!(
            get(&fx.app, "/akun", s.c()).await.status,
            StatusCode::FORBIDDEN
        );
        assert!(
            !get(&fx.app, "/", s.c())
                .await
                .body
                .contains("href=\"/akun\"")
        );
        let token = csrf_di(&get(&fx.app, "/", s.c()).await.body);
        for (path, form) in [
            (
                "/akun/baru".to_owned(),
                vec![("username", "x.y"), ("nama", "X"), ("peran", "admin")],
            ),
            (format!("/akun/{fitri}/status"), vec![("aktif", "0")]),
            (
                format!("/akun/{fitri}/sandi"),
                vec![("sandi", SANDI_BARU), ("sandi_ulang", SANDI_BARU)],
            ),
        ] {
            let mut isian = vec![("csrf", token.as_str())];
            isian.extend(form.iter().map(|(k, v)| (*k, *v)));
            let res = post_form(&fx.app, &path, s.c(), &isian).await;
            assert_eq!(res.status, StatusCode::FORBIDDEN, "{username} {path}");
        }
    }
    assert_eq!(jumlah_akun(&fx).await, sebelum);
    assert!(bisa_masuk(&fx, "fitri", SANDI_A).await);
}

#[tokio::test]
async fn an_administrator_adds_accounts_and_bad_input_adds_nothing() {
    let fx = Fixture::new().await;
    let admin = masuk_sebagai(&fx, "admin").await;
    let token = csrf_di(&get(&fx.app, "/akun", admin.c()).await.body);
    let opd2 = fx.ids.opd2.to_string();
    let kirim = |isian: Vec<(&'static str, String)>| {
        let token = token.clone();
        let app = fx.app.clone();
        let cookie = admin.cookie.clone();
        async move {
            let mut form: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
            form.extend(isian.iter().map(|(k, v)| (*k, v.as_str())));
            post_form(&app, "/akun/baru", Some(&cookie), &form).await
        }
    };
    let isian = |username: &str, peran: &str, sandi: &str, ulang: &str| {
        vec![
            ("username", username.to_owned()),
            ("nama", "Kepala Dinas Pendidikan".to_owned()),
            ("peran", peran.to_owned()),
            ("sandi", sandi.to_owned()),
            ("sandi_ulang", ulang.to_owned()),
        ]
    };
    let sebelum = jumlah_akun(&fx).await;
    let tambah = |log: &[kompeten_store::AuditEntry]| {
        log.iter().filter(|e| e.action == "akun.tambah").count()
    };
    let tambah_sebelum = tambah(&fx.store.audit_log(fx.ids.a, 1000).await.expect("audit"));
    // Each refusal says why, keeps what was typed, and adds nothing.
    for (form, pesan) in [
        (
            isian("kadisdik", "pimpinan", "pendek", "pendek"),
            "paling sedikit 12 karakter",
        ),
        (
            isian(
                "kadisdik",
                "pimpinan",
                SANDI_BARU,
                "sandi-lain-yang-panjang",
            ),
            "tidak sama",
        ),
        (
            isian("kadisdik", "pimpinan", SANDI_BARU, SANDI_BARU),
            "Pilih unit yang dipimpin",
        ),
        (
            isian("admin", "admin", SANDI_BARU, SANDI_BARU),
            "sudah dipakai",
        ),
        (
            isian("ada spasi", "admin", SANDI_BARU, SANDI_BARU),
            "hanya huruf, angka",
        ),
        (
            isian("pegawai.baru", "pegawai", SANDI_BARU, SANDI_BARU),
            "Tidak ada pegawai dengan NIP ini",
        ),
        (
            isian("mitra.baru", "mitra", SANDI_BARU, SANDI_BARU),
            "Pilih mitra",
        ),
        (isian("x.y", "raja", SANDI_BARU, SANDI_BARU), "Pilih peran"),
    ] {
        let res = kirim(form).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{pesan}");
        assert!(res.body.contains(pesan), "{pesan}: {}", res.body);
        assert!(res.body.contains("value=\"Kepala Dinas Pendidikan\""));
        assert!(!res.body.contains(SANDI_BARU), "passwords are never echoed");
    }
    assert_eq!(jumlah_akun(&fx).await, sebelum);
    // Without the form token: refused, nothing added.
    let res = post_form(
        &fx.app,
        "/akun/baru",
        admin.c(),
        &[
            ("username", "kadisdik"),
            ("nama", "X"),
            ("peran", "admin"),
            ("sandi", SANDI_BARU),
            ("sandi_ulang", SANDI_BARU),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(jumlah_akun(&fx).await, sebelum);

    // A head of Dinas Pendidikan, and a pegawai account by NIP in groups.
    let mut form = isian("kadisdik", "pimpinan", SANDI_BARU, SANDI_BARU);
    form.push(("unit", opd2.clone()));
    let res = kirim(form).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), Some("/akun"));
    assert!(
        res.set_cookie("kompeten_pesan")
            .is_some_and(|c| c.starts_with("kompeten_pesan=akun-baru"))
    );
    let mut form = isian("dewi", "pegawai", SANDI_BARU, SANDI_BARU);
    form.push(("nip", "19900410 201503 2 001".to_owned()));
    assert_eq!(kirim(form).await.status, StatusCode::SEE_OTHER);
    let kadisdik = akun(&fx, "kadisdik").await;
    assert_eq!(
        (kadisdik.role, kadisdik.unit),
        (Role::PimpinanOpd, Some(fx.ids.opd2))
    );
    assert!(kadisdik.password_hash.starts_with("$argon2id$"));
    // The administrator chose it: the new account must choose its own.
    assert!(kadisdik.wajib_ganti_sandi);
    let dewi = akun(&fx, "dewi").await;
    assert_eq!(
        (dewi.role, dewi.pegawai),
        (Role::Pegawai, Some(fx.ids.dewi))
    );
    assert!(bisa_masuk(&fx, "kadisdik", SANDI_BARU).await);
    let log = fx.store.audit_log(fx.ids.a, 1000).await.expect("audit");
    assert_eq!(tambah(&log), tambah_sebelum + 2);
    let page = get(
        &fx.app,
        "/akun",
        Some(&format!("{}; kompeten_pesan=akun-baru", admin.cookie)),
    )
    .await;
    assert!(page.body.contains("Akun baru tersimpan."));
    assert!(page.body.contains(">kadisdik</span>"));
}

#[tokio::test]
async fn deactivation_and_a_new_password_end_the_accounts_sessions() {
    let fx = Fixture::new().await;
    let admin = masuk_sebagai(&fx, "admin").await;
    let token = csrf_di(&get(&fx.app, "/akun", admin.c()).await.body);
    let auditor = akun_id(&fx, "auditor").await;
    let sesi_auditor = masuk_sebagai(&fx, "auditor").await;
    assert_eq!(
        get(&fx.app, "/", sesi_auditor.c()).await.status,
        StatusCode::OK
    );

    let status = |aktif: &'static str| {
        let token = token.clone();
        let app = fx.app.clone();
        let cookie = admin.cookie.clone();
        async move {
            post_form(
                &app,
                &format!("/akun/{auditor}/status"),
                Some(&cookie),
                &[("csrf", &token), ("aktif", aktif)],
            )
            .await
        }
    };
    let res = status("0").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // Signed out at once, and no way back in.
    assert_eq!(
        get(&fx.app, "/", sesi_auditor.c()).await.status,
        StatusCode::SEE_OTHER
    );
    assert!(!bisa_masuk(&fx, "auditor", SANDI_A).await);
    assert_eq!(status("x").await.status, StatusCode::BAD_REQUEST);
    assert_eq!(status("1").await.status, StatusCode::SEE_OTHER);
    assert!(bisa_masuk(&fx, "auditor", SANDI_A).await);

    // One's own account stays active.
    let sendiri = akun_id(&fx, "admin").await;
    let res = post_form(
        &fx.app,
        &format!("/akun/{sendiri}/status"),
        admin.c(),
        &[("csrf", &token), ("aktif", "0")],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("tidak dapat dinonaktifkan"));
    assert!(bisa_masuk(&fx, "admin", SANDI_A).await);

    // A new password: checked, then the old one and its sessions are gone.
    let sesi_auditor = masuk_sebagai(&fx, "auditor").await;
    let sandi = |baru: &'static str, ulang: &'static str| {
        let token = token.clone();
        let app = fx.app.clone();
        let cookie = admin.cookie.clone();
        async move {
            post_form(
                &app,
                &format!("/akun/{auditor}/sandi"),
                Some(&cookie),
                &[("csrf", &token), ("sandi", baru), ("sandi_ulang", ulang)],
            )
            .await
        }
    };
    let res = sandi("pendek", "pendek").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("paling sedikit 12 karakter"));
    assert!(bisa_masuk(&fx, "auditor", SANDI_A).await);
    let res = sandi(SANDI_BARU, SANDI_BARU).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(
        get(&fx.app, "/", sesi_auditor.c()).await.status,
        StatusCode::SEE_OTHER
    );
    assert!(!bisa_masuk(&fx, "auditor", SANDI_A).await);
    assert!(bisa_masuk(&fx, "auditor", SANDI_BARU).await);
    // Another instansi's or a missing account: not found.
    for id in ["999999", "abc"] {
        let res = post_form(
            &fx.app,
            &format!("/akun/{id}/status"),
            admin.c(),
            &[("csrf", &token), ("aktif", "0")],
        )
        .await;
        assert!(
            matches!(res.status, StatusCode::NOT_FOUND | StatusCode::BAD_REQUEST),
            "{id}: {}",
            res.status
        );
    }
    let log = fx.store.audit_log(fx.ids.a, 10).await.expect("audit");
    for aksi in ["akun.nonaktifkan", "akun.aktifkan", "akun.ubah_sandi"] {
        assert!(log.iter().any(|e| e.action == aksi), "{aksi}");
    }
}
