//! Sweeps: a specialist publishes versioned guidance (with a checklist and decision options)
//! and a list of items; agents of the organisations it is shared with acknowledge each
//! version and work the items (checklist answers, a decision, a note, done) concurrently.
//! Everything a sweep holds is fields of sync objects, so it is edited offline and merged by
//! [`crate::sync`]'s rules like any other data.
//!
//! - `sweep/{id}` (the root): `org` (the publishing organisation, set first and never
//!   changed), `shared_with` (the other organisations that see it: only the platform shares),
//!   `title`, `guidance` (free text, for sweeps without versioned guidance), `items` (how many
//!   items there are), `guidance/{v}` (version v of the guidance, a [`guidance::Guidance`]:
//!   a draft until published, then never changed), `published/{v}` (`true`: version v was
//!   published, when and by whom is the field's own clock and author; v follows v-1),
//!   `stale_minutes` (after how long without activity an assignment may be released).
//! - `sweep/{id}/item/{n}` for n in 1..=items: `target` (what to look at, set when the
//!   sweep is created), `assignee` (an [`assign::Person`], or null), `answers` (the checklist
//!   answers with the guidance version they were given under), `decision`, `note`, `done`.
//!   In a sweep with published guidance a decision names its option, the guidance version and
//!   the policy section@version it applies; without, it is one of the four [`DECISIONS`].
//! - `sweep/{id}/ack/{person}`: `v{n}` (`true`: the person acknowledged version n; when is the
//!   field's clock).
//!
//! Who reads a sweep: its organisation and those it is shared with ([`Sweeps`]'s scope). A
//! vendor's work on its items (assignment, answers, decision, note, done) and its people's
//! acknowledgments reach only that vendor and the publisher ([`Sweeps`]'s audience).
//! Who writes: the publishing organisation's specialists and admins publish, write and publish
//! guidance versions, share, assign anyone of a reading organisation and release
//! assignments; agents, specialists and admins of every reading organisation work items and
//! take an item for themselves; every reader acknowledges versions, for themselves only;
//! trainers otherwise read. The server enforces it on every push and the app asks it before
//! queueing an edit, through [`crate::tool`]. That an agent acknowledged the version in force
//! before their next item is the app's rule (an offline agent's answers record the version
//! they worked under). Pages build edits with the typed builders here, never with field names.

pub mod assign;
pub mod dashboard;
pub mod export;
pub mod guidance;
pub mod items;
pub mod rows;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::scope::{Actor, Scope};
use crate::sync::{Op, Overlay, Shown};
use crate::tool::{Refusal, RootState, Tool};
use crate::wire::Role;
use guidance::{Guidance, MAX_VERSIONS};

/// Most items one sweep may hold.
pub const MAX_ITEMS: usize = 50_000;
/// Most organisations one sweep may be shared with.
pub const MAX_SHARED: usize = 100;
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_GUIDANCE_CHARS: usize = 4_000;
pub const MAX_TARGET_CHARS: usize = 500;
pub const MAX_NOTE_CHARS: usize = 2_000;
pub const MAX_NAME_CHARS: usize = 200;
/// Minutes without activity after which an assignment is stale, unless the sweep says.
pub const DEFAULT_STALE_MINUTES: u64 = 30;
pub const MAX_STALE_MINUTES: u64 = 24 * 60;

/// The decisions an agent can take on an item of a sweep without versioned guidance:
/// (stored value, label).
pub const DECISIONS: [(&str, &str); 4] = [
    ("no_violation", "No violation"),
    ("label", "Label"),
    ("remove", "Remove"),
    ("escalate", "Escalate"),
];

pub fn decision_label(value: &str) -> &str {
    DECISIONS
        .iter()
        .find(|(v, _)| *v == value)
        .map_or(value, |(_, label)| label)
}

/// The object holding a sweep's own fields.
pub fn sweep_object(id: &str) -> String {
    format!("sweep/{id}")
}

/// The object holding item `n` (1-based) of a sweep.
pub fn item_object(id: &str, n: usize) -> String {
    format!("sweep/{id}/item/{n}")
}

/// The object holding `person`'s acknowledgments of sweep `id`'s guidance versions.
pub fn ack_object(id: &str, person: &str) -> String {
    format!("sweep/{id}/ack/{person}")
}

/// The root field holding guidance version `v`.
pub fn guidance_field(v: u64) -> String {
    format!("guidance/{v}")
}

/// The root field marking guidance version `v` published.
pub fn published_field(v: u64) -> String {
    format!("published/{v}")
}

/// A sweep id: 6 to 40 lowercase letters and digits (the app draws one at random).
pub fn valid_id(id: &str) -> bool {
    (6..=40).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// Whether an account id is well-formed (server ids are UUIDs; tests use short names).
pub fn valid_person_id(id: &str) -> bool {
    valid_org_id(id)
}

/// What an object name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Object<'a> {
    Sweep(&'a str),
    Item(&'a str, usize),
    Ack(&'a str, &'a str),
}

/// A positive number written without leading zeros, at most `max`.
fn number(text: &str, max: u64) -> Option<u64> {
    let n: u64 = text.parse().ok().filter(|n| (1..=max).contains(n))?;
    (n.to_string() == text).then_some(n)
}

fn parse(object: &str) -> Option<Object<'_>> {
    let rest = object.strip_prefix("sweep/")?;
    if let Some((id, person)) = rest.split_once("/ack/") {
        return (valid_id(id) && valid_person_id(person)).then_some(Object::Ack(id, person));
    }
    match rest.split_once("/item/") {
        None => valid_id(rest).then_some(Object::Sweep(rest)),
        Some((id, n)) => {
            let n = number(n, MAX_ITEMS as u64)?;
            valid_id(id).then_some(Object::Item(id, n as usize))
        }
    }
}

/// A root field: its own name, or a versioned one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RootField<'a> {
    Plain(&'a str),
    Guidance(u64),
    Published(u64),
}

fn root_field(field: &str) -> Option<RootField<'_>> {
    if let Some(v) = field.strip_prefix("guidance/") {
        return number(v, MAX_VERSIONS).map(RootField::Guidance);
    }
    if let Some(v) = field.strip_prefix("published/") {
        return number(v, MAX_VERSIONS).map(RootField::Published);
    }
    Some(RootField::Plain(field))
}

fn text(value: &Value, what: &str, max: usize, required: bool) -> Result<(), Refusal> {
    let Some(s) = value.as_str() else {
        return Err(Refusal::Invalid(format!("the {what} must be text")));
    };
    if required && s.trim().is_empty() {
        return Err(Refusal::Invalid(format!("the {what} must not be empty")));
    }
    if s.chars().count() > max {
        return Err(Refusal::Invalid(format!("the {what} may be at most {max} characters")));
    }
    Ok(())
}

/// Whether `role` may publish sweeps and add items.
pub fn publishes(role: Role) -> bool {
    matches!(role, Role::Specialist | Role::Admin)
}

/// Whether `role` may work items: decide, note, tick done. Trainers read sweeps only.
pub fn works_items(role: Role) -> bool {
    matches!(role, Role::Agent | Role::Specialist | Role::Admin)
}

