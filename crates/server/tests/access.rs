//! Accounts and access: the authorization matrix, sessions, the CSRF header, sign-in rate
//! limiting, strict JSON, and the append-only audit log — on SQLite and PostgreSQL.

mod common;

use axum::http::{Method, StatusCode, header};
use common::{call, databases, people, service, sign_in};
use serde_json::json;

/// Who may call what, written out here independently of the server's own table.
/// `true` means allowed for: anonymous, agent, specialist, trainer, admin.
const MATRIX: &[(&str, &str, [bool; 5])] = &[
    ("GET", "/api/health", [true, true, true, true, true]),
    ("GET", "/api/policies", [true, true, true, true, true]),
    ("GET", "/api/library", [true, true, true, true, true]),
    ("GET", "/api/search-index", [true, true, true, true, true]),
    ("GET", "/api/session", [true, true, true, true, true]),
    ("POST", "/api/session/password", [false, true, true, true, true]),
    (
        "GET",
        "/api/sync/pull?client_id=client-matrix-1",
        [false, true, true, true, true],
    ),
    ("POST", "/api/sync/push", [false, true, true, true, true]),
    ("POST", "/api/library/import", [false, false, false, false, true]),
    ("GET", "/api/audit", [false, false, false, false, true]),
    ("GET", "/api/users", [false, false, false, false, true]),
    ("POST", "/api/users", [false, false, false, false, true]),
    ("PATCH", "/api/users/nobody", [false, false, false, false, true]),
];

fn body_for(path: &str, who: usize) -> Option<serde_json::Value> {
    match path {
        "/api/sync/push" => {
            Some(json!({"schema_version": 1, "client_id": format!("client-matrix-{who}"), "mutations": []}))
        }
        "/api/library/import" => Some(json!({"files": []})),
        "/api/users/nobody" => Some(json!({"active": true})),
        // A wrong current password: allowed to ask (422), nothing changes.
        "/api/session/password" => Some(json!({"current": "not it", "new": "a long new password"})),
        "/api/users" => Some(
            json!({"email": format!("new{who}@x.test"), "name": "New", "role": "agent", "password": "twelve chars long"}),
        ),
        _ => None,
    }
}

#[tokio::test]
async fn every_role_against_every_endpoint_matches_the_matrix() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        let (_, app) = service(store).await;
        let mut cookies = vec![None];
        for role in ["agent", "specialist", "trainer", "admin"] {
            cookies.push(Some(sign_in(&app, &format!("{role}@acme.test")).await));
        }
        for (method, path, allowed) in MATRIX {
            for (who, cookie) in cookies.iter().enumerate() {
                let method = Method::from_bytes(method.as_bytes()).expect("method");
                let reply = call(&app, method.clone(), path, cookie.as_deref(), body_for(path, who), true).await;
                let refused = matches!(reply.status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN);
                assert_eq!(
                    !refused, allowed[who],
                    "{}: {method} {path} as #{who} answered {} {:?}",
                    db.name, reply.status, reply.body
                );
                if refused {
                    let expected = if who == 0 { "sign_in_required" } else { "forbidden" };
                    assert_eq!(reply.body["code"], expected, "{}: {method} {path} as #{who}", db.name);
                }
            }
        }
    }
}

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
        let denied = state
            .store
            .read_audit(
                &casebook_server::store::AuditFilter {
                    result: Some("denied".into()),
                    ..Default::default()
                },
                None,
            )
            .await
            .expect("audit");
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
                None,
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
async fn the_audit_log_records_state_changes_and_the_database_refuses_to_rewrite_it() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        let (state, app) = service(store.clone()).await;
        let admin = sign_in(&app, "admin@acme.test").await;
        let created = call(&app, Method::POST, "/api/users", Some(&admin), Some(json!({"email": "new@acme.test", "name": "New Person", "role": "trainer", "password": "long enough password"})), true).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}: {:?}", db.name, created.body);
        let log = call(
            &app,
            Method::GET,
            "/api/audit?action=user.create",
            Some(&admin),
            None,
            false,
        )
        .await;
        let entries = log.body.as_array().expect("a list");
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0]["actor"], "admin@acme.test");
        assert_eq!(entries[0]["result"], "ok");
        assert_eq!(entries[0]["request_id"].as_str().map(str::len), Some(32));
        let before = state
            .store
            .read_audit(&Default::default(), None)
            .await
            .expect("audit")
            .len();
        assert!(
            sqlx::query("UPDATE audit_log SET result = 'ok'")
                .execute(store.pool())
                .await
                .is_err(),
            "{}: update refused",
            db.name
        );
        assert!(
            sqlx::query("DELETE FROM audit_log")
                .execute(store.pool())
                .await
                .is_err(),
            "{}: delete refused",
            db.name
        );
        assert_eq!(
            state
                .store
                .read_audit(&Default::default(), None)
                .await
                .expect("audit")
                .len(),
            before
        );
    }
}

