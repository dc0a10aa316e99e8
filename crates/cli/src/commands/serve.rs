use super::DatabaseArg;
use anyhow::{Context, Result};
use kompeten_store::Store;
use kompeten_store::sqlite::OpenMode;
use kompeten_web::{AppState, WebConfig};
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DatabaseArg,
    #[command(flatten)]
    http: HttpArgs,
}

/// Where and how to listen.
#[derive(clap::Args, Debug, Clone)]
pub struct HttpArgs {
    /// Address and port to listen on.
    #[arg(long, env = "KOMPETEN_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// Mark the session cookie Secure: set this when users reach Kompeten over HTTPS
    /// (behind a TLS-terminating reverse proxy).
    #[arg(long, env = "KOMPETEN_COOKIE_SECURE")]
    pub cookie_secure: bool,
}

pub async fn run(args: Args) -> Result<()> {
    let store = args.db.database_url.open(OpenMode::MustExist).await?;
    let listener = bind(args.http.bind).await?;
    println!(
        "Kompeten serving {} at http://{}",
        args.db.database_url,
        listener.local_addr()?
    );
    serve(store, listener, &args.http).await
}

/// Binds first so that a port in use is reported before anything is printed.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener> {
    TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr} (choose another with --bind)"))
}

pub async fn serve(store: Arc<dyn Store>, listener: TcpListener, http: &HttpArgs) -> Result<()> {
    let config = WebConfig {
        cookie_secure: http.cookie_secure,
        ..WebConfig::default()
    };
    let app = kompeten_web::router(AppState::new(store, config));
    tracing::info!(addr = %listener.local_addr()?, "listening");
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("the HTTP server stopped")
}

async fn shutdown_signal() {
    if tokio::signal::ctrl_c().await.is_err() {
        // Without a signal handler, run until killed.
        std::future::pending::<()>().await;
    }
    tracing::info!("shutting down");
}
