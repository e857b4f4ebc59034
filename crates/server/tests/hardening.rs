//! Hardening against strangers and floods: bounded inputs, aggregated anonymous refusals,
//! an atomic sign-in limit, password hashing off the runtime, connection limits and
//! timeouts, caching and transport headers, and accounts in another organisation's domain
//! — on SQLite and PostgreSQL where a store is involved.

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use casebook_server::passwords::PasswordWork;
use casebook_server::store::{AuditEntry, AuditFilter, Store};
use common::{Reply, call, databases, people, service, sign_in, try_sign_in};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn whole_log(store: &Store) -> Vec<AuditEntry> {
    store
        .read_audit(
            &AuditFilter {
                limit: Some(500),
                ..Default::default()
            },
            casebook_server::store::AuditScope::Everything,
        )
        .await
        .expect("audit")
}

async fn failures_stored(store: &Store) -> i64 {
    common::count_rows(store, "sign_in_failures").await
}

#[tokio::test]
async fn many_anonymous_refusals_write_a_bounded_number_of_audit_rows() {
    for db in databases().await {
        let store = db.open().await;
        let (mut state, _) = service(store.clone()).await;
        state.proxy_hops = 1;
        let app = casebook_server::app(state.clone());
        let push = json!({"schema_version": 1, "client_id": "client-anon-1", "mutations": []});
        for _ in 0..300 {
            let reply = call(&app, Method::POST, "/api/sync/push", None, Some(push.clone()), true).await;
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        }
        let log = whole_log(&store).await;
        assert_eq!(log.len(), 1, "{}: {log:?}", db.name);
        assert_eq!(log[0].object.as_deref(), Some("/api/sync/push"));
        state.flush_refusals(true).await;
        let log = whole_log(&store).await;
        assert_eq!(log.len(), 2, "{}: {log:?}", db.name);
        assert!(
            log[0].detail.as_deref().is_some_and(|d| d.starts_with("299 more")),
            "{log:?}"
        );
        // From ever new addresses: still bounded, by the number of tallies a window keeps.
        for n in 0..(3 * casebook_server::refusals::MAX_TALLIES) {
            let request = Request::get("/api/audit")
                .header("x-forwarded-for", format!("10.0.{}.{}", n / 250, n % 250))
                .body(Body::empty())
                .expect("request");
            assert_eq!(send(&app, request).await.status, StatusCode::UNAUTHORIZED);
        }
        state.flush_refusals(true).await;
        let rows = whole_log(&store).await.len() - 2;
        let bound = 2 * (casebook_server::refusals::MAX_TALLIES + 1);
        assert!(rows <= bound, "{}: {rows} rows", db.name);
    }
}

#[tokio::test]
async fn a_huge_email_or_password_is_refused_before_anything_is_stored() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        let (_, app) = service(store.clone()).await;
        let huge = format!("{}@acme.test", "a".repeat(1_900_000));
        let reply = try_sign_in(&app, &huge, "whatever").await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", db.name);
        let long_password = "p".repeat(casebook_server::input::MAX_PASSWORD_CHARS + 1);
        let reply = try_sign_in(&app, "agent@acme.test", &long_password).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", db.name);
        assert_eq!(whole_log(&store).await.len(), 0, "{}", db.name);
        assert_eq!(failures_stored(&store).await, 0, "{}", db.name);
        let admin = sign_in(&app, "admin@acme.test").await;
        for body in [
            json!({"email": huge, "name": "X", "role": "agent", "password": common::PASSWORD}),
            json!({"email": "x@acme.test", "name": "n".repeat(100_000), "role": "agent", "password": common::PASSWORD}),
            json!({"email": "x@acme.test", "name": "X", "role": "agent", "password": long_password}),
        ] {
            let reply = call(&app, Method::POST, "/api/users", Some(&admin), Some(body), true).await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", db.name);
        }
        let longest = whole_log(&store)
            .await
            .iter()
            .map(|e| format!("{e:?}").len())
            .max()
            .unwrap_or(0);
        assert!(longest < 2000, "{}: an audit row of {longest} bytes", db.name);
    }
}