/// Whether an organisation id is well-formed (server ids are UUIDs; tests use short names).
fn valid_org_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The organisations a `shared_with` value names.
fn shared_with(value: Option<&Value>) -> BTreeSet<String> {
    value
        .and_then(Value::as_array)
        .map(|orgs| orgs.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .unwrap_or_default()
}

/// The guidance version in force: the highest published one (0: none).
pub fn published_version(root: &RootState) -> u64 {
    (1..=MAX_VERSIONS)
        .take_while(|v| root.value(&published_field(*v)).is_some())
        .last()
        .unwrap_or(0)
}

/// Guidance version `v` as stored in the root, if it is there and reads back.
fn root_guidance(root: &RootState, v: u64) -> Option<Guidance> {
    Guidance::from_value(root.value(&guidance_field(v))?).ok()
}

/// The guidance version an answer or decision names: published, and not past the version in
/// force.
fn named_version(value: &Value, published: u64) -> Result<u64, Refusal> {
    match value.get("guidance").and_then(Value::as_u64) {
        Some(v) if (1..=published).contains(&v) => Ok(v),
        _ => Err(Refusal::Invalid(
            "an answer names the published guidance version it was given under".into(),
        )),
    }
}

fn check_decision(root: &RootState, value: &Value) -> Result<(), Refusal> {
    let published = published_version(root);
    if value.is_null() {
        return Ok(());
    }
    if published == 0 {
        return match value {
            Value::String(s) if DECISIONS.iter().any(|(v, _)| v == s) => Ok(()),
            _ => Err(Refusal::Invalid("unknown decision".into())),
        };
    }
    let v = named_version(value, published)?;
    let guidance =
        root_guidance(root, v).ok_or_else(|| Refusal::Invalid("that guidance version cannot be read".into()))?;
    let option = value
        .get("option")
        .and_then(Value::as_str)
        .and_then(|id| guidance.decision(id))
        .ok_or_else(|| Refusal::Invalid(format!("guidance version {v} has no such decision")))?;
    let fields = value.as_object().map_or(0, serde_json::Map::len);
    if value.get("section").and_then(Value::as_str) != Some(option.section.label().as_str()) || fields != 3 {
        return Err(Refusal::Invalid(format!(
            "a decision records its option, the guidance version and the section it applies ({})",
            option.section.label()
        )));
    }
    Ok(())
}

fn check_answers(root: &RootState, value: &Value) -> Result<(), Refusal> {
    let published = published_version(root);
    if published == 0 {
        return Err(Refusal::Invalid("this sweep has no published checklist".into()));
    }
    let v = named_version(value, published)?;
    let guidance =
        root_guidance(root, v).ok_or_else(|| Refusal::Invalid("that guidance version cannot be read".into()))?;
    let steps: BTreeMap<String, Value> = value
        .get("steps")
        .and_then(Value::as_object)
        .filter(|_| value.as_object().map_or(0, serde_json::Map::len) == 2)
        .map(|steps| steps.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .ok_or_else(|| Refusal::Invalid("answers are {guidance, steps}".into()))?;
    guidance
        .check_answers(&steps, false)
        .map_err(|e| Refusal::Invalid(e.to_string()))
}

/// The sweeps tool, registered in [`crate::tool::TOOLS`].
#[derive(Debug, Clone, Copy)]
pub struct Sweeps;

impl Sweeps {
    fn check_root(
        &self,
        actor: &Actor<'_>,
        root: &RootState,
        owner: bool,
        field: RootField<'_>,
        value: &Value,
    ) -> Result<(), Refusal> {
        let publisher_only = || {
            Err(Refusal::NotAllowed(
                "only specialists and admins of the publishing organisation change a sweep".into(),
            ))
        };
        let published = published_version(root);
        match field {
            RootField::Plain("org") => Err(Refusal::Invalid(
                "a sweep's organisation is set when it is published and never changes".into(),
            )),
            _ if !owner => publisher_only(),
            RootField::Plain("shared_with") => {
                let Some(orgs) = value.as_array() else {
                    return Err(Refusal::Invalid("shared_with must be a list of organisations".into()));
                };
                if !orgs.is_empty() && !actor.is_platform() {
                    return Err(Refusal::NotAllowed(
                        "only the platform shares sweeps with other organisations".into(),
                    ));
                }
                let ids: BTreeSet<&str> = orgs.iter().filter_map(Value::as_str).collect();
                if ids.len() != orgs.len() || ids.iter().any(|id| !valid_org_id(id)) || ids.contains(actor.org_id) {
                    return Err(Refusal::Invalid(
                        "shared_with must list other organisations' ids, each once".into(),
                    ));
                }
                if ids.len() > MAX_SHARED {
                    return Err(Refusal::Invalid(format!(
                        "a sweep is shared with at most {MAX_SHARED} organisations"
                    )));
                }
                Ok(())
            }
            RootField::Plain("title") => text(value, "title", MAX_TITLE_CHARS, true),
            RootField::Plain("guidance") => text(value, "guidance", MAX_GUIDANCE_CHARS, false),
            RootField::Plain("items") => match value.as_u64() {
                Some(n) if (1..=MAX_ITEMS as u64).contains(&n) => Ok(()),
                _ => Err(Refusal::Invalid(format!("a sweep holds 1 to {MAX_ITEMS} items"))),
            },
            RootField::Plain("stale_minutes") => match value.as_u64() {
                Some(n) if (1..=MAX_STALE_MINUTES).contains(&n) => Ok(()),
                _ => Err(Refusal::Invalid(format!(
                    "an assignment goes stale after 1 to {MAX_STALE_MINUTES} minutes"
                ))),
            },
            RootField::Guidance(v) if v <= published => Err(Refusal::Invalid(format!(
                "guidance version {v} is published and never changes; write version {}",
                published + 1
            ))),
            RootField::Guidance(v) if v > published + 1 => Err(Refusal::Invalid(format!(
                "the next guidance version is {}",
                published + 1
            ))),
            RootField::Guidance(_) if value.is_null() => Ok(()),
            RootField::Guidance(_) => Guidance::from_value(value)
                .map(|_| ())
                .map_err(|e| Refusal::Invalid(e.to_string())),
            RootField::Published(v) if v != published + 1 => Err(Refusal::Invalid(format!(
                "versions are published in order; the next is {}",
                published + 1
            ))),
            RootField::Published(v) if value != &Value::Bool(true) => Err(Refusal::Invalid(format!(
                "publishing version {v} is setting it to true, once"
            ))),
            RootField::Published(v) if root_guidance(root, v).is_none() => {
                Err(Refusal::Invalid(format!("guidance version {v} has not been written")))
            }
            RootField::Published(_) => Ok(()),
            RootField::Plain(_) => Err(Refusal::NoSuchObject("a sweep has no such field".into())),
        }
    }

    fn check_assignee(&self, actor: &Actor<'_>, scope: &Scope, owner: bool, value: &Value) -> Result<(), Refusal> {
        if value.is_null() {
            return if owner {
                Ok(())
            } else {
                Err(Refusal::NotAllowed(
                    "only the publishing organisation's specialists release an assignment".into(),
                ))
            };
        }
        let person = assign::Person::from_value(value).ok_or_else(|| {
            Refusal::Invalid(format!(
                "an assignee is a person's id, organisation and name (at most {MAX_NAME_CHARS} characters)"
            ))
        })?;
        if owner {
            return if scope.may_read(&person.org) {
                Ok(())
            } else {
                Err(Refusal::Invalid(
                    "items are assigned to people of organisations that read the sweep".into(),
                ))
            };
        }
        if !works_items(actor.role) {
            return Err(Refusal::NotAllowed(format!(
                "a {} cannot work sweep items",
                actor.role.label().to_lowercase()
            )));
        }
        if person.person != actor.person || person.org != actor.org_id {
            return Err(Refusal::NotAllowed("an agent takes items for themselves only".into()));
        }
        Ok(())
    }
}

impl Tool for Sweeps {
    fn root<'a>(&self, object: &'a str) -> Option<&'a str> {
        match parse(object)? {
            Object::Sweep(_) => Some(object),
            Object::Item(id, _) | Object::Ack(id, _) => Some(&object[.."sweep/".len() + id.len()]),
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
            // The sweep does not exist yet: the only edit is publishing it, for one's own
            // organisation.
            return crate::tool::check_creation(
                actor,
                matches!(parsed, Object::Sweep(_)),
                field,
                value,
                publishes(actor.role),
                [
                    "only specialists and admins publish sweeps",
                    "a sweep belongs to the organisation that publishes it",
                    "this sweep does not exist",
                ],
            );
        };
        if !scope.may_read(actor.org_id) {
            return Err(Refusal::OutOfScope);
        }
        let owner = scope.owner() == actor.org_id && publishes(actor.role);
        let publisher_only = || {
            Err(Refusal::NotAllowed(
                "only specialists and admins of the publishing organisation change a sweep".into(),
            ))
        };
        match (parsed, field.as_str()) {
            (Object::Sweep(_), field) => match root_field(field) {
                Some(RootField::Plain(name))
                    if !["org", "shared_with", "title", "guidance", "items", "stale_minutes"].contains(&name) =>
                {
                    Err(unknown())
                }
                Some(f) => self.check_root(actor, root, owner, f, value),
                None => Err(unknown()),
            },
            (Object::Ack(_, person), field) => {
                let published = published_version(root);
                let v = field
                    .strip_prefix('v')
                    .and_then(|v| number(v, MAX_VERSIONS))
                    .ok_or_else(unknown)?;
                if person != actor.person {
                    Err(Refusal::NotAllowed(
                        "people acknowledge guidance for themselves only".into(),
                    ))
                } else if v > published {
                    Err(Refusal::Invalid(format!("guidance version {v} is not published")))
                } else if value != &Value::Bool(true) {
                    Err(Refusal::Invalid("an acknowledgment is true".into()))
                } else {
                    Ok(())
                }
            }
            (Object::Item(_, n), _)
                if root
                    .value("items")
                    .and_then(Value::as_u64)
                    .is_none_or(|count| n as u64 > count) =>
            {
                Err(Refusal::NoSuchObject(format!("this sweep has no item {n}")))
            }
            (Object::Item(..), "target") if !owner => publisher_only(),
            (Object::Item(..), "target") => text(value, "item", MAX_TARGET_CHARS, true),
            (Object::Item(..), "assignee") => self.check_assignee(actor, &scope, owner, value),
            (Object::Item(..), "decision" | "note" | "done" | "answers") if !works_items(actor.role) => {
                Err(Refusal::NotAllowed(format!(
                    "a {} cannot work sweep items",
                    actor.role.label().to_lowercase()
                )))
            }
            (Object::Item(..), "decision") => check_decision(root, value),
            (Object::Item(..), "answers") => check_answers(root, value),
            (Object::Item(..), "note") => text(value, "note", MAX_NOTE_CHARS, false),
            (Object::Item(..), "done") if value.is_boolean() => Ok(()),
            (Object::Item(..), "done") => Err(Refusal::Invalid("done must be true or false".into())),
            _ => Err(unknown()),
        }
    }

    /// An item's assignment, answers, decision, note and done mark made by a vendor, and a
    /// vendor's people's acknowledgments, are that vendor's: the publishing organisation sees
    /// them, the other vendors it shared the sweep with do not. An assignment the publisher
    /// makes to a vendor's person is that vendor's too.
    fn audience(&self, actor: &Actor<'_>, root: &RootState, op: &Op) -> Option<String> {
        let Op::SetField {
            object, field, value, ..
        } = op;
        let owner = root.str("org")?;
        let private_to = match (parse(object)?, field.as_str()) {
            (Object::Item(..), "assignee") if actor.org_id == owner => {
                assign::Person::from_value(value).map(|p| p.org)?
            }
            (Object::Item(..), "assignee" | "answers" | "decision" | "note" | "done") | (Object::Ack(..), _) => {
                actor.org_id.to_string()
            }
            _ => return None,
        };
        (private_to != owner).then_some(private_to)
    }

    fn describe(&self, view: &Overlay<'_>, object: &str, field: &str, value: &Value) -> String {
        let title = |id: &str| {
            let title = view.get(&sweep_object(id), "title");
            match title.as_str() {
                "" => format!("sweep {id}"),
                t => t.to_string(),
            }
        };
        let quoted = |s: &str| {
            if s.chars().count() > 60 {
                format!("“{}…”", s.chars().take(60).collect::<String>())
            } else {
                format!("“{s}”")
            }
        };
        match parse(object) {
            Some(Object::Sweep(id)) => {
                let what = match (root_field(field), value) {
                    (Some(RootField::Guidance(v)), Value::Null) => format!("draft of guidance version {v} discarded"),
                    (Some(RootField::Guidance(v)), _) => format!("guidance version {v} written"),
                    (Some(RootField::Published(v)), _) => format!("guidance version {v} published"),
                    (_, Value::String(s)) => format!("{field} {}", quoted(s)),
                    (_, other) => format!("{field} {other}"),
                };
                format!("{}: {what}", title(id))
            }
            Some(Object::Item(id, n)) => {
                let what = match (field, value) {
                    ("decision", Value::String(s)) => format!("decision {}", decision_label(s)),
                    ("decision", Value::Object(_)) => {
                        format!(
                            "decision {}",
                            guided_decision_label(view, id, value).unwrap_or_default()
                        )
                    }
                    ("decision", _) => "decision cleared".into(),
                    ("done", Value::Bool(true)) => "marked done".into(),
                    ("done", _) => "marked not done".into(),
                    ("answers", _) => {
                        let steps = value
                            .get("steps")
                            .and_then(Value::as_object)
                            .map_or(0, serde_json::Map::len);
                        if steps == 1 {
                            "1 checklist answer".into()
                        } else {
                            format!("{steps} checklist answers")
                        }
                    }
                    ("assignee", Value::Null) => "released".into(),
                    ("assignee", _) => format!(
                        "assigned to {}",
                        assign::Person::from_value(value).map(|p| p.name).unwrap_or_default()
                    ),
                    ("note", Value::String(s)) => format!("note {}", quoted(s)),
                    (_, Value::String(s)) => format!("{field} {}", quoted(s)),
                    (_, other) => format!("{field} {other}"),
                };
                format!("Item {n} of {}: {what}", title(id))
            }
            Some(Object::Ack(id, _)) => format!(
                "{}: guidance version {} acknowledged",
                title(id),
                field.trim_start_matches('v')
            ),
            None => format!("{object} · {field}"),
        }
    }
}

