//! Importing templates kept as files (one Markdown file per template, front matter and a
//! section per language; `casebook_core::template::import`), in the policy library import's
//! steps: choose the folder, see every problem with its file and line or a preview of what
//! publishing adds (new templates, next versions with what changed, unchanged ones), then
//! publish them all through the outbox. The server only reads the files; publishing is an
//! ordinary sync edit under the templates tool's rules, so it is all or nothing here too.

use std::rc::Rc;

use casebook_core::template::Template;
use casebook_core::template::history::{self, Planned};
use casebook_core::template::notes;
use yew::prelude::*;
use yew_router::prelude::*;

use super::authoring::changes_view;
use super::sign_in_first;
use crate::i18n::{I18n, use_i18n};
use crate::pages::library_import::{Problem, post_files, problems_view, read_files};
use crate::route::Route;
use crate::sync::{SyncHandle, use_sync};
use crate::tr;

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Choose,
    Working,
    Problems(Vec<Problem>),
    /// The templates the files hold, by id.
    Read(Rc<Vec<Template>>),
    Published(usize),
    Failed(String),
}

/// Each template numbered against the newest version this device holds, with what
/// publishing it adds; or why it cannot be published here.
fn planned(sync: &SyncHandle, read: &[Template]) -> Vec<(Template, Result<Planned, String>)> {
    let view = sync.state.overlay();
    let org = &sync.state.user.org_id;
    read.iter()
        .map(|t| {
            let mut t = t.clone();
            let latest = notes::latest_template(&view, &t.id);
            let owner = notes::owner(&view, &t.id);
            let plan = match owner {
                Some(owner) if owner != *org => Err(crate::i18n::current().t("templates-import-not-ours")),
                _ => Ok(history::plan(&mut t, latest.as_ref())),
            };
            (t, plan)
        })
        .collect()
}

#[component]
pub fn TemplateImportPage() -> Html {
    let i18n = use_i18n();
    let step = use_state(|| Step::Choose);
    let Some(sync) = use_sync() else {
        return sign_in_first(&i18n);
    };
    if !notes::authors_templates(sync.state.user.role) {
        return html! {
            <article class="page narrow">
                <h1>{ i18n.t("templates-import-title") }</h1>
                <p>{ i18n.t("templates-author-not-allowed") }</p>
            </article>
        };
    }
    let onchange = {
        let step = step.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let step = step.clone();
            step.set(Step::Working);
            wasm_bindgen_futures::spawn_local(async move {
                let read = match read_files(&input).await {
                    Ok(read) => read,
                    Err(message) => return step.set(Step::Failed(message)),
                };
                step.set(match post_files("/api/templates/parse", &read).await {
                    Ok(Ok(text)) => match serde_json::from_str::<Vec<Template>>(&text) {
                        Ok(templates) => Step::Read(Rc::new(templates)),
                        Err(_) => Step::Failed(crate::i18n::current().t("api-unreadable")),
                    },
                    Ok(Err(problems)) => Step::Problems(problems),
                    Err(message) => Step::Failed(message),
                });
            });
        })
    };
    let body = match &*step {
        Step::Choose => html! {},
        Step::Working => html! { <p class="muted" role="status" aria-busy="true">{ i18n.t("import-working") }</p> },
        Step::Failed(message) => html! { <p class="error" role="alert">{ message }</p> },
        Step::Problems(problems) => problems_view(&i18n, problems),
        Step::Read(read) => preview(&i18n, &sync, read, &step),
        Step::Published(count) => html! {
            <p class="import-done" role="status">
                { tr!(i18n, "templates-import-published", count = *count) }{ " " }
                <Link<Route> to={Route::Templates}>{ i18n.t("templates-back") }</Link<Route>>
            </p>
        },
    };
    html! {
        <article class="page import-page">
            <p><Link<Route> to={Route::Templates}>{ i18n.t("templates-back") }</Link<Route>></p>
            <h1>{ i18n.t("templates-import-title") }</h1>
            <p>{ i18n.t("templates-import-intro") }</p>
            <div class="import-choose">
                <label for="import-folder">{ i18n.t("templates-import-folder") }</label>
                <input id="import-folder" type="file" webkitdirectory={true} multiple={true} onchange={onchange.clone()} />
                <label for="import-files">{ i18n.t("import-files") }</label>
                <input id="import-files" type="file" multiple={true} accept=".md" {onchange} />
            </div>
            { body }
        </article>
    }
}

fn preview(i18n: &I18n, sync: &SyncHandle, read: &[Template], step: &UseStateHandle<Step>) -> Html {
    let plans = planned(sync, read);
    let refused: Vec<&(Template, Result<Planned, String>)> = plans.iter().filter(|(_, p)| p.is_err()).collect();
    let to_publish: Vec<Template> = plans
        .iter()
        .filter(|(_, p)| matches!(p, Ok(Planned::New | Planned::NextVersion { .. })))
        .map(|(t, _)| t.clone())
        .collect();
    let unchanged = plans
        .iter()
        .filter(|(_, p)| matches!(p, Ok(Planned::Unchanged { .. })))
        .count();
    let publish = {
        let (sync, step, to_publish) = (sync.clone(), step.clone(), to_publish.clone());
        Callback::from(move |_: MouseEvent| {
            let org = sync.state.user.org_id.clone();
            let mut ops = Vec::new();
            for t in &to_publish {
                match notes::publish(t, &org) {
                    Ok(more) => ops.extend(more),
                    Err(why) => return step.set(Step::Failed(why.to_string())),
                }
            }
            let (sync, step, count) = (sync.clone(), step.clone(), to_publish.len());
            step.set(Step::Working);
            wasm_bindgen_futures::spawn_local(async move {
                step.set(match sync.edit(ops).await {
                    Ok(()) => Step::Published(count),
                    Err(why) => Step::Failed(why),
                });
            });
        })
    };
    html! {
        <section class="import-preview" aria-labelledby="import-preview-h">
            <h2 id="import-preview-h">{ i18n.t("import-preview") }</h2>
            <ul class="template-import-list">
                { for plans.iter().map(|(t, plan)| html! {
                    <li key={t.id.clone()}>
                        <strong dir="auto">{ &t.name }</strong>{ format!(" ({}) — ", t.id) }
                        { match plan {
                            Ok(Planned::New) => html! { { i18n.t("templates-import-new") } },
                            Ok(Planned::NextVersion { from, changes }) => html! {
                                <>
                                    { tr!(i18n, "templates-import-next", version = t.version, from = *from) }
                                    { changes_view(i18n, changes) }
                                </>
                            },
                            Ok(Planned::Unchanged { version }) => html! { { tr!(i18n, "templates-import-unchanged", version = *version) } },
                            Err(why) => html! { <span class="field-error">{ why }</span> },
                        } }
                    </li>
                }) }
            </ul>
            <p class="muted">{ tr!(i18n, "import-unchanged", count = unchanged) }</p>
            if !refused.is_empty() {
                <p class="error" role="alert">{ i18n.t("templates-import-refused") }</p>
            } else if to_publish.is_empty() {
                <p role="status">{ i18n.t("templates-import-nothing") }</p>
            } else {
                <button type="button" class="primary import-apply" id="publish-import" onclick={publish}>
                    { tr!(i18n, "templates-import-publish", count = to_publish.len()) }
                </button>
            }
        </section>
    }
}
