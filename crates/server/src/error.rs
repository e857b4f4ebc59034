//! The one error type every handler returns, and the request id it reports.
//!
//! A client sees a stable code, a plain message and the request id; never the text of an
//! internal error, which goes to the log under the same request id.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use casebook_core::wire::ApiError;

tokio::task_local! {
    /// The id of the request being handled, set by the request-id middleware.
    pub static REQUEST_ID: String;
}

pub fn current_request_id() -> String {
    REQUEST_ID.try_with(Clone::clone).unwrap_or_else(|_| "none".into())
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found: {0}")]
    NotFound(String),
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("sign-in required")]
    Unauthenticated,
    #[error("not allowed for this account")]
    Forbidden,
    /// A push refused by the sync rules, with core's stable code.
    #[error("push refused ({code:?}): {message}")]
    PushRefused {
        code: casebook_core::sync::RefusalCode,
        message: String,
        mutation_id: Option<u64>,
    },
    #[error("the request header x-casebook-request is missing")]
    MissingCsrfHeader,
    #[error("wrong email or password")]
    BadCredentials,
    #[error("too many attempts")]
    TooManyAttempts,
    #[error("the account is switched off")]
    AccountSwitchedOff,
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("request body too large")]
    PayloadTooLarge,
    #[error("invalid input: {0}")]
    Unprocessable(String),
    /// Every place in line for password work is taken; answered with `Retry-After`.
    #[error("busy")]
    Busy,
    #[error("internal error: {0:#}")]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        AppError::Internal(e.into())
    }
}

impl AppError {
    fn parts(&self) -> (StatusCode, &'static str, String) {
        match self {
            AppError::NotFound(what) => (StatusCode::NOT_FOUND, "not_found", format!("{what} was not found.")),
            AppError::BadRequest(why) => (StatusCode::BAD_REQUEST, "bad_request", why.clone()),
            AppError::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "This address does not accept that method.".into(),
            ),
            AppError::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                "sign_in_required",
                "Sign in to do this.".into(),
            ),
            AppError::Forbidden => (
                StatusCode::FORBIDDEN,
                "forbidden",
                "Your account is not allowed to do this. Ask your administrator if you need it.".into(),
            ),
            AppError::PushRefused { code, message, .. } => {
                use casebook_core::sync::RefusalCode;
                let status = match code {
                    RefusalCode::SyncGap | RefusalCode::SchemaVersion => StatusCode::CONFLICT,
                    RefusalCode::EditNotAllowed | RefusalCode::OutOfScope | RefusalCode::ClientOfAnotherPerson => {
                        StatusCode::FORBIDDEN
                    }
                    RefusalCode::WriteQuota => StatusCode::TOO_MANY_REQUESTS,
                    RefusalCode::InvalidPush | RefusalCode::InvalidEdit | RefusalCode::NoSuchObject => {
                        StatusCode::UNPROCESSABLE_ENTITY
                    }
                };
                (status, code.as_str(), message.clone())
            }
            AppError::MissingCsrfHeader => (
                StatusCode::FORBIDDEN,
                "csrf_header_missing",
                "This request must carry the header x-casebook-request; requests from other sites are refused.".into(),
            ),
            AppError::BadCredentials => (
                StatusCode::UNAUTHORIZED,
                "bad_credentials",
                "The email or password is wrong.".into(),
            ),
            AppError::AccountSwitchedOff => (
                StatusCode::FORBIDDEN,
                "account_switched_off",
                "Your account is switched off. Ask your vendor administrator to switch it on again.".into(),
            ),
            AppError::TooManyAttempts => (
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_attempts",
                "Too many failed sign-ins. Wait 15 minutes and try again.".into(),
            ),
            AppError::Conflict(why) => (StatusCode::CONFLICT, "conflict", why.clone()),
            AppError::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Send the body as JSON with the header Content-Type: application/json.".into(),
            ),
            AppError::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "The request body is too large.".into(),
            ),
            AppError::Unprocessable(why) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid", why.clone()),
            AppError::Busy => (
                StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                "The server is busy checking passwords. Try again in a moment.".into(),
            ),
            AppError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "Something went wrong on the server. Try again; if it persists, give an administrator the request id."
                    .into(),
            ),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, code, message) = self.parts();
        let request_id = current_request_id();
        if let AppError::Internal(inner) = &self {
            tracing::error!(%request_id, error = %format!("{inner:#}"), "request failed");
        }
        let mutation_id = match &self {
            AppError::PushRefused { mutation_id, .. } => *mutation_id,
            _ => None,
        };
        let body = ApiError {
            code: code.into(),
            message,
            request_id,
            mutation_id,
        };
        let mut response = (status, Json(body)).into_response();
        if let AppError::Busy = self {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from_static(BUSY_RETRY_AFTER_S),
            );
        }
        response
    }
}

/// How many seconds a client told [`AppError::Busy`] should wait.
pub const BUSY_RETRY_AFTER_S: &str = "1";

/// `Json<T>` whose rejections are [`AppError`]s: a missing or wrong content type, an oversized
/// body and malformed JSON each get their own code and a plain message.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<T, S> axum::extract::FromRequest<S> for ApiJson<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, AppError> {
        use axum::extract::rejection::JsonRejection;
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(ApiJson(value)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(AppError::UnsupportedMediaType),
            Err(JsonRejection::JsonDataError(e)) => Err(AppError::Unprocessable(
                e.body_text()
                    .replace("Failed to deserialize the JSON body into the target type: ", ""),
            )),
            Err(JsonRejection::JsonSyntaxError(_)) => {
                Err(AppError::BadRequest("The request body is not valid JSON.".into()))
            }
            Err(JsonRejection::BytesRejection(e)) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(AppError::PayloadTooLarge)
            }
            Err(other) => Err(AppError::BadRequest(other.body_text())),
        }
    }
}

/// `Query<T>` whose rejection is an [`AppError`] with a JSON body, like every other error.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiQuery<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for ApiQuery<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &S) -> Result<Self, AppError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(value)| ApiQuery(value))
            .map_err(|e| {
                AppError::BadRequest(
                    e.body_text()
                        .replace("Failed to deserialize query string: ", "Invalid query: "),
                )
            })
    }
}
