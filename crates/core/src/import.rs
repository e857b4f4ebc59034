//! Reading the policy library from the files policy teams keep in git: Markdown with YAML
//! front matter, one file per policy version, and a `synonyms.yaml`.
//!
//! The caller reads the files (this crate does no IO) and hands over their paths and text.
//! Every problem is reported with its file, line, what is wrong and how to fix it, and all
//! problems are collected, not just the first, so one round of fixes suffices.
//!
//! Every input is bounded before it is kept: the number and size of files, the length of
//! every stored field and list, and how deeply a section body nests (`MAX_NESTING`), each
//! refused with an error that says which limit was passed.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::document::{MAX_NESTING, parse_markdown};
use crate::library::{Library, SynonymGroup};
use crate::policy::{
    Anchor, EnforcementAction, IsoDate, Lang, Policy, PolicyArea, PolicyVersion, Section, Severity, Slug, VersionStatus,
};

/// Most files one import reads.
pub const MAX_FILES: usize = 2_000;
/// Largest file one import reads, in bytes.
pub const MAX_FILE_BYTES: usize = 512 * 1024;
/// Largest library (all files together) one import reads, in bytes: it is held in memory and
/// shipped whole to every browser.
pub const MAX_LIBRARY_BYTES: usize = 32 * 1024 * 1024;
/// Longest file path, in bytes.
pub const MAX_PATH_BYTES: usize = 300;
/// Longest one-line field (title, owner, region, heading, action name, synonym), in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest prose field (summary, an action's `when`), in characters.
pub const MAX_PROSE_CHARS: usize = 2_000;
/// Most entries in a front matter list (regions, languages, actions) or a synonym group.
pub const MAX_LIST_ITEMS: usize = 50;
/// Most sections in one policy version.
pub const MAX_SECTIONS: usize = 200;
/// Most groups in the synonym list.
pub const MAX_SYNONYM_GROUPS: usize = 5_000;
/// Largest front matter, in bytes.
pub const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;
/// How deeply YAML flow collections (`[…]`, `{…}`) may nest. The YAML parser reads every
/// level before its own recursion limit applies, slowly, so deeper text is refused first.
pub const MAX_YAML_NESTING: usize = 8;

/// One file of the library, as read by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the library folder, with `/` separators.
    pub path: String,
    pub text: String,
}

/// A precise, actionable problem in one file.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportError {
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    pub message: String,
    pub hint: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {} ({})", self.file, self.line, self.message, self.hint)
    }
}

/// One policy version read from one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedVersion {
    pub file: String,
    pub slug: Slug,
    pub title: String,
    pub area: PolicyArea,
    pub owner: String,
    pub regions: Vec<String>,
    pub languages: Vec<Lang>,
    pub version: PolicyVersion,
    /// SHA-256 of the file's text with line endings normalised; equal hashes mean an unchanged file.
    pub source_hash: String,
    /// The 1-based line of `status:` in the file, where a contradiction is reported.
    pub status_line: usize,
}

impl ParsedVersion {
    /// The hash of what the version says, leaving out its status (see [`text_hash`]).
    pub fn text_hash(&self) -> String {
        text_hash(
            &self.title,
            self.area,
            &self.owner,
            &self.regions,
            &self.languages,
            &self.version,
        )
    }
}

