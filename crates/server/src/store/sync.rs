//! The sync log: pushes append to it in one transaction each, pulls read it in pages.

use casebook_core::SCHEMA_VERSION;
use casebook_core::sync::{Change, PullResponse, PushError, PushRequest, PushResponse, accept_push, admit};
use sqlx::Row;

use super::{DbKind, Store};

/// Why a push was not applied.
#[derive(Debug, thiserror::Error)]
pub enum PushFailure {
    /// The client id is registered to someone else.
    #[error("this sync client belongs to another person")]
    NotYourClient,
    #[error(transparent)]
    Refused(#[from] PushError),
    #[error(transparent)]
    Store(#[from] anyhow::Error),
}

impl From<sqlx::Error> for PushFailure {
    fn from(e: sqlx::Error) -> Self {
        PushFailure::Store(e.into())
    }
}

impl Store {
    /// Applies what is new in a push, all or nothing, and returns the client's last applied id
    /// and how many mutations this push applied.
    pub async fn push(&self, user_id: &str, request: &PushRequest) -> Result<(PushResponse, usize), PushFailure> {
        // One writer at a time keeps sequence numbers gapless and in commit order: a process
        // lock for the embedded SQLite file, a transaction-scoped advisory lock shared by every
        // server process on PostgreSQL.
        let _local = self.write_lock.lock().await;
        let mut tx = self.begin_write().await?;
        if self.kind == DbKind::Postgres {
            sqlx::query("SELECT pg_advisory_xact_lock(727274)")
                .execute(&mut *tx)
                .await?;
        }
        let owner = sqlx::query("SELECT user_id, last_mutation_id FROM sync_clients WHERE client_id = $1")
            .bind(&request.client_id)
            .fetch_optional(&mut *tx)
            .await?;
        let last = match &owner {
            Some(row) if row.try_get::<String, _>(0)? != user_id => {
                return Err(PushFailure::NotYourClient);
            }
            Some(row) => u64::try_from(row.try_get::<i64, _>(1)?).unwrap_or(0),
            None => 0,
        };
        let fresh = accept_push(request, last, SCHEMA_VERSION)?;
        if fresh.is_empty() {
            return Ok((PushResponse { last_mutation_id: last }, 0));
        }
        let head: i64 = sqlx::query("SELECT COALESCE(MAX(seq), 0) FROM sync_changes")
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
        let now = u64::try_from(crate::auth::now_ms()).unwrap_or(0);
        for (i, mutation) in fresh.iter().enumerate() {
            let seq = u64::try_from(head).unwrap_or(0) + 1 + i as u64;
            let clock = admit(mutation, seq, now)?;
            sqlx::query(
                "INSERT INTO sync_changes (seq, client_id, mutation_id, clock, op) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(seq as i64)
            .bind(&request.client_id)
            .bind(mutation.id as i64)
            .bind(serde_json::to_string(&clock).map_err(anyhow::Error::from)?)
            .bind(serde_json::to_string(&mutation.op).map_err(anyhow::Error::from)?)
            .execute(&mut *tx)
            .await?;
        }
        let new_last = fresh.last().map_or(last, |m| m.id);
        if owner.is_some() {
            sqlx::query("UPDATE sync_clients SET last_mutation_id = $1 WHERE client_id = $2")
                .bind(new_last as i64)
                .bind(&request.client_id)
                .execute(&mut *tx)
                .await?;
        } else {
            sqlx::query("INSERT INTO sync_clients (client_id, user_id, last_mutation_id) VALUES ($1, $2, $3)")
                .bind(&request.client_id)
                .bind(user_id)
                .bind(new_last as i64)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok((
            PushResponse {
                last_mutation_id: new_last,
            },
            fresh.len(),
        ))
    }

    /// Up to `limit` changes after `cursor`, with the asking client's last applied id.
    pub async fn pull(
        &self,
        user_id: &str,
        client_id: &str,
        cursor: u64,
        limit: usize,
    ) -> Result<PullResponse, PushFailure> {
        let owner = sqlx::query("SELECT user_id, last_mutation_id FROM sync_clients WHERE client_id = $1")
            .bind(client_id)
            .fetch_optional(&self.pool)
            .await?;
        let last_mutation_id = match owner {
            Some(row) if row.try_get::<String, _>(0)? != user_id => {
                return Err(PushFailure::NotYourClient);
            }
            Some(row) => u64::try_from(row.try_get::<i64, _>(1)?).unwrap_or(0),
            None => 0,
        };
        let rows = sqlx::query(
            "SELECT c.seq, c.client_id, c.mutation_id, c.clock, c.op, COALESCE(u.name, '') FROM sync_changes c \
             LEFT JOIN sync_clients s ON s.client_id = c.client_id LEFT JOIN users u ON u.id = s.user_id \
             WHERE c.seq > $1 ORDER BY c.seq LIMIT $2",
        )
        .bind(cursor as i64)
        .bind(limit as i64)
        .fetch_all(&self.pool)
        .await?;
        let mut changes = Vec::with_capacity(rows.len());
        for row in rows {
            changes.push(Change {
                seq: u64::try_from(row.try_get::<i64, _>(0)?).unwrap_or(0),
                client_id: row.try_get(1)?,
                mutation_id: u64::try_from(row.try_get::<i64, _>(2)?).unwrap_or(0),
                clock: serde_json::from_str(&row.try_get::<String, _>(3)?).map_err(anyhow::Error::from)?,
                op: serde_json::from_str(&row.try_get::<String, _>(4)?).map_err(anyhow::Error::from)?,
                author: row.try_get(5)?,
            });
        }
        let head: i64 = sqlx::query("SELECT COALESCE(MAX(seq), 0) FROM sync_changes")
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?;
        let next = changes.last().map_or(cursor, |c| c.seq);
        Ok(PullResponse {
            schema_version: SCHEMA_VERSION,
            changes,
            cursor: next,
            head: u64::try_from(head).unwrap_or(0),
            last_mutation_id,
        })
    }
}
