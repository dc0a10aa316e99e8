//! The embedded backend: one SQLite file, WAL journal.

use crate::sql::{Sql, positional_placeholders};
use crate::{StoreError, StoreResult};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::borrow::Cow;
use std::path::Path;
use std::time::Duration;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// Whether [`SqliteStore::open`] may create the database file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create an empty database when the file does not exist (first setup, demo).
    CreateIfMissing,
    /// Refuse a missing file, so that a mistyped path never yields an empty database.
    MustExist,
}

/// The [`Store`](crate::Store) on a SQLite file. Cheap to clone.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (or creates, per `mode`) the database at `path` and brings its
    /// schema up to date.
    pub async fn open(path: &Path, mode: OpenMode) -> StoreResult<SqliteStore> {
        let shown = path.display();
        let existed = path.exists();
        if !existed && mode == OpenMode::MustExist {
            return Err(StoreError::Open(format!(
                "database file {shown} does not exist"
            )));
        }
        if path.is_dir() {
            return Err(StoreError::Open(format!(
                "{shown} is a directory, not a database file"
            )));
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(mode == OpenMode::CreateIfMissing)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5))
            .synchronous(SqliteSynchronous::Normal)
            // 32 MiB of page cache per connection keeps a city's data in memory.
            .pragma("cache_size", "-32768");
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options)
            .await
            .map_err(|e| {
                StoreError::Open(format!(
                    "{shown} cannot be opened as a SQLite database: {e}"
                ))
            })?;

        if existed {
            // A SQLite file of another application: refuse rather than add our tables to it.
            let tables: Vec<String> = sqlx::query_scalar(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'",
            )
            .fetch_all(&pool)
            .await
            .map_err(|e| StoreError::Open(format!("{shown} cannot be read as a SQLite database: {e}")))?;
            if !tables.is_empty() && !tables.iter().any(|t| t == "_sqlx_migrations") {
                pool.close().await;
                return Err(StoreError::Open(format!(
                    "{shown} is a SQLite database of another application (it has tables but no Kompeten schema)"
                )));
            }
        }

        MIGRATOR.run(&pool).await.map_err(StoreError::Migration)?;
        tracing::debug!(path = %shown, "SQLite database open, schema up to date");
        Ok(SqliteStore { pool })
    }

    /// Writes a consistent copy of the database to `dest` (`VACUUM INTO`),
    /// while the store stays in use. Refuses to overwrite an existing file.
    pub async fn backup_to(&self, dest: &Path) -> StoreResult<()> {
        if dest.exists() {
            return Err(StoreError::Invalid(format!(
                "backup destination {} already exists",
                dest.display()
            )));
        }
        let dest_text = dest.to_str().ok_or_else(|| {
            StoreError::Invalid(format!("backup path {} is not valid UTF-8", dest.display()))
        })?;
        sqlx::query("VACUUM INTO $1")
            .bind(dest_text)
            .execute(&self.pool)
            .await
            .map_err(|e| match e.as_database_error() {
                Some(db) => StoreError::Invalid(format!(
                    "cannot write the backup to {}: {}",
                    dest.display(),
                    db.message()
                )),
                None => StoreError::Database(e),
            })?;
        Ok(())
    }

    /// Moves everything in the write-ahead log into the database file, so
    /// that the file alone holds every committed change: needed before the
    /// file is moved or copied by file-system means (a `-wal` file left
    /// behind under the old name would take the newest data with it).
    /// Closing the pool is not enough: a connection may close after the
    /// move.
    pub async fn checkpoint(&self) -> StoreResult<()> {
        // (busy, frames in the log, frames checkpointed)
        let (busy, log, done): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
            .fetch_one(&self.pool)
            .await
            .map_err(StoreError::Database)?;
        if busy != 0 || log != done {
            return Err(StoreError::Invalid(format!(
                "the write-ahead log could not be moved into the database file \
                 (busy {busy}, {done} of {log} frames)"
            )));
        }
        Ok(())
    }

    /// Closes every connection; later calls fail.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// The connection pool, for tests that check what the schema itself refuses.
    #[doc(hidden)]
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

/// Built statements run with `?` placeholders (see [`positional_placeholders`]).
fn render(sql: &Sql) -> Cow<'_, str> {
    match positional_placeholders(sql) {
        Some(text) => Cow::Owned(text),
        None => Cow::Borrowed(&sql.text),
    }
}

// Write transactions take the write lock at BEGIN: a deferred transaction
// that reads first and writes later can fail with SQLITE_BUSY at once,
// whatever the busy timeout.
crate::sql::impl_store!(
    SqliteStore,
    sqlx::Sqlite,
    "sqlite",
    "BEGIN IMMEDIATE",
    render
);
