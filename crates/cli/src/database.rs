//! Choosing and opening a backend: the only place that knows both.

use anyhow::{Context, Result, bail};
use kompeten_store::Store;
use kompeten_store::postgres::PgStore;
use kompeten_store::sqlite::{OpenMode, SqliteStore};
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// A parsed `--database-url`.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DatabaseUrl {
    /// Accepts `sqlite://PATH`, `sqlite:PATH`, `postgres://...` and `postgresql://...`.
    pub fn parse(url: &str) -> Result<Self> {
        let url = url.trim();
        if let Some(rest) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            if rest.is_empty() || rest.contains('?') {
                bail!("a SQLite URL names a file, e.g. sqlite://kompeten.sqlite (got {url:?})");
            }
            return Ok(DatabaseUrl::Sqlite(PathBuf::from(rest)));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(url.to_owned()));
        }
        let scheme = url.split_once(':').map_or(url, |(s, _)| s);
        bail!(
            "unsupported database URL scheme {scheme:?}: use sqlite://FILE or postgres://USER@HOST/DB"
        )
    }

    /// Opens an existing database and runs pending migrations.
    pub async fn open(&self, mode: OpenMode) -> Result<Arc<dyn Store>> {
        match self {
            DatabaseUrl::Sqlite(path) => {
                let store = SqliteStore::open(path, mode)
                    .await
                    .with_context(|| format!("cannot use SQLite database {}", path.display()))?;
                Ok(Arc::new(store))
            }
            DatabaseUrl::Postgres(url) => {
                let store = PgStore::connect(url)
                    .await
                    .with_context(|| format!("cannot use PostgreSQL database {self}"))?;
                Ok(Arc::new(store))
            }
        }
    }
}

/// Shown in messages with any password replaced.
impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatabaseUrl::Sqlite(path) => write!(f, "sqlite://{}", path.display()),
            DatabaseUrl::Postgres(url) => f.write_str(&redact_password(url)),
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, tail) = rest
        .split_once('/')
        .map_or((rest, None), |(a, t)| (a, Some(t)));
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{user}:***@{host}"),
            None => authority.to_owned(),
        },
        None => authority.to_owned(),
    };
    match tail {
        Some(t) => format!("{scheme}://{authority}/{t}"),
        None => format!("{scheme}://{authority}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_backends() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/k.sqlite").expect("sqlite"),
            DatabaseUrl::Sqlite(PathBuf::from("data/k.sqlite"))
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:///var/lib/k.sqlite").expect("absolute"),
            DatabaseUrl::Sqlite(PathBuf::from("/var/lib/k.sqlite"))
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:k.sqlite").expect("short"),
            DatabaseUrl::Sqlite(PathBuf::from("k.sqlite"))
        );
        assert!(matches!(
            DatabaseUrl::parse("postgresql://u@localhost/k"),
            Ok(DatabaseUrl::Postgres(_))
        ));
    }

    #[test]
    fn rejects_other_schemes_with_the_scheme_named() {
        let err = DatabaseUrl::parse("mysql://root@localhost/k").expect_err("unsupported");
        assert!(err.to_string().contains("\"mysql\""), "{err}");
        assert!(DatabaseUrl::parse("kompeten.sqlite").is_err());
        assert!(DatabaseUrl::parse("sqlite://").is_err());
    }

    #[test]
    fn never_shows_a_password() {
        let url = DatabaseUrl::parse("postgres://kompeten:rahasia@db:5432/kompeten").expect("pg");
        assert_eq!(url.to_string(), "postgres://kompeten:***@db:5432/kompeten");
        assert!(!format!("{url:?}").contains("rahasia"));
    }
}