/// SHA-256 (hex) of everything a version says except its status and the status's date: two
/// files with equal text hashes are the same version, one possibly with a new status. The
/// server computes it from stored rows, so it hashes the parsed form, not the file's text.
pub fn text_hash(
    title: &str,
    area: PolicyArea,
    owner: &str,
    regions: &[String],
    languages: &[Lang],
    version: &PolicyVersion,
) -> String {
    let text = PolicyVersion {
        status: VersionStatus::Draft,
        status_since: None,
        ..version.clone()
    };
    let json = serde_json::to_vec(&(title, area, owner, regions, languages, &text))
        .expect("policy types serialise to JSON: no maps with non-string keys");
    hex(&Sha256::digest(json))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Everything read from a library folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedLibrary {
    pub versions: Vec<ParsedVersion>,
    /// `None` when the folder has no synonym file: the current list is then kept.
    pub synonyms: Option<Vec<SynonymGroup>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    slug: String,
    title: String,
    area: String,
    owner: String,
    regions: Vec<String>,
    languages: Vec<String>,
    version: u32,
    status: String,
    #[serde(default)]
    status_since: Option<String>,
    effective: String,
    verified_until: String,
    summary: String,
    actions: Vec<ActionMatter>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionMatter {
    name: String,
    severity: String,
    when: String,
}

/// Reads a whole library folder: every `.md` file is a policy version, `synonyms.yaml` the
/// synonym list; a `README.md` at the top is documentation and is skipped. Either every file
/// is valid, or the result lists every problem found.
pub fn parse_library(files: &[SourceFile]) -> Result<ParsedLibrary, Vec<ImportError>> {
    let mut errors = Vec::new();
    let mut versions = Vec::new();
    let mut synonyms: Option<Vec<SynonymGroup>> = None;
    let total: usize = files.iter().map(|f| f.text.len()).sum();
    let too_large = if files.len() > MAX_FILES {
        Some(format!("the folder holds {} files, more than {MAX_FILES}", files.len()))
    } else if total > MAX_LIBRARY_BYTES {
        Some(format!(
            "the folder's files hold {} MiB, more than {}",
            total / (1024 * 1024),
            MAX_LIBRARY_BYTES / (1024 * 1024)
        ))
    } else {
        None
    };
    if let Some(message) = too_large {
        return Err(vec![ImportError {
            file: String::new(),
            line: 0,
            message,
            hint: "import the library in parts, or remove files that are not policies".into(),
        }]);
    }
    for file in files {
        let name = file.path.rsplit('/').next().unwrap_or(&file.path);
        if file.path.eq_ignore_ascii_case("readme.md") {
            continue;
        }
        if name == "synonyms.yaml" || name == "synonyms.yml" {
            match parse_synonyms(file) {
                Ok(groups) => synonyms.get_or_insert_with(Vec::new).extend(groups),
                Err(mut e) => errors.append(&mut e),
            }
        } else if name.ends_with(".md") {
            match parse_policy_file(file) {
                Ok(parsed) => versions.push(parsed),
                Err(mut e) => errors.append(&mut e),
            }
        }
    }
    let mut seen: BTreeMap<(&str, u32), &str> = BTreeMap::new();
    for parsed in &versions {
        let key = (parsed.slug.as_str(), parsed.version.number);
        if let Some(first) = seen.insert(key, &parsed.file) {
            errors.push(ImportError {
                file: parsed.file.clone(),
                line: front_matter_line(files_text(files, &parsed.file), "version"),
                message: format!("{} version {} is also defined in {first}", key.0, key.1),
                hint: "give each version of a policy its own number".into(),
            });
        }
    }
    if versions.is_empty() && errors.is_empty() {
        errors.push(ImportError {
            file: String::new(),
            line: 0,
            message: "the folder holds no policy files".into(),
            hint: "add Markdown files (*.md) with YAML front matter, one per policy version".into(),
        });
    }
    if errors.is_empty() {
        versions.sort_by(|a, b| (&a.slug, a.version.number).cmp(&(&b.slug, b.version.number)));
        Ok(ParsedLibrary { versions, synonyms })
    } else {
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        Err(errors)
    }
}

fn files_text<'a>(files: &'a [SourceFile], path: &str) -> &'a str {
    files.iter().find(|f| f.path == path).map_or("", |f| f.text.as_str())
}

/// Groups parsed versions into a library. The metadata of a policy (title, area, …) is taken
/// from its highest-numbered version.
pub fn assemble(parsed: ParsedLibrary) -> Library {
    let mut by_slug: BTreeMap<Slug, Policy> = BTreeMap::new();
    for p in parsed.versions {
        let policy = by_slug.entry(p.slug.clone()).or_insert_with(|| Policy {
            slug: p.slug.clone(),
            title: String::new(),
            area: p.area,
            owner: String::new(),
            regions: vec![],
            languages: vec![],
            versions: vec![],
        });
        if policy.versions.last().is_none_or(|v| v.number < p.version.number) {
            policy.title = p.title;
            policy.area = p.area;
            policy.owner = p.owner;
            policy.regions = p.regions;
            policy.languages = p.languages;
        }
        policy.versions.push(p.version);
        policy.versions.sort_by_key(|v| v.number);
    }
    let mut library = Library {
        policies: by_slug.into_values().collect(),
        synonyms: parsed.synonyms.unwrap_or_default(),
    };
    library.normalize();
    library
}

/// A version already in the store, as far as importing needs to know it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredVersion {
    pub slug: Slug,
    pub number: u32,
    /// The hash of the file it was first imported from.
    pub source_hash: String,
    /// See [`text_hash`].
    pub text_hash: String,
    pub effective: IsoDate,
    /// Its status now (which later imports may have changed).
    pub status: VersionStatus,
    pub status_since: Option<IsoDate>,
}

/// A version's status moving on; its text stays as it is.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub slug: Slug,
    pub number: u32,
    pub from: VersionStatus,
    pub to: VersionStatus,
    pub since: Option<IsoDate>,
    /// The file that declared the new status, or `None` when publishing `superseded_by`
    /// superseded this version.
    pub file: Option<String>,
    pub superseded_by: Option<u32>,
}

