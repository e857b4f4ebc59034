//! The server's only storage: SQLite (a file in the data folder, the default) or PostgreSQL,
//! behind one set of queries. Only this module (with `store/`) writes SQL.
//!
//! Queries are written once, with `$1` placeholders, which both databases accept.

mod accounts;
mod audit;
mod sync;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use casebook_core::import::{ImportError, ImportPlan, ParsedLibrary, StoredVersion, plan_import, text_hash};
use casebook_core::library::{Library, SynonymGroup};
use casebook_core::policy::{IsoDate, Lang, Policy, PolicyArea, PolicyVersion, Slug, VersionStatus};
use serde::{Deserialize, Serialize};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{AnyPool, ConnectOptions, Row};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbKind {
    Sqlite,
    Postgres,
}

impl DbKind {
    pub fn name(self) -> &'static str {
        match self {
            DbKind::Sqlite => "sqlite",
            DbKind::Postgres => "postgres",
        }
    }
}

pub use accounts::{Account, ChangeRefused, CreateRefused, MAX_SESSIONS_PER_PERSON};
pub use audit::{AuditEntry, AuditFilter, AuditScope, NewAuditEntry};
pub use sync::{PushFailure, Pushed};

#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    kind: DbKind,
    /// Serialises sync writes within this process (see `push`).
    write_lock: Arc<tokio::sync::Mutex<()>>,
    /// The folder holding the SQLite file, whose free space the health check reports.
    sqlite_dir: Option<PathBuf>,
    budget: WriteBudget,
}

/// How many bytes of edits a person, and an organisation, may push per UTC day. The defaults
/// leave room for publishing several of the largest sweeps a day (5,000 items, about 1 MB)
/// while one account, or one vendor, cannot fill the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteBudget {
    pub person: u64,
    pub organisation: u64,
}

impl Default for WriteBudget {
    fn default() -> WriteBudget {
        WriteBudget {
            person: 50_000_000,
            organisation: 500_000_000,
        }
    }
}

/// Every table the server reads; the health check reads one row of each.
const TABLES: [&str; 14] = [
    "policy_versions",
    "library_settings",
    "orgs",
    "users",
    "sessions",
    "sign_in_failures",
    "sync_clients",
    "sync_changes",
    "sync_roots",
    "sync_visibility",
    "sync_access",
    "sync_readers",
    "sync_budget",
    "audit_log",
];

/// The first bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// The per-policy fields stored with each version (the newest version's win).
#[derive(Debug, Serialize, Deserialize)]
struct PolicyMetadata {
    title: String,
    area: PolicyArea,
    owner: String,
    regions: Vec<String>,
    languages: Vec<Lang>,
}

const SYNONYMS_KEY: &str = "synonyms";

/// The PostgreSQL advisory lock that serialises imports across server processes: an import
/// reads the stored versions, plans and writes in one transaction, so two imports cannot both
/// publish a version of one policy.
const LIBRARY_LOCK: i64 = 727_280;

/// The columns `read_version` and `stored_version` read, in their order.
const VERSION_COLUMNS: &str = "slug, number, metadata, document, source_hash, status, status_since";

impl Store {
    /// Begins a transaction that will write. On SQLite it takes the database's write lock at
    /// once (`BEGIN IMMEDIATE`, waiting up to the busy timeout): a transaction that read first
    /// could not upgrade to a write after another connection had committed, and would fail.
    pub(crate) async fn begin_write(&self) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Any>> {
        match self.kind {
            DbKind::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            DbKind::Postgres => self.pool.begin().await,
        }
    }

    /// Begins a write transaction that no other runs alongside: the process's write lock
    /// (held as long as the returned guard) and, on PostgreSQL, the transaction-scoped
    /// advisory lock `lock`, shared by every server process.
    pub(crate) async fn begin_serialised(
        &self,
        lock: i64,
    ) -> anyhow::Result<(tokio::sync::MutexGuard<'_, ()>, sqlx::Transaction<'static, sqlx::Any>)> {
        let guard = self.write_lock.lock().await;
        let mut tx = self.begin_write().await?;
        if self.kind == DbKind::Postgres {
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(lock)
                .execute(&mut *tx)
                .await?;
        }
        Ok((guard, tx))
    }

