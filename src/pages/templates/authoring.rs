//! Writing templates, for specialists, trainers and admins of the owning organisation: a
//! form for the settings, the typed fields and a body per language, with a live preview in
//! every language and each problem shown where it is (a body's with its line and column).
//! Publishing queues the next version through the outbox; a published version never
//! changes. A template's versions page shows what changed between versions and, for the
//! platform, which vendors it is shared with.

use std::collections::BTreeSet;
use std::rc::Rc;

use casebook_core::diff::{Status, Words};
use casebook_core::template::authoring::{self, Edit, TYPE_CODES};
use casebook_core::template::history::{self, Part};
use casebook_core::template::notes;
use casebook_core::template::{
    self, FieldDef, FieldKind, Kind, Language, MAX_AREA_CHARS, MAX_BODY_CHARS, MAX_FIELDS, MAX_HELP_CHARS,
    MAX_LABEL_CHARS, MAX_NAME_CHARS, MAX_PATTERN_CHARS, Template, TemplateError,
};
use casebook_core::wire::OrgKind;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;
use yew_router::prelude::*;

use super::{kind_label, sign_in_first, ui_language};
use crate::i18n::{I18n, use_i18n};
use crate::pages::sweeps::Sharing;
use crate::route::Route;
use crate::sync::{SyncHandle, use_sync};
use crate::tr;

/// A draft in the form.
#[derive(Debug, Clone, PartialEq)]
struct Draft(Template);

impl Reducible for Draft {
    type Action = Edit;

    fn reduce(self: Rc<Self>, edit: Edit) -> Rc<Self> {
        let mut t = self.0.clone();
        authoring::apply(&mut t, edit);
        Rc::new(Draft(t))
    }
}

fn on_text(draft: &UseReducerHandle<Draft>, make: impl Fn(String) -> Edit + 'static) -> Callback<InputEvent> {
    let dispatch = draft.dispatcher();
    Callback::from(move |e: InputEvent| {
        let value = e
            .target_dyn_into::<HtmlInputElement>()
            .map(|i| i.value())
            .or_else(|| e.target_dyn_into::<HtmlTextAreaElement>().map(|t| t.value()));
        if let Some(value) = value {
            dispatch.dispatch(make(value));
        }
    })
}

fn on_select(draft: &UseReducerHandle<Draft>, make: impl Fn(String) -> Option<Edit> + 'static) -> Callback<Event> {
    let dispatch = draft.dispatcher();
    Callback::from(move |e: Event| {
        if let Some(select) = e.target_dyn_into::<HtmlSelectElement>()
            && let Some(edit) = make(select.value())
        {
            dispatch.dispatch(edit);
        }
    })
}

fn type_label(i18n: &I18n, code: &str) -> String {
    i18n.t(&format!("templates-type-{}", code.replace('_', "-")))
}

fn part_label(i18n: &I18n, part: Part) -> String {
    match part {
        Part::Settings => i18n.t("templates-part-settings"),
        Part::Fields => i18n.t("templates-part-fields"),
        Part::Body(lang) => tr!(i18n, "templates-part-body", lang = lang.endonym()),
    }
}

fn status_badge(i18n: &I18n, status: Status) -> Html {
    let (class, label) = match status {
        Status::Added => ("added", i18n.t("templates-diff-added")),
        Status::Removed => ("removed", i18n.t("templates-diff-removed")),
        Status::Changed => ("changed", i18n.t("templates-diff-changed")),
        Status::Unchanged => ("unchanged", i18n.t("templates-diff-unchanged")),
    };
    html! { <span class={classes!("diff-status", class)}>{ label }</span> }
}

/// Word runs with insertions and deletions marked.
pub(super) fn words_view(words: &[Words]) -> Html {
    html! {
        <p class="diff-words" dir="auto">
            { for words.iter().map(|w| match w {
                Words::Same(t) => html! { { t } },
                Words::Inserted(t) => html! { <ins>{ t }</ins> },
                Words::Deleted(t) => html! { <del>{ t }</del> },
            }) }
        </p>
    }
}

/// What changed in each part, for parts that changed.
pub(super) fn changes_view(i18n: &I18n, changes: &[history::PartDiff]) -> Html {
    html! {
        <div class="template-changes">
            { for changes.iter().filter(|d| d.status != Status::Unchanged).map(|d| html! {
                <section class="template-change">
                    <h4>{ part_label(i18n, d.part) }{ " " }{ status_badge(i18n, d.status) }</h4>
                    { words_view(&d.words) }
                </section>
            }) }
        </div>
    }
}

