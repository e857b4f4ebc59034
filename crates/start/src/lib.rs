//! The quick search: a small WebAssembly module, separate from the app, that answers the first
//! page's search box while the app itself is still downloading.
//!
//! On a poor line the app (every tool, four languages) takes seconds to arrive; this module is
//! only the domain crate's search engine and the library's types, a fraction of the size. The
//! first page (`boot.js`) loads it with the library and its index, searches what the agent types
//! and shows the results, then the app takes over the page. Both run the same engine from
//! `casebook-core`, so the quick results are the app's results.
//!
//! Results go back to JavaScript as JSON of plain strings; `boot.js` puts them in the page as
//! text, never as HTML.

use casebook_core::compact;
use casebook_core::document::body_text;
use casebook_core::search::snippet::{Fragment, highlight, snippet};
use casebook_core::search::{Engine, Filters, SearchIndex};
use casebook_core::wire::LibrarySnapshot;
use serde_json::{Value, json};
use wasm_bindgen::prelude::*;

/// A fingerprint of the domain crate's source (the workspace's `build.rs`, the same as the
/// app's), so this module reads the compact copy the app saved and refuses another build's.
const SHAPE: &str = env!("CASEBOOK_CORE_SHAPE");
/// The longest query searched; the app cuts the boot box's text at the same length.
const MAX_QUERY: usize = 500;
/// How many results the first page shows (the app shows 20 once it runs).
const MAX_RESULTS: usize = 20;
/// The longest snippet, in characters, as in the app.
const SNIPPET: usize = 220;

/// The library and its ready engine.
#[wasm_bindgen]
#[derive(Debug)]
pub struct QuickSearch {
    snapshot: LibrarySnapshot,
    engine: Engine,
}

#[wasm_bindgen]
impl QuickSearch {
    /// From what the server sends: the library as JSON and the search index's bytes.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(library: &str, index: Vec<u8>) -> Result<QuickSearch, JsError> {
        let snapshot: LibrarySnapshot = serde_json::from_str(library)?;
        if snapshot.schema_version != casebook_core::SCHEMA_VERSION {
            return Err(JsError::new("the library was written for another version of Casebook"));
        }
        QuickSearch::new(snapshot, index)
    }

    /// From the copy the app saved on this device: the compact library and the index's bytes.
    /// Fails on a copy written by another build; the caller then waits for the network.
    #[wasm_bindgen(js_name = fromCompact)]
    pub fn from_compact(library: &[u8], index: Vec<u8>) -> Result<QuickSearch, JsError> {
        let snapshot = compact::decode(library, SHAPE)
            .ok_or_else(|| JsError::new("the saved library was written by another build"))?;
        QuickSearch::new(snapshot, index)
    }

    fn new(snapshot: LibrarySnapshot, index: Vec<u8>) -> Result<QuickSearch, JsError> {
        let index = SearchIndex::from_vec(index).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(QuickSearch {
            snapshot,
            engine: Engine::new(index),
        })
    }

    /// The library's revision (the server's entity tag for it).
    #[wasm_bindgen(getter)]
    pub fn revision(&self) -> String {
        self.snapshot.revision.clone()
    }

    /// The best sections for `query`, as JSON: `{"total": n, "results": [{"href", "title",
    /// "heading", "snippet", "area", "lang", "rtl"}]}`, where `title`, `heading` and
    /// `snippet` are lists of `[text, matched]` pieces.
    pub fn search(&mut self, query: &str) -> String {
        results(&self.snapshot, &mut self.engine, query).to_string()
    }
}

fn bounded(query: &str) -> &str {
    let mut end = query.len().min(MAX_QUERY);
    while !query.is_char_boundary(end) {
        end -= 1;
    }
    &query[..end]
}

fn pieces(fragments: &[Fragment]) -> Value {
    fragments.iter().map(|f| json!([f.text, f.hit])).collect()
}

/// The results as the app's search page shows them: each hit's section in the policy's current
/// version, its title and heading with the matched words marked, and a snippet.
fn results(snapshot: &LibrarySnapshot, engine: &mut Engine, query: &str) -> Value {
    let found = engine.search(bounded(query), &Filters::default(), MAX_RESULTS);
    let rows: Vec<Value> = found
        .hits
        .iter()
        .filter_map(|hit| {
            let (slug, anchor) = engine.index().key(hit.doc).split_once('#')?;
            let policy = snapshot.library.policy(slug)?;
            let version = policy.current()?;
            let section = version.section(anchor)?;
            let terms = &found.matched_terms;
            Some(json!({
                "href": format!("/policies/{}/v/{}#{}", policy.slug, version.number, section.anchor),
                "title": pieces(&highlight(&policy.title, terms)),
                "heading": pieces(&highlight(&section.heading, terms)),
                "snippet": pieces(&snippet(&body_text(&section.body), terms, SNIPPET)),
                "area": policy.area.label(),
                "lang": section.lang.as_ref().map(ToString::to_string),
                "rtl": section.lang.as_ref().is_some_and(|l| l.is_rtl()),
            }))
        })
        .collect();
    json!({ "total": found.total, "results": rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_cut_at_a_character_boundary() {
        let long = "é".repeat(400);
        let cut = bounded(&long);
        assert!(cut.len() <= MAX_QUERY);
        assert!(cut.chars().all(|c| c == 'é'));
        assert_eq!(bounded("harassment"), "harassment");
    }
}
