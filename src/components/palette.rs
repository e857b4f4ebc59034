//! The command palette (Ctrl-K, or ⌘K on a Mac): go anywhere and do anything from the
//! keyboard — open a page, a policy or a sweep, switch the interface language, sign out. Its
//! search is the core search engine the policy lookup uses (prefixes, typos), over the
//! commands in the interface language.
//!
//! Also here: the `?` overlay listing the keyboard shortcuts of the page in view.

use casebook_core::search::{Document, Engine, Filters, IndexBuilder};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::i18n::{I18n, Lang, msg, use_i18n};
use crate::library::{LibraryState, use_library};
use crate::route::Route;
use crate::session::{Session, use_session};
use crate::shortcuts::{self, typing_in_a_field};
use crate::sync::use_sync;
use crate::tr;

/// What a command does when chosen.
#[derive(Debug, Clone, PartialEq)]
enum Action {
    Go(Route),
    Language(Lang),
    SignOut,
}

#[derive(Debug, Clone, PartialEq)]
struct Command {
    label: String,
    /// A word for the kind of thing ("Page", "Policy"), shown and searched.
    kind: String,
    action: Action,
}

/// Every command available now, in the interface language.
fn commands(
    i18n: &I18n,
    library: &LibraryState,
    sweeps: &[(String, String)],
    templates: &[(String, String)],
    lists: &[(String, String)],
    session: &Session,
) -> Vec<Command> {
    let page = i18n.t("palette-kind-page");
    let go = |id: &str, route: Route| Command {
        label: i18n.t(id),
        kind: page.clone(),
        action: Action::Go(route),
    };
    let mut all = vec![
        go(msg("nav-policies"), Route::Search),
        go(msg("nav-sweeps"), Route::Sweeps),
        go(msg("nav-templates"), Route::Templates),
        go(msg("nav-reading"), Route::Reading),
        go(msg("nav-settings"), Route::Settings),
    ];
    match session {
        Session::SignedIn(user) => {
            if crate::components::shell::is_policy_team(user) {
                all.push(go(msg("nav-import"), Route::LibraryImport));
            }
            if user.role == casebook_core::wire::Role::Admin {
                all.push(go(msg("nav-people"), Route::People));
                all.push(go(msg("nav-audit"), Route::Audit));
            }
            all.push(Command {
                label: i18n.t("sign-out"),
                kind: i18n.t("palette-kind-account"),
                action: Action::SignOut,
            });
        }
        _ => all.push(go(msg("sign-in"), Route::SignIn)),
    }
    for lang in Lang::ALL.into_iter().filter(|l| *l != i18n.lang()) {
        all.push(Command {
            label: tr!(i18n, "palette-language", language = lang.native_name()),
            kind: i18n.t("language-picker"),
            action: Action::Language(lang),
        });
    }
    if let LibraryState::Ready(loaded) = library {
        let kind = i18n.t("palette-kind-policy");
        all.extend(loaded.snapshot.library.policies.iter().map(|p| Command {
            label: p.title.clone(),
            kind: kind.clone(),
            action: Action::Go(Route::Policy {
                slug: p.slug.to_string(),
            }),
        }));
    }
    let kind = i18n.t("palette-kind-sweep");
    all.extend(sweeps.iter().map(|(id, title)| Command {
        label: title.clone(),
        kind: kind.clone(),
        action: Action::Go(Route::SweepRun { id: id.clone() }),
    }));
    let kind = i18n.t("palette-kind-template");
    all.extend(templates.iter().map(|(id, name)| Command {
        label: name.clone(),
        kind: kind.clone(),
        action: Action::Go(Route::Compose { id: id.clone() }),
    }));
    let kind = i18n.t("palette-kind-reading");
    all.extend(lists.iter().map(|(id, title)| Command {
        label: title.clone(),
        kind: kind.clone(),
        action: Action::Go(Route::ReadingList { id: id.clone() }),
    }));
    all
}

/// The commands matching `query`, best first: all of them, in order, for an empty query.
fn matching(commands: &[Command], query: &str, lang: Lang) -> Vec<usize> {
    const LIMIT: usize = 12;
    if query.trim().is_empty() {
        return (0..commands.len().min(LIMIT)).collect();
    }
    let mut builder = IndexBuilder::new();
    for (i, command) in commands.iter().enumerate() {
        builder.add(&Document {
            key: i.to_string(),
            title: &command.label,
            heading: &command.kind,
            body: "",
            area: "",
            regions: &[],
            lang: lang.code(),
            actions: &[],
        });
    }
    let mut engine = Engine::new(builder.build());
    let results = engine.search(query, &Filters::default(), LIMIT);
    results
        .hits
        .iter()
        .filter_map(|hit| engine.index().key(hit.doc).parse().ok())
        .collect()
}

