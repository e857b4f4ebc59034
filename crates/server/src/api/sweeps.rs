//! What a sweep's publisher needs beyond sync: who may be given its items. A specialist
//! cannot list a vendor's people (`/api/users` is each organisation's own admins'), so the
//! round-robin asks here for the people who work items in the organisations the sweep is
//! shared with — id, name, organisation and role, no email — a page at a time. Listing people
//! is not audited (nor is `/api/users`); nothing is written.

use axum::Json;
use axum::extract::{Path, State};
use casebook_core::sweep;
use casebook_core::wire::{ASSIGNABLE_PAGE, ApiError, AssignablePage};
use serde::Deserialize;
use serde_json::Value;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{ApiQuery, AppError};
use crate::input;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct PeoplePage {
    /// The `next` of the previous page; absent for the first.
    pub after: Option<String>,
}

/// The people who may be assigned the sweep's items: those who work items (agents,
/// specialists, admins; active accounts) in the organisations the sweep is shared with. For
/// the publishing organisation's specialists and admins only; another organisation that
/// reads the sweep is refused, one that does not is told it does not exist.
#[utoipa::path(get, path = "/api/sweeps/{id}/people", tag = "sweeps", params(("id" = String, Path, description = "The sweep's id"), PeoplePage), responses((status = 200, body = AssignablePage), (status = 404, description = "No such sweep that you may read", body = ApiError), (status = 400, body = ApiError), (status = 401, body = ApiError), (status = 403, description = "Not the publishing organisation's specialist or admin", body = ApiError), (status = 422, body = ApiError)))]
pub async fn assignable_people(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiQuery(page): ApiQuery<PeoplePage>,
) -> Result<Json<AssignablePage>, AppError> {
    let after = input::line("after", page.after.as_deref().unwrap_or(""), input::MAX_FILTER_CHARS)?;
    let no_sweep = || AppError::NotFound("That sweep".into());
    if !sweep::valid_id(&id) {
        return Err(no_sweep());
    }
    let root = state.store.root_fold(&sweep::sweep_object(&id)).await?;
    let Some(owner) = root.str("org") else {
        return Err(no_sweep());
    };
    let shared: Vec<String> = root
        .value("shared_with")
        .and_then(Value::as_array)
        .map(|orgs| orgs.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .unwrap_or_default();
    if owner != user.org_id {
        return Err(if shared.contains(&user.org_id) {
            AppError::Forbidden
        } else {
            no_sweep()
        });
    }
    if !sweep::publishes(user.role) {
        return Err(AppError::Forbidden);
    }
    let mut people = state
        .store
        .assignable_people(&shared, after, ASSIGNABLE_PAGE + 1)
        .await?;
    let next = (people.len() > ASSIGNABLE_PAGE).then(|| {
        people.truncate(ASSIGNABLE_PAGE);
        people.last().map(|p| p.id.clone()).unwrap_or_default()
    });
    Ok(Json(AssignablePage { people, next }))
}
