//! hit@10 of the native engine on the search bench's corpus (`target/bench/search/corpus.json`
//! and `queries.json`, written by `cargo xtask bench search`), per query kind, in seconds
//! rather than the browser bench's minutes: the ranking is the same code the wasm runs.
//!
//! `cargo run --release -p casebook-core --example synthetic_hits [DIR]`; with `MISSES=typo`
//! (or `exact`, `prefix`), it lists the missed queries of that kind, `?` after a word the index
//! lacks.

use casebook_core::search::{Document, Engine, Filters, IndexBuilder};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "target/bench/search".into());
    let read = |name: &str| -> serde_json::Value {
        let path = std::path::Path::new(&dir).join(name);
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"))).expect("json")
    };
    let (docs, queries) = (read("corpus.json"), read("queries.json"));
    let mut builder = IndexBuilder::new();
    for doc in docs.as_array().expect("a list") {
        builder.add(&Document {
            key: doc["id"].as_str().unwrap_or_default().to_string(),
            title: doc["title"].as_str().unwrap_or_default(),
            heading: "",
            body: doc["body"].as_str().unwrap_or_default(),
            area: "",
            regions: &[],
            lang: "en",
            actions: &[],
        });
    }
    let index = builder.build();
    println!("index: {} bytes, {} terms", index.to_bytes().len(), index.term_count());
    let mut engine = Engine::new(index);
    let mut counts: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let started = std::time::Instant::now();
    for q in queries.as_array().expect("a list") {
        let results = engine.search(q["q"].as_str().unwrap_or_default(), &Filters::default(), 10);
        let hit = results.hits.iter().any(|h| engine.index().key(h.doc) == q["expect"]);
        if !hit && std::env::var_os("MISSES").is_some_and(|k| q["kind"] == k.to_string_lossy().as_ref()) {
            let words: Vec<String> = q["q"]
                .as_str()
                .unwrap_or_default()
                .split(' ')
                .map(|w| {
                    let known = engine.index().find_term(w).is_some();
                    format!("{w}{}", if known { "" } else { "?" })
                })
                .collect();
            println!("miss: {} → {}", words.join(" "), q["expect"]);
        }
        for kind in ["all", q["kind"].as_str().unwrap_or_default()] {
            let c = counts.entry(kind.to_string()).or_default();
            c.0 += 1;
            c.1 += usize::from(hit);
        }
    }
    let per_query = started.elapsed().as_secs_f64() * 1e6 / queries.as_array().map_or(1, Vec::len) as f64;
    for (kind, (n, hits)) in &counts {
        println!("hit@10 {kind:<7} {:>5.1} % of {n}", *hits as f64 * 100.0 / *n as f64);
    }
    println!("{per_query:.0} µs a query (native, this machine)");
}
