//! Templates and notes on the one write path ([`crate::sync`]).
//!
//! - `template/{id}` (the root, tool [`Templates`]): `org` (the owning organisation, set
//!   first, never changed), `shared_with` (other organisations that may use it: only the
//!   platform shares), and `v{n}` for each published version n = 1, 2, …, the whole
//!   [`Template`] as JSON. A version is written once: editing a template publishes the next
//!   version, and a published version never changes.
//! - `note/{id}` (the root, tool [`Notes`]): `org` (the author's organisation, set first,
//!   never changed) and `note`, the whole [`Note`] as JSON, written once. An amendment is a
//!   new note whose `amends` names the note it replaces.
//!
//! Who reads: a template, its organisation and those it is shared with; a note, only its
//! author's organisation (never another vendor, and never the platform unless the platform
//! wrote it). Who writes: specialists, trainers and admins of the owning organisation author
//! and publish templates (the platform's also share them); agents, specialists and admins
//! write notes in their own organisation; trainers write no notes. The server enforces it on
//! every push; the app asks the same rules before queueing an edit.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::pii::PiiKind;
use super::{FieldKind, Language, MAX_RENDERED_CHARS, Template, check_value, parse_policy_ref};
use crate::scope::{Actor, Scope};
use crate::sync::{Op, Overlay};
use crate::tool::{Refusal, RootState, Tool};
use crate::wire::Role;

/// Most versions one template may have.
pub const MAX_VERSIONS: u32 = 500;
/// Most organisations a template is shared with.
pub const MAX_SHARED: usize = 100;
/// Most policy references a note records.
pub const MAX_POLICY_REFS: usize = 20;
/// The largest stored template version or note, in bytes of JSON: one sync value.
pub const MAX_JSON_BYTES: usize = crate::sync::MAX_VALUE_BYTES;

/// A saved note. Its author and time of arrival are the sync change's; `at_ms` is when it
/// was written on the device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub template: String,
    pub version: u32,
    pub lang: Language,
    pub values: BTreeMap<String, String>,
    #[serde(default)]
    pub policy_refs: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_id: Option<String>,
    /// The text as copied.
    pub text: String,
    pub at_ms: u64,
    /// Personal data the author chose to keep, by kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kept_personal_data: Vec<PiiKind>,
    /// The note this one amends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amends: Option<String>,
    /// The sweep item the note was written for (`sweep/{id}/item/{n}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sweep_item: Option<String>,
}

impl Note {
    /// `template@version`.
    pub fn template_ref(&self) -> String {
        format!("{}@{}", self.template, self.version)
    }

    /// Checks the note's own bounds and shapes (not the template it came from, which the
    /// author may not be able to see any more).
    pub fn check(&self) -> Result<(), String> {
        if !super::valid_template_id(&self.template) || self.version == 0 || self.version > MAX_VERSIONS {
            return Err("the note must name its template and version".into());
        }
        if self.text.trim().is_empty() {
            return Err("the note's text must not be empty".into());
        }
        if self.text.chars().count() > MAX_RENDERED_CHARS {
            return Err(format!(
                "the note's text may be at most {MAX_RENDERED_CHARS} characters"
            ));
        }
        if self.values.len() > super::MAX_FIELDS {
            return Err(format!("a note records at most {} values", super::MAX_FIELDS));
        }
        let text_field = super::FieldDef {
            name: "value".into(),
            label: "value".into(),
            kind: FieldKind::Multiline,
            required: false,
            default: String::new(),
            help: String::new(),
        };
        for (name, value) in &self.values {
            if name.len() > 40 || check_value(&text_field, value).is_some() {
                return Err(format!("the value of {name:?} is too long or holds control characters"));
            }
        }
        if self.policy_refs.len() > MAX_POLICY_REFS || self.policy_refs.iter().any(|r| parse_policy_ref(r).is_none()) {
            return Err(format!(
                "a note records at most {MAX_POLICY_REFS} policy sections, each as policy#section@version"
            ));
        }
        if let Some(case) = &self.case_id
            && (case.is_empty() || case.chars().count() > 64 || case.chars().any(|c| c.is_control()))
        {
            return Err("the case id must be 1 to 64 characters".into());
        }
        if self.amends.as_deref().is_some_and(|id| !valid_note_id(id)) {
            return Err("a note amends another note, named by its id".into());
        }
        if self
            .sweep_item
            .as_deref()
            .is_some_and(|item| item.len() > 80 || !item.starts_with("sweep/"))
        {
            return Err("a note links to a sweep item as sweep/{id}/item/{n}".into());
        }
        Ok(())
    }
}

