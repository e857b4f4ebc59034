//! Who works which item: by hand, round-robin across a list of people, or "take the next
//! unworked item". An assignment is the item's `assignee` field, so two agents taking the same
//! item (one of them offline) become a visible conflict in the sync fold, never a silent
//! double. An agent's own queue comes first; an assignment with no activity on the item for
//! the sweep's stale time may be released by the publisher.
//!
//! Pure: the current time arrives as an argument.

use serde_json::Value;

use super::{DEFAULT_STALE_MINUTES, ItemEdit, ItemField, MAX_NAME_CHARS, load, sweep_object, valid_person_id};
use crate::sync::{Op, Overlay};

/// A person an item is assigned to: the account id and organisation (what the rules check)
/// and the name (what people read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub person: String,
    pub org: String,
    pub name: String,
}

impl Person {
    /// A stored assignee, if well-formed.
    pub fn from_value(value: &Value) -> Option<Person> {
        let object = value.as_object().filter(|o| o.len() == 3)?;
        let person = Person {
            person: object.get("person")?.as_str()?.to_string(),
            org: object.get("org")?.as_str()?.to_string(),
            name: object.get("name")?.as_str()?.to_string(),
        };
        let ok = valid_person_id(&person.person)
            && valid_person_id(&person.org)
            && !person.name.trim().is_empty()
            && person.name.chars().count() <= MAX_NAME_CHARS
            && !person.name.chars().any(char::is_control);
        ok.then_some(person)
    }

    pub fn to_value(&self) -> Value {
        serde_json::json!({"person": self.person, "org": self.org, "name": self.name})
    }
}

/// The edits that assign sweep `id`'s unassigned, unfinished items to `people` in turn.
pub fn round_robin(view: &Overlay<'_>, id: &str, people: &[Person]) -> Vec<Op> {
    let Some(sweep) = load(view, id) else {
        return Vec::new();
    };
    if people.is_empty() {
        return Vec::new();
    }
    sweep
        .items
        .iter()
        .filter(|item| item.assignee.value.is_none_or(Value::is_null) && !item.done.as_bool())
        .zip(people.iter().cycle())
        .map(|(item, person)| ItemEdit::Assign(Some(person.clone())).op(item, item.assignee.base()))
        .collect()
}

/// The item `me` should work next on sweep `id`: the first unfinished one assigned to them,
/// else the first unfinished one nobody holds.
pub fn next_for(view: &Overlay<'_>, id: &str, me: &str) -> Option<usize> {
    let sweep = load(view, id)?;
    let holder = |n: usize| {
        sweep.items[n - 1]
            .assignee
            .value
            .and_then(Person::from_value)
            .map(|p| p.person)
    };
    let open = || sweep.items.iter().filter(|item| !item.done.as_bool());
    open()
        .find(|item| holder(item.n).as_deref() == Some(me))
        .or_else(|| open().find(|item| holder(item.n).is_none()))
        .map(|item| item.n)
}

/// The edit by which `me` takes item `n` of sweep `id`.
pub fn take(view: &Overlay<'_>, id: &str, n: usize, me: &Person) -> Op {
    let item = super::item(view, id, n);
    ItemEdit::Assign(Some(me.clone())).op(&item, item.assignee.base())
}

/// The edit that releases item `n` of sweep `id`.
pub fn release(view: &Overlay<'_>, id: &str, n: usize) -> Op {
    let item = super::item(view, id, n);
    ItemEdit::Assign(None).op(&item, item.assignee.base())
}

/// The last time anything of item `n` was written (its fields' clocks), in milliseconds.
pub fn last_activity(view: &Overlay<'_>, id: &str, n: usize) -> u64 {
    let item = super::item(view, id, n);
    ItemField::ALL
        .iter()
        .filter_map(|f| item.shown(*f).field)
        .map(|f| f.clock.wall_ms)
        .max()
        .unwrap_or(0)
}

/// Items of sweep `id` assigned but unfinished with no activity for the sweep's stale time at
/// `now_ms`: (item, holder).
pub fn stale(view: &Overlay<'_>, id: &str, now_ms: u64) -> Vec<(usize, Person)> {
    let rows = super::rows::Rows::of_view(view, id);
    stale_rows(view, id, &rows.shown(view), now_ms)
}

/// [`stale`], from the sweep's rows.
pub fn stale_rows(view: &Overlay<'_>, id: &str, rows: &super::rows::Shown<'_>, now_ms: u64) -> Vec<(usize, Person)> {
    let minutes = view
        .get(&sweep_object(id), "stale_minutes")
        .value
        .and_then(Value::as_u64)
        .unwrap_or(DEFAULT_STALE_MINUTES);
    let cutoff = now_ms.saturating_sub(minutes * 60_000);
    rows.iter()
        .filter(|(_, row)| !row.done && row.last_ms < cutoff)
        .filter_map(|(n, row)| Some((n, row.holder.clone()?)))
        .collect()
}
