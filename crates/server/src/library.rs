//! The library as the server holds it in memory, and the import path that changes it.
//!
//! Reads never touch the database: they clone an `Arc` of the current [`LibraryState`].
//! An import writes the store first, then swaps in a freshly loaded state.

use std::path::Path;
use std::sync::{Arc, RwLock};

use anyhow::Context;
use casebook_core::SCHEMA_VERSION;
use casebook_core::import::{
    ImportError, MAX_FILE_BYTES, MAX_FILES, MAX_LIBRARY_BYTES, SourceFile, StatusChange, parse_library,
};
use casebook_core::library::Library;
use casebook_core::search::index_library;
use casebook_core::wire::{LibrarySnapshot, PolicySummary};
use include_dir::{Dir, include_dir};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::store::Store;

/// The demo library that ships with Casebook (see `demo/library/README.md`).
static DEMO_LIBRARY: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../demo/library");

/// An immutable view of the library and what is derived from it.
#[derive(Debug)]
pub struct LibraryState {
    pub library: Library,
    pub summaries: Vec<PolicySummary>,
    /// Hex SHA-256 of `snapshot_json`; used as the HTTP entity tag.
    pub revision: String,
    /// The serialized [`LibrarySnapshot`], ready to send.
    pub snapshot_json: Vec<u8>,
    /// The search index over the current versions, in its byte form.
    pub index_bytes: Vec<u8>,
}

impl LibraryState {
    pub fn new(library: Library) -> anyhow::Result<LibraryState> {
        let summaries = library.policies.iter().filter_map(PolicySummary::of).collect();
        let content = serde_json::to_vec(&library)?;
        let revision: String = Sha256::digest(&content)
            .iter()
            .take(12)
            .map(|b| format!("{b:02x}"))
            .collect();
        let snapshot = LibrarySnapshot {
            schema_version: SCHEMA_VERSION,
            revision: revision.clone(),
            library,
        };
        let snapshot_json = serde_json::to_vec(&snapshot)?;
        let index_bytes = index_library(&snapshot.library).to_bytes();
        Ok(LibraryState {
            library: snapshot.library,
            summaries,
            revision,
            snapshot_json,
            index_bytes,
        })
    }
}

/// The shared, swappable library.
#[derive(Debug, Clone)]
pub struct SharedLibrary(Arc<RwLock<Arc<LibraryState>>>);

impl SharedLibrary {
    pub fn new(state: LibraryState) -> Self {
        SharedLibrary(Arc::new(RwLock::new(Arc::new(state))))
    }

    pub fn current(&self) -> Arc<LibraryState> {
        self.0.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    pub fn replace(&self, state: LibraryState) {
        *self.0.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(state);
    }
}

/// What an import did (or, previewed, would do).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ImportReport {
    /// New versions, as `slug vN`.
    pub added: Vec<String>,
    /// Stored versions whose status changed; their text is unchanged.
    pub status_changes: Vec<StatusChange>,
    pub unchanged: usize,
    pub synonyms_updated: bool,
}

impl ImportReport {
    /// Whether the library changed, so the server must reload it.
    pub fn changed(&self) -> bool {
        !self.added.is_empty() || !self.status_changes.is_empty() || self.synonyms_updated
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    #[error("the library has {} problem(s); nothing was imported", .0.len())]
    Invalid(Vec<ImportError>),
    #[error(transparent)]
    Store(#[from] anyhow::Error),
}

/// Validates `files` and, only if every file is valid and nothing contradicts the stored
/// library, stores the new versions and status changes.
pub async fn import(store: &Store, files: &[SourceFile], now: &str) -> Result<ImportReport, ImportFailure> {
    plan(store, files, now, true).await
}

/// One new version an import would add, and how it differs from the policy's current one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct PreviewedVersion {
    pub slug: String,
    pub number: u32,
    pub title: String,
    pub file: String,
    pub status: casebook_core::policy::VersionStatus,
    /// The policy's current version it is compared with; `None` for a new policy.
    pub compared_with: Option<u32>,
    pub sections_changed: usize,
    pub sections_added: usize,
    pub sections_removed: usize,
    pub actions_changed: usize,
}

/// What importing a folder would change, without writing anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ImportPreview {
    #[serde(flatten)]
    pub report: ImportReport,
    pub versions: Vec<PreviewedVersion>,
}

