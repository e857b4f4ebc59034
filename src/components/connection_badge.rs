//! The header's connection state.

use yew::prelude::*;

use crate::connection::Connection;
use crate::i18n::use_i18n;

#[derive(Debug, Properties, PartialEq)]
pub struct ConnectionBadgeProps {
    pub state: Connection,
}

#[component]
pub fn ConnectionBadge(props: &ConnectionBadgeProps) -> Html {
    let state = props.state;
    let i18n = use_i18n();
    html! {
        <span class={classes!("connection", state.class())} role="status" aria-live="polite"
            data-state={state.class()}>
            <span class="connection-dot" aria-hidden="true"></span>
            { i18n.t(state.message_id()) }
        </span>
    }
}