    /// Opens (creating if needed) the database and brings its schema up to date.
    pub async fn open(database_url: Option<&str>, data_dir: &Path) -> anyhow::Result<Store> {
        sqlx::any::install_default_drivers();
        let url = match database_url {
            Some(url) => url.to_string(),
            None => {
                std::fs::create_dir_all(data_dir)
                    .with_context(|| format!("cannot create the data folder {}", data_dir.display()))?;
                format!("sqlite://{}?mode=rwc", data_dir.join("casebook.sqlite3").display())
            }
        };
        let kind = if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            DbKind::Postgres
        } else if url.starts_with("sqlite:") {
            DbKind::Sqlite
        } else {
            anyhow::bail!("DATABASE_URL must start with postgres:// or sqlite://");
        };
        let options = AnyConnectOptions::from_str(&url)
            .context("DATABASE_URL is not a valid database address")?
            .log_statements(tracing::log::LevelFilter::Trace);
        let sqlite_dir = match kind {
            DbKind::Sqlite => {
                let file = SqliteConnectOptions::from_str(&url)
                    .context("DATABASE_URL is not a valid SQLite address")?
                    .get_filename()
                    .to_path_buf();
                check_sqlite_header(&file)?;
                Some(file.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf))
            }
            DbKind::Postgres => None,
        };
        let pool = AnyPoolOptions::new()
            .max_connections(if kind == DbKind::Sqlite { 4 } else { 10 })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if kind == DbKind::Sqlite {
                        // WAL lets readers work while a writer commits; the busy timeout makes
                        // concurrent writers wait instead of failing. `synchronous = FULL` syncs
                        // the log at every commit: with NORMAL, a power loss can undo the last
                        // commits, and an acknowledged edit must never be lost.
                        sqlx::raw_sql(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
                        )
                        .execute(conn)
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .with_context(|| format!("cannot open the {} database", kind.name()))?;
        let migrator = match kind {
            DbKind::Sqlite => sqlx::migrate!("./migrations/sqlite"),
            DbKind::Postgres => sqlx::migrate!("./migrations/postgres"),
        };
        migrator
            .run(&pool)
            .await
            .context("cannot bring the database schema up to date")?;
        Ok(Store {
            pool,
            kind,
            write_lock: Arc::default(),
            budget: WriteBudget::default(),
            sqlite_dir,
        })
    }

    /// The same store with another daily write budget.
    pub fn with_write_budget(mut self, budget: WriteBudget) -> Store {
        self.budget = budget;
        self
    }

    pub fn kind(&self) -> DbKind {
        self.kind
    }

    /// The connection pool, for tests and tools that check the database itself.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    /// The tables that cannot be read: one cheap read of each, so a damaged database shows.
    pub async fn unreadable_tables(&self) -> Vec<&'static str> {
        let mut unreadable = Vec::new();
        for table in TABLES {
            let read = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT 1 FROM {table} LIMIT 1")))
                .fetch_optional(&self.pool)
                .await;
            if let Err(e) = read {
                tracing::warn!(table, "health check cannot read a table: {e}");
                unreadable.push(table);
            }
        }
        unreadable
    }

    /// Free bytes on the filesystem of the SQLite file (`None` on PostgreSQL, or when unknown).
    pub fn free_disk_bytes(&self) -> Option<u64> {
        let dir = self.sqlite_dir.as_ref()?;
        free_bytes(dir)
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    pub async fn stored_versions(&self) -> anyhow::Result<Vec<StoredVersion>> {
        stored_versions(&self.pool).await
    }

    /// Reads the whole library. A stored version that cannot be read is logged and left out,
    /// so one damaged row never keeps the server from starting or serving the rest.
    pub async fn load_library(&self) -> anyhow::Result<Library> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {VERSION_COLUMNS} FROM policy_versions ORDER BY slug, number"
        )))
        .fetch_all(&self.pool)
        .await?;
        let mut policies: Vec<Policy> = Vec::new();
        for row in rows {
            let (slug, metadata, version) = match read_version(&row) {
                Ok(read) => read,
                Err(e) => {
                    tracing::warn!("a stored policy version is unreadable and left out: {e:#}");
                    continue;
                }
            };
            match policies.last_mut() {
                Some(policy) if policy.slug == slug => {
                    policy.title = metadata.title;
                    policy.area = metadata.area;
                    policy.owner = metadata.owner;
                    policy.regions = metadata.regions;
                    policy.languages = metadata.languages;
                    policy.versions.push(version);
                }
                _ => policies.push(Policy {
                    slug,
                    title: metadata.title,
                    area: metadata.area,
                    owner: metadata.owner,
                    regions: metadata.regions,
                    languages: metadata.languages,
                    versions: vec![version],
                }),
            }
        }
        let mut library = Library {
            policies,
            synonyms: self.synonyms().await?,
        };
        library.normalize();
        Ok(library)
    }

    /// The synonym list alone (importing compares it without reading every policy). A stored
    /// list that cannot be read is logged and taken as empty, so the next import replaces it.
    pub async fn synonyms(&self) -> anyhow::Result<Vec<SynonymGroup>> {
        synonyms(&self.pool).await
    }

    /// Plans importing `parsed` on top of the stored library and, when `apply`, writes the
    /// plan, all in one serialised transaction: what was read is what the plan is checked
    /// against, and the plan is written all or nothing. A contradiction with the stored
    /// library is the inner error, and nothing is written.
    pub async fn import_library(
        &self,
        parsed: ParsedLibrary,
        now: &str,
        apply: bool,
    ) -> anyhow::Result<Result<ImportPlan, Vec<ImportError>>> {
        let (_serialised, mut tx) = self.begin_serialised(LIBRARY_LOCK).await?;
        let existing = stored_versions(&mut *tx).await?;
        let current_synonyms = synonyms(&mut *tx).await?;
        let plan = match plan_import(&existing, parsed, &current_synonyms) {
            Ok(plan) => plan,
            Err(errors) => return Ok(Err(errors)),
        };
        if apply && !plan.is_empty() {
            write_plan(&mut tx, &plan, now).await?;
            tx.commit().await?;
        }
        Ok(Ok(plan))
    }
}

