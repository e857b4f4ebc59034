//! Shared set-up for the server's tests: real databases (a SQLite file in a temporary folder,
//! and PostgreSQL when `CASEBOOK_TEST_DATABASE_URL` names a server, as `cargo xtask test`
//! does), and small helpers to call the service.
#![allow(dead_code)]

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use casebook_server::auth::{CSRF_HEADER, Role, hash_password};
use casebook_server::store::Store;
use casebook_server::{AppState, app};
use http_body_util::BodyExt;
use serde_json::Value;
use sqlx::any::AnyPoolOptions;
use tempfile::TempDir;
use tower::ServiceExt;

/// One database a test runs against.
pub struct TestDb {
    pub name: &'static str,
    /// `None` for SQLite in `dir`.
    pub url: Option<String>,
    pub dir: TempDir,
}

impl TestDb {
    /// A new connection pool on this database (as a restarted server would open).
    pub async fn open(&self) -> Store {
        Store::open(self.url.as_deref(), self.dir.path())
            .await
            .expect("the store opens")
    }
}

/// The databases every server test runs against: SQLite always, PostgreSQL when available.
pub async fn databases() -> Vec<TestDb> {
    let mut out = vec![TestDb {
        name: "sqlite",
        url: None,
        dir: tempfile::tempdir().expect("temp dir"),
    }];
    match std::env::var("CASEBOOK_TEST_DATABASE_URL") {
        Ok(admin_url) => out.push(TestDb {
            name: "postgres",
            url: Some(fresh_postgres(&admin_url).await),
            dir: tempfile::tempdir().expect("temp dir"),
        }),
        Err(_) if std::env::var("CI").is_ok() => {
            panic!("CASEBOOK_TEST_DATABASE_URL is not set: run the tests with `cargo xtask test`")
        }
        Err(_) => eprintln!(
            "note: PostgreSQL tests skipped (CASEBOOK_TEST_DATABASE_URL is not set; `cargo xtask test` sets it)"
        ),
    }
    out
}

/// A new empty database on the PostgreSQL server, returned as a URL.
pub async fn fresh_postgres(admin_url: &str) -> String {
    sqlx::any::install_default_drivers();
    let name = format!("casebook_test_{}", uuid::Uuid::new_v4().simple());
    let pool = AnyPoolOptions::new()
        .max_connections(1)
        .connect(admin_url)
        .await
        .expect("PostgreSQL is reachable");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&pool)
        .await
        .expect("create database");
    pool.close().await;
    let (base, _) = admin_url.rsplit_once('/').expect("the URL names a database");
    format!("{base}/{name}")
}

/// A valid policy file with one section whose body is `body`.
pub fn policy_file(slug: &str, version: u32, body: &str) -> casebook_core::import::SourceFile {
    casebook_core::import::SourceFile {
        path: format!("policies/{slug}/v{version}.md"),
        text: format!(
            "---\nslug: {slug}\ntitle: Test policy\narea: fraud-scams\nowner: Tests\nregions: [global]\nlanguages: [en]\nversion: {version}\nstatus: published\neffective: 2026-01-01\nverified_until: 2027-01-01\nsummary: A policy for tests.\nactions:\n  - name: Remove content\n    severity: high\n    when: Always.\n---\n\n## Overview {{#overview}}\n\n{body}\n"
        ),
    }
}

pub const PASSWORD: &str = "a long test password";

/// Creates an organisation with one person per role; emails are `<role>@<org>.test`.
pub async fn people(store: &Store, org: &str) {
    let now = casebook_server::now_rfc3339();
    let org_id = store.ensure_org(org, &now).await.expect("org");
    let hash = hash_password(PASSWORD).expect("hash");
    for role in Role::ALL {
        let email = format!("{}@{}.test", role.as_str(), org.to_lowercase());
        store
            .create_user(&org_id, &email, role.as_str(), role, &hash, &now)
            .await
            .expect("user");
    }
}

pub async fn service(store: Store) -> (AppState, Router) {
    let state = AppState::new(store, None).await.expect("state");
    (state.clone(), app(state))
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

/// Sends a request; `cookie` is the session, `body` JSON. State-changing requests carry the
/// CSRF header unless `csrf` is false.
pub async fn call(
    app: &Router,
    method: Method,
    uri: &str,
    cookie: Option<&str>,
    body: Option<Value>,
    csrf: bool,
) -> Reply {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    if csrf {
        request = request.header(CSRF_HEADER, "1");
    }
    let request = match body {
        Some(json) => request
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(json.to_string())),
        None => request.body(Body::empty()),
    }
    .expect("request");
    let response = app.clone().oneshot(request).await.expect("the service answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Reply { status, headers, body }
}

/// Tries to sign in with this password and returns the server's answer, whatever it is.
pub async fn try_sign_in(app: &Router, email: &str, password: &str) -> Reply {
    call(
        app,
        Method::POST,
        "/api/session",
        None,
        Some(serde_json::json!({"email": email, "password": password})),
        true,
    )
    .await
}

/// Signs in and returns the `Cookie` header value for the session.
pub async fn sign_in(app: &Router, email: &str) -> String {
    let reply = call(
        app,
        Method::POST,
        "/api/session",
        None,
        Some(serde_json::json!({"email": email, "password": PASSWORD})),
        true,
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "sign-in of {email}: {:?}", reply.body);
    let set_cookie = reply.headers[header::SET_COOKIE].to_str().expect("ascii");
    set_cookie.split(';').next().expect("name=value").to_string()
}
