//! The interface's language: every label, message and error comes from a Fluent catalogue,
//! one file per language in `locales/` (`en.ftl`, `es.ftl`, `ar.ftl`, `ja.ftl`), which
//! translators edit without touching Rust.
//!
//! - English is compiled in: it is the fallback for any message a catalogue lacks, and the
//!   app never waits for it.
//! - Another language's catalogue is fetched from `/locales/{code}.ftl` when it is chosen and
//!   kept in `localStorage`, so the next start (and an offline one) shows it at once; only
//!   the chosen language's catalogue is ever downloaded or parsed.
//! - The language is, in order: the device's choice (the header's picker), the browser's
//!   preferred languages, English. Signed in, the person's synced choice wins
//!   (`User::ui_lang`). The policy content's own language is independent of it.
//! - Dates, times and numbers are formatted by the browser's `Intl` for the language, in the
//!   browser's time zone.
//!
//! In a component: `let i18n = use_i18n();` then `i18n.t("sign-in")`, or
//! `tr!(i18n, "sync-waiting", count = n)` for a message with variables. A test checks that every
//! id used so exists in English, that other languages add none, and that variables match.

use std::rc::Rc;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// A language the interface is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Es,
    Ar,
    Ja,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Es, Lang::Ar, Lang::Ja];

    /// The BCP 47 code, as in `<html lang>` and the catalogue's file name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Ar => "ar",
            Lang::Ja => "ja",
        }
    }

    /// The language of a BCP 47 tag such as `es-MX` or `ar`, if the interface has it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language's own name, as the picker shows it whatever the interface language.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::Ar => "العربية",
            Lang::Ja => "日本語",
        }
    }

    /// The writing direction: `rtl` for Arabic.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }
}

const ENGLISH: &str = include_str!("../locales/en.ftl");
const DEVICE_CHOICE_KEY: &str = "casebook-ui-lang";
const CATALOGUE_KEY_PREFIX: &str = "casebook-catalogue-";
/// A catalogue larger than this is refused, from the network or from storage.
const MAX_CATALOGUE_BYTES: usize = 512 * 1024;

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang, source: &str) -> Option<Bundle> {
    if source.len() > MAX_CATALOGUE_BYTES {
        return None;
    }
    // A catalogue with a syntax error keeps the messages that parsed.
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
    let langid = lang.code().parse().ok()?;
    let mut bundle = FluentBundle::new(vec![langid]);
    // Isolation marks keep a Latin handle readable inside Arabic; left-to-right text needs none.
    bundle.set_use_isolating(lang == Lang::Ar);
    // Duplicate ids keep the first; the catalogue test reports them.
    let _ = bundle.add_resource(resource);
    Some(bundle)
}

thread_local! {
    static FALLBACK: Rc<Bundle> = Rc::new(bundle(Lang::En, ENGLISH).expect("the English catalogue is compiled in"));
    /// The language the provider last rendered, for code outside components ([`current`]).
    static CURRENT: std::cell::RefCell<(Lang, Option<Rc<Bundle>>)> = const { std::cell::RefCell::new((Lang::En, None)) };
}

/// The interface language for code that runs outside a component (an API failure's message,
/// a confirmation dialog): the same messages the provider gives components.
pub fn current() -> I18n {
    CURRENT.with(|c| {
        let (lang, bundle) = c.borrow().clone();
        I18n {
            lang,
            bundle,
            set: Callback::noop(),
        }
    })
}

/// Marks a message id chosen at a distance from where it is shown (a table of ids, a
/// `match`), so the catalogue test finds it: `i18n.t(msg("nav-policies"))`.
pub const fn msg(id: &'static str) -> &'static str {
    id
}

/// The variables of a message, built by [`tr!`](crate::tr).
#[derive(Default)]
pub struct Args<'a>(FluentArgs<'a>);

impl std::fmt::Debug for Args<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.iter().map(|(k, _)| k)).finish()
    }
}

impl<'a> Args<'a> {
    pub fn new() -> Self {
        Self(FluentArgs::new())
    }

    pub fn set(&mut self, name: &'static str, value: impl Into<FluentValue<'a>>) {
        self.0.set(name, value);
    }
}

/// `tr!(i18n, "sync-waiting", count = n, …)`: a message with variables.
#[macro_export]
macro_rules! tr {
    ($i18n:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut args = $crate::i18n::Args::new();
        $( args.set(stringify!($name), $value); )*
        $i18n.t_args($id, &args)
    }};
}

/// The interface language and its messages, shared through a context.
#[derive(Clone)]
pub struct I18n {
    lang: Lang,
    /// The chosen language's catalogue; `None` while it downloads (English shows meanwhile).
    bundle: Option<Rc<Bundle>>,
    set: Callback<Lang>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n")
            .field("lang", &self.lang)
            .field("loaded", &self.bundle.is_some())
            .finish()
    }
}

impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && match (&self.bundle, &other.bundle) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