/// The label of a guided decision's option, read from the guidance version it names.
fn guided_decision_label(view: &Overlay<'_>, id: &str, value: &Value) -> Option<String> {
    let v = value.get("guidance")?.as_u64()?;
    let guidance = Guidance::from_value(view.get(&sweep_object(id), &guidance_field(v)).value?).ok()?;
    Some(guidance.decision(value.get("option")?.as_str()?)?.label.clone())
}
/// What `field`'s edit to one item is: typed, so pages never spell field names.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemEdit {
    /// One of the four decisions of a sweep without versioned guidance; `None` clears it.
    Decision(Option<&'static str>),
    /// A decision under versioned guidance; `None` clears it.
    Choose(Option<Choice>),
    /// The checklist's answers (step id → answer), given under guidance version `guidance`.
    Answers {
        guidance: u64,
        steps: BTreeMap<String, Value>,
    },
    /// Taking, assigning (`Some`) or releasing (`None`) the item.
    Assign(Option<assign::Person>),
    Note(String),
    Done(bool),
}

/// A decision under versioned guidance: the option, the version it was taken under, and the
/// policy section@version it applies (recorded, so the export needs no lookup).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub option: String,
    pub guidance: u64,
    pub section: String,
}

impl Choice {
    /// Decision `option` of guidance version `v`, if it has one.
    pub fn of(guidance: &Guidance, v: u64, option: &str) -> Option<Choice> {
        guidance.decision(option).map(|d| Choice {
            option: d.id.clone(),
            guidance: v,
            section: d.section.label(),
        })
    }

    /// A stored decision, if it is a guided one.
    pub fn from_value(value: &Value) -> Option<Choice> {
        Some(Choice {
            option: value.get("option")?.as_str()?.to_string(),
            guidance: value.get("guidance")?.as_u64()?,
            section: value.get("section")?.as_str()?.to_string(),
        })
    }

    fn to_value(&self) -> Value {
        serde_json::json!({"option": self.option, "guidance": self.guidance, "section": self.section})
    }
}

