//! Serving the built app: real files from the dist folder, `index.html` for any other
//! in-app address (so reloading a deep link works), and a real 404 for a missing asset.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant, SystemTime};

use anyhow::Context;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::error::AppError;

/// How often, at most, the server looks whether `dist/index.html` changed.
const RECHECK: Duration = Duration::from_secs(1);

/// The built app's entry page and what the Content-Security-Policy must allow of it.
///
/// A new build of the app can replace `dist/` under a running server (a deploy, or `trunk
/// build` during development). Its boot script differs, so a CSP computed once at start-up
/// would block the new app. The shell therefore re-reads `index.html` when its size or
/// modification time changes, looking at most once a second.
#[derive(Debug)]
pub struct AppShell {
    pub dist: PathBuf,
    built: RwLock<Arc<Build>>,
    checked: Mutex<Instant>,
    /// How often, at most, `index.html` is looked at ([`RECHECK`]; tests look every time).
    recheck: Duration,
}

/// One build's entry page, as served.
#[derive(Debug)]
pub struct Build {
    /// What identifies this version of the file without reading it: (modified, length).
    stamp: Option<(SystemTime, u64)>,
    /// Shared, so answering an in-app address does not copy the page.
    pub index_html: axum::body::Bytes,
    /// `'sha256-…'` sources for each inline `<script>` Trunk wrote into `index.html`.
    pub inline_script_hashes: Vec<String>,
    /// The Content-Security-Policy allowing exactly those scripts.
    pub csp: HeaderValue,
}

impl Build {
    fn read(dist: &Path) -> anyhow::Result<Build> {
        let index = dist.join("index.html");
        let stamp = stamp(&index);
        let index_html = std::fs::read_to_string(&index).with_context(|| {
            format!(
                "cannot read {}; build the app first (cargo xtask dist)",
                index.display()
            )
        })?;
        let inline_script_hashes: Vec<String> = inline_scripts(&index_html)
            .map(|script| {
                let digest = Sha256::digest(script.as_bytes());
                format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
            })
            .collect();
        let csp = HeaderValue::from_str(&content_security_policy(&inline_script_hashes))
            .context("the CSP is not a valid header")?;
        Ok(Build {
            stamp,
            index_html: index_html.into(),
            inline_script_hashes,
            csp,
        })
    }
}

fn stamp(file: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(file).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl AppShell {
    pub fn load(dist: &Path) -> anyhow::Result<AppShell> {
        Ok(AppShell {
            dist: dist.to_path_buf(),
            built: RwLock::new(Arc::new(Build::read(dist)?)),
            checked: Mutex::new(Instant::now()),
            recheck: RECHECK,
        })
    }

    /// The same shell, looking at `index.html` at most once per `every`.
    pub fn with_recheck(mut self, every: Duration) -> AppShell {
        self.recheck = every;
        self
    }

    /// The build being served, read again first if `index.html` changed since it was read.
    /// A broken or half-written new file keeps the previous build until it reads cleanly.
    pub fn current(&self) -> Arc<Build> {
        // One request checks; the others meanwhile serve what is there.
        if let Ok(mut checked) = self.checked.try_lock()
            && checked.elapsed() >= self.recheck
        {
            *checked = Instant::now();
            let served = self.built.read().unwrap_or_else(PoisonError::into_inner).stamp;
            if stamp(&self.dist.join("index.html")) != served {
                match Build::read(&self.dist) {
                    // An empty file is a build being written; look again next time.
                    Ok(build) if !build.index_html.is_empty() => {
                        tracing::info!("the app in {} changed; serving the new build", self.dist.display());
                        *self.built.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(build);
                    }
                    Ok(_) => {}
                    Err(e) => tracing::warn!("keeping the previous build of the app: {e:#}"),
                }
            }
        }
        self.built.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// The app page for an in-app address, or a 404 for something that looks like a file.
    pub fn fallback(&self, uri: &Uri) -> Response {
        let last = uri.path().rsplit('/').next().unwrap_or_default();
        if last.contains('.') {
            return AppError::NotFound(format!("The file {}", uri.path())).into_response();
        }
        let build = self.current();
        let mut response = (StatusCode::OK, build.index_html.clone()).into_response();
        let headers = response.headers_mut();
        // The page and its CSP from the same build, even if a new one lands meanwhile.
        headers.insert(header::CONTENT_SECURITY_POLICY, build.csp.clone());
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
pub fn content_security_policy(inline_script_hashes: &[String]) -> String {
    let script_src = format!("'self' 'wasm-unsafe-eval' {}", inline_script_hashes.join(" "));
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
