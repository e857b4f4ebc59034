//! One sweep: its guidance (and, when a new version is in force, the acknowledgment an agent
//! gives before their next item, with what changed), the progress line that stays in view, a
//! filter, and the items, worked with the keyboard alone.
//!
//! The items are a virtual list (`list.rs`) of one-line rows, filtered by status, assignee,
//! decision and text; the focused item is worked in the panel beside it. What the filter
//! keeps is computed once per change of the data or the filter (not per key), so moving
//! between 50,000 items re-renders a few dozen rows. Keys (never while typing in a field):
//! `j`/`k` next and previous item, `n` the next unworked item (taking it), `1`–`9` decision
//! N, `Shift`+`1`–`9` step N, `e` the note, `d` done, `/` the find box; the app's `?` overlay
//! lists them ([`KEYS`]).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use casebook_core::sweep::assign::{self, Person};
use casebook_core::sweep::guidance::{Change, Guidance, StepKind};
use casebook_core::sweep::items::{TargetKind, kind};
use casebook_core::sweep::rows::{Row, Rows};
use casebook_core::sweep::{self, Choice, DECISIONS, ItemEdit, ItemField, Progress};
use casebook_core::sync::{Op, Overlay};
use casebook_core::wire::OrgKind;
use gloo::events::EventListener;
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;
use yew_router::prelude::*;

use super::authoring::GuidanceAuthoring;
use super::dashboard::SweepDashboard;
use super::list::VirtualItems;
use super::{DataKey, SharedRows, Sharing, plain_decision_label, progress_bar, progress_line, sign_in_first};
use crate::components::document::Document;
use crate::i18n::{I18n, msg, use_i18n};
use crate::route::Route;
use crate::shortcuts::{use_described_shortcut, use_listed_shortcuts};
use crate::sync::{SyncHandle, SyncState, use_sync};
use crate::tr;

/// Most people offered in the assignee filter.
const MAX_ASSIGNEES: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    All,
    Open,
    Done,
    Mine,
    Unassigned,
    Conflicts,
}

