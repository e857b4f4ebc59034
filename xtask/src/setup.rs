//! Installs what building and testing Casebook needs, and only what is missing.
//!
//! Each tool is checked at its exact version first; an install runs only when the check
//! fails. Nothing is downloaded from outside the package registries (crates.io, npm,
//! Debian), so Trunk is told to use the wasm-bindgen and wasm-opt installed here.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::{root, run_command, step};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const WASM_OPT_VERSION: &str = "132";

/// PATH for child processes: the npm tools first (wasm-opt), then cargo's bin folder.
pub fn tool_path() -> String {
    let cargo_home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo"));
    let mut parts = vec![root().join("node_modules/.bin"), cargo_home.join("bin")];
    parts.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(parts)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What `program args…` prints, or `None` when it cannot run.
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .env("PATH", tool_path())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Whether this runs as root (then Debian packages can be installed).
pub fn is_root() -> bool {
    output_of("id", &["-u"]).is_some_and(|id| id == "0")
}

/// Everything: the build tools, the browser and the API fuzzer.
pub fn all() -> anyhow::Result<()> {
    build_tools()?;
    browser()?;
    schemathesis()?;
    Ok(())
}

pub const SCHEMATHESIS_VERSION: &str = "4.32.5";

/// The Python of the virtualenv that holds Schemathesis (PyPI), under `target/`.
pub fn schemathesis_python() -> PathBuf {
    root().join("target/tools/schemathesis/bin/python")
}

fn schemathesis() -> anyhow::Result<()> {
    let python = schemathesis_python();
    let found = output_of(&python.to_string_lossy(), &["-m", "schemathesis.cli", "--version"]).unwrap_or_default();
    if found.ends_with(SCHEMATHESIS_VERSION) {
        ok(&format!("schemathesis {SCHEMATHESIS_VERSION}"));
        return Ok(());
    }
    println!("  installing schemathesis {SCHEMATHESIS_VERSION} from PyPI into target/tools/schemathesis");
    let venv = root().join("target/tools/schemathesis");
    run_command(Command::new("python3").arg("-m").arg("venv").arg(&venv))
        .context("could not create a Python virtualenv; install python3-venv")?;
    run_command(Command::new(&python).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        &format!("schemathesis=={SCHEMATHESIS_VERSION}"),
    ]))
    .context("pip could not install schemathesis; check that PyPI is reachable")
}

/// What `cargo xtask dist` needs.
pub fn build_tools() -> anyhow::Result<()> {
    step("Checking the toolchain (installing only what is missing)");
    wasm_target()?;
    npm_packages()?;
    trunk()?;
    wasm_bindgen()?;
    Ok(())
}

fn ok(what: &str) {
    println!("  ok  {what}");
}

fn wasm_target() -> anyhow::Result<()> {
    let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        ok("Rust target wasm32-unknown-unknown");
        return Ok(());
    }
    println!("  installing the Rust target wasm32-unknown-unknown (rustup)");
    run_command(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"])).context(
        "could not add the wasm32 target; check that rustup can reach its server or install the target by hand",
    )
}

fn npm_packages() -> anyhow::Result<()> {
    let node = output_of("node", &["--version"]).context("Node.js is not installed; install Node 20 or newer")?;
    let major: u32 = node
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major < 20 {
        bail!("Node {node} is too old; install Node 20 or newer");
    }
    let wasm_opt = output_of(
        &root().join("node_modules/.bin/wasm-opt").to_string_lossy(),
        &["--version"],
    );
    let playwright = root().join("node_modules/playwright-core/package.json").exists();
    let axe = root().join("node_modules/@axe-core/playwright/package.json").exists();
    let lock_unchanged = file_newer("node_modules/.package-lock.json", "package-lock.json");
    if wasm_opt
        .as_deref()
        .is_some_and(|v| v.contains(&format!("version {WASM_OPT_VERSION}")))
        && playwright
        && axe
        && lock_unchanged
    {
        ok(&format!(
            "npm packages (wasm-opt {WASM_OPT_VERSION}, playwright-core, axe-core) with Node {node}"
        ));
        return Ok(());
    }
    println!(
        "  installing npm packages from package-lock.json (binaryen's wasm-opt, playwright-core, @axe-core/playwright)"
    );
    run_command(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))
        .context("npm could not install the packages; check that the npm registry is reachable")
}

