//! Devices of three organisations make random offline edits to two sweeps, and the platform
//! shares and unshares them with the vendors meanwhile; pushes and pulls are delivered late,
//! out of order, twice, or not at all (and retried). The server side is a model of the store
//! (a log, visibility per organisation, access events), but every rule it applies is core's
//! (`sync::admit`), and every device runs the real `Outbox`, `Overlay` (`Shown::base`) and
//! `Replica::apply_page`. After the network heals:
//! - every replica equals the server's fold restricted to what its organisation may read;
//! - nothing a device ever received was outside its organisation's scope at that point;
//! - every edit not discarded by its author is in the log exactly once, and no acknowledged
//!   edit vanished: each is the winner, a visible conflict, or was overwritten by someone who
//!   had seen it (its own author's later edit counts).
//!
//! Cases: `PROPTEST_CASES` (default 300). A failing case is shrunk and saved under
//! `tests/sync_convergence.proptest-regressions` so it replays first next time.

use std::collections::{BTreeMap, BTreeSet};

use casebook_core::SCHEMA_VERSION;
use casebook_core::outbox::{AfterRefusal, Outbox};
use casebook_core::scope::Actor;
use casebook_core::sweep::{self, ItemEdit, ItemField};
use casebook_core::sync::{
    AccessChange, Change, Op, Overlay, PullResponse, PushError, PushRequest, PushResponse, Replica, accept_push, admit,
};
use casebook_core::tool::{self, RootState};
use casebook_core::wire::{OrgKind, Role};
use proptest::prelude::*;
use serde_json::Value;

/// Small pages, so catching up always takes several pulls.
const PAGE: usize = 3;
const SWEEPS: [&str; 2] = ["sweepa", "sweepb"];
const VENDORS: [&str; 2] = ["vendor-a", "vendor-b"];
/// (organisation, role) of each device: the platform's specialist, an agent of each vendor,
/// and a second device of vendor A.
const DEVICES: [(&str, Role); 4] = [
    ("platform", Role::Specialist),
    ("vendor-a", Role::Agent),
    ("vendor-b", Role::Agent),
    ("vendor-a", Role::Agent),
];

/// The account id of each device's person (the second device of vendor A is the same person).
const PEOPLE: [&str; 4] = ["spec-p", "agent-a", "agent-b", "agent-a"];

#[derive(Debug, Clone)]
enum Action {
    Edit {
        device: usize,
        sweep: usize,
        item: usize,
        note: bool,
    },
    /// The platform shares a sweep with the vendors in the mask (bit 0: A, bit 1: B).
    Share {
        sweep: usize,
        mask: u8,
    },
    Push {
        device: usize,
    },
    Pull {
        device: usize,
    },
    /// Delivers the message at this position (modulo the queue), optionally keeping a copy.
    Deliver {
        at: usize,
        duplicate: bool,
    },
    /// Loses the message at this position.
    Lose {
        at: usize,
    },
    /// Moves a device's physical clock forward (devices disagree about the time).
    Wait {
        device: usize,
        ms: u32,
    },
}

fn action() -> impl Strategy<Value = Action> {
    let devices = 0..DEVICES.len();
    prop_oneof![
        4 => (devices.clone(), 0..2usize, 1..=2usize, any::<bool>()).prop_map(|(device, sweep, item, note)| Action::Edit { device, sweep, item, note }),
        1 => (0..2usize, 0..4u8).prop_map(|(sweep, mask)| Action::Share { sweep, mask }),
        2 => devices.clone().prop_map(|device| Action::Push { device }),
        2 => devices.clone().prop_map(|device| Action::Pull { device }),
        5 => (any::<usize>(), proptest::bool::weighted(0.2)).prop_map(|(at, duplicate)| Action::Deliver { at, duplicate }),
        1 => any::<usize>().prop_map(|at| Action::Lose { at }),
        1 => (devices, 0..5_000u32).prop_map(|(device, ms)| Action::Wait { device, ms }),
    ]
}

#[derive(Debug, Clone)]
enum Message {
    Push(usize, PushRequest),
    PushReply(usize, Result<PushResponse, PushError>, PushRequest),
    Pull(usize, u64),
    PullReply(usize, u64, PullResponse),
}