/// Every stored version with its hashes and current status, read through a transaction or
/// the pool. A row whose document cannot be read counts as retired (the library leaves it
/// out), so its number stays taken and it is never published again.
async fn stored_versions<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    executor: E,
) -> anyhow::Result<Vec<StoredVersion>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {VERSION_COLUMNS} FROM policy_versions ORDER BY slug, number"
    )))
    .fetch_all(executor)
    .await?;
    rows.iter()
        .map(|row| {
            let slug = Slug::new(row.try_get::<String, _>(0)?)?;
            let number = u32::try_from(row.try_get::<i64, _>(1)?)?;
            let source_hash = row.try_get(4)?;
            Ok(match read_version(row) {
                Ok((_, metadata, version)) => StoredVersion {
                    text_hash: text_hash(
                        &metadata.title,
                        metadata.area,
                        &metadata.owner,
                        &metadata.regions,
                        &metadata.languages,
                        &version,
                    ),
                    effective: version.effective,
                    status: version.status,
                    status_since: version.status_since,
                    slug,
                    number,
                    source_hash,
                },
                Err(_) => StoredVersion {
                    slug,
                    number,
                    source_hash,
                    text_hash: String::new(),
                    effective: IsoDate::new("1970-01-01").expect("a valid date"),
                    status: VersionStatus::Retired,
                    status_since: None,
                },
            })
        })
        .collect()
}

/// The stored synonym list, read through a transaction or the pool. A list that cannot be
/// read is logged and taken as empty, so the next import replaces it.
async fn synonyms<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(executor: E) -> anyhow::Result<Vec<SynonymGroup>> {
    let Some(row) = sqlx::query("SELECT value FROM library_settings WHERE key = $1")
        .bind(SYNONYMS_KEY)
        .fetch_optional(executor)
        .await?
    else {
        return Ok(Vec::new());
    };
    Ok(serde_json::from_str(&row.try_get::<String, _>(0)?).unwrap_or_else(|e| {
        tracing::warn!("the stored synonym list is unreadable and left out: {e}");
        Vec::new()
    }))
}

