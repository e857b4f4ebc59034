//! `cargo xtask bench load`: how many agents one deployment serves. Simulated agents poll and
//! edit a sweep as the app does — a pull every 4 s (page after page until the head), one edit
//! every 10 s, one agent in 20 signing in meanwhile — against the real release server binary
//! over HTTP on 127.0.0.1, for a ladder of agent counts: on SQLite (one server process) and on
//! PostgreSQL with two server processes sharing the database, agents split between them.
//!
//! It prints p50/p99 per request kind and the errors for each step, the largest agent count
//! whose pull and push p99 stay within 200 ms, and where the time goes (pushes only, pulls
//! only, both without compression, catch-up pages, sign-ins alone, the cheapest signed-in
//! request); then it checks that every acknowledged edit is in the log. PostgreSQL is measured
//! when `CASEBOOK_BENCH_DATABASE_URL` names a server (`cargo xtask bench load` starts one).

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "support/server.rs"]
mod server;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use casebook_core::SCHEMA_VERSION;
use casebook_core::clock::Hlc;
use casebook_core::sync::{MAX_PUSH, Mutation, Op, PullResponse, PushRequest, PushResponse};
use serde::Deserialize;
use serde_json::Value;

const PASSWORD: &str = "load benchmark password";
/// Organisations, each with its own sweep, and admin accounts per organisation that the
/// agents share (an account costs an argon2 hash to create; a client id is per agent).
const ORGS: usize = 4;
const ADMINS_PER_ORG: usize = 2;
const SWEEP_ITEMS: usize = 400;
/// The app's poll interval (`POLL_MS` in `src/sync.rs`) and an agent's pace of edits.
const POLL: Duration = Duration::from_secs(4);
const EDIT_EVERY: Duration = Duration::from_secs(10);
/// How long each step of the ladder sends requests.
const STEP: Duration = Duration::from_secs(24);
const LADDER: [usize; 6] = [25, 50, 100, 200, 400, 800];
/// One agent in this many signs in during a step.
const SIGN_IN_ONE_IN: usize = 20;
const CEILING: Duration = Duration::from_millis(200);
/// The app's own limit on a push or pull (`REQUEST_TIMEOUT_MS` in `src/sync.rs`).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

const PULL: usize = 0;
const PUSH: usize = 1;
const SIGN_IN: usize = 2;

/// A client that asks for compressed answers as browsers do (`Accept-Encoding: gzip, br`, of
/// which the server picks brotli), or, with `identity`, for uncompressed ones.
fn http_with(identity: bool) -> reqwest::Client {
    let builder = reqwest::Client::builder().timeout(REQUEST_TIMEOUT);
    let builder = if identity {
        builder.no_brotli().no_gzip()
    } else {
        builder
    };
    builder.build().expect("an HTTP client with a timeout")
}

fn http() -> reqwest::Client {
    http_with(false)
}

fn now_ms() -> u64 {
    let since = SystemTime::now().duration_since(UNIX_EPOCH).expect("after 1970");
    u64::try_from(since.as_millis()).expect("a 64-bit time")
}

/// An admin account the agents share, signed in once (a person keeps at most 20 sessions).
struct Account {
    email: String,
    org: usize,
    cookie: String,
}

fn sweep_id(org: usize) -> String {
    format!("loadsweep{org}")
}

/// Publishes organisation `org`'s sweep as `account`, from its own client.
async fn publish_sweep(url: &str, account: &Account, run: &str) -> Vec<(String, u64)> {
    let http = http();
    let org_id = server::org_id(&http, url, &account.cookie).await;
    let items: Vec<String> = (1..=SWEEP_ITEMS).map(|n| format!("https://x.test/{n}")).collect();
    let ops = casebook_core::sweep::publish(
        &sweep_id(account.org),
        &org_id,
        &BTreeSet::new(),
        "Load",
        "",
        &items.join("\n"),
    )
    .expect("a valid sweep");
    let client_id = format!("load-{run}-publisher-{}", account.org);
    let mut acknowledged = Vec::new();
    let mut next = 1;
    for chunk in ops.chunks(MAX_PUSH) {
        let mutations: Vec<Mutation> = chunk
            .iter()
            .map(|op| {
                next += 1;
                Mutation {
                    id: next - 1,
                    clock: Hlc::zero(1),
                    op: op.clone(),
                }
            })
            .collect();
        let response = http
            .post(format!("{url}/api/sync/push"))
            .header("x-casebook-request", "1")
            .header("cookie", &account.cookie)
            .json(&PushRequest {
                schema_version: SCHEMA_VERSION,
                client_id: client_id.clone(),
                mutations,
            })
            .send()
            .await
            .expect("publish");
        let status = response.status();
        assert_eq!(
            status,
            200,
            "publishing was refused: {}",
            response.text().await.unwrap_or_default()
        );
        let last = response
            .json::<PushResponse>()
            .await
            .expect("push JSON")
            .last_mutation_id;
        acknowledged.extend((1..=last).map(|id| (client_id.clone(), id)));
    }
    acknowledged
}

