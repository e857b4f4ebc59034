//! Single-key keyboard shortcuts (`/` to search, `c` to copy a link), in one place so every
//! page treats them alike: ignored while typing in a field or with a modifier held.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// Whether the focus is in a field where keys are text.
pub(crate) fn typing_in_a_field() -> bool {
    gloo::utils::document()
        .active_element()
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Runs `action` when `key` is pressed anywhere on the page, outside fields and without
/// modifiers; the key's default effect is prevented.
#[hook]
pub fn use_shortcut<F: Fn() + 'static>(key: &'static str, action: F) {
    use_effect_with((), move |()| {
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
        move || drop(listener)
    });
}
