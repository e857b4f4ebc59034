//! The policy library in the browser: loaded from the local copy at once (so a warm start
//! with no network searches immediately), then refreshed from the server, and saved locally
//! whenever it changes. Shared with every page through a context.
//!
//! An open tab checks for a new library when it regains focus or becomes visible, and every
//! few minutes (an unchanged library costs a 304). A new version found once the reader has a
//! current library on screen is not swapped in under their eyes: it is saved, and
//! [`LibraryUpdate`] offers it with a quiet notice until the reader asks for it.

use std::cell::RefCell;
use std::rc::Rc;

use casebook_core::compact;
use casebook_core::policy::{Policy, PolicyVersion, Section};
use casebook_core::search::{Engine, SearchIndex};
use casebook_core::wire::LibrarySnapshot;
use gloo::events::EventListener;
use gloo::net::http::Request;
use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::local_db::LocalDb;

/// The library as the server sent it (JSON): any later build of the app can read it.
const LIBRARY_KEY: &str = "library";
/// The same library in the compact form ([`casebook_core::compact`]) a start reads quickly;
/// only this build of the app reads it.
const COMPACT_KEY: &str = "library-compact";
const INDEX_KEY: &str = "library-index";
const SAVED_AT_KEY: &str = "library-saved-at";
/// Everything the library keeps locally; none of it is case data.
pub const LIBRARY_KEYS: &[&str] = &[LIBRARY_KEY, COMPACT_KEY, INDEX_KEY, SAVED_AT_KEY];
/// A fingerprint of the domain crate's source (`build.rs`): compact copies written by another
/// build are refused.
const SHAPE: &str = env!("CASEBOOK_CORE_SHAPE");
/// How often an open tab asks whether the library changed.
const CHECK_EVERY_MS: u32 = 5 * 60 * 1000;

/// A newer library than the one on screen, downloaded and waiting for the reader.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryUpdate {
    /// The revision waiting, if one is.
    pub waiting: Option<String>,
    /// Shows the waiting library.
    pub show: Callback<()>,
}

/// Where the library on screen came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Freshness {
    /// Confirmed current with the server during this visit.
    Current,
    /// The local copy, saved at this time (milliseconds since the epoch); the server has not
    /// confirmed it yet (offline, or still checking).
    Saved { at_ms: f64 },
}

/// A loaded library with its ready search engine. Both are shared, so confirming a saved
/// copy as current makes a new `Loaded` without copying or rebuilding either.
#[derive(Debug)]
pub struct Loaded {
    pub snapshot: Rc<LibrarySnapshot>,
    pub engine: Rc<RefCell<Engine>>,
    pub freshness: Freshness,
}

impl Loaded {
    /// The section of the current version each hit names, with its policy and version, in
    /// the hits' order; a hit whose policy, current version or section is gone is skipped.
    pub fn current_sections(&self, hits: &[casebook_core::search::Hit]) -> Vec<(&Policy, &PolicyVersion, &Section)> {
        let engine = self.engine.borrow();
        hits.iter()
            .filter_map(|hit| {
                let key = engine.index().key(hit.doc);
                let (slug, anchor) = key.split_once('#')?;
                let policy = self.snapshot.library.policy(slug)?;
                let version = policy.current()?;
                Some((policy, version, version.section(anchor)?))
            })
            .collect()
    }
}

#[derive(Debug, Clone)]
pub enum LibraryState {
    Loading,
    Ready(Rc<Loaded>),
    /// No local copy and the server could not be reached or read.
    Failed(String),
}

impl PartialEq for LibraryState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (LibraryState::Loading, LibraryState::Loading) => true,
            (LibraryState::Ready(a), LibraryState::Ready(b)) => Rc::ptr_eq(a, b),
            (LibraryState::Failed(a), LibraryState::Failed(b)) => a == b,
            _ => false,
        }
    }
}