/// What an agent does in a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mix {
    Both,
    PushesOnly,
    PullsOnly,
    /// Pulls and pushes, asking for uncompressed answers (no one signs in).
    BothUncompressed,
}

/// Latencies and errors per request kind, and the edits the server acknowledged.
#[derive(Default)]
struct Tally {
    samples: [Vec<Duration>; 3],
    errors: [usize; 3],
    /// How many requests failed, by kind and reason ("push: 500 internal", "pull: timeout").
    reasons: BTreeMap<String, usize>,
    /// (organisation, client id, mutation id).
    acknowledged: Vec<(usize, String, u64)>,
}

impl Tally {
    fn fail(&mut self, kind: usize, reason: String) {
        self.errors[kind] += 1;
        *self.reasons.entry(reason).or_default() += 1;
    }

    fn merge(&mut self, other: Tally) {
        for kind in 0..3 {
            self.samples[kind].extend(other.samples[kind].iter().copied());
            self.errors[kind] += other.errors[kind];
        }
        for (reason, n) in other.reasons {
            *self.reasons.entry(reason).or_default() += n;
        }
        self.acknowledged.extend(other.acknowledged);
    }

    fn percentile(&self, kind: usize, p: f64) -> Option<Duration> {
        let mut samples = self.samples[kind].clone();
        if samples.is_empty() {
            return None;
        }
        samples.sort();
        let rank = ((samples.len() as f64 * p).ceil() as usize).saturating_sub(1);
        Some(samples[rank.min(samples.len() - 1)])
    }

    fn within_ceiling(&self) -> bool {
        [PULL, PUSH]
            .iter()
            .all(|kind| self.percentile(*kind, 0.99).is_some_and(|p99| p99 <= CEILING))
    }

    fn requests(&self) -> usize {
        self.samples.iter().map(Vec::len).sum::<usize>() + self.errors.iter().sum::<usize>()
    }
}

/// The answer to a request that should be 200, or why it is not ("push: 500 internal").
async fn answer<T: serde::de::DeserializeOwned>(
    kind: &str,
    result: reqwest::Result<reqwest::Response>,
) -> Result<T, String> {
    let response = result.map_err(|e| match e.is_timeout() {
        true => format!("{kind}: timeout"),
        false => format!("{kind}: no connection or no answer"),
    })?;
    let status = response.status();
    let body = response.bytes().await.map_err(|_| format!("{kind}: answer cut off"))?;
    if status != 200 {
        let code = serde_json::from_slice::<Value>(&body)
            .ok()
            .and_then(|v| v["code"].as_str().map(str::to_string))
            .unwrap_or_default();
        return Err(format!("{kind}: {} {code}", status.as_u16()));
    }
    serde_json::from_slice(&body).map_err(|_| format!("{kind}: unreadable answer"))
}

/// Only the page's position: the agent does not need the changes to keep up.
#[derive(Deserialize)]
struct PagePosition {
    cursor: u64,
    head: u64,
}

struct Agent {
    http: reqwest::Client,
    url: String,
    cookie: String,
    email: String,
    org: usize,
    client_id: String,
    node: u64,
    cursor: u64,
    next_id: u64,
    /// Edits not yet acknowledged, sent again with the next push (as the outbox does).
    pending: Vec<Mutation>,
    tally: Tally,
}

impl Agent {
    /// Pulls page after page until the cursor reaches the head.
    async fn poll(&mut self) {
        loop {
            let t = Instant::now();
            let result = self
                .http
                .get(format!(
                    "{}/api/sync/pull?client_id={}&cursor={}",
                    self.url, self.client_id, self.cursor
                ))
                .header("cookie", &self.cookie)
                .send()
                .await;
            let page: PagePosition = match answer("pull", result).await {
                Ok(page) => page,
                Err(reason) => return self.tally.fail(PULL, reason),
            };
            self.tally.samples[PULL].push(t.elapsed());
            self.cursor = page.cursor;
            if page.cursor >= page.head {
                return;
            }
        }
    }

