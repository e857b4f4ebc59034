//! The quick search on the demo library: it reads what the server sends and what the app saves,
//! and answers as the app's engine does.

use casebook_core::compact;
use casebook_core::import::{assemble, parse_library};
use casebook_core::search::{Engine, Filters, index_library};
use casebook_core::wire::LibrarySnapshot;
use casebook_start::QuickSearch;
use serde_json::Value;

// Reading the demo library from disk, shared with the domain crate's own tests.
#[path = "../../core/tests/common/mod.rs"]
mod common;

fn snapshot() -> LibrarySnapshot {
    LibrarySnapshot {
        schema_version: casebook_core::SCHEMA_VERSION,
        revision: "r1".into(),
        library: assemble(parse_library(&common::demo_library_files()).expect("valid demo library")),
    }
}

/// The quick search, from the library as the server sends it.
fn quick(snapshot: &LibrarySnapshot) -> QuickSearch {
    let index = index_library(&snapshot.library);
    let json = serde_json::to_string(snapshot).expect("serialisable");
    QuickSearch::from_json(&json, index.to_bytes()).expect("reads the server's library")
}

fn hrefs(json: &str) -> Vec<String> {
    let value: Value = serde_json::from_str(json).expect("the results are JSON");
    value["results"]
        .as_array()
        .expect("a list of results")
        .iter()
        .map(|r| r["href"].as_str().expect("an address").to_string())
        .collect()
}

#[test]
fn the_quick_search_answers_as_the_apps_engine_does() {
    let snapshot = snapshot();
    let mut quick = quick(&snapshot);
    let mut engine = Engine::new(index_library(&snapshot.library));
    for query in [
        "harassment",
        "harrasment home adress",
        "someone is sellng fake followers",
        "doxxing",
    ] {
        let found = hrefs(&quick.search(query));
        assert!(!found.is_empty(), "{query}: no results");
        let expected = engine.search(query, &Filters::default(), 20);
        let first_key = engine.index().key(expected.hits[0].doc).to_string();
        let (slug, anchor) = first_key.split_once('#').expect("slug#anchor");
        assert!(
            found[0].starts_with(&format!("/policies/{slug}/v/")) && found[0].ends_with(&format!("#{anchor}")),
            "{query}: quick {:?}, engine {first_key}",
            found[0]
        );
        assert_eq!(found.len(), expected.hits.len(), "{query}");
    }
}

#[test]
fn results_carry_marked_pieces_of_plain_text() {
    let mut quick = quick(&snapshot());
    let value: Value = serde_json::from_str(&quick.search("harassment")).expect("json");
    assert!(value["total"].as_u64().expect("a total") >= value["results"].as_array().expect("list").len() as u64);
    let first = &value["results"][0];
    let marked = first["snippet"]
        .as_array()
        .expect("pieces")
        .iter()
        .chain(first["title"].as_array().expect("pieces"))
        .any(|piece| piece[1] == Value::Bool(true));
    assert!(marked, "the matched word is marked: {first}");
    // A query with nothing to find finds nothing, rather than everything.
    assert!(hrefs(&quick.search("zzzzqqqq")).is_empty());
}

#[test]
fn the_compact_copy_the_app_saves_is_read() {
    let snapshot = snapshot();
    let index = index_library(&snapshot.library);
    let bytes = compact::encode(&snapshot, env!("CASEBOOK_CORE_SHAPE"));
    let mut quick = QuickSearch::from_compact(&bytes, index.to_bytes()).expect("reads the compact copy");
    assert_eq!(quick.revision(), "r1");
    assert!(!hrefs(&quick.search("harassment")).is_empty());
}
