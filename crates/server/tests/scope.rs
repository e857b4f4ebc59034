//! Organisations are a hard boundary, on SQLite and PostgreSQL: a pull carries exactly what
//! the reader's organisation may read; a push touching another organisation's object is
//! refused, applies nothing and is audited in both organisations' logs; sharing and
//! unsharing a sweep move it onto and off the readers' devices.

mod common;

use std::collections::BTreeSet;

use axum::http::{Method, StatusCode};
use casebook_core::sweep::{self, ItemEdit, ItemField};
use casebook_core::sync::{Change, Mutation, Op, Overlay, Replica};
use common::{
    audit_of, call, databases, numbered, org_id, people, platform, publish_sweep, pull_all, push, service, sign_in,
};
use serde_json::Value;

/// A decision on item `n` of sweep `id` (an edit any worker of a reading organisation may make).
fn decide(id: &str, n: usize, decision: &str) -> Op {
    let replica = Replica::default();
    let view = Overlay::new(&replica, &[]);
    let item = sweep::item(&view, id, n);
    ItemEdit::Decision(ItemField::decision_value(decision)).op(&item, 0)
}

fn retitle(id: &str, title: &str) -> Op {
    Op::SetField {
        object: sweep::sweep_object(id),
        field: "title".into(),
        value: Value::from(title),
        base: 0,
    }
}

fn objects(changes: &[Change]) -> BTreeSet<String> {
    changes.iter().map(|c| c.op.field_key().0.to_string()).collect()
}

/// The replica's objects under sweep `id`.
fn held(replica: &Replica, id: &str) -> usize {
    let prefix = sweep::sweep_object(id);
    replica
        .fields()
        .filter(|((o, _), _)| *o == prefix || o.starts_with(&format!("{prefix}/")))
        .count()
}

#[tokio::test]
async fn another_vendor_pulls_none_of_a_sweep_not_shared_with_it_and_its_pushes_are_refused_and_audited() {
    for db in databases().await {
        let store = db.open().await;
        platform(&store, "Casebook").await;
        people(&store, "Acme").await;
        people(&store, "Globex").await;
        publish_sweep(&store, "specialist@casebook.test", "election", 5, &["Acme"]).await;
        let (_, app) = service(store.clone()).await;
        let acme = sign_in(&app, "agent@acme.test").await;
        let globex = sign_in(&app, "agent@globex.test").await;
        let reply = push(
            &app,
            &acme,
            "client-acme-01",
            numbered(vec![decide("election", 1, "remove")]),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);

        // Globex sees nothing: no titles, no items, no decisions, no author names.
        let mut replica = Replica::default();
        let seen = pull_all(&app, &globex, "client-globex-1", &mut replica).await;
        assert!(seen.is_empty(), "{}: {:?}", db.name, objects(&seen));
        assert!(replica.objects.is_empty());
        let raw = call(
            &app,
            Method::GET,
            "/api/sync/pull?client_id=client-globex-1",
            Some(&globex),
            None,
            false,
        )
        .await;
        let text = raw.body.to_string();
        assert!(
            !text.contains("election") && !text.contains("Acme"),
            "{}: {text}",
            db.name
        );
        let history = call(
            &app,
            Method::GET,
            "/api/sync/history?root=sweep/election&before=1000",
            Some(&globex),
            None,
            false,
        )
        .await;
        assert_eq!(history.body["changes"], serde_json::json!([]), "{}", db.name);

        // Its pushes to that sweep are refused whole, whatever comes first in the batch.
        let pushes = || {
            common::audit_all(
                &store,
                casebook_server::store::AuditFilter {
                    action: Some("sync.push".into()),
                    ..Default::default()
                },
            )
        };
        let before = pushes().await.len();
        for (client, ops) in [
            ("client-globex-2", vec![decide("election", 2, "no_violation")]),
            ("client-globex-3", vec![retitle("election", "Pwned")]),
        ] {
            let reply = push(&app, &globex, client, numbered(ops)).await;
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}: {:?}", db.name, reply.body);
            assert_eq!(reply.body["code"], "out_of_scope");
            assert_eq!(reply.body["mutation_id"], 1);
        }
        let mut platform_view = Replica::default();
        let specialist = sign_in(&app, "specialist@casebook.test").await;
        pull_all(&app, &specialist, "client-plat-01", &mut platform_view).await;
        let title = platform_view.field("sweep/election", "title").expect("title");
        assert_eq!(
            title.value, "Sweep election",
            "{}: the title was not rewritten",
            db.name
        );
        assert!(
            platform_view
                .field(&sweep::item_object("election", 2), "decision")
                .is_none()
        );
        // Audited in Globex's log, and in the platform's, which owns the sweep.
        let after = pushes().await.len();
        assert_eq!(after - before, 4, "{}: two entries per refused push", db.name);
        for org in ["Globex", "Casebook"] {
            let denied: Vec<_> = audit_of(&store, org)
                .await
                .into_iter()
                .filter(|e| e.action == "sync.push" && e.result == "denied")
                .collect();
            assert_eq!(denied.len(), 2, "{}: {org}'s log: {denied:?}", db.name);
            assert!(denied.iter().all(|e| e.actor.as_deref() == Some("agent@globex.test")));
        }
        assert!(
            audit_of(&store, "Acme").await.iter().all(|e| e.result != "denied"),
            "{}: Acme's log has nothing of it",
            db.name
        );
    }
}

