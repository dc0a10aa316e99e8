pub mod backup;
pub mod demo;
pub mod export;
pub mod import;
pub mod instansi;
pub mod migrate;
pub mod plan;
pub mod serve;
pub mod user;

use crate::database::DatabaseUrl;
use anyhow::{Context, Result};
use kompeten_store::{Actor, Instansi, Store};

/// `--database-url`, shared by every command that works on a database.
#[derive(clap::Args, Debug)]
pub struct DatabaseArg {
    /// sqlite://FILE or postgres://USER@HOST/DB
    #[arg(long, env = "KOMPETEN_DATABASE_URL", value_parser = DatabaseUrl::parse)]
    pub database_url: DatabaseUrl,
}

/// Changes made from the command line are audited as the CLI.
pub fn cli_actor() -> Actor {
    Actor::system("cli")
}

/// The instansi a command works on: the one named, or the only one there is.
pub async fn pick_instansi(store: &dyn Store, kode: Option<&str>) -> Result<Instansi> {
    if let Some(kode) = kode {
        return store
            .instansi_by_kode(kode)
            .await?
            .with_context(|| format!("no instansi with code {kode:?}"));
    }
    let mut all = store.list_instansi().await?;
    match all.len() {
        1 => Ok(all.remove(0)),
        0 => anyhow::bail!(
            "the database has no instansi yet: create one with `kompeten instansi add`"
        ),
        n => anyhow::bail!("the database has {n} instansi: choose one with --instansi CODE"),
    }
}