#[tokio::test]
async fn an_admin_sees_and_creates_people_only_in_their_own_organisation() {
    let db = &databases().await[0];
    let store = db.open().await;
    people(&store, "Acme").await;
    people(&store, "Globex").await;
    let (_, app) = service(store).await;
    let admin = sign_in(&app, "admin@acme.test").await;
    let list = call(&app, Method::GET, "/api/users", Some(&admin), None, false).await;
    let emails: Vec<&str> = list
        .body
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|u| u["email"].as_str())
        .collect();
    assert_eq!(emails.len(), 4);
    assert!(emails.iter().all(|e| e.ends_with("@acme.test")), "{emails:?}");
    let created = call(
        &app,
        Method::POST,
        "/api/users",
        Some(&admin),
        Some(json!({"email": "x@acme.test", "name": "X", "role": "agent", "password": "long enough password"})),
        true,
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.body);
    assert_eq!(created.body["active"], true);
    let list = call(&app, Method::GET, "/api/users", Some(&admin), None, false).await;
    assert!(
        list.body
            .as_array()
            .expect("list")
            .iter()
            .any(|p| p["email"] == "x@acme.test"),
        "the new person is in the admin's own organisation: {:?}",
        list.body
    );
    let duplicate = call(
        &app,
        Method::POST,
        "/api/users",
        Some(&admin),
        Some(json!({"email": "agent@globex.test", "name": "X", "role": "agent", "password": "long enough password"})),
        true,
    )
    .await;
    assert_eq!(duplicate.status, StatusCode::CONFLICT);
    let weak = call(
        &app,
        Method::POST,
        "/api/users",
        Some(&admin),
        Some(json!({"email": "y@acme.test", "name": "Y", "role": "agent", "password": "short"})),
        true,
    )
    .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// The id of `email` in the admin's list of people.
async fn person_id(app: &axum::Router, admin: &str, email: &str) -> String {
    let list = call(app, Method::GET, "/api/users", Some(admin), None, false).await;
    list.body
        .as_array()
        .expect("list")
        .iter()
        .find(|p| p["email"] == email)
        .and_then(|p| p["id"].as_str())
        .unwrap_or_else(|| panic!("{email} is not in {:?}", list.body))
        .to_string()
}