/// What an import will change. Applying it adds versions and moves the status of stored
/// ones; the text of a stored version is never rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPlan {
    /// New versions, numbered as they will be stored.
    pub additions: Vec<ParsedVersion>,
    /// Stored versions whose status changes, in slug and number order.
    pub status_changes: Vec<StatusChange>,
    /// Files whose content is already stored.
    pub unchanged: usize,
    /// The new synonym list, when it differs from the current one.
    pub synonyms: Option<Vec<SynonymGroup>>,
}

impl ImportPlan {
    pub fn is_empty(&self) -> bool {
        self.additions.is_empty() && self.status_changes.is_empty() && self.synonyms.is_none()
    }
}

/// Decides what importing `parsed` on top of `existing` changes, deterministically:
/// - a file whose content hash is already stored for its policy changes nothing, so
///   re-importing the same folder is a no-op;
/// - a file that says what its stored version says, with another status (`retired`,
///   `superseded`, or a draft now `published`), is a status change: no text is copied;
/// - a new file keeps the version number it declares when that number is free;
/// - a changed file (its number is taken by other content) becomes a new version, numbered
///   after the highest one of its policy. Stored text is never rewritten;
/// - publishing a version supersedes the policy's previously published one, dated the new
///   version's `effective` date, so a policy has at most one published version.
///
/// Contradictions are errors with the file and line of the `status:` that causes them: two
/// versions of one policy published by the same import, a version published below a later
/// published one, and a status going back (to draft, or from retired/superseded to published).
pub fn plan_import(
    existing: &[StoredVersion],
    parsed: ParsedLibrary,
    current_synonyms: &[SynonymGroup],
) -> Result<ImportPlan, Vec<ImportError>> {
    let mut taken: BTreeMap<Slug, Vec<u32>> = BTreeMap::new();
    let mut hashes: BTreeMap<(Slug, String), ()> = BTreeMap::new();
    let mut stored: BTreeMap<(Slug, u32), &StoredVersion> = BTreeMap::new();
    for version in existing {
        taken.entry(version.slug.clone()).or_default().push(version.number);
        hashes.insert((version.slug.clone(), version.source_hash.clone()), ());
        stored.insert((version.slug.clone(), version.number), version);
    }
    let mut errors = Vec::new();
    let mut unchanged = 0;
    let mut keep = Vec::new();
    let mut renumber = Vec::new();
    let mut declared: Vec<(StatusChange, usize)> = Vec::new();
    for version in parsed.versions {
        let key = (version.slug.clone(), version.version.number);
        let same_text = stored.get(&key).filter(|s| s.text_hash == version.text_hash());
        if hashes.contains_key(&(version.slug.clone(), version.source_hash.clone())) {
            unchanged += 1;
        } else if let Some(before) = same_text {
            let (to, since) = (version.version.status, version.version.status_since.clone());
            if (before.status, &before.status_since) == (to, &since) {
                unchanged += 1;
            } else if let Some(refusal) = refused_transition(before, to) {
                errors.push(ImportError {
                    file: version.file.clone(),
                    line: version.status_line,
                    message: format!("{} v{}: {refusal}", version.slug, version.version.number),
                    hint: "publish the text again as a new version, with the next number".into(),
                });
            } else {
                let change = StatusChange {
                    slug: version.slug.clone(),
                    number: version.version.number,
                    from: before.status,
                    to,
                    since,
                    file: Some(version.file.clone()),
                    superseded_by: None,
                };
                declared.push((change, version.status_line));
            }
        } else if stored.contains_key(&key) {
            renumber.push(version);
        } else {
            taken.entry(key.0).or_default().push(key.1);
            keep.push(version);
        }
    }
    for mut version in renumber {
        let numbers = taken.entry(version.slug.clone()).or_default();
        let next = numbers.iter().max().copied().unwrap_or(0) + 1;
        numbers.push(next);
        version.version.number = next;
        keep.push(version);
    }
    keep.sort_by(|a, b| (&a.slug, a.version.number).cmp(&(&b.slug, b.version.number)));
    let status_changes = supersede(existing, &keep, declared, &mut errors);
    if !errors.is_empty() {
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        return Err(errors);
    }
    let synonyms = parsed.synonyms.filter(|new| new.as_slice() != current_synonyms);
    Ok(ImportPlan {
        additions: keep,
        status_changes,
        unchanged,
        synonyms,
    })
}

