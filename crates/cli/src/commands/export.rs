//! `kompeten export`: analytics and development tables written to a file.

use super::{DatabaseArg, pick_instansi};
use anyhow::{Context, Result, bail};
use kompeten_io::kebutuhan::kebutuhan_instansi;
use kompeten_io::laporan::kesenjangan_instansi;
use kompeten_io::laporan_pengembangan::{
    PengaturanMitra, tabel_katalog, tabel_kebutuhan, tabel_mitra,
};
use kompeten_io::tabel::{Tabel, tulis_csv, tulis_xlsx};
use kompeten_store::sqlite::OpenMode;
use kompeten_store::{Instansi, Lingkup, ProgramQuery, Store};
use std::path::{Path, PathBuf};
use time::Date;

#[derive(clap::Subcommand)]
pub enum Command {
    /// One row per active employee: NIP, name, unit, jabatan, JPM, category,
    /// counts of required, assessed and expired competencies, and the
    /// required and current level of each competency of the standard.
    Gaps(ExportArgs),
    /// The year's development needs (AKPK): one row per employee and
    /// competency to raise, with its weight, its sources (gap, expired
    /// assessment, approved request) and the JP still missing.
    Needs(NeedsArgs),
    /// The catalog of development programs: one program per row with its
    /// organiser, form, JP, costs, batches, competencies and eligibility.
    Catalog(ExportArgs),
    /// The partners: one row per agreement (MoU/PKS) with its status on the
    /// day, and each partner's program counts; no contact persons.
    Partners(ExportArgs),
    /// The master data (Data Induk) as the workbook `kompeten import master`
    /// reads: sheets Kompetensi, Unit, Jabatan, Standar and Pegawai with
    /// every stored row (inactive employees too). XLSX only. Holds NIPs.
    Master(ExportArgs),
}

#[derive(clap::Args)]
pub struct ExportArgs {
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

#[derive(clap::Args)]
pub struct NeedsArgs {
    #[command(flatten)]
    common: ExportArgs,
    /// The year of the needs; default: the planning year (next year from
    /// October on).
    #[arg(long)]
    year: Option<i32>,
    /// Only this OPD (its unit code).
    #[arg(long)]
    opd: Option<String>,
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
        Command::Needs(args) => needs(args).await,
        Command::Catalog(args) => catalog(args).await,
        Command::Partners(args) => partners(args).await,
        Command::Master(args) => master(args).await,
    }
}

/// What every export opens before building its table: the format, the
/// store, the instansi and the day.
struct Buka {
    format: Format,
    store: std::sync::Arc<dyn Store>,
    instansi: Instansi,
    hari_ini: Date,
}

async fn buka(args: &ExportArgs) -> Result<Buka> {
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
    Ok(Buka {
        format,
        store,
        instansi,
        hari_ini,
    })
}

/// Writes the table beside the target and renames it, so a failure never
/// leaves half a file.
fn tulis(tabel: &Tabel, format: Format, out: &Path) -> Result<()> {
    let bytes = match format {
        Format::Xlsx => tulis_xlsx(tabel).context("cannot write the XLSX")?,
        Format::Csv => {
            let mut bytes = Vec::new();
            tulis_csv(tabel, &mut bytes).context("cannot write the CSV")?;
            bytes
        }
    };
    simpan(&bytes, out)
}

/// Writes beside the target and renames, so a failure never leaves half a file.
fn simpan(bytes: &[u8], out: &Path) -> Result<()> {
    let mut sementara = out.to_path_buf().into_os_string();
    sementara.push(".partial");
    let sementara = PathBuf::from(sementara);
    std::fs::write(&sementara, bytes)
        .with_context(|| format!("cannot write {}", sementara.display()))?;
    std::fs::rename(&sementara, out).with_context(|| {
        let _ = std::fs::remove_file(&sementara);
        format!("cannot write {}", out.display())
    })?;
    Ok(())
}

async fn gaps(args: ExportArgs) -> Result<()> {
    let b = buka(&args).await?;
    let mut tabel = kesenjangan_instansi(b.store.as_ref(), b.instansi.id, b.hari_ini)
        .await
        .context("cannot compute the gaps")?;
    tabel
        .catatan
        .insert(0, format!("Instansi: {}", b.instansi.nama));
    tabel.catatan.insert(
        1,
        format!("Tanggal: {}", kompeten_domain::format::tanggal(b.hari_ini)),
    );
    tulis(&tabel, b.format, &args.out)?;
    println!(
        "{} employees written to {}",
        tabel.baris.len(),
        args.out.display()
    );
    Ok(())
}

