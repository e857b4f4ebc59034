//! Sweeps: the list (with the form specialists publish from) and one sweep's items, worked
//! concurrently by agents. Every edit goes through [`crate::sync`], so it works offline and
//! a conflicting edit is shown, never lost.

use std::collections::BTreeSet;

use casebook_core::sweep::{self, DECISIONS, ItemEdit, ItemField, Progress};
use casebook_core::sync::Op;
use casebook_core::wire::{Org, OrgKind};
use serde_json::Value;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::sign_in_link::SignInLink;
use crate::route::Route;
use crate::sync::{SyncHandle, use_sync};

/// How many items a sweep page shows before "Show more".
const PAGE: usize = 100;

fn sign_in_first(what: &str) -> Html {
    html! {
        <article class="page narrow">
            <h1>{ "Sweeps" }</h1>
            <p>{ format!("Sign in to {what}.") }</p>
            <p><SignInLink /></p>
        </article>
    }
}

fn progress_line(progress: &Progress) -> String {
    let mut parts = vec![format!("{} of {} done", progress.done, progress.total)];
    for (value, label) in DECISIONS {
        if let Some(n) = progress.decisions.get(value) {
            parts.push(format!("{label} {n}"));
        }
    }
    match progress.conflicts {
        0 => {}
        1 => parts.push("1 conflict".into()),
        n => parts.push(format!("{n} conflicts")),
    }
    parts.join(" · ")
}

fn progress_bar(progress: &Progress) -> Html {
    let max = progress.total.max(1).to_string();
    html! { <progress class="sweep-progress" max={max} value={progress.done.to_string()}
    aria-label={format!("{} of {} done", progress.done, progress.total)}></progress> }
}

