//! `kompeten`: the one binary. It parses the command line, picks the
//! database backend from the URL, and hands over to the library crates.

mod commands;
mod database;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "kompeten",
    version,
    about = "ASN competency management (Kompeten)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the Sawahlunto demo (if its file is absent) and serve it.
    Demo(commands::demo::Args),
    /// Serve an existing database over HTTP.
    Serve(commands::serve::Args),
    /// Bring a database to the latest schema.
    Migrate(commands::migrate::Args),
    /// Manage instansi (tenants).
    #[command(subcommand)]
    Instansi(commands::instansi::Command),
    /// Manage user accounts.
    #[command(subcommand)]
    User(commands::user::Command),
    /// Copy a SQLite database to a new file while it is in use.
    Backup(commands::backup::Args),
    /// Write analytics tables to CSV or XLSX files.
    #[command(subcommand)]
    Export(commands::export::Command),
    /// Record data from CSV or XLSX files, all or nothing.
    #[command(subcommand)]
    Import(commands::import::Command),
    /// Optimise a training plan from a problem file (docs/PLANNING.md).
    #[command(subcommand)]
    Plan(commands::plan::Command),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("error: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Demo(args) => commands::demo::run(args).await,
            Command::Serve(args) => commands::serve::run(args).await,
            Command::Migrate(args) => commands::migrate::run(args).await,
            Command::Instansi(cmd) => commands::instansi::run(cmd).await,
            Command::User(cmd) => commands::user::run(cmd).await,
            Command::Backup(args) => commands::backup::run(args).await,
            Command::Export(cmd) => commands::export::run(cmd).await,
            Command::Import(cmd) => commands::import::run(cmd).await,
            Command::Plan(cmd) => commands::plan::run(cmd).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // One line: the context chain, outermost first.
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("KOMPETEN_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}
