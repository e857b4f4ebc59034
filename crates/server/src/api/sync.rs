//! Push and pull: the one write path every tool uses (`casebook_core::sync`).

use axum::Json;
use axum::extract::State;
use casebook_core::sync::{HistoryResponse, MAX_PULL, PullResponse, PushRequest, PushResponse, RefusalCode};
use casebook_core::wire::ApiError;
use serde::Deserialize;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{ApiJson, ApiQuery, AppError, current_request_id};
use crate::store::PushFailure;

impl From<PushFailure> for AppError {
    fn from(failure: PushFailure) -> AppError {
        match failure {
            PushFailure::NotYourClient => AppError::PushRefused {
                code: RefusalCode::ClientOfAnotherPerson,
                message: "This device's edits belong to another person; they wait until that person signs in again."
                    .into(),
                mutation_id: None,
            },
            PushFailure::Refused { error, .. } => AppError::PushRefused {
                code: error.code(),
                message: error.to_string(),
                mutation_id: error.mutation_id(),
            },
            PushFailure::Store(e) => AppError::Internal(e),
        }
    }
}

#[utoipa::path(post, path = "/api/sync/push", tag = "sync", request_body = PushRequest, responses((status = 200, body = PushResponse), (status = 409, description = "A gap (code sync_gap): send the missing mutations first; or the app's schema is not the server's (code schema_version)", body = ApiError), (status = 400, description = "Malformed request", body = ApiError), (status = 401, description = "Sign-in required", body = ApiError), (status = 403, description = "An edit outside the author's role (code edit_not_allowed) or organisation (code out_of_scope), a client of another person (code client_of_another_person), or the x-casebook-request header is missing; `mutation_id` names the refused edit", body = ApiError), (status = 413, description = "Body too large", body = ApiError), (status = 415, description = "Not JSON", body = ApiError), (status = 422, description = "Invalid input (codes invalid_push, invalid_edit, no_such_object)", body = ApiError)))]
pub async fn push(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(request): ApiJson<PushRequest>,
) -> Result<Json<PushResponse>, AppError> {
    let now = u64::try_from(crate::auth::now_ms()).unwrap_or(0);
    let response = crate::sync::push(&state.store, &user, &request, now, &current_request_id()).await?;
    Ok(Json(response))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PullParams {
    pub client_id: String,
    /// The sequence number of the last change this client has seen (at most 2^63 − 1).
    #[serde(default)]
    pub cursor: u64,
    pub limit: Option<usize>,
}

/// The largest sequence number a cursor may name: the store keeps signed 64-bit numbers.
const MAX_SEQ: u64 = i64::MAX as u64;

fn check_client_and_cursor(client_id: &str, cursors: &[u64]) -> Result<(), AppError> {
    if !casebook_core::sync::valid_client_id(client_id) {
        return Err(AppError::Unprocessable(
            "client_id must be 8 to 128 letters, digits, '-' or '_'".into(),
        ));
    }
    if cursors.iter().any(|c| *c > MAX_SEQ) {
        return Err(AppError::Unprocessable(format!("a cursor is at most {MAX_SEQ}")));
    }
    Ok(())
}

#[utoipa::path(get, path = "/api/sync/pull", tag = "sync", params(PullParams), responses((status = 200, body = PullResponse), (status = 400, body = ApiError), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn pull(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiQuery(params): ApiQuery<PullParams>,
) -> Result<Json<PullResponse>, AppError> {
    check_client_and_cursor(&params.client_id, &[params.cursor])?;
    let limit = params.limit.unwrap_or(MAX_PULL).clamp(1, MAX_PULL);
    Ok(Json(
        state.store.pull(&user, &params.client_id, params.cursor, limit).await?,
    ))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HistoryParams {
    /// The root object, e.g. `sweep/abc123`.
    pub root: String,
    /// Changes after this sequence number.
    #[serde(default)]
    pub after: u64,
    /// Changes before this one: the change that shared the root with the reader.
    pub before: u64,
    pub limit: Option<usize>,
}

/// The changes of a root before it was shared with the reader's organisation, which the
/// reader's pull never carried; none when the organisation cannot read the root now.
#[utoipa::path(get, path = "/api/sync/history", tag = "sync", params(HistoryParams), responses((status = 200, body = HistoryResponse), (status = 400, body = ApiError), (status = 401, body = ApiError), (status = 422, body = ApiError)))]
pub async fn history(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiQuery(params): ApiQuery<HistoryParams>,
) -> Result<Json<HistoryResponse>, AppError> {
    check_client_and_cursor("history-request", &[params.after, params.before])?;
    if casebook_core::tool::root_of(&params.root) != Some(params.root.as_str()) {
        return Err(AppError::Unprocessable(format!("{} is not a root object", params.root)));
    }
    let limit = params.limit.unwrap_or(MAX_PULL).clamp(1, MAX_PULL);
    Ok(Json(
        state
            .store
            .history(&user, &params.root, params.after, params.before, limit)
            .await?,
    ))
}