/// A note id: 6 to 40 lowercase letters and digits (the app draws one at random).
pub fn valid_note_id(id: &str) -> bool {
    (6..=40).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

pub fn template_object(id: &str) -> String {
    format!("template/{id}")
}

pub fn note_object(id: &str) -> String {
    format!("note/{id}")
}

fn version_field(n: u32) -> String {
    format!("v{n}")
}

fn parse_version_field(field: &str) -> Option<u32> {
    let n = field.strip_prefix('v')?;
    let v: u32 = n.parse().ok()?;
    ((1..=MAX_VERSIONS).contains(&v) && v.to_string() == n).then_some(v)
}

/// Whether `role` authors templates.
pub fn authors_templates(role: Role) -> bool {
    matches!(role, Role::Specialist | Role::Trainer | Role::Admin)
}

/// Whether `role` writes notes.
pub fn writes_notes(role: Role) -> bool {
    matches!(role, Role::Agent | Role::Specialist | Role::Admin)
}

fn json_size(value: &Value) -> usize {
    serde_json::to_vec(value).map_or(usize::MAX, |v| v.len())
}

/// The highest published version in a template root's state.
fn latest(root: &RootState) -> u32 {
    root.fields
        .iter()
        .filter(|(_, f)| !f.value.is_null())
        .filter_map(|(name, _)| parse_version_field(name))
        .max()
        .unwrap_or(0)
}

/// The templates tool, registered in [`crate::tool::TOOLS`].
#[derive(Debug, Clone, Copy)]
pub struct Templates;

impl Tool for Templates {
    fn root<'a>(&self, object: &'a str) -> Option<&'a str> {
        let id = object.strip_prefix("template/")?;
        super::valid_template_id(id).then_some(object)
    }

    fn scope(&self, root: &RootState) -> Option<Scope> {
        crate::tool::shared_scope(root)
    }

    fn check(&self, actor: &Actor<'_>, root: &RootState, op: &Op) -> Result<(), Refusal> {
        let Op::SetField {
            object, field, value, ..
        } = op;
        let Some(id) = self.root(object).and_then(|o| o.strip_prefix("template/")) else {
            return Err(Refusal::NoSuchObject(format!(
                "{object}/{field} is not something Casebook stores"
            )));
        };
        let Some(scope) = self.scope(root) else {
            return crate::tool::check_creation(
                actor,
                true,
                field,
                value,
                authors_templates(actor.role),
                [
                    "only specialists, trainers and admins write templates",
                    "a template belongs to the organisation that writes it",
                    "this template does not exist",
                ],
            );
        };
        if !scope.may_read(actor.org_id) {
            return Err(Refusal::OutOfScope);
        }
        if scope.owner() != actor.org_id || !authors_templates(actor.role) {
            return Err(Refusal::NotAllowed(
                "only specialists, trainers and admins of the owning organisation change a template".into(),
            ));
        }
        match field.as_str() {
            "org" => Err(Refusal::Invalid(
                "a template's organisation is set when it is created and never changes".into(),
            )),
            "shared_with" => crate::tool::check_shared_with(actor, value, MAX_SHARED, ("templates", "a template")),
            name => {
                let Some(n) = parse_version_field(name) else {
                    return Err(Refusal::NoSuchObject(format!(
                        "{object}/{field} is not something Casebook stores"
                    )));
                };
                if root.fields.contains_key(name) {
                    return Err(Refusal::Invalid(format!(
                        "version {n} is published and never changes: publish version {} instead",
                        latest(root) + 1
                    )));
                }
                if n != latest(root) + 1 {
                    return Err(Refusal::Invalid(format!(
                        "the next version of this template is {}",
                        latest(root) + 1
                    )));
                }
                if json_size(value) > MAX_JSON_BYTES {
                    return Err(Refusal::Invalid(format!(
                        "a template version may be at most {} KB",
                        MAX_JSON_BYTES / 1024
                    )));
                }
                let template: Template = serde_json::from_value(value.clone())
                    .map_err(|e| Refusal::Invalid(format!("not a template: {e}")))?;
                if template.id != id || template.version != n {
                    return Err(Refusal::Invalid(format!(
                        "version {n} of {id} must say it is {id} version {n}"
                    )));
                }
                template
                    .check()
                    .map_err(|errors| Refusal::Invalid(errors.first().map_or_else(String::new, ToString::to_string)))
            }
        }
    }

    fn describe(&self, view: &Overlay<'_>, object: &str, field: &str, value: &Value) -> String {
        let id = object.strip_prefix("template/").unwrap_or(object);
        let name = latest_template(view, id).map_or_else(|| id.to_string(), |t| t.name);
        match (field, value) {
            (f, Value::Object(_)) if parse_version_field(f).is_some() => format!("{name} · version {}", &f[1..]),
            ("shared_with", _) => format!("{name} · shared"),
            _ => format!("{name} · {field}"),
        }
    }
}

