//! Reading lists: the lists one may read (`/reading`), one list at its shareable address
//! (`/reading/:id`) with a tick per section, what changed in a listed section since the
//! listed version, and, for the owning organisation, who has read what; the trainer's editor
//! (add a section by searching the library or pasting its link, a note each, order, sharing).
//! Lists and marks are synced data ([`crate::sync`]), so an opened list works offline.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use casebook_core::reading::{self, Item, ListProblem, ReadingList, SectionState};
use casebook_core::search::Filters;
use casebook_core::wire::OrgKind;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::sign_in_link::SignInLink;
use crate::i18n::{I18n, use_i18n};
use crate::library::{LibraryState, Loaded, use_library};
use crate::pages::policy::{CopyLink, InAppLink};
use crate::pages::sweeps::Sharing;
use crate::route::Route;
use crate::sync::{SyncHandle, use_sync};
use crate::tr;

/// Most search results the section picker shows.
const PICKER_RESULTS: usize = 8;

fn sign_in_first(i18n: &I18n) -> Html {
    html! {
        <article class="page narrow">
            <h1>{ i18n.t("reading-title") }</h1>
            <p>{ i18n.t("reading-sign-in") }</p>
            <p><SignInLink /></p>
        </article>
    }
}

fn problem_text(i18n: &I18n, problem: &ListProblem) -> String {
    match problem {
        ListProblem::NoTitle => i18n.t("reading-problem-no-title"),
        ListProblem::TitleTooLong => tr!(i18n, "reading-problem-title-long", max = reading::MAX_TITLE_CHARS),
        ListProblem::DescriptionTooLong => {
            tr!(
                i18n,
                "reading-problem-description-long",
                max = reading::MAX_DESCRIPTION_CHARS
            )
        }
        ListProblem::TooManyItems => tr!(i18n, "reading-problem-too-many", max = reading::MAX_ITEMS),
        ListProblem::NoteTooLong(_) => tr!(i18n, "reading-problem-note-long", max = reading::MAX_NOTE_CHARS),
        ListProblem::BadItem(_) | ListProblem::DuplicateKey(_) => i18n.t("reading-problem-bad-item"),
        ListProblem::Control => i18n.t("reading-problem-control"),
        ListProblem::TooLarge => i18n.t("reading-problem-too-large"),
    }
}

/// The items of `list` that `marks` count as read: the listed version or a later one.
fn read_count(list: &ReadingList, marks: &BTreeMap<u32, u32>) -> usize {
    list.items
        .iter()
        .filter(|i| marks.get(&i.key).is_some_and(|v| *v >= i.version))
        .count()
}

