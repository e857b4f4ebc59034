//! The publisher's live dashboard of a sweep (recomputed whenever sync brings a change, so it
//! updates without a reload) and the exports for the post-incident review: the items as CSV,
//! the timeline of versions and acknowledgments as CSV, everything as JSON. Also where the
//! publisher assigns the open items round-robin across people of an organisation and sets
//! after how long without activity an assignment may be released.

use std::collections::{BTreeMap, BTreeSet};

use casebook_core::sweep::assign::Person;
use casebook_core::sweep::{self, DEFAULT_STALE_MINUTES, MAX_STALE_MINUTES, dashboard, export};
use casebook_core::sync::Op;
use casebook_core::wire::{AssignablePage, AssignablePerson, Org};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{DataKey, SharedRows};
use crate::i18n::use_i18n;
use crate::sync::SyncHandle;
use crate::tr;

#[derive(Debug, Properties, PartialEq)]
pub struct SweepDashboardProps {
    pub sync: SyncHandle,
    pub id: String,
    /// The sweep's rows, shared with the run page.
    pub rows: SharedRows,
}

/// Hands `text` to the browser as a download named `name`.
fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = gloo::utils::document();
    let link = document.create_element("a")?;
    link.set_attribute("href", &url)?;
    link.set_attribute("download", name)?;
    if let Some(link) = link.dyn_ref::<web_sys::HtmlElement>() {
        link.click();
    }
    web_sys::Url::revoke_object_url(&url)
}

