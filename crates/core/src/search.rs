//! Policy search that runs in the browser: an index built on the server from the library,
//! shipped as compact bytes, queried on every keystroke.
//!
//! - [`text`]: how text becomes terms (shared by indexing, querying and highlighting);
//! - [`index`]: the index, its builder and its byte form;
//! - [`query`]: ranking (BM25F), prefixes, typos, synonyms and filters;
//! - [`snippet`]: highlighted excerpts.

pub mod fuzzy;
pub mod index;
pub mod query;
pub mod snippet;
pub mod text;

pub use index::{Document, IndexBuilder, SearchIndex};
pub use query::{Engine, ExplainedTerm, Explanation, Filters, Hit, Results};

use crate::document::body_text;
use crate::library::Library;

/// The key of a section in the library index: `slug#anchor`.
pub fn section_key(slug: &str, anchor: &str) -> String {
    format!("{slug}#{anchor}")
}

/// Indexes every section of the current version of every policy in the library.
pub fn index_library(library: &Library) -> SearchIndex {
    let mut builder = IndexBuilder::new();
    builder.synonyms(&library.synonyms);
    for policy in &library.policies {
        let Some(version) = policy.current() else {
            continue;
        };
        let actions: Vec<String> = version.actions.iter().map(|a| a.name.clone()).collect();
        let default_lang = policy.languages.first().map_or("en", |l| l.as_str());
        for section in &version.sections {
            let body = body_text(&section.body);
            builder.add(&Document {
                key: section_key(policy.slug.as_str(), section.anchor.as_str()),
                title: &policy.title,
                heading: &section.heading,
                body: &body,
                area: policy.area.id(),
                regions: &policy.regions,
                lang: section.lang.as_ref().map_or(default_lang, |l| l.as_str()),
                actions: &actions,
            });
        }
    }
    builder.build()
}
