//! Casebook's browser app: a yew single-page app compiled to WebAssembly.
//!
//! Pages live in `pages/`, reusable parts in `components/`. Every server call goes through
//! [`api`]; domain rules come from `casebook_core`, never from here.

pub mod api;
pub mod components;
pub mod connection;
pub mod i18n;
pub mod library;
pub mod local_db;
pub mod pages;
pub mod route;
pub mod secure_context;
pub mod session;
pub mod shortcuts;
pub mod sync;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::shell::Shell;
use crate::connection::ConnectionProvider;
use crate::i18n::I18nProvider;
use crate::library::LibraryProvider;
use crate::route::{Route, switch};
use crate::session::SessionProvider;
use crate::sync::SyncProvider;

#[component]
pub fn App() -> Html {
    html! {
        <BrowserRouter>
          <I18nProvider>
            <ConnectionProvider>
                <SessionProvider>
                    <SyncProvider>
                        <LibraryProvider>
                            <Shell>
                                <Switch<Route> render={switch} />
                            </Shell>
                        </LibraryProvider>
                    </SyncProvider>
                </SessionProvider>
            </ConnectionProvider>
          </I18nProvider>
        </BrowserRouter>
    }
}

/// Mounts the app on the page's `<body>` and registers the service worker that keeps the
/// app shell for offline use.
pub fn run() {
    yew::Renderer::<App>::new().render();
    // Where service workers are unavailable (plain http on an address other than localhost)
    // the app still works, only not offline; Settings says so.
    if let Some(container) = secure_context::service_worker() {
        let registration = container.register("/sw.js");
        wasm_bindgen_futures::spawn_local(async move {
            // A refusal (private browsing, a policy) is not the person's problem.
            let _ = wasm_bindgen_futures::JsFuture::from(registration).await;
        });
    }
}
