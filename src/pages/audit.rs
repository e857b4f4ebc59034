//! The audit log, for administrators: every state change, sign-in and refused request.
//!
//! The server writes its entries in English, for operators; this page shows them in the
//! interface language: actions and results by name, the details the server writes in a
//! known shape as sentences (the server's own words stay in the cell's `title`), times in
//! the person's time zone with UTC on hover.

use casebook_core::wire::{AuditEntry, Role};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::api::{ApiFailure, get_json};
use crate::i18n::{I18n, msg, use_i18n};
use crate::pages::people::role_label;
use crate::session::{Session, admin_only, use_session};
use crate::tr;

/// Entries per request; "Show older entries" asks for the next page.
const PAGE: usize = 100;

/// The actions the server records, with their names: offered in the action filter, and
/// shown in the log (an action not listed shows as the server wrote it).
const ACTIONS: [(&str, &str); 8] = [
    ("session.sign_in", msg("audit-action-sign-in")),
    ("session.sign_out", msg("audit-action-sign-out")),
    ("sync.push", msg("audit-action-sync-push")),
    ("user.create", msg("audit-action-user-create")),
    ("user.change", msg("audit-action-user-change")),
    ("user.password", msg("audit-action-user-password")),
    ("library.import", msg("audit-action-library-import")),
    ("request.denied", msg("audit-action-request-denied")),
];

/// The results the server records, with their names.
const RESULTS: [(&str, &str); 3] = [
    ("ok", msg("audit-result-ok")),
    ("failed", msg("audit-result-failed")),
    ("denied", msg("audit-result-denied")),
];

/// The details the server writes as fixed phrases, with their messages.
const PHRASES: [(&str, &str); 7] = [
    ("rate limited", msg("audit-detail-rate-limited")),
    ("wrong email or password", msg("audit-detail-wrong-credentials")),
    ("account switched off", msg("audit-detail-switched-off")),
    (
        "account changed during sign-in",
        msg("audit-detail-changed-during-sign-in"),
    ),
    ("wrong current password", msg("audit-detail-wrong-current-password")),
    (
        "account changed during the change",
        msg("audit-detail-changed-during-change"),
    ),
    ("other sessions ended", msg("audit-detail-other-sessions-ended")),
];

/// An action's name in the interface language, or the server's name for an unknown one.
pub fn action_name(i18n: &I18n, action: &str) -> String {
    ACTIONS
        .iter()
        .find(|(a, _)| *a == action)
        .map_or_else(|| action.to_string(), |(_, id)| i18n.t(id))
}

/// A result's name in the interface language, or the server's word for an unknown one.
pub fn result_name(i18n: &I18n, result: &str) -> String {
    RESULTS
        .iter()
        .find(|(r, _)| *r == result)
        .map_or_else(|| result.to_string(), |(_, id)| i18n.t(id))
}

