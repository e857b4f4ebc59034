//! Organisations, people, sessions and sign-in failures.

use anyhow::Context;
use sqlx::Row;

use casebook_core::wire::{Person, PersonChange};

use super::Store;
use crate::auth::{Role, User};

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
        "u.id AS id, u.org_id AS org_id, o.name AS org_name, u.email AS email, u.name AS name, u.role AS role"
    };
}

impl Store {
    /// The organisation called `name`, created if missing; returns its id.
    pub async fn ensure_org(&self, name: &str, now: &str) -> anyhow::Result<String> {
        if let Some(row) = sqlx::query("SELECT id FROM orgs WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await?
        {
            return Ok(row.try_get(0)?);
        }
        let id = uuid::Uuid::new_v4().to_string();
        sqlx::query("INSERT INTO orgs (id, name, created_at) VALUES ($1, $2, $3)")
            .bind(&id)
            .bind(name)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(id)
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

    fn user_from_row(row: &sqlx::any::AnyRow) -> anyhow::Result<User> {
        let role: String = row.try_get("role")?;
        Ok(User {
            id: row.try_get("id")?,
            org_id: row.try_get("org_id")?,
            org_name: row.try_get("org_name")?,
            email: row.try_get("email")?,
            name: row.try_get("name")?,
            role: Role::parse(&role).with_context(|| format!("unknown stored role {role:?}"))?,
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
        sqlx::query("SELECT id, email, name, role, disabled_at, created_at FROM users WHERE org_id = $1 ORDER BY email")
            .bind(org_id)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(Self::person_from_row)
            .collect()
    }

    /// One person, if they belong to the organisation.
    pub async fn person(&self, org_id: &str, id: &str) -> anyhow::Result<Option<Person>> {
        sqlx::query("SELECT id, email, name, role, disabled_at, created_at FROM users WHERE org_id = $1 AND id = $2")
            .bind(org_id)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| Self::person_from_row(&r))
            .transpose()
    }

    /// Applies an administrator's change to a person of their organisation, in one
    /// transaction. Switching an account off or setting its password ends its sessions.
    /// `password_hash` is the hash of `change.password`, when one is given.
    pub async fn change_person(
        &self,
        org_id: &str,
        id: &str,
        change: &PersonChange,
        password_hash: Option<&str>,
        now: &str,
    ) -> anyhow::Result<Option<Person>> {
        let mut tx = self.pool.begin().await?;
        let exists = sqlx::query("SELECT id FROM users WHERE org_id = $1 AND id = $2")
            .bind(org_id)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        if !exists {
            return Ok(None);
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
        tx.commit().await?;
        self.person(org_id, id).await
    }

    pub async fn count_users(&self) -> anyhow::Result<i64> {
        Ok(sqlx::query("SELECT COUNT(*) FROM users")
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?)
    }

    pub async fn create_session(
        &self,
        token_hash: &str,
        user_id: &str,
        now: &str,
        expires_ms: i64,
    ) -> anyhow::Result<()> {
        sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_ms) VALUES ($1, $2, $3, $4)")
            .bind(token_hash)
            .bind(user_id)
            .bind(now)
            .bind(expires_ms)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The person a live session belongs to.
    pub async fn session_user(&self, token_hash: &str, now_ms: i64) -> anyhow::Result<Option<User>> {
        // A switched-off account's sessions are deleted; the join also refuses any left behind.
        let row = sqlx::query(
            "SELECT s.user_id FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = $1 AND s.expires_ms > $2 AND u.disabled_at IS NULL",
        )
        .bind(token_hash)
        .bind(now_ms)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(row) => self.user_by_id(&row.try_get::<String, _>(0)?).await,
            None => Ok(None),
        }
    }

    pub async fn delete_session(&self, token_hash: &str) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn record_sign_in_failure(&self, key: &str, at_ms: i64) -> anyhow::Result<()> {
        sqlx::query("INSERT INTO sign_in_failures (key, at_ms) VALUES ($1, $2)")
            .bind(key)
            .bind(at_ms)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn sign_in_failures_since(&self, key: &str, since_ms: i64) -> anyhow::Result<i64> {
        Ok(
            sqlx::query("SELECT COUNT(*) FROM sign_in_failures WHERE key = $1 AND at_ms > $2")
                .bind(key)
                .bind(since_ms)
                .fetch_one(&self.pool)
                .await?
                .try_get(0)?,
        )
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
