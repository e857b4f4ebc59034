//! Reading lists: a trainer's ordered list of policy sections, each pinned to a version and
//! with the trainer's note, that new hires tick off as they read. On the one write path
//! ([`crate::sync`]), so a list works offline once opened and is shared like a sweep.
//!
//! - `reading/{id}` (the root, tool [`ReadingLists`]): `org` (the owning organisation, set
//!   first, never changed), `shared_with` (other organisations that read it: only the
//!   platform shares), `title` (1 to [`MAX_TITLE_CHARS`]), `description` (at most
//!   [`MAX_DESCRIPTION_CHARS`]) and `items`, the whole ordered list as one JSON array of
//!   [`Item`]s (at most [`MAX_ITEMS`], each with a key unique in the list, a policy section
//!   pinned to a version and a note of at most [`MAX_NOTE_CHARS`]; the array is one sync
//!   value, so at most 16 KB).
//! - `reading/{id}/read/{person}`: `k{key}`, the version of item `key` that the person read
//!   (a positive number), or null when they untick it.
//!
//! Who reads: a list, its organisation and those it is shared with. A read mark is the
//! reader's organisation's data: it reaches that organisation and the list's owner (the
//! trainer sees who read what), never another organisation the list is shared with; a mark
//! made in the owning organisation stays there ([`ReadingLists`]'s audience).
//! Who writes: trainers, specialists and admins of the owning organisation create and edit a
//! list (the platform's also share it); every person of a reading organisation marks items
//! read, for themselves only. The server enforces it on every push; the app asks the same
//! rules before queueing an edit.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::diff::{SectionDiff, Status};
use crate::library::Library;
use crate::scope::{Actor, Scope};
use crate::sync::{Op, Overlay};
use crate::tool::{Refusal, RootState, Tool};
use crate::wire::Role;

/// Most items one list holds.
pub const MAX_ITEMS: usize = 40;
/// Most organisations one list is shared with.
pub const MAX_SHARED: usize = 100;
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 2_000;
pub const MAX_NOTE_CHARS: usize = 300;
/// The largest item key (keys are drawn as 1 + the largest in the list).
pub const MAX_KEY: u32 = 1_000_000;
/// The largest policy version an item or a read mark names.
pub const MAX_VERSION: u32 = 100_000;

/// One entry of a list: a policy section at a version, with the trainer's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Names the item across edits and reorderings: read marks refer to it.
    pub key: u32,
    pub policy: String,
    pub section: String,
    pub version: u32,
    #[serde(default)]
    pub note: String,
}

impl Item {
    /// `policy#section@version`.
    pub fn reference(&self) -> String {
        format!("{}#{}@{}", self.policy, self.section, self.version)
    }

    /// The address of the section at the listed version.
    pub fn href(&self) -> String {
        format!("/policies/{}/v/{}#{}", self.policy, self.version, self.section)
    }
}

/// A list as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingList {
    pub id: String,
    pub org: String,
    pub shared_with: BTreeSet<String>,
    pub title: String,
    pub description: String,
    pub items: Vec<Item>,
    /// Who wrote the current items (a name and organisation), for "by …".
    pub author: String,
}

/// What is wrong with a list the editor is about to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListProblem {
    NoTitle,
    TitleTooLong,
    DescriptionTooLong,
    TooManyItems,
    NoteTooLong(u32),
    BadItem(u32),
    DuplicateKey(u32),
    Control,
    /// Together the items are more than one sync value holds.
    TooLarge,
}

impl std::fmt::Display for ListProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ListProblem::NoTitle => write!(f, "a reading list needs a title"),
            ListProblem::TitleTooLong => write!(f, "the title may be at most {MAX_TITLE_CHARS} characters"),
            ListProblem::DescriptionTooLong => {
                write!(f, "the description may be at most {MAX_DESCRIPTION_CHARS} characters")
            }
            ListProblem::TooManyItems => write!(f, "a reading list holds at most {MAX_ITEMS} sections"),
            ListProblem::NoteTooLong(k) => {
                write!(f, "the note of item {k} may be at most {MAX_NOTE_CHARS} characters")
            }
            ListProblem::BadItem(k) => write!(
                f,
                "item {k} must name a policy, a section and a version (1 to {MAX_VERSION})"
            ),
            ListProblem::DuplicateKey(k) => write!(f, "two items share the key {k}"),
            ListProblem::Control => write!(f, "the text holds control characters"),
            ListProblem::TooLarge => write!(
                f,
                "the items are more than {} KB together: shorten the notes",
                crate::sync::MAX_VALUE_BYTES / 1024
            ),
        }
    }
}

