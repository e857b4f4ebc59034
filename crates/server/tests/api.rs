//! The HTTP service, driven through `app()` and over a real socket, against a real SQLite
//! file in a temporary folder and, where the store matters, PostgreSQL too.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use casebook_core::import::SourceFile;
use casebook_core::policy::Policy;
use casebook_core::wire::{ApiError, Health, LibrarySnapshot, PolicySummary};
use casebook_server::assets::AppShell;
use casebook_server::library::{demo_files, import};
use casebook_server::store::Store;
use casebook_server::{AppState, app};
use http_body_util::BodyExt;
use tempfile::TempDir;
use tower::ServiceExt;

struct Fixture {
    _dir: TempDir,
    state: AppState,
}

async fn fixture(with_demo: bool, shell: Option<AppShell>) -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(None, dir.path()).await.expect("store opens");
    fixture_on(store, dir, with_demo, shell).await
}

async fn fixture_on(store: Store, dir: TempDir, with_demo: bool, shell: Option<AppShell>) -> Fixture {
    if with_demo {
        import(&store, &demo_files(), "2026-01-01T00:00:00Z")
            .await
            .expect("the demo library imports");
    }
    let state = AppState::new(store, shell).await.expect("state");
    Fixture { _dir: dir, state }
}

async fn send(state: &AppState, request: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let response = app(state.clone()).oneshot(request).await.expect("the service answers");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.expect("body").to_bytes().to_vec();
    (status, headers, body)
}

async fn get(state: &AppState, uri: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    send(state, Request::get(uri).body(Body::empty()).expect("request")).await
}

fn json<T: serde::de::DeserializeOwned>(body: &[u8]) -> T {
    serde_json::from_slice(body).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(body)))
}

#[tokio::test]
async fn health_reports_the_database() {
    for db in common::databases().await {
        let db_dir = tempfile::tempdir().expect("temp dir");
        let f = fixture_on(db.open().await, db_dir, false, None).await;
        let (status, headers, body) = get(&f.state, "/api/health").await;
        assert_eq!(status, StatusCode::OK);
        let health: Health = json(&body);
        assert_eq!(health.status, "ok");
        assert_eq!(health.database.kind, db.name);
        assert!(health.database.ok);
        assert_eq!(health.version, env!("CARGO_PKG_VERSION"));
        assert_eq!(headers[header::CACHE_CONTROL], "no-store");
        assert_eq!(headers["x-request-id"].len(), 32);
    }
}

#[tokio::test]
async fn health_reads_every_table_and_a_damaged_one_makes_it_degraded() {
    for db in common::databases().await {
        let db_dir = tempfile::tempdir().expect("temp dir");
        let f = fixture_on(db.open().await, db_dir, false, None).await;
        sqlx::query("DROP TABLE sign_in_failures")
            .execute(f.state.store.pool())
            .await
            .expect("raw drop");
        let (status, _, body) = get(&f.state, "/api/health").await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{}", db.name);
        let health: Health = json(&body);
        assert_eq!(health.status, "degraded");
        assert!(!health.database.ok);
        assert_eq!(health.database.unreadable_tables, ["sign_in_failures"], "{}", db.name);
    }
}

#[tokio::test]
async fn health_reports_free_disk_space_and_is_degraded_when_it_runs_low() {
    let mut f = fixture(false, None).await;
    let (_, _, body) = get(&f.state, "/api/health").await;
    let health: Health = json(&body);
    let disk = health.disk.expect("SQLite reports its disk");
    assert!(disk.ok && disk.free_bytes > 0, "{disk:?}");
    assert_eq!(health.status, "ok");

    f.state.min_free_disk_bytes = u64::MAX;
    let (status, _, body) = get(&f.state, "/api/health").await;
    // Still serving: a load balancer keeps it, a person sees `degraded`.
    assert_eq!(status, StatusCode::OK);
    let health: Health = json(&body);
    assert_eq!(health.status, "degraded");
    assert!(health.database.ok);
    assert!(!health.disk.expect("disk").ok);
}

#[test]
fn an_older_health_body_without_the_new_fields_still_reads() {
    let health: Health = serde_json::from_str(
        r#"{"status":"ok","version":"0.1.0","database":{"kind":"sqlite","ok":true},"schema_version":1}"#,
    )
    .expect("backwards compatible");
    assert!(health.disk.is_none() && health.database.unreadable_tables.is_empty());
}

#[tokio::test]
async fn a_file_that_is_not_a_database_stops_start_up_at_once_with_one_clear_line() {
    for contents in ["this is not a database\n", "SQLite"] {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("casebook.sqlite3"), contents).expect("write");
        let started = std::time::Instant::now();
        let error = Store::open(None, dir.path()).await.expect_err("refused");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
        let message = format!("{error:#}");
        assert!(
            message.ends_with("casebook.sqlite3 is not a SQLite database"),
            "{message}"
        );
        assert!(!message.contains('\n'), "{message}");
    }
}

