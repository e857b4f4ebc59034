//! The frame around every page: skip link, header with navigation and connection state.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::connection_badge::ConnectionBadge;
use crate::components::page_focus::PageFocus;
use crate::components::palette::CommandPalette;
use crate::components::sign_in_link::SignInLink;
use crate::components::sync_status::SyncStatus;
use crate::connection::{Connection, use_connection};
use crate::i18n::{Lang, msg, use_i18n};
use crate::library::{Freshness, LibraryState, use_library};
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
    let i18n = use_i18n();
    let route = use_route::<Route>();
    let section = |r: &Option<Route>| match r {
        Some(Route::Search | Route::Policy { .. } | Route::PolicyVersion { .. } | Route::PolicyDiff { .. }) => {
            "policies"
        }
        Some(Route::Sweeps | Route::SweepRun { .. }) => "sweeps",
        Some(
            Route::Templates
            | Route::Compose { .. }
            | Route::TemplateNew
            | Route::TemplateImport
            | Route::TemplateEdit { .. }
            | Route::TemplateVersions { .. },
        ) => "templates",
        Some(Route::Reading | Route::ReadingList { .. }) => "reading",
        Some(Route::Settings) => "settings",
        Some(Route::Audit) => "audit",
        Some(Route::People) => "people",
        Some(Route::LibraryImport) => "import",
        _ => "",
    };
    let current = section(&route);
    let handle = use_session();
    let is_admin = matches!(&handle.session, Session::SignedIn(u) if u.role == casebook_core::wire::Role::Admin);
    let policy_team = matches!(&handle.session, Session::SignedIn(u) if is_policy_team(u));
    let nav_item = |to: Route, key: &'static str, id: &'static str| {
        let label = i18n.t(id);
        html! { <li><NavLink {to} current={current == key} {label} /></li> }
    };
    html! {
        <>
            <a class="skip-link" href="#main">{ i18n.t("skip-to-content") }</a>
            <header class="app-header">
                <Link<Route> to={Route::Search} classes={classes!("brand")}>{ i18n.t("app-name") }</Link<Route>>
                <nav aria-label={i18n.t("nav-main")}>
                    <ul class="nav">
                        { nav_item(Route::Search, "policies", msg("nav-policies")) }
                        { nav_item(Route::Sweeps, "sweeps", msg("nav-sweeps")) }
                        { nav_item(Route::Templates, "templates", msg("nav-templates")) }
                        { nav_item(Route::Reading, "reading", msg("nav-reading")) }
                        { nav_item(Route::Settings, "settings", msg("nav-settings")) }
                        if policy_team {
                            { nav_item(Route::LibraryImport, "import", msg("nav-import")) }
                        }
                        if is_admin {
                            { nav_item(Route::People, "people", msg("nav-people")) }
                            { nav_item(Route::Audit, "audit", msg("nav-audit")) }
                        }
                    </ul>
                </nav>
                <ConnectionBadge state={connection} />
                <SyncStatus />
                <LanguagePicker />
                <Account />
            </header>
            <LibraryNotice />
            <crate::components::library_update::LibraryUpdateNotice />
            <main id="main" tabindex="-1">{ props.children.clone() }</main>
            <CommandPalette />
            <PageFocus />
        </>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct NavLinkProps {
    to: Route,
    current: bool,
    label: String,
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
            { &props.label }
        </a>
    }
}

/// Says so when the library on screen is the copy saved on this device, and how old it is.
#[component]
fn LibraryNotice() -> Html {
    let library = use_library();
    let connection = use_connection();
    let i18n = use_i18n();
    let LibraryState::Ready(loaded) = library else {
        return html! {};
    };
    let Freshness::Saved { at_ms } = loaded.freshness else {
        return html! {};
    };
    let when = i18n.relative(at_ms, js_sys::Date::now());
    let message = match connection {
        Connection::Offline => crate::tr!(i18n, "library-saved-offline", when = when),
        Connection::ServerUnreachable => crate::tr!(i18n, "library-saved-unreachable", when = when),
        _ => crate::tr!(i18n, "library-saved-checking", when = when),
    };
    html! { <p class="library-notice" role="status" data-freshness="saved">{ message }</p> }
}

/// The signed-in person and a way to sign out, or a link to sign in.
#[component]
fn Account() -> Html {
    let handle = use_session();
    let navigator = use_navigator();
    let sync = use_sync();
    let i18n = use_i18n();
    let failed = use_state(|| None::<String>);
    match &handle.session {
        Session::SignedIn(user) => {
            let onclick = {
                let (set, failed, navigator, sync) =
                    (handle.set.clone(), failed.clone(), navigator.clone(), sync.clone());
                Callback::from(move |_| {
                    sign_out_flow(set.clone(), navigator.clone(), sync.clone(), Some(failed.clone()))
                })
            };
            html! {
                <span class="account">
                    <span class="account-name" title={user.email.clone()}>{ format!("{} · {}", user.name, title(&i18n, user)) }</span>
                    <button type="button" class="link-button" {onclick}>{ i18n.t("sign-out") }</button>
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
                        { crate::tr!(i18n, "working-offline", name = sync.state.user.name.as_str()) }
                    </span>
                </span>
            },
            None => html! {},
        },
    }
}

