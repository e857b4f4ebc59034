//! The header's connection state.

use yew::prelude::*;

use crate::connection::Connection;

#[derive(Debug, Properties, PartialEq)]
pub struct ConnectionBadgeProps {
    pub state: Connection,
}

#[component]
pub fn ConnectionBadge(props: &ConnectionBadgeProps) -> Html {
    let state = props.state;
    html! {
        <span class={classes!("connection", state.class())} role="status" aria-live="polite"
            data-state={state.class()}>
            <span class="connection-dot" aria-hidden="true"></span>
            { state.label() }
        </span>
    }
}