/// Whether `a` exists and is at least as new as `b` (both relative to the root).
fn file_newer(a: &str, b: &str) -> bool {
    let modified = |p: &str| std::fs::metadata(root().join(p)).and_then(|m| m.modified()).ok();
    matches!((modified(a), modified(b)), (Some(a), Some(b)) if a >= b)
}

fn trunk() -> anyhow::Result<()> {
    let found = output_of("trunk", &["--version"]).unwrap_or_default();
    if found == format!("trunk {TRUNK_VERSION}") {
        ok(&format!("trunk {TRUNK_VERSION}"));
        return Ok(());
    }
    println!("  installing trunk {TRUNK_VERSION} (cargo install; about 6 minutes on 2 cores)");
    run_command(Command::new("cargo").args(["install", "--locked", "trunk", "--version", TRUNK_VERSION]))
        .context("could not install trunk; check that crates.io is reachable")
}

/// The wasm-bindgen version in Cargo.lock, which the CLI must match exactly.
fn locked_wasm_bindgen_version() -> anyhow::Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).context("Cargo.lock is missing")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_string());
        }
    }
    bail!("Cargo.lock has no wasm-bindgen entry")
}

fn wasm_bindgen() -> anyhow::Result<()> {
    let version = locked_wasm_bindgen_version()?;
    let cli = output_of("wasm-bindgen", &["--version"]).unwrap_or_default();
    let runner = output_of("wasm-bindgen-test-runner", &["--version"]).unwrap_or_default();
    if cli.ends_with(&version) && runner.ends_with(&version) {
        ok(&format!("wasm-bindgen-cli {version} (with wasm-bindgen-test-runner)"));
        return Ok(());
    }
    println!("  installing wasm-bindgen-cli {version} to match Cargo.lock (cargo install; about 3 minutes)");
    // `--locked` fails here: the CLI's own lockfile pins a crate version the registry lacks.
    run_command(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &version]))
        .context("could not install wasm-bindgen-cli; check that crates.io is reachable")
}

/// Fonts the browser tests need to render Japanese and Arabic (screenshots, layout checks):
/// a file each Debian package installs, and the package.
const FONTS: [(&str, &str); 2] = [
    (
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "fonts-noto-cjk",
    ),
    (
        "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
        "fonts-noto-core",
    ),
];

pub fn browser() -> anyhow::Result<()> {
    let chromium = output_of(CHROMIUM, &["--version"]);
    let driver = output_of(CHROMEDRIVER, &["--version"]);
    let mut missing: Vec<&str> = FONTS
        .iter()
        .filter(|(file, _)| !Path::new(file).exists())
        .map(|(_, package)| *package)
        .collect();
    if let (Some(chromium), Some(driver), true) = (&chromium, &driver, missing.is_empty()) {
        ok(&format!(
            "{chromium} and {}, with Japanese and Arabic fonts",
            driver.split(" (").next().unwrap_or(driver)
        ));
        return Ok(());
    }
    if chromium.is_none() || driver.is_none() {
        missing.extend(["chromium", "chromium-driver"]);
    }
    if !is_root() {
        bail!(
            "Chromium, ChromeDriver or the fonts are missing; install them with: sudo apt-get install -y {}",
            missing.join(" ")
        );
    }
    println!("  installing Debian's {} (apt-get)", missing.join(", "));
    run_command(
        Command::new("apt-get")
            .args(["update", "-q"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
    .context("apt-get update failed; check that the Debian package mirror is reachable")?;
    run_command(
        Command::new("apt-get")
            .args(["install", "-y", "-q"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
    .with_context(|| format!("apt-get could not install {}", missing.join(", ")))?;
    if output_of(CHROMIUM, &["--version"]).is_none() {
        bail!("{CHROMIUM} does not run after installing it");
    }
    ok(&format!("{} installed", missing.join(", ")));
    Ok(())
}
