//! Casebook's domain model, shared by the server and the browser app so the two never disagree.
//!
//! This crate does no IO, never reads the clock and uses no randomness: every input arrives
//! as an argument and every output is a value. It compiles natively and to
//! `wasm32-unknown-unknown`.

pub mod clock;
pub mod compact;
pub mod diff;
pub mod document;
#[cfg(feature = "import")]
pub mod import;
pub mod library;
pub mod outbox;
pub mod policy;
pub mod reading;
pub mod scope;
pub mod search;
pub mod sweep;
pub mod sync;
pub mod template;
pub mod tool;
pub mod wire;
pub mod zip;

/// Version of every type that crosses the wire or is stored in the browser.
/// Bumped whenever a serialized shape changes incompatibly.
pub const SCHEMA_VERSION: u32 = 2;
