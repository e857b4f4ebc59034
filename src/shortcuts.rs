//! Single-key keyboard shortcuts (`/` to search, `c` to copy a link), in one place so every
//! page treats them alike: ignored while typing in a field or with a modifier held.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::i18n::msg;

thread_local! {
    /// The shortcuts of the components mounted now, for the `?` overlay: (key, message id).
    static REGISTERED: std::cell::RefCell<Vec<(&'static str, &'static str)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The shortcuts the page in view offers, in the order they were mounted.
pub fn registered() -> Vec<(&'static str, &'static str)> {
    REGISTERED.with(|r| {
        let mut seen = Vec::new();
        for entry in r.borrow().iter() {
            if !seen.contains(entry) {
                seen.push(*entry);
            }
        }
        seen
    })
}

/// What the well-known keys do, for shortcuts registered without a description.
fn help_of(key: &str) -> &'static str {
    match key {
        "/" => msg("shortcut-search"),
        "c" => msg("shortcut-copy-link"),
        _ => msg("shortcut-unnamed"),
    }
}

/// Whether the focus is in a field where keys are text.
pub fn typing_in_a_field() -> bool {
    gloo::utils::document()
        .active_element()
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Runs `action` when `key` is pressed anywhere on the page, outside fields and without
/// modifiers; the key's default effect is prevented.
#[hook]
pub fn use_shortcut<F: Fn() + 'static>(key: &'static str, action: F) {
    use_described_shortcut(key, help_of(key), action);
}

/// [`use_shortcut`], listed in the `?` overlay as `help` (a message id).
#[hook]
pub fn use_described_shortcut<F: Fn() + 'static>(key: &'static str, help: &'static str, action: F) {
    use_effect_with((), move |()| {
        REGISTERED.with(|r| r.borrow_mut().push((key, help)));
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |event| {
            let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if event.key() == key && !typing_in_a_field() && !(event.ctrl_key() || event.meta_key() || event.alt_key())
            {
                event.prevent_default();
                action();
            }
        });
        move || {
            drop(listener);
            REGISTERED.with(|r| {
                let mut r = r.borrow_mut();
                if let Some(at) = r.iter().rposition(|e| *e == (key, help)) {
                    r.remove(at);
                }
            });
        }
    });
}
