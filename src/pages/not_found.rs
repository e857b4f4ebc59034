//! The page for an address Casebook does not have.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::Route;

#[component]
pub fn NotFound() -> Html {
    html! {
        <article class="page">
            <h1>{ "Page not found" }</h1>
            <p>{ "Casebook has no page at this address. The link may be mistyped or from an older version." }</p>
            <p><Link<Route> to={Route::Search}>{ "Go to policy search" }</Link<Route>></p>
        </article>
    }
}
