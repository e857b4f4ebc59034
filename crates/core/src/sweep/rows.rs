//! What the item list filters and counts of each item of one sweep, kept up to date from one
//! replica to the next by what changed.
//!
//! A sweep holds up to [`MAX_ITEMS`](super::MAX_ITEMS) items. Building them all from the
//! replica on every edit (seven field lookups each) takes longer than a frame at 50,000
//! items. [`Rows`] keeps one small [`Row`] per item, computed from the replica alone; a new
//! replica recomputes only the items [`Replica::changed_objects`] names, and the person's own
//! pending edits are laid over the few items they touch when the list is read.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use serde_json::Value;

use super::assign::Person;
use super::{Choice, ItemField, Progress, item, sweep_object};
use crate::sync::{Overlay, Replica};

/// One item as the list filters and counts it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub done: bool,
    /// Whether a field holds a conflict someone must look at.
    pub conflict: bool,
    /// The decision's value (the four fixed ones) or option id; empty: none.
    pub decision: String,
    pub holder: Option<Person>,
    /// The target, the note and the holder's name, lowercased, for the find box.
    pub text: String,
    /// The guidance version and section@version of a decision that is a guidance's option.
    pub choice: Option<(u64, String)>,
    /// When the item was assigned and marked done, by the clocks the sync log carries (ms).
    pub taken_ms: Option<u64>,
    pub done_ms: Option<u64>,
    /// The last time any of its fields was written (ms; 0: never).
    pub last_ms: u64,
}

impl Row {
    fn of(view: &Overlay<'_>, id: &str, n: usize) -> Row {
        let item = item(view, id, n);
        let holder = item.assignee.value.and_then(Person::from_value);
        let mut text = item.target.as_str().to_lowercase();
        for part in [item.note.as_str(), holder.as_ref().map_or("", |p| p.name.as_str())] {
            if !part.is_empty() {
                text.push('\n');
                text.push_str(&part.to_lowercase());
            }
        }
        Row {
            done: item.done.as_bool(),
            conflict: item.has_conflict(),
            decision: match item.decision.value {
                Some(Value::String(s)) => s.clone(),
                Some(v) => v.get("option").and_then(Value::as_str).unwrap_or_default().to_string(),
                None => String::new(),
            },
            choice: item
                .decision
                .value
                .filter(|v| !v.is_string())
                .and_then(Choice::from_value)
                .map(|c| (c.guidance, c.section)),
            taken_ms: item.assignee.field.map(|f| f.clock.wall_ms),
            done_ms: item.done.field.map(|f| f.clock.wall_ms),
            last_ms: ItemField::ALL
                .iter()
                .filter_map(|f| item.shown(*f).field)
                .map(|f| f.clock.wall_ms)
                .max()
                .unwrap_or(0),
            holder,
            text,
        }
    }
}

/// The pending edits of one item: (field, value, base), by field.
type Edits = Vec<(String, Value, u64)>;

/// The rows of one sweep's items, from the replica alone.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    id: String,
    /// The replica the rows were computed from: a copy shares it, so keeping it is cheap.
    seen: Replica,
    /// Item `n`'s row at `n - 1`.
    rows: Vec<Row>,
    /// The rows of items with pending edits, with those edits: reused while neither the
    /// edits nor the item's stored fields change (a 50,000-item sweep being published has
    /// 50,000 pending items, and the page renders on every step of sending them).
    edited: RefCell<BTreeMap<usize, (Edits, Rc<Row>)>>,
}

/// The sweep's item count as stored (bounded).
fn count(view: &Overlay<'_>, id: &str) -> usize {
    view.get(&sweep_object(id), "items")
        .value
        .and_then(Value::as_u64)
        .map_or(0, |n| n.min(super::MAX_ITEMS as u64) as usize)
}

/// The item number of `object` when it is an item of sweep `id`.
fn item_number(prefix: &str, object: &str) -> Option<usize> {
    object.strip_prefix(prefix)?.parse().ok()
}

impl Rows {
    /// The rows of sweep `id` as `view` shows them, computed afresh: for a one-off count.
    pub fn of_view(view: &Overlay<'_>, id: &str) -> Rows {
        Rows {
            id: id.to_string(),
            seen: Replica::default(),
            rows: (1..=count(view, id)).map(|n| Row::of(view, id, n)).collect(),
            edited: RefCell::default(),
        }
    }

    /// Brings the rows of sweep `id` up to `replica`. Only the items whose objects changed
    /// since the last call are recomputed (all of them for another sweep, or the first time).
    pub fn update(&mut self, replica: &Replica, id: &str) {
        let view = Overlay::new(replica, &[]);
        let total = count(&view, id);
        if self.id != id || self.rows.is_empty() {
            self.id = id.to_string();
            self.rows = (1..=total).map(|n| Row::of(&view, id, n)).collect();
            self.edited.get_mut().clear();
        } else {
            let prefix = format!("{}/item/", sweep_object(id));
            let changed: BTreeSet<usize> = replica
                .changed_objects(&self.seen)
                .filter_map(|object| item_number(&prefix, object))
                .filter(|n| (1..=total).contains(n))
                .collect();
            let known = self.rows.len().min(total);
            self.rows.truncate(known);
            let edited = self.edited.get_mut();
            for n in changed {
                edited.remove(&n);
                if n <= known {
                    self.rows[n - 1] = Row::of(&view, id, n);
                }
            }
            self.rows.extend((known + 1..=total).map(|n| Row::of(&view, id, n)));
        }
        self.seen = replica.clone();
    }