    /// Makes one edit and pushes it with any earlier one still unacknowledged.
    async fn edit(&mut self, sweep_items: usize) {
        let id = self.next_id;
        self.next_id += 1;
        self.pending.push(Mutation {
            id,
            clock: Hlc {
                wall_ms: now_ms(),
                counter: 0,
                node: self.node,
            },
            op: Op::SetField {
                object: casebook_core::sweep::item_object(&sweep_id(self.org), (id as usize % sweep_items) + 1),
                field: "note".into(),
                value: Value::from(format!("{} edit {id}", self.client_id)),
                base: 0,
            },
        });
        let sent: Vec<Mutation> = self.pending.iter().take(MAX_PUSH).cloned().collect();
        let t = Instant::now();
        let result = self
            .http
            .post(format!("{}/api/sync/push", self.url))
            .header("x-casebook-request", "1")
            .header("cookie", &self.cookie)
            .json(&PushRequest {
                schema_version: SCHEMA_VERSION,
                client_id: self.client_id.clone(),
                mutations: sent,
            })
            .send()
            .await;
        match answer::<PushResponse>("push", result).await {
            Ok(answer) => {
                self.tally.samples[PUSH].push(t.elapsed());
                let last = answer.last_mutation_id;
                for m in self.pending.iter().filter(|m| m.id <= last) {
                    self.tally.acknowledged.push((self.org, self.client_id.clone(), m.id));
                }
                self.pending.retain(|m| m.id > last);
            }
            Err(reason) => self.tally.fail(PUSH, reason),
        }
    }

    async fn sign_in(&mut self) {
        let t = Instant::now();
        match server::sign_in(&self.http, &self.url, &self.email, PASSWORD).await {
            Some(cookie) => {
                self.tally.samples[SIGN_IN].push(t.elapsed());
                self.cookie = cookie;
            }
            None => self.tally.fail(SIGN_IN, "sign-in: refused or no answer".into()),
        }
    }

    /// Polls and edits on the app's schedule from `start` until `end`.
    async fn run(
        mut self,
        mix: Mix,
        start: Instant,
        end: Instant,
        first_poll: Duration,
        first_edit: Duration,
        sign_in_at: Option<Instant>,
    ) -> Tally {
        let mut next_poll = (mix != Mix::PushesOnly).then_some(start + first_poll);
        let mut next_edit =
            matches!(mix, Mix::Both | Mix::PushesOnly | Mix::BothUncompressed).then_some(start + first_edit);
        let mut sign_in_at = sign_in_at;
        loop {
            let due = [next_poll, next_edit, sign_in_at].into_iter().flatten().min();
            let Some(due) = due.filter(|due| *due < end) else {
                break;
            };
            tokio::time::sleep_until(due.into()).await;
            if sign_in_at == Some(due) {
                sign_in_at = None;
                self.sign_in().await;
            } else if next_poll == Some(due) {
                self.poll().await;
                // The app waits a full interval after a cycle ends.
                next_poll = Some(Instant::now() + POLL);
            } else {
                self.edit(SWEEP_ITEMS).await;
                next_edit = Some(due + EDIT_EVERY);
            }
        }
        self.tally
    }
}

/// The log's head now (a pull of one change).
async fn head(url: &str, cookie: &str) -> u64 {
    http()
        .get(format!(
            "{url}/api/sync/pull?client_id=load-head-probe&cursor=0&limit=1"
        ))
        .header("cookie", cookie)
        .send()
        .await
        .expect("pull")
        .json::<PagePosition>()
        .await
        .expect("pull JSON")
        .head
}

