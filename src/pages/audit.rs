//! The audit log, for administrators: every state change, sign-in and refused request.

use casebook_core::wire::{AuditEntry, Role};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::api::{ApiFailure, get_json};
use crate::session::{Session, use_session};

#[derive(Debug, Clone, Default, PartialEq)]
struct Filter {
    actor: String,
    action: String,
    result: String,
}

impl Filter {
    fn query(&self) -> String {
        let mut parts = vec!["limit=200".to_string()];
        for (key, value) in [
            ("actor", &self.actor),
            ("action", &self.action),
            ("result", &self.result),
        ] {
            if !value.trim().is_empty() {
                parts.push(format!("{key}={}", js_sys::encode_uri_component(value.trim())));
            }
        }
        parts.join("&")
    }
}

#[component]
pub fn AuditPage() -> Html {
    let handle = use_session();
    let filter = use_state(Filter::default);
    let entries = use_state(|| None::<Result<Vec<AuditEntry>, ApiFailure>>);
    let is_admin = matches!(&handle.session, Session::SignedIn(u) if u.role == Role::Admin);
    {
        let entries = entries.clone();
        use_effect_with(((*filter).clone(), is_admin), move |(filter, is_admin)| {
            if *is_admin {
                let path = format!("/api/audit?{}", filter.query());
                wasm_bindgen_futures::spawn_local(async move {
                    entries.set(Some(get_json::<Vec<AuditEntry>>(&path).await));
                });
            }
        });
    }
    if !is_admin {
        return html! {
            <article class="page">
                <h1>{ "Audit log" }</h1>
                if matches!(handle.session, Session::Checking) {
                    <p class="muted" aria-busy="true">{ "Loading…" }</p>
                } else {
                    <p role="alert">{ "Only administrators can read the audit log." }</p>
                }
            </article>
        };
    }
    let text_filter = |id: &'static str, label: &'static str, value: String, set: fn(&mut Filter, String)| {
        let filter = filter.clone();
        let onchange = Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let mut next = (*filter).clone();
                set(&mut next, input.value());
                filter.set(next);
            }
        });
        html! { <span class="filter"><label for={id}>{ label }</label><input {id} type="search" {value} {onchange} /></span> }
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
    html! {
        <article class="page audit-page">
            <h1>{ "Audit log" }</h1>
            <div class="filter-bar">
                { text_filter("audit-actor", "Person ", filter.actor.clone(), |f, v| f.actor = v) }
                { text_filter("audit-action", "Action ", filter.action.clone(), |f, v| f.action = v) }
                <span class="filter">
                    <label for="audit-result">{ "Result " }</label>
                    <select id="audit-result" onchange={onresult}>
                        { for ["", "ok", "failed", "denied"].iter().map(|r| html! {
                            <option value={*r} selected={filter.result == *r}>{ if r.is_empty() { "any" } else { r } }</option>
                        }) }
                    </select>
                </span>
            </div>
            { match &*entries {
                None => html! { <p class="muted" aria-busy="true">{ "Loading…" }</p> },
                Some(Err(failure)) => html! { <p class="error" role="alert">{ failure.message() }</p> },
                Some(Ok(list)) if list.is_empty() => html! { <p class="empty">{ "No entries match." }</p> },
                Some(Ok(list)) => html! {
                    <table class="audit">
                        <thead><tr>
                            <th scope="col">{ "Server time" }</th><th scope="col">{ "Person" }</th><th scope="col">{ "Action" }</th>
                            <th scope="col">{ "Object" }</th><th scope="col">{ "Result" }</th><th scope="col">{ "Detail" }</th><th scope="col">{ "Request" }</th>
                        </tr></thead>
                        <tbody>
                            { for list.iter().map(|e| html! {
                                <tr class={classes!("audit-row", e.result.clone())}>
                                    <td>{ &e.server_time }</td>
                                    <td>{ e.actor.clone().unwrap_or_else(|| "—".into()) }</td>
                                    <td>{ &e.action }</td>
                                    <td>{ e.object.clone().unwrap_or_default() }</td>
                                    <td>{ &e.result }</td>
                                    <td>{ e.detail.clone().unwrap_or_default() }</td>
                                    <td><code>{ &e.request_id[..8.min(e.request_id.len())] }</code></td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                },
            } }
        </article>
    }
}
