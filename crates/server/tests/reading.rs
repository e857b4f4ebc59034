//! Reading lists on the write path, on SQLite and PostgreSQL: a platform trainer's list
//! reaches exactly the organisations it is shared with, a reader's marks reach their own
//! organisation and the owner and never another vendor (not when the list is shared with it
//! later either), and only the owner's writers edit the list.

mod common;

use std::collections::BTreeSet;

use axum::http::{Method, StatusCode};
use casebook_core::reading::{self, Item};
use casebook_core::sync::{Change, Overlay, Replica};
use common::{call, databases, numbered, org_id, people, platform, pull_all, push, service, sign_in, user};

fn items() -> Vec<Item> {
    vec![
        Item {
            key: 1,
            policy: "spam".into(),
            section: "bulk".into(),
            version: 1,
            note: "Start here.".into(),
        },
        Item {
            key: 2,
            policy: "harassment".into(),
            section: "threats".into(),
            version: 2,
            note: String::new(),
        },
    ]
}

fn objects(changes: &[Change]) -> BTreeSet<String> {
    changes.iter().map(|c| c.op.field_key().0.to_string()).collect()
}

#[tokio::test]
async fn read_marks_reach_the_readers_organisation_and_the_trainer_only() {
    for db in databases().await {
        let store = db.open().await;
        platform(&store, "Casebook").await;
        people(&store, "Acme").await;
        people(&store, "Globex").await;
        let (_, app) = service(store.clone()).await;
        let (acme, globex, plat) = (
            org_id(&store, "Acme").await,
            org_id(&store, "Globex").await,
            org_id(&store, "Casebook").await,
        );
        let trainer = sign_in(&app, "trainer@casebook.test").await;
        let acme_agent = sign_in(&app, "agent@acme.test").await;
        let acme_admin = sign_in(&app, "admin@acme.test").await;
        let globex_agent = sign_in(&app, "agent@globex.test").await;
        let acme_person = user(&store, "agent@acme.test").await.id;
        let globex_person = user(&store, "agent@globex.test").await.id;
        let trainer_person = user(&store, "trainer@casebook.test").await.id;

        // The platform's trainer writes a list and shares it with Acme.
        let ops = reading::create(
            "week1abc",
            &plat,
            "First week",
            "",
            &items(),
            &BTreeSet::from([acme.clone()]),
        )
        .expect("a valid list");
        let reply = push(&app, &trainer, "client-trainer-1", numbered(ops)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);

        // Acme's agent reads it and ticks the first item; the trainer ticks one too.
        let mut acme_replica = Replica::default();
        pull_all(&app, &acme_agent, "client-acme-01", &mut acme_replica).await;
        let view = Overlay::new(&acme_replica, &[]);
        assert_eq!(
            reading::load(&view, "week1abc").expect("shared with Acme").items,
            items()
        );
        let op = reading::mark(&view, "week1abc", &acme_person, 1, Some(1));
        let reply = push(&app, &acme_agent, "client-acme-01", numbered(vec![op])).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);
        let op = reading::mark(&view, "week1abc", &trainer_person, 2, Some(2));
        let reply = push(&app, &trainer, "client-trainer-2", numbered(vec![op])).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);

        // Globex sees nothing, and cannot mark it either.
        let mut globex_replica = Replica::default();
        let seen = pull_all(&app, &globex_agent, "client-glob-01", &mut globex_replica).await;
        assert!(
            !objects(&seen).iter().any(|o| o.starts_with("reading/")),
            "{}: {:?}",
            db.name,
            objects(&seen)
        );
        let op = reading::mark(
            &Overlay::new(&globex_replica, &[]),
            "week1abc",
            &globex_person,
            1,
            Some(1),
        );
        let reply = push(&app, &globex_agent, "client-glob-01", numbered(vec![op])).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}: {:?}", db.name, reply.body);

        // The trainer sees who read what: Acme's agent's mark and their own.
        let mut trainer_replica = Replica::default();
        pull_all(&app, &trainer, "client-trainer-3", &mut trainer_replica).await;
        let who: BTreeSet<(String, Vec<u32>)> = reading::readers(&Overlay::new(&trainer_replica, &[]), "week1abc")
            .into_iter()
            .map(|r| (r.name, r.read.keys().copied().collect()))
            .collect();
        assert_eq!(
            who,
            BTreeSet::from([
                ("agent (Acme)".to_string(), vec![1]),
                ("trainer (Casebook)".to_string(), vec![2])
            ]),
            "{}",
            db.name
        );

        // Acme's admin sees Acme's marks, not the trainer's.
        let mut admin_replica = Replica::default();
        pull_all(&app, &acme_admin, "client-acme-02", &mut admin_replica).await;
        let names: Vec<String> = reading::readers(&Overlay::new(&admin_replica, &[]), "week1abc")
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert_eq!(names, ["agent (Acme)"], "{}", db.name);

        // Shared with Globex later: Globex gets the list and its history, never Acme's marks.
        let view = Overlay::new(&trainer_replica, &[]);
        let op = reading::share(&view, "week1abc", &BTreeSet::from([acme.clone(), globex.clone()]));
        let reply = push(&app, &trainer, "client-trainer-3", numbered(vec![op])).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);
        let seen = pull_all(&app, &globex_agent, "client-glob-01", &mut globex_replica).await;
        let globex_view = Overlay::new(&globex_replica, &[]);
        assert!(reading::load(&globex_view, "week1abc").is_some(), "{}", db.name);
        assert!(
            reading::readers(&globex_view, "week1abc").is_empty(),
            "{}: {:?}",
            db.name,
            objects(&seen)
        );
        assert!(
            !objects(&seen).iter().any(|o| o.contains("/read/")),
            "{}: {:?}",
            db.name,
            objects(&seen)
        );
        let raw = call(
            &app,
            Method::GET,
            "/api/sync/history?root=reading/week1abc&before=100000",
            Some(&globex_agent),
            None,
            false,
        )
        .await;
        let history: casebook_core::sync::HistoryResponse = serde_json::from_value(raw.body).expect("history");
        assert!(
            !objects(&history.changes).iter().any(|o| o.contains("/read/")),
            "{}",
            db.name
        );
        // Globex's agent's mark now counts, and reaches Globex and the trainer only.
        let op = reading::mark(&globex_view, "week1abc", &globex_person, 1, Some(1));
        let reply = push(&app, &globex_agent, "client-glob-01", numbered(vec![op])).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);
        let seen = pull_all(&app, &acme_admin, "client-acme-02", &mut admin_replica).await;
        assert!(
            !objects(&seen).iter().any(|o| o.contains("/read/")),
            "{}: Acme sees the new sharing, no Globex mark: {:?}",
            db.name,
            objects(&seen)
        );
        let seen = pull_all(&app, &trainer, "client-trainer-3", &mut trainer_replica).await;
        assert_eq!(
            objects(&seen),
            BTreeSet::from([
                "reading/week1abc".to_string(),
                format!("reading/week1abc/read/{globex_person}")
            ]),
            "{}",
            db.name
        );
    }
}

