use super::{DatabaseArg, cli_actor};
use anyhow::{Result, bail};
use kompeten_store::NewInstansi;
use kompeten_store::sqlite::OpenMode;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Add an instansi (tenant).
    Add {
        #[command(flatten)]
        db: DatabaseArg,
        /// Short unique code, e.g. "sawahlunto".
        #[arg(long)]
        kode: String,
        /// Full name, e.g. "Pemerintah Kota Sawahlunto".
        #[arg(long)]
        nama: String,
    },
    /// List the instansi.
    List {
        #[command(flatten)]
        db: DatabaseArg,
    },
}

pub async fn run(command: Command) -> Result<()> {
    match command {
        Command::Add { db, kode, nama } => {
            let (kode, nama) = (kode.trim().to_owned(), nama.trim().to_owned());
            if kode.is_empty() || nama.is_empty() {
                bail!("--kode and --nama must not be empty");
            }
            let store = db.database_url.open(OpenMode::MustExist).await?;
            let id = store
                .create_instansi(&cli_actor(), &NewInstansi { kode, nama })
                .await?;
            println!("instansi {id} created");
        }
        Command::List { db } => {
            let store = db.database_url.open(OpenMode::MustExist).await?;
            for i in store.list_instansi().await? {
                println!("{}\t{}\t{}", i.id, i.kode, i.nama);
            }
        }
    }
    Ok(())
}