impl ItemEdit {
    fn field(&self) -> &'static str {
        match self {
            ItemEdit::Decision(_) | ItemEdit::Choose(_) => "decision",
            ItemEdit::Answers { .. } => "answers",
            ItemEdit::Assign(_) => "assignee",
            ItemEdit::Note(_) => "note",
            ItemEdit::Done(_) => "done",
        }
    }

    /// The edit of `item`, made by someone who had seen the field up to `base` (see
    /// [`Shown::base`]).
    pub fn op(self, item: &Item<'_>, base: u64) -> Op {
        self.op_for(&item.object, base)
    }

    /// The same, for the item object named `object`.
    pub fn op_for(self, object: &str, base: u64) -> Op {
        let field = self.field().to_string();
        let value = match self {
            ItemEdit::Decision(d) => d.map_or(Value::Null, Value::from),
            ItemEdit::Choose(c) => c.as_ref().map_or(Value::Null, Choice::to_value),
            ItemEdit::Answers { guidance, steps } => serde_json::json!({"guidance": guidance, "steps": steps}),
            ItemEdit::Assign(p) => p.as_ref().map_or(Value::Null, assign::Person::to_value),
            ItemEdit::Note(text) => Value::from(text),
            ItemEdit::Done(done) => Value::from(done),
        };
        Op::SetField {
            object: object.to_string(),
            field,
            value,
            base,
        }
    }

    /// The edit that keeps `value` (a conflict's winner or loser) in the field `of`.
    pub fn keep(item: &Item<'_>, of: ItemField, value: Value) -> Op {
        let shown = item.shown(of);
        Op::SetField {
            object: item.object.clone(),
            field: of.name().into(),
            value,
            base: shown.base(),
        }
    }
}

/// The fields of an item that agents work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemField {
    Decision,
    Note,
    Done,
    Answers,
    Assignee,
}

impl ItemField {
    pub const ALL: [ItemField; 5] = [
        ItemField::Decision,
        ItemField::Note,
        ItemField::Done,
        ItemField::Answers,
        ItemField::Assignee,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ItemField::Answers => "answers",
            ItemField::Assignee => "assignee",
            ItemField::Decision => "decision",
            ItemField::Note => "note",
            ItemField::Done => "done",
        }
    }

    /// The stored decision value for a choice the page offers.
    pub fn decision_value(choice: &str) -> Option<&'static str> {
        DECISIONS.iter().map(|(v, _)| *v).find(|v| *v == choice)
    }
}

/// The edit that shares sweep `id` with exactly `orgs` (empty: only its organisation sees it).
pub fn share(view: &Overlay<'_>, id: &str, orgs: &BTreeSet<String>) -> Op {
    crate::tool::share_op(view, sweep_object(id), orgs)
}

/// The organisations sweep `id` is shared with, as shown.
pub fn shared(view: &Overlay<'_>, id: &str) -> BTreeSet<String> {
    shared_with(view.get(&sweep_object(id), "shared_with").value)
}

/// Why a new sweep cannot be published.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NewSweepError {
    #[error("give the sweep a title")]
    NoTitle,
    #[error("the title may be at most {MAX_TITLE_CHARS} characters")]
    TitleTooLong,
    #[error("the guidance may be at most {MAX_GUIDANCE_CHARS} characters")]
    GuidanceTooLong,
    #[error(transparent)]
    Items(#[from] items::ImportError),
}

/// The items of a pasted list or CSV text: normalised, repeats and blank lines dropped
/// ([`items::import`], which also counts what it dropped).
pub fn parse_items(pasted: &str) -> Result<Vec<String>, NewSweepError> {
    Ok(items::import(pasted)?.items)
}

/// The edits that publish a new sweep for organisation `org`, shared with `shared`: the
/// organisation first (it creates the sweep), then the sharing and the items, and the title
/// last, so a sweep appears in lists only once everything it holds has arrived (edits are
/// applied in order).
pub fn publish(
    id: &str,
    org: &str,
    shared: &BTreeSet<String>,
    title: &str,
    guidance: &str,
    pasted_items: &str,
) -> Result<Vec<Op>, NewSweepError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(NewSweepError::NoTitle);
    }
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(NewSweepError::TitleTooLong);
    }
    if guidance.chars().count() > MAX_GUIDANCE_CHARS {
        return Err(NewSweepError::GuidanceTooLong);
    }
    let items = parse_items(pasted_items)?;
    let set = |object: String, field: &str, value: Value| Op::SetField {
        object,
        field: field.into(),
        value,
        base: 0,
    };
    let mut ops = Vec::with_capacity(items.len() + 5);
    ops.push(set(sweep_object(id), "org", Value::from(org)));
    if !shared.is_empty() {
        ops.push(set(
            sweep_object(id),
            "shared_with",
            Value::from(shared.iter().cloned().collect::<Vec<_>>()),
        ));
    }
    ops.push(set(sweep_object(id), "items", Value::from(items.len())));
    ops.extend(
        items
            .iter()
            .enumerate()
            .map(|(i, target)| set(item_object(id, i + 1), "target", Value::from(target.as_str()))),
    );
    ops.push(set(sweep_object(id), "guidance", Value::from(guidance.trim())));
    ops.push(set(sweep_object(id), "title", Value::from(title)));
    Ok(ops)
}

/// A sweep as listed.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub progress: Progress,
    /// When it was published (its title's clock, milliseconds since the epoch), and by whom.
    pub published_ms: u64,
    pub author: String,
    /// The guidance version in force (0: free-text guidance only).
    pub version: u64,
}

/// How far a sweep has come.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    pub total: usize,
    pub done: usize,
    /// Items whose fields hold a conflict someone must look at.
    pub conflicts: usize,
    /// Decision value → how many items have it.
    pub decisions: BTreeMap<String, usize>,
}

/// One item as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Item<'a> {
    pub n: usize,
    pub object: String,
    pub target: Shown<'a>,
    pub assignee: Shown<'a>,
    pub answers: Shown<'a>,
    pub decision: Shown<'a>,
    pub note: Shown<'a>,
    pub done: Shown<'a>,
}

impl<'a> Item<'a> {
    pub fn shown(&self, field: ItemField) -> Shown<'a> {
        match field {
            ItemField::Decision => self.decision,
            ItemField::Note => self.note,
            ItemField::Done => self.done,
            ItemField::Answers => self.answers,
            ItemField::Assignee => self.assignee,
        }
    }

    pub fn has_conflict(&self) -> bool {
        [&self.decision, &self.note, &self.done, &self.answers, &self.assignee]
            .iter()
            .any(|f| !f.conflicts().is_empty())
    }
}

/// A sweep with its items, as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Sweep<'a> {
    pub id: String,
    pub title: String,
    pub guidance: String,
    pub items: Vec<Item<'a>>,
}

impl Sweep<'_> {
    pub fn progress(&self) -> Progress {
        let mut progress = Progress {
            total: self.items.len(),
            ..Progress::default()
        };
        for item in &self.items {
            progress.done += usize::from(item.done.as_bool());
            progress.conflicts += usize::from(item.has_conflict());
            let decision = item.decision.value.and_then(|v| match v {
                Value::String(s) => Some(s.as_str()),
                _ => v.get("option").and_then(Value::as_str),
            });
            if let Some(decision) = decision {
                *progress.decisions.entry(decision.to_string()).or_default() += 1;
            }
        }
        progress
    }
}

/// The sweep `id`, once its title has arrived.
pub fn load<'a>(view: &Overlay<'a>, id: &str) -> Option<Sweep<'a>> {
    let object = sweep_object(id);
    let title = view.get(&object, "title").value?.as_str()?.to_string();
    let guidance = view.get(&object, "guidance").as_str().to_string();
    let count = view
        .get(&object, "items")
        .value
        .and_then(Value::as_u64)
        .map_or(0, |n| n.min(MAX_ITEMS as u64) as usize);
    let items = (1..=count).map(|n| item(view, id, n)).collect();
    Some(Sweep {
        id: id.to_string(),
        title,
        guidance,
        items,
    })
}

/// Item `n` of sweep `id`, as shown.
pub fn item<'a>(view: &Overlay<'a>, id: &str, n: usize) -> Item<'a> {
    let object = item_object(id, n);
    Item {
        n,
        target: view.get(&object, "target"),
        assignee: view.get(&object, "assignee"),
        answers: view.get(&object, "answers"),
        decision: view.get(&object, "decision"),
        note: view.get(&object, "note"),
        done: view.get(&object, "done"),
        object,
    }
}