#[tokio::test]
async fn an_admin_switches_accounts_off_and_on_changes_roles_and_passwords_and_every_change_is_audited() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        people(&store, "Globex").await;
        let (_, app) = service(store).await;
        let admin = sign_in(&app, "admin@acme.test").await;
        let agent = sign_in(&app, "agent@acme.test").await;
        let agent_id = person_id(&app, &admin, "agent@acme.test").await;
        let change = |id: &str, body: serde_json::Value| {
            let (app, admin, uri) = (app.clone(), admin.clone(), format!("/api/users/{id}"));
            async move { call(&app, Method::PATCH, &uri, Some(&admin), Some(body), true).await }
        };
        let signed_in = |cookie: String| {
            let app = app.clone();
            async move {
                let me = call(&app, Method::GET, "/api/session", Some(&cookie), None, false).await;
                !me.body["user"].is_null()
            }
        };

        // Switched off: the open session ends at once and signing in is refused, plainly.
        let off = change(&agent_id, json!({"active": false})).await;
        assert_eq!(
            (off.status, &off.body["active"]),
            (StatusCode::OK, &json!(false)),
            "{}: {:?}",
            db.name,
            off.body
        );
        assert!(
            !signed_in(agent.clone()).await,
            "{}: the agent's session ended",
            db.name
        );
        let refused = common::try_sign_in(&app, "agent@acme.test", common::PASSWORD).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", db.name);
        assert_eq!(refused.body["code"], "account_switched_off");
        // A wrong password still says only that, so switching off reveals nothing to a stranger.
        let wrong = common::try_sign_in(&app, "agent@acme.test", "not the password at all").await;
        assert_eq!(wrong.body["code"], "bad_credentials");

        // Switched on again: signing in works, and a role change applies to the next request.
        let on = change(&agent_id, json!({"active": true, "role": "specialist"})).await;
        assert_eq!(
            (&on.body["active"], &on.body["role"]),
            (&json!(true), &json!("specialist")),
            "{}",
            db.name
        );
        let back = sign_in(&app, "agent@acme.test").await;
        let me = call(&app, Method::GET, "/api/session", Some(&back), None, false).await;
        assert_eq!(me.body["user"]["role"], "specialist");

        // A new password ends the sessions and replaces the old password.
        let reset = change(&agent_id, json!({"password": "a brand new password"})).await;
        assert_eq!(reset.status, StatusCode::OK, "{}: {:?}", db.name, reset.body);
        assert!(!signed_in(back).await, "{}: sessions end with a new password", db.name);
        assert_eq!(
            common::try_sign_in(&app, "agent@acme.test", common::PASSWORD)
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            common::try_sign_in(&app, "agent@acme.test", "a brand new password")
                .await
                .status,
            StatusCode::OK
        );
        let short = change(&agent_id, json!({"password": "short"})).await;
        assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);

        // Never yourself, never another organisation, never an unknown field.
        let admin_id = person_id(&app, &admin, "admin@acme.test").await;
        for body in [
            json!({"active": false}),
            json!({"role": "agent"}),
            json!({"password": "my own new password"}),
        ] {
            let own = change(&admin_id, body).await;
            assert_eq!(
                own.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}: {:?}",
                db.name,
                own.body
            );
        }
        assert!(signed_in(admin.clone()).await);
        let globex_admin = sign_in(&app, "admin@globex.test").await;
        let globex_agent = person_id(&app, &globex_admin, "agent@globex.test").await;
        let foreign = change(&globex_agent, json!({"active": false})).await;
        assert_eq!(foreign.status, StatusCode::NOT_FOUND, "{}", db.name);
        assert_eq!(
            common::try_sign_in(&app, "agent@globex.test", common::PASSWORD)
                .await
                .status,
            StatusCode::OK
        );
        let unknown = change(&agent_id, json!({"email": "new@acme.test"})).await;
        assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
        let nothing = change(&agent_id, json!({})).await;
        assert_eq!(nothing.status, StatusCode::UNPROCESSABLE_ENTITY);

        // Each organisation's admin reads only their own organisation's entries.
        let actors = |reply: common::Reply| -> Vec<String> {
            reply
                .body
                .as_array()
                .expect("list")
                .iter()
                .filter_map(|e| e["actor"].as_str().map(str::to_string))
                .collect()
        };
        let acme_log = actors(call(&app, Method::GET, "/api/audit?limit=500", Some(&admin), None, false).await);
        let globex_log = actors(
            call(
                &app,
                Method::GET,
                "/api/audit?limit=500",
                Some(&globex_admin),
                None,
                false,
            )
            .await,
        );
        assert!(
            acme_log.iter().any(|a| a == "agent@acme.test"),
            "{}: {acme_log:?}",
            db.name
        );
        assert!(
            acme_log.iter().all(|a| a.ends_with("@acme.test")),
            "{}: {acme_log:?}",
            db.name
        );
        assert!(
            globex_log.iter().any(|a| a == "admin@globex.test"),
            "{}: {globex_log:?}",
            db.name
        );
        assert!(
            globex_log.iter().all(|a| a.ends_with("@globex.test")),
            "{}: {globex_log:?}",
            db.name
        );

        let log = call(
            &app,
            Method::GET,
            "/api/audit?action=user.change",
            Some(&admin),
            None,
            false,
        )
        .await;
        let details: Vec<(&str, &str)> = log
            .body
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|e| Some((e["object"].as_str()?, e["detail"].as_str()?)))
            .collect();
        let about = call(
            &app,
            Method::GET,
            "/api/audit?object=agent@acme.test",
            Some(&admin),
            None,
            false,
        )
        .await;
        let about = about.body.as_array().expect("list");
        assert_eq!(
            about.len(),
            3,
            "{}: only the three changes to the agent: {about:?}",
            db.name
        );
        assert!(about.iter().all(|e| e["object"] == "agent@acme.test"));
        let newest = about[0]["id"].as_i64().expect("id");
        let older = call(
            &app,
            Method::GET,
            &format!("/api/audit?object=agent@acme.test&before={newest}&limit=1"),
            Some(&admin),
            None,
            false,
        )
        .await;
        assert_eq!(older.body.as_array().map(Vec::len), Some(1));
        assert_eq!(
            older.body[0]["id"], about[1]["id"],
            "{}: the next page starts below the newest",
            db.name
        );
        for expected in ["switched off", "role specialist, switched on", "new password"] {
            assert!(
                details.contains(&("agent@acme.test", expected)),
                "{}: {expected:?} in {details:?}",
                db.name
            );
        }
        let denied = call(
            &app,
            Method::GET,
            "/api/audit?action=session.sign_in&result=denied",
            Some(&admin),
            None,
            false,
        )
        .await;
        assert!(
            denied
                .body
                .as_array()
                .expect("list")
                .iter()
                .any(|e| e["detail"] == "account switched off"),
            "{}: {:?}",
            db.name,
            denied.body
        );
    }
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
async fn two_admins_demoting_each_other_at_once_leave_one_admin() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        let (_, app) = service(store).await;
        let first = sign_in(&app, "admin@acme.test").await;
        let second_id = {
            let created = call(&app, Method::POST, "/api/users", Some(&first), Some(json!({"email": "admin2@acme.test", "name": "Second", "role": "admin", "password": common::PASSWORD})), true).await;
            created.body["id"].as_str().expect("id").to_string()
        };
        let first_id = person_id(&app, &first, "admin@acme.test").await;
        let second = sign_in(&app, "admin2@acme.test").await;
        let demote = |cookie: String, id: String| {
            let app = app.clone();
            async move {
                call(
                    &app,
                    Method::PATCH,
                    &format!("/api/users/{id}"),
                    Some(&cookie),
                    Some(json!({"role": "agent"})),
                    true,
                )
                .await
            }
        };
        let (a, b) = tokio::join!(demote(first.clone(), second_id), demote(second.clone(), first_id));
        let succeeded = [&a, &b].iter().filter(|r| r.status == StatusCode::OK).count();
        assert_eq!(
            succeeded, 1,
            "{}: {} {:?} / {} {:?}",
            db.name, a.status, a.body, b.status, b.body
        );
        let admin = if a.status == StatusCode::OK { &first } else { &second };
        let list = call(&app, Method::GET, "/api/users", Some(admin), None, false).await;
        let admins = list
            .body
            .as_array()
            .expect("list")
            .iter()
            .filter(|p| p["role"] == "admin" && p["active"] == true)
            .count();
        assert_eq!(admins, 1, "{}: {:?}", db.name, list.body);
    }
}

