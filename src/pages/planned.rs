//! A page for an address the product has but whose tool is not built yet: it says so
//! plainly instead of pretending.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::Route;

#[derive(Debug, Properties, PartialEq)]
pub struct PlannedProps {
    pub title: AttrValue,
    pub detail: AttrValue,
}

#[component]
pub fn Planned(props: &PlannedProps) -> Html {
    html! {
        <article class="page planned">
            <h1>{ &props.title }</h1>
            <p>{ &props.detail }</p>
            <p class="muted">{ "This tool is not available in this version of Casebook yet." }</p>
            <p><Link<Route> to={Route::Search}>{ "Search the policy library" }</Link<Route>></p>
        </article>
    }
}