fn loaded(snapshot: LibrarySnapshot, index: SearchIndex, freshness: Freshness) -> Rc<Loaded> {
    Rc::new(Loaded {
        snapshot: Rc::new(snapshot),
        engine: Rc::new(RefCell::new(Engine::new(index))),
        freshness,
    })
}

/// The library saved on this device, if any and if this app can still read it: the compact
/// copy, or, the first time a new build starts, the JSON (then saved compact for next time).
async fn read_saved(db: &LocalDb) -> Option<Rc<Loaded>> {
    let [compact, index, at] = db.get_many([COMPACT_KEY, INDEX_KEY, SAVED_AT_KEY]).await.ok()?;
    let index = SearchIndex::from_vec(Uint8Array::new(&index?).to_vec()).ok()?;
    let at_ms = at?.as_f64()?;
    let snapshot = match compact.and_then(|bytes| compact::decode(&Uint8Array::new(&bytes).to_vec(), SHAPE)) {
        Some(snapshot) => snapshot,
        None => {
            let text = db.get(LIBRARY_KEY).await.ok()??.as_string()?;
            let snapshot: LibrarySnapshot = serde_json::from_str(&text).ok()?;
            if snapshot.schema_version != casebook_core::SCHEMA_VERSION {
                return None;
            }
            let bytes: JsValue = Uint8Array::from(&compact::encode(&snapshot, SHAPE)[..]).into();
            let db = db.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = db.put_all(&[(COMPACT_KEY, bytes)]).await;
            });
            snapshot
        }
    };
    Some(loaded(snapshot, index, Freshness::Saved { at_ms }))
}

enum Refresh {
    Unchanged,
    Changed(Box<Download>),
}

/// A library fresh from the server: parsed, and as the bytes to save locally.
struct Download {
    snapshot: LibrarySnapshot,
    index: SearchIndex,
    text: String,
    bytes: Vec<u8>,
}

/// Asks the server for the library, sending the revision we hold so an unchanged library
/// costs a 304.
///
/// The first time, `boot.js` has already downloaded both (they are what the first page's quick
/// search answers from), and the app takes its downloads over instead of asking again. A
/// handed-over answer is a 200 even when the library is unchanged: its entity tag tells.
async fn fetch(current: Option<&str>) -> Result<Refresh, String> {
    let held_tag = current.map(|revision| format!("\"{revision}\""));
    if let Some(handed) = handed_over_by_boot(held_tag.as_deref()).await {
        return handed;
    }
    let mut request = Request::get("/api/library");
    if let Some(tag) = &held_tag {
        request = request.header("If-None-Match", tag);
    }
    let i18n = crate::i18n::current();
    let response = request.send().await.map_err(|_| i18n.t("library-unreachable"))?;
    if response.status() == 304 || (held_tag.is_some() && response.headers().get("ETag") == held_tag) {
        return Ok(Refresh::Unchanged);
    }
    if !response.ok() {
        return Err(crate::tr!(i18n, "library-status", status = response.status()));
    }
    let text = response.text().await.map_err(|_| i18n.t("library-interrupted"))?;
    let index_response = Request::get("/api/search-index")
        .send()
        .await
        .map_err(|_| i18n.t("library-unreachable"))?;
    let bytes = index_response
        .binary()
        .await
        .map_err(|_| i18n.t("library-index-interrupted"))?;
    parse_download(text, bytes, &i18n)
}

/// One of the two downloads `boot.js` started for the app (`window.casebookBoot`), taken once:
/// `{status, etag, body}`, or `None` when there is none, it failed, or it was taken already.
async fn take_from_boot(name: &str) -> Option<JsValue> {
    let boot = js_sys::Reflect::get(&gloo::utils::window(), &JsValue::from_str("casebookBoot")).ok()?;
    if !boot.is_object() {
        return None;
    }
    let key = JsValue::from_str(name);
    let pending = js_sys::Reflect::get(&boot, &key).ok()?;
    let _ = js_sys::Reflect::set(&boot, &key, &JsValue::UNDEFINED);
    let promise = pending.dyn_into::<js_sys::Promise>().ok()?;
    let answer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let status = js_sys::Reflect::get(&answer, &JsValue::from_str("status"))
        .ok()?
        .as_f64()?;
    (status == 200.0).then_some(answer)
}