/// Who may write templates, and whether this person may change template `id`.
fn may_author(sync: &SyncHandle, id: Option<&str>) -> bool {
    let user = &sync.state.user;
    notes::authors_templates(user.role)
        && id.is_none_or(|id| notes::owner(&sync.state.overlay(), id).as_deref() == Some(user.org_id.as_str()))
}

fn notice_page(i18n: &I18n, message: String) -> Html {
    html! {
        <article class="page narrow">
            <h1>{ i18n.t("templates-title") }</h1>
            <p>{ message }</p>
            <p><Link<Route> to={Route::Templates}>{ i18n.t("templates-back") }</Link<Route>></p>
        </article>
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct TemplateEditorPageProps {
    /// The template to publish the next version of; none for a new template.
    pub id: Option<String>,
}

#[component]
pub fn TemplateEditorPage(props: &TemplateEditorPageProps) -> Html {
    let i18n = use_i18n();
    let Some(sync) = use_sync() else {
        return sign_in_first(&i18n);
    };
    if !notes::authors_templates(sync.state.user.role) {
        return notice_page(&i18n, i18n.t("templates-author-not-allowed"));
    }
    match &props.id {
        None => {
            let start = Rc::new(authoring::blank(ui_language(&i18n)));
            html! { <Editor key="new" {sync} {start} /> }
        }
        Some(id) => match notes::latest_template(&sync.state.overlay(), id) {
            None => notice_page(&i18n, i18n.t("templates-not-found")),
            Some(_) if !may_author(&sync, Some(id)) => notice_page(&i18n, i18n.t("templates-author-not-owner")),
            Some(t) => html! { <Editor key={id.clone()} {sync} start={Rc::new(t)} /> },
        },
    }
}

#[derive(Debug, Properties, PartialEq)]
struct EditorProps {
    sync: SyncHandle,
    /// The draft the form opens with: the newest version, or a blank template.
    start: Rc<Template>,
}

/// The problems of a draft, where the form shows them.
#[derive(Debug, Default)]
struct Problems {
    /// By language: a body's problem, with its line and column.
    bodies: Vec<(Language, TemplateError)>,
    /// By field name.
    fields: Vec<(String, String)>,
    /// Everything else.
    general: Vec<String>,
}

fn sort_problems(errors: Vec<TemplateError>) -> Problems {
    let mut out = Problems::default();
    for e in errors {
        match &e {
            TemplateError::Body { lang, .. } => out.bodies.push((*lang, e.clone())),
            TemplateError::Invalid { what, .. } => {
                let field = what
                    .strip_prefix("field \"")
                    .or_else(|| what.split(" label of \"").nth(1))
                    .and_then(|w| w.split('"').next());
                match field {
                    Some(name) => out.fields.push((name.to_string(), e.to_string())),
                    None => out.general.push(e.to_string()),
                }
            }
        }
    }
    out
}

/// Where publishing stands.
#[derive(Debug, Clone, PartialEq)]
enum Published {
    Idle,
    Sending,
    Failed(String),
}

#[component]
fn Editor(props: &EditorProps) -> Html {
    let i18n = use_i18n();
    let draft = {
        let start = props.start.clone();
        use_reducer(move || Draft((*start).clone()))
    };
    let published = use_state(|| Published::Idle);
    let navigator = use_navigator();
    let overlay = props.sync.state.overlay();
    let is_new = props.start.id.is_empty() || notes::latest_template(&overlay, &props.start.id).is_none();
    let latest = (!is_new)
        .then(|| notes::latest_template(&overlay, &props.start.id))
        .flatten();
    let version = latest.as_ref().map_or(1, |t| t.version + 1);
    let t = authoring::finished(&draft.0, version);
    let mut errors = t.check().err().unwrap_or_default();
    if is_new && !t.id.is_empty() && notes::latest_template(&overlay, &t.id).is_some() {
        errors.insert(
            0,
            TemplateError::Invalid {
                what: "the id".into(),
                problem: i18n.t("templates-author-id-taken"),
            },
        );
    }
    let unchanged = latest.as_ref().is_some_and(|l| history::same_content(l, &t));
    let problems = sort_problems(errors.clone());
    let ready = errors.is_empty() && !unchanged && *published != Published::Sending;
    let values = template::preview_values(&t.fields);

    let publish = {
        let (sync, published, t) = (props.sync.clone(), published.clone(), t.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !ready {
                return;
            }
            let ops = match notes::publish(&t, &sync.state.user.org_id) {
                Ok(ops) => ops,
                Err(why) => {
                    published.set(Published::Failed(why.to_string()));
                    return;
                }
            };
            published.set(Published::Sending);
            let (sync, published, navigator, id) = (sync.clone(), published.clone(), navigator.clone(), t.id.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match sync.edit(ops).await {
                    Ok(()) => {
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::TemplateVersions { id });
                        }
                    }
                    Err(why) => published.set(Published::Failed(why)),
                }
            });
        })
    };

    let d = &draft.0;
    let settings = html! {
        <fieldset class="author-settings">
            <legend>{ i18n.t("templates-author-settings") }</legend>
            if is_new {
                <label for="tpl-id">{ i18n.t("templates-author-id") }</label>
                <input id="tpl-id" type="text" value={d.id.clone()} oninput={on_text(&draft, Edit::Id)} maxlength="60"
                    dir="ltr" autocomplete="off" aria-describedby="tpl-id-help" spellcheck="false" />
                <p id="tpl-id-help" class="help muted">{ i18n.t("templates-author-id-help") }</p>
            } else {
                <p>{ i18n.t("templates-author-id") }{ ": " }<code>{ &d.id }</code></p>
            }
            <label for="tpl-name">{ i18n.t("templates-author-name") }</label>
            <input id="tpl-name" type="text" value={d.name.clone()} oninput={on_text(&draft, Edit::Name)}
                maxlength={MAX_NAME_CHARS.to_string()} dir="auto" autocomplete="off" />
            <label for="tpl-kind">{ i18n.t("templates-author-kind") }</label>
            <select id="tpl-kind" onchange={on_select(&draft, |v| Kind::ALL.into_iter().find(|k| k.code() == v).map(Edit::Kind))}>
                { for Kind::ALL.into_iter().map(|k| html! {
                    <option value={k.code()} selected={k == d.kind}>{ kind_label(&i18n, k) }</option>
                }) }
            </select>
            <label for="tpl-area">{ i18n.t("templates-author-area") }</label>
            <input id="tpl-area" type="text" value={d.area.clone()} oninput={on_text(&draft, Edit::Area)}
                maxlength={MAX_AREA_CHARS.to_string()} dir="ltr" autocomplete="off" />
            <label for="tpl-default-lang">{ i18n.t("templates-author-default-lang") }</label>
            <select id="tpl-default-lang" onchange={on_select(&draft, |v| Language::from_code(&v).map(Edit::DefaultLang))}>
                { for Language::ALL.into_iter().map(|l| html! {
                    <option value={l.code()} selected={l == d.default_lang}>{ l.endonym() }</option>
                }) }
            </select>
        </fieldset>
    };

    let field_rows = d.fields.iter().enumerate().map(|(i, f)| {
        let field_problems: Vec<&String> = problems
            .fields
            .iter()
            .filter(|(name, _)| *name == f.name)
            .map(|(_, p)| p)
            .collect();
        html! {
            <FieldEditor key={i} index={i} field={f.clone()}
                problems={field_problems.into_iter().cloned().collect::<Vec<_>>()} dispatch={draft.dispatcher()} />
        }
    });

    let languages = Language::ALL.into_iter().map(|lang| {
        let variant = d.variants.get(&lang);
        let body = variant.map(|v| v.body.clone()).unwrap_or_default();
        let name = variant.and_then(|v| v.name.clone()).unwrap_or_default();
        let dir = if lang.is_rtl() { "rtl" } else { "ltr" };
        let body_error = problems.bodies.iter().find(|(l, _)| *l == lang).map(|(_, e)| e.clone());
        let has_body = t.variants.contains_key(&lang);
        let error_id = format!("body-error-{}", lang.code());
        let preview = if let Some(e) = &body_error {
            let text = match e {
                TemplateError::Body { at, message, .. } => tr!(i18n, "templates-author-body-error",
                    line = at.line, column = at.column, detail = message.clone()),
                other => other.to_string(),
            };
            html! { <p id={error_id.clone()} class="field-error body-error" role="alert">{ text }</p> }
        } else if !has_body {
            html! { <p class="muted">{ tr!(i18n, "templates-author-no-body", lang = lang.endonym(), fallback = d.default_lang.endonym()) }</p> }
        } else {
            match template::render(&t, lang, &values) {
                Ok(r) => html! {
                    <pre id={format!("preview-{}", lang.code())} class="note-preview" lang={lang.code()} {dir}>{ r.text }</pre>
                },
                Err(e) => html! { <p id={error_id.clone()} class="field-error" role="alert">{ e.to_string() }</p> },
            }
        };
        html! {
            <section class="author-language" key={lang.code()} aria-labelledby={format!("lang-title-{}", lang.code())}>
                <h3 id={format!("lang-title-{}", lang.code())}>
                    { lang.endonym() }
                    if lang == d.default_lang {
                        <span class="muted">{ format!(" ({})", i18n.t("templates-author-default")) }</span>
                    }
                </h3>
                <div class="author-language-grid">
                    <div class="field">
                        <label for={format!("name-{}", lang.code())}>{ i18n.t("templates-author-variant-name") }</label>
                        <input id={format!("name-{}", lang.code())} type="text" value={name} lang={lang.code()} {dir}
                            oninput={on_text(&draft, move |v| Edit::VariantName(lang, v))} maxlength={MAX_NAME_CHARS.to_string()} autocomplete="off" />
                        <label for={format!("body-{}", lang.code())}>{ i18n.t("templates-author-body") }</label>
                        <textarea id={format!("body-{}", lang.code())} class="code" rows="8" value={body} lang={lang.code()} {dir}
                            spellcheck="false" maxlength={MAX_BODY_CHARS.to_string()}
                            aria-invalid={body_error.as_ref().map(|_| "true")}
                            aria-describedby={body_error.as_ref().map(|_| error_id.clone())}
                            oninput={on_text(&draft, move |v| Edit::Body(lang, v))} />
                        if lang != d.default_lang && !d.fields.is_empty() {
                            <details class="author-labels">
                                <summary>{ tr!(i18n, "templates-author-labels", lang = lang.endonym()) }</summary>
                                { for d.fields.iter().enumerate().map(|(i, f)| {
                                    let label_id = format!("label-{}-{i}", lang.code());
                                    let name = f.name.clone();
                                    let value = variant.and_then(|v| v.labels.get(&f.name).cloned()).unwrap_or_default();
                                    html! {
                                        <div class="field" key={f.name.clone()}>
                                            <label for={label_id.clone()}>{ format!("{} ({})", f.label, f.name) }</label>
                                            <input id={label_id} type="text" {value} lang={lang.code()} {dir} autocomplete="off"
                                                maxlength={MAX_LABEL_CHARS.to_string()}
                                                oninput={on_text(&draft, move |v| Edit::VariantLabel(lang, name.clone(), v))} />
                                        </div>
                                    }
                                }) }
                            </details>
                        }
                    </div>
                    <div class="author-preview">
                        <p class="preview-label">{ tr!(i18n, "templates-author-preview", lang = lang.endonym()) }</p>
                        { preview }
                    </div>
                </div>
            </section>
        }
    });

    let title = if is_new {
        i18n.t("templates-author-new-title")
    } else {
        tr!(
            i18n,
            "templates-author-edit-title",
            name = props.start.name.clone(),
            version = version
        )
    };
    let add_field = {
        let dispatch = draft.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Edit::AddField))
    };
    html! {
        <article class="page template-author">
            <p><Link<Route> to={Route::Templates}>{ i18n.t("templates-back") }</Link<Route>></p>
            <h1>{ title }</h1>
            <p class="muted">{ i18n.t("templates-author-intro") }</p>
            <form class="form author-form" onsubmit={publish} novalidate=true>
                { settings }
                <fieldset class="author-fields">
                    <legend>{ tr!(i18n, "templates-author-fields", count = d.fields.len()) }</legend>
                    if d.fields.is_empty() {
                        <p class="muted">{ i18n.t("templates-author-no-fields") }</p>
                    }
                    { for field_rows }
                    <button type="button" id="add-field" onclick={add_field} disabled={d.fields.len() >= MAX_FIELDS}>
                        { i18n.t("templates-author-add-field") }
                    </button>
                </fieldset>
                <h2>{ i18n.t("templates-author-bodies") }</h2>
                <p class="muted">{ i18n.t("templates-author-bodies-help") }</p>
                { for languages }
                if !problems.general.is_empty() {
                    <ul class="author-problems">
                        { for problems.general.iter().map(|p| html! { <li class="field-error">{ p }</li> }) }
                    </ul>
                }
                if unchanged {
                    <p class="muted" id="author-unchanged">{ i18n.t("templates-author-unchanged") }</p>
                }
                if let Published::Failed(why) = &*published {
                    <p class="outcome error" role="alert">{ tr!(i18n, "templates-author-failed", detail = why.clone()) }</p>
                }
                <div class="button-row">
                    <button type="submit" id="publish-template" class="primary" disabled={!ready}>
                        { tr!(i18n, "templates-author-publish", version = version) }
                    </button>
                </div>
                if !errors.is_empty() {
                    <p class="muted" aria-live="polite">{ tr!(i18n, "templates-author-problem-count", count = errors.len()) }</p>
                }
            </form>
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct FieldEditorProps {
    index: usize,
    field: FieldDef,
    problems: Vec<String>,
    dispatch: UseReducerDispatcher<Draft>,
}

/// One field's row: name, label, type and what the type needs, required, default and help.
#[component]
fn FieldEditor(props: &FieldEditorProps) -> Html {
    let i18n = use_i18n();
    let (i, f) = (props.index, &props.field);
    let id = |what: &str| format!("f{i}-{what}");
    let text = |make: fn(usize, String) -> Edit| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|| e.target_dyn_into::<HtmlTextAreaElement>().map(|t| t.value()));
            if let Some(value) = value {
                dispatch.dispatch(make(i, value));
            }
        })
    };
    let on_type = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                dispatch.dispatch(Edit::FieldType(i, select.value()));
            }
        })
    };
    let on_required = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                dispatch.dispatch(Edit::FieldRequired(i, input.checked()));
            }
        })
    };
    let click = |edit: Edit| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(edit.clone()))
    };
    let errors_id = id("errors");
    let described = (!props.problems.is_empty()).then(|| errors_id.clone());
    let code = f.kind.code();
    let extra = match &f.kind {
        FieldKind::Choice { .. } => html! {
            <div class="field">
                <label for={id("options")}>{ i18n.t("templates-author-options") }</label>
                <textarea id={id("options")} rows="3" value={authoring::options_text(&f.kind)} oninput={text(Edit::FieldOptions)} dir="auto" />
            </div>
        },
        FieldKind::CaseId { pattern } => html! {
            <div class="field">
                <label for={id("pattern")}>{ i18n.t("templates-author-pattern") }</label>
                <input id={id("pattern")} type="text" value={pattern.clone()} oninput={text(Edit::FieldPattern)} dir="ltr"
                    maxlength={MAX_PATTERN_CHARS.to_string()} autocomplete="off" aria-describedby={id("pattern-help")} />
                <p id={id("pattern-help")} class="help muted">{ i18n.t("templates-author-pattern-help") }</p>
            </div>
        },
        FieldKind::Number { min, max } => html! {
            <>
                <div class="field">
                    <label for={id("min")}>{ i18n.t("templates-author-min") }</label>
                    <input id={id("min")} type="number" value={min.map(|m| m.to_string()).unwrap_or_default()} oninput={text(Edit::FieldMin)} />
                </div>
                <div class="field">
                    <label for={id("max")}>{ i18n.t("templates-author-max") }</label>
                    <input id={id("max")} type="number" value={max.map(|m| m.to_string()).unwrap_or_default()} oninput={text(Edit::FieldMax)} />
                </div>
            </>
        },
        _ => html! {},
    };
    html! {
        <div class={classes!("author-field", (!props.problems.is_empty()).then_some("has-error"))} role="group"
            aria-label={tr!(i18n, "templates-author-field-n", n = i + 1)} aria-describedby={described}>
            <div class="field">
                <label for={id("name")}>{ i18n.t("templates-author-field-name") }</label>
                <input id={id("name")} type="text" value={f.name.clone()} oninput={text(Edit::FieldName)} dir="ltr"
                    maxlength="40" autocomplete="off" spellcheck="false" />
            </div>
            <div class="field">
                <label for={id("label")}>{ i18n.t("templates-author-field-label") }</label>
                <input id={id("label")} type="text" value={f.label.clone()} oninput={text(Edit::FieldLabel)} dir="auto"
                    maxlength={MAX_LABEL_CHARS.to_string()} autocomplete="off" />
            </div>
            <div class="field">
                <label for={id("type")}>{ i18n.t("templates-author-field-type") }</label>
                <select id={id("type")} onchange={on_type}>
                    { for TYPE_CODES.into_iter().map(|c| html! {
                        <option value={c} selected={c == code}>{ type_label(&i18n, c) }</option>
                    }) }
                </select>
            </div>
            { extra }
            <div class="field">
                <label for={id("default")}>{ i18n.t("templates-author-field-default") }</label>
                <input id={id("default")} type="text" value={f.default.clone()} oninput={text(Edit::FieldDefault)} dir="auto"
                    maxlength={f.kind.max_chars().to_string()} autocomplete="off" />
            </div>
            <div class="field">
                <label for={id("help")}>{ i18n.t("templates-author-field-help") }</label>
                <input id={id("help")} type="text" value={f.help.clone()} oninput={text(Edit::FieldHelp)} dir="auto"
                    maxlength={MAX_HELP_CHARS.to_string()} autocomplete="off" />
            </div>
            <label class="check" for={id("required")}>
                <input id={id("required")} type="checkbox" checked={f.required} onchange={on_required} />
                { i18n.t("templates-author-field-required") }
            </label>
            <div class="button-row">
                <button type="button" onclick={click(Edit::MoveFieldUp(i))} disabled={i == 0}
                    aria-label={tr!(i18n, "templates-author-move-up-named", name = f.name.clone())}>{ i18n.t("templates-author-move-up") }</button>
                <button type="button" onclick={click(Edit::RemoveField(i))}
                    aria-label={tr!(i18n, "templates-author-remove-named", name = f.name.clone())}>{ i18n.t("templates-author-remove") }</button>
            </div>
            if !props.problems.is_empty() {
                <ul id={errors_id} class="field-problems">
                    { for props.problems.iter().map(|p| html! { <li class="field-error">{ p }</li> }) }
                </ul>
            }
        </div>
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct TemplateVersionsPageProps {
    pub id: String,
}

/// Every version of a template, newest first, each with what changed since the one before.
#[component]
pub fn TemplateVersionsPage(props: &TemplateVersionsPageProps) -> Html {
    let i18n = use_i18n();
    let error = use_state(|| None::<String>);
    let Some(sync) = use_sync() else {
        return sign_in_first(&i18n);
    };
    let overlay = sync.state.overlay();
    let versions = notes::versions(&overlay, &props.id);
    let Some(latest) = versions.last() else {
        return notice_page(&i18n, i18n.t("templates-not-found"));
    };
    let ui = ui_language(&i18n);
    let author = may_author(&sync, Some(&props.id));
    let shares = author && sync.state.user.org_kind == OrgKind::Platform;
    let on_share = {
        let (sync, id, error) = (sync.clone(), props.id.clone(), error.clone());
        Callback::from(move |orgs: BTreeSet<String>| {
            let op = notes::share(&sync.state.overlay(), &id, &orgs);
            let (sync, error) = (sync.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                error.set(sync.edit(vec![op]).await.err());
            });
        })
    };
    html! {
        <article class="page template-versions">
            <p><Link<Route> to={Route::Templates}>{ i18n.t("templates-back") }</Link<Route>></p>
            <h1>{ tr!(i18n, "templates-versions-title", name = latest.name_in(ui).to_string()) }</h1>
            <p class="button-row">
                <Link<Route> to={Route::Compose { id: props.id.clone() }}>{ i18n.t("templates-versions-compose") }</Link<Route>>
                if author {
                    <Link<Route> to={Route::TemplateEdit { id: props.id.clone() }}>
                        { tr!(i18n, "templates-versions-edit", version = latest.version + 1) }
                    </Link<Route>>
                }
            </p>
            if shares {
                <details class="template-sharing">
                    <summary>{ tr!(i18n, "templates-shared-count", count = notes::shared(&overlay, &props.id).len()) }</summary>
                    <Sharing chosen={notes::shared(&overlay, &props.id)} onchange={on_share} />
                </details>
            }
            if let Some(message) = &*error {
                <p class="error" role="alert">{ message }</p>
            }
            <ol class="version-list" reversed=true>
                { for versions.iter().enumerate().rev().map(|(i, v)| {
                    let langs: Vec<&str> = v.variants.keys().map(|l| l.endonym()).collect();
                    html! {
                        <li key={v.version} id={format!("v{}", v.version)}>
                            <h2>{ tr!(i18n, "templates-versions-version", version = v.version, name = v.name.clone()) }</h2>
                            <p class="muted">{ format!("{} · {} · {}", kind_label(&i18n, v.kind), v.area, langs.join(", ")) }</p>
                            if i == 0 {
                                <p class="muted">{ i18n.t("templates-versions-first") }</p>
                            } else {
                                <h3>{ tr!(i18n, "templates-versions-changes", from = versions[i - 1].version) }</h3>
                                { changes_view(&i18n, &history::compare(&versions[i - 1], v)) }
                            }
                        </li>
                    }
                }) }
            </ol>
        </article>
    }
}
