//! Who may read what: every sync object belongs to a root object, and the root's scope (which
//! organisations may read it and everything under it) is derived, by the tool that owns it,
//! from the root's own fields. Server and app ask the same functions, so a person's device
//! holds exactly what the server lets them pull.
//!
//! Organisations are a hard boundary: a scope names organisations, never "everyone".

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::wire::{OrgKind, Role, User};

/// Who is reading or writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor<'a> {
    /// The person's account id: what a tool checks when an edit may only be one's own
    /// (an acknowledgment, taking an item).
    pub person: &'a str,
    pub org_id: &'a str,
    pub org_kind: OrgKind,
    pub role: Role,
}

impl<'a> Actor<'a> {
    pub fn of(user: &'a User) -> Actor<'a> {
        Actor {
            person: &user.id,
            org_id: &user.org_id,
            org_kind: user.org_kind,
            role: user.role,
        }
    }

    pub fn is_platform(&self) -> bool {
        self.org_kind == OrgKind::Platform
    }
}

/// Which organisations may read a root object and everything under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Scope {
    /// Private to one organisation (its case data).
    Org { org: String },
    /// Owned by one organisation and shared with others (a sweep the platform publishes).
    Shared { owner: String, with: BTreeSet<String> },
}

impl Scope {
    /// The organisation that owns the object.
    pub fn owner(&self) -> &str {
        match self {
            Scope::Org { org } => org,
            Scope::Shared { owner, .. } => owner,
        }
    }

    /// Every organisation that may read the object.
    pub fn readers(&self) -> BTreeSet<&str> {
        match self {
            Scope::Org { org } => BTreeSet::from([org.as_str()]),
            Scope::Shared { owner, with } => std::iter::once(owner.as_str())
                .chain(with.iter().map(String::as_str))
                .collect(),
        }
    }

    pub fn may_read(&self, org_id: &str) -> bool {
        self.owner() == org_id || matches!(self, Scope::Shared { with, .. } if with.contains(org_id))
    }
}

/// Whether `actor` may read an object of scope `scope`; `None` (no such object) reads as no.
pub fn may_read(actor: &Actor<'_>, scope: Option<&Scope>) -> bool {
    scope.is_some_and(|s| s.may_read(actor.org_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scope_names_exactly_its_readers() {
        let private = Scope::Org { org: "v1".into() };
        let shared = Scope::Shared {
            owner: "p".into(),
            with: BTreeSet::from(["v1".to_string(), "v2".to_string()]),
        };
        let table: [(&Scope, &str, bool); 6] = [
            (&private, "v1", true),
            (&private, "v2", false),
            (&private, "p", false),
            (&shared, "p", true),
            (&shared, "v2", true),
            (&shared, "v3", false),
        ];
        for (scope, org, expected) in table {
            assert_eq!(scope.may_read(org), expected, "{scope:?} read by {org}");
        }
        assert_eq!(shared.readers().into_iter().collect::<Vec<_>>(), ["p", "v1", "v2"]);
    }
}
