//! Who is asking and what they may do, decided in one place.
//!
//! - Sign-in checks an argon2 password hash and starts a session: a random token in an
//!   `HttpOnly`, `SameSite=Strict` cookie (also `Secure` behind https). Only the token's
//!   SHA-256 is stored.
//! - Every request passes [`authorize`]: the route's entry in [`ACCESS`] says who may use it;
//!   a route missing from the table is refused (deny by default). State-changing requests must
//!   also carry the [`CSRF_HEADER`], which a cross-site form cannot send.
//! - Refusals are written to the audit log; those of anonymous requests in aggregate
//!   (`refusals`), so strangers cannot grow the log without end.
//! - Password hashing itself runs off the async runtime, bounded (`passwords`).

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::error::{AppError, current_request_id};
use crate::store::NewAuditEntry;

pub const SESSION_COOKIE: &str = "casebook_session";
/// Required on every state-changing request; browsers do not let other sites set it.
pub const CSRF_HEADER: &str = "x-casebook-request";
pub const SESSION_DAYS: i64 = 7;

pub use casebook_core::wire::{OrgKind, Role, User};

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Anyone signed in.
    SignedIn,
    /// Only these roles, in any organisation.
    Roles(&'static [Role]),
    /// Only these roles, in the platform organisation.
    Platform(&'static [Role]),
}

const ADMIN: &[Role] = &[Role::Admin];
/// The platform's policy team: who changes the library and shares sweeps.
const POLICY_TEAM: &[Role] = &[Role::Specialist, Role::Admin];
/// Who writes case-note templates, in any organisation (`template::notes::authors_templates`).
const TEMPLATE_AUTHORS: &[Role] = &[Role::Specialist, Role::Trainer, Role::Admin];
/// Who shares things with other organisations, and so reads their names: the policy team
/// (sweeps, templates) and the platform's trainers (reading lists).
const SHARERS: &[Role] = &[Role::Specialist, Role::Trainer, Role::Admin];

/// Every API route and who may use it. A route not listed here is refused.
pub const ACCESS: &[(Method, &str, Access)] = &[
    (Method::GET, "/api/health", Access::Public),
    (Method::GET, "/api/openapi.json", Access::Public),
    (Method::GET, "/api/policies", Access::Public),
    (Method::GET, "/api/policies/{slug}", Access::Public),
    (Method::GET, "/api/library", Access::Public),
    (Method::GET, "/api/search-index", Access::Public),
    (Method::POST, "/api/session", Access::Public),
    (Method::GET, "/api/session", Access::Public),
    (Method::POST, "/api/session/password", Access::SignedIn),
    (Method::PUT, "/api/session/language", Access::SignedIn),
    (Method::DELETE, "/api/session", Access::SignedIn),
    (Method::POST, "/api/sync/push", Access::SignedIn),
    (Method::GET, "/api/sync/pull", Access::SignedIn),
    (Method::GET, "/api/sync/history", Access::SignedIn),
    (Method::GET, "/api/orgs", Access::Platform(SHARERS)),
    (Method::POST, "/api/library/import", Access::Platform(POLICY_TEAM)),
    (
        Method::POST,
        "/api/library/import/preview",
        Access::Platform(POLICY_TEAM),
    ),
    (Method::POST, "/api/templates/parse", Access::Roles(TEMPLATE_AUTHORS)),
    // The handler also checks that the sweep is the caller's organisation's.
    (Method::GET, "/api/sweeps/{id}/people", Access::Roles(POLICY_TEAM)),
    // Who writes sweep guidance (`sweep::publishes`), in any organisation; nothing is stored.
    (Method::POST, "/api/documents/parse", Access::Roles(POLICY_TEAM)),
    (Method::GET, "/api/audit", Access::Roles(ADMIN)),
    (Method::GET, "/api/users", Access::Roles(ADMIN)),
    (Method::POST, "/api/users", Access::Roles(ADMIN)),
    (Method::PATCH, "/api/users/{id}", Access::Roles(ADMIN)),
];

/// Which audit entries an admin reads: a vendor's admin their own organisation's; the
/// platform's admin also those about no organisation (refused anonymous requests).
pub fn audit_scope(admin: &User) -> crate::store::AuditScope<'_> {
    match admin.org_kind {
        OrgKind::Platform => crate::store::AuditScope::OrgAndUnowned(&admin.org_id),
        OrgKind::Vendor => crate::store::AuditScope::Org(&admin.org_id),
    }
}