#[tokio::test]
async fn sqlite_syncs_every_commit_to_disk() {
    let f = fixture(false, None).await;
    // Every connection of the pool, not only the first.
    let mut connections = Vec::new();
    for _ in 0..4 {
        connections.push(f.state.store.pool().acquire().await.expect("connection"));
    }
    for connection in &mut connections {
        let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&mut **connection)
            .await
            .expect("pragma");
        assert_eq!(synchronous, 2, "FULL");
    }
}

#[tokio::test]
async fn the_demo_library_is_listed_and_each_policy_opens() {
    for db in common::databases().await {
        let db_dir = tempfile::tempdir().expect("temp dir");
        let f = fixture_on(db.open().await, db_dir, true, None).await;
        let (status, _, body) = get(&f.state, "/api/policies").await;
        assert_eq!(status, StatusCode::OK);
        let list: Vec<PolicySummary> = json(&body);
        assert!(list.len() >= 25, "{} policies", list.len());
        for summary in &list {
            let (status, _, body) = get(&f.state, &format!("/api/policies/{}", summary.slug)).await;
            assert_eq!(status, StatusCode::OK, "{}", summary.slug);
            let policy: Policy = json(&body);
            assert_eq!(policy.slug, summary.slug);
            assert_eq!(policy.current().map(|v| v.number), Some(summary.current_version));
        }
    }
}

#[tokio::test]
async fn unknown_api_paths_and_policies_are_json_404s_and_wrong_methods_405s() {
    let f = fixture(true, None).await;
    for uri in ["/api/nope", "/api/policies/no-such-policy", "/api/policies/a/b/c"] {
        let (status, _, body) = get(&f.state, uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        let error: ApiError = json(&body);
        assert_eq!(error.code, "not_found");
        assert_eq!(error.request_id.len(), 32);
    }
    let (status, _, body) = send(
        &f.state,
        Request::delete("/api/policies").body(Body::empty()).expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(json::<ApiError>(&body).code, "method_not_allowed");
}

#[tokio::test]
async fn the_library_snapshot_has_an_etag_and_an_unchanged_library_costs_a_304() {
    for db in common::databases().await {
        let db_dir = tempfile::tempdir().expect("temp dir");
        let f = fixture_on(db.open().await, db_dir, true, None).await;
        let (status, headers, body) = get(&f.state, "/api/library").await;
        assert_eq!(status, StatusCode::OK);
        let snapshot: LibrarySnapshot = json(&body);
        assert_eq!(snapshot.schema_version, casebook_core::SCHEMA_VERSION);
        assert!(
            snapshot.library.section_count() >= 150,
            "{} sections",
            snapshot.library.section_count()
        );
        let etag = headers[header::ETAG].to_str().expect("ascii").to_string();
        assert_eq!(etag, format!("\"{}\"", snapshot.revision));
        let request = Request::get("/api/library")
            .header(header::IF_NONE_MATCH, &etag)
            .body(Body::empty())
            .expect("request");
        let (status, _, body) = send(&f.state, request).await;
        assert_eq!(status, StatusCode::NOT_MODIFIED);
        assert!(body.is_empty());
    }
}

fn built_app(dir: &std::path::Path) -> AppShell {
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><html><head><script type=\"module\">import init from '/app.js'; init();</script></head><body></body></html>",
    )
    .expect("write index");
    std::fs::write(dir.join("app.js"), "export default function init() {}").expect("write asset");
    AppShell::load(dir).expect("the shell loads")
}

#[tokio::test]
async fn the_app_is_served_with_a_spa_fallback_but_missing_files_are_404s() {
    let dist = tempfile::tempdir().expect("temp dir");
    let f = fixture(false, Some(built_app(dist.path()))).await;

    for uri in ["/", "/policies/private-information/v/2", "/sweeps/abc"] {
        let (status, headers, body) = get(&f.state, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(
            String::from_utf8_lossy(&body).contains("<script type=\"module\">"),
            "{uri}"
        );
        assert_eq!(headers[header::CACHE_CONTROL], "no-cache", "{uri}");
    }
    let (status, _, body) = get(&f.state, "/app.js").await;
    assert_eq!(status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&body).contains("init"));

    let (status, _, body) = get(&f.state, "/missing-asset.wasm").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(json::<ApiError>(&body).code, "not_found");
}

#[tokio::test]
async fn compressed_copies_written_at_build_time_are_sent_to_browsers_that_accept_them() {
    let dist = tempfile::tempdir().expect("temp dir");
    let shell = built_app(dist.path());
    let wasm = b"\0asm not really a module, but served as its bytes".repeat(10);
    std::fs::write(dist.path().join("app_bg.wasm"), &wasm).expect("write wasm");
    // Not real brotli: the test proves these bytes are sent as they are, not recompressed.
    std::fs::write(dist.path().join("app_bg.wasm.br"), b"brotli bytes").expect("write br");
    std::fs::write(dist.path().join("app_bg.wasm.gz"), b"gzip bytes").expect("write gz");
    std::fs::write(dist.path().join("other.js"), "export const x = 1;\n".repeat(20)).expect("write js");
    let f = fixture(false, Some(shell)).await;
    let fetch = |accept: Option<&'static str>| {
        let mut request = Request::get("/app_bg.wasm");
        if let Some(accept) = accept {
            request = request.header(header::ACCEPT_ENCODING, accept);
        }
        send(&f.state, request.body(Body::empty()).expect("request"))
    };

    let (status, headers, body) = fetch(Some("gzip, deflate, br")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_ENCODING], "br");
    assert_eq!(headers[header::CONTENT_TYPE], "application/wasm");
    assert_eq!(headers[header::VARY], "accept-encoding");
    assert_eq!(body, b"brotli bytes");

    let (status, headers, body) = fetch(Some("gzip")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_ENCODING], "gzip");
    assert_eq!(body, b"gzip bytes");

    let (status, headers, body) = fetch(None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!headers.contains_key(header::CONTENT_ENCODING));
    assert_eq!(headers[header::CONTENT_TYPE], "application/wasm");
    assert_eq!(headers.get_all(header::VARY).iter().count(), 1, "{headers:?}");
    assert_eq!(body, wasm);

    // A file without a compressed copy is compressed on the fly, like the API.
    let (status, headers, _) = fetch_plain(&f.state, "/other.js", "br").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_ENCODING], "br");
    let (_, headers, _) = fetch_plain(&f.state, "/api/library", "br").await;
    assert_eq!(headers[header::CONTENT_ENCODING], "br");
    // The app page is still the shell's, with its CSP.
    let (status, headers, body) = fetch_plain(&f.state, "/", "br").await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers.contains_key(header::CONTENT_SECURITY_POLICY));
    assert!(!body.is_empty());
}

