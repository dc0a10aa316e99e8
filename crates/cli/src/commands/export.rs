//! `kompeten export`: analytics tables written to a file.

use super::{DatabaseArg, pick_instansi};
use anyhow::{Context, Result, bail};
use kompeten_io::laporan::kesenjangan_instansi;
use kompeten_io::tabel::{tulis_csv, tulis_xlsx};
use kompeten_store::sqlite::OpenMode;
use std::path::{Path, PathBuf};
use time::Date;

#[derive(clap::Subcommand)]
pub enum Command {
    /// One row per active employee: NIP, name, unit, jabatan, JPM, category,
    /// counts of required, assessed and expired competencies, and the
    /// required and current level of each competency of the standard.
    Gaps(GapsArgs),
}

#[derive(clap::Args)]
pub struct GapsArgs {
    #[command(flatten)]
    db: DatabaseArg,
    /// Instansi code; may be omitted when there is only one.
    #[arg(long)]
    instansi: Option<String>,
    /// The file to write: FILE.csv or FILE.xlsx.
    #[arg(long)]
    out: PathBuf,
    /// Judge validity on this day (YYYY-MM-DD) instead of today in WIB.
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
    /// Replace the file if it exists.
    #[arg(long)]
    force: bool,
}

pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(s.trim(), &format).map_err(|_| format!("{s:?} is not a date like 2026-11-27"))
}

#[derive(Clone, Copy)]
enum Format {
    Csv,
    Xlsx,
}

fn format_of(out: &Path) -> Result<Format> {
    match out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("csv") => Ok(Format::Csv),
        Some("xlsx") => Ok(Format::Xlsx),
        _ => bail!(
            "{} must end in .csv or .xlsx (the extension picks the format)",
            out.display()
        ),
    }
}

pub async fn run(cmd: Command) -> Result<()> {
    match cmd {
        Command::Gaps(args) => gaps(args).await,
    }
}

async fn gaps(args: GapsArgs) -> Result<()> {
    let format = format_of(&args.out)?;
    if args.out.exists() && !args.force {
        bail!(
            "{} already exists; choose another file or pass --force",
            args.out.display()
        );
    }
    let store = args.db.database_url.open(OpenMode::MustExist).await?;
    let instansi = pick_instansi(store.as_ref(), args.instansi.as_deref()).await?;
    let hari_ini = args.date.unwrap_or_else(|| {
        time::OffsetDateTime::now_utc()
            .to_offset(kompeten_web::WIB)
            .date()
    });
    let mut tabel = kesenjangan_instansi(store.as_ref(), instansi.id, hari_ini)
        .await
        .context("cannot compute the gaps")?;
    tabel
        .catatan
        .insert(0, format!("Instansi: {}", instansi.nama));
    tabel.catatan.insert(
        1,
        format!("Tanggal: {}", kompeten_domain::format::tanggal(hari_ini)),
    );
    let bytes = match format {
        Format::Xlsx => tulis_xlsx(&tabel).context("cannot write the XLSX")?,
        Format::Csv => {
            let mut out = Vec::new();
            tulis_csv(&tabel, &mut out).context("cannot write the CSV")?;
            out
        }
    };
    // Written beside the target and renamed, so a failure never leaves half a file.
    let mut sementara = args.out.clone().into_os_string();
    sementara.push(".partial");
    let sementara = PathBuf::from(sementara);
    std::fs::write(&sementara, &bytes)
        .with_context(|| format!("cannot write {}", sementara.display()))?;
    std::fs::rename(&sementara, &args.out).with_context(|| {
        let _ = std::fs::remove_file(&sementara);
        format!("cannot write {}", args.out.display())
    })?;
    println!(
        "{} employees written to {}",
        tabel.baris.len(),
        args.out.display()
    );
    Ok(())
}
