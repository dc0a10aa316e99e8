//! What only the SQLite backend does: opening files safely, settings, backups.

use kompeten_store::sqlite::{OpenMode, SqliteStore};
use kompeten_store::{Actor, NewInstansi, Store, StoreError};
use std::path::Path;

fn open_error(result: Result<SqliteStore, StoreError>) -> String {
    match result {
        Err(StoreError::Open(message)) => message,
        Err(other) => panic!("expected StoreError::Open, got {other:?}"),
        Ok(_) => panic!("expected StoreError::Open, got a store"),
    }
}

async fn create_instansi(store: &SqliteStore, kode: &str) {
    store
        .create_instansi(
            &Actor::system("test"),
            &NewInstansi {
                kode: kode.into(),
                nama: kode.into(),
            },
        )
        .await
        .expect("create instansi");
}

async fn kode_instansi(store: &SqliteStore) -> Vec<String> {
    store
        .list_instansi()
        .await
        .expect("list")
        .into_iter()
        .map(|i| i.kode)
        .collect()
}

/// A new database file in a temporary directory holding instansi SWL.
async fn created_with_swl() -> (tempfile::TempDir, std::path::PathBuf, SqliteStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kompeten.db");
    let store = SqliteStore::open(&path, OpenMode::CreateIfMissing)
        .await
        .expect("create");
    create_instansi(&store, "SWL").await;
    (dir, path, store)
}

#[tokio::test]
async fn a_missing_file_is_refused_when_it_must_exist() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("salah-ketik.db");
    let message = open_error(SqliteStore::open(&path, OpenMode::MustExist).await);
    assert!(message.contains("does not exist"), "{message}");
    assert!(message.contains("salah-ketik.db"), "{message}");
    assert!(!path.exists(), "nothing is created");
}

#[tokio::test]
async fn a_created_database_keeps_its_data_when_reopened() {
    let (_dir, path, store) = created_with_swl().await;
    store.close().await;
    assert!(
        store.ping().await.is_err(),
        "a closed store answers no more"
    );

    let again = SqliteStore::open(&path, OpenMode::MustExist)
        .await
        .expect("reopen");
    assert_eq!(kode_instansi(&again).await, ["SWL"]);
    let migrations: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(again.pool())
        .await
        .expect("migrations table");
    // Each embedded migration once, none again on reopening.
    let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/sqlite"))
        .expect("migrations directory")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "sql"))
        })
        .count();
    assert_eq!(
        usize::try_from(migrations).expect("count"),
        files,
        "migrations ran once"
    );
}

#[tokio::test]
async fn a_text_file_is_not_a_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("catatan.txt");
    let text = "ini bukan basis data\n".repeat(100);
    std::fs::write(&path, &text).expect("write text file");
    for mode in [OpenMode::MustExist, OpenMode::CreateIfMissing] {
        let message = open_error(SqliteStore::open(&path, mode).await);
        assert!(message.contains("catatan.txt"), "{message}");
        assert!(message.contains("not a database"), "{message}");
    }
    assert_eq!(
        std::fs::read_to_string(&path).expect("read back"),
        text,
        "the file is untouched"
    );
}

#[tokio::test]
async fn a_directory_is_not_a_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let message = open_error(SqliteStore::open(dir.path(), OpenMode::CreateIfMissing).await);
    assert!(message.contains("directory"), "{message}");
}

#[tokio::test]
async fn another_applications_database_is_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lain.db");
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true);
    let pool = sqlx::SqlitePool::connect_with(options)
        .await
        .expect("create foreign database");
    sqlx::query("CREATE TABLE resep (id INTEGER PRIMARY KEY, nama TEXT)")
        .execute(&pool)
        .await
        .expect("foreign table");
    pool.close().await;

    let message = open_error(SqliteStore::open(&path, OpenMode::MustExist).await);
    assert!(message.contains("another application"), "{message}");

    let pool =
        sqlx::SqlitePool::connect_with(sqlx::sqlite::SqliteConnectOptions::new().filename(&path))
            .await
            .expect("reopen foreign database");
    let tables: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
            .fetch_all(&pool)
            .await
            .expect("tables");
    assert_eq!(tables, ["resep"], "no Kompeten table was added");
}

#[tokio::test]
async fn connections_use_wal_foreign_keys_and_a_busy_timeout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(&dir.path().join("k.db"), OpenMode::CreateIfMissing)
        .await
        .expect("open");
    let pool = store.pool();
    let number = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .fetch_one(pool)
            .await
            .expect("pragma")
    };
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(store.pool())
        .await
        .expect("pragma");
    assert_eq!(journal, "wal");
    assert_eq!(number("PRAGMA foreign_keys").await, 1);
    assert_eq!(number("PRAGMA busy_timeout").await, 5_000);
    assert_eq!(number("PRAGMA synchronous").await, 1, "NORMAL");
}

#[tokio::test]
async fn backups_are_complete_copies_and_never_overwrite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(&dir.path().join("k.db"), OpenMode::CreateIfMissing)
        .await
        .expect("open");
    create_instansi(&store, "SWL").await;

    let backup = dir.path().join("cadangan.db");
    store.backup_to(&backup).await.expect("backup");
    create_instansi(&store, "PDG").await;

    let copy = SqliteStore::open(&backup, OpenMode::MustExist)
        .await
        .expect("open the backup");
    let kode: Vec<String> = copy
        .list_instansi()
        .await
        .expect("list")
        .into_iter()
        .map(|i| i.kode)
        .collect();
    assert_eq!(
        kode,
        ["SWL"],
        "the copy holds what was there at backup time"
    );

    let before = std::fs::metadata(&backup).expect("backup file").len();
    match store.backup_to(&backup).await {
        Err(StoreError::Invalid(message)) => {
            assert!(message.contains("already exists"), "{message}")
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert_eq!(
        std::fs::metadata(&backup).expect("backup file").len(),
        before
    );

    let nowhere = Path::new("/nonexistent-kompeten-dir/cadangan.db");
    assert!(matches!(
        store.backup_to(nowhere).await,
        Err(StoreError::Invalid(_))
    ));
}

#[tokio::test]
async fn a_checkpoint_puts_every_commit_in_the_file_itself() {
    let (dir, path, store) = created_with_swl().await;
    // A copy of the file alone, as a rename or copy would take it while the
    // store is open: the newest commit is still in the write-ahead log.
    let kode_in_copy = |name: &str| {
        let copy = dir.path().join(name);
        std::fs::copy(&path, &copy).expect("copy");
        async move {
            let opened = SqliteStore::open(&copy, OpenMode::MustExist)
                .await
                .expect("open copy");
            let kode = kode_instansi(&opened).await;
            opened.close().await;
            kode
        }
    };
    assert!(
        !kode_in_copy("sebelum.db").await.contains(&"SWL".to_owned()),
        "without a checkpoint the file lacks the commit (else this test shows nothing)"
    );
    store.checkpoint().await.expect("checkpoint");
    assert!(kode_in_copy("sesudah.db").await.contains(&"SWL".to_owned()));
    let wal = dir.path().join("kompeten.db-wal");
    assert_eq!(std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0), 0);
    store.close().await;
}
