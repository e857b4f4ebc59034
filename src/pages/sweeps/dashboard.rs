//! The publisher's live dashboard of a sweep (recomputed whenever sync brings a change, so it
//! updates without a reload) and the exports for the post-incident review: the items as CSV,
//! the timeline of versions and acknowledgments as CSV, everything as JSON.

use std::collections::BTreeMap;

use casebook_core::sweep::{self, dashboard, export};
use casebook_core::wire::Org;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::i18n::use_i18n;
use crate::sync::SyncHandle;
use crate::tr;

#[derive(Debug, Properties, PartialEq)]
pub struct SweepDashboardProps {
    pub sync: SyncHandle,
    pub id: String,
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
    let overlay = props.sync.state.overlay();
    let now = js_sys::Date::now() as u64;
    let Some(board) = dashboard::dashboard(&overlay, &props.id, now) else {
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
            <div class="button-row">
                <button type="button" onclick={export_of("items")}>{ i18n.t("sweeps-export-items") }</button>
                <button type="button" onclick={export_of("timeline")}>{ i18n.t("sweeps-export-timeline") }</button>
                <button type="button" onclick={export_of("json")}>{ i18n.t("sweeps-export-json") }</button>
            </div>
        </details>
    }
}
