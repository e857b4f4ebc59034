//! Three replicas make random offline edits; their pushes and pulls are delivered late, out
//! of order, twice, or not at all (and retried). After the network heals, every replica must
//! hold the same state as the server's log, every edit must be in the log exactly once, and no
//! acknowledged edit may vanish: each is the winner, a visible conflict, or was overwritten by
//! someone who had seen it (its own author's later edit counts: it knows the earlier one).
//!
//! Cases: `PROPTEST_CASES` (default 300). A failing case is shrunk and saved under
//! `tests/sync_convergence.proptest-regressions` so it replays first next time.

use std::collections::{BTreeMap, BTreeSet};

use casebook_core::SCHEMA_VERSION;
use casebook_core::clock::Hlc;
use casebook_core::sync::{Change, Mutation, Op, PullResponse, PushRequest, PushResponse, Replica, accept_push};
use proptest::prelude::*;
use serde_json::Value;

const CLIENTS: usize = 3;
/// Small pages, so catching up always takes several pulls.
const PAGE: usize = 3;

#[derive(Debug, Clone)]
enum Action {
    Edit {
        client: usize,
        object: u8,
        field: u8,
        value: u16,
    },
    Push {
        client: usize,
    },
    Pull {
        client: usize,
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
    /// Moves a client's physical clock forward (clients disagree about the time).
    Wait {
        client: usize,
        ms: u32,
    },
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        4 => (0..CLIENTS, 0..2u8, 0..2u8, any::<u16>()).prop_map(|(client, object, field, value)| Action::Edit { client, object, field, value }),
        2 => (0..CLIENTS).prop_map(|client| Action::Push { client }),
        2 => (0..CLIENTS).prop_map(|client| Action::Pull { client }),
        5 => (any::<usize>(), proptest::bool::weighted(0.2)).prop_map(|(at, duplicate)| Action::Deliver { at, duplicate }),
        1 => any::<usize>().prop_map(|at| Action::Lose { at }),
        1 => (0..CLIENTS, 0..5_000u32).prop_map(|(client, ms)| Action::Wait { client, ms }),
    ]
}

#[derive(Debug, Clone)]
enum Message {
    Push(usize, PushRequest),
    PushReply(usize, PushResponse),
    Pull(usize, u64),
    PullReply(usize, PullResponse),
}

struct Client {
    id: String,
    clock: Hlc,
    now: u64,
    replica: Replica,
    outbox: Vec<Mutation>,
    next_id: u64,
    acked: u64,
}

#[derive(Default)]
struct Server {
    log: Vec<Change>,
    last: BTreeMap<String, u64>,
}

impl Server {
    fn push(&mut self, request: &PushRequest) -> Option<PushResponse> {
        let last = self.last.get(&request.client_id).copied().unwrap_or(0);
        let accepted = accept_push(request, last, SCHEMA_VERSION).ok()?.to_vec();
        for m in accepted {
            let seq = self.log.len() as u64 + 1;
            self.log.push(Change {
                seq,
                client_id: request.client_id.clone(),
                mutation_id: m.id,
                clock: m.clock,
                op: m.op,
                author: String::new(),
            });
            self.last.insert(request.client_id.clone(), m.id);
        }
        Some(PushResponse {
            last_mutation_id: self.last.get(&request.client_id).copied().unwrap_or(0),
        })
    }

    fn pull(&self, client: &str, cursor: u64) -> PullResponse {
        let changes: Vec<Change> = self.log.iter().skip(cursor as usize).take(PAGE).cloned().collect();
        let next = changes.last().map_or(cursor, |c| c.seq);
        PullResponse {
            schema_version: SCHEMA_VERSION,
            changes,
            cursor: next,
            head: self.log.len() as u64,
            last_mutation_id: self.last.get(client).copied().unwrap_or(0),
        }
    }
}

struct World {
    clients: Vec<Client>,
    server: Server,
    network: Vec<Message>,
    created: BTreeSet<(String, u64)>,
}

impl World {
    fn new() -> World {
        let clients = (0..CLIENTS)
            .map(|i| Client {
                id: format!("client-{i:04}"),
                clock: Hlc::zero(i as u64 + 1),
                // Clients start with clocks up to two seconds apart.
                now: 1_000_000 + i as u64 * 700,
                replica: Replica::default(),
                outbox: Vec::new(),
                next_id: 1,
                acked: 0,
            })
            .collect();
        World {
            clients,
            server: Server::default(),
            network: Vec::new(),
            created: BTreeSet::new(),
        }
    }

