//! Every address the product has. A link to any of these is meant to last.

use yew::prelude::*;
use yew_router::history::{BrowserHistory, History};
use yew_router::prelude::*;

use crate::pages;

#[derive(Debug, Clone, PartialEq, Routable)]
pub enum Route {
    /// Policy search, the start page.
    #[at("/")]
    Search,
    /// A policy at its current version; the fragment names a section.
    #[at("/policies/:slug")]
    Policy { slug: String },
    /// A policy pinned to one version; the fragment names a section.
    #[at("/policies/:slug/v/:version")]
    PolicyVersion { slug: String, version: u32 },
    /// What changed between two versions of a policy.
    #[at("/policies/:slug/diff/:from/:to")]
    PolicyDiff { slug: String, from: u32, to: u32 },
    /// Sweep guidelines for real-time events.
    #[at("/sweeps")]
    Sweeps,
    /// One agent's run through a sweep's items.
    #[at("/sweeps/:id")]
    SweepRun { id: String },
    /// Case-note templates.
    #[at("/templates")]
    Templates,
    /// Writing a new template.
    #[at("/templates/new")]
    TemplateNew,
    /// Importing templates kept as Markdown files.
    #[at("/templates/import")]
    TemplateImport,
    /// Composing a note from one template.
    #[at("/templates/:id/compose")]
    Compose { id: String },
    /// Writing the next version of a template.
    #[at("/templates/:id/edit")]
    TemplateEdit { id: String },
    /// A template's versions, with what changed between them.
    #[at("/templates/:id/versions")]
    TemplateVersions { id: String },
    /// Trainers' reading lists.
    #[at("/reading")]
    Reading,
    /// One reading list: its shareable address.
    #[at("/reading/:id")]
    ReadingList { id: String },
    #[at("/settings")]
    Settings,
    #[at("/sign-in")]
    SignIn,
    /// The audit log (administrators).
    #[at("/admin/audit")]
    Audit,
    /// The people of the administrator's organisation.
    #[at("/admin/people")]
    People,
    /// Importing the policy library (the platform's policy team).
    #[at("/library/import")]
    LibraryImport,
    #[not_found]
    #[at("/404")]
    NotFound,
}

pub fn switch(route: Route) -> Html {
    match route {
        Route::Search => html! { <pages::search::SearchPage /> },
        Route::Policy { slug } => {
            html! { <pages::policy::PolicyPage {slug} version={None::<u32>} /> }
        }
        Route::PolicyVersion { slug, version } => {
            html! { <pages::policy::PolicyPage {slug} version={Some(version)} /> }
        }
        Route::PolicyDiff { slug, from, to } => {
            html! { <pages::diff::DiffPage {slug} {from} {to} /> }
        }
        Route::Sweeps => html! { <pages::sweeps::SweepsPage /> },
        Route::SweepRun { id } => html! { <pages::sweeps::SweepPage {id} /> },
        Route::Templates => html! { <pages::templates::TemplatesPage /> },
        Route::Compose { id } => html! { <pages::templates::ComposePage {id} /> },
        Route::TemplateNew => html! { <pages::templates::TemplateEditorPage id={None::<String>} /> },
        Route::TemplateEdit { id } => html! { <pages::templates::TemplateEditorPage id={Some(id)} /> },
        Route::TemplateVersions { id } => html! { <pages::templates::TemplateVersionsPage {id} /> },
        Route::TemplateImport => html! { <pages::templates::TemplateImportPage /> },
        Route::Reading => html! { <pages::reading::ReadingListsPage /> },
        Route::ReadingList { id } => html! { <pages::reading::ReadingPage {id} /> },
        Route::Settings => html! { <pages::settings::SettingsPage /> },
        Route::SignIn => html! { <pages::sign_in::SignInPage /> },
        Route::Audit => html! { <pages::audit::AuditPage /> },
        Route::People => html! { <pages::people::PeoplePage /> },
        Route::LibraryImport => html! { <pages::library_import::LibraryImportPage /> },
        Route::NotFound => html! { <pages::not_found::NotFound /> },
    }
}

/// Navigates within the app to an address that may carry a fragment
/// (`/policies/x/v/2#anchor`), which `Navigator::push` cannot express.
pub fn go(address: &str) {
    BrowserHistory::new().push(address.to_string());
}

/// The decoded value of `name` in a query string such as `?q=home%20address&p=2`.
pub fn query_param(query_str: &str, name: &str) -> Option<String> {
    query_str
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        .and_then(|value| js_sys::decode_uri_component(&value.replace('+', " ")).ok())
        .and_then(|value| value.as_string())
}
