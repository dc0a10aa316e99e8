//! Fresh databases for each test: a temp SQLite file, or a uniquely named
//! PostgreSQL database that is dropped again when the test ends (also when
//! it fails).

use kompeten_store::Store;
use kompeten_store::postgres::PgStore;
use kompeten_store::sqlite::{OpenMode, SqliteStore};
use sqlx::Connection as _;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Where the PostgreSQL tests connect to create their databases.
pub const POSTGRES_URL_ENV: &str = "KOMPETEN_TEST_POSTGRES_URL";
const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// A store on a fresh database, with raw access for what the trait cannot do.
pub enum TestDb {
    Sqlite {
        store: SqliteStore,
        _dir: tempfile::TempDir,
    },
    Postgres {
        store: PgStore,
        _guard: DropDatabase,
    },
}

impl TestDb {
    pub fn store(&self) -> &dyn Store {
        match self {
            TestDb::Sqlite { store, .. } => store,
            TestDb::Postgres { store, .. } => store,
        }
    }

    pub fn backend(&self) -> &'static str {
        match self {
            TestDb::Sqlite { .. } => "sqlite",
            TestDb::Postgres { .. } => "postgres",
        }
    }

    /// Runs raw SQL with integer parameters, bypassing the store.
    pub async fn exec(&self, sql: &str, params: &[i64]) -> Result<u64, sqlx::Error> {
        match self {
            TestDb::Sqlite { store, .. } => {
                let mut q = sqlx::query(sql);
                for p in params {
                    q = q.bind(*p);
                }
                q.execute(store.pool()).await.map(|r| r.rows_affected())
            }
            TestDb::Postgres { store, .. } => {
                let mut q = sqlx::query(sql);
                for p in params {
                    q = q.bind(*p);
                }
                q.execute(store.pool()).await.map(|r| r.rows_affected())
            }
        }
    }

    /// Counts rows with raw SQL returning one integer.
    pub async fn count(&self, sql: &str, params: &[i64]) -> i64 {
        let result = match self {
            TestDb::Sqlite { store, .. } => {
                let mut q = sqlx::query_scalar::<_, i64>(sql);
                for p in params {
                    q = q.bind(*p);
                }
                q.fetch_one(store.pool()).await
            }
            TestDb::Postgres { store, .. } => {
                let mut q = sqlx::query_scalar::<_, i64>(sql);
                for p in params {
                    q = q.bind(*p);
                }
                q.fetch_one(store.pool()).await
            }
        };
        result.expect("raw count query")
    }
}

pub async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(&dir.path().join("kompeten.db"), OpenMode::CreateIfMissing)
        .await
        .expect("open a fresh SQLite database");
    TestDb::Sqlite { store, _dir: dir }
}

pub fn admin_url() -> String {
    std::env::var(POSTGRES_URL_ENV).unwrap_or_else(|_| DEFAULT_POSTGRES_URL.to_owned())
}

/// `url` with its database replaced by `database`.
pub fn with_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |n| n + 3);
    let base = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{database}?{q}"),
        None => format!("{base}/{database}"),
    }
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Drops the test database when the test ends, passing or failing.
pub struct DropDatabase {
    admin_url: String,
    name: String,
}

impl Drop for DropDatabase {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let name = self.name.clone();
        // Drop cannot await, and the test's runtime may be unwinding: use a
        // thread with its own runtime.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime.block_on(async {
                let mut conn = sqlx::PgConnection::connect(&admin_url).await?;
                sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn)
                    .await?;
                conn.close().await?;
                Ok::<(), Box<dyn std::error::Error + Send + Sync>>(())
            })
        })
        .join();
        match dropped {
            Ok(Ok(())) => {}
            Ok(Err(e)) => eprintln!("could not drop test database {}: {e}", self.name),
            Err(_) => eprintln!(
                "could not drop test database {}: the thread panicked",
                self.name
            ),
        }
    }
}

/// A fresh PostgreSQL database, or `None` (with a loud notice) when no
/// server answers and `CI` is not `true`. Under `CI=true` an unreachable
/// server fails the test.
pub async fn postgres() -> Option<TestDb> {
    let admin_url = admin_url();
    let mut admin = match sqlx::PgConnection::connect(&admin_url).await {
        Ok(conn) => conn,
        Err(e) => {
            let message = format!(
                "PostgreSQL is not reachable at {admin_url} ({e}); set {POSTGRES_URL_ENV} to a server \
                 where this user may create databases"
            );
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("{message}. CI=true, so the PostgreSQL conformance tests must run.");
            }
            eprintln!("\n!!!!!!!!!! SKIPPED: {message} !!!!!!!!!!\n");
            return None;
        }
    };
    let name = format!(
        "kompeten_test_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    );
    // A database left by a killed run with the same process id.
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut admin)
        .await
        .expect("drop a stale test database");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("create the test database");
    admin.close().await.expect("close the admin connection");
    let guard = DropDatabase {
        admin_url: admin_url.clone(),
        name: name.clone(),
    };
    let store = PgStore::connect(&with_database(&admin_url, &name))
        .await
        .expect("connect to the test database");
    Some(TestDb::Postgres {
        store,
        _guard: guard,
    })
}

#[test]
fn with_database_replaces_only_the_path() {
    assert_eq!(
        with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
        "postgres://postgres@127.0.0.1:5432/x"
    );
    assert_eq!(
        with_database("postgres://u:p@h/db?sslmode=disable", "x"),
        "postgres://u:p@h/x?sslmode=disable"
    );
    assert_eq!(
        with_database("postgres://h:5432", "x"),
        "postgres://h:5432/x"
    );
}
