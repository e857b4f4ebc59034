//! A sweep's items as a virtual list: every row is [`ROW_PX`] high (the stylesheet's
//! `.sweep-row` says the same), the list box is as high as all the rows together, and only the
//! rows the scroll position shows, plus [`OVERSCAN`] on each side and the focused row, are
//! on the page. So 50,000 items cost a few dozen elements, and scrolling re-renders only when
//! the first visible row changes.
//!
//! The rows are placed with the CSS object model after each render (the Content-Security-
//! Policy refuses `style` attributes). The focused row stays on the page even when it is
//! scrolled out, so `aria-current` and the keys (`j`/`k` move from it and scroll it back into
//! view) never lose it. Browser find cannot see rows that are not on the page: the page's
//! find box filters instead, and says so.

use std::rc::Rc;

use casebook_core::sweep::guidance::Guidance;
use casebook_core::sweep::{self, Choice, assign::Person};
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::plain_decision_label;
use crate::i18n::use_i18n;
use crate::sync::SyncHandle;

/// The height of a row, in CSS pixels (`.sweep-row` in the stylesheet).
pub const ROW_PX: f64 = 44.0;
/// Rows rendered beyond each edge of the list box.
pub const OVERSCAN: usize = 8;
/// The list box's height before it has been measured.
const DEFAULT_VIEWPORT_PX: f64 = 600.0;

#[derive(Properties, PartialEq)]
pub struct VirtualItemsProps {
    pub sync: SyncHandle,
    pub sweep: String,
    /// The items the filter keeps, in order.
    pub shown: Rc<Vec<usize>>,
    pub focused: Option<usize>,
    /// Bumped by the page when a key moved the focus: the row is scrolled into view and
    /// takes the keyboard focus.
    pub moved: u64,
    pub guidance: Option<Rc<(u64, Guidance)>>,
    pub on_pick: Callback<usize>,
}

/// The rows to render for a list box scrolled to `top` and `height` pixels high over `count`
/// rows: the visible ones with [`OVERSCAN`] on each side, as positions.
pub fn window(top: f64, height: f64, count: usize) -> std::ops::Range<usize> {
    let first = (top.max(0.0) / ROW_PX).floor() as usize;
    let visible = (height.max(ROW_PX) / ROW_PX).ceil() as usize + 1;
    let start = first.saturating_sub(OVERSCAN).min(count);
    let end = (first + visible + OVERSCAN).min(count);
    start..end
}

/// Sets an inline style property unless it already holds `value`: the rows are placed after
/// every render, and an unchanged row must not make the browser recompute its style.
fn set_style(el: &HtmlElement, property: &str, value: &str) {
    let style = el.style();
    if style.get_property_value(property).ok().as_deref() != Some(value) {
        let _ = style.set_property(property, value);
    }
}

