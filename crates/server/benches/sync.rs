//! `cargo xtask bench sync`: push throughput and latency, single and batched, on SQLite and
//! PostgreSQL, and the catch-up of a client rejoining with offline edits — against the real
//! server binary over HTTP on 127.0.0.1. Then, on the store itself: pulls scoped to an
//! organisation (ten vendors each seeing a tenth of the log, against reading all of it, which
//! is what every pull did before scoping), and a pull of an empty scope as the log grows from
//! about 30,000 to 100,000 entries.
//!
//! PostgreSQL is measured when `CASEBOOK_BENCH_DATABASE_URL` names a server (xtask starts one).

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "support/server.rs"]
mod server;

use std::time::{Duration, Instant};

use casebook_core::SCHEMA_VERSION;
use casebook_core::clock::Hlc;
use casebook_core::sync::{Mutation, Op, PullResponse, PushRequest};
use casebook_core::wire::User;
use casebook_server::store::Store;
use serde_json::Value;

const PASSWORD: &str = "benchmark password";

struct Server {
    _process: server::ServerProcess,
    url: String,
    _dir: tempfile::TempDir,
}

fn start(database_url: Option<&str>) -> Server {
    let dir = tempfile::tempdir().expect("temp dir");
    for email in ["a@bench.test", "b@bench.test"] {
        server::create_admin(dir.path(), database_url, "Bench", email, PASSWORD);
    }
    let process = server::start(dir.path(), database_url);
    Server {
        url: process.url.clone(),
        _process: process,
        _dir: dir,
    }
}

struct Client {
    http: reqwest::Client,
    url: String,
    cookie: String,
    id: String,
    next: u64,
    bytes: usize,
}

impl Client {
    async fn new(url: &str, email: &str, id: &str) -> Client {
        let http = reqwest::Client::new();
        let cookie = server::sign_in(&http, url, email, PASSWORD).await.expect("sign in");
        Client {
            http,
            url: url.into(),
            cookie,
            id: id.into(),
            next: 1,
            bytes: 0,
        }
    }

    /// Publishes the sweep `benchsweep` (997 items) for this person's organisation.
    async fn publish_sweep(&mut self) {
        let org = server::org_id(&self.http, &self.url, &self.cookie).await;
        let items: Vec<String> = (1..=997).map(|n| format!("https://x.test/{n}")).collect();
        let ops =
            casebook_core::sweep::publish("benchsweep", &org, &Default::default(), "Bench", "", &items.join("\n"))
                .expect("a valid sweep");
        for chunk in ops.chunks(casebook_core::sync::MAX_PUSH) {
            let mutations = chunk
                .iter()
                .map(|op| {
                    let id = self.next;
                    self.next += 1;
                    Mutation {
                        id,
                        clock: Hlc::zero(1),
                        op: op.clone(),
                    }
                })
                .collect();
            self.push(mutations).await;
        }
    }

    fn edits(&mut self, n: usize) -> Vec<Mutation> {
        (0..n)
            .map(|_| {
                let id = self.next;
                self.next += 1;
                Mutation {
                    id,
                    clock: Hlc {
                        wall_ms: 1_700_000_000_000 + id,
                        counter: 0,
                        node: self.id.len() as u64,
                    },
                    op: Op::SetField {
                        object: casebook_core::sweep::item_object("benchsweep", (id % 997 + 1) as usize),
                        field: "note".into(),
                        value: Value::from(format!("{}-{id}", self.id)),
                        base: 0,
                    },
                }
            })
            .collect()
    }

    async fn push(&mut self, mutations: Vec<Mutation>) {
        let body = serde_json::to_vec(&PushRequest {
            schema_version: SCHEMA_VERSION,
            client_id: self.id.clone(),
            mutations,
        })
        .expect("json");
        self.bytes += body.len();
        let response = self
            .http
            .post(format!("{}/api/sync/push", self.url))
            .header("x-casebook-request", "1")
            .header("cookie", &self.cookie)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("push");
        assert_eq!(response.status(), 200, "push refused");
        self.bytes += response.bytes().await.expect("body").len();
    }

