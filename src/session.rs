//! Who is signed in, shared with every component through a context.
//!
//! The session itself is an `HttpOnly` cookie the app never sees; the app only asks the
//! server who it belongs to. Signing out ends the session on the server and wipes the
//! signed-out person's case data from this browser.

use casebook_core::wire::{SessionInfo, User};
use yew::prelude::*;

use crate::api::{self, ApiFailure};
use crate::connection::{Connection, use_connection};

#[derive(Debug, Clone, PartialEq)]
pub enum Session {
    Checking,
    SignedOut,
    SignedIn(User),
    /// The server cannot be reached; whether someone is signed in is unknown.
    Unknown,
}

/// The session and a way to change it (after signing in or out).
#[derive(Debug, Clone, PartialEq)]
pub struct SessionHandle {
    pub session: Session,
    pub set: Callback<Session>,
}

#[derive(Debug, Properties, PartialEq)]
pub struct SessionProviderProps {
    pub children: Children,
}

#[component]
pub fn SessionProvider(props: &SessionProviderProps) -> Html {
    let session = use_state(|| Session::Checking);
    let online = use_connection() == Connection::Online;
    // Asked at start, and again when the server comes back after it could not be asked.
    let ask = online || matches!(*session, Session::Checking);
    {
        let session = session.clone();
        use_effect_with(ask, move |ask| {
            if !*ask || !matches!(*session, Session::Checking | Session::Unknown) {
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                session.set(match api::get_json::<SessionInfo>("/api/session").await {
                    Ok(SessionInfo { user: Some(user) }) => Session::SignedIn(user),
                    Ok(SessionInfo { user: None }) => Session::SignedOut,
                    Err(_) => Session::Unknown,
                });
            });
        });
    }
    let handle = SessionHandle {
        session: (*session).clone(),
        set: {
            let session = session.clone();
            Callback::from(move |next| session.set(next))
        },
    };
    html! {
        <ContextProvider<SessionHandle> context={handle}>
            { props.children.clone() }
        </ContextProvider<SessionHandle>>
    }
}

#[hook]
pub fn use_session() -> SessionHandle {
    use_context::<SessionHandle>().unwrap_or(SessionHandle {
        session: Session::Checking,
        set: Callback::noop(),
    })
}

/// Ends the session on the server and removes the person's case data from this browser,
/// in every tab. The policy library stays: it is the same for everyone and keeps the app
/// usable offline.
pub async fn sign_out() -> Result<(), ApiFailure> {
    match api::delete("/api/session").await {
        // 401: the session had already ended on the server; the wipe is still owed.
        Ok(()) | Err(ApiFailure::Server { status: 401, .. }) => {}
        Err(failure) => return Err(failure),
    }
    crate::sync::wipe_case_data(crate::library::LIBRARY_KEYS).await;
    Ok(())
}

/// The page an administrators-only address shows to anyone else: "Loading…" while the session
/// is still being checked (announcing a refusal then would be wrong), else the refusal.
pub fn admin_only(title: &str, refusal: &str, session: &Session) -> Html {
    html! {
        <article class="page">
            <h1>{ title }</h1>
            if matches!(session, Session::Checking) {
                <p class="muted" aria-busy="true">{ crate::i18n::current().t("signin-checking") }</p>
            } else {
                <p role="alert">{ refusal }</p>
            }
        </article>
    }
}
