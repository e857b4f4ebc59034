//! The frame around every page: skip link, header with navigation and connection state.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::connection_badge::ConnectionBadge;
use crate::components::sign_in_link::SignInLink;
use crate::components::sync_status::SyncStatus;
use crate::connection::{Connection, use_connection};
use crate::library::{Freshness, LibraryState, age, use_library};
use crate::route::Route;
use crate::session::{Session, sign_out, use_session};
use crate::sync::use_sync;

#[derive(Debug, Properties, PartialEq)]
pub struct ShellProps {
    pub children: Children,
}

#[component]
pub fn Shell(props: &ShellProps) -> Html {
    let connection = use_connection();
    let route = use_route::<Route>();
    let section = |r: &Option<Route>| match r {
        Some(Route::Search | Route::Policy { .. } | Route::PolicyVersion { .. } | Route::PolicyDiff { .. }) => {
            "policies"
        }
        Some(Route::Sweeps | Route::SweepRun { .. }) => "sweeps",
        Some(Route::Templates | Route::Compose { .. }) => "templates",
        Some(Route::Settings) => "settings",
        Some(Route::Audit) => "audit",
        Some(Route::People) => "people",
        _ => "",
    };
    let current = section(&route);
    let handle = use_session();
    let is_admin = matches!(&handle.session, Session::SignedIn(u) if u.role == casebook_core::wire::Role::Admin);
    let nav_item = |to: Route, key: &'static str, label: &'static str| {
        html! { <li><NavLink {to} current={current == key} {label} /></li> }
    };
    html! {
        <>
            <a class="skip-link" href="#main">{ "Skip to content" }</a>
            <header class="app-header">
                <Link<Route> to={Route::Search} classes={classes!("brand")}>{ "Casebook" }</Link<Route>>
                <nav aria-label="Main">
                    <ul class="nav">
                        { nav_item(Route::Search, "policies", "Policies") }
                        { nav_item(Route::Sweeps, "sweeps", "Sweeps") }
                        { nav_item(Route::Templates, "templates", "Templates") }
                        { nav_item(Route::Settings, "settings", "Settings") }
                        if is_admin {
                            { nav_item(Route::People, "people", "People") }
                            { nav_item(Route::Audit, "audit", "Audit log") }
                        }
                    </ul>
                </nav>
                <ConnectionBadge state={connection} />
                <SyncStatus />
                <Account />
            </header>
            <LibraryNotice />
            <main id="main" tabindex="-1">{ props.children.clone() }</main>
        </>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct NavLinkProps {
    to: Route,
    current: bool,
    label: &'static str,
}

/// A navigation link that marks the current section for assistive technology too.
#[component]
fn NavLink(props: &NavLinkProps) -> Html {
    let navigator = use_navigator();
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |event: MouseEvent| {
            let plain_click = !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
            if let (true, Some(navigator)) = (plain_click, &navigator) {
                event.prevent_default();
                navigator.push(&to);
            }
        })
    };
    html! {
        <a class="nav-link" href={props.to.to_path()} aria-current={props.current.then_some("page")} {onclick}>
            { props.label }
        </a>
    }
}

/// Says so when the library on screen is the copy saved on this device, and how old it is.
#[component]
fn LibraryNotice() -> Html {
    let library = use_library();
    let connection = use_connection();
    let LibraryState::Ready(loaded) = library else {
        return html! {};
    };
    let Freshness::Saved { at_ms } = loaded.freshness else {
        return html! {};
    };
    let when = age(at_ms, js_sys::Date::now());
    let message = match connection {
        Connection::Offline => {
            format!("You are offline. Showing the policy library saved on this device {when}.")
        }
        Connection::ServerUnreachable => {
            format!("The server is unreachable. Showing the policy library saved on this device {when}.")
        }
        _ => {
            format!("Showing the policy library saved on this device {when}; checking for updates…")
        }
    };
    html! { <p class="library-notice" role="status" data-freshness="saved">{ message }</p> }
}

/// The signed-in person and a way to sign out, or a link to sign in.
#[component]
fn Account() -> Html {
    let handle = use_session();
    let navigator = use_navigator();
    let sync = use_sync();
    let failed = use_state(|| None::<String>);
    match &handle.session {
        Session::SignedIn(user) => {
            let onclick = {
                let (set, failed, navigator) = (handle.set.clone(), failed.clone(), navigator.clone());
                let sync = sync.clone();
                Callback::from(move |_| {
                    let waiting = sync.as_ref().map_or(0, |s| s.state.waiting);
                    if waiting > 0 {
                        let question = format!(
                            "{waiting} edit(s) have not reached the server yet. Signing out deletes them from this device. Sign out anyway?"
                        );
                        if !gloo::utils::window().confirm_with_message(&question).unwrap_or(false) {
                            return;
                        }
                    }
                    if let Some(sync) = &sync {
                        sync.stop();
                    }
                    let (set, failed, navigator, sync) = (set.clone(), failed.clone(), navigator.clone(), sync.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        match sign_out().await {
                            Ok(()) => {
                                set.emit(Session::SignedOut);
                                if let Some(navigator) = navigator {
                                    navigator.push(&Route::SignIn);
                                }
                            }
                            Err(e) => {
                                // Still signed in: keep syncing.
                                if let Some(sync) = &sync {
                                    sync.resume();
                                }
                                failed.set(Some(e.message()));
                            }
                        }
                    });
                })
            };
            html! {
                <span class="account">
                    <span class="account-name" title={user.email.clone()}>{ format!("{} · {}", user.name, user.title()) }</span>
                    <button type="button" class="link-button" {onclick}>{ "Sign out" }</button>
                    if let Some(message) = &*failed {
                        <span class="error" role="alert">{ message }</span>
                    }
                </span>
            }
        }
        Session::SignedOut => {
            html! { <SignInLink class={classes!("account")} /> }
        }
        // The server cannot say who is signed in; work goes on as the person whose edits are here.
        Session::Checking | Session::Unknown => match &sync {
            Some(sync) => html! {
                <span class="account">
                    <span class="account-name" title={sync.state.user.email.clone()}>
                        { format!("{} · working offline", sync.state.user.name) }
                    </span>
                </span>
            },
            None => html! {},
        },
    }
}
