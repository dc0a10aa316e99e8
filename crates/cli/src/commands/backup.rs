use super::DatabaseArg;
use crate::database::DatabaseUrl;
use anyhow::{Context, Result, bail};
use kompeten_store::sqlite::{OpenMode, SqliteStore};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DatabaseArg,
    /// The new file to write; it must not exist yet.
    #[arg(long)]
    out: PathBuf,
}

pub async fn run(args: Args) -> Result<()> {
    let DatabaseUrl::Sqlite(path) = &args.db.database_url else {
        bail!("backup copies SQLite files; for PostgreSQL use pg_dump");
    };
    if args.out.exists() {
        bail!("{} already exists; choose a new file", args.out.display());
    }
    let store = SqliteStore::open(path, OpenMode::MustExist)
        .await
        .with_context(|| format!("cannot use SQLite database {}", path.display()))?;
    store
        .backup_to(&args.out)
        .await
        .with_context(|| format!("cannot write the backup to {}", args.out.display()))?;
    println!("backup written to {}", args.out.display());
    Ok(())
}
