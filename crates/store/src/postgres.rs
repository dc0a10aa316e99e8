//! The server backend: PostgreSQL, for many instansi and many users.

use crate::sql::Sql;
use crate::{StoreError, StoreResult};
use sqlx::Connection as _;
use sqlx::postgres::{PgConnectOptions, PgConnection, PgPool, PgPoolOptions};
use std::borrow::Cow;
use std::str::FromStr;
use std::time::Duration;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// How long to wait for the server before giving up.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The [`Store`](crate::Store) on a PostgreSQL database. Cheap to clone.
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    /// Connects to `url` (`postgres://user@host:port/database`) and brings
    /// the schema up to date. The database itself must exist.
    pub async fn connect(url: &str) -> StoreResult<PgStore> {
        let options = PgConnectOptions::from_str(url)
            .map_err(|e| StoreError::Open(format!("not a valid PostgreSQL URL: {e}")))?;
        let target = format!(
            "database {:?} on {}:{} as user {:?}",
            options.get_database().unwrap_or("(default)"),
            options.get_host(),
            options.get_port(),
            options.get_username()
        );

        // One plain connection first: its error says why, where a pool would
        // only report a timeout.
        let first = tokio::time::timeout(CONNECT_TIMEOUT, PgConnection::connect_with(&options))
            .await
            .map_err(|_| {
                StoreError::Open(format!(
                    "no answer from the PostgreSQL server within {}s ({target})",
                    CONNECT_TIMEOUT.as_secs()
                ))
            })?
            .map_err(|e| StoreError::Open(explain_connect_error(&e, &target)))?;
        // Closing this connection cleanly only matters to the server's log.
        let _ = first.close().await;

        let pool = PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(CONNECT_TIMEOUT)
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Open(explain_connect_error(&e, &target)))?;
        MIGRATOR.run(&pool).await.map_err(StoreError::Migration)?;
        tracing::debug!(%target, "PostgreSQL database open, schema up to date");
        Ok(PgStore { pool })
    }

    /// Closes every connection; later calls fail.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// The connection pool, for tests that check what the schema itself refuses.
    #[doc(hidden)]
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }
}

fn explain_connect_error(error: &sqlx::Error, target: &str) -> String {
    if let Some(db) = error.as_database_error() {
        let reason = match db.code().as_deref() {
            Some("3D000") => "the database does not exist",
            Some("28P01") | Some("28000") => "authentication failed",
            Some("42501") => "permission denied",
            Some("53300") => "the server has too many connections",
            Some("57P03") => "the server is starting up or shutting down",
            _ => "the server refused the connection",
        };
        return format!("{reason} ({target}): {}", db.message());
    }
    match error {
        sqlx::Error::Io(io) => format!("cannot reach the PostgreSQL server ({target}): {io}"),
        sqlx::Error::Tls(tls) => format!("TLS failed ({target}): {tls}"),
        sqlx::Error::PoolTimedOut => format!("timed out connecting ({target})"),
        other => format!("cannot connect ({target}): {other}"),
    }
}

/// PostgreSQL runs `$n` placeholders as they are.
fn render(sql: &Sql) -> Cow<'_, str> {
    Cow::Borrowed(&sql.text)
}

crate::sql::impl_store!(PgStore, sqlx::Postgres, "postgres", "BEGIN", render);