fn actor(device: usize) -> Actor<'static> {
    let (org_id, role) = DEVICES[device];
    Actor {
        person: PEOPLE[device],
        org_id,
        org_kind: if org_id == "platform" {
            OrgKind::Platform
        } else {
            OrgKind::Vendor
        },
        role,
    }
}

/// The store, modelled: one log, the fold of each root, and who may see each change.
#[derive(Default)]
struct Server {
    log: Vec<Change>,
    last: BTreeMap<String, u64>,
    roots: BTreeMap<String, RootState>,
    visible: BTreeSet<(String, u64)>,
    access: Vec<(String, AccessChange)>,
    /// Who may read each root now (a pull gives nothing of a root its reader lost).
    readers: BTreeMap<String, BTreeSet<String>>,
    /// The organisation each change is private to (with the root's owner), if any.
    audience: BTreeMap<u64, Option<String>>,
    now: u64,
}

impl Server {
    fn push(&mut self, device: usize, request: &PushRequest) -> Result<PushResponse, PushError> {
        let last = self.last.get(&request.client_id).copied().unwrap_or(0);
        let accepted = accept_push(request, last, SCHEMA_VERSION)?.to_vec();
        // All or nothing: rules run on copies, committed once every mutation passed.
        let mut roots = self.roots.clone();
        let mut staged = Vec::new();
        for (i, m) in accepted.iter().enumerate() {
            let seq = self.log.len() as u64 + 1 + i as u64;
            let root = tool::root_of(m.op.field_key().0).unwrap_or_default().to_string();
            let state = roots.entry(root).or_default();
            let admitted = admit(&actor(device), &request.client_id, state, m, seq, self.now)?;
            staged.push((seq, m.clone(), admitted));
        }
        self.roots = roots;
        for (seq, m, admitted) in staged {
            self.log.push(Change {
                seq,
                client_id: request.client_id.clone(),
                mutation_id: m.id,
                clock: admitted.clock,
                op: m.op,
                author: String::new(),
                author_org: String::new(),
            });
            for org in admitted.readers {
                self.visible.insert((org, seq));
            }
            if admitted.root_changed {
                self.readers.insert(admitted.root.clone(), admitted.root_readers);
            }
            self.audience.insert(seq, admitted.audience);
            for (orgs, granted) in [(admitted.granted, true), (admitted.revoked, false)] {
                for org in orgs {
                    let root = admitted.root.clone();
                    self.access.push((org, AccessChange { seq, root, granted }));
                }
            }
            self.last.insert(request.client_id.clone(), m.id);
        }
        Ok(PushResponse {
            last_mutation_id: self.last.get(&request.client_id).copied().unwrap_or(0),
        })
    }

    fn pull(&self, org: &str, client: &str, cursor: u64) -> PullResponse {
        let head = self.log.len() as u64;
        let changes: Vec<Change> = self
            .log
            .iter()
            .filter(|c| c.seq > cursor && self.visible.contains(&(org.to_string(), c.seq)))
            .filter(|c| {
                let root = tool::root_of(c.op.field_key().0).unwrap_or_default();
                self.readers.get(root).is_some_and(|r| r.contains(org))
            })
            .take(PAGE)
            .cloned()
            .collect();
        let next = match changes.last() {
            Some(last) if changes.len() == PAGE => last.seq,
            _ => head.max(cursor),
        };
        let access = self
            .access
            .iter()
            .filter(|(o, a)| o == org && a.seq > cursor && a.seq <= next)
            .map(|(_, a)| a.clone())
            .collect();
        PullResponse {
            schema_version: SCHEMA_VERSION,
            changes,
            cursor: next,
            head,
            last_mutation_id: self.last.get(client).copied().unwrap_or(0),
            access,
        }
    }