/// One step: `agents` agents for [`STEP`], spread over `servers` and `accounts`, starting in
/// sync with the log's head, their polls and edits staggered over an interval.
async fn step(servers: &[String], accounts: &[Account], agents: usize, mix: Mix, label: &str) -> Tally {
    let cursor = head(&servers[0], &accounts[0].cookie).await;
    let start = Instant::now() + Duration::from_millis(200);
    let end = start + STEP;
    let tasks: Vec<_> = (0..agents)
        .map(|i| {
            // Spread so that the agents who sign in fall on every account in turn: a person
            // keeps at most 20 sessions, and the oldest is the one the others share.
            let account = &accounts[(i + i / SIGN_IN_ONE_IN) % accounts.len()];
            let agent = Agent {
                http: http_with(mix == Mix::BothUncompressed),
                url: servers[i % servers.len()].clone(),
                cookie: account.cookie.clone(),
                email: account.email.clone(),
                org: account.org,
                client_id: format!("load-{label}-{agents}-{i:04}"),
                node: i as u64 + 1,
                cursor,
                next_id: 1,
                pending: Vec::new(),
                tally: Tally::default(),
            };
            let first_poll = POLL * i as u32 / agents as u32;
            // A different order for edits than for polls, so one agent's two do not coincide.
            let first_edit = EDIT_EVERY * ((i * 7919) % agents) as u32 / agents as u32;
            let sign_in_at = (mix == Mix::Both && i % SIGN_IN_ONE_IN == SIGN_IN_ONE_IN / 2)
                .then(|| start + STEP * ((i / SIGN_IN_ONE_IN) % 9 + 1) as u32 / 10);
            tokio::spawn(agent.run(mix, start, end, first_poll, first_edit, sign_in_at))
        })
        .collect();
    let mut tally = Tally::default();
    for task in tasks {
        tally.merge(task.await.expect("an agent's run"));
    }
    tally
}

/// Pulls the whole log as an admin of each organisation (a catch-up, timed page by page) and
/// counts the acknowledged edits that are missing from it. Returns the missing count and the
/// pages' times.
async fn verify(
    url: &str,
    accounts: &[Account],
    acknowledged: &[(usize, String, u64)],
    client: &str,
    identity: bool,
) -> (usize, Tally) {
    let http = http_with(identity);
    let mut pages = Tally::default();
    let mut missing = 0;
    for org in 0..ORGS {
        let account = accounts
            .iter()
            .find(|a| a.org == org)
            .expect("an admin per organisation");
        let mut seen: HashSet<(String, u64)> = HashSet::new();
        let mut cursor = 0;
        loop {
            let t = Instant::now();
            let page: PullResponse = http
                .get(format!("{url}/api/sync/pull?client_id={client}-{org}&cursor={cursor}"))
                .header("cookie", &account.cookie)
                .send()
                .await
                .expect("pull")
                .json()
                .await
                .expect("pull JSON");
            pages.samples[PULL].push(t.elapsed());
            seen.extend(page.changes.into_iter().map(|c| (c.client_id, c.mutation_id)));
            cursor = page.cursor;
            if cursor >= page.head {
                break;
            }
        }
        missing += acknowledged
            .iter()
            .filter(|(o, client, id)| *o == org && !seen.contains(&(client.clone(), *id)))
            .count();
    }
    (missing, pages)
}

/// The cheapest signed-in request (`GET /api/session`: HTTP, the session lookup, JSON), one
/// after another: the floor under every pull and push.
async fn floor(url: &str, cookie: &str) -> Tally {
    let http = http();
    let mut tally = Tally::default();
    for _ in 0..200 {
        let t = Instant::now();
        let ok = match http
            .get(format!("{url}/api/session"))
            .header("cookie", cookie)
            .send()
            .await
        {
            Ok(response) => response.status() == 200 && response.bytes().await.is_ok(),
            Err(_) => false,
        };
        if ok {
            tally.samples[PULL].push(t.elapsed());
        } else {
            tally.errors[PULL] += 1;
        }
    }
    tally
}

fn ms(d: Option<Duration>) -> String {
    d.map_or_else(|| "-".into(), |d| format!("{:.1}", d.as_secs_f64() * 1e3))
}

fn row(db: &str, what: &str, agents: usize, tally: &Tally) -> String {
    let mut cells = vec![format!("| {db:<14} | {what:<12} | {agents:>6} ")];
    for kind in [PULL, PUSH, SIGN_IN] {
        cells.push(format!(
            "| {:>7} | {:>7} ",
            ms(tally.percentile(kind, 0.5)),
            ms(tally.percentile(kind, 0.99))
        ));
    }
    cells.push(format!(
        "| {:>8} | {:>3}/{:>3}/{:>3} |",
        tally.requests(),
        tally.errors[PULL],
        tally.errors[PUSH],
        tally.errors[SIGN_IN]
    ));
    cells.concat()
}

