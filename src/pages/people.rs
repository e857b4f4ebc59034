//! The people of an administrator's organisation: add someone, change a role, switch an
//! account off or on again, give someone a new password. The server enforces every rule
//! (own organisation only, never yourself, always one active admin); this page only makes
//! them easy to follow.

use std::rc::Rc;

use casebook_core::wire::{MIN_PASSWORD_CHARS, NewUser, Person, PersonChange, Role};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use yew_router::prelude::*;

use crate::api::{self, ApiFailure};
use crate::i18n::{I18n, msg, use_i18n};
use crate::route::Route;
use crate::session::{Session, admin_only, use_session};
use crate::tr;

/// The outcome of the last action, announced to screen readers too.
#[derive(Debug, Clone, PartialEq)]
enum Notice {
    Done(String),
    Failed(String),
}

/// The list as the server last gave it, changed person by person as answers arrive. A
/// reducer, so each answer applies to the list as it is then, not as it was when the
/// request left.
#[derive(Debug, Clone, Default, PartialEq)]
struct People {
    list: Option<Result<Vec<Person>, ApiFailure>>,
}

enum PeopleAction {
    Loaded(Result<Vec<Person>, ApiFailure>),
    /// A new or changed person, kept in email order like the server's list.
    Upsert(Person),
}

impl Reducible for People {
    type Action = PeopleAction;

    fn reduce(self: Rc<Self>, action: PeopleAction) -> Rc<Self> {
        match action {
            PeopleAction::Loaded(list) => Rc::new(People { list: Some(list) }),
            PeopleAction::Upsert(person) => {
                let mut list = match &self.list {
                    Some(Ok(list)) => list.clone(),
                    _ => Vec::new(),
                };
                list.retain(|p| p.id != person.id);
                let at = list.partition_point(|p| p.email < person.email);
                list.insert(at, person);
                Rc::new(People { list: Some(Ok(list)) })
            }
        }
    }
}