/// Why a stored version's status may not move to `to`, if it may not.
fn refused_transition(before: &StoredVersion, to: VersionStatus) -> Option<String> {
    let since = before
        .status_since
        .as_ref()
        .map(|d| format!(" since {d}"))
        .unwrap_or_default();
    match (before.status, to) {
        (VersionStatus::Draft, _) => None,
        (from, VersionStatus::Draft) => Some(format!("is {}{since}; a version cannot go back to draft", from.id())),
        (from, VersionStatus::Published) if from.has_ended() => Some(format!(
            "is {}{since}; a version that left service is not published again",
            from.id()
        )),
        _ => None,
    }
}

/// Checks that each policy ends the import with at most one published version, and adds the
/// automatic supersessions to the declared status changes.
fn supersede(
    existing: &[StoredVersion],
    additions: &[ParsedVersion],
    declared: Vec<(StatusChange, usize)>,
    errors: &mut Vec<ImportError>,
) -> Vec<StatusChange> {
    // Every version's status after the declared changes, and what publishes in this import:
    // (slug, number) -> (status, the file and line that publish it).
    let mut status: BTreeMap<(Slug, u32), VersionStatus> = BTreeMap::new();
    for version in existing {
        status.insert((version.slug.clone(), version.number), version.status);
    }
    let mut publishing: BTreeMap<Slug, Vec<(u32, String, usize, IsoDate)>> = BTreeMap::new();
    for added in additions {
        status.insert((added.slug.clone(), added.version.number), added.version.status);
        if added.version.status == VersionStatus::Published {
            publishing.entry(added.slug.clone()).or_default().push((
                added.version.number,
                added.file.clone(),
                added.status_line,
                added.version.effective.clone(),
            ));
        }
    }
    for (change, line) in &declared {
        status.insert((change.slug.clone(), change.number), change.to);
        let stored = existing
            .iter()
            .find(|v| v.slug == change.slug && v.number == change.number);
        if let (VersionStatus::Published, Some(stored)) = (change.to, stored) {
            publishing.entry(change.slug.clone()).or_default().push((
                change.number,
                change.file.clone().unwrap_or_default(),
                *line,
                stored.effective.clone(),
            ));
        }
    }
    let mut changes: Vec<StatusChange> = declared.into_iter().map(|(c, _)| c).collect();
    for (slug, mut published) in publishing {
        published.sort_by_key(|p| p.0);
        let (number, file, line, effective) = published.pop().expect("each entry holds a version");
        for (other, other_file, other_line, _) in &published {
            errors.push(ImportError {
                file: other_file.clone(),
                line: *other_line,
                message: format!("{slug} v{other} and v{number} ({file}) are both published by this import"),
                hint: "a policy has one published version: mark the older one `status: superseded` with `status_since`, or import them one at a time".into(),
            });
        }
        let later = status
            .range((slug.clone(), number + 1)..=(slug.clone(), u32::MAX))
            .find(|(_, s)| **s == VersionStatus::Published);
        if let Some(((_, later), _)) = later {
            errors.push(ImportError {
                file: file.clone(),
                line,
                message: format!("{slug} v{number} would be published while the later v{later} is published"),
                hint: format!("retire or supersede v{later} in the same import, or publish a version after it"),
            });
            continue;
        }
        let earlier: Vec<(u32, VersionStatus)> = status
            .range((slug.clone(), 0)..(slug.clone(), number))
            .filter(|(_, s)| **s == VersionStatus::Published)
            .map(|((_, n), s)| (*n, *s))
            .collect();
        for (old, _) in earlier {
            let from = existing
                .iter()
                .find(|v| v.slug == slug && v.number == old)
                .map_or(VersionStatus::Published, |v| v.status);
            changes.retain(|c| !(c.slug == slug && c.number == old));
            changes.push(StatusChange {
                slug: slug.clone(),
                number: old,
                from,
                to: VersionStatus::Superseded,
                since: Some(effective.clone()),
                file: None,
                superseded_by: Some(number),
            });
        }
    }
    changes.sort_by(|a, b| (&a.slug, a.number).cmp(&(&b.slug, b.number)));
    changes
}

/// SHA-256 (hex) of a text with CRLF normalised to LF, so a checkout on Windows is "unchanged".
pub fn content_hash(text: &str) -> String {
    let normalized = text.replace("\r\n", "\n");
    hex(&Sha256::digest(normalized.as_bytes()))
}

pub(crate) fn error(
    file: &SourceFile,
    line: usize,
    message: impl Into<String>,
    hint: impl Into<String>,
) -> ImportError {
    ImportError {
        file: file.path.clone(),
        line,
        message: message.into(),
        hint: hint.into(),
    }
}

