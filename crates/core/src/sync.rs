//! The one write path every tool uses: edits made in the browser become mutations, pushed to
//! the server in batches; the server orders them into one log of changes; every replica
//! pulls the log and folds it into the same state.
//!
//! - A mutation carries the client id (in its push), a per-client increasing id, the
//!   operation, and the client's hybrid logical clock.
//! - The server applies a mutation whose id is last+1, skips one already applied (so a
//!   retried push is harmless) and rejects a gap ([`accept_push`]).
//! - A change records which server sequence number its author had seen for the field
//!   (`base`). An edit made without seeing the current value is concurrent with it: the one
//!   with the later clock wins and the other is kept as a visible conflict
//!   ([`Replica::apply`]). Every replica folds the same log in the same order, so all agree.
//! - Every object hangs under a root whose scope says which organisations may read it
//!   ([`crate::tool`]). [`admit`] checks an edit against its tool's rules and says who may
//!   read the change and who gains or loses the root with it. A pull returns only what the
//!   reader may see, plus [`AccessChange`]s; the reader fetches a newly shared root's history
//!   and drops a root it lost ([`Replica::apply_page`]), so each replica equals the server's
//!   fold restricted to what its organisation may read.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::clock::Hlc;
use crate::scope::{Actor, Scope};
use crate::tool::{self, Refusal, RootState};

/// Most mutations one push may carry.
pub const MAX_PUSH: usize = 2_000;
/// Most bytes of mutations a client puts in one push: well under the server's request limit
/// (2 MiB), whatever the edits hold (each value is at most [`MAX_VALUE_BYTES`]).
pub const PUSH_BYTES: usize = 1024 * 1024;
/// Most changes one pull returns.
pub const MAX_PULL: usize = 500;
/// Longest object, field and client identifiers.
pub const MAX_ID_LEN: usize = 128;
/// Largest serialized field value, in bytes.
pub const MAX_VALUE_BYTES: usize = 16 * 1024;
/// Largest clock node a client may use (clients draw 52 random bits).
pub const MAX_NODE: u64 = (1 << 53) - 1;

/// What an edit does.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Op {
    /// Sets one field of one object. `base` is the sequence number of the field's value the
    /// author saw (0 when the field was empty to them).
    SetField {
        object: String,
        field: String,
        value: Value,
        base: u64,
    },
}

impl Op {
    pub fn field_key(&self) -> (&str, &str) {
        match self {
            Op::SetField { object, field, .. } => (object, field),
        }
    }
}

/// One edit as the client sends it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mutation {
    /// 1, 2, 3, … per client, with no gaps.
    pub id: u64,
    pub clock: Hlc,
    pub op: Op,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PushRequest {
    pub schema_version: u32,
    pub client_id: String,
    pub mutations: Vec<Mutation>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushResponse {
    /// The highest mutation id of this client the server has applied.
    pub last_mutation_id: u64,
}

/// One entry of the server's log.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Position in the log: 1, 2, 3, … with no gaps.
    pub seq: u64,
    pub client_id: String,
    pub mutation_id: u64,
    pub clock: Hlc,
    pub op: Op,
    /// The name of the person whose client made the edit, for showing who wrote what.
    #[serde(default)]
    pub author: String,
    /// The name of the author's organisation: names are not unique across organisations.
    #[serde(default)]
    pub author_org: String,
}

/// A reader's organisation gained or lost a root object at a point of the log.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessChange {
    /// The change that shared or unshared the root.
    pub seq: u64,
    pub root: String,
    /// True when shared with the reader (fetch its history from `/api/sync/history`), false
    /// when unshared (drop it from the device).
    pub granted: bool,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PullResponse {
    pub schema_version: u32,
    /// Changes after the requested cursor, in order, at most [`MAX_PULL`].
    pub changes: Vec<Change>,
    /// Pass this as the next cursor.
    pub cursor: u64,
    /// The newest sequence number on the server, to show catch-up progress.
    pub head: u64,
    /// The highest mutation id of the asking client the server has applied.
    pub last_mutation_id: u64,
    /// Roots the reader's organisation gained or lost within this page, in log order.
    #[serde(default)]
    pub access: Vec<AccessChange>,
}

/// `GET /api/sync/history`: the changes of one root before the point it was shared with the
/// reader, which the reader's filtered pull never carried.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryResponse {
    pub changes: Vec<Change>,
    /// Pass as `after` for the next page.
    pub cursor: u64,
    pub more: bool,
}

impl PullResponse {
    pub fn more(&self) -> bool {
        self.cursor < self.head
    }
}

