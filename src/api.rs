//! The one way the app talks to the server: typed JSON requests with typed failures.

use casebook_core::wire::ApiError;
use gloo::net::http::{Request, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Sent on every state-changing request; the server refuses those without it, which stops
/// other sites from making a signed-in browser act (see the server's `auth` module).
const CSRF_HEADER: &str = "x-casebook-request";

/// Why a request did not produce the value asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiFailure {
    /// The request never reached the server (offline, DNS, connection refused).
    Unreachable,
    /// The server answered with an error.
    Server { status: u16, error: Option<ApiError> },
    /// The server answered with something the app cannot read (often: a newer server).
    Unreadable(String),
}

impl ApiFailure {
    /// A sentence for the person using the app.
    pub fn message(&self) -> String {
        let i18n = crate::i18n::current();
        match self {
            ApiFailure::Unreachable => i18n.t("api-unreachable"),
            ApiFailure::Server { error: Some(e), .. } => crate::tr!(
                i18n,
                "api-server-error",
                message = i18n.error(&e.code, &e.message),
                request = e.request_id.as_str()
            ),
            ApiFailure::Server { status, error: None } => crate::tr!(i18n, "api-status", status = *status),
            ApiFailure::Unreadable(_) => i18n.t("api-unreadable"),
        }
    }

    /// What to tell someone whose input the server refused: its own words for a 4xx (they say
    /// what to fix; a request id would only distract), else [`ApiFailure::message`].
    pub fn reason(&self) -> String {
        match self {
            ApiFailure::Server {
                status: 400..=499,
                error: Some(e),
            } => crate::i18n::current().error(&e.code, &e.message),
            other => other.message(),
        }
    }
}

/// `GET` a JSON document from the API.
pub async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, ApiFailure> {
    get_json_within(path, None).await
}

/// `GET` a JSON document, giving up after `timeout_ms` (a request that hangs on a dropped
/// connection would otherwise wait for minutes).
pub async fn get_json_within<T: DeserializeOwned>(path: &str, timeout_ms: Option<u32>) -> Result<T, ApiFailure> {
    let deadline = Deadline::new(timeout_ms);
    let response = Request::get(path)
        .header("Accept", "application/json")
        .abort_signal(deadline.signal())
        .send()
        .await
        .map_err(|_| ApiFailure::Unreachable)?;
    read(response).await
}

/// `POST` a JSON body and read a JSON answer.
pub async fn post_json<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiFailure> {
    post_json_within(path, body, None).await
}

/// `POST` a JSON body, giving up after `timeout_ms`.
pub async fn post_json_within<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
    timeout_ms: Option<u32>,
) -> Result<T, ApiFailure> {
    send_json(Request::post(path), body, timeout_ms).await
}

/// `PATCH` a resource with a JSON body of the fields to change, and read the changed resource.
pub async fn patch_json<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiFailure> {
    send_json(Request::patch(path), body, None).await
}

async fn send_json<B: Serialize, T: DeserializeOwned>(
    request: gloo::net::http::RequestBuilder,
    body: &B,
    timeout_ms: Option<u32>,
) -> Result<T, ApiFailure> {
    read(send(request.header("Accept", "application/json"), body, timeout_ms).await?).await
}

/// `POST` a JSON body to an endpoint that answers `204 No Content`.
pub async fn post_no_content<B: Serialize>(path: &str, body: &B) -> Result<(), ApiFailure> {
    no_content(send(Request::post(path), body, None).await?).await
}

/// `PUT` a JSON body to an endpoint that answers `204 No Content`.
pub async fn put_no_content<B: Serialize>(path: &str, body: &B) -> Result<(), ApiFailure> {
    no_content(send(Request::put(path), body, None).await?).await
}

/// Sends a state-changing request (with the CSRF header) carrying a JSON body.
async fn send<B: Serialize>(
    request: gloo::net::http::RequestBuilder,
    body: &B,
    timeout_ms: Option<u32>,
) -> Result<Response, ApiFailure> {
    let deadline = Deadline::new(timeout_ms);
    request
        .header(CSRF_HEADER, "1")
        .abort_signal(deadline.signal())
        .json(body)
        .map_err(|e| ApiFailure::Unreadable(e.to_string()))?
        .send()
        .await
        .map_err(|_| ApiFailure::Unreachable)
}

/// Aborts a request when its time is up; dropping it (the request finished) cancels the timer.
struct Deadline {
    signal: Option<web_sys::AbortSignal>,
    _timer: Option<gloo::timers::callback::Timeout>,
}

impl Deadline {
    fn new(timeout_ms: Option<u32>) -> Deadline {
        let (Some(ms), Ok(controller)) = (timeout_ms, web_sys::AbortController::new()) else {
            return Deadline {
                signal: None,
                _timer: None,
            };
        };
        let signal = controller.signal();
        Deadline {
            signal: Some(signal),
            _timer: Some(gloo::timers::callback::Timeout::new(ms, move || controller.abort())),
        }
    }

    fn signal(&self) -> Option<&web_sys::AbortSignal> {
        self.signal.as_ref()
    }
}
/// `DELETE` a resource; succeeds on any 2xx.
pub async fn delete(path: &str) -> Result<(), ApiFailure> {
    let response = Request::delete(path)
        .header(CSRF_HEADER, "1")
        .send()
        .await
        .map_err(|_| ApiFailure::Unreachable)?;
    no_content(response).await
}

async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ApiFailure> {
    if response.ok() {
        response
            .json::<T>()
            .await
            .map_err(|e| ApiFailure::Unreadable(e.to_string()))
    } else {
        Err(refusal(response).await)
    }
}

/// Success for any 2xx answer that carries no body worth reading.
async fn no_content(response: Response) -> Result<(), ApiFailure> {
    if response.ok() {
        Ok(())
    } else {
        Err(refusal(response).await)
    }
}

/// The failure a non-2xx answer stands for, with the server's error body when it sent one.
async fn refusal(response: Response) -> ApiFailure {
    let status = response.status();
    ApiFailure::Server {
        status,
        error: response.json::<ApiError>().await.ok(),
    }
}
