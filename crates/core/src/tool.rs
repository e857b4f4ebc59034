//! The tool registry: every sync object belongs to one tool, found from the object's name.
//! A tool says, for the objects it owns:
//! - which root object an object hangs under (`sweep/{id}/item/7` → `sweep/{id}`);
//! - who may read the root and everything under it ([`Scope`]), derived from the root's own
//!   fields (so sharing is an ordinary, synced, audited edit);
//! - who may write which field with which value ([`Tool::check`]), given the root's state;
//! - how an edit reads to a person ([`Tool::describe`]).
//!
//! Server and app route through [`TOOLS`] alike. Adding a tool is one module implementing
//! [`Tool`] and one line in [`TOOLS`]. An object no tool owns is refused for everyone.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::scope::{Actor, Scope};
use crate::sync::{Change, Field, Op, Overlay, fold};

/// Every tool on the write path.
pub static TOOLS: &[&dyn Tool] = &[
    &crate::sweep::Sweeps,
    &crate::template::notes::Templates,
    &crate::template::notes::Notes,
    &crate::reading::ReadingLists,
];

/// One tool's rules.
pub trait Tool: Sync {
    /// The root object of `object` when this tool owns it.
    fn root<'a>(&self, object: &'a str) -> Option<&'a str>;
    /// Who may read the root and what hangs under it; `None` while the root does not exist.
    fn scope(&self, root: &RootState) -> Option<Scope>;
    /// Whether `actor` may make this edit, and whether its value is well-formed, given the
    /// root's current state. Deny by default.
    fn check(&self, actor: &Actor<'_>, root: &RootState, op: &Op) -> Result<(), Refusal>;
    /// The organisation an edit is private to, with the root's owner; `None` when every reader
    /// of the root reads it. A vendor's work on something the platform shared with several
    /// vendors is that vendor's case data: the others never see it.
    fn audience(&self, actor: &Actor<'_>, root: &RootState, op: &Op) -> Option<String> {
        let _ = (actor, root, op);
        None
    }
    /// The edit in words, for lists of pending or refused edits.
    fn describe(&self, view: &Overlay<'_>, object: &str, field: &str, value: &Value) -> String;
}

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The person's role may not make this edit.
    #[error("{0}")]
    NotAllowed(String),
    /// The object belongs to an organisation the person cannot read.
    #[error("this belongs to another organisation")]
    OutOfScope,
    /// The object, or the object it hangs under, does not exist.
    #[error("{0}")]
    NoSuchObject(String),
    /// The value is not one the field takes.
    #[error("{0}")]
    Invalid(String),
}

/// The fields of a root object, folded from the log like any replica's: what a tool derives
/// scope and rules from. The server keeps one per root; the app reads it off its replica.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RootState {
    pub fields: BTreeMap<String, Field>,
}

impl RootState {
    pub fn value(&self, field: &str) -> Option<&Value> {
        self.fields.get(field).map(|f| &f.value).filter(|v| !v.is_null())
    }

    pub fn str(&self, field: &str) -> Option<&str> {
        self.value(field).and_then(Value::as_str)
    }

    /// Folds a change of the root object itself.
    pub fn apply(&mut self, change: &Change) {
        let Op::SetField { field, .. } = &change.op;
        match self.fields.get_mut(field) {
            Some(current) => fold(current, change),
            None => {
                self.fields.insert(field.clone(), Field::from_change(change));
            }
        }
    }

    /// The root as a person sees it: the replica's fields of `root` with their pending edits
    /// laid over them (the app's check before an edit is queued).
    pub fn shown(view: &Overlay<'_>, root: &str) -> RootState {
        let mut state = RootState::default();
        for field in view.fields_of(root) {
            let shown = view.get(root, field);
            if let Some(value) = shown.value {
                let mut f = shown.field.cloned().unwrap_or_else(|| Field::local(value.clone()));
                f.value = value.clone();
                state.fields.insert(field.to_string(), f);
            }
        }
        state
    }
}

