//! The header's sync state: what is waiting on this device, and a panel to see it, retry a
//! refused edit or discard it.

use casebook_core::sync::{Mutation, Op, Overlay};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{I18n, use_i18n};
use crate::sync::{Status, SyncState, use_sync};
use crate::tr;

/// What the header says, and a CSS modifier for it.
pub fn summary(i18n: &I18n, state: &SyncState, now_ms: f64) -> (String, &'static str) {
    let waiting = match state.unsent_things() {
        0 => String::new(),
        n => tr!(i18n, "sync-waiting", count = n),
    };
    let with_waiting = |lead: &str| {
        if waiting.is_empty() {
            lead.to_string()
        } else {
            format!("{lead} · {waiting}")
        }
    };
    if state.failed.is_some() {
        return (i18n.t("sync-refused-short"), "failed");
    }
    match &state.status {
        Status::Starting => (i18n.t("sync-loading"), "syncing"),
        Status::Syncing { cursor, head } if *head > 0 => (
            tr!(i18n, "sync-catching-up", percent = (cursor * 100 / head).min(100)),
            "syncing",
        ),
        Status::Syncing { .. } => (with_waiting(&i18n.t("sync-syncing")), "syncing"),
        Status::Offline if waiting.is_empty() => (i18n.t("sync-not-connected"), "offline"),
        Status::Offline => (tr!(i18n, "sync-saved-here", waiting = waiting.as_str()), "offline"),
        Status::SignedOut => (with_waiting(&i18n.t("sync-signed-out")), "failed"),
        Status::Error(_) => (with_waiting(&i18n.t("sync-problem")), "failed"),
        Status::Idle if !waiting.is_empty() => (waiting, "syncing"),
        Status::Idle => (
            match state.last_synced_ms {
                Some(at) => tr!(i18n, "sync-synced-ago", when = i18n.relative(at, now_ms)),
                None => i18n.t("sync-synced"),
            },
            "synced",
        ),
    }
}

/// An edit in words, as its tool describes it: "Item 6 of Election night · decision: Remove",
/// naming things as the server has them (a pending rename does not describe itself).
fn describe(state: &SyncState, mutation: &Mutation) -> String {
    let Op::SetField {
        object, field, value, ..
    } = &mutation.op;
    casebook_core::tool::describe(&Overlay::new(&state.replica, &[]), object, field, value)
}

#[component]
pub fn SyncStatus() -> Html {
    let (details, summary_ref) = (use_node_ref(), use_node_ref());
    // A click anywhere else closes the panel, as with any pop-up.
    {
        let details = details.clone();
        use_effect_with((), move |()| {
            let listener = gloo::events::EventListener::new(&gloo::utils::document(), "click", move |event| {
                let Some(open) = details.cast::<web_sys::Element>().filter(|d| d.has_attribute("open")) else {
                    return;
                };
                let inside = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .is_some_and(|node| open.contains(Some(&node)));
                if !inside {
                    let _ = open.remove_attribute("open");
                }
            });
            move || drop(listener)
        });
    }
    let i18n = use_i18n();
    let Some(sync) = use_sync() else {
        return html! {};
    };
    let state = &sync.state;
    let (label, class) = summary(&i18n, state, js_sys::Date::now());
    let retry = {
        let sync = sync.clone();
        Callback::from(move |_| sync.retry())
    };
    let failed = state.failed.clone();
    let discard = {
        let sync = sync.clone();
        let id = failed.as_ref().map(|f| f.id);
        Callback::from(move |_| {
            if let Some(id) = id {
                sync.discard(id);
            }
        })
    };
    let failed_edit = failed
        .as_ref()
        .and_then(|f| state.unsent().iter().find(|m| m.id == f.id).map(|m| describe(state, m)));
    // Escape closes the panel and returns focus to its summary, like other disclosure menus.
    // (yew delegates events, so the element comes from a ref, not from the event.)
    let onkeydown = {
        let (details, summary) = (details.clone(), summary_ref.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Escape" {
                return;
            }
            if let Some(details) = details.cast::<web_sys::Element>() {
                let _ = details.remove_attribute("open");
            }
            if let Some(summary) = summary.cast::<web_sys::HtmlElement>() {
                let _ = summary.focus();
            }
        })
    };
    html! {
        <details ref={details} class={classes!("sync", class)} data-sync={class} {onkeydown}>
            <summary ref={summary_ref} aria-live="polite">
                <span class="sync-dot" aria-hidden="true"></span>
                <span class="sync-label">{ label }</span>
            </summary>
            <div class="sync-panel">
                if let Some(failed) = &failed {
                    <div class="sync-failed" role="alert">
                        <p><strong>{ i18n.t("sync-refused") }</strong>{ " " }{ &failed.message }</p>
                        if let Some(edit) = failed_edit {
                            <p class="muted">{ edit }</p>
                        }
                        <p class="muted">{ i18n.t("sync-refused-blocks") }</p>
                        <div class="button-row">
                            <button type="button" class="primary" onclick={retry.clone()}>{ i18n.t("sync-retry") }</button>
                            <button type="button" onclick={discard}>{ i18n.t("sync-discard") }</button>
                        </div>
                    </div>
                }
                if let Status::Error(message) = &state.status {
                    <p class="error">{ message }</p>
                }
                <p>
                    { match state.unsent_things() {
                        0 => i18n.t("sync-all-sent"),
                        n => tr!(i18n, "sync-saved-count", count = n),
                    } }
                </p>
                if state.waiting > 0 {
                    <ol class="sync-pending">
                        { for state.unsent().iter().take(20).map(|m| html! { <li>{ describe(state, m) }</li> }) }
                    </ol>
                }
                <p class="muted">
                    { match state.last_synced_ms {
                        Some(at) => tr!(i18n, "sync-last", when = i18n.relative(at, js_sys::Date::now())),
                        None => i18n.t("sync-never"),
                    } }
                </p>
                <button type="button" onclick={retry}>{ i18n.t("sync-now") }</button>
            </div>
        </details>
    }
}