fn has_control(s: &str, multiline: bool) -> bool {
    s.chars()
        .any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
}

pub fn check_title(title: &str) -> Result<(), ListProblem> {
    if title.trim().is_empty() {
        return Err(ListProblem::NoTitle);
    }
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(ListProblem::TitleTooLong);
    }
    if has_control(title, false) {
        return Err(ListProblem::Control);
    }
    Ok(())
}

pub fn check_description(text: &str) -> Result<(), ListProblem> {
    if text.chars().count() > MAX_DESCRIPTION_CHARS {
        return Err(ListProblem::DescriptionTooLong);
    }
    if has_control(text, true) {
        return Err(ListProblem::Control);
    }
    Ok(())
}

/// Checks the items of a list: their count, each one's shape and bounds, unique keys, and
/// their size together.
pub fn check_items(items: &[Item]) -> Result<(), ListProblem> {
    if items.len() > MAX_ITEMS {
        return Err(ListProblem::TooManyItems);
    }
    let mut keys = BTreeSet::new();
    for item in items {
        let kebab = |s: &str| crate::policy::Slug::new(s).is_ok();
        if !(1..=MAX_KEY).contains(&item.key)
            || !kebab(&item.policy)
            || !kebab(&item.section)
            || !(1..=MAX_VERSION).contains(&item.version)
        {
            return Err(ListProblem::BadItem(item.key));
        }
        if item.note.chars().count() > MAX_NOTE_CHARS {
            return Err(ListProblem::NoteTooLong(item.key));
        }
        if has_control(&item.note, true) {
            return Err(ListProblem::Control);
        }
        if !keys.insert(item.key) {
            return Err(ListProblem::DuplicateKey(item.key));
        }
    }
    let size = serde_json::to_vec(items).map_or(usize::MAX, |v| v.len());
    if size > crate::sync::MAX_VALUE_BYTES {
        return Err(ListProblem::TooLarge);
    }
    Ok(())
}

/// A list id: 6 to 40 lowercase letters and digits (the app draws one at random).
pub fn valid_id(id: &str) -> bool {
    (6..=40).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

pub fn list_object(id: &str) -> String {
    format!("reading/{id}")
}

/// The object holding `person`'s read marks on list `id`.
pub fn marks_object(id: &str, person: &str) -> String {
    format!("reading/{id}/read/{person}")
}

/// The field of a read mark on item `key`.
pub fn mark_field(key: u32) -> String {
    format!("k{key}")
}

fn parse_mark_field(field: &str) -> Option<u32> {
    let n = field.strip_prefix('k')?;
    let key: u32 = n.parse().ok()?;
    ((1..=MAX_KEY).contains(&key) && key.to_string() == n).then_some(key)
}

/// What an object name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Object<'a> {
    List(&'a str),
    Marks(&'a str, &'a str),
}

fn parse(object: &str) -> Option<Object<'_>> {
    let rest = object.strip_prefix("reading/")?;
    match rest.split_once("/read/") {
        None => valid_id(rest).then_some(Object::List(rest)),
        Some((id, person)) => {
            (valid_id(id) && crate::sweep::valid_person_id(person)).then_some(Object::Marks(id, person))
        }
    }
}

/// Whether `role` writes reading lists.
pub fn writes_lists(role: Role) -> bool {
    matches!(role, Role::Trainer | Role::Specialist | Role::Admin)
}

fn text(value: &Value, check: fn(&str) -> Result<(), ListProblem>) -> Result<(), Refusal> {
    let s = value
        .as_str()
        .ok_or_else(|| Refusal::Invalid("the value must be text".into()))?;
    check(s).map_err(|p| Refusal::Invalid(p.to_string()))
}

/// The items a root's `items` value holds (none when it is missing or does not read back).
fn items_of(value: Option<&Value>) -> Vec<Item> {
    value
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default()
}

