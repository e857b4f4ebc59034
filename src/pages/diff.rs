//! What changed between two versions of a policy: for trainers briefing teams and agents
//! acknowledging a new version.

use casebook_core::diff::{Status, VersionDiff, Words, compare};
use casebook_core::policy::Policy;
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::library::{LibraryState, use_library};
use crate::route::Route;

#[derive(Debug, Properties, PartialEq)]
pub struct DiffPageProps {
    pub slug: String,
    pub from: u32,
    pub to: u32,
}

#[component]
pub fn DiffPage(props: &DiffPageProps) -> Html {
    let library = use_library();
    let LibraryState::Ready(loaded) = library else {
        return html! { <p class="page muted" aria-busy="true">{ "Loading policy…" }</p> };
    };
    let Some(policy) = loaded.snapshot.library.policy(&props.slug) else {
        return html! { <article class="page"><h1>{ "Policy not found" }</h1></article> };
    };
    let (Some(old), Some(new)) = (policy.version(props.from), policy.version(props.to)) else {
        return html! {
            <article class="page">
                <h1>{ &policy.title }</h1>
                <p role="alert">{ format!("This policy has no version {} or {}.", props.from, props.to) }</p>
                <p><Link<Route> to={Route::Policy { slug: props.slug.clone() }}>{ "Open the current version" }</Link<Route>></p>
            </article>
        };
    };
    let diff = compare(old, new);
    html! {
        <article class="page diff-page">
            <header class="policy-header">
                <p class="eyebrow"><span class="chip">{ policy.area.label() }</span></p>
                <h1>{ format!("What changed in {}", policy.title) }</h1>
                <VersionPicker policy={policy.clone()} from={props.from} to={props.to} />
                <p class="diff-counts" role="status">{ counts(&diff) }</p>
                if diff.summary.iter().any(|w| !matches!(w, Words::Same(_))) {
                    <p class="diff-summary"><strong>{ "Summary: " }</strong>{ words(&diff.summary) }</p>
                }
            </header>
            { for diff.sections.iter().filter(|s| s.status != Status::Unchanged).map(|s| {
                let (label, class) = status(s.status);
                let link = (s.status != Status::Removed).then(|| format!("/policies/{}/v/{}#{}", props.slug, props.to, s.anchor));
                html! {
                    <section class={classes!("section", "diff-section", class)} aria-labelledby={format!("d-{}", s.anchor)}>
                        <div class="section-head">
                            <h2 id={format!("d-{}", s.anchor)}>{ &s.heading }</h2>
                            <span class={classes!("diff-status", class)}>{ label }</span>
                            if let Some(link) = link {
                                <a class="anchor-link" href={link}>{ format!("Open in v{}", props.to) }</a>
                            }
                        </div>
                        if let Some(old) = &s.old_heading {
                            <p class="muted">{ format!("Previously headed “{old}”.") }</p>
                        }
                        <div class="diff-words">{ words(&s.words) }</div>
                    </section>
                }
            }) }
            <Unchanged diff={diff.clone()} />
            <section class="section actions" aria-labelledby="d-actions">
                <h2 id="d-actions">{ "Enforcement actions" }</h2>
                <table>
                    <thead><tr><th scope="col">{ "Action" }</th><th scope="col">{ "Change" }</th><th scope="col">{ format!("v{}", props.from) }</th><th scope="col">{ format!("v{}", props.to) }</th></tr></thead>
                    <tbody>
                        { for diff.actions.iter().map(|a| {
                            let (label, class) = status(a.status);
                            let cell = |action: &Option<casebook_core::policy::EnforcementAction>| match action {
                                Some(a) => html! { <><span class={classes!("severity", a.severity.label().to_lowercase())}>{ a.severity.label() }</span>{ " — " }{ &a.when }</> },
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

fn counts(diff: &VersionDiff) -> String {
    let actions = diff.actions.iter().filter(|a| a.status != Status::Unchanged).count();
    if diff.is_empty() {
        return "These versions have the same text.".into();
    }
    format!(
        "{} section(s) changed, {} added, {} removed; {} enforcement action(s) changed.",
        diff.count(Status::Changed),
        diff.count(Status::Added),
        diff.count(Status::Removed),
        actions
    )
}

fn status(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::Added => ("Added", "added"),
        Status::Removed => ("Removed", "removed"),
        Status::Changed => ("Changed", "changed"),
        Status::Unchanged => ("Unchanged", "unchanged"),
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
    html! { <p class="muted unchanged-list">{ format!("Unchanged: {}.", same.join(", ")) }</p> }
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
    let picker = |id: &'static str, label: &'static str, selected: u32, is_from: bool| {
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
                            { format!("v{} ({}, {})", v.number, v.status.label().to_lowercase(), v.effective) }
                        </option>
                    }) }
                </select>
            </>
        }
    };
    html! {
        <p class="version-picker">
            { picker("diff-from", "Compare ", props.from, true) }
            { picker("diff-to", " with ", props.to, false) }
        </p>
    }
}
