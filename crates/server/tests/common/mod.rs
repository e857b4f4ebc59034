//! Shared set-up for the server's tests: real databases (a SQLite file in a temporary folder,
//! and PostgreSQL when `CASEBOOK_TEST_DATABASE_URL` names a server, as `cargo xtask test`
//! does), and small helpers to call the service.
#![allow(dead_code)]

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use casebook_core::clock::Hlc;
use casebook_core::sync::{Change, Mutation, Op, PullResponse, PushRequest, Replica};
use casebook_core::wire::{OrgKind, User};
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

/// Creates a vendor organisation with one person per role; emails are `<role>@<org>.test`.
pub async fn people(store: &Store, org: &str) {
    people_of(store, org, OrgKind::Vendor).await;
}

/// Creates the platform organisation with one person per role; emails are `<role>@<org>.test`.
pub async fn platform(store: &Store, org: &str) {
    people_of(store, org, OrgKind::Platform).await;
}

async fn people_of(store: &Store, org: &str, kind: OrgKind) {
    let now = casebook_server::now_rfc3339();
    let org_id = store.ensure_org(org, kind, &now).await.expect("org");
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

/// The person with this email, as the server knows them.
pub async fn user(store: &Store, email: &str) -> User {
    store
        .account(email)
        .await
        .expect("read")
        .expect("the person exists")
        .user
}

/// The id of organisation `name`.
pub async fn org_id(store: &Store, name: &str) -> String {
    store
        .orgs()
        .await
        .expect("orgs")
        .into_iter()
        .find(|o| o.name == name)
        .expect("the organisation exists")
        .id
}

/// Mutations 1, 2, 3, … of one client, with increasing clocks.
pub fn numbered(ops: Vec<Op>) -> Vec<Mutation> {
    ops.into_iter()
        .enumerate()
        .map(|(i, op)| Mutation {
            id: i as u64 + 1,
            clock: Hlc {
                wall_ms: 1_700_000_000_000 + i as u64,
                counter: 0,
                node: 5,
            },
            op,
        })
        .collect()
}

/// Publishes sweep `id` with `items` items as `email` (a specialist), shared with the named
/// organisations, through the server's push service; returns how many changes it logged.
pub async fn publish_sweep(store: &Store, email: &str, id: &str, items: usize, shared: &[&str]) -> u64 {
    let author = user(store, email).await;
    let mut with = std::collections::BTreeSet::new();
    for name in shared {
        with.insert(org_id(store, name).await);
    }
    let lines: Vec<String> = (1..=items).map(|n| format!("https://x.test/post/{n}")).collect();
    let ops = casebook_core::sweep::publish(id, &author.org_id, &with, &format!("Sweep {id}"), "", &lines.join("\n"))
        .expect("a valid sweep");
    let count = ops.len() as u64;
    let client = format!("seed-{id}-{}", author.id);
    for (chunk, batch) in numbered(ops).chunks(casebook_core::sync::MAX_PUSH).enumerate() {
        let request = PushRequest {
            schema_version: casebook_core::SCHEMA_VERSION,
            client_id: client.chars().take(100).collect(),
            mutations: batch.to_vec(),
        };
        casebook_server::sync::push(store, &author, &request, 1_700_000_000_000, "test")
            .await
            .unwrap_or_else(|e| panic!("publishing {id} (batch {chunk}): {e}"));
    }
    count
}

/// A push request body.
pub fn push_body(client: &str, mutations: Vec<Mutation>) -> Value {
    serde_json::to_value(PushRequest {
        schema_version: casebook_core::SCHEMA_VERSION,
        client_id: client.into(),
        mutations,
    })
    .expect("json")
}

/// Pushes through the HTTP service.
pub async fn push(app: &Router, cookie: &str, client: &str, mutations: Vec<Mutation>) -> Reply {
    call(
        app,
        Method::POST,
        "/api/sync/push",
        Some(cookie),
        Some(push_body(client, mutations)),
        true,
    )
    .await
}

/// Everything `cookie`'s organisation may pull, folded as the app folds it (fetching the history
/// of roots shared with it on the way), with every page's changes as they arrived.
pub async fn pull_all(app: &Router, cookie: &str, client: &str, replica: &mut Replica) -> Vec<Change> {
    let mut seen = Vec::new();
    loop {
        let uri = format!("/api/sync/pull?client_id={client}&cursor={}&limit=50", replica.cursor);
        let reply = call(app, Method::GET, &uri, Some(cookie), None, false).await;
        assert_eq!(reply.status, StatusCode::OK, "pull: {:?}", reply.body);
        let page: PullResponse = serde_json::from_value(reply.body).expect("a pull response");
        let mut history = std::collections::BTreeMap::new();
        for grant in page.access.iter().filter(|a| a.granted) {
            let mut after = 0;
            let mut changes = Vec::new();
            loop {
                let uri = format!(
                    "/api/sync/history?root={}&after={after}&before={}",
                    grant.root, grant.seq
                );
                let reply = call(app, Method::GET, &uri, Some(cookie), None, false).await;
                assert_eq!(reply.status, StatusCode::OK, "history: {:?}", reply.body);
                let part: casebook_core::sync::HistoryResponse = serde_json::from_value(reply.body).expect("history");
                after = part.cursor;
                changes.extend(part.changes);
                if !part.more {
                    break;
                }
            }
            seen.extend(changes.iter().cloned());
            history.insert((grant.root.clone(), grant.seq), changes);
        }
        seen.extend(page.changes.iter().cloned());
        replica.apply_page(&page, &history);
        if !page.more() {
            return seen;
        }
    }
}

/// Audit entries of one organisation (as its admin reads them), newest first.
pub async fn audit_of(store: &Store, org: &str) -> Vec<casebook_server::store::AuditEntry> {
    let id = org_id(store, org).await;
    store
        .read_audit(
            &casebook_server::store::AuditFilter::default(),
            casebook_server::store::AuditScope::Org(&id),
        )
        .await
        .expect("audit")
}

/// The whole audit log, newest first.
pub async fn audit_all(
    store: &Store,
    filter: casebook_server::store::AuditFilter,
) -> Vec<casebook_server::store::AuditEntry> {
    store
        .read_audit(&filter, casebook_server::store::AuditScope::Everything)
        .await
        .expect("audit")
}

/// How many rows a table holds.
pub async fn count_rows(store: &Store, table: &str) -> i64 {
    use sqlx::Row;
    sqlx::query(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
        .fetch_one(store.pool())
        .await
        .expect("count")
        .try_get(0)
        .expect("a number")
}

/// Two organisations, Acme and Globex, with one person per role each, and the service.
pub async fn acme_and_globex(db: &TestDb) -> (Store, AppState, Router) {
    let store = db.open().await;
    people(&store, "Acme").await;
    people(&store, "Globex").await;
    let (state, app) = service(store.clone()).await;
    (store, state, app)
}
