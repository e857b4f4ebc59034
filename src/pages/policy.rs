//! A policy at one version: its sections with stable anchors, its enforcement actions, and a
//! way to switch versions and copy a lasting link to any section.

use casebook_core::policy::{Policy, PolicyVersion, Section, VersionStatus};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::document::Document;
use crate::library::{LibraryState, use_library};
use crate::route::{Route, query_param};
use crate::secure_context;
use crate::shortcuts::use_shortcut;

#[derive(Debug, Properties, PartialEq)]
pub struct PolicyPageProps {
    pub slug: String,
    /// `None` shows the current version.
    pub version: Option<u32>,
}

#[component]
pub fn PolicyPage(props: &PolicyPageProps) -> Html {
    let library = use_library();
    let policy = match &library {
        LibraryState::Ready(loaded) => Some(loaded.snapshot.library.policy(&props.slug).cloned()),
        _ => None,
    };
    // Once the sections are on the page, bring the linked one into view.
    {
        let shown = policy.as_ref().and_then(|p| p.as_ref()).map(|p| p.slug.to_string());
        use_effect_with((shown, props.version), move |(shown, _)| {
            if shown.is_some() {
                scroll_to_fragment();
            }
        });
    }

    match (&library, policy) {
        (LibraryState::Failed(message), _) => {
            html! { <p class="page error" role="alert">{ message }</p> }
        }
        (_, None) => html! { <p class="page muted" aria-busy="true">{ "Loading policy…" }</p> },
        (_, Some(None)) => html! {
            <article class="page">
                <h1>{ "Policy not found" }</h1>
                <p>{ format!("There is no policy called “{}”. It may have been renamed.", props.slug) }</p>
                <p><Link<Route> to={Route::Search}>{ "Search the policy library" }</Link<Route>></p>
            </article>
        },
        (_, Some(Some(policy))) => {
            let shown = match props.version {
                Some(n) => policy.version(n),
                None => policy.current(),
            };
            match shown {
                Some(version) => {
                    html! { <PolicyView policy={policy.clone()} version={version.number} pinned={props.version.is_some()} /> }
                }
                None => html! {
                    <article class="page">
                        <h1>{ &policy.title }</h1>
                        <p role="alert">{ format!("This policy has no version {}.", props.version.unwrap_or_default()) }</p>
                        <p><Link<Route> to={Route::Policy { slug: policy.slug.to_string() }}>{ "Open the current version" }</Link<Route>></p>
                    </article>
                },
            }
        }
    }
}

/// Today's date as `YYYY-MM-DD` in the browser's time zone.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