#[component]
pub fn ReadingListsPage() -> Html {
    let i18n = use_i18n();
    let Some(sync) = use_sync() else {
        return sign_in_first(&i18n);
    };
    let view = sync.state.overlay();
    let lists = reading::list(&view);
    let user = &sync.state.user;
    let writes = reading::writes_lists(user.role);
    html! {
        <article class="page reading">
            <h1>{ i18n.t("reading-title") }</h1>
            <p class="muted">{ i18n.t("reading-intro") }</p>
            if lists.is_empty() {
                <p class="empty">{ if writes { i18n.t("reading-none-write") } else { i18n.t("reading-none") } }</p>
            } else {
                <ul class="reading-lists">
                    { for lists.iter().map(|l| {
                        let marks = reading::marks_of(&view, &l.id, &user.id);
                        html! {
                            <li key={l.id.clone()}>
                                <Link<Route> to={Route::ReadingList { id: l.id.clone() }}><bdi>{ &l.title }</bdi></Link<Route>>
                                <span class="muted">
                                    { " · " }{ tr!(i18n, "reading-progress", read = read_count(l, &marks), total = l.items.len()) }
                                </span>
                            </li>
                        }
                    }) }
                </ul>
            }
            if writes {
                <NewList sync={sync.clone()} />
            }
        </article>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct SyncProps {
    sync: SyncHandle,
}

/// A new, empty list: its title and description; sections are added on its page.
#[component]
fn NewList(props: &SyncProps) -> Html {
    let i18n = use_i18n();
    let (title, description) = (use_node_ref(), use_node_ref());
    let error = use_state(|| None::<String>);
    let id = use_state(|| crate::sync::new_object_id(12));
    let navigator = use_navigator();
    let onsubmit = {
        let (title, description, error, sync, id, i18n) = (
            title.clone(),
            description.clone(),
            error.clone(),
            props.sync.clone(),
            id.clone(),
            i18n.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let title = title.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let description = description
                .cast::<HtmlTextAreaElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let org = sync.state.user.org_id.clone();
            let ops = match reading::create(&id, &org, &title, &description, &[], &BTreeSet::new()) {
                Ok(ops) => ops,
                Err(why) => {
                    error.set(Some(problem_text(&i18n, &why)));
                    return;
                }
            };
            let (error, sync, navigator, id) = (error.clone(), sync.clone(), navigator.clone(), (*id).clone());
            wasm_bindgen_futures::spawn_local(async move {
                match sync.edit(ops).await {
                    Ok(()) => {
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::ReadingList { id });
                        }
                    }
                    Err(why) => error.set(Some(why)),
                }
            });
        })
    };
    html! {
        <section class="new-list" aria-labelledby="new-list-title">
            <h2 id="new-list-title">{ i18n.t("reading-new-title") }</h2>
            <form class="form" {onsubmit}>
                <label for="list-title">{ i18n.t("reading-field-title") }</label>
                <input id="list-title" ref={title} maxlength="200" required=true autocomplete="off" />
                <label for="list-description">{ i18n.t("reading-field-description") }</label>
                <textarea id="list-description" ref={description} rows="3" maxlength="2000" />
                if let Some(message) = &*error {
                    <p class="error" role="alert">{ message }</p>
                }
                <div class="button-row">
                    <button type="submit" class="primary" id="create-list">{ i18n.t("reading-create") }</button>
                </div>
            </form>
        </section>
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct ReadingPageProps {
    pub id: String,
}

#[component]
pub fn ReadingPage(props: &ReadingPageProps) -> Html {
    let i18n = use_i18n();
    let library = use_library();
    let Some(sync) = use_sync() else {
        return sign_in_first(&i18n);
    };
    let view = sync.state.overlay();
    let Some(list) = reading::load(&view, &props.id) else {
        return html! {
            <article class="page narrow">
                <h1>{ i18n.t("reading-title") }</h1>
                <p role="alert">{ i18n.t("reading-not-found") }</p>
                <p><Link<Route> to={Route::Reading}>{ i18n.t("reading-back") }</Link<Route>></p>
            </article>
        };
    };
    let user = &sync.state.user;
    let marks = reading::marks_of(&view, &list.id, &user.id);
    let owner = user.org_id == list.org;
    let edits = owner && reading::writes_lists(user.role);
    let loaded = match &library {
        LibraryState::Ready(loaded) => Some(loaded.clone()),
        _ => None,
    };
    let readers = if owner {
        reading::readers(&view, &list.id)
    } else {
        Vec::new()
    };
    let read = read_count(&list, &marks);
    let path = format!("/reading/{}", list.id);
    html! {
        <article class="page reading-list">
            <p><Link<Route> to={Route::Reading}>{ i18n.t("reading-back") }</Link<Route>></p>
            <h1 dir="auto">{ &list.title }</h1>
            if !list.description.is_empty() {
                <p class="reading-description" dir="auto">{ &list.description }</p>
            }
            <p class="muted">
                if !list.author.is_empty() {
                    { tr!(i18n, "reading-by", author = list.author.clone()) }{ " · " }
                }
                <span id="reading-progress" role="status">{ tr!(i18n, "reading-progress", read = read, total = list.items.len()) }</span>
            </p>
            <progress class="reading-progress" max={list.items.len().max(1).to_string()} value={read.to_string()}
                aria-labelledby="reading-progress"></progress>
            <p>
                <CopyLink path={path} id="copy-list-link" class={classes!("copy-list")}
                    label={i18n.t("reading-copy-link")} done={i18n.t("reading-link-copied")} />
            </p>
            if list.items.is_empty() {
                <p class="empty">{ i18n.t("reading-empty") }</p>
            } else {
                <ol class="reading-items">
                    { for list.items.iter().map(|item| html! {
                        <ItemRow key={item.key} item={item.clone()} list={list.id.clone()} loaded={loaded.clone()}
                            read={marks.get(&item.key).copied()} sync={sync.clone()} />
                    }) }
                </ol>
            }
            if owner {
                <WhoRead list={Rc::new(list.clone())} readers={Rc::new(readers)} />
            }
            if edits {
                <Editor key={list.id.clone()} list={Rc::new(list.clone())} sync={sync.clone()} loaded={loaded.clone()} />
            }
        </article>
    }
}

/// The section's policy title and heading at the listed version, when the library has them.
fn section_title(loaded: Option<&Rc<Loaded>>, item: &Item) -> (String, String) {
    let policy = loaded.and_then(|l| l.snapshot.library.policy(&item.policy));
    let heading = policy
        .and_then(|p| p.version(item.version))
        .and_then(|v| v.section(&item.section))
        .map_or_else(|| item.section.clone(), |s| s.heading.clone());
    (policy.map_or_else(|| item.policy.clone(), |p| p.title.clone()), heading)
}

#[derive(Debug, Properties)]
struct ItemRowProps {
    item: Item,
    list: String,
    loaded: Option<Rc<Loaded>>,
    /// The version the person marked read, if any.
    read: Option<u32>,
    sync: SyncHandle,
}

impl PartialEq for ItemRowProps {
    fn eq(&self, other: &Self) -> bool {
        self.item == other.item
            && self.list == other.list
            && self.read == other.read
            && self.sync == other.sync
            && match (&self.loaded, &other.loaded) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

/// One listed section: the tick, the link, the trainer's note, and whether it has changed.
#[component]
fn ItemRow(props: &ItemRowProps) -> Html {
    let i18n = use_i18n();
    let item = &props.item;
    let (title, heading) = section_title(props.loaded.as_ref(), item);
    let state = props
        .loaded
        .as_ref()
        .map(|l| reading::section_state(&l.snapshot.library, item));
    let checked = props.read.is_some_and(|v| v >= item.version);
    let onchange = {
        let (sync, list, item) = (props.sync.clone(), props.list.clone(), item.clone());
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let op = reading::mark(
                &sync.state.overlay(),
                &list,
                &sync.state.user.id,
                item.key,
                on.then_some(item.version),
            );
            let sync = sync.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = sync.edit(vec![op]).await;
            });
        })
    };
    let box_id = format!("read-{}", item.key);
    let (slug, anchor, v) = (item.policy.as_str(), item.section.as_str(), item.version);
    let changes = match &state {
        Some(SectionState::Changed { current, diff }) => html! {
            <details class="section-changed">
                <summary>{ tr!(i18n, "reading-changed", version = v, current = *current) }</summary>
                <div class="diff-words" lang="en">{ crate::pages::diff::words(&diff.words) }</div>
                <p>
                    <InAppLink href={format!("/policies/{slug}/diff/{v}/{current}#d-{anchor}")} class={classes!("section-changes")}>
                        { tr!(i18n, "policy-section-changed-since", number = v) }
                    </InAppLink>
                    { " · " }
                    <InAppLink href={format!("/policies/{slug}/v/{current}#{anchor}")}>
                        { tr!(i18n, "policy-section-in-current", current = *current) }
                    </InAppLink>
                </p>
            </details>
        },
        Some(SectionState::Unchanged { current }) => {
            html! { <p class="muted">{ tr!(i18n, "reading-unchanged", current = *current) }</p> }
        }
        Some(SectionState::Removed { current }) => {
            html! { <p class="warning">{ tr!(i18n, "reading-removed", current = *current) }</p> }
        }
        Some(SectionState::Missing) => html! { <p class="warning">{ i18n.t("reading-missing") }</p> },
        Some(SectionState::Current) | None => html! {},
    };
    html! {
        <li class={classes!("reading-item", checked.then_some("is-read"))}>
            <div class="reading-item-head">
                <input type="checkbox" id={box_id.clone()} {checked} {onchange} />
                <label for={box_id} class="visually-hidden">{ tr!(i18n, "reading-mark", section = heading.clone()) }</label>
                <InAppLink href={item.href()} class={classes!("reading-section")}>
                    <bdi>{ format!("{title} › {heading}") }</bdi>
                </InAppLink>
                <span class="chip">{ format!("v{v}") }</span>
            </div>
            if !item.note.is_empty() {
                <p class="reading-note" dir="auto">{ &item.note }</p>
            }
            if let Some(old) = props.read.filter(|r| *r < item.version) {
                <p class="muted">{ tr!(i18n, "reading-read-older", read = old, version = v) }</p>
            }
            { changes }
        </li>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct WhoReadProps {
    list: Rc<ReadingList>,
    readers: Rc<Vec<reading::Reader>>,
}

/// The owning organisation's view: a row per reader, a column per section.
#[component]
fn WhoRead(props: &WhoReadProps) -> Html {
    let i18n = use_i18n();
    let list = &props.list;
    html! {
        <div class="who-read">
            <h2 id="who-read-title">{ i18n.t("reading-who-read") }</h2>
            if props.readers.is_empty() {
                <p class="empty">{ i18n.t("reading-nobody") }</p>
            } else {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="who-read-title">
                    <table id="who-read-table">
                        <thead><tr>
                            <th scope="col">{ i18n.t("reading-reader") }</th>
                            <th scope="col">{ i18n.t("reading-read-count") }</th>
                            { for list.items.iter().enumerate().map(|(n, item)| html! {
                                <th scope="col" title={item.reference()}>{ format!("{}", n + 1) }</th>
                            }) }
                        </tr></thead>
                        <tbody>
                            { for props.readers.iter().map(|r| html! {
                                <tr>
                                    <th scope="row"><bdi>{ &r.name }</bdi></th>
                                    <td>{ tr!(i18n, "reading-progress", read = read_count(list, &r.read), total = list.items.len()) }</td>
                                    { for list.items.iter().map(|item| match r.read.get(&item.key) {
                                        Some(v) if *v >= item.version => html! { <td class="read">{ i18n.t("reading-cell-read") }</td> },
                                        Some(v) => html! { <td class="read-old">{ tr!(i18n, "reading-cell-read-old", version = *v) }</td> },
                                        None => html! { <td class="unread">{ i18n.t("reading-cell-unread") }</td> },
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </div>
    }
}

#[derive(Debug, Properties)]
struct EditorProps {
    list: Rc<ReadingList>,
    sync: SyncHandle,
    loaded: Option<Rc<Loaded>>,
}

impl PartialEq for EditorProps {
    fn eq(&self, other: &Self) -> bool {
        self.list == other.list
            && self.sync == other.sync
            && match (&self.loaded, &other.loaded) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

/// Where saving stands.
#[derive(Debug, Clone, PartialEq)]
enum Saved {
    Idle,
    Done,
    Failed(String),
}

/// The trainer's editor: title, description, the sections in order with a note each, adding
/// a section by search or by link, and (on the platform) sharing.
#[component]
fn Editor(props: &EditorProps) -> Html {
    let i18n = use_i18n();
    let list = props.list.clone();
    let title = use_state(|| list.title.clone());
    let description = use_state(|| list.description.clone());
    let items = use_state(|| list.items.clone());
    let shared = use_state(|| list.shared_with.clone());
    let saved = use_state(|| Saved::Idle);
    let query = use_state(String::new);
    let link = use_state(String::new);
    let link_error = use_state(|| None::<String>);
    let platform = props.sync.state.user.org_kind == OrgKind::Platform;

    let add = {
        let (items, saved) = (items.clone(), saved.clone());
        Callback::from(move |(policy, section, version): (String, String, u32)| {
            let mut next = (*items).clone();
            if next
                .iter()
                .any(|i| i.policy == policy && i.section == section && i.version == version)
            {
                return;
            }
            next.push(Item {
                key: reading::next_key(&next),
                policy,
                section,
                version,
                note: String::new(),
            });
            items.set(next);
            saved.set(Saved::Idle);
        })
    };
    let results: Vec<(String, String, u32, String)> = match (&props.loaded, query.trim()) {
        (Some(loaded), q) if !q.is_empty() => {
            let found = loaded
                .engine
                .borrow_mut()
                .search(q, &Filters::default(), PICKER_RESULTS);
            let engine = loaded.engine.borrow();
            found
                .hits
                .iter()
                .filter_map(|hit| {
                    let (slug, anchor) = engine.index().key(hit.doc).split_once('#')?;
                    let policy = loaded.snapshot.library.policy(slug)?;
                    let version = policy.current()?;
                    let section = version.section(anchor)?;
                    Some((
                        slug.to_string(),
                        anchor.to_string(),
                        version.number,
                        format!("{} › {}", policy.title, section.heading),
                    ))
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_link = {
        let link = link.clone();
        Callback::from(move |e: InputEvent| link.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let add_link = {
        let (link, link_error, add, loaded, i18n) = (
            link.clone(),
            link_error.clone(),
            add.clone(),
            props.loaded.clone(),
            i18n.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(parsed) = reading::parse_link(&link) else {
                link_error.set(Some(i18n.t("reading-link-bad")));
                return;
            };
            let policy = loaded.as_ref().and_then(|l| l.snapshot.library.policy(&parsed.policy));
            let version = match (policy, parsed.version) {
                (Some(p), None) => p.current(),
                (Some(p), Some(n)) => p.version(n),
                (None, _) => None,
            };
            match version {
                Some(v) if v.section(&parsed.section).is_some() => {
                    add.emit((parsed.policy, parsed.section, v.number));
                    link.set(String::new());
                    link_error.set(None);
                }
                _ => link_error.set(Some(i18n.t("reading-link-unknown"))),
            }
        })
    };
    let move_item = {
        let (items, saved) = (items.clone(), saved.clone());
        Callback::from(move |(from, to): (usize, usize)| {
            let mut next = (*items).clone();
            if from < next.len() && to < next.len() {
                next.swap(from, to);
                items.set(next);
                saved.set(Saved::Idle);
            }
        })
    };
    let remove_item = {
        let (items, saved) = (items.clone(), saved.clone());
        Callback::from(move |at: usize| {
            let mut next = (*items).clone();
            if at < next.len() {
                next.remove(at);
                items.set(next);
                saved.set(Saved::Idle);
            }
        })
    };
    let set_note = {
        let (items, saved) = (items.clone(), saved.clone());
        Callback::from(move |(at, note): (usize, String)| {
            let mut next = (*items).clone();
            if let Some(item) = next.get_mut(at) {
                item.note = note;
                items.set(next);
                saved.set(Saved::Idle);
            }
        })
    };
    let on_share = {
        let (shared, saved) = (shared.clone(), saved.clone());
        Callback::from(move |orgs: BTreeSet<String>| {
            shared.set(orgs);
            saved.set(Saved::Idle);
        })
    };
    let onsave = {
        let (title, description, items, shared, saved, sync, list, i18n) = (
            title.clone(),
            description.clone(),
            items.clone(),
            shared.clone(),
            saved.clone(),
            props.sync.clone(),
            list.clone(),
            i18n.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let view = sync.state.overlay();
            let mut ops = match reading::save(&view, &list.id, &title, &description, &items) {
                Ok(ops) => ops,
                Err(why) => {
                    saved.set(Saved::Failed(problem_text(&i18n, &why)));
                    return;
                }
            };
            if *shared != list.shared_with {
                ops.push(reading::share(&view, &list.id, &shared));
            }
            let (sync, saved) = (sync.clone(), saved.clone());
            wasm_bindgen_futures::spawn_local(async move {
                saved.set(match sync.edit(ops).await {
                    Ok(()) => Saved::Done,
                    Err(why) => Saved::Failed(why),
                });
            });
        })
    };
    let count = items.len();
    html! {
        <section class="reading-editor" aria-labelledby="editor-title">
            <h2 id="editor-title">{ i18n.t("reading-edit") }</h2>
            <form class="form" onsubmit={add_link}>
                <label for="section-link">{ i18n.t("reading-paste-link") }</label>
                <div class="inline-field">
                    <input id="section-link" type="text" value={(*link).clone()} oninput={on_link} maxlength="500"
                        autocomplete="off" dir="ltr" placeholder="/policies/private-information/v/2#overview"
                        aria-describedby="section-link-error" />
                    <button type="submit" id="add-link">{ i18n.t("reading-add") }</button>
                </div>
                <p id="section-link-error" class="error" role="alert">{ (*link_error).clone().unwrap_or_default() }</p>
            </form>
            <div class="form section-picker" role="search">
                <label for="section-search">{ i18n.t("reading-search") }</label>
                <input id="section-search" type="search" value={(*query).clone()} oninput={on_query} maxlength="200" autocomplete="off" />
                <ul class="picker-results" aria-label={i18n.t("reading-search-results")}>
                    { for results.into_iter().map(|(slug, anchor, version, label)| {
                        let onclick = {
                            let add = add.clone();
                            let chosen = (slug.clone(), anchor.clone(), version);
                            Callback::from(move |_| add.emit(chosen.clone()))
                        };
                        let shown = format!("{label} · v{version}");
                        html! {
                            <li key={format!("{slug}#{anchor}")}>
                                <button type="button" class="link-button pick" {onclick} aria-label={tr!(i18n, "reading-add-section", section = shown.clone())}>
                                    { shown }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            </div>
            <form class="form" onsubmit={onsave}>
                <label for="edit-title">{ i18n.t("reading-field-title") }</label>
                <input id="edit-title" value={(*title).clone()} maxlength="200" required=true autocomplete="off"
                    oninput={{ let title = title.clone(); Callback::from(move |e: InputEvent| title.set(e.target_unchecked_into::<HtmlInputElement>().value())) }} />
                <label for="edit-description">{ i18n.t("reading-field-description") }</label>
                <textarea id="edit-description" rows="3" maxlength="2000" value={(*description).clone()}
                    oninput={{ let description = description.clone(); Callback::from(move |e: InputEvent| description.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())) }} />
                <h3>{ tr!(i18n, "reading-sections", count = count, max = reading::MAX_ITEMS) }</h3>
                <ol class="edit-items">
                    { for items.iter().enumerate().map(|(at, item)| {
                        let (_, heading) = section_title(props.loaded.as_ref(), item);
                        let note_id = format!("note-{}", item.key);
                        let up = { let m = move_item.clone(); Callback::from(move |_| m.emit((at, at.saturating_sub(1)))) };
                        let down = { let m = move_item.clone(); Callback::from(move |_| m.emit((at, at + 1))) };
                        let remove = { let r = remove_item.clone(); Callback::from(move |_| r.emit(at)) };
                        let oninput = { let s = set_note.clone(); Callback::from(move |e: InputEvent| s.emit((at, e.target_unchecked_into::<HtmlTextAreaElement>().value()))) };
                        html! {
                            <li key={item.key}>
                                <p class="edit-item-title">{ format!("{} · {heading}", item.reference()) }</p>
                                <label for={note_id.clone()}>{ tr!(i18n, "reading-note-for", section = heading.clone()) }</label>
                                <textarea id={note_id} rows="2" maxlength="300" value={item.note.clone()} {oninput} dir="auto" />
                                <div class="button-row">
                                    <button type="button" onclick={up} disabled={at == 0} aria-label={tr!(i18n, "reading-move-up", section = heading.clone())}>{ "↑" }</button>
                                    <button type="button" onclick={down} disabled={at + 1 == count} aria-label={tr!(i18n, "reading-move-down", section = heading.clone())}>{ "↓" }</button>
                                    <button type="button" onclick={remove} aria-label={tr!(i18n, "reading-remove", section = heading.clone())}>{ i18n.t("reading-remove-short") }</button>
                                </div>
                            </li>
                        }
                    }) }
                </ol>
                if platform {
                    <Sharing chosen={(*shared).clone()} onchange={on_share} />
                }
                <div class="button-row">
                    <button type="submit" class="primary" id="save-list">{ i18n.t("reading-save") }</button>
                </div>
                { match &*saved {
                    Saved::Idle => html! {},
                    Saved::Done => html! { <p class="outcome ok" role="status" id="list-saved">{ i18n.t("reading-saved") }</p> },
                    Saved::Failed(why) => html! { <p class="outcome error" role="alert">{ why }</p> },
                } }
            </form>
        </section>
    }
}