#[tokio::test]
async fn sharing_brings_a_sweeps_current_state_and_unsharing_takes_it_off_the_device() {
    for db in databases().await {
        let store = db.open().await;
        platform(&store, "Casebook").await;
        people(&store, "Acme").await;
        people(&store, "Globex").await;
        publish_sweep(&store, "specialist@casebook.test", "election", 4, &["Acme"]).await;
        publish_sweep(&store, "specialist@casebook.test", "private", 2, &[]).await;
        let (_, app) = service(store.clone()).await;
        let specialist = sign_in(&app, "specialist@casebook.test").await;
        let acme = sign_in(&app, "agent@acme.test").await;
        let globex = sign_in(&app, "agent@globex.test").await;
        let acme_id = org_id(&store, "Acme").await;
        let globex_id = org_id(&store, "Globex").await;
        assert_eq!(
            push(
                &app,
                &acme,
                "client-acme-01",
                numbered(vec![decide("election", 1, "remove")])
            )
            .await
            .status,
            StatusCode::OK
        );
        // Globex has pulled (nothing) before the sweep is shared with it: its cursor is past
        // every change of the sweep.
        let mut globex_replica = Replica::default();
        assert!(
            pull_all(&app, &globex, "client-globex-1", &mut globex_replica)
                .await
                .is_empty()
        );
        let mut acme_replica = Replica::default();
        pull_all(&app, &acme, "client-acme-01", &mut acme_replica).await;
        // The sweep's five own fields, four targets and the decision.
        assert_eq!(held(&acme_replica, "election"), 5 + 4 + 1, "{}", db.name);
        assert_eq!(held(&acme_replica, "private"), 0, "{}: not shared with Acme", db.name);

        let share = |orgs: &[&String], id: u64| Mutation {
            id,
            clock: casebook_core::clock::Hlc {
                wall_ms: 1_800_000_000_000 + id,
                counter: 0,
                node: 3,
            },
            op: Op::SetField {
                object: "sweep/election".into(),
                field: "shared_with".into(),
                value: Value::from(orgs.iter().map(|s| s.to_string()).collect::<Vec<_>>()),
                base: 0,
            },
        };
        let reply = push(
            &app,
            &specialist,
            "client-plat-01",
            vec![share(&[&acme_id, &globex_id], 1)],
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);
        // Globex now receives the sweep as it is, history included, and works on it.
        pull_all(&app, &globex, "client-globex-1", &mut globex_replica).await;
        let mut platform_replica = Replica::default();
        pull_all(&app, &specialist, "client-plat-01", &mut platform_replica).await;
        // The sweep itself, without the work vendors keep to themselves.
        let published = |r: &Replica, id: &str| -> Vec<_> {
            let prefix = sweep::sweep_object(id);
            r.fields()
                .filter(|((o, f), _)| {
                    (*o == prefix || o.starts_with(&format!("{prefix}/"))) && !["decision", "note", "done"].contains(f)
                })
                .map(|((o, f), v)| ((o.to_string(), f.to_string()), v.clone()))
                .collect()
        };
        assert_eq!(
            published(&globex_replica, "election"),
            published(&platform_replica, "election"),
            "{}: the newly shared reader holds the sweep's current state",
            db.name
        );
        assert!(
            globex_replica
                .field(&sweep::item_object("election", 1), "decision")
                .is_none(),
            "{}: Acme's decision is Acme's: Globex never receives it",
            db.name
        );
        assert_eq!(held(&globex_replica, "private"), 0);
        assert_eq!(
            push(
                &app,
                &globex,
                "client-globex-1",
                numbered(vec![decide("election", 2, "label")])
            )
            .await
            .status,
            StatusCode::OK
        );

        // Unshared from Acme: Acme's next pull drops it, and Acme can no longer write to it.
        let reply = push(&app, &specialist, "client-plat-01", vec![share(&[&globex_id], 2)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);
        assert_eq!(
            push(
                &app,
                &globex,
                "client-globex-1",
                vec![Mutation {
                    id: 2,
                    ..numbered(vec![decide("election", 3, "escalate")]).remove(0)
                }]
            )
            .await
            .status,
            StatusCode::OK
        );
        let after = pull_all(&app, &acme, "client-acme-01", &mut acme_replica).await;
        let unshare = Value::from(vec![globex_id.clone()]);
        assert!(
            after.iter().all(|c| {
                let Op::SetField { object, value, .. } = &c.op;
                *object != sweep::item_object("election", 3) && *value != unshare
            }),
            "{}: nothing of the sweep from the unsharing on: {:?}",
            db.name,
            objects(&after)
        );
        assert_eq!(
            held(&acme_replica, "election"),
            0,
            "{}: dropped from the device",
            db.name
        );
        let reply = push(
            &app,
            &acme,
            "client-acme-01",
            vec![Mutation {
                id: 2,
                ..numbered(vec![decide("election", 3, "remove")]).remove(0)
            }],
        )
        .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}: {:?}", db.name, reply.body);
        assert_eq!(reply.body["code"], "out_of_scope");
        // A new Acme device starting from the beginning gets nothing of it either.
        let mut fresh = Replica::default();
        let again = pull_all(&app, &acme, "client-acme-02", &mut fresh).await;
        assert!(
            again.iter().all(|c| !c.op.field_key().0.starts_with("sweep/election")),
            "{}: a lost sweep is not pulled again from the start: {:?}",
            db.name,
            objects(&again)
        );
        // Globex keeps it, without Acme's work; the platform sees each vendor's work, with the
        // author's organisation beside the name.
        pull_all(&app, &globex, "client-globex-1", &mut globex_replica).await;
        assert!(
            globex_replica
                .field(&sweep::item_object("election", 1), "decision")
                .is_none()
        );
        assert!(
            globex_replica
                .field(&sweep::item_object("election", 3), "decision")
                .is_some()
        );
        pull_all(&app, &specialist, "client-plat-01", &mut platform_replica).await;
        let first = platform_replica
            .field(&sweep::item_object("election", 1), "decision")
            .expect("the publisher sees Acme's decision");
        assert_eq!(first.author, "agent (Acme)");
        let second = platform_replica
            .field(&sweep::item_object("election", 2), "decision")
            .expect("the publisher sees Globex's decision");
        assert_eq!(second.author, "agent (Globex)");
    }
}

