//! The hand-over from the page before the app to the app.
//!
//! `index.html` carries the header's outline and a real search box (`#boot`), so an agent can
//! type while the WebAssembly downloads. The app renders into a hidden root of its own; once its
//! first frame is in the document, [`hand_over`] swaps the two in one step, moving what was
//! typed, the caret and the focus to the app's box: no keystroke is lost and nothing flashes.
//! After the first hand-over nothing here touches the page again.
//!
//! On the search page, while the first page's quick search (`boot.js`, `crates/start`) is
//! answering, the search page [`hold`]s the hand-over until the app's own library is ready, so
//! the agent never trades results on screen for a "loading" line.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

/// The page before the app, in `index.html`.
const BOOT: &str = "boot";
/// The root the app renders into.
const APP: &str = "app";
/// The app's search box; the boot box gives up this id when the app starts.
const SEARCH_INPUT: &str = "search-input";
const BOOT_INPUT: &str = "boot-search-input";
/// Longer than any query anyone types; a pasted book is cut here.
const MAX_TYPED: usize = 500;

thread_local! {
    /// What the hand-over found typed in the boot box, until the search page takes it.
    static TYPED: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The search page holds the hand-over while the quick search answers and the app's
    /// library is still loading.
    static HELD: Cell<bool> = const { Cell::new(false) };
}

/// Whether the first page's quick search is answering (`boot.js` set `casebookBoot.quick`).
pub fn quick_search_answering() -> bool {
    let Some(window) = web_sys::window() else { return false };
    js_sys::Reflect::get(&window, &"casebookBoot".into())
        .ok()
        .filter(|boot| boot.is_object())
        .and_then(|boot| js_sys::Reflect::get(&boot, &"quick".into()).ok())
        .is_some_and(|quick| quick.is_object())
}

/// Keeps the first page on screen until [`release`]: [`hand_over`] does nothing meanwhile.
pub fn hold() {
    HELD.with(|held| held.set(true));
}

/// Ends a [`hold`] and hands over.
pub fn release() {
    HELD.with(|held| held.set(false));
    hand_over();
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

fn boot_input(document: &Document) -> Option<HtmlInputElement> {
    document
        .query_selector("#boot input[type=search]")
        .ok()??
        .dyn_into()
        .ok()
}

fn bounded(mut text: String) -> String {
    if text.len() > MAX_TYPED {
        let mut end = MAX_TYPED;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

/// The element the app renders into, added to `<body>`. While the boot page is on screen it is
/// hidden, and the boot box gives its id to the app's own box (it keeps the focus and the
/// text until [`hand_over`]).
pub fn app_root() -> Option<Element> {
    let document = document()?;
    let root = document.create_element("div").ok()?;
    root.set_id(APP);
    if document.get_element_by_id(BOOT).is_some() {
        root.set_attribute("hidden", "").ok()?;
        if let Some(input) = boot_input(&document) {
            input.set_id(BOOT_INPUT);
            if let Ok(Some(label)) = document.query_selector("#boot label") {
                let _ = label.set_attribute("for", BOOT_INPUT);
            }
        }
    }
    document.body()?.append_child(&root).ok()?;
    Some(root)
}

/// What has been typed in the boot box so far, while it is on screen.
pub fn typed_so_far() -> Option<String> {
    let text = boot_input(&document()?)?.value();
    (!text.is_empty()).then(|| bounded(text))
}

/// Replaces the boot page by the app, once: later calls do nothing. The app's search box, if
/// it is on the page, receives the boot box's text, caret and focus.
pub fn hand_over() {
    if HELD.with(Cell::get) {
        return;
    }
    let Some(document) = document() else { return };
    let Some(boot) = document.get_element_by_id(BOOT) else {
        return;
    };
    let typed = boot_input(&document).map(|input| {
        let focused = document
            .active_element()
            .is_some_and(|active| active.is_same_node(Some(&input)));
        let start = input.selection_start().ok().flatten();
        let end = input.selection_end().ok().flatten();
        (bounded(input.value()), focused, start.zip(end))
    });
    boot.remove();
    if let Some(root) = document.get_element_by_id(APP) {
        let _ = root.remove_attribute("hidden");
    }
    let Some((text, focused, selection)) = typed else {
        return;
    };
    if let Some(input) = document
        .get_element_by_id(SEARCH_INPUT)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
    {
        if !text.is_empty() {
            input.set_value(&text);
        }
        if focused {
            let _ = input.focus();
            if let Some((start, end)) = selection {
                let _ = input.set_selection_range(start, end);
            }
        }
    }
    if !text.is_empty() {
        TYPED.with(|typed| *typed.borrow_mut() = Some(text));
    }
}

/// What the hand-over found typed in the boot box, once.
pub fn take_typed() -> Option<String> {
    TYPED.with(|typed| typed.borrow_mut().take())
}
