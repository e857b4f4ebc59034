//! The audit log, for administrators: every state change, sign-in and refused request.

use casebook_core::wire::{AuditEntry, Role};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::api::{ApiFailure, get_json};
use crate::session::{Session, admin_only, use_session};

/// Entries per request; "Show older entries" asks for the next page.
const PAGE: usize = 100;

/// The actions the server records, offered as suggestions in the action filter.
const ACTIONS: [&str; 8] = [
    "session.sign_in",
    "session.sign_out",
    "sync.push",
    "user.create",
    "user.change",
    "user.password",
    "library.import",
    "request.denied",
];

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

/// `2026-11-29T07:37:34.587Z` as `2026-11-29 07:37:34 UTC`.
fn readable(time: &str) -> String {
    match (time.get(..10), time.get(11..19)) {
        (Some(day), Some(clock)) if time.ends_with('Z') => format!("{day} {clock} UTC"),
        _ => time.to_string(),
    }
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
        return admin_only(
            "Audit log",
            "Only administrators can read the audit log.",
            &handle.session,
        );
    }
    let text_filter = |id: &'static str, label: &'static str, value: String, set: fn(&mut Filter, String)| {
        let list = (id == "audit-action").then_some("audit-actions");
        let filter = filter.clone();
        let onchange = Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let mut next = (*filter).clone();
                set(&mut next, input.value());
                filter.set(next);
            }
        });
        html! { <span class="filter"><label for={id}>{ label }</label><input {id} type="search" {list} {value} {onchange} /></span> }
    };
    let onresult = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                filter.set(Filter {
                    result: select.value(),
                    ..(*filter).clone()
                });
            }
        })
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
            <h1>{ "Audit log" }</h1>
            <div class="filter-bar">
                { text_filter("audit-actor", "Person ", filter.actor.clone(), |f, v| f.actor = v) }
                { text_filter("audit-action", "Action ", filter.action.clone(), |f, v| f.action = v) }
                { text_filter("audit-object", "Object ", filter.object.clone(), |f, v| f.object = v) }
                <span class="filter">
                    <label for="audit-result">{ "Result " }</label>
                    <select id="audit-result" onchange={onresult}>
                        { for ["", "ok", "failed", "denied"].iter().map(|r| html! {
                            <option value={*r} selected={filter.result == *r}>{ if r.is_empty() { "any" } else { r } }</option>
                        }) }
                    </select>
                </span>
            </div>
            <datalist id="audit-actions">
                { for ACTIONS.iter().map(|a| html! { <option value={*a} /> }) }
            </datalist>
            { match &*loaded {
                None => html! { <p class="muted" aria-busy="true">{ "Loading…" }</p> },
                Some(Err(failure)) => html! { <p class="error" role="alert">{ failure.message() }</p> },
                Some(Ok(page)) if page.entries.is_empty() => html! { <p class="empty">{ "No entries match." }</p> },
                Some(Ok(page)) => html! {
                    <>
                    <table class="audit">
                        <thead><tr>
                            <th scope="col">{ "Server time" }</th><th scope="col">{ "Person" }</th><th scope="col">{ "Action" }</th>
                            <th scope="col">{ "Object" }</th><th scope="col">{ "Result" }</th><th scope="col">{ "Detail" }</th><th scope="col">{ "Request" }</th>
                        </tr></thead>
                        <tbody>
                            { for page.entries.iter().map(|e| html! {
                                <tr class={classes!("audit-row", e.result.clone())} data-id={e.id.to_string()}>
                                    <td title={e.client_time.as_ref().map(|t| format!("Client time: {t}"))}>
                                        <time datetime={e.server_time.clone()}>{ readable(&e.server_time) }</time>
                                    </td>
                                    <td>{ e.actor.clone().unwrap_or_else(|| "—".into()) }</td>
                                    <td>{ &e.action }</td>
                                    <td class="audit-object">{ e.object.clone().unwrap_or_default() }</td>
                                    <td>{ &e.result }</td>
                                    <td>{ e.detail.clone().unwrap_or_default() }</td>
                                    <td><code title={e.request_id.clone()}>{ &e.request_id[..8.min(e.request_id.len())] }</code></td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    <p class="muted audit-count">
                        { match page.entries.len() {
                            1 => "1 entry shown.".to_string(),
                            n => format!("{n} entries shown, newest first."),
                        } }
                        if page.more {
                            { " " }
                            <button type="button" class="quiet" onclick={show_older} disabled={*loading_older}>
                                { if *loading_older { "Loading…" } else { "Show older entries" } }
                            </button>
                        }
                    </p>
                    </>
                },
            } }
        </article>
    }
}
