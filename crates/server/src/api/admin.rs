//! What administrators do: import the policy library, read the audit log, manage the people
//! of their own organisation.

use axum::Json;
use axum::extract::{Path, State};
use casebook_core::import::{ImportError, SourceFile};
use casebook_core::wire::{ApiError, NewUser, Org, Person, PersonChange};
use serde::{Deserialize, Serialize};

use super::session::audit;
use crate::AppState;
use crate::auth::{self, CurrentUser};
use crate::error::{ApiJson, ApiQuery, AppError};
use crate::input;
use crate::library::{ImportFailure, ImportPreview, ImportReport, import, preview};
use crate::store::{AuditEntry, AuditFilter, ChangeRefused, CreateRefused, NewAuditEntry};

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportRequest {
    /// The library folder's files: path relative to the folder, and text.
    pub files: Vec<ImportFile>,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportFile {
    pub path: String,
    pub text: String,
}

#[utoipa::path(post, path = "/api/library/import", tag = "admin", request_body = ImportRequest, responses((status = 200, body = ImportReport), (status = 422, description = "Invalid request, or an invalid library: nothing was imported, and `errors` lists every problem (file, line, message, hint)", body = ApiError), (status = 400, body = ApiError), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 415, body = ApiError)))]
pub async fn import_library(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(request): ApiJson<ImportRequest>,
) -> Result<axum::response::Response, AppError> {
    use axum::response::IntoResponse;
    let files = request.source_files();
    match import(&state.store, &files, &crate::now_rfc3339()).await {
        Ok(report) => {
            if report.changed() {
                state.reload_library().await?;
            }
            let detail = format!(
                "{} version(s) added, {} status change(s), {} unchanged",
                report.added.len(),
                report.status_changes.len(),
                report.unchanged
            );
            audit(&state, Some(&user.email), "library.import", "ok", Some(&detail)).await;
            Ok(Json(report).into_response())
        }
        Err(ImportFailure::Invalid(errors)) => {
            let detail = format!("{} problem(s); nothing imported", errors.len());
            audit(&state, Some(&user.email), "library.import", "failed", Some(&detail)).await;
            Ok(rejected(errors))
        }
        Err(ImportFailure::Store(e)) => Err(AppError::Internal(e)),
    }
}

impl ImportRequest {
    pub(crate) fn source_files(self) -> Vec<SourceFile> {
        self.files
            .into_iter()
            .map(|f| SourceFile {
                path: f.path,
                text: f.text,
            })
            .collect()
    }
}

/// A library with problems: 422 with every problem, in place of the report.
fn rejected(errors: Vec<ImportError>) -> axum::response::Response {
    rejected_files(errors, "invalid_library", "The library")
}

/// Files with problems: 422 with every problem, under `code`; `what` names the files.
pub(crate) fn rejected_files(errors: Vec<ImportError>, code: &'static str, what: &str) -> axum::response::Response {
    use axum::response::IntoResponse;
    let body = LibraryRejected {
        code,
        message: format!("{what} has {} problem(s); nothing was imported.", errors.len()),
        request_id: crate::error::current_request_id(),
        errors,
    };
    (axum::http::StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
}

/// What importing the folder would change — new policies, new versions compared with the
/// current ones, status changes — or every problem in it; nothing is written.
#[utoipa::path(post, path = "/api/library/import/preview", tag = "admin", request_body = ImportRequest, responses((status = 200, body = ImportPreview), (status = 422, description = "Invalid request, or an invalid library: `errors` lists every problem (file, line, message, hint)", body = ApiError), (status = 400, body = ApiError), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 415, body = ApiError)))]
pub async fn preview_library(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<ImportRequest>,
) -> Result<axum::response::Response, AppError> {
    use axum::response::IntoResponse;
    let files = request.source_files();
    let current = state.library.current();
    match preview(&state.store, &files, &crate::now_rfc3339(), &current.library).await {
        Ok(preview) => Ok(Json::<ImportPreview>(preview).into_response()),
        Err(ImportFailure::Invalid(errors)) => Ok(rejected(errors)),
        Err(ImportFailure::Store(e)) => Err(AppError::Internal(e)),
    }
}

/// An [`ApiError`] with every problem found in the library.
#[derive(Debug, Serialize)]
struct LibraryRejected {
    code: &'static str,
    message: String,
    request_id: String,
    errors: Vec<ImportError>,
}

#[utoipa::path(get, path = "/api/audit", tag = "admin", params(AuditFilter), responses((status = 200, body = Vec<AuditEntry>), (status = 400, body = ApiError), (status = 422, description = "A filter too long or with a control character", body = ApiError), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
pub async fn read_audit(
    State(state): State<AppState>,
    CurrentUser(admin): CurrentUser,
    ApiQuery(filter): ApiQuery<AuditFilter>,
) -> Result<Json<Vec<AuditEntry>>, AppError> {
    for (field, value) in [
        ("actor filter", &filter.actor),
        ("action filter", &filter.action),
        ("result filter", &filter.result),
        ("object filter", &filter.object),
    ] {
        input::filter(field, value.as_deref())?;
    }
    Ok(Json(
        state
            .store
            .read_audit(&filter, crate::auth::audit_scope(&admin))
            .await?,
    ))
}

/// Every organisation, for the platform's people to share sweeps with.
#[utoipa::path(get, path = "/api/orgs", tag = "admin", responses((status = 200, body = Vec<Org>), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
pub async fn list_orgs(State(state): State<AppState>) -> Result<Json<Vec<Org>>, AppError> {
    Ok(Json(state.store.orgs().await?))
}

#[utoipa::path(get, path = "/api/users", tag = "admin", responses((status = 200, body = Vec<Person>), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
pub async fn list_users(
    State(state): State<AppState>,
    CurrentUser(admin): CurrentUser,
) -> Result<Json<Vec<Person>>, AppError> {
    Ok(Json(state.store.people_of_org(&admin.org_id).await?))
}

/// Creates a person in the admin's own organisation (an admin manages only their own).
#[utoipa::path(post, path = "/api/users", tag = "admin", request_body = NewUser, responses((status = 201, body = Person), (status = 409, description = "The email is taken in your organisation, or its domain belongs to another organisation (said alike whether or not the address exists there)", body = ApiError), (status = 400, description = "Malformed request", body = ApiError), (status = 401, description = "Sign-in required", body = ApiError), (status = 403, description = "Not allowed, or the x-casebook-request header is missing", body = ApiError), (status = 415, description = "Not JSON", body = ApiError), (status = 422, description = "Invalid input: a field too long, a control character, a malformed email, a short password", body = ApiError), (status = 503, description = "Too many password hashes at once; try again after Retry-After seconds", body = ApiError)))]
pub async fn create_user(
    State(state): State<AppState>,
    CurrentUser(admin): CurrentUser,
    ApiJson(new): ApiJson<NewUser>,
) -> Result<(axum::http::StatusCode, Json<Person>), AppError> {
    let email = input::new_email(&new.email)?;
    let name = input::name(&new.name)?;
    auth::check_new_password(&new.password)?;
    let hash = state.passwords.hash(&new.password).await?;
    let created = state
        .store
        .create_person(
            &admin.org_id,
            &email,
            input::email_domain(&email),
            name,
            new.role,
            &hash,
            &crate::now_rfc3339(),
        )
        .await?;
    let user = match created {
        Ok(user) => user,
        Err(CreateRefused::Taken) => {
            return Err(AppError::Conflict(format!("An account for {email} exists already.")));
        }
        // The same answer whether or not the address exists there.
        Err(CreateRefused::DomainOfAnotherOrg) => {
            return Err(AppError::Conflict(format!(
                "Addresses at {} belong to another organisation; ask the operator.",
                input::email_domain(&email)
            )));
        }
    };
    audit(
        &state,
        Some(&admin.email),
        "user.create",
        "ok",
        Some(&format!("{} as {}", user.email, user.role.as_str())),
    )
    .await;
    let person = state
        .store
        .person(&admin.org_id, &user.id)
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("the new account was not stored")))?;
    Ok((axum::http::StatusCode::CREATED, Json(person)))
}

