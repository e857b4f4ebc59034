//! The page for an address Casebook does not have.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::Route;

#[component]
pub fn NotFound() -> Html {
    let i18n = crate::i18n::use_i18n();
    html! {
        <article class="page">
            <h1>{ i18n.t("not-found-title") }</h1>
            <p>{ i18n.t("not-found-body") }</p>
            <p><Link<Route> to={Route::Search}>{ i18n.t("not-found-search") }</Link<Route>></p>
        </article>
    }
}
