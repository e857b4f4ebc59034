//! Templates and notes on the write path, on SQLite and PostgreSQL: who writes them by role
//! and organisation, published versions never change, a template shared by the platform
//! reaches exactly the organisations it names, and a note never leaves its organisation.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use axum::http::{Method, StatusCode};
use casebook_core::sync::{Change, Op, Replica};
use casebook_core::template::notes::{self, Note};
use casebook_core::template::{FieldDef, FieldKind, Kind, Language, Template, Variant};
use common::{call, databases, numbered, org_id, people, platform, pull_all, push, service, sign_in};

fn template(id: &str, version: u32) -> Template {
    Template {
        id: id.into(),
        version,
        kind: Kind::Enforcement,
        name: format!("Spam removal v{version}"),
        area: "platform-manipulation-spam".into(),
        default_lang: Language::En,
        fields: vec![FieldDef {
            name: "account".into(),
            label: "Account".into(),
            kind: FieldKind::Handle,
            required: true,
            default: String::new(),
            help: String::new(),
        }],
        variants: BTreeMap::from([(
            Language::En,
            Variant {
                name: None,
                body: "Removed spam from {{ account }}.".into(),
                labels: BTreeMap::new(),
            },
        )]),
    }
}

fn note(text: &str) -> Note {
    Note {
        template: "spam-removal".into(),
        version: 1,
        lang: Language::En,
        values: BTreeMap::from([("account".into(), "@spammer".into())]),
        policy_refs: vec!["spam#bulk@2".into()],
        case_id: Some("CASE-000777".into()),
        text: text.into(),
        at_ms: 1_800_000_000_000,
        kept_personal_data: Vec::new(),
        amends: None,
        sweep_item: None,
    }
}

fn objects(changes: &[Change]) -> BTreeSet<String> {
    changes.iter().map(|c| c.op.field_key().0.to_string()).collect()
}

fn share(id: &str, orgs: &[&str]) -> Op {
    Op::SetField {
        object: notes::template_object(id),
        field: "shared_with".into(),
        value: serde_json::Value::from(orgs.to_vec()),
        base: 0,
    }
}

#[tokio::test]
async fn a_note_reaches_colleagues_and_never_another_organisation() {
    for db in databases().await {
        let store = db.open().await;
        platform(&store, "Casebook").await;
        people(&store, "Acme").await;
        people(&store, "Globex").await;
        let (_, app) = service(store.clone()).await;
        let acme_id = org_id(&store, "Acme").await;
        let platform_id = org_id(&store, "Casebook").await;
        let specialist = sign_in(&app, "specialist@casebook.test").await;
        let acme_agent = sign_in(&app, "agent@acme.test").await;
        let acme_admin = sign_in(&app, "admin@acme.test").await;
        let globex_agent = sign_in(&app, "agent@globex.test").await;

        // The platform publishes a template and shares it with Acme only.
        let mut ops = notes::publish(&template("spam-removal", 1), &platform_id).expect("ops");
        ops.push(share("spam-removal", &[&acme_id]));
        let reply = push(&app, &specialist, "client-plat-01", numbered(ops)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);

        // Acme's agent writes a note from it.
        let ops = notes::save("note000001", &acme_id, &note("Removed spam from @spammer.")).expect("ops");
        let reply = push(&app, &acme_agent, "client-acme-01", numbered(ops)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);

        // A colleague receives the template and the note, with its author.
        let mut colleague = Replica::default();
        let seen = pull_all(&app, &acme_admin, "client-acme-02", &mut colleague).await;
        assert_eq!(
            objects(&seen),
            BTreeSet::from(["template/spam-removal".to_string(), "note/note000001".to_string()]),
            "{}",
            db.name
        );
        let view = casebook_core::sync::Overlay::new(&colleague, &[]);
        let saved = notes::notes(&view);
        assert_eq!(saved.len(), 1, "{}", db.name);
        assert_eq!(saved[0].note, note("Removed spam from @spammer."));
        assert_eq!(saved[0].author, "agent (Acme)", "{}: the author is the pusher", db.name);
        assert_eq!(notes::list(&view)[0].reference(), "spam-removal@1");

        // Globex receives nothing: not the template (not shared with it), not the note.
        let mut globex = Replica::default();
        let seen = pull_all(&app, &globex_agent, "client-globex-1", &mut globex).await;
        assert!(seen.is_empty(), "{}: {:?}", db.name, objects(&seen));
        let raw = call(
            &app,
            Method::GET,
            "/api/sync/history?root=note/note000001&before=1000",
            Some(&globex_agent),
            None,
            false,
        )
        .await;
        assert_eq!(raw.body["changes"], serde_json::json!([]), "{}", db.name);
        // Nor does the platform: the note is Acme's case data.
        let mut platform_replica = Replica::default();
        let seen = pull_all(&app, &specialist, "client-plat-01", &mut platform_replica).await;
        assert!(
            !objects(&seen).contains("note/note000001"),
            "{}: {:?}",
            db.name,
            objects(&seen)
        );

        // Sharing the template with Globex later brings the template, never the note.
        let globex_id = org_id(&store, "Globex").await;
        let mut again = numbered(vec![share("spam-removal", &[&acme_id, &globex_id])]);
        again[0].id = 4;
        let reply = push(&app, &specialist, "client-plat-01", again).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);
        let seen = pull_all(&app, &globex_agent, "client-globex-1", &mut globex).await;
        assert_eq!(
            objects(&seen),
            BTreeSet::from(["template/spam-removal".to_string()]),
            "{}",
            db.name
        );
        assert!(
            globex.fields().all(|((o, _), _)| !o.starts_with("note/")),
            "{}",
            db.name
        );

        // Globex's pushes into Acme's note are refused whole.
        let forged = notes::save("note000001", &globex_id, &note("forged")).expect("ops");
        let reply = push(&app, &globex_agent, "client-globex-2", numbered(forged[1..].to_vec())).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}: {:?}", db.name, reply.body);
        assert_eq!(reply.body["code"], "out_of_scope");
    }
}