#[tokio::test]
async fn a_vendor_cannot_share_with_another_vendor_nor_publish_for_it_nor_edit_what_does_not_exist() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        people(&store, "Globex").await;
        let (_, app) = service(store.clone()).await;
        let specialist = sign_in(&app, "specialist@acme.test").await;
        let acme_id = org_id(&store, "Acme").await;
        let globex_id = org_id(&store, "Globex").await;
        let cases: Vec<(Vec<Op>, StatusCode, &str)> = vec![
            (
                sweep::publish("leak01", &acme_id, &BTreeSet::from([globex_id.clone()]), "T", "", "@a").expect("ops"),
                StatusCode::FORBIDDEN,
                "edit_not_allowed",
            ),
            (
                sweep::publish("forged1", &globex_id, &BTreeSet::new(), "T", "", "@a").expect("ops"),
                StatusCode::FORBIDDEN,
                "edit_not_allowed",
            ),
            (
                vec![decide("nosuchsweep", 7, "remove")],
                StatusCode::UNPROCESSABLE_ENTITY,
                "no_such_object",
            ),
            (
                vec![Op::SetField {
                    object: "case/1".into(),
                    field: "note".into(),
                    value: Value::from("x"),
                    base: 0,
                }],
                StatusCode::UNPROCESSABLE_ENTITY,
                "no_such_object",
            ),
        ];
        for (i, (ops, status, code)) in cases.into_iter().enumerate() {
            let reply = push(&app, &specialist, &format!("client-case-{i:02}"), numbered(ops)).await;
            assert_eq!(
                (reply.status, reply.body["code"].as_str()),
                (status, Some(code)),
                "{}: case {i}",
                db.name
            );
        }
        // Its own sweep, kept to itself, is fine; an item past the last one does not exist.
        let own = sweep::publish("own001", &acme_id, &BTreeSet::new(), "T", "", "@a\n@b").expect("ops");
        assert_eq!(
            push(&app, &specialist, "client-own-01", numbered(own)).await.status,
            StatusCode::OK
        );
        let past = push(
            &app,
            &specialist,
            "client-own-02",
            numbered(vec![decide("own001", 3, "remove")]),
        )
        .await;
        assert_eq!(past.body["code"], "no_such_object", "{}", db.name);
    }
}

