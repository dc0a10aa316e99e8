//! `kompeten plan`: the training-plan optimiser on a problem file
//! (`kompeten.plan-problem/v1`, docs/PLANNING.md), and the stored plan
//! versions of an instansi (`list`, `create`, `export`), made and exported
//! by the same `kompeten_io` code as the web's.

use anyhow::{Context, Result, bail};
use kompeten_engine::rencana::{
    Answer, Options, Scale, generate, parse_problem, solve_until, write_mps,
};
use kompeten_io::laporan_rencana::{
    KopUnduhan, masalah_dari, selisih_persen, tabel_rencana, tulis_buku_rencana,
};
use kompeten_io::rencana::PermintaanRencana;
use kompeten_io::tabel::tulis_csv;
use kompeten_store::sqlite::OpenMode;
use kompeten_store::{Lingkup, RencanaId, StoreError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Solve a plan problem: writes the answer JSON (to --out or standard
    /// output) and prints a one-line summary: value, bound, gap, cost.
    Solve(SolveArgs),
    /// Write the problem as a mixed-integer program in free MPS (for HiGHS
    /// or any MIP solver; the objective is the negated value).
    ExportMps(ExportMpsArgs),
    /// Write a random problem at a benchmark scale (the same seed gives
    /// the same problem).
    Generate(GenerateArgs),
    /// Write the problem of an instansi from its records: every active
    /// employee (by NIP) with the year's needs (gaps, expired assessments,
    /// approved requests, weighted by the instansi's priority settings) and
    /// the active catalog.
    ExportProblem(ExportProblemArgs),
    /// List the stored plan versions: id, year, version, name, status,
    /// budget, cost, value, bound, gap % and assignments, tab-separated.
    List(ListArgs),
    /// Make a new draft plan version from the instansi's records: the
    /// year's needs and active catalog, solved within the budget, with its
    /// scenario curve (as "Buat rencana" in the web).
    Create(CreateArgs),
    /// Write a stored version: FILE.xlsx (the workbook with the per-OPD,
    /// per-program and per-employee sheets), FILE.csv (per employee),
    /// FILE.mps (its problem as a MIP) or FILE.json (its problem).
    Export(ExportArgs),
}

#[derive(clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    db: super::DatabaseArg,
    /// Instansi code; may be omitted when there is only one.
    #[arg(long)]
    instansi: Option<String>,
    /// Only this year's versions.
    #[arg(long, value_parser = parse_year)]
    year: Option<i32>,
}

#[derive(clap::Args)]
pub struct CreateArgs {
    #[command(flatten)]
    db: super::DatabaseArg,
    /// Instansi code; may be omitted when there is only one.
    #[arg(long)]
    instansi: Option<String>,
    /// The plan's year (default: the planning year of --date, the next
    /// year from October on).
    #[arg(long, value_parser = parse_year)]
    year: Option<i32>,
    /// The training budget in whole rupiah, e.g. 750000000 (default: the
    /// instansi's setting).
    #[arg(long, value_parser = parse_rupiah)]
    budget: Option<i64>,
    /// The version's name, e.g. "Rencana 2027".
    #[arg(long, value_parser = parse_name)]
    name: String,
    /// Judge gaps on this day (YYYY-MM-DD) instead of today in WIB.
    #[arg(long, value_parser = super::export::parse_date)]
    date: Option<time::Date>,
    /// Stop each solve once the certified gap is at most this many percent
    /// (default: work to the end, as the web does).
    #[arg(long, value_parser = parse_percent)]
    target_gap: Option<f64>,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    db: super::DatabaseArg,
    /// Instansi code; may be omitted when there is only one.
    #[arg(long)]
    instansi: Option<String>,
    /// The version's id (see `kompeten plan list`).
    #[arg(long)]
    id: i64,
    /// The file to write: FILE.xlsx, FILE.csv, FILE.mps or FILE.json.
    #[arg(long)]
    out: PathBuf,
    /// Date the export on this day (YYYY-MM-DD) instead of today in WIB.
    #[arg(long, value_parser = super::export::parse_date)]
    date: Option<time::Date>,
    /// Replace the file if it exists.
    #[arg(long)]
    force: bool,
}

fn parse_year(s: &str) -> Result<i32, String> {
    match s.trim().parse::<i32>() {
        Ok(t) if (2000..=2100).contains(&t) => Ok(t),
        _ => Err(format!("{s:?} is not a year between 2000 and 2100")),
    }
}

/// The longest name the web accepts too.
const MAX_NAME: usize = 200;

