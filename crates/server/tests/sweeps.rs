//! Sweeps for a live event, on SQLite and PostgreSQL: versioned guidance, acknowledgments,
//! checklist answers, guided decisions and assignments keep the organisation boundary (a
//! vendor's work and acknowledgments reach that vendor and the publisher only; two people
//! taking one item is a visible conflict), every new field's rule holds through the real push
//! service, and a 50,000-item sweep publishes and pulls.

mod common;

use std::collections::BTreeMap;
use std::time::Instant;

use axum::http::{Method, StatusCode};
use casebook_core::sweep::assign::Person;
use casebook_core::sweep::guidance::Guidance;
use casebook_core::sweep::{self, Choice, ItemEdit};
use casebook_core::sync::{Op, Overlay, PullResponse, Replica};
use common::{call, databases, numbered, people, platform, publish_sweep, pull_all, push, service, sign_in, user};
use serde_json::{Value, json};

fn guidance() -> Guidance {
    Guidance::from_value(&json!({
        "title": "Fake polling-place claims",
        "event": "Election night",
        "checklist": [
            {"id": "claim", "label": "Claims a wrong time or place?", "kind": "check", "required": true},
            {"id": "reach", "label": "Reach", "kind": "choice", "options": ["low", "high"], "required": true,
             "when": {"step": "claim", "equals": true}}
        ],
        "decisions": [
            {"id": "remove", "label": "Remove", "section": {"section": "civic.misinfo", "version": 3}, "action": "remove"},
            {"id": "keep", "label": "No violation", "section": {"section": "civic.misinfo", "version": 3}, "action": "none"}
        ]
    }))
    .expect("valid guidance")
}

/// The edits by which `who` takes item `n`, answers its checklist and removes it.
fn work(id: &str, n: usize, who: &Person) -> Vec<Op> {
    let replica = Replica::default();
    let view = Overlay::new(&replica, &[]);
    let item = sweep::item(&view, id, n);
    vec![
        sweep::acknowledge(id, &who.person, 1),
        ItemEdit::Assign(Some(who.clone())).op(&item, 0),
        ItemEdit::Answers {
            guidance: 1,
            steps: BTreeMap::from([
                ("claim".to_string(), Value::Bool(true)),
                ("reach".into(), Value::from("high")),
            ]),
        }
        .op(&item, 0),
        ItemEdit::Choose(Choice::of(&guidance(), 1, "remove")).op(&item, 0),
    ]
}

async fn person(store: &casebook_server::store::Store, email: &str) -> Person {
    let u = user(store, email).await;
    Person {
        person: u.id,
        org: u.org_id,
        name: u.name,
    }
}