    /// A root's changes before `before` (and not after `org`'s latest grant of it) that are
    /// not private to another organisation, if `org` may read it now.
    fn history(&self, org: &str, root: &str, before: u64) -> Vec<Change> {
        let readable = self
            .roots
            .get(root)
            .and_then(|state| tool::scope(root, state))
            .is_some_and(|s| s.may_read(org));
        let granted = self
            .access
            .iter()
            .filter(|(o, a)| o == org && a.root == root && a.granted)
            .map(|(_, a)| a.seq)
            .max()
            .unwrap_or(0);
        self.log
            .iter()
            .filter(|c| readable && c.seq < before.min(granted) && tool::root_of(c.op.field_key().0) == Some(root))
            .filter(|c| self.shown_to(org, c.seq))
            .cloned()
            .collect()
    }

    /// Whether change `seq` is not private to an organisation other than `org`.
    fn shown_to(&self, org: &str, seq: u64) -> bool {
        self.audience
            .get(&seq)
            .is_none_or(|a| a.as_deref().is_none_or(|a| a == org))
    }
}

struct Device {
    outbox: Outbox,
    replica: Replica,
    now: u64,
}

struct World {
    devices: Vec<Device>,
    server: Server,
    network: Vec<Message>,
    /// Every edit's unique value, and those their authors discarded after a refusal.
    created: BTreeSet<String>,
    discarded: BTreeSet<String>,
    next_value: u64,
    /// Changes that reached a device outside its organisation's scope.
    leaks: Vec<String>,
}

/// Who may read `root` just after change `seq`: the fold of the root's own fields up to it.
/// (A change private to one vendor is checked separately, against its audience.)
fn readers_at(log: &[Change], root: &str, seq: u64) -> BTreeSet<String> {
    let mut state = RootState::default();
    for change in log.iter().take_while(|c| c.seq <= seq) {
        if change.op.field_key().0 == root {
            state.apply(change);
        }
    }
    tool::scope(root, &state)
        .map(|s| s.readers().into_iter().map(str::to_string).collect())
        .unwrap_or_default()
}

/// The organisation that created `root` (its `org` field is written once).
fn readers_owner(log: &[Change], root: &str) -> String {
    log.iter()
        .find_map(|c| {
            let Op::SetField {
                object, field, value, ..
            } = &c.op;
            (object == root && field == "org").then(|| value.as_str().unwrap_or_default().to_string())
        })
        .unwrap_or_default()
}

impl World {
    fn new() -> World {
        let devices = (0..DEVICES.len())
            .map(|i| Device {
                outbox: Outbox::new(format!("device-{i:04}"), i as u64 + 1),
                replica: Replica::default(),
                // Devices start with clocks up to two seconds apart.
                now: 1_000_000 + i as u64 * 700,
            })
            .collect();
        let mut world = World {
            devices,
            server: Server {
                now: 1_000_000,
                ..Server::default()
            },
            network: Vec::new(),
            created: BTreeSet::new(),
            discarded: BTreeSet::new(),
            next_value: 0,
            leaks: Vec::new(),
        };
        // The platform publishes both sweeps, the first shared with vendor A.
        for (i, id) in SWEEPS.iter().enumerate() {
            let with: BTreeSet<String> = VENDORS.iter().take(1 - i).map(|v| v.to_string()).collect();
            let ops = sweep::publish(id, "platform", &with, "Sweep", "", "@one\n@two").expect("a valid sweep");
            world.devices[0].outbox.enqueue(ops, 1_000_000);
        }
        world.run(&Action::Push { device: 0 });
        world.drain();
        // Every device has caught up once, so it knows the sweeps its organisation sees.
        world.catch_up();
        world
    }

    fn edit(&mut self, device: usize, ops: Vec<Op>) {
        let d = &mut self.devices[device];
        let view = Overlay::new(&d.replica, &d.outbox.pending);
        // The app asks the rules before queueing; an edit they refuse is never made.
        if tool::check_all(&actor(device), &view, &ops).is_err() {
            return;
        }
        d.now += 1;
        d.outbox.enqueue(ops, d.now);
    }