/// Refuses a file too large to read, or with a path too long to store.
fn check_size(file: &SourceFile) -> Result<(), Vec<ImportError>> {
    if file.path.len() > MAX_PATH_BYTES {
        let short: String = file.path.chars().take(60).collect();
        return Err(vec![ImportError {
            file: format!("{short}…"),
            line: 0,
            message: format!("the file's path is longer than {MAX_PATH_BYTES} bytes"),
            hint: "use shorter folder and file names".into(),
        }]);
    }
    if file.text.len() > MAX_FILE_BYTES {
        return Err(vec![error(
            file,
            0,
            format!("the file is larger than {} KiB", MAX_FILE_BYTES / 1024),
            "split the policy, or move long material out of the library",
        )]);
    }
    Ok(())
}

/// The 1-based line (counting from `first_line`) where YAML flow collections nest deeper than
/// [`MAX_YAML_NESTING`], if they do. Quoted text and comments are skipped; a bracket in plain
/// text counts, which only matters for text no policy holds.
fn too_deep_yaml(yaml: &str, first_line: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut line = first_line;
    let mut quote: Option<char> = None;
    let mut chars = yaml.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (_, '\n') => {
                line += 1;
                if quote.is_none() {
                    continue;
                }
            }
            (Some('"'), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') => while chars.next_if(|&c| c != '\n').is_some() {},
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_YAML_NESTING {
                    return Some(line);
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            (None, _) => {}
        }
    }
    None
}

/// Refuses YAML too large or too deeply nested to hand to the YAML parser.
pub(crate) fn check_yaml(
    file: &SourceFile,
    yaml: &str,
    first_line: usize,
    what: &str,
    max_bytes: usize,
) -> Result<(), Vec<ImportError>> {
    if yaml.len() > max_bytes {
        return Err(vec![error(
            file,
            first_line,
            format!("the {what} is larger than {} KiB", max_bytes / 1024),
            "keep long text in the policy's sections",
        )]);
    }
    match too_deep_yaml(yaml, first_line) {
        Some(line) => Err(vec![error(
            file,
            line,
            format!("the {what} nests lists or maps more than {MAX_YAML_NESTING} deep"),
            "write lists flat, e.g. `[global, eu]`",
        )]),
        None => Ok(()),
    }
}

/// Refuses a field longer than `max` characters.
fn check_length(errors: &mut Vec<ImportError>, file: &SourceFile, line: usize, what: &str, value: &str, max: usize) {
    if value.chars().count() > max {
        errors.push(error(
            file,
            line,
            format!("{what} is longer than {max} characters"),
            format!("shorten the {what}"),
        ));
    }
}

/// Refuses a list with more than `max` entries.
fn check_count(errors: &mut Vec<ImportError>, file: &SourceFile, line: usize, what: &str, count: usize, max: usize) {
    if count > max {
        errors.push(error(
            file,
            line,
            format!("{what} has {count} entries, more than {max}"),
            format!("keep {what} to {max} entries"),
        ));
    }
}

/// The 1-based line of `key:` in a file's front matter, or 1 when it is absent.
pub(crate) fn front_matter_line(text: &str, key: &str) -> usize {
    text.lines()
        .enumerate()
        .skip(1)
        .take_while(|(_, line)| line.trim_end() != "---")
        .find(|(_, line)| {
            line.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map_or(1, |(i, _)| i + 1)
}

/// The 1-based line of the first line containing `needle`.
fn line_of(text: &str, needle: &str) -> Option<usize> {
    text.lines().position(|line| line.contains(needle)).map(|i| i + 1)
}

/// A source file's text with a leading byte-order mark removed and CRLF line ends made LF.
pub(crate) fn without_bom_and_crlf(text: &str) -> String {
    text.strip_prefix('\u{feff}').unwrap_or(text).replace("\r\n", "\n")
}

/// The lines of a Markdown file that opens with YAML front matter, and the index of the line
/// that closes it; `what` names what the front matter describes ("policy", "template").
pub(crate) fn split_front_matter<'t>(
    file: &SourceFile,
    text: &'t str,
    what: &str,
) -> Result<(Vec<&'t str>, usize), Vec<ImportError>> {
    let lines: Vec<&str> = text.split('\n').collect();
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return Err(vec![error(
            file,
            1,
            "the file does not start with YAML front matter",
            format!("begin the file with a line `---`, the {what}'s fields, then another `---`"),
        )]);
    }
    let Some(close) = lines.iter().skip(1).position(|l| l.trim_end() == "---").map(|i| i + 1) else {
        return Err(vec![error(
            file,
            1,
            "the front matter is never closed",
            "end the front matter with a line that holds only `---`",
        )]);
    };
    Ok((lines, close))
}