/// The notes tool, registered in [`crate::tool::TOOLS`].
#[derive(Debug, Clone, Copy)]
pub struct Notes;

impl Tool for Notes {
    fn root<'a>(&self, object: &'a str) -> Option<&'a str> {
        valid_note_id(object.strip_prefix("note/")?).then_some(object)
    }

    fn scope(&self, root: &RootState) -> Option<Scope> {
        Some(Scope::Org {
            org: root.str("org")?.to_string(),
        })
    }

    fn check(&self, actor: &Actor<'_>, root: &RootState, op: &Op) -> Result<(), Refusal> {
        let Op::SetField {
            object, field, value, ..
        } = op;
        if self.root(object).is_none() {
            return Err(Refusal::NoSuchObject(format!(
                "{object}/{field} is not something Casebook stores"
            )));
        }
        let Some(scope) = self.scope(root) else {
            let role = format!("a {} does not write case notes", actor.role.label().to_lowercase());
            return crate::tool::check_creation(
                actor,
                true,
                field,
                value,
                writes_notes(actor.role),
                [
                    &role,
                    "a note belongs to its author's organisation",
                    "this note does not exist",
                ],
            );
        };
        if !scope.may_read(actor.org_id) {
            return Err(Refusal::OutOfScope);
        }
        match field.as_str() {
            "org" => Err(Refusal::Invalid(
                "a note's organisation is set when it is written and never changes".into(),
            )),
            "note" if !writes_notes(actor.role) => Err(Refusal::NotAllowed(format!(
                "a {} does not write case notes",
                actor.role.label().to_lowercase()
            ))),
            "note" if root.fields.contains_key("note") => Err(Refusal::Invalid(
                "a saved note never changes: write an amendment instead".into(),
            )),
            "note" => {
                if json_size(value) > MAX_JSON_BYTES {
                    return Err(Refusal::Invalid(format!(
                        "a note may be at most {} KB",
                        MAX_JSON_BYTES / 1024
                    )));
                }
                let note: Note =
                    serde_json::from_value(value.clone()).map_err(|e| Refusal::Invalid(format!("not a note: {e}")))?;
                note.check().map_err(Refusal::Invalid)
            }
            _ => Err(Refusal::NoSuchObject(format!(
                "{object}/{field} is not something Casebook stores"
            ))),
        }
    }

    fn describe(&self, view: &Overlay<'_>, object: &str, field: &str, value: &Value) -> String {
        let _ = view;
        match (field, serde_json::from_value::<Note>(value.clone())) {
            ("note", Ok(note)) => {
                let case = note.case_id.as_ref().map(|c| format!(" · {c}")).unwrap_or_default();
                format!("Note from {}{case}", note.template_ref())
            }
            _ => format!("{object} · {field}"),
        }
    }
}

