//! The policy section field: a small combobox over the policy search the app already has
//! (the library's core search engine, offline too). Typing lists the best sections of
//! current policy versions; arrows and Enter (or a click) pick one, which fills the field
//! with `slug#anchor@version`. A reference typed by hand still works and is validated like
//! any value. Used by the template composer's section fields and the sweep guidance form's
//! decision options.

use casebook_core::search::Filters;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::i18n::use_i18n;
use crate::library::{LibraryState, use_library};
use crate::tr;

/// Most sections the list offers.
const OPTIONS: usize = 8;

#[derive(Debug, Clone, PartialEq)]
struct Option_ {
    /// `slug#anchor@version`.
    value: String,
    label: String,
    rtl: bool,
}

#[derive(Debug, Properties, PartialEq)]
pub struct PolicyPickerProps {
    /// The input's id (its label points at it).
    pub id: String,
    pub value: String,
    pub required: bool,
    pub invalid: Option<&'static str>,
    pub described: Option<String>,
    pub max: String,
    /// Every change of the text, typed or picked.
    pub onchange: Callback<String>,
    /// The text once settled: a section picked, or the field left.
    #[prop_or_default]
    pub oncommit: Option<Callback<String>>,
}

fn options(library: &LibraryState, query: &str) -> Vec<Option_> {
    let LibraryState::Ready(loaded) = library else {
        return Vec::new();
    };
    if query.trim().chars().count() < 2 || query.contains('#') {
        return Vec::new();
    }
    let results = loaded.engine.borrow_mut().search(query, &Filters::default(), OPTIONS);
    loaded
        .current_sections(&results.hits)
        .into_iter()
        .map(|(policy, version, section)| Option_ {
            value: format!("{}#{}@{}", policy.slug, section.anchor, version.number),
            label: format!("{} — {} (v{})", policy.title, section.heading, version.number),
            rtl: section.lang.as_ref().is_some_and(|l| l.is_rtl()),
        })
        .collect()
}

#[component]
pub fn PolicyPicker(props: &PolicyPickerProps) -> Html {
    let i18n = use_i18n();
    let library = use_library();
    // What is typed while looking, and the highlighted option; `None` when the list is closed.
    let open = use_state(|| None::<usize>);
    let found = if open.is_some() {
        options(&library, &props.value)
    } else {
        Vec::new()
    };
    let list_id = format!("{}-options", props.id);
    let option_id = |i: usize| format!("{}-option-{i}", props.id);
    let oninput = {
        let (onchange, open) = (props.onchange.clone(), open.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                onchange.emit(input.value());
                open.set(Some(0));
            }
        })
    };
    let pick = {
        let (onchange, oncommit) = (props.onchange.clone(), props.oncommit.clone());
        Callback::from(move |value: String| {
            onchange.emit(value.clone());
            if let Some(oncommit) = &oncommit {
                oncommit.emit(value);
            }
        })
    };
    let onkeydown = {
        let (onchange, open, found) = (pick.clone(), open.clone(), found.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(at) = *open else {
                if e.key() == "ArrowDown" {
                    open.set(Some(0));
                }
                return;
            };
            match e.key().as_str() {
                "ArrowDown" if !found.is_empty() => {
                    e.prevent_default();
                    open.set(Some((at + 1) % found.len()));
                }
                "ArrowUp" if !found.is_empty() => {
                    e.prevent_default();
                    open.set(Some((at + found.len() - 1) % found.len()));
                }
                "Enter" if !(found.is_empty() || e.ctrl_key() || e.meta_key()) => {
                    e.prevent_default();
                    if let Some(o) = found.get(at) {
                        onchange.emit(o.value.clone());
                    }
                    open.set(None);
                }
                "Escape" => open.set(None),
                _ => {}
            }
        })
    };
    let onblur = {
        let (open, oncommit) = (open.clone(), props.oncommit.clone());
        Callback::from(move |e: FocusEvent| {
            open.set(None);
            if let (Some(oncommit), Some(input)) = (&oncommit, e.target_dyn_into::<HtmlInputElement>()) {
                oncommit.emit(input.value());
            }
        })
    };
    let expanded = !found.is_empty();
    let active = open.filter(|_| expanded).map(option_id);
    let described = [props.described.clone(), Some(format!("{}-hint", props.id))]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        <div class="policy-picker">
            <input id={props.id.clone()} type="text" role="combobox" value={props.value.clone()} {oninput} {onkeydown} {onblur}
                aria-expanded={expanded.to_string()} aria-controls={list_id.clone()} aria-autocomplete="list"
                aria-activedescendant={active} maxlength={props.max.clone()} dir="ltr" autocomplete="off"
                required={props.required} aria-invalid={props.invalid} aria-describedby={described} spellcheck="false" />
            <p id={format!("{}-hint", props.id)} class="help muted">{ i18n.t("templates-policy-picker-hint") }</p>
            <ul id={list_id} role="listbox" class="policy-options" hidden={!expanded}
                aria-label={i18n.t("templates-policy-picker-options")}>
                { for found.iter().enumerate().map(|(i, o)| {
                    let onmousedown = {
                        let (onchange, open, value) = (pick.clone(), open.clone(), o.value.clone());
                        Callback::from(move |e: MouseEvent| {
                            // Before the input loses focus and closes the list.
                            e.prevent_default();
                            onchange.emit(value.clone());
                            open.set(None);
                        })
                    };
                    let selected = *open == Some(i);
                    html! {
                        <li id={option_id(i)} role="option" aria-selected={selected.to_string()}
                            class={classes!(selected.then_some("active"))} {onmousedown}>
                            <span dir={if o.rtl { "rtl" } else { "auto" }}>{ &o.label }</span>
                            <code>{ &o.value }</code>
                        </li>
                    }
                }) }
            </ul>
            if open.is_some() && !expanded && props.value.trim().chars().count() >= 2 && !props.value.contains('#') {
                <p class="muted" role="status">{ tr!(i18n, "templates-policy-picker-none", query = props.value.clone()) }</p>
            }
        </div>
    }
}
