//! Anonymous refusals, written to the audit log in aggregate.
//!
//! Anyone can send requests that are refused without signing in, and the audit log is
//! append-only: one row each would let a stranger grow it without end. So per client address
//! and kind of refusal (the same action, object, result and detail), the first refusal of a
//! window is written at once with its request id, repeats within the window are only counted,
//! and one summary row ("N more …") is written once the window has passed (at the next
//! refusal, at the next periodic flush, or at shutdown). At most [`MAX_TALLIES`] kinds are
//! tracked per window; refusals past that share one overflow tally. So anonymous refusals
//! write at most `2 × (MAX_TALLIES + 1)` rows per window, whatever their number.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::store::NewAuditEntry;

/// How many address-and-kind tallies one window tracks before refusals share one.
pub const MAX_TALLIES: usize = 100;
/// The default window.
pub const WINDOW: Duration = Duration::from_secs(60);

/// The address of the overflow tally's refusals.
const MANY_ADDRESSES: &str = "many addresses";

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Kind {
    address: String,
    actor: Option<String>,
    action: String,
    object: Option<String>,
    result: String,
    detail: Option<String>,
}

#[derive(Debug)]
struct Tally {
    opened: Instant,
    opened_at: String,
    repeats: u64,
}

/// An audit row to write: a refusal of some kind, with its own request id and detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    of: Kind,
    request_id: String,
    detail: String,
}

impl Row {
    pub fn entry(&self) -> NewAuditEntry<'_> {
        NewAuditEntry {
            actor: self.of.actor.as_deref(),
            action: &self.of.action,
            object: self.of.object.as_deref(),
            request_id: &self.request_id,
            result: &self.of.result,
            detail: Some(&self.detail),
            ..Default::default()
        }
    }
}

/// The open windows of anonymous refusals.
#[derive(Debug)]
pub struct RefusalTally {
    window: Duration,
    tallies: Mutex<HashMap<Kind, Tally>>,
}

impl RefusalTally {
    pub fn new(window: Duration) -> RefusalTally {
        RefusalTally {
            window,
            tallies: Mutex::default(),
        }
    }

    /// Notes a refusal from `address` at `now_rfc3339`; returns the rows to write now: the
    /// summaries of windows that have passed, and this refusal if it opens a window.
    pub fn note(&self, address: &str, entry: &NewAuditEntry<'_>, now_rfc3339: &str) -> Vec<Row> {
        let now = Instant::now();
        let mut kind = Kind {
            address: address.to_string(),
            actor: entry.actor.map(str::to_string),
            action: entry.action.to_string(),
            object: entry.object.map(str::to_string),
            result: entry.result.to_string(),
            detail: entry.detail.map(str::to_string),
        };
        let mut tallies = self.tallies.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut rows = self.take_passed(&mut tallies, now);
        if !tallies.contains_key(&kind) && tallies.len() >= MAX_TALLIES {
            kind = Kind {
                address: MANY_ADDRESSES.into(),
                actor: None,
                action: "request.denied".into(),
                object: None,
                result: "denied".into(),
                detail: Some("anonymous refusals of every kind".into()),
            };
        }
        match tallies.get_mut(&kind) {
            Some(tally) => tally.repeats += 1,
            None => {
                rows.push(Row {
                    detail: format!(
                        "{} (from {}; repeats within {} s are counted in one later entry)",
                        kind.detail.as_deref().unwrap_or(&kind.action),
                        kind.address,
                        self.window.as_secs()
                    ),
                    of: kind.clone(),
                    request_id: entry.request_id.to_string(),
                });
                tallies.insert(
                    kind,
                    Tally {
                        opened: now,
                        opened_at: now_rfc3339.to_string(),
                        repeats: 0,
                    },
                );
            }
        }
        rows
    }

    /// The summaries of windows that have passed (all of them when `everything`), which
    /// are then forgotten.
    pub fn flush(&self, everything: bool) -> Vec<Row> {
        let mut tallies = self.tallies.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if everything {
            return tallies
                .drain()
                .filter_map(|(kind, tally)| summary(kind, &tally))
                .collect();
        }
        self.take_passed(&mut tallies, Instant::now())
    }

    fn take_passed(&self, tallies: &mut HashMap<Kind, Tally>, now: Instant) -> Vec<Row> {
        let passed: Vec<Kind> = tallies
            .iter()
            .filter(|(_, tally)| now.duration_since(tally.opened) >= self.window)
            .map(|(kind, _)| kind.clone())
            .collect();
        passed
            .into_iter()
            .filter_map(|kind| {
                let tally = tallies.remove(&kind)?;
                summary(kind, &tally)
            })
            .collect()
    }
}

fn summary(kind: Kind, tally: &Tally) -> Option<Row> {
    (tally.repeats > 0).then(|| Row {
        detail: format!(
            "{} more time(s) from {} since {}: {}",
            tally.repeats,
            kind.address,
            tally.opened_at,
            kind.detail.as_deref().unwrap_or(&kind.action)
        ),
        of: kind,
        request_id: "summary".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(detail: &str) -> NewAuditEntry<'_> {
        NewAuditEntry {
            action: "request.denied",
            request_id: "r",
            result: "denied",
            detail: Some(detail),
            ..Default::default()
        }
    }

    #[test]
    fn repeats_are_counted_once_per_window_and_kinds_are_bounded() {
        let tally = RefusalTally::new(Duration::from_secs(3600));
        let mut rows = 0;
        for _ in 0..1000 {
            rows += tally.note("192.0.2.1", &refusal("POST /api/sync/push"), "t").len();
        }
        assert_eq!(rows, 1);
        for n in 0..10 * MAX_TALLIES {
            rows += tally
                .note(&format!("192.0.2.{n}"), &refusal("GET /api/audit"), "t")
                .len();
        }
        assert!(rows <= MAX_TALLIES + 1, "{rows}");
        let summaries = tally.flush(true);
        assert!(summaries.len() <= MAX_TALLIES + 1);
        assert!(
            summaries.iter().any(|r| r.detail.starts_with("999 more")),
            "{summaries:?}"
        );
        assert!(tally.flush(true).is_empty());
    }

    #[test]
    fn a_passed_window_is_summarised_at_the_next_refusal() {
        let tally = RefusalTally::new(Duration::ZERO);
        assert_eq!(tally.note("a", &refusal("x"), "t").len(), 1);
        // The window has passed: the first one had no repeats, so there is no summary.
        assert_eq!(tally.note("a", &refusal("x"), "t").len(), 1);
    }
}
