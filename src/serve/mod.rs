//! `briefs serve`: a read-only HTTP API over an index and a search page, on axum and tokio.
//!
//! The library is synchronous, so every request that touches the index runs on tokio's
//! blocking pool ([`tokio::task::spawn_blocking`]) behind a semaphore sized to the machine,
//! and the async threads only parse parameters and write responses. One [`Engine`] is shared
//! by all requests; its reader reloads on commit (`ReloadPolicy::OnCommitWithDelay`), so a
//! finished `briefs ingest` shows up without a restart, and a server started before the first
//! ingest opens the index on the first request after it exists.
//!
//! Routes (all `GET`; nothing here writes the index):
//!
//! | route | answer |
//! | --- | --- |
//! | `/api/search` | [`crate::search::SearchResponse`], the JSON of `briefs search --json` |
//! | `/api/briefs/{id}` | [`crate::search::ShownBrief`], the JSON of `briefs show --json` |
//! | `/api/briefs/{id}/related` | [`crate::search::RelatedResponse`], the JSON of `briefs related --json` |
//! | `/api/entities` | [`crate::search::EntitiesResponse`]: entities of the matching briefs |
//! | `/api/timeline` | [`crate::search::TimelineResponse`]: dated events of the matching briefs |
//! | `/api/stats` | [`crate::index::Stats`], the JSON of `briefs stats --json` |
//! | `/healthz` | `{"status": "ok", "index": true/false}` |
//! | `/`, `/brief/{id}`, `/entity/{name}`, `/timeline` | the search page ([`assets`]) |
//!
//! Errors are JSON, `{"error": {"status": N, "message": "..."}}` ([`ApiError`]).

mod api;
pub mod assets;
mod error;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::routing::get;
use axum::Router;
use tokio::sync::Semaphore;

use crate::search::Engine;

pub use error::ApiError;

/// The address `briefs serve` listens on unless `--addr` says otherwise: loopback only, so
/// an index is never exposed to the network by accident.
pub const DEFAULT_ADDR: &str = "127.0.0.1:7700";

/// Flags of `briefs serve`.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Index folder to serve (it may not exist yet: the API answers 503 until an ingest
    /// creates it, then serves it without a restart).
    #[arg(long, default_value = "index", value_name = "DIR")]
    pub index: PathBuf,
    /// Address to listen on. The default is loopback only; give another address (such as
    /// 0.0.0.0:7700) only to share the index on a network you trust: there is no login.
    #[arg(long, default_value = DEFAULT_ADDR, value_name = "ADDR")]
    pub addr: SocketAddr,
    /// Write the port actually bound to this file once listening (useful with port 0).
    #[arg(long, value_name = "FILE")]
    pub port_file: Option<PathBuf>,
    /// Time budget of one API request in milliseconds; a request over it answers 503.
    #[arg(long, default_value_t = 5000, value_name = "MS",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout_ms: u64,
}

/// Why the server could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The tokio runtime could not be created.
    #[error("cannot start the async runtime: {0}")]
    Runtime(#[source] std::io::Error),
    /// The address could not be bound (in use, not local, no permission).
    #[error("cannot listen on {addr}: {source} (is another server on that port? try --addr 127.0.0.1:PORT)")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// `--port-file` could not be written.
    #[error("cannot write the port file {path}: {source}")]
    PortFile {
        /// The file asked for.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The server stopped on an I/O error while accepting connections.
    #[error("server error: {0}")]
    Serve(#[source] std::io::Error),
}

/// What every handler shares: the index folder, the engine once opened, and the limits.
pub(crate) struct AppState {
    dir: PathBuf,
    engine: RwLock<Option<Arc<Engine>>>,
    /// Bounds concurrent index work to what the cores can run; waiting counts against the
    /// time budget.
    permits: Semaphore,
    /// Per-request time budget.
    budget: Duration,
}

impl AppState {
    /// State for serving the index in `dir` with a per-request `budget`.
    pub(crate) fn new(dir: &Path, budget: Duration) -> AppState {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        AppState {
            dir: dir.to_path_buf(),
            engine: RwLock::new(None),
            permits: Semaphore::new(cores * 2),
            budget,
        }
    }

    /// The shared engine, opening the index on first use (or the first use after an ingest
    /// created it). Blocking: call from the blocking pool.
    pub(crate) fn engine(&self) -> crate::Result<Arc<Engine>> {
        if let Some(e) = self.engine.read().ok().and_then(|g| g.clone()) {
            return Ok(e);
        }
        let mut slot = self
            .engine
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(e) = slot.clone() {
            return Ok(e);
        }
        let e = Arc::new(Engine::open(&self.dir)?);
        *slot = Some(e.clone());
        Ok(e)
    }

    /// Whether an engine is open or the index folder holds an index now.
    fn has_index(&self) -> bool {
        self.engine.read().is_ok_and(|g| g.is_some()) || self.dir.join("meta.json").exists()
    }
}

/// The router for the index in `dir`: API routes under a time budget, the page, and JSON
/// answers for unknown routes and methods. Public so tests and embedders can serve it on
/// a listener of their own.
pub fn router(dir: &Path, budget: Duration) -> Router {
    let state = Arc::new(AppState::new(dir, budget));
    let api = Router::new()
        .route("/api/search", get(api::search))
        .route("/api/briefs/{id}", get(api::brief))
        .route("/api/briefs/{id}/related", get(api::related))
        .route("/api/entities", get(api::entities))
        .route("/api/timeline", get(api::timeline))
        .route("/api/stats", get(api::stats))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            api::budget,
        ));
    Router::new()
        .merge(api)
        .route("/healthz", get(api::healthz))
        .route("/", get(assets::page))
        .route("/brief/{id}", get(assets::page))
        .route("/entity/{name}", get(assets::page))
        .route("/timeline", get(assets::page))
        .route("/assets/{file}", get(assets::asset))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .with_state(state)
}

/// Runs `briefs serve` until Ctrl-C or SIGTERM: binds, prints the address, serves.
pub fn run(args: ServeArgs) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServeError::Runtime)?;
    runtime.block_on(serve(args))
}

async fn serve(args: ServeArgs) -> Result<(), ServeError> {
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .map_err(|source| ServeError::Bind {
            addr: args.addr,
            source,
        })?;
    let local = listener.local_addr().map_err(|source| ServeError::Bind {
        addr: args.addr,
        source,
    })?;
    if let Some(path) = &args.port_file {
        // Written to a temporary name and renamed, so a reader never sees half a number.
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, format!("{}\n", local.port()))
            .and_then(|()| std::fs::rename(&tmp, path))
            .map_err(|source| ServeError::PortFile {
                path: path.clone(),
                source,
            })?;
    }
    if !args.index.join("meta.json").exists() {
        eprintln!(
            "note: no index at {} yet; the API answers 503 until `briefs ingest --index {}` creates it",
            args.index.display(),
            args.index.display()
        );
    }
    eprintln!(
        "serving {} on http://{local}/ (Ctrl-C to stop)",
        args.index.display()
    );
    let app = router(&args.index, Duration::from_millis(args.timeout_ms));
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(ServeError::Serve)
}

/// Resolves on Ctrl-C or SIGTERM, whichever comes first.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