    fn run(&mut self, action: &Action) {
        match *action {
            Action::Edit {
                client,
                object,
                field,
                value,
            } => {
                let c = &mut self.clients[client];
                let (object, field) = (format!("object-{object}"), format!("field-{field}"));
                let base = c.replica.field(&object, &field).map_or(0, |f| f.seq);
                c.now += 1;
                let clock = c.clock.tick(c.now);
                let id = c.next_id;
                c.next_id += 1;
                c.outbox.push(Mutation {
                    id,
                    clock,
                    op: Op::SetField {
                        object,
                        field,
                        value: Value::from(value),
                        base,
                    },
                });
                self.created.insert((c.id.clone(), id));
            }
            Action::Push { client } => {
                let c = &self.clients[client];
                if !c.outbox.is_empty() {
                    let request = PushRequest {
                        schema_version: SCHEMA_VERSION,
                        client_id: c.id.clone(),
                        mutations: c.outbox.clone(),
                    };
                    self.network.push(Message::Push(client, request));
                }
            }
            Action::Pull { client } => self
                .network
                .push(Message::Pull(client, self.clients[client].replica.cursor)),
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
            Action::Wait { client, ms } => self.clients[client].now += u64::from(ms),
        }
    }

    fn deliver(&mut self, message: Message) {
        match message {
            Message::Push(client, request) => {
                if let Some(reply) = self.server.push(&request) {
                    self.network.push(Message::PushReply(client, reply));
                }
            }
            Message::Pull(client, cursor) => {
                let reply = self.server.pull(&self.clients[client].id, cursor);
                self.network.push(Message::PullReply(client, reply));
            }
            Message::PushReply(client, reply) => self.clients[client].acknowledge(reply.last_mutation_id),
            Message::PullReply(client, reply) => {
                let c = &mut self.clients[client];
                for change in &reply.changes {
                    // Only the next change in order is folded in; a stale reply is harmless.
                    if change.seq == c.replica.cursor + 1 {
                        c.replica.apply(change);
                        c.clock.observe(change.clock, c.now);
                    }
                }
                c.acknowledge(reply.last_mutation_id);
            }
        }
    }

    /// The network heals: every client pushes until acknowledged and pulls until current.
    fn quiesce(&mut self) {
        self.network.clear();
        for client in 0..CLIENTS {
            self.run(&Action::Push { client });
            while let Some(message) = self.network.pop() {
                self.deliver(message);
            }
            assert!(
                self.clients[client].outbox.is_empty(),
                "a healed network acknowledges every edit"
            );
        }
        for client in 0..CLIENTS {
            loop {
                self.run(&Action::Pull { client });
                while let Some(message) = self.network.pop() {
                    self.deliver(message);
                }
                if self.clients[client].replica.cursor == self.server.log.len() as u64 {
                    break;
                }
            }
        }
    }
}

impl Client {
    fn acknowledge(&mut self, last: u64) {
        self.acked = self.acked.max(last);
        let acked = self.acked;
        self.outbox.retain(|m| m.id > acked);
    }
}

fn check(actions: &[Action]) -> Result<(), TestCaseError> {
    let mut world = World::new();
    // Acknowledged mutations as the clients learned of them mid-run.
    for action in actions {
        world.run(action);
    }
    world.quiesce();

    let mut reference = Replica::default();
    for change in &world.server.log {
        reference.apply(change);
    }
    for client in &world.clients {
        prop_assert_eq!(&client.replica, &reference, "{} diverged", client.id);
    }

    let logged: Vec<(String, u64)> = world
        .server
        .log
        .iter()
        .map(|c| (c.client_id.clone(), c.mutation_id))
        .collect();
    let unique: BTreeSet<(String, u64)> = logged.iter().cloned().collect();
    prop_assert_eq!(unique.len(), logged.len(), "an edit was applied twice");
    prop_assert_eq!(&unique, &world.created, "an edit was never applied");

    for change in &world.server.log {
        let (object, field) = change.op.field_key();
        let state = reference.field(object, field).expect("a logged field exists");
        let visible = state.seq == change.seq || state.conflicts.iter().any(|c| c.seq == change.seq);
        // Overwritten by someone who had seen it, or by its own author's later edit (a
        // client's edits are logged in the order it made them).
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
    fn replicas_converge_and_lose_no_acknowledged_edit(actions in proptest::collection::vec(action(), 1..120)) {
        check(&actions)?;
    }
}

#[test]
fn a_known_concurrent_trace_converges_with_the_conflict_visible() {
    use Action::*;
    let trace = [
        Edit {
            client: 0,
            object: 0,
            field: 0,
            value: 1,
        },
        Push { client: 0 },
        Deliver { at: 0, duplicate: true },
        Deliver {
            at: 0,
            duplicate: false,
        },
        // Client 1 edits the same field without having pulled: concurrent.
        Edit {
            client: 1,
            object: 0,
            field: 0,
            value: 2,
        },
        Push { client: 1 },
        Lose { at: 2 },
    ];
    check(&trace).expect("converges");
    let mut world = World::new();
    for a in &trace {
        world.run(a);
    }
    world.quiesce();
    let field = world.clients[2].replica.field("object-0", "field-0").expect("field");
    assert_eq!(field.conflicts.len(), 1, "the losing value is kept: {field:?}");
}
