//! The one way the app talks to the server: typed JSON requests with typed failures.

use casebook_core::wire::ApiError;
use gloo::net::http::Request;
use serde::de::DeserializeOwned;

/// Why a request did not produce the value asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiFailure {
    /// The request never reached the server (offline, DNS, connection refused).
    Unreachable,
    /// The server answered with an error.
    Server {
        status: u16,
        error: Option<ApiError>,
    },
    /// The server answered with something the app cannot read (often: a newer server).
    Unreadable(String),
}

impl ApiFailure {
    /// A sentence for the person using the app.
    pub fn message(&self) -> String {
        match self {
            ApiFailure::Unreachable => "Casebook cannot reach its server. Check your connection; this page retries when you are back online.".into(),
            ApiFailure::Server { error: Some(e), .. } => format!("{} (request {})", e.message, e.request_id),
            ApiFailure::Server { status, error: None } => format!("The server answered with status {status}."),
            ApiFailure::Unreadable(_) => "The server's answer could not be read. Reload the page to get the newest version of Casebook.".into(),
        }
    }

    pub fn is_not_found(&self) -> bool {
        matches!(self, ApiFailure::Server { status: 404, .. })
    }
}

/// `GET` a JSON document from the API.
pub async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, ApiFailure> {
    let response = Request::get(path)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| ApiFailure::Unreachable)?;
    if response.ok() {
        response
            .json::<T>()
            .await
            .map_err(|e| ApiFailure::Unreadable(e.to_string()))
    } else {
        let status = response.status();
        let error = response.json::<ApiError>().await.ok();
        Err(ApiFailure::Server { status, error })
    }
}
