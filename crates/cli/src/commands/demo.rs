use super::serve::{HttpArgs, bind, serve};
use anyhow::{Context, Result, bail};
use kompeten_store::sqlite::{OpenMode, SqliteStore};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use time::{OffsetDateTime, UtcOffset};

/// Sawahlunto keeps Western Indonesia Time; "today" for the demo is judged there.
const WIB: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

#[derive(clap::Args)]
pub struct Args {
    /// The demo database file; created with the Sawahlunto demo when absent, reused otherwise.
    #[arg(long, default_value = "kompeten-demo.sqlite")]
    database: PathBuf,
    #[command(flatten)]
    http: HttpArgs,
    /// Create the database (if absent), print the accounts, and exit without serving.
    #[arg(long)]
    no_serve: bool,
}

pub async fn run(args: Args) -> Result<()> {
    // Claim the port before spending time on data, so a busy port fails fast.
    let listener = if args.no_serve {
        None
    } else {
        Some(bind(args.http.bind).await?)
    };

    if args.database.exists() {
        println!(
            "Memakai basis data demo yang sudah ada: {}",
            args.database.display()
        );
    } else {
        println!(
            "Membuat data demo Kota Sawahlunto di {} ...",
            args.database.display()
        );
        create(&args.database).await?;
    }
    let store = SqliteStore::open(&args.database, OpenMode::MustExist)
        .await
        .with_context(|| format!("cannot use SQLite database {}", args.database.display()))?;
    let store = Arc::new(store);

    let Some(listener) = listener else {
        print_accounts(None);
        return Ok(());
    };
    print_accounts(Some(&format!("http://{}", listener.local_addr()?)));
    serve(store, listener, &args.http).await
}

/// Builds the demo in a side file and moves it into place only when complete,
/// so an interrupted run never leaves a half-filled database behind.
async fn create(path: &Path) -> Result<()> {
    let partial = partial_path(path);
    remove_sqlite_files(&partial)?;
    let today = OffsetDateTime::now_utc().to_offset(WIB).date();
    let dataset = kompeten_demo::generate(&kompeten_demo::default_options(today));
    // Hash up front so that a failure is an error here, not a panic inside `load`.
    let mut hashes = std::collections::BTreeMap::new();
    for akun in &dataset.akun {
        let hash = kompeten_web::auth::hash_password(&akun.password)
            .map_err(|e| anyhow::anyhow!("cannot hash a demo password: {e}"))?;
        hashes.insert(akun.password.clone(), hash);
    }
    let hash = |password: &str| hashes.get(password).cloned().unwrap_or_default();
    let loaded = async {
        let store = SqliteStore::open(&partial, OpenMode::CreateIfMissing).await?;
        let summary = kompeten_demo::load(&store, &dataset, &hash).await?;
        // The file is renamed below: its WAL must be in it first.
        store.checkpoint().await?;
        store.close().await;
        anyhow::Ok(summary)
    }
    .await;
    let summary = match loaded {
        Ok(summary) => summary,
        Err(err) => {
            let _ = remove_sqlite_files(&partial);
            return Err(err.context("cannot create the demo database"));
        }
    };
    if path.exists() {
        let _ = remove_sqlite_files(&partial);
        bail!(
            "{} appeared while the demo was being created; not overwriting it",
            path.display()
        );
    }
    std::fs::rename(&partial, path)
        .with_context(|| format!("cannot move the demo database into {}", path.display()))?;
    // Empty companions of the side file, if a connection closed late.
    let _ = remove_sqlite_files(&partial);
    let j = &summary.jumlah;
    println!(
        "Selesai: {} OPD, {} unit kerja, {} jabatan, {} kompetensi, {} ASN ({} PNS, {} PPPK), \
         {} penilaian ({} masih berlaku), {} SKP, {} usulan kebutuhan ({} menunggu keputusan).",
        j.opd,
        j.unit,
        j.jabatan,
        j.kompetensi,
        j.pegawai,
        j.pns,
        j.pppk,
        j.penilaian,
        j.penilaian_berlaku,
        j.skp,
        j.usulan,
        j.usulan_diajukan
    );
    Ok(())
}

fn partial_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".partial");
    path.with_file_name(name)
}

/// Removes a SQLite file with its WAL and shared-memory companions.
fn remove_sqlite_files(path: &Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_os_string();
        name.push(suffix);
        match std::fs::remove_file(&name) {
            Ok(()) => {}
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => return Err(err).with_context(|| format!("cannot remove {name:?}")),
        }
    }
    Ok(())
}

fn print_accounts(url: Option<&str>) {
    println!();
    if let Some(url) = url {
        println!("Kompeten berjalan di {url}  (hentikan dengan Ctrl+C)");
        println!("Masuk dengan salah satu akun demo:");
    } else {
        println!("Akun demo:");
    }
    // The sign-ins are fixed strings of the demo, whatever day it was made on.
    let today = OffsetDateTime::now_utc().to_offset(WIB).date();
    let dataset = kompeten_demo::generate(&kompeten_demo::default_options(today));
    for akun in &dataset.akun {
        println!(
            "  {:<22} kata sandi {:<22} {}",
            akun.username,
            akun.password,
            akun.role.label()
        );
    }
}
