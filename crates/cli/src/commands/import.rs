//! `kompeten import`: records from a spreadsheet, all or nothing.

use super::{DatabaseArg, cli_actor, pick_instansi};
use anyhow::{Context, Result, bail};
use kompeten_io::data_induk::{self, IndukDitolak, templat};
use kompeten_io::tabel::tulis_xlsx_buku;
use kompeten_store::sqlite::OpenMode;
use kompeten_web::{ImporDitolak, impor_penilaian};
use std::path::PathBuf;
use time::Date;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Assessment results from a CSV or XLSX file: the columns NIP, Kode
    /// kompetensi, Level, Metode, Tanggal, Asesor and optionally Catatan
    /// bukti (as on the web page /penilaian/impor). Every row is checked
    /// against the records (an active employee, a dictionary code, level
    /// 1..=5, a method, a date neither in the future nor before the
    /// employee turned 18, the assessor; no row already recorded), and the
    /// file is recorded whole or not at all.
    Assessments(AssessmentsArgs),
    /// Master data (Data Induk): the competency dictionary, the unit tree,
    /// positions, their competency standards and employees, from one XLSX
    /// workbook with sheets named Kompetensi, Unit, Jabatan, Standar and
    /// Pegawai (any of them), or from CSV files named after their table
    /// (unit.csv, jabatan.csv, ...). Rows refer to each other and to what
    /// is stored by code; every row is checked and the whole is saved in
    /// one transaction or not at all. `--template FILE.xlsx` writes the
    /// empty workbook with a note on every column instead.
    Master(MasterArgs),
}

#[derive(clap::Args)]
pub struct MasterArgs {
    #[command(flatten)]
    db: DatabaseArg,
    /// Instansi code; may be omitted when there is only one.
    #[arg(long)]
    instansi: Option<String>,
    /// The files: one .xlsx workbook and/or .csv files; repeat --file.
    #[arg(long = "file", required_unless_present = "template")]
    files: Vec<PathBuf>,
    /// Write the empty workbook to this .xlsx file and import nothing.
    #[arg(long, conflicts_with = "files")]
    template: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct AssessmentsArgs {
    #[command(flatten)]
    db: DatabaseArg,
    /// Instansi code; may be omitted when there is only one.
    #[arg(long)]
    instansi: Option<String>,
    /// The file: FILE.csv (comma or semicolon) or FILE.xlsx (first sheet).
    #[arg(long)]
    file: PathBuf,
    /// Judge "in the future" on this day (YYYY-MM-DD) instead of today in WIB.
    #[arg(long, value_parser = super::export::parse_date)]
    date: Option<Date>,
}

/// Refused rows printed before the summary line.
const ROWS_SHOWN: usize = 50;

pub async fn run(cmd: Command) -> Result<()> {
    match cmd {
        Command::Assessments(args) => assessments(args).await,
        Command::Master(args) => master(args).await,
    }
}

async fn assessments(args: AssessmentsArgs) -> Result<()> {
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let name = args
        .file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_owned();
    let store = args.db.database_url.open(OpenMode::MustExist).await?;
    let instansi = pick_instansi(store.as_ref(), args.instansi.as_deref()).await?;
    let today = args.date.unwrap_or_else(|| {
        time::OffsetDateTime::now_utc()
            .to_offset(kompeten_web::WIB)
            .date()
    });
    let outcome = impor_penilaian(
        store.as_ref(),
        instansi.id,
        &cli_actor(),
        today,
        &name,
        &bytes,
    )
    .await
    .context("cannot import the assessments")?;
    match outcome {
        Ok(n) => {
            println!(
                "{n} {} recorded from {} for {}",
                if n == 1 { "assessment" } else { "assessments" },
                args.file.display(),
                instansi.kode
            );
            Ok(())
        }
        Err(ImporDitolak::Berkas(e)) => bail!("{}: {e}; nothing recorded", args.file.display()),
        Err(ImporDitolak::Baris(rows)) => {
            // The rows on standard output, the verdict as the one error line.
            for r in rows.iter().take(ROWS_SHOWN) {
                println!("row {}, column {}: {}", r.nomor, r.kolom, r.reason);
            }
            if rows.len() > ROWS_SHOWN {
                println!("… and {} more", rows.len() - ROWS_SHOWN);
            }
            bail!(
                "{}: {} refused {}; nothing recorded",
                args.file.display(),
                rows.len(),
                if rows.len() == 1 { "cell" } else { "cells" }
            )
        }
    }
}

/// Rows a master-data file may hold in all (a national instansi's
/// employees fit in a few files).
const MASTER_ROWS: usize = 500_000;

async fn master(args: MasterArgs) -> Result<()> {
    if let Some(path) = &args.template {
        if path.exists() {
            bail!("{} exists; choose another name", path.display());
        }
        let bytes = tulis_xlsx_buku("Data Induk Kompeten", &templat(&[]))
            .context("cannot build the template")?;
        std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        println!("template written to {}", path.display());
        return Ok(());
    }
    let mut files = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        files.push((path.display().to_string(), bytes));
    }
    let store = args.db.database_url.open(OpenMode::MustExist).await?;
    let instansi = pick_instansi(store.as_ref(), args.instansi.as_deref()).await?;
    let outcome = data_induk::impor(
        store.as_ref(),
        instansi.id,
        &cli_actor(),
        &files,
        MASTER_ROWS,
    )
    .await
    .context("cannot import the master data")?;
    match outcome {
        Ok(h) => {
            println!(
                "imported for {}: {} competencies, {} units, {} positions, {} standards, {} employees",
                instansi.kode, h.kompetensi, h.unit, h.jabatan, h.standar, h.pegawai
            );
            Ok(())
        }
        Err(IndukDitolak::Berkas(e)) => bail!("{e}; nothing imported"),
        Err(IndukDitolak::Baris(rows)) => {
            for r in rows.iter().take(ROWS_SHOWN) {
                println!(
                    "sheet {}, row {}, column {}: {}",
                    r.lembar.nama(),
                    r.nomor,
                    r.kolom,
                    r.reason
                );
            }
            if rows.len() > ROWS_SHOWN {
                println!("… and {} more", rows.len() - ROWS_SHOWN);
            }
            bail!(
                "{} refused {}; nothing imported",
                rows.len(),
                if rows.len() == 1 { "cell" } else { "cells" }
            )
        }
    }
}