#[tokio::test]
async fn a_vendors_acknowledgments_answers_and_takes_reach_only_it_and_the_publisher() {
    for db in databases().await {
        let store = db.open().await;
        platform(&store, "Casebook").await;
        people(&store, "Acme").await;
        people(&store, "Globex").await;
        publish_sweep(&store, "specialist@casebook.test", "election", 5, &["Acme", "Globex"]).await;
        let (_, app) = service(store.clone()).await;
        let specialist = sign_in(&app, "specialist@casebook.test").await;
        let publish = numbered(vec![
            sweep::write_draft(&Overlay::new(&Replica::default(), &[]), "election", 1, &guidance()),
            sweep::publish_version("election", 1),
        ]);
        let reply = push(&app, &specialist, "client-spec-01", publish).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);

        // Two people of Acme take item 1 (neither has seen the other's take); one of Globex too.
        let acme_agent = person(&store, "agent@acme.test").await;
        let acme_specialist = person(&store, "specialist@acme.test").await;
        let globex_agent = person(&store, "agent@globex.test").await;
        for (email, client, who) in [
            ("agent@acme.test", "client-acme-01", &acme_agent),
            ("specialist@acme.test", "client-acme-02", &acme_specialist),
            ("agent@globex.test", "client-glob-01", &globex_agent),
        ] {
            let cookie = sign_in(&app, email).await;
            let reply = push(&app, &cookie, client, numbered(work("election", 1, who))).await;
            assert_eq!(reply.status, StatusCode::OK, "{} {email}: {:?}", db.name, reply.body);
        }

        // Globex holds its own work only: no Acme acknowledgment, take, answer or decision.
        let globex = sign_in(&app, "agent@globex.test").await;
        let mut globex_replica = Replica::default();
        let seen = pull_all(&app, &globex, "client-glob-01", &mut globex_replica).await;
        let text = serde_json::to_string(&seen).expect("json");
        assert!(
            !text.contains(&acme_agent.person) && !text.contains(&acme_specialist.person),
            "{}",
            db.name
        );
        assert!(!text.contains("Acme"), "{}: {text}", db.name);
        let item = sweep::item_object("election", 1);
        let globex_take = globex_replica.field(&item, "assignee").expect("its own take");
        assert!(
            globex_take.conflicts.is_empty(),
            "{}: Acme's takes are not Globex's business",
            db.name
        );
        let view = Overlay::new(&globex_replica, &[]);
        assert!(sweep::acknowledged(&view, "election", &globex_agent.person, 1));
        assert_eq!(sweep::must_acknowledge(&view, "election", &globex_agent.person), None);

        // Acme sees its two takes of item 1 as a conflict, not a silent double.
        let acme = sign_in(&app, "agent@acme.test").await;
        let mut acme_replica = Replica::default();
        pull_all(&app, &acme, "client-acme-01", &mut acme_replica).await;
        let take = acme_replica.field(&item, "assignee").expect("a take");
        assert_eq!(take.conflicts.len(), 1, "{}: {take:?}", db.name);
        let view = Overlay::new(&acme_replica, &[]);
        assert!(sweep::load(&view, "election").expect("sweep").items[0].has_conflict());
        assert!(
            acme_replica
                .field(&sweep::ack_object("election", &globex_agent.person), "v1")
                .is_none()
        );

        // The publisher sees everyone's work: three takes, three acknowledgments, and the
        // export names the section@version and guidance version of every decision.
        let mut platform_replica = Replica::default();
        pull_all(&app, &specialist, "client-spec-01", &mut platform_replica).await;
        let take = platform_replica.field(&item, "assignee").expect("a take");
        assert_eq!(take.conflicts.len(), 2, "{}", db.name);
        let view = Overlay::new(&platform_replica, &[]);
        let review = sweep::export::review(&view, "election").expect("the sweep");
        let acks = review.timeline.iter().filter(|e| e.what == "acknowledged").count();
        assert_eq!(acks, 3, "{}: {:?}", db.name, review.timeline);
        assert_eq!(review.rows[0].section, "civic.misinfo@3");
        assert_eq!(review.rows[0].guidance, "1");
        assert_eq!(review.rows[0].answers, ["yes", "high"]);

        // Each rule holds through the push service, with its code.
        let table: Vec<(&str, &str, Op, StatusCode, &str)> = vec![
            (
                "agent@acme.test",
                "acknowledging for someone else",
                sweep::acknowledge("election", &globex_agent.person, 1),
                StatusCode::FORBIDDEN,
                "edit_not_allowed",
            ),
            (
                "agent@acme.test",
                "taking for someone else",
                ItemEdit::Assign(Some(acme_specialist.clone())).op_for(&sweep::item_object("election", 2), 0),
                StatusCode::FORBIDDEN,
                "edit_not_allowed",
            ),
            (
                "specialist@acme.test",
                "a vendor's specialist writing guidance",
                sweep::write_draft(&Overlay::new(&Replica::default(), &[]), "election", 2, &guidance()),
                StatusCode::FORBIDDEN,
                "edit_not_allowed",
            ),
            (
                "specialist@casebook.test",
                "rewriting a published version",
                sweep::write_draft(&Overlay::new(&Replica::default(), &[]), "election", 1, &guidance()),
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_edit",
            ),
            (
                "agent@acme.test",
                "a plain decision on a guided sweep",
                ItemEdit::Decision(Some("remove")).op_for(&sweep::item_object("election", 2), 0),
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_edit",
            ),
            (
                "trainer@acme.test",
                "a trainer answering",
                ItemEdit::Answers {
                    guidance: 1,
                    steps: BTreeMap::new(),
                }
                .op_for(&sweep::item_object("election", 2), 0),
                StatusCode::FORBIDDEN,
                "edit_not_allowed",
            ),
            (
                "specialist@casebook.test",
                "assigning outside the sweep's readers",
                ItemEdit::Assign(Some(Person {
                    person: "someone".into(),
                    org: "not-a-reader".into(),
                    name: "X".into(),
                }))
                .op_for(&sweep::item_object("election", 2), 0),
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_edit",
            ),
        ];
        for (i, (email, what, op, status, code)) in table.into_iter().enumerate() {
            let cookie = sign_in(&app, email).await;
            let reply = push(&app, &cookie, &format!("client-rule-{i:02}"), numbered(vec![op])).await;
            assert_eq!(
                (reply.status, reply.body["code"].as_str()),
                (status, Some(code)),
                "{} {what}: {:?}",
                db.name,
                reply.body
            );
        }
        // The publisher assigns one of Acme's people: Acme sees it, Globex does not.
        let assign = ItemEdit::Assign(Some(acme_agent.clone())).op_for(&sweep::item_object("election", 3), 0);
        let mut third = numbered(vec![assign]);
        third[0].id = 3; // the specialist's client sent 1 and 2 when publishing the guidance
        let reply = push(&app, &specialist, "client-spec-01", third).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);
        pull_all(&app, &acme, "client-acme-01", &mut acme_replica).await;
        pull_all(&app, &globex, "client-glob-01", &mut globex_replica).await;
        let three = sweep::item_object("election", 3);
        assert!(acme_replica.field(&three, "assignee").is_some(), "{}", db.name);
        assert!(globex_replica.field(&three, "assignee").is_none(), "{}", db.name);
    }
}