#[tokio::test]
async fn an_admin_imports_a_library_over_http_all_or_nothing() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        let (state, app) = service(store).await;
        let admin = sign_in(&app, "admin@acme.test").await;
        let file = |version: u32, area: &str| {
            json!({"path": format!("policies/p/v{version}.md"), "text": format!(
                "---\nslug: imported-policy\ntitle: Imported\narea: {area}\nowner: T\nregions: [global]\nlanguages: [en]\nversion: {version}\nstatus: published\neffective: 2026-01-01\nverified_until: 2027-01-01\nsummary: S.\nactions:\n  - name: Remove content\n    severity: high\n    when: W.\n---\n\n## Overview {{#overview}}\n\nText {version}.\n")})
        };
        let bad = call(
            &app,
            Method::POST,
            "/api/library/import",
            Some(&admin),
            Some(json!({"files": [file(1, "fraud-scams"), file(2, "nonsense")]})),
            true,
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", db.name);
        assert_eq!(bad.body["code"], "invalid_library");
        assert_eq!(bad.body["errors"][0]["file"], "policies/p/v2.md");
        assert_eq!(bad.body["errors"][0]["line"], 4);
        assert!(
            state.library.current().library.policy("imported-policy").is_none(),
            "nothing was imported"
        );

        let good = call(
            &app,
            Method::POST,
            "/api/library/import",
            Some(&admin),
            Some(json!({"files": [file(1, "fraud-scams")]})),
            true,
        )
        .await;
        assert_eq!(good.status, StatusCode::OK, "{}: {:?}", db.name, good.body);
        assert_eq!(good.body["added"], json!(["imported-policy v1"]));
        // The served library changed at once.
        let policies = call(&app, Method::GET, "/api/policies", None, None, false).await;
        assert!(
            policies
                .body
                .as_array()
                .expect("list")
                .iter()
                .any(|p| p["slug"] == "imported-policy")
        );
        let again = call(
            &app,
            Method::POST,
            "/api/library/import",
            Some(&admin),
            Some(json!({"files": [file(1, "fraud-scams")]})),
            true,
        )
        .await;
        assert_eq!(again.body["unchanged"], 1);
        assert_eq!(again.body["added"], json!([]));
    }
}
