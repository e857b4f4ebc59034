//! The types that cross the HTTP boundary between server and app. Nothing else does.
//!
//! Every response body that a client may keep carries [`crate::SCHEMA_VERSION`].

use serde::{Deserialize, Serialize};

use crate::library::Library;
use crate::policy::{PolicyArea, Slug, VersionStatus};

/// `GET /api/health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    /// `"ok"` when the server can reach its database, `"degraded"` otherwise.
    pub status: String,
    /// The server's package version.
    pub version: String,
    pub database: DatabaseHealth,
    pub schema_version: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseHealth {
    /// `"sqlite"` or `"postgres"`.
    pub kind: String,
    pub ok: bool,
}

/// The body of every error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// Stable, machine-readable, e.g. `not_found`.
    pub code: String,
    /// A plain sentence for a person.
    pub message: String,
    /// Quote this to an administrator; it finds the request in the server's log.
    pub request_id: String,
}

/// One row of `GET /api/policies`.
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