#[tokio::test]
async fn a_fifty_thousand_item_sweep_publishes_and_pulls() {
    for db in databases().await {
        let store = db.open().await;
        platform(&store, "Casebook").await;
        people(&store, "Acme").await;
        let started = Instant::now();
        let logged = publish_sweep(
            &store,
            "specialist@casebook.test",
            "bigsweep",
            sweep::MAX_ITEMS,
            &["Acme"],
        )
        .await;
        let published = started.elapsed();
        let (_, app) = service(store.clone()).await;
        let acme = sign_in(&app, "agent@acme.test").await;
        let started = Instant::now();
        let mut replica = Replica::default();
        let mut pages = 0;
        loop {
            let uri = format!("/api/sync/pull?client_id=client-acme-big&cursor={}", replica.cursor);
            let reply = call(&app, Method::GET, &uri, Some(&acme), None, false).await;
            assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);
            let page: PullResponse = serde_json::from_value(reply.body).expect("a pull response");
            replica.apply_page(&page, &BTreeMap::new());
            pages += 1;
            if !page.more() {
                break;
            }
        }
        let pulled = started.elapsed();
        eprintln!(
            "{}: {logged} changes published in {published:?}; pulled in {pages} pages in {pulled:?}",
            db.name
        );
        let view = Overlay::new(&replica, &[]);
        let sweep = sweep::load(&view, "bigsweep").expect("the whole sweep arrived");
        assert_eq!(sweep.items.len(), sweep::MAX_ITEMS, "{}", db.name);
        assert_eq!(
            sweep.items.last().map(|i| i.target.as_str()),
            Some(format!("https://x.test/post/{}", sweep::MAX_ITEMS).as_str())
        );
        // One item more is refused by the rules, not truncated.
        let specialist = sign_in(&app, "specialist@casebook.test").await;
        let over = Op::SetField {
            object: sweep::sweep_object("bigsweep"),
            field: "items".into(),
            value: Value::from(sweep::MAX_ITEMS + 1),
            base: 0,
        };
        let reply = push(&app, &specialist, "client-spec-big", numbered(vec![over])).await;
        assert_eq!(reply.body["code"], "invalid_edit", "{}: {:?}", db.name, reply.body);
    }
}