/// What importing `files` on top of the stored library would change (new versions compared
/// with the current ones of `current`), without writing anything.
pub async fn preview(
    store: &Store,
    files: &[SourceFile],
    now: &str,
    current: &Library,
) -> Result<ImportPreview, ImportFailure> {
    use casebook_core::diff::{Status, compare};
    let plan = planned(store, files, now, false).await?;
    let versions = plan
        .additions
        .iter()
        .map(|added| {
            let base = current.policy(added.slug.as_str()).and_then(|p| p.current());
            let diff = base.map(|base| compare(base, &added.version));
            let count = |status| diff.as_ref().map_or(0, |d| d.count(status));
            PreviewedVersion {
                slug: added.slug.to_string(),
                number: added.version.number,
                title: added.title.clone(),
                file: added.file.clone(),
                status: added.version.status,
                compared_with: base.map(|b| b.number),
                sections_changed: count(Status::Changed),
                sections_added: diff
                    .as_ref()
                    .map_or(added.version.sections.len(), |d| d.count(Status::Added)),
                sections_removed: count(Status::Removed),
                actions_changed: diff.as_ref().map_or(0, |d| {
                    d.actions.iter().filter(|a| a.status != Status::Unchanged).count()
                }),
            }
        })
        .collect();
    Ok(ImportPreview {
        report: report(plan),
        versions,
    })
}

async fn plan(store: &Store, files: &[SourceFile], now: &str, apply: bool) -> Result<ImportReport, ImportFailure> {
    Ok(report(planned(store, files, now, apply).await?))
}

async fn planned(
    store: &Store,
    files: &[SourceFile],
    now: &str,
    apply: bool,
) -> Result<casebook_core::import::ImportPlan, ImportFailure> {
    let parsed = parse_library(files).map_err(ImportFailure::Invalid)?;
    store
        .import_library(parsed, now, apply)
        .await?
        .map_err(ImportFailure::Invalid)
}

fn report(plan: casebook_core::import::ImportPlan) -> ImportReport {
    ImportReport {
        added: plan
            .additions
            .iter()
            .map(|a| format!("{} v{}", a.slug, a.version.number))
            .collect(),
        status_changes: plan.status_changes,
        unchanged: plan.unchanged,
        synonyms_updated: plan.synonyms.is_some(),
    }
}

/// Reads a library folder from disk: every `.md` and `synonyms.yaml`, paths relative to `dir`.
/// Symbolic links are not followed (a link to a parent folder would never end), and a folder
/// with more files, a file larger, or more text in all than an import takes is refused
/// before it is read.
pub fn read_folder(dir: &Path) -> anyhow::Result<Vec<SourceFile>> {
    let mut files = Vec::new();
    let mut total = 0u64;
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries =
            std::fs::read_dir(&folder).with_context(|| format!("cannot read the folder {}", folder.display()))?;
        for entry in entries {
            let entry = entry?;
            let path = entry.path();
            let kind = entry.file_type()?;
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_file() && is_library_file(&path.to_string_lossy()) {
                anyhow::ensure!(
                    files.len() < MAX_FILES,
                    "the folder {} holds more than {MAX_FILES} library files; import it in parts",
                    dir.display()
                );
                let size = entry.metadata()?.len();
                anyhow::ensure!(
                    size <= MAX_FILE_BYTES as u64,
                    "{} is larger than {} KiB",
                    path.display(),
                    MAX_FILE_BYTES / 1024
                );
                total += size;
                anyhow::ensure!(
                    total <= MAX_LIBRARY_BYTES as u64,
                    "the folder {} holds more than {} MiB of library files; import it in parts",
                    dir.display(),
                    MAX_LIBRARY_BYTES / (1024 * 1024)
                );
                let text = std::fs::read_to_string(&path)
                    .with_context(|| format!("cannot read {} as UTF-8 text", path.display()))?;
                let relative = path
                    .strip_prefix(dir)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                files.push(SourceFile { path: relative, text });
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn is_library_file(path: &str) -> bool {
    path.ends_with(".md") || path.ends_with("synonyms.yaml") || path.ends_with("synonyms.yml")
}

/// The demo library's files, embedded in the binary.
pub fn demo_files() -> Vec<SourceFile> {
    let mut files = Vec::new();
    let mut pending = vec![&DEMO_LIBRARY];
    while let Some(dir) = pending.pop() {
        pending.extend(dir.dirs());
        for file in dir.files() {
            let path = file.path().to_string_lossy().replace('\\', "/");
            if let (true, Some(text)) = (is_library_file(&path), file.contents_utf8()) {
                files.push(SourceFile {
                    path,
                    text: text.to_string(),
                });
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}