#[component]
pub fn VirtualItems(props: &VirtualItemsProps) -> Html {
    let i18n = use_i18n();
    let scroller = use_node_ref();
    let rows = use_node_ref();
    // (scroll top, list box height), as last read.
    let view = use_state(|| (0.0f64, DEFAULT_VIEWPORT_PX));
    // The same, exact to the pixel, read when the box scrolls or is resized (when reading is
    // cheap): a key never reads the scroll position after changing the page, which would make
    // the browser lay the page out at once.
    let exact = use_mut_ref(|| (0.0f64, DEFAULT_VIEWPORT_PX));
    let onscroll = {
        let (scroller, view, exact) = (scroller.clone(), view.clone(), exact.clone());
        Callback::from(move |_: Event| {
            let Some(el) = scroller.cast::<HtmlElement>() else {
                return;
            };
            let next = (f64::from(el.scroll_top()), f64::from(el.client_height()));
            *exact.borrow_mut() = next;
            let (top, height) = *view;
            // Re-render only when the first visible row or the box's size changed.
            if (next.0 / ROW_PX).floor() != (top / ROW_PX).floor() || next.1 != height {
                view.set(next);
            }
        })
    };
    // The box's real height, once mounted and whenever the window is resized.
    {
        let (scroller, view, exact) = (scroller.clone(), view.clone(), exact.clone());
        use_effect_with((), move |()| {
            let measure = move || {
                if let Some(el) = scroller.cast::<HtmlElement>() {
                    let next = (f64::from(el.scroll_top()), f64::from(el.client_height()));
                    *exact.borrow_mut() = next;
                    view.set(next);
                }
            };
            measure();
            let listener = gloo::events::EventListener::new(&gloo::utils::window(), "resize", move |_| measure());
            move || drop(listener)
        });
    }
    let count = props.shown.len();
    let at = props.focused.and_then(|n| props.shown.iter().position(|m| *m == n));
    let range = window(view.0, view.1, count);
    let mut positions: Vec<usize> = range.clone().collect();
    if let Some(at) = at.filter(|at| !range.contains(at)) {
        positions.push(at);
    }
    // After each render: the list's full height and each row's place.
    {
        let rows = rows.clone();
        use_effect(move || {
            if let Some(list) = rows.cast::<HtmlElement>() {
                set_style(&list, "block-size", &format!("{}px", count as f64 * ROW_PX));
                let children = list.children();
                for i in 0..children.length() {
                    if let Some(row) = children.item(i).and_then(|c| c.dyn_into::<HtmlElement>().ok())
                        && let Some(pos) = row.dataset().get("pos").and_then(|p| p.parse::<f64>().ok())
                    {
                        set_style(&row, "inset-block-start", &format!("{}px", pos * ROW_PX));
                    }
                }
            }
        });
    }
    // A key moved the focus: the row comes into view and takes the keyboard focus.
    {
        let (scroller, view, focused, exact) = (scroller.clone(), view.clone(), props.focused, exact.clone());
        use_effect_with(props.moved, move |moved| {
            if *moved > 0
                && let (Some(el), Some(at)) = (scroller.cast::<HtmlElement>(), at)
            {
                let (top, height) = *exact.borrow();
                let row_top = at as f64 * ROW_PX;
                let next = if row_top < top {
                    Some(row_top)
                } else if row_top + ROW_PX > top + height {
                    Some(row_top + ROW_PX - height)
                } else {
                    None
                };
                if let Some(next) = next.map(|n| n.max(0.0)) {
                    el.set_scroll_top(next as i32);
                    *exact.borrow_mut() = (next, height);
                    view.set((next, height));
                }
                if let Some(n) = focused
                    && let Some(row) = gloo::utils::document().get_element_by_id(&format!("row-{n}"))
                    && let Some(row) = row.dyn_ref::<HtmlElement>()
                {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = row.focus_with_options(&options);
                }
            }
        });
    }
    let overlay = props.sync.state.overlay();
    let me = &props.sync.state.user.id;
    let guidance = props.guidance.as_deref();
    html! {
        <div class="sweep-scroller" ref={scroller} {onscroll}>
            <ol class="sweep-rows" ref={rows} aria-label={i18n.t("sweeps-items")}>
                { for positions.iter().map(|&pos| {
                    let n = props.shown[pos];
                    let item = sweep::item(&overlay, &props.sweep, n);
                    let holder = item.assignee.value.and_then(Person::from_value);
                    let decision = match item.decision.value {
                        Some(Value::String(s)) => plain_decision_label(&i18n, s),
                        Some(v) => Choice::from_value(v)
                            .map(|c| guidance.and_then(|(_, g)| g.decision(&c.option)).map_or(c.option, |d| d.label.clone()))
                            .unwrap_or_default(),
                        None => String::new(),
                    };
                    let done = item.done.as_bool();
                    let focused = props.focused == Some(n);
                    let onclick = {
                        let pick = props.on_pick.clone();
                        Callback::from(move |_| pick.emit(n))
                    };
                    html! {
                        <li key={n} class={classes!("sweep-row", done.then_some("done"), focused.then_some("focused"), item.has_conflict().then_some("conflict"))}
                            data-pos={pos.to_string()} data-item={n.to_string()}
                            aria-posinset={(pos + 1).to_string()} aria-setsize={count.to_string()}>
                            <button type="button" id={format!("row-{n}")} class="sweep-row-button" {onclick}
                                aria-current={focused.then_some("true")} aria-controls="sweep-item-detail">
                                <span class="item-n">{ format!("#{n}") }</span>
                                <span class="row-target" dir="auto">{ item.target.as_str() }</span>
                                <span class="row-meta">
                                    if let Some(p) = &holder {
                                        <span class={classes!("row-holder", (p.person == *me).then_some("mine"))}>{ p.name.as_str() }</span>
                                    }
                                    if !decision.is_empty() {
                                        <span class="row-decision" dir="auto">{ decision }</span>
                                    }
                                    if done {
                                        <span class="row-done">{ i18n.t("sweeps-done") }</span>
                                    }
                                    if item.has_conflict() {
                                        <span class="row-conflict">{ i18n.t("sweeps-row-conflict") }</span>
                                    }
                                </span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
            if count == 0 {
                <p class="muted sweep-rows-empty">{ i18n.t("sweeps-filter-none") }</p>
            }
        </div>
    }
}
