//! Sweeps: the list (newest first, with date, author and guidance version) and the form
//! specialists publish from; one sweep's page is in `sweeps/run.rs`, its dashboard and
//! export in `sweeps/dashboard.rs`. Every edit goes through [`crate::sync`], so it works
//! offline and a conflicting edit is shown, never lost.

mod authoring;
mod dashboard;
mod list;
mod run;

use std::collections::BTreeSet;

use casebook_core::sweep::items::{self, ImportError, LineProblem};
use casebook_core::sweep::{self, DECISIONS, NewSweepError, Progress};
use casebook_core::wire::{Org, OrgKind};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;
use yew_router::prelude::*;

pub use run::SweepPage;

use crate::components::sign_in_link::SignInLink;
use crate::i18n::{I18n, use_i18n};
use crate::route::Route;
use crate::sync::{SyncHandle, use_sync};
use crate::tr;

/// What a sweep's figures are computed from, equal when neither the replica (by identity) nor
/// the pending edits (by value) changed: a memo keyed on it skips the status-only updates sync
/// sends every few seconds, so a 50,000-item sweep is not recounted for nothing.
#[derive(Debug, Clone)]
struct DataKey(crate::sync::SyncState);

impl PartialEq for DataKey {
    fn eq(&self, other: &DataKey) -> bool {
        std::rc::Rc::ptr_eq(&self.0.replica, &other.0.replica)
            && self.0.pending == other.0.pending
            && self.0.user == other.0.user
    }
}

/// A sweep's item rows, kept up to date by the run page and read by its dashboard: one copy
/// of 50,000 small rows, recomputed only where a change touched them. Equal by identity.
#[derive(Debug, Clone, Default)]
pub struct SharedRows(pub std::rc::Rc<std::cell::RefCell<casebook_core::sweep::rows::Rows>>);

