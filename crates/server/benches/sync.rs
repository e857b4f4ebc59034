//! `cargo xtask bench sync`: push throughput and latency, single and batched, on SQLite and
//! PostgreSQL, and the catch-up of a client rejoining with offline edits — against the real
//! server binary over HTTP on 127.0.0.1.
//!
//! PostgreSQL is measured when `CASEBOOK_BENCH_DATABASE_URL` names a server (xtask starts one).

#[path = "../tests/common/mod.rs"]
mod common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use casebook_core::SCHEMA_VERSION;
use casebook_core::clock::Hlc;
use casebook_core::sync::{Mutation, Op, PullResponse, PushRequest};
use serde_json::{Value, json};

const PASSWORD: &str = "benchmark password";

struct Server {
    child: Child,
    url: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(database_url: Option<&str>) -> Server {
    let dir = tempfile::tempdir().expect("temp dir");
    let binary = env!("CARGO_BIN_EXE_casebook-server");
    let with_db = |command: &mut Command| {
        command
            .arg("--data-dir")
            .arg(dir.path())
            .env("RUST_LOG", "error")
            .env_remove("DATABASE_URL");
        if let Some(url) = database_url {
            command.arg("--database-url").arg(url);
        }
    };
    for email in ["a@bench.test", "b@bench.test"] {
        let mut create = Command::new(binary);
        create
            .args(["create-admin", "--org", "Bench", "--email", email, "--name", "Bench"])
            .env("CASEBOOK_ADMIN_PASSWORD", PASSWORD);
        with_db(&mut create);
        let status = create.stdout(Stdio::null()).status().expect("create-admin runs");
        assert!(status.success(), "create-admin failed");
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let mut serve = Command::new(binary);
    serve
        .args(["--bind", &format!("127.0.0.1:{port}")])
        .arg("--dist")
        .arg(dir.path().join("none"));
    with_db(&mut serve);
    let child = serve
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("server starts");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Server {
        child,
        url: format!("http://127.0.0.1:{port}"),
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
        let response = http
            .post(format!("{url}/api/session"))
            .header("x-casebook-request", "1")
            .json(&json!({"email": email, "password": PASSWORD}))
            .send()
            .await
            .expect("sign in");
        let cookie = response.headers()["set-cookie"]
            .to_str()
            .expect("ascii")
            .split(';')
            .next()
            .expect("pair")
            .to_string();
        Client {
            http,
            url: url.into(),
            cookie,
            id: id.into(),
            next: 1,
            bytes: 0,
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

#[tokio::main]
async fn main() {
    // `cargo bench` passes `--bench`; nothing else is expected.
    let mut rows = Vec::new();
    let mut catch_ups = Vec::new();
    let sqlite = start(None);
    measure("SQLite", &sqlite, &mut rows).await;
    measure_concurrent("SQLite", &sqlite, &mut rows).await;
    catch_ups.push(("SQLite", catch_up(&start(None)).await));
    match std::env::var("CASEBOOK_BENCH_DATABASE_URL") {
        Ok(url) => {
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
}
