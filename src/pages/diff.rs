//! What changed between two versions of a policy: for trainers briefing teams and agents
//! acknowledging a new version.

use casebook_core::diff::{Status, VersionDiff, Words, compare};
use casebook_core::policy::Policy;
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::i18n::{I18n, use_i18n};
use crate::library::{LibraryState, use_library};
use crate::pages::policy::{severity_label, status_label};
use crate::route::Route;
use crate::tr;

#[derive(Debug, Properties, PartialEq)]
pub struct DiffPageProps {
    pub slug: String,
    pub from: u32,
    pub to: u32,
}

#[component]
pub fn DiffPage(props: &DiffPageProps) -> Html {
    let library = use_library();
    let i18n = use_i18n();
    let LibraryState::Ready(loaded) = library else {
        return html! { <p class="page muted" aria-busy="true">{ i18n.t("policy-loading") }</p> };
    };
    let Some(policy) = loaded.snapshot.library.policy(&props.slug) else {
        return html! { <article class="page"><h1>{ i18n.t("policy-not-found") }</h1></article> };
    };
    let (Some(old), Some(new)) = (policy.version(props.from), policy.version(props.to)) else {
        return html! {
            <article class="page">
                <h1>{ &policy.title }</h1>
                <p role="alert">{ tr!(i18n, "diff-no-versions", from = props.from, to = props.to) }</p>
                <p><Link<Route> to={Route::Policy { slug: props.slug.clone() }}>{ i18n.t("policy-open-current") }</Link<Route>></p>
            </article>
        };
    };
    let diff = compare(old, new);
    html! {
        <article class="page diff-page">
            <header class="policy-header">
                <p class="eyebrow"><span class="chip">{ policy.area.label() }</span></p>
                <h1>{ tr!(i18n, "diff-title", title = policy.title.as_str()) }</h1>
                <VersionPicker policy={policy.clone()} from={props.from} to={props.to} />
                <p class="diff-counts" role="status">{ counts(&i18n, &diff) }</p>
                if diff.summary.iter().any(|w| !matches!(w, Words::Same(_))) {
                    <p class="diff-summary"><strong>{ i18n.t("diff-summary") }</strong>{ " " }<bdi>{ words(&diff.summary) }</bdi></p>
                }
            </header>
            { for diff.sections.iter().filter(|s| s.status != Status::Unchanged).map(|s| {
                let (label, class) = status(&i18n, s.status);
                let link = (s.status != Status::Removed).then(|| format!("/policies/{}/v/{}#{}", props.slug, props.to, s.anchor));
                html! {
                    <section class={classes!("section", "diff-section", class)} aria-labelledby={format!("d-{}", s.anchor)}>
                        <div class="section-head">
                            <h2 id={format!("d-{}", s.anchor)}>{ &s.heading }</h2>
                            <span class={classes!("diff-status", class)}>{ label }</span>
                            if let Some(link) = link {
                                <a class="anchor-link" href={link}>{ tr!(i18n, "diff-open-in", version = props.to) }</a>
                            }
                        </div>
                        if let Some(old) = &s.old_heading {
                            <p class="muted">{ tr!(i18n, "diff-previously-headed", heading = old.as_str()) }</p>
                        }
                        <div class="diff-words" dir="auto">{ words(&s.words) }</div>
                    </section>
                }
            }) }
            <Unchanged diff={diff.clone()} />
            <section class="section actions" aria-labelledby="d-actions">
                <h2 id="d-actions">{ i18n.t("policy-actions") }</h2>
                <table>
                    <thead><tr><th scope="col">{ i18n.t("policy-action") }</th><th scope="col">{ i18n.t("diff-change") }</th><th scope="col">{ tr!(i18n, "diff-version", version = props.from) }</th><th scope="col">{ tr!(i18n, "diff-version", version = props.to) }</th></tr></thead>
                    <tbody>
                        { for diff.actions.iter().map(|a| {
                            let (label, class) = status(&i18n, a.status);
                            let cell = |action: &Option<casebook_core::policy::EnforcementAction>| match action {
                                Some(a) => html! { <><span class={classes!("severity", a.severity.label().to_lowercase())}>{ severity_label(&i18n, a.severity) }</span>{ " — " }{ &a.when }</> },
                                None => html! { <span class="muted">{ "—" }</span> },
                            };
                            html! {
                                <tr>
                                    <td>{ &a.name }</td>
                                    <td><span class={classes!("diff-status", class)}>{ label }</span></td>
                                    <td>{ cell(&a.old) }</td>
                                    <td>{ cell(&a.new) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </section>
        </article>
    }
}

fn counts(i18n: &I18n, diff: &VersionDiff) -> String {
    let actions = diff.actions.iter().filter(|a| a.status != Status::Unchanged).count();
    if diff.is_empty() {
        return i18n.t("diff-same-text");
    }
    tr!(
        i18n,
        "diff-counts",
        changed = diff.count(Status::Changed),
        added = diff.count(Status::Added),
        removed = diff.count(Status::Removed),
        actions = actions
    )
}

/// A change's label in the interface language, and its class.
fn status(i18n: &I18n, status: Status) -> (String, &'static str) {
    match status {
        Status::Added => (i18n.t("diff-added"), "added"),
        Status::Removed => (i18n.t("diff-removed"), "removed"),
        Status::Changed => (i18n.t("diff-changed"), "changed"),
        Status::Unchanged => (i18n.t("diff-unchanged"), "unchanged"),
    }
}

/// A word diff as text with `<ins>` and `<del>` runs.
pub(crate) fn words(runs: &[Words]) -> Html {
    runs.iter()
        .map(|w| match w {
            Words::Same(t) => html! { { t } },
            Words::Inserted(t) => html! { <ins>{ t }</ins> },
            Words::Deleted(t) => html! { <del>{ t }</del> },
        })
        .collect()
}

#[derive(Debug, Properties, PartialEq)]
struct UnchangedProps {
    diff: VersionDiff,
}

#[component]
fn Unchanged(props: &UnchangedProps) -> Html {
    let i18n = use_i18n();
    let same: Vec<&str> = props
        .diff
        .sections
        .iter()
        .filter(|s| s.status == Status::Unchanged)
        .map(|s| s.heading.as_str())
        .collect();
    if same.is_empty() {
        return html! {};
    }
    html! { <p class="muted unchanged-list">{ tr!(i18n, "diff-unchanged-list", headings = same.join(", ")) }</p> }
}

#[derive(Debug, Properties, PartialEq)]
struct VersionPickerProps {
    policy: Policy,
    from: u32,
    to: u32,
}

/// Two menus choosing the versions to compare.
#[component]
fn VersionPicker(props: &VersionPickerProps) -> Html {
    let navigator = use_navigator();
    let i18n = use_i18n();
    let picker = |id: &'static str, label: String, selected: u32, is_from: bool| {
        let navigator = navigator.clone();
        let (slug, from, to) = (props.policy.slug.to_string(), props.from, props.to);
        let onchange = Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            let Ok(n) = select.value().parse::<u32>() else {
                return;
            };
            let (from, to) = if is_from { (n, to) } else { (from, n) };
            if let Some(navigator) = &navigator {
                navigator.push(&Route::PolicyDiff {
                    slug: slug.clone(),
                    from,
                    to,
                });
            }
        });
        html! {
            <>
                <label for={id}>{ label }</label>
                <select {id} {onchange}>
                    { for props.policy.versions.iter().map(|v| html! {
                        <option value={v.number.to_string()} selected={v.number == selected}>
                            { tr!(i18n, "diff-version-option", number = v.number, status = status_label(&i18n, v.status), effective = v.effective.to_string()) }
                        </option>
                    }) }
                </select>
            </>
        }
    };
    html! {
        <p class="version-picker">
            { picker("diff-from", format!("{} ", i18n.t("diff-compare")), props.from, true) }
            { picker("diff-to", format!(" {} ", i18n.t("diff-with")), props.to, false) }
        </p>
    }
}
