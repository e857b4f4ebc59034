//! Whether the app can reach its server, shared with every component through a context.
//!
//! The browser's online/offline events say when the network goes; a health check says
//! whether the server answers. Both are shown in the header so a person always knows.

use std::rc::Rc;

use casebook_core::wire::Health;
use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::api::{ApiFailure, get_json};
use crate::i18n::msg;

/// How often the server is checked while the page is open.
const HEALTH_EVERY_MS: u32 = 30_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connection {
    /// The first check has not answered yet.
    Checking,
    Online,
    /// The browser has no network.
    Offline,
    /// The network is up but the server does not answer, or answers that it is unwell.
    ServerUnreachable,
}

impl Connection {
    /// The message id of the state's name.
    pub fn message_id(self) -> &'static str {
        match self {
            Connection::Checking => msg("connection-checking"),
            Connection::Online => msg("connection-online"),
            Connection::Offline => msg("connection-offline"),
            Connection::ServerUnreachable => msg("connection-unreachable"),
        }
    }

    /// A CSS modifier for the badge.
    pub fn class(self) -> &'static str {
        match self {
            Connection::Checking => "checking",
            Connection::Online => "online",
            Connection::Offline => "offline",
            Connection::ServerUnreachable => "unreachable",
        }
    }

    /// What a health check's result means for the badge.
    pub fn from_health(result: &Result<Health, ApiFailure>) -> Connection {
        match result {
            // `degraded` with a working database (low disk space) is still a server that answers.
            Ok(health) if health.status == "ok" || health.database.ok => Connection::Online,
            _ => Connection::ServerUnreachable,
        }
    }
}

fn browser_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

#[derive(Debug, Properties, PartialEq)]
pub struct ConnectionProviderProps {
    pub children: Children,
}

#[component]
pub fn ConnectionProvider(props: &ConnectionProviderProps) -> Html {
    let state = use_state_eq(|| {
        if browser_online() {
            Connection::Checking
        } else {
            Connection::Offline
        }
    });

    let check = {
        let state = state.clone();
        Rc::new(move || {
            let state = state.clone();
            if !browser_online() {
                state.set(Connection::Offline);
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                let result = get_json::<Health>("/api/health").await;
                state.set(if browser_online() {
                    Connection::from_health(&result)
                } else {
                    Connection::Offline
                });
            });
        })
    };

    {
        let check = check.clone();
        use_effect_with((), move |()| {
            check();
            let window = gloo::utils::window();
            let on_online = {
                let check = check.clone();
                EventListener::new(&window, "online", move |_| check())
            };
            let on_offline = {
                let check = check.clone();
                EventListener::new(&window, "offline", move |_| check())
            };
            let interval = Interval::new(HEALTH_EVERY_MS, move || check());
            move || drop((on_online, on_offline, interval))
        });
    }

    html! {
        <ContextProvider<Connection> context={*state}>
            { props.children.clone() }
        </ContextProvider<Connection>>
    }
}

/// The current connection state; `Checking` outside a provider.
#[hook]
pub fn use_connection() -> Connection {
    use_context::<Connection>().unwrap_or(Connection::Checking)
}
