//! The sync log: pushes append to it in one transaction each, pulls read it in pages.
//!
//! - Each change is stored with its root object and one visibility row per organisation that
//!   may read it (the root's readers once the change is applied), so a pull is a single range
//!   scan of `(org_id, seq)` whatever fraction of the log the reader sees.
//! - The rules are core's ([`casebook_core::sync::admit`]), run inside the write transaction on
//!   the stored fold of each root (`sync_roots`), so check and write are atomic.
//! - When a change shares or unshares a root, `sync_access` records who gained or lost it; a
//!   pull reports those events, and `history` serves a newly shared root's earlier changes.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use casebook_core::SCHEMA_VERSION;
use casebook_core::scope::Actor;
use casebook_core::sync::{
    AccessChange, Change, HistoryResponse, PullResponse, PushError, PushRequest, PushResponse, accept_push, admit,
};
use casebook_core::tool::{self, RootState};
use casebook_core::wire::User;
use sqlx::Row;

use super::{DbKind, Store};

/// Why a push was not applied.
#[derive(Debug, thiserror::Error)]
pub enum PushFailure {
    /// The client id is registered to someone else.
    #[error("this sync client belongs to another person")]
    NotYourClient,
    /// A rule refused an edit. `owner` is the organisation owning the object, when it is not
    /// the author's: the refusal belongs in its audit log too.
    #[error("{error}")]
    Refused { error: PushError, owner: Option<String> },
    #[error(transparent)]
    Store(#[from] anyhow::Error),
}

impl From<PushError> for PushFailure {
    fn from(error: PushError) -> Self {
        PushFailure::Refused { error, owner: None }
    }
}

impl From<sqlx::Error> for PushFailure {
    fn from(e: sqlx::Error) -> Self {
        PushFailure::Store(e.into())
    }
}

/// What a push applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Pushed {
    pub response: PushResponse,
    /// How many mutations this push applied (the request's last ones).
    pub applied: usize,
}

/// The stored fold of `root`'s own fields (empty when the root does not exist), read through a
/// transaction or the pool.
async fn root_state<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    executor: E,
    root: &str,
) -> anyhow::Result<RootState> {
    let row = sqlx::query("SELECT state FROM sync_roots WHERE root = $1")
        .bind(root)
        .fetch_optional(executor)
        .await?;
    match row {
        Some(row) => Ok(serde_json::from_str(&row.try_get::<String, _>(0)?)?),
        None => Ok(RootState::default()),
    }
}

/// The columns `change_from_row` reads, from `sync_changes c` with [`author_joins`].
macro_rules! change_columns {
    () => {
        "c.seq, c.client_id, c.mutation_id, c.clock, c.op, COALESCE(u.name, ''), COALESCE(o.name, '')"
    };
}

/// The changes organisation `$1` may see after `$2` up to `$3`, at most `$4`: one range scan of
/// the visibility table's primary key.
macro_rules! pull_query {
    () => {
        concat!(
            "SELECT ",
            change_columns!(),
            " FROM sync_visibility v JOIN sync_changes c ON c.seq = v.seq \
             JOIN sync_readers r ON r.org_id = v.org_id AND r.root = c.root ",
            author_joins!(),
            " WHERE v.org_id = $1 AND v.seq > $2 AND v.seq <= $3 ORDER BY v.seq LIMIT $4"
        )
    };
}