/// The reading lists tool, registered in [`crate::tool::TOOLS`].
#[derive(Debug, Clone, Copy)]
pub struct ReadingLists;

impl Tool for ReadingLists {
    fn root<'a>(&self, object: &'a str) -> Option<&'a str> {
        match parse(object)? {
            Object::List(_) => Some(object),
            Object::Marks(id, _) => Some(&object[.."reading/".len() + id.len()]),
        }
    }

    fn scope(&self, root: &RootState) -> Option<Scope> {
        crate::tool::shared_scope(root)
    }

    fn check(&self, actor: &Actor<'_>, root: &RootState, op: &Op) -> Result<(), Refusal> {
        let Op::SetField {
            object, field, value, ..
        } = op;
        let unknown = || Refusal::NoSuchObject(format!("{object}/{field} is not something Casebook stores"));
        let parsed = parse(object).ok_or_else(unknown)?;
        let Some(scope) = self.scope(root) else {
            return crate::tool::check_creation(
                actor,
                matches!(parsed, Object::List(_)),
                field,
                value,
                writes_lists(actor.role),
                [
                    "only trainers, specialists and admins write reading lists",
                    "a reading list belongs to the organisation that writes it",
                    "this reading list does not exist",
                ],
            );
        };
        if !scope.may_read(actor.org_id) {
            return Err(Refusal::OutOfScope);
        }
        match parsed {
            Object::List(_) => {
                if scope.owner() != actor.org_id || !writes_lists(actor.role) {
                    return Err(Refusal::NotAllowed(
                        "only trainers, specialists and admins of the owning organisation change a reading list".into(),
                    ));
                }
                match field.as_str() {
                    "org" => Err(Refusal::Invalid(
                        "a reading list's organisation is set when it is created and never changes".into(),
                    )),
                    "shared_with" => {
                        crate::tool::check_shared_with(actor, value, MAX_SHARED, ("reading lists", "a reading list"))
                    }
                    "title" => text(value, check_title),
                    "description" => text(value, check_description),
                    "items" => {
                        let items: Vec<Item> = serde_json::from_value(value.clone())
                            .map_err(|e| Refusal::Invalid(format!("not a list of sections: {e}")))?;
                        check_items(&items).map_err(|p| Refusal::Invalid(p.to_string()))
                    }
                    _ => Err(unknown()),
                }
            }
            Object::Marks(_, person) => {
                if parse_mark_field(field).is_none() {
                    return Err(unknown());
                }
                if person != actor.person {
                    return Err(Refusal::NotAllowed("people mark items read for themselves only".into()));
                }
                match value {
                    Value::Null => Ok(()),
                    v if v.as_u64().is_some_and(|n| (1..=u64::from(MAX_VERSION)).contains(&n)) => Ok(()),
                    _ => Err(Refusal::Invalid(
                        "a read mark is the version read, or null to untick it".into(),
                    )),
                }
            }
        }
    }

    /// A read mark is its reader's organisation's: it reaches that organisation and the
    /// list's owner, never the other organisations the list is shared with.
    fn audience(&self, actor: &Actor<'_>, root: &RootState, op: &Op) -> Option<String> {
        let (object, _) = op.field_key();
        root.str("org")?;
        match parse(object)? {
            Object::Marks(..) => Some(actor.org_id.to_string()),
            Object::List(_) => None,
        }
    }

    fn describe(&self, view: &Overlay<'_>, object: &str, field: &str, value: &Value) -> String {
        match parse(object) {
            Some(Object::List(id)) => {
                let title = view.get(&list_object(id), "title");
                let name = match title.as_str() {
                    "" => format!("reading list {id}"),
                    t => t.to_string(),
                };
                format!("{name} · {field}")
            }
            Some(Object::Marks(id, _)) => {
                let list = load(view, id);
                let title = list.as_ref().map_or_else(|| id.to_string(), |l| l.title.clone());
                let item = parse_mark_field(field)
                    .and_then(|k| list.as_ref()?.items.iter().find(|i| i.key == k).map(Item::reference))
                    .unwrap_or_else(|| field.to_string());
                let what = if value.is_null() { "unread" } else { "read" };
                format!("{title} · {item} {what}")
            }
            None => format!("{object} · {field}"),
        }
    }
}