/// The library `boot.js` downloaded while the app did, so the first page's quick search and the
/// app share one download. `None` sends the app to the server itself: no hand-over, or it failed.
async fn handed_over_by_boot(held_tag: Option<&str>) -> Option<Result<Refresh, String>> {
    let library = take_from_boot("library").await;
    let index = take_from_boot("index").await;
    let library = library?;
    let field = |value: &JsValue, name: &str| js_sys::Reflect::get(value, &JsValue::from_str(name)).ok();
    let etag = field(&library, "etag").and_then(|t| t.as_string());
    if held_tag.is_some() && etag.as_deref() == held_tag {
        return Some(Ok(Refresh::Unchanged));
    }
    let text = field(&library, "body")?.as_string()?;
    let bytes = Uint8Array::new(&field(&index?, "body")?).to_vec();
    let i18n = crate::i18n::current();
    Some(parse_download(text, bytes, &i18n))
}

fn parse_download(text: String, bytes: Vec<u8>, i18n: &crate::i18n::I18n) -> Result<Refresh, String> {
    let snapshot: LibrarySnapshot = serde_json::from_str(&text).map_err(|_| i18n.t("library-unreadable"))?;
    let index = SearchIndex::from_bytes(&bytes).map_err(|e| e.to_string())?;
    Ok(Refresh::Changed(Box::new(Download {
        snapshot,
        index,
        text,
        bytes,
    })))
}

async fn save(db: &LocalDb, text: &str, compact: &[u8], bytes: &[u8], at_ms: f64) -> Result<(), JsValue> {
    db.put_all(&[
        (LIBRARY_KEY, JsValue::from_str(text)),
        (COMPACT_KEY, Uint8Array::from(compact).into()),
        (INDEX_KEY, Uint8Array::from(bytes).into()),
        (SAVED_AT_KEY, JsValue::from_f64(at_ms)),
    ])
    .await
}

#[derive(Debug, Properties, PartialEq)]
pub struct LibraryProviderProps {
    pub children: Children,
}

