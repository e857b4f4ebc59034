//! A link to sign in that brings the person back to where they were: a trainer's deep link
//! to a sweep, or a sweep item whose session ended mid-shift, opens again after signing in.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::{self, Route};

#[derive(Debug, Properties, PartialEq)]
pub struct SignInLinkProps {
    #[prop_or_default]
    pub class: Classes,
}

#[component]
pub fn SignInLink(props: &SignInLinkProps) -> Html {
    // Read on every route change, so the link always points back at the current page.
    let _location = use_location();
    let i18n = crate::i18n::use_i18n();
    let href = sign_in_address(&here());
    let onclick = {
        let href = href.clone();
        Callback::from(move |e: MouseEvent| {
            if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
                e.prevent_default();
                route::go(&href);
            }
        })
    };
    html! { <a class={props.class.clone()} {href} {onclick}>{ i18n.t("sign-in") }</a> }
}

/// The current address within the app: path, query and fragment.
fn here() -> String {
    let location = gloo::utils::window().location();
    [location.pathname(), location.search(), location.hash()]
        .into_iter()
        .map(Result::unwrap_or_default)
        .collect()
}

/// `/sign-in`, with `next` set to `from` when there is somewhere worth coming back to. On
/// the sign-in page itself, the address stays as it is (keeping its `next`).
fn sign_in_address(from: &str) -> String {
    let sign_in = Route::SignIn.to_path();
    if from.starts_with(&sign_in) {
        return from.to_string();
    }
    if from == "/" {
        return sign_in;
    }
    format!("{sign_in}?next={}", String::from(js_sys::encode_uri_component(from)))
}

/// Where to go after signing in: `next` from the query, if it is an address in this app.
/// It is resolved the way the browser would (which drops tabs and newlines, so `/\t/host`
/// is `//host`) and kept only if it stays on this origin.
pub fn next_after_sign_in(query: &str) -> Option<String> {
    let next = route::query_param(query, "next").filter(|n| n.starts_with('/'))?;
    let origin = gloo::utils::window().location().origin().ok()?;
    let url = web_sys::Url::new_with_base(&next, &origin).ok()?;
    (url.origin() == origin).then(|| format!("{}{}{}", url.pathname(), url.search(), url.hash()))
}
