//! Every page has its own `document.title` and, after a navigation, the keyboard focus on its
//! heading, or on the section a link names (so a screen reader announces where the person is
//! and Tab continues from there), without scrolling (the page scrolls to a section itself), unless
//! the page put the focus somewhere itself (the search box).
//!
//! Both follow the page's `<h1>`: the title is "{heading} · Casebook", kept up to date by a
//! `MutationObserver` on `<main>`, so a page that loads its content later (a policy, a sweep)
//! gets its title when its heading appears, and no page has to remember to set one.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{HtmlElement, MutationObserver, MutationObserverInit};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::i18n::use_i18n;

fn main_element() -> Option<HtmlElement> {
    gloo::utils::document().get_element_by_id("main")?.dyn_into().ok()
}

fn heading() -> Option<HtmlElement> {
    main_element()?.query_selector("h1").ok()??.dyn_into().ok()
}

/// "{heading} · {app}", or the app's name alone on a page without a heading.
fn update_title(app: &str) {
    let text = heading()
        .and_then(|h| h.text_content())
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
    let title = match text {
        Some(t) if !t.is_empty() && t != app => format!("{t} · {app}"),
        _ => app.to_string(),
    };
    let document = gloo::utils::document();
    if document.title() != title {
        document.set_title(&title);
    }
}

/// Moves focus to the page's heading when nothing on the page has taken it; true if done.
fn focus_heading() -> bool {
    let document = gloo::utils::document();
    let Some(main) = main_element() else {
        return false;
    };
    let page_has_focus = document
        .active_element()
        .is_some_and(|a| a.tag_name() != "BODY" && main.contains(Some(&a)) && a.id() != "main");
    if page_has_focus {
        return true;
    }
    // A link to a section: the reader starts at that section (the page scrolls to it).
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    let target = if hash.len() > 1 {
        let id: String = js_sys::decode_uri_component(&hash[1..]).map(String::from).unwrap_or_default();
        let Some(section) = document.get_element_by_id(&id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) else {
            return false;
        };
        section
    } else {
        let Some(h1) = heading() else {
            return false;
        };
        h1
    };
    if !target.has_attribute("tabindex") {
        let _ = target.set_attribute("tabindex", "-1");
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = target.focus_with_options(&options);
    true
}

#[component]
pub fn PageFocus() -> Html {
    let i18n = use_i18n();
    let location = use_location();
    let path = location.map(|l| l.path().to_string());
    // A navigation whose heading has not been focused yet (it may still be loading).
    let pending = use_memo((), |()| Rc::new(Cell::new(false)));
    let app = i18n.t("app-name");
    {
        let (pending, app) = (pending.clone(), app.clone());
        use_effect_with(app, move |app| {
            let app = app.clone();
            let pending = (*pending).clone();
            let observer_pending = pending.clone();
            let callback = Closure::<dyn FnMut()>::new(move || {
                update_title(&app);
                if observer_pending.get() && focus_heading() {
                    observer_pending.set(false);
                }
            });
            let observer = MutationObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(main)) = (&observer, main_element()) {
                let options = MutationObserverInit::new();
                options.set_child_list(true);
                options.set_subtree(true);
                options.set_character_data(true);
                let _ = observer.observe_with_options(&main, &options);
            }
            // A key pressed or a click means the person has moved on: never steal focus then.
            let interrupted = {
                let pending = pending.clone();
                gloo::events::EventListener::new(&gloo::utils::document(), "pointerdown", move |_| pending.set(false))
            };
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop((callback, interrupted));
            }
        });
    }
    let first = use_mut_ref(|| true);
    {
        let (pending, app) = (pending.clone(), app.clone());
        use_effect_with(path, move |_| {
            update_title(&app);
            let is_first = std::mem::replace(&mut *first.borrow_mut(), false);
            // The first page of a visit keeps the browser's own focus (the search box's autofocus).
            if !is_first {
                pending.set(true);
                if focus_heading() {
                    pending.set(false);
                }
            }
        });
    }
    html! {}
}
