//! Signing in and out, and changing one's own password.
//!
//! Every password check is counted before it runs: the attempt is reserved as a failure under
//! the email and the client's address (`Store::reserve_sign_in_attempt`, refused with 429 past
//! the limit), argon2 runs off the runtime (`passwords`), and a right password gives the
//! attempt back. So parallel attempts never check more passwords than the limit allows.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::auth::{self, CurrentUser, SESSION_COOKIE, SESSION_DAYS};
use crate::error::{ApiJson, AppError, current_request_id};
use crate::input;
use crate::store::NewAuditEntry;

/// Failed sign-ins allowed per email within [`FAILURE_WINDOW_MS`].
pub const MAX_FAILURES_PER_EMAIL: i64 = 5;
/// Failed sign-ins allowed per network address: higher, because a vendor site's agents
/// share one address and one person's typos must not lock out the floor.
pub const MAX_FAILURES_PER_ADDRESS: i64 = 50;
pub const FAILURE_WINDOW_MS: i64 = 15 * 60 * 1000;

pub use casebook_core::wire::{ApiError, LanguageChoice, PasswordChange, SessionInfo, SignIn, UI_LANGUAGES, User};

/// The key failed sign-ins and wrong current passwords of one person count under, so the two
/// share one limit.
fn email_failure_key(email: &str) -> String {
    format!("email:{email}")
}

fn cookie(value: &str, max_age_s: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={value}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age_s}{secure}"
    ))
    .expect("the cookie is built from ASCII")
}

#[utoipa::path(post, path = "/api/session", tag = "session", request_body = SignIn, responses((status = 200, description = "Signed in; the session cookie is set", body = User), (status = 401, description = "Wrong email or password", body = ApiError), (status = 403, description = "The account is switched off, or the x-casebook-request header is missing", body = ApiError), (status = 429, description = "Too many failed attempts", body = ApiError), (status = 400, description = "Malformed request", body = ApiError), (status = 415, description = "Not JSON", body = ApiError), (status = 422, description = "Invalid input: an email or password too long, or a control character in the email", body = ApiError), (status = 503, description = "Too many sign-ins at once; try again after Retry-After seconds", body = ApiError)))]
pub async fn sign_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    peer: Option<axum::Extension<axum::extract::ConnectInfo<std::net::SocketAddr>>>,
    ApiJson(body): ApiJson<SignIn>,
) -> Result<Response, AppError> {
    let peer = peer.map(|axum::Extension(axum::extract::ConnectInfo(addr))| addr);
    // Checked before anything is stored or hashed: the email becomes an audit actor and a
    // rate-limit key.
    let email = input::typed_email(&body.email)?;
    input::password(&body.password)?;
    let address = crate::net::client_address(&headers, peer, state.proxy_hops);
    let place = state.passwords.admit()?;
    let now = auth::now_ms();
    let limits = [
        (email_failure_key(&email), MAX_FAILURES_PER_EMAIL),
        (format!("address:{address}"), MAX_FAILURES_PER_ADDRESS),
    ];
    if !state
        .store
        .reserve_sign_in_attempt(&limits, now - FAILURE_WINDOW_MS, now)
        .await?
    {
        let entry = NewAuditEntry {
            actor: Some(&email),
            action: "session.sign_in",
            request_id: &current_request_id(),
            result: "denied",
            detail: Some("rate limited"),
            ..Default::default()
        };
        state.record_anonymous_refusal(&address, entry).await;
        return Err(AppError::TooManyAttempts);
    }
    let account = state.store.account(&email).await?;
    let ok = place
        .verify(&body.password, account.as_ref().map(|a| a.password_hash.as_str()))
        .await?;
    drop(place);
    let Some(account) = account.filter(|_| ok) else {
        // The reserved attempt stays: it is this failure.
        audit(
            &state,
            Some(&email),
            "session.sign_in",
            "failed",
            Some("wrong email or password"),
        )
        .await;
        return Err(AppError::BadCredentials);
    };
    let keys: Vec<String> = limits.into_iter().map(|(key, _)| key).collect();
    state.store.release_sign_in_attempt(&keys, now).await?;
    // Said only to someone who knows the password, so it tells a stranger nothing.
    if !account.active {
        audit(
            &state,
            Some(&email),
            "session.sign_in",
            "denied",
            Some("account switched off"),
        )
        .await;
        return Err(AppError::AccountSwitchedOff);
    }
    let user = account.user;
    // Forget what no longer matters: expired sessions and failures outside the window.
    state.store.forget_expired(now, now - FAILURE_WINDOW_MS).await?;
    let token = auth::new_token();
    let expires = now + SESSION_DAYS * 24 * 3600 * 1000;
    let opened = state
        .store
        .create_session(
            &auth::token_hash(&token),
            &user.id,
            &account.password_hash,
            &crate::now_rfc3339(),
            expires,
        )
        .await?;
    if !opened {
        // An admin set a new password or switched the account off while this was checked.
        audit(
            &state,
            Some(&email),
            "session.sign_in",
            "failed",
            Some("account changed during sign-in"),
        )
        .await;
        return Err(AppError::BadCredentials);
    }
    audit(&state, Some(&user.email), "session.sign_in", "ok", None).await;
    let mut response = Json(&user).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        cookie(&token, SESSION_DAYS * 24 * 3600, auth::is_https(&headers)),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[utoipa::path(get, path = "/api/session", tag = "session", responses((status = 200, body = SessionInfo)))]
pub async fn me(user: Option<axum::Extension<CurrentUser>>) -> Response {
    let info = SessionInfo {
        user: user.map(|axum::Extension(CurrentUser(user))| user),
    };
    ([(header::CACHE_CONTROL, "no-store")], Json(info)).into_response()
}

#[utoipa::path(delete, path = "/api/session", tag = "session", responses((status = 204, description = "Signed out; the session is ended on the server"), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    CurrentUser(user): CurrentUser,
) -> Result<Response, AppError> {
    if let Some(token) = auth::session_token(&headers) {
        state.store.delete_session(&auth::token_hash(&token)).await?;
    }
    audit(&state, Some(&user.email), "session.sign_out", "ok", None).await;
    let mut response = axum::http::StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, cookie("", 0, auth::is_https(&headers)));
    Ok(response)
}