fn scroll_to_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let Some(anchor) = hash.strip_prefix('#').filter(|a| !a.is_empty()) else {
        return;
    };
    if let Some(element) = window.document().and_then(|d| d.get_element_by_id(anchor)) {
        element.scroll_into_view();
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct PolicyViewProps {
    pub policy: Policy,
    pub version: u32,
    /// Whether the address names the version (otherwise it follows the current one).
    pub pinned: bool,
}

/// The section and paragraph a shared link points at: `?p=3#anchor`.
fn linked_paragraph(location: Option<&Location>) -> Option<(String, usize)> {
    let paragraph = query_param(location?.query_str(), "p")?.parse().ok()?;
    let anchor = web_sys::window()?
        .location()
        .hash()
        .ok()?
        .trim_start_matches('#')
        .to_string();
    Some((anchor, paragraph))
}

#[component]
pub fn PolicyView(props: &PolicyViewProps) -> Html {
    let location = use_location();
    // `c` copies the link of the section being read (the first one not scrolled past).
    use_shortcut("c", || {
        use wasm_bindgen::JsCast;
        let Ok(sections) = gloo::utils::document().query_selector_all("section.section[id]") else {
            return;
        };
        let reading = (0..sections.length())
            .filter_map(|i| sections.item(i)?.dyn_into::<web_sys::Element>().ok())
            .find(|s| s.get_bounding_client_rect().bottom() > 80.0);
        if let Some(button) = reading
            .and_then(|s| s.query_selector("button.copy-link").ok().flatten())
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        {
            button.click();
        }
    });
    let linked = linked_paragraph(location.as_ref());
    let policy = &props.policy;
    let Some(version) = policy.version(props.version) else {
        return html! {};
    };
    let current = policy.current().map(|v| v.number);
    let status_note = match version.status {
        VersionStatus::Published if Some(version.number) == current => None,
        VersionStatus::Draft => Some("This is a draft. Do not enforce it yet."),
        _ => Some("This is not the current version of this policy."),
    };
    html! {
        <article class="page policy" lang={policy.languages.first().map(|l| l.to_string())}>
            <header class="policy-header">
                <p class="eyebrow"><span class="chip">{ policy.area.label() }</span></p>
                <h1>{ &policy.title }</h1>
                <p class="summary">{ &version.summary }</p>
                <dl class="facts">
                    <div><dt>{ "Version" }</dt><dd>{ format!("v{} · {}", version.number, version.status.label()) }</dd></div>
                    <div><dt>{ "Effective" }</dt><dd>{ version.effective.as_str() }</dd></div>
                    <div><dt>{ "Verified until" }</dt><dd>
                        { version.verified_until.as_str() }
                        if version.verified_until.as_str() < today().as_str() {
                            <span class="stale">{ " — overdue for review" }</span>
                        }
                    </dd></div>
                    <div><dt>{ "Owner" }</dt><dd>{ &policy.owner }</dd></div>
                    <div><dt>{ "Regions" }</dt><dd>{ policy.regions.join(", ") }</dd></div>
                </dl>
                if let Some(note) = status_note {
                    <p class="notice" role="note">
                        { note }{ " " }
                        if let Some(n) = current {
                            <Link<Route> to={Route::PolicyVersion { slug: policy.slug.to_string(), version: n }}>
                                { format!("Open the current version (v{n})") }
                            </Link<Route>>
                        }
                    </p>
                }
                <VersionSwitcher policy={policy.clone()} shown={version.number} />
            </header>
            <div class="policy-body">
                <nav class="toc" aria-label="Sections">
                    <ol>
                        { for version.sections.iter().map(|s| html! {
                            <li><a href={format!("#{}", s.anchor)}>{ &s.heading }</a></li>
                        }) }
                    </ol>
                </nav>
                <div class="sections">
                    { for version.sections.iter().map(|s| {
                        let highlight = linked.as_ref().filter(|(anchor, _)| anchor == s.anchor.as_str()).map(|(_, p)| *p);
                        html! { <SectionView slug={policy.slug.to_string()} version={version.number} section={s.clone()} {highlight} /> }
                    }) }
                    <Actions version={version.clone()} />
                </div>
            </div>
        </article>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct VersionSwitcherProps {
    policy: Policy,
    shown: u32,
}

#[component]
fn VersionSwitcher(props: &VersionSwitcherProps) -> Html {
    if props.policy.versions.len() < 2 {
        return html! {};
    }
    html! {
        <nav class="versions" aria-label="Versions">
            <span class="muted">{ "Versions:" }</span>
            <ul>
                { for props.policy.versions.iter().rev().map(|v| {
                    let current = v.number == props.shown;
                    html! {
                        <li>
                            <Link<Route> to={Route::PolicyVersion { slug: props.policy.slug.to_string(), version: v.number }}
                                classes={classes!("version-link", current.then_some("current"))}>
                                { format!("v{} ({})", v.number, v.status.label().to_lowercase()) }
                            </Link<Route>>
                        </li>
                    }
                }) }
            </ul>
            if let Some(previous) = props.policy.versions.iter().rev().find(|v| v.number < props.shown) {
                <Link<Route> to={Route::PolicyDiff { slug: props.policy.slug.to_string(), from: previous.number, to: props.shown }}
                    classes={classes!("compare-link")}>
                    { format!("What changed since v{}", previous.number) }
                </Link<Route>>
            }
        </nav>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct SectionViewProps {
    slug: String,
    version: u32,
    section: Section,
    highlight: Option<usize>,
}

/// What "Copy link" did.
#[derive(Debug, Clone, PartialEq)]
enum LinkCopy {
    Idle,
    Copied,
    /// No clipboard here (plain http on an intranet address), or it refused: the link is
    /// shown in a read-only field, selected, for the person to copy.
    ByHand(String),
}

/// Focuses and selects the whole link in the read-only field, ready for Ctrl+C.
fn select_link(field: &NodeRef) {
    if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    }
}

#[component]
fn SectionView(props: &SectionViewProps) -> Html {
    let copy = use_state(|| LinkCopy::Idle);
    let field = use_node_ref();
    let section = &props.section;
    let path = format!("/policies/{}/v/{}#{}", props.slug, props.version, section.anchor);
    let onclick = {
        let copy = copy.clone();
        let field = field.clone();
        let path = path.clone();
        Callback::from(move |_| {
            let Some(window) = web_sys::window() else {
                return;
            };
            let url = format!("{}{}", window.location().origin().unwrap_or_default(), path);
            match secure_context::clipboard() {
                Some(clipboard) => {
                    let promise = clipboard.write_text(&url);
                    let copy = copy.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        copy.set(match wasm_bindgen_futures::JsFuture::from(promise).await {
                            Ok(_) => LinkCopy::Copied,
                            Err(_) => LinkCopy::ByHand(url),
                        });
                    });
                }
                None => {
                    copy.set(LinkCopy::ByHand(url));
                    // Already shown (a second click): select it again.
                    select_link(&field);
                }
            }
        })
    };
    {
        let field = field.clone();
        use_effect_with((*copy).clone(), move |copy| {
            if matches!(copy, LinkCopy::ByHand(_)) {
                select_link(&field);
            }
        });
    }
    let by_hand = match &*copy {
        LinkCopy::ByHand(url) => {
            let id = format!("copy-{}", section.anchor);
            let onfocus = Callback::from(|e: FocusEvent| {
                if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                    input.select();
                }
            });
            html! {
                <div class="copy-by-hand">
                    <label for={id.clone()}>{ "This browser does not let Casebook copy here. The link is selected: press Ctrl+C (⌘C on a Mac) to copy it." }</label>
                    <input id={id} ref={field.clone()} type="text" readonly=true value={url.clone()} {onfocus} />
                </div>
            }
        }
        _ => html! {},
    };
    let lang = section.lang.as_ref();
    html! {
        <section id={section.anchor.to_string()} class="section" lang={lang.map(|l| l.to_string())}
            dir={lang.map(|l| if l.is_rtl() { "rtl" } else { "ltr" })} aria-labelledby={format!("h-{}", section.anchor)}>
            <div class="section-head">
                <h2 id={format!("h-{}", section.anchor)}>{ &section.heading }</h2>
                <a class="anchor-link" href={path.clone()} aria-label={format!("Link to {}", section.heading)}>{ "#" }</a>
                <button type="button" class="copy-link" title="Copy a link to this section of this version (key: c)" {onclick}>
                    { if *copy == LinkCopy::Copied { "Link copied" } else { "Copy link" } }
                </button>
            </div>
            { by_hand }
            <Document blocks={section.body.clone()} highlight={props.highlight} paragraph_links={AttrValue::from(path.clone())} />
        </section>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct ActionsProps {
    version: PolicyVersion,
}

#[component]
fn Actions(props: &ActionsProps) -> Html {
    html! {
        <section id="enforcement-actions" class="section actions" aria-labelledby="h-enforcement-actions">
            <h2 id="h-enforcement-actions">{ "Enforcement actions" }</h2>
            <table>
                <thead><tr><th scope="col">{ "Action" }</th><th scope="col">{ "Severity" }</th><th scope="col">{ "When it applies" }</th></tr></thead>
                <tbody>
                    { for props.version.actions.iter().map(|a| html! {
                        <tr>
                            <td>{ &a.name }</td>
                            <td><span class={classes!("severity", a.severity.label().to_lowercase())}>{ a.severity.label() }</span></td>
                            <td>{ &a.when }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
