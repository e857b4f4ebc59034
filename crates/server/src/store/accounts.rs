//! Organisations, people, sessions and sign-in failures.

use anyhow::Context;
use sqlx::Row;

use super::Store;
use crate::auth::{Role, User};

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

    /// The account with this email and its password hash.
    pub async fn user_with_hash(&self, email: &str) -> anyhow::Result<Option<(User, String)>> {
        let sql = concat!(
            "SELECT ",
            user_columns!(),
            ", u.password_hash AS password_hash FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.email = $1"
        );
        let Some(row) = sqlx::query(sql)
            .bind(email.to_lowercase())
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        Ok(Some((Self::user_from_row(&row)?, row.try_get("password_hash")?)))
    }

    pub async fn users_of_org(&self, org_id: &str) -> anyhow::Result<Vec<User>> {
        let sql = concat!(
            "SELECT ",
            user_columns!(),
            " FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.org_id = $1 ORDER BY u.email"
        );
        sqlx::query(sql)
            .bind(org_id)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(Self::user_from_row)
            .collect()
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
        let row = sqlx::query("SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_ms > $2")
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
