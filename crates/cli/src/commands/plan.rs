//! `kompeten plan`: the training-plan optimiser on a problem file
//! (`kompeten.plan-problem/v1`, docs/PLANNING.md).

use anyhow::{Context, Result, bail};
use kompeten_engine::rencana::{
    Answer, Options, Scale, generate, parse_problem, solve_until, write_mps,
};
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
        .filter(|v| *v >= 0)
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
    }
}

async fn export_problem(args: ExportProblemArgs) -> Result<()> {
    let store = args
        .db
        .database_url
        .open(kompeten_store::sqlite::OpenMode::MustExist)
        .await?;
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