#[tokio::test]
async fn the_demo_live_sweep_has_two_versions_partly_worked_work_and_one_acknowledgment_missing() {
    use casebook_server::demo;
    for db in databases().await {
        let store = db.open().await;
        demo::create_accounts(&store).await.expect("the demo loads");
        let (_, app) = service(store.clone()).await;
        let sign_in_demo = |email: &'static str| {
            let app = app.clone();
            async move {
                let reply = common::try_sign_in(&app, email, demo::PASSWORD).await;
                assert_eq!(reply.status, StatusCode::OK, "{email}");
                let cookie = reply.headers[axum::http::header::SET_COOKIE].to_str().expect("ascii");
                cookie.split(';').next().expect("name=value").to_string()
            }
        };
        let specialist = sign_in_demo(demo::ACCOUNTS[0].1).await;
        let mut replica = Replica::default();
        pull_all(&app, &specialist, "client-demo-spec", &mut replica).await;
        let view = Overlay::new(&replica, &[]);
        let sweep = sweep::load(&view, demo::LIVE_SWEEP).expect("the live sweep");
        assert_eq!(sweep.items.len(), 300, "{}", db.name);
        let progress = sweep.progress();
        assert_eq!(progress.done, 25 + 20 + 15, "{}", db.name);
        let (version, guidance) = sweep::current_guidance(&view, demo::LIVE_SWEEP).expect("guidance");
        assert_eq!(version, 2);
        // Its description is stored formatted, as the guidance form stores it.
        let doc = serde_json::to_string(&guidance.description_doc).expect("json");
        assert!(
            doc.contains("Strong") && doc.contains("wrong date, time or place"),
            "{}: {doc}",
            db.name
        );
        let amal = user(&store, demo::ACCOUNTS[3].1).await;
        let noa = user(&store, demo::ACCOUNTS[5].1).await;
        assert_eq!(sweep::must_acknowledge(&view, demo::LIVE_SWEEP, &amal.id), None);
        assert_eq!(sweep::must_acknowledge(&view, demo::LIVE_SWEEP, &noa.id), Some(2));
        let review = sweep::export::review(&view, demo::LIVE_SWEEP).expect("review");
        assert_eq!(
            review.rows[29].guidance, "2",
            "{}: item 30 was worked under v2",
            db.name
        );
        assert_eq!(review.rows[159].guidance, "1", "{}: item 160 under v1", db.name);

        // Northwind's agent holds Northwind's work and none of Demo Vendor's.
        let northwind = sign_in_demo(demo::ACCOUNTS[5].1).await;
        let mut theirs = Replica::default();
        pull_all(&app, &northwind, "client-demo-noa", &mut theirs).await;
        let view = Overlay::new(&theirs, &[]);
        let sweep = sweep::load(&view, demo::LIVE_SWEEP).expect("shared with Northwind");
        assert_eq!(sweep.progress().done, 20, "{}", db.name);
        assert!(
            sweep.items[0].assignee.value.is_none(),
            "{}: item 1 is Demo Vendor's",
            db.name
        );
        assert!(sweep.items[150].assignee.value.is_some(), "{}", db.name);
    }
}