impl PartialEq for SharedRows {
    fn eq(&self, other: &SharedRows) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

fn sign_in_first(i18n: &I18n, what: String) -> Html {
    html! {
        <article class="page narrow">
            <h1>{ i18n.t("sweeps-title") }</h1>
            <p>{ what }</p>
            <p><SignInLink /></p>
        </article>
    }
}

/// A decision's label in the interface language: the four plain decisions are translated;
/// a guided sweep's options are the specialist's own words.
fn plain_decision_label(i18n: &I18n, value: &str) -> String {
    match value {
        "no_violation" => i18n.t("sweeps-decision-no-violation"),
        "label" => i18n.t("sweeps-decision-label"),
        "remove" => i18n.t("sweeps-decision-remove"),
        "escalate" => i18n.t("sweeps-decision-escalate"),
        other => other.to_string(),
    }
}

fn progress_line(i18n: &I18n, progress: &Progress) -> String {
    let mut parts = vec![tr!(
        i18n,
        "sweeps-done-of",
        done = progress.done,
        total = progress.total
    )];
    for (value, _) in DECISIONS {
        if let Some(n) = progress.decisions.get(value) {
            parts.push(format!("{} {n}", plain_decision_label(i18n, value)));
        }
    }
    let guided: usize = progress
        .decisions
        .iter()
        .filter(|(k, _)| !DECISIONS.iter().any(|(v, _)| v == k))
        .map(|(_, n)| n)
        .sum();
    if guided > 0 {
        parts.push(tr!(i18n, "sweeps-decided", count = guided));
    }
    if progress.conflicts > 0 {
        parts.push(tr!(i18n, "sweeps-conflicts", count = progress.conflicts));
    }
    parts.join(" · ")
}

fn progress_bar(i18n: &I18n, progress: &Progress) -> Html {
    let max = progress.total.max(1).to_string();
    html! { <progress class="sweep-progress" max={max} value={progress.done.to_string()}
    aria-label={tr!(i18n, "sweeps-done-of", done = progress.done, total = progress.total)}></progress> }
}

#[component]
pub fn SweepsPage() -> Html {
    let i18n = use_i18n();
    let Some(sync) = use_sync() else {
        return sign_in_first(&i18n, i18n.t("sweeps-sign-in-list"));
    };
    let sweeps = sweep::list(&sync.state.overlay());
    let publishes = sweep::publishes(sync.state.user.role);
    html! {
        <article class="page">
            <h1>{ i18n.t("sweeps-title") }</h1>
            <p class="muted">{ i18n.t("sweeps-intro") }</p>
            if sweeps.is_empty() {
                <p class="empty">{ if publishes { i18n.t("sweeps-none-publish") } else { i18n.t("sweeps-none-wait") } }</p>
            } else {
                <ul class="sweep-list">
                    { for sweeps.iter().map(|s| html! {
                        <li key={s.id.clone()}>
                            <span class="sweep-list-title">
                                <Link<Route> to={Route::SweepRun { id: s.id.clone() }}>{ &s.title }</Link<Route>>
                                <span class="muted sweep-list-meta">
                                    { tr!(i18n, "sweeps-published-by", date = i18n.date_time(s.published_ms as f64), author = s.author.as_str()) }
                                    { " · " }
                                    { if s.version == 0 { i18n.t("sweeps-state-plain") } else { tr!(i18n, "sweeps-state-version", version = s.version) } }
                                </span>
                            </span>
                            { progress_bar(&i18n, &s.progress) }
                            <span class="muted">{ progress_line(&i18n, &s.progress) }</span>
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

/// A bad line's reason in the interface language.
fn line_problem(i18n: &I18n, problem: &LineProblem) -> String {
    match problem {
        LineProblem::TooLong => tr!(i18n, "sweeps-line-too-long", max = sweep::MAX_TARGET_CHARS),
        LineProblem::Control => i18n.t("sweeps-line-control"),
        LineProblem::Scheme => i18n.t("sweeps-line-scheme"),
        LineProblem::NoHost => i18n.t("sweeps-line-no-host"),
        LineProblem::Handle => i18n.t("sweeps-line-handle"),
        LineProblem::Unknown => i18n.t("sweeps-line-unknown"),
        LineProblem::Quote => i18n.t("sweeps-line-quote"),
        LineProblem::MissingColumn(column) => tr!(i18n, "sweeps-line-column", column = column.as_str()),
    }
}

/// Selects line `line` (1-based) of a text box and scrolls it into view, so an error's line
/// number can be found in a long list.
fn show_line(area: &NodeRef, line: usize) {
    let Some(area) = area.cast::<HtmlTextAreaElement>() else {
        return;
    };
    let text = area.value();
    let mut start = 0;
    for (i, l) in text.split('\n').enumerate() {
        let end = start + l.encode_utf16().count();
        if i + 1 == line {
            let _ = area.focus();
            let _ = area.set_selection_range(start as u32, end as u32);
            // Scroll the box so the selected line is about a third of the way down.
            let height = f64::from(area.scroll_height()) / text.split('\n').count().max(1) as f64;
            area.set_scroll_top(((i as f64 - 3.0).max(0.0) * height) as i32);
            return;
        }
        start = end + 1;
    }
}

/// Items read from a chosen file rather than the text box: a 50,000-line file never goes
/// through the box, whose layout alone takes the browser about a second.
#[derive(Debug, Clone, PartialEq)]
struct ItemsFile {
    name: String,
    text: std::rc::Rc<String>,
}

/// Line `line` (1-based) of `text`, shortened, to show beside its problem.
fn line_of(text: &str, line: usize) -> String {
    let raw = text
        .split('\n')
        .nth(line.saturating_sub(1))
        .unwrap_or_default()
        .trim_end_matches('\r');
    match raw.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &raw[..at]),
        None => raw.to_string(),
    }
}

fn check_items(text: &str) -> Checked {
    match items::import(text) {
        Ok(got) => Checked::Ok {
            items: got.items.len(),
            blank: got.blank,
            duplicates: got.duplicates,
        },
        Err(ImportError::Empty) => Checked::Nothing,
        Err(why) => Checked::Bad(why),
    }
}

/// What the item box holds, checked as it is typed: a count, what was dropped and why, or
/// every bad line with a button that shows it in the box.
#[derive(Debug, Clone, PartialEq)]
enum Checked {
    Nothing,
    Ok {
        items: usize,
        blank: usize,
        duplicates: usize,
    },
    Bad(ImportError),
}

/// The form a specialist publishes a sweep from. The sweep's id is drawn once per form, so
/// a second click on Publish (or a retry) republishes the same sweep, never a copy.
#[component]
fn NewSweep(props: &NewSweepProps) -> Html {
    let i18n = use_i18n();
    let (title, guidance, items_box) = (use_node_ref(), use_node_ref(), use_node_ref());
    let error = use_state(|| None::<String>);
    let shared = use_state(BTreeSet::<String>::new);
    let checked = use_state(|| Checked::Nothing);
    let id = use_state(|| crate::sync::new_object_id(12));
    let busy = use_state(|| false);
    let navigator = use_navigator();
    let on_share = {
        let shared = shared.clone();
        Callback::from(move |orgs: BTreeSet<String>| shared.set(orgs))
    };
    let file = use_state(|| None::<ItemsFile>);
    let on_items = {
        let checked = checked.clone();
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            checked.set(check_items(&text));
        })
    };
    let on_file = {
        let (checked, file, error) = (checked.clone(), file.clone(), error.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(chosen) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            if chosen.size() > items::MAX_IMPORT_BYTES as f64 {
                checked.set(Checked::Bad(ImportError::TooLarge(chosen.size() as usize)));
                input.set_value("");
                return;
            }
            let (checked, file, error) = (checked.clone(), file.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match super::library_import::file_text(&chosen).await {
                    Some(text) => {
                        checked.set(check_items(&text));
                        file.set(Some(ItemsFile {
                            name: chosen.name(),
                            text: std::rc::Rc::new(text),
                        }));
                        error.set(None);
                    }
                    None => {
                        let name = chosen.name();
                        error.set(Some(tr!(
                            crate::i18n::current(),
                            "import-not-text",
                            file = name.as_str()
                        )));
                    }
                }
            });
        })
    };
    let clear_file = {
        let (checked, file, items_box) = (checked.clone(), file.clone(), items_box.clone());
        Callback::from(move |_| {
            file.set(None);
            let text = items_box
                .cast::<HtmlTextAreaElement>()
                .map(|a| a.value())
                .unwrap_or_default();
            checked.set(check_items(&text));
        })
    };
    let onsubmit = {
        let (title, guidance, items_box, error, sync, shared, id, busy, i18n, file) = (
            title.clone(),
            guidance.clone(),
            items_box.clone(),
            error.clone(),
            props.sync.clone(),
            shared.clone(),
            id.clone(),
            busy.clone(),
            i18n.clone(),
            file.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let input = |r: &NodeRef| r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let area = |r: &NodeRef| r.cast::<HtmlTextAreaElement>().map(|i| i.value()).unwrap_or_default();
            let org = sync.state.user.org_id.clone();
            let lines = match &*file {
                Some(file) => file.text.to_string(),
                None => area(&items_box),
            };
            let ops = match sweep::publish(&id, &org, &shared, &input(&title), &area(&guidance), &lines) {
                Ok(ops) => ops,
                Err(why) => {
                    error.set(Some(new_sweep_error(&i18n, &why)));
                    return;
                }
            };
            busy.set(true);
            let (error, sync, navigator, id, busy) = (
                error.clone(),
                sync.clone(),
                navigator.clone(),
                (*id).clone(),
                busy.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match sync.edit(ops).await {
                    Ok(()) => {
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::SweepRun { id });
                        }
                    }
                    Err(why) => {
                        busy.set(false);
                        error.set(Some(why));
                    }
                }
            });
        })
    };
    let feedback = match &*checked {
        // The line is always there and one line high, so the Publish button does not move
        // when the box's change (on leaving it) fills it in: a click would miss it.
        Checked::Nothing => html! { <p id="sweep-items-check" class="muted import-check"></p> },
        Checked::Ok {
            items,
            blank,
            duplicates,
        } => html! {
            <p class="muted import-check" id="sweep-items-check" aria-live="polite">
                { tr!(i18n, "sweeps-import-ok", count = *items) }
                if *duplicates > 0 { { " " }{ tr!(i18n, "sweeps-import-duplicates", count = *duplicates) } }
                if *blank > 0 { { " " }{ tr!(i18n, "sweeps-import-blank", count = *blank) } }
            </p>
        },
        Checked::Bad(ImportError::Lines { errors, total }) => html! {
            <div class="import-errors" id="sweep-items-check" role="alert">
                <p>{ tr!(i18n, "sweeps-import-bad", count = *total) }</p>
                <ul>
                    { for errors.iter().map(|e| match &*file {
                        // A file's line is quoted: there is no box to show it in.
                        Some(file) => html! {
                            <li>
                                { tr!(i18n, "sweeps-import-line", line = e.line) }{ " " }
                                <code dir="auto">{ line_of(&file.text, e.line) }</code>{ " " }
                                { line_problem(&i18n, &e.problem) }
                            </li>
                        },
                        None => {
                            let (area, line) = (items_box.clone(), e.line);
                            let onclick = Callback::from(move |_| show_line(&area, line));
                            html! {
                                <li>
                                    <button type="button" class="link-button" {onclick}>{ tr!(i18n, "sweeps-import-line", line = e.line) }</button>
                                    { " " }{ line_problem(&i18n, &e.problem) }
                                </li>
                            }
                        }
                    }) }
                </ul>
            </div>
        },
        Checked::Bad(why) => html! {
            <p class="error" id="sweep-items-check" role="alert">{ import_error(&i18n, why) }</p>
        },
    };
    html! {
        <section class="new-sweep" aria-labelledby="new-sweep-title">
            <h2 id="new-sweep-title">{ i18n.t("sweeps-new-title") }</h2>
            <form class="form" {onsubmit}>
                <label for="sweep-title">{ i18n.t("sweeps-field-title") }</label>
                <input id="sweep-title" ref={title} maxlength="200" required=true placeholder={i18n.t("sweeps-field-title-example")} />
                <label for="sweep-guidance">{ i18n.t("sweeps-field-guidance") }</label>
                <textarea id="sweep-guidance" ref={guidance} rows="4" placeholder={i18n.t("sweeps-field-guidance-example")} />
                <label for="sweep-items">{ i18n.t("sweeps-field-items") }</label>
                <textarea id="sweep-items" ref={items_box} rows="6" required={file.is_none()} aria-describedby="sweep-items-check"
                    hidden={file.is_some()} placeholder="https://example.test/post/123\n@handle\nCASE-1234" onchange={on_items} />
                if let Some(chosen) = &*file {
                    <p class="items-file">
                        { tr!(i18n, "sweeps-items-from-file", file = chosen.name.as_str()) }{ " " }
                        <button type="button" class="link-button" onclick={clear_file}>{ i18n.t("sweeps-items-use-box") }</button>
                    </p>
                } else {
                    <p class="items-file">
                        <label for="sweep-items-file">{ i18n.t("sweeps-items-file") }</label>{ " " }
                        <input id="sweep-items-file" type="file" accept=".csv,.txt,text/csv,text/plain" onchange={on_file} />
                    </p>
                }
                { feedback }
                if props.sync.state.user.org_kind == OrgKind::Platform {
                    <Sharing chosen={(*shared).clone()} onchange={on_share} />
                }
                if let Some(message) = &*error {
                    <p class="error" role="alert">{ message }</p>
                }
                <button type="submit" class="primary" disabled={*busy}>{ i18n.t("sweeps-publish") }</button>
            </form>
        </section>
    }
}

