//! What the browser offers only to a secure context (https, or `localhost`): the service
//! worker that keeps the app for offline starts, and the Clipboard API. Served over plain
//! http on another address (an intranet without TLS) the app works without both, and never
//! calls what is not there.

use wasm_bindgen::{JsCast, JsValue};

/// Whether the page is a secure context (`window.isSecureContext`).
pub fn is_secure() -> bool {
    web_sys::window()
        .and_then(|window| js_sys::Reflect::get(&window, &JsValue::from_str("isSecureContext")).ok())
        .and_then(|value| value.as_bool())
        .unwrap_or(false)
}

/// `navigator[name]`, if the browser offers it here.
fn navigator_property<T: JsCast>(name: &str) -> Option<T> {
    if !is_secure() {
        return None;
    }
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str(name)).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    value.dyn_into::<T>().ok()
}

/// The service worker container, where service workers are available.
pub fn service_worker() -> Option<web_sys::ServiceWorkerContainer> {
    navigator_property("serviceWorker")
}

/// The clipboard, where scripts may write to it.
pub fn clipboard() -> Option<web_sys::Clipboard> {
    navigator_property("clipboard")
}
