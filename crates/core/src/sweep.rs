//! Sweeps: a specialist publishes guidance and a list of items; agents work each item
//! (a decision, a note, done) concurrently. Everything a sweep holds is fields of sync
//! objects, so it is edited offline and merged by [`crate::sync`]'s rules like any other data.
//!
//! - `sweep/{id}` (the root): `org` (the publishing organisation, set first and never
//!   changed), `shared_with` (the other organisations that see it: only the platform shares),
//!   `title`, `guidance`, `items` (how many items there are).
//! - `sweep/{id}/item/{n}` for n in 1..=items: `target` (what to look at, set when the
//!   sweep is created), `decision`, `note`, `done`.
//!
//! Who reads a sweep: its organisation and those it is shared with ([`Sweeps`]'s scope); a
//! vendor's work on its items (decision, note, done) only that vendor and the publisher.
//! Who writes: the publishing organisation's specialists and admins publish and share; agents,
//! specialists and admins of every reading organisation work items; trainers read. The server
//! enforces it on every push and the app asks it before queueing an edit, through
//! [`crate::tool`]. Pages build edits with the typed builders here, never with field names.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::scope::{Actor, Scope};
use crate::sync::{Op, Overlay, Shown};
use crate::tool::{Refusal, RootState, Tool};
use crate::wire::Role;

/// Most items one sweep may hold.
pub const MAX_ITEMS: usize = 5_000;
/// Most organisations one sweep may be shared with.
pub const MAX_SHARED: usize = 100;
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_GUIDANCE_CHARS: usize = 4_000;
pub const MAX_TARGET_CHARS: usize = 500;
pub const MAX_NOTE_CHARS: usize = 2_000;

/// The decisions an agent can take on an item: (stored value, label).
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

/// A sweep id: 6 to 40 lowercase letters and digits (the app draws one at random).
pub fn valid_id(id: &str) -> bool {
    (6..=40).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// What an object name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Object<'a> {
    Sweep(&'a str),
    Item(&'a str, usize),
}

fn parse(object: &str) -> Option<Object<'_>> {
    let rest = object.strip_prefix("sweep/")?;
    match rest.split_once("/item/") {
        None => valid_id(rest).then_some(Object::Sweep(rest)),
        Some((id, n)) => {
            let n: usize = n.parse().ok().filter(|n| (1..=MAX_ITEMS).contains(n))?;
            (valid_id(id) && n.to_string().len() == rest.len() - id.len() - "/item/".len())
                .then_some(Object::Item(id, n))
        }
    }
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

/// The sweeps tool, registered in [`crate::tool::TOOLS`].
#[derive(Debug, Clone, Copy)]
pub struct Sweeps;

impl Tool for Sweeps {
    fn root<'a>(&self, object: &'a str) -> Option<&'a str> {
        match parse(object)? {
            Object::Sweep(_) => Some(object),
            Object::Item(id, _) => Some(&object[.."sweep/".len() + id.len()]),
        }
    }

    fn scope(&self, root: &RootState) -> Option<Scope> {
        Some(Scope::Shared {
            owner: root.str("org")?.to_string(),
            with: shared_with(root.value("shared_with")),
        })
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
            return match (parsed, field.as_str()) {
                (Object::Sweep(_), "org") if !publishes(actor.role) => {
                    Err(Refusal::NotAllowed("only specialists and admins publish sweeps".into()))
                }
                (Object::Sweep(_), "org") if value.as_str() == Some(actor.org_id) => Ok(()),
                (Object::Sweep(_), "org") => Err(Refusal::NotAllowed(
                    "a sweep belongs to the organisation that publishes it".into(),
                )),
                _ => Err(Refusal::NoSuchObject("this sweep does not exist".into())),
            };
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
            (Object::Sweep(_), "org") => Err(Refusal::Invalid(
                "a sweep's organisation is set when it is published and never changes".into(),
            )),
            (Object::Sweep(_), "shared_with" | "title" | "guidance" | "items") if !owner => publisher_only(),
            (Object::Sweep(_), "shared_with") => {
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
            (Object::Sweep(_), "title") => text(value, "title", MAX_TITLE_CHARS, true),
            (Object::Sweep(_), "guidance") => text(value, "guidance", MAX_GUIDANCE_CHARS, false),
            (Object::Sweep(_), "items") => match value.as_u64() {
                Some(n) if (1..=MAX_ITEMS as u64).contains(&n) => Ok(()),
                _ => Err(Refusal::Invalid(format!("a sweep holds 1 to {MAX_ITEMS} items"))),
            },
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
            (Object::Item(..), "decision" | "note" | "done") if !works_items(actor.role) => Err(Refusal::NotAllowed(
                format!("a {} cannot work sweep items", actor.role.label().to_lowercase()),
            )),
            (Object::Item(..), "decision") => match value {
                Value::Null => Ok(()),
                Value::String(s) if DECISIONS.iter().any(|(v, _)| v == s) => Ok(()),
                _ => Err(Refusal::Invalid("unknown decision".into())),
            },
            (Object::Item(..), "note") => text(value, "note", MAX_NOTE_CHARS, false),
            (Object::Item(..), "done") if value.is_boolean() => Ok(()),
            (Object::Item(..), "done") => Err(Refusal::Invalid("done must be true or false".into())),
            _ => Err(unknown()),
        }
    }

    /// An item's decision, note and done mark made by a vendor are that vendor's: the
    /// publishing organisation sees them, the other vendors it shared the sweep with do not.
    fn audience(&self, actor: &Actor<'_>, root: &RootState, op: &Op) -> Option<String> {
        let Op::SetField { object, field, .. } = op;
        let owner = root.str("org")?;
        match (parse(object)?, field.as_str()) {
            (Object::Item(..), "decision" | "note" | "done") if actor.org_id != owner => Some(actor.org_id.to_string()),
            _ => None,
        }
    }

    fn describe(&self, view: &Overlay<'_>, object: &str, field: &str, value: &Value) -> String {
        let title = |id: &str| {
            let title = view.get(&sweep_object(id), "title");
            match title.as_str() {
                "" => format!("sweep {id}"),
                t => t.to_string(),
            }
        };
        let shown = match (field, value) {
            ("decision", Value::String(s)) => decision_label(s).to_string(),
            ("decision", Value::Null) => "none".into(),
            ("done", Value::Bool(true)) => "done".into(),
            ("done", Value::Bool(false)) => "not done".into(),
            (_, Value::String(s)) if s.chars().count() > 60 => format!("“{}…”", s.chars().take(60).collect::<String>()),
            (_, Value::String(s)) => format!("“{s}”"),
            (_, other) => other.to_string(),
        };
        match parse(object) {
            Some(Object::Sweep(id)) => format!("{} · {field}: {shown}", title(id)),
            Some(Object::Item(id, n)) => format!("Item {n} of {} · {field}: {shown}", title(id)),
            None => format!("{object} · {field}"),
        }
    }
}