fn parse_name(s: &str) -> Result<String, String> {
    let t = s.trim();
    if t.is_empty() {
        Err("the name is empty".to_owned())
    } else if t.chars().count() > MAX_NAME {
        Err(format!("the name is longer than {MAX_NAME} characters"))
    } else if t.chars().any(char::is_control) {
        Err("the name contains control characters".to_owned())
    } else {
        Ok(t.to_owned())
    }
}

#[derive(clap::Args)]
pub struct ExportProblemArgs {
    #[command(flatten)]
    db: super::DatabaseArg,
    /// Instansi code; may be omitted when there is only one.
    #[arg(long)]
    instansi: Option<String>,
    /// The training budget in whole rupiah, e.g. 750000000 (default: the
    /// instansi's setting).
    #[arg(long, value_parser = parse_rupiah)]
    budget: Option<i64>,
    /// JP each employee should reach in the year (default: the setting).
    #[arg(long)]
    jp_target: Option<i64>,
    /// Objective value of one JP toward the target (default: the setting).
    #[arg(long)]
    jp_value: Option<f64>,
    /// The most new JP one employee may take in the year (default: the setting).
    #[arg(long)]
    jp_cap: Option<i64>,
    /// The year of the needs (default: the year of --date).
    #[arg(long)]
    year: Option<i32>,
    /// Judge gaps on this day (YYYY-MM-DD) instead of today in WIB.
    #[arg(long, value_parser = super::export::parse_date)]
    date: Option<time::Date>,
    /// The problem file to write (replaced if it exists).
    #[arg(long)]
    out: PathBuf,
}

fn parse_rupiah(s: &str) -> Result<i64, String> {
    let digits: String = s
        .chars()
        .filter(|c| !matches!(c, '.' | '_' | ' '))
        .collect();
    digits
        .parse::<i64>()
        .ok()
        .filter(|v| (0..=kompeten_engine::rencana::MAX_RUPIAH).contains(v))
        .ok_or_else(|| format!("{s:?} is not a budget in whole rupiah like 750000000"))
}

#[derive(clap::Args)]
pub struct ExportMpsArgs {
    /// The problem file (JSON, format kompeten.plan-problem/v1).
    #[arg(long)]
    problem: PathBuf,
    /// The MPS file to write (replaced if it exists).
    #[arg(long)]
    out: PathBuf,
}

#[derive(clap::Args)]
pub struct GenerateArgs {
    /// city (2,400 employees × 80 programs), province (20,000 × 200) or
    /// national (200,000 × 800).
    #[arg(long, value_parser = ["city", "province", "national"])]
    scale: String,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The problem file to write (replaced if it exists).
    #[arg(long)]
    out: PathBuf,
}

#[derive(clap::Args)]
pub struct SolveArgs {
    /// The problem file (JSON, format kompeten.plan-problem/v1).
    #[arg(long)]
    problem: PathBuf,
    /// Write the answer here instead of standard output (replaced if it exists).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Stop searching after this many seconds and keep the best plan so far
    /// (still feasible, with a valid bound). Without it the work is fixed
    /// and the answer is the same on every run.
    #[arg(long, value_parser = parse_seconds)]
    time_limit: Option<Duration>,
    /// Stop once the certified gap, (bound − value) ÷ bound, is at most
    /// this many percent (e.g. 1); the answer stays the same on every run.
    #[arg(long, value_parser = parse_percent)]
    target_gap: Option<f64>,
}

fn parse_percent(s: &str) -> Result<f64, String> {
    match s.trim().trim_end_matches('%').parse::<f64>() {
        Ok(v) if v.is_finite() && (0.0..=100.0).contains(&v) => Ok(v),
        _ => Err(format!(
            "{s:?} is not a percentage between 0 and 100 like 1 or 0.5"
        )),
    }
}

fn parse_seconds(s: &str) -> Result<Duration, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 && v <= 1e6 => Ok(Duration::from_secs_f64(v)),
        _ => Err(format!("{s:?} is not a number of seconds like 30 or 2.5")),
    }
}

pub async fn run(cmd: Command) -> Result<()> {
    match cmd {
        Command::Solve(args) => solve(args),
        Command::ExportMps(args) => export_mps(args),
        Command::Generate(args) => generate_problem(args),
        Command::ExportProblem(args) => export_problem(args).await,
        Command::List(args) => list(args).await,
        Command::Create(args) => create(args).await,
        Command::Export(args) => export(args).await,
    }
}

fn today_wib() -> time::Date {
    time::OffsetDateTime::now_utc()
        .to_offset(kompeten_web::WIB)
        .date()
}

