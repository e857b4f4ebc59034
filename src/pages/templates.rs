//! Case-note templates: the list (a keyboard search over name, policy area, kind and
//! language, with the core search engine), the composer (typed fields validated as one
//! types, a live preview in the chosen language, the personal-data check, Ctrl+Enter copies
//! and saves), and the organisation's note history, searchable offline, where a note is
//! amended (a new note linking to the old one). A composer opened from a sweep item
//! (`?sweep=ID&item=N`) links the note to the item and offers to put the text in the
//! item's note. Writing and importing templates is in `authoring` and `import`. Templates and notes
//! are read from the replica and saved through [`crate::sync`], so all of it works offline.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use casebook_core::search::Engine;
use casebook_core::template::notes::{self, Note};
use casebook_core::template::pii::{self, PiiKind};
use casebook_core::template::{self, FieldDef, FieldKind, FieldProblem, Kind, Language, Template};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::sign_in_link::SignInLink;
use crate::i18n::{I18n, Lang, use_i18n};
use crate::route::Route;
use crate::secure_context;
use crate::shortcuts::use_shortcut;
use crate::sync::{SyncHandle, use_sync};
use crate::tr;

mod authoring;
mod import;

pub use authoring::{TemplateEditorPage, TemplateVersionsPage};
pub use import::TemplateImportPage;

/// How many notes the history shows at once.
const HISTORY_PAGE: usize = 50;

/// The note language matching the interface language.
fn ui_language(i18n: &I18n) -> Language {
    match i18n.lang() {
        Lang::En => Language::En,
        Lang::Es => Language::Es,
        Lang::Ar => Language::Ar,
        Lang::Ja => Language::Ja,
    }
}

fn kind_label(i18n: &I18n, kind: Kind) -> String {
    match kind {
        Kind::Notice => i18n.t("templates-kind-notice"),
        Kind::Enforcement => i18n.t("templates-kind-enforcement"),
        Kind::Escalation => i18n.t("templates-kind-escalation"),
    }
}

fn pii_label(i18n: &I18n, kind: PiiKind) -> String {
    match kind {
        PiiKind::Email => i18n.t("templates-pii-kind-email"),
        PiiKind::Phone => i18n.t("templates-pii-kind-phone"),
        PiiKind::Card => i18n.t("templates-pii-kind-card"),
        PiiKind::Iban => i18n.t("templates-pii-kind-iban"),
    }
}

fn problem_text(i18n: &I18n, problem: &FieldProblem) -> String {
    match problem {
        FieldProblem::Required => i18n.t("templates-problem-required"),
        FieldProblem::TooLong(max) => tr!(i18n, "templates-problem-too-long", max = *max),
        FieldProblem::Control => i18n.t("templates-problem-control"),
        FieldProblem::NotAChoice => i18n.t("templates-problem-not-a-choice"),
        FieldProblem::BadHandle => i18n.t("templates-problem-bad-handle"),
        FieldProblem::BadUrl => i18n.t("templates-problem-bad-url"),
        FieldProblem::TooManyLinks => tr!(i18n, "templates-problem-too-many-links", max = template::MAX_LINKS),
        FieldProblem::BadDate => i18n.t("templates-problem-bad-date"),
        FieldProblem::NotANumber => i18n.t("templates-problem-not-a-number"),
        FieldProblem::BelowMin(min) => tr!(i18n, "templates-problem-below-min", min = *min),
        FieldProblem::AboveMax(max) => tr!(i18n, "templates-problem-above-max", max = *max),
        FieldProblem::Pattern(pattern) => tr!(i18n, "templates-problem-pattern", pattern = pattern.clone()),
        FieldProblem::BadPolicyRef => i18n.t("templates-problem-bad-policy-ref"),
    }
}

fn sign_in_first(i18n: &I18n) -> Html {
    html! {
        <article class="page narrow">
            <h1>{ i18n.t("templates-title") }</h1>
            <p>{ i18n.t("templates-sign-in") }</p>
            <p><SignInLink /></p>
        </article>
    }
}