/// What `field`'s edit to one item is: typed, so pages never spell field names.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemEdit {
    /// `None` clears the decision.
    Decision(Option<&'static str>),
    Note(String),
    Done(bool),
}

impl ItemEdit {
    fn field(&self) -> &'static str {
        match self {
            ItemEdit::Decision(_) => "decision",
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
}

impl ItemField {
    pub const ALL: [ItemField; 3] = [ItemField::Decision, ItemField::Note, ItemField::Done];

    pub fn name(self) -> &'static str {
        match self {
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
    let object = sweep_object(id);
    let base = view.get(&object, "shared_with").base();
    Op::SetField {
        object,
        field: "shared_with".into(),
        value: Value::from(orgs.iter().cloned().collect::<Vec<_>>()),
        base,
    }
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
    #[error("paste at least one item: a link or handle per line")]
    NoItems,
    #[error("a sweep holds at most {MAX_ITEMS} items; this list has {0}")]
    TooManyItems(usize),
    #[error("line {line} is longer than {MAX_TARGET_CHARS} characters")]
    ItemTooLong { line: usize },
}

/// The items of a pasted list: one per non-empty line, trimmed, repeats dropped.
pub fn parse_items(pasted: &str) -> Result<Vec<String>, NewSweepError> {
    let mut seen = std::collections::HashSet::new();
    let mut items = Vec::new();
    for (i, line) in pasted.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || !seen.insert(line) {
            continue;
        }
        if line.chars().count() > MAX_TARGET_CHARS {
            return Err(NewSweepError::ItemTooLong { line: i + 1 });
        }
        items.push(line.to_string());
    }
    match items.len() {
        0 => Err(NewSweepError::NoItems),
        n if n > MAX_ITEMS => Err(NewSweepError::TooManyItems(n)),
        _ => Ok(items),
    }
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
    let mut ops = vec![set(sweep_object(id), "org", Value::from(org))];
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
        }
    }

    pub fn has_conflict(&self) -> bool {
        [&self.decision, &self.note, &self.done]
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
            if let Some(decision) = item.decision.value.and_then(Value::as_str) {
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
        decision: view.get(&object, "decision"),
        note: view.get(&object, "note"),
        done: view.get(&object, "done"),
        object,
    }
}

/// Every published sweep, by title.
pub fn list(view: &Overlay<'_>) -> Vec<Summary> {
    let mut sweeps: Vec<Summary> = view
        .objects_with("title")
        .into_iter()
        .filter_map(|object| match parse(object) {
            Some(Object::Sweep(id)) => load(view, id),
            _ => None,
        })
        .map(|sweep| Summary {
            progress: sweep.progress(),
            id: sweep.id,
            title: sweep.title,
        })
        .collect();
    sweeps.sort_by(|a, b| {
        a.title
            .to_lowercase()
            .cmp(&b.title.to_lowercase())
            .then(a.id.cmp(&b.id))
    });
    sweeps
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
                "invalid: a sweep holds 1 to 5000 items",
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
        assert_eq!(parse_items(" \n "), Err(NewSweepError::NoItems));
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
            "Item 2 of Election night · decision: Remove"
        );
    }
}