/// Why a push was refused. Nothing of a refused push is applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum PushError {
    #[error("this app speaks sync schema {got}, the server speaks {expected}; reload the app")]
    SchemaVersion { expected: u32, got: u32 },
    #[error("mutation {got} arrived before {expected}; send the missing ones first")]
    Gap { expected: u64, got: u64 },
    #[error("mutation ids must increase by one (found {then} after {before})")]
    NotIncreasing { before: u64, then: u64 },
    #[error("a push may carry at most {max} mutations")]
    TooMany { max: usize },
    #[error("the client id must be 8 to {max} letters, digits, '-' or '_'", max = MAX_ID_LEN)]
    BadClientId,
    #[error("mutation {id}: {reason}")]
    Invalid { id: u64, reason: String },
    #[error("mutation {id}: {reason}")]
    NotAllowed { id: u64, reason: String },
    #[error("mutation {id}: this belongs to an organisation you cannot read")]
    OutOfScope { id: u64 },
    #[error("mutation {id}: {reason}")]
    NoSuchObject { id: u64, reason: String },
    #[error(
        "{who} wrote {used} bytes of edits today; the daily limit is {limit}. Try again tomorrow, or ask an administrator"
    )]
    WriteQuota { who: String, used: u64, limit: u64 },
}

/// Why a push was refused, as a stable code in the error body (`ApiError::code`), so the app
/// acts on a type, not on an HTTP status.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefusalCode {
    /// The app is older or newer than the server: reload.
    SchemaVersion,
    /// Mutations are missing before this push: the server lost track of the client.
    SyncGap,
    /// The push itself is malformed.
    InvalidPush,
    /// One edit's value is malformed.
    InvalidEdit,
    /// One edit is outside the author's role.
    EditNotAllowed,
    /// One edit touches an object of an organisation the author cannot read.
    OutOfScope,
    /// One edit touches an object that does not exist.
    NoSuchObject,
    /// The client id belongs to another person.
    ClientOfAnotherPerson,
    /// The author or their organisation has written too much today.
    WriteQuota,
}

impl RefusalCode {
    pub fn as_str(self) -> &'static str {
        match self {
            RefusalCode::SchemaVersion => "schema_version",
            RefusalCode::SyncGap => "sync_gap",
            RefusalCode::InvalidPush => "invalid_push",
            RefusalCode::InvalidEdit => "invalid_edit",
            RefusalCode::EditNotAllowed => "edit_not_allowed",
            RefusalCode::OutOfScope => "out_of_scope",
            RefusalCode::NoSuchObject => "no_such_object",
            RefusalCode::ClientOfAnotherPerson => "client_of_another_person",
            RefusalCode::WriteQuota => "write_quota",
        }
    }

    pub fn parse(code: &str) -> Option<RefusalCode> {
        serde_json::from_value(Value::from(code)).ok()
    }

    /// Whether the refusal is about one edit, which the app sets aside; the others are about
    /// the push or the client as a whole.
    pub fn is_about_one_edit(self) -> bool {
        matches!(
            self,
            RefusalCode::InvalidEdit
                | RefusalCode::EditNotAllowed
                | RefusalCode::OutOfScope
                | RefusalCode::NoSuchObject
        )
    }
}

impl PushError {
    pub fn code(&self) -> RefusalCode {
        match self {
            PushError::SchemaVersion { .. } => RefusalCode::SchemaVersion,
            PushError::Gap { .. } => RefusalCode::SyncGap,
            PushError::NotIncreasing { .. } | PushError::TooMany { .. } | PushError::BadClientId => {
                RefusalCode::InvalidPush
            }
            PushError::Invalid { .. } => RefusalCode::InvalidEdit,
            PushError::NotAllowed { .. } => RefusalCode::EditNotAllowed,
            PushError::OutOfScope { .. } => RefusalCode::OutOfScope,
            PushError::NoSuchObject { .. } => RefusalCode::NoSuchObject,
            PushError::WriteQuota { .. } => RefusalCode::WriteQuota,
        }
    }

    /// The refused mutation, when one edit is the reason.
    pub fn mutation_id(&self) -> Option<u64> {
        match self {
            PushError::Invalid { id, .. }
            | PushError::NotAllowed { id, .. }
            | PushError::OutOfScope { id }
            | PushError::NoSuchObject { id, .. } => Some(*id),
            _ => None,
        }
    }

    fn refused(id: u64, refusal: Refusal) -> PushError {
        match refusal {
            Refusal::NotAllowed(reason) => PushError::NotAllowed { id, reason },
            Refusal::OutOfScope => PushError::OutOfScope { id },
            Refusal::NoSuchObject(reason) => PushError::NoSuchObject { id, reason },
            Refusal::Invalid(reason) => PushError::Invalid { id, reason },
        }
    }
}