#[component]
pub fn SweepDashboard(props: &SweepDashboardProps) -> Html {
    let i18n = use_i18n();
    // Other people's work arrives within about a second and a half while this is open.
    crate::sync::use_live_pull();
    let orgs = use_state(BTreeMap::<String, String>::new);
    {
        let orgs = orgs.clone();
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(list) = crate::api::get_json::<Vec<Org>>("/api/orgs").await {
                    orgs.set(list.into_iter().map(|o| (o.id, o.name)).collect());
                }
            });
        });
    }
    let org_names = &*orgs;
    // Recounted when the data changes, and once a minute for the stale assignments.
    let minute = js_sys::Date::now() as u64 / 60_000;
    let board = use_memo(
        (
            DataKey(props.sync.state.clone()),
            props.id.clone(),
            minute,
            props.rows.clone(),
        ),
        |(DataKey(state), id, _, SharedRows(rows))| {
            let overlay = state.overlay();
            rows.borrow_mut().update(&state.replica, id);
            let rows = rows.borrow();
            dashboard::from_rows(&overlay, id, &rows.shown(&overlay), js_sys::Date::now() as u64)
        },
    );
    let Some(board) = board.as_ref() else {
        return html! {};
    };
    let export_of = |what: &'static str| {
        let (sync, id) = (props.sync.clone(), props.id.clone());
        Callback::from(move |_| {
            let overlay = sync.state.overlay();
            let Some(review) = export::review(&overlay, &id) else {
                return;
            };
            let _ = match what {
                "items" => download(
                    &format!("sweep-{id}-items.csv"),
                    "text/csv;charset=utf-8",
                    &review.items_csv(),
                ),
                "timeline" => download(
                    &format!("sweep-{id}-timeline.csv"),
                    "text/csv;charset=utf-8",
                    &review.timeline_csv(),
                ),
                _ => download(
                    &format!("sweep-{id}.json"),
                    "application/json",
                    &review.to_json().to_string(),
                ),
            };
        })
    };
    let release = |n: usize| {
        let (sync, id) = (props.sync.clone(), props.id.clone());
        Callback::from(move |_| {
            let op = sweep::assign::release(&sync.state.overlay(), &id, n);
            let sync = sync.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = sync.edit(vec![op]).await;
            });
        })
    };
    let median = board.median_ms.map_or_else(
        || i18n.t("sweeps-dash-none"),
        |ms| tr!(i18n, "sweeps-dash-seconds", count = ms / 1000),
    );
    html! {
        <details class="sweep-dashboard" open=true>
            <summary>{ i18n.t("sweeps-dash-title") }</summary>
            <dl class="dash-figures">
                <dt>{ i18n.t("sweeps-dash-done") }</dt><dd data-figure="done">{ tr!(i18n, "sweeps-done-of", done = board.done, total = board.total) }</dd>
                <dt>{ i18n.t("sweeps-dash-unassigned") }</dt><dd data-figure="unassigned">{ i18n.number(board.unassigned as f64) }</dd>
                <dt>{ i18n.t("sweeps-dash-escalations") }</dt><dd data-figure="escalations">{ i18n.number(board.escalations as f64) }</dd>
                <dt>{ i18n.t("sweeps-dash-median") }</dt><dd data-figure="median">{ median }</dd>
                <dt>{ i18n.t("sweeps-dash-conflicts") }</dt><dd data-figure="conflicts">{ i18n.number(board.conflicts as f64) }</dd>
            </dl>
            <div class="dash-tables">
                <table>
                    <caption>{ i18n.t("sweeps-dash-people") }</caption>
                    <thead><tr><th scope="col">{ i18n.t("sweeps-dash-person") }</th><th scope="col">{ i18n.t("sweeps-dash-col-done") }</th><th scope="col">{ i18n.t("sweeps-dash-col-remaining") }</th></tr></thead>
                    <tbody>
                        { for board.people.iter().map(|((name, _), t)| html! {
                            <tr><th scope="row" dir="auto">{ name }</th><td>{ t.done }</td><td>{ t.remaining }</td></tr>
                        }) }
                    </tbody>
                </table>
                <table>
                    <caption>{ i18n.t("sweeps-dash-orgs") }</caption>
                    <thead><tr><th scope="col">{ i18n.t("sweeps-dash-org") }</th><th scope="col">{ i18n.t("sweeps-dash-col-done") }</th><th scope="col">{ i18n.t("sweeps-dash-col-remaining") }</th></tr></thead>
                    <tbody>
                        { for board.orgs.iter().map(|(org, t)| {
                            let name = org_names.get(org).cloned().unwrap_or_else(|| org.clone());
                            html! { <tr><th scope="row" dir="auto">{ name }</th><td>{ t.done }</td><td>{ t.remaining }</td></tr> }
                        }) }
                    </tbody>
                </table>
                <table>
                    <caption>{ i18n.t("sweeps-dash-sections") }</caption>
                    <thead><tr><th scope="col">{ i18n.t("sweeps-dash-section") }</th><th scope="col">{ i18n.t("sweeps-dash-col-items") }</th></tr></thead>
                    <tbody>
                        { for board.sections.iter().map(|(section, count)| html! {
                            <tr><th scope="row"><code>{ section }</code></th><td>{ count }</td></tr>
                        }) }
                    </tbody>
                </table>
                if board.version > 0 {
                    <table>
                        <caption>{ tr!(i18n, "sweeps-dash-acks", version = board.version) }</caption>
                        <thead><tr><th scope="col">{ i18n.t("sweeps-dash-person") }</th><th scope="col">{ i18n.t("sweeps-dash-col-acknowledged") }</th></tr></thead>
                        <tbody>
                            { for board.acks.iter().map(|a| {
                                let current = a.acknowledged >= board.version;
                                html! {
                                    <tr data-acknowledged={current.to_string()}>
                                        <th scope="row" dir="auto">{ &a.name }</th>
                                        <td>{ if current { i18n.t("sweeps-dash-ack-yes") } else if a.acknowledged == 0 { i18n.t("sweeps-dash-ack-never") } else { tr!(i18n, "sweeps-dash-ack-old", version = a.acknowledged) } }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                }
            </div>
            if !board.stale.is_empty() {
                <h2 class="small-heading">{ tr!(i18n, "sweeps-dash-stale", count = board.stale.len()) }</h2>
                <ul class="dash-stale">
                    { for board.stale.iter().take(50).map(|(n, p)| html! {
                        <li>{ tr!(i18n, "sweeps-dash-stale-item", item = *n, name = p.name.as_str()) }{ " " }
                            <button type="button" onclick={release(*n)}>{ i18n.t("sweeps-dash-release") }</button></li>
                    }) }
                </ul>
            }
            <Assignment sync={props.sync.clone()} id={props.id.clone()} unassigned={board.unassigned}
                people={board.acks.iter().map(|a| Person { person: a.person.clone(), org: a.org.clone(), name: a.name.clone() }).collect::<Vec<_>>()}
                org_names={org_names.clone()} />
            <div class="button-row">
                <button type="button" onclick={export_of("items")}>{ i18n.t("sweeps-export-items") }</button>
                <button type="button" onclick={export_of("timeline")}>{ i18n.t("sweeps-export-timeline") }</button>
                <button type="button" onclick={export_of("json")}>{ i18n.t("sweeps-export-json") }</button>
            </div>
        </details>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct AssignmentProps {
    sync: SyncHandle,
    id: String,
    unassigned: usize,
    /// Everyone known to the sweep: holding or having held an item, or having acknowledged.
    people: Vec<Person>,
    org_names: BTreeMap<String, String>,
}

/// Who the round-robin may pick from, beyond the people the sweep already knows: everyone
/// who works items in the organisations it is shared with (`GET /api/sweeps/{id}/people`),
/// kept on the device (wiped at sign-out like all case data) for offline use.
#[derive(Debug, Clone, PartialEq)]
enum Listed {
    Loading,
    /// From the server just now.
    Fresh(Vec<AssignablePerson>),
    /// Offline: as listed when last online, at this time (ms).
    Saved(Vec<AssignablePerson>, f64),
    /// Offline, and never listed on this device.
    NeedsNetwork,
    Failed(String),
}

/// Most pages of people asked for (500 each): 10,000 people.
const MAX_PEOPLE_PAGES: usize = 20;

fn people_key(id: &str) -> String {
    format!("sweep-people/{id}")
}

/// Every page of the sweep's assignable people, or why not.
async fn fetch_people(id: &str) -> Result<Vec<AssignablePerson>, crate::api::ApiFailure> {
    let mut people = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..MAX_PEOPLE_PAGES {
        let query = after.as_deref().map(|a| format!("?after={a}")).unwrap_or_default();
        let page: AssignablePage = crate::api::get_json(&format!("/api/sweeps/{id}/people{query}")).await?;
        people.extend(page.people);
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    Ok(people)
}

/// Lists the sweep's assignable people: the saved list at once, then the server's; again
/// when the organisations it is shared with change, or once the sweep itself reaches the
/// server (a sweep just published from this device is not there yet).
#[hook]
fn use_assignable(id: &str, shared: Vec<String>, on_server: bool) -> UseStateHandle<Listed> {
    let listed = use_state(|| Listed::Loading);
    {
        let listed = listed.clone();
        use_effect_with((id.to_string(), shared, on_server), move |(id, _, _)| {
            let id = id.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let db = crate::local_db::LocalDb::open().await.ok();
                let saved: Option<(Vec<AssignablePerson>, f64)> = match &db {
                    Some(db) => db
                        .get(&people_key(&id))
                        .await
                        .ok()
                        .flatten()
                        .and_then(|v| v.as_string())
                        .and_then(|text| serde_json::from_str(&text).ok()),
                    None => None,
                };
                if let Some((people, at)) = &saved {
                    listed.set(Listed::Saved(people.clone(), *at));
                }
                match fetch_people(&id).await {
                    Ok(people) => {
                        if let (Some(db), Ok(text)) = (&db, serde_json::to_string(&(&people, js_sys::Date::now()))) {
                            let _ = db.put_all(&[(&people_key(&id), JsValue::from_str(&text))]).await;
                        }
                        listed.set(Listed::Fresh(people));
                    }
                    Err(crate::api::ApiFailure::Unreachable) if saved.is_some() => {}
                    Err(crate::api::ApiFailure::Unreachable) => listed.set(Listed::NeedsNetwork),
                    Err(failure) => listed.set(Listed::Failed(failure.reason())),
                }
            });
        });
    }
    listed
}

/// Round-robin assignment of the open, unassigned items across the people ticked (grouped by
/// organisation, with a box for a whole organisation), and the stale-time setting.
#[component]
fn Assignment(props: &AssignmentProps) -> Html {
    let i18n = use_i18n();
    let overlay = props.sync.state.overlay();
    let object = sweep::sweep_object(&props.id);
    let shared: Vec<String> = sweep::shared(&overlay, &props.id).into_iter().collect();
    let on_server = !overlay.get(&object, "org").pending;
    let listed = use_assignable(&props.id, shared, on_server);
    let chosen = use_state(BTreeSet::<String>::new);
    let error = use_state(|| None::<String>);
    // The minutes as typed, until the field is left (a re-render meanwhile keeps them).
    let typing = use_state(|| None::<String>);
    let stale = overlay.get(&object, "stale_minutes");
    let minutes = stale
        .value
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(DEFAULT_STALE_MINUTES);
    let send = {
        let (sync, error) = (props.sync.clone(), error.clone());
        move |ops: Vec<Op>| {
            let (sync, error) = (sync.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                error.set(sync.edit(ops).await.err());
            });
        }
    };
    let on_minutes = {
        let (sync, object, base, error, i18n, typing) = (
            props.sync.clone(),
            object.clone(),
            stale.base(),
            error.clone(),
            i18n.clone(),
            typing.clone(),
        );
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            match text
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|m| (1..=MAX_STALE_MINUTES).contains(m))
            {
                Some(m) => {
                    let op = Op::SetField {
                        object: object.clone(),
                        field: "stale_minutes".into(),
                        value: serde_json::Value::from(m),
                        base,
                    };
                    let (sync, error, typing) = (sync.clone(), error.clone(), typing.clone());
                    // The typed text stays until the edit shows, so the box never flicks back.
                    wasm_bindgen_futures::spawn_local(async move {
                        error.set(sync.edit(vec![op]).await.err());
                        typing.set(None);
                    });
                }
                None => error.set(Some(tr!(i18n, "sweeps-assign-stale-range", max = MAX_STALE_MINUTES))),
            }
        })
    };
    let on_minutes_input = {
        let typing = typing.clone();
        Callback::from(move |e: InputEvent| typing.set(Some(e.target_unchecked_into::<HtmlInputElement>().value())))
    };
    // The people the sweep knows, and everyone of the shared organisations listed.
    let (fetched, listed_note): (&[AssignablePerson], Option<String>) = match &*listed {
        Listed::Loading => (&[], Some(i18n.t("sweeps-assign-listing"))),
        Listed::Fresh(people) => (people.as_slice(), None),
        Listed::Saved(people, at) => (
            people.as_slice(),
            Some(tr!(i18n, "sweeps-assign-listed-saved", date = i18n.date_time(*at))),
        ),
        Listed::NeedsNetwork => (&[], Some(i18n.t("sweeps-assign-listed-offline"))),
        Listed::Failed(why) => (
            &[],
            Some(tr!(i18n, "sweeps-assign-listed-failed", reason = why.as_str())),
        ),
    };
    let mut org_names = props.org_names.clone();
    let mut everyone: BTreeMap<String, Person> = BTreeMap::new();
    for p in fetched {
        org_names.entry(p.org_id.clone()).or_insert_with(|| p.org_name.clone());
        everyone.insert(
            p.id.clone(),
            Person {
                person: p.id.clone(),
                org: p.org_id.clone(),
                name: p.name.clone(),
            },
        );
    }
    for p in &props.people {
        everyone.entry(p.person.clone()).or_insert_with(|| p.clone());
    }
    let mut by_org: BTreeMap<&str, Vec<&Person>> = BTreeMap::new();
    for p in everyone.values() {
        by_org.entry(p.org.as_str()).or_default().push(p);
    }
    for members in by_org.values_mut() {
        members.sort_by(|a, b| a.name.cmp(&b.name).then(a.person.cmp(&b.person)));
    }
    let toggle = |ids: Vec<String>| {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut next = (*chosen).clone();
            for id in &ids {
                if on {
                    next.insert(id.clone());
                } else {
                    next.remove(id);
                }
            }
            chosen.set(next);
        })
    };
    let people: Vec<Person> = everyone
        .values()
        .filter(|p| chosen.contains(&p.person))
        .cloned()
        .collect();
    let assign = {
        let (send, sync, id, people) = (send.clone(), props.sync.clone(), props.id.clone(), people.clone());
        Callback::from(move |_| {
            let ops = sweep::assign::round_robin(&sync.state.overlay(), &id, &people);
            if !ops.is_empty() {
                send(ops);
            }
        })
    };
    html! {
        <section class="dash-assign" aria-labelledby="dash-assign-title">
            <h2 class="small-heading" id="dash-assign-title">{ i18n.t("sweeps-assign-title") }</h2>
            <label for="sweep-stale-minutes">{ i18n.t("sweeps-assign-stale") }</label>
            <input id="sweep-stale-minutes" type="number" min="1" max={MAX_STALE_MINUTES.to_string()}
                value={(*typing).clone().unwrap_or_else(|| minutes.to_string())} oninput={on_minutes_input} onchange={on_minutes} />
            <fieldset class="dash-round-robin">
                <legend>{ tr!(i18n, "sweeps-assign-legend", count = props.unassigned) }</legend>
                if let Some(note) = listed_note {
                    <p class="muted" id="sweep-assign-listed" aria-live="polite">{ note }</p>
                }
                if everyone.is_empty() {
                    <p class="muted">{ i18n.t("sweeps-assign-nobody") }</p>
                }
                { for by_org.iter().map(|(org, members)| {
                    let name = org_names.get(*org).cloned().unwrap_or_else(|| org.to_string());
                    let ids: Vec<String> = members.iter().map(|p| p.person.clone()).collect();
                    let all = ids.iter().all(|id| chosen.contains(id));
                    let org_id = format!("assign-org-{org}");
                    html! {
                        <div class="assign-org">
                            <label class="check" for={org_id.clone()}>
                                <input type="checkbox" id={org_id} checked={all} onchange={toggle(ids)} />
                                <strong dir="auto">{ tr!(i18n, "sweeps-assign-everyone", org = name) }</strong>
                            </label>
                            { for members.iter().map(|p| {
                                let id = format!("assign-person-{}", p.person);
                                html! {
                                    <label class="check" for={id.clone()}>
                                        <input type="checkbox" {id} checked={chosen.contains(&p.person)} onchange={toggle(vec![p.person.clone()])} />
                                        <span dir="auto">{ &p.name }</span>
                                    </label>
                                }
                            }) }
                        </div>
                    }
                }) }
            </fieldset>
            <button type="button" onclick={assign} disabled={people.is_empty() || props.unassigned == 0}>
                { tr!(i18n, "sweeps-assign-button", count = props.unassigned, people = people.len()) }
            </button>
            if let Some(message) = &*error {
                <p class="error" role="alert">{ message }</p>
            }
        </section>
    }
}
