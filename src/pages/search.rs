//! The start page: search the policy library as you type. Runs entirely in the browser on
//! the locally held index, so it works offline and answers on every keystroke.

use std::collections::BTreeSet;
use std::rc::Rc;

use casebook_core::document::body_text;
use casebook_core::policy::{Policy, PolicyArea, Section};
use casebook_core::search::Filters;
use casebook_core::search::snippet::{Fragment, highlight, snippet};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;
use yew_router::history::History;
use yew_router::prelude::*;

use crate::i18n::{I18n, use_i18n};
use crate::library::{LibraryState, Loaded, use_library};
use crate::route::{Route, go, query_param};
use crate::shortcuts::use_shortcut;

/// How many results are shown.
const RESULTS: usize = 20;
/// Suggestions offered when nothing matches.
const EXAMPLES: [&str; 4] = [
    "doxxing home address",
    "deepfake label",
    "ban evasion",
    "crypto giveaway",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facet {
    Area,
    Region,
    Language,
    Action,
}

impl Facet {
    const ALL: [Facet; 4] = [Facet::Area, Facet::Region, Facet::Language, Facet::Action];

    /// Names the facet in element ids.
    fn key(self) -> &'static str {
        match self {
            Facet::Area => "area",
            Facet::Region => "region",
            Facet::Language => "language",
            Facet::Action => "action",
        }
    }

    fn label(self, i18n: &I18n) -> String {
        match self {
            Facet::Area => i18n.t("search-facet-area"),
            Facet::Region => i18n.t("search-facet-region"),
            Facet::Language => i18n.t("search-facet-language"),
            Facet::Action => i18n.t("search-facet-action"),
        }
    }

    /// The label of the facet's menu, for assistive technology.
    fn filter_by(self, i18n: &I18n) -> String {
        match self {
            Facet::Area => i18n.t("search-filter-by-area"),
            Facet::Region => i18n.t("search-filter-by-region"),
            Facet::Language => i18n.t("search-filter-by-language"),
            Facet::Action => i18n.t("search-filter-by-action"),
        }
    }

    fn values(self, filters: &mut Filters) -> &mut Vec<String> {
        match self {
            Facet::Area => &mut filters.areas,
            Facet::Region => &mut filters.regions,
            Facet::Language => &mut filters.langs,
            Facet::Action => &mut filters.actions,
        }
    }

    /// How a facet value reads on a chip or in a menu.
    fn display(self, value: &str, i18n: &I18n) -> String {
        match self {
            Facet::Area => PolicyArea::from_id(value).map_or(value.to_string(), |a| a.label().to_string()),
            Facet::Language => language_name(value).to_string(),
            Facet::Region if value == "global" => i18n.t("search-region-global"),
            _ => value.to_string(),
        }
    }
}

fn language_name(code: &str) -> &str {
    match code {
        "en" => "English",
        "es" => "Español",
        "ar" => "العربية",
        "ja" => "日本語",
        "fr" => "Français",
        "de" => "Deutsch",
        "pt" => "Português",
        other => other,
    }
}

