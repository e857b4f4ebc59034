//! Templates kept as Markdown files with front matter: the server reads them (so the YAML
//! reader stays out of the app) and answers with the templates or every problem. Nothing is
//! stored here: the app numbers the versions against what it holds and publishes them
//! through sync, where the templates tool's rules apply as to any other edit.

use axum::Json;
use axum::response::{IntoResponse, Response};
use casebook_core::wire::ApiError;

use super::admin::{ImportRequest, rejected_files};
use crate::error::ApiJson;

/// Reads a folder of template files, all or nothing.
#[utoipa::path(post, path = "/api/templates/parse", tag = "templates", request_body = ImportRequest, responses((status = 200, description = "Every template in the folder, by id, each as version 1 (the app numbers them against the versions it holds)"), (status = 422, description = "Invalid request, or invalid files: `errors` lists every problem (file, line, message, hint)", body = ApiError), (status = 400, body = ApiError), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 415, body = ApiError)))]
pub async fn parse_templates(ApiJson(request): ApiJson<ImportRequest>) -> Response {
    match casebook_core::template::import::parse_templates(&request.source_files()) {
        Ok(templates) => Json(templates).into_response(),
        Err(errors) => rejected_files(errors, "invalid_templates", "The folder"),
    }
}