/// The palette and the shortcuts overlay, mounted once in the shell.
#[component]
pub fn CommandPalette() -> Html {
    let i18n = use_i18n();
    let library = use_library();
    let handle = use_session();
    let sync = use_sync();
    let navigator = use_navigator();
    let open = use_state(|| false);
    let help = use_state(|| false);
    let query = use_state(String::new);
    let selected = use_state(|| 0usize);
    let input = use_node_ref();
    // Where focus was, to return it on close.
    let previous = use_mut_ref(|| None::<HtmlElement>);

    {
        let (open, help, previous, query, selected) = (
            open.clone(),
            help.clone(),
            previous.clone(),
            query.clone(),
            selected.clone(),
        );
        use_effect_with((), move |()| {
            let options = EventListenerOptions::enable_prevent_default();
            let listener =
                EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |event| {
                    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    let palette_key = event.key().eq_ignore_ascii_case("k") && (event.ctrl_key() || event.meta_key());
                    if palette_key {
                        event.prevent_default();
                        *previous.borrow_mut() =
                            gloo::utils::document().active_element().and_then(|e| e.dyn_into().ok());
                        query.set(String::new());
                        selected.set(0);
                        help.set(false);
                        open.set(true);
                    } else if event.key() == "?" && !typing_in_a_field() && !(event.ctrl_key() || event.meta_key()) {
                        event.prevent_default();
                        *previous.borrow_mut() =
                            gloo::utils::document().active_element().and_then(|e| e.dyn_into().ok());
                        open.set(false);
                        help.set(true);
                    }
                });
            move || drop(listener)
        });
    }
    // The input takes focus when the palette opens.
    {
        let input = input.clone();
        use_effect_with(*open, move |open| {
            if *open && let Some(input) = input.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }
    let close = {
        let (open, help, previous) = (open.clone(), help.clone(), previous.clone());
        Callback::from(move |()| {
            open.set(false);
            help.set(false);
            if let Some(element) = previous.borrow_mut().take() {
                let _ = element.focus();
            }
        })
    };

    if *help {
        return html! { <ShortcutsHelp close={close} /> };
    }
    if !*open {
        return html! {};
    }

    let sweeps: Vec<(String, String)> = sync
        .as_ref()
        .map(|s| {
            casebook_core::sweep::list(&s.state.overlay())
                .into_iter()
                .map(|summary| (summary.id, summary.title))
                .collect()
        })
        .unwrap_or_default();
    let templates: Vec<(String, String)> = sync
        .as_ref()
        .map(|s| {
            casebook_core::template::notes::list(&s.state.overlay())
                .into_iter()
                .map(|t| (t.id.to_string(), t.name.to_string()))
                .collect()
        })
        .unwrap_or_default();
    let lists: Vec<(String, String)> = sync
        .as_ref()
        .map(|s| {
            casebook_core::reading::list(&s.state.overlay())
                .into_iter()
                .map(|l| (l.id, l.title))
                .collect()
        })
        .unwrap_or_default();
    let all = commands(&i18n, &library, &sweeps, &templates, &lists, &handle.session);
    let shown = matching(&all, &query, i18n.lang());
    let chosen = (*selected).min(shown.len().saturating_sub(1));

    let run = {
        let (i18n, close, navigator, all) = (i18n.clone(), close.clone(), navigator.clone(), all.clone());
        let set_session = handle.set.clone();
        let sync = sync.clone();
        Callback::from(move |index: usize| {
            let Some(command) = all.get(index) else {
                return;
            };
            close.emit(());
            match &command.action {
                Action::Go(route) => {
                    if let Some(navigator) = &navigator {
                        navigator.push(route);
                    }
                }
                Action::Language(lang) => i18n.choose(*lang),
                Action::SignOut => {
                    crate::components::shell::sign_out_flow(set_session.clone(), navigator.clone(), sync.clone(), None)
                }
            }
        })
    };
    let oninput = {
        let (query, selected) = (query.clone(), selected.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
            selected.set(0);
        })
    };
    let onkeydown = {
        let (selected, close, run, shown) = (selected.clone(), close.clone(), run.clone(), shown.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowDown" => {
                e.prevent_default();
                selected.set((chosen + 1).min(shown.len().saturating_sub(1)));
            }
            "ArrowUp" => {
                e.prevent_default();
                selected.set(chosen.saturating_sub(1));
            }
            "Enter" => {
                e.prevent_default();
                if let Some(index) = shown.get(chosen) {
                    run.emit(*index);
                }
            }
            "Escape" => {
                e.prevent_default();
                close.emit(());
            }
            _ => {}
        })
    };
    let onbackdrop = {
        let close = close.clone();
        Callback::from(move |e: MouseEvent| {
            let on_backdrop = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.class_name() == "overlay-backdrop");
            if on_backdrop {
                close.emit(());
            }
        })
    };
    let option_id = |i: usize| format!("palette-option-{i}");
    html! {
        <div class="overlay-backdrop" onclick={onbackdrop}>
            <div class="palette" role="dialog" aria-modal="true" aria-labelledby="palette-title">
                <h2 id="palette-title" class="visually-hidden">{ i18n.t("palette-title") }</h2>
                <input ref={input} type="text" class="palette-input" role="combobox" aria-expanded="true"
                    aria-controls="palette-options" aria-autocomplete="list"
                    aria-activedescendant={(!shown.is_empty()).then(|| option_id(chosen))}
                    aria-label={i18n.t("palette-input")} placeholder={i18n.t("palette-placeholder")}
                    value={(*query).clone()} {oninput} {onkeydown} autocomplete="off" spellcheck="false" />
                <ul id="palette-options" role="listbox" aria-label={i18n.t("palette-title")} class="palette-options">
                    { for shown.iter().enumerate().map(|(position, &index)| {
                        let command = &all[index];
                        let onclick = {
                            let run = run.clone();
                            Callback::from(move |_| run.emit(index))
                        };
                        html! {
                            <li id={option_id(position)} role="option" aria-selected={(position == chosen).to_string()}
                                class={classes!("palette-option", (position == chosen).then_some("selected"))} {onclick}>
                                <span class="palette-label">{ &command.label }</span>
                                <span class="palette-kind muted">{ &command.kind }</span>
                            </li>
                        }
                    }) }
                </ul>
                if shown.is_empty() {
                    <p class="muted palette-empty" role="status">{ i18n.t("palette-nothing") }</p>
                }
                <p class="muted palette-hint">{ i18n.t("palette-hint") }</p>
            </div>
        </div>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct ShortcutsHelpProps {
    close: Callback<()>,
}

/// The `?` overlay: the keys that work everywhere, then the page's own.
#[component]
fn ShortcutsHelp(props: &ShortcutsHelpProps) -> Html {
    let i18n = use_i18n();
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |()| {
            if let Some(dialog) = dialog.cast::<HtmlElement>() {
                let _ = dialog.focus();
            }
        });
    }
    let onkeydown = {
        let close = props.close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if matches!(e.key().as_str(), "Escape" | "?") {
                e.prevent_default();
                close.emit(());
            }
        })
    };
    let onclick = {
        let close = props.close.clone();
        Callback::from(move |_| close.emit(()))
    };
    let mac = gloo::utils::window()
        .navigator()
        .user_agent()
        .unwrap_or_default()
        .contains("Mac");
    let global = [
        (
            if mac { "⌘ K" } else { "Ctrl K" }.to_string(),
            i18n.t("shortcut-palette"),
        ),
        ("?".to_string(), i18n.t("shortcut-help")),
        ("Esc".to_string(), i18n.t("shortcut-close")),
    ];
    let page: Vec<(String, String)> = shortcuts::registered()
        .into_iter()
        .map(|(key, help)| (key.to_string(), i18n.t(help)))
        .collect();
    let rows = |rows: &[(String, String)]| {
        html! {
            <dl class="shortcut-list">
                { for rows.iter().map(|(key, what)| html! {
                    <div><dt><kbd>{ key }</kbd></dt><dd>{ what }</dd></div>
                }) }
            </dl>
        }
    };
    html! {
        <div class="overlay-backdrop">
            <div class="palette shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title"
                tabindex="-1" ref={dialog} {onkeydown}>
                <h2 id="shortcuts-title">{ i18n.t("shortcuts-title") }</h2>
                <h3>{ i18n.t("shortcuts-everywhere") }</h3>
                { rows(&global) }
                if !page.is_empty() {
                    <h3>{ i18n.t("shortcuts-this-page") }</h3>
                    { rows(&page) }
                }
                <p class="muted">{ i18n.t("shortcuts-not-while-typing") }</p>
                <button type="button" {onclick}>{ i18n.t("shortcuts-close") }</button>
            </div>
        </div>
    }
}