#[tokio::test]
async fn a_cursor_past_what_the_store_can_hold_is_refused_not_wrapped() {
    for db in databases().await {
        let store = db.open().await;
        people(&store, "Acme").await;
        let (_, app) = service(store).await;
        let agent = sign_in(&app, "agent@acme.test").await;
        for cursor in ["9223372036854775808", "18446744073709551615"] {
            let reply = call(
                &app,
                Method::GET,
                &format!("/api/sync/pull?client_id=client-wrap-01&cursor={cursor}"),
                Some(&agent),
                None,
                false,
            )
            .await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}: {cursor}", db.name);
        }
        let fine = call(
            &app,
            Method::GET,
            "/api/sync/pull?client_id=client-wrap-01&cursor=9223372036854775807",
            Some(&agent),
            None,
            false,
        )
        .await;
        assert_eq!(fine.status, StatusCode::OK, "{}", db.name);
        assert_eq!(fine.body["changes"], serde_json::json!([]));
    }
}

#[tokio::test]
async fn the_platforms_admin_reads_refusals_that_belong_to_no_organisation_and_a_vendors_admin_does_not() {
    for db in databases().await {
        let store = db.open().await;
        platform(&store, "Casebook").await;
        people(&store, "Acme").await;
        let (_, app) = service(store).await;
        let anonymous = call(&app, Method::GET, "/api/users", None, None, false).await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
        for (admin, sees) in [("admin@casebook.test", true), ("admin@acme.test", false)] {
            let cookie = sign_in(&app, admin).await;
            let log = call(
                &app,
                Method::GET,
                "/api/audit?action=request.denied",
                Some(&cookie),
                None,
                false,
            )
            .await;
            let entries = log.body.as_array().expect("entries");
            assert_eq!(
                entries.iter().any(|e| e["actor"].is_null()),
                sees,
                "{}: {admin}: {entries:?}",
                db.name
            );
        }
    }
}