#[component]
pub fn SearchPage() -> Html {
    let i18n = use_i18n();
    let library = use_library();
    // The query lives in the address (`/?q=…`), so Back from a policy returns to the same
    // results and a search can be shared as a link.
    let location = use_location();
    // Words typed before the app started (in the page before it) win over the address's.
    let query = use_state(|| {
        crate::boot::typed_so_far()
            .or_else(|| location.as_ref().and_then(|l| query_param(l.query_str(), "q")))
            .unwrap_or_default()
    });
    {
        // While the first page's quick search is answering, it stays on screen until this
        // page has results of its own to show (see `boot`).
        let query = query.clone();
        let ready = !matches!(library, LibraryState::Loading);
        use_effect_with(ready, move |ready| {
            if !*ready && crate::boot::quick_search_answering() {
                crate::boot::hold();
            } else {
                crate::boot::release();
                if let Some(typed) = crate::boot::take_typed()
                    && typed != *query
                {
                    query.set(typed);
                }
            }
            // Leaving the page (an address opened from the quick results) never strands it.
            || crate::boot::release()
        });
    }
    {
        use_effect_with((*query).clone(), move |query| {
            let address = if query.is_empty() {
                "/".to_string()
            } else {
                format!("/?q={}", js_sys::encode_uri_component(query))
            };
            let current = web_sys::window().and_then(|w| {
                let l = w.location();
                Some(format!("{}{}", l.pathname().ok()?, l.search().ok()?))
            });
            if current.as_deref() != Some(address.as_str()) {
                yew_router::history::BrowserHistory::new().replace(address);
            }
        });
    }
    let filters = use_state(Filters::default);
    let input = use_node_ref();
    let results_ref = use_node_ref();

    // `/` anywhere on the page focuses the search box, as in most tools agents know.
    {
        let input = input.clone();
        use_shortcut("/", move || {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }

    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                query.set(input.value());
            }
        })
    };

    // The box is there at once; the library fills the page when it arrives.
    let loaded = match &library {
        LibraryState::Ready(loaded) => loaded.clone(),
        LibraryState::Loading => {
            return search_page(
                &i18n,
                search_box(&i18n, &input, &query, oninput, Callback::noop()),
                html! { <p class="muted" role="status" aria-busy="true">{ i18n.t("search-loading") }</p> },
            );
        }
        LibraryState::Failed(message) => {
            return search_page(
                &i18n,
                search_box(&i18n, &input, &query, oninput, Callback::noop()),
                html! { <p class="error" role="alert">{ message }</p> },
            );
        }
    };

    let searched = (!query.trim().is_empty()).then(|| run_search(&loaded, &query, &filters));
    let total = searched.as_ref().map_or(0, |(_, total, _)| *total);
    // The query's language when no section in it answered (only other languages did).
    let other_language = searched
        .as_ref()
        .and_then(|(rows, _, lang)| lang.clone().filter(|_| !rows.is_empty()));
    let results = searched.map(|(rows, _, _)| rows);

    // Arrow keys move between the search box and the results; Enter opens the first result.
    let onkeydown = {
        let results_ref = results_ref.clone();
        let first = results.as_ref().and_then(|r| r.first()).map(ResultRow::address);
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowDown" => {
                e.prevent_default();
                focus_result(&results_ref, 0);
            }
            "Enter" => {
                if let Some(address) = &first {
                    e.prevent_default();
                    go(address);
                }
            }
            _ => {}
        })
    };
    let onresultkey = {
        let results_ref = results_ref.clone();
        let input = input.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(list) = results_ref.cast::<HtmlElement>() else {
                return;
            };
            let links = list.query_selector_all("a.result-link").ok();
            let count = links.as_ref().map_or(0, |l| l.length() as usize);
            let current = (0..count).find(|i| {
                links
                    .as_ref()
                    .and_then(|l| l.item(*i as u32))
                    .zip(gloo::utils::document().active_element())
                    .is_some_and(|(a, b)| a.is_same_node(Some(&b)))
            });
            match (e.key().as_str(), current) {
                ("ArrowDown", Some(i)) if i + 1 < count => {
                    e.prevent_default();
                    focus_result(&results_ref, i + 1);
                }
                ("ArrowUp", Some(0)) => {
                    e.prevent_default();
                    if let Some(input) = input.cast::<HtmlInputElement>() {
                        let _ = input.focus();
                    }
                }
                ("ArrowUp", Some(i)) => {
                    e.prevent_default();
                    focus_result(&results_ref, i - 1);
                }
                _ => {}
            }
        })
    };

    let body = match &results {
        None => html! { <Browse loaded={loaded.clone()} /> },
        Some(list) if list.is_empty() => {
            let query = query.clone();
            html! {
                <div class="empty" role="status">
                    <p>{ if filters.is_empty() {
                        crate::tr!(i18n, "search-nothing", query = query.trim())
                    } else {
                        crate::tr!(i18n, "search-nothing-filtered", query = query.trim())
                    } }</p>
                    <p>{ i18n.t("search-nothing-advice") }</p>
                    <ul class="examples">
                        { for EXAMPLES.iter().map(|example| {
                            let query = query.clone();
                            let onclick = Callback::from(move |_| query.set(example.to_string()));
                            html! { <li><button type="button" class="link-button" {onclick}>{ *example }</button></li> }
                        }) }
                    </ul>
                </div>
            }
        }
        Some(list) => html! {
            <>
                <p class="result-count muted" role="status">{ count_label(&i18n, list.len(), total) }</p>
                if let Some(lang) = &other_language {
                    <p class="other-language" role="note" id="other-language">
                        { crate::tr!(i18n, "search-other-language", language = lang.as_str()) }
                    </p>
                }
                <ol class="results" ref={results_ref.clone()} onkeydown={onresultkey}>
                    { for list.iter().map(result_row) }
                </ol>
            </>
        },
    };

    search_page(
        &i18n,
        search_box(&i18n, &input, &query, oninput, onkeydown),
        html! {
            <>
                <FilterBar loaded={loaded.clone()} filters={(*filters).clone()} on_change={Callback::from({
                    let filters = filters.clone();
                    move |f: Filters| filters.set(f)
                })} />
                { body }
            </>
        },
    )
}