/// The signed-in person chooses their interface language; every device they sign in on
/// starts in it. A preference, not a security event: it is not audited.
#[utoipa::path(put, path = "/api/session/language", tag = "session", request_body = LanguageChoice, responses((status = 204, description = "Recorded"), (status = 422, description = "Not a language the interface has", body = ApiError), (status = 400, description = "Malformed request", body = ApiError), (status = 401, description = "Sign-in required", body = ApiError), (status = 403, description = "The x-casebook-request header is missing", body = ApiError), (status = 415, description = "Not JSON", body = ApiError)))]
pub async fn choose_language(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(choice): ApiJson<LanguageChoice>,
) -> Result<Response, AppError> {
    if !UI_LANGUAGES.contains(&choice.lang.as_str()) {
        return Err(AppError::Unprocessable(format!(
            "The interface has no language {:?}; choose one of {}.",
            choice.lang.chars().take(16).collect::<String>(),
            UI_LANGUAGES.join(", ")
        )));
    }
    state.store.set_ui_lang(&user.id, &choice.lang).await?;
    Ok(axum::http::StatusCode::NO_CONTENT.into_response())
}

/// The signed-in person changes their own password. The current one is asked for (a session
/// left open on a shared machine must not be enough), wrong answers count towards the
/// sign-in limit, and every other session of the person ends; this one stays.
#[utoipa::path(post, path = "/api/session/password", tag = "session", request_body = PasswordChange, responses((status = 204, description = "Changed; the person's other sessions have ended"), (status = 422, description = "The current password is wrong, or the new one is too short or the same", body = ApiError), (status = 429, description = "Too many wrong passwords", body = ApiError), (status = 400, description = "Malformed request", body = ApiError), (status = 401, description = "Sign-in required", body = ApiError), (status = 403, description = "The x-casebook-request header is missing", body = ApiError), (status = 415, description = "Not JSON", body = ApiError), (status = 409, description = "The account changed while the current password was checked (an admin's reset or switch-off wins); nothing was changed", body = ApiError), (status = 503, description = "Too many password checks at once; try again after Retry-After seconds", body = ApiError)))]
pub async fn change_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    CurrentUser(user): CurrentUser,
    ApiJson(change): ApiJson<PasswordChange>,
) -> Result<Response, AppError> {
    input::password(&change.current)?;
    let place = state.passwords.admit()?;
    let now = auth::now_ms();
    let key = email_failure_key(&user.email);
    if !state
        .store
        .reserve_sign_in_attempt(&[(key.clone(), MAX_FAILURES_PER_EMAIL)], now - FAILURE_WINDOW_MS, now)
        .await?
    {
        audit(
            &state,
            Some(&user.email),
            "user.password",
            "denied",
            Some("rate limited"),
        )
        .await;
        return Err(AppError::TooManyAttempts);
    }
    let account = state
        .store
        .account(&user.email)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if !place.verify(&change.current, Some(&account.password_hash)).await? {
        audit(
            &state,
            Some(&user.email),
            "user.password",
            "failed",
            Some("wrong current password"),
        )
        .await;
        return Err(AppError::Unprocessable("Your current password is wrong.".into()));
    }
    state.store.release_sign_in_attempt(&[key], now).await?;
    auth::check_new_password(&change.new)?;
    if change.new == change.current {
        return Err(AppError::Unprocessable(
            "Choose a new password, not the current one.".into(),
        ));
    }
    let hash = place.hash(&change.new).await?;
    let keep = auth::session_token(&headers)
        .map(|t| auth::token_hash(&t))
        .unwrap_or_default();
    if !state
        .store
        .set_own_password(&user.id, &account.password_hash, &hash, &keep)
        .await?
    {
        audit(
            &state,
            Some(&user.email),
            "user.password",
            "failed",
            Some("account changed during the change"),
        )
        .await;
        return Err(AppError::Conflict(
            "Your account changed meanwhile (an administrator set a password or switched it off, or you were signed out); nothing was changed.".into(),
        ));
    }
    audit(
        &state,
        Some(&user.email),
        "user.password",
        "ok",
        Some("other sessions ended"),
    )
    .await;
    Ok(axum::http::StatusCode::NO_CONTENT.into_response())
}

/// Records an event of the signed-in (or signing-in) person.
pub async fn audit(state: &AppState, actor: Option<&str>, action: &str, result: &str, detail: Option<&str>) {
    let request_id = current_request_id();
    state
        .record(NewAuditEntry {
            actor,
            action,
            request_id: &request_id,
            result,
            detail,
            ..Default::default()
        })
        .await;
}
