//! Push and pull: the one write path every tool uses (`casebook_core::sync`).

use axum::Json;
use axum::extract::State;
use casebook_core::sync::{MAX_PULL, PullResponse, PushRequest, PushResponse};
use casebook_core::wire::ApiError;
use serde::Deserialize;

use super::session::audit;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{ApiJson, ApiQuery, AppError};
use crate::store::PushFailure;

impl From<PushFailure> for AppError {
    fn from(failure: PushFailure) -> AppError {
        match failure {
            PushFailure::NotYourClient => AppError::Forbidden,
            PushFailure::Refused(e @ casebook_core::sync::PushError::Gap { .. }) => AppError::Conflict(e.to_string()),
            PushFailure::Refused(e) => AppError::Unprocessable(e.to_string()),
            PushFailure::Store(e) => AppError::Internal(e),
        }
    }
}

/// How many edited fields one audit entry names; the rest are counted.
const AUDITED_FIELDS: usize = 10;

#[utoipa::path(post, path = "/api/sync/push", tag = "sync", request_body = PushRequest, responses((status = 200, body = PushResponse), (status = 409, description = "A gap: send the missing mutations first", body = ApiError), (status = 400, description = "Malformed request", body = ApiError), (status = 401, description = "Sign-in required", body = ApiError), (status = 403, description = "Not allowed, an edit outside the role (code edit_not_allowed), or the x-casebook-request header is missing", body = ApiError), (status = 415, description = "Not JSON", body = ApiError), (status = 422, description = "Invalid input", body = ApiError)))]
pub async fn push(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(request): ApiJson<PushRequest>,
) -> Result<Json<PushResponse>, AppError> {
    let client_time = request.mutations.last().map(|m| m.clock.wall_ms.to_string());
    // What each role may write is decided in core, once, for the server and the app alike.
    if let Some((mutation, reason)) = request.mutations.iter().find_map(|m| {
        casebook_core::sweep::check(user.role, &m.op)
            .err()
            .map(|reason| (m, reason))
    }) {
        let message = format!("mutation {}: {reason}", mutation.id);
        audit(&state, Some(&user.email), "sync.push", "denied", Some(&message)).await;
        return Err(AppError::EditNotAllowed(message));
    }
    match state.store.push(&user.id, &request).await {
        Ok((response, applied)) => {
            if applied > 0 {
                // Which fields changed: the applied mutations are the push's last `applied`.
                let fresh = &request.mutations[request.mutations.len().saturating_sub(applied)..];
                let fields: Vec<String> = fresh
                    .iter()
                    .take(AUDITED_FIELDS)
                    .map(|m| {
                        let (object, field) = m.op.field_key();
                        format!("{object} {field}")
                    })
                    .collect();
                let more = match applied.saturating_sub(AUDITED_FIELDS) {
                    0 => String::new(),
                    n => format!(" and {n} more"),
                };
                let detail = format!(
                    "{applied} edit(s) from client {} up to mutation {}: {}{more}",
                    request.client_id,
                    response.last_mutation_id,
                    fields.join(", ")
                );
                let entry = crate::store::NewAuditEntry {
                    client_time: client_time.as_deref(),
                    actor: Some(&user.email),
                    action: "sync.push",
                    object: fresh.first().map(|m| m.op.field_key().0),
                    request_id: &crate::error::current_request_id(),
                    result: "ok",
                    detail: Some(&detail),
                };
                state.record(entry).await;
            }
            Ok(Json(response))
        }
        Err(failure) => {
            audit(
                &state,
                Some(&user.email),
                "sync.push",
                "failed",
                Some(&failure.to_string()),
            )
            .await;
            Err(failure.into())
        }
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PullParams {
    pub client_id: String,
    #[serde(default)]
    pub cursor: u64,
    pub limit: Option<usize>,
}

#[utoipa::path(get, path = "/api/sync/pull", tag = "sync", params(PullParams), responses((status = 200, body = PullResponse), (status = 400, body = ApiError), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn pull(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiQuery(params): ApiQuery<PullParams>,
) -> Result<Json<PullResponse>, AppError> {
    if !casebook_core::sync::valid_client_id(&params.client_id) {
        return Err(AppError::Unprocessable(
            "client_id must be 8 to 128 letters, digits, '-' or '_'".into(),
        ));
    }
    let limit = params.limit.unwrap_or(MAX_PULL).clamp(1, MAX_PULL);
    Ok(Json(
        state
            .store
            .pull(&user.id, &params.client_id, params.cursor, limit)
            .await?,
    ))
}