pub fn valid_client_id(id: &str) -> bool {
    (8..=MAX_ID_LEN).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn check_op(op: &Op) -> Result<(), String> {
    match op {
        Op::SetField {
            object, field, value, ..
        } => {
            for (name, id) in [("object", object), ("field", field)] {
                if id.is_empty() || id.len() > MAX_ID_LEN || id.chars().any(char::is_control) {
                    return Err(format!(
                        "the {name} name must be 1 to {MAX_ID_LEN} printable characters"
                    ));
                }
            }
            let size = serde_json::to_vec(value).map(|v| v.len()).unwrap_or(usize::MAX);
            if size > MAX_VALUE_BYTES {
                return Err(format!(
                    "the value is {size} bytes; at most {MAX_VALUE_BYTES} are allowed"
                ));
            }
            Ok(())
        }
    }
}

/// Decides which mutations of a push to apply, given the last one applied for this client.
/// Already-applied ones are skipped; a gap refuses the whole push.
pub fn accept_push(request: &PushRequest, last_applied: u64, schema_version: u32) -> Result<&[Mutation], PushError> {
    if request.schema_version != schema_version {
        return Err(PushError::SchemaVersion {
            expected: schema_version,
            got: request.schema_version,
        });
    }
    if !valid_client_id(&request.client_id) {
        return Err(PushError::BadClientId);
    }
    if request.mutations.len() > MAX_PUSH {
        return Err(PushError::TooMany { max: MAX_PUSH });
    }
    for pair in request.mutations.windows(2) {
        if pair[0].id.checked_add(1) != Some(pair[1].id) {
            return Err(PushError::NotIncreasing {
                before: pair[0].id,
                then: pair[1].id,
            });
        }
    }
    for mutation in &request.mutations {
        check_op(&mutation.op).map_err(|reason| PushError::Invalid {
            id: mutation.id,
            reason,
        })?;
    }
    let fresh = request
        .mutations
        .iter()
        .position(|m| m.id > last_applied)
        .unwrap_or(request.mutations.len());
    let rest = &request.mutations[fresh..];
    if let Some(first) = rest.first()
        && Some(first.id) != last_applied.checked_add(1)
    {
        return Err(PushError::Gap {
            expected: last_applied.saturating_add(1),
            got: first.id,
        });
    }
    Ok(rest)
}

/// Checks a mutation's clock and base against the log it is about to join, at sequence number
/// `seq`, on a server whose clock reads `now_ms`, and returns the clock to store. A `base` past
/// the log's end claims to have seen edits that do not exist (it would erase conflicts unseen),
/// so it is refused; a clock implausibly far ahead (it would win every conflict) is capped, and
/// a capped clock keeps no counter, so it does not win every tie either.
pub fn admit_clock(mutation: &Mutation, seq: u64, now_ms: u64) -> Result<Hlc, PushError> {
    let Op::SetField { base, .. } = &mutation.op;
    if *base >= seq {
        return Err(PushError::Invalid {
            id: mutation.id,
            reason: format!("base {base} is past the end of the log ({})", seq - 1),
        });
    }
    let mut clock = mutation.clock;
    let latest = now_ms.saturating_add(crate::clock::MAX_DRIFT_MS);
    if clock.wall_ms > latest {
        clock.wall_ms = latest;
        clock.counter = 0;
    }
    clock.node = clock.node.min(MAX_NODE);
    Ok(clock)
}

/// An edit that passed every rule: what to store, and who may read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Admission {
    pub clock: Hlc,
    /// The root object the edited object hangs under.
    pub root: String,
    /// Whether the edit changed the root's own fields (its state must be saved).
    pub root_changed: bool,
    /// The organisations that may read the change: the root's readers once it is applied, or
    /// of those only the owner and the author's organisation when the change is private to it.
    pub readers: BTreeSet<String>,
    /// The organisation the change is private to, with the root's owner ([`tool::audience`]).
    pub audience: Option<String>,
    /// Every organisation that may read the root once the change is applied.
    pub root_readers: BTreeSet<String>,
    /// Organisations that can read the root from this change on, and could not before.
    pub granted: BTreeSet<String>,
    /// Organisations that could read the root before this change, and cannot any more.
    pub revoked: BTreeSet<String>,
}

