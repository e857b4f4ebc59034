//! Sessions and requests: the session cookie, the CSRF header, sign-in rate limiting, strict
//! JSON, and changing one's own password — on SQLite and PostgreSQL.

mod common;

use axum::http::{Method, StatusCode, header};
use common::{call, databases, people, service, sign_in};
use serde_json::json;

#[tokio::test]
async fn a_session_cookie_is_http_only_and_strict_and_signing_out_ends_it_on_the_server() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        let (_, app) = service(store).await;
        let reply = call(
            &app,
            Method::POST,
            "/api/session",
            None,
            Some(json!({"email": "Agent@Acme.test", "password": common::PASSWORD})),
            true,
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", db.name);
        assert_eq!(reply.body["role"], "agent");
        assert!(reply.body.get("password_hash").is_none());
        let set_cookie = reply.headers[header::SET_COOKIE].to_str().expect("ascii").to_string();
        for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
            assert!(set_cookie.contains(attribute), "{set_cookie}");
        }
        assert!(!set_cookie.contains("Secure"), "plain http on localhost");
        let cookie = set_cookie.split(';').next().expect("pair").to_string();
        assert_eq!(
            call(&app, Method::GET, "/api/session", Some(&cookie), None, false)
                .await
                .body["user"]["email"],
            "agent@acme.test"
        );
        let out = call(&app, Method::DELETE, "/api/session", Some(&cookie), None, true).await;
        assert_eq!(out.status, StatusCode::NO_CONTENT);
        assert!(
            out.headers[header::SET_COOKIE]
                .to_str()
                .expect("ascii")
                .contains("Max-Age=0")
        );
        // The old cookie is dead on the server, not just forgotten by the browser.
        assert_eq!(
            call(&app, Method::GET, "/api/session", Some(&cookie), None, false)
                .await
                .body["user"],
            serde_json::Value::Null
        );
    }
}

#[tokio::test]
async fn behind_https_the_cookie_is_secure() {
    let db = &databases().await[0];
    let store = db.open().await;
    people(&store, "Acme").await;
    let (_, app) = service(store).await;
    let request = axum::http::Request::post("/api/session")
        .header(header::CONTENT_TYPE, "application/json")
        .header("x-forwarded-proto", "https")
        .header(casebook_server::auth::CSRF_HEADER, "1")
        .body(axum::body::Body::from(
            json!({"email": "agent@acme.test", "password": common::PASSWORD}).to_string(),
        ))
        .expect("request");
    let response = tower::ServiceExt::oneshot(app, request).await.expect("answer");
    assert!(
        response.headers()[header::SET_COOKIE]
            .to_str()
            .expect("ascii")
            .contains("; Secure")
    );
}

#[tokio::test]
async fn a_state_changing_request_without_the_custom_header_is_refused_and_audited() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        let (state, app) = service(store).await;
        let cookie = sign_in(&app, "agent@acme.test").await;
        let push = json!({"schema_version": 1, "client_id": "client-csrf-1", "mutations": []});
        let reply = call(&app, Method::POST, "/api/sync/push", Some(&cookie), Some(push), false).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", db.name);
        assert_eq!(reply.body["code"], "csrf_header_missing");
        let denied = common::audit_all(
            &state.store,
            casebook_server::store::AuditFilter {
                result: Some("denied".into()),
                ..Default::default()
            },
        )
        .await;
        assert!(
            denied
                .iter()
                .any(|e| e.actor.as_deref() == Some("agent@acme.test")
                    && e.object.as_deref() == Some("/api/sync/push")),
            "{denied:?}"
        );
    }
}

#[tokio::test]
async fn repeated_wrong_passwords_are_rate_limited_even_with_the_right_one_afterwards() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        let (state, app) = service(store).await;
        // An unknown email gives the same answer as a wrong password.
        let reply = call(
            &app,
            Method::POST,
            "/api/session",
            None,
            Some(json!({"email": "nobody@acme.test", "password": "x"})),
            true,
        )
        .await;
        assert_eq!(reply.body["code"], "bad_credentials");
        for _ in 0..5 {
            let reply = call(
                &app,
                Method::POST,
                "/api/session",
                None,
                Some(json!({"email": "agent@acme.test", "password": "wrong"})),
                true,
            )
            .await;
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
            assert_eq!(reply.body["code"], "bad_credentials");
        }
        let reply = call(
            &app,
            Method::POST,
            "/api/session",
            None,
            Some(json!({"email": "agent@acme.test", "password": common::PASSWORD})),
            true,
        )
        .await;
        assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS, "{}", db.name);
        // Others at the same address can still sign in: one person's typos do not lock out a site.
        let other = call(
            &app,
            Method::POST,
            "/api/session",
            None,
            Some(json!({"email": "trainer@acme.test", "password": common::PASSWORD})),
            true,
        )
        .await;
        assert_eq!(other.status, StatusCode::OK);
        let failures = state
            .store
            .read_audit(
                &casebook_server::store::AuditFilter {
                    action: Some("session.sign_in".into()),
                    ..Default::default()
                },
                casebook_server::store::AuditScope::Everything,
            )
            .await
            .expect("audit");
        assert!(failures.iter().filter(|e| e.result == "failed").count() >= 5);
        assert!(failures.iter().any(|e| e.result == "denied"));
    }
}

