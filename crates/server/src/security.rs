//! Middleware applied to every response: the request id and the security headers.
//!
//! Every `/api/` response carries `Cache-Control: no-store` (it may hold personal or case
//! data), except the public library routes, which set their own caching (entity tags and
//! `no-cache`, so a 304 keeps working). A request that arrived over https gets
//! `Strict-Transport-Security`.

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::{Arc, LazyLock};

use tracing::Instrument;

use crate::assets::{AppShell, content_security_policy};
use crate::error::REQUEST_ID;

pub const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// Gives every request an id (a new one: a client-sent id is not trusted), makes it
/// available to handlers and errors, and returns it in the `x-request-id` header.
pub async fn request_id(mut request: Request, next: Next) -> Response {
    let id = uuid::Uuid::new_v4().simple().to_string();
    let value = HeaderValue::from_str(&id).expect("a uuid is a valid header value");
    request.headers_mut().insert(REQUEST_ID_HEADER, value.clone());
    let span =
        tracing::info_span!("request", request_id = %id, method = %request.method(), path = %request.uri().path());
    let mut response = REQUEST_ID.scope(id, next.run(request).instrument(span)).await;
    response.headers_mut().insert(REQUEST_ID_HEADER, value);
    response
}

/// The CSP of a server without the app: no inline script at all.
static API_ONLY_CSP: LazyLock<HeaderValue> =
    LazyLock::new(|| HeaderValue::from_str(&content_security_policy(&[])).expect("the CSP is built from ASCII parts"));

/// Adds the security headers, with the Content-Security-Policy of the app build being served.
pub async fn security_headers(State(shell): State<Option<Arc<AppShell>>>, request: Request, next: Next) -> Response {
    let private_api = is_private_api(request.uri().path());
    let https = crate::auth::is_https(request.headers());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if private_api && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    // The app page sets its own, from the build it served.
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        let csp = match &shell {
            Some(shell) => shell.current().csp.clone(),
            None => API_ONLY_CSP.clone(),
        };
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("same-origin"),
    );
    response
}

/// Whether a path is an API route whose answers must not be stored by any cache: every one
/// but the public library (the same for everyone, revalidated with entity tags where large).
fn is_private_api(path: &str) -> bool {
    const PUBLIC: &[&str] = &[
        "/api/library",
        "/api/search-index",
        "/api/policies",
        "/api/openapi.json",
    ];
    path.starts_with("/api/") && !PUBLIC.contains(&path) && !path.starts_with("/api/policies/")
}

#[cfg(test)]
mod tests {
    use super::is_private_api;

    #[test]
    fn only_the_public_library_may_be_cached() {
        for (path, private) in [
            ("/api/session", true),
            ("/api/audit", true),
            ("/api/users/1", true),
            ("/api/sync/pull", true),
            ("/api/health", true),
            ("/api/no-such-route", true),
            ("/api/library", false),
            ("/api/search-index", false),
            ("/api/policies", false),
            ("/api/policies/hate-speech", false),
            ("/api/openapi.json", false),
            ("/index.html", false),
        ] {
            assert_eq!(is_private_api(path), private, "{path}");
        }
    }
}