/// Whether the person may import the policy library: the platform's specialists and admins
/// (the server's rule; this only decides what the header offers).
pub fn is_policy_team(user: &casebook_core::wire::User) -> bool {
    use casebook_core::wire::{OrgKind, Role};
    user.org_kind == OrgKind::Platform && matches!(user.role, Role::Specialist | Role::Admin)
}

/// A person's role as their team names it, in the interface language: "Vendor agent".
pub fn title(i18n: &crate::i18n::I18n, user: &casebook_core::wire::User) -> String {
    use casebook_core::wire::{OrgKind, Role};
    let role = i18n.t(match user.role {
        Role::Agent => msg("role-agent"),
        Role::Specialist => msg("role-specialist"),
        Role::Trainer => msg("role-trainer"),
        Role::Admin => msg("role-admin"),
    });
    match user.org_kind {
        OrgKind::Platform => crate::tr!(i18n, "title-platform", role = role),
        OrgKind::Vendor => crate::tr!(i18n, "title-vendor", role = role),
    }
}

/// The header's language picker: each language in its own name, remembered on this device
/// and, signed in, for the person, so it follows them to another device. Whichever control
/// chooses the language (this picker, Settings, the command palette), it reaches the server
/// from here.
#[component]
fn LanguagePicker() -> Html {
    let i18n = use_i18n();
    let handle = use_session();
    let person = match &handle.session {
        Session::SignedIn(user) => Some((user.id.clone(), user.ui_lang.as_deref().and_then(Lang::from_tag))),
        _ => None,
    };
    // The person's language as the server has it, and one being applied from it.
    let on_server = use_mut_ref(|| None::<Lang>);
    let applying = use_mut_ref(|| None::<Lang>);
    {
        // Signing in (or the session loading) brings the person's own choice.
        let (i18n, on_server, applying) = (i18n.clone(), on_server.clone(), applying.clone());
        use_effect_with(person.clone(), move |person| {
            if let Some((_, chosen)) = person {
                *on_server.borrow_mut() = *chosen;
                if let Some(lang) = *chosen
                    && lang != i18n.lang()
                {
                    *applying.borrow_mut() = Some(lang);
                    i18n.choose(lang);
                }
            }
        });
    }
    {
        // A language chosen while signed in becomes the person's (signing in with the device's
        // language is not a choice, and is not sent).
        let signed_in = person.is_some();
        let before = use_mut_ref(|| None::<(Lang, bool)>);
        use_effect_with((i18n.lang(), signed_in), move |(lang, signed_in)| {
            let previous = before.borrow_mut().replace((*lang, *signed_in));
            let pending = *applying.borrow();
            if let Some(pending) = pending {
                if pending == *lang {
                    *applying.borrow_mut() = None;
                }
                return;
            }
            let chosen_now = matches!(previous, Some((was, true)) if was != *lang);
            if *signed_in && chosen_now && *on_server.borrow() != Some(*lang) {
                *on_server.borrow_mut() = Some(*lang);
                let choice = casebook_core::wire::LanguageChoice {
                    lang: lang.code().to_owned(),
                };
                // Offline, the device remembers it; the person's copy follows the next choice.
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = crate::api::put_no_content("/api/session/language", &choice).await;
                });
            }
        });
    }
    let onchange = {
        let i18n = i18n.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(lang) = Lang::from_tag(&select.value()) {
                i18n.choose(lang);
            }
        })
    };
    html! {
        <select class="language-picker" aria-label={i18n.t("language-picker")} {onchange}>
            { for Lang::ALL.into_iter().map(|lang| html! {
                <option value={lang.code()} lang={lang.code()} selected={lang == i18n.lang()}>{ lang.native_name() }</option>
            }) }
        </select>
    }
}

/// Signing out: asks first when edits have not reached the server (signing out deletes them
/// from this device), stops syncing, ends the session and goes to the sign-in page. A failure
/// keeps the person signed in and syncing, and is shown in `failed` when given.
pub fn sign_out_flow(
    set: Callback<Session>,
    navigator: Option<Navigator>,
    sync: Option<crate::sync::SyncHandle>,
    failed: Option<UseStateHandle<Option<String>>>,
) {
    let waiting = sync.as_ref().map_or(0, |s| s.state.unsent_things());
    if waiting > 0 {
        let question = crate::tr!(crate::i18n::current(), "sign-out-unsent", count = waiting);
        if !gloo::utils::window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
    }
    if let Some(sync) = &sync {
        sync.stop();
    }
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
                if let Some(failed) = failed {
                    failed.set(Some(e.message()));
                }
            }
        }
    });
}