/// The sweep item a composer was opened for: `?sweep=ID&item=N` (items count from 1).
fn sweep_link(query: &str) -> Option<(String, usize)> {
    let sweep = crate::route::query_param(query, "sweep")?;
    let item = crate::route::query_param(query, "item")?
        .parse()
        .ok()
        .filter(|n| *n >= 1)?;
    (sweep.len() <= 40 && sweep.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')).then_some((sweep, item))
}

/// The composer's address for template `id`, keeping the sweep item it is for.
fn compose_address(id: &str, sweep: &Option<(String, usize)>) -> String {
    let base = Route::Compose { id: id.to_string() }.to_path();
    match sweep {
        Some((sweep, item)) => format!("{base}?sweep={sweep}&item={item}"),
        None => base,
    }
}

/// A link's click handled in the app (an address with a query, which `Link` cannot carry).
fn go_to(address: String) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        if !(e.ctrl_key() || e.meta_key() || e.shift_key()) {
            e.prevent_default();
            crate::route::go(&address);
        }
    })
}

#[component]
pub fn TemplatesPage() -> Html {
    let i18n = use_i18n();
    let query = use_state(String::new);
    let search = use_node_ref();
    let location = use_location();
    let sync = use_sync();
    let templates: Rc<Vec<Template>> = Rc::new(
        sync.as_ref()
            .map(|s| notes::list(&s.state.overlay()))
            .unwrap_or_default(),
    );
    let refs: Vec<String> = templates.iter().map(Template::reference).collect();
    let engine = {
        let templates = templates.clone();
        use_memo(refs, move |_| {
            RefCell::new(Engine::new(template::search_index(&templates)))
        })
    };
    {
        let search = search.clone();
        use_shortcut("/", move || {
            if let Some(input) = search.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }
    let Some(sync) = sync else {
        return sign_in_first(&i18n);
    };
    let lang = ui_language(&i18n);
    let shown: Vec<(&Template, Language)> = if query.trim().is_empty() {
        templates
            .iter()
            .map(|t| {
                (
                    t,
                    if t.variants.contains_key(&lang) {
                        lang
                    } else {
                        t.default_lang
                    },
                )
            })
            .collect()
    } else {
        template::search(&mut engine.borrow_mut(), &query, 50)
            .into_iter()
            .filter_map(|(id, found)| templates.iter().find(|t| t.id == id).map(|t| (t, found)))
            .collect()
    };
    let first = shown.first().map(|(t, _)| t.id.clone());
    let author = notes::authors_templates(sync.state.user.role);
    let from_sweep = sweep_link(location.as_ref().map_or("", |l| l.query_str()));
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                query.set(input.value());
            }
        })
    };
    let from_sweep_enter = from_sweep.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter"
            && let Some(id) = first.clone()
        {
            e.prevent_default();
            crate::route::go(&compose_address(&id, &from_sweep_enter));
        }
    });
    html! {
        <article class="page templates">
            <h1>{ i18n.t("templates-title") }</h1>
            <p class="muted">{ i18n.t("templates-intro") }</p>
            if let Some((sweep, item)) = &from_sweep {
                <p class="outcome" role="status">{ tr!(i18n, "templates-for-sweep-item", item = *item, sweep = sweep.clone()) }</p>
            }
            if author {
                <p class="button-row template-authoring-links">
                    <Link<Route> to={Route::TemplateNew}>{ i18n.t("templates-new") }</Link<Route>>
                    <Link<Route> to={Route::TemplateImport}>{ i18n.t("templates-import") }</Link<Route>>
                </p>
            }
            <div class="template-search" role="search">
                <label for="template-search">{ i18n.t("templates-search-label") }</label>
                <input id="template-search" type="search" ref={search} value={(*query).clone()} {oninput} {onkeydown}
                    maxlength="200" autocomplete="off" aria-describedby="template-search-hint"
                    placeholder={i18n.t("templates-search-placeholder")} />
                <p id="template-search-hint" class="muted">{ i18n.t("templates-search-hint") }</p>
            </div>
            <p class="muted" aria-live="polite">{ tr!(i18n, "templates-count", count = shown.len()) }</p>
            if templates.is_empty() {
                <p class="empty">{ i18n.t("templates-none") }</p>
            } else if shown.is_empty() {
                <p class="empty">{ tr!(i18n, "templates-no-match", query = (*query).clone()) }</p>
            } else {
                <ul class="template-list">
                    { for shown.iter().map(|(t, found)| {
                        let langs: Vec<&str> = t.variants.keys().map(|l| l.endonym()).collect();
                        html! {
                            <li key={t.id.clone()}>
                                <a href={compose_address(&t.id, &from_sweep)} onclick={go_to(compose_address(&t.id, &from_sweep))}>
                                    <span lang={found.code()} dir={if found.is_rtl() { "rtl" } else { "ltr" }}>{ t.name_in(*found) }</span>
                                </a>
                                <span class={classes!("badge", format!("kind-{}", t.kind.code()))}>{ kind_label(&i18n, t.kind) }</span>
                                <span class="muted">{ format!("{} · {} · ", t.area, langs.join(", ")) }</span>
                                <Link<Route> to={Route::TemplateVersions { id: t.id.clone() }} classes="muted">
                                    { tr!(i18n, "templates-version", version = t.version) }
                                </Link<Route>>
                            </li>
                        }
                    }) }
                </ul>
            }
            <NoteHistory sync={sync} />
        </article>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct HistoryProps {
    sync: SyncHandle,
}

/// The organisation's notes, newest first, searchable by case id, policy, template and text.
#[component]
fn NoteHistory(props: &HistoryProps) -> Html {
    let i18n = use_i18n();
    let query = use_state(String::new);
    // The search is built on the first word typed, and again only when the notes change: the
    // history opens at once however many notes there are.
    let cache = use_mut_ref(|| None::<(Vec<String>, Rc<notes::NoteSearch>)>);
    let all = notes::notes(&props.sync.state.overlay());
    let found: Vec<&notes::SavedNote> = if query.trim().is_empty() {
        all.iter().collect()
    } else {
        let keys: Vec<String> = all.iter().map(|n| n.id.clone()).collect();
        let mut cache = cache.borrow_mut();
        let index = match &*cache {
            Some((built, index)) if *built == keys => index.clone(),
            _ => {
                let index = Rc::new(notes::NoteSearch::new(&all));
                *cache = Some((keys, index.clone()));
                index
            }
        };
        index.search(&query).into_iter().filter_map(|i| all.get(i)).collect()
    };
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                query.set(input.value());
            }
        })
    };
    let amends = notes::amendments(&all);
    let by_id: BTreeMap<&str, &notes::SavedNote> = all.iter().map(|n| (n.id.as_str(), n)).collect();
    let amends_notes = notes::writes_notes(props.sync.state.user.role);
    html! {
        <section class="note-history" aria-labelledby="note-history-title">
            <h2 id="note-history-title">{ i18n.t("templates-history") }</h2>
            <label for="note-search">{ i18n.t("templates-history-search") }</label>
            <input id="note-search" type="search" value={(*query).clone()} {oninput} maxlength="200" autocomplete="off"
                placeholder={i18n.t("templates-history-placeholder")} />
            if all.is_empty() {
                <p class="empty">{ i18n.t("templates-history-none") }</p>
            } else if found.is_empty() {
                <p class="empty">{ i18n.t("templates-history-no-match") }</p>
            } else {
                <ol class="note-list">
                    { for found.iter().take(HISTORY_PAGE).map(|n| {
                        let meta = tr!(i18n, "templates-note-meta",
                            template = n.note.template_ref(),
                            lang = n.note.lang.endonym(),
                            author = if n.author.is_empty() { props.sync.state.user.name.clone() } else { n.author.clone() },
                            time = i18n.date_time(n.note.at_ms as f64));
                        let kept: Vec<String> = n.note.kept_personal_data.iter().map(|k| pii_label(&i18n, *k)).collect();
                        html! {
                            <li key={n.id.clone()} id={format!("note-{}", n.id)} class={classes!("note", amends.contains_key(n.id.as_str()).then_some("superseded"))}>
                                <p class="note-meta muted">
                                    { meta }
                                    if let Some(case) = &n.note.case_id {
                                        { " · " }<span class="note-case">{ tr!(i18n, "templates-note-case", case = case.clone()) }</span>
                                    }
                                    if n.pending {
                                        { " · " }<span class="badge pending">{ i18n.t("templates-note-pending") }</span>
                                    }
                                    if let Some(newer) = amends.get(n.id.as_str()) {
                                        { " · " }<span class="badge amended">{ i18n.t("templates-note-amended") }</span>
                                        { " " }<a href={format!("#note-{newer}")}>{ i18n.t("templates-note-see-amendment") }</a>
                                    }
                                </p>
                                if let Some((sweep, item)) = n.note.sweep_item.as_deref().and_then(|o| o.strip_prefix("sweep/")).and_then(|o| o.split_once("/item/")) {
                                    <p class="note-chain muted">
                                        <a href={format!("{}#item-{item}", Route::SweepRun { id: sweep.to_string() }.to_path())}>
                                            { tr!(i18n, "templates-note-sweep-item", item = item.to_string(), sweep = sweep.to_string()) }
                                        </a>
                                    </p>
                                }
                                if let Some(old) = &n.note.amends {
                                    <p class="note-chain muted">
                                        { match by_id.get(old.as_str()) {
                                            Some(o) => html! { <a href={format!("#note-{old}")}>{ tr!(i18n, "templates-note-amends", time = i18n.date_time(o.note.at_ms as f64)) }</a> },
                                            None => html! { { i18n.t("templates-note-amends-unknown") } },
                                        } }
                                    </p>
                                }
                                <pre class="note-text" lang={n.note.lang.code()} dir={if n.note.lang.is_rtl() { "rtl" } else { "ltr" }}>{ &n.note.text }</pre>
                                if !kept.is_empty() {
                                    <p class="note-kept">{ tr!(i18n, "templates-note-kept", kinds = kept.join(", ")) }</p>
                                }
                                if amends_notes {
                                    <p class="note-actions">
                                        <a class="amend" href={format!("{}?amend={}", Route::Compose { id: n.note.template.clone() }.to_path(), n.id)}
                                            onclick={go_to(format!("{}?amend={}", Route::Compose { id: n.note.template.clone() }.to_path(), n.id))}
                                            aria-label={tr!(i18n, "templates-note-amend-named", time = i18n.date_time(n.note.at_ms as f64))}>
                                            { i18n.t("templates-note-amend") }
                                        </a>
                                    </p>
                                }
                            </li>
                        }
                    }) }
                </ol>
            }
        </section>
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct ComposePageProps {
    pub id: String,
}

#[component]
pub fn ComposePage(props: &ComposePageProps) -> Html {
    let i18n = use_i18n();
    let location = use_location();
    let Some(sync) = use_sync() else {
        return sign_in_first(&i18n);
    };
    let query = location.as_ref().map_or("", |l| l.query_str());
    let overlay = sync.state.overlay();
    // An amendment starts from the note it amends, in the template version that note used.
    let amends = crate::route::query_param(query, "amend")
        .and_then(|id| notes::notes(&overlay).into_iter().find(|n| n.id == id))
        .map(Rc::new);
    let template = match &amends {
        Some(old) => notes::versions(&overlay, &props.id)
            .into_iter()
            .find(|t| t.version == old.note.version)
            .or_else(|| notes::latest_template(&overlay, &props.id)),
        None => notes::latest_template(&overlay, &props.id),
    };
    let sweep_item = sweep_link(query);
    match template {
        Some(t) => {
            let key = format!("{}{}", t.reference(), amends.as_ref().map_or("", |n| n.id.as_str()));
            html! { <Composer {key} template={Rc::new(t)} {sync} {amends} {sweep_item} /> }
        }
        None => html! {
            <article class="page narrow">
                <h1>{ i18n.t("templates-title") }</h1>
                <p>{ i18n.t("templates-not-found") }</p>
                <p><Link<Route> to={Route::Templates}>{ i18n.t("templates-back") }</Link<Route>></p>
            </article>
        },
    }
}

#[derive(Debug, Properties, PartialEq)]
struct ComposerProps {
    template: Rc<Template>,
    sync: SyncHandle,
    /// The note this one amends.
    amends: Option<Rc<notes::SavedNote>>,
    /// The sweep item (sweep id, item number) the note is written for.
    sweep_item: Option<(String, usize)>,
}

/// What a note links to: the note it amends, the sweep item it was written for.
#[derive(Debug, Clone, PartialEq, Default)]
struct Links {
    amends: Option<String>,
    sweep_item: Option<(String, usize)>,
}

/// Where copying and saving stands.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Idle,
    /// Required or malformed fields, by label.
    Blocked(Vec<String>),
    /// Personal data in free text: (field label, kind), waiting for redact or keep.
    PersonalData(Vec<(String, PiiKind)>),
    Saved {
        copied: bool,
        /// The text, for the sweep item's note.
        text: String,
    },
    Failed(String),
}