#[component]
pub fn SweepsPage() -> Html {
    let Some(sync) = use_sync() else {
        return sign_in_first("see and work sweeps");
    };
    let sweeps = sweep::list(&sync.state.overlay());
    let publishes = sweep::publishes(sync.state.user.role);
    html! {
        <article class="page">
            <h1>{ "Sweeps" }</h1>
            <p class="muted">{ "Guidance for a real-time event, and the items to check against it. Work goes on offline and syncs when the network returns." }</p>
            if sweeps.is_empty() {
                <p class="empty">{ if publishes { "No sweeps yet. Publish the first one below." } else { "No sweeps yet. A specialist publishes them here." } }</p>
            } else {
                <ul class="sweep-list">
                    { for sweeps.iter().map(|s| html! {
                        <li key={s.id.clone()}>
                            <Link<Route> to={Route::SweepRun { id: s.id.clone() }}>{ &s.title }</Link<Route>>
                            { progress_bar(&s.progress) }
                            <span class="muted">{ progress_line(&s.progress) }</span>
                        </li>
                    }) }
                </ul>
            }
            if publishes {
                <NewSweep sync={sync.clone()} />
            }
        </article>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct NewSweepProps {
    sync: SyncHandle,
}

/// The form a specialist publishes a sweep from.
#[component]
fn NewSweep(props: &NewSweepProps) -> Html {
    let (title, guidance, items) = (use_node_ref(), use_node_ref(), use_node_ref());
    let error = use_state(|| None::<String>);
    let shared = use_state(BTreeSet::<String>::new);
    let navigator = use_navigator();
    let on_share = {
        let shared = shared.clone();
        Callback::from(move |orgs: BTreeSet<String>| shared.set(orgs))
    };
    let onsubmit = {
        let (title, guidance, items, error, sync, shared) = (
            title.clone(),
            guidance.clone(),
            items.clone(),
            error.clone(),
            props.sync.clone(),
            shared.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let input = |r: &NodeRef| r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let area = |r: &NodeRef| r.cast::<HtmlTextAreaElement>().map(|i| i.value()).unwrap_or_default();
            let id = new_sweep_id();
            let org = sync.state.user.org_id.clone();
            let ops = match sweep::publish(&id, &org, &shared, &input(&title), &area(&guidance), &area(&items)) {
                Ok(ops) => ops,
                Err(why) => {
                    error.set(Some(format!("Cannot publish yet: {why}.")));
                    return;
                }
            };
            let (error, sync, navigator) = (error.clone(), sync.clone(), navigator.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match sync.edit(ops).await {
                    Ok(()) => {
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::SweepRun { id });
                        }
                    }
                    Err(why) => error.set(Some(why)),
                }
            });
        })
    };
    html! {
        <section class="new-sweep" aria-labelledby="new-sweep-title">
            <h2 id="new-sweep-title">{ "Publish a sweep" }</h2>
            <form class="form" {onsubmit}>
                <label for="sweep-title">{ "Title" }</label>
                <input id="sweep-title" ref={title} maxlength="200" required=true placeholder="Election night: fake polling-place claims" />
                <label for="sweep-guidance">{ "Guidance" }</label>
                <textarea id="sweep-guidance" ref={guidance} rows="4" placeholder="What to look for, the time window and regions, when to escalate." />
                <label for="sweep-items">{ "Items, one link or handle per line" }</label>
                <textarea id="sweep-items" ref={items} rows="6" required=true placeholder="https://example.test/post/123\n@handle" />
                if props.sync.state.user.org_kind == OrgKind::Platform {
                    <Sharing chosen={(*shared).clone()} onchange={on_share} />
                }
                if let Some(message) = &*error {
                    <p class="error" role="alert">{ message }</p>
                }
                <button type="submit" class="primary">{ "Publish" }</button>
            </form>
        </section>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct SharingProps {
    chosen: BTreeSet<String>,
    onchange: Callback<BTreeSet<String>>,
}

/// The vendor organisations a sweep is shared with: a box per vendor. Only the platform
/// shares; a sweep reaches exactly the organisations ticked here.
#[component]
fn Sharing(props: &SharingProps) -> Html {
    let orgs = use_state(|| None::<Result<Vec<Org>, String>>);
    {
        let orgs = orgs.clone();
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                let answer = crate::api::get_json::<Vec<Org>>("/api/orgs").await;
                orgs.set(Some(answer.map_err(|e| e.message())));
            });
        });
    }
    let vendors: Vec<Org> = match &*orgs {
        Some(Ok(list)) => list.iter().filter(|o| o.kind == OrgKind::Vendor).cloned().collect(),
        Some(Err(why)) => {
            return html! { <p class="error">{ format!("The organisations could not be loaded: {why}") }</p> };
        }
        None => return html! { <p class="muted">{ "Loading organisations…" }</p> },
    };
    html! {
        <fieldset class="sharing">
            <legend>{ "Shared with" }</legend>
            if vendors.is_empty() {
                <p class="muted">{ "There are no vendor organisations yet." }</p>
            }
            { for vendors.into_iter().map(|org| {
                let checked = props.chosen.contains(&org.id);
                let onchange = {
                    let (chosen, onchange, id) = (props.chosen.clone(), props.onchange.clone(), org.id.clone());
                    Callback::from(move |e: Event| {
                        let mut next = chosen.clone();
                        if e.target_unchecked_into::<HtmlInputElement>().checked() {
                            next.insert(id.clone());
                        } else {
                            next.remove(&id);
                        }
                        onchange.emit(next);
                    })
                };
                let id = format!("share-{}", org.id);
                html! {
                    <label class="check" for={id.clone()}>
                        <input type="checkbox" id={id} {checked} {onchange} />{ org.name }
                    </label>
                }
            }) }
        </fieldset>
    }
}

fn new_sweep_id() -> String {
    let uuid = gloo::utils::window()
        .crypto()
        .map(|c| c.random_uuid())
        .unwrap_or_else(|_| format!("{:016x}", (js_sys::Math::random() * 2f64.powi(52)) as u64));
    uuid.chars().filter(char::is_ascii_alphanumeric).take(12).collect()
}

#[derive(Debug, Properties, PartialEq)]
pub struct SweepPageProps {
    pub id: String,
}

