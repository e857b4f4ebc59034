//! The specialist's live view of a sweep, computed from what the device holds (the publisher's
//! device holds every vendor's work): done and remaining per person and per organisation,
//! decisions per policy section, escalations, the median time an item took, who has
//! acknowledged the version in force, and stale assignments.
//!
//! Pure: the current time arrives as an argument. Time per item is from the item's
//! assignment to its done mark, by the clocks the sync log carries.

use std::collections::{BTreeMap, BTreeSet};

use super::assign::{self, Person};
use super::guidance::Guidance;
use super::rows::{Rows, Shown};
use super::{ack_object, current_guidance};
use crate::sync::Overlay;

/// Done and remaining for one person or organisation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub done: usize,
    pub remaining: usize,
}

/// One person's acknowledgment of the version in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AckStatus {
    pub person: String,
    pub name: String,
    pub org: String,
    /// The newest version they acknowledged (0: none).
    pub acknowledged: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dashboard {
    pub total: usize,
    pub done: usize,
    /// Items nobody holds and nobody finished.
    pub unassigned: usize,
    /// By person name (and organisation id).
    pub people: BTreeMap<(String, String), Tally>,
    /// By organisation id.
    pub orgs: BTreeMap<String, Tally>,
    /// section@version → items decided under it.
    pub sections: BTreeMap<String, usize>,
    pub escalations: usize,
    /// Median milliseconds from assignment to done, over the items that have both.
    pub median_ms: Option<u64>,
    /// The version in force, and everyone holding or having held an item, or having
    /// acknowledged any version.
    pub version: u64,
    pub acks: Vec<AckStatus>,
    pub stale: Vec<(usize, Person)>,
    pub conflicts: usize,
}

/// The dashboard of sweep `id` at `now_ms`.
pub fn dashboard(view: &Overlay<'_>, id: &str, now_ms: u64) -> Option<Dashboard> {
    let rows = Rows::of_view(view, id);
    from_rows(view, id, &rows.shown(view), now_ms)
}

/// The dashboard of sweep `id` at `now_ms`, from its rows (kept up to date by the page, so
/// a change on a 50,000-item sweep costs one pass over small rows).
pub fn from_rows(view: &Overlay<'_>, id: &str, rows: &Shown<'_>, now_ms: u64) -> Option<Dashboard> {
    view.get(&super::sweep_object(id), "title").value?.as_str()?;
    let guidance = current_guidance(view, id);
    let version = guidance.as_ref().map_or(0, |(v, _)| *v);
    let mut board = Dashboard {
        total: rows.total(),
        version,
        ..Dashboard::default()
    };
    let mut times = Vec::new();
    let mut people: BTreeMap<String, Person> = BTreeMap::new();
    // Guidance version → whether each of its options escalates, read once per version.
    let mut versions: BTreeMap<u64, Option<Guidance>> = BTreeMap::new();
    for (_, row) in rows.iter() {
        let done = row.done;
        board.done += usize::from(done);
        board.conflicts += usize::from(row.conflict);
        match &row.holder {
            Some(p) => {
                if !people.contains_key(&p.person) {
                    people.insert(p.person.clone(), p.clone());
                }
                let tally = board.people.entry((p.name.clone(), p.org.clone())).or_default();
                let org = board.orgs.entry(p.org.clone()).or_default();
                if done {
                    tally.done += 1;
                    org.done += 1;
                } else {
                    tally.remaining += 1;
                    org.remaining += 1;
                }
            }
            None if !done => board.unassigned += 1,
            None => {}
        }
        match &row.choice {
            Some((v, section)) => {
                *board.sections.entry(section.clone()).or_default() += 1;
                let escalates = versions
                    .entry(*v)
                    .or_insert_with(|| super::guidance_version(view, id, *v))
                    .as_ref()
                    .and_then(|g| g.decision(&row.decision).map(|d| d.escalates))
                    .unwrap_or(false);
                board.escalations += usize::from(escalates);
            }
            None => board.escalations += usize::from(row.decision == "escalate"),
        }
        if done
            && let (Some(taken), Some(finished)) = (row.taken_ms, row.done_ms)
            && finished >= taken
        {
            times.push(finished - taken);
        }
    }
    times.sort_unstable();
    board.median_ms = match times.len() {
        0 => None,
        n if n % 2 == 1 => Some(times[n / 2]),
        n => Some((times[n / 2 - 1] + times[n / 2]) / 2),
    };
    // Everyone who acknowledged something, with everyone who holds items.
    // person → (newest version acknowledged, their name as the log has it)
    let mut acked: BTreeMap<String, (u64, String)> = BTreeMap::new();
    for object in view.objects_under(&ack_object(id, "")) {
        let person = object.rsplit('/').next().unwrap_or_default().to_string();
        let newest = view
            .fields_of(object)
            .into_iter()
            .filter(|f| view.get(object, f).as_bool())
            .filter_map(|f| Some((f.strip_prefix('v')?.parse::<u64>().ok()?, f)))
            .max();
        if let Some((v, field)) = newest {
            let author = view
                .get(object, field)
                .field
                .map(|f| f.author.clone())
                .unwrap_or_default();
            acked.insert(person, (v, author));
        }
    }
    let mut seen = BTreeSet::new();
    for (person, p) in &people {
        seen.insert(person.clone());
        board.acks.push(AckStatus {
            person: person.clone(),
            name: p.name.clone(),
            org: p.org.clone(),
            acknowledged: acked.get(person).map_or(0, |(v, _)| *v),
        });
    }
    for (person, (v, author)) in acked {
        if !seen.contains(&person) {
            board.acks.push(AckStatus {
                name: if author.is_empty() { person.clone() } else { author },
                person,
                org: String::new(),
                acknowledged: v,
            });
        }
    }
    board.stale = assign::stale_rows(view, id, rows, now_ms);
    Some(board)
}