fn import_error(i18n: &I18n, why: &ImportError) -> String {
    match why {
        ImportError::Empty => i18n.t("sweeps-import-empty"),
        ImportError::TooLarge(_) => tr!(i18n, "sweeps-import-too-large", max = items::MAX_IMPORT_BYTES),
        ImportError::TooMany(n) => tr!(i18n, "sweeps-import-too-many", count = *n, max = sweep::MAX_ITEMS),
        ImportError::Lines { total, .. } => tr!(i18n, "sweeps-import-bad", count = *total),
    }
}

fn new_sweep_error(i18n: &I18n, why: &NewSweepError) -> String {
    match why {
        NewSweepError::NoTitle => i18n.t("sweeps-error-no-title"),
        NewSweepError::TitleTooLong => tr!(i18n, "sweeps-error-title-long", max = sweep::MAX_TITLE_CHARS),
        NewSweepError::GuidanceTooLong => tr!(i18n, "sweeps-error-guidance-long", max = sweep::MAX_GUIDANCE_CHARS),
        NewSweepError::Items(why) => import_error(i18n, why),
    }
}

#[derive(Debug, Properties, PartialEq)]
pub(crate) struct SharingProps {
    pub chosen: BTreeSet<String>,
    pub onchange: Callback<BTreeSet<String>>,
}

/// The vendor organisations a sweep is shared with: a box per vendor. Only the platform
/// shares; a sweep reaches exactly the organisations ticked here.
#[component]
pub(crate) fn Sharing(props: &SharingProps) -> Html {
    let i18n = use_i18n();
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
            return html! { <p class="error">{ tr!(i18n, "sweeps-orgs-failed", reason = why.as_str()) }</p> };
        }
        None => return html! { <p class="muted">{ i18n.t("sweeps-orgs-loading") }</p> },
    };
    html! {
        <fieldset class="sharing">
            <legend>{ i18n.t("sweeps-shared-with") }</legend>
            if vendors.is_empty() {
                <p class="muted">{ i18n.t("sweeps-no-vendors") }</p>
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