/// `GET /api/sweeps/{id}/people`: the publisher's specialists and admins list who works items
/// in the organisations the sweep is shared with — no one of an unshared vendor, no trainer,
/// no switched-off account, no email — a page at a time; everyone else is refused.
#[tokio::test]
async fn the_publisher_lists_the_assignable_people_of_the_shared_vendors_only() {
    for db in databases().await {
        let store = db.open().await;
        platform(&store, "Casebook").await;
        people(&store, "Acme").await;
        people(&store, "Globex").await;
        people(&store, "Initech").await;
        publish_sweep(&store, "specialist@casebook.test", "election", 5, &["Acme", "Globex"]).await;
        // Enough of Acme's agents for a second page; one of them switched off.
        let acme = common::org_id(&store, "Acme").await;
        let hash = casebook_server::auth::hash_password(common::PASSWORD).expect("hash");
        let now = casebook_server::now_rfc3339();
        let page = casebook_core::wire::ASSIGNABLE_PAGE;
        for i in 0..page {
            store
                .create_user(
                    &acme,
                    &format!("crowd{i}@acme.test"),
                    &format!("Crowd {i}"),
                    casebook_server::auth::Role::Agent,
                    &hash,
                    &now,
                )
                .await
                .expect("user");
        }
        let (_, app) = service(store.clone()).await;
        let off = user(&store, "crowd7@acme.test").await;
        let acme_admin = sign_in(&app, "admin@acme.test").await;
        let reply = call(
            &app,
            Method::PATCH,
            &format!("/api/users/{}", off.id),
            Some(&acme_admin),
            Some(json!({"active": false})),
            true,
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);

        for email in ["specialist@casebook.test", "admin@casebook.test"] {
            let cookie = sign_in(&app, email).await;
            let mut listed = Vec::new();
            let mut uri = "/api/sweeps/election/people".to_string();
            let mut pages = 0;
            loop {
                let reply = call(&app, Method::GET, &uri, Some(&cookie), None, false).await;
                assert_eq!(reply.status, StatusCode::OK, "{} {email}: {:?}", db.name, reply.body);
                let text = reply.body.to_string();
                assert!(
                    !text.contains("email") && !text.contains("@acme.test"),
                    "{}: no email leaves: {text:.300}",
                    db.name
                );
                let got: casebook_core::wire::AssignablePage = serde_json::from_value(reply.body).expect("a page");
                assert!(got.people.len() <= page);
                listed.extend(got.people);
                pages += 1;
                match got.next {
                    Some(next) => uri = format!("/api/sweeps/election/people?after={next}"),
                    None => break,
                }
            }
            assert_eq!(pages, 2, "{}: {page} + 6 people take two pages", db.name);
            let ids: std::collections::BTreeSet<&str> = listed.iter().map(|p| p.id.as_str()).collect();
            assert_eq!(ids.len(), listed.len(), "{}: nobody twice across pages", db.name);
            // Acme: agent, specialist, admin and the crowd less the switched-off one; Globex:
            // agent, specialist, admin. No trainer, no Initech, no one of the platform.
            assert_eq!(listed.len(), 3 + page - 1 + 3, "{} {email}", db.name);
            let orgs: std::collections::BTreeSet<&str> = listed.iter().map(|p| p.org_name.as_str()).collect();
            assert_eq!(orgs, ["Acme", "Globex"].into(), "{}", db.name);
            assert!(listed.iter().all(|p| p.role != casebook_server::auth::Role::Trainer));
            assert!(
                !ids.contains(off.id.as_str()),
                "{}: a switched-off account is not offered",
                db.name
            );
            let globex_agent = user(&store, "agent@globex.test").await;
            let entry = listed.iter().find(|p| p.id == globex_agent.id).expect("Globex's agent");
            assert_eq!(
                (entry.name.as_str(), entry.org_id.as_str()),
                (globex_agent.name.as_str(), globex_agent.org_id.as_str())
            );
        }

        // Everyone else: a vendor's agent and trainer (not the policy team), a reading vendor's
        // admin (not the publisher), an unshared vendor's specialist (no such sweep for them),
        // the platform's agent and trainer, anonymous; and a sweep that does not exist.
        for (email, status) in [
            (Some("agent@acme.test"), StatusCode::FORBIDDEN),
            (Some("trainer@globex.test"), StatusCode::FORBIDDEN),
            (Some("admin@acme.test"), StatusCode::FORBIDDEN),
            (Some("specialist@globex.test"), StatusCode::FORBIDDEN),
            (Some("specialist@initech.test"), StatusCode::NOT_FOUND),
            (Some("agent@casebook.test"), StatusCode::FORBIDDEN),
            (Some("trainer@casebook.test"), StatusCode::FORBIDDEN),
            (None, StatusCode::UNAUTHORIZED),
        ] {
            let cookie = match email {
                Some(email) => Some(sign_in(&app, email).await),
                None => None,
            };
            let reply = call(
                &app,
                Method::GET,
                "/api/sweeps/election/people",
                cookie.as_deref(),
                None,
                false,
            )
            .await;
            assert_eq!(reply.status, status, "{} {email:?}: {:?}", db.name, reply.body);
            assert!(reply.body.get("people").is_none(), "{} {email:?}", db.name);
        }
        let specialist = sign_in(&app, "specialist@casebook.test").await;
        for uri in ["/api/sweeps/nosuchsweep/people", "/api/sweeps/NOT_AN_ID/people"] {
            let reply = call(&app, Method::GET, uri, Some(&specialist), None, false).await;
            assert_eq!(reply.status, StatusCode::NOT_FOUND, "{} {uri}", db.name);
        }
        let reply = call(
            &app,
            Method::GET,
            "/api/sweeps/election/people?after=%00",
            Some(&specialist),
            None,
            false,
        )
        .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", db.name);
    }
}

