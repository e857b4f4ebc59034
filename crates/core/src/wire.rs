//! The types that cross the HTTP boundary between server and app. Nothing else does.
//!
//! Every response body that a client may keep carries [`crate::SCHEMA_VERSION`].

use serde::{Deserialize, Serialize};

use crate::library::Library;
use crate::policy::{PolicyArea, Slug, VersionStatus};

/// `GET /api/health`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    /// `"ok"` when the server can read every table of its database and has disk space to
    /// write, `"degraded"` otherwise.
    pub status: String,
    /// The server's package version.
    pub version: String,
    pub database: DatabaseHealth,
    pub schema_version: u32,
    /// Free space where the server writes its database (SQLite only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disk: Option<DiskHealth>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiskHealth {
    pub free_bytes: u64,
    /// Whether at least the server's minimum (100 MB unless configured) is free.
    pub ok: bool,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseHealth {
    /// `"sqlite"` or `"postgres"`.
    pub kind: String,
    pub ok: bool,
    /// The tables a cheap read failed on, when the database is reachable but damaged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unreadable_tables: Vec<String>,
}

/// The body of every error response.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// Stable, machine-readable, e.g. `not_found`.
    pub code: String,
    /// A plain sentence for a person.
    pub message: String,
    /// Quote this to an administrator; it finds the request in the server's log.
    pub request_id: String,
    /// For a refused push: the mutation that was refused (nothing of the push was applied).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mutation_id: Option<u64>,
}

/// One row of `GET /api/policies`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicySummary {
    pub slug: Slug,
    pub title: String,
    pub area: PolicyArea,
    pub current_version: u32,
    pub status: VersionStatus,
    pub summary: String,
    pub section_count: usize,
}

/// `GET /api/library`: the whole library, as the browser stores it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibrarySnapshot {
    pub schema_version: u32,
    /// Changes whenever the library's content changes; equal revisions mean equal content.
    pub revision: String,
    pub library: Library,
}

impl PolicySummary {
    pub fn of(policy: &crate::policy::Policy) -> Option<PolicySummary> {
        let current = policy.current()?;
        Some(PolicySummary {
            slug: policy.slug.clone(),
            title: policy.title.clone(),
            area: policy.area,
            current_version: current.number,
            status: current.status,
            summary: current.summary.clone(),
            section_count: current.sections.len(),
        })
    }
}

/// What a person may do in Casebook.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Agent,
    Specialist,
    Trainer,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Agent, Role::Specialist, Role::Trainer, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Specialist => "specialist",
            Role::Trainer => "trainer",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Agent => "Agent",
            Role::Specialist => "Policy specialist",
            Role::Trainer => "Trainer",
            Role::Admin => "Admin",
        }
    }
}

/// What an organisation is to Casebook. There is one platform (the company whose policies
/// these are: it owns the library and publishes sweeps) and any number of vendors (whose
/// agents apply them).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Platform,
    /// The default, and the one with the fewest rights.
    #[default]
    Vendor,
}

impl OrgKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Platform => "platform",
            OrgKind::Vendor => "vendor",
        }
    }

    pub fn parse(s: &str) -> Option<OrgKind> {
        [OrgKind::Platform, OrgKind::Vendor]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// One organisation, as the platform's people see it when sharing (`GET /api/orgs`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Org {
    pub id: String,
    pub name: String,
    pub kind: OrgKind,
}

/// Someone a sweep's publisher may assign items to (`GET /api/sweeps/{id}/people`): a person
/// who works items in an organisation the sweep is shared with. No email, nothing more.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignablePerson {
    pub id: String,
    pub name: String,
    pub org_id: String,
    pub org_name: String,
    pub role: Role,
}

/// One page of [`AssignablePerson`]s, by id; `next` is the `after` of the next page.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignablePage {
    pub people: Vec<AssignablePerson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// Most people one page of `GET /api/sweeps/{id}/people` holds.
pub const ASSIGNABLE_PAGE: usize = 500;

/// `POST /api/documents/parse`: Markdown to read into the safe document model (a sweep's
/// guidance description), at most `sweep::guidance::MAX_DESCRIPTION_CHARS` characters.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownSource {
    pub markdown: String,
}

/// What `POST /api/documents/parse` answers: the document, as policies store theirs.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParsedDocument {
    pub blocks: Vec<crate::document::Block>,
}

/// A signed-in person (`GET /api/session`). Never carries a password or token.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: String,
    pub org_id: String,
    pub org_name: String,
    /// Devices that saved a person before organisations had kinds read them as vendors.
    #[serde(default)]
    pub org_kind: OrgKind,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// The interface language the person chose (one of [`UI_LANGUAGES`]), on any device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui_lang: Option<String>,
}

/// The languages the interface is translated into (BCP 47 codes).
pub const UI_LANGUAGES: [&str; 4] = ["en", "es", "ar", "ja"];

/// `PUT /api/session/language`: the signed-in person's interface language.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageChoice {
    /// One of `en`, `es`, `ar`, `ja`.
    pub lang: String,
}

impl User {
    /// The person's role as a Trust & Safety team names it: "Vendor agent", "Platform admin".
    pub fn title(&self) -> String {
        let side = match self.org_kind {
            OrgKind::Platform => "Platform",
            OrgKind::Vendor => "Vendor",
        };
        format!("{side} {}", self.role.label().to_lowercase())
    }
}

/// One person of an organisation, as their administrator sees them (`GET /api/users`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// False once an administrator has switched the account off: it cannot sign in, and its
    /// sessions have ended.
    pub active: bool,
    /// When the account was created (RFC 3339, server time).
    pub created_at: String,
}

/// `POST /api/users`: a new person in the administrator's own organisation.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub role: Role,
    /// A first password (at least 12 characters), given to the person out of band.
    pub password: String,
}

/// `PATCH /api/users/{id}`: what an administrator changes about a person; absent fields stay.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonChange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// False switches the account off and ends its sessions; true lets it sign in again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// A new password (at least 12 characters); the person's sessions end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
}

/// `POST /api/session/password`: the signed-in person changes their own password.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current: String,
    /// At least [`MIN_PASSWORD_CHARS`] characters, and not the current one.
    pub new: String,
}

/// The shortest password an account may have.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// `GET /api/session`: who this browser's session belongs to, if anyone.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub user: Option<User>,
}

/// `POST /api/session`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    pub email: String,
    pub password: String,
}

/// One entry of the audit log (`GET /api/audit`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub server_time: String,
    pub client_time: Option<String>,
    /// The person's email, or `None` when nobody was signed in.
    pub actor: Option<String>,
    pub action: String,
    pub object: Option<String>,
    pub request_id: String,
    /// `ok`, `denied` or `failed`.
    pub result: String,
    pub detail: Option<String>,
}