#[tokio::test]
async fn nul_and_control_characters_are_refused_with_422_on_every_store() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        let (_, app) = service(store.clone()).await;
        for email in ["agent\0@acme.test", "agent@acme.test\u{1b}"] {
            let reply = try_sign_in(&app, email, common::PASSWORD).await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}: {email:?}", db.name);
        }
        let admin = sign_in(&app, "admin@acme.test").await;
        for body in [
            json!({"email": "x\0@acme.test", "name": "X", "role": "agent", "password": common::PASSWORD}),
            json!({"email": "x@acme.test", "name": "X\0Y", "role": "agent", "password": common::PASSWORD}),
            json!({"email": "x@acme.test", "name": "X\nY", "role": "agent", "password": common::PASSWORD}),
        ] {
            let reply = call(&app, Method::POST, "/api/users", Some(&admin), Some(body.clone()), true).await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}: {body}", db.name);
        }
        for query in ["actor=%00", "action=a%00b", "result=%00", "object=x%00", "actor=a%0Ab"] {
            let reply = call(
                &app,
                Method::GET,
                &format!("/api/audit?{query}"),
                Some(&admin),
                None,
                false,
            )
            .await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}: {query}", db.name);
            assert_eq!(reply.body["code"], "invalid");
        }
        let reply = call(
            &app,
            Method::PATCH,
            "/api/users/a%00b",
            Some(&admin),
            Some(json!({"active": true})),
            true,
        )
        .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", db.name);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_wrong_sign_ins_on_one_account_check_at_most_the_limit() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        let (mut state, _) = service(store.clone()).await;
        state.passwords = PasswordWork::new(2, 64);
        let app = casebook_server::app(state.clone());
        let mut attempts = tokio::task::JoinSet::new();
        for _ in 0..30 {
            let app = app.clone();
            attempts.spawn(async move { try_sign_in(&app, "agent@acme.test", "a wrong password").await.status });
        }
        let mut checked = 0;
        let mut limited = 0;
        while let Some(status) = attempts.join_next().await {
            match status.expect("the attempt ran") {
                StatusCode::UNAUTHORIZED => checked += 1,
                StatusCode::TOO_MANY_REQUESTS => limited += 1,
                other => panic!("{}: unexpected {other}", db.name),
            }
        }
        let max = usize::try_from(casebook_server::api::MAX_FAILURES_PER_EMAIL).expect("small");
        assert_eq!(checked, max, "{}: {checked} passwords checked", db.name);
        assert_eq!(limited, 30 - max, "{}", db.name);
        // The right password now is refused too, and the refusals were audited in aggregate.
        let reply = try_sign_in(&app, "agent@acme.test", common::PASSWORD).await;
        assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS, "{}", db.name);
        let denied = whole_log(&store).await.iter().filter(|e| e.result == "denied").count();
        assert_eq!(denied, 1, "{}", db.name);
    }
}

#[tokio::test]
async fn a_right_password_gives_its_reserved_attempt_back() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        let (_, app) = service(store.clone()).await;
        // One more than the limit: were the attempts not given back, the last would be refused.
        for _ in 0..=casebook_server::api::MAX_FAILURES_PER_EMAIL {
            sign_in(&app, "agent@acme.test").await;
        }
        assert_eq!(failures_stored(&store).await, 0, "{}", db.name);
        let reply = try_sign_in(&app, "agent@acme.test", "wrong").await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        // One failure, under the email and under the address.
        assert_eq!(failures_stored(&store).await, 2, "{}", db.name);
    }
}

/// An account whose stored hash is slow to check (argon2 with many passes), so a sign-in is
/// surely still hashing while the test does other things.
async fn slow_account(store: &Store) -> &'static str {
    use argon2::password_hash::{PasswordHasher, SaltString};
    let salt = SaltString::encode_b64(b"sixteen byte salt").expect("salt");
    let params = argon2::Params::new(19 * 1024, 8, 1, None).expect("params");
    let hash = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password(common::PASSWORD.as_bytes(), &salt)
        .expect("hash")
        .to_string();
    let now = casebook_server::now_rfc3339();
    let org = store
        .ensure_org("Slow", casebook_core::wire::OrgKind::Vendor, &now)
        .await
        .expect("org");
    store
        .create_user(
            &org,
            "slow@slow.test",
            "Slow",
            casebook_server::auth::Role::Agent,
            &hash,
            &now,
        )
        .await
        .expect("user");
    "slow@slow.test"
}