async fn needs(args: NeedsArgs) -> Result<()> {
    let b = buka(&args.common).await?;
    let i = b.instansi.id;
    let opd = match &args.opd {
        None => None,
        Some(kode) => {
            let units = b.store.units(i).await?;
            let unit = units
                .iter()
                .find(|u| u.kode == kode.trim())
                .with_context(|| format!("no unit with code {kode:?} in {}", b.instansi.kode))?;
            if unit.induk.is_some() {
                bail!(
                    "{kode:?} is not an OPD (it belongs to {}); give the code of an OPD",
                    units
                        .iter()
                        .find(|u| u.id == unit.opd())
                        .map_or("another unit", |u| u.kode.as_str())
                );
            }
            Some(unit.id)
        }
    };
    let tahun = args
        .year
        .unwrap_or_else(|| kompeten_domain::tahun_perencanaan(b.hari_ini));
    if !(2000..=2100).contains(&tahun) {
        bail!("--year {tahun} is outside 2000..=2100");
    }
    let k = kebutuhan_instansi(b.store.as_ref(), i, tahun, b.hari_ini, Lingkup::Instansi)
        .await
        .context("cannot compute the needs")?;
    let pegawai: Vec<_> = k
        .pegawai
        .iter()
        .filter(|p| opd.is_none_or(|o| p.opd == o))
        .collect();
    let tabel = tabel_kebutuhan(
        &b.instansi.nama,
        b.hari_ini,
        k.tahun,
        &k.pengaturan,
        pegawai.iter().copied(),
    );
    tulis(&tabel, b.format, &args.common.out)?;
    println!(
        "{} needs of {} employees ({}) written to {}",
        tabel.baris.len(),
        pegawai.iter().filter(|p| !p.kompetensi.is_empty()).count(),
        tahun,
        args.common.out.display()
    );
    Ok(())
}

async fn catalog(args: ExportArgs) -> Result<()> {
    let b = buka(&args).await?;
    let program = b
        .store
        .list_program(b.instansi.id, &ProgramQuery::default())
        .await?;
    let tabel = tabel_katalog(&b.instansi.nama, b.hari_ini, &program);
    tulis(&tabel, b.format, &args.out)?;
    println!(
        "{} programs written to {}",
        tabel.baris.len(),
        args.out.display()
    );
    Ok(())
}

async fn partners(args: ExportArgs) -> Result<()> {
    let b = buka(&args).await?;
    let i = b.instansi.id;
    let atur = PengaturanMitra::dari_json(b.store.pengaturan(i, PengaturanMitra::KUNCI).await?)?;
    let mitra = b.store.list_mitra(i).await?;
    let program = b.store.list_program(i, &ProgramQuery::default()).await?;
    let tabel = tabel_mitra(
        &b.instansi.nama,
        b.hari_ini,
        atur.ambang_segera_berakhir_hari,
        &mitra,
        &program,
    );
    tulis(&tabel, b.format, &args.out)?;
    println!(
        "{} partners ({} rows) written to {}",
        mitra.len(),
        tabel.baris.len(),
        args.out.display()
    );
    Ok(())
}

async fn master(args: ExportArgs) -> Result<()> {
    let b = buka(&args).await?;
    if matches!(b.format, Format::Csv) {
        bail!(
            "{}: the master data has five sheets; write it to a .xlsx file",
            args.out.display()
        );
    }
    let tabel = kompeten_io::data_induk::tabel_instansi(b.store.as_ref(), b.instansi.id)
        .await
        .context("cannot read the master data")?;
    let judul = format!("Data Induk {}", b.instansi.nama);
    let bytes =
        kompeten_io::tabel::tulis_xlsx_buku(&judul, &tabel).context("cannot write the XLSX")?;
    simpan(&bytes, &args.out)?;
    let jumlah: Vec<String> = tabel
        .iter()
        .map(|t| format!("{} {}", t.baris.len(), t.judul.to_lowercase()))
        .collect();
    println!("{} written to {}", jumlah.join(", "), args.out.display());
    Ok(())
}