#[tokio::test]
async fn template_and_note_writes_obey_roles_and_published_versions_never_change() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        people(&store, "Globex").await;
        let (_, app) = service(store.clone()).await;
        let acme = org_id(&store, "Acme").await;
        let globex = org_id(&store, "Globex").await;
        let cookie = |role: &str, org: &str| format!("{role}@{org}.test");
        let mut cookies = BTreeMap::new();
        for (role, org) in [
            ("agent", "acme"),
            ("trainer", "acme"),
            ("specialist", "acme"),
            ("specialist", "globex"),
        ] {
            let email = cookie(role, org);
            cookies.insert(email.clone(), sign_in(&app, &email).await);
        }
        let who = |role: &str, org: &str| cookies[&cookie(role, org)].clone();
        let v1 = notes::publish(&template("acme-spam", 1), &acme).expect("ops");
        let v2 = notes::publish(&template("acme-spam", 2), &acme).expect("ops");
        let mut changed_v1 = template("acme-spam", 1);
        changed_v1.name = "Rewritten".into();
        let rewrite = notes::publish(&changed_v1, &acme).expect("ops")[1..].to_vec();
        let acme_note = notes::save("note000002", &acme, &note("Removed.")).expect("ops");
        // (who, client, edits, expected status, expected code).
        let table: Vec<(String, &str, Vec<Op>, StatusCode, &str)> = vec![
            (
                who("agent", "acme"),
                "client-agent-1",
                v1.clone(),
                StatusCode::FORBIDDEN,
                "edit_not_allowed",
            ),
            (
                who("trainer", "acme"),
                "client-trainer-1",
                notes::publish(&template("training", 1), &acme).expect("ops"),
                StatusCode::OK,
                "",
            ),
            (
                who("specialist", "globex"),
                "client-globex-1",
                notes::publish(&template("acme-spam", 1), &acme).expect("ops"),
                StatusCode::FORBIDDEN,
                "edit_not_allowed",
            ),
            (who("specialist", "acme"), "client-spec-01", v1, StatusCode::OK, ""),
            (
                who("specialist", "acme"),
                "client-spec-02",
                rewrite,
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_edit",
            ),
            (
                who("specialist", "globex"),
                "client-globex-2",
                v2[..].to_vec(),
                StatusCode::FORBIDDEN,
                "out_of_scope",
            ),
            // A vendor's agent publishes no version of its own organisation's template.
            (
                who("agent", "acme"),
                "client-agent-0",
                v2.clone(),
                StatusCode::FORBIDDEN,
                "edit_not_allowed",
            ),
            (who("trainer", "acme"), "client-trainer-2", v2, StatusCode::OK, ""),
            (
                who("trainer", "acme"),
                "client-trainer-3",
                acme_note.clone(),
                StatusCode::FORBIDDEN,
                "edit_not_allowed",
            ),
            (
                who("agent", "acme"),
                "client-agent-2",
                notes::save("note000003", &globex, &note("x")).expect("ops"),
                StatusCode::FORBIDDEN,
                "edit_not_allowed",
            ),
            (
                who("agent", "acme"),
                "client-agent-3",
                acme_note.clone(),
                StatusCode::OK,
                "",
            ),
            (
                who("agent", "acme"),
                "client-agent-4",
                acme_note[1..].to_vec(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_edit",
            ),
        ];
        for (i, (cookie, client, ops, status, code)) in table.into_iter().enumerate() {
            let reply = push(&app, &cookie, client, numbered(ops)).await;
            assert_eq!(reply.status, status, "{}: row {i}: {:?}", db.name, reply.body);
            if !code.is_empty() {
                assert_eq!(reply.body["code"], code, "{}: row {i}", db.name);
            }
        }
        // The first version reads as it was published; the second is the newest.
        let mut replica = Replica::default();
        pull_all(&app, &who("agent", "acme"), "client-agent-5", &mut replica).await;
        let view = casebook_core::sync::Overlay::new(&replica, &[]);
        let versions = notes::versions(&view, "acme-spam");
        assert_eq!(
            versions.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
            ["Spam removal v1", "Spam removal v2"],
            "{}",
            db.name
        );
        // Another vendor never pulls Acme's templates or notes.
        let mut globex_replica = Replica::default();
        let seen = pull_all(
            &app,
            &who("specialist", "globex"),
            "client-globex-3",
            &mut globex_replica,
        )
        .await;
        assert!(seen.is_empty(), "{}: {:?}", db.name, objects(&seen));
    }
}

