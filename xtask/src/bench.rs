//! `cargo xtask bench search`: our wasm search engine against MiniSearch and FlexSearch, in
//! headless Chromium, on one deterministic synthetic corpus, in one run.
//!
//! This file makes the corpus, the queries and our index; `bench/search/` holds the page
//! that measures and the script that drives Chromium and prints the table.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};
use casebook_core::search::{Document, IndexBuilder};
use serde::Serialize;

use crate::{root, run_command, setup, step};

const SEED: u64 = 0x00C0_FFEE_CA5E_B00C;
const DOCS: usize = 10_000;
const VOCABULARY: usize = 5_000;
const QUERIES: usize = 1_000;

/// A small, seeded generator (SplitMix64): the same corpus on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn range(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Pronounceable made-up words, unique, 3 to 11 letters.
fn vocabulary(rng: &mut Rng) -> Vec<String> {
    const ONSETS: [&str; 20] = [
        "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "st", "tr",
    ];
    const VOWELS: [&str; 7] = ["a", "e", "i", "o", "u", "ai", "ou"];
    const CODAS: [&str; 8] = ["", "", "n", "r", "s", "l", "t", "m"];
    let mut words = std::collections::BTreeSet::new();
    let mut ordered = Vec::with_capacity(VOCABULARY);
    while ordered.len() < VOCABULARY {
        let syllables = rng.range(1, 4);
        let mut word = String::new();
        for _ in 0..syllables {
            word.push_str(ONSETS[rng.below(ONSETS.len())]);
            word.push_str(VOWELS[rng.below(VOWELS.len())]);
            word.push_str(CODAS[rng.below(CODAS.len())]);
        }
        if (3..=11).contains(&word.len()) && words.insert(word.clone()) {
            ordered.push(word);
        }
    }
    ordered
}

/// Draws word ranks with Zipf frequencies (exponent 1): rank r has weight 1/r.
struct Zipf(Vec<f64>);

impl Zipf {
    fn new(n: usize) -> Zipf {
        let mut cumulative = Vec::with_capacity(n);
        let mut total = 0.0;
        for rank in 1..=n {
            total += 1.0 / rank as f64;
            cumulative.push(total);
        }
        Zipf(cumulative.into_iter().map(|c| c / total).collect())
    }

    fn draw(&self, rng: &mut Rng) -> usize {
        let u = rng.unit();
        self.0.partition_point(|c| *c < u).min(self.0.len() - 1)
    }
}

#[derive(Serialize)]
struct Doc {
    id: String,
    title: String,
    body: String,
}

#[derive(Serialize)]
struct Query {
    q: String,
    expect: String,
    kind: &'static str,
}

