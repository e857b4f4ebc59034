//! Shared by the core's integration tests: reading the shipped demo library from disk (tests
//! may do IO; the crate itself may not).
#![allow(dead_code)]

use casebook_core::import::SourceFile;

/// Every `.md` and `.yaml` file of `demo/library`, with paths relative to it.
pub fn demo_library_files() -> Vec<SourceFile> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo/library");
    let mut files = Vec::new();
    let mut pending = vec![root.clone()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("the demo library exists") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "md" || e == "yaml") {
                let relative = path
                    .strip_prefix(&root)
                    .expect("inside the library")
                    .to_string_lossy()
                    .replace('\\', "/");
                files.push(SourceFile {
                    path: relative,
                    text: std::fs::read_to_string(&path).expect("utf-8"),
                });
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}
