//! Sync over HTTP: retried pushes have one effect, gaps are refused with nothing written,
//! clients belong to one person, pulls page through the log; a server killed mid-stream
//! keeps every acknowledged edit; two server processes on one PostgreSQL converge.

mod common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use axum::http::{Method, StatusCode};
use casebook_core::clock::Hlc;
use casebook_core::sync::{Change, Mutation, Op, PullResponse, Replica};
use common::{call, databases, people, publish_sweep, push_body, service, sign_in};
use serde_json::{Value, json};

/// A sweep item's object name: what the tests edit (its `note`, which every worker may write).
fn item(n: u64) -> String {
    casebook_core::sweep::item_object("synctest", n as usize)
}

/// How many items the seeded sweep has.
const ITEMS: usize = 60;

/// People of Acme, and Acme's sweep `synctest` with [`ITEMS`] items for the tests to edit;
/// returns how many changes publishing it logged.
async fn seed(store: &casebook_server::store::Store) -> u64 {
    people(store, "Acme").await;
    publish_sweep(store, "specialist@acme.test", "synctest", ITEMS, &[]).await
}

fn mutation(id: u64, object: &str, value: &str, base: u64) -> Mutation {
    Mutation {
        id,
        clock: Hlc {
            wall_ms: 1_700_000_000_000 + id,
            counter: 0,
            node: 7,
        },
        op: Op::SetField {
            object: object.into(),
            field: "note".into(),
            value: Value::from(value),
            base,
        },
    }
}

/// How many changes the log holds, seeded ones included.
async fn count_changes(store: &casebook_server::store::Store) -> i64 {
    use sqlx::Row;
    sqlx::query("SELECT COUNT(*) FROM sync_changes")
        .fetch_one(store.pool())
        .await
        .expect("count")
        .try_get(0)
        .expect("int")
}

#[tokio::test]
async fn replaying_a_push_one_to_five_times_has_exactly_one_effect() {
    for db in databases().await {
        let store = db.open().await;
        let seeded = seed(&store).await as i64;
        let (_, app) = service(store.clone()).await;
        let cookie = sign_in(&app, "agent@acme.test").await;
        for (round, times) in (1..=5).enumerate() {
            let first = round as u64 * 2 + 1;
            let body = push_body(
                "client-replay-1",
                vec![mutation(first, &item(1), "a", 0), mutation(first + 1, &item(2), "b", 0)],
            );
            for _ in 0..times {
                let reply = call(
                    &app,
                    Method::POST,
                    "/api/sync/push",
                    Some(&cookie),
                    Some(body.clone()),
                    true,
                )
                .await;
                assert_eq!(reply.status, StatusCode::OK, "{}: {:?}", db.name, reply.body);
                assert_eq!(reply.body["last_mutation_id"], first + 1);
            }
        }
        assert_eq!(count_changes(&store).await, seeded + 10, "{}", db.name);
    }
}

#[tokio::test]
async fn a_gap_is_refused_and_writes_nothing() {
    for db in databases().await {
        let store = db.open().await;
        let seeded = seed(&store).await as i64;
        let (_, app) = service(store.clone()).await;
        let cookie = sign_in(&app, "agent@acme.test").await;
        let ok = call(
            &app,
            Method::POST,
            "/api/sync/push",
            Some(&cookie),
            Some(push_body(
                "client-gap-01",
                vec![mutation(1, &item(ITEMS as u64), "a", 0)],
            )),
            true,
        )
        .await;
        assert_eq!(ok.status, StatusCode::OK);
        let gap = call(
            &app,
            Method::POST,
            "/api/sync/push",
            Some(&cookie),
            Some(push_body(
                "client-gap-01",
                vec![
                    mutation(3, &item(ITEMS as u64), "c", 0),
                    mutation(4, &item(ITEMS as u64), "d", 0),
                ],
            )),
            true,
        )
        .await;
        assert_eq!(gap.status, StatusCode::CONFLICT, "{}", db.name);
        assert!(
            gap.body["message"].as_str().is_some_and(|m| m.contains("before 2")),
            "{:?}",
            gap.body
        );
        assert_eq!(count_changes(&store).await, seeded + 1);
        let pull = call(
            &app,
            Method::GET,
            "/api/sync/pull?client_id=client-gap-01",
            Some(&cookie),
            None,
            false,
        )
        .await;
        assert_eq!(pull.body["last_mutation_id"], 1);
    }
}

