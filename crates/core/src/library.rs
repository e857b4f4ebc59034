//! The policy library: every policy with all its versions, plus the team's synonym list.
//!
//! This is the unit the server ships to the browser and the browser keeps offline.

use serde::{Deserialize, Serialize};

use crate::policy::Policy;

/// A group of terms that mean the same thing for search, e.g. `[doxxing, private information]`.
pub type SynonymGroup = Vec<String>;

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    /// Sorted by slug, no slug twice.
    pub policies: Vec<Policy>,
    pub synonyms: Vec<SynonymGroup>,
}

impl Library {
    pub fn policy(&self, slug: &str) -> Option<&Policy> {
        self.policies
            .binary_search_by(|p| p.slug.as_str().cmp(slug))
            .ok()
            .map(|i| &self.policies[i])
    }

    /// Puts policies in slug order; call after assembling a library from parts.
    pub fn normalize(&mut self) {
        self.policies.sort_by(|a, b| a.slug.cmp(&b.slug));
    }

    pub fn section_count(&self) -> usize {
        self.policies
            .iter()
            .filter_map(|p| p.current())
            .map(|v| v.sections.len())
            .sum()
    }
}
