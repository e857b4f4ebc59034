//! Casebook's browser app: a yew single-page app compiled to WebAssembly.
//!
//! Pages live in `pages/`, reusable parts in `components/`. Every server call goes through
//! [`api`]; domain rules come from `casebook_core`, never from here.

pub mod api;
pub mod components;
pub mod connection;
pub mod pages;
pub mod route;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::shell::Shell;
use crate::connection::ConnectionProvider;
use crate::route::{Route, switch};

#[component]
pub fn App() -> Html {
    html! {
        <BrowserRouter>
            <ConnectionProvider>
                <Shell>
                    <Switch<Route> render={switch} />
                </Shell>
            </ConnectionProvider>
        </BrowserRouter>
    }
}

/// Mounts the app on the page's `<body>`.
pub fn run() {
    yew::Renderer::<App>::new().render();
}