    /// The rows as `view` shows them: the stored rows, with the items the person's pending
    /// edits touch read from `view`; and the item count `view` shows.
    pub fn shown<'r>(&'r self, view: &Overlay<'_>) -> Shown<'r> {
        let prefix = format!("{}/item/", sweep_object(&self.id));
        let total = count(view, &self.id);
        // The pending fields come by object: gather each item's, then reuse or recompute.
        let mut by_item: BTreeMap<usize, Vec<(&str, &Value, u64)>> = BTreeMap::new();
        for (object, field, value, base) in view.pending_fields() {
            if let Some(n) = item_number(&prefix, object).filter(|n| (1..=total).contains(n)) {
                by_item.entry(n).or_default().push((field, value, base));
            }
        }
        let mut cache = self.edited.borrow_mut();
        cache.retain(|n, _| by_item.contains_key(n));
        let edited = by_item
            .into_iter()
            .map(|(n, edits)| {
                let same = |kept: &Edits| {
                    kept.len() == edits.len()
                        && kept
                            .iter()
                            .zip(&edits)
                            .all(|((f, v, b), (f2, v2, b2))| f == f2 && v == *v2 && b == b2)
                };
                let row = match cache.get(&n) {
                    Some((kept, row)) if same(kept) => row.clone(),
                    _ => {
                        let row = Rc::new(Row::of(view, &self.id, n));
                        let kept = edits
                            .iter()
                            .map(|(f, v, b)| (f.to_string(), (*v).clone(), *b))
                            .collect();
                        cache.insert(n, (kept, row.clone()));
                        row
                    }
                };
                (n, row)
            })
            .collect();
        Shown {
            stored: &self.rows,
            edited,
            total,
        }
    }
}

/// The rows of a sweep as a person sees them.
#[derive(Debug)]
pub struct Shown<'r> {
    stored: &'r [Row],
    edited: BTreeMap<usize, Rc<Row>>,
    total: usize,
}

