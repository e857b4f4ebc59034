//! The append-only audit log. This module only ever inserts and reads; the database itself
//! refuses updates and deletes (see the migrations).

use sqlx::Row;

use super::Store;

pub use casebook_core::wire::AuditEntry;

/// What to record; the id and server time are assigned on insert.
#[derive(Debug, Clone, Default)]
pub struct NewAuditEntry<'a> {
    pub client_time: Option<&'a str>,
    pub actor: Option<&'a str>,
    pub action: &'a str,
    pub object: Option<&'a str>,
    pub request_id: &'a str,
    pub result: &'a str,
    pub detail: Option<&'a str>,
    /// The organisation whose log the entry belongs to; by default the actor's.
    pub org_id: Option<&'a str>,
}

/// Which entries a reader sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditScope<'a> {
    /// The whole log: the operator, and tests.
    Everything,
    /// One organisation's entries: what a vendor's admin reads.
    Org(&'a str),
    /// One organisation's entries and those about no organisation (refused anonymous
    /// requests): what the platform's admin reads.
    OrgAndUnowned(&'a str),
}

/// Filters for reading the log; every one optional.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditFilter {
    pub actor: Option<String>,
    pub action: Option<String>,
    pub result: Option<String>,
    /// Entries about this object (a person's email, a sweep's object id…).
    pub object: Option<String>,
    /// Only entries with an id below this (for paging backwards).
    pub before: Option<i64>,
    pub limit: Option<i64>,
}

impl Store {
    /// Writes an audit entry now. A failure to write is logged, never shown to the person: the
    /// action it describes has already happened. The one way entries are written.
    pub async fn record(&self, entry: NewAuditEntry<'_>) {
        if let Err(e) = self.audit(entry, &crate::now_rfc3339()).await {
            tracing::error!("cannot write the audit log: {e:#}");
        }
    }

    async fn audit(&self, entry: NewAuditEntry<'_>, server_time: &str) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO audit_log (server_time, client_time, actor, action, object, request_id, result, detail, org_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9, (SELECT org_id FROM users WHERE email = $3)))",
        )
        .bind(server_time)
        .bind(entry.client_time)
        .bind(entry.actor)
        .bind(entry.action)
        .bind(entry.object)
        .bind(entry.request_id)
        .bind(entry.result)
        .bind(entry.detail)
        .bind(entry.org_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Newest first, within `scope`.
    pub async fn read_audit(&self, filter: &AuditFilter, scope: AuditScope<'_>) -> anyhow::Result<Vec<AuditEntry>> {
        let (org_id, unowned) = match scope {
            AuditScope::Everything => (None, 0_i64),
            AuditScope::Org(org) => (Some(org), 0),
            AuditScope::OrgAndUnowned(org) => (Some(org), 1),
        };
        let limit = filter.limit.unwrap_or(100).clamp(1, 500);
        let rows = sqlx::query(
            "SELECT id, server_time, client_time, actor, action, object, request_id, result, detail FROM audit_log \
             WHERE ($1 IS NULL OR actor = $1) AND ($2 IS NULL OR action = $2) AND ($3 IS NULL OR result = $3) \
             AND ($4 IS NULL OR id < $4) AND ($6 IS NULL OR object = $6) \
             AND ($7 IS NULL OR org_id = $7 OR ($8 = 1 AND org_id IS NULL)) \
             ORDER BY id DESC LIMIT $5",
        )
        .bind(filter.actor.as_deref())
        .bind(filter.action.as_deref())
        .bind(filter.result.as_deref())
        .bind(filter.before)
        .bind(limit)
        .bind(filter.object.as_deref())
        .bind(org_id)
        .bind(unowned)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AuditEntry {
                    id: r.try_get(0)?,
                    server_time: r.try_get(1)?,
                    client_time: r.try_get(2)?,
                    actor: r.try_get(3)?,
                    action: r.try_get(4)?,
                    object: r.try_get(5)?,
                    request_id: r.try_get(6)?,
                    result: r.try_get(7)?,
                    detail: r.try_get(8)?,
                })
            })
            .collect()
    }
}
