//! A device's pending edits: what is sent next, what the server has acknowledged, what it
//! refused. Pure: the app keeps it in IndexedDB and sends it over HTTP under Web Locks; the
//! convergence property test drives the same type.
//!
//! - Mutation ids are 1, 2, 3, … per client; an edit is numbered when it is queued.
//! - A batch stops before a refused edit: ids must reach the server in order, so the edits
//!   after it wait until it is retried or discarded.
//! - After the server lost track of this client (a restored database) the unapplied edits
//!   are renumbered from where the server stands; nothing is sent twice.

use serde::{Deserialize, Serialize};

use crate::clock::Hlc;
use crate::sync::{Mutation, Op, RefusalCode};

/// An edit the server refused, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedEdit {
    pub id: u64,
    pub message: String,
}

/// The pending edits of one client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outbox {
    pub client_id: String,
    pub clock: Hlc,
    pub next_id: u64,
    pub pending: Vec<Mutation>,
    pub failed: Option<FailedEdit>,
}

/// What to do after the server refused a push.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterRefusal {
    /// The server lost track of this client: ask it for the last applied id, then
    /// [`Outbox::restart_from`] it.
    AskWhereTheServerStands,
    /// The edits belong to someone other than who is signed in now: they wait for their author.
    WaitForAuthor,
    /// One edit was set aside; the ones before it can still be sent.
    SendTheRest,
    /// The refusal did not name an edit: send one at a time to find it.
    SendOneAtATime,
    /// The app and the server disagree on the protocol: reload the app.
    Reload,
}

impl Outbox {
    pub fn new(client_id: String, node: u64) -> Outbox {
        Outbox {
            client_id,
            clock: Hlc::zero(node),
            next_id: 1,
            pending: Vec::new(),
            failed: None,
        }
    }

    /// Numbers and stamps new edits at physical time `now_ms`.
    pub fn enqueue(&mut self, ops: impl IntoIterator<Item = Op>, now_ms: u64) {
        for op in ops {
            let mutation = Mutation {
                id: self.next_id,
                clock: self.clock.tick(now_ms),
                op,
            };
            self.next_id += 1;
            self.pending.push(mutation);
        }
    }

    /// The next edits to send, at most `max`, stopping before a refused one.
    pub fn next_batch(&self, max: usize) -> &[Mutation] {
        self.next_batch_within(max, usize::MAX)
    }

    /// [`Outbox::next_batch`], also stopping before the edits' JSON passes `max_bytes` (the
    /// first edit always goes: each is bounded far below a request's limit).
    pub fn next_batch_within(&self, max: usize, max_bytes: usize) -> &[Mutation] {
        let stop = self.failed.as_ref().map_or(u64::MAX, |f| f.id);
        let mut bytes = 0usize;
        let n = self
            .pending
            .iter()
            .take(max)
            .take_while(|m| m.id < stop)
            .enumerate()
            .take_while(|(i, m)| {
                bytes = bytes.saturating_add(serde_json::to_string(m).map_or(usize::MAX, |t| t.len() + 1));
                *i == 0 || bytes <= max_bytes
            })
            .count();
        &self.pending[..n]
    }

    /// Forgets edits the server has applied (up to and including `last_applied`).
    pub fn acknowledge(&mut self, last_applied: u64) {
        self.pending.retain(|m| m.id > last_applied);
        if self.failed.as_ref().is_some_and(|f| f.id <= last_applied) {
            self.failed = None;
        }
    }

    /// The server has applied this client's edits up to `last_applied` and nothing after:
    /// the rest are numbered on from there. Only unapplied edits are renumbered, so nothing
    /// is sent twice.
    pub fn restart_from(&mut self, last_applied: u64) {
        self.acknowledge(last_applied);
        self.renumber(last_applied + 1);
    }

    fn renumber(&mut self, first: u64) {
        for (i, mutation) in self.pending.iter_mut().enumerate() {
            mutation.id = first + i as u64;
        }
        self.next_id = first + self.pending.len() as u64;
        self.failed = None;
    }

    /// Sets edit `id` aside with the server's reason; the edits after it wait.
    pub fn set_aside(&mut self, id: u64, message: String) {
        if self.pending.iter().any(|m| m.id == id) {
            self.failed = Some(FailedEdit { id, message });
        }
    }

    /// Sends the refused edit again at the next cycle.
    pub fn retry(&mut self) {
        self.failed = None;
    }

    /// Drops the refused edit `id` for good, given the last mutation the server has applied
    /// for this client (asked just before, with no push in flight); the edits after it are
    /// renumbered from there. A push sent before the refusal may still have been applied
    /// since (it was delayed, and the edit allowed by then): then the edit is not dropped, it
    /// is acknowledged, and renumbering the others into its id would have had the server skip
    /// them as repeats. Returns whether the edit was dropped.
    pub fn discard(&mut self, id: u64, server_last: u64) -> bool {
        self.acknowledge(server_last);
        let dropped = self.failed.as_ref().is_some_and(|f| f.id == id) && self.pending.iter().any(|m| m.id == id);
        if dropped {
            self.pending.retain(|m| m.id != id);
        }
        self.renumber(server_last + 1);
        dropped
    }

