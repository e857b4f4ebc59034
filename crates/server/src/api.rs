//! The REST API under `/api`. Handlers are thin: they read the shared state and answer with
//! core's wire types. Who may call what is decided in `auth::ACCESS`, not here.

pub(crate) mod admin;
pub(crate) mod documents;
pub(crate) mod session;
pub(crate) mod sweeps;
pub(crate) mod sync;
pub(crate) mod templates;

pub use session::{FAILURE_WINDOW_MS, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_EMAIL};

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post};
use casebook_core::SCHEMA_VERSION;
use casebook_core::policy::Policy;
use casebook_core::wire::{ApiError, DatabaseHealth, DiskHealth, Health, LibrarySnapshot, PolicySummary};

use crate::AppState;
use crate::error::AppError;

pub fn router(state: AppState) -> axum::Router<AppState> {
    axum::Router::new()
        .route("/health", get(health))
        .route("/openapi.json", get(crate::openapi::document))
        .route(
            "/session",
            post(session::sign_in).get(session::me).delete(session::sign_out),
        )
        .route("/session/password", post(session::change_password))
        .route("/session/language", axum::routing::put(session::choose_language))
        .route("/sync/push", post(sync::push))
        .route("/sync/pull", get(sync::pull))
        .route("/sync/history", get(sync::history))
        .route("/orgs", get(admin::list_orgs))
        .route("/library/import", post(admin::import_library))
        .route("/library/import/preview", post(admin::preview_library))
        .route("/templates/parse", post(templates::parse_templates))
        .route("/sweeps/{id}/people", get(sweeps::assignable_people))
        .route("/documents/parse", post(documents::parse_document))
        .route("/audit", get(admin::read_audit))
        .route("/users", get(admin::list_users).post(admin::create_user))
        .route("/users/{id}", patch(admin::change_user))
        .route("/policies", get(list_policies))
        .route("/policies/{slug}", get(get_policy))
        .route("/library", get(get_library))
        .route("/search-index", get(get_search_index))
        .route_layer(axum::middleware::from_fn_with_state(state, crate::auth::authorize))
        .method_not_allowed_fallback(|| async { AppError::MethodNotAllowed })
        .fallback(|| async { AppError::NotFound("This API address".into()) })
}

/// Whether the database answers, every table it needs can be read, and there is disk space to
/// write. A damaged database answers 503; low disk space is `degraded` but still 200, since
/// the server still serves.
#[utoipa::path(get, path = "/api/health", tag = "system", responses((status = 200, description = "Serving; `status` is `degraded` when disk space is low", body = Health), (status = 503, description = "The database is unreachable or a table cannot be read", body = Health)))]
pub(crate) async fn health(State(state): State<AppState>) -> Response {
    let reachable = state.store.ping().await;
    let unreadable_tables: Vec<String> = if reachable {
        state
            .store
            .unreadable_tables()
            .await
            .into_iter()
            .map(String::from)
            .collect()
    } else {
        Vec::new()
    };
    let database_ok = reachable && unreadable_tables.is_empty();
    let disk = state.store.free_disk_bytes().map(|free_bytes| DiskHealth {
        free_bytes,
        ok: free_bytes >= state.min_free_disk_bytes,
    });
    let ok = database_ok && disk.as_ref().is_none_or(|d| d.ok);
    let body = Health {
        status: if ok { "ok" } else { "degraded" }.into(),
        version: env!("CARGO_PKG_VERSION").into(),
        database: DatabaseHealth {
            kind: state.store.kind().name().into(),
            ok: database_ok,
            unreadable_tables,
        },
        schema_version: SCHEMA_VERSION,
        disk,
    };
    let status = if database_ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, [(header::CACHE_CONTROL, "no-store")], Json(body)).into_response()
}

#[utoipa::path(get, path = "/api/policies", tag = "library", responses((status = 200, body = Vec<PolicySummary>)))]
pub(crate) async fn list_policies(State(state): State<AppState>) -> Json<Vec<PolicySummary>> {
    Json(state.library.current().summaries.clone())
}

#[utoipa::path(get, path = "/api/policies/{slug}", tag = "library", params(("slug" = String, Path, description = "The policy's slug")), responses((status = 200, body = Policy), (status = 404, body = ApiError)))]
pub(crate) async fn get_policy(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<Policy>, AppError> {
    let library = state.library.current();
    library
        .library
        .policy(&slug)
        .cloned()
        .map(Json)
        .ok_or_else(|| AppError::NotFound(format!("The policy {slug:?}")))
}

/// The whole library for offline use, with an entity tag so an unchanged library costs a 304.
#[utoipa::path(get, path = "/api/library", tag = "library", responses((status = 200, body = LibrarySnapshot), (status = 304, description = "Unchanged since the If-None-Match revision")))]
pub(crate) async fn get_library(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let library = state.library.current();
    revalidated(
        &headers,
        &library.revision,
        "application/json",
        library.snapshot_json.clone(),
    )
}

/// The search index as bytes for the browser's engine (`casebook_core::search`).
#[utoipa::path(get, path = "/api/search-index", tag = "library", responses((status = 200, description = "The search index bytes (casebook_core::search)", content_type = "application/octet-stream"), (status = 304, description = "Unchanged")))]
pub(crate) async fn get_search_index(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let library = state.library.current();
    let tag = format!("{}-f{}", library.revision, casebook_core::search::index::INDEX_FORMAT);
    revalidated(&headers, &tag, "application/octet-stream", library.index_bytes.clone())
}

/// Answers 304 when the client already holds `revision`, else the body with its entity tag.
fn revalidated(headers: &HeaderMap, revision: &str, content_type: &'static str, body: Vec<u8>) -> Response {
    let etag = format!("\"{revision}\"");
    let etag_value = HeaderValue::from_str(&etag).expect("a hex revision is a valid header value");
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|tag| tag.trim() == etag));
    if matches {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag_value)]).into_response();
    }
    (
        [
            (header::ETAG, etag_value),
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}