impl Status {
    const ALL: [(Status, &'static str); 6] = [
        (Status::All, "all"),
        (Status::Open, "open"),
        (Status::Done, "done"),
        (Status::Mine, "mine"),
        (Status::Unassigned, "unassigned"),
        (Status::Conflicts, "conflicts"),
    ];

    fn label(self, i18n: &I18n) -> String {
        i18n.t(match self {
            Status::All => msg("sweeps-filter-all"),
            Status::Open => msg("sweeps-filter-open"),
            Status::Done => msg("sweeps-filter-done"),
            Status::Mine => msg("sweeps-filter-mine"),
            Status::Unassigned => msg("sweeps-filter-unassigned"),
            Status::Conflicts => msg("sweeps-filter-conflicts"),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Filter {
    status: Status,
    /// A decision value or option id; empty: any.
    decision: String,
    /// A person's id; empty: anyone.
    assignee: String,
    text: String,
}

impl Default for Filter {
    fn default() -> Filter {
        Filter {
            status: Status::All,
            decision: String::new(),
            assignee: String::new(),
            text: String::new(),
        }
    }
}

fn holder(item: &sweep::Item<'_>) -> Option<Person> {
    item.assignee.value.and_then(Person::from_value)
}

fn decision_key(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(v) => Choice::from_value(v).map(|c| c.option).unwrap_or_default(),
        None => String::new(),
    }
}

impl Filter {
    /// Whether `row` passes; `text` is the find text, trimmed and lowercased once.
    fn keeps(&self, row: &Row, me: &str, text: &str) -> bool {
        let held_by = |person: &str| row.holder.as_ref().is_some_and(|p| p.person == person);
        let status = match self.status {
            Status::All => true,
            Status::Open => !row.done,
            Status::Done => row.done,
            Status::Mine => held_by(me),
            Status::Unassigned => row.holder.is_none(),
            Status::Conflicts => row.conflict,
        };
        status
            && (self.decision.is_empty() || row.decision == self.decision)
            && (self.assignee.is_empty() || held_by(&self.assignee))
            && (text.is_empty() || row.text.contains(text))
    }
}

/// What the list shows of a sweep, computed once per change of the data or the filter.
#[derive(Debug, Clone, PartialEq)]
struct Listing {
    total: usize,
    progress: Progress,
    /// The items the filter keeps, in order.
    shown: Rc<Vec<usize>>,
    /// Everyone holding an item: (id, name), by name.
    holders: Vec<(String, String)>,
}

/// The listing of sweep `id` once its title has arrived. `rows` carries each item's row from
/// one state to the next, so a change recomputes only the items it touched: a keystroke on a
/// 50,000-item sweep costs one pass over small rows, not 50,000 items read from the replica.
fn listing(rows: &RefCell<Rows>, state: &SyncState, id: &str, filter: &Filter) -> Option<Listing> {
    let overlay = state.overlay();
    overlay.get(&sweep::sweep_object(id), "title").value?.as_str()?;
    rows.borrow_mut().update(&state.replica, id);
    let rows = rows.borrow();
    let view = rows.shown(&overlay);
    let text = filter.text.trim().to_lowercase();
    let mut holders = BTreeMap::new();
    let mut shown = Vec::new();
    for (n, row) in view.iter() {
        if holders.len() < MAX_ASSIGNEES
            && let Some(p) = &row.holder
        {
            holders.entry(p.person.as_str()).or_insert(p.name.as_str());
        }
        if filter.keeps(row, &state.user.id, &text) {
            shown.push(n);
        }
    }
    let mut holders: Vec<(String, String)> = holders
        .into_iter()
        .map(|(id, name)| (id.to_string(), name.to_string()))
        .collect();
    holders.sort_by(|a, b| a.1.to_lowercase().cmp(&b.1.to_lowercase()).then(a.0.cmp(&b.0)));
    Some(Listing {
        progress: view.progress(),
        total: view.total(),
        shown: Rc::new(shown),
        holders,
    })
}

/// The page's keys as the `?` overlay lists them.
const KEYS: &[(&str, &str)] = &[
    ("j", msg("sweeps-key-next")),
    ("k", msg("sweeps-key-previous")),
    ("n", msg("sweeps-key-unworked")),
    ("1 … 9", msg("sweeps-key-decision")),
    ("Shift + 1 … 9", msg("sweeps-key-step")),
    ("e", msg("sweeps-key-note")),
    ("d", msg("sweeps-key-done")),
];

/// What a key does on the focused item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Next,
    Previous,
    NextUnworked,
    Decision(usize),
    Step(usize),
    Note,
    Done,
}

fn key_of(event: &KeyboardEvent) -> Option<Key> {
    if event.ctrl_key() || event.meta_key() || event.alt_key() {
        return None;
    }
    let digit = event
        .code()
        .strip_prefix("Digit")
        .and_then(|d| d.parse::<usize>().ok())
        .filter(|d| (1..=9).contains(d));
    match (event.key().as_str(), digit, event.shift_key()) {
        (_, Some(n), true) => Some(Key::Step(n)),
        (_, Some(n), false) => Some(Key::Decision(n)),
        ("j", ..) => Some(Key::Next),
        ("k", ..) => Some(Key::Previous),
        ("n", ..) => Some(Key::NextUnworked),
        ("e", ..) => Some(Key::Note),
        ("d", ..) => Some(Key::Done),
        _ => None,
    }
}

/// The person signed in, as an assignee.
fn me(sync: &SyncHandle) -> Person {
    let user = &sync.state.user;
    Person {
        person: user.id.clone(),
        org: user.org_id.clone(),
        name: user.name.clone(),
    }
}

fn send(sync: &SyncHandle, error: &UseStateHandle<Option<String>>, ops: Vec<Op>) {
    let (sync, error) = (sync.clone(), error.clone());
    wasm_bindgen_futures::spawn_local(async move {
        error.set(sync.edit(ops).await.err());
    });
}

fn focus_element(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id)
        && let Some(el) = el.dyn_ref::<web_sys::HtmlElement>()
    {
        let _ = el.focus();
    }
}

/// The checklist answers of item `n` under version `v`, as shown.
fn answers_of(view: &Overlay<'_>, id: &str, n: usize, v: u64) -> BTreeMap<String, Value> {
    sweep::item(view, id, n)
        .answers
        .value
        .filter(|a| a.get("guidance").and_then(Value::as_u64) == Some(v))
        .and_then(|a| a.get("steps"))
        .and_then(Value::as_object)
        .map(|o| o.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default()
}

/// Answers sent by key whose edit the page has not shown yet (keys come faster than
/// renders): item → answers.
type SentAnswers = Rc<RefCell<BTreeMap<usize, BTreeMap<String, Value>>>>;

/// The edit that answers step `step` of the focused item by key: a check toggles, a choice
/// moves to its next option, a text step takes the focus. Starts from the answers this page
/// sent last for the item when the view does not show them yet, so two quick keys never
/// lose the first.
fn step_by_key(
    view: &Overlay<'_>,
    id: &str,
    n: usize,
    (v, guidance): (u64, &Guidance),
    step: usize,
    sent: &SentAnswers,
) -> Option<Op> {
    let item = sweep::item(view, id, n);
    let mut steps = sent
        .borrow()
        .get(&n)
        .cloned()
        .unwrap_or_else(|| answers_of(view, id, n, v));
    let applicable: Vec<_> = guidance
        .checklist
        .iter()
        .filter(|s| guidance.applies(s, &steps))
        .collect();
    let target = applicable.get(step.checked_sub(1)?)?;
    let next = match target.kind {
        StepKind::Check => Value::Bool(!steps.get(&target.id).and_then(Value::as_bool).unwrap_or(false)),
        StepKind::Choice => {
            let at = steps
                .get(&target.id)
                .and_then(Value::as_str)
                .and_then(|s| target.options.iter().position(|o| o == s));
            Value::from(target.options[at.map_or(0, |i| (i + 1) % target.options.len())].as_str())
        }
        StepKind::Text => {
            focus_element(&format!("item-{n}-step-{}", target.id));
            return None;
        }
    };
    steps.insert(target.id.clone(), next);
    prune(guidance, &mut steps);
    sent.borrow_mut().insert(n, steps.clone());
    Some(ItemEdit::Answers { guidance: v, steps }.op(&item, item.answers.base()))
}

/// Drops answers to steps whose condition no longer holds, so the checklist stays valid when
/// an earlier answer changes.
fn prune(guidance: &Guidance, steps: &mut BTreeMap<String, Value>) {
    loop {
        let stale: Vec<String> = guidance
            .checklist
            .iter()
            .filter(|s| steps.contains_key(&s.id) && !guidance.applies(s, steps))
            .map(|s| s.id.clone())
            .collect();
        if stale.is_empty() {
            return;
        }
        for id in stale {
            steps.remove(&id);
        }
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct SweepPageProps {
    pub id: String,
}

#[component]
pub fn SweepPage(props: &SweepPageProps) -> Html {
    let i18n = use_i18n();
    let filter = use_state(Filter::default);
    let focus = use_state(|| None::<usize>);
    // Bumped when a key moves the focus, so the list scrolls the row into view.
    let moved = use_state(|| 0u64);
    use_listed_shortcuts(KEYS);
    use_described_shortcut("/", msg("sweeps-key-find"), || focus_element("sweep-filter-text"));
    let error = use_state(|| None::<String>);
    // The key handler sees this render's state: the listener is made once and calls the
    // newest handler through this cell.
    let on_key: Rc<RefCell<Option<Callback<Key>>>> = use_mut_ref(|| None);
    let sent: SentAnswers = use_mut_ref(BTreeMap::new);
    {
        let on_key = on_key.clone();
        use_effect_with((), move |()| {
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    let key = key_of(event);
                    let typing = crate::shortcuts::typing_in_a_field();
                    if let Some(key) = key.filter(|_| !typing)
                        && let Some(handler) = on_key.borrow().as_ref()
                    {
                        event.prevent_default();
                        handler.emit(key);
                    }
                },
            );
            move || drop(listener)
        });
    }
    let sync = use_sync();
    // The list and its figures follow every change at once: only the items a change touched
    // are read again (`Rows`), the rest is one pass over small rows.
    let shared_rows = use_memo((), |()| SharedRows::default());
    let rows: Rc<RefCell<Rows>> = shared_rows.0.clone();
    let data = sync.as_ref().map(|s| DataKey(s.state.clone()));
    let listed = use_memo((data, props.id.clone(), (*filter).clone()), {
        let rows = rows.clone();
        move |(state, id, filter)| {
            state
                .as_ref()
                .and_then(|DataKey(state)| listing(&rows, state, id, filter))
        }
    });
    let Some(sync) = sync else {
        *on_key.borrow_mut() = None;
        return sign_in_first(&i18n, i18n.t("sweeps-sign-in-work"));
    };
    let overlay = sync.state.overlay();
    let Some(sweep) = (*listed).clone() else {
        *on_key.borrow_mut() = None;
        return html! {
            <article class="page narrow">
                <h1>{ i18n.t("sweeps-not-found") }</h1>
                <p>{ i18n.t("sweeps-not-found-body") }</p>
                <p><Link<Route> to={Route::Sweeps}>{ i18n.t("sweeps-all") }</Link<Route>></p>
            </article>
        };
    };
    let user = &sync.state.user;
    let owner =
        sweep::publishes(user.role) && overlay.get(&sweep::sweep_object(&props.id), "org").as_str() == user.org_id;
    let works = sweep::works_items(user.role);
    let guided = sweep::current_guidance(&overlay, &props.id);
    let must_ack = if owner {
        None
    } else {
        sweep::must_acknowledge(&overlay, &props.id, &user.id)
    };
    if let Some((v, _)) = &guided {
        // Answers the view now shows need no remembering.
        sent.borrow_mut()
            .retain(|n, steps| answers_of(&overlay, &props.id, *n, *v) != *steps);
    }
    let progress = &sweep.progress;
    let shown = sweep.shown.clone();
    let focused = focus.filter(|n| shown.contains(n)).or(shown.first().copied());

    // This render's key handler.
    let handler = {
        let (sync, id, focus, moved, error, sent) = (
            sync.clone(),
            props.id.clone(),
            focus.clone(),
            moved.clone(),
            error.clone(),
            sent.clone(),
        );
        let shown = shown.clone();
        let guided = guided.clone();
        let rows = rows.clone();
        let blocked = must_ack.is_some() || !works;
        Callback::from(move |key: Key| {
            let overlay = sync.state.overlay();
            let move_to = |n: usize| {
                focus.set(Some(n));
                moved.set(*moved + 1);
            };
            match key {
                Key::Next | Key::Previous => {
                    let at = focused.and_then(|n| shown.iter().position(|m| *m == n));
                    let next = match (key, at) {
                        (Key::Next, Some(i)) => shown.get(i + 1),
                        (Key::Previous, Some(i)) => i.checked_sub(1).and_then(|i| shown.get(i)),
                        _ => shown.first(),
                    };
                    if let Some(n) = next {
                        move_to(*n);
                    }
                }
                _ if blocked => {}
                Key::NextUnworked => {
                    let next = rows.borrow().shown(&overlay).next_for(&sync.state.user.id);
                    if let Some(n) = next {
                        let item = sweep::item(&overlay, &id, n);
                        if holder(&item).is_none() {
                            send(&sync, &error, vec![assign::take(&overlay, &id, n, &me(&sync))]);
                        }
                        move_to(n);
                    }
                }
                Key::Decision(d) => {
                    let Some(n) = focused else { return };
                    let item = sweep::item(&overlay, &id, n);
                    let edit = match &guided {
                        Some((v, g)) => g
                            .decisions
                            .get(d - 1)
                            .and_then(|o| Choice::of(g, *v, &o.id))
                            .map(|c| ItemEdit::Choose(Some(c))),
                        None => DECISIONS.get(d - 1).map(|(value, _)| ItemEdit::Decision(Some(value))),
                    };
                    if let Some(edit) = edit {
                        send(&sync, &error, vec![edit.op(&item, item.decision.base())]);
                    }
                }
                Key::Step(s) => {
                    let (Some(n), Some((v, g))) = (focused, &guided) else {
                        return;
                    };
                    if let Some(op) = step_by_key(&overlay, &id, n, (*v, g), s, &sent) {
                        send(&sync, &error, vec![op]);
                    }
                }
                Key::Note => {
                    if let Some(n) = focused {
                        focus_element(&format!("item-{n}-note"));
                    }
                }
                Key::Done => {
                    let Some(n) = focused else { return };
                    let item = sweep::item(&overlay, &id, n);
                    send(
                        &sync,
                        &error,
                        vec![ItemEdit::Done(!item.done.as_bool()).op(&item, item.done.base())],
                    );
                }
            }
        })
    };
    *on_key.borrow_mut() = Some(handler);

    let on_text = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            filter.set(Filter {
                text,
                ..(*filter).clone()
            });
        })
    };
    let on_status = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let status = Status::ALL
                .iter()
                .find(|(_, v)| *v == value)
                .map_or(Status::All, |(s, _)| *s);
            filter.set(Filter {
                status,
                ..(*filter).clone()
            });
        })
    };
    let on_decision_filter = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let decision = e.target_unchecked_into::<HtmlSelectElement>().value();
            filter.set(Filter {
                decision,
                ..(*filter).clone()
            });
        })
    };
    let on_assignee_filter = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let assignee = e.target_unchecked_into::<HtmlSelectElement>().value();
            filter.set(Filter {
                assignee,
                ..(*filter).clone()
            });
        })
    };
    let on_pick = {
        let focus = focus.clone();
        Callback::from(move |n: usize| focus.set(Some(n)))
    };
    let guidance_rc = guided.clone().map(Rc::new);
    let decision_choices: Vec<(String, String)> = match &guided {
        Some((_, g)) => g.decisions.iter().map(|d| (d.id.clone(), d.label.clone())).collect(),
        None => DECISIONS
            .iter()
            .map(|(v, _)| (v.to_string(), plain_decision_label(&i18n, v)))
            .collect(),
    };
    let next_unworked = {
        let handler = on_key.borrow().clone();
        Callback::from(move |_| {
            if let Some(h) = &handler {
                h.emit(Key::NextUnworked);
            }
        })
    };
    // The title and the guidance are read live (two lookups); only the list waits for the data
    // to settle.
    let object = sweep::sweep_object(&props.id);
    let title = overlay.get(&object, "title").as_str().to_string();
    let guidance = overlay.get(&object, "guidance").as_str().to_string();
    html! {
        <article class="page sweep">
            <p class="breadcrumb"><Link<Route> to={Route::Sweeps}>{ i18n.t("sweeps-title") }</Link<Route>></p>
            <h1>{ &title }</h1>
            if !guidance.is_empty() {
                <section class="guidance" aria-label={i18n.t("sweeps-guidance")}>
                    { for guidance.split("\n\n").map(|p| html! { <p dir="auto">{ p }</p> }) }
                </section>
            }
            if let Some((v, g)) = &guided {
                <GuidanceView version={*v} guidance={g.clone()} />
            }
            if owner && user.org_kind == OrgKind::Platform {
                <SweepSharing sync={sync.clone()} id={props.id.clone()} />
            }
            if owner {
                <GuidanceAuthoring sync={sync.clone()} id={props.id.clone()} />
                <SweepDashboard sync={sync.clone()} id={props.id.clone()} rows={(*shared_rows).clone()} />
            }
            if !works {
                <p class="muted">{ i18n.t("sweeps-read-only") }</p>
            }
            <div class="sweep-bar">
                <div class="sweep-summary" role="status">
                    { progress_bar(&i18n, progress) }
                    <span>{ progress_line(&i18n, progress) }</span>
                </div>
                if works && must_ack.is_none() {
                    <button type="button" onclick={next_unworked}>{ i18n.t("sweeps-next-unworked") }</button>
                }
                <span class="muted">{ i18n.t("sweeps-keys-hint") }</span>
            </div>
            if let Some(message) = &*error {
                <p class="error" role="alert">{ message }</p>
            }
            if let (Some(v), Some((_, g))) = (must_ack, &guided) {
                <AckGate sync={sync.clone()} id={props.id.clone()} version={v} guidance={g.clone()} />
            } else {
                <div class="sweep-filter" role="search">
                    <label for="sweep-filter-text">{ i18n.t("sweeps-filter-text") }</label>
                    <input id="sweep-filter-text" type="search" value={filter.text.clone()} oninput={on_text}
                        maxlength="200" placeholder={i18n.t("sweeps-filter-text-example")} aria-describedby="sweep-filter-help" />
                    <label for="sweep-filter-status">{ i18n.t("sweeps-filter-status") }</label>
                    <select id="sweep-filter-status" onchange={on_status}>
                        { for Status::ALL.iter().map(|(s, v)| html! {
                            <option value={*v} selected={filter.status == *s}>{ s.label(&i18n) }</option>
                        }) }
                    </select>
                    <label for="sweep-filter-assignee">{ i18n.t("sweeps-filter-assignee") }</label>
                    <select id="sweep-filter-assignee" onchange={on_assignee_filter}>
                        <option value="" selected={filter.assignee.is_empty()}>{ i18n.t("sweeps-filter-anyone") }</option>
                        { for sweep.holders.iter().map(|(id, name)| html! {
                            <option value={id.clone()} selected={filter.assignee == *id}>{ name }</option>
                        }) }
                    </select>
                    <label for="sweep-filter-decision">{ i18n.t("sweeps-filter-decision") }</label>
                    <select id="sweep-filter-decision" onchange={on_decision_filter}>
                        <option value="" selected={filter.decision.is_empty()}>{ i18n.t("sweeps-filter-any") }</option>
                        { for decision_choices.iter().map(|(v, label)| html! {
                            <option value={v.clone()} selected={filter.decision == *v}>{ label }</option>
                        }) }
                    </select>
                    <span class="muted" role="status">{ tr!(i18n, "sweeps-filter-count", shown = shown.len(), total = sweep.total) }</span>
                    <p id="sweep-filter-help" class="muted sweep-filter-help">{ i18n.t("sweeps-filter-help") }</p>
                </div>
                <div class="sweep-work">
                    <VirtualItems sync={sync.clone()} sweep={props.id.clone()} shown={shown.clone()} focused={focused}
                        moved={*moved} guidance={guidance_rc.clone()} {on_pick} />
                    <div id="sweep-item-detail" class="sweep-detail">
                        if let Some(n) = focused {
                            <ItemRow key={sweep::item_object(&props.id, n)} sync={sync.clone()} sweep={props.id.clone()} n={n}
                                position={shown.iter().position(|m| *m == n).unwrap_or(0) + 1} count={shown.len()}
                                guidance={guidance_rc.clone()} />
                        }
                    </div>
                </div>
            }
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct GuidanceViewProps {
    pub version: u64,
    pub guidance: Guidance,
}

/// The guidance in force: event, window, regions and languages, description, escalation,
/// checklist and decisions with their policy sections.
#[component]
pub(super) fn GuidanceView(props: &GuidanceViewProps) -> Html {
    let i18n = use_i18n();
    let g = &props.guidance;
    html! {
        <details class="guidance" open=true>
            <summary>{ tr!(i18n, "sweeps-guidance-version", version = props.version, title = g.title.as_str()) }</summary>
            <p><strong>{ i18n.t("sweeps-guidance-event") }</strong>{ " " }<span dir="auto">{ &g.event }</span></p>
            if let Some(w) = g.window {
                <p><strong>{ i18n.t("sweeps-guidance-window") }</strong>{ " " }{ format!("{} – {}", i18n.date_time(w.start_ms as f64), i18n.date_time(w.end_ms as f64)) }</p>
            }
            if !g.regions.is_empty() || !g.languages.is_empty() {
                <p><strong>{ i18n.t("sweeps-guidance-where") }</strong>{ " " }{ g.regions.join(", ") }{ " · " }{ g.languages.join(", ") }</p>
            }
            // Formatted by the server into the safe document model and rendered as policies are;
            // a description written offline (never formatted) reads as its plain paragraphs.
            <div class="guidance-description" dir="auto">
                if let Some(blocks) = &g.description_doc {
                    <Document blocks={blocks.clone()} />
                } else {
                    { for g.description.split("\n\n").filter(|p| !p.trim().is_empty()).map(|p| html! { <p dir="auto">{ p }</p> }) }
                }
            </div>
            if !g.escalation.is_empty() {
                <p><strong>{ i18n.t("sweeps-guidance-escalate") }</strong>{ " " }<span dir="auto">{ &g.escalation }</span></p>
            }
            if !g.checklist.is_empty() {
                <h2 class="small-heading">{ i18n.t("sweeps-guidance-checklist") }</h2>
                <ol>
                    { for g.checklist.iter().map(|s| html! {
                        <li dir="auto">{ &s.label }{ if s.required { " *" } else { "" } }</li>
                    }) }
                </ol>
            }
            <h2 class="small-heading">{ i18n.t("sweeps-guidance-decisions") }</h2>
            <ol>
                { for g.decisions.iter().map(|d| html! {
                    <li><span dir="auto">{ &d.label }</span>{ " — " }<code>{ d.section.label() }</code>{ " · " }{ &d.action }</li>
                }) }
            </ol>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct AckGateProps {
    sync: SyncHandle,
    id: String,
    version: u64,
    guidance: Guidance,
}

/// A new version is in force: what changed since the last version this person acknowledged,
/// and the button that acknowledges it. Items wait behind it.
#[component]
fn AckGate(props: &AckGateProps) -> Html {
    let i18n = use_i18n();
    let error = use_state(|| None::<String>);
    let overlay = props.sync.state.overlay();
    let person = &props.sync.state.user.id;
    let before = (1..props.version)
        .rev()
        .find(|v| sweep::acknowledged(&overlay, &props.id, person, *v))
        .and_then(|v| sweep::guidance_version(&overlay, &props.id, v).map(|g| (v, g)));
    let changes: Vec<String> = before
        .as_ref()
        .map(|(_, old)| props.guidance.changes_since(old))
        .unwrap_or_default()
        .into_iter()
        .map(|c| match c {
            Change::Text(what) => {
                let part = i18n.t(match what {
                    "title" => msg("sweeps-part-title"),
                    "event" => msg("sweeps-part-event"),
                    "description" => msg("sweeps-part-description"),
                    "escalation" => msg("sweeps-part-escalation"),
                    _ => msg("sweeps-part-where"),
                });
                tr!(i18n, "sweeps-change-text", part = part)
            }
            Change::StepAdded(s) => tr!(i18n, "sweeps-change-step-added", step = s.as_str()),
            Change::StepChanged(s) => tr!(i18n, "sweeps-change-step-changed", step = s.as_str()),
            Change::StepRemoved(s) => tr!(i18n, "sweeps-change-step-removed", step = s.as_str()),
            Change::DecisionAdded(s) => tr!(i18n, "sweeps-change-decision-added", decision = s.as_str()),
            Change::DecisionChanged(s) => tr!(i18n, "sweeps-change-decision-changed", decision = s.as_str()),
            Change::DecisionRemoved(s) => tr!(i18n, "sweeps-change-decision-removed", decision = s.as_str()),
        })
        .collect();
    let onclick = {
        let (sync, id, v, error) = (props.sync.clone(), props.id.clone(), props.version, error.clone());
        Callback::from(move |_| {
            let op = sweep::acknowledge(&id, &sync.state.user.id, v);
            send(&sync, &error, vec![op]);
        })
    };
    html! {
        <section class="ack-gate" aria-labelledby="ack-title">
            <h2 id="ack-title">{ tr!(i18n, "sweeps-ack-title", version = props.version) }</h2>
            <p>{ i18n.t("sweeps-ack-body") }</p>
            if let Some((v, _)) = &before {
                <p>{ tr!(i18n, "sweeps-ack-since", version = *v) }</p>
                <ul class="ack-changes">
                    { for changes.iter().map(|c| html! { <li dir="auto">{ c }</li> }) }
                </ul>
            }
            if let Some(message) = &*error {
                <p class="error" role="alert">{ message }</p>
            }
            <button type="button" class="primary" {onclick}>{ tr!(i18n, "sweeps-ack-button", version = props.version) }</button>
        </section>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct SweepSharingProps {
    sync: SyncHandle,
    id: String,
}

/// Who a published sweep is shared with, changed in place: an organisation ticked receives the
/// sweep as it is now; one unticked has it removed from its devices at their next sync.
#[component]
fn SweepSharing(props: &SweepSharingProps) -> Html {
    let i18n = use_i18n();
    let error = use_state(|| None::<String>);
    let chosen = sweep::shared(&props.sync.state.overlay(), &props.id);
    let onchange = {
        let (sync, id, error) = (props.sync.clone(), props.id.clone(), error.clone());
        Callback::from(move |orgs: std::collections::BTreeSet<String>| {
            let op = sweep::share(&sync.state.overlay(), &id, &orgs);
            send(&sync, &error, vec![op]);
        })
    };
    html! {
        <details class="sweep-sharing">
            <summary>{ tr!(i18n, "sweeps-shared-count", count = chosen.len()) }</summary>
            <Sharing {chosen} {onchange} />
            if let Some(message) = &*error {
                <p class="error" role="alert">{ message }</p>
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct ItemRowProps {
    sync: SyncHandle,
    sweep: String,
    n: usize,
    /// Its place among the items shown, from 1, and how many are shown.
    position: usize,
    count: usize,
    /// The guidance in force, for a guided sweep.
    guidance: Option<Rc<(u64, Guidance)>>,
}

fn show_value(i18n: &I18n, field: &str, value: &Value, guidance: Option<&(u64, Guidance)>) -> String {
    match (field, value) {
        ("decision", Value::String(s)) => plain_decision_label(i18n, s),
        ("decision", Value::Object(_)) => Choice::from_value(value)
            .and_then(|c| guidance.and_then(|(_, g)| g.decision(&c.option).map(|d| d.label.clone())))
            .unwrap_or_else(|| decision_key(Some(value))),
        ("assignee", _) => Person::from_value(value).map(|p| p.name).unwrap_or_default(),
        ("answers", _) => i18n.t("sweeps-answers"),
        (_, Value::Null) => i18n.t("sweeps-nothing"),
        ("done", Value::Bool(true)) => i18n.t("sweeps-done"),
        ("done", Value::Bool(false)) => i18n.t("sweeps-not-done"),
        (_, Value::String(s)) if s.chars().count() > 80 => format!("{}…", s.chars().take(80).collect::<String>()),
        (_, Value::String(s)) => s.clone(),
        (_, other) => other.to_string(),
    }
}

/// An item's target: a link opens in a new tab; a handle or case id is text.
fn target_view(target: &str) -> Html {
    match kind(target) {
        Some(TargetKind::Link) if casebook_core::document::is_safe_href(target) => html! {
            <a class="item-target" dir="auto" href={target.to_string()} target="_blank" rel="noopener noreferrer">{ target }</a>
        },
        _ => html! { <span class="item-target" dir="auto">{ target }</span> },
    }
}

/// One item: its checklist (guided sweeps), decision, note and done box, who holds it and
/// who worked it when, and any conflict to settle.
#[component]
fn ItemRow(props: &ItemRowProps) -> Html {
    let i18n = use_i18n();
    let error = use_state(|| None::<String>);
    // While a note is being typed: the base it was shown with when typing began, and the text
    // typed so far (the box is controlled, so a re-render must show the typed text).
    let typing = use_state(|| None::<(u64, String)>);
    let state = &props.sync.state;
    let overlay = state.overlay();
    let item = sweep::item(&overlay, &props.sweep, props.n);
    let (target, decision, note, done) = (item.target, item.decision, item.note, item.done);
    let object = item.object.clone();
    let edit = {
        let (sync, error) = (props.sync.clone(), error.clone());
        Callback::from(move |op: Op| send(&sync, &error, vec![op]))
    };
    let guidance = props.guidance.as_deref();
    let on_decision = {
        let (edit, base, object, guidance) = (edit.clone(), decision.base(), object.clone(), props.guidance.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let op = match guidance.as_deref() {
                Some((v, g)) => ItemEdit::Choose(Choice::of(g, *v, &value)),
                None => ItemEdit::Decision(ItemField::decision_value(&value)),
            };
            edit.emit(op.op_for(&object, base));
        })
    };
    // A note is typed over seconds. While it is, the box shows the typed text (an edit arriving
    // meanwhile does not replace the text under the cursor), and the edit is based on what was
    // shown when typing began, so the other edit becomes a visible conflict rather than lost.
    let on_note_focus = {
        let (typing, base, shown) = (typing.clone(), note.base(), note.as_str().to_string());
        Callback::from(move |_: FocusEvent| typing.set(Some((base, shown.clone()))))
    };
    let on_note_input = {
        let (typing, base) = (typing.clone(), note.base());
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            let base = typing.as_ref().map_or(base, |(base, _)| *base);
            typing.set(Some((base, text)));
        })
    };
    let on_note_blur = {
        let typing = typing.clone();
        Callback::from(move |_: FocusEvent| typing.set(None))
    };
    let on_note = {
        let (edit, object) = (edit.clone(), object.clone());
        let base = typing.as_ref().map_or(note.base(), |(base, _)| *base);
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            edit.emit(ItemEdit::Note(value).op_for(&object, base));
        })
    };
    let note_text = typing
        .as_ref()
        .map_or_else(|| note.as_str().to_string(), |(_, typed)| typed.clone());
    let on_done = {
        let (edit, object, base) = (edit.clone(), object.clone(), done.base());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().checked();
            edit.emit(ItemEdit::Done(value).op_for(&object, base));
        })
    };
    let pending = decision.pending || note.pending || done.pending || item.answers.pending || item.assignee.pending;
    let read_only = !sweep::works_items(state.user.role);
    let current_decision = decision_key(decision.value);
    let held_by = holder(&item);
    let mine = held_by.as_ref().is_some_and(|p| p.person == state.user.id);
    let take = {
        let (edit, sync, id, n) = (edit.clone(), props.sync.clone(), props.sweep.clone(), props.n);
        Callback::from(move |_| edit.emit(assign::take(&sync.state.overlay(), &id, n, &me(&sync))))
    };
    let conflicts: Vec<Html> = [
        (ItemField::Decision, i18n.t("sweeps-field-decision")),
        (ItemField::Note, i18n.t("sweeps-field-note")),
        (ItemField::Done, i18n.t("sweeps-field-done")),
        (ItemField::Answers, i18n.t("sweeps-field-answers")),
        (ItemField::Assignee, i18n.t("sweeps-field-assignee")),
    ]
    .into_iter()
    .map(|(of, label)| (of, of.name(), label, item.shown(of)))
    .filter(|(_, _, _, shown)| !shown.conflicts().is_empty())
    .map(|(of, field, label, shown)| {
        let current = shown.value.cloned().unwrap_or(Value::Null);
        let winner_author = shown.field.map(|f| f.author.clone()).unwrap_or_default();
        let keep = {
            let (edit, op) = (edit.clone(), ItemEdit::keep(&item, of, current.clone()));
            Callback::from(move |_| edit.emit(op.clone()))
        };
        let shown_value = show_value(&i18n, field, &current, guidance);
        html! {
            <div class="conflict" data-field={field}>
                <p>
                    <strong>{ tr!(i18n, "sweeps-conflict-title", field = label.as_str()) }</strong>{ " " }
                    { tr!(i18n, "sweeps-conflict-shown", value = shown_value.as_str(), author = winner_author.as_str()) }{ " " }
                    { i18n.t("sweeps-conflict-unseen") }{ " " }
                    { for shown.conflicts().iter().map(|c| html! {
                        <span class="conflict-value">{ tr!(i18n, "sweeps-conflict-value", value = show_value(&i18n, field, &c.value, guidance), author = c.author.as_str()) }</span>
                    }) }
                </p>
                <div class="button-row">
                    <button type="button" onclick={keep} disabled={read_only}>{ tr!(i18n, "sweeps-conflict-keep", value = shown_value.as_str()) }</button>
                    { for shown.conflicts().iter().map(|c| {
                        let (edit, op) = (edit.clone(), ItemEdit::keep(&item, of, c.value.clone()));
                        let onclick = Callback::from(move |_| edit.emit(op.clone()));
                        html! { <button type="button" {onclick} disabled={read_only}>{ tr!(i18n, "sweeps-conflict-use", value = show_value(&i18n, field, &c.value, guidance)) }</button> }
                    }) }
                </div>
            </div>
        }
    })
    .collect();
    let n = props.n;
    let id = |what: &str| format!("item-{n}-{what}");
    let worked = decision.field.filter(|_| !decision.pending).map(|f| {
        tr!(
            i18n,
            "sweeps-worked-by",
            author = f.author.as_str(),
            date = i18n.date_time(f.clock.wall_ms as f64)
        )
    });
    let decisions: Vec<(String, String, String)> = match guidance {
        Some((_, g)) => g
            .decisions
            .iter()
            .map(|d| (d.id.clone(), d.label.clone(), d.section.label()))
            .collect(),
        None => DECISIONS
            .iter()
            .map(|(v, _)| (v.to_string(), plain_decision_label(&i18n, v), String::new()))
            .collect(),
    };
    html! {
        <section class={classes!("sweep-item", "focused", done.as_bool().then_some("done"))} id={format!("item-{n}")}
            tabindex="-1" data-item={n.to_string()} data-conflict={(!conflicts.is_empty()).to_string()}
            aria-label={tr!(i18n, "sweeps-item-label", n = n, position = props.position, count = props.count)}>
            <div class="item-head">
                <span class="item-n">{ format!("#{n}") }</span>
                { target_view(target.as_str()) }
                if let Some(p) = &held_by {
                    <span class={classes!("item-holder", mine.then_some("mine"))}>{ tr!(i18n, "sweeps-held-by", name = p.name.as_str()) }</span>
                } else if !read_only && !done.as_bool() {
                    <button type="button" class="link-button" onclick={take}>{ i18n.t("sweeps-take") }</button>
                }
                if pending {
                    <span class="pending-mark" title={i18n.t("sweeps-pending-title")}>{ i18n.t("sweeps-pending") }</span>
                }
            </div>
            if let Some((v, g)) = guidance {
                <Checklist sync={props.sync.clone()} sweep={props.sweep.clone()} n={n} version={*v} guidance={Rc::new(g.clone())} read_only={read_only} />
            }
            <div class="item-fields">
                <label for={id("decision")}>{ i18n.t("sweeps-field-decision") }</label>
                <select id={id("decision")} onchange={on_decision} disabled={read_only}>
                    <option value="" selected={current_decision.is_empty()}>{ i18n.t("sweeps-decision-none") }</option>
                    { for decisions.iter().enumerate().map(|(i, (value, label, section))| html! {
                        <option value={value.clone()} selected={current_decision == *value}>
                            { format!("{}. {label}", i + 1) }{ if section.is_empty() { String::new() } else { format!(" ({section})") } }
                        </option>
                    }) }
                </select>
                <label for={id("note")}>{ i18n.t("sweeps-field-note") }</label>
                <textarea id={id("note")} rows="1" dir="auto" value={note_text} onfocus={on_note_focus} oninput={on_note_input} onblur={on_note_blur} onchange={on_note} disabled={read_only} />
                <label class="check"><input type="checkbox" id={id("done")} checked={done.as_bool()} onchange={on_done} disabled={read_only} />{ i18n.t("sweeps-field-done") }</label>
            </div>
            if !read_only { <p class="note-from-template"><a href={format!("/templates?sweep={}&item={n}", props.sweep)}>{ i18n.t("sweeps-note-from-template") }</a></p> }
            if let Some(worked) = worked {
                <p class="muted item-attribution">{ worked }</p>
            }
            { for conflicts }
            if let Some(message) = &*error {
                <p class="error" role="alert">{ message }</p>
            }
        </section>
    }
}

/// A checklist text answer being typed (`Checklist`).
struct Draft {
    n: usize,
    step: String,
    text: String,
    focused: bool,
}

impl Draft {
    fn is(&self, n: usize, step: &str) -> bool {
        self.n == n && self.step == step
    }
}

#[derive(Properties, PartialEq)]
struct ChecklistProps {
    sync: SyncHandle,
    sweep: String,
    n: usize,
    version: u64,
    guidance: Rc<Guidance>,
    read_only: bool,
}

/// An item's checklist under the version in force: the steps that apply, each answered in
/// place; the answers record the version.
#[component]
fn Checklist(props: &ChecklistProps) -> Html {
    let i18n = use_i18n();
    let error = use_state(|| None::<String>);
    // The short text being typed, by item and step: a sync update re-renders the checklist
    // while the person types, and a controlled input would be set back to the stored answer.
    // The draft is shown while the field has focus, and after it until the answer it wrote
    // (on change) is queued, so neither a sync nor the write itself shows the old text.
    let draft = use_mut_ref(|| None::<Draft>);
    let redraw = use_force_update();
    let overlay = props.sync.state.overlay();
    let item = sweep::item(&overlay, &props.sweep, props.n);
    let recorded = item
        .answers
        .value
        .and_then(|a| a.get("guidance"))
        .and_then(Value::as_u64);
    let steps: BTreeMap<String, Value> = item
        .answers
        .value
        .filter(|_| recorded == Some(props.version))
        .and_then(|a| a.get("steps"))
        .and_then(Value::as_object)
        .map(|o| o.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default();
    let g = &props.guidance;
    let answer = {
        let (sync, error, object, base, steps, v, g) = (
            props.sync.clone(),
            error.clone(),
            item.object.clone(),
            item.answers.base(),
            steps.clone(),
            props.version,
            props.guidance.clone(),
        );
        Callback::from(move |(step, value, then): (String, Value, Option<Callback<()>>)| {
            let mut next = steps.clone();
            if value.is_null() || value.as_str() == Some("") {
                next.remove(&step);
            } else {
                next.insert(step, value);
            }
            prune(&g, &mut next);
            let op = ItemEdit::Answers {
                guidance: v,
                steps: next,
            }
            .op_for(&object, base);
            let (sync, error) = (sync.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                error.set(sync.edit(vec![op]).await.err());
                if let Some(then) = then {
                    then.emit(());
                }
            });
        })
    };
    let n = props.n;
    html! {
        <fieldset class="checklist">
            <legend>{ tr!(i18n, "sweeps-checklist", version = props.version) }</legend>
            if recorded.is_some_and(|v| v != props.version) {
                <p class="muted">{ tr!(i18n, "sweeps-checklist-older", version = recorded.unwrap_or(0)) }</p>
            }
            <ol>
            { for g.checklist.iter().filter(|s| g.applies(s, &steps)).map(|s| {
                let id = format!("item-{n}-step-{}", s.id);
                // The list numbers the steps (Shift+N answers step N); the label does not repeat it.
                let label = format!("{}{}", s.label, if s.required { " *" } else { "" });
                let current = steps.get(&s.id).cloned().unwrap_or(Value::Null);
                match s.kind {
                    StepKind::Check => {
                        let (answer, step) = (answer.clone(), s.id.clone());
                        let onchange = Callback::from(move |e: Event| {
                            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
                            answer.emit((step.clone(), Value::Bool(checked), None));
                        });
                        html! { <li><label class="check" for={id.clone()}><input type="checkbox" id={id} checked={current.as_bool().unwrap_or(false)} {onchange} disabled={props.read_only} /><span dir="auto">{ label }</span></label></li> }
                    }
                    StepKind::Choice => {
                        let (answer, step) = (answer.clone(), s.id.clone());
                        let onchange = Callback::from(move |e: Event| {
                            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                            answer.emit((step.clone(), Value::from(value), None));
                        });
                        let chosen = current.as_str().unwrap_or("").to_string();
                        html! {
                            <li>
                                <label for={id.clone()} dir="auto">{ label }</label>
                                <select id={id} {onchange} disabled={props.read_only}>
                                    <option value="" selected={chosen.is_empty()}>{ i18n.t("sweeps-choose") }</option>
                                    { for s.options.iter().map(|o| html! { <option value={o.clone()} selected={chosen == *o}>{ o }</option> }) }
                                </select>
                            </li>
                        }
                    }
                    StepKind::Text => {
                        let onchange = {
                            let (answer, step, draft, redraw) = (answer.clone(), s.id.clone(), draft.clone(), redraw.clone());
                            Callback::from(move |e: Event| {
                                let value = e.target_unchecked_into::<HtmlInputElement>().value();
                                // Once queued, the stored answer shows the text: the draft may go,
                                // unless the person is typing in this field again.
                                let then = {
                                    let (draft, step, redraw) = (draft.clone(), step.clone(), redraw.clone());
                                    Callback::from(move |()| {
                                        let mut held = draft.borrow_mut();
                                        if held.as_ref().is_some_and(|d| d.is(n, &step) && !d.focused) {
                                            *held = None;
                                            drop(held);
                                            redraw.force_update();
                                        }
                                    })
                                };
                                answer.emit((step.clone(), Value::from(value), Some(then)));
                            })
                        };
                        let oninput = {
                            let (draft, step) = (draft.clone(), s.id.clone());
                            Callback::from(move |e: InputEvent| {
                                let text = e.target_unchecked_into::<HtmlInputElement>().value();
                                *draft.borrow_mut() = Some(Draft { n, step: step.clone(), text, focused: true });
                            })
                        };
                        let onblur = {
                            let (draft, step) = (draft.clone(), s.id.clone());
                            Callback::from(move |_: FocusEvent| {
                                if let Some(d) = draft.borrow_mut().as_mut().filter(|d| d.is(n, &step)) {
                                    d.focused = false;
                                }
                            })
                        };
                        let shown = match &*draft.borrow() {
                            Some(d) if d.is(n, &s.id) => d.text.clone(),
                            _ => current.as_str().unwrap_or("").to_string(),
                        };
                        html! {
                            <li>
                                <label for={id.clone()} dir="auto">{ label }</label>
                                <input id={id} dir="auto" maxlength="500" value={shown} {oninput} {onchange} {onblur} disabled={props.read_only} />
                            </li>
                        }
                    }
                }
            }) }
            </ol>
            if let Some(message) = &*error {
                <p class="error" role="alert">{ message }</p>
            }
        </fieldset>
    }
}