/// Admits one mutation of `actor` at sequence number `seq`: the owning tool's rules on the
/// root's current state `root` (which this updates when the root's own fields change), the
/// clock and base, and the readers before and after. Nothing is changed on a refusal.
pub fn admit(
    actor: &Actor<'_>,
    client_id: &str,
    root: &mut RootState,
    mutation: &Mutation,
    seq: u64,
    now_ms: u64,
) -> Result<Admission, PushError> {
    let (object, _) = mutation.op.field_key();
    let root_name = tool::check(actor, root, &mutation.op).map_err(|r| PushError::refused(mutation.id, r))?;
    let clock = admit_clock(mutation, seq, now_ms)?;
    let audience = tool::audience(actor, root, &mutation.op);
    let before = tool::scope(root_name, root);
    let root_changed = object == root_name;
    if root_changed {
        root.apply(&Change {
            seq,
            client_id: client_id.to_string(),
            mutation_id: mutation.id,
            clock,
            op: mutation.op.clone(),
            author: String::new(),
            author_org: String::new(),
        });
    }
    let after = tool::scope(root_name, root);
    let readers_of = |scope: &Option<Scope>| -> BTreeSet<String> {
        scope
            .as_ref()
            .map(|s| s.readers().into_iter().map(str::to_string).collect())
            .unwrap_or_default()
    };
    let (was, is) = (readers_of(&before), readers_of(&after));
    // Creating a root grants nothing: its owner reads the creating change itself.
    let granted = match before {
        Some(_) => is.difference(&was).cloned().collect(),
        None => BTreeSet::new(),
    };
    let readers = match (&audience, &after) {
        (Some(org), Some(scope)) => is
            .iter()
            .filter(|r| *r == org || *r == scope.owner())
            .cloned()
            .collect(),
        _ => is.clone(),
    };
    let revoked = was.difference(&is).cloned().collect();
    Ok(Admission {
        clock,
        root: root_name.to_string(),
        root_changed,
        granted,
        revoked,
        readers,
        audience,
        root_readers: is,
    })
}

/// A value that lost to a concurrent edit, kept so people can see and resolve it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub value: Value,
    pub seq: u64,
    pub clock: Hlc,
    pub author: String,
    /// The client that wrote it.
    #[serde(default)]
    pub client: String,
}

/// A field's state: the winning value and the concurrent values that lost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub value: Value,
    pub seq: u64,
    pub clock: Hlc,
    pub author: String,
    /// The client that wrote the value. A client's edits reach the log in the order they were
    /// made, so its later edit of a field always knows its earlier one.
    #[serde(default)]
    pub client: String,
    /// Sorted by sequence number.
    pub conflicts: Vec<Conflict>,
}

/// The fields of one object: field → state.
pub type ObjectFields = BTreeMap<String, Field>;

/// The state every replica computes from the log.
///
/// The objects are a persistent map (`imbl::OrdMap`): a clone shares all of it and a change
/// copies only the path to what it changed. Applying a pull page to a copy of a 50,000-item
/// sweep's replica costs what the page changed, not what the replica holds, and
/// [`Replica::changed_objects`] finds what differs between two copies without visiting what
/// they share.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Replica {
    /// object → field → state. Serialized as a list of ((object, field), state) pairs, since
    /// JSON keys are strings.
    #[serde(rename = "fields", with = "pairs")]
    pub objects: imbl::OrdMap<String, ObjectFields>,
    /// The sequence number of the last change folded in.
    pub cursor: u64,
}

/// The objects serialized as a list of ((object, field), state) pairs.
mod pairs {
    use serde::de::{SeqAccess, Visitor};
    use serde::{Deserializer, Serializer};

    use super::{Field, ObjectFields};

    type Objects = imbl::OrdMap<String, ObjectFields>;

    pub fn serialize<S: Serializer>(objects: &Objects, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            objects
                .iter()
                .flat_map(|(object, fields)| fields.iter().map(move |(field, state)| ((object, field), state))),
        )
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Objects, D::Error> {
        struct Pairs;
        impl<'de> Visitor<'de> for Pairs {
            type Value = Objects;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of ((object, field), state) pairs")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Objects, A::Error> {
                // Pairs come sorted by object: gather one object's fields, then insert it.
                let mut objects = Objects::new();
                let mut current: Option<(String, ObjectFields)> = None;
                while let Some(((object, field), state)) = seq.next_element::<((String, String), Field)>()? {
                    match &mut current {
                        Some((name, fields)) if *name == object => {
                            fields.insert(field, state);
                        }
                        _ => {
                            if let Some((name, fields)) = current.take() {
                                insert(&mut objects, name, fields);
                            }
                            current = Some((object, ObjectFields::from([(field, state)])));
                        }
                    }
                }
                if let Some((name, fields)) = current {
                    insert(&mut objects, name, fields);
                }
                Ok(objects)
            }
        }
        deserializer.deserialize_seq(Pairs)
    }

    /// Inserts an object's fields, merged with any gathered before (unsorted input).
    fn insert(objects: &mut Objects, name: String, fields: ObjectFields) {
        match objects.get_mut(&name) {
            Some(existing) => existing.extend(fields),
            None => {
                objects.insert(name, fields);
            }
        }
    }
}