/// Parses one policy version file.
pub fn parse_policy_file(file: &SourceFile) -> Result<ParsedVersion, Vec<ImportError>> {
    check_size(file)?;
    let owned = without_bom_and_crlf(&file.text);
    let text = owned.as_str();
    let (lines, close) = split_front_matter(file, text, "policy")?;
    let yaml = lines[1..close].join("\n");
    check_yaml(file, &yaml, 2, "front matter", MAX_FRONT_MATTER_BYTES)?;
    let matter: FrontMatter = match serde_yaml_ng::from_str(&yaml) {
        Ok(m) => m,
        Err(e) => {
            let line = e.location().map_or(1, |l| l.line() + 1);
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message).to_string();
            return Err(vec![error(
                file,
                line,
                format!("front matter: {message}"),
                "fields are slug, title, area, owner, regions, languages, version, status, status_since (for superseded or retired versions), effective, verified_until, summary and actions (name, severity, when)",
            )]);
        }
    };

    let mut errors = Vec::new();
    let at = |key: &str| front_matter_line(text, key);

    let slug = Slug::new(matter.slug.clone())
        .map_err(|e| {
            errors.push(error(
                file,
                at("slug"),
                format!("slug {:?} {e}", matter.slug),
                "use a name like `private-information`",
            ))
        })
        .ok();
    let area = PolicyArea::from_id(&matter.area);
    if area.is_none() {
        let known: Vec<&str> = PolicyArea::ALL.iter().map(|a| a.id()).collect();
        errors.push(error(
            file,
            at("area"),
            format!("unknown area {:?}", matter.area),
            format!("use one of: {}", known.join(", ")),
        ));
    }
    let status = match matter.status.as_str() {
        "draft" => Some(VersionStatus::Draft),
        "published" => Some(VersionStatus::Published),
        "superseded" => Some(VersionStatus::Superseded),
        "retired" => Some(VersionStatus::Retired),
        other => {
            errors.push(error(
                file,
                at("status"),
                format!("unknown status {other:?}"),
                "use draft, published, superseded or retired",
            ));
            None
        }
    };
    let mut date = |key: &str, value: &str| {
        IsoDate::new(value)
            .map_err(|e| {
                errors.push(error(
                    file,
                    at(key),
                    format!("{key}: {e}"),
                    "write dates as YYYY-MM-DD, e.g. 2026-03-01",
                ))
            })
            .ok()
    };
    let effective = date("effective", &matter.effective);
    let verified_until = date("verified_until", &matter.verified_until);
    let status_since = matter
        .status_since
        .as_deref()
        .and_then(|since| date("status_since", since));
    if let (Some(from), Some(until)) = (&effective, &verified_until)
        && until < from
    {
        errors.push(error(
            file,
            at("verified_until"),
            format!("verified_until {until} is before effective {from}"),
            "a policy is verified from its effective date onwards",
        ));
    }
    match (status, &matter.status_since) {
        (Some(status), None) if status.has_ended() => errors.push(error(
            file,
            at("status"),
            format!("a {} version needs the date it left service", status.id()),
            format!("add `status_since: YYYY-MM-DD` after `status: {}`", status.id()),
        )),
        (Some(status), Some(_)) if !status.has_ended() => errors.push(error(
            file,
            at("status_since"),
            format!("a {} version has no status_since", status.id()),
            "status_since dates a version's retirement or supersession; remove it",
        )),
        _ => {}
    }
    if let (Some(from), Some(since)) = (&effective, &status_since)
        && since < from
    {
        errors.push(error(
            file,
            at("status_since"),
            format!("status_since {since} is before effective {from}"),
            "a version leaves service after it took effect",
        ));
    }
    if matter.version == 0 {
        errors.push(error(
            file,
            at("version"),
            "version must be 1 or more",
            "number versions 1, 2, 3, …",
        ));
    }
    for (key, value) in [
        ("title", &matter.title),
        ("owner", &matter.owner),
        ("summary", &matter.summary),
    ] {
        if value.trim().is_empty() {
            errors.push(error(
                file,
                at(key),
                format!("{key} is empty"),
                format!("write the policy's {key}"),
            ));
        }
    }
    for (key, value, max) in [
        ("title", &matter.title, MAX_NAME_CHARS),
        ("owner", &matter.owner, MAX_NAME_CHARS),
        ("summary", &matter.summary, MAX_PROSE_CHARS),
    ] {
        check_length(&mut errors, file, at(key), key, value.trim(), max);
    }
    for (key, count) in [
        ("regions", matter.regions.len()),
        ("languages", matter.languages.len()),
        ("actions", matter.actions.len()),
    ] {
        check_count(&mut errors, file, at(key), key, count, MAX_LIST_ITEMS);
    }
    for region in &matter.regions {
        check_length(&mut errors, file, at("regions"), "a region", region, MAX_NAME_CHARS);
    }
    let mut languages = Vec::new();
    for code in &matter.languages {
        match Lang::new(code.clone()) {
            Ok(lang) => languages.push(lang),
            Err(e) => errors.push(error(file, at("languages"), e, "list ISO 639-1 codes, e.g. [en, es]")),
        }
    }
    if matter.languages.is_empty() {
        errors.push(error(
            file,
            at("languages"),
            "languages is empty",
            "list the languages the sections are written in, e.g. [en]",
        ));
    }
    let mut actions = Vec::new();
    for action in &matter.actions {
        let severity = match action.severity.as_str() {
            "low" => Severity::Low,
            "medium" => Severity::Medium,
            "high" => Severity::High,
            "critical" => Severity::Critical,
            other => {
                let line = line_of(text, &format!("severity: {other}")).unwrap_or_else(|| at("actions"));
                errors.push(error(
                    file,
                    line,
                    format!("action {:?}: unknown severity {other:?}", action.name),
                    "use low, medium, high or critical",
                ));
                continue;
            }
        };
        let line = line_of(text, action.name.trim()).unwrap_or_else(|| at("actions"));
        check_length(
            &mut errors,
            file,
            line,
            "an action's name",
            action.name.trim(),
            MAX_NAME_CHARS,
        );
        check_length(
            &mut errors,
            file,
            line,
            "an action's when",
            action.when.trim(),
            MAX_PROSE_CHARS,
        );
        if action.name.trim().is_empty() {
            errors.push(error(
                file,
                at("actions"),
                "an action has an empty name",
                "name the action, e.g. Remove content",
            ));
        }
        actions.push(EnforcementAction {
            name: action.name.trim().into(),
            severity,
            when: action.when.trim().into(),
        });
    }
    if matter.actions.is_empty() {
        errors.push(error(
            file,
            at("actions"),
            "no enforcement actions",
            "list at least one action with name, severity and when",
        ));
    }

    let sections = parse_sections(file, &lines, close + 1, &languages, &mut errors);

    match (slug, area, status, effective, verified_until) {
        (Some(slug), Some(area), Some(status), Some(effective), Some(verified_until)) if errors.is_empty() => {
            Ok(ParsedVersion {
                file: file.path.clone(),
                slug,
                title: matter.title.trim().into(),
                area,
                owner: matter.owner.trim().into(),
                regions: matter.regions,
                languages,
                version: PolicyVersion {
                    number: matter.version,
                    status,
                    status_since,
                    effective,
                    verified_until,
                    summary: matter.summary.trim().into(),
                    sections,
                    actions,
                },
                source_hash: content_hash(&file.text),
                status_line: at("status"),
            })
        }
        _ => Err(errors),
    }
}