#[tokio::test]
async fn password_work_past_its_limit_is_refused_with_retry_after_and_health_still_answers() {
    let db = &databases().await[0];
    let store = db.open().await;
    people(&store, "Acme").await;
    let slow = slow_account(&store).await;
    let (mut state, _) = service(store.clone()).await;
    state.passwords = PasswordWork::new(1, 0);
    let app = casebook_server::app(state.clone());
    // A current-thread runtime: were argon2 run on it, nothing else would answer meanwhile.
    let first = tokio::spawn({
        let app = app.clone();
        async move { try_sign_in(&app, slow, common::PASSWORD).await.status }
    });
    while state.passwords.in_use() == 0 {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let second = try_sign_in(&app, "agent@acme.test", common::PASSWORD).await;
    assert_eq!(second.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(second.body["code"], "busy");
    assert_eq!(second.headers[header::RETRY_AFTER], "1");
    let health = call(&app, Method::GET, "/api/health", None, None, false).await;
    assert_eq!(health.status, StatusCode::OK);
    assert!(!first.is_finished(), "health answered only after the hashing");
    assert_eq!(first.await.expect("the sign-in ran"), StatusCode::OK);
    // The place is free again.
    assert_eq!(state.passwords.in_use(), 0);
    sign_in(&app, "agent@acme.test").await;
}

/// Serves a fresh SQLite-backed app on 127.0.0.1 with these limits.
async fn served(limits: casebook_server::net::Limits) -> (std::net::SocketAddr, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(None, dir.path()).await.expect("store");
    let (state, _) = service(store).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(casebook_server::net::serve(
        listener,
        casebook_server::app(state),
        limits,
        std::future::pending(),
    ));
    (address, dir)
}

/// Reads until the server closes the connection (bounded, so a failure does not hang).
async fn read_until_closed(stream: &mut TcpStream) -> Option<String> {
    let mut bytes = Vec::new();
    tokio::time::timeout(Duration::from_secs(20), stream.read_to_end(&mut bytes))
        .await
        .ok()?
        .ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

#[tokio::test]
async fn a_half_sent_header_and_an_idle_keep_alive_connection_are_closed_after_the_timeout() {
    let (address, _dir) = served(casebook_server::net::Limits {
        header_read_timeout: Duration::from_millis(300),
        max_connections: 8,
    })
    .await;
    let mut slow = TcpStream::connect(address).await.expect("connect");
    slow.write_all(b"GET /api/health HTTP/1.1\r\nHost: casebook\r\nX-Slow: ")
        .await
        .expect("write");
    assert!(
        read_until_closed(&mut slow).await.is_some(),
        "the half-sent request was kept open"
    );
    let mut idle = TcpStream::connect(address).await.expect("connect");
    idle.write_all(b"GET /api/health HTTP/1.1\r\nHost: casebook\r\n\r\n")
        .await
        .expect("write");
    let answered = read_until_closed(&mut idle)
        .await
        .expect("the idle keep-alive connection was kept open");
    assert!(answered.starts_with("HTTP/1.1 200"), "{answered}");
}

#[tokio::test]
async fn connections_past_the_limit_wait_until_another_closes() {
    let (address, _dir) = served(casebook_server::net::Limits {
        header_read_timeout: Duration::from_secs(60),
        max_connections: 2,
    })
    .await;
    let first = TcpStream::connect(address).await.expect("connect");
    let _second = TcpStream::connect(address).await.expect("connect");
    let mut third = TcpStream::connect(address).await.expect("connect");
    third
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: casebook\r\nConnection: close\r\n\r\n")
        .await
        .expect("write");
    let mut byte = [0u8; 1];
    let early = tokio::time::timeout(Duration::from_millis(300), third.read(&mut byte)).await;
    assert!(early.is_err(), "the third connection was served while two were open");
    drop(first);
    let answer = read_until_closed(&mut third)
        .await
        .expect("served once a place was free");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

async fn send(app: &axum::Router, request: Request<Body>) -> Reply {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let response = app.clone().oneshot(request).await.expect("the service answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    Reply {
        status,
        headers,
        body: serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null),
    }
}

#[tokio::test]
async fn private_api_answers_are_never_cached_and_https_gets_strict_transport_security() {
    let db = &databases().await[0];
    let store = db.open().await;
    people(&store, "Acme").await;
    let (_, app) = service(store).await;
    let admin = sign_in(&app, "admin@acme.test").await;
    for path in [
        "/api/users",
        "/api/audit",
        "/api/session",
        "/api/health",
        "/api/no-such-thing",
    ] {
        let reply = call(&app, Method::GET, path, Some(&admin), None, false).await;
        assert_eq!(reply.headers[header::CACHE_CONTROL], "no-store", "{path}");
    }
    let refused = call(&app, Method::GET, "/api/users", None, None, false).await;
    assert_eq!(refused.headers[header::CACHE_CONTROL], "no-store");
    let library = call(&app, Method::GET, "/api/library", None, None, false).await;
    assert_eq!(library.headers[header::CACHE_CONTROL], "no-cache");
    let etag = library.headers[header::ETAG].clone();
    let revalidated = send(
        &app,
        Request::get("/api/library")
            .header(header::IF_NONE_MATCH, etag)
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(revalidated.status, StatusCode::NOT_MODIFIED);
    assert!(!revalidated.headers.contains_key(header::CACHE_CONTROL));
    let policies = call(&app, Method::GET, "/api/policies", None, None, false).await;
    assert!(!policies.headers.contains_key(header::CACHE_CONTROL));
    assert!(!policies.headers.contains_key(header::STRICT_TRANSPORT_SECURITY));
    let https = send(
        &app,
        Request::get("/api/health")
            .header("x-forwarded-proto", "https")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(https.headers[header::STRICT_TRANSPORT_SECURITY], "max-age=31536000");
}

#[tokio::test]
async fn an_admin_cannot_create_accounts_in_another_organisations_domain_nor_learn_who_is_there() {
    for db in databases().await {
        let (_, _, app) = common::acme_and_globex(&db).await;
        let admin = sign_in(&app, "admin@acme.test").await;
        let create = |email: &str| {
            call(
                &app,
                Method::POST,
                "/api/users",
                Some(&admin),
                Some(json!({"email": email, "name": "X", "role": "agent", "password": common::PASSWORD})),
                true,
            )
        };
        let absent = create("new@globex.test").await;
        let present = create("agent@globex.test").await;
        assert_eq!(absent.status, StatusCode::CONFLICT, "{}: {:?}", db.name, absent.body);
        assert_eq!(present.status, absent.status, "{}", db.name);
        assert_eq!(present.body["message"], absent.body["message"], "{}", db.name);
        // A domain with a LIKE wildcard in it matches only itself.
        let wildcard = create("x@globex_test").await;
        assert_eq!(wildcard.status, StatusCode::CREATED, "{}: {:?}", db.name, wildcard.body);
        let own = create("new@acme.test").await;
        assert_eq!(own.status, StatusCode::CREATED, "{}", db.name);
        let again = create("new@acme.test").await;
        assert_eq!(again.status, StatusCode::CONFLICT, "{}", db.name);
        assert!(
            again.body["message"]
                .as_str()
                .is_some_and(|m| m.contains("exists already"))
        );
    }
}

#[tokio::test]
async fn an_admins_reset_wins_over_an_own_password_change_checked_against_the_old_one() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        let (_, app) = service(store.clone()).await;
        let cookie = sign_in(&app, "agent@acme.test").await;
        let token = cookie.split_once('=').expect("name=value").1;
        let keep = casebook_server::auth::token_hash(token);
        let account = store.account("agent@acme.test").await.expect("read").expect("account");
        let checked = account.password_hash.clone();
        // The admin's reset commits while the person's current password is being checked.
        let reset = casebook_server::auth::hash_password("the admin's new password").expect("hash");
        let change = casebook_core::wire::PersonChange {
            password: Some("the admin's new password".into()),
            ..Default::default()
        };
        let now = casebook_server::now_rfc3339();
        store
            .change_person(&account.user.org_id, &account.user.id, &change, Some(&reset), &now)
            .await
            .expect("change")
            .expect("changed");
        let own = casebook_server::auth::hash_password("the person's own choice").expect("hash");
        let set = store
            .set_own_password(&account.user.id, &checked, &own, &keep)
            .await
            .expect("store");
        assert!(!set, "{}: the stale change was made", db.name);
        let reply = try_sign_in(&app, "agent@acme.test", "the admin's new password").await;
        assert_eq!(reply.status, StatusCode::OK, "{}", db.name);
    }
}

#[tokio::test]
async fn a_person_keeps_a_bounded_number_of_sessions_and_the_newest_stay() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        let account = store.account("agent@acme.test").await.expect("read").expect("account");
        let max = casebook_server::store::MAX_SESSIONS_PER_PERSON;
        let now = casebook_server::now_rfc3339();
        let tokens: Vec<String> = (0..max + 5)
            .map(|n| casebook_server::auth::token_hash(&format!("token {n}")))
            .collect();
        for (n, token) in (0_i64..).zip(&tokens) {
            let opened = store
                .create_session(
                    token,
                    &account.user.id,
                    &account.password_hash,
                    &now,
                    4_000_000_000_000 + n,
                )
                .await
                .expect("store");
            assert!(opened);
        }
        assert_eq!(common::count_rows(&store, "sessions").await, max, "{}", db.name);
        let newest = tokens.last().expect("a token");
        let user = store.session_user(newest, 0).await.expect("read");
        assert!(user.is_some(), "{}: the newest session was ended", db.name);
        assert!(store.session_user(&tokens[0], 0).await.expect("read").is_none());
    }
}