impl I18n {
    /// English only, for code that runs outside the provider (and tests).
    pub fn english() -> Self {
        Self {
            lang: Lang::En,
            bundle: None,
            set: Callback::noop(),
        }
    }

    /// A language from a catalogue's text, for tests and tools (the app uses the provider).
    pub fn with_catalogue(lang: Lang, source: &str) -> Self {
        Self {
            lang,
            bundle: bundle(lang, source).map(Rc::new),
            set: Callback::noop(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn dir(&self) -> &'static str {
        self.lang.dir()
    }

    /// Switches the interface language (remembered on this device; the caller syncs it for a
    /// signed-in person).
    pub fn choose(&self, lang: Lang) {
        self.set.emit(lang);
    }

    /// A message without variables.
    pub fn t(&self, id: &str) -> String {
        self.t_args(id, &Args::new())
    }

    /// A message with variables: in the chosen language, else in English, else its id.
    pub fn t_args(&self, id: &str, args: &Args<'_>) -> String {
        if let Some(text) = self.bundle.as_deref().and_then(|b| format(b, id, args)) {
            return text;
        }
        FALLBACK
            .with(|english| format(english, id, args))
            .unwrap_or_else(|| id.to_owned())
    }

    /// Whether the chosen language has this message itself (not through English).
    pub fn has(&self, id: &str) -> bool {
        match (&self.bundle, self.lang) {
            (_, Lang::En) => FALLBACK.with(|b| b.has_message(id)),
            (Some(b), _) => b.has_message(id),
            (None, _) => false,
        }
    }

    /// The message for a server error code (`error-{code}`, given the server's own English
    /// message as `$detail`), or the server's message when the catalogue has no such code.
    pub fn error(&self, code: &str, detail: &str) -> String {
        let id = format!("error-{code}");
        if !FALLBACK.with(|b| b.has_message(&id)) {
            return detail.to_owned();
        }
        let mut args = Args::new();
        args.set("detail", detail);
        self.t_args(&id, &args)
    }

    /// A date and time, e.g. "30 Nov 2026, 14:05", in the browser's time zone.
    pub fn date_time(&self, ms: f64) -> String {
        self.intl_date(ms, &[("dateStyle", "medium"), ("timeStyle", "short")])
    }

    /// A date, e.g. "30 Nov 2026".
    pub fn date(&self, ms: f64) -> String {
        self.intl_date(ms, &[("dateStyle", "medium")])
    }

    /// The same instant in UTC, for a `title` where exact times matter (the audit log).
    pub fn date_time_utc(&self, ms: f64) -> String {
        self.intl_date(
            ms,
            &[("dateStyle", "medium"), ("timeStyle", "long"), ("timeZone", "UTC")],
        )
    }

    /// A number with the language's grouping, e.g. "12,345" or "12.345".
    pub fn number(&self, n: f64) -> String {
        let format = js_sys::Intl::NumberFormat::new(&self.locales(), &js_sys::Object::new());
        format
            .format()
            .call1(&JsValue::NULL, &JsValue::from_f64(n))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| n.to_string())
    }

    /// How long ago `then_ms` was, e.g. "5 minutes ago", "hace 5 minutos".
    pub fn relative(&self, then_ms: f64, now_ms: f64) -> String {
        let seconds = ((then_ms - now_ms) / 1000.0).round();
        let (value, unit) = relative_unit(seconds);
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"numeric".into(), &"auto".into());
        let format = js_sys::Intl::RelativeTimeFormat::new(&self.locales(), &options);
        format.format(value, unit).as_string().unwrap_or_default()
    }

    fn locales(&self) -> js_sys::Array {
        js_sys::Array::of1(&JsValue::from_str(self.lang.code()))
    }

    fn intl_date(&self, ms: f64, options: &[(&str, &str)]) -> String {
        let opts = js_sys::Object::new();
        for (k, v) in options {
            let _ = js_sys::Reflect::set(&opts, &(*k).into(), &(*v).into());
        }
        let format = js_sys::Intl::DateTimeFormat::new(&self.locales(), &opts);
        let date = js_sys::Date::new(&JsValue::from_f64(ms));
        format
            .format()
            .call1(&JsValue::NULL, &date)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }
}

/// The largest unit that keeps a relative time readable: "3 hours ago", not "10800 seconds".
fn relative_unit(seconds: f64) -> (f64, &'static str) {
    let abs = seconds.abs();
    let (divisor, unit) = match abs {
        a if a < 60.0 => (1.0, "second"),
        a if a < 3600.0 => (60.0, "minute"),
        a if a < 86_400.0 => (3600.0, "hour"),
        a if a < 30.0 * 86_400.0 => (86_400.0, "day"),
        a if a < 365.0 * 86_400.0 => (30.0 * 86_400.0, "month"),
        _ => (365.0 * 86_400.0, "year"),
    };
    ((seconds / divisor).trunc(), unit)
}

