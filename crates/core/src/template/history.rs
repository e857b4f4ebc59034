//! What changed between two published versions of a template, part by part: its settings,
//! its fields (one line each) and each language's name and body, word by word
//! ([`crate::diff::diff_words`]). Pure: the app shows it on a template's version history.

use serde::{Deserialize, Serialize};

use super::{FieldDef, FieldKind, Language, Template};
use crate::diff::{Status, Words, diff_words};

/// One part of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Part {
    /// Name, kind, policy area and default language.
    Settings,
    /// The fields, one line each.
    Fields,
    /// One language's name, labels and body.
    Body(Language),
}

/// What changed in one part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartDiff {
    pub part: Part,
    pub status: Status,
    /// The part's text, word by word (empty when unchanged).
    pub words: Vec<Words>,
}

/// One field as one line, in the words of the import format's front matter.
pub fn field_line(f: &FieldDef) -> String {
    let mut line = format!("{} · {} · {}", f.name, f.kind.code(), f.label);
    if f.required {
        line.push_str(" · required");
    }
    match &f.kind {
        FieldKind::Choice { options } => line.push_str(&format!(" · options: {}", options.join(" | "))),
        FieldKind::CaseId { pattern } => line.push_str(&format!(" · pattern: {pattern}")),
        FieldKind::Number { min, max } => {
            if let Some(min) = min {
                line.push_str(&format!(" · min: {min}"));
            }
            if let Some(max) = max {
                line.push_str(&format!(" · max: {max}"));
            }
        }
        _ => {}
    }
    if !f.default.is_empty() {
        line.push_str(&format!(" · default: {}", f.default));
    }
    if !f.help.is_empty() {
        line.push_str(&format!(" · help: {}", f.help));
    }
    line
}

/// A part's text, or `None` when the template does not have it (a language with no body).
pub fn part_text(t: &Template, part: Part) -> Option<String> {
    match part {
        Part::Settings => Some(format!(
            "name: {}\nkind: {}\narea: {}\ndefault_lang: {}\n",
            t.name,
            t.kind.code(),
            t.area,
            t.default_lang.code()
        )),
        Part::Fields => Some(t.fields.iter().map(|f| field_line(f) + "\n").collect()),
        Part::Body(lang) => t.variants.get(&lang).map(|v| {
            let mut text = String::new();
            if let Some(name) = &v.name {
                text.push_str(&format!("name: {name}\n"));
            }
            for (field, label) in &v.labels {
                text.push_str(&format!("label {field}: {label}\n"));
            }
            text.push_str(&v.body);
            text
        }),
    }
}

/// Every part of `old` and `new`, settings first, then fields, then languages in order.
pub fn compare(old: &Template, new: &Template) -> Vec<PartDiff> {
    let parts = [Part::Settings, Part::Fields]
        .into_iter()
        .chain(Language::ALL.into_iter().map(Part::Body));
    parts
        .filter_map(|part| {
            let (status, words) = match (part_text(old, part), part_text(new, part)) {
                (None, None) => return None,
                (None, Some(n)) => (Status::Added, vec![Words::Inserted(n)]),
                (Some(o), None) => (Status::Removed, vec![Words::Deleted(o)]),
                (Some(o), Some(n)) if o == n => (Status::Unchanged, Vec::new()),
                (Some(o), Some(n)) => (Status::Changed, diff_words(&o, &n)),
            };
            Some(PartDiff { part, status, words })
        })
        .collect()
}

/// Whether `new` says the same as `old` in every part (their versions aside): publishing it
/// would add a version that changes nothing.
pub fn same_content(old: &Template, new: &Template) -> bool {
    compare(old, new).iter().all(|d| d.status == Status::Unchanged) && old.id == new.id
}

/// What importing (or publishing) a template adds next to its newest stored version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Planned {
    /// A template not stored yet: version 1.
    New,
    /// The next version, with what changed since the newest.
    NextVersion { from: u32, changes: Vec<PartDiff> },
    /// The same as the newest version: nothing to publish.
    Unchanged { version: u32 },
}

/// Numbers `incoming` as the version after `latest` (1 when there is none) and says what
/// publishing it adds.
pub fn plan(incoming: &mut Template, latest: Option<&Template>) -> Planned {
    match latest {
        None => {
            incoming.version = 1;
            Planned::New
        }
        Some(latest) if same_content(latest, incoming) => {
            incoming.version = latest.version;
            Planned::Unchanged {
                version: latest.version,
            }
        }
        Some(latest) => {
            incoming.version = latest.version + 1;
            Planned::NextVersion {
                from: latest.version,
                changes: compare(latest, incoming)
                    .into_iter()
                    .filter(|d| d.status != Status::Unchanged)
                    .collect(),
            }
        }
    }
}