async fn list(args: ListArgs) -> Result<()> {
    let store = args.db.database_url.open(OpenMode::MustExist).await?;
    let instansi = super::pick_instansi(store.as_ref(), args.instansi.as_deref()).await?;
    let all = store.list_rencana(instansi.id, args.year).await?;
    println!("id\tyear\tversion\tname\tstatus\tbudget\tcost\tvalue\tbound\tgap %\tassignments");
    for r in &all {
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.1}\t{:.1}\t{:.2}\t{}",
            r.id,
            r.tahun,
            r.versi,
            // A tab or newline in a name would break the columns.
            r.nama.replace(char::is_control, " "),
            r.status.code(),
            r.anggaran,
            r.hasil.biaya,
            r.hasil.nilai,
            r.hasil.batas,
            selisih_persen(&r.hasil),
            r.jumlah_penugasan
        );
    }
    Ok(())
}

async fn create(args: CreateArgs) -> Result<()> {
    let store = args.db.database_url.open(OpenMode::MustExist).await?;
    let instansi = super::pick_instansi(store.as_ref(), args.instansi.as_deref()).await?;
    let hari_ini = args.date.unwrap_or_else(today_wib);
    let anggaran = match args.budget {
        Some(b) => b,
        None => kompeten_io::rencana::anggaran_bawaan(store.as_ref(), instansi.id).await?,
    };
    let permintaan = PermintaanRencana {
        tahun: args
            .year
            .unwrap_or_else(|| kompeten_domain::tahun_perencanaan(hari_ini)),
        nama: args.name,
        anggaran,
        hari_ini,
    };
    let id = kompeten_io::rencana::buat_rencana(
        store.as_ref(),
        instansi.id,
        &super::cli_actor(),
        &permintaan,
        &Options {
            target_gap_pct: args.target_gap.unwrap_or(0.0),
            ..Options::default()
        },
    )
    .await
    .context("cannot make the plan")?;
    let r = store.rencana(instansi.id, id).await?;
    println!(
        "plan {id}: {} version {} \"{}\" ({}), {} assignments, cost {} of budget {}, value {:.1}, bound {:.1}, gap {:.2}%",
        r.tahun,
        r.versi,
        r.nama,
        r.status.code(),
        r.jumlah_penugasan,
        r.hasil.biaya,
        r.anggaran,
        r.hasil.nilai,
        r.hasil.batas,
        selisih_persen(&r.hasil)
    );
    Ok(())
}

#[derive(Clone, Copy)]
enum ExportFormat {
    Xlsx,
    Csv,
    Mps,
    Json,
}

fn export_format(out: &Path) -> Result<ExportFormat> {
    match out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("xlsx") => Ok(ExportFormat::Xlsx),
        Some("csv") => Ok(ExportFormat::Csv),
        Some("mps") => Ok(ExportFormat::Mps),
        Some("json") => Ok(ExportFormat::Json),
        _ => bail!(
            "{} must end in .xlsx, .csv, .mps or .json (the extension picks the format)",
            out.display()
        ),
    }
}