#[component]
pub fn PeoplePage() -> Html {
    let handle = use_session();
    let i18n = use_i18n();
    let people = use_reducer(People::default);
    let notice = use_state(|| None::<Notice>);
    let filter = use_state(String::new);
    let me = match &handle.session {
        Session::SignedIn(user) if user.role == Role::Admin => Some(user.clone()),
        _ => None,
    };
    {
        let people = people.dispatcher();
        use_effect_with(me.as_ref().map(|u| u.id.clone()), move |admin| {
            if admin.is_some() {
                wasm_bindgen_futures::spawn_local(async move {
                    people.dispatch(PeopleAction::Loaded(api::get_json::<Vec<Person>>("/api/users").await));
                });
            }
        });
    }
    let Some(me) = me else {
        return admin_only(&i18n.t("people-title"), &i18n.t("people-only-admins"), &handle.session);
    };

    let on_done = {
        let (people, notice) = (people.dispatcher(), notice.clone());
        Callback::from(move |(person, done): (Person, String)| {
            notice.set(Some(Notice::Done(done)));
            people.dispatch(PeopleAction::Upsert(person));
        })
    };
    let on_added = {
        let on_done = on_done.clone();
        Callback::from(move |person: Person| {
            let i18n = crate::i18n::current();
            let done = tr!(
                i18n,
                "people-added",
                name = person.name.as_str(),
                email = person.email.as_str(),
                role = role_label(&i18n, person.role)
            );
            on_done.emit((person, done));
        })
    };
    let on_failed = {
        let notice = notice.clone();
        Callback::from(move |why: String| notice.set(Some(Notice::Failed(why))))
    };
    let on_filter = {
        let filter = filter.clone();
        on_input(move |text| filter.set(text))
    };

    html! {
        <article class="page people-page">
            <h1>{ i18n.t("people-title") }</h1>
            <p class="muted">{ tr!(i18n, "people-intro", org = me.org_name.as_str()) }</p>
            <p class="notice-line" role="status" aria-live="polite">
                if let Some(Notice::Done(text)) = &*notice { <span class="ok-text">{ text }</span> }
            </p>
            if let Some(Notice::Failed(text)) = &*notice {
                <p class="error" role="alert">{ text }</p>
            }
            <AddPerson {on_added} on_refused={on_failed.clone()} />
            { match &people.list {
                None => html! { <p class="muted" aria-busy="true">{ i18n.t("people-loading") }</p> },
                Some(Err(failure)) => html! { <p class="error" role="alert">{ failure.message() }</p> },
                Some(Ok(list)) => {
                    let needle = filter.trim().to_lowercase();
                    let shown: Vec<&Person> = list
                        .iter()
                        .filter(|p| needle.is_empty()
                            || p.name.to_lowercase().contains(&needle)
                            || p.email.contains(&needle)
                            || p.role.label().to_lowercase() == needle
                            || role_label(&i18n, p.role).to_lowercase() == needle)
                        .collect();
                    html! {
                        <section class="people-list" aria-labelledby="people-title">
                            <div class="list-head">
                                <h2 id="people-title">{ tr!(i18n, "people-everyone", count = list.len()) }</h2>
                                <span class="filter">
                                    <label for="people-filter">{ i18n.t("people-find") }</label>{ " " }
                                    <input id="people-filter" type="search" dir="auto" placeholder={i18n.t("people-find-placeholder")}
                                        value={(*filter).clone()} oninput={on_filter} />
                                </span>
                            </div>
                            if shown.is_empty() {
                                <p class="empty">{ i18n.t("people-nobody") }</p>
                            } else {
                                <div class="table-scroll" role="region" tabindex="0" aria-label={i18n.t("people-table")}>
                                <table class="people">
                                    <thead><tr>
                                        <th scope="col">{ i18n.t("people-name") }</th><th scope="col">{ i18n.t("people-email") }</th>
                                        <th scope="col">{ i18n.t("people-role") }</th>
                                        <th scope="col">{ i18n.t("people-account") }</th><th scope="col">{ i18n.t("people-password") }</th>
                                    </tr></thead>
                                    <tbody>
                                        { for shown.into_iter().map(|person| html! {
                                            <PersonRow key={person.id.clone()} person={person.clone()}
                                                is_me={person.id == me.id} on_done={on_done.clone()} on_failed={on_failed.clone()} />
                                        }) }
                                    </tbody>
                                </table>
                                </div>
                            }
                        </section>
                    }
                }
            } }
        </article>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct PersonRowProps {
    person: Person,
    is_me: bool,
    /// The changed person and the sentence that says what changed.
    on_done: Callback<(Person, String)>,
    /// Why a change was not made.
    on_failed: Callback<String>,
}

/// One person, with the changes an admin can make. Their own row only shows; another admin
/// changes it. While a change is on its way the row's controls wait for the answer.
#[component]
fn PersonRow(props: &PersonRowProps) -> Html {
    let i18n = use_i18n();
    let busy = use_state(|| false);
    // Bumped after a refusal, to rebuild the role menu showing the role the person still has.
    let attempt = use_state(|| 0u32);
    // The password form's text while it is open.
    let new_password = use_state(|| None::<String>);
    let password_button = use_node_ref();
    // Set when the password form closes, so focus returns to the button that opened it.
    let refocus = use_state(|| false);
    {
        let (refocus, password_button) = (refocus.clone(), password_button.clone());
        use_effect_with(*refocus, move |wanted| {
            if *wanted {
                if let Some(button) = password_button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
                refocus.set(false);
            }
        });
    }
    let person = &props.person;
    let send = {
        let (person, on_done, on_failed) = (person.clone(), props.on_done.clone(), props.on_failed.clone());
        let (busy, attempt, new_password, refocus) =
            (busy.clone(), attempt.clone(), new_password.clone(), refocus.clone());
        move |change: PersonChange, done: String| {
            let (person, on_done, on_failed) = (person.clone(), on_done.clone(), on_failed.clone());
            let (busy, attempt, new_password, refocus) =
                (busy.clone(), attempt.clone(), new_password.clone(), refocus.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let path = format!("/api/users/{}", js_sys::encode_uri_component(&person.id));
                let was_password = change.password.is_some();
                match api::patch_json::<_, Person>(&path, &change).await {
                    Ok(changed) => {
                        if was_password {
                            new_password.set(None);
                            refocus.set(true);
                        }
                        on_done.emit((changed, done));
                    }
                    Err(failure) => {
                        attempt.set(*attempt + 1);
                        on_failed.emit(tr!(
                            crate::i18n::current(),
                            "people-could-not-change",
                            name = person.name.as_str(),
                            reason = failure.reason()
                        ));
                    }
                }
                busy.set(false);
            });
        }
    };
    let on_role = {
        let (send, name) = (send.clone(), person.name.clone());
        Callback::from(move |e: Event| {
            let Some(role) = e
                .target_dyn_into::<HtmlSelectElement>()
                .and_then(|s| Role::parse(&s.value()))
            else {
                return;
            };
            send(
                PersonChange {
                    role: Some(role),
                    ..Default::default()
                },
                {
                    let i18n = crate::i18n::current();
                    tr!(
                        i18n,
                        "people-now-role",
                        name = name.as_str(),
                        role = role_label(&i18n, role)
                    )
                },
            );
        })
    };
    let on_switch = {
        let (send, name, active) = (send.clone(), person.name.clone(), person.active);
        Callback::from(move |_: MouseEvent| {
            let i18n = crate::i18n::current();
            let done = if active {
                tr!(i18n, "people-switched-off-done", name = name.as_str())
            } else {
                tr!(i18n, "people-switched-on-done", name = name.as_str())
            };
            send(
                PersonChange {
                    active: Some(!active),
                    ..Default::default()
                },
                done,
            );
        })
    };
    let on_password = {
        let (send, name, new_password) = (send.clone(), person.name.clone(), new_password.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            send(
                PersonChange {
                    password: (*new_password).clone(),
                    ..Default::default()
                },
                tr!(crate::i18n::current(), "people-password-done", name = name.as_str()),
            );
        })
    };
    let on_password_input = {
        let new_password = new_password.clone();
        on_input(move |text| new_password.set(Some(text)))
    };
    let toggle_password = {
        let (new_password, refocus) = (new_password.clone(), refocus.clone());
        Callback::from(move |_: MouseEvent| match *new_password {
            Some(_) => {
                new_password.set(None);
                refocus.set(true);
            }
            None => new_password.set(Some(suggest_password())),
        })
    };
    let role_id = format!("role-{}", person.id);
    let busy = *busy;
    html! {
        <tr class={classes!("person", (!person.active).then_some("off"))} data-email={person.email.clone()} aria-busy={busy.to_string()}>
            <th scope="row">{ &person.name }if props.is_me { { " " }{ i18n.t("people-you") } }</th>
            <td class="email" dir="ltr">{ &person.email }</td>
            <td>
                <label for={role_id.clone()} class="visually-hidden">{ tr!(i18n, "people-role-of", name = person.name.as_str()) }</label>
                <select key={format!("{}-{}", person.role.as_str(), *attempt)} id={role_id} onchange={on_role}
                    disabled={props.is_me || busy}>
                    { for Role::ALL.iter().map(|r| html! {
                        <option value={r.as_str()} selected={*r == person.role}>{ role_label(&i18n, *r) }</option>
                    }) }
                </select>
            </td>
            <td>
                <span class={classes!("account-state", if person.active { "on" } else { "off" })}>
                    { i18n.t(if person.active { msg("people-active") } else { msg("people-off") }) }
                </span>
                if !props.is_me {
                    <button type="button" class="quiet" onclick={on_switch} disabled={busy}
                        aria-label={if person.active {
                            tr!(i18n, "people-switch-off-label", name = person.name.as_str())
                        } else {
                            tr!(i18n, "people-switch-on-label", name = person.name.as_str())
                        }}>
                        { i18n.t(if person.active { msg("people-switch-off") } else { msg("people-switch-on") }) }
                    </button>
                }
            </td>
            <td>
                if props.is_me {
                    <Link<Route> to={Route::Settings}>{ i18n.t("people-change-yours") }</Link<Route>>
                } else if let Some(text) = (*new_password).clone() {
                    <form class="inline-form" onsubmit={on_password}>
                        <label for={format!("password-{}", person.id)} class="visually-hidden">
                            { tr!(i18n, "people-new-password-for", name = person.name.as_str()) }
                        </label>
                        <input id={format!("password-{}", person.id)} type="text" autocomplete="new-password"
                            minlength={MIN_PASSWORD_CHARS.to_string()} required=true value={text} oninput={on_password_input} />
                        <button type="submit" class="quiet" disabled={busy}>{ i18n.t("people-set") }</button>
                        <button type="button" class="quiet" onclick={toggle_password}>{ i18n.t("people-cancel") }</button>
                    </form>
                } else {
                    <button type="button" class="quiet" ref={password_button} onclick={toggle_password}
                        aria-label={tr!(i18n, "people-new-password-for", name = person.name.as_str())}>{ i18n.t("people-new-password") }</button>
                }
            </td>
        </tr>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct AddPersonProps {
    on_added: Callback<Person>,
    /// Why the server refused the new person, in its words.
    on_refused: Callback<String>,
}

/// The form that creates an account in the admin's organisation.
#[component]
fn AddPerson(props: &AddPersonProps) -> Html {
    let i18n = use_i18n();
    let (name, email, role) = (use_node_ref(), use_node_ref(), use_node_ref());
    let form = use_node_ref();
    let busy = use_state(|| false);
    // The password field is controlled: it starts with a suggestion, "Suggest another" and a
    // successful add replace it, and what the admin types is kept across re-renders.
    let first_password = use_state(suggest_password);
    let onsubmit = {
        let (name, email, role, form, first_password) = (
            name.clone(),
            email.clone(),
            role.clone(),
            form.clone(),
            first_password.clone(),
        );
        let (busy, on_added, on_refused) = (busy.clone(), props.on_added.clone(), props.on_refused.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let role = role
                .cast::<HtmlSelectElement>()
                .and_then(|s| Role::parse(&s.value()))
                .unwrap_or(Role::Agent);
            let body = NewUser {
                email: value(&email),
                name: value(&name),
                role,
                password: (*first_password).clone(),
            };
            let (busy, on_added, on_refused, form, first_password) = (
                busy.clone(),
                on_added.clone(),
                on_refused.clone(),
                form.clone(),
                first_password.clone(),
            );
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match api::post_json::<_, Person>("/api/users", &body).await {
                    Ok(person) => {
                        if let Some(form) = form.cast::<web_sys::HtmlFormElement>() {
                            form.reset();
                        }
                        first_password.set(suggest_password());
                        on_added.emit(person);
                    }
                    Err(failure) => on_refused.emit(tr!(
                        crate::i18n::current(),
                        "people-could-not-add",
                        name = body.name.as_str(),
                        reason = failure.reason()
                    )),
                }
                busy.set(false);
            });
        })
    };
    let suggest = {
        let first_password = first_password.clone();
        Callback::from(move |_: MouseEvent| first_password.set(suggest_password()))
    };
    let on_password_input = {
        let first_password = first_password.clone();
        on_input(move |text| first_password.set(text))
    };
    html! {
        <section class="add-person" aria-labelledby="add-person-title">
            <h2 id="add-person-title">{ i18n.t("people-add-title") }</h2>
            <form class="add-person-form" ref={form} {onsubmit}>
                <div class="field">
                    <label for="new-name">{ i18n.t("people-name") }</label>
                    <input id="new-name" ref={name} type="text" dir="auto" autocomplete="off" required=true maxlength="200" />
                </div>
                <div class="field">
                    <label for="new-email">{ i18n.t("people-email") }</label>
                    <input id="new-email" ref={email} type="email" dir="ltr" autocomplete="off" required=true />
                </div>
                <div class="field">
                    <label for="new-role">{ i18n.t("people-role") }</label>
                    <select id="new-role" ref={role}>
                        // Explicitly selected: yew inserts options last to first, which would
                        // otherwise leave the last one (Admin) chosen.
                        { for Role::ALL.iter().map(|r| html! {
                            <option value={r.as_str()} selected={*r == Role::Agent}>{ role_label(&i18n, *r) }</option>
                        }) }
                    </select>
                </div>
                <div class="field password-field">
                    <label for="new-password">{ i18n.t("people-first-password") }</label>
                    <span class="password-row">
                        <input id="new-password" type="text" dir="ltr" autocomplete="new-password" required=true
                            minlength={MIN_PASSWORD_CHARS.to_string()} value={(*first_password).clone()} oninput={on_password_input}
                            aria-describedby="new-password-hint" />
                        <button type="button" class="quiet" onclick={suggest}>{ i18n.t("people-suggest") }</button>
                    </span>
                </div>
                <button type="submit" class="primary" disabled={*busy}>
                    { i18n.t(if *busy { msg("people-adding") } else { msg("people-add") }) }
                </button>
            </form>
            <p id="new-password-hint" class="muted hint">{ tr!(i18n, "people-password-hint", min = MIN_PASSWORD_CHARS) }</p>
        </section>
    }
}

/// A handler that passes an input's text, as typed, to `set`.
fn on_input(set: impl Fn(String) + 'static) -> Callback<InputEvent> {
    Callback::from(move |e: InputEvent| {
        if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
            set(input.value());
        }
    })
}

/// A random password an admin can read out or paste: 20 hex digits of a v4 UUID (74 random
/// bits) in groups of five, from the browser's cryptographic generator.
fn suggest_password() -> String {
    let uuid = gloo::utils::window()
        .crypto()
        .map(|c| c.random_uuid().replace('-', ""))
        .unwrap_or_default();
    uuid.as_bytes()
        .chunks(5)
        .take(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// A role as the People page and the audit log name it, in the interface language: "Trainer".
/// (Core's `Role::label` stays English for the server.)
pub fn role_label(i18n: &I18n, role: Role) -> String {
    i18n.t(match role {
        Role::Agent => msg("people-role-agent"),
        Role::Specialist => msg("people-role-specialist"),
        Role::Trainer => msg("people-role-trainer"),
        Role::Admin => msg("people-role-admin"),
    })
}