    fn run(&mut self, action: &Action) {
        match *action {
            Action::Edit {
                device,
                sweep,
                item,
                note,
            } => {
                self.next_value += 1;
                let value = format!("v{}", self.next_value);
                let d = &self.devices[device];
                let view = Overlay::new(&d.replica, &d.outbox.pending);
                let item = sweep::item(&view, SWEEPS[sweep], item);
                let (edit, shown) = if note {
                    (ItemEdit::Note(value.clone()), item.shown(ItemField::Note))
                } else {
                    (
                        ItemEdit::Decision(ItemField::decision_value("remove")),
                        item.shown(ItemField::Decision),
                    )
                };
                let mut op = edit.op(&item, shown.base());
                if !note {
                    // Decisions take few values; the note carries the edit's identity.
                    let Op::SetField { field, value: v, .. } = &mut op;
                    *field = "note".into();
                    *v = Value::from(value.clone());
                }
                let before = self.devices[device].outbox.pending.len();
                self.edit(device, vec![op]);
                if self.devices[device].outbox.pending.len() > before {
                    self.created.insert(value);
                }
            }
            Action::Share { sweep: i, mask } => {
                let with: BTreeSet<String> = VENDORS
                    .iter()
                    .enumerate()
                    .filter(|(bit, _)| mask & (1 << bit) != 0)
                    .map(|(_, v)| v.to_string())
                    .collect();
                let d = &self.devices[0];
                let view = Overlay::new(&d.replica, &d.outbox.pending);
                let op = sweep::share(&view, SWEEPS[i], &with);
                self.edit(0, vec![op]);
            }
            Action::Push { device } => {
                let d = &self.devices[device];
                let batch = d.outbox.next_batch(casebook_core::sync::MAX_PUSH).to_vec();
                if !batch.is_empty() {
                    let request = PushRequest {
                        schema_version: SCHEMA_VERSION,
                        client_id: d.outbox.client_id.clone(),
                        mutations: batch,
                    };
                    self.network.push(Message::Push(device, request));
                }
            }
            Action::Pull { device } => self
                .network
                .push(Message::Pull(device, self.devices[device].replica.cursor)),
            Action::Deliver { at, duplicate } => {
                if self.network.is_empty() {
                    return;
                }
                let i = at % self.network.len();
                let message = if duplicate {
                    self.network[i].clone()
                } else {
                    self.network.remove(i)
                };
                self.deliver(message);
            }
            Action::Lose { at } => {
                if !self.network.is_empty() {
                    let i = at % self.network.len();
                    self.network.remove(i);
                }
            }
            Action::Wait { device, ms } => {
                self.devices[device].now += u64::from(ms);
                self.server.now = self.server.now.max(self.devices[device].now);
            }
        }
    }

    fn deliver(&mut self, message: Message) {
        match message {
            Message::Push(device, request) => {
                let reply = self.server.push(device, &request);
                self.network.push(Message::PushReply(device, reply, request));
            }
            Message::Pull(device, cursor) => {
                let org = DEVICES[device].0;
                let client = self.devices[device].outbox.client_id.clone();
                let reply = self.server.pull(org, &client, cursor);
                self.network.push(Message::PullReply(device, cursor, reply));
            }
            Message::PushReply(device, Ok(reply), _) => self.devices[device].outbox.acknowledge(reply.last_mutation_id),
            Message::PushReply(device, Err(error), request) => {
                let outbox = &mut self.devices[device].outbox;
                // A stale reply about edits already acknowledged or renumbered changes nothing.
                if request.mutations.first().map(|m| m.id) != outbox.pending.first().map(|m| m.id) {
                    return;
                }
                match outbox.refused(
                    error.code(),
                    error.mutation_id(),
                    &error.to_string(),
                    &request.mutations,
                ) {
                    AfterRefusal::AskWhereTheServerStands => {
                        let last = self.server.last.get(&outbox.client_id).copied().unwrap_or(0);
                        outbox.restart_from(last);
                    }
                    AfterRefusal::SendTheRest | AfterRefusal::SendOneAtATime => {}
                    other => panic!("unexpected refusal {other:?}: {error}"),
                }
            }
            Message::PullReply(device, cursor, page) => {
                let org = DEVICES[device].0;
                // Only an answer to the device's current cursor is folded; a stale one is dropped.
                if cursor != self.devices[device].replica.cursor {
                    return;
                }
                let mut history = BTreeMap::new();
                for grant in page.access.iter().filter(|a| a.granted) {
                    let changes = self.server.history(org, &grant.root, grant.seq);
                    for c in &changes {
                        // History is what the organisation may read now, as of the grant.
                        if !readers_at(&self.server.log, &grant.root, grant.seq).contains(org)
                            || !self.private_ok(org, &grant.root, c.seq)
                        {
                            self.leaks.push(format!("history {} to {org}", c.seq));
                        }
                    }
                    history.insert((grant.root.clone(), grant.seq), changes);
                }
                for change in &page.changes {
                    let root = tool::root_of(change.op.field_key().0).unwrap_or_default();
                    if !readers_at(&self.server.log, root, change.seq).contains(org)
                        || !self.private_ok(org, root, change.seq)
                    {
                        self.leaks.push(format!("change {} to {org}", change.seq));
                    }
                }
                let d = &mut self.devices[device];
                d.replica.apply_page(&page, &history);
                if let Some(clock) = page.changes.iter().map(|c| c.clock).max() {
                    d.outbox.observe(clock, d.now);
                }
                d.outbox.acknowledge(page.last_mutation_id);
            }
        }
    }