#[tokio::test]
async fn bodies_must_be_json_well_formed_and_small() {
    let db = &databases().await[0];
    let store = db.open().await;
    people(&store, "Acme").await;
    let (_, app) = service(store).await;
    let cookie = sign_in(&app, "agent@acme.test").await;
    let send = |content_type: &'static str, body: String| {
        let app = app.clone();
        let cookie = cookie.clone();
        async move {
            let request = axum::http::Request::post("/api/sync/push")
                .header(header::CONTENT_TYPE, content_type)
                .header(header::COOKIE, cookie)
                .header(casebook_server::auth::CSRF_HEADER, "1")
                .body(axum::body::Body::from(body))
                .expect("request");
            let response = tower::ServiceExt::oneshot(app, request).await.expect("answer");
            let status = response.status();
            let bytes = http_body_util::BodyExt::collect(response.into_body())
                .await
                .expect("body")
                .to_bytes();
            (
                status,
                serde_json::from_slice::<serde_json::Value>(&bytes).expect("a JSON error body"),
            )
        }
    };
    let (status, body) = send("text/plain", "{}".into()).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNSUPPORTED_MEDIA_TYPE, Some("unsupported_media_type"))
    );
    let (status, body) = send("application/json", "{not json".into()).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("bad_request"))
    );
    let (status, body) = send("application/json", "{\"schema_version\": \"one\"}".into()).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid"))
    );
    let huge = format!(
        "{{\"pad\": \"{}\"}}",
        "x".repeat(casebook_server::BODY_LIMIT_BYTES + 10)
    );
    let (status, body) = send("application/json", huge).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, Some("payload_too_large"))
    );
    assert!(body["request_id"].as_str().is_some_and(|id| id.len() == 32));
}

#[tokio::test]
async fn a_person_changes_their_own_password_and_their_other_sessions_end() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        let (_, app) = service(store).await;
        let here = sign_in(&app, "trainer@acme.test").await;
        let elsewhere = sign_in(&app, "trainer@acme.test").await;
        let change = |current: &str, new: &str| {
            let (app, here, body) = (app.clone(), here.clone(), json!({"current": current, "new": new}));
            async move {
                call(
                    &app,
                    Method::POST,
                    "/api/session/password",
                    Some(&here),
                    Some(body),
                    true,
                )
                .await
            }
        };
        let signed_in = |cookie: String| {
            let app = app.clone();
            async move {
                !call(&app, Method::GET, "/api/session", Some(&cookie), None, false)
                    .await
                    .body["user"]
                    .is_null()
            }
        };

        let wrong = change("not the password", "a long new password").await;
        assert_eq!(
            (wrong.status, wrong.body["message"].as_str()),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("Your current password is wrong.")
            ),
            "{}",
            db.name
        );
        assert!(
            signed_in(here.clone()).await,
            "{}: a wrong answer does not sign out",
            db.name
        );
        assert_eq!(
            change(common::PASSWORD, "short").await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            change(common::PASSWORD, common::PASSWORD).await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );

        let ok = change(common::PASSWORD, "my very own password").await;
        assert_eq!(ok.status, StatusCode::NO_CONTENT, "{}: {:?}", db.name, ok.body);
        assert!(signed_in(here.clone()).await, "{}: this session stays", db.name);
        assert!(!signed_in(elsewhere).await, "{}: the other session ended", db.name);
        let old = common::try_sign_in(&app, "trainer@acme.test", common::PASSWORD).await;
        assert_eq!(old.status, StatusCode::UNAUTHORIZED);
        let new = common::try_sign_in(&app, "trainer@acme.test", "my very own password").await;
        assert_eq!(new.status, StatusCode::OK);

        // Guessing the current password through an open session is limited like sign-in.
        let mut last = StatusCode::OK;
        for _ in 0..6 {
            last = change("guess", "another long password").await.status;
        }
        assert_eq!(last, StatusCode::TOO_MANY_REQUESTS, "{}", db.name);
    }
}

#[tokio::test]
async fn a_person_s_interface_language_follows_them_and_only_them() {
    for db in databases().await {
        let (_store, _state, app) = common::acme_and_globex(&db).await;
        let acme = sign_in(&app, "agent@acme.test").await;
        let globex = sign_in(&app, "agent@globex.test").await;
        let choose = |cookie: Option<String>, body: serde_json::Value| {
            let app = app.clone();
            async move {
                call(
                    &app,
                    Method::PUT,
                    "/api/session/language",
                    cookie.as_deref(),
                    Some(body),
                    true,
                )
                .await
            }
        };
        assert_eq!(
            choose(Some(acme.clone()), json!({"lang": "ar"})).await.status,
            StatusCode::NO_CONTENT,
            "{}",
            db.name
        );
        // It comes back with the session, on this device and on any other.
        let again = sign_in(&app, "agent@acme.test").await;
        for cookie in [&acme, &again] {
            let me = call(&app, Method::GET, "/api/session", Some(cookie), None, false).await;
            assert_eq!(me.body["user"]["ui_lang"], "ar", "{}", db.name);
        }
        // Nobody else's changes, whatever organisation.
        let other = call(&app, Method::GET, "/api/session", Some(&globex), None, false).await;
        assert!(
            other.body["user"].get("ui_lang").is_none(),
            "{}: {}",
            db.name,
            other.body
        );
        // Only the languages the interface has; the refusal says which.
        for bad in [
            json!({"lang": "xx"}),
            json!({"lang": "e".repeat(100_000)}),
            json!({"lang": "es", "other": 1}),
        ] {
            let refused = choose(Some(acme.clone()), bad).await;
            assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", db.name);
        }
        let me = call(&app, Method::GET, "/api/session", Some(&acme), None, false).await;
        assert_eq!(me.body["user"]["ui_lang"], "ar", "a refused choice changes nothing");
        // Signed out, there is no one to remember it for.
        assert_eq!(
            choose(None, json!({"lang": "es"})).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
}