/// Splits the body (from line index `start`) at `## ` headings into sections.
fn parse_sections(
    file: &SourceFile,
    lines: &[&str],
    start: usize,
    languages: &[Lang],
    errors: &mut Vec<ImportError>,
) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut open: Option<OpenSection> = None;
    let mut in_fence = false;
    let mut finish = |open: Option<OpenSection>, errors: &mut Vec<ImportError>| {
        if let Some(OpenSection {
            line,
            anchor: Some(anchor),
            heading,
            lang,
            body,
        }) = open
        {
            if sections.iter().any(|s| s.anchor == anchor) {
                errors.push(error(
                    file,
                    line,
                    format!("anchor #{anchor} is used twice"),
                    "give every section its own anchor",
                ));
            }
            match parse_markdown(&body) {
                Ok(blocks) => sections.push(Section {
                    anchor,
                    heading,
                    lang,
                    body: blocks,
                }),
                Err(too_deep) => errors.push(error(
                    file,
                    line + 1 + body[..too_deep.offset].matches('\n').count(),
                    format!("blocks are nested more than {MAX_NESTING} deep"),
                    format!(
                        "quotes, lists, list items, paragraphs, emphasis and links count one level each; keep to {MAX_NESTING}"
                    ),
                )),
            }
        }
    };
    for (index, raw) in lines.iter().enumerate().skip(start) {
        let line_no = index + 1;
        if raw.trim_start().starts_with("```") || raw.trim_start().starts_with("~~~") {
            in_fence = !in_fence;
        }
        if !in_fence && let Some(rest) = raw.strip_prefix("## ") {
            finish(open.take(), errors);
            open = Some(parse_heading(file, line_no, rest, languages, errors));
            continue;
        }
        match &mut open {
            Some(section) => {
                section.body.push_str(raw);
                section.body.push('\n');
            }
            None if raw.trim().is_empty() => {}
            None => {
                errors.push(error(
                    file,
                    line_no,
                    "text before the first section heading",
                    "start the body with a `## Heading {#anchor}` line",
                ));
                // Report this once per file.
                open = Some(OpenSection {
                    line: line_no,
                    anchor: None,
                    heading: String::new(),
                    lang: None,
                    body: String::new(),
                });
            }
        }
    }
    finish(open, errors);
    check_count(
        errors,
        file,
        start + 1,
        "the body's sections",
        sections.len(),
        MAX_SECTIONS,
    );
    if sections.is_empty() && errors.is_empty() {
        errors.push(error(
            file,
            lines.len(),
            "the policy has no sections",
            "add sections, each starting with `## Heading {#anchor}`",
        ));
    }
    sections
}