/// What one database's measurement printed.
struct Report {
    db: &'static str,
    ladder: Vec<String>,
    /// The largest agent count within the ceiling.
    ceiling: Option<usize>,
    /// Smaller counts that were over it (a busy machine shows up here).
    over_below: Vec<usize>,
    breakdown: Vec<String>,
    /// Why requests failed, a line per step that had failures.
    failures: Vec<String>,
    verified: (usize, usize),
}

fn failures(db: &str, what: &str, agents: usize, tally: &Tally) -> Option<String> {
    let reasons: Vec<String> = tally.reasons.iter().map(|(r, n)| format!("{r} x{n}")).collect();
    (!reasons.is_empty()).then(|| format!("  {db}, {what}, {agents} agents: {}", reasons.join(", ")))
}

/// The whole measurement on one database: accounts, sweeps, the ladder, the breakdown at the
/// first step past the largest count within the ceiling, and the check of acknowledged edits.
async fn measure(db: &'static str, run: &str, database_url: Option<&str>, processes: usize) -> Report {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut create_times = Vec::new();
    let mut emails = Vec::new();
    for org in 0..ORGS {
        for n in 0..ADMINS_PER_ORG {
            let email = format!("admin{n}@org{org}.load.test");
            create_times.push(server::create_admin(
                dir.path(),
                database_url,
                &format!("Load org {org}"),
                &email,
                PASSWORD,
            ));
            emails.push((org, email));
        }
    }
    let servers: Vec<server::ServerProcess> = (0..processes)
        .map(|_| server::start(dir.path(), database_url))
        .collect();
    let urls: Vec<String> = servers.iter().map(|s| s.url.clone()).collect();
    let http = http();
    let mut sign_ins = Tally::default();
    let mut accounts = Vec::new();
    for (org, email) in emails {
        let t = Instant::now();
        let cookie = server::sign_in(&http, &urls[0], &email, PASSWORD)
            .await
            .expect("an admin signs in");
        sign_ins.samples[SIGN_IN].push(t.elapsed());
        accounts.push(Account { email, org, cookie });
    }
    let mut acknowledged: Vec<(usize, String, u64)> = Vec::new();
    for org in 0..ORGS {
        let account = accounts
            .iter()
            .find(|a| a.org == org)
            .expect("an admin per organisation");
        acknowledged.extend(
            publish_sweep(&urls[0], account, run)
                .await
                .into_iter()
                .map(|(client, id)| (org, client, id)),
        );
    }

    let mut ladder = Vec::new();
    let mut failed = Vec::new();
    let mut ceiling = None;
    let mut over = Vec::new();
    for agents in LADDER {
        let tally = step(&urls, &accounts, agents, Mix::Both, run).await;
        eprintln!("{}", row(db, "both", agents, &tally));
        ladder.push(row(db, "both", agents, &tally));
        failed.extend(failures(db, "both", agents, &tally));
        if tally.within_ceiling() {
            ceiling = Some(agents);
        } else {
            over.push(agents);
        }
        acknowledged.extend(tally.acknowledged);
    }

    // Where the time goes, at the first step past the ceiling (or the top of the ladder).
    let top = LADDER[LADDER.len() - 1];
    let probe = LADDER
        .into_iter()
        .find(|agents| ceiling.is_none_or(|c| *agents > c))
        .unwrap_or(top);
    let over_below = over
        .into_iter()
        .filter(|agents| ceiling.is_some_and(|c| *agents < c))
        .collect();
    let mut breakdown = Vec::new();
    for (mix, what, label) in [
        (Mix::PushesOnly, "pushes only", "pushonly"),
        (Mix::PullsOnly, "pulls only", "pullonly"),
        (Mix::BothUncompressed, "both, no br", "plain"),
    ] {
        let tally = step(&urls, &accounts, probe, mix, &format!("{run}{label}")).await;
        eprintln!("{}", row(db, what, probe, &tally));
        breakdown.push(row(db, what, probe, &tally));
        failed.extend(failures(db, what, probe, &tally));
        acknowledged.extend(tally.acknowledged);
    }
    breakdown.push(row(db, "sign-in alone", 1, &sign_ins));
    let mut creates = Tally::default();
    creates.samples[SIGN_IN] = create_times;
    breakdown.push(row(db, "create-admin", 1, &creates));
    breakdown.push(row(
        db,
        "floor (GET /api/session)",
        1,
        &floor(&urls[0], &accounts[0].cookie).await,
    ));

    let client = format!("load-{run}-catch-up");
    let (missing, pages) = verify(&urls[0], &accounts, &acknowledged, &client, false).await;
    breakdown.push(row(db, "catch-up", 1, &pages));
    let client = format!("load-{run}-catch-up-plain");
    let (missing_plain, pages) = verify(&urls[0], &accounts, &acknowledged, &client, true).await;
    breakdown.push(row(db, "catch-up, no br", 1, &pages));
    let verified = (acknowledged.len(), missing.max(missing_plain));
    drop(servers);
    Report {
        db,
        ladder,
        ceiling,
        over_below,
        breakdown,
        failures: failed,
        verified,
    }
}