const TEMPLATE_FILE: &str = "---
id: warn-spam
name: Spam warning
kind: notice
area: spam
default_lang: en
fields:
  - name: account
    label: Account
    type: handle
    required: true
---

## en
Hello {{ account }}.

## ar
مرحبا {{ account }}.
";

#[tokio::test]
async fn template_files_are_read_all_or_nothing_and_nothing_is_stored() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        let (_, app) = service(store.clone()).await;
        let trainer = sign_in(&app, "trainer@acme.test").await;
        let files = |second: &str| {
            serde_json::json!({"files": [
                {"path": "warn-spam.md", "text": TEMPLATE_FILE},
                {"path": "other.md", "text": second},
                {"path": "README.md", "text": "# Our templates"},
            ]})
        };
        let other = TEMPLATE_FILE.replacen("id: warn-spam", "id: warn-scam", 1);
        let reply = call(
            &app,
            Method::POST,
            "/api/templates/parse",
            Some(&trainer),
            Some(files(&other)),
            true,
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);
        let templates: Vec<Template> = serde_json::from_value(reply.body.clone()).expect("templates");
        assert_eq!(
            templates.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
            ["warn-scam", "warn-spam"]
        );
        assert_eq!(templates[1].variants[&Language::Ar].body, "مرحبا {{ account }}.");

        let broken = other.replacen("Hello {{ account }}.", "Hello {{ acount }}.", 1);
        let reply = call(
            &app,
            Method::POST,
            "/api/templates/parse",
            Some(&trainer),
            Some(files(&broken)),
            true,
        )
        .await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: {:?}",
            db.name,
            reply.body
        );
        assert_eq!(reply.body["code"], "invalid_templates");
        assert_eq!(
            reply.body["errors"],
            serde_json::json!([{
                "file": "other.md",
                "line": 15,
                "message": "en body, column 10: unknown placeholder \"acount\": no field has that name",
                "hint": "placeholders name fields; only if, elif, else and for blocks are allowed",
            }]),
            "{}",
            db.name
        );
        // Reading stores nothing: the app publishes through sync.
        let mut replica = Replica::default();
        let seen = pull_all(&app, &trainer, "client-trainer-9", &mut replica).await;
        assert!(seen.is_empty(), "{}: {:?}", db.name, objects(&seen));
    }
}

#[tokio::test]
async fn the_demo_templates_reach_both_vendors_through_the_push_service() {
    for db in databases().await {
        let store = db.open().await;
        casebook_server::demo::create_accounts(&store).await.expect("demo");
        let (_, app) = service(store.clone()).await;
        let expected = casebook_server::demo::demo_templates().expect("templates").len();
        for email in ["agent@demo.casebook.test", "agent@northwind.casebook.test"] {
            let reply = common::try_sign_in(&app, email, casebook_server::demo::PASSWORD).await;
            assert_eq!(reply.status, StatusCode::OK, "{}: {email}", db.name);
            let cookie = reply.headers[axum::http::header::SET_COOKIE]
                .to_str()
                .expect("ascii")
                .split(';')
                .next()
                .expect("name=value")
                .to_string();
            let mut replica = Replica::default();
            pull_all(&app, &cookie, "client-demo-01", &mut replica).await;
            let view = casebook_core::sync::Overlay::new(&replica, &[]);
            assert_eq!(notes::list(&view).len(), expected, "{}: {email}", db.name);
        }
    }
}