/// Personal data in the template's free-text fields: (field name, kind).
fn personal_data(t: &Template, values: &BTreeMap<String, String>) -> Vec<(String, PiiKind)> {
    t.fields
        .iter()
        .filter(|f| f.kind.is_free_text())
        .flat_map(|f| {
            let value = values.get(&f.name).map_or("", String::as_str);
            pii::scan(value).into_iter().map(|found| (f.name.clone(), found.kind))
        })
        .collect()
}

/// Renders, copies and saves the note; sets the outcome.
fn finish(
    t: &Template,
    lang: Language,
    values: &BTreeMap<String, String>,
    kept: Vec<PiiKind>,
    links: &Links,
    sync: &SyncHandle,
    outcome: UseStateHandle<Outcome>,
) {
    let rendered = match template::render(t, lang, values) {
        Ok(r) => r,
        Err(e) => {
            outcome.set(Outcome::Failed(e.to_string()));
            return;
        }
    };
    let filled = |pred: fn(&FieldKind) -> bool| -> Vec<String> {
        t.fields
            .iter()
            .filter(|f| pred(&f.kind))
            .filter_map(|f| values.get(&f.name).map(|v| v.trim().to_string()))
            .filter(|v| !v.is_empty())
            .collect()
    };
    let mut kept = kept;
    kept.sort();
    kept.dedup();
    let note = Note {
        template: t.id.clone(),
        version: t.version,
        lang: rendered.lang,
        values: values
            .iter()
            .filter(|(k, v)| t.field(k).is_some() && !v.is_empty())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        policy_refs: filled(|k| matches!(k, FieldKind::PolicyRef)),
        case_id: filled(|k| matches!(k, FieldKind::CaseId { .. })).into_iter().next(),
        text: rendered.text.clone(),
        at_ms: js_sys::Date::now() as u64,
        kept_personal_data: kept,
        amends: links.amends.clone(),
        sweep_item: links
            .sweep_item
            .as_ref()
            .map(|(sweep, n)| casebook_core::sweep::item_object(sweep, *n)),
    };
    let ops = match notes::save(&crate::sync::new_object_id(16), &sync.state.user.org_id, &note) {
        Ok(ops) => ops,
        Err(e) => {
            outcome.set(Outcome::Failed(e.to_string()));
            return;
        }
    };
    let clipboard = secure_context::clipboard().map(|c| c.write_text(&rendered.text));
    let text = rendered.text;
    let sync = sync.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let copied = match clipboard {
            Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
            None => false,
        };
        outcome.set(match sync.edit(ops).await {
            Ok(()) => Outcome::Saved { copied, text },
            Err(why) => Outcome::Failed(why),
        });
    });
}