fn set(object: String, field: &str, value: Value) -> Op {
    Op::SetField {
        object,
        field: field.into(),
        value,
        base: 0,
    }
}

/// The edits that publish `template` as its version: creating the root first when it is
/// version 1 (for organisation `org`).
pub fn publish(template: &Template, org: &str) -> Result<Vec<Op>, serde_json::Error> {
    let object = template_object(&template.id);
    let mut ops = Vec::new();
    if template.version == 1 {
        ops.push(set(object.clone(), "org", Value::from(org)));
    }
    ops.push(set(
        object,
        &version_field(template.version),
        serde_json::to_value(template)?,
    ));
    Ok(ops)
}

/// The edit that shares template `id` with exactly `orgs`.
pub fn share(view: &Overlay<'_>, id: &str, orgs: &BTreeSet<String>) -> Op {
    crate::tool::share_op(view, template_object(id), orgs)
}

/// The organisations template `id` is shared with, as shown.
pub fn shared(view: &Overlay<'_>, id: &str) -> BTreeSet<String> {
    view.get(&template_object(id), "shared_with")
        .value
        .and_then(Value::as_array)
        .map(|orgs| orgs.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .unwrap_or_default()
}

/// The organisation that owns template `id`, as shown.
pub fn owner(view: &Overlay<'_>, id: &str) -> Option<String> {
    view.get(&template_object(id), "org")
        .value
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// The edits that save `note` as note `id` in organisation `org`.
pub fn save(id: &str, org: &str, note: &Note) -> Result<Vec<Op>, serde_json::Error> {
    let object = note_object(id);
    Ok(vec![
        set(object.clone(), "org", Value::from(org)),
        set(object, "note", serde_json::to_value(note)?),
    ])
}

/// Every version of template `id` as shown, oldest first.
pub fn versions(view: &Overlay<'_>, id: &str) -> Vec<Template> {
    let object = template_object(id);
    let mut out: Vec<Template> = view
        .fields_of(&object)
        .into_iter()
        .filter(|f| parse_version_field(f).is_some())
        .filter_map(|f| view.get(&object, f).value.cloned())
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect();
    out.sort_by_key(|t| t.version);
    out
}

/// The newest version of template `id`, as shown.
pub fn latest_template(view: &Overlay<'_>, id: &str) -> Option<Template> {
    versions(view, id).pop()
}

/// Every template's newest version, as shown, by name.
pub fn list(view: &Overlay<'_>) -> Vec<Template> {
    let ids: Vec<&str> = view
        .objects_with("org")
        .into_iter()
        .filter_map(|o| o.strip_prefix("template/"))
        .collect();
    let mut out: Vec<Template> = ids.iter().filter_map(|id| latest_template(view, id)).collect();
    out.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    out
}

/// A note as read back: its id, author and whether it waits to be sent.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedNote {
    pub id: String,
    pub note: Note,
    pub author: String,
    pub pending: bool,
}

/// Every note, newest first.
pub fn notes(view: &Overlay<'_>) -> Vec<SavedNote> {
    let ids: Vec<&str> = view
        .objects_with("note")
        .into_iter()
        .filter_map(|o| o.strip_prefix("note/"))
        .collect();
    let mut out: Vec<SavedNote> = ids
        .into_iter()
        .filter_map(|id| {
            let shown = view.get(&note_object(id), "note");
            let note: Note = serde_json::from_value(shown.value?.clone()).ok()?;
            Some(SavedNote {
                author: shown.field.map(|f| f.author.clone()).unwrap_or_default(),
                pending: shown.pending,
                id: id.to_string(),
                note,
            })
        })
        .collect();
    out.sort_by(|a, b| b.note.at_ms.cmp(&a.note.at_ms).then(a.id.cmp(&b.id)));
    out
}

/// The chain of amendments: for each amended note's id, the id of the newest note amending
/// it (a note amended twice points at the later amendment).
pub fn amendments(all: &[SavedNote]) -> BTreeMap<&str, &str> {
    let mut out: BTreeMap<&str, (&str, u64)> = BTreeMap::new();
    for n in all {
        if let Some(old) = n.note.amends.as_deref() {
            let entry = out.entry(old).or_insert((n.id.as_str(), n.note.at_ms));
            if n.note.at_ms > entry.1 {
                *entry = (n.id.as_str(), n.note.at_ms);
            }
        }
    }
    out.into_iter().map(|(old, (new, _))| (old, new)).collect()
}

/// The words of a text, lowercased (borrowed when already lowercase): what [`NoteSearch`]
/// indexes and a query is split into.
fn words(text: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.chars().any(char::is_uppercase) {
                std::borrow::Cow::Owned(w.to_lowercase())
            } else {
                std::borrow::Cow::Borrowed(w)
            }
        })
}

