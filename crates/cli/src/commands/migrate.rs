use super::DatabaseArg;
use anyhow::Result;
use kompeten_store::sqlite::OpenMode;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DatabaseArg,
    /// Create the SQLite file if it does not exist (never implied: a typo must not create an empty database).
    #[arg(long)]
    create: bool,
}

pub async fn run(args: Args) -> Result<()> {
    let mode = if args.create {
        OpenMode::CreateIfMissing
    } else {
        OpenMode::MustExist
    };
    let store = args.db.database_url.open(mode).await?;
    store.ping().await?;
    println!(
        "{} is at the latest schema ({})",
        args.db.database_url,
        store.backend()
    );
    Ok(())
}