async fn fetch_plain(state: &AppState, uri: &str, accept: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let request = Request::get(uri).header(header::ACCEPT_ENCODING, accept);
    send(state, request.body(Body::empty()).expect("request")).await
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_a_csp_that_allows_only_the_boot_script() {
    let dist = tempfile::tempdir().expect("temp dir");
    let shell = built_app(dist.path());
    let expected_hash = shell.current().inline_script_hashes[0].clone();
    let f = fixture(false, Some(shell)).await;
    for uri in ["/", "/api/health", "/api/nope"] {
        let (_, headers, _) = get(&f.state, uri).await;
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().expect("ascii");
        assert!(csp.contains("default-src 'self'"), "{uri}: {csp}");
        assert!(
            csp.contains(&format!("script-src 'self' 'wasm-unsafe-eval' {expected_hash}")),
            "{uri}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{uri}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{uri}: {csp}");
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY");
        assert_eq!(headers[header::REFERRER_POLICY], "no-referrer");
    }
    // The hash is the SHA-256 of the inline script, so a changed script would be refused.
    assert_eq!(expected_hash.len(), "'sha256-'".len() + 44);
}

#[tokio::test]
async fn a_new_build_of_the_app_is_served_with_its_own_csp_without_a_restart() {
    let dist = tempfile::tempdir().expect("temp dir");
    // The shell looks at index.html on every request here (once a second when serving).
    let shell = built_app(dist.path()).with_recheck(std::time::Duration::ZERO);
    let f = fixture(false, Some(shell)).await;
    let csp = |headers: &axum::http::HeaderMap| {
        headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .expect("ascii")
            .to_string()
    };
    let (_, before, _) = get(&f.state, "/").await;

    // A deploy replaces the build under the running server: a new boot script.
    let script = "import init from '/app-v2.js'; init({ v: 2 });";
    std::fs::write(
        dist.path().join("index.html"),
        format!("<!doctype html><html><head><script type=\"module\">{script}</script></head><body>v2</body></html>"),
    )
    .expect("write the new index");
    let expected = {
        use base64::Engine;
        use sha2::Digest;
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script.as_bytes()))
        )
    };
    for uri in ["/", "/sweeps/abc", "/api/health"] {
        let (_, headers, body) = get(&f.state, uri).await;
        assert!(csp(&headers).contains(&expected), "{uri}: {}", csp(&headers));
        assert_ne!(csp(&headers), csp(&before), "{uri}");
        if !uri.starts_with("/api") {
            assert!(String::from_utf8_lossy(&body).contains("v2"), "{uri}");
        }
    }

    // An empty file (a build being written) keeps the last good build.
    std::fs::write(dist.path().join("index.html"), "").expect("truncate");
    let (status, headers, body) = get(&f.state, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(csp(&headers).contains(&expected));
    assert!(String::from_utf8_lossy(&body).contains("v2"));
}

