//! A throwaway PostgreSQL server for one test run: installed from Debian's packages when
//! missing, started on a free local port in a temporary folder, stopped and removed after.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, bail};

use crate::{run_command, setup, step};

pub struct TempPostgres {
    bin: PathBuf,
    dir: PathBuf,
    as_postgres: bool,
    pub url: String,
}

fn find_bin() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
        .collect();
    versions.sort();
    versions.pop()
}

/// Installs the PostgreSQL server from Debian's packages when it is missing.
pub fn ensure_installed() -> anyhow::Result<PathBuf> {
    if let Some(bin) = find_bin() {
        println!("  ok  PostgreSQL server ({})", bin.display());
        return Ok(bin);
    }
    if !setup::is_root() {
        bail!("the PostgreSQL server is missing; install it with: sudo apt-get install -y postgresql");
    }
    println!("  installing Debian's postgresql (apt-get)");
    run_command(
        Command::new("apt-get")
            .args(["update", "-q"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    run_command(
        Command::new("apt-get")
            .args(["install", "-y", "-q", "postgresql"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
    .context("apt-get could not install postgresql")?;
    find_bin().context("postgresql is installed but initdb and pg_ctl were not found under /usr/lib/postgresql")
}

impl TempPostgres {
    pub fn start() -> anyhow::Result<TempPostgres> {
        let bin = ensure_installed()?;
        step("Starting a temporary PostgreSQL for the tests");
        let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let dir = std::env::temp_dir().join(format!("casebook-pg-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        // initdb refuses to run as root: the cluster belongs to the `postgres` user then.
        let as_postgres = setup::is_root();
        if as_postgres {
            run_command(Command::new("chown").arg("postgres").arg(&dir))?;
        }
        let pg = TempPostgres {
            bin,
            dir,
            as_postgres,
            url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
        };
        pg.run(
            "initdb",
            &["-D", &pg.data(), "-A", "trust", "-U", "postgres", "--no-sync"],
        )?;
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=on",
            pg.dir.display()
        );
        let log = pg.dir.join("log").display().to_string();
        pg.run("pg_ctl", &["-D", &pg.data(), "-o", &options, "-l", &log, "-w", "start"])?;
        println!("  PostgreSQL is running at {}", pg.url);
        Ok(pg)
    }

    fn data(&self) -> String {
        self.dir.join("data").display().to_string()
    }

    fn run(&self, tool: &str, args: &[&str]) -> anyhow::Result<()> {
        let program = self.bin.join(tool);
        let mut command = if self.as_postgres {
            // `runuser` lives in /usr/sbin, which a CI runner's PATH may lack.
            let runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"]
                .into_iter()
                .find(|p| std::path::Path::new(p).exists())
                .unwrap_or("runuser");
            let mut c = Command::new(runuser);
            c.args(["-u", "postgres", "--"]).arg(&program);
            c
        } else {
            Command::new(&program)
        };
        let output = command
            .args(args)
            .output()
            .with_context(|| format!("could not run {tool}"))?;
        if !output.status.success() {
            bail!(
                "{tool} failed: {}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
        }
        Ok(())
    }
}

impl Drop for TempPostgres {
    fn drop(&mut self) {
        let _ = self.run("pg_ctl", &["-D", &self.data(), "-m", "fast", "-w", "stop"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
