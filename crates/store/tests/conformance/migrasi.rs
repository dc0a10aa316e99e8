//! Upgrading a SQLite database made before accounts named their partner:
//! migration 0006 rebuilds `akun`, which sessions and the audit log refer to.

use kompeten_domain::Role;
use kompeten_store::Store as _;
use kompeten_store::sqlite::{OpenMode, SqliteStore};
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use std::borrow::Cow;
use std::path::Path;
use time::macros::datetime;

#[tokio::test]
async fn sqlite_accounts_sessions_and_audit_survive_the_partner_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lama.db");
    let mut migrator = Migrator::new(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/migrations/sqlite"
    )))
    .await
    .expect("migrations");
    migrator.migrations = Cow::Owned(
        migrator
            .migrations
            .iter()
            .filter(|m| m.version <= 5)
            .cloned()
            .collect(),
    );
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(
            SqliteConnectOptions::new()
                .filename(&path)
                .create_if_missing(true)
                .foreign_keys(true),
        )
        .await
        .expect("old database");
    migrator.run(&pool).await.expect("schema up to 0005");
    let t0 = datetime!(2026-01-05 08:00 UTC);
    let expires = datetime!(2099-01-01 00:00 UTC);
    for sql in [
        "INSERT INTO instansi (id, kode, nama, dibuat_pada) VALUES (1, 'swl', 'Kota', $1)",
        "INSERT INTO akun (id, instansi_id, username, nama_tampilan, password_hash, role, dibuat_pada) \
         VALUES (7, 1, 'admin', 'Admin', '$argon2id$x', 'admin', $1)",
        "INSERT INTO akun (id, instansi_id, username, nama_tampilan, password_hash, role, dibuat_pada) \
         VALUES (9, 1, 'mitra', 'Mitra Lama', '$argon2id$y', 'mitra', $1)",
        "INSERT INTO audit_log (instansi_id, at, actor_account_id, actor_label, action, entity, detail) \
         VALUES (1, $1, 7, 'admin', 'akun.tambah', 'akun', '{}')",
        "INSERT INTO audit_log (instansi_id, at, actor_account_id, actor_label, action, entity, detail) \
         VALUES (1, $1, 9, 'mitra', 'sesi.masuk', 'akun', '{}')",
    ] {
        sqlx::query(sql)
            .bind(t0)
            .execute(&pool)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
    for (token, akun) in [("t-admin", 7_i64), ("t-mitra", 9)] {
        sqlx::query(
            "INSERT INTO sesi (instansi_id, token_hash, akun_id, csrf_token, expires_at, dibuat_pada) \
             VALUES (1, $1, $2, 'c', $3, $4)",
        )
        .bind(token)
        .bind(akun)
        .bind(expires)
        .bind(t0)
        .execute(&pool)
        .await
        .expect("session");
    }
    pool.close().await;

    let store = SqliteStore::open(&path, OpenMode::MustExist)
        .await
        .expect("upgraded");
    let i = kompeten_store::InstansiId(1);
    let akun = store.accounts(i).await.expect("accounts");
    assert_eq!(
        akun.iter()
            .map(|a| (a.id.0, a.username.as_str(), a.role, a.mitra))
            .collect::<Vec<_>>(),
        [
            (7, "admin", Role::AdminBkpsdm, None),
            (9, "mitra", Role::Mitra, None)
        ]
    );
    let sesi = store
        .session(i, "t-mitra", t0)
        .await
        .expect("read")
        .expect("still signed in");
    assert_eq!(sesi.account.username, "mitra");
    let log = store.audit_log(i, 10).await.expect("audit");
    assert_eq!(
        log.iter()
            .map(|e| e.actor_account.map(|a| a.0))
            .collect::<Vec<_>>(),
        [Some(9), Some(7)]
    );
    let orphans: Vec<(String,)> = sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
        .fetch_all(store.pool())
        .await
        .expect("check");
    assert!(orphans.is_empty(), "{orphans:?}");
    // The references to akun are enforced again after the migration.
    let dangling = sqlx::query(
        "INSERT INTO sesi (instansi_id, token_hash, akun_id, csrf_token, expires_at, dibuat_pada) \
         VALUES (1, 'x', 99, 'c', $1, $1)",
    )
    .bind(expires)
    .execute(store.pool())
    .await;
    assert!(dangling.is_err(), "a session of no account");
    let sementara: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'migrasi%' OR name = 'akun_lama'",
    )
    .fetch_one(store.pool())
    .await
    .expect("schema");
    assert_eq!(sementara, 0, "no helper table or index is left");
}
