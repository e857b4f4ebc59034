//! The people of an administrator's organisation: add someone, change a role, switch an
//! account off or on again, give someone a new password. The server enforces every rule
//! (own organisation only, never yourself); this page only makes them easy to follow.

use casebook_core::wire::{MIN_PASSWORD_CHARS, NewUser, Person, PersonChange, Role};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::api::{self, ApiFailure};
use crate::session::{Session, use_session};

/// The outcome of the last action, announced to screen readers too.
#[derive(Debug, Clone, PartialEq)]
enum Notice {
    Done(String),
    Failed(String),
}

#[component]
pub fn PeoplePage() -> Html {
    let handle = use_session();
    let people = use_state(|| None::<Result<Vec<Person>, ApiFailure>>);
    let notice = use_state(|| None::<Notice>);
    let filter = use_state(String::new);
    let me = match &handle.session {
        Session::SignedIn(user) if user.role == Role::Admin => Some(user.clone()),
        _ => None,
    };
    {
        let people = people.clone();
        use_effect_with(me.as_ref().map(|u| u.id.clone()), move |admin| {
            if admin.is_some() {
                wasm_bindgen_futures::spawn_local(async move {
                    people.set(Some(api::get_json::<Vec<Person>>("/api/users").await));
                });
            }
        });
    }
    let Some(me) = me else {
        return html! {
            <article class="page">
                <h1>{ "People" }</h1>
                <p role="alert">{ "Only administrators can manage people." }</p>
            </article>
        };
    };

    // Puts a changed or new person into the list, keeping it in email order like the server.
    let upsert = {
        let people = people.clone();
        move |person: Person| {
            let mut list = match &*people {
                Some(Ok(list)) => list.clone(),
                _ => Vec::new(),
            };
            list.retain(|p| p.id != person.id);
            let at = list.partition_point(|p| p.email < person.email);
            list.insert(at, person);
            people.set(Some(Ok(list)));
        }
    };
    let on_added = {
        let (upsert, notice) = (upsert.clone(), notice.clone());
        Callback::from(move |person: Person| {
            notice.set(Some(Notice::Done(format!(
                "Added {} ({}) as {}. Give them their email and the first password you set.",
                person.name,
                person.email,
                person.role.label()
            ))));
            upsert(person);
        })
    };
    let on_refused = {
        let notice = notice.clone();
        Callback::from(move |why: String| notice.set(Some(Notice::Failed(why))))
    };
    let on_change = {
        let notice = notice.clone();
        Callback::from(move |(person, change, done): (Person, PersonChange, String)| {
            let (upsert, notice) = (upsert.clone(), notice.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let path = format!("/api/users/{}", js_sys::encode_uri_component(&person.id));
                match api::patch_json::<_, Person>(&path, &change).await {
                    Ok(changed) => {
                        notice.set(Some(Notice::Done(done)));
                        upsert(changed);
                    }
                    Err(failure) => notice.set(Some(Notice::Failed(format!(
                        "Could not change {}: {}",
                        person.name,
                        failure.reason()
                    )))),
                }
            });
        })
    };

    let on_filter = {
        let filter = filter.clone();
        on_input(move |text| filter.set(text))
    };

    html! {
        <article class="page people-page">
            <h1>{ "People" }</h1>
            <p class="muted">
                { format!("Everyone with an account at {}. ", me.org_name) }
                { "A switched-off account cannot sign in and its open sessions end at once; switch it on again to restore it." }
            </p>
            <p class="notice-line" role="status" aria-live="polite">
                if let Some(Notice::Done(text)) = &*notice { <span class="ok-text">{ text }</span> }
            </p>
            if let Some(Notice::Failed(text)) = &*notice {
                <p class="error" role="alert">{ text }</p>
            }
            <AddPerson {on_added} {on_refused} />
            { match &*people {
                None => html! { <p class="muted" aria-busy="true">{ "Loading…" }</p> },
                Some(Err(failure)) => html! { <p class="error" role="alert">{ failure.message() }</p> },
                Some(Ok(list)) => {
                    let needle = filter.trim().to_lowercase();
                    let shown: Vec<&Person> = list
                        .iter()
                        .filter(|p| needle.is_empty()
                            || p.name.to_lowercase().contains(&needle)
                            || p.email.contains(&needle)
                            || p.role.label().to_lowercase() == needle)
                        .collect();
                    html! {
                        <section class="people-list" aria-labelledby="people-title">
                            <div class="list-head">
                                <h2 id="people-title">{ format!("Everyone ({})", list.len()) }</h2>
                                <span class="filter">
                                    <label for="people-filter">{ "Find " }</label>
                                    <input id="people-filter" type="search" placeholder="name, email or role"
                                        value={(*filter).clone()} oninput={on_filter} />
                                </span>
                            </div>
                            if shown.is_empty() {
                                <p class="empty">{ "Nobody matches." }</p>
                            } else {
                                <table class="people">
                                    <thead><tr>
                                        <th scope="col">{ "Name" }</th><th scope="col">{ "Email" }</th><th scope="col">{ "Role" }</th>
                                        <th scope="col">{ "Account" }</th><th scope="col">{ "Password" }</th>
                                    </tr></thead>
                                    <tbody>
                                        { for shown.into_iter().map(|person| html! {
                                            <PersonRow key={person.id.clone()} person={person.clone()}
                                                is_me={person.id == me.id} on_change={on_change.clone()} />
                                        }) }
                                    </tbody>
                                </table>
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
    /// The person, the change to send, and the sentence to show once it is made.
    on_change: Callback<(Person, PersonChange, String)>,
}

#[component]
fn PersonRow(props: &PersonRowProps) -> Html {
    // The password form's suggestion while it is open.
    let new_password = use_state(|| None::<String>);
    let password = use_node_ref();
    let person = &props.person;
    let send = {
        let (person, on_change) = (person.clone(), props.on_change.clone());
        move |change: PersonChange, done: String| on_change.emit((person.clone(), change, done))
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
                format!("{name} is now {}.", role.label()),
            );
        })
    };
    let on_switch = {
        let (send, name, active) = (send.clone(), person.name.clone(), person.active);
        Callback::from(move |_: MouseEvent| {
            let done = if active {
                format!("Switched off {name}'s account; their sessions have ended.")
            } else {
                format!("Switched on {name}'s account; they can sign in again.")
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
        let (send, name, password, new_password) = (
            send.clone(),
            person.name.clone(),
            password.clone(),
            new_password.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = password.cast::<HtmlInputElement>() else {
                return;
            };
            send(
                PersonChange {
                    password: Some(input.value()),
                    ..Default::default()
                },
                format!("Set a new password for {name}; their sessions have ended."),
            );
            new_password.set(None);
        })
    };
    let on_password_input = {
        let new_password = new_password.clone();
        on_input(move |text| new_password.set(Some(text)))
    };
    let toggle_password = {
        let new_password = new_password.clone();
        Callback::from(move |_: MouseEvent| {
            new_password.set(match *new_password {
                Some(_) => None,
                None => Some(suggest_password()),
            })
        })
    };
    let role_id = format!("role-{}", person.id);
    html! {
        <tr class={classes!("person", (!person.active).then_some("off"))} data-email={person.email.clone()}>
            <th scope="row">{ &person.name }{ if props.is_me { " (you)" } else { "" } }</th>
            <td class="email">{ &person.email }</td>
            <td>
                <label for={role_id.clone()} class="visually-hidden">{ format!("Role of {}", person.name) }</label>
                <select id={role_id} onchange={on_role} disabled={props.is_me}>
                    { for Role::ALL.iter().map(|r| html! {
                        <option value={r.as_str()} selected={*r == person.role}>{ r.label() }</option>
                    }) }
                </select>
            </td>
            <td>
                <span class={classes!("account-state", if person.active { "on" } else { "off" })}>
                    { if person.active { "Active" } else { "Switched off" } }
                </span>
                if !props.is_me {
                    <button type="button" class="quiet" onclick={on_switch}
                        aria-label={format!("{} {}'s account", if person.active { "Switch off" } else { "Switch on" }, person.name)}>
                        { if person.active { "Switch off" } else { "Switch on" } }
                    </button>
                }
            </td>
            <td>
                if let Some(suggestion) = (*new_password).clone() {
                    <form class="inline-form" onsubmit={on_password}>
                        <label for={format!("password-{}", person.id)} class="visually-hidden">
                            { format!("New password for {}", person.name) }
                        </label>
                        <input id={format!("password-{}", person.id)} ref={password} type="text" autocomplete="new-password"
                            minlength={MIN_PASSWORD_CHARS.to_string()} required=true value={suggestion} oninput={on_password_input} />
                        <button type="submit" class="quiet">{ "Set" }</button>
                        <button type="button" class="quiet" onclick={toggle_password}>{ "Cancel" }</button>
                    </form>
                } else {
                    <button type="button" class="quiet" onclick={toggle_password}
                        aria-label={format!("New password for {}", person.name)}>{ "New password…" }</button>
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
                    Err(failure) => on_refused.emit(format!("Could not add {}: {}", body.name, failure.reason())),
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
            <h2 id="add-person-title">{ "Add a person" }</h2>
            <form class="add-person-form" ref={form} {onsubmit}>
                <div class="field">
                    <label for="new-name">{ "Name" }</label>
                    <input id="new-name" ref={name} type="text" autocomplete="off" required=true maxlength="200" />
                </div>
                <div class="field">
                    <label for="new-email">{ "Email" }</label>
                    <input id="new-email" ref={email} type="email" autocomplete="off" required=true />
                </div>
                <div class="field">
                    <label for="new-role">{ "Role" }</label>
                    <select id="new-role" ref={role}>
                        { for Role::ALL.iter().map(|r| html! { <option value={r.as_str()}>{ r.label() }</option> }) }
                    </select>
                </div>
                <div class="field password-field">
                    <label for="new-password">{ "First password" }</label>
                    <span class="password-row">
                        <input id="new-password" type="text" autocomplete="new-password" required=true
                            minlength={MIN_PASSWORD_CHARS.to_string()} value={(*first_password).clone()} oninput={on_password_input}
                            aria-describedby="new-password-hint" />
                        <button type="button" class="quiet" onclick={suggest}>{ "Suggest another" }</button>
                    </span>
                </div>
                <button type="submit" class="primary" disabled={*busy}>{ if *busy { "Adding…" } else { "Add person" } }</button>
            </form>
            <p id="new-password-hint" class="muted hint">
                { format!("Passwords need at least {MIN_PASSWORD_CHARS} characters. Give the first one to the person yourself; Casebook does not send email.") }
            </p>
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
