//! Organisations, people, sessions and sign-in failures.

use anyhow::Context;
use sqlx::Row;

use casebook_core::wire::{Person, PersonChange};

use super::Store;
use casebook_core::wire::{AssignablePerson, Org, OrgKind, Role, User};

/// The columns `person_from_row` reads, from `users`.
macro_rules! person_columns {
    () => {
        "id, email, name, role, disabled_at, created_at"
    };
}

/// The most sessions one person keeps open; signing in once more ends the oldest.
pub const MAX_SESSIONS_PER_PERSON: i64 = 20;

/// The advisory lock that serialises changes to people (see [`Store::begin_serialised`]).
const PEOPLE_LOCK: i64 = 727_275;
/// The advisory lock that serialises sign-in attempt reservations.
const SIGN_IN_LOCK: i64 = 727_276;

/// Why an administrator's change to a person was not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeRefused {
    /// No such person in the administrator's organisation.
    NotFound,
    /// The change would leave the organisation without an active administrator.
    LastAdmin,
}

/// Why an administrator's new person was not created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreateRefused {
    /// The address is taken in the administrator's own organisation.
    Taken,
    /// Another organisation has people with addresses in this domain.
    DomainOfAnotherOrg,
}

/// An account as sign-in sees it.
pub struct Account {
    pub user: User,
    pub password_hash: String,
    pub active: bool,
}

impl std::fmt::Debug for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Account")
            .field("user", &self.user)
            .field("password_hash", &"<redacted>")
            .field("active", &self.active)
            .finish()
    }
}

/// The columns `user_from_row` reads, for a query joining `users u` and `orgs o`.
macro_rules! user_columns {
    () => {
        "u.id AS id, u.org_id AS org_id, o.name AS org_name, o.kind AS org_kind, u.email AS email, u.name AS name, u.role AS role, u.ui_lang AS ui_lang"
    };
}