fn sentence(rng: &mut Rng, zipf: &Zipf, words: &[String], count: usize) -> String {
    (0..count)
        .map(|_| words[zipf.draw(rng)].as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One edit to a word: substitution, deletion, insertion or swap of neighbours.
fn typo(rng: &mut Rng, word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    let i = rng.range(1, chars.len() - 2);
    let letter = (b'a' + rng.below(26) as u8) as char;
    match rng.below(4) {
        0 => chars[i] = if chars[i] == letter { 'x' } else { letter },
        1 => {
            chars.remove(i);
        }
        2 => chars.insert(i, letter),
        _ => chars.swap(i, i + 1),
    }
    chars.into_iter().collect()
}

fn corpus() -> (Vec<Doc>, Vec<Query>) {
    let mut rng = Rng(SEED);
    let words = vocabulary(&mut rng);
    let zipf = Zipf::new(words.len());
    let docs: Vec<Doc> = (0..DOCS)
        .map(|i| {
            let title_len = rng.range(6, 10);
            let body_len = rng.range(120, 180);
            Doc {
                id: format!("d{i}"),
                title: sentence(&mut rng, &zipf, &words, title_len),
                body: sentence(&mut rng, &zipf, &words, body_len),
            }
        })
        .collect();
    let rank: std::collections::HashMap<&str, usize> = words.iter().enumerate().map(|(r, w)| (w.as_str(), r)).collect();
    let mut queries = Vec::with_capacity(QUERIES);
    while queries.len() < QUERIES {
        let doc = &docs[rng.below(DOCS)];
        // People type the distinctive words of what they look for, not the most common ones.
        let distinctive: Vec<&str> = doc
            .title
            .split(' ')
            .chain(doc.body.split(' '))
            .filter(|w| rank.get(w).is_some_and(|r| *r >= 100))
            .collect();
        if distinctive.len() < 3 {
            continue;
        }
        let count = rng.range(2, 3);
        let mut picked: Vec<String> = (0..count)
            .map(|_| distinctive[rng.below(distinctive.len())].to_string())
            .collect();
        let kind = match queries.len() % 5 {
            0..=2 => "exact",
            3 => "typo",
            _ => "prefix",
        };
        match kind {
            "typo" => {
                let Some(i) = picked.iter().position(|w| w.len() >= 5) else {
                    continue;
                };
                picked[i] = typo(&mut rng, &picked[i]);
            }
            "prefix" => {
                let last = picked.last_mut().expect("two or three words");
                if last.len() < 5 {
                    continue;
                }
                let keep = (last.len() * 3).div_ceil(5).max(3);
                last.truncate(keep);
            }
            _ => {}
        }
        queries.push(Query {
            q: picked.join(" "),
            expect: doc.id.clone(),
            kind,
        });
    }
    (docs, queries)
}

fn gzip_len(bytes: &[u8]) -> anyhow::Result<usize> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

pub fn search() -> anyhow::Result<()> {
    setup::all()?;
    let out: PathBuf = root().join("target/bench/search");
    std::fs::create_dir_all(&out)?;

    step(&format!(
        "Generating the corpus: {DOCS} sections, {VOCABULARY}-word Zipf vocabulary, {QUERIES} queries (seed {SEED:#x})"
    ));
    let (docs, queries) = corpus();
    std::fs::write(out.join("corpus.json"), serde_json::to_vec(&docs)?)?;
    std::fs::write(out.join("queries.json"), serde_json::to_vec(&queries)?)?;

    step("Building our index (casebook-core)");
    let mut builder = IndexBuilder::new();
    for doc in &docs {
        builder.add(&Document {
            key: doc.id.clone(),
            title: &doc.title,
            heading: "",
            body: &doc.body,
            area: "",
            regions: &[],
            lang: "en",
            actions: &[],
        });
    }
    let bytes = builder.build().to_bytes();
    std::fs::write(out.join("casebook.idx"), &bytes)?;

    step("Building MiniSearch's index (Node)");
    run_command(Command::new("node").arg("bench/search/build-minisearch.mjs").arg(&out))?;
    let minisearch = std::fs::read(out.join("minisearch.json")).context("MiniSearch's index was not written")?;
    let sizes = serde_json::json!({
        "casebook": { "raw": bytes.len(), "gzip": gzip_len(&bytes)? },
        "minisearch": { "raw": minisearch.len(), "gzip": gzip_len(&minisearch)? },
    });
    std::fs::write(out.join("sizes.json"), serde_json::to_vec(&sizes)?)?;

    step("Building our engine for the browser (wasm-release, wasm-bindgen, wasm-opt)");
    bench_wasm(&out)?;

    step("Measuring in headless Chromium (1x and 4x CPU throttling, interleaved rounds)");
    run_bench(&out)
}

/// Builds `casebook-search-bench` for the browser into `out` (wasm-release, wasm-bindgen,
/// wasm-opt), as the app is built.
fn bench_wasm(out: &Path) -> anyhow::Result<()> {
    run_command(crate::cargo().args([
        "build",
        "--locked",
        "--package",
        "casebook-search-bench",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm-release",
    ]))?;
    let wasm = root().join("target/wasm32-unknown-unknown/wasm-release/casebook_search_bench.wasm");
    run_command(
        Command::new("wasm-bindgen")
            .arg("--target")
            .arg("web")
            .arg("--out-dir")
            .arg(out)
            .arg(&wasm),
    )?;
    let bg = out.join("casebook_search_bench_bg.wasm");
    run_command(
        Command::new("wasm-opt")
            .arg("-Oz")
            .arg("--enable-bulk-memory")
            .arg("--enable-nontrapping-float-to-int")
            .arg(&bg)
            .arg("-o")
            .arg(&bg),
    )?;
    Ok(())
}

/// `cargo xtask bench templates`: the composer (opening a 30-field template, the preview per
/// keystroke) and the note history's search over 10,000 notes, in headless Chromium at 1x
/// and 4x CPU; `bench/templates/run.mjs` prints the figures.
pub fn templates() -> anyhow::Result<()> {
    setup::all()?;
    let out: PathBuf = root().join("target/bench/templates");
    std::fs::create_dir_all(&out)?;
    step("Building the templates for the browser (wasm-release, wasm-bindgen, wasm-opt)");
    bench_wasm(&out)?;
    step("Measuring in headless Chromium (1x and 4x CPU throttling)");
    let status = Command::new("node")
        .current_dir(root())
        .env("PATH", setup::tool_path())
        .env("CHROMIUM", setup::CHROMIUM)
        .arg("bench/templates/run.mjs")
        .arg(&out)
        .status()
        .context("could not start node")?;
    if !status.success() {
        bail!("the templates benchmark failed ({status})");
    }
    Ok(())
}

fn run_bench(out: &Path) -> anyhow::Result<()> {
    let status = Command::new("node")
        .current_dir(root())
        .env("PATH", setup::tool_path())
        .env("CHROMIUM", setup::CHROMIUM)
        .arg("bench/search/run.mjs")
        .arg(out)
        .status()
        .context("could not start node")?;
    if !status.success() {
        bail!("the search benchmark failed ({status})");
    }
    Ok(())
}

/// `cargo xtask bench start`: the release build (as `dist` makes it) opened in fresh,
/// throttled Chromium contexts; `bench/start/start.mjs` measures and prints the figures.
pub fn start() -> anyhow::Result<()> {
    setup::browser()?;
    let out = crate::dist()?;
    let (server, address) = crate::start_server(&out.join("casebook-server"), &out.join("app"), "bench-start-data")?;
    step("Measuring the first visit on a poor line (150 ms, 1.6 Mbps down, 750 kbps up, CPU x4; median of 5)");
    let result = run_command(
        Command::new("node")
            .arg("bench/start/start.mjs")
            .env("CASEBOOK_URL", format!("http://{address}"))
            .env("CHROMIUM", setup::CHROMIUM),
    );
    drop(server);
    result
}

/// `cargo xtask bench sync`: see `crates/server/benches/sync.rs`.
pub fn sync() -> anyhow::Result<()> {
    server_bench("sync", "Measuring sync over HTTP (release build of the server)")
}

/// `cargo xtask bench load`: see `crates/server/benches/load.rs`.
pub fn load() -> anyhow::Result<()> {
    server_bench(
        "load",
        "Simulating agents against the server (release build; about 10 minutes)",
    )
}

/// Runs the server's benchmark `name` with a throwaway PostgreSQL to measure too.
fn server_bench(name: &str, what: &str) -> anyhow::Result<()> {
    let postgres = crate::postgres::TempPostgres::start()?;
    step(what);
    run_command(
        crate::cargo()
            .args(["bench", "--locked", "--package", "casebook-server", "--bench", name])
            .env("CASEBOOK_BENCH_DATABASE_URL", &postgres.url),
    )
}

/// `cargo xtask bench interface`: switching the interface language at 4× CPU, against
/// reloading the page in it; `bench/interface/language.mjs` measures and prints the figures.
pub fn interface() -> anyhow::Result<()> {
    setup::browser()?;
    let out = crate::dist()?;
    let (server, address) =
        crate::start_server(&out.join("casebook-server"), &out.join("app"), "bench-interface-data")?;
    step("Measuring a switch of the interface language (CPU x4)");
    let result = run_command(
        Command::new("node")
            .arg("bench/interface/language.mjs")
            .env("CASEBOOK_URL", format!("http://{address}"))
            .env("CHROMIUM", setup::CHROMIUM),
    );
    drop(server);
    result
}

/// `cargo xtask bench sweeps`: a 50,000-item sweep in headless Chromium against the release
/// build: importing the pasted lines, a fresh agent device catching up, keystroke to paint at
/// 1x and 4x CPU, and a remote decision reaching the open dashboard; `bench/sweeps/run.mjs`
/// measures and prints the figures.
pub fn sweeps() -> anyhow::Result<()> {
    setup::browser()?;
    let out = crate::dist()?;
    let (server, address) = crate::start_server(&out.join("casebook-server"), &out.join("app"), "bench-sweeps-data")?;
    step("Measuring a 50,000-item sweep (import, catch-up, keystroke to paint at 1x and 4x, decision to dashboard)");
    let result = run_command(
        Command::new("node")
            .arg("bench/sweeps/run.mjs")
            .env("CASEBOOK_URL", format!("http://{address}"))
            .env("CHROMIUM", setup::CHROMIUM),
    );
    drop(server);
    result
}
