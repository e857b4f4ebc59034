//! Signing in with the account a vendor admin gave.

use casebook_core::wire::{SignIn, User};
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::components::sign_in_link::next_after_sign_in;
use crate::i18n::{msg, use_i18n};
use crate::route::{self, Route};
use crate::session::{Session, use_session};

#[component]
pub fn SignInPage() -> Html {
    let handle = use_session();
    let i18n = use_i18n();
    let navigator = use_navigator();
    let email = use_node_ref();
    let password = use_node_ref();
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);

    if let Session::SignedIn(user) = &handle.session {
        return html! {
            <article class="page narrow">
                <h1>{ i18n.t("signin-signed-in") }</h1>
                <p>{ crate::tr!(i18n, "signin-signed-in-as", name = user.name.as_str(), email = user.email.as_str()) }</p>
                <p><Link<Route> to={Route::Search}>{ i18n.t("signin-go-search") }</Link<Route>></p>
            </article>
        };
    }

    let onsubmit = {
        let (email, password, error, busy, set) = (
            email.clone(),
            password.clone(),
            error.clone(),
            busy.clone(),
            handle.set.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let body = SignIn {
                email: value(&email),
                password: value(&password),
            };
            let (error, busy, set, navigator) = (error.clone(), busy.clone(), set.clone(), navigator.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match api::post_json::<_, User>("/api/session", &body).await {
                    Ok(user) => {
                        set.emit(Session::SignedIn(user));
                        let query = gloo::utils::window().location().search().unwrap_or_default();
                        match (next_after_sign_in(&query), navigator) {
                            (Some(next), _) => route::go(&next),
                            (None, Some(navigator)) => navigator.push(&Route::Search),
                            (None, None) => {}
                        }
                    }
                    Err(failure) => error.set(Some(failure.reason())),
                }
                busy.set(false);
            });
        })
    };

    html! {
        <article class="page narrow">
            <h1>{ i18n.t("sign-in") }</h1>
            <p class="muted">{ i18n.t("signin-hint") }</p>
            <form class="form" {onsubmit}>
                <label for="email">{ i18n.t("signin-email") }</label>
                <input id="email" ref={email} type="email" dir="ltr" autocomplete="username" required=true />
                <label for="password">{ i18n.t("signin-password") }</label>
                <input id="password" ref={password} type="password" autocomplete="current-password" required=true />
                if let Some(message) = &*error {
                    <p class="error" role="alert">{ message }</p>
                }
                <button type="submit" class="primary" disabled={*busy}>{ i18n.t(if *busy { msg("signin-busy") } else { msg("sign-in") }) }</button>
            </form>
        </article>
    }
}