fn focus(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id)
        && let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el)
    {
        let _ = el.focus();
    }
}

#[component]
fn Composer(props: &ComposerProps) -> Html {
    let i18n = use_i18n();
    let t = props.template.clone();
    let ui = ui_language(&i18n);
    let values = {
        let (t, amends) = (t.clone(), props.amends.clone());
        use_state(move || {
            let mut values = template::defaults(&t);
            if let Some(old) = amends {
                values.extend(
                    old.note
                        .values
                        .iter()
                        .filter(|(name, _)| t.field(name).is_some())
                        .map(|(k, v)| (k.clone(), v.clone())),
                );
            }
            values
        })
    };
    let lang = {
        let (t, amends) = (t.clone(), props.amends.clone());
        use_state(move || {
            if let Some(old) = amends {
                old.note.lang
            } else if t.variants.contains_key(&ui) {
                ui
            } else {
                t.default_lang
            }
        })
    };
    let attempted = use_state(|| false);
    let outcome = use_state(|| Outcome::Idle);
    let item_note = use_state(|| None::<Result<(), String>>);
    let links = Links {
        amends: props.amends.as_ref().map(|n| n.id.clone()),
        sweep_item: props.sweep_item.clone(),
    };
    let rendered = template::render(&t, *lang, &values);
    let problems: BTreeMap<String, FieldProblem> = template::validate(&t, &values).into_iter().collect();

    let copy_and_save = {
        let (t, values, lang, attempted, outcome, sync) = (
            t.clone(),
            values.clone(),
            lang.clone(),
            attempted.clone(),
            outcome.clone(),
            props.sync.clone(),
        );
        let links = links.clone();
        Callback::from(move |()| {
            let problems = template::validate(&t, &values);
            if let Some((first, _)) = problems.first() {
                attempted.set(true);
                let labels = problems
                    .iter()
                    .filter_map(|(name, _)| t.field(name).map(|f| t.label_in(f, ui).to_string()))
                    .collect();
                outcome.set(Outcome::Blocked(labels));
                focus(&format!("field-{first}"));
                return;
            }
            let found = personal_data(&t, &values);
            if !found.is_empty() {
                let named = found
                    .into_iter()
                    .map(|(name, kind)| {
                        (
                            t.field(&name).map_or(name.clone(), |f| t.label_in(f, ui).to_string()),
                            kind,
                        )
                    })
                    .collect();
                outcome.set(Outcome::PersonalData(named));
                return;
            }
            finish(&t, *lang, &values, Vec::new(), &links, &sync, outcome.clone());
        })
    };
    let redact = {
        let (t, values, lang, outcome, sync) = (
            t.clone(),
            values.clone(),
            lang.clone(),
            outcome.clone(),
            props.sync.clone(),
        );
        let links = links.clone();
        Callback::from(move |_: MouseEvent| {
            let mut cleaned = (*values).clone();
            for f in t.fields.iter().filter(|f| f.kind.is_free_text()) {
                if let Some(v) = cleaned.get_mut(&f.name) {
                    *v = pii::redact(v);
                }
            }
            values.set(cleaned.clone());
            finish(&t, *lang, &cleaned, Vec::new(), &links, &sync, outcome.clone());
        })
    };
    let keep = {
        let (t, values, lang, outcome, sync) = (
            t.clone(),
            values.clone(),
            lang.clone(),
            outcome.clone(),
            props.sync.clone(),
        );
        let links = links.clone();
        Callback::from(move |_: MouseEvent| {
            let kinds = personal_data(&t, &values).into_iter().map(|(_, k)| k).collect();
            finish(&t, *lang, &values, kinds, &links, &sync, outcome.clone());
        })
    };
    let onkeydown = {
        let copy_and_save = copy_and_save.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                copy_and_save.emit(());
            }
        })
    };
    let onsubmit = {
        let copy_and_save = copy_and_save.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            copy_and_save.emit(());
        })
    };
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>()
                && let Some(l) = Language::from_code(&select.value())
            {
                lang.set(l);
            }
        })
    };
    let set_value = {
        let (values, outcome) = (values.clone(), outcome.clone());
        Callback::from(move |(name, value): (String, String)| {
            let mut next = (*values).clone();
            next.insert(name, value);
            values.set(next);
            if !matches!(*outcome, Outcome::Idle) {
                outcome.set(Outcome::Idle);
            }
        })
    };
    let fields = t.fields.iter().map(|f| {
        let value = values.get(&f.name).cloned().unwrap_or_default();
        let shown_problem = problems
            .get(&f.name)
            .filter(|p| *attempted || (**p != FieldProblem::Required && !value.trim().is_empty()));
        html! {
            <FieldInput key={f.name.clone()} field={f.clone()} label={t.label_in(f, ui).to_string()} value={value}
                problem={shown_problem.map(|p| problem_text(&i18n, p))} onchange={set_value.clone()} />
        }
    });
    let variant_lang = |l: Language| {
        if t.variants.contains_key(&l) {
            l.endonym().to_string()
        } else {
            tr!(
                i18n,
                "templates-falls-back",
                lang = l.endonym(),
                fallback = t.default_lang.endonym()
            )
        }
    };
    let outcome_view = match &*outcome {
        Outcome::Idle => html! {},
        Outcome::Blocked(labels) => html! {
            <p class="outcome error" role="alert" id="compose-blocked">{ tr!(i18n, "templates-blocked", fields = labels.join(", ")) }</p>
        },
        Outcome::PersonalData(found) => html! {
            <div class="outcome warning pii-warning" role="alert" aria-labelledby="pii-title">
                <h2 id="pii-title">{ i18n.t("templates-pii-title") }</h2>
                <ul>
                    { for found.iter().map(|(field, kind)| html! {
                        <li>{ tr!(i18n, "templates-pii-found", kind = pii_label(&i18n, *kind), field = field.clone()) }</li>
                    }) }
                </ul>
                <div class="button-row">
                    <button type="button" id="pii-redact" onclick={redact}>{ i18n.t("templates-pii-redact") }</button>
                    <button type="button" id="pii-keep" onclick={keep}>{ i18n.t("templates-pii-keep") }</button>
                </div>
            </div>
        },
        Outcome::Saved { copied, text } => {
            let put_in_item = props.sweep_item.clone().map(|(sweep, n)| {
                let (sync, item_note, text) = (props.sync.clone(), item_note.clone(), text.clone());
                Callback::from(move |_: MouseEvent| {
                    use casebook_core::sweep::{self, ItemEdit};
                    let overlay = sync.state.overlay();
                    let base = sweep::item(&overlay, &sweep, n).note.base();
                    let op = ItemEdit::Note(text.clone()).op_for(&sweep::item_object(&sweep, n), base);
                    let (sync, item_note) = (sync.clone(), item_note.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        item_note.set(Some(sync.edit(vec![op]).await));
                    });
                })
            });
            html! {
                <div class="outcome ok" role="status">
                    <p>{ if *copied { i18n.t("templates-saved") } else { i18n.t("templates-saved-not-copied") } }</p>
                    if let (Some(onclick), Some((sweep, n))) = (put_in_item, &props.sweep_item) {
                        <div class="button-row">
                            <button type="button" id="put-in-item" {onclick}>{ tr!(i18n, "templates-put-in-item", item = *n) }</button>
                            <a href={format!("{}#item-{}", Route::SweepRun { id: sweep.clone() }.to_path(), n)}
                                onclick={go_to(format!("{}#item-{}", Route::SweepRun { id: sweep.clone() }.to_path(), n))}>
                                { i18n.t("templates-back-to-sweep") }
                            </a>
                        </div>
                    }
                    { match &*item_note {
                        Some(Ok(())) => html! { <p id="item-note-done">{ i18n.t("templates-put-in-item-done") }</p> },
                        Some(Err(why)) => html! { <p class="error">{ why }</p> },
                        None => html! {},
                    } }
                </div>
            }
        }
        Outcome::Failed(why) => {
            html! { <p class="outcome error" role="alert">{ tr!(i18n, "templates-save-failed", detail = why.clone()) }</p> }
        }
    };
    let (preview, preview_lang) = match &rendered {
        Ok(r) => (
            html! {
                <pre id="note-preview" class="note-preview" lang={r.lang.code()} dir={if r.rtl { "rtl" } else { "ltr" }}
                    aria-labelledby="preview-title" tabindex="0">{ &r.text }</pre>
            },
            r.lang,
        ),
        Err(e) => (
            html! { <p id="note-preview" class="outcome error" role="alert">{ tr!(i18n, "templates-preview-error", detail = e.to_string()) }</p> },
            *lang,
        ),
    };
    html! {
        <article class="page compose">
            <p><Link<Route> to={Route::Templates}>{ i18n.t("templates-back") }</Link<Route>></p>
            <h1>{ tr!(i18n, "templates-compose-title", name = t.name_in(ui).to_string()) }</h1>
            if let Some(old) = &props.amends {
                <p class="outcome amending" role="status">{ tr!(i18n, "templates-amending", time = i18n.date_time(old.note.at_ms as f64)) }</p>
            }
            if let Some((sweep, n)) = &props.sweep_item {
                <p class="outcome" role="status">{ tr!(i18n, "templates-for-sweep-item", item = *n, sweep = sweep.clone()) }</p>
            }
            <p class="muted">
                <span class={classes!("badge", format!("kind-{}", t.kind.code()))}>{ kind_label(&i18n, t.kind) }</span>
                { format!(" {} · ", t.area) }{ tr!(i18n, "templates-version", version = t.version) }
            </p>
            <div class="compose-grid">
                <form class="form compose-form" {onsubmit} {onkeydown} novalidate=true aria-labelledby="fields-title">
                    <h2 id="fields-title">{ i18n.t("templates-fields") }</h2>
                    <label for="note-lang">{ i18n.t("templates-note-language") }</label>
                    <select id="note-lang" onchange={on_lang}>
                        { for Language::ALL.into_iter().map(|l| html! {
                            <option value={l.code()} selected={l == *lang}>{ variant_lang(l) }</option>
                        }) }
                    </select>
                    { for fields }
                    <div class="button-row">
                        <button type="submit" id="copy-save" class="primary" aria-describedby="copy-hint">{ i18n.t("templates-copy-save") }</button>
                    </div>
                    <p id="copy-hint" class="muted">{ i18n.t("templates-copy-hint") }</p>
                    { outcome_view }
                </form>
                <section class="preview" aria-labelledby="preview-title">
                    <h2 id="preview-title">{ i18n.t("templates-preview") }{ format!(" · {}", preview_lang.endonym()) }</h2>
                    { preview }
                </section>
            </div>
        </article>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct FieldInputProps {
    field: FieldDef,
    label: String,
    value: String,
    problem: Option<String>,
    onchange: Callback<(String, String)>,
}

/// One field: its label, the input its type calls for, its help and its problem.
#[component]
fn FieldInput(props: &FieldInputProps) -> Html {
    let i18n = use_i18n();
    let f = &props.field;
    let id = format!("field-{}", f.name);
    let help_id = format!("help-{}", f.name);
    let error_id = format!("error-{}", f.name);
    let described = [
        (!f.help.is_empty()).then(|| help_id.clone()),
        props.problem.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let invalid = props.problem.as_ref().map(|_| "true");
    let name = f.name.clone();
    let onchange = props.onchange.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let value = e
            .target_dyn_into::<HtmlInputElement>()
            .map(|i| i.value())
            .or_else(|| e.target_dyn_into::<HtmlTextAreaElement>().map(|t| t.value()));
        if let Some(value) = value {
            onchange.emit((name.clone(), value));
        }
    });
    let on_select = {
        let (name, onchange) = (f.name.clone(), props.onchange.clone());
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                onchange.emit((name.clone(), select.value()));
            }
        })
    };
    let max = f.kind.max_chars().to_string();
    let input = match &f.kind {
        FieldKind::PolicyRef => {
            let onchange = {
                let (name, onchange) = (f.name.clone(), props.onchange.clone());
                Callback::from(move |value: String| onchange.emit((name.clone(), value)))
            };
            html! {
                <crate::components::policy_picker::PolicyPicker id={id.clone()} value={props.value.clone()} required={f.required}
                    {invalid} described={described.clone()} max={max.clone()} {onchange} />
            }
        }
        FieldKind::Multiline | FieldKind::Links => html! {
            <textarea id={id.clone()} value={props.value.clone()} {oninput} maxlength={max} rows="4"
                required={f.required} aria-invalid={invalid} aria-describedby={described.clone()} dir="auto" />
        },
        FieldKind::Choice { options } => html! {
            <select id={id.clone()} onchange={on_select} required={f.required} aria-invalid={invalid} aria-describedby={described.clone()}>
                <option value="" selected={props.value.is_empty()}>{ i18n.t("templates-choose") }</option>
                { for options.iter().map(|o| html! { <option value={o.clone()} selected={*o == props.value}>{ o }</option> }) }
            </select>
        },
        kind => {
            let kind_attr = match kind {
                FieldKind::Url => "url",
                FieldKind::Date => "date",
                FieldKind::Number { .. } => "number",
                _ => "text",
            };
            let dir = if matches!(kind, FieldKind::Text) { "auto" } else { "ltr" };
            html! {
                <input id={id.clone()} type={kind_attr} value={props.value.clone()} {oninput} maxlength={max} {dir}
                    required={f.required} aria-invalid={invalid} aria-describedby={described.clone()} autocomplete="off" />
            }
        }
    };
    html! {
        <div class={classes!("field", props.problem.as_ref().map(|_| "has-error"))}>
            <label for={id.clone()}>
                { &props.label }
                if f.required {
                    <span class="required">{ format!(" ({})", i18n.t("templates-required")) }</span>
                }
            </label>
            { input }
            if !f.help.is_empty() {
                <p id={help_id} class="help muted">{ &f.help }</p>
            }
            if let Some(problem) = &props.problem {
                <p id={error_id} class="field-error">{ problem }</p>
            }
        </div>
    }
}
