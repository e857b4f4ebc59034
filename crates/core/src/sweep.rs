//! Sweeps: a specialist publishes guidance and a list of items; agents work each item
//! (a decision, a note, done) concurrently. Everything a sweep holds is fields of sync
//! objects, so it is edited offline and merged by [`crate::sync`]'s rules like any other data.
//!
//! - `sweep/{id}`: `title`, `guidance`, `items` (how many items there are).
//! - `sweep/{id}/item/{n}` for n in 1..=items: `target` (what to look at, set when the
//!   sweep is created), `decision`, `note`, `done`.
//!
//! [`check`] says who may write which field with which value; the server enforces it on
//! every push and the app asks it before queueing an edit, so the two never disagree.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::sync::{Op, Overlay, Shown};
use crate::wire::Role;

/// Most items one sweep may hold.
pub const MAX_ITEMS: usize = 5_000;
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

/// What a field is, in words, for lists of pending or refused edits: "Sweep abc123 · title",
/// "Sweep abc123 · item 7 · decision".
pub fn describe(object: &str, field: &str) -> String {
    match parse(object) {
        Some(Object::Sweep(id)) => format!("Sweep {id} · {field}"),
        Some(Object::Item(id, n)) => format!("Sweep {id} · item {n} · {field}"),
        None => format!("{object} · {field}"),
    }
}