const HEADER: &str = "| database       | run          | agents | pull p50 | p99 | push p50 | p99 | sign-in p50 | p99 | requests | errors pull/push/sign-in |\n\
                      | -------------- | ------------ | ------ | ------- | ------- | ------- | ------- | ------- | ------- | -------- | ----------- |";

#[tokio::main]
async fn main() {
    // `cargo bench` passes `--bench`; nothing else is expected.
    let mut reports = vec![measure("SQLite", "sqlite", None, 1).await];
    match std::env::var("CASEBOOK_BENCH_DATABASE_URL") {
        Ok(url) => {
            let database = common::fresh_postgres(&url).await;
            reports.push(measure("PostgreSQL x2", "postgres", Some(&database), 2).await);
        }
        Err(_) => println!(
            "(PostgreSQL not measured: CASEBOOK_BENCH_DATABASE_URL is not set; `cargo xtask bench load` sets it)"
        ),
    }
    println!(
        "\nLoad over HTTP on 127.0.0.1 (release build): each agent pulls every {} s until it reaches the head, \
         edits every {} s, one in {SIGN_IN_ONE_IN} signs in; {} s a step; {ORGS} organisations, \
         {} shared admin accounts, a client id per agent; latencies in ms\n",
        POLL.as_secs(),
        EDIT_EVERY.as_secs(),
        STEP.as_secs(),
        ORGS * ADMINS_PER_ORG
    );
    println!("{HEADER}");
    for report in &reports {
        for line in &report.ladder {
            println!("{line}");
        }
    }
    println!(
        "\nLargest agent count with pull and push p99 <= {} ms:",
        CEILING.as_millis()
    );
    for report in &reports {
        match report.ceiling {
            Some(agents) if agents == LADDER[LADDER.len() - 1] => {
                println!("  {:<14} at least {agents} (the top of the ladder)", report.db)
            }
            Some(agents) => println!("  {:<14} {agents}", report.db),
            None => println!("  {:<14} below {}", report.db, LADDER[0]),
        }
        if !report.over_below.is_empty() {
            let counts: Vec<String> = report.over_below.iter().map(usize::to_string).collect();
            println!(
                "  {:<14} but over it at {} (a step alone: other work on the machine shows up here)",
                "",
                counts.join(", ")
            );
        }
    }
    println!(
        "(Each agent keeps its connection open between requests, as a browser does; one server \
         process serves at most --max-connections, 512 by default, at once, and the others wait \
         unread until one closes.)"
    );
    println!(
        "\nWhere the time goes (at the first step past the ceiling): pushes only, pulls only, both \
         asking for no compression; catch-up (each organisation's whole log pulled from the start, in \
         pages of 500; with and without compression); the accounts' first sign-ins one after another (argon2); create-admin (a process); the \
         cheapest signed-in request, one after another (in the pull columns)\n"
    );
    println!("{HEADER}");
    for report in &reports {
        for line in &report.breakdown {
            println!("{line}");
        }
    }
    println!("\nFailed requests, by reason:");
    for report in &reports {
        for line in &report.failures {
            println!("{line}");
        }
    }
    println!("\nAcknowledged edits found in the log (pulled as an admin of each organisation):");
    let mut lost = 0;
    for report in &reports {
        let (acknowledged, missing) = report.verified;
        lost += missing;
        println!(
            "  {:<14} {} acknowledged, {} found, {missing} missing",
            report.db,
            acknowledged,
            acknowledged - missing
        );
    }
    assert_eq!(lost, 0, "acknowledged edits are missing from the log");
}