#[tokio::test]
async fn without_a_built_app_other_paths_say_so_with_a_404() {
    let f = fixture(false, None).await;
    let (status, _, body) = get(&f.state, "/policies/x").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(json::<ApiError>(&body).message.contains("not built"));
}

#[tokio::test]
async fn the_server_answers_over_a_real_socket() {
    let f = fixture(true, None).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    let server = tokio::spawn(axum::serve(listener, app(f.state.clone())).into_future());
    let health: Health = reqwest::get(format!("http://{address}/api/health"))
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(health.status, "ok");
    let policies: Vec<PolicySummary> = reqwest::get(format!("http://{address}/api/policies"))
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert!(!policies.is_empty());
    server.abort();
}

fn policy_file(version: u32, summary: &str) -> SourceFile {
    common::policy_file("test-policy", version, summary)
}

#[tokio::test]
async fn import_is_all_or_nothing_idempotent_and_turns_a_changed_file_into_a_new_version() {
    for db in common::databases().await {
        let store = db.open().await;

        let first = import(&store, &[policy_file(1, "First.")], "t1")
            .await
            .expect("valid import");
        assert_eq!(first.added, vec!["test-policy v1"]);

        let again = import(&store, &[policy_file(1, "First.")], "t2")
            .await
            .expect("same folder");
        assert!(again.added.is_empty());
        assert_eq!(again.unchanged, 1);

        let changed = import(&store, &[policy_file(1, "Changed.")], "t3")
            .await
            .expect("changed file");
        assert_eq!(changed.added, vec!["test-policy v2"]);

        let mut broken = policy_file(3, "Third.");
        broken.text = broken.text.replace("area: fraud-scams", "area: nonsense");
        let failure = import(&store, &[policy_file(4, "Would be new."), broken], "t4").await;
        match failure {
            Err(casebook_server::library::ImportFailure::Invalid(errors)) => {
                assert_eq!(errors.len(), 1);
                assert!(errors[0].message.contains("unknown area"), "{:?}", errors[0]);
                assert_eq!(errors[0].line, 4);
            }
            other => panic!("expected a validation failure, got {other:?}"),
        }
        let library = store.load_library().await.expect("load");
        let numbers: Vec<u32> = library.policies[0].versions.iter().map(|v| v.number).collect();
        assert_eq!(numbers, vec![1, 2], "the failed import added nothing");
        drop(store);

        // The database keeps everything across a restart.
        let reopened = db.open().await;
        assert_eq!(
            reopened.load_library().await.expect("load").policies[0].versions.len(),
            2
        );
    }
}

#[tokio::test]
async fn the_search_index_is_served_as_bytes_the_core_engine_loads() {
    for db in common::databases().await {
        let db_dir = tempfile::tempdir().expect("temp dir");
        let f = fixture_on(db.open().await, db_dir, true, None).await;
        let (status, headers, body) = get(&f.state, "/api/search-index").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_TYPE], "application/octet-stream");
        let index = casebook_core::search::SearchIndex::from_bytes(&body).expect("valid index bytes");
        let library = f.state.library.current();
        assert_eq!(index.doc_count(), library.library.section_count());
        let mut engine = casebook_core::search::Engine::new(index);
        let results = engine.search("doxing home adress", &casebook_core::search::Filters::default(), 3);
        let top = engine.index().key(results.hits[0].doc);
        assert!(top.starts_with("private-information#"), "{top}");

        let etag = headers[header::ETAG].to_str().expect("ascii").to_string();
        let request = Request::get("/api/search-index")
            .header(header::IF_NONE_MATCH, &etag)
            .body(Body::empty())
            .expect("request");
        let (status, _, _) = send(&f.state, request).await;
        assert_eq!(status, StatusCode::NOT_MODIFIED);
    }
}

#[tokio::test]
async fn the_openapi_document_is_generated_and_documents_every_route_in_the_access_table() {
    let f = fixture(false, None).await;
    let (status, _, body) = get(&f.state, "/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    let doc: serde_json::Value = json(&body);
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    for (method, path, _) in casebook_server::auth::ACCESS {
        if *path == "/api/openapi.json" {
            continue;
        }
        let operation = &doc["paths"][path][method.as_str().to_lowercase()];
        assert!(operation.is_object(), "{method} {path} is not in the OpenAPI document");
    }
    assert!(doc["components"]["schemas"]["PushRequest"].is_object());
    assert!(doc["components"]["securitySchemes"]["session"].is_object());
}