/// Writes an import plan inside the caller's transaction.
async fn write_plan(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    plan: &ImportPlan,
    now: &str,
) -> anyhow::Result<()> {
    for added in &plan.additions {
        let metadata = PolicyMetadata {
            title: added.title.clone(),
            area: added.area,
            owner: added.owner.clone(),
            regions: added.regions.clone(),
            languages: added.languages.clone(),
        };
        sqlx::query(
            "INSERT INTO policy_versions (slug, number, source_hash, metadata, document, imported_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(added.slug.as_str())
        .bind(i64::from(added.version.number))
        .bind(&added.source_hash)
        .bind(serde_json::to_string(&metadata)?)
        .bind(readable_json(&added.version)?)
        .bind(now)
        .execute(&mut **tx)
        .await
        .with_context(|| format!("cannot store {} v{}", added.slug, added.version.number))?;
    }
    for change in &plan.status_changes {
        sqlx::query("UPDATE policy_versions SET status = $1, status_since = $2 WHERE slug = $3 AND number = $4")
            .bind(change.to.id())
            .bind(change.since.as_ref().map(|d| d.as_str().to_string()))
            .bind(change.slug.as_str())
            .bind(i64::from(change.number))
            .execute(&mut **tx)
            .await
            .with_context(|| format!("cannot change the status of {} v{}", change.slug, change.number))?;
    }
    if let Some(synonyms) = &plan.synonyms {
        sqlx::query(
            "INSERT INTO library_settings (key, value, updated_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        )
        .bind(SYNONYMS_KEY)
        .bind(serde_json::to_string(synonyms)?)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// One stored version (a row of [`VERSION_COLUMNS`]): its slug, the policy's metadata and the
/// version itself, with its current status.
fn read_version(row: &sqlx::any::AnyRow) -> anyhow::Result<(Slug, PolicyMetadata, PolicyVersion)> {
    let slug = Slug::new(row.try_get::<String, _>(0)?)?;
    let number: i64 = row.try_get(1)?;
    let metadata = serde_json::from_str(&row.try_get::<String, _>(2)?)
        .with_context(|| format!("stored metadata of {slug} v{number} is unreadable"))?;
    let mut version: PolicyVersion = serde_json::from_str(&row.try_get::<String, _>(3)?)
        .with_context(|| format!("stored document of {slug} v{number} is unreadable"))?;
    if let Some(status) = row.try_get::<Option<String>, _>(5)? {
        version.status = [
            VersionStatus::Draft,
            VersionStatus::Published,
            VersionStatus::Superseded,
            VersionStatus::Retired,
        ]
        .into_iter()
        .find(|s| s.id() == status)
        .with_context(|| format!("stored status {status:?} of {slug} v{number} is unknown"))?;
        version.status_since = row
            .try_get::<Option<String>, _>(6)?
            .map(IsoDate::new)
            .transpose()
            .map_err(anyhow::Error::msg)?;
    }
    Ok((slug, metadata, version))
}

/// A version's JSON, refused unless it reads back as the same version: nothing is stored that
/// the server could not load again.
fn readable_json(version: &PolicyVersion) -> anyhow::Result<String> {
    let json = serde_json::to_string(version)?;
    let back: PolicyVersion = serde_json::from_str(&json).context("the document would not read back")?;
    anyhow::ensure!(back == *version, "the document would read back changed");
    Ok(json)
}

/// Refuses, at once and in one line, a file that exists but is not a SQLite database (an
/// empty file is one SQLite will initialise).
fn check_sqlite_header(file: &Path) -> anyhow::Result<()> {
    use std::io::Read;
    let mut header = Vec::with_capacity(SQLITE_HEADER.len());
    match std::fs::File::open(file) {
        Ok(opened) => {
            opened
                .take(SQLITE_HEADER.len() as u64)
                .read_to_end(&mut header)
                .with_context(|| format!("cannot read {}", file.display()))?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).with_context(|| format!("cannot open {}", file.display())),
    }
    if header.is_empty() || header == SQLITE_HEADER {
        Ok(())
    } else {
        anyhow::bail!("{} is not a SQLite database", file.display())
    }
}

#[cfg(unix)]
fn free_bytes(dir: &Path) -> Option<u64> {
    let stats = rustix::fs::statvfs(dir).ok()?;
    Some(stats.f_bavail.saturating_mul(stats.f_frsize))
}

#[cfg(not(unix))]
fn free_bytes(_dir: &Path) -> Option<u64> {
    None
}