fn set(object: String, field: &str, value: Value, base: u64) -> Op {
    Op::SetField {
        object,
        field: field.into(),
        value,
        base,
    }
}

/// The edits that create list `id` for organisation `org`, shared with `shared`.
pub fn create(
    id: &str,
    org: &str,
    title: &str,
    description: &str,
    items: &[Item],
    shared: &BTreeSet<String>,
) -> Result<Vec<Op>, ListProblem> {
    check_title(title)?;
    check_description(description)?;
    check_items(items)?;
    let object = list_object(id);
    let mut ops = vec![
        set(object.clone(), "org", Value::from(org), 0),
        set(object.clone(), "title", Value::from(title.trim()), 0),
        set(object.clone(), "description", Value::from(description), 0),
        set(object.clone(), "items", items_value(items), 0),
    ];
    if !shared.is_empty() {
        ops.push(set(
            object,
            "shared_with",
            Value::from(shared.iter().cloned().collect::<Vec<_>>()),
            0,
        ));
    }
    Ok(ops)
}

fn items_value(items: &[Item]) -> Value {
    serde_json::to_value(items).unwrap_or(Value::Null)
}

/// The edits that change list `id` to these title, description and items: only the fields
/// that differ from what the device shows, each made on the value it has seen.
pub fn save(
    view: &Overlay<'_>,
    id: &str,
    title: &str,
    description: &str,
    items: &[Item],
) -> Result<Vec<Op>, ListProblem> {
    check_title(title)?;
    check_description(description)?;
    check_items(items)?;
    let object = list_object(id);
    let mut ops = Vec::new();
    for (field, value) in [
        ("title", Value::from(title.trim())),
        ("description", Value::from(description)),
        ("items", items_value(items)),
    ] {
        let shown = view.get(&object, field);
        if shown.value != Some(&value) {
            ops.push(set(object.clone(), field, value, shown.base()));
        }
    }
    Ok(ops)
}

/// The edit that shares list `id` with exactly `orgs`.
pub fn share(view: &Overlay<'_>, id: &str, orgs: &BTreeSet<String>) -> Op {
    crate::tool::share_op(view, list_object(id), orgs)
}

/// The edit that marks item `key` of list `id` read at `version` (or unread, with `None`)
/// for `person`.
pub fn mark(view: &Overlay<'_>, id: &str, person: &str, key: u32, version: Option<u32>) -> Op {
    let object = marks_object(id, person);
    let field = mark_field(key);
    let base = view.get(&object, &field).base();
    set(object, &field, version.map_or(Value::Null, Value::from), base)
}

/// The key for a new item: one past the largest in the list.
pub fn next_key(items: &[Item]) -> u32 {
    items
        .iter()
        .map(|i| i.key)
        .max()
        .unwrap_or(0)
        .saturating_add(1)
        .min(MAX_KEY)
}

/// List `id` as shown, if the device holds it.
pub fn load(view: &Overlay<'_>, id: &str) -> Option<ReadingList> {
    let object = list_object(id);
    let org = view.get(&object, "org").value?.as_str()?.to_string();
    let items = view.get(&object, "items");
    Some(ReadingList {
        id: id.to_string(),
        org,
        shared_with: view
            .get(&object, "shared_with")
            .value
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
            .unwrap_or_default(),
        title: view.get(&object, "title").as_str().to_string(),
        description: view.get(&object, "description").as_str().to_string(),
        items: items_of(items.value),
        author: items.field.map(|f| f.author.clone()).unwrap_or_default(),
    })
}

/// Every list the device holds, by title.
pub fn list(view: &Overlay<'_>) -> Vec<ReadingList> {
    let ids: BTreeSet<&str> = view
        .objects_under("reading/")
        .into_iter()
        .filter_map(|o| match parse(o) {
            Some(Object::List(id)) => Some(id),
            _ => None,
        })
        .collect();
    let mut out: Vec<ReadingList> = ids.into_iter().filter_map(|id| load(view, id)).collect();
    out.sort_by(|a, b| a.title.cmp(&b.title).then(a.id.cmp(&b.id)));
    out
}

