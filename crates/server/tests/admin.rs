//! What administrators do: read their organisation's audit log, manage its people, and (the
//! platform's) import the policy library — on SQLite and PostgreSQL.

mod common;

use axum::http::{Method, StatusCode};
use common::{call, databases, people, service, sign_in};
use serde_json::json;

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
            .read_audit(&Default::default(), casebook_server::store::AuditScope::Everything)
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
                .read_audit(&Default::default(), casebook_server::store::AuditScope::Everything)
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
async fn the_platforms_admin_imports_a_library_over_http_all_or_nothing_and_a_vendors_admin_cannot() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        common::platform(&store, "Casebook").await;
        let (state, app) = service(store).await;
        let vendor_admin = sign_in(&app, "admin@acme.test").await;
        let admin = sign_in(&app, "admin@casebook.test").await;
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
        // A vendor's admin changes nothing in the platform's library (the attack that found
        // this imported a policy every organisation then read).
        let refused = call(
            &app,
            Method::POST,
            "/api/library/import",
            Some(&vendor_admin),
            Some(json!({"files": [file(2, "fraud-scams")]})),
            true,
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", db.name);
        assert_eq!(
            state
                .library
                .current()
                .library
                .policy("imported-policy")
                .map(|p| p.versions.len()),
            Some(1),
            "{}: the vendor's version was not imported",
            db.name
        );
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