#[tokio::test]
async fn only_the_owners_writers_edit_a_list_and_only_the_platform_shares() {
    for db in databases().await {
        let store = db.open().await;
        platform(&store, "Casebook").await;
        people(&store, "Acme").await;
        people(&store, "Globex").await;
        let (_, app) = service(store.clone()).await;
        let (acme, globex) = (org_id(&store, "Acme").await, org_id(&store, "Globex").await);
        let acme_trainer = sign_in(&app, "trainer@acme.test").await;
        let acme_agent = sign_in(&app, "agent@acme.test").await;
        let globex_trainer = sign_in(&app, "trainer@globex.test").await;

        // An agent does not write lists.
        let ops = reading::create("agentlist", &acme, "Mine", "", &items(), &BTreeSet::new()).expect("ok");
        let reply = push(&app, &acme_agent, "client-acme-a1", numbered(ops)).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}: {:?}", db.name, reply.body);

        // A vendor's trainer writes one for their organisation, and cannot share it.
        let ops = reading::create("acmelist", &acme, "Acme onboarding", "", &items(), &BTreeSet::new()).expect("ok");
        let reply = push(&app, &acme_trainer, "client-acme-t1", numbered(ops)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);
        let mut replica = Replica::default();
        pull_all(&app, &acme_trainer, "client-acme-t1", &mut replica).await;
        let view = Overlay::new(&replica, &[]);
        let share = reading::share(&view, "acmelist", &BTreeSet::from([globex.clone()]));
        let reply = push(&app, &acme_trainer, "client-acme-t2", numbered(vec![share])).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}: {:?}", db.name, reply.body);

        // Another vendor's trainer cannot edit it, nor see it.
        let edit = reading::save(&view, "acmelist", "Taken over", "", &items()).expect("ok");
        let reply = push(&app, &globex_trainer, "client-glob-t1", numbered(edit.clone())).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}: {:?}", db.name, reply.body);
        let mut globex = Replica::default();
        let seen = pull_all(&app, &globex_trainer, "client-glob-t1", &mut globex).await;
        assert!(seen.is_empty(), "{}: {:?}", db.name, objects(&seen));

        // An oversized value is refused with its reason; nothing is stored.
        let mut long = items();
        long[0].note = "n".repeat(reading::MAX_NOTE_CHARS + 1);
        let op = casebook_core::sync::Op::SetField {
            object: reading::list_object("acmelist"),
            field: "items".into(),
            value: serde_json::to_value(&long).expect("json"),
            base: 0,
        };
        let reply = push(&app, &acme_trainer, "client-acme-t3", numbered(vec![op])).await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: {:?}",
            db.name,
            reply.body
        );
        let view = Overlay::new(&replica, &[]);
        assert_eq!(reading::load(&view, "acmelist").expect("kept").items, items());

        // The owner's trainer edits it.
        let reply = push(&app, &acme_trainer, "client-acme-t4", numbered(edit)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);
        pull_all(&app, &acme_trainer, "client-acme-t1", &mut replica).await;
        assert_eq!(
            reading::load(&Overlay::new(&replica, &[]), "acmelist")
                .expect("kept")
                .title,
            "Taken over",
            "{}",
            db.name
        );
    }
}