/// Folds a change of a field into the field's current state: the one merge rule every
/// replica, and the server's root states, share.
pub fn fold(current: &mut Field, change: &Change) {
    let Op::SetField { base, .. } = &change.op;
    let incoming = Conflict::of(change);
    // Conflicting values the author had seen are resolved by this edit, and so are the
    // author's own earlier values: a client's edits are made, and logged, in order.
    current
        .conflicts
        .retain(|c| c.seq > *base && c.client != change.client_id);
    if *base >= current.seq || current.client == change.client_id {
        // The author saw the current value, or wrote it: a plain overwrite.
        let kept = std::mem::take(&mut current.conflicts);
        *current = Field::from(incoming);
        current.conflicts = kept;
    } else if change.clock > current.clock {
        // Concurrent, and later: it wins; the value it did not see is kept.
        let loser = Conflict {
            value: current.value.clone(),
            seq: current.seq,
            clock: current.clock,
            author: current.author.clone(),
            client: current.client.clone(),
        };
        let mut conflicts = std::mem::take(&mut current.conflicts);
        conflicts.push(loser);
        *current = Field::from(incoming);
        current.conflicts = conflicts;
    } else {
        current.conflicts.push(incoming);
    }
    current.conflicts.sort_by_key(|c| c.seq);
}

impl Conflict {
    fn of(change: &Change) -> Conflict {
        let Op::SetField { value, .. } = &change.op;
        let author = match (change.author.is_empty(), change.author_org.is_empty()) {
            (true, _) => change.client_id.clone(),
            (false, true) => change.author.clone(),
            (false, false) => format!("{} ({})", change.author, change.author_org),
        };
        Conflict {
            value: value.clone(),
            seq: change.seq,
            clock: change.clock,
            author,
            client: change.client_id.clone(),
        }
    }
}

impl Replica {
    pub fn field(&self, object: &str, field: &str) -> Option<&Field> {
        self.objects.get(object)?.get(field)
    }

    /// Every field, as ((object, field), state), in order.
    pub fn fields(&self) -> impl Iterator<Item = ((&str, &str), &Field)> {
        self.objects.iter().flat_map(|(object, fields)| {
            fields
                .iter()
                .map(move |(field, state)| ((object.as_str(), field.as_str()), state))
        })
    }

    /// The objects whose fields differ between `before` and this replica (changed, added or
    /// gone), in order. What the two share is not visited: after one pull page this costs
    /// about what the page changed.
    pub fn changed_objects<'s>(&'s self, before: &'s Replica) -> impl Iterator<Item = &'s str> {
        before.objects.diff(&self.objects).map(|d| match d {
            imbl::ordmap::DiffItem::Add(k, _)
            | imbl::ordmap::DiffItem::Remove(k, _)
            | imbl::ordmap::DiffItem::Update { new: (k, _), .. } => k.as_str(),
        })
    }

    /// Folds in a change. Changes at or before the cursor are ignored (a repeated pull is
    /// harmless); the caller passes them in log order.
    pub fn apply(&mut self, change: &Change) {
        if change.seq <= self.cursor {
            return;
        }
        self.cursor = change.seq;
        self.fold(change);
    }

    /// Folds a change whatever the cursor: for a root's history, which lies behind it.
    fn fold(&mut self, change: &Change) {
        let (object, field) = change.op.field_key();
        match self.objects.get_mut(object) {
            Some(fields) => match fields.get_mut(field) {
                Some(current) => fold(current, change),
                None => {
                    fields.insert(field.to_string(), Field::from_change(change));
                }
            },
            None => {
                let fields = ObjectFields::from([(field.to_string(), Field::from_change(change))]);
                self.objects.insert(object.to_string(), fields);
            }
        }
    }

    /// Forgets every object under `root` (its organisation lost access to it).
    pub fn drop_root(&mut self, root: &str) {
        // A root's objects are the root itself and names that start with it.
        let gone: Vec<String> = self
            .objects
            .range(root.to_string()..)
            .take_while(|(object, _)| object.starts_with(root))
            .filter(|(object, _)| tool::root_of(object) == Some(root))
            .map(|(object, _)| object.clone())
            .collect();
        for object in gone {
            self.objects.remove(&object);
        }
    }

    /// Folds one page of a filtered pull, in log order: a root shared with the reader at
    /// `seq` is dropped and rebuilt from `history` (its changes before `seq`, keyed by root
    /// and `seq`), a root unshared is dropped, and the visible changes are applied. Objects
    /// under different roots never share a field, so folding a root's history late gives the
    /// state folding it in order would have.
    pub fn apply_page(&mut self, page: &PullResponse, history: &BTreeMap<(String, u64), Vec<Change>>) {
        let mut access = page.access.iter().peekable();
        for change in &page.changes {
            while let Some(event) = access.next_if(|a| a.seq <= change.seq) {
                self.apply_access(event, history);
            }
            if change.seq > self.cursor {
                self.fold(change);
            }
        }
        for event in access {
            self.apply_access(event, history);
        }
        self.cursor = self.cursor.max(page.cursor);
    }