#[component]
pub fn LibraryProvider(props: &LibraryProviderProps) -> Html {
    let state = use_state(|| LibraryState::Loading);
    // The newest state, readable from async tasks started by earlier renders.
    let latest = use_mut_ref(|| LibraryState::Loading);
    // A newer library than the one on screen, waiting for the reader (see the module docs).
    let waiting = use_state(|| None::<LibraryState>);
    let waiting_now = use_mut_ref(|| None::<LibraryState>);

    let sync = {
        let state = state.clone();
        let latest = latest.clone();
        let waiting = waiting.clone();
        let waiting_now = waiting_now.clone();
        Rc::new(move || {
            let state = state.clone();
            let latest = latest.clone();
            let waiting = waiting.clone();
            let waiting_now = waiting_now.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let set = |next: LibraryState| {
                    *latest.borrow_mut() = next.clone();
                    state.set(next);
                };
                let db = LocalDb::open().await.ok();
                if matches!(*latest.borrow(), LibraryState::Loading | LibraryState::Failed(_))
                    && let Some(db) = &db
                    && let Some(saved) = read_saved(db).await
                {
                    set(LibraryState::Ready(saved));
                }
                let held = match &*latest.borrow() {
                    LibraryState::Ready(l) => Some(l.clone()),
                    _ => None,
                };
                // Ask about the newest revision this tab has, shown or waiting.
                let newest = match &*waiting_now.borrow() {
                    Some(LibraryState::Ready(w)) => Some(w.snapshot.revision.clone()),
                    _ => held.as_ref().map(|l| l.snapshot.revision.clone()),
                };
                match fetch(newest.as_deref()).await {
                    Ok(Refresh::Unchanged) => {
                        if let Some(held) = held.filter(|l| l.freshness != Freshness::Current) {
                            set(LibraryState::Ready(Rc::new(Loaded {
                                snapshot: held.snapshot.clone(),
                                engine: held.engine.clone(),
                                freshness: Freshness::Current,
                            })));
                        }
                    }
                    Ok(Refresh::Changed(download)) => {
                        let Download {
                            snapshot,
                            index,
                            text,
                            bytes,
                        } = *download;
                        let fresh = loaded(snapshot, index, Freshness::Current);
                        let next = LibraryState::Ready(fresh.clone());
                        if held.as_ref().is_some_and(|l| l.freshness == Freshness::Current) {
                            *waiting_now.borrow_mut() = Some(next.clone());
                            waiting.set(Some(next));
                        } else {
                            set(next);
                        }
                        // Queued behind the render just scheduled: encoding and saving are not
                        // on the way to the first result.
                        if let Some(db) = db {
                            wasm_bindgen_futures::spawn_local(async move {
                                let compact = compact::encode(&fresh.snapshot, SHAPE);
                                let _ = save(&db, &text, &compact, &bytes, js_sys::Date::now()).await;
                            });
                        }
                    }
                    Err(message) => {
                        if held.is_none() {
                            set(LibraryState::Failed(message));
                        }
                    }
                }
            });
        })
    };

    {
        let sync = sync.clone();
        use_effect_with((), move |()| {
            sync();
            let window = gloo::utils::window();
            let on_online = {
                let sync = sync.clone();
                EventListener::new(&window, "online", move |_| sync())
            };
            let on_focus = {
                let sync = sync.clone();
                EventListener::new(&window, "focus", move |_| sync())
            };
            let on_visible = {
                let sync = sync.clone();
                EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                    if !gloo::utils::document().hidden() {
                        sync();
                    }
                })
            };
            let every = gloo::timers::callback::Interval::new(CHECK_EVERY_MS, move || sync());
            move || drop((on_online, on_focus, on_visible, every))
        });
    }

    let update = {
        let show = {
            let state = state.clone();
            let latest = latest.clone();
            let waiting = waiting.clone();
            let waiting_now = waiting_now.clone();
            Callback::from(move |()| {
                if let Some(next) = waiting_now.borrow_mut().take() {
                    *latest.borrow_mut() = next.clone();
                    state.set(next);
                }
                waiting.set(None);
            })
        };
        LibraryUpdate {
            waiting: match &*waiting {
                Some(LibraryState::Ready(w)) => Some(w.snapshot.revision.clone()),
                _ => None,
            },
            show,
        }
    };

    html! {
        <ContextProvider<LibraryState> context={(*state).clone()}>
            <ContextProvider<LibraryUpdate> context={update}>
                { props.children.clone() }
            </ContextProvider<LibraryUpdate>>
        </ContextProvider<LibraryState>>
    }
}

#[hook]
pub fn use_library() -> LibraryState {
    use_context::<LibraryState>().unwrap_or(LibraryState::Loading)
}

/// A newer library waiting for the reader, if any.
#[hook]
pub fn use_library_update() -> Option<LibraryUpdate> {
    use_context::<LibraryUpdate>()
}

/// "3 minutes ago", "2 hours ago", "5 days ago".
pub fn age(saved_at_ms: f64, now_ms: f64) -> String {
    let minutes = ((now_ms - saved_at_ms) / 60_000.0).max(0.0) as u64;
    match minutes {
        0 => "just now".into(),
        1 => "1 minute ago".into(),
        2..=59 => format!("{minutes} minutes ago"),
        60..=119 => "1 hour ago".into(),
        120..=2879 => format!("{} hours ago", minutes / 60),
        _ => format!("{} days ago", minutes / 1440),
    }
}
