//! Serving the built app: real files from the dist folder, `index.html` for any other
//! in-app address (so reloading a deep link works), and a real 404 for a missing asset.

use std::path::{Path, PathBuf};

use anyhow::Context;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::error::AppError;

/// The built app's entry page and what the Content-Security-Policy must allow of it.
#[derive(Debug, Clone)]
pub struct AppShell {
    pub dist: PathBuf,
    /// Shared, so answering an in-app address does not copy the page.
    pub index_html: axum::body::Bytes,
    /// `'sha256-…'` sources for each inline `<script>` Trunk wrote into `index.html`.
    pub inline_script_hashes: Vec<String>,
}

impl AppShell {
    pub fn load(dist: &Path) -> anyhow::Result<AppShell> {
        let index = dist.join("index.html");
        let index_html = std::fs::read_to_string(&index).with_context(|| {
            format!(
                "cannot read {}; build the app first (cargo xtask dist)",
                index.display()
            )
        })?;
        let inline_script_hashes = inline_scripts(&index_html)
            .map(|script| {
                let digest = Sha256::digest(script.as_bytes());
                format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
            })
            .collect();
        Ok(AppShell {
            dist: dist.to_path_buf(),
            index_html: index_html.into(),
            inline_script_hashes,
        })
    }

    /// The app page for an in-app address, or a 404 for something that looks like a file.
    pub fn fallback(&self, uri: &Uri) -> Response {
        let last = uri.path().rsplit('/').next().unwrap_or_default();
        if last.contains('.') {
            return AppError::NotFound(format!("The file {}", uri.path())).into_response();
        }
        let mut response = (StatusCode::OK, self.index_html.clone()).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        response
    }
}

/// The bodies of inline `<script>` elements (those without `src`).
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices("<script").filter_map(move |(start, _)| {
        let open_end = start + html[start..].find('>')?;
        if html[start..open_end].contains("src=") {
            return None;
        }
        let body_start = open_end + 1;
        let body_end = body_start + html[body_start..].find("</script>")?;
        Some(&html[body_start..body_end])
    })
}

/// The Content-Security-Policy for every response: nothing from elsewhere, no inline code
/// except the boot scripts whose hashes are listed, no framing.
pub fn content_security_policy(shell: Option<&AppShell>) -> String {
    let hashes = shell.map(|s| s.inline_script_hashes.join(" ")).unwrap_or_default();
    let script_src = format!("'self' 'wasm-unsafe-eval' {hashes}");
    format!(
        "default-src 'self'; script-src {}; style-src 'self'; img-src 'self' data:; font-src 'self'; \
         connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'",
        script_src.trim_end()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_found_and_external_ones_skipped() {
        let html =
            r#"<head><script type="module">boot()</script><script src="/a.js"></script><script>x</script></head>"#;
        assert_eq!(inline_scripts(html).collect::<Vec<_>>(), vec!["boot()", "x"]);
    }
}