fn parse_heading(
    file: &SourceFile,
    line: usize,
    rest: &str,
    languages: &[Lang],
    errors: &mut Vec<ImportError>,
) -> OpenSection {
    let rest = rest.trim();
    let hint = "end every section heading with an anchor, e.g. `## Exceptions {#exceptions}` or `{#resumen lang=es}`";
    let Some((heading, attrs)) = rest.strip_suffix('}').and_then(|r| r.rsplit_once('{')) else {
        errors.push(error(file, line, format!("heading {rest:?} has no anchor"), hint));
        return OpenSection {
            line,
            anchor: None,
            heading: rest.into(),
            lang: None,
            body: String::new(),
        };
    };
    let heading = heading.trim().to_string();
    check_length(errors, file, line, "section heading", &heading, MAX_NAME_CHARS);
    if heading.is_empty() {
        errors.push(error(
            file,
            line,
            "a section heading is empty",
            "write the heading before its anchor",
        ));
    }
    let mut anchor = None;
    let mut lang = None;
    for attr in attrs.split_whitespace() {
        if let Some(id) = attr.strip_prefix('#') {
            match Anchor::new(id) {
                Ok(a) => anchor = Some(a),
                Err(e) => errors.push(error(
                    file,
                    line,
                    format!("anchor #{id} {e}"),
                    "use a name like `not-allowed`",
                )),
            }
        } else if let Some(code) = attr.strip_prefix("lang=") {
            match Lang::new(code) {
                Ok(l) if languages.contains(&l) => lang = Some(l),
                Ok(l) => errors.push(error(
                    file,
                    line,
                    format!("section language {l} is not in the policy's languages"),
                    format!("add {l} to `languages` in the front matter"),
                )),
                Err(e) => errors.push(error(file, line, e, "use lang=es, lang=ar, lang=ja, …")),
            }
        } else {
            errors.push(error(file, line, format!("unknown heading attribute {attr:?}"), hint));
        }
    }
    if anchor.is_none() && !attrs.contains('#') {
        errors.push(error(file, line, format!("heading {heading:?} has no anchor"), hint));
    }
    OpenSection {
        line,
        anchor,
        heading,
        lang,
        body: String::new(),
    }
}

/// A section whose body is still being collected.
struct OpenSection {
    line: usize,
    anchor: Option<Anchor>,
    heading: String,
    lang: Option<Lang>,
    body: String,
}

/// Parses `synonyms.yaml`: a list of groups, each a list of equivalent terms.
pub fn parse_synonyms(file: &SourceFile) -> Result<Vec<SynonymGroup>, Vec<ImportError>> {
    check_size(file)?;
    check_yaml(file, &file.text, 1, "synonym list", MAX_FILE_BYTES)?;
    let groups: Vec<Vec<String>> = serde_yaml_ng::from_str(&file.text).map_err(|e| {
        vec![error(
            file,
            e.location().map_or(0, |l| l.line()),
            format!(
                "synonyms: {}",
                e.to_string().split(" at line ").next().unwrap_or_default()
            ),
            "write a list of groups, one per line: `- [doxxing, private information]`",
        )]
    })?;
    let mut errors = Vec::new();
    check_count(
        &mut errors,
        file,
        1,
        "the synonym list",
        groups.len(),
        MAX_SYNONYM_GROUPS,
    );
    let mut out = Vec::new();
    for (i, group) in groups.into_iter().enumerate() {
        check_count(&mut errors, file, i + 1, "a synonym group", group.len(), MAX_LIST_ITEMS);
        for term in &group {
            check_length(&mut errors, file, i + 1, "a synonym", term.trim(), MAX_NAME_CHARS);
        }
        let terms: Vec<String> = group
            .iter()
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty())
            .collect();
        if terms.len() < 2 {
            errors.push(error(
                file,
                i + 1,
                "a synonym group needs at least two terms",
                "list two or more terms that mean the same",
            ));
        } else {
            out.push(terms);
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}