/// FNV-1a: a fixed, fast hash for short words (no random seed: core uses no randomness).
type Fnv = std::hash::BuildHasherDefault<FnvHasher>;

#[derive(Debug, Clone, Copy)]
struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The note history's search, built once per set of notes: every word of a note's case id,
/// policy references, template reference and text, with the notes holding it. A query
/// matches the notes holding, for each of its words, a word that starts with it.
#[derive(Debug, Clone, Default)]
pub struct NoteSearch {
    /// Sorted by word.
    postings: Vec<(String, Vec<u32>)>,
    count: usize,
}

impl NoteSearch {
    pub fn new<'a>(all: &'a [SavedNote]) -> NoteSearch {
        let mut postings: std::collections::HashMap<std::borrow::Cow<'a, str>, Vec<u32>, Fnv> =
            std::collections::HashMap::default();
        for (i, n) in all.iter().enumerate() {
            let note = &n.note;
            let fields = [note.case_id.as_deref().unwrap_or(""), &note.template, &note.text]
                .into_iter()
                .chain(note.policy_refs.iter().map(String::as_str));
            let version = std::iter::once(std::borrow::Cow::Owned(note.version.to_string()));
            for word in fields.flat_map(words).chain(version) {
                let list = postings.entry(word).or_default();
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        let mut postings: Vec<(String, Vec<u32>)> = postings.into_iter().map(|(w, d)| (w.into_owned(), d)).collect();
        postings.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        NoteSearch {
            postings,
            count: all.len(),
        }
    }

    /// The positions (in the list it was built from) of the notes matching `query`, in list
    /// order; every note for an empty query.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let blocks = self.count.div_ceil(64);
        let mut all = vec![u64::MAX; blocks];
        let mut any_word = false;
        for word in words(query).take(16) {
            any_word = true;
            let mut found = vec![0u64; blocks];
            let start = self.postings.partition_point(|(w, _)| w.as_str() < word.as_ref());
            for (_, docs) in self.postings[start..]
                .iter()
                .take_while(|(w, _)| w.starts_with(word.as_ref()))
            {
                for d in docs {
                    found[*d as usize / 64] |= 1 << (d % 64);
                }
            }
            for (a, f) in all.iter_mut().zip(found) {
                *a &= f;
            }
        }
        if !any_word {
            return (0..self.count).collect();
        }
        (0..self.count).filter(|d| all[d / 64] & (1 << (d % 64)) != 0).collect()
    }
}

#[cfg(test)]
mod tests;