async fn export(args: ExportArgs) -> Result<()> {
    let format = export_format(&args.out)?;
    if args.out.exists() && !args.force {
        bail!(
            "{} already exists; choose another file or pass --force",
            args.out.display()
        );
    }
    let store = args.db.database_url.open(OpenMode::MustExist).await?;
    let instansi = super::pick_instansi(store.as_ref(), args.instansi.as_deref()).await?;
    let r = match store.rencana(instansi.id, RencanaId(args.id)).await {
        Ok(r) => r,
        Err(StoreError::NotFound(_)) => bail!(
            "no plan with id {} in instansi {:?} (see `kompeten plan list`)",
            args.id,
            instansi.kode
        ),
        Err(e) => return Err(e.into()),
    };
    let (bytes, what) = match format {
        ExportFormat::Xlsx | ExportFormat::Csv => {
            let kop = KopUnduhan {
                instansi: instansi.nama.clone(),
                cakupan: "seluruh instansi".to_owned(),
                tanggal: args.date.unwrap_or_else(today_wib),
            };
            let tabel = tabel_rencana(store.as_ref(), instansi.id, r, Lingkup::Instansi, &kop)
                .await
                .context("cannot export the plan")?;
            let what = format!(
                "{} OPDs, {} programs and {} assignments",
                tabel.opd.baris.len(),
                tabel.program.baris.len(),
                tabel.pegawai.baris.len()
            );
            let bytes = if matches!(format, ExportFormat::Xlsx) {
                tulis_buku_rencana(tabel).context("cannot write the XLSX")?
            } else {
                let mut out = Vec::new();
                tulis_csv(&tabel.pegawai, &mut out).context("cannot write the CSV")?;
                out
            };
            (bytes, what)
        }
        ExportFormat::Mps | ExportFormat::Json => {
            let masalah = store.dokumen_rencana(instansi.id, r.id).await?.masalah;
            let problem = masalah_dari(&masalah).context("cannot export the plan")?;
            let model = problem
                .validate()
                .context("cannot export the plan: the stored problem is not usable")?;
            let what = format!(
                "the problem of {} employees and {} programs",
                model.employees.len(),
                model.programs.len()
            );
            let text = if matches!(format, ExportFormat::Mps) {
                write_mps(&model)
            } else {
                let mut t = problem.to_json();
                t.push('\n');
                t
            };
            (text.into_bytes(), what)
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
    println!("{}: {what}", args.out.display());
    Ok(())
}

async fn export_problem(args: ExportProblemArgs) -> Result<()> {
    let store = args.db.database_url.open(OpenMode::MustExist).await?;
    let instansi = super::pick_instansi(store.as_ref(), args.instansi.as_deref()).await?;
    let hari_ini = args.date.unwrap_or_else(|| {
        time::OffsetDateTime::now_utc()
            .to_offset(kompeten_web::WIB)
            .date()
    });
    let mut atur = kompeten_io::kebutuhan::PengaturanKebutuhan::dari_json(
        store
            .pengaturan(
                instansi.id,
                kompeten_io::kebutuhan::PengaturanKebutuhan::KUNCI,
            )
            .await?,
    )
    .context("cannot read the needs settings")?;
    atur.jp_target = args.jp_target.unwrap_or(atur.jp_target);
    atur.jp_value = args.jp_value.unwrap_or(atur.jp_value);
    atur.jp_cap = args.jp_cap.unwrap_or(atur.jp_cap);
    let budget = args.budget.unwrap_or(atur.anggaran);
    let tahun = args.year.unwrap_or(hari_ini.year());
    let problem = kompeten_io::rencana::masalah_dengan(
        store.as_ref(),
        instansi.id,
        tahun,
        hari_ini,
        budget,
        &atur,
    )
    .await
    .context("cannot build the problem")?
    .problem;
    // The file must be one the solver accepts.
    let model = problem
        .validate()
        .context("the records give a problem the optimiser refuses")?;
    write_whole(&args.out, &problem.to_json())?;
    println!(
        "{}: {} employees ({} with gaps), {} programs, {} eligible pairs",
        args.out.display(),
        problem.employees.len(),
        problem
            .employees
            .iter()
            .filter(|e| !e.gaps.is_empty())
            .count(),
        problem.programs.len(),
        model.pair_count()
    );
    Ok(())
}

fn read_model(path: &Path) -> Result<kompeten_engine::rencana::Model> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse_problem(&text).with_context(|| path.display().to_string())
}

fn export_mps(args: ExportMpsArgs) -> Result<()> {
    let model = read_model(&args.problem)?;
    write_whole(&args.out, write_mps(&model).trim_end())?;
    println!(
        "{}: {} binary choices, {} programs",
        args.out.display(),
        model.pair_count(),
        model.programs.len()
    );
    Ok(())
}

fn generate_problem(args: GenerateArgs) -> Result<()> {
    let scale = match args.scale.as_str() {
        "city" => Scale::CITY,
        "province" => Scale::PROVINCE,
        _ => Scale::NATIONAL,
    };
    let problem = generate(scale, args.seed);
    write_whole(&args.out, &problem.to_json())?;
    println!(
        "{}: {} employees, {} programs",
        args.out.display(),
        problem.employees.len(),
        problem.programs.len()
    );
    Ok(())
}

fn solve(args: SolveArgs) -> Result<()> {
    let model = read_model(&args.problem)?;
    let started = Instant::now();
    let mut stop = || {
        args.time_limit
            .is_some_and(|limit| started.elapsed() >= limit)
    };
    let options = Options {
        target_gap_pct: args.target_gap.unwrap_or(0.0),
        ..Options::default()
    };
    let solution = solve_until(&model, &options, &mut stop);
    let answer = Answer::new(&model, &solution);
    let json = answer.to_json();
    if json.is_empty() {
        bail!("the answer could not be written as JSON");
    }
    match &args.out {
        Some(out) => {
            write_whole(out, &json)?;
            println!("{}", answer.summary());
        }
        None => {
            println!("{json}");
            eprintln!("{}", answer.summary());
        }
    }
    Ok(())
}

/// Writes a temporary file beside `path`, then renames it: never half a file.
fn write_whole(path: &Path, text: &str) -> Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, format!("{text}\n"))
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot write {}", path.display())
    })
}
