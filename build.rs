//! Fingerprints the domain crate's source for the compact library the app keeps in the browser
//! (`casebook_core::compact` is not self-describing): a copy written by a build with other
//! types is refused, and the app reads the JSON copy instead.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).expect("crates/core/src is readable");
    for entry in entries {
        let path = entry.expect("a readable directory entry").path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

fn main() {
    // Built for the app (the workspace root) and for the quick search (crates/start): the same
    // fingerprint in both, so each reads the compact copy the other wrote.
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let core = manifest
        .ancestors()
        .map(|dir| dir.join("crates/core/src"))
        .find(|dir| dir.is_dir())
        .expect("crates/core/src is in the workspace");
    let core = core.as_path();
    println!("cargo:rerun-if-changed={}", core.display());
    let mut files = Vec::new();
    sources(core, &mut files);
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in &files {
        file.strip_prefix(core).unwrap_or(file).hash(&mut hasher);
        std::fs::read(file).expect("a readable source file").hash(&mut hasher);
    }
    println!("cargo:rustc-env=CASEBOOK_CORE_SHAPE={:016x}", hasher.finish());
}
