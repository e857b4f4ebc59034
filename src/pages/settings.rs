//! Settings: the signed-in person's account, where they change their own password (the
//! first one came from their admin). Language, media blurring and shortcuts come later.

use casebook_core::wire::{MIN_PASSWORD_CHARS, PasswordChange};
use web_sys::{HtmlFormElement, HtmlInputElement};
use yew::prelude::*;

use crate::api;
use crate::components::sign_in_link::SignInLink;
use crate::secure_context;
use crate::session::{Session, use_session};

#[component]
pub fn SettingsPage() -> Html {
    let handle = use_session();
    html! {
        <article class="page settings-page">
            <h1>{ "Settings" }</h1>
            { match &handle.session {
                Session::SignedIn(user) => html! {
                    <section aria-labelledby="account-title">
                        <h2 id="account-title">{ "Your account" }</h2>
                        <p>{ format!("{} · {} at {}", user.name, user.title(), user.org_name) }</p>
                        <p class="muted">{ &user.email }</p>
                        <ChangePassword />
                    </section>
                },
                Session::Checking => html! { <p class="muted" aria-busy="true">{ "Loading…" }</p> },
                _ => html! { <p>{ "Sign in to change your password. " }<SignInLink /></p> },
            } }
            if !secure_context::is_secure() {
                <section aria-labelledby="device-title">
                    <h2 id="device-title">{ "This device" }</h2>
                    <p class="muted insecure-notice">
                        { "Offline start needs https. This address is plain http, so the browser does not let Casebook keep \
                           itself on this device for opening without a network, or copy links for you (they are shown to \
                           copy by hand). Everything else works. Ask your administrator for an https address." }
                    </p>
                </section>
            }
            <section aria-labelledby="later-title">
                <h2 id="later-title">{ "Coming later" }</h2>
                <p class="muted">{ "Language, media blurring and keyboard shortcuts." }</p>
            </section>
        </article>
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Changed,
    Refused(String),
}

#[component]
fn ChangePassword() -> Html {
    let (form, current, new, repeat) = (use_node_ref(), use_node_ref(), use_node_ref(), use_node_ref());
    let outcome = use_state(|| None::<Outcome>);
    let busy = use_state(|| false);
    let onsubmit = {
        let (form, current, new, repeat) = (form.clone(), current.clone(), new.clone(), repeat.clone());
        let (outcome, busy) = (outcome.clone(), busy.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let body = PasswordChange {
                current: value(&current),
                new: value(&new),
            };
            if body.new != value(&repeat) {
                outcome.set(Some(Outcome::Refused(
                    "The two new passwords differ; type the same one twice.".into(),
                )));
                return;
            }
            let (outcome, busy, form) = (outcome.clone(), busy.clone(), form.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match api::post_no_content("/api/session/password", &body).await {
                    Ok(()) => {
                        if let Some(form) = form.cast::<HtmlFormElement>() {
                            form.reset();
                        }
                        outcome.set(Some(Outcome::Changed));
                    }
                    Err(failure) => outcome.set(Some(Outcome::Refused(failure.reason()))),
                }
                busy.set(false);
            });
        })
    };
    html! {
        <form class="form password-form" ref={form} {onsubmit} aria-labelledby="password-title">
            <h3 id="password-title">{ "Change your password" }</h3>
            <label for="current-password">{ "Current password" }</label>
            <input id="current-password" ref={current} type="password" autocomplete="current-password" required=true />
            <label for="new-password">{ "New password" }</label>
            <input id="new-password" ref={new} type="password" autocomplete="new-password" required=true
                minlength={MIN_PASSWORD_CHARS.to_string()} aria-describedby="new-password-rule" />
            <p id="new-password-rule" class="muted hint">{ format!("At least {MIN_PASSWORD_CHARS} characters.") }</p>
            <label for="repeat-password">{ "New password again" }</label>
            <input id="repeat-password" ref={repeat} type="password" autocomplete="new-password" required=true
                minlength={MIN_PASSWORD_CHARS.to_string()} />
            <p class="notice-line" role="status">
                if let Some(Outcome::Changed) = &*outcome {
                    <span class="ok-text">{ "Your password is changed. Anywhere else you were signed in, you are now signed out." }</span>
                }
            </p>
            if let Some(Outcome::Refused(why)) = &*outcome {
                <p class="error" role="alert">{ why }</p>
            }
            <button type="submit" class="primary" disabled={*busy}>{ if *busy { "Changing…" } else { "Change password" } }</button>
        </form>
    }
}