/// Changes a person of the admin's own organisation: their role, whether their account is
/// switched on, their password. Switching off or a new password ends their sessions at once.
/// Admins cannot change themselves here (another admin can), and an organisation is never
/// left without an active admin.
#[utoipa::path(patch, path = "/api/users/{id}", tag = "admin", params(("id" = String, Path, description = "The person's id")), request_body = PersonChange, responses((status = 200, body = Person), (status = 404, description = "No such person in your organisation", body = ApiError), (status = 400, description = "Malformed request", body = ApiError), (status = 401, description = "Sign-in required", body = ApiError), (status = 403, description = "Not allowed, or the x-casebook-request header is missing", body = ApiError), (status = 415, description = "Not JSON", body = ApiError), (status = 422, description = "Invalid input", body = ApiError), (status = 503, description = "Too many password hashes at once; try again after Retry-After seconds", body = ApiError)))]
pub async fn change_user(
    State(state): State<AppState>,
    CurrentUser(admin): CurrentUser,
    Path(id): Path<String>,
    ApiJson(change): ApiJson<PersonChange>,
) -> Result<Json<Person>, AppError> {
    input::line("id", &id, input::MAX_FILTER_CHARS)?;
    if change == PersonChange::default() {
        return Err(AppError::Unprocessable(
            "Say what to change: role, active or password.".into(),
        ));
    }
    if id == admin.id {
        return Err(AppError::Unprocessable(
            "You cannot change your own role or account here (ask another admin); change your own password in Settings.".into(),
        ));
    }
    let hash = match &change.password {
        Some(password) => {
            auth::check_new_password(password)?;
            Some(state.passwords.hash(password).await?)
        }
        None => None,
    };
    let now = crate::now_rfc3339();
    let person = match state
        .store
        .change_person(&admin.org_id, &id, &change, hash.as_deref(), &now)
        .await?
    {
        Ok(person) => person,
        Err(ChangeRefused::NotFound) => return Err(AppError::NotFound("That person".into())),
        Err(ChangeRefused::LastAdmin) => {
            return Err(AppError::Unprocessable(
                "Your organisation needs at least one active admin; nothing was changed.".into(),
            ));
        }
    };
    let mut what = Vec::new();
    if let Some(role) = change.role {
        what.push(format!("role {}", role.as_str()));
    }
    if let Some(active) = change.active {
        what.push(if active { "switched on" } else { "switched off" }.to_string());
    }
    if change.password.is_some() {
        what.push("new password".to_string());
    }
    let detail = what.join(", ");
    state
        .record(NewAuditEntry {
            actor: Some(&admin.email),
            action: "user.change",
            object: Some(&person.email),
            request_id: &crate::error::current_request_id(),
            result: "ok",
            detail: Some(&detail),
            ..Default::default()
        })
        .await;
    Ok(Json(person))
}