    async fn pull_all(&mut self) -> u64 {
        let mut cursor = 0;
        loop {
            let response = self
                .http
                .get(format!(
                    "{}/api/sync/pull?client_id={}&cursor={cursor}",
                    self.url, self.id
                ))
                .header("cookie", &self.cookie)
                .send()
                .await
                .expect("pull");
            let bytes = response.bytes().await.expect("body");
            self.bytes += bytes.len();
            let page: PullResponse = serde_json::from_slice(&bytes).expect("pull response");
            cursor = page.cursor;
            if !page.more() {
                return cursor;
            }
        }
    }
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 * p).ceil() as usize)
        .saturating_sub(1)
        .min(samples.len() - 1)]
}

struct Row {
    db: &'static str,
    what: String,
    per_second: f64,
    p50: Duration,
    p99: Duration,
}

async fn measure(db: &'static str, server: &Server, rows: &mut Vec<Row>) {
    let mut a = Client::new(&server.url, "a@bench.test", "bench-client-a").await;
    a.publish_sweep().await;
    // Single edits, one push each.
    let mut samples = Vec::new();
    let started = Instant::now();
    for _ in 0..300 {
        let edits = a.edits(1);
        let t = Instant::now();
        a.push(edits).await;
        samples.push(t.elapsed());
    }
    let rate = 300.0 / started.elapsed().as_secs_f64();
    rows.push(Row {
        db,
        what: "single edit per push".into(),
        per_second: rate,
        p50: percentile(&mut samples, 0.5),
        p99: percentile(&mut samples, 0.99),
    });
    // Batches of 100.
    let mut samples = Vec::new();
    let started = Instant::now();
    for _ in 0..30 {
        let edits = a.edits(100);
        let t = Instant::now();
        a.push(edits).await;
        samples.push(t.elapsed());
    }
    let rate = 3_000.0 / started.elapsed().as_secs_f64();
    rows.push(Row {
        db,
        what: "100 edits per push".into(),
        per_second: rate,
        p50: percentile(&mut samples, 0.5),
        p99: percentile(&mut samples, 0.99),
    });
}

/// Eight devices push single edits at the same time: how pushes queue behind the one writer.
async fn measure_concurrent(db: &'static str, server: &Server, rows: &mut Vec<Row>) {
    const DEVICES: usize = 8;
    const PUSHES: usize = 100;
    let mut devices = Vec::new();
    for n in 0..DEVICES {
        devices.push(Client::new(&server.url, "b@bench.test", &format!("bench-device-{n}")).await);
    }
    let started = Instant::now();
    let tasks: Vec<_> = devices
        .into_iter()
        .map(|mut device| {
            tokio::spawn(async move {
                let mut samples = Vec::with_capacity(PUSHES);
                for _ in 0..PUSHES {
                    let edits = device.edits(1);
                    let t = Instant::now();
                    device.push(edits).await;
                    samples.push(t.elapsed());
                }
                samples
            })
        })
        .collect();
    let mut samples = Vec::new();
    for task in tasks {
        samples.extend(task.await.expect("a device's pushes"));
    }
    let rate = (DEVICES * PUSHES) as f64 / started.elapsed().as_secs_f64();
    rows.push(Row {
        db,
        what: format!("single, {DEVICES} devices at once"),
        per_second: rate,
        p50: percentile(&mut samples, 0.5),
        p99: percentile(&mut samples, 0.99),
    });
}

/// On a fresh server: B made 200 edits offline while A's 1,000 changes landed; B rejoins.
async fn catch_up(server: &Server) -> (Duration, usize, u64) {
    let mut a = Client::new(&server.url, "a@bench.test", "bench-client-a").await;
    a.publish_sweep().await;
    let mut b = Client::new(&server.url, "b@bench.test", "bench-client-b").await;
    let offline = b.edits(200);
    for _ in 0..10 {
        let edits = a.edits(100);
        a.push(edits).await;
    }
    b.bytes = 0;
    let t = Instant::now();
    b.push(offline).await;
    let head = b.pull_all().await;
    (t.elapsed(), b.bytes, head)
}

/// The log a scoped-pull measurement runs on: a platform and ten vendors, one sweep per vendor
/// shared with it alone, and `changes` notes spread evenly over the ten sweeps, so each vendor
/// sees a tenth of the log and the platform all of it.
struct ScopedLog {
    store: Store,
    platform: User,
    vendors: Vec<User>,
    /// An organisation that sees nothing.
    outsider: User,
    _dir: tempfile::TempDir,
}

