//! The real `casebook-server` binary for the benchmarks: `create-admin`, a server on a free
//! port on 127.0.0.1 (stopped when dropped; SQLite in the data folder unless a database URL is
//! given), and signing in to it.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct ServerProcess {
    child: Child,
    pub url: String,
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn command(data_dir: &Path, database_url: Option<&str>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_casebook-server"));
    command
        .arg("--data-dir")
        .arg(data_dir)
        .env("RUST_LOG", "error")
        .env_remove("DATABASE_URL");
    if let Some(url) = database_url {
        command.arg("--database-url").arg(url);
    }
    command
}

/// Creates an admin of organisation `org` with `create-admin` (a process of its own: the
/// migrations check and an argon2 hash); returns how long it took.
pub fn create_admin(data_dir: &Path, database_url: Option<&str>, org: &str, email: &str, password: &str) -> Duration {
    let t = Instant::now();
    let status = command(data_dir, database_url)
        .args(["create-admin", "--org", org, "--email", email, "--name", "Bench"])
        .env("CASEBOOK_ADMIN_PASSWORD", password)
        .stdout(Stdio::null())
        .status()
        .expect("create-admin runs");
    assert!(status.success(), "create-admin failed");
    t.elapsed()
}

/// Starts a server and waits until it listens.
pub fn start(data_dir: &Path, database_url: Option<&str>) -> ServerProcess {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let child = command(data_dir, database_url)
        .args(["--bind", &format!("127.0.0.1:{port}")])
        .arg("--dist")
        .arg(data_dir.join("no-app"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("server starts");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    ServerProcess {
        child,
        url: format!("http://127.0.0.1:{port}"),
    }
}

/// The organisation of the person signed in with `cookie` (`GET /api/session`).
pub async fn org_id(http: &reqwest::Client, url: &str, cookie: &str) -> String {
    let session: casebook_core::wire::SessionInfo = http
        .get(format!("{url}/api/session"))
        .header("cookie", cookie)
        .send()
        .await
        .expect("session")
        .json()
        .await
        .expect("session JSON");
    session.user.expect("signed in").org_id
}

/// Signs in; the session cookie (`name=value`) when the server said 200.
pub async fn sign_in(http: &reqwest::Client, url: &str, email: &str, password: &str) -> Option<String> {
    let response = http
        .post(format!("{url}/api/session"))
        .header("x-casebook-request", "1")
        .json(&serde_json::json!({"email": email, "password": password}))
        .send()
        .await
        .ok()?;
    if response.status() != 200 {
        return None;
    }
    let cookie = response
        .headers()
        .get("set-cookie")?
        .to_str()
        .ok()?
        .split(';')
        .next()?
        .to_string();
    response.bytes().await.ok()?;
    Some(cookie)
}
