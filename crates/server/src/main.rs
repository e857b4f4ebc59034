//! `casebook-server`: reads configuration, opens the store, and either serves or imports.

use std::process::ExitCode;

use anyhow::Context;
use casebook_server::config::{Cli, Command, Config};
use casebook_server::library::{ImportFailure, demo_files, import, read_folder};
use casebook_server::store::Store;
use casebook_server::{AppState, app, assets::AppShell, now_rfc3339};
use clap::Parser;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(&cli.config);
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(cli.config).await,
        Command::Import { dir } => import_folder(cli.config, &dir).await,
        Command::CreateAdmin {
            org,
            platform,
            email,
            name,
        } => create_admin(cli.config, &org, platform, &email, &name).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(config: &Config) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,tower_http=info,sqlx=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    if config.log_json {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let store = Store::open(config.database_url.as_deref(), &config.data_dir).await?;
    if config.demo && store.stored_versions().await?.is_empty() {
        let report = import(&store, &demo_files(), &now_rfc3339())
            .await
            .map_err(import_error)?;
        tracing::info!(versions = report.added.len(), "loaded the demo policy library");
    }
    if config.demo && store.count_users().await? == 0 {
        casebook_server::demo::create_accounts(&store).await?;
        let emails: Vec<&str> = casebook_server::demo::ACCOUNTS
            .iter()
            .map(|(_, email, _, _)| *email)
            .collect();
        tracing::info!(
            "created demo accounts (password {}): {}",
            casebook_server::demo::PASSWORD,
            emails.join(", ")
        );
    }
    let shell = match AppShell::load(&config.dist) {
        Ok(shell) => Some(shell),
        Err(e) => {
            tracing::warn!("serving the API only: {e:#}");
            None
        }
    };
    let mut state = AppState::new(store.clone(), shell).await?;
    state.proxy_hops = if config.trust_proxy { config.proxy_hops } else { 0 };
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .with_context(|| format!("cannot listen on {}", config.bind))?;
    let address = listener.local_addr()?;
    tracing::info!(%address, database = store.kind().name(), "Casebook is serving at http://{address}/");
    let flusher = tokio::spawn({
        let state = state.clone();
        async move {
            let mut every = tokio::time::interval(casebook_server::refusals::WINDOW);
            loop {
                every.tick().await;
                state.flush_refusals(false).await;
            }
        }
    });
    let limits = casebook_server::net::Limits {
        header_read_timeout: std::time::Duration::from_secs(config.header_timeout_secs.max(1)),
        max_connections: config.max_connections.max(1),
    };
    casebook_server::net::serve(listener, app(state.clone()), limits, shutdown_signal()).await;
    flusher.abort();
    state.flush_refusals(true).await;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn import_folder(config: Config, dir: &std::path::Path) -> anyhow::Result<()> {
    let store = Store::open(config.database_url.as_deref(), &config.data_dir).await?;
    let files = read_folder(dir)?;
    let report = import(&store, &files, &now_rfc3339()).await.map_err(import_error)?;
    println!(
        "imported {} new version(s), {} file(s) unchanged{}",
        report.added.len(),
        report.unchanged,
        if report.synonyms_updated {
            ", synonyms updated"
        } else {
            ""
        }
    );
    for added in &report.added {
        println!("  + {added}");
    }
    for change in &report.status_changes {
        let since = change.since.as_ref().map(|d| format!(" since {d}")).unwrap_or_default();
        println!(
            "  ~ {} v{}: {} -> {}{since}",
            change.slug,
            change.number,
            change.from.id(),
            change.to.id()
        );
    }
    store.close().await;
    Ok(())
}

async fn create_admin(config: Config, org: &str, platform: bool, email: &str, name: &str) -> anyhow::Result<()> {
    let password = match std::env::var("CASEBOOK_ADMIN_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .context("cannot read the password from standard input")?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    let refused = |e: casebook_server::error::AppError| anyhow::anyhow!("{e}");
    casebook_server::auth::check_new_password(&password).map_err(refused)?;
    let email = casebook_server::input::new_email(email).map_err(refused)?;
    let name = casebook_server::input::name(name).map_err(refused)?;
    let org = casebook_server::input::name(org).map_err(refused)?;
    let store = Store::open(config.database_url.as_deref(), &config.data_dir).await?;
    let now = now_rfc3339();
    let kind = if platform {
        casebook_core::wire::OrgKind::Platform
    } else {
        casebook_core::wire::OrgKind::Vendor
    };
    let org_id = store.ensure_org(org, kind, &now).await?;
    let hash = casebook_server::auth::hash_password(&password)?;
    let user = store
        .create_user(&org_id, &email, name, casebook_server::auth::Role::Admin, &hash, &now)
        .await?;
    println!("created administrator {} in {}", user.email, user.org_name);
    store.close().await;
    Ok(())
}

fn import_error(failure: ImportFailure) -> anyhow::Error {
    match failure {
        ImportFailure::Invalid(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            anyhow::anyhow!("the library has {} problem(s); nothing was imported", errors.len())
        }
        ImportFailure::Store(e) => e,
    }
}

/// Resolves on Ctrl-C or SIGTERM, so in-flight requests finish before the process exits.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