/// One person's read marks on a list: item key → the version they read.
pub fn marks_of(view: &Overlay<'_>, id: &str, person: &str) -> BTreeMap<u32, u32> {
    let object = marks_object(id, person);
    view.fields_of(&object)
        .into_iter()
        .filter_map(|f| {
            let key = parse_mark_field(f)?;
            let version = view.get(&object, f).value?.as_u64()?;
            Some((key, u32::try_from(version).ok()?))
        })
        .collect()
}

/// A reader of a list, as the owner sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    pub person: String,
    /// Their name and organisation, from their marks' authorship.
    pub name: String,
    /// Item key → the version read.
    pub read: BTreeMap<u32, u32>,
}

/// Everyone whose read marks the device holds, by name: on the owner's device, the readers
/// of every organisation; on a reader's, their own organisation's.
pub fn readers(view: &Overlay<'_>, id: &str) -> Vec<Reader> {
    let prefix = format!("{}/read/", list_object(id));
    let mut out: Vec<Reader> = view
        .objects_under(&prefix)
        .into_iter()
        .filter_map(|object| {
            let person = object.strip_prefix(&prefix)?;
            let name = view
                .fields_of(object)
                .into_iter()
                .filter_map(|f| view.get(object, f).field)
                .max_by_key(|f| f.seq)
                .map(|f| f.author.clone())
                .unwrap_or_default();
            Some(Reader {
                person: person.to_string(),
                name,
                read: marks_of(view, id, person),
            })
        })
        .filter(|r| !r.read.is_empty())
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name).then(a.person.cmp(&b.person)));
    out
}

/// Where a listed section stands against the library.
#[derive(Debug, Clone, PartialEq)]
pub enum SectionState {
    /// The library has no such policy, version or section.
    Missing,
    /// The listed version is the current one (or the policy has none current).
    Current,
    /// A newer version is current, and the section reads the same there.
    Unchanged { current: u32 },
    /// A newer version is current, and the section changed: what changed.
    Changed { current: u32, diff: SectionDiff },
    /// A newer version is current, and has no such section.
    Removed { current: u32 },
}

/// Whether the section an item lists has changed in the policy's current version.
pub fn section_state(library: &Library, item: &Item) -> SectionState {
    let Some(policy) = library.policy(&item.policy) else {
        return SectionState::Missing;
    };
    let Some(listed) = policy
        .version(item.version)
        .filter(|v| v.section(&item.section).is_some())
    else {
        return SectionState::Missing;
    };
    let Some(current) = policy.current().filter(|c| c.number > item.version) else {
        return SectionState::Current;
    };
    let n = current.number;
    if current.section(&item.section).is_none() {
        return SectionState::Removed { current: n };
    }
    match crate::diff::compare(listed, current)
        .sections
        .into_iter()
        .find(|s| s.anchor == item.section)
    {
        Some(diff) if diff.status != Status::Unchanged => SectionState::Changed { current: n, diff },
        _ => SectionState::Unchanged { current: n },
    }
}

/// A section as a link gives it: `policy`, `section` and, when the link names one, `version`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionLink {
    pub policy: String,
    pub section: String,
    pub version: Option<u32>,
}

/// Reads a pasted section link: an address (with or without the origin) such as
/// `/policies/spam/v/2?p=1#bulk` or `/policies/spam#bulk`, or a reference `spam#bulk@2`.
/// At most 500 characters.
pub fn parse_link(text: &str) -> Option<SectionLink> {
    let text = text.trim();
    if text.len() > 500 {
        return None;
    }
    let kebab = |s: &str| crate::policy::Slug::new(s).is_ok();
    if let Some(r) = crate::template::parse_policy_ref(text) {
        return Some(SectionLink {
            policy: r.policy.to_string(),
            section: r.section.to_string(),
            version: Some((r.version <= MAX_VERSION).then_some(r.version)?),
        });
    }
    let (_, path) = text.split_once("/policies/")?;
    let (path, section) = path.split_once('#')?;
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    let (policy, version) = match path.split_once("/v/") {
        Some((policy, v)) => {
            let n: u32 = v.trim_end_matches('/').parse().ok()?;
            (policy, Some((1..=MAX_VERSION).contains(&n).then_some(n)?))
        }
        None => (path.trim_end_matches('/'), None),
    };
    (kebab(policy) && kebab(section)).then(|| SectionLink {
        policy: policy.to_string(),
        section: section.to_string(),
        version,
    })
}

#[cfg(test)]
mod tests;