fn search_page(i18n: &I18n, search_box: Html, below: Html) -> Html {
    html! {
        <div class="page search-page">
            <h1 class="visually-hidden">{ i18n.t("search-heading") }</h1>
            { search_box }
            { below }
        </div>
    }
}

fn search_box(
    i18n: &I18n,
    input: &NodeRef,
    query: &UseStateHandle<String>,
    oninput: Callback<InputEvent>,
    onkeydown: Callback<KeyboardEvent>,
) -> Html {
    html! {
        <div class="search-box" role="search">
            <label for="search-input" class="visually-hidden">{ i18n.t("search-label") }</label>
            <input id="search-input" ref={input.clone()} type="search" autocomplete="off" spellcheck="false"
                placeholder={i18n.t("search-placeholder")} value={(**query).clone()} {oninput} {onkeydown}
                aria-describedby="search-help" />
            <p id="search-help" class="visually-hidden">{ i18n.t("search-help") }</p>
        </div>
    }
}

fn focus_result(results: &NodeRef, i: usize) {
    if let Some(list) = results.cast::<HtmlElement>()
        && let Ok(links) = list.query_selector_all("a.result-link")
        && let Some(link) = links.item(i as u32)
        && let Ok(link) = link.dyn_into::<HtmlElement>()
    {
        let _ = link.focus();
    }
}

/// One search result, ready to show.
#[derive(Debug, Clone, PartialEq)]
struct ResultRow {
    route: Route,
    anchor: String,
    title: Vec<Fragment>,
    heading: Vec<Fragment>,
    snippet: Vec<Fragment>,
    area: PolicyArea,
    lang: Option<String>,
    rtl: bool,
}

impl ResultRow {
    /// The section's address, pinned to the version searched.
    fn address(&self) -> String {
        format!("{}#{}", self.route.to_path(), self.anchor)
    }
}

/// "1 matching section", "12 matching sections", or "Best 20 of 143 matching sections".
fn count_label(i18n: &I18n, shown: usize, total: usize) -> String {
    if shown < total {
        crate::tr!(i18n, "search-count-best", shown = shown, total = total)
    } else {
        crate::tr!(i18n, "search-count", total = total)
    }
}

/// The best rows, how many sections matched in all, and the query's language when it names
/// one (Arabic or Japanese script) and no section in that language answered.
fn run_search(loaded: &Rc<Loaded>, query: &str, filters: &Filters) -> (Vec<ResultRow>, usize, Option<String>) {
    let mut filters = filters.clone();
    if !filters.regions.is_empty() && !filters.regions.iter().any(|r| r == "global") {
        // A global policy applies in every region.
        filters.regions.push("global".into());
    }
    let results = loaded.engine.borrow_mut().search(query, &filters, RESULTS);
    let rows = loaded
        .current_sections(&results.hits)
        .into_iter()
        .map(|(policy, version, section)| row(policy, version.number, section, &results.matched_terms))
        .collect();
    let other_language = results.query_lang.clone().filter(|_| !results.answered_in_query_lang);
    (rows, results.total, other_language)
}

fn row(policy: &Policy, version: u32, section: &Section, terms: &BTreeSet<String>) -> ResultRow {
    let body = body_text(&section.body);
    ResultRow {
        route: Route::PolicyVersion {
            slug: policy.slug.to_string(),
            version,
        },
        anchor: section.anchor.to_string(),
        title: highlight(&policy.title, terms),
        heading: highlight(&section.heading, terms),
        snippet: snippet(&body, terms, 220),
        area: policy.area,
        lang: section.lang.as_ref().map(|l| l.to_string()),
        rtl: section.lang.as_ref().is_some_and(|l| l.is_rtl()),
    }
}

fn fragments(parts: &[Fragment]) -> Html {
    parts
        .iter()
        .map(|f| {
            if f.hit {
                html! { <mark>{ &f.text }</mark> }
            } else {
                html! { { &f.text } }
            }
        })
        .collect()
}

fn result_row(result: &ResultRow) -> Html {
    let href = result.address();
    let onclick = {
        let href = href.clone();
        Callback::from(move |e: MouseEvent| {
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            go(&href);
        })
    };
    html! {
        <li class="result" lang={result.lang.clone()} dir={result.rtl.then_some("rtl")}>
            <a class="result-link" {href} {onclick}>
                <span class="result-title">{ fragments(&result.title) }</span>
                <span class="result-sep" aria-hidden="true">{ " › " }</span>
                <span class="result-heading">{ fragments(&result.heading) }</span>
            </a>
            <span class="chip">{ result.area.label() }</span>
            if let Some(lang) = &result.lang {
                <span class="chip lang">{ language_name(lang) }</span>
            }
            <p class="snippet">{ fragments(&result.snippet) }</p>
        </li>
    }
}