pub fn access_for(method: &Method, path: &str) -> Option<Access> {
    ACCESS
        .iter()
        .find(|(m, p, _)| m == method && *p == path)
        .map(|(_, _, a)| *a)
}

pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))
}

/// Refuses a new password that is too short or too long, with a sentence that says so.
pub fn check_new_password(password: &str) -> Result<(), AppError> {
    use casebook_core::wire::MIN_PASSWORD_CHARS;
    crate::input::password(password)?;
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AppError::Unprocessable(format!(
            "Passwords need at least {MIN_PASSWORD_CHARS} characters."
        )));
    }
    Ok(())
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A new random session token (two v4 UUIDs: 244 random bits).
pub fn new_token() -> String {
    format!("{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple())
}

pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_string())
        .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whether the request reached us over https (directly or through a proxy that says so).
pub fn is_https(headers: &HeaderMap) -> bool {
    headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()) == Some("https")
}

pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// The signed-in person, put into the request by [`authorize`] for handlers to read.
#[derive(Debug, Clone)]
pub struct CurrentUser(pub User);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Self, AppError> {
        parts
            .extensions
            .get::<CurrentUser>()
            .cloned()
            .ok_or(AppError::Unauthenticated)
    }
}

/// The single gate every API request passes.
pub async fn authorize(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let Some(path) = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
    else {
        // No route matched: the router answers 404 or 405 itself.
        return next.run(request).await;
    };
    let user = match session_token(request.headers()) {
        Some(token) => match state.store.session_user(&token_hash(&token), now_ms()).await {
            Ok(user) => user,
            Err(e) => return AppError::Internal(e).into_response(),
        },
        None => None,
    };
    let refusal = match (access_for(&method, &path), &user) {
        (None, _) => Some(AppError::Forbidden),
        (Some(Access::Public), _) => None,
        (Some(_), None) => Some(AppError::Unauthenticated),
        (Some(Access::SignedIn), Some(_)) => None,
        (Some(Access::Roles(roles)), Some(user)) => (!roles.contains(&user.role)).then_some(AppError::Forbidden),
        (Some(Access::Platform(roles)), Some(user)) => {
            (user.org_kind != OrgKind::Platform || !roles.contains(&user.role)).then_some(AppError::Forbidden)
        }
    };
    let changes_state = !matches!(method, Method::GET | Method::HEAD | Method::OPTIONS);
    let refusal = refusal.or_else(|| {
        (changes_state && request.headers().get(CSRF_HEADER).is_none()).then_some(AppError::MissingCsrfHeader)
    });
    if let Some(refusal) = refusal {
        let actor = user.as_ref().map(|u| u.email.as_str());
        let detail = refusal.to_string();
        let entry = NewAuditEntry {
            actor,
            action: "request.denied",
            object: Some(&path),
            request_id: &current_request_id(),
            result: "denied",
            detail: Some(&format!("{method} {path}: {detail}")),
            ..Default::default()
        };
        // Anyone can be refused without signing in: those are audited in aggregate.
        match &user {
            Some(_) => state.record(entry).await,
            None => {
                let address = crate::net::request_address(&request, state.proxy_hops);
                state.record_anonymous_refusal(&address, entry).await;
            }
        }
        return refusal.into_response();
    }
    if let Some(user) = user {
        request.extensions_mut().insert(CurrentUser(user));
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_and_verify() {
        let hash = hash_password("correct horse").expect("hash");
        assert!(hash.starts_with("$argon2"));
        assert!(verify_password("correct horse", &hash));
        assert!(!verify_password("wrong horse", &hash));
        assert!(!verify_password("correct horse", "not a hash"));
    }

    #[test]
    fn the_session_cookie_is_found_among_others_and_malformed_ones_ignored() {
        let token = new_token();
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            format!("a=b; {SESSION_COOKIE}={token}; c=d").parse().expect("header"),
        );
        assert_eq!(session_token(&headers), Some(token));
        headers.insert(
            header::COOKIE,
            format!("{SESSION_COOKIE}=short").parse().expect("header"),
        );
        assert_eq!(session_token(&headers), None);
    }

    #[test]
    fn every_route_in_the_table_is_unique() {
        for (i, (m, p, _)) in ACCESS.iter().enumerate() {
            assert!(
                !ACCESS[i + 1..].iter().any(|(m2, p2, _)| m2 == m && p2 == p),
                "{m} {p} twice"
            );
        }
    }
}
