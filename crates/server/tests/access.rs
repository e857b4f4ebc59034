//! The authorization matrix: every endpoint against every role of a vendor and of the
//! platform, written out here independently of the server's own `ACCESS` table — on SQLite
//! and PostgreSQL.

mod common;

use axum::http::{Method, StatusCode};
use common::{call, databases, people, platform, service, sign_in};
use serde_json::json;

/// Who may call what. Columns: anonymous; a vendor's agent, specialist, trainer, admin; the
/// platform's agent, specialist, trainer, admin.
const MATRIX: &[(&str, &str, [bool; 9])] = &[
    ("GET", "/api/health", [true; 9]),
    ("GET", "/api/policies", [true; 9]),
    ("GET", "/api/library", [true; 9]),
    ("GET", "/api/search-index", [true; 9]),
    ("GET", "/api/session", [true; 9]),
    (
        "POST",
        "/api/session/password",
        [false, true, true, true, true, true, true, true, true],
    ),
    (
        "GET",
        "/api/sync/pull?client_id=client-matrix-1",
        [false, true, true, true, true, true, true, true, true],
    ),
    (
        "GET",
        "/api/sync/history?root=sweep/abcdef&before=1",
        [false, true, true, true, true, true, true, true, true],
    ),
    (
        "POST",
        "/api/sync/push",
        [false, true, true, true, true, true, true, true, true],
    ),
    // The library is the platform's: only its policy team changes it.
    (
        "POST",
        "/api/library/import",
        [false, false, false, false, false, false, true, false, true],
    ),
    (
        "POST",
        "/api/library/import/preview",
        [false, false, false, false, false, false, true, false, true],
    ),
    (
        "GET",
        "/api/orgs",
        [false, false, false, false, false, false, true, true, true],
    ),
    // Template authors of any organisation read template files; nothing is stored.
    (
        "POST",
        "/api/templates/parse",
        [false, false, true, true, true, false, true, true, true],
    ),
    // The publisher's policy team lists who may be assigned a sweep's items (the handler
    // checks the sweep is theirs: this one does not exist, so 404 for them).
    (
        "GET",
        "/api/sweeps/abcdef/people",
        [false, false, true, false, true, false, true, false, true],
    ),
    // Guidance writers of any organisation read Markdown into the document model.
    (
        "POST",
        "/api/documents/parse",
        [false, false, true, false, true, false, true, false, true],
    ),
    (
        "GET",
        "/api/audit",
        [false, false, false, false, true, false, false, false, true],
    ),
    (
        "GET",
        "/api/users",
        [false, false, false, false, true, false, false, false, true],
    ),
    (
        "POST",
        "/api/users",
        [false, false, false, false, true, false, false, false, true],
    ),
    (
        "PATCH",
        "/api/users/nobody",
        [false, false, false, false, true, false, false, false, true],
    ),
];

fn body_for(path: &str, who: usize) -> Option<serde_json::Value> {
    match path {
        "/api/sync/push" => Some(json!({
            "schema_version": casebook_core::SCHEMA_VERSION,
            "client_id": format!("client-matrix-{who}"),
            "mutations": []
        })),
        "/api/library/import" | "/api/library/import/preview" | "/api/templates/parse" => Some(json!({"files": []})),
        "/api/users/nobody" => Some(json!({"active": true})),
        "/api/documents/parse" => Some(json!({"markdown": "Hello"})),
        // A wrong current password: allowed to ask (422), nothing changes.
        "/api/session/password" => Some(json!({"current": "not it", "new": "a long new password"})),
        "/api/users" => Some(
            json!({"email": format!("new{who}@x.test"), "name": "New", "role": "agent", "password": "twelve chars long"}),
        ),
        _ => None,
    }
}

#[tokio::test]
async fn every_role_of_every_organisation_kind_against_every_endpoint_matches_the_matrix() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        platform(&store, "Casebook").await;
        let (_, app) = service(store).await;
        let mut cookies = vec![None];
        for org in ["acme", "casebook"] {
            for role in ["agent", "specialist", "trainer", "admin"] {
                cookies.push(Some(sign_in(&app, &format!("{role}@{org}.test")).await));
            }
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
