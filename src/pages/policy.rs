//! A policy at one version: its sections with stable anchors, its enforcement actions, and a
//! way to switch versions and copy a lasting link to any section or paragraph. A link into an
//! old version says so next to the paragraph it highlights, with the way to the current text.

use casebook_core::diff::{Status, compare};
use casebook_core::policy::{Policy, PolicyVersion, Section, Severity, VersionStatus};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::document::Document;
use crate::i18n::{I18n, use_i18n};
use crate::library::{LibraryState, use_library};
use crate::route::{Route, go, query_param};
use crate::secure_context;
use crate::shortcuts::use_shortcut;
use crate::tr;

#[derive(Debug, Properties, PartialEq)]
pub struct PolicyPageProps {
    pub slug: String,
    /// `None` shows the current version.
    pub version: Option<u32>,
}

#[component]
pub fn PolicyPage(props: &PolicyPageProps) -> Html {
    let i18n = use_i18n();
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
        (_, None) => html! { <p class="page muted" aria-busy="true">{ i18n.t("policy-loading") }</p> },
        (_, Some(None)) => html! {
            <article class="page">
                <h1>{ i18n.t("policy-not-found") }</h1>
                <p>{ tr!(i18n, "policy-not-found-detail", slug = props.slug.as_str()) }</p>
                <p><Link<Route> to={Route::Search}>{ i18n.t("policy-search-library") }</Link<Route>></p>
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
                        <p role="alert">{ tr!(i18n, "policy-no-version", number = props.version.unwrap_or_default()) }</p>
                        <p><Link<Route> to={Route::Policy { slug: policy.slug.to_string() }}>{ i18n.t("policy-open-current") }</Link<Route>></p>
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

/// The section the address names (`#anchor`), if any.
fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.strip_prefix('#').filter(|a| !a.is_empty()).map(str::to_string)
}

fn scroll_to_fragment() {
    let Some(anchor) = fragment() else {
        return;
    };
    if let Some(element) = gloo::utils::document().get_element_by_id(&anchor) {
        element.scroll_into_view();
    }
}

/// A version's status in the interface language.
pub fn status_label(i18n: &I18n, status: VersionStatus) -> String {
    match status {
        VersionStatus::Draft => i18n.t("policy-status-draft"),
        VersionStatus::Published => i18n.t("policy-status-published"),
        VersionStatus::Superseded => i18n.t("policy-status-superseded"),
        VersionStatus::Retired => i18n.t("policy-status-retired"),
    }
}

/// An action's severity in the interface language.
pub fn severity_label(i18n: &I18n, severity: Severity) -> String {
    match severity {
        Severity::Low => i18n.t("policy-severity-low"),
        Severity::Medium => i18n.t("policy-severity-medium"),
        Severity::High => i18n.t("policy-severity-high"),
        Severity::Critical => i18n.t("policy-severity-critical"),
    }
}

/// A link to an address with a fragment, followed in the app without a reload.
#[derive(Debug, Properties, PartialEq)]
pub(crate) struct InAppLinkProps {
    pub href: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    pub children: Html,
}

#[component]
pub(crate) fn InAppLink(props: &InAppLinkProps) -> Html {
    let onclick = {
        let href = props.href.clone();
        Callback::from(move |e: MouseEvent| {
            if !(e.ctrl_key() || e.meta_key() || e.shift_key()) {
                e.prevent_default();
                go(&href);
                scroll_to_fragment();
            }
        })
    };
    html! { <a href={props.href.clone()} class={props.class.clone()} {onclick}>{ props.children.clone() }</a> }
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
    let i18n = use_i18n();
    let linked = linked_paragraph(location.as_ref());
    let policy = &props.policy;
    let Some(version) = policy.version(props.version) else {
        return html! {};
    };
    let current = policy.current().map(|v| v.number);
    let status_note = match version.status {
        VersionStatus::Published if Some(version.number) == current => None,
        VersionStatus::Draft => Some(i18n.t("policy-draft-note")),
        _ => Some(i18n.t("policy-old-note")),
    };
    // "Open the current version" keeps the section being read, when the current version has it.
    let reading = fragment();
    let current_href = |n: u32| {
        let anchor = reading
            .as_deref()
            .filter(|a| policy.version(n).is_some_and(|v| v.section(a).is_some()));
        match anchor {
            Some(anchor) => format!("/policies/{}/v/{n}#{anchor}", policy.slug),
            None => format!("/policies/{}/v/{n}", policy.slug),
        }
    };
    html! {
        <article class="page policy" lang={policy.languages.first().map(|l| l.to_string())}>
            <header class="policy-header">
                <p class="eyebrow"><span class="chip">{ policy.area.label() }</span></p>
                <h1>{ &policy.title }</h1>
                <p class="summary">{ &version.summary }</p>
                <dl class="facts">
                    <div><dt>{ i18n.t("policy-fact-version") }</dt><dd>{ tr!(i18n, "policy-version-status", number = version.number, status = status_label(&i18n, version.status)) }</dd></div>
                    <div><dt>{ i18n.t("policy-fact-effective") }</dt><dd>{ version.effective.as_str() }</dd></div>
                    if let Some(since) = &version.status_since {
                        <div><dt>{ i18n.t("policy-fact-since") }</dt><dd>{ since.as_str() }</dd></div>
                    }
                    <div><dt>{ i18n.t("policy-fact-verified") }</dt><dd>
                        { version.verified_until.as_str() }
                        if version.verified_until.as_str() < today().as_str() {
                            <span class="stale">{ " " }{ i18n.t("policy-overdue") }</span>
                        }
                    </dd></div>
                    <div><dt>{ i18n.t("policy-fact-owner") }</dt><dd>{ &policy.owner }</dd></div>
                    <div><dt>{ i18n.t("policy-fact-regions") }</dt><dd>{ policy.regions.join(", ") }</dd></div>
                </dl>
                if let Some(note) = status_note {
                    <p class="notice" role="note">
                        { note }{ " " }
                        if let Some(n) = current {
                            <InAppLink href={current_href(n)} class={classes!("open-current")}>
                                { tr!(i18n, "policy-open-current-numbered", number = n) }
                            </InAppLink>
                        }
                    </p>
                }
                <VersionSwitcher policy={policy.clone()} shown={version.number} />
            </header>
            <div class="policy-body">
                <nav class="toc" aria-label={i18n.t("policy-sections")}>
                    <ol>
                        { for version.sections.iter().map(|s| html! {
                            <li><a href={format!("#{}", s.anchor)}>{ &s.heading }</a></li>
                        }) }
                    </ol>
                </nav>
                <div class="sections">
                    { for version.sections.iter().map(|s| {
                        let highlight = linked.as_ref().filter(|(anchor, _)| anchor == s.anchor.as_str()).map(|(_, p)| *p);
                        let beside = highlight.map(|paragraph| html! {
                            <ParagraphBar policy={policy.clone()} version={version.number} anchor={s.anchor.to_string()} {paragraph} />
                        });
                        html! { <SectionView slug={policy.slug.to_string()} version={version.number} section={s.clone()} {highlight} {beside} /> }
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
    let i18n = use_i18n();
    if props.policy.versions.len() < 2 {
        return html! {};
    }
    html! {
        <nav class="versions" aria-label={i18n.t("policy-versions")}>
            <span class="muted">{ i18n.t("policy-versions-label") }</span>
            <ul>
                { for props.policy.versions.iter().rev().map(|v| {
                    let current = v.number == props.shown;
                    html! {
                        <li>
                            <Link<Route> to={Route::PolicyVersion { slug: props.policy.slug.to_string(), version: v.number }}
                                classes={classes!("version-link", current.then_some("current"))}>
                                { tr!(i18n, "policy-version-link", number = v.number, status = status_label(&i18n, v.status)) }
                            </Link<Route>>
                        </li>
                    }
                }) }
            </ul>
            if let Some(previous) = props.policy.versions.iter().rev().find(|v| v.number < props.shown) {
                <Link<Route> to={Route::PolicyDiff { slug: props.policy.slug.to_string(), from: previous.number, to: props.shown }}
                    classes={classes!("compare-link")}>
                    { tr!(i18n, "policy-changed-since", number = previous.number) }
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
    /// Shown next to the highlighted paragraph.
    beside: Option<Html>,
}

#[component]
fn SectionView(props: &SectionViewProps) -> Html {
    let i18n = use_i18n();
    let section = &props.section;
    let path = format!("/policies/{}/v/{}#{}", props.slug, props.version, section.anchor);
    let lang = section.lang.as_ref();
    html! {
        <section id={section.anchor.to_string()} class="section" lang={lang.map(|l| l.to_string())}
            dir={lang.map(|l| if l.is_rtl() { "rtl" } else { "ltr" })} aria-labelledby={format!("h-{}", section.anchor)}>
            <div class="section-head">
                <h2 id={format!("h-{}", section.anchor)}>{ &section.heading }</h2>
                <a class="anchor-link" href={path.clone()} aria-label={tr!(i18n, "policy-link-to-section", heading = section.heading.as_str())}>{ "#" }</a>
                <CopyLink path={path.clone()} class={classes!("copy-link")} id={format!("copy-{}", section.anchor)}
                    label={i18n.t("policy-copy-link")} done={i18n.t("policy-link-copied")} title={i18n.t("policy-copy-section-title")} />
            </div>
            <Document blocks={section.body.clone()} highlight={props.highlight} paragraph_links={AttrValue::from(path)}
                beside_highlight={props.beside.clone()} />
        </section>
    }
}

/// What a "Copy link" button did.
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

#[derive(Debug, Properties, PartialEq)]
pub(crate) struct CopyLinkProps {
    /// The site path to copy, e.g. `/policies/x/v/2?p=1#anchor`.
    pub path: AttrValue,
    /// Unique on the page: names the by-hand field.
    pub id: AttrValue,
    pub label: AttrValue,
    /// The label once copied.
    pub done: AttrValue,
    #[prop_or_default]
    pub title: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
}

/// A button that copies a link to the clipboard, or, where the browser offers no clipboard,
/// shows the link selected in a read-only field.
#[component]
pub(crate) fn CopyLink(props: &CopyLinkProps) -> Html {
    let i18n = use_i18n();
    let copy = use_state(|| LinkCopy::Idle);
    let field = use_node_ref();
    let onclick = {
        let copy = copy.clone();
        let field = field.clone();
        let path = props.path.clone();
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
            let onfocus = Callback::from(|e: FocusEvent| {
                if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                    input.select();
                }
            });
            html! {
                <div class="copy-by-hand">
                    <label for={props.id.clone()}>{ i18n.t("policy-copy-by-hand") }</label>
                    <input id={props.id.clone()} ref={field.clone()} type="text" readonly=true value={url.clone()} {onfocus} />
                </div>
            }
        }
        _ => html! {},
    };
    html! {
        <>
            <button type="button" class={props.class.clone()} title={props.title.clone()} {onclick}>
                { if *copy == LinkCopy::Copied { props.done.clone() } else { props.label.clone() } }
            </button>
            { by_hand }
        </>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct ParagraphBarProps {
    policy: Policy,
    version: u32,
    anchor: String,
    paragraph: usize,
}

/// Next to a shared paragraph: a way to copy its link and, when it is not from the current
/// version, says so, with the same section in the current version and what changed in it.
#[component]
fn ParagraphBar(props: &ParagraphBarProps) -> Html {
    let i18n = use_i18n();
    let policy = &props.policy;
    let (slug, anchor, shown) = (policy.slug.as_str(), props.anchor.as_str(), props.version);
    let path = format!("/policies/{slug}/v/{shown}?p={}#{anchor}", props.paragraph);
    let current = policy.current().filter(|c| c.number != shown);
    let old = policy.version(shown);
    let outdated = current.zip(old).map(|(current, old)| {
        let n = current.number;
        let in_current = current.section(anchor).is_some();
        let changed = compare(old, current)
            .sections
            .iter()
            .find(|s| s.anchor.as_str() == anchor)
            .is_some_and(|s| s.status != Status::Unchanged);
        html! {
            <>
                <p class="not-current">
                    <strong>{ tr!(i18n, "policy-paragraph-not-current", number = shown, current = n) }</strong>
                    { " " }
                    if !in_current {
                        { tr!(i18n, "policy-section-gone", current = n) }
                    } else if !changed {
                        { tr!(i18n, "policy-section-unchanged", current = n) }
                    }
                </p>
                <p class="not-current-links">
                    if in_current {
                        <InAppLink href={format!("/policies/{slug}/v/{n}#{anchor}")} class={classes!("section-in-current")}>
                            { tr!(i18n, "policy-section-in-current", current = n) }
                        </InAppLink>
                    }
                    if changed {
                        { " · " }
                        <InAppLink href={format!("/policies/{slug}/diff/{shown}/{n}#d-{anchor}")} class={classes!("section-changes")}>
                            { tr!(i18n, "policy-section-changed-since", number = shown) }
                        </InAppLink>
                    }
                </p>
            </>
        }
    });
    html! {
        <div role="group" class={classes!("paragraph-bar", outdated.is_some().then_some("outdated"))} aria-label={i18n.t("policy-paragraph-bar")}>
            { outdated.unwrap_or_default() }
            <CopyLink path={path} id={format!("copy-p-{anchor}")} class={classes!("copy-paragraph")}
                label={i18n.t("policy-copy-paragraph")} done={i18n.t("policy-link-copied")} />
        </div>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct ActionsProps {
    version: PolicyVersion,
}

#[component]
fn Actions(props: &ActionsProps) -> Html {
    let i18n = use_i18n();
    html! {
        <section id="enforcement-actions" class="section actions" aria-labelledby="h-enforcement-actions">
            <h2 id="h-enforcement-actions">{ i18n.t("policy-actions") }</h2>
            <table>
                <thead><tr>
                    <th scope="col">{ i18n.t("policy-action") }</th>
                    <th scope="col">{ i18n.t("policy-severity") }</th>
                    <th scope="col">{ i18n.t("policy-when") }</th>
                </tr></thead>
                <tbody>
                    { for props.version.actions.iter().map(|a| html! {
                        <tr>
                            <td>{ &a.name }</td>
                            <td><span class={classes!("severity", a.severity.label().to_lowercase())}>{ severity_label(&i18n, a.severity) }</span></td>
                            <td>{ &a.when }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