impl Shown<'_> {
    /// Item `n`'s row (1-based).
    pub fn row(&self, n: usize) -> Option<&Row> {
        self.edited
            .get(&n)
            .map(|row| &**row)
            .or_else(|| self.stored.get(n.checked_sub(1)?))
    }

    /// Every item's number and row, in order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &Row)> {
        (1..=self.total).filter_map(|n| Some((n, self.row(n)?)))
    }

    pub fn total(&self) -> usize {
        self.total
    }

    /// The item `me` should work next, as [`super::assign::next_for`] picks it: the first open
    /// item `me` holds, else the first open one nobody holds.
    pub fn next_for(&self, me: &str) -> Option<usize> {
        let open = || self.iter().filter(|(_, row)| !row.done);
        open()
            .find(|(_, row)| row.holder.as_ref().is_some_and(|p| p.person == me))
            .or_else(|| open().find(|(_, row)| row.holder.is_none()))
            .map(|(n, _)| n)
    }

    /// Done, conflicts and decisions, as [`super::Sweep::progress`] counts them.
    pub fn progress(&self) -> Progress {
        let mut progress = Progress {
            total: self.total,
            ..Progress::default()
        };
        for (_, row) in self.iter() {
            progress.done += usize::from(row.done);
            progress.conflicts += usize::from(row.conflict);
            if row.decision.is_empty() {
                continue;
            }
            match progress.decisions.get_mut(&row.decision) {
                Some(count) => *count += 1,
                None => {
                    progress.decisions.insert(row.decision.clone(), 1);
                }
            }
        }
        progress
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::clock::Hlc;
    use crate::sweep::load;
    use crate::sync::{Change, Mutation, Op};

    fn set(object: &str, field: &str, value: Value) -> Op {
        Op::SetField {
            object: object.into(),
            field: field.into(),
            value,
            base: 0,
        }
    }

    fn change(seq: u64, client: &str, op: Op) -> Change {
        Change {
            seq,
            client_id: client.into(),
            mutation_id: seq,
            clock: Hlc::zero(seq),
            op,
            author: client.into(),
            author_org: String::new(),
        }
    }

    /// The rows and progress computed from scratch, as the list showed them before [`Rows`].
    fn from_scratch(view: &Overlay<'_>, id: &str) -> (Vec<(usize, Row)>, Progress) {
        let sweep = load(view, id).expect("the sweep");
        let rows = (1..=sweep.items.len()).map(|n| (n, Row::of(view, id, n))).collect();
        (rows, sweep.progress())
    }

    fn shown_rows(rows: &Rows, view: &Overlay<'_>) -> (Vec<(usize, Row)>, Progress) {
        let shown = rows.shown(view);
        (shown.iter().map(|(n, r)| (n, r.clone())).collect(), shown.progress())
    }

    #[test]
    fn rows_kept_up_to_date_by_what_changed_equal_rows_computed_from_scratch() {
        let mut replica = Replica::default();
        let mut seq = 0;
        let mut apply = |replica: &mut Replica, client: &str, op: Op| {
            seq += 1;
            replica.apply(&change(seq, client, op));
        };
        apply(&mut replica, "spec", set("sweep/s1", "title", json!("Election night")));
        apply(&mut replica, "spec", set("sweep/s1", "items", json!(40)));
        for n in 1..=40 {
            apply(
                &mut replica,
                "spec",
                set(&format!("sweep/s1/item/{n}"), "target", json!(format!("@Account_{n}"))),
            );
        }
        // Another sweep's items never reach these rows.
        apply(&mut replica, "spec", set("sweep/s2/item/3", "done", json!(true)));
        let mut rows = Rows::default();
        rows.update(&replica, "s1");
        let view = Overlay::new(&replica, &[]);
        assert_eq!(shown_rows(&rows, &view), from_scratch(&view, "s1"));

        // Work arrives in pulls: decisions, notes, assignees, a conflict, more items.
        let steps: Vec<(&str, Op)> = vec![
            ("ana", set("sweep/s1/item/3", "decision", json!("remove"))),
            ("ana", set("sweep/s1/item/3", "done", json!(true))),
            (
                "ben",
                set("sweep/s1/item/7", "decision", json!({"option": "label", "guidance": 2})),
            ),
            ("ben", set("sweep/s1/item/7", "note", json!("Ströme OF fake votes"))),
            (
                "ana",
                set(
                    "sweep/s1/item/9",
                    "assignee",
                    json!({"person": "u-ana", "org": "v", "name": "Ana Núñez"}),
                ),
            ),
            // Ben, unaware of Ana's decision (base 0, later clock): a conflict on item 3.
            ("ben", set("sweep/s1/item/3", "decision", json!("no_violation"))),
            ("spec", set("sweep/s1", "items", json!(45))),
            ("spec", set("sweep/s1/item/44", "target", json!("CASE-44"))),
        ];
        for (client, op) in steps {
            apply(&mut replica, client, op);
            rows.update(&replica, "s1");
            let view = Overlay::new(&replica, &[]);
            assert_eq!(shown_rows(&rows, &view), from_scratch(&view, "s1"));
            assert_eq!(
                crate::sweep::dashboard::from_rows(&view, "s1", &rows.shown(&view), 9_000_000),
                crate::sweep::dashboard::dashboard(&view, "s1", 9_000_000)
            );
        }
        let view = Overlay::new(&replica, &[]);
        let shown = rows.shown(&view);
        assert!(shown.row(3).is_some_and(|r| r.conflict && r.done));
        assert_eq!(shown.row(7).map(|r| r.decision.as_str()), Some("label"));
        assert!(shown.row(7).is_some_and(|r| r.text.contains("ströme of fake votes")));
        assert!(shown.row(9).is_some_and(|r| r.text.contains("ana núñez")));
        assert_eq!(shown.total(), 45);
        for me in ["u-ana", "u-ben"] {
            assert_eq!(
                shown.next_for(me),
                crate::sweep::assign::next_for(&view, "s1", me),
                "{me}"
            );
        }
        assert_eq!(shown.next_for("u-ana"), Some(9), "her own open item first");

        // The person's own pending edits are laid over the rows they touch.
        let pending = vec![Mutation {
            id: 1,
            clock: Hlc::zero(99),
            op: set("sweep/s1/item/12", "done", json!(true)),
        }];
        let view = Overlay::new(&replica, &pending);
        assert_eq!(shown_rows(&rows, &view), from_scratch(&view, "s1"));
        assert!(rows.shown(&view).row(12).is_some_and(|r| r.done));
        // The same edits again reuse the row; a newer edit of the field, or a pulled change
        // of the item, recomputes it.
        assert_eq!(shown_rows(&rows, &view), from_scratch(&view, "s1"));
        let undone = vec![Mutation {
            id: 2,
            clock: Hlc::zero(100),
            op: set("sweep/s1/item/12", "done", json!(false)),
        }];
        let view = Overlay::new(&replica, &undone);
        assert!(rows.shown(&view).row(12).is_some_and(|r| !r.done));
        apply(
            &mut replica,
            "ana",
            set("sweep/s1/item/12", "note", json!("Seen by Ana")),
        );
        rows.update(&replica, "s1");
        let view = Overlay::new(&replica, &undone);
        assert_eq!(shown_rows(&rows, &view), from_scratch(&view, "s1"));
        assert!(
            rows.shown(&view)
                .row(12)
                .is_some_and(|r| r.text.contains("seen by ana"))
        );

        // Another sweep: computed afresh.
        rows.update(&replica, "s2");
        assert_eq!(rows.shown(&Overlay::new(&replica, &[])).total(), 0);
    }
}