/// Checks a root's new `shared_with` list: only the platform shares, with at most `max`
/// other organisations, each named once by a well-formed id. `noun` is the tool's object,
/// plural and singular: ("templates", "a template").
pub fn check_shared_with(actor: &Actor<'_>, value: &Value, max: usize, noun: (&str, &str)) -> Result<(), Refusal> {
    let Some(orgs) = value.as_array() else {
        return Err(Refusal::Invalid("shared_with must be a list of organisations".into()));
    };
    if !orgs.is_empty() && !actor.is_platform() {
        return Err(Refusal::NotAllowed(format!(
            "only the platform shares {} with other organisations",
            noun.0
        )));
    }
    let valid = |id: &str| {
        (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    let ids: std::collections::BTreeSet<&str> = orgs.iter().filter_map(Value::as_str).collect();
    if ids.len() != orgs.len() || ids.iter().any(|id| !valid(id)) || ids.contains(actor.org_id) {
        return Err(Refusal::Invalid(
            "shared_with must list other organisations' ids, each once".into(),
        ));
    }
    if ids.len() > max {
        return Err(Refusal::Invalid(format!(
            "{} is shared with at most {max} organisations",
            noun.1
        )));
    }
    Ok(())
}

/// The rule for an edit under a root that does not exist yet: the only edit is setting the
/// root's `org` (`is_root`, field `org`) to the writer's own organisation, by a role that may
/// create one (`may_create`). `why`: the refusals' reasons — the role may not, the root belongs
/// to the writer's organisation, the root does not exist.
pub fn check_creation(
    actor: &Actor<'_>,
    is_root: bool,
    field: &str,
    value: &Value,
    may_create: bool,
    why: [&str; 3],
) -> Result<(), Refusal> {
    match (is_root, field) {
        (true, "org") if !may_create => Err(Refusal::NotAllowed(why[0].into())),
        (true, "org") if value.as_str() == Some(actor.org_id) => Ok(()),
        (true, "org") => Err(Refusal::NotAllowed(why[1].into())),
        _ => Err(Refusal::NoSuchObject(why[2].into())),
    }
}

/// The scope of a root owned by its `org` and shared with its `shared_with` list, as sweeps,
/// templates and reading lists keep them; `None` while the root has no organisation.
pub fn shared_scope(root: &RootState) -> Option<Scope> {
    let with = root
        .value("shared_with")
        .and_then(Value::as_array)
        .map(|orgs| orgs.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .unwrap_or_default();
    Some(Scope::Shared {
        owner: root.str("org")?.to_string(),
        with,
    })
}

/// The edit that shares the root `object` with exactly `orgs` (empty: only its organisation),
/// made on the value the device has seen.
pub fn share_op(view: &Overlay<'_>, object: String, orgs: &std::collections::BTreeSet<String>) -> Op {
    let base = view.get(&object, "shared_with").base();
    Op::SetField {
        object,
        field: "shared_with".into(),
        value: Value::from(orgs.iter().cloned().collect::<Vec<_>>()),
        base,
    }
}

/// The tool that owns `object`, and the object's root.
pub fn route(object: &str) -> Option<(&'static dyn Tool, &str)> {
    TOOLS
        .iter()
        .find_map(|tool| tool.root(object).map(|root| (*tool, root)))
}

/// The root object of `object`, if any tool owns it.
pub fn root_of(object: &str) -> Option<&str> {
    route(object).map(|(_, root)| root)
}

/// The tool owning the object an edit touches, and the object's root; the refusal of an
/// edit no tool owns.
fn route_op(op: &Op) -> Result<(&'static dyn Tool, &str), Refusal> {
    let (object, field) = op.field_key();
    route(object).ok_or_else(|| Refusal::NoSuchObject(format!("{object}/{field} is not something Casebook stores")))
}

/// Checks one edit against the rules of the tool that owns its object, and returns the
/// object's root.
pub fn check<'o>(actor: &Actor<'_>, root: &RootState, op: &'o Op) -> Result<&'o str, Refusal> {
    let (tool, root_name) = route_op(op)?;
    tool.check(actor, root, op)?;
    Ok(root_name)
}

/// Checks edits in order, as the server would apply them: each sees the root as the earlier
/// ones left it. Returns the index of the first refused edit.
pub fn check_all(actor: &Actor<'_>, view: &Overlay<'_>, ops: &[Op]) -> Result<(), (usize, Refusal)> {
    let mut roots: BTreeMap<&str, RootState> = BTreeMap::new();
    for (i, op) in ops.iter().enumerate() {
        let Op::SetField {
            object, field, value, ..
        } = op;
        let (_, root) = route_op(op).map_err(|r| (i, r))?;
        let state = roots.entry(root).or_insert_with(|| RootState::shown(view, root));
        check(actor, state, op).map_err(|r| (i, r))?;
        if object == root {
            let mut f = Field::local(value.clone());
            if let Some(old) = state.fields.get(field) {
                f.seq = old.seq;
            }
            state.fields.insert(field.clone(), f);
        }
    }
    Ok(())
}

/// The organisation an edit is private to (with the root's owner), if any.
pub fn audience(actor: &Actor<'_>, root: &RootState, op: &Op) -> Option<String> {
    route(op.field_key().0).and_then(|(tool, _)| tool.audience(actor, root, op))
}

/// Who may read `root`, as its tool derives it from the root's state.
pub fn scope(root: &str, state: &RootState) -> Option<Scope> {
    route(root).and_then(|(tool, _)| tool.scope(state))
}

/// An edit in words: "Item 6 of Election night · decision: Remove".
pub fn describe(view: &Overlay<'_>, object: &str, field: &str, value: &Value) -> String {
    match route(object) {
        Some((tool, _)) => tool.describe(view, object, field, value),
        None => format!("{object} · {field}"),
    }
}
