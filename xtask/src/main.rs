//! `cargo xtask <command>`: Casebook's build, run, test and dist commands.
//!
//! Each command says what it does before it does it, and fails with what went wrong and what
//! to do about it.

mod bench;
mod budget;
mod compress;
mod postgres;
mod setup;
mod sizes;

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  run     build the app (release) and serve Casebook with demo content at http://127.0.0.1:8080
  test    install what the tests need, then run every test layer (native, wasm in Chromium, end to end)
  dist    build the deployable artefacts into target/dist and print the app's size
  bench search   our in-browser search against MiniSearch and FlexSearch, in headless Chromium
  bench sync     push throughput and latency, and catch-up, on SQLite and PostgreSQL
  bench load     simulated agents polling and editing: p50/p99 and the largest agent count served
  bench start    the first visit on a poor line (throttled Chromium): search box, first result, bytes
  bench interface  switching the interface language at 4x CPU, against reloading the page in it
  bench templates  the composer and the note history (headless Chromium, CPU x1 and x4)
  bench sweeps   a 50,000-item sweep: import, catch-up, keystroke to paint (x1, x4), decision to dashboard
  bench          all of them, one after another
  setup   only install and check the toolchain";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(),
        Some("test") => test(),
        Some("dist") => dist().map(|_| ()),
        Some("setup") => setup::all(),
        Some("bench") => match args.get(1).map(String::as_str) {
            Some("search") => bench::search(),
            Some("sync") => bench::sync(),
            Some("load") => bench::load(),
            Some("start") => bench::start(),
            Some("interface") => bench::interface(),
            Some("templates") => bench::templates(),
            Some("sweeps") => bench::sweeps(),
            None => bench::search()
                .and_then(|()| bench::sync())
                .and_then(|()| bench::load())
                .and_then(|()| bench::start())
                .and_then(|()| bench::interface())
                .and_then(|()| bench::templates())
                .and_then(|()| bench::sweeps()),
            Some(other) => {
                eprintln!(
                    "unknown benchmark {other:?}; available: search, sync, load, start, interface, templates, sweeps"
                );
                return ExitCode::from(2);
            }
        },
        Some("-h" | "--help" | "help") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => {
            eprintln!("unknown command {other:?}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

pub fn step(message: &str) {
    println!("\n==> {message}");
}

/// Runs a command in the workspace root with the project's tools on PATH; fails on non-zero exit.
pub fn run_command(command: &mut Command) -> anyhow::Result<()> {
    let shown = format!("{command:?}");
    let status = command
        .current_dir(root())
        .env("PATH", setup::tool_path())
        .status()
        .with_context(|| format!("could not start {shown}"))?;
    if !status.success() {
        bail!("{shown} failed ({status})");
    }
    Ok(())
}

/// `cargo`, the same one that runs xtask.
pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// Builds the app with Trunk (size-tuned profile, wasm-opt) into `dist/`, with a brotli and
/// a gzip copy of each text file for the server to send as they are.
fn build_app() -> anyhow::Result<()> {
    step("Building the app (Trunk, release, wasm-opt)");
    run_command(Command::new("trunk").args(["build", "--release", "--offline"]))?;
    name_quick_search_by_content(&root().join("dist"))?;
    step("Compressing the app's files (brotli 11, gzip 9)");
    compress::precompress(&root().join("dist"))
}

/// Trunk names a module it does not start itself (the first page's quick search, built as a
/// "worker") without a content hash. The service worker keeps built files for good once it has
/// them, so a file whose content can change under the same name would be served stale: this
/// gives the quick search's two files names with a hash of their content, as Trunk does for the
/// app's, and rewrites `index.html` to match.
fn name_quick_search_by_content(dist: &Path) -> anyhow::Result<()> {
    use std::hash::{DefaultHasher, Hasher};
    let (js, wasm) = ("casebook-start.js", "casebook-start_bg.wasm");
    let mut hasher = DefaultHasher::new();
    for file in [js, wasm] {
        let bytes = std::fs::read(dist.join(file))
            .with_context(|| format!("Trunk did not build the quick search ({file} is missing from dist/)"))?;
        hasher.write(&bytes);
    }
    let hash = format!("{:016x}", hasher.finish());
    let (hashed_js, hashed_wasm) = (
        format!("casebook-start-{hash}.js"),
        format!("casebook-start-{hash}_bg.wasm"),
    );
    std::fs::rename(dist.join(js), dist.join(&hashed_js))?;
    std::fs::rename(dist.join(wasm), dist.join(&hashed_wasm))?;
    let index = dist.join("index.html");
    let page = std::fs::read_to_string(&index)?;
    for name in [js, wasm] {
        if !page.contains(&format!("\"/{name}\"")) {
            bail!("index.html no longer names /{name}; update name_quick_search_by_content");
        }
    }
    let page = page
        .replace(&format!("\"/{js}\""), &format!("\"/{hashed_js}\""))
        .replace(&format!("\"/{wasm}\""), &format!("\"/{hashed_wasm}\""));
    std::fs::write(&index, page)?;
    Ok(())
}

fn build_server(release: bool) -> anyhow::Result<PathBuf> {
    step(&format!(
        "Building the server ({})",
        if release { "release" } else { "debug" }
    ));
    let mut command = cargo();
    command.args(["build", "--package", "casebook-server", "--locked"]);
    if release {
        command.arg("--release");
    }
    run_command(&mut command)?;
    let profile = if release { "release" } else { "debug" };
    Ok(target_dir().join(profile).join("casebook-server"))
}

/// Where cargo writes what it builds: `CARGO_TARGET_DIR` when set, else `target/`.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

pub fn dist() -> anyhow::Result<PathBuf> {
    setup::build_tools()?;
    build_app()?;
    let server = build_server(true)?;
    let out = root().join("target/dist");
    step(&format!("Collecting artefacts in {}", out.display()));
    if out.exists() {
        std::fs::remove_dir_all(&out)?;
    }
    copy_dir(&root().join("dist"), &out.join("app"))?;
    std::fs::copy(&server, out.join("casebook-server"))?;
    println!(
        "  {}/casebook-server   the server (serves the API and the app)",
        out.display()
    );
    println!(
        "  {}/app/              the static app (any web server or CDN can serve it)",
        out.display()
    );
    let (app, first_page) = sizes::print(&out.join("app"))?;
    budget::check(app, first_page)?;
    Ok(out)
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("cannot read {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

fn run() -> anyhow::Result<()> {
    let out = dist()?;
    let address = "127.0.0.1:8080";
    if TcpStream::connect(address).is_ok() {
        bail!("something is already listening on {address}; stop it (another `cargo xtask run`?) and try again");
    }
    step(&format!(
        "Starting Casebook at http://{address}/ with demo content (Ctrl-C stops it)"
    ));
    println!("  data: {}/data (SQLite)", root().display());
    println!("  demo accounts, password casebook-demo (created on the first run):");
    for (email, org, role) in [
        (
            "specialist@platform.casebook.test",
            "Casebook Platform",
            "policy specialist",
        ),
        ("trainer@platform.casebook.test", "Casebook Platform", "trainer"),
        ("admin@platform.casebook.test", "Casebook Platform", "admin"),
        ("agent@demo.casebook.test", "Demo Vendor", "agent"),
        ("admin@demo.casebook.test", "Demo Vendor", "admin"),
        ("agent@northwind.casebook.test", "Northwind Moderation", "agent"),
        ("admin@northwind.casebook.test", "Northwind Moderation", "admin"),
    ] {
        println!("    {email:<35} {org:<21} {role}");
    }
    let status = Command::new(out.join("casebook-server"))
        .current_dir(root())
        .args(["--bind", address, "--data-dir", "data", "--demo"])
        .arg("--dist")
        .arg(out.join("app"))
        .status()
        .context("could not start the server")?;
    if !status.success() {
        bail!("the server stopped with {status}");
    }
    Ok(())
}

/// One named test layer and whether it passed.
struct Outcome {
    layer: &'static str,
    result: anyhow::Result<()>,
    seconds: f64,
}

fn test() -> anyhow::Result<()> {
    let started = Instant::now();
    setup::all()?;
    let postgres = postgres::TempPostgres::start()?;
    let mut outcomes: Vec<Outcome> = Vec::new();
    let mut layer = |name: &'static str, f: &mut dyn FnMut() -> anyhow::Result<()>| {
        step(name);
        let t = Instant::now();
        let result = f();
        if let Err(e) = &result {
            eprintln!("  FAILED: {e:#}");
        }
        outcomes.push(Outcome {
            layer: name,
            result,
            seconds: t.elapsed().as_secs_f64(),
        });
    };

    layer("Formatting (cargo fmt --check)", &mut || {
        run_command(cargo().args(["fmt", "--all", "--", "--check"]))
    });
    layer("Lints (clippy, native and wasm)", &mut || {
        run_command(cargo().args([
            "clippy",
            "--locked",
            "--workspace",
            "--exclude",
            "casebook",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ]))?;
        // The app with its browser tests; the libraries it ships (their own tests are native).
        run_command(cargo().args([
            "clippy",
            "--locked",
            "--package",
            "casebook",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))?;
        run_command(cargo().args([
            "clippy",
            "--locked",
            "--package",
            "casebook-core",
            "--package",
            "casebook-search-bench",
            "--package",
            "casebook-start",
            "--target",
            "wasm32-unknown-unknown",
            "--lib",
            "--",
            "-D",
            "warnings",
        ]))
    });
    layer(
        "Native tests: core, quick search, and server on SQLite and PostgreSQL (cargo test)",
        &mut || {
            run_command(cargo().args(["test", "--locked", "--package", "casebook-core", "--all-features"]))?;
            // The first page's quick search against the engine, on the demo library.
            run_command(cargo().args(["test", "--locked", "--package", "casebook-start"]))?;
            // The server suite runs against SQLite and against the temporary PostgreSQL.
            run_command(
                cargo()
                    .args(["test", "--locked", "--package", "casebook-server"])
                    .env("CASEBOOK_TEST_DATABASE_URL", &postgres.url),
            )
        },
    );
    layer("Core compiles to wasm32-unknown-unknown", &mut || {
        run_command(cargo().args([
            "build",
            "--locked",
            "--package",
            "casebook-core",
            "--target",
            "wasm32-unknown-unknown",
        ]))
    });
    layer(
        "In-browser unit tests (wasm-bindgen-test in headless Chromium)",
        &mut || {
            run_command(
                cargo()
                    .args([
                        "test",
                        "--locked",
                        "--package",
                        "casebook",
                        "--target",
                        "wasm32-unknown-unknown",
                    ])
                    .env("CHROMEDRIVER", setup::CHROMEDRIVER),
            )
        },
    );
    layer(
        "End to end (Playwright + Chromium against the release build)",
        &mut end_to_end,
    );
    layer(
        "API fuzzing (Schemathesis against the served OpenAPI document)",
        &mut api_fuzzing,
    );

    drop(postgres);
    println!("\n==> Summary");
    let mut failed = 0;
    for outcome in &outcomes {
        let mark = if outcome.result.is_ok() { "ok  " } else { "FAIL" };
        failed += usize::from(outcome.result.is_err());
        println!("  {mark} {:<70} {:>6.1}s", outcome.layer, outcome.seconds);
    }
    println!("  total {:.1}s", started.elapsed().as_secs_f64());
    println!("{} passed, {} failed", outcomes.len() - failed, failed);
    if failed > 0 {
        bail!("{failed} test layer(s) failed");
    }
    Ok(())
}

fn end_to_end() -> anyhow::Result<()> {
    build_app()?;
    let artifacts = root().join("tests/e2e/artifacts");
    std::fs::create_dir_all(&artifacts)?;
    let (server, address) = start_test_server("e2e-data", true)?;
    let result = run_command(
        Command::new("node")
            .args(["--test", "--test-reporter=spec", "--test-concurrency=1"])
            .arg("tests/e2e/")
            .env("CASEBOOK_URL", format!("http://{address}"))
            .env("CASEBOOK_ARTIFACTS", &artifacts)
            .env("CHROMIUM", setup::CHROMIUM),
    );
    drop(server);
    println!("  screenshots: {}", artifacts.display());
    result
}

/// Starts a fresh server with demo content and runs Schemathesis against it.
fn api_fuzzing() -> anyhow::Result<()> {
    let (_server, address) = start_test_server("fuzz-data", false)?;
    run_command(
        Command::new(setup::schemathesis_python())
            .arg("tests/api/schemathesis.py")
            .arg(format!("http://{address}")),
    )
}

/// A debug server with demo content and a new data folder `target/<data>`, on a free port;
/// stopped when the guard is dropped. With `app`, it serves the built app from `dist/`.
fn start_test_server(data: &str, app: bool) -> anyhow::Result<(ChildGuard, String)> {
    let server = build_server(false)?;
    let data_dir = root().join("target").join(data);
    let dist = if app {
        root().join("dist")
    } else {
        data_dir.join("no-app")
    };
    start_server(&server, &dist, data)
}

/// `server` with demo content, serving the app in `dist`, with a new data folder
/// `target/<data>`, on a free port; stopped when the guard is dropped.
pub fn start_server(server: &Path, dist: &Path, data: &str) -> anyhow::Result<(ChildGuard, String)> {
    let data = root().join("target").join(data);
    if data.exists() {
        std::fs::remove_dir_all(&data)?;
    }
    let address = format!("127.0.0.1:{}", free_port()?);
    let mut command = Command::new(server);
    command
        .current_dir(root())
        .args(["--bind", &address, "--demo"])
        .arg("--data-dir")
        .arg(&data)
        .arg("--dist")
        .arg(dist)
        .env("RUST_LOG", "warn");
    let mut guard = ChildGuard(command.spawn().context("could not start the server")?);
    wait_for(&address, &mut guard.0)?;
    Ok((guard, address))
}

fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn wait_for(address: &str, child: &mut Child) -> anyhow::Result<()> {
    let address: SocketAddr = address.parse()?;
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait()? {
            bail!("the server exited before it was ready ({status})");
        }
        if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    bail!("the server did not start listening on {address} within 30 s")
}

/// Stops the child process when dropped, whatever happened.
#[derive(Debug)]
pub struct ChildGuard(Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