/// The author's name and organisation of a change `c`.
macro_rules! author_joins {
    () => {
        "LEFT JOIN sync_clients s ON s.client_id = c.client_id \
         LEFT JOIN users u ON u.id = s.user_id LEFT JOIN orgs o ON o.id = u.org_id"
    };
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

impl Store {
    /// The stored fold of `root`'s own fields (empty when it does not exist).
    pub async fn root_fold(&self, root: &str) -> anyhow::Result<RootState> {
        root_state(&self.pool, root).await
    }

    /// Applies what is new in a push by `author`, all or nothing, at server time `now_ms`.
    pub async fn push(&self, author: &User, request: &PushRequest, now_ms: u64) -> Result<Pushed, PushFailure> {
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
            Some(row) if row.try_get::<String, _>(0)? != author.id => {
                return Err(PushFailure::NotYourClient);
            }
            Some(row) => to_u64(row.try_get::<i64, _>(1)?),
            None => 0,
        };
        let fresh = accept_push(request, last, SCHEMA_VERSION)?;
        if fresh.is_empty() {
            return Ok(Pushed {
                response: PushResponse { last_mutation_id: last },
                applied: 0,
            });
        }
        self.spend_budget(&mut tx, author, fresh, now_ms).await?;
        let head = to_u64(
            sqlx::query("SELECT COALESCE(MAX(seq), 0) FROM sync_changes")
                .fetch_one(&mut *tx)
                .await?
                .try_get(0)?,
        );
        let actor = Actor::of(author);
        // The roots this push touches, read once and saved once (`true`: changed).
        let mut roots: BTreeMap<String, (RootState, bool)> = BTreeMap::new();
        for (i, mutation) in fresh.iter().enumerate() {
            let seq = head + 1 + i as u64;
            // An object no tool owns has no root; `admit` refuses it on an empty state.
            let root_name = tool::root_of(mutation.op.field_key().0).unwrap_or_default();
            let (state, changed) = match roots.entry(root_name.to_string()) {
                Entry::Occupied(entry) => entry.into_mut(),
                Entry::Vacant(entry) => entry.insert((root_state(&mut *tx, root_name).await?, false)),
            };
            let admitted = match admit(&actor, &request.client_id, state, mutation, seq, now_ms) {
                Ok(admitted) => admitted,
                Err(error) => {
                    let owner = tool::scope(root_name, state)
                        .map(|s| s.owner().to_string())
                        .filter(|o| *o != author.org_id);
                    return Err(PushFailure::Refused { error, owner });
                }
            };
            *changed |= admitted.root_changed;
            sqlx::query(
                "INSERT INTO sync_changes (seq, client_id, mutation_id, clock, op, root, audience) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(to_i64(seq))
            .bind(&request.client_id)
            .bind(to_i64(mutation.id))
            .bind(serde_json::to_string(&admitted.clock).map_err(anyhow::Error::from)?)
            .bind(serde_json::to_string(&mutation.op).map_err(anyhow::Error::from)?)
            .bind(&admitted.root)
            .bind(admitted.audience.as_deref().unwrap_or(""))
            .execute(&mut *tx)
            .await?;
            if admitted.root_changed {
                sqlx::query("DELETE FROM sync_readers WHERE root = $1")
                    .bind(&admitted.root)
                    .execute(&mut *tx)
                    .await?;
                for org in &admitted.root_readers {
                    sqlx::query("INSERT INTO sync_readers (org_id, root) VALUES ($1, $2)")
                        .bind(org)
                        .bind(&admitted.root)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            for org in &admitted.readers {
                sqlx::query("INSERT INTO sync_visibility (org_id, seq) VALUES ($1, $2)")
                    .bind(org)
                    .bind(to_i64(seq))
                    .execute(&mut *tx)
                    .await?;
            }
            for (orgs, granted) in [(&admitted.granted, 1_i64), (&admitted.revoked, 0_i64)] {
                for org in orgs {
                    sqlx::query("INSERT INTO sync_access (org_id, seq, root, granted) VALUES ($1, $2, $3, $4)")
                        .bind(org)
                        .bind(to_i64(seq))
                        .bind(&admitted.root)
                        .bind(granted)
                        .execute(&mut *tx)
                        .await?;
                }
            }
        }
        for (name, (state, changed)) in &roots {
            if !changed {
                continue;
            }
            let json = serde_json::to_string(state).map_err(anyhow::Error::from)?;
            sqlx::query(
                "INSERT INTO sync_roots (root, state) VALUES ($1, $2) ON CONFLICT (root) DO UPDATE SET state = excluded.state",
            )
            .bind(name)
            .bind(json)
            .execute(&mut *tx)
            .await?;
        }
        let new_last = fresh.last().map_or(last, |m| m.id);
        if owner.is_some() {
            sqlx::query("UPDATE sync_clients SET last_mutation_id = $1 WHERE client_id = $2")
                .bind(to_i64(new_last))
                .bind(&request.client_id)
                .execute(&mut *tx)
                .await?;
        } else {
            sqlx::query("INSERT INTO sync_clients (client_id, user_id, last_mutation_id) VALUES ($1, $2, $3)")
                .bind(&request.client_id)
                .bind(&author.id)
                .bind(to_i64(new_last))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(Pushed {
            response: PushResponse {
                last_mutation_id: new_last,
            },
            applied: fresh.len(),
        })
    }

    /// Counts a push's bytes against its author's and their organisation's budget for the day,
    /// inside the push's transaction (so two pushes cannot both take the last bytes), or
    /// refuses it when either would be exceeded.
    async fn spend_budget(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        author: &User,
        fresh: &[casebook_core::sync::Mutation],
        now_ms: u64,
    ) -> Result<(), PushFailure> {
        let bytes: u64 = fresh
            .iter()
            .map(|m| serde_json::to_vec(&m.op).map_or(0, |v| v.len() as u64))
            .sum();
        let day = to_i64(now_ms / 86_400_000);
        for (owner, who, limit) in [
            (format!("person:{}", author.id), "You", self.budget.person),
            (
                format!("org:{}", author.org_id),
                "Your organisation",
                self.budget.organisation,
            ),
        ] {
            let used = match sqlx::query("SELECT bytes FROM sync_budget WHERE owner = $1 AND day = $2")
                .bind(&owner)
                .bind(day)
                .fetch_optional(&mut **tx)
                .await?
            {
                Some(row) => to_u64(row.try_get(0)?),
                None => 0,
            };
            if used + bytes > limit {
                return Err(PushError::WriteQuota {
                    who: who.into(),
                    used,
                    limit,
                }
                .into());
            }
            sqlx::query(
                "INSERT INTO sync_budget (owner, day, bytes) VALUES ($1, $2, $3) \
                 ON CONFLICT (owner, day) DO UPDATE SET bytes = sync_budget.bytes + excluded.bytes",
            )
            .bind(&owner)
            .bind(day)
            .bind(to_i64(bytes))
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }

    /// SQLite's plan for the pull query, a line per step (the sync benchmark prints it).
    pub async fn explain_pull(&self) -> anyhow::Result<Vec<String>> {
        let rows = sqlx::query(concat!("EXPLAIN QUERY PLAN ", pull_query!()))
            .bind("org")
            .bind(0_i64)
            .bind(1_i64)
            .bind(1_i64)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|row| Ok(row.try_get::<String, _>(3)?)).collect()
    }

    /// The client's last applied mutation id, checking the client is `user_id`'s.
    async fn client_last(&self, user_id: &str, client_id: &str) -> Result<u64, PushFailure> {
        let owner = sqlx::query("SELECT user_id, last_mutation_id FROM sync_clients WHERE client_id = $1")
            .bind(client_id)
            .fetch_optional(&self.pool)
            .await?;
        match owner {
            Some(row) if row.try_get::<String, _>(0)? != user_id => Err(PushFailure::NotYourClient),
            Some(row) => Ok(to_u64(row.try_get::<i64, _>(1)?)),
            None => Ok(0),
        }
    }

    /// Up to `limit` changes after `cursor` that `reader`'s organisation may see, with the
    /// roots it gained or lost meanwhile and the asking client's last applied id. The cursor
    /// moves over changes the reader may not see: it ends at the head when the page is not
    /// full, so a reader who sees little of the log catches up in few pages.
    pub async fn pull(
        &self,
        reader: &User,
        client_id: &str,
        cursor: u64,
        limit: usize,
    ) -> Result<PullResponse, PushFailure> {
        let last_mutation_id = self.client_last(&reader.id, client_id).await?;
        // The head first: every change up to it has committed (pushes commit in order), so a
        // page ending there skips nothing that commits later.
        let head = to_u64(
            sqlx::query("SELECT COALESCE(MAX(seq), 0) FROM sync_changes")
                .fetch_one(&self.pool)
                .await?
                .try_get(0)?,
        );
        let rows = sqlx::query(pull_query!())
            .bind(&reader.org_id)
            .bind(to_i64(cursor))
            .bind(to_i64(head))
            .bind(to_i64(limit as u64))
            .fetch_all(&self.pool)
            .await?;
        let changes = rows.iter().map(change_from_row).collect::<anyhow::Result<Vec<_>>>()?;
        let next = match changes.last() {
            Some(last) if changes.len() == limit => last.seq,
            _ => head.max(cursor),
        };
        let access = sqlx::query(
            "SELECT seq, root, granted FROM sync_access WHERE org_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq, root",
        )
        .bind(&reader.org_id)
        .bind(to_i64(cursor))
        .bind(to_i64(next))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            Ok(AccessChange {
                seq: to_u64(row.try_get(0)?),
                root: row.try_get(1)?,
                granted: row.try_get::<i64, _>(2)? != 0,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(PullResponse {
            schema_version: SCHEMA_VERSION,
            changes,
            cursor: next,
            head,
            last_mutation_id,
            access,
        })
    }

    /// Up to `limit` changes of `root` with `after < seq < before` that `reader`'s organisation
    /// was given when the root was shared with it (not before its latest grant, and not what
    /// another vendor's work keeps to itself), if it may read the root now (otherwise none: a
    /// root unshared since shows up as such in the reader's pull).
    pub async fn history(
        &self,
        reader: &User,
        root: &str,
        after: u64,
        before: u64,
        limit: usize,
    ) -> Result<HistoryResponse, PushFailure> {
        let state = root_state(&self.pool, root).await?;
        let readable = tool::scope(root, &state).is_some_and(|s| s.may_read(&reader.org_id));
        let granted: Option<i64> =
            sqlx::query("SELECT MAX(seq) FROM sync_access WHERE org_id = $1 AND root = $2 AND granted = 1")
                .bind(&reader.org_id)
                .bind(root)
                .fetch_one(&self.pool)
                .await?
                .try_get(0)?;
        let before = before.min(granted.map_or(0, to_u64));
        if !readable || before == 0 {
            return Ok(HistoryResponse {
                changes: Vec::new(),
                cursor: after,
                more: false,
            });
        }
        let rows = sqlx::query(concat!(
            "SELECT ",
            change_columns!(),
            " FROM sync_changes c ",
            author_joins!(),
            " WHERE c.root = $1 AND c.seq > $2 AND c.seq < $3 AND (c.audience = '' OR c.audience = $5) \
             ORDER BY c.seq LIMIT $4"
        ))
        .bind(root)
        .bind(to_i64(after))
        .bind(to_i64(before))
        .bind(to_i64(limit as u64 + 1))
        .bind(&reader.org_id)
        .fetch_all(&self.pool)
        .await?;
        let mut changes = rows.iter().map(change_from_row).collect::<anyhow::Result<Vec<_>>>()?;
        let more = changes.len() > limit;
        changes.truncate(limit);
        Ok(HistoryResponse {
            cursor: changes.last().map_or(after, |c| c.seq),
            changes,
            more,
        })
    }
}

fn change_from_row(row: &sqlx::any::AnyRow) -> anyhow::Result<Change> {
    Ok(Change {
        seq: to_u64(row.try_get(0)?),
        client_id: row.try_get(1)?,
        mutation_id: to_u64(row.try_get(2)?),
        clock: serde_json::from_str(&row.try_get::<String, _>(3)?)?,
        op: serde_json::from_str(&row.try_get::<String, _>(4)?)?,
        author: row.try_get(5)?,
        author_org: row.try_get(6)?,
    })
}