fn format(bundle: &Bundle, id: &str, args: &Args<'_>) -> Option<String> {
    let message = bundle.get_message(id)?;
    let pattern = message.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args.0), &mut errors);
    Some(text.into_owned())
}

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The language to start in: this device's choice, else the browser's preferred languages,
/// else English.
pub fn initial_lang() -> Lang {
    if let Some(lang) = storage()
        .and_then(|s| s.get_item(DEVICE_CHOICE_KEY).ok().flatten())
        .and_then(|c| Lang::from_tag(&c))
    {
        return lang;
    }
    let navigator = gloo::utils::window().navigator();
    navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .find_map(|tag| Lang::from_tag(&tag))
        .unwrap_or(Lang::En)
}

thread_local! {
    /// Catalogues parsed this session, so switching back and forth parses each once.
    static PARSED: std::cell::RefCell<Vec<(Lang, Rc<Bundle>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The catalogue saved on this device for `lang`, parsed (once a session).
fn saved_bundle(lang: Lang) -> Option<Rc<Bundle>> {
    if lang == Lang::En {
        return FALLBACK.with(|b| Some(b.clone()));
    }
    if let Some(parsed) = PARSED.with(|p| p.borrow().iter().find(|(l, _)| *l == lang).map(|(_, b)| b.clone())) {
        return Some(parsed);
    }
    let text = storage()?
        .get_item(&format!("{CATALOGUE_KEY_PREFIX}{}", lang.code()))
        .ok()??;
    let parsed = Rc::new(bundle(lang, &text)?);
    remember_parsed(lang, parsed.clone());
    Some(parsed)
}

fn remember_parsed(lang: Lang, bundle: Rc<Bundle>) {
    PARSED.with(|p| {
        let mut p = p.borrow_mut();
        p.retain(|(l, _)| *l != lang);
        p.push((lang, bundle));
    });
}

thread_local! {
    /// Languages whose catalogue was checked against the server this session.
    static CHECKED: std::cell::RefCell<Vec<Lang>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Downloads `lang`'s catalogue and saves it on this device: `None` offline, on an error, or
/// when it is the copy already saved.
async fn download(lang: Lang) -> Option<String> {
    let response = gloo::net::http::Request::get(&format!("/locales/{}.ftl", lang.code()))
        .send()
        .await
        .ok()?;
    if !response.ok() {
        return None;
    }
    let text = response.text().await.ok()?;
    if text.len() > MAX_CATALOGUE_BYTES {
        return None;
    }
    if let Some(s) = storage() {
        let key = format!("{CATALOGUE_KEY_PREFIX}{}", lang.code());
        if s.get_item(&key).ok().flatten().as_deref() == Some(text.as_str()) {
            return None;
        }
        // A full storage only costs the next start a download.
        let _ = s.set_item(&key, &text);
    }
    Some(text)
}

/// Remembers the device's choice of language (signed out, or before the person's syncs).
pub fn remember_on_device(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(DEVICE_CHOICE_KEY, lang.code());
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct I18nProviderProps {
    pub children: Children,
}

/// Provides [`I18n`] to the app, keeps `<html lang dir>` in step and loads catalogues.
#[component]
pub fn I18nProvider(props: &I18nProviderProps) -> Html {
    let lang = use_state(initial_lang);
    let loaded = use_state(|| saved_bundle(*lang).map(|b| (*lang, b)));
    {
        // Download the chosen catalogue (fresh, even when a saved copy shows meanwhile).
        let loaded = loaded.clone();
        use_effect_with(*lang, move |lang| {
            let lang = *lang;
            let html = gloo::utils::document().document_element();
            if let Some(html) = html {
                let _ = html.set_attribute("lang", lang.code());
                let _ = html.set_attribute("dir", lang.dir());
            }
            let unchecked = CHECKED.with(|c| {
                let mut c = c.borrow_mut();
                let new = !c.contains(&lang);
                c.push(lang);
                new
            });
            if lang != Lang::En && unchecked {
                wasm_bindgen_futures::spawn_local(async move {
                    // Rebuilt only when the saved copy was missing or differs (a new release).
                    if let Some(text) = download(lang).await
                        && let Some(b) = bundle(lang, &text)
                    {
                        let b = Rc::new(b);
                        remember_parsed(lang, b.clone());
                        loaded.set(Some((lang, b)));
                    }
                });
            }
        });
    }
    let set = {
        let (lang, loaded) = (lang.clone(), loaded.clone());
        Callback::from(move |next: Lang| {
            remember_on_device(next);
            if let Some(b) = saved_bundle(next) {
                loaded.set(Some((next, b)));
            }
            lang.set(next);
        })
    };
    let bundle = match &*loaded {
        Some((l, b)) if *l == *lang => Some(b.clone()),
        _ => None,
    };
    CURRENT.with(|c| *c.borrow_mut() = (*lang, bundle.clone()));
    let context = I18n {
        lang: *lang,
        bundle,
        set,
    };
    html! {
        <ContextProvider<I18n> {context}>{ props.children.clone() }</ContextProvider<I18n>>
    }
}

/// The interface language and its messages.
#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(I18n::english)
}