    /// Learns a clock seen in the log, so later local edits order after it.
    pub fn observe(&mut self, clock: Hlc, now_ms: u64) {
        self.clock.observe(clock, now_ms);
    }

    /// Decides what a refused push of `batch` means. `refused` is the mutation the server
    /// named, if any; a refusal of one edit sets it aside.
    pub fn refused(
        &mut self,
        code: RefusalCode,
        refused: Option<u64>,
        message: &str,
        batch: &[Mutation],
    ) -> AfterRefusal {
        match code {
            RefusalCode::SyncGap => AfterRefusal::AskWhereTheServerStands,
            RefusalCode::ClientOfAnotherPerson => AfterRefusal::WaitForAuthor,
            RefusalCode::SchemaVersion => AfterRefusal::Reload,
            _ => {
                let named = refused.filter(|id| batch.iter().any(|m| m.id == *id));
                match (named, batch) {
                    (Some(id), _) => {
                        self.set_aside(id, message.to_string());
                        AfterRefusal::SendTheRest
                    }
                    (None, [only]) => {
                        self.set_aside(only.id, message.to_string());
                        AfterRefusal::SendTheRest
                    }
                    (None, _) => AfterRefusal::SendOneAtATime,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    fn op(n: u64) -> Op {
        Op::SetField {
            object: "sweep/abc123".into(),
            field: "title".into(),
            value: Value::from(n),
            base: 0,
        }
    }

    fn ids(ms: &[Mutation]) -> Vec<u64> {
        ms.iter().map(|m| m.id).collect()
    }

    #[test]
    fn edits_are_numbered_batched_acknowledged_and_set_aside() {
        let mut o = Outbox::new("client-1234".into(), 7);
        o.enqueue((1..=5).map(op), 1_000);
        assert_eq!(ids(o.next_batch(3)), [1, 2, 3]);
        let one = serde_json::to_string(&o.pending[0]).expect("json").len() + 1;
        assert_eq!(
            ids(o.next_batch_within(10, one * 2 + 1)),
            [1, 2],
            "a batch stays within its bytes"
        );
        assert_eq!(ids(o.next_batch_within(10, 1)), [1], "the first edit always goes");
        o.acknowledge(2);
        assert_eq!(ids(&o.pending), [3, 4, 5]);
        let batch = o.next_batch(10).to_vec();
        assert_eq!(
            o.refused(RefusalCode::OutOfScope, Some(4), "no", &batch),
            AfterRefusal::SendTheRest
        );
        assert_eq!(ids(o.next_batch(10)), [3], "the batch stops before the refused edit");
        o.acknowledge(3);
        assert_eq!(o.next_batch(10), &[] as &[Mutation]);
        assert!(o.discard(4, 3));
        assert_eq!(ids(&o.pending), [4], "edit 5 takes the discarded id");
        assert_eq!(o.next_id, 5);
        assert_eq!(o.failed, None);
        // A delayed push applied the refused edit after all: it is acknowledged, not dropped.
        o.enqueue([op(6)], 1_001);
        let batch = o.next_batch(10).to_vec();
        o.refused(RefusalCode::OutOfScope, Some(4), "no", &batch);
        assert!(!o.discard(4, 4));
        assert_eq!(ids(&o.pending), [5], "the next edit keeps its own id");
    }

    #[test]
    fn refusals_lead_to_the_right_next_step() {
        let mut o = Outbox::new("client-1234".into(), 7);
        o.enqueue((1..=3).map(op), 1_000);
        let batch = o.next_batch(10).to_vec();
        let table = [
            (RefusalCode::SyncGap, None, AfterRefusal::AskWhereTheServerStands),
            (RefusalCode::ClientOfAnotherPerson, None, AfterRefusal::WaitForAuthor),
            (RefusalCode::SchemaVersion, None, AfterRefusal::Reload),
            (RefusalCode::InvalidEdit, None, AfterRefusal::SendOneAtATime),
            (RefusalCode::WriteQuota, Some(99), AfterRefusal::SendOneAtATime),
        ];
        for (code, id, expected) in table {
            assert_eq!(o.refused(code, id, "why", &batch), expected, "{code:?}");
            assert_eq!(o.failed, None);
        }
        assert_eq!(
            o.refused(RefusalCode::EditNotAllowed, None, "why", &batch[..1]),
            AfterRefusal::SendTheRest
        );
        assert_eq!(o.failed.as_ref().map(|f| f.id), Some(1));
        o.restart_from(0);
        assert_eq!(
            (ids(&o.pending), o.next_id, o.failed.is_none()),
            (vec![1, 2, 3], 4, true)
        );
        o.restart_from(1);
        assert_eq!((ids(&o.pending), o.next_id), (vec![2, 3], 4));
    }
}