fn text(value: &Value, what: &str, max: usize, required: bool) -> Result<(), String> {
    let Some(s) = value.as_str() else {
        return Err(format!("the {what} must be text"));
    };
    if required && s.trim().is_empty() {
        return Err(format!("the {what} must not be empty"));
    }
    if s.chars().count() > max {
        return Err(format!("the {what} may be at most {max} characters"));
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

/// Whether `role` may make this edit, and whether its value is well-formed. Deny by default:
/// an object or field this module does not know is refused.
pub fn check(role: Role, op: &Op) -> Result<(), String> {
    let Op::SetField {
        object, field, value, ..
    } = op;
    let (specialist, worker) = (publishes(role), works_items(role));
    match (parse(object), field.as_str()) {
        (Some(Object::Sweep(_)), "title" | "guidance" | "items") if !specialist => {
            Err("only specialists and admins publish sweeps".into())
        }
        (Some(Object::Sweep(_)), "title") => text(value, "title", MAX_TITLE_CHARS, true),
        (Some(Object::Sweep(_)), "guidance") => text(value, "guidance", MAX_GUIDANCE_CHARS, false),
        (Some(Object::Sweep(_)), "items") => match value.as_u64() {
            Some(n) if (1..=MAX_ITEMS as u64).contains(&n) => Ok(()),
            _ => Err(format!("a sweep holds 1 to {MAX_ITEMS} items")),
        },
        (Some(Object::Item(..)), "target") if !specialist => Err("only specialists and admins add items".into()),
        (Some(Object::Item(..)), "target") => text(value, "item", MAX_TARGET_CHARS, true),
        (Some(Object::Item(..)), "decision" | "note" | "done") if !worker => {
            Err(format!("a {} cannot work sweep items", role.label().to_lowercase()))
        }
        (Some(Object::Item(..)), "decision") => match value {
            Value::Null => Ok(()),
            Value::String(s) if DECISIONS.iter().any(|(v, _)| v == s) => Ok(()),
            _ => Err("unknown decision".into()),
        },
        (Some(Object::Item(..)), "note") => text(value, "note", MAX_NOTE_CHARS, false),
        (Some(Object::Item(..)), "done") if value.is_boolean() => Ok(()),
        (Some(Object::Item(..)), "done") => Err("done must be true or false".into()),
        _ => Err(format!("{object}/{field} is not something Casebook stores")),
    }
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

/// The edits that publish a new sweep: items first, the title last, so a sweep appears in
/// lists only once everything it holds has arrived (edits are applied in order).
pub fn publish(id: &str, title: &str, guidance: &str, pasted_items: &str) -> Result<Vec<Op>, NewSweepError> {
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
    let mut ops: Vec<Op> = items
        .iter()
        .enumerate()
        .map(|(i, target)| set(item_object(id, i + 1), "target", Value::from(target.as_str())))
        .collect();
    ops.push(set(sweep_object(id), "items", Value::from(items.len())));
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

impl Item<'_> {
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
    let items = (1..=count)
        .map(|n| {
            let object = item_object(id, n);
            Item {
                n,
                target: view.get(&object, "target"),
                decision: view.get(&object, "decision"),
                note: view.get(&object, "note"),
                done: view.get(&object, "done"),
                object,
            }
        })
        .collect();
    Some(Sweep {
        id: id.to_string(),
        title,
        guidance,
        items,
    })
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

    fn field(object: &str, field: &str, value: Value) -> Op {
        Op::SetField {
            object: object.into(),
            field: field.into(),
            value,
            base: 0,
        }
    }

    #[test]
    fn roles_may_write_only_their_own_fields() {
        let title = field("sweep/abc123", "title", Value::from("Election night"));
        let decision = field("sweep/abc123/item/7", "decision", Value::from("remove"));
        let target = field("sweep/abc123/item/7", "target", Value::from("@someone"));
        assert_eq!(check(Role::Specialist, &title), Ok(()));
        assert_eq!(check(Role::Admin, &target), Ok(()));
        assert!(check(Role::Agent, &title).is_err());
        assert!(check(Role::Agent, &target).is_err());
        assert_eq!(check(Role::Agent, &decision), Ok(()));
        assert!(check(Role::Trainer, &decision).is_err());
        assert_eq!(
            describe("sweep/abc123/item/7", "decision"),
            "Sweep abc123 · item 7 · decision"
        );
        assert_eq!(describe("sweep/abc123", "title"), "Sweep abc123 · title");
        // Unknown objects, fields and malformed names are refused for everyone.
        for op in [
            field("case/1", "note", Value::from("x")),
            field("sweep/abc123", "owner", Value::from("x")),
            field("sweep/abc123/item/0", "done", Value::from(true)),
            field("sweep/abc123/item/07", "done", Value::from(true)),
            field("sweep/ABC123/item/1", "done", Value::from(true)),
            field("sweep/abc123/item/1/x", "done", Value::from(true)),
        ] {
            assert!(check(Role::Admin, &op).is_err(), "{op:?}");
        }
    }

    #[test]
    fn values_are_checked() {
        let bad = [
            field("sweep/abc123/item/1", "decision", Value::from("ban forever")),
            field("sweep/abc123/item/1", "done", Value::from("yes")),
            field(
                "sweep/abc123/item/1",
                "note",
                Value::from("x".repeat(MAX_NOTE_CHARS + 1)),
            ),
            field("sweep/abc123", "title", Value::from("  ")),
            field("sweep/abc123", "items", Value::from(0)),
        ];
        for op in bad {
            assert!(check(Role::Specialist, &op).is_err(), "{op:?}");
        }
        let cleared = field("sweep/abc123/item/1", "decision", Value::Null);
        assert_eq!(check(Role::Agent, &cleared), Ok(()));
    }

    #[test]
    fn a_pasted_list_becomes_items_and_every_published_edit_passes_the_check() {
        assert_eq!(
            parse_items("  @a \n\n@b\n@a\r\nhttps://x.test/p/1\n").expect("items"),
            vec!["@a", "@b", "https://x.test/p/1"]
        );
        assert_eq!(parse_items(" \n "), Err(NewSweepError::NoItems));
        assert_eq!(publish("abc123", " ", "", "@a"), Err(NewSweepError::NoTitle));
        let ops = publish("abc123", "Election night", "Look for fake polling times", "@a\n@b").expect("ops");
        assert_eq!(ops.len(), 5);
        assert_eq!(ops.last().map(|op| op.field_key()), Some(("sweep/abc123", "title")));
        for op in &ops {
            assert_eq!(check(Role::Specialist, op), Ok(()), "{op:?}");
        }
    }

    #[test]
    fn a_sweep_is_read_back_with_progress_and_pending_edits() {
        let ops = publish("abc123", "Election night", "", "@a\n@b\n@c").expect("ops");
        let mut replica = Replica::default();
        for (i, op) in ops.into_iter().enumerate() {
            replica.apply(&Change {
                seq: i as u64 + 1,
                client_id: "specialist-1".into(),
                mutation_id: i as u64 + 1,
                clock: Hlc::zero(1),
                op,
                author: "Sam".into(),
            });
        }
        let pending = vec![
            Mutation {
                id: 1,
                clock: Hlc::zero(2),
                op: field("sweep/abc123/item/2", "decision", Value::from("remove")),
            },
            Mutation {
                id: 2,
                clock: Hlc::zero(2),
                op: field("sweep/abc123/item/2", "done", Value::from(true)),
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
    }
}