    fn apply_access(&mut self, event: &AccessChange, history: &BTreeMap<(String, u64), Vec<Change>>) {
        if event.seq <= self.cursor {
            return;
        }
        self.drop_root(&event.root);
        if event.granted {
            for change in history.get(&(event.root.clone(), event.seq)).into_iter().flatten() {
                if change.seq < event.seq && tool::root_of(change.op.field_key().0) == Some(event.root.as_str()) {
                    self.fold(change);
                }
            }
        }
    }
}

impl Field {
    pub fn from_change(change: &Change) -> Field {
        Field::from(Conflict::of(change))
    }

    /// A value made on this device that the server has not seen.
    pub fn local(value: Value) -> Field {
        Field {
            value,
            seq: 0,
            clock: Hlc::zero(0),
            author: String::new(),
            client: String::new(),
            conflicts: Vec::new(),
        }
    }

    /// The newest sequence number among the value and its conflicts: the `base` of an edit
    /// made by someone shown all of them, which resolves the conflict.
    pub fn seen(&self) -> u64 {
        self.conflicts.iter().map(|c| c.seq).fold(self.seq, u64::max)
    }
}

/// What a person sees: the replica, with their own edits that the server has not yet
/// acknowledged laid on top.
#[derive(Debug, Clone)]
pub struct Overlay<'a> {
    replica: &'a Replica,
    /// (object, field) → the newest pending value and the base it was made on.
    pending: BTreeMap<(&'a str, &'a str), (&'a Value, u64)>,
}

/// One field as shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shown<'a> {
    /// The value to show: the newest pending edit, else the replica's value.
    pub value: Option<&'a Value>,
    /// Whether the value is a local edit the server has not acknowledged yet.
    pub pending: bool,
    /// The base of that pending edit: all the person had seen of the field when making it.
    pub pending_base: u64,
    /// The replica's state of the field, with its conflicts.
    pub field: Option<&'a Field>,
}

impl Shown<'_> {
    pub fn as_str(&self) -> &str {
        self.value.and_then(Value::as_str).unwrap_or("")
    }

    pub fn as_bool(&self) -> bool {
        self.value.and_then(Value::as_bool).unwrap_or(false)
    }

    /// The `base` for the next edit of this field: what the person has been shown. While an
    /// edit of theirs is pending, conflicts are hidden, so it is that edit's base; a value
    /// someone else wrote meanwhile then stays a visible conflict instead of being erased.
    pub fn base(&self) -> u64 {
        if self.pending {
            self.pending_base
        } else {
            self.field.map_or(0, Field::seen)
        }
    }

    /// Concurrent values that lost, unless a pending local edit is about to resolve them.
    pub fn conflicts(&self) -> &[Conflict] {
        match self.field {
            Some(field) if !self.pending => &field.conflicts,
            _ => &[],
        }
    }
}

impl<'a> Overlay<'a> {
    /// `pending` in the order the edits were made: a later one wins.
    pub fn new(replica: &'a Replica, pending: &'a [Mutation]) -> Overlay<'a> {
        let pending = pending
            .iter()
            .map(|m| match &m.op {
                Op::SetField {
                    object,
                    field,
                    value,
                    base,
                } => ((object.as_str(), field.as_str()), (value, *base)),
            })
            .collect();
        Overlay { replica, pending }
    }

    pub fn get(&self, object: &str, field: &str) -> Shown<'a> {
        let stored = self.replica.field(object, field);
        match self.pending.get(&(object, field)) {
            Some((value, base)) => Shown {
                value: Some(*value),
                pending: true,
                pending_base: *base,
                field: stored,
            },
            None => Shown {
                value: stored.map(|f| &f.value),
                pending: false,
                pending_base: 0,
                field: stored,
            },
        }
    }

    /// Every field of `object` that has a value, replica and pending edits together.
    pub fn fields_of(&self, object: &str) -> std::collections::BTreeSet<&'a str> {
        let replica = self
            .replica
            .objects
            .get(object)
            .into_iter()
            .flat_map(|fields| fields.keys().map(String::as_str));
        let pending = self.pending.keys().filter(|(o, _)| *o == object).map(|(_, f)| *f);
        replica.chain(pending).collect()
    }

    /// Every object whose name starts with `prefix`, replica and pending edits together.
    pub fn objects_under(&self, prefix: &str) -> std::collections::BTreeSet<&'a str> {
        let replica = self
            .replica
            .objects
            .range(prefix.to_string()..)
            .take_while(|(o, _)| o.starts_with(prefix))
            .map(|(o, _)| o.as_str());
        let pending = self
            .pending
            .keys()
            .filter(|(o, _)| o.starts_with(prefix))
            .map(|(o, _)| *o);
        replica.chain(pending).collect()
    }

    /// Every object name that has a value for `field`, replica and pending edits together.
    pub fn objects_with(&self, field: &str) -> std::collections::BTreeSet<&'a str> {
        let replica = self
            .replica
            .objects
            .iter()
            .filter(|(_, fields)| fields.contains_key(field))
            .map(|(o, _)| o.as_str());
        let pending = self.pending.keys().filter(|(_, f)| *f == field).map(|(o, _)| *o);
        replica.chain(pending).collect()
    }

    /// The newest pending edit of each field, by object and field: (object, field, value, base).
    pub fn pending_fields(&self) -> impl Iterator<Item = (&'a str, &'a str, &'a Value, u64)> + '_ {
        self.pending.iter().map(|((o, f), (v, base))| (*o, *f, *v, *base))
    }
}