const VENDORS: usize = 10;
const SWEEP_ITEMS: usize = 1_000;

async fn scoped_log(database_url: Option<&str>) -> ScopedLog {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(database_url, dir.path()).await.expect("store");
    common::platform(&store, "BenchPlatform").await;
    let mut vendors = Vec::new();
    for v in 0..VENDORS {
        let name = format!("Vendor{v}");
        common::people(&store, &name).await;
        common::publish_sweep(
            &store,
            "specialist@benchplatform.test",
            &format!("bench{v:02}"),
            SWEEP_ITEMS,
            &[&name],
        )
        .await;
        vendors.push(common::user(&store, &format!("agent@vendor{v}.test")).await);
    }
    common::people(&store, "Outsider").await;
    ScopedLog {
        platform: common::user(&store, "specialist@benchplatform.test").await,
        outsider: common::user(&store, "agent@outsider.test").await,
        vendors,
        store,
        _dir: dir,
    }
}

impl ScopedLog {
    /// Adds `changes` notes, round-robin over the vendors' sweeps, each vendor's agent writing
    /// in its own sweep, 500 to a push.
    async fn grow(&self, changes: usize, round: usize) {
        let per_vendor = changes / VENDORS;
        for (v, agent) in self.vendors.iter().enumerate() {
            let client = format!("grow-{round}-{v:02}-{}", uuid_like(agent));
            let mut next = 1;
            let mut left = per_vendor;
            while left > 0 {
                let n = left.min(casebook_core::sync::MAX_PUSH);
                let mutations: Vec<Mutation> = (0..n as u64)
                    .map(|i| Mutation {
                        id: next + i,
                        clock: Hlc {
                            wall_ms: 1_700_000_000_000 + next + i,
                            counter: 0,
                            node: v as u64 + 1,
                        },
                        op: Op::SetField {
                            object: casebook_core::sweep::item_object(
                                &format!("bench{v:02}"),
                                ((next + i) as usize % SWEEP_ITEMS) + 1,
                            ),
                            field: "note".into(),
                            value: Value::from(format!("note {}", next + i)),
                            base: 0,
                        },
                    })
                    .collect();
                let request = PushRequest {
                    schema_version: SCHEMA_VERSION,
                    client_id: client.clone(),
                    mutations,
                };
                self.store.push(agent, &request, 1_700_000_000_000).await.expect("push");
                next += n as u64;
                left -= n;
            }
        }
    }

    /// Pulls everything `reader` may see from the start; returns the time and changes read.
    async fn catch_up(&self, reader: &User) -> (Duration, usize) {
        let client = format!("reader-{}", uuid_like(reader));
        let t = Instant::now();
        let (mut cursor, mut read) = (0, 0);
        loop {
            let page = self
                .store
                .pull(reader, &client, cursor, casebook_core::sync::MAX_PULL)
                .await
                .expect("pull");
            read += page.changes.len();
            cursor = page.cursor;
            if !page.more() {
                return (t.elapsed(), read);
            }
        }
    }

    /// How many entries the log holds.
    async fn head(&self) -> u64 {
        self.store
            .pull(&self.platform, "head-reader", 0, 1)
            .await
            .expect("pull")
            .head
    }

    /// The median of `n` pulls from the start of the log by `reader`.
    async fn first_pull(&self, reader: &User, n: usize) -> Duration {
        let client = format!("first-{}", uuid_like(reader));
        let mut samples = Vec::new();
        for _ in 0..n {
            let t = Instant::now();
            self.store
                .pull(reader, &client, 0, casebook_core::sync::MAX_PULL)
                .await
                .expect("pull");
            samples.push(t.elapsed());
        }
        percentile(&mut samples, 0.5)
    }
}

fn uuid_like(user: &User) -> String {
    user.id.chars().filter(char::is_ascii_alphanumeric).take(20).collect()
}

