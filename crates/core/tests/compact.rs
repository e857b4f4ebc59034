//! The compact library a browser keeps: the whole demo library reads back exactly as written,
//! and a copy written by another build, another schema version or cut short is refused.
#![cfg(feature = "import")]

mod common;

use casebook_core::compact::{decode, encode};
use casebook_core::import::{assemble, parse_library};
use casebook_core::wire::LibrarySnapshot;

fn demo_snapshot() -> LibrarySnapshot {
    let parsed = parse_library(&common::demo_library_files()).expect("the demo library is valid");
    LibrarySnapshot {
        schema_version: casebook_core::SCHEMA_VERSION,
        revision: "0123456789abcdef01234567".into(),
        library: assemble(parsed),
    }
}

#[test]
fn the_demo_library_reads_back_exactly_and_smaller_than_json() {
    let snapshot = demo_snapshot();
    let bytes = encode(&snapshot, "shape-a");
    assert_eq!(decode(&bytes, "shape-a"), Some(snapshot.clone()));
    let json = serde_json::to_vec(&snapshot).expect("json");
    assert!(
        bytes.len() < json.len(),
        "compact {} bytes, JSON {}",
        bytes.len(),
        json.len()
    );
}

#[test]
fn another_shape_a_cut_copy_or_trailing_bytes_are_refused() {
    let snapshot = demo_snapshot();
    let bytes = encode(&snapshot, "shape-a");
    assert_eq!(decode(&bytes, "shape-b"), None, "written by another build");
    assert_eq!(decode(&bytes[..bytes.len() - 1], "shape-a"), None, "cut short");
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(decode(&longer, "shape-a"), None, "trailing bytes");
    assert_eq!(decode(&[], "shape-a"), None, "empty");
}

#[test]
fn another_schema_version_is_refused() {
    let mut snapshot = demo_snapshot();
    snapshot.schema_version += 1;
    assert_eq!(decode(&encode(&snapshot, "shape-a"), "shape-a"), None);
}