#[tokio::test]
async fn a_client_id_belongs_to_the_person_who_first_used_it() {
    let db = &databases().await[0];
    let store = db.open().await;
    seed(&store).await;
    let (_, app) = service(store).await;
    let agent = sign_in(&app, "agent@acme.test").await;
    let trainer = sign_in(&app, "trainer@acme.test").await;
    let body = push_body("client-owned-1", vec![mutation(1, &item(ITEMS as u64), "a", 0)]);
    assert_eq!(
        call(
            &app,
            Method::POST,
            "/api/sync/push",
            Some(&agent),
            Some(body.clone()),
            true
        )
        .await
        .status,
        StatusCode::OK
    );
    assert_eq!(
        call(&app, Method::POST, "/api/sync/push", Some(&trainer), Some(body), true)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        call(
            &app,
            Method::GET,
            "/api/sync/pull?client_id=client-owned-1",
            Some(&trainer),
            None,
            false
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_far_behind_client_catches_up_in_bounded_pages_and_sees_conflicts() {
    for db in databases().await {
        let store = db.open().await;
        let seeded = seed(&store).await as i64;
        let (_, app) = service(store).await;
        let agent = sign_in(&app, "agent@acme.test").await;
        let specialist = sign_in(&app, "specialist@acme.test").await;
        let many: Vec<Mutation> = (1..=25).map(|i| mutation(i, &item(i), "done", 0)).collect();
        assert_eq!(
            call(
                &app,
                Method::POST,
                "/api/sync/push",
                Some(&agent),
                Some(push_body("client-agent-1", many)),
                true
            )
            .await
            .status,
            StatusCode::OK
        );
        // The specialist edits item-1 without having seen the agent's value: a conflict.
        let mut later = mutation(1, &item(1), "escalate", 0);
        later.clock = Hlc {
            wall_ms: later.clock.wall_ms + 60_000,
            counter: 0,
            node: 9,
        };
        let concurrent = push_body("client-spec-01", vec![later]);
        assert_eq!(
            call(
                &app,
                Method::POST,
                "/api/sync/push",
                Some(&specialist),
                Some(concurrent),
                true
            )
            .await
            .status,
            StatusCode::OK
        );

        let mut replica = Replica::default();
        let mut pages = 0;
        loop {
            let uri = format!(
                "/api/sync/pull?client_id=client-spec-01&cursor={}&limit=10",
                replica.cursor
            );
            let reply = call(&app, Method::GET, &uri, Some(&specialist), None, false).await;
            let page: PullResponse = serde_json::from_value(reply.body).expect("pull response");
            assert!(page.changes.len() <= 10);
            assert_eq!(page.head as i64, seeded + 26);
            for change in &page.changes {
                replica.apply(change);
            }
            pages += 1;
            if !page.more() {
                break;
            }
        }
        assert_eq!(pages, (seeded + 26 + 9) / 10, "{}", db.name);
        // The seed's fields (the sweep's own four and one target per item), and 25 notes.
        assert_eq!(replica.fields().count() as i64, 4 + ITEMS as i64 + 25);
        let item = replica.field(&item(1), "note").expect("field");
        assert_eq!(item.value, "escalate", "the later clock wins");
        assert_eq!(item.conflicts.len(), 1, "the agent's value is kept");
        assert_eq!(item.conflicts[0].value, "done");
        assert_eq!(
            item.conflicts[0].author, "agent (Acme)",
            "the loser is shown with its author's name"
        );
        assert_eq!(item.author, "specialist (Acme)", "names come with their organisation");
    }
}

#[tokio::test]
async fn an_edit_outside_the_role_is_refused_whole_and_audited() {
    for db in databases().await {
        let store = db.open().await;
        let seeded = seed(&store).await as i64;
        let (state, app) = service(store.clone()).await;
        let agent = sign_in(&app, "agent@acme.test").await;
        let trainer = sign_in(&app, "trainer@acme.test").await;
        let specialist = sign_in(&app, "specialist@acme.test").await;
        let acme = common::org_id(&store, "Acme").await;
        let publish =
            casebook_core::sweep::publish("synctest2", &acme, &Default::default(), "Election night", "", "@a\n@b")
                .expect("ops");
        let as_mutations = |ops: Vec<Op>| -> Vec<Mutation> {
            ops.into_iter()
                .enumerate()
                .map(|(i, op)| Mutation {
                    id: i as u64 + 1,
                    clock: Hlc::zero(3),
                    op,
                })
                .collect()
        };
        // An agent may work items but not publish a sweep; a trainer may not work items.
        let mut mixed = vec![mutation(1, &item(1), "fine", 0)];
        mixed.extend(as_mutations(publish.clone()).into_iter().map(|mut m| {
            m.id += 1;
            m
        }));
        for (cookie, client, body) in [
            (&agent, "client-role-a1", mixed),
            (&trainer, "client-role-t1", vec![mutation(1, &item(1), "x", 0)]),
        ] {
            let reply = call(
                &app,
                Method::POST,
                "/api/sync/push",
                Some(cookie),
                Some(push_body(client, body)),
                true,
            )
            .await;
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}: {:?}", db.name, reply.body);
            assert_eq!(reply.body["code"], "edit_not_allowed");
        }
        assert_eq!(
            count_changes(&store).await,
            seeded,
            "{}: nothing of a refused push is written",
            db.name
        );
        let denied = common::audit_all(
            &state.store,
            casebook_server::store::AuditFilter {
                result: Some("denied".into()),
                ..Default::default()
            },
        )
        .await;
        assert!(denied.iter().any(|e| e.action == "sync.push"), "{denied:?}");
        // The specialist publishes it.
        let reply = call(
            &app,
            Method::POST,
            "/api/sync/push",
            Some(&specialist),
            Some(push_body("client-role-s1", as_mutations(publish))),
            true,
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
        assert_eq!(count_changes(&store).await, seeded + 6);
        // The audit log says who changed which fields.
        let pushes = common::audit_all(
            &state.store,
            casebook_server::store::AuditFilter {
                result: Some("ok".into()),
                ..Default::default()
            },
        )
        .await;
        let entry = pushes
            .iter()
            .find(|e| e.action == "sync.push" && e.actor.as_deref() == Some("specialist@acme.test"))
            .expect("the publish is audited");
        assert_eq!(entry.object.as_deref(), Some("sweep/synctest2"));
        let detail = entry.detail.as_deref().unwrap_or_default();
        assert!(
            detail.starts_with("6 edit(s)") && detail.contains("sweep/synctest2 title"),
            "{detail}"
        );
    }
}

/// A running `casebook-server` process on a free port.
struct ServerProcess {
    child: Child,
    url: String,
}

impl ServerProcess {
    fn start(data_dir: &std::path::Path, database_url: Option<&str>) -> ServerProcess {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("bind")
            .local_addr()
            .expect("addr")
            .port();
        let mut command = Command::new(env!("CARGO_BIN_EXE_casebook-server"));
        command
            .args(["--bind", &format!("127.0.0.1:{port}")])
            .arg("--data-dir")
            .arg(data_dir)
            .arg("--dist")
            .arg(data_dir.join("no-app"));
        command
            .env("RUST_LOG", "warn")
            .env_remove("DATABASE_URL")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some(url) = database_url {
            command.arg("--database-url").arg(url);
        }
        let child = command.spawn().expect("the server starts");
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "the server did not start listening");
            std::thread::sleep(Duration::from_millis(50));
        }
        ServerProcess { child, url }
    }

    fn kill(mut self) {
        // SIGKILL: no graceful shutdown, no flushing.
        self.child.kill().expect("kill");
        self.child.wait().expect("reaped");
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn http_sign_in(client: &reqwest::Client, url: &str, email: &str) -> String {
    let response = client
        .post(format!("{url}/api/session"))
        .header("x-casebook-request", "1")
        .json(&json!({"email": email, "password": common::PASSWORD}))
        .send()
        .await
        .expect("sign in");
    assert_eq!(response.status(), 200);
    response.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .split(';')
        .next()
        .expect("pair")
        .to_string()
}

async fn http_push(client: &reqwest::Client, url: &str, cookie: &str, body: &Value) -> Result<u64, String> {
    let response = client
        .post(format!("{url}/api/sync/push"))
        .header("x-casebook-request", "1")
        .header("cookie", cookie)
        .json(body)
        .timeout(Duration::from_secs(5))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let status = response.status();
    let json: Value = response.json().await.map_err(|e| e.to_string())?;
    if status != 200 {
        return Err(format!("{status}: {json}"));
    }
    json["last_mutation_id"]
        .as_u64()
        .ok_or_else(|| "no last_mutation_id".into())
}

async fn http_pull_all(client: &reqwest::Client, url: &str, cookie: &str, client_id: &str) -> (Replica, Vec<Change>) {
    let mut replica = Replica::default();
    let mut all = Vec::new();
    loop {
        let page: PullResponse = client
            .get(format!(
                "{url}/api/sync/pull?client_id={client_id}&cursor={}",
                replica.cursor
            ))
            .header("cookie", cookie)
            .send()
            .await
            .expect("pull")
            .json()
            .await
            .expect("json");
        for change in &page.changes {
            replica.apply(change);
        }
        let more = page.more();
        all.extend(page.changes);
        if !more {
            return (replica, all);
        }
    }
}

#[tokio::test]
async fn killing_the_server_mid_stream_loses_no_acknowledged_edit() {
    for db in databases().await {
        let seeded = {
            let store = db.open().await;
            let seeded = seed(&store).await;
            store.close().await;
            seeded
        };
        let http = reqwest::Client::new();
        let server = ServerProcess::start(db.dir.path(), db.url.as_deref());
        let cookie = http_sign_in(&http, &server.url, "agent@acme.test").await;
        // Push a stream of single-edit batches from another task; kill the server once some
        // edits are acknowledged, while the stream is still going.
        let acknowledged = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let pusher = {
            let (http, cookie, url, acknowledged) =
                (http.clone(), cookie.clone(), server.url.clone(), acknowledged.clone());
            tokio::spawn(async move {
                for id in 1..=1_000_000u64 {
                    let n = (id - 1) % ITEMS as u64 + 1;
                    let body = push_body("client-kill-01", vec![mutation(id, &item(n), &id.to_string(), 0)]);
                    match http_push(&http, &url, &cookie, &body).await {
                        Ok(last) => acknowledged.store(last, std::sync::atomic::Ordering::SeqCst),
                        Err(_) => break,
                    }
                }
            })
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while acknowledged.load(std::sync::atomic::Ordering::SeqCst) < 50 {
            assert!(
                Instant::now() < deadline,
                "{}: pushes are not being acknowledged",
                db.name
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        server.kill();
        pusher.await.expect("pusher");
        let acknowledged = acknowledged.load(std::sync::atomic::Ordering::SeqCst);
        assert!(
            acknowledged >= 50,
            "{}: the kill came mid-stream ({acknowledged} acknowledged)",
            db.name
        );

        let restarted = ServerProcess::start(db.dir.path(), db.url.as_deref());
        let cookie = http_sign_in(&http, &restarted.url, "agent@acme.test").await;
        let (replica, changes) = http_pull_all(&http, &restarted.url, &cookie, "client-kill-01").await;
        let logged: std::collections::BTreeSet<u64> = changes
            .iter()
            .filter(|c| c.client_id == "client-kill-01")
            .map(|c| c.mutation_id)
            .collect();
        for id in 1..=acknowledged {
            assert!(logged.contains(&id), "{}: acknowledged edit {id} is missing", db.name);
        }
        // The client resumes where the server says it stopped, and the log has no holes.
        let pull: PullResponse = http
            .get(format!(
                "{}/api/sync/pull?client_id=client-kill-01&limit=1",
                restarted.url
            ))
            .header("cookie", &cookie)
            .send()
            .await
            .expect("pull")
            .json()
            .await
            .expect("json");
        assert!(pull.last_mutation_id >= acknowledged);
        assert_eq!(pull.head, replica.cursor);
        assert_eq!(
            pull.head as usize,
            seeded as usize + logged.len(),
            "{}: no holes",
            db.name
        );
    }
}

#[tokio::test]
async fn two_server_processes_on_one_postgresql_converge() {
    let Some(db) = databases().await.into_iter().find(|d| d.name == "postgres") else {
        eprintln!("note: skipped, no PostgreSQL (cargo xtask test provides one)");
        return;
    };
    let seeded = {
        let store = db.open().await;
        let seeded = seed(&store).await;
        store.close().await;
        seeded
    };
    let url = db.url.clone();
    let one = ServerProcess::start(db.dir.path(), url.as_deref());
    let two = ServerProcess::start(db.dir.path(), url.as_deref());
    let http = reqwest::Client::new();
    let agent = http_sign_in(&http, &one.url, "agent@acme.test").await;
    let specialist = http_sign_in(&http, &two.url, "specialist@acme.test").await;
    // Both edit the same item, each through a different server, concurrently.
    let from_agent = push_body(
        "client-one-01",
        (1..=20).map(|i| mutation(i, &item(i), "agent", 0)).collect(),
    );
    let from_specialist = push_body(
        "client-two-01",
        (1..=20).map(|i| mutation(i, &item(i), "specialist", 0)).collect(),
    );
    let (a, b) = tokio::join!(
        http_push(&http, &one.url, &agent, &from_agent),
        http_push(&http, &two.url, &specialist, &from_specialist),
    );
    assert_eq!((a, b), (Ok(20), Ok(20)));
    // Each reads through the other server.
    let (seen_by_agent, _) = http_pull_all(
        &http,
        &two.url,
        &http_sign_in(&http, &two.url, "agent@acme.test").await,
        "client-one-01",
    )
    .await;
    let (seen_by_specialist, _) = http_pull_all(
        &http,
        &one.url,
        &http_sign_in(&http, &one.url, "specialist@acme.test").await,
        "client-two-01",
    )
    .await;
    assert_eq!(seen_by_agent, seen_by_specialist);
    assert_eq!(
        seen_by_agent.cursor,
        seeded + 40,
        "one gapless log of 40 changes after the seed"
    );
    for i in 1..=20 {
        let field = seen_by_agent.field(&item(i), "note").expect("field");
        assert_eq!(field.conflicts.len(), 1, "item-{i}: both values visible");
    }
}

#[tokio::test]
async fn an_edit_claiming_to_have_seen_the_future_is_refused_and_a_future_clock_capped() {
    for db in databases().await {
        let store = db.open().await;
        let seeded = seed(&store).await as i64;
        let (_, app) = service(store.clone()).await;
        let cookie = sign_in(&app, "agent@acme.test").await;
        // base 1,000 on an empty log would silently resolve conflicts nobody has seen.
        let reply = call(
            &app,
            Method::POST,
            "/api/sync/push",
            Some(&cookie),
            Some(push_body("client-future-1", vec![mutation(1, &item(1), "x", 1_000)])),
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
        assert_eq!(count_changes(&store).await, seeded);

        let mut liar = mutation(1, &item(1), "always wins", 0);
        liar.clock.wall_ms = u64::MAX / 2;
        let reply = call(
            &app,
            Method::POST,
            "/api/sync/push",
            Some(&cookie),
            Some(push_body("client-future-1", vec![liar])),
            true,
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK);
        let pull = call(
            &app,
            Method::GET,
            "/api/sync/pull?client_id=client-future-1",
            Some(&cookie),
            None,
            false,
        )
        .await;
        let page: PullResponse = serde_json::from_value(pull.body).expect("pull");
        let stored = page
            .changes
            .iter()
            .find(|c| c.client_id == "client-future-1")
            .expect("the edit was logged")
            .clock
            .wall_ms;
        let cap = u64::try_from(casebook_server::auth::now_ms()).unwrap_or(0) + casebook_core::clock::MAX_DRIFT_MS;
        assert!(
            stored <= cap,
            "{}: the stored clock {stored} is capped near server time",
            db.name
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_pushes_and_the_audit_writes_beside_them_all_succeed() {
    for db in databases().await {
        let store = db.open().await;
        let seeded = seed(&store).await as i64;
        let (_, app) = service(store.clone()).await;
        let cookie = sign_in(&app, "agent@acme.test").await;
        // Eight devices push 10 edits each, one at a time, all at once; every push also
        // writes an audit entry on another connection while the next push's transaction runs.
        let tasks: Vec<_> = (0..8u64)
            .map(|device| {
                let (app, cookie) = (app.clone(), cookie.clone());
                tokio::spawn(async move {
                    let client = format!("client-busy-{device:02}");
                    for id in 1..=10u64 {
                        let body = push_body(&client, vec![mutation(id, &item(device * 7 + id), "a", 0)]);
                        let reply = call(&app, Method::POST, "/api/sync/push", Some(&cookie), Some(body), true).await;
                        if reply.status != StatusCode::OK {
                            return Err(format!("{client} #{id}: {} {:?}", reply.status, reply.body));
                        }
                    }
                    Ok(())
                })
            })
            .collect();
        for task in tasks {
            task.await
                .expect("the task ran")
                .unwrap_or_else(|e| panic!("{}: {e}", db.name));
        }
        assert_eq!(count_changes(&store).await, seeded + 80, "{}", db.name);
    }
}

#[tokio::test]
async fn a_person_and_an_organisation_each_have_a_daily_write_budget() {
    for db in databases().await {
        let store = db.open().await;
        seed(&store).await;
        let store = store.with_write_budget(casebook_server::store::WriteBudget {
            person: 4_000,
            organisation: 6_000,
        });
        let (_, app) = service(store.clone()).await;
        let agent = sign_in(&app, "agent@acme.test").await;
        let specialist = sign_in(&app, "specialist@acme.test").await;
        let note = |id: u64, n: u64| mutation(id, &item(n), &"x".repeat(1_500), 0);
        assert_eq!(
            common::push(&app, &agent, "client-budget-a", vec![note(1, 1), note(2, 2)])
                .await
                .status,
            StatusCode::OK
        );
        let before = count_changes(&store).await;
        // A third long note passes the agent's own budget.
        let over = common::push(&app, &agent, "client-budget-a", vec![note(3, 3)]).await;
        assert_eq!(
            over.status,
            StatusCode::TOO_MANY_REQUESTS,
            "{}: {:?}",
            db.name,
            over.body
        );
        assert_eq!(over.body["code"], "write_quota");
        assert!(
            over.body["message"]
                .as_str()
                .is_some_and(|m| m.contains("daily limit is 4000"))
        );
        assert_eq!(count_changes(&store).await, before, "{}: nothing applied", db.name);
        // A colleague writes on until the organisation's budget is spent.
        assert_eq!(
            common::push(&app, &specialist, "client-budget-s", vec![note(1, 4)])
                .await
                .status,
            StatusCode::OK
        );
        let org_over = common::push(&app, &specialist, "client-budget-s", vec![note(2, 5)]).await;
        assert_eq!(org_over.body["code"], "write_quota", "{}: {:?}", db.name, org_over.body);
        assert!(
            org_over.body["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("Your organisation"))
        );
        // Small edits still fit.
        let small = common::push(&app, &agent, "client-budget-a", vec![mutation(3, &item(6), "ok", 0)]).await;
        assert_eq!(small.status, StatusCode::OK, "{}: {:?}", db.name, small.body);
    }
}