impl From<Conflict> for Field {
    fn from(c: Conflict) -> Field {
        Field {
            value: c.value,
            seq: c.seq,
            clock: c.clock,
            author: c.author,
            client: c.client,
            conflicts: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(id: u64, value: &str, base: u64) -> Mutation {
        Mutation {
            id,
            clock: Hlc {
                wall_ms: id,
                counter: 0,
                node: 1,
            },
            op: Op::SetField {
                object: "item-1".into(),
                field: "decision".into(),
                value: Value::from(value),
                base,
            },
        }
    }

    fn push(ids: &[u64]) -> PushRequest {
        PushRequest {
            schema_version: 1,
            client_id: "client-abc".into(),
            mutations: ids.iter().map(|i| set(*i, "x", 0)).collect(),
        }
    }

    #[test]
    fn a_push_applies_new_ids_skips_old_ones_and_refuses_gaps() {
        let ids = |r: Result<&[Mutation], PushError>| r.map(|ms| ms.iter().map(|m| m.id).collect::<Vec<_>>());
        assert_eq!(ids(accept_push(&push(&[1, 2, 3]), 0, 1)), Ok(vec![1, 2, 3]));
        assert_eq!(
            ids(accept_push(&push(&[1, 2, 3]), 3, 1)),
            Ok(vec![]),
            "a retried push changes nothing"
        );
        assert_eq!(ids(accept_push(&push(&[2, 3, 4]), 3, 1)), Ok(vec![4]));
        assert_eq!(
            ids(accept_push(&push(&[5, 6]), 3, 1)),
            Err(PushError::Gap { expected: 4, got: 5 })
        );
        assert_eq!(
            ids(accept_push(&push(&[1, 3]), 0, 1)),
            Err(PushError::NotIncreasing { before: 1, then: 3 })
        );
        assert_eq!(
            ids(accept_push(&push(&[1]), 0, 2)),
            Err(PushError::SchemaVersion { expected: 2, got: 1 })
        );
        let mut bad = push(&[1]);
        bad.client_id = "x".into();
        assert_eq!(ids(accept_push(&bad, 0, 1)), Err(PushError::BadClientId));
        // Ids at the end of the range neither overflow nor pass.
        assert_eq!(
            ids(accept_push(&push(&[u64::MAX, 0]), 0, 1)),
            Err(PushError::NotIncreasing {
                before: u64::MAX,
                then: 0
            })
        );
        assert_eq!(ids(accept_push(&push(&[u64::MAX]), u64::MAX, 1)), Ok(vec![]));
    }

    fn change(seq: u64, author: &str, wall: u64, value: &str, base: u64) -> Change {
        Change {
            seq,
            client_id: author.into(),
            mutation_id: seq,
            clock: Hlc {
                wall_ms: wall,
                counter: 0,
                node: author.len() as u64,
            },
            op: Op::SetField {
                object: "o".into(),
                field: "f".into(),
                value: Value::from(value),
                base,
            },
            author: String::new(),
            author_org: String::new(),
        }
    }

    #[test]
    fn concurrent_edits_keep_the_loser_and_a_later_informed_edit_resolves_it() {
        let mut r = Replica::default();
        r.apply(&change(1, "alice", 10, "a1", 0));
        // Bob edits without having seen alice's value, with a later clock: bob wins, alice kept.
        r.apply(&change(2, "bob", 20, "b1", 0));
        let f = r.field("o", "f").expect("field");
        assert_eq!(f.value, "b1");
        assert_eq!(
            f.conflicts.iter().map(|c| c.value.clone()).collect::<Vec<_>>(),
            vec![Value::from("a1")]
        );
        // Carol, also unaware, with an earlier clock: she loses and is kept too.
        r.apply(&change(3, "carol", 5, "c1", 0));
        assert_eq!(r.field("o", "f").expect("field").conflicts.len(), 2);
        // Alice sees everything (base 3) and decides: conflicts resolved.
        r.apply(&change(4, "alice", 30, "final", 3));
        let f = r.field("o", "f").expect("field");
        assert_eq!(f.value, "final");
        assert!(f.conflicts.is_empty());
        // A repeated change is ignored.
        r.apply(&change(2, "bob", 20, "b1", 0));
        assert_eq!(r.cursor, 4);
    }

    #[test]
    fn a_base_from_the_future_is_refused_and_a_clock_from_the_future_capped() {
        let mut m = set(1, "x", 5);
        assert!(matches!(
            admit_clock(&m, 5, 1_000),
            Err(PushError::Invalid { id: 1, .. })
        ));
        assert_eq!(
            admit_clock(&m, 6, 1_000).map(|c| c.wall_ms),
            Ok(1),
            "an honest edit is kept as it is"
        );
        m.clock = Hlc {
            wall_ms: u64::MAX,
            counter: u32::MAX,
            node: u64::MAX,
        };
        assert_eq!(
            admit_clock(&m, 6, 1_000),
            Ok(Hlc {
                wall_ms: 1_000 + crate::clock::MAX_DRIFT_MS,
                counter: 0,
                node: MAX_NODE,
            }),
            "a capped clock wins no ties"
        );
    }

    #[test]
    fn a_clients_later_edit_overwrites_its_own_earlier_one_and_keeps_others_conflicts() {
        let mut r = Replica::default();
        // Alice edits twice while offline: both made on base 0.
        r.apply(&change(1, "alice", 10, "label", 0));
        // Bob, unaware, writes in between with an earlier clock: a conflict.
        r.apply(&change(2, "bob", 5, "b1", 0));
        r.apply(&change(3, "alice", 11, "remove", 0));
        let f = r.field("o", "f").expect("field");
        assert_eq!(f.value, "remove", "her second edit replaces her first");
        assert_eq!(
            f.conflicts.iter().map(|c| c.value.clone()).collect::<Vec<_>>(),
            vec![Value::from("b1")],
            "bob's unseen value stays visible; alice's own first value is no conflict"
        );
    }

    #[test]
    fn changed_objects_names_what_a_page_changed_and_nothing_a_copy_shares() {
        let mut before = Replica::default();
        for n in 1..=2_000u64 {
            let mut c = change(n, "alice", n, "v", 0);
            let Op::SetField { object, .. } = &mut c.op;
            *object = format!("sweep/s/item/{n}");
            before.apply(&c);
        }
        let mut after = before.clone();
        assert_eq!(after.changed_objects(&before).count(), 0, "a copy changes nothing");
        let mut c = change(2_001, "bob", 9_999, "w", 0);
        let Op::SetField { object, .. } = &mut c.op;
        *object = "sweep/s/item/7".to_string();
        after.apply(&c);
        let mut c = change(2_002, "bob", 9_999, "new", 0);
        let Op::SetField { object, .. } = &mut c.op;
        *object = "sweep/s/item/9999".to_string();
        after.apply(&c);
        assert_eq!(
            after.changed_objects(&before).collect::<Vec<_>>(),
            ["sweep/s/item/7", "sweep/s/item/9999"]
        );
        assert_eq!(
            before.field("sweep/s/item/7", "f").map(|f| &f.value),
            Some(&Value::from("v")),
            "the original is untouched"
        );
    }

    #[test]
    fn a_replica_survives_a_round_trip_through_json() {
        let mut r = Replica::default();
        r.apply(&change(1, "alice", 10, "a1", 0));
        r.apply(&change(2, "bob", 20, "b1", 0));
        let text = serde_json::to_string(&r).expect("serializes");
        let back: Replica = serde_json::from_str(&text).expect("deserializes");
        assert_eq!(back, r);
    }

    #[test]
    fn the_overlay_shows_pending_edits_over_the_replica_and_hides_conflicts_they_resolve() {
        let mut r = Replica::default();
        r.apply(&change(1, "alice", 10, "a1", 0));
        r.apply(&change(2, "bob", 20, "b1", 0));
        let none: Vec<Mutation> = Vec::new();
        let shown = Overlay::new(&r, &none).get("o", "f");
        assert_eq!(shown.value, Some(&Value::from("b1")));
        assert!(!shown.pending);
        assert_eq!(shown.conflicts().len(), 1);
        assert_eq!(shown.base(), 2);

        let mine = vec![Mutation {
            id: 1,
            clock: Hlc::zero(9),
            op: Op::SetField {
                object: "o".into(),
                field: "f".into(),
                value: Value::from("mine"),
                base: shown.base(),
            },
        }];
        let overlay = Overlay::new(&r, &mine);
        let shown = overlay.get("o", "f");
        assert_eq!(shown.as_str(), "mine");
        assert!(shown.pending);
        assert!(shown.conflicts().is_empty());
        assert_eq!(shown.base(), 2, "the next edit keeps the base of the pending one");
        assert_eq!(overlay.get("o", "other").value, None);
        assert_eq!(overlay.objects_with("f").into_iter().collect::<Vec<_>>(), vec!["o"]);
    }
}
