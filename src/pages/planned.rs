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
    let i18n = crate::i18n::use_i18n();
    html! {
        <article class="page planned">
            <h1>{ &props.title }</h1>
            <p>{ &props.detail }</p>
            <p class="muted">{ i18n.t("planned-not-yet") }</p>
            <p><Link<Route> to={Route::Search}>{ i18n.t("planned-search") }</Link<Route>></p>
        </article>
    }
}