/// A detail the server wrote in a known shape, as a sentence in the interface language;
/// `None` for any other (it shows as the server wrote it).
pub fn readable_detail(i18n: &I18n, action: &str, detail: &str) -> Option<String> {
    if let Some((_, id)) = PHRASES.iter().find(|(p, _)| *p == detail) {
        return Some(i18n.t(id));
    }
    let count = |s: &str| s.parse::<u64>().ok();
    match action {
        // "3 edit(s) from client web-0f9d… up to mutation 13: sweepitem:x decision, … and 2 more"
        "sync.push" => {
            let (n, rest) = detail.split_once(" edit(s) from client ")?;
            let (_client, rest) = rest.split_once(" up to mutation ")?;
            let (_mutation, fields) = rest.split_once(": ")?;
            let n = count(n)?;
            Some(
                match fields
                    .rsplit_once(" and ")
                    .and_then(|(f, m)| Some((f, count(m.strip_suffix(" more")?)?)))
                {
                    Some((fields, more)) => {
                        tr!(i18n, "audit-detail-edits-more", count = n, fields = fields, more = more)
                    }
                    None => tr!(i18n, "audit-detail-edits", count = n, fields = fields),
                },
            )
        }
        // "2 version(s) added, 5 unchanged" / "3 problem(s); nothing imported"
        "library.import" => {
            if let Some(n) = detail.strip_suffix(" problem(s); nothing imported") {
                return Some(tr!(i18n, "audit-detail-import-failed", count = count(n)?));
            }
            let (added, unchanged) = detail.split_once(" version(s) added, ")?;
            let unchanged = unchanged.strip_suffix(" unchanged")?;
            Some(tr!(
                i18n,
                "audit-detail-import",
                added = count(added)?,
                unchanged = count(unchanged)?
            ))
        }
        // "nadia@… as trainer"
        "user.create" => {
            let (email, role) = detail.rsplit_once(" as ")?;
            let role = role_label(i18n, Role::parse(role)?);
            Some(tr!(i18n, "audit-detail-created", email = email, role = role))
        }
        // "role specialist, switched off, new password"
        "user.change" => {
            let parts = detail
                .split(", ")
                .map(|part| match part {
                    "switched on" => Some(i18n.t("audit-detail-switched-on-now")),
                    "switched off" => Some(i18n.t("audit-detail-switched-off-now")),
                    "new password" => Some(i18n.t("audit-detail-new-password")),
                    _ => {
                        let role = Role::parse(part.strip_prefix("role ")?)?;
                        Some(tr!(i18n, "audit-detail-role", role = role_label(i18n, role)))
                    }
                })
                .collect::<Option<Vec<_>>>()?;
            Some(parts.join(&i18n.t("audit-list-separator")))
        }
        _ => None,
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Filter {
    actor: String,
    action: String,
    object: String,
    result: String,
}

impl Filter {
    /// The query for one page of entries, older than `before` when given.
    fn query(&self, before: Option<i64>) -> String {
        let mut parts = vec![format!("limit={PAGE}")];
        if let Some(before) = before {
            parts.push(format!("before={before}"));
        }
        for (key, value) in [
            ("actor", &self.actor),
            ("action", &self.action),
            ("object", &self.object),
            ("result", &self.result),
        ] {
            if !value.trim().is_empty() {
                parts.push(format!("{key}={}", js_sys::encode_uri_component(value.trim())));
            }
        }
        parts.join("&")
    }
}

/// Sets one field of the filter to an input's or a menu's new value.
fn on_change(filter: &UseStateHandle<Filter>, set: fn(&mut Filter, String)) -> Callback<Event> {
    let filter = filter.clone();
    Callback::from(move |e: Event| {
        let value = match e.target_dyn_into::<HtmlSelectElement>() {
            Some(select) => select.value(),
            None => match e.target_dyn_into::<HtmlInputElement>() {
                Some(input) => input.value(),
                None => return,
            },
        };
        let mut next = (*filter).clone();
        set(&mut next, value);
        filter.set(next);
    })
}

/// A server time (`2026-11-29T07:37:34.587Z`) in milliseconds since the epoch.
fn parse_time(time: &str) -> Option<f64> {
    Some(js_sys::Date::parse(time)).filter(|ms| ms.is_finite())
}

/// The time cell: the time in the person's zone; UTC (and the device's clock, for edits) on
/// hover.
fn time_cell(i18n: &I18n, entry: &AuditEntry) -> Html {
    let Some(ms) = parse_time(&entry.server_time) else {
        return html! { <time datetime={entry.server_time.clone()}>{ &entry.server_time }</time> };
    };
    let mut title = i18n.date_time_utc(ms);
    if let Some(client) = &entry.client_time {
        let device = client
            .parse::<f64>()
            .map_or_else(|_| client.clone(), |ms| i18n.date_time_utc(ms));
        title = format!("{title}\n{}", tr!(i18n, "audit-client-time", time = device));
    }
    html! { <time datetime={entry.server_time.clone()} {title}>{ i18n.date_time(ms) }</time> }
}

/// The entries loaded so far (newest first) and whether older ones remain.
#[derive(Debug, Clone, PartialEq)]
struct Loaded {
    entries: Vec<AuditEntry>,
    more: bool,
}

#[component]
pub fn AuditPage() -> Html {
    let handle = use_session();
    let i18n = use_i18n();
    let filter = use_state(Filter::default);
    let loaded = use_state(|| None::<Result<Loaded, ApiFailure>>);
    let loading_older = use_state(|| false);
    // Bumped for every new filter: an answer to an older request arriving late is dropped
    // instead of replacing the newer list.
    let generation = use_mut_ref(|| 0u64);
    let is_admin = matches!(&handle.session, Session::SignedIn(u) if u.role == Role::Admin);
    {
        let (loaded, generation) = (loaded.clone(), generation.clone());
        use_effect_with(((*filter).clone(), is_admin), move |(filter, is_admin)| {
            *generation.borrow_mut() += 1;
            let asked = *generation.borrow();
            if *is_admin {
                let path = format!("/api/audit?{}", filter.query(None));
                wasm_bindgen_futures::spawn_local(async move {
                    let answer = get_json::<Vec<AuditEntry>>(&path).await;
                    if *generation.borrow() == asked {
                        loaded.set(Some(answer.map(|entries| Loaded {
                            more: entries.len() == PAGE,
                            entries,
                        })));
                    }
                });
            }
        });
    }
    if !is_admin {
        return admin_only(&i18n.t("audit-title"), &i18n.t("audit-only-admins"), &handle.session);
    }
    let text_filter = |id: &'static str, label: String, value: String, set: fn(&mut Filter, String)| {
        let onchange = on_change(&filter, set);
        html! {
            <span class="filter">
                <label for={id}>{ label }</label>{ " " }<input {id} type="search" dir="auto" {value} {onchange} />
            </span>
        }
    };
    // A choice among named values ("" for any), as the filter's `set` field.
    let choice =
        |id: &'static str, label: String, options: &[(&str, &str)], value: &str, set: fn(&mut Filter, String)| {
            let onchange = on_change(&filter, set);
            html! {
                <span class="filter">
                    <label for={id}>{ label }</label>{ " " }
                    <select {id} {onchange}>
                        <option value="" selected={value.is_empty()}>{ i18n.t("audit-any") }</option>
                        { for options.iter().map(|(v, name)| html! {
                            <option value={v.to_string()} selected={value == *v}>{ i18n.t(name) }</option>
                        }) }
                    </select>
                </span>
            }
        };
    let show_older = {
        let (loaded, filter, loading_older, generation) = (
            loaded.clone(),
            filter.clone(),
            loading_older.clone(),
            generation.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(Ok(current)) = (*loaded).clone() else {
                return;
            };
            let Some(oldest) = current.entries.last().map(|e| e.id) else {
                return;
            };
            let path = format!("/api/audit?{}", filter.query(Some(oldest)));
            let (loaded, loading_older, generation) = (loaded.clone(), loading_older.clone(), generation.clone());
            let asked = *generation.borrow();
            loading_older.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let answer = get_json::<Vec<AuditEntry>>(&path).await;
                loading_older.set(false);
                if *generation.borrow() != asked {
                    return;
                }
                match answer {
                    Ok(older) => {
                        let more = older.len() == PAGE;
                        let mut entries = current.entries;
                        entries.extend(older);
                        loaded.set(Some(Ok(Loaded { entries, more })));
                    }
                    Err(failure) => loaded.set(Some(Err(failure))),
                }
            });
        })
    };
    html! {
        <article class="page audit-page">
            <h1 id="audit-title">{ i18n.t("audit-title") }</h1>
            <div class="filter-bar">
                { text_filter("audit-actor", i18n.t("audit-person"), filter.actor.clone(), |f, v| f.actor = v) }
                { choice("audit-action", i18n.t("audit-action"), &ACTIONS, &filter.action, |f, v| f.action = v) }
                { text_filter("audit-object", i18n.t("audit-object"), filter.object.clone(), |f, v| f.object = v) }
                { choice("audit-result", i18n.t("audit-result"), &RESULTS, &filter.result, |f, v| f.result = v) }
            </div>
            { match &*loaded {
                None => html! { <p class="muted" aria-busy="true">{ i18n.t("audit-loading") }</p> },
                Some(Err(failure)) => html! { <p class="error" role="alert">{ failure.message() }</p> },
                Some(Ok(page)) if page.entries.is_empty() => html! { <p class="empty">{ i18n.t("audit-none") }</p> },
                Some(Ok(page)) => html! {
                    <>
                    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="audit-title">
                    <table class="audit">
                        <thead><tr>
                            <th scope="col">{ i18n.t("audit-time") }</th><th scope="col">{ i18n.t("audit-person") }</th>
                            <th scope="col">{ i18n.t("audit-action") }</th><th scope="col">{ i18n.t("audit-object") }</th>
                            <th scope="col">{ i18n.t("audit-result") }</th><th scope="col">{ i18n.t("audit-detail") }</th>
                            <th scope="col">{ i18n.t("audit-request") }</th>
                        </tr></thead>
                        <tbody>
                            { for page.entries.iter().map(|e| {
                                let detail = e.detail.as_deref().unwrap_or_default();
                                let readable = readable_detail(&i18n, &e.action, detail);
                                html! {
                                    <tr class={classes!("audit-row", e.result.clone())} data-id={e.id.to_string()}
                                        data-action={e.action.clone()}>
                                        <td class="audit-time">{ time_cell(&i18n, e) }</td>
                                        <td>
                                            if let Some(actor) = &e.actor {
                                                <bdi>{ actor }</bdi>
                                            } else {
                                                <span class="muted">{ i18n.t("audit-anonymous") }</span>
                                            }
                                        </td>
                                        <td class="audit-action" title={e.action.clone()}>{ action_name(&i18n, &e.action) }</td>
                                        <td class="audit-object"><bdi>{ e.object.clone().unwrap_or_default() }</bdi></td>
                                        <td class="audit-result">{ result_name(&i18n, &e.result) }</td>
                                        <td class="audit-detail" title={readable.is_some().then(|| detail.to_string())}>
                                            <bdi>{ readable.unwrap_or_else(|| detail.to_string()) }</bdi>
                                        </td>
                                        <td><code title={e.request_id.clone()}>{ &e.request_id[..8.min(e.request_id.len())] }</code></td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                    </div>
                    <p class="muted audit-count">
                        { tr!(i18n, "audit-count", count = page.entries.len()) }
                        if page.more {
                            { " " }
                            <button type="button" class="quiet" onclick={show_older} disabled={*loading_older}>
                                { i18n.t(if *loading_older { msg("audit-loading") } else { msg("audit-show-older") }) }
                            </button>
                        }
                    </p>
                    </>
                },
            } }
        </article>
    }
}