/// Every published sweep, newest first.
pub fn list(view: &Overlay<'_>) -> Vec<Summary> {
    let mut sweeps: Vec<Summary> = view
        .objects_with("title")
        .into_iter()
        .filter_map(|object| match parse(object) {
            Some(Object::Sweep(id)) => load(view, id),
            _ => None,
        })
        .map(|sweep| {
            let object = sweep_object(&sweep.id);
            let title = view.get(&object, "title").field;
            Summary {
                progress: sweep.progress(),
                published_ms: title.map_or(0, |f| f.clock.wall_ms),
                author: title.map(|f| f.author.clone()).unwrap_or_default(),
                version: published_version(&RootState::shown(view, &object)),
                id: sweep.id,
                title: sweep.title,
            }
        })
        .collect();
    sweeps.sort_by(|a, b| {
        b.published_ms
            .cmp(&a.published_ms)
            .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
            .then(a.id.cmp(&b.id))
    });
    sweeps
}

/// The edit that writes `guidance` as draft version `v` of sweep `id` (the next unpublished
/// one), made by someone shown the draft as it is.
pub fn write_draft(view: &Overlay<'_>, id: &str, v: u64, guidance: &Guidance) -> Op {
    let object = sweep_object(id);
    let field = guidance_field(v);
    let base = view.get(&object, &field).base();
    Op::SetField {
        object,
        field,
        value: guidance.to_value(),
        base,
    }
}

/// The edit that publishes version `v` of sweep `id`'s guidance.
pub fn publish_version(id: &str, v: u64) -> Op {
    Op::SetField {
        object: sweep_object(id),
        field: published_field(v),
        value: Value::Bool(true),
        base: 0,
    }
}

/// The edit by which `person` acknowledges version `v` of sweep `id`'s guidance.
pub fn acknowledge(id: &str, person: &str, v: u64) -> Op {
    Op::SetField {
        object: ack_object(id, person),
        field: format!("v{v}"),
        value: Value::Bool(true),
        base: 0,
    }
}

/// The guidance version in force on sweep `id` as shown, and that version.
pub fn current_guidance(view: &Overlay<'_>, id: &str) -> Option<(u64, Guidance)> {
    let object = sweep_object(id);
    let v = published_version(&RootState::shown(view, &object));
    let value = view.get(&object, &guidance_field(v)).value?;
    Some((v, Guidance::from_value(value).ok()?))
}

/// Guidance version `v` of sweep `id`, as shown (a draft included).
pub fn guidance_version(view: &Overlay<'_>, id: &str, v: u64) -> Option<Guidance> {
    Guidance::from_value(view.get(&sweep_object(id), &guidance_field(v)).value?).ok()
}

/// Whether `person` has acknowledged version `v` of sweep `id`.
pub fn acknowledged(view: &Overlay<'_>, id: &str, person: &str, v: u64) -> bool {
    view.get(&ack_object(id, person), &format!("v{v}")).as_bool()
}

