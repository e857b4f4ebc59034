//! A quiet notice that a newer policy library is waiting: the page on screen stays as it is
//! until the reader asks for the new version.

use yew::prelude::*;

use crate::i18n::use_i18n;
use crate::library::use_library_update;

#[component]
pub fn LibraryUpdateNotice() -> Html {
    let i18n = use_i18n();
    let Some(update) = use_library_update().filter(|u| u.waiting.is_some()) else {
        return html! {};
    };
    let onclick = update.show.reform(|_: MouseEvent| ());
    html! {
        <p class="library-update" role="status">
            { i18n.t("library-update-available") }{ " " }
            <button type="button" class="library-update-show" {onclick}>{ i18n.t("library-update-show") }</button>
        </p>
    }
}
