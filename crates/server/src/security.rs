//! Middleware applied to every response: the request id and the security headers.

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
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
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
