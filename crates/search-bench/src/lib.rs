//! The search engine the app uses, with a minimal JavaScript interface, so the benchmark
//! measures exactly what the app runs: load index bytes, then query.

use casebook_core::search::{Engine, Filters, SearchIndex};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
#[derive(Debug)]
pub struct BenchEngine {
    engine: Engine,
    filters: Filters,
}

#[wasm_bindgen]
impl BenchEngine {
    /// Loads index bytes as the app does.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: Vec<u8>) -> Result<BenchEngine, JsError> {
        let index = SearchIndex::from_vec(bytes).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(BenchEngine {
            engine: Engine::new(index),
            filters: Filters::default(),
        })
    }

    /// The document numbers of the best `limit` hits, best first.
    pub fn search(&mut self, query: &str, limit: usize) -> Vec<u32> {
        self.engine
            .search(query, &self.filters, limit)
            .hits
            .iter()
            .map(|h| h.doc)
            .collect()
    }

    /// The document's key (its id in the corpus).
    pub fn key(&self, doc: u32) -> String {
        if (doc as usize) < self.engine.index().doc_count() {
            self.engine.index().key(doc).to_string()
        } else {
            String::new()
        }
    }
}

/// The wasm module's linear memory in bytes (everything the engine holds lives there).
#[wasm_bindgen]
pub fn memory_bytes() -> usize {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_size(0) * 65536
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}
pub mod templates;
