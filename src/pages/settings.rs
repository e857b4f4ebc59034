//! Settings: the signed-in person's account, where they change their own password (the
//! first one came from their admin), and the interface language (the header's picker, in
//! words). Media blurring and shortcuts come later.

use casebook_core::wire::{MIN_PASSWORD_CHARS, PasswordChange};
use web_sys::{HtmlFormElement, HtmlInputElement};
use yew::prelude::*;

use crate::api;
use crate::components::shell::title;
use crate::components::sign_in_link::SignInLink;
use crate::i18n::{Lang, msg, use_i18n};
use crate::secure_context;
use crate::session::{Session, use_session};

#[component]
pub fn SettingsPage() -> Html {
    let handle = use_session();
    let i18n = use_i18n();
    html! {
        <article class="page settings-page">
            <h1>{ i18n.t("settings-title") }</h1>
            { match &handle.session {
                Session::SignedIn(user) => html! {
                    <section aria-labelledby="account-title">
                        <h2 id="account-title">{ i18n.t("settings-account") }</h2>
                        <p>{ crate::tr!(i18n, "settings-who", name = user.name.as_str(), title = title(&i18n, user),
                            org = user.org_name.as_str()) }</p>
                        <p class="muted"><bdi>{ &user.email }</bdi></p>
                        <ChangePassword />
                    </section>
                },
                Session::Checking => html! { <p class="muted" aria-busy="true">{ i18n.t("settings-loading") }</p> },
                _ => html! { <p>{ i18n.t("settings-sign-in-to-change") }{ " " }<SignInLink /></p> },
            } }
            <LanguageChoice />
            if !secure_context::is_secure() {
                <section aria-labelledby="device-title">
                    <h2 id="device-title">{ i18n.t("settings-device") }</h2>
                    <p class="muted insecure-notice">{ i18n.t("settings-insecure") }</p>
                </section>
            }
            <section aria-labelledby="later-title">
                <h2 id="later-title">{ i18n.t("settings-later") }</h2>
                <p class="muted">{ i18n.t("settings-later-list") }</p>
            </section>
        </article>
    }
}

/// The interface language, chosen as with the header's picker: each language in its own
/// name, whatever the interface language is now.
#[component]
fn LanguageChoice() -> Html {
    let i18n = use_i18n();
    html! {
        <section aria-labelledby="language-title">
            <h2 id="language-title">{ i18n.t("settings-language") }</h2>
            <fieldset class="language-choice">
                <legend>{ i18n.t("settings-language-legend") }</legend>
                { for Lang::ALL.into_iter().map(|lang| {
                    let onchange = {
                        let i18n = i18n.clone();
                        Callback::from(move |_: Event| i18n.choose(lang))
                    };
                    let id = format!("ui-lang-{}", lang.code());
                    html! {
                        <span class="language-option">
                            <input type="radio" name="ui-lang" id={id.clone()} value={lang.code()}
                                checked={lang == i18n.lang()} {onchange} />
                            <label for={id} lang={lang.code()} dir={lang.dir()}>{ lang.native_name() }</label>
                        </span>
                    }
                }) }
            </fieldset>
            <p class="muted hint">{ i18n.t("settings-language-hint") }</p>
        </section>
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Changed,
    Refused(String),
}

#[component]
fn ChangePassword() -> Html {
    let i18n = use_i18n();
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
                    crate::i18n::current().t("settings-passwords-differ"),
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
            <h3 id="password-title">{ i18n.t("settings-password-title") }</h3>
            <label for="current-password">{ i18n.t("settings-current-password") }</label>
            <input id="current-password" ref={current} type="password" autocomplete="current-password" required=true />
            <label for="new-password">{ i18n.t("settings-new-password") }</label>
            <input id="new-password" ref={new} type="password" autocomplete="new-password" required=true
                minlength={MIN_PASSWORD_CHARS.to_string()} aria-describedby="new-password-rule" />
            <p id="new-password-rule" class="muted hint">{ crate::tr!(i18n, "settings-password-rule", min = MIN_PASSWORD_CHARS) }</p>
            <label for="repeat-password">{ i18n.t("settings-repeat-password") }</label>
            <input id="repeat-password" ref={repeat} type="password" autocomplete="new-password" required=true
                minlength={MIN_PASSWORD_CHARS.to_string()} />
            <p class="notice-line" role="status">
                if let Some(Outcome::Changed) = &*outcome {
                    <span class="ok-text">{ i18n.t("settings-password-changed") }</span>
                }
            </p>
            if let Some(Outcome::Refused(why)) = &*outcome {
                <p class="error" role="alert">{ why }</p>
            }
            <button type="submit" class="primary" disabled={*busy}>{ i18n.t(if *busy { msg("settings-changing") } else { msg("settings-change-password") }) }</button>
        </form>
    }
}