/// The version `person` must acknowledge before their next item on sweep `id`: the one in
/// force, when they have not acknowledged it yet.
pub fn must_acknowledge(view: &Overlay<'_>, id: &str, person: &str) -> Option<u64> {
    let v = published_version(&RootState::shown(view, &sweep_object(id)));
    (v > 0 && !acknowledged(view, id, person, v)).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Hlc;
    use crate::sync::{Change, Mutation, Replica};
    use crate::tool::{self, Refusal};
    use crate::wire::OrgKind;

    fn field(object: &str, field: &str, value: Value) -> Op {
        Op::SetField {
            object: object.into(),
            field: field.into(),
            value,
            base: 0,
        }
    }

    fn actor(org_id: &str, role: Role) -> Actor<'_> {
        Actor {
            person: "p-1",
            org_id,
            org_kind: if org_id == "platform" {
                OrgKind::Platform
            } else {
                OrgKind::Vendor
            },
            role,
        }
    }

    /// A root published by `owner` with `items` items, shared with `with`.
    fn root(owner: &str, with: &[&str], items: u64) -> RootState {
        let mut replica = Replica::default();
        let ops = [
            field("sweep/abc123", "org", Value::from(owner)),
            field("sweep/abc123", "shared_with", Value::from(with.to_vec())),
            field("sweep/abc123", "items", Value::from(items)),
        ];
        for (i, op) in ops.into_iter().enumerate() {
            replica.apply(&change(i as u64 + 1, op));
        }
        RootState::shown(&Overlay::new(&replica, &[]), "sweep/abc123")
    }

    fn change(seq: u64, op: Op) -> Change {
        Change {
            seq,
            client_id: "seed-client".into(),
            mutation_id: seq,
            clock: Hlc::zero(1),
            op,
            author: "Sam".into(),
            author_org: String::new(),
        }
    }

    /// What the rules say, in short: "ok", or the refusal's kind and reason.
    fn verdict(r: Result<(), Refusal>) -> String {
        match r {
            Ok(()) => "ok".into(),
            Err(Refusal::NotAllowed(why)) => format!("not allowed: {why}"),
            Err(Refusal::OutOfScope) => "out of scope".into(),
            Err(Refusal::NoSuchObject(why)) => format!("no such object: {why}"),
            Err(Refusal::Invalid(why)) => format!("invalid: {why}"),
        }
    }

    #[test]
    fn who_may_write_what_by_role_and_organisation() {
        let shared = root("platform", &["vendor-a"], 10);
        let none = RootState::default();
        let title = field("sweep/abc123", "title", Value::from("Election night"));
        let share = field("sweep/abc123", "shared_with", Value::from(vec!["vendor-a", "vendor-b"]));
        let decision = field("sweep/abc123/item/7", "decision", Value::from("remove"));
        let target = field("sweep/abc123/item/7", "target", Value::from("@someone"));
        let create = |org: &str| field("sweep/abc123", "org", Value::from(org));
        let table: Vec<(&str, Actor<'_>, &RootState, Op, &str)> = vec![
            (
                "a platform specialist edits the title",
                actor("platform", Role::Specialist),
                &shared,
                title.clone(),
                "ok",
            ),
            (
                "a platform admin adds an item target",
                actor("platform", Role::Admin),
                &shared,
                target.clone(),
                "ok",
            ),
            (
                "the platform shares",
                actor("platform", Role::Specialist),
                &shared,
                share.clone(),
                "ok",
            ),
            (
                "a shared vendor's agent decides",
                actor("vendor-a", Role::Agent),
                &shared,
                decision.clone(),
                "ok",
            ),
            (
                "a shared vendor's specialist cannot retitle",
                actor("vendor-a", Role::Specialist),
                &shared,
                title.clone(),
                "not allowed: only specialists and admins of the publishing organisation change a sweep",
            ),
            (
                "an agent cannot retitle",
                actor("platform", Role::Agent),
                &shared,
                title.clone(),
                "not allowed: only specialists and admins of the publishing organisation change a sweep",
            ),
            (
                "a trainer cannot decide",
                actor("vendor-a", Role::Trainer),
                &shared,
                decision.clone(),
                "not allowed: a trainer cannot work sweep items",
            ),
            (
                "another vendor cannot decide",
                actor("vendor-b", Role::Agent),
                &shared,
                decision.clone(),
                "out of scope",
            ),
            (
                "another vendor cannot retitle",
                actor("vendor-b", Role::Admin),
                &shared,
                title.clone(),
                "out of scope",
            ),
            (
                "a specialist publishes for their own organisation",
                actor("vendor-b", Role::Specialist),
                &none,
                create("vendor-b"),
                "ok",
            ),
            (
                "nobody publishes for another organisation",
                actor("vendor-b", Role::Specialist),
                &none,
                create("vendor-a"),
                "not allowed: a sweep belongs to the organisation that publishes it",
            ),
            (
                "an agent does not publish",
                actor("vendor-b", Role::Agent),
                &none,
                create("vendor-b"),
                "not allowed: only specialists and admins publish sweeps",
            ),
            (
                "the organisation never changes",
                actor("platform", Role::Admin),
                &shared,
                create("platform"),
                "invalid: a sweep's organisation is set when it is published and never changes",
            ),
            (
                "no edits to a sweep that does not exist",
                actor("platform", Role::Admin),
                &none,
                decision.clone(),
                "no such object: this sweep does not exist",
            ),
            (
                "no edits past the last item",
                actor("platform", Role::Agent),
                &shared,
                field("sweep/abc123/item/11", "done", Value::from(true)),
                "no such object: this sweep has no item 11",
            ),
        ];
        for (what, who, state, op, expected) in table {
            assert_eq!(verdict(tool::check(&who, state, &op).map(|_| ())), expected, "{what}");
        }
    }

    #[test]
    fn only_the_platform_shares_and_only_with_others() {
        let vendor_own = root("vendor-a", &[], 3);
        let platform = root("platform", &[], 3);
        let table: Vec<(Actor<'_>, &RootState, Value, &str)> = vec![
            (
                actor("vendor-a", Role::Admin),
                &vendor_own,
                Value::from(vec!["vendor-b"]),
                "not allowed: only the platform shares sweeps with other organisations",
            ),
            (
                actor("vendor-a", Role::Admin),
                &vendor_own,
                Value::from(Vec::<String>::new()),
                "ok",
            ),
            (
                actor("platform", Role::Admin),
                &platform,
                Value::from(vec!["platform"]),
                "invalid: shared_with must list other organisations' ids, each once",
            ),
            (
                actor("platform", Role::Admin),
                &platform,
                Value::from(vec!["v", "v"]),
                "invalid: shared_with must list other organisations' ids, each once",
            ),
            (
                actor("platform", Role::Admin),
                &platform,
                Value::from("vendor-a"),
                "invalid: shared_with must be a list of organisations",
            ),
            (
                actor("platform", Role::Admin),
                &platform,
                Value::from((0..=MAX_SHARED).map(|i| format!("v{i}")).collect::<Vec<_>>()),
                "invalid: a sweep is shared with at most 100 organisations",
            ),
        ];
        for (who, state, value, expected) in table {
            let op = field("sweep/abc123", "shared_with", value.clone());
            assert_eq!(verdict(tool::check(&who, state, &op).map(|_| ())), expected, "{value}");
        }
    }

    #[test]
    fn values_are_checked() {
        let state = root("platform", &[], 3);
        let who = actor("platform", Role::Specialist);
        let table = [
            (
                field("sweep/abc123/item/1", "decision", Value::from("ban forever")),
                "invalid: unknown decision",
            ),
            (
                field("sweep/abc123/item/1", "done", Value::from("yes")),
                "invalid: done must be true or false",
            ),
            (
                field(
                    "sweep/abc123/item/1",
                    "note",
                    Value::from("x".repeat(MAX_NOTE_CHARS + 1)),
                ),
                "invalid: the note may be at most 2000 characters",
            ),
            (
                field("sweep/abc123", "title", Value::from("  ")),
                "invalid: the title must not be empty",
            ),
            (
                field("sweep/abc123", "items", Value::from(0)),
                "invalid: a sweep holds 1 to 50000 items",
            ),
            (field("sweep/abc123/item/1", "decision", Value::Null), "ok"),
            (
                field("sweep/abc123", "owner", Value::from("x")),
                "no such object: sweep/abc123/owner is not something Casebook stores",
            ),
            (
                field("case/1", "note", Value::from("x")),
                "no such object: case/1/note is not something Casebook stores",
            ),
            (
                field("sweep/abc123/item/0", "done", Value::from(true)),
                "no such object: sweep/abc123/item/0/done is not something Casebook stores",
            ),
            (
                field("sweep/abc123/item/07", "done", Value::from(true)),
                "no such object: sweep/abc123/item/07/done is not something Casebook stores",
            ),
            (
                field("sweep/ABC123/item/1", "done", Value::from(true)),
                "no such object: sweep/ABC123/item/1/done is not something Casebook stores",
            ),
            (
                field("sweep/abc123/item/1/x", "done", Value::from(true)),
                "no such object: sweep/abc123/item/1/x/done is not something Casebook stores",
            ),
        ];
        for (op, expected) in table {
            assert_eq!(verdict(tool::check(&who, &state, &op).map(|_| ())), expected, "{op:?}");
        }
    }

    #[test]
    fn a_pasted_list_becomes_items_and_every_published_edit_passes_the_check() {
        assert_eq!(
            parse_items("  @a \n\n@b\n@a\r\nhttps://x.test/p/1\n").expect("items"),
            vec!["@a", "@b", "https://x.test/p/1"]
        );
        assert_eq!(
            parse_items(" \n "),
            Err(NewSweepError::Items(items::ImportError::Empty))
        );
        let nobody = BTreeSet::new();
        assert_eq!(
            publish("abc123", "platform", &nobody, " ", "", "@a"),
            Err(NewSweepError::NoTitle)
        );
        let with = BTreeSet::from(["vendor-a".to_string()]);
        let ops = publish(
            "abc123",
            "platform",
            &with,
            "Election night",
            "Look for fake polling times",
            "@a\n@b",
        )
        .expect("ops");
        assert_eq!(ops.len(), 7);
        assert_eq!(ops.first().map(|op| op.field_key()), Some(("sweep/abc123", "org")));
        assert_eq!(ops.last().map(|op| op.field_key()), Some(("sweep/abc123", "title")));
        let replica = Replica::default();
        let view = Overlay::new(&replica, &[]);
        assert_eq!(
            tool::check_all(&actor("platform", Role::Specialist), &view, &ops),
            Ok(())
        );
        assert_eq!(
            tool::check_all(&actor("vendor-a", Role::Specialist), &view, &ops).map_err(|(i, r)| (i, verdict(Err(r)))),
            Err((
                0,
                "not allowed: a sweep belongs to the organisation that publishes it".into()
            ))
        );
    }

    #[test]
    fn a_sweep_is_read_back_with_progress_pending_edits_and_readable_descriptions() {
        let nobody = BTreeSet::new();
        let ops = publish("abc123", "platform", &nobody, "Election night", "", "@a\n@b\n@c").expect("ops");
        let mut replica = Replica::default();
        for (i, op) in ops.into_iter().enumerate() {
            replica.apply(&change(i as u64 + 1, op));
        }
        let base = Overlay::new(&replica, &[]);
        let two = item(&base, "abc123", 2);
        let pending = vec![
            Mutation {
                id: 1,
                clock: Hlc::zero(2),
                op: ItemEdit::Decision(ItemField::decision_value("remove")).op(&two, two.decision.base()),
            },
            Mutation {
                id: 2,
                clock: Hlc::zero(2),
                op: ItemEdit::Done(true).op(&two, two.done.base()),
            },
        ];
        let view = Overlay::new(&replica, &pending);
        let sweep = load(&view, "abc123").expect("sweep");
        assert_eq!(sweep.items.len(), 3);
        assert_eq!(sweep.items[1].target.as_str(), "@b");
        assert!(sweep.items[1].decision.pending);
        let progress = sweep.progress();
        assert_eq!((progress.total, progress.done, progress.conflicts), (3, 1, 0));
        assert_eq!(progress.decisions.get("remove"), Some(&1));
        let listed = list(&view);
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].title, "Election night");
        assert!(load(&view, "zzz999").is_none());
        let Op::SetField {
            object, field, value, ..
        } = &pending[0].op;
        assert_eq!(
            tool::describe(&view, object, field, value),
            "Item 2 of Election night: decision Remove"
        );
    }

    /// A sweep shared with vendor A whose guidance version 1 is published.
    fn guided(owner: &str) -> RootState {
        let mut state = root(owner, &["vendor-a"], 10);
        let mut seq = 10;
        for op in [
            field("sweep/abc123", "guidance/1", guidance::tests::sample().to_value()),
            publish_version("abc123", 1),
        ] {
            seq += 1;
            state.apply(&change(seq, op));
        }
        state
    }

    fn vendor_agent(person: &str) -> Actor<'_> {
        Actor {
            person,
            ..actor("vendor-a", Role::Agent)
        }
    }

    #[test]
    fn guidance_versions_acknowledgments_answers_and_assignments_by_role_and_organisation() {
        let state = guided("platform");
        let plain = root("platform", &["vendor-a"], 10);
        let mut v2 = guidance::tests::sample();
        v2.escalation = "Any threat".into();
        let mut broken = v2.to_value();
        broken["decisions"] = serde_json::json!([]);
        let decision = |value: Value| field("sweep/abc123/item/2", "decision", value);
        let answers = |value: Value| field("sweep/abc123/item/2", "answers", value);
        let assignee = |value: Value| field("sweep/abc123/item/2", "assignee", value);
        let person = |id: &str, org: &str| serde_json::json!({"person": id, "org": org, "name": "Ana Agent"});
        let spec = actor("platform", Role::Specialist);
        let table: Vec<(&str, Actor<'_>, &RootState, Op, &str)> = vec![
            (
                "a draft of the next version",
                spec,
                &state,
                field("sweep/abc123", "guidance/2", v2.to_value()),
                "ok",
            ),
            (
                "a published version never changes",
                spec,
                &state,
                field("sweep/abc123", "guidance/1", v2.to_value()),
                "invalid: guidance version 1 is published and never changes; write version 2",
            ),
            (
                "one draft at a time",
                spec,
                &state,
                field("sweep/abc123", "guidance/3", v2.to_value()),
                "invalid: the next guidance version is 2",
            ),
            (
                "a draft is validated",
                spec,
                &state,
                field("sweep/abc123", "guidance/2", broken),
                "invalid: give at least one decision",
            ),
            (
                "a vendor's specialist does not write guidance",
                actor("vendor-a", Role::Specialist),
                &state,
                field("sweep/abc123", "guidance/2", v2.to_value()),
                "not allowed: only specialists and admins of the publishing organisation change a sweep",
            ),
            (
                "an unwritten version is not published",
                spec,
                &state,
                publish_version("abc123", 2),
                "invalid: guidance version 2 has not been written",
            ),
            (
                "a version is published once",
                spec,
                &state,
                publish_version("abc123", 1),
                "invalid: versions are published in order; the next is 2",
            ),
            (
                "an assignment goes stale after some minutes",
                spec,
                &state,
                field("sweep/abc123", "stale_minutes", Value::from(0)),
                "invalid: an assignment goes stale after 1 to 1440 minutes",
            ),
            (
                "no other root fields",
                spec,
                &state,
                field("sweep/abc123", "colour", Value::from("red")),
                "no such object: sweep/abc123/colour is not something Casebook stores",
            ),
            (
                "an agent acknowledges",
                vendor_agent("p-1"),
                &state,
                acknowledge("abc123", "p-1", 1),
                "ok",
            ),
            (
                "a trainer acknowledges too",
                actor("vendor-a", Role::Trainer),
                &state,
                acknowledge("abc123", "p-1", 1),
                "ok",
            ),
            (
                "nobody acknowledges for someone else",
                vendor_agent("p-1"),
                &state,
                acknowledge("abc123", "p-2", 1),
                "not allowed: people acknowledge guidance for themselves only",
            ),
            (
                "a draft is not acknowledged",
                vendor_agent("p-1"),
                &state,
                acknowledge("abc123", "p-1", 2),
                "invalid: guidance version 2 is not published",
            ),
            (
                "another vendor does not acknowledge",
                actor("vendor-b", Role::Agent),
                &state,
                acknowledge("abc123", "p-1", 1),
                "out of scope",
            ),
            (
                "a decision names its version and section",
                vendor_agent("p-1"),
                &state,
                decision(serde_json::json!({"option": "remove", "guidance": 1, "section": "civic.misinfo@3"})),
                "ok",
            ),
            (
                "a recorded section must be the option's",
                vendor_agent("p-1"),
                &state,
                decision(serde_json::json!({"option": "remove", "guidance": 1, "section": "civic.misinfo@2"})),
                "invalid: a decision records its option, the guidance version and the section it applies (civic.misinfo@3)",
            ),
            (
                "an option the version lacks",
                vendor_agent("p-1"),
                &state,
                decision(serde_json::json!({"option": "ban", "guidance": 1, "section": "civic.misinfo@3"})),
                "invalid: guidance version 1 has no such decision",
            ),
            (
                "an unpublished version",
                vendor_agent("p-1"),
                &state,
                decision(serde_json::json!({"option": "remove", "guidance": 2, "section": "civic.misinfo@3"})),
                "invalid: an answer names the published guidance version it was given under",
            ),
            (
                "the four plain decisions are for sweeps without guidance",
                vendor_agent("p-1"),
                &state,
                decision(Value::from("remove")),
                "invalid: an answer names the published guidance version it was given under",
            ),
            (
                "answers under a published version",
                vendor_agent("p-1"),
                &state,
                answers(serde_json::json!({"guidance": 1, "steps": {"claim": true, "reach": "low"}})),
                "ok",
            ),
            (
                "a conditional step whose condition fails",
                vendor_agent("p-1"),
                &state,
                answers(serde_json::json!({"guidance": 1, "steps": {"claim": false, "reach": "low"}})),
                "invalid: step “reach” does not apply given the earlier answers",
            ),
            (
                "answers with extra parts",
                vendor_agent("p-1"),
                &state,
                answers(serde_json::json!({"guidance": 1, "steps": {}, "x": 1})),
                "invalid: answers are {guidance, steps}",
            ),
            (
                "no answers without a checklist",
                vendor_agent("p-1"),
                &plain,
                answers(serde_json::json!({"guidance": 1, "steps": {}})),
                "invalid: this sweep has no published checklist",
            ),
            (
                "a trainer does not answer",
                actor("vendor-a", Role::Trainer),
                &state,
                answers(serde_json::json!({"guidance": 1, "steps": {}})),
                "not allowed: a trainer cannot work sweep items",
            ),
            (
                "an agent takes an item",
                vendor_agent("p-1"),
                &state,
                assignee(person("p-1", "vendor-a")),
                "ok",
            ),
            (
                "an agent does not assign others",
                vendor_agent("p-1"),
                &state,
                assignee(person("p-2", "vendor-a")),
                "not allowed: an agent takes items for themselves only",
            ),
            (
                "an agent does not release",
                vendor_agent("p-1"),
                &state,
                assignee(Value::Null),
                "not allowed: only the publishing organisation's specialists release an assignment",
            ),
            (
                "a trainer does not take items",
                Actor {
                    person: "p-1",
                    ..actor("vendor-a", Role::Trainer)
                },
                &state,
                assignee(person("p-1", "vendor-a")),
                "not allowed: a trainer cannot work sweep items",
            ),
            (
                "the publisher assigns a vendor's agent",
                spec,
                &state,
                assignee(person("p-9", "vendor-a")),
                "ok",
            ),
            ("the publisher releases", spec, &state, assignee(Value::Null), "ok"),
            (
                "nobody is assigned outside the sweep's readers",
                spec,
                &state,
                assignee(person("p-9", "vendor-b")),
                "invalid: items are assigned to people of organisations that read the sweep",
            ),
            (
                "an assignee is well-formed",
                spec,
                &state,
                assignee(serde_json::json!({"person": "p-9", "org": "vendor-a", "name": ""})),
                "invalid: an assignee is a person's id, organisation and name (at most 200 characters)",
            ),
        ];
        for (what, who, state, op, expected) in table {
            assert_eq!(verdict(tool::check(&who, state, &op).map(|_| ())), expected, "{what}");
        }
    }

    #[test]
    fn a_vendors_work_and_acknowledgments_reach_only_that_vendor_and_the_publisher() {
        let state = guided("platform");
        let spec = actor("platform", Role::Specialist);
        let to = |org: &str| serde_json::json!({"person": "p-9", "org": org, "name": "N"});
        let table: Vec<(Actor<'_>, Op, Option<&str>)> = vec![
            (
                vendor_agent("p-1"),
                field("sweep/abc123/item/1", "answers", Value::Null),
                Some("vendor-a"),
            ),
            (vendor_agent("p-1"), acknowledge("abc123", "p-1", 1), Some("vendor-a")),
            (
                vendor_agent("p-1"),
                field("sweep/abc123/item/1", "assignee", to("vendor-a")),
                Some("vendor-a"),
            ),
            (
                spec,
                field("sweep/abc123/item/1", "assignee", to("vendor-a")),
                Some("vendor-a"),
            ),
            (spec, field("sweep/abc123/item/1", "assignee", to("platform")), None),
            (spec, field("sweep/abc123/item/1", "assignee", Value::Null), None),
            (spec, field("sweep/abc123/item/1", "decision", Value::Null), None),
            (spec, acknowledge("abc123", "p-1", 1), None),
            (spec, field("sweep/abc123", "guidance/2", Value::Null), None),
        ];
        for (who, op, expected) in table {
            assert_eq!(tool::audience(&who, &state, &op).as_deref(), expected, "{op:?}");
        }
    }

    #[test]
    fn a_worked_guided_sweep_exports_with_versions_acknowledgments_and_attribution() {
        let with = BTreeSet::from(["vendor-a".to_string()]);
        let mut ops = publish(
            "abc123",
            "platform",
            &with,
            "Election night",
            "",
            "@a\nhttps://x.test/p/1\nCASE-7",
        )
        .expect("ops");
        let v1 = guidance::tests::sample();
        ops.push(field("sweep/abc123", "guidance/1", v1.to_value()));
        ops.push(publish_version("abc123", 1));
        let mut replica = Replica::default();
        let mut seq = 0;
        let mut apply = |replica: &mut Replica, op: Op, who: &str, at: u64| {
            seq += 1;
            let mut c = change(seq, op);
            c.author = who.into();
            c.author_org = if who == "Sam" { "Casebook" } else { "Acme" }.into();
            c.client_id = format!("client-{who}");
            c.clock = Hlc {
                wall_ms: at,
                counter: 0,
                node: 1,
            };
            replica.apply(&c);
        };
        for op in ops {
            apply(&mut replica, op, "Sam", 1_700_000_000_000);
        }
        let view = Overlay::new(&replica, &[]);
        let choice = Choice::of(&v1, 1, "remove").expect("an option");
        let one = item(&view, "abc123", 1);
        let work = [
            acknowledge("abc123", "p-1", 1),
            ItemEdit::Assign(Some(assign::Person {
                person: "p-1".into(),
                org: "vendor-a".into(),
                name: "Ana".into(),
            }))
            .op(&one, 0),
            ItemEdit::Answers {
                guidance: 1,
                steps: BTreeMap::from([
                    ("claim".to_string(), Value::Bool(true)),
                    ("reach".into(), Value::from("high")),
                ]),
            }
            .op(&one, 0),
            ItemEdit::Choose(Some(choice)).op(&one, 0),
            ItemEdit::Note("=HYPERLINK(\"x\") انتخابات, 選挙".into()).op(&one, 0),
            ItemEdit::Done(true).op(&one, 0),
        ];
        for (i, op) in work.into_iter().enumerate() {
            apply(&mut replica, op, "Ana", 1_700_000_060_000 + i as u64 * 1000);
        }
        let view = Overlay::new(&replica, &[]);
        let review = export::review(&view, "abc123").expect("the sweep");
        expect_test::expect![[r#"
            "\u{feff}item,target,assignee,assignee_org,guidance_version,step:claim,step:reach,step:source,step:remark,decision,section,action,escalated,note,done,decided_by,decided_at,done_at,conflict\r\n1,'@a,Ana,vendor-a,1,yes,high,,,Remove,civic.misinfo@3,remove,no,\"'=HYPERLINK(\"\"x\"\") انتخابات, 選挙\",yes,Ana (Acme),2023-11-14T22:14:23Z,2023-11-14T22:14:25Z,no\r\n2,https://x.test/p/1,,,,,,,,,,,no,,no,,,,no\r\n3,CASE-7,,,,,,,,,,,no,,no,,,,no\r\n"
        "#]]
        .assert_debug_eq(&review.items_csv());
        expect_test::expect![[r#"
            "\u{feff}at,event,version,who\r\n2023-11-14T22:13:20Z,published,1,Sam (Casebook)\r\n2023-11-14T22:14:20Z,acknowledged,1,Ana (Acme)\r\n"
        "#]]
        .assert_debug_eq(&review.timeline_csv());
        let board = dashboard::dashboard(&view, "abc123", 1_700_000_100_000).expect("a dashboard");
        assert_eq!((board.total, board.done, board.unassigned, board.version), (3, 1, 2, 1));
        assert_eq!(
            board.people.get(&("Ana".to_string(), "vendor-a".to_string())),
            Some(&dashboard::Tally { done: 1, remaining: 0 })
        );
        assert_eq!(board.sections.get("civic.misinfo@3"), Some(&1));
        assert_eq!(
            (board.escalations, board.median_ms),
            (0, Some(4_000)),
            "taken at +61 s, done at +65 s"
        );
        assert_eq!(board.acks.len(), 1);
        assert_eq!((board.acks[0].name.as_str(), board.acks[0].acknowledged), ("Ana", 1));
        let json = review.to_json();
        assert_eq!(
            json["items"][0]["answers"],
            serde_json::json!({"claim": "yes", "reach": "high"})
        );
        assert_eq!(json["items"][0]["section"], "civic.misinfo@3");
        assert_eq!(json["timeline"].as_array().map(Vec::len), Some(2));
        // The pending-edits panel reads the work in words.
        let described: Vec<String> = replica
            .fields()
            .filter(|((o, _), _)| *o == "sweep/abc123/item/1" || o.starts_with("sweep/abc123/ack/"))
            .map(|((o, f), field)| tool::describe(&view, o, f, &field.value))
            .collect();
        assert_eq!(
            described,
            [
                "Election night: guidance version 1 acknowledged",
                "Item 1 of Election night: 2 checklist answers",
                "Item 1 of Election night: assigned to Ana",
                "Item 1 of Election night: decision Remove",
                "Item 1 of Election night: marked done",
                "Item 1 of Election night: note “=HYPERLINK(\"x\") انتخابات, 選挙”",
                "Item 1 of Election night: target “@a”",
            ]
        );
    }

    #[test]
    fn the_next_item_is_ones_own_then_an_unheld_one_and_idle_assignments_go_stale() {
        let nobody = BTreeSet::new();
        let ops = publish("abc123", "platform", &nobody, "T", "", "@a\n@b\n@c\n@d").expect("ops");
        let mut replica = Replica::default();
        for (i, op) in ops.into_iter().enumerate() {
            replica.apply(&change(i as u64 + 1, op));
        }
        let ana = assign::Person {
            person: "ana".into(),
            org: "platform".into(),
            name: "Ana".into(),
        };
        let bo = assign::Person {
            person: "bo".into(),
            ..ana.clone()
        };
        let view = Overlay::new(&replica, &[]);
        assert_eq!(assign::next_for(&view, "abc123", "ana"), Some(1));
        let robin = assign::round_robin(&view, "abc123", &[ana.clone(), bo.clone()]);
        assert_eq!(robin.len(), 4);
        let mut seq = replica.cursor;
        for (i, op) in robin.into_iter().enumerate() {
            seq += 1;
            let mut c = change(seq, op);
            c.clock.wall_ms = 1_000 + i as u64;
            replica.apply(&c);
        }
        // Bo finishes item 2; Ana works item 3 later.
        seq += 1;
        replica.apply(&change(seq, field("sweep/abc123/item/2", "done", Value::Bool(true))));
        seq += 1;
        let mut late = change(seq, field("sweep/abc123/item/3", "note", Value::from("x")));
        late.clock.wall_ms = 40 * 60_000;
        replica.apply(&late);
        let view = Overlay::new(&replica, &[]);
        assert_eq!(assign::next_for(&view, "abc123", "ana"), Some(1));
        assert_eq!(assign::next_for(&view, "abc123", "bo"), Some(4));
        assert_eq!(assign::next_for(&view, "abc123", "cy"), None, "everything is held");
        let stale: Vec<usize> = assign::stale(&view, "abc123", 45 * 60_000)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(stale, [1, 4], "item 2 is done and item 3 was worked 5 minutes ago");
        let Op::SetField { value, .. } = assign::release(&view, "abc123", 1);
        assert_eq!(value, Value::Null);
    }
}