impl Store {
    /// The organisation called `name`, created as a `kind` if missing; returns its id. There
    /// is at most one platform (the database refuses a second).
    pub async fn ensure_org(&self, name: &str, kind: OrgKind, now: &str) -> anyhow::Result<String> {
        if let Some(row) = sqlx::query("SELECT id, kind FROM orgs WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await?
        {
            let existing: String = row.try_get(1)?;
            anyhow::ensure!(
                existing == kind.as_str(),
                "the organisation {name} exists already as a {existing}, not a {}",
                kind.as_str()
            );
            return Ok(row.try_get(0)?);
        }
        let id = uuid::Uuid::new_v4().to_string();
        sqlx::query("INSERT INTO orgs (id, name, created_at, kind) VALUES ($1, $2, $3, $4)")
            .bind(&id)
            .bind(name)
            .bind(now)
            .bind(kind.as_str())
            .execute(&self.pool)
            .await
            .with_context(|| format!("cannot create the organisation {name} (is there a platform already?)"))?;
        Ok(id)
    }

    /// Every organisation, platform first, then by name.
    pub async fn orgs(&self) -> anyhow::Result<Vec<Org>> {
        let rows = sqlx::query("SELECT id, name, kind FROM orgs ORDER BY kind, name")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                let kind: String = row.try_get(2)?;
                Ok(Org {
                    id: row.try_get(0)?,
                    name: row.try_get(1)?,
                    kind: OrgKind::parse(&kind).unwrap_or_default(),
                })
            })
            .collect()
    }

    pub async fn create_user(
        &self,
        org_id: &str,
        email: &str,
        name: &str,
        role: Role,
        password_hash: &str,
        now: &str,
    ) -> anyhow::Result<User> {
        let id = uuid::Uuid::new_v4().to_string();
        sqlx::query(
            "INSERT INTO users (id, org_id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&id)
        .bind(org_id)
        .bind(email.to_lowercase())
        .bind(name)
        .bind(role.as_str())
        .bind(password_hash)
        .bind(now)
        .execute(&self.pool)
        .await
        .with_context(|| format!("cannot create the account {email} (does it exist already?)"))?;
        self.user_by_id(&id).await?.context("the new account was not stored")
    }

    /// Creates a person in an administrator's organisation, unless the email's domain is
    /// used by another organisation (the answer is the same whether or not that address
    /// exists there, so an admin learns nothing about another organisation's people) or the
    /// address is taken in their own. Serialised with every change to people, so two admins
    /// cannot both take one address or one domain.
    #[allow(clippy::too_many_arguments)]
    pub async fn create_person(
        &self,
        org_id: &str,
        email: &str,
        domain: &str,
        name: &str,
        role: Role,
        password_hash: &str,
        now: &str,
    ) -> anyhow::Result<Result<User, CreateRefused>> {
        let (_serialised, mut tx) = self.begin_serialised(PEOPLE_LOCK).await?;
        let pattern = format!(
            "%@{}",
            domain.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
        );
        let elsewhere: i64 = sqlx::query("SELECT COUNT(*) FROM users WHERE org_id <> $1 AND email LIKE $2 ESCAPE '\\'")
            .bind(org_id)
            .bind(&pattern)
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
        if elsewhere > 0 {
            return Ok(Err(CreateRefused::DomainOfAnotherOrg));
        }
        let taken: i64 = sqlx::query("SELECT COUNT(*) FROM users WHERE email = $1")
            .bind(email)
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
        if taken > 0 {
            return Ok(Err(CreateRefused::Taken));
        }
        let id = uuid::Uuid::new_v4().to_string();
        sqlx::query(
            "INSERT INTO users (id, org_id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&id)
        .bind(org_id)
        .bind(email)
        .bind(name)
        .bind(role.as_str())
        .bind(password_hash)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Ok(self
            .user_by_id(&id)
            .await?
            .context("the new account was not stored")?))
    }

    fn user_from_row(row: &sqlx::any::AnyRow) -> anyhow::Result<User> {
        let role: String = row.try_get("role")?;
        Ok(User {
            id: row.try_get("id")?,
            org_id: row.try_get("org_id")?,
            org_name: row.try_get("org_name")?,
            org_kind: OrgKind::parse(&row.try_get::<String, _>("org_kind")?).unwrap_or_default(),
            email: row.try_get("email")?,
            name: row.try_get("name")?,
            role: Role::parse(&role).with_context(|| format!("unknown stored role {role:?}"))?,
            ui_lang: row.try_get("ui_lang")?,
        })
    }

    pub async fn user_by_id(&self, id: &str) -> anyhow::Result<Option<User>> {
        let sql = concat!(
            "SELECT ",
            user_columns!(),
            " FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.id = $1"
        );
        sqlx::query(sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| Self::user_from_row(&r))
            .transpose()
    }

    /// The account with this email, its password hash and whether it may sign in.
    pub async fn account(&self, email: &str) -> anyhow::Result<Option<Account>> {
        let sql = concat!(
            "SELECT ",
            user_columns!(),
            ", u.password_hash AS password_hash, u.disabled_at AS disabled_at",
            " FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.email = $1"
        );
        let Some(row) = sqlx::query(sql)
            .bind(email.to_lowercase())
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        Ok(Some(Account {
            user: Self::user_from_row(&row)?,
            password_hash: row.try_get("password_hash")?,
            active: row.try_get::<Option<String>, _>("disabled_at")?.is_none(),
        }))
    }

    fn person_from_row(row: &sqlx::any::AnyRow) -> anyhow::Result<Person> {
        let role: String = row.try_get("role")?;
        Ok(Person {
            id: row.try_get("id")?,
            email: row.try_get("email")?,
            name: row.try_get("name")?,
            role: Role::parse(&role).with_context(|| format!("unknown stored role {role:?}"))?,
            active: row.try_get::<Option<String>, _>("disabled_at")?.is_none(),
            created_at: row.try_get("created_at")?,
        })
    }

    /// The people of one organisation, by email.
    pub async fn people_of_org(&self, org_id: &str) -> anyhow::Result<Vec<Person>> {
        sqlx::query(concat!(
            "SELECT ",
            person_columns!(),
            " FROM users WHERE org_id = $1 ORDER BY email"
        ))
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(Self::person_from_row)
        .collect()
    }

    /// The people of `orgs` who work sweep items (active accounts whose role
    /// [`casebook_core::sweep::works_items`]), by id after `after`, at most `limit`: id, name,
    /// organisation and role, never an email.
    pub async fn assignable_people(
        &self,
        orgs: &[String],
        after: &str,
        limit: usize,
    ) -> anyhow::Result<Vec<AssignablePerson>> {
        if orgs.is_empty() {
            return Ok(Vec::new());
        }
        let roles: Vec<&str> = Role::ALL
            .into_iter()
            .filter(|r| casebook_core::sweep::works_items(*r))
            .map(Role::as_str)
            .collect();
        let list = |from: usize, n: usize| (from..from + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let sql = format!(
            "SELECT u.id, u.name, u.role, o.id, o.name FROM users u JOIN orgs o ON o.id = u.org_id \
             WHERE u.org_id IN ({}) AND u.role IN ({}) AND u.disabled_at IS NULL AND u.id > ${} \
             ORDER BY u.id LIMIT ${}",
            list(1, orgs.len()),
            list(orgs.len() + 1, roles.len()),
            orgs.len() + roles.len() + 1,
            orgs.len() + roles.len() + 2,
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for org in orgs {
            query = query.bind(org.as_str());
        }
        for role in roles {
            query = query.bind(role);
        }
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        query
            .bind(after)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|row| {
                let role: String = row.try_get(2)?;
                Ok(AssignablePerson {
                    id: row.try_get(0)?,
                    name: row.try_get(1)?,
                    role: Role::parse(&role).context("a stored role")?,
                    org_id: row.try_get(3)?,
                    org_name: row.try_get(4)?,
                })
            })
            .collect()
    }

    /// One person, if they belong to the organisation.
    pub async fn person(&self, org_id: &str, id: &str) -> anyhow::Result<Option<Person>> {
        sqlx::query(concat!(
            "SELECT ",
            person_columns!(),
            " FROM users WHERE org_id = $1 AND id = $2"
        ))
        .bind(org_id)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .map(|r| Self::person_from_row(&r))
        .transpose()
    }

    /// Applies an administrator's change to a person of their organisation, in one
    /// transaction. Switching an account off or setting its password ends its sessions.
    /// `password_hash` is the hash of `change.password`, when one is given. Changes to people
    /// are serialised (the store's write lock, and an advisory lock on PostgreSQL shared by
    /// every server process), so two admins demoting each other cannot both succeed and leave
    /// the organisation with no admin.
    pub async fn change_person(
        &self,
        org_id: &str,
        id: &str,
        change: &PersonChange,
        password_hash: Option<&str>,
        now: &str,
    ) -> anyhow::Result<Result<Person, ChangeRefused>> {
        let (_serialised, mut tx) = self.begin_serialised(PEOPLE_LOCK).await?;
        let found = sqlx::query("UPDATE users SET role = role WHERE org_id = $1 AND id = $2")
            .bind(org_id)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if found == 0 {
            return Ok(Err(ChangeRefused::NotFound));
        }
        if let Some(role) = change.role {
            sqlx::query("UPDATE users SET role = $1 WHERE id = $2")
                .bind(role.as_str())
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        if let Some(active) = change.active {
            // Switching off keeps the first time it happened; switching on clears it.
            let query = if active {
                sqlx::query("UPDATE users SET disabled_at = NULL WHERE id = $1").bind(id)
            } else {
                sqlx::query("UPDATE users SET disabled_at = COALESCE(disabled_at, $1) WHERE id = $2")
                    .bind(now)
                    .bind(id)
            };
            query.execute(&mut *tx).await?;
        }
        if let Some(hash) = password_hash {
            sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(hash)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        if change.active == Some(false) || password_hash.is_some() {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        let admins: i64 =
            sqlx::query("SELECT COUNT(*) FROM users WHERE org_id = $1 AND role = 'admin' AND disabled_at IS NULL")
                .bind(org_id)
                .fetch_one(&mut *tx)
                .await?
                .try_get(0)?;
        if admins == 0 {
            return Ok(Err(ChangeRefused::LastAdmin));
        }
        let person = sqlx::query(concat!("SELECT ", person_columns!(), " FROM users WHERE id = $1"))
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        let person = Self::person_from_row(&person)?;
        tx.commit().await?;
        Ok(Ok(person))
    }

    /// A person's new password, set by themselves: every session but `keep_token_hash` ends.
    /// Only if the account still has the password hash that was checked, is switched on, and
    /// that session is still open: an admin's reset or switch-off that commits while the
    /// person's current password is being checked must win. Returns whether it was set.
    pub async fn set_own_password(
        &self,
        user_id: &str,
        checked_hash: &str,
        hash: &str,
        keep_token_hash: &str,
    ) -> anyhow::Result<bool> {
        let mut tx = self.begin_write().await?;
        let set = sqlx::query(
            "UPDATE users SET password_hash = $1 WHERE id = $2 AND password_hash = $3 AND disabled_at IS NULL \
             AND EXISTS (SELECT 1 FROM sessions WHERE token_hash = $4 AND user_id = $2)",
        )
        .bind(hash)
        .bind(user_id)
        .bind(checked_hash)
        .bind(keep_token_hash)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if set == 0 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user_id)
            .bind(keep_token_hash)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Records the person's interface language (already checked against `UI_LANGUAGES`).
    pub async fn set_ui_lang(&self, user_id: &str, lang: &str) -> anyhow::Result<()> {
        sqlx::query("UPDATE users SET ui_lang = $1 WHERE id = $2")
            .bind(lang)
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn count_users(&self) -> anyhow::Result<i64> {
        Ok(sqlx::query("SELECT COUNT(*) FROM users")
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?)
    }

    /// Opens a session for `user_id`, but only if the account still has the password hash
    /// the sign-in was checked against and is switched on: an admin's reset or switch-off that
    /// commits while a sign-in is checking the old password must win. Returns whether it did.
    /// A person keeps at most [`MAX_SESSIONS_PER_PERSON`] sessions: opening one more ends
    /// the oldest, so signing in again and again cannot grow the table without end.
    pub async fn create_session(
        &self,
        token_hash: &str,
        user_id: &str,
        checked_hash: &str,
        now: &str,
        expires_ms: i64,
    ) -> anyhow::Result<bool> {
        let mut tx = self.begin_write().await?;
        let created = sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_ms) \
             SELECT $1, id, $3, $4 FROM users WHERE id = $2 AND password_hash = $5 AND disabled_at IS NULL",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(now)
        .bind(expires_ms)
        .bind(checked_hash)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query(
            "DELETE FROM sessions WHERE user_id = $1 AND token_hash NOT IN \
             (SELECT token_hash FROM sessions WHERE user_id = $1 ORDER BY expires_ms DESC, token_hash LIMIT $2)",
        )
        .bind(user_id)
        .bind(MAX_SESSIONS_PER_PERSON)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(created == 1)
    }

    /// The person a live session belongs to. A switched-off account's sessions are deleted;
    /// the condition also refuses any left behind.
    pub async fn session_user(&self, token_hash: &str, now_ms: i64) -> anyhow::Result<Option<User>> {
        let sql = concat!(
            "SELECT ",
            user_columns!(),
            " FROM sessions s JOIN users u ON u.id = s.user_id JOIN orgs o ON o.id = u.org_id",
            " WHERE s.token_hash = $1 AND s.expires_ms > $2 AND u.disabled_at IS NULL"
        );
        sqlx::query(sql)
            .bind(token_hash)
            .bind(now_ms)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| Self::user_from_row(&r))
            .transpose()
    }

    pub async fn delete_session(&self, token_hash: &str) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Reserves one sign-in attempt under each of `limits` (a key and its most failures
    /// since `since_ms`): in one serialised transaction, counts each key's failures and, when
    /// every count is below its limit, records a failure at `at_ms` under each key before the
    /// password is checked, so parallel attempts cannot all pass the check. Returns false,
    /// recording nothing, when a limit is reached. A right password gives the attempt back
    /// with [`Store::release_sign_in_attempt`].
    pub async fn reserve_sign_in_attempt(
        &self,
        limits: &[(String, i64)],
        since_ms: i64,
        at_ms: i64,
    ) -> anyhow::Result<bool> {
        let (_serialised, mut tx) = self.begin_serialised(SIGN_IN_LOCK).await?;
        for (key, max) in limits {
            let failures: i64 = sqlx::query("SELECT COUNT(*) FROM sign_in_failures WHERE key = $1 AND at_ms > $2")
                .bind(key)
                .bind(since_ms)
                .fetch_one(&mut *tx)
                .await?
                .try_get(0)?;
            if failures >= *max {
                return Ok(false);
            }
        }
        for (key, _) in limits {
            sqlx::query("INSERT INTO sign_in_failures (key, at_ms) VALUES ($1, $2)")
                .bind(key)
                .bind(at_ms)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Gives back an attempt reserved at `at_ms`: one failure under each key. Rows with the
    /// same key and time are alike, so deleting any one of them is deleting this one.
    pub async fn release_sign_in_attempt(&self, keys: &[String], at_ms: i64) -> anyhow::Result<()> {
        let sql = match self.kind {
            super::DbKind::Sqlite => {
                "DELETE FROM sign_in_failures WHERE rowid IN \
                 (SELECT rowid FROM sign_in_failures WHERE key = $1 AND at_ms = $2 LIMIT 1)"
            }
            super::DbKind::Postgres => {
                "DELETE FROM sign_in_failures WHERE ctid IN \
                 (SELECT ctid FROM sign_in_failures WHERE key = $1 AND at_ms = $2 LIMIT 1)"
            }
        };
        let mut tx = self.begin_write().await?;
        for key in keys {
            sqlx::query(sql).bind(key).bind(at_ms).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Deletes expired sessions and sign-in failures older than `failures_before_ms`.
    pub async fn forget_expired(&self, now_ms: i64, failures_before_ms: i64) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM sessions WHERE expires_ms <= $1")
            .bind(now_ms)
            .execute(&self.pool)
            .await?;
        sqlx::query("DELETE FROM sign_in_failures WHERE at_ms <= $1")
            .bind(failures_before_ms)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