/// A guidance description is Markdown parsed by the server (`POST /api/documents/parse`) and
/// stored with the version; a hostile description comes back safe or refused, and a pushed
/// document the parser would not have written is refused by the push check.
#[tokio::test]
async fn a_description_is_parsed_by_the_server_and_a_hostile_document_is_refused_on_push() {
    for db in databases().await {
        let store = db.open().await;
        platform(&store, "Casebook").await;
        people(&store, "Acme").await;
        publish_sweep(&store, "specialist@casebook.test", "election", 3, &["Acme"]).await;
        let (_, app) = service(store.clone()).await;
        let specialist = sign_in(&app, "specialist@casebook.test").await;
        let parse = |markdown: String| {
            let app = app.clone();
            let cookie = specialist.clone();
            async move {
                call(
                    &app,
                    Method::POST,
                    "/api/documents/parse",
                    Some(&cookie),
                    Some(json!({"markdown": markdown})),
                    true,
                )
                .await
            }
        };

        let reply =
            parse("Check:\n\n- the **date**\n- the [official page](https://vote.example/results)\n".into()).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);
        let doc: casebook_core::wire::ParsedDocument = serde_json::from_value(reply.body).expect("a document");
        let text = serde_json::to_string(&doc.blocks).expect("json");
        assert!(
            text.contains("\"List\"") && text.contains("https://vote.example/results"),
            "{}: {text}",
            db.name
        );

        // Hostile: a script, a javascript: link, an HTML link: nothing of them survives but text.
        let hostile =
            "<script>alert(1)</script>\n\nSee [here](javascript:alert(1)) and <a href=\"javascript:x\">there</a>.\n";
        let reply = parse(hostile.into()).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);
        let text = reply.body.to_string();
        assert!(
            !text.to_lowercase().contains("javascript") && !text.contains("<script") && !text.contains("Link"),
            "{}: {text}",
            db.name
        );
        assert!(
            text.contains("here") && text.contains("there"),
            "{}: the words stay: {text}",
            db.name
        );
        // Too deep (a blockquote 40 levels down) or too long: refused, with the line.
        let reply = parse(format!("fine\n\n{} deep", ">".repeat(40))).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", db.name);
        assert!(
            reply.body["message"].as_str().is_some_and(|m| m.contains("line 3")),
            "{}: {:?}",
            db.name,
            reply.body
        );
        let reply = parse("x".repeat(6_001)).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", db.name);
        let reply = call(
            &app,
            Method::POST,
            "/api/documents/parse",
            Some(&specialist),
            Some(json!({"markdown": "x", "html": true})),
            true,
        )
        .await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: unknown fields are refused",
            db.name
        );

        // The push check reads a stored document again: a javascript: link or a document nested
        // past the bound is refused; the parser's own document is kept and reaches the vendor.
        let with_doc = |doc: Value| {
            let mut value = guidance().to_value();
            value["description"] = json!("Check the official page.");
            value["description_doc"] = doc;
            value
        };
        let draft = |value: Value| Op::SetField {
            object: sweep::sweep_object("election"),
            field: sweep::guidance_field(1),
            value,
            base: 0,
        };
        let deep = (0..40).fold(
            json!([{"Paragraph": [{"Text": "x"}]}]),
            |inner, _| json!([{"Quote": inner}]),
        );
        let javascript =
            json!([{"Paragraph": [{"Link": {"href": "javascript:alert(1)", "content": [{"Text": "x"}]}}]}]);
        for (i, doc) in [javascript, deep].into_iter().enumerate() {
            let reply = push(
                &app,
                &specialist,
                &format!("client-doc-{i}"),
                numbered(vec![draft(with_doc(doc))]),
            )
            .await;
            assert_eq!(
                (reply.status, reply.body["code"].as_str()),
                (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid_edit")),
                "{} #{i}: {:?}",
                db.name,
                reply.body
            );
        }
        let parsed = serde_json::to_value(&doc.blocks).expect("json");
        let reply = push(
            &app,
            &specialist,
            "client-doc-9",
            numbered(vec![
                draft(with_doc(parsed.clone())),
                sweep::publish_version("election", 1),
            ]),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);
        let acme = sign_in(&app, "agent@acme.test").await;
        let mut replica = Replica::default();
        pull_all(&app, &acme, "client-acme-doc", &mut replica).await;
        let (v, g) = sweep::current_guidance(&Overlay::new(&replica, &[]), "election").expect("published");
        assert_eq!(v, 1);
        assert_eq!(g.description_doc, Some(doc.blocks.clone()), "{}", db.name);
    }
}
