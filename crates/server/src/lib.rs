//! Casebook's REST backend. `app()` builds the whole HTTP service from its state, so tests
//! drive it directly or over a real socket; `main.rs` only reads configuration and binds.
//!
//! Only this crate speaks HTTP and SQL.

pub mod api;
pub mod assets;
pub mod auth;
pub mod config;
pub mod demo;
pub mod error;
pub mod input;
pub mod library;
pub mod net;
pub mod openapi;
pub mod passwords;
pub mod refusals;
pub mod security;
pub mod store;
pub mod sync;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::handler::HandlerWithoutStateExt;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::assets::AppShell;
use crate::error::AppError;
use crate::library::{LibraryState, SharedLibrary};
use crate::passwords::PasswordWork;
use crate::refusals::RefusalTally;
use crate::store::Store;

/// Largest request body the server reads.
pub const BODY_LIMIT_BYTES: usize = 2 * 1024 * 1024;
/// Free disk space below which the health check reports `degraded`.
pub const MIN_FREE_DISK_BYTES: u64 = 100 * 1000 * 1000;
/// Longest a request may take before the server answers 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Everything a handler may use.
#[derive(Debug, Clone)]
pub struct AppState {
    pub store: Store,
    pub library: SharedLibrary,
    /// The built app; `None` when the server runs without one (API only).
    pub shell: Option<Arc<AppShell>>,
    /// How many trusted proxies append to `X-Forwarded-For` (0: the header is ignored);
    /// see `net::client_address`.
    pub proxy_hops: usize,
    /// Where argon2 runs, and how many may wait for it.
    pub passwords: PasswordWork,
    /// Anonymous refusals, audited in aggregate (see `refusals`).
    pub refusals: Arc<RefusalTally>,
    /// Free disk space below which health is `degraded` ([`MIN_FREE_DISK_BYTES`]).
    pub min_free_disk_bytes: u64,
}

impl AppState {
    /// Opens the state over a store, reading the library into memory.
    pub async fn new(store: Store, shell: Option<AppShell>) -> anyhow::Result<AppState> {
        let library = SharedLibrary::new(LibraryState::new(store.load_library().await?)?);
        Ok(AppState {
            store,
            library,
            shell: shell.map(Arc::new),
            proxy_hops: 0,
            passwords: PasswordWork::for_this_machine(),
            refusals: Arc::new(RefusalTally::new(refusals::WINDOW)),
            min_free_disk_bytes: MIN_FREE_DISK_BYTES,
        })
    }

    /// Audits the refusal of an anonymous request from `address`, in aggregate: the first of
    /// its kind in a window is written, repeats are counted (see `refusals`).
    pub async fn record_anonymous_refusal(&self, address: &str, entry: store::NewAuditEntry<'_>) {
        let rows = self.refusals.note(address, &entry, &now_rfc3339());
        self.write_rows(&rows).await;
    }

    /// Writes the summaries of anonymous refusals whose window has passed (all of them when
    /// `everything`, as at shutdown).
    pub async fn flush_refusals(&self, everything: bool) {
        let rows = self.refusals.flush(everything);
        self.write_rows(&rows).await;
    }

    async fn write_rows(&self, rows: &[refusals::Row]) {
        for row in rows {
            self.record(row.entry()).await;
        }
    }

    /// Writes an audit entry. A failure to write is logged, never shown to the person: the
    /// action it describes has already happened.
    pub async fn record(&self, entry: store::NewAuditEntry<'_>) {
        self.store.record(entry).await;
    }

    /// Re-reads the library after the store changed.
    pub async fn reload_library(&self) -> anyhow::Result<()> {
        self.library
            .replace(LibraryState::new(self.store.load_library().await?)?);
        Ok(())
    }
}

/// The whole HTTP service: the API under `/api`, the app everywhere else.
pub fn app(state: AppState) -> Router {
    let shell = state.shell.clone();
    let router = Router::new().nest("/api", api::router(state.clone()));
    let router = match state.shell.clone() {
        Some(shell) => {
            let fallback_shell = shell.clone();
            let spa = (move |uri: Uri| async move { fallback_shell.fallback(&uri) }).into_service();
            // The build writes brotli and gzip copies of the app's files (`NAME.br`, `NAME.gz`),
            // sent as they are to a browser that accepts them; the compression layer (for the API
            // and the other files) leaves a response with a `Content-Encoding` alone.
            let files = ServeDir::new(&shell.dist)
                .append_index_html_on_directories(false)
                .precompressed_br()
                .precompressed_gzip()
                .fallback(spa);
            router.fallback_service(
                ServiceBuilder::new()
                    .layer(SetResponseHeaderLayer::if_not_present(
                        header::VARY,
                        HeaderValue::from_static("accept-encoding"),
                    ))
                    .service(files),
            )
        }
        None => router.fallback(|| async { AppError::NotFound("The app (it is not built on this server)".into()) }),
    };
    router.with_state(state).layer(
        ServiceBuilder::new()
            .layer(axum::middleware::from_fn(security::request_id))
            .layer(TraceLayer::new_for_http())
            .layer(axum::middleware::from_fn_with_state(shell, security::security_headers))
            .layer(TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                REQUEST_TIMEOUT,
            ))
            .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
            .layer(CompressionLayer::new()),
    )
}

/// The current time as RFC 3339, for stored timestamps.
pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".into())
}
