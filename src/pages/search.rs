//! The start page: find a policy. Lists the library and narrows it as the agent types.

use casebook_core::wire::PolicySummary;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{ApiFailure, get_json};
use crate::route::Route;

#[component]
pub fn SearchPage() -> Html {
    let policies = use_state(|| None::<Result<Vec<PolicySummary>, ApiFailure>>);
    let query = use_state(String::new);
    let input = use_node_ref();

    {
        let policies = policies.clone();
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                policies.set(Some(get_json::<Vec<PolicySummary>>("/api/policies").await));
            });
        });
    }

    // `/` anywhere on the page focuses the search box, as in most tools agents know.
    {
        let input = input.clone();
        use_effect_with((), move |()| {
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let typing = gloo::utils::document().active_element().is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                });
                if event.key() == "/"
                    && !typing
                    && let Some(input) = input.cast::<HtmlInputElement>()
                {
                    event.prevent_default();
                    let _ = input.focus();
                }
            });
            move || drop(listener)
        });
    }

    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                query.set(input.value());
            }
        })
    };

    let body = match &*policies {
        None => html! { <p class="muted" aria-busy="true">{ "Loading the policy library…" }</p> },
        Some(Err(failure)) => html! { <p class="error" role="alert">{ failure.message() }</p> },
        Some(Ok(list)) => {
            let needle = query.trim().to_lowercase();
            let shown: Vec<&PolicySummary> = list
                .iter()
                .filter(|p| {
                    needle.is_empty()
                        || p.title.to_lowercase().contains(&needle)
                        || p.summary.to_lowercase().contains(&needle)
                        || p.area.label().to_lowercase().contains(&needle)
                })
                .collect();
            if shown.is_empty() {
                html! { <p class="empty">{ format!("No policy matches “{}”. Try fewer words.", query.trim()) }</p> }
            } else {
                html! {
                    <ul class="policy-list" aria-label="Policies">
                        { for shown.into_iter().map(policy_row) }
                    </ul>
                }
            }
        }
    };

    html! {
        <div class="page search-page">
            <h1 class="visually-hidden">{ "Policy search" }</h1>
            <div class="search-box">
                <label for="search-input" class="visually-hidden">{ "Search policies" }</label>
                <input id="search-input" ref={input} type="search" autocomplete="off" spellcheck="false"
                    placeholder="Search policies — press / to focus" value={(*query).clone()} {oninput} />
            </div>
            { body }
        </div>
    }
}

fn policy_row(policy: &PolicySummary) -> Html {
    html! {
        <li class="policy-row">
            <Link<Route> to={Route::Policy { slug: policy.slug.to_string() }} classes={classes!("policy-link")}>
                { &policy.title }
            </Link<Route>>
            <span class="chip">{ policy.area.label() }</span>
            <span class="muted">{ format!("v{} · {} sections", policy.current_version, policy.section_count) }</span>
            <p class="summary">{ &policy.summary }</p>
        </li>
    }
}