    /// Whether `org` may see change `seq` of `root` as far as vendors' private work goes: it is
    /// not private, or private to `org`, or `org` owns the root. Decided here from the edit
    /// and the root's owner, not from the server's bookkeeping.
    fn private_ok(&self, org: &str, root: &str, seq: u64) -> bool {
        let Some(change) = self.server.log.get(seq as usize - 1) else {
            return false;
        };
        let owner = readers_owner(&self.server.log, root);
        let author = DEVICES
            .iter()
            .enumerate()
            .find(|(i, _)| self.devices[*i].outbox.client_id == change.client_id)
            .map_or("platform", |(_, (o, _))| *o);
        let (_, field) = change.op.field_key();
        let private = change.op.field_key().0 != root && field != "target" && author != owner;
        !private || author == org || owner == org
    }

    /// Delivers everything now queued, and what that produces.
    fn drain(&mut self) {
        while let Some(message) = self.network.pop() {
            self.deliver(message);
        }
    }

    /// The network heals: every device pushes until acknowledged (discarding the edits the
    /// server refuses, as their authors would) and pulls until current.
    fn quiesce(&mut self) {
        self.network.clear();
        for device in 0..DEVICES.len() {
            for _ in 0..1_000 {
                if let Some(failed) = self.devices[device].outbox.failed.clone() {
                    let value = self.devices[device]
                        .outbox
                        .pending
                        .iter()
                        .find(|m| m.id == failed.id)
                        .map(|m| m.op.clone());
                    let outbox = &mut self.devices[device].outbox;
                    let server_last = self.server.last.get(&outbox.client_id).copied().unwrap_or(0);
                    if outbox.discard(failed.id, server_last)
                        && let Some(Op::SetField { value, .. }) = value
                    {
                        self.discarded.insert(value.as_str().unwrap_or_default().to_string());
                    }
                }
                if self.devices[device].outbox.pending.is_empty() {
                    break;
                }
                self.run(&Action::Push { device });
                self.drain();
            }
            assert!(
                self.devices[device].outbox.pending.is_empty(),
                "a healed network settles every edit"
            );
        }
        self.catch_up();
    }

    /// Every device pulls until it is current.
    fn catch_up(&mut self) {
        for device in 0..DEVICES.len() {
            while self.devices[device].replica.cursor < self.server.log.len() as u64 {
                self.run(&Action::Pull { device });
                self.drain();
            }
        }
    }
}