#[derive(Debug, Properties)]
struct FilterBarProps {
    loaded: Rc<Loaded>,
    filters: Filters,
    on_change: Callback<Filters>,
}

impl PartialEq for FilterBarProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded) && self.filters == other.filters && self.on_change == other.on_change
    }
}

/// One menu per facet to add a filter, and the active filters as removable chips.
#[component]
fn FilterBar(props: &FilterBarProps) -> Html {
    let i18n = use_i18n();
    let engine = props.loaded.engine.borrow();
    let facets = &engine.index().facets;
    let options = |facet: Facet| -> Vec<String> {
        let mut values = match facet {
            Facet::Area => facets.areas.clone(),
            Facet::Region => facets.regions.clone(),
            Facet::Language => facets.langs.clone(),
            Facet::Action => facets.actions.clone(),
        };
        values.sort();
        values
    };
    let menus = Facet::ALL.into_iter().map(|facet| {
        let filters = props.filters.clone();
        let on_change = props.on_change.clone();
        let onchange = Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<HtmlSelectElement>() else { return };
            let value = select.value();
            select.set_value("");
            if value.is_empty() {
                return;
            }
            let mut next = filters.clone();
            let values = facet.values(&mut next);
            if !values.contains(&value) {
                values.push(value);
                on_change.emit(next);
            }
        });
        let id = format!("filter-{}", facet.key());
        html! {
            <span class="filter">
                <label for={id.clone()} class="visually-hidden">{ facet.filter_by(&i18n) }</label>
                <select id={id} {onchange}>
                    <option value="" selected=true>{ format!("{} …", facet.label(&i18n)) }</option>
                    { for options(facet).into_iter().map(|v| html! { <option value={v.clone()}>{ facet.display(&v, &i18n) }</option> }) }
                </select>
            </span>
        }
    });
    let mut chips = Vec::new();
    for facet in Facet::ALL {
        let mut current = props.filters.clone();
        for value in facet.values(&mut current).clone() {
            let filters = props.filters.clone();
            let on_change = props.on_change.clone();
            let removed = value.clone();
            let onclick = Callback::from(move |_| {
                let mut next = filters.clone();
                facet.values(&mut next).retain(|v| *v != removed);
                on_change.emit(next);
            });
            let label = format!("{}: {}", facet.label(&i18n), facet.display(&value, &i18n));
            chips.push(html! {
                <li><button type="button" class="chip removable" {onclick} aria-label={crate::tr!(i18n, "search-remove-filter", filter = label.as_str())}>
                    { label }<span aria-hidden="true">{ " ×" }</span>
                </button></li>
            });
        }
    }
    html! {
        <div class="filter-bar">
            <span class="filters-label muted">{ i18n.t("search-filter") }</span>
            { for menus }
            if !chips.is_empty() {
                <ul class="active-filters" aria-label={i18n.t("search-active-filters")}>{ for chips }</ul>
            }
        </div>
    }
}

#[derive(Debug, Properties)]
struct BrowseProps {
    loaded: Rc<Loaded>,
}

impl PartialEq for BrowseProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded)
    }
}

/// With nothing typed: the whole library, by title.
#[component]
fn Browse(props: &BrowseProps) -> Html {
    let i18n = use_i18n();
    let policies = &props.loaded.snapshot.library.policies;
    html! {
        <>
            <h2 class="browse-heading">{ crate::tr!(i18n, "search-all-policies", count = policies.len()) }</h2>
            <ul class="policy-list" aria-label={i18n.t("search-policies")}>
                { for policies.iter().filter_map(|policy| {
                    let current = policy.current()?;
                    // The policy's own language, so it keeps its direction in an Arabic interface.
                    let content_lang = policy.languages.first().map(|l| l.to_string());
                    Some(html! {
                        <li class="policy-row">
                            <Link<Route> to={Route::Policy { slug: policy.slug.to_string() }} classes={classes!("policy-link")}>
                                <span lang={content_lang.clone()}>{ &policy.title }</span>
                            </Link<Route>>
                            <span class="chip">{ policy.area.label() }</span>
                            <span class="muted">{ crate::tr!(i18n, "search-policy-meta", version = current.number, sections = current.sections.len()) }</span>
                            <p class="summary" lang={content_lang}>{ &current.summary }</p>
                        </li>
                    })
                }) }
            </ul>
        </>
    }
}
