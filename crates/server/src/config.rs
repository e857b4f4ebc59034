//! Command line and environment configuration. Every flag has an environment variable.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "casebook-server",
    version,
    about = "Casebook's REST backend; also serves the built app"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub config: Config,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API and the app (the default).
    Serve,
    /// Import a policy library folder (Markdown files with YAML front matter), then exit.
    Import {
        /// The folder to import.
        dir: PathBuf,
    },
    /// Create an administrator (the first one, or another). The password is read from
    /// CASEBOOK_ADMIN_PASSWORD or, when that is unset, from the first line of standard input.
    CreateAdmin {
        #[arg(long)]
        org: String,
        /// The organisation is the platform (owns the policy library and publishes sweeps),
        /// not a vendor. There is one platform.
        #[arg(long)]
        platform: bool,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
}

#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "CASEBOOK_BIND", default_value = "127.0.0.1:8080", global = true)]
    pub bind: SocketAddr,
    /// Folder for the embedded SQLite database (created if missing).
    #[arg(long, env = "CASEBOOK_DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,
    /// `postgres://…` to use PostgreSQL, or `sqlite://…`; default: SQLite in the data folder.
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// Folder holding the built app (Trunk's `dist`).
    #[arg(long, env = "CASEBOOK_DIST", default_value = "dist", global = true)]
    pub dist: PathBuf,
    /// Load the demo policy library when the library is empty.
    #[arg(long, env = "CASEBOOK_DEMO", global = true)]
    pub demo: bool,
    /// Take the client's address from `X-Forwarded-For` (set only behind a proxy that writes it).
    #[arg(long, env = "CASEBOOK_TRUST_PROXY", global = true)]
    pub trust_proxy: bool,
    /// With --trust-proxy: how many proxies in front of the server append to
    /// `X-Forwarded-For`; the entry this many from the right is the client.
    #[arg(long, env = "CASEBOOK_PROXY_HOPS", default_value_t = 1, global = true)]
    pub proxy_hops: usize,
    /// Seconds a client has to send a request's headers; also how long an idle keep-alive
    /// connection stays open.
    #[arg(long, env = "CASEBOOK_HEADER_TIMEOUT_SECS", default_value_t = 10, global = true)]
    pub header_timeout_secs: u64,
    /// Connections served at once; more wait until one closes. Keep it below the open-files
    /// limit (`ulimit -n`, often 1024), which the database and files share.
    #[arg(long, env = "CASEBOOK_MAX_CONNECTIONS", default_value_t = 512, global = true)]
    pub max_connections: usize,
    /// Log as JSON lines instead of human-readable text.
    #[arg(long, env = "CASEBOOK_LOG_JSON", global = true)]
    pub log_json: bool,
}