fn check(actions: &[Action]) -> Result<(), TestCaseError> {
    let mut world = World::new();
    for action in actions {
        world.run(action);
    }
    world.quiesce();
    prop_assert!(world.leaks.is_empty(), "outside a reader's scope: {:?}", world.leaks);

    let mut reference = Replica::default();
    for change in &world.server.log {
        reference.apply(change);
    }
    for (device, d) in world.devices.iter().enumerate() {
        let org = DEVICES[device].0;
        // The fold of what the organisation may read: roots it reads now, without the work
        // other vendors keep to themselves.
        let mut expected = Replica::default();
        for change in &world.server.log {
            let root = tool::root_of(change.op.field_key().0).unwrap_or_default();
            let readable = world
                .server
                .roots
                .get(root)
                .and_then(|state| tool::scope(root, state))
                .is_some_and(|s| s.may_read(org));
            if readable && world.private_ok(org, root, change.seq) {
                expected.apply(change);
            }
        }
        expected.cursor = world.server.log.len() as u64;
        prop_assert_eq!(&d.replica, &expected, "device {} ({}) diverged", device, org);
    }

    let logged: Vec<String> = world
        .server
        .log
        .iter()
        .filter(|c| c.op.field_key().1 == "note")
        .filter_map(|c| {
            let Op::SetField { value, .. } = &c.op;
            value.as_str().map(str::to_string)
        })
        .collect();
    let unique: BTreeSet<String> = logged.iter().cloned().collect();
    prop_assert_eq!(unique.len(), logged.len(), "an edit was applied twice");
    let kept: BTreeSet<String> = world.created.difference(&world.discarded).cloned().collect();
    prop_assert_eq!(&unique, &kept, "an edit was lost, or a discarded one applied");

    for change in &world.server.log {
        let (object, field) = change.op.field_key();
        let state = reference.field(object, field).expect("a logged field exists");
        let visible = state.seq == change.seq || state.conflicts.iter().any(|c| c.seq == change.seq);
        let knowingly_overwritten = world.server.log.iter().any(|later| {
            let Op::SetField { base, .. } = &later.op;
            later.seq > change.seq
                && later.op.field_key() == (object, field)
                && (*base >= change.seq || later.client_id == change.client_id)
        });
        prop_assert!(visible || knowingly_overwritten, "change {} vanished", change.seq);
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(300)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn replicas_converge_within_their_scope_and_lose_no_acknowledged_edit(actions in proptest::collection::vec(action(), 1..120)) {
        check(&actions)?;
    }
}

#[test]
fn a_known_trace_shares_a_sweep_late_keeps_each_vendors_work_to_itself_and_the_conflict_visible() {
    use Action::*;
    let trace = [
        // Vendor A's two devices note the same item without seeing each other: concurrent.
        Edit {
            device: 1,
            sweep: 0,
            item: 1,
            note: true,
        },
        Push { device: 1 },
        Deliver { at: 0, duplicate: true },
        Deliver {
            at: 0,
            duplicate: false,
        },
        Edit {
            device: 3,
            sweep: 0,
            item: 1,
            note: true,
        },
        Push { device: 3 },
        Lose { at: 2 },
        // Vendor B may not touch the first sweep yet: its edit is never made.
        Edit {
            device: 2,
            sweep: 0,
            item: 2,
            note: true,
        },
        // The platform shares the first sweep with B, and the second with A only.
        Share { sweep: 0, mask: 0b11 },
        Share { sweep: 1, mask: 0b01 },
        Push { device: 0 },
        Deliver {
            at: 0,
            duplicate: false,
        },
    ];
    check(&trace).expect("converges");
    let mut world = World::new();
    for a in &trace {
        world.run(a);
    }
    world.quiesce();
    let b = &world.devices[2].replica;
    assert!(
        b.field(&sweep::sweep_object("sweepa"), "title").is_some(),
        "B received the first sweep's history when it was shared"
    );
    assert!(
        b.field(&sweep::item_object("sweepa", 1), "note").is_none(),
        "vendor A's notes are A's: B never receives them"
    );
    for device in [0, 1, 3] {
        let field = world.devices[device]
            .replica
            .field(&sweep::item_object("sweepa", 1), "note")
            .expect("the platform and vendor A see A's notes");
        assert_eq!(
            field.conflicts.len(),
            1,
            "device {device}: the losing value is kept: {field:?}"
        );
    }
    assert!(
        world.devices[1]
            .replica
            .field(&sweep::sweep_object("sweepb"), "title")
            .is_some()
    );
    assert!(
        world.devices[2]
            .replica
            .field(&sweep::sweep_object("sweepb"), "title")
            .is_none()
    );
}