async fn measure_scopes(db: &'static str, database_url: Option<String>) -> Vec<String> {
    let log = scoped_log(database_url.as_deref()).await;
    log.grow(20_000, 1).await;
    let (vendor_time, vendor_read) = log.catch_up(&log.vendors[0]).await;
    let (all_time, all_read) = log.catch_up(&log.platform).await;
    let mut lines = vec![format!(
        "| {db:<10} | catch-up, a vendor seeing 10 % | {:>8.1} ms | {:>7} | {:>5.2} |",
        vendor_time.as_secs_f64() * 1e3,
        vendor_read,
        vendor_time.as_secs_f64() / all_time.as_secs_f64()
    )];
    lines.push(format!(
        "| {db:<10} | catch-up, the whole log (unfiltered) | {:>8.1} ms | {:>7} | {:>5.2} |",
        all_time.as_secs_f64() * 1e3,
        all_read,
        1.0
    ));
    let empty_small = log.first_pull(&log.outsider, 20).await;
    let small = log.head().await;
    log.grow(100_000 - small as usize, 2).await;
    let empty_large = log.first_pull(&log.outsider, 20).await;
    let large = log.head().await;
    lines.push(format!(
        "| {db:<10} | empty scope, {small} entries | {:>8.3} ms | {:>7} | {:>5.2} |",
        empty_small.as_secs_f64() * 1e3,
        0,
        1.0
    ));
    lines.push(format!(
        "| {db:<10} | empty scope, {large} entries | {:>8.3} ms | {:>7} | {:>5.2} |",
        empty_large.as_secs_f64() * 1e3,
        0,
        empty_large.as_secs_f64() / empty_small.as_secs_f64()
    ));
    if db == "SQLite" {
        for row in log.store.explain_pull().await.expect("plan") {
            lines.push(format!("|            | plan: {row} | | | |"));
        }
    }
    log.store.close().await;
    lines
}

#[tokio::main]
async fn main() {
    // `cargo bench` passes `--bench`; nothing else is expected.
    let mut rows = Vec::new();
    let mut catch_ups = Vec::new();
    let sqlite = start(None);
    measure("SQLite", &sqlite, &mut rows).await;
    measure_concurrent("SQLite", &sqlite, &mut rows).await;
    catch_ups.push(("SQLite", catch_up(&start(None)).await));
    let mut scopes = measure_scopes("SQLite", None).await;
    match std::env::var("CASEBOOK_BENCH_DATABASE_URL") {
        Ok(url) => {
            scopes.extend(measure_scopes("PostgreSQL", Some(common::fresh_postgres(&url).await)).await);
            let postgres = start(Some(&common::fresh_postgres(&url).await));
            measure("PostgreSQL", &postgres, &mut rows).await;
            measure_concurrent("PostgreSQL", &postgres, &mut rows).await;
            catch_ups.push((
                "PostgreSQL",
                catch_up(&start(Some(&common::fresh_postgres(&url).await))).await,
            ));
        }
        Err(_) => println!(
            "(PostgreSQL not measured: CASEBOOK_BENCH_DATABASE_URL is not set; `cargo xtask bench sync` sets it)"
        ),
    }
    println!(
        "\nPushes over HTTP on 127.0.0.1 (release build): one device pushing one request after another, then eight at once\n"
    );
    println!("| database   | push                       | edits/s | p50 latency | p99 latency |");
    println!("| ---------- | -------------------------- | ------- | ----------- | ----------- |");
    for r in &rows {
        println!(
            "| {:<10} | {:<26} | {:>7.0} | {:>8.2} ms | {:>8.2} ms |",
            r.db,
            r.what,
            r.per_second,
            r.p50.as_secs_f64() * 1e3,
            r.p99.as_secs_f64() * 1e3
        );
    }
    println!(
        "\nCatch-up: a client with 200 offline edits rejoins after 1,000 remote changes (push its edits, pull from the start)\n"
    );
    println!("| database   | time      | JSON bytes (uncompressed) | changes pulled |");
    println!("| ---------- | --------- | ------------------------- | -------------- |");
    for (db, (time, bytes, head)) in &catch_ups {
        println!(
            "| {:<10} | {:>6.1} ms | {:>14.1} KB | {:>14} |",
            db,
            time.as_secs_f64() * 1e3,
            *bytes as f64 / 1e3,
            head
        );
    }
    println!(
        "\nPulls scoped to an organisation, on the store (10 vendors, one sweep shared with each; \
         time relative to reading the whole log, which every pull did before scoping; for the \
         empty scope, relative to the smaller log)\n"
    );
    println!("| database   | pull | time | changes | ratio |");
    println!("| ---------- | ---- | ---- | ------- | ----- |");
    for line in scopes {
        println!("{line}");
    }
}