#[component]
pub fn SweepPage(props: &SweepPageProps) -> Html {
    let shown = use_state(|| PAGE);
    let Some(sync) = use_sync() else {
        return sign_in_first("work this sweep");
    };
    let overlay = sync.state.overlay();
    let Some(sweep) = sweep::load(&overlay, &props.id) else {
        return html! {
            <article class="page narrow">
                <h1>{ "Sweep not found" }</h1>
                <p>{ "This sweep is not on this device yet. If it was published a moment ago, it appears as soon as sync catches up." }</p>
                <p><Link<Route> to={Route::Sweeps}>{ "All sweeps" }</Link<Route>></p>
            </article>
        };
    };
    let progress = sweep.progress();
    let more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + PAGE))
    };
    html! {
        <article class="page sweep">
            <p class="breadcrumb"><Link<Route> to={Route::Sweeps}>{ "Sweeps" }</Link<Route>></p>
            <h1>{ &sweep.title }</h1>
            if !sweep.guidance.is_empty() {
                <section class="guidance" aria-label="Guidance">
                    { for sweep.guidance.split("\n\n").map(|p| html! { <p>{ p }</p> }) }
                </section>
            }
            if sync.state.user.org_kind == OrgKind::Platform && sweep::publishes(sync.state.user.role) {
                <SweepSharing sync={sync.clone()} id={props.id.clone()} />
            }
            if !sweep::works_items(sync.state.user.role) {
                <p class="muted">{ "You can read this sweep; agents, specialists and admins work its items." }</p>
            }
            <div class="sweep-summary" role="status">
                { progress_bar(&progress) }
                <span>{ progress_line(&progress) }</span>
            </div>
            <ol class="sweep-items">
                { for sweep.items.iter().take(*shown).map(|item| html! {
                    <ItemRow key={item.object.clone()} sync={sync.clone()} sweep={sweep.id.clone()} n={item.n} />
                }) }
            </ol>
            if sweep.items.len() > *shown {
                <button type="button" onclick={more}>{ format!("Show more ({} left)", sweep.items.len() - *shown) }</button>
            }
        </article>
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
    let error = use_state(|| None::<String>);
    let chosen = sweep::shared(&props.sync.state.overlay(), &props.id);
    let onchange = {
        let (sync, id, error) = (props.sync.clone(), props.id.clone(), error.clone());
        Callback::from(move |orgs: BTreeSet<String>| {
            let op = sweep::share(&sync.state.overlay(), &id, &orgs);
            let (sync, error) = (sync.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                error.set(sync.edit(vec![op]).await.err());
            });
        })
    };
    html! {
        <details class="sweep-sharing">
            <summary>{ format!("Shared with {} organisation(s)", chosen.len()) }</summary>
            <Sharing {chosen} {onchange} />
            if let Some(message) = &*error {
                <p class="error" role="alert">{ message }</p>
            }
        </details>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct ItemRowProps {
    sync: SyncHandle,
    sweep: String,
    n: usize,
}

fn show_value(field: &str, value: &Value) -> String {
    match (field, value) {
        ("decision", Value::String(s)) => sweep::decision_label(s).to_string(),
        (_, Value::Null) => "nothing".into(),
        ("done", Value::Bool(true)) => "done".into(),
        ("done", Value::Bool(false)) => "not done".into(),
        (_, Value::String(s)) if s.chars().count() > 80 => format!("{}…", s.chars().take(80).collect::<String>()),
        (_, Value::String(s)) => s.clone(),
        (_, other) => other.to_string(),
    }
}

/// Builds an item's edit from a value and the base it was made on; owns what it needs, so
/// callbacks can keep it.
fn item_edit(item: &sweep::Item<'_>) -> impl Fn(ItemEdit, u64) -> Op + 'static {
    let object = item.object.clone();
    move |edit, base| edit.op_for(&object, base)
}

/// One item: its decision, note and done box, and any conflict to settle.
#[component]
fn ItemRow(props: &ItemRowProps) -> Html {
    let error = use_state(|| None::<String>);
    // While a note is being typed: the base it was shown with when typing began, and the text
    // typed so far (the box is controlled, so a re-render must show the typed text).
    let typing = use_state(|| None::<(u64, String)>);
    let state = &props.sync.state;
    let overlay = state.overlay();
    let item = sweep::item(&overlay, &props.sweep, props.n);
    let (target, decision, note, done) = (item.target, item.decision, item.note, item.done);
    let send = {
        let (sync, error) = (props.sync.clone(), error.clone());
        Callback::from(move |op: Op| {
            let (sync, error) = (sync.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                error.set(sync.edit(vec![op]).await.err());
            });
        })
    };
    let on_decision = {
        let (send, op_base) = (send.clone(), decision.base());
        let edit_of = item_edit(&item);
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            send.emit(edit_of(ItemEdit::Decision(ItemField::decision_value(&value)), op_base));
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
        let (send, edit_of) = (send.clone(), item_edit(&item));
        let base = typing.as_ref().map_or(note.base(), |(base, _)| *base);
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            send.emit(edit_of(ItemEdit::Note(value), base));
        })
    };
    let note_text = typing
        .as_ref()
        .map_or_else(|| note.as_str().to_string(), |(_, typed)| typed.clone());
    let on_done = {
        let (send, edit_of, op_base) = (send.clone(), item_edit(&item), done.base());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().checked();
            send.emit(edit_of(ItemEdit::Done(value), op_base));
        })
    };
    let pending = decision.pending || note.pending || done.pending;
    let read_only = !sweep::works_items(state.user.role);
    let current_decision = decision.as_str().to_string();
    let conflicts: Vec<Html> = [(ItemField::Decision, "decision"), (ItemField::Note, "note"), (ItemField::Done, "done box")]
        .into_iter()
        .map(|(of, label)| (of, of.name(), label, item.shown(of)))
        .filter(|(_, _, _, shown)| !shown.conflicts().is_empty())
        .map(|(of, field, label, shown)| {
            let current = shown.value.cloned().unwrap_or(Value::Null);
            let winner_author = shown.field.map(|f| f.author.clone()).unwrap_or_default();
            let keep = {
                let (send, op) = (send.clone(), ItemEdit::keep(&item, of, current.clone()));
                Callback::from(move |_| send.emit(op.clone()))
            };
            html! {
                <div class="conflict" data-field={field}>
                    <p>
                        <strong>{ format!("Conflicting edits to the {label}. ") }</strong>
                        { format!("Shown: “{}” by {}. ", show_value(field, &current), winner_author) }
                        { "Made without seeing it: " }
                        { for shown.conflicts().iter().map(|c| html! {
                            <span class="conflict-value">{ format!("“{}” by {}", show_value(field, &c.value), c.author) }</span>
                        }) }
                    </p>
                    <div class="button-row">
                        <button type="button" onclick={keep} disabled={read_only}>{ format!("Keep “{}”", show_value(field, &current)) }</button>
                        { for shown.conflicts().iter().map(|c| {
                            let (send, op) = (send.clone(), ItemEdit::keep(&item, of, c.value.clone()));
                            let onclick = Callback::from(move |_| send.emit(op.clone()));
                            html! { <button type="button" {onclick} disabled={read_only}>{ format!("Use “{}”", show_value(field, &c.value)) }</button> }
                        }) }
                    </div>
                </div>
            }
        })
        .collect();
    let n = props.n;
    let id = |what: &str| format!("item-{n}-{what}");
    html! {
        <li class={classes!("sweep-item", done.as_bool().then_some("done"))} id={format!("item-{n}")}
            data-item={n.to_string()} data-conflict={(!conflicts.is_empty()).to_string()}>
            <div class="item-head">
                <span class="item-n">{ format!("#{n}") }</span>
                <span class="item-target" dir="auto">{ target.as_str() }</span>
                if pending {
                    <span class="pending-mark" title="Saved on this device; not yet on the server">{ "waiting to sync" }</span>
                }
            </div>
            <div class="item-fields">
                <label for={id("decision")}>{ "Decision" }</label>
                <select id={id("decision")} onchange={on_decision} disabled={read_only}>
                    <option value="" selected={current_decision.is_empty()}>{ "— none —" }</option>
                    { for DECISIONS.iter().map(|(value, label)| html! {
                        <option value={*value} selected={current_decision == *value}>{ *label }</option>
                    }) }
                </select>
                <label for={id("note")}>{ "Note" }</label>
                <textarea id={id("note")} rows="1" dir="auto" value={note_text} onfocus={on_note_focus} oninput={on_note_input} onblur={on_note_blur} onchange={on_note} disabled={read_only} />
                <label class="check"><input type="checkbox" id={id("done")} checked={done.as_bool()} onchange={on_done} disabled={read_only} />{ "Done" }</label>
            </div>
            { for conflicts }
            if let Some(message) = &*error {
                <p class="error" role="alert">{ message }</p>
            }
        </li>
    }
}
