//! The compact form of a library snapshot that a browser keeps between visits: postcard, read
//! back several times faster than the JSON the server sends, so a warm start does not parse
//! one big JSON value.
//!
//! Postcard is not self-describing: bytes written by one build of these types may decode as
//! nonsense in another. Every copy therefore starts with the writer's `shape` (the app passes
//! a fingerprint of this crate's source), and a copy with another shape is refused, never
//! guessed at; the caller falls back to the JSON it also keeps.

use serde::{Deserialize, Serialize};

use crate::wire::LibrarySnapshot;

#[derive(Serialize)]
struct Writing<'a> {
    shape: &'a str,
    snapshot: &'a LibrarySnapshot,
}

#[derive(Deserialize)]
struct Reading {
    shape: String,
}

/// `snapshot` in the compact form, tagged with `shape`.
pub fn encode(snapshot: &LibrarySnapshot, shape: &str) -> Vec<u8> {
    postcard::to_allocvec(&Writing { shape, snapshot }).expect("serialising to memory cannot fail")
}

/// The snapshot in `bytes`, if they were written with `shape` and this crate's schema version,
/// and hold exactly one snapshot.
pub fn decode(bytes: &[u8], shape: &str) -> Option<LibrarySnapshot> {
    let (written, rest) = postcard::take_from_bytes::<Reading>(bytes).ok()?;
    if written.shape != shape {
        return None;
    }
    let (snapshot, rest) = postcard::take_from_bytes::<LibrarySnapshot>(rest).ok()?;
    (rest.is_empty() && snapshot.schema_version == crate::SCHEMA_VERSION).then_some(snapshot)
}
