//! Markdown read into the safe document model for the app, which does not link the parser
//! (pulldown-cmark would add about 114 KB brotli to it). The guidance editor sends a sweep's
//! description here and stores the answer next to the source; the push check reads it again
//! with `document::check` (depth, link targets), so a client cannot store what the parser
//! would not have written. Nothing is stored here.

use axum::Json;
use casebook_core::document::{self, parse_markdown};
use casebook_core::sweep::guidance::MAX_DESCRIPTION_CHARS;
use casebook_core::wire::{ApiError, MarkdownSource, ParsedDocument};

use crate::error::{ApiJson, AppError};

/// Reads Markdown (at most 6,000 characters, nested at most 16 deep) into the document model:
/// raw HTML dropped, link targets other than site paths, fragments, http(s) and mailto lose
/// their target.
#[utoipa::path(post, path = "/api/documents/parse", tag = "documents", request_body = MarkdownSource, responses((status = 200, body = ParsedDocument), (status = 422, description = "Too long, or nested too deep (the line is named)", body = ApiError), (status = 400, body = ApiError), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 415, body = ApiError)))]
pub async fn parse_document(ApiJson(source): ApiJson<MarkdownSource>) -> Result<Json<ParsedDocument>, AppError> {
    let markdown = source.markdown;
    if markdown.chars().count() > MAX_DESCRIPTION_CHARS {
        return Err(AppError::Unprocessable(format!(
            "The text may be at most {MAX_DESCRIPTION_CHARS} characters."
        )));
    }
    let blocks = parse_markdown(&markdown).map_err(|e| {
        let line = markdown[..e.offset.min(markdown.len())].matches('\n').count() + 1;
        AppError::Unprocessable(format!(
            "The text nests deeper than {} levels (quotes, lists, emphasis) at line {line}.",
            document::MAX_NESTING
        ))
    })?;
    // What the parser writes always passes; checked anyway, as a push would be.
    document::check(&blocks).map_err(|e| AppError::Unprocessable(format!("The text cannot be formatted: {e}.")))?;
    Ok(Json(ParsedDocument { blocks }))
}
