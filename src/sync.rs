//! The app's side of the one write path (`casebook_core::sync`): edits go into an outbox in
//! IndexedDB, a sync cycle pushes them and pulls everyone's changes into a replica, and every
//! component reads the replica with the pending edits laid over it.
//!
//! - **Nothing is lost.** An edit is saved in IndexedDB before it is shown as made; a closed
//!   tab or a dead network only delays it. The replica is saved after every pulled page, so a
//!   long catch-up resumes where it stopped.
//! - **Tabs take turns.** Mutation ids are assigned under the Web Lock `casebook-outbox`, and a
//!   sync cycle runs under `casebook-sync`, reading the outbox afresh inside it, so two tabs of
//!   one person never send the same edit twice. A `BroadcastChannel` tells the other tabs to
//!   reload what changed.
//! - **Failures are visible.** An edit the server refuses is set aside as failed, shown with
//!   the server's reason, and can be retried or discarded; the edits after it wait, because
//!   mutation ids must arrive in order.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;

use std::collections::BTreeMap;

use casebook_core::outbox::{AfterRefusal, FailedEdit};
use casebook_core::scope::Actor;
use casebook_core::sync::{
    Change, HistoryResponse, MAX_PULL, MAX_PUSH, Mutation, Op, Overlay, PUSH_BYTES, PullResponse, PushRequest,
    PushResponse, RefusalCode, Replica,
};
use casebook_core::wire::{SessionInfo, User};
use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use js_sys::Promise;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, future_to_promise, spawn_local};
use yew::prelude::*;

use crate::api::{self, ApiFailure};
use crate::local_db::LocalDb;
use crate::session::{Session, use_session};

const OUTBOX_KEY: &str = "sync-outbox";
/// Versioned: a replica saved before pulls were scoped to the reader's organisation held
/// everyone's changes, and is never read again (sign-out and a new person wipe it).
const REPLICA_KEY: &str = "sync-replica-v2";
const CURSOR_KEY: &str = "sync-cursor-v2";
/// The cursor of the replica saved whole under [`REPLICA_KEY`]; the journal holds the pages
/// pulled since.
const BASE_CURSOR_KEY: &str = "sync-base-cursor-v1";
/// Each pull page is saved on its own, under this prefix and the page's end cursor
/// ([`journal_key`]), with the cursor in the same transaction: saving a page costs what it
/// holds, not what the replica holds (a 50,000-item sweep is tens of megabytes of JSON).
/// Loading folds the pages over the whole copy; [`Engine::compact`] bounds how many.
const JOURNAL_FROM: &str = "sync-journal-v1/";
const JOURNAL_TO: &str = "sync-journal-v1/~";
/// When the journal holds this many changes, and half as many as the replica has objects,
/// the replica is saved whole once the pull has caught up, and the journal cleared: saving
/// whole costs the replica's size, so it happens about once per half a replica's worth of
/// changes, and loading folds at most that much.
const COMPACT_AFTER_CHANGES: usize = 2_000;
/// Where a replica was kept before pulls were scoped: removed at start, whoever signs in.
const LEGACY_KEYS: [&str; 2] = ["sync-replica", "sync-cursor"];
const OUTBOX_LOCK: &str = "casebook-outbox";
const SYNC_LOCK: &str = "casebook-sync";
const CHANNEL: &str = "casebook-sync";
/// How often a quiet page pulls other people's edits.
const POLL_MS: f64 = 4_000.0;
/// How often it pulls while a live view is open ([`use_live_pull`]: a sweep's dashboard).
const LIVE_POLL_MS: f64 = 1_000.0;

thread_local! {
    /// How many live views are mounted.
    static LIVE_VIEWS: Cell<usize> = const { Cell::new(0) };
}

/// While the calling component is mounted, a quiet page pulls every [`LIVE_POLL_MS`] instead of
/// every [`POLL_MS`], so a remote edit reaches a live view (a specialist's dashboard) within
/// about a second and a half. One more small request a second per open dashboard; nothing
/// changes for the other pages.
#[hook]
pub fn use_live_pull() {
    use_effect_with((), |()| {
        LIVE_VIEWS.with(|n| n.set(n.get() + 1));
        move || LIVE_VIEWS.with(|n| n.set(n.get().saturating_sub(1)))
    });
}
/// How long one push or pull may take before it counts as a dropped connection. The sync lock
/// is held meanwhile, so a hung request must not hold it for long.
const REQUEST_TIMEOUT_MS: u32 = 30_000;
/// The longest wait between retries after failures.
const MAX_BACKOFF_MS: f64 = 30_000.0;

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks.request(name, callback)`: runs `callback` once the lock is free and
    /// holds it until the promise the callback returns settles.
    #[wasm_bindgen(js_namespace = ["navigator", "locks"], js_name = request)]
    fn request_lock(name: &str, callback: &js_sys::Function) -> Promise;
}

fn locks_available() -> bool {
    let navigator = gloo::utils::window().navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).is_ok_and(|l| !l.is_undefined())
}

/// Runs `work` while holding the Web Lock `name`, shared by every tab of this origin. Where
/// the browser has no Web Locks (pages served over plain http), runs it unguarded.
async fn with_lock<T: 'static, F: Future<Output = T> + 'static>(name: &str, work: F) -> T {
    let work = Rc::new(RefCell::new(Some(work)));
    if locks_available() {
        let slot: Rc<RefCell<Option<T>>> = Rc::default();
        let (out, queued) = (slot.clone(), work.clone());
        let callback = Closure::once_into_js(move |_lock: JsValue| -> Promise {
            let work = queued.borrow_mut().take();
            future_to_promise(async move {
                if let Some(work) = work {
                    *out.borrow_mut() = Some(work.await);
                }
                Ok(JsValue::UNDEFINED)
            })
        });
        let _ = JsFuture::from(request_lock(name, callback.unchecked_ref())).await;
        if let Some(result) = slot.borrow_mut().take() {
            return result;
        }
    }
    // No Web Locks, or the request failed before the work started: run it unguarded.
    let pending = work.borrow_mut().take();
    match pending {
        Some(work) => work.await,
        None => unreachable!("work that started under the lock has finished and left its result"),
    }
}

/// The pending edits of one person on this device (core's [`casebook_core::outbox::Outbox`],
/// which decides what is sent, acknowledged, refused and discarded), and whose they are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Outbox {
    /// Whose edits these are: also who the app shows as signed in while the server is away.
    user: User,
    #[serde(flatten)]
    edits: casebook_core::outbox::Outbox,
    last_synced_ms: Option<f64>,
}

impl Outbox {
    fn new(user: User) -> Outbox {
        let node = (js_sys::Math::random() * 2f64.powi(52)) as u64;
        Outbox {
            user,
            edits: casebook_core::outbox::Outbox::new(new_client_id(), node),
            last_synced_ms: None,
        }
    }
}

fn new_client_id() -> String {
    let uuid = gloo::utils::window()
        .crypto()
        .map(|c| c.random_uuid())
        .unwrap_or_else(|_| format!("{:x}", (js_sys::Math::random() * 2f64.powi(52)) as u64));
    format!("web-{uuid}")
}

async fn load<T: for<'de> Deserialize<'de>>(db: &LocalDb, key: &str) -> Option<T> {
    let value = db.get(key).await.ok()??;
    serde_json::from_str(&value.as_string()?).ok()
}

/// A journal page's key: zero-padded, so keys sort as cursors do.
fn journal_key(cursor: u64) -> String {
    format!("{JOURNAL_FROM}{cursor:020}")
}

/// A pulled page and the histories it needed, as [`Replica::apply_page`] takes them.
type JournalPage = (PullResponse, Vec<((String, u64), Vec<Change>)>);

/// Folds the journal's pages after `replica`'s cursor into it; how many changes they held.
/// A page that cannot be read ends the fold there: the next pull fetches the rest again.
async fn fold_journal(db: &LocalDb, replica: &mut Replica) -> usize {
    let Ok(pages) = db.get_range(&journal_key(replica.cursor + 1), JOURNAL_TO).await else {
        return 0;
    };
    let mut changes = 0;
    for value in pages {
        let Some((page, histories)) = value
            .as_string()
            .and_then(|text| serde_json::from_str::<JournalPage>(&text).ok())
        else {
            break;
        };
        changes += page.changes.len() + histories.iter().map(|(_, h)| h.len()).sum::<usize>();
        replica.apply_page(&page, &histories.into_iter().collect());
    }
    changes
}

/// The replica as saved: the whole copy with the journal folded in, and the journal's size.
async fn load_replica(db: &LocalDb) -> (Replica, usize) {
    let mut replica = load::<Replica>(db, REPLICA_KEY).await.unwrap_or_default();
    let changes = fold_journal(db, &mut replica).await;
    (replica, changes)
}

fn json<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    serde_json::to_string(value)
        .map(|text| JsValue::from_str(&text))
        .map_err(|e| JsValue::from_str(&format!("cannot serialize sync data: {e}")))
}

/// Where syncing stands, for the header and the sync panel.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Nothing loaded yet.
    Starting,
    /// Up to date as of the last cycle.
    Idle,
    /// A cycle is running; while catching up, how far it has come.
    Syncing { cursor: u64, head: u64 },
    /// The network or the server is away; edits wait on this device.
    Offline,
    /// The session ended; edits wait until the same person signs in again.
    SignedOut,
    /// The server answered something the app cannot use.
    Error(String),
}

/// What every component sees of sync.
#[derive(Debug, Clone)]
pub struct SyncState {
    pub user: User,
    pub replica: Rc<Replica>,
    /// Edits laid over the replica: those the server has not acknowledged, preceded by those
    /// it has but whose changes this device has not pulled yet (so a value never flickers back).
    pub pending: Rc<Vec<Mutation>>,
    /// How many of `pending` have not reached the server.
    pub waiting: usize,
    pub failed: Option<FailedEdit>,
    pub status: Status,
    pub last_synced_ms: Option<f64>,
}

impl PartialEq for SyncState {
    fn eq(&self, other: &SyncState) -> bool {
        Rc::ptr_eq(&self.replica, &other.replica)
            && Rc::ptr_eq(&self.pending, &other.pending)
            && self.waiting == other.waiting
            && self.user == other.user
            && self.failed == other.failed
            && self.status == other.status
            && self.last_synced_ms == other.last_synced_ms
    }
}

impl SyncState {
    pub fn overlay(&self) -> Overlay<'_> {
        Overlay::new(&self.replica, &self.pending)
    }

    /// The edits that have not reached the server, oldest first.
    pub fn unsent(&self) -> &[Mutation] {
        &self.pending[self.pending.len() - self.waiting.min(self.pending.len())..]
    }

    /// How many things (a sweep item, a note, a template…) have edits that have not reached the
    /// server: what a person counts, where [`SyncState::waiting`] counts each field written
    /// (deciding an item, noting it and marking it done is one item, three edits).
    pub fn unsent_things(&self) -> usize {
        let mut objects: Vec<&str> = self.unsent().iter().map(|m| m.op.field_key().0).collect();
        objects.sort_unstable();
        objects.dedup();
        objects.len()
    }
}

/// The sync context: the state, and the engine to send edits through. `None` when nobody is
/// signed in on this device.
#[derive(Debug, Clone)]
pub struct SyncHandle {
    pub state: SyncState,
    engine: Rc<Engine>,
}

impl PartialEq for SyncHandle {
    fn eq(&self, other: &SyncHandle) -> bool {
        self.state == other.state && Rc::ptr_eq(&self.engine, &other.engine)
    }
}

impl SyncHandle {
    /// Queues edits, after checking them with the same rules the server applies. They are in
    /// IndexedDB, and shown, once the returned future completes.
    pub async fn edit(&self, ops: Vec<Op>) -> Result<(), String> {
        let actor = Actor::of(&self.state.user);
        casebook_core::tool::check_all(&actor, &self.state.overlay(), &ops).map_err(|(_, refusal)| {
            crate::tr!(crate::i18n::current(), "edit-impossible", reason = refusal.to_string())
        })?;
        self.engine.clone().enqueue(ops).await
    }

    /// Tries again now: the failed edit, and the network if it was away.
    pub fn retry(&self) {
        let engine = self.engine.clone();
        spawn_local(async move {
            let inner = engine.clone();
            with_lock(SYNC_LOCK, async move {
                inner.update_outbox(|outbox| outbox.edits.retry()).await
            })
            .await;
            engine.failures.set(0);
            engine.tell_other_tabs("outbox");
            engine.kick();
        });
    }

    /// Stops syncing at once (before signing out), so nothing more is written on this device.
    pub fn stop(&self) {
        self.engine.stopped.set(true);
    }

    /// Starts again after a sign-out that did not happen (the server could not be reached).
    pub fn resume(&self) {
        self.engine.stopped.set(false);
        self.engine.kick();
    }

    /// Drops a refused edit for good; the edits after it are renumbered and sent.
    pub fn discard(&self, id: u64) {
        let engine = self.engine.clone();
        spawn_local(async move {
            // Renumbering under the sync lock: no push of the old numbers is in flight. Where the
            // server stands is asked first: an earlier push may have applied the edit after all.
            let inner = engine.clone();
            with_lock(SYNC_LOCK, async move {
                let Ok(server_last) = inner.server_last_applied().await else {
                    return;
                };
                inner
                    .update_outbox(move |outbox| {
                        outbox.edits.discard(id, server_last);
                    })
                    .await;
            })
            .await;
            engine.tell_other_tabs("outbox");
            engine.kick();
        });
    }
}

/// The sync loop of one tab.
struct Engine {
    user: User,
    db: LocalDb,
    outbox: RefCell<Outbox>,
    replica: RefCell<Rc<Replica>>,
    /// How many changes the saved journal holds beyond the replica's whole copy.
    journal_changes: Cell<usize>,
    /// Edits the server has acknowledged whose changes have not been pulled yet; still shown.
    awaiting_pull: RefCell<Vec<Mutation>>,
    /// Edits made in this tab and shown at once, before they are numbered and saved in the
    /// outbox (a few milliseconds; longer while a sync step holds the outbox lock): a key
    /// paints without waiting for IndexedDB. By the order they were made, each with its token.
    unsaved: RefCell<Vec<(u64, Vec<Mutation>)>>,
    next_token: Cell<u64>,
    status: RefCell<Status>,
    publish: Callback<SyncState>,
    channel: Option<web_sys::BroadcastChannel>,
    running: Cell<bool>,
    again: Cell<bool>,
    next_due_ms: Cell<f64>,
    /// When the last cycle ended well (a live view pulls [`LIVE_POLL_MS`] after it).
    done_ms: Cell<f64>,
    failures: Cell<u32>,
    /// Set when the person signs out: nothing may be written any more.
    stopped: Cell<bool>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("client", &self.outbox.borrow().edits.client_id)
            .finish()
    }
}

/// How one sync cycle ended.
enum Ended {
    Done,
    Offline,
    SignedOut,
    Error(String),
}

impl Engine {
    /// Loads this person's outbox and replica; a different person's are wiped first.
    async fn start(user: User, publish: Callback<SyncState>) -> Result<Rc<Engine>, JsValue> {
        let db = LocalDb::open().await?;
        db.remove(&LEGACY_KEYS).await?;
        let outbox: Outbox = with_lock(OUTBOX_LOCK, {
            let (db, user) = (db.clone(), user.clone());
            async move {
                match load::<Outbox>(&db, OUTBOX_KEY).await {
                    Some(outbox) if outbox.user.id == user.id => Ok(Outbox { user, ..outbox }),
                    _ => {
                        let fresh = Outbox::new(user);
                        // Someone else's replica and journal go with their outbox.
                        db.put_all_and_clear(
                            &[
                                (OUTBOX_KEY, json(&fresh)?),
                                (REPLICA_KEY, json(&Replica::default())?),
                                (BASE_CURSOR_KEY, JsValue::from_f64(0.0)),
                                (CURSOR_KEY, JsValue::from_f64(0.0)),
                            ],
                            JOURNAL_FROM,
                            JOURNAL_TO,
                        )
                        .await?;
                        Ok::<_, JsValue>(fresh)
                    }
                }
            }
        })
        .await?;
        let (replica, journal) = load_replica(&db).await;
        let engine = Rc::new(Engine {
            user,
            db,
            outbox: RefCell::new(outbox),
            replica: RefCell::new(Rc::new(replica)),
            journal_changes: Cell::new(journal),
            awaiting_pull: RefCell::default(),
            unsaved: RefCell::default(),
            next_token: Cell::new(0),
            status: RefCell::new(Status::Starting),
            publish,
            channel: web_sys::BroadcastChannel::new(CHANNEL).ok(),
            running: Cell::new(false),
            again: Cell::new(false),
            next_due_ms: Cell::new(0.0),
            done_ms: Cell::new(0.0),
            failures: Cell::new(0),
            stopped: Cell::new(false),
        });
        engine.notify();
        Ok(engine)
    }

    fn state(&self) -> SyncState {
        let outbox = self.outbox.borrow();
        let mut pending = self.awaiting_pull.borrow().clone();
        pending.extend(outbox.edits.pending.iter().cloned());
        let unsaved = self.unsaved.borrow();
        pending.extend(unsaved.iter().flat_map(|(_, edits)| edits.iter().cloned()));
        SyncState {
            user: self.user.clone(),
            replica: self.replica.borrow().clone(),
            pending: Rc::new(pending),
            waiting: outbox.edits.pending.len() + unsaved.iter().map(|(_, edits)| edits.len()).sum::<usize>(),
            failed: outbox.edits.failed.clone(),
            status: self.status.borrow().clone(),
            last_synced_ms: outbox.last_synced_ms,
        }
    }

    fn notify(&self) {
        if !self.stopped.get() {
            self.publish.emit(self.state());
        }
    }

    fn set_status(&self, status: Status) {
        *self.status.borrow_mut() = status;
        self.notify();
    }

    fn tell_other_tabs(&self, what: &str) {
        if let Some(channel) = &self.channel {
            let _ = channel.post_message(&JsValue::from_str(what));
        }
    }

    /// This person's outbox as stored; `None` once it was wiped or belongs to someone else.
    async fn stored_outbox(&self) -> Option<Outbox> {
        load::<Outbox>(&self.db, OUTBOX_KEY)
            .await
            .filter(|o| o.user.id == self.user.id)
    }

    /// Reads the outbox, changes it and writes it back, all under the outbox lock.
    async fn update_outbox(self: &Rc<Self>, change: impl FnOnce(&mut Outbox) + 'static) {
        let engine = self.clone();
        with_lock(OUTBOX_LOCK, async move {
            if engine.stopped.get() {
                return;
            }
            // Gone (signed out in another tab) or someone else's: nothing is written back.
            let Some(mut outbox) = engine.stored_outbox().await else {
                return;
            };
            change(&mut outbox);
            let Ok(value) = json(&outbox) else { return };
            if engine.db.put_all(&[(OUTBOX_KEY, value)]).await.is_ok() {
                *engine.outbox.borrow_mut() = outbox;
            }
        })
        .await;
        self.notify();
    }

    async fn enqueue(self: Rc<Self>, ops: Vec<Op>) -> Result<(), String> {
        // Shown at once; numbered and stamped when saved.
        let token = self.next_token.get();
        self.next_token.set(token + 1);
        let shown = ops
            .iter()
            .map(|op| Mutation {
                id: 0,
                clock: casebook_core::clock::Hlc::zero(0),
                op: op.clone(),
            })
            .collect();
        self.unsaved.borrow_mut().push((token, shown));
        self.notify();
        let engine = self.clone();
        let saved = with_lock(OUTBOX_LOCK, async move {
            if engine.stopped.get() {
                return Err(crate::i18n::current().t("edit-signed-out"));
            }
            let Some(mut outbox) = engine.stored_outbox().await else {
                return Err(crate::i18n::current().t("edit-signed-out-elsewhere"));
            };
            outbox.edits.enqueue(ops, js_sys::Date::now() as u64);
            let value = json(&outbox).map_err(|_| crate::i18n::current().t("edit-not-saved"))?;
            engine
                .db
                .put_all(&[(OUTBOX_KEY, value)])
                .await
                .map_err(|_| crate::i18n::current().t("edit-storage-refused"))?;
            *engine.outbox.borrow_mut() = outbox;
            engine.unsaved.borrow_mut().retain(|(t, _)| *t != token);
            Ok(())
        })
        .await;
        // Saved, or refused: either way no longer shown as unsaved (a refusal is reported).
        self.unsaved.borrow_mut().retain(|(t, _)| *t != token);
        self.notify();
        if saved.is_ok() {
            self.tell_other_tabs("outbox");
            self.kick();
        }
        saved
    }

    /// Reloads what another tab changed.
    async fn reload(self: &Rc<Self>) {
        if let Some(outbox) = load::<Outbox>(&self.db, OUTBOX_KEY)
            .await
            .filter(|o| o.user.id == self.user.id)
        {
            *self.outbox.borrow_mut() = outbox;
        }
        self.adopt_saved_replica().await;
        self.notify();
    }

    /// Takes the saved replica when another tab has pulled further than this one.
    async fn adopt_saved_replica(&self) {
        let Ok([saved, base]) = self.db.get_many([CURSOR_KEY, BASE_CURSOR_KEY]).await else {
            return;
        };
        let cursor = |v: Option<JsValue>| v.and_then(|v| v.as_f64()).map(|c| c as u64);
        let mine = self.replica.borrow().cursor;
        if cursor(saved).is_none_or(|saved| saved <= mine) {
            return;
        }
        if cursor(base).is_some_and(|base| base <= mine) {
            // Only the journal's newer pages are folded in.
            let mut replica = (**self.replica.borrow()).clone();
            fold_journal(&self.db, &mut replica).await;
            *self.replica.borrow_mut() = Rc::new(replica);
        } else {
            let (replica, journal) = load_replica(&self.db).await;
            self.journal_changes.set(journal);
            *self.replica.borrow_mut() = Rc::new(replica);
        }
    }

    /// Saves the replica whole and clears the journal, once the journal has grown long.
    async fn compact(&self) -> Result<(), Ended> {
        let replica = self.replica.borrow().clone();
        if self.journal_changes.get() < COMPACT_AFTER_CHANGES.max(replica.objects.len() / 2) {
            return Ok(());
        }
        self.save_whole(replica).await
    }

    /// Saves `replica` whole as this device's replica, clearing the journal, all in one
    /// transaction; then holds it.
    async fn save_whole(&self, replica: Rc<Replica>) -> Result<(), Ended> {
        let cursor = JsValue::from_f64(replica.cursor as f64);
        let saved = match json(&*replica) {
            Ok(value) => {
                self.db
                    .put_all_and_clear(
                        &[
                            (REPLICA_KEY, value),
                            (BASE_CURSOR_KEY, cursor.clone()),
                            (CURSOR_KEY, cursor),
                        ],
                        JOURNAL_FROM,
                        JOURNAL_TO,
                    )
                    .await
            }
            Err(e) => Err(e),
        };
        if saved.is_err() {
            return Err(Ended::Error(crate::i18n::current().t("sync-storage-refused")));
        }
        *self.replica.borrow_mut() = replica;
        self.journal_changes.set(0);
        Ok(())
    }

    /// Starts a cycle now, or right after the running one.
    fn kick(self: &Rc<Self>) {
        if self.stopped.get() {
            return;
        }
        if self.running.get() {
            self.again.set(true);
            return;
        }
        self.running.set(true);
        let engine = self.clone();
        spawn_local(async move {
            loop {
                engine.again.set(false);
                let inner = engine.clone();
                let ended = with_lock(SYNC_LOCK, async move { inner.cycle().await }).await;
                let now = js_sys::Date::now();
                match ended {
                    Ended::Done => {
                        engine.failures.set(0);
                        engine.next_due_ms.set(now + POLL_MS);
                        engine.done_ms.set(now);
                        engine.set_status(Status::Idle);
                    }
                    other => {
                        let failures = engine.failures.get().saturating_add(1);
                        engine.failures.set(failures);
                        let backoff = (1_000.0 * 2f64.powi(failures.min(10) as i32 - 1)).min(MAX_BACKOFF_MS);
                        engine.next_due_ms.set(now + backoff);
                        engine.set_status(match other {
                            Ended::Offline => Status::Offline,
                            Ended::SignedOut => Status::SignedOut,
                            Ended::Error(message) => Status::Error(message),
                            Ended::Done => Status::Idle,
                        });
                    }
                }
                if !engine.again.get() || engine.stopped.get() {
                    break;
                }
            }
            engine.running.set(false);
        });
    }

    /// Called twice a second: starts a cycle when one is due.
    fn tick(self: &Rc<Self>) {
        let now = js_sys::Date::now();
        let live =
            LIVE_VIEWS.with(Cell::get) > 0 && self.failures.get() == 0 && now >= self.done_ms.get() + LIVE_POLL_MS;
        if !self.running.get() && (now >= self.next_due_ms.get() || live) {
            self.kick();
        }
    }

    /// One push-then-pull, run under the sync lock.
    async fn cycle(self: Rc<Self>) -> Ended {
        if self.stopped.get() {
            return Ended::Done;
        }
        // Another tab may have pushed or pulled while this one waited for the lock.
        self.reload().await;
        if let Err(ended) = self.push_all().await {
            return ended;
        }
        if let Err(ended) = self.pull_all().await {
            return ended;
        }
        let synced = js_sys::Date::now();
        self.update_outbox(move |outbox| outbox.last_synced_ms = Some(synced))
            .await;
        self.tell_other_tabs("synced");
        Ended::Done
    }

    async fn push_all(self: &Rc<Self>) -> Result<(), Ended> {
        // After a refusal that names no edit, edits go one at a time for the rest of the cycle,
        // which finds the refused one.
        let mut single = false;
        loop {
            let (client_id, batch) = {
                let outbox = self.outbox.borrow();
                let size = if single { 1 } else { MAX_PUSH };
                (
                    outbox.edits.client_id.clone(),
                    outbox.edits.next_batch_within(size, PUSH_BYTES).to_vec(),
                )
            };
            if batch.is_empty() {
                return Ok(());
            }
            if !single {
                self.set_status(Status::Syncing { cursor: 0, head: 0 });
            }
            let request = PushRequest {
                schema_version: casebook_core::SCHEMA_VERSION,
                client_id,
                mutations: batch,
            };
            match api::post_json_within::<_, PushResponse>("/api/sync/push", &request, Some(REQUEST_TIMEOUT_MS)).await {
                Ok(reply) => {
                    self.acknowledged(reply.last_mutation_id);
                    self.update_outbox(move |o| o.edits.acknowledge(reply.last_mutation_id))
                        .await;
                }
                Err(ApiFailure::Server { status: 401, .. }) => return Err(Ended::SignedOut),
                Err(ApiFailure::Server { error: Some(e), .. }) if let Some(code) = RefusalCode::parse(&e.code) => {
                    let after = {
                        let mut outbox = self.outbox.borrow().clone();
                        let after = outbox
                            .edits
                            .refused(code, e.mutation_id, &e.message, &request.mutations);
                        (after, outbox.edits.failed.clone())
                    };
                    match after {
                        (AfterRefusal::AskWhereTheServerStands, _) => {
                            // The server expects an earlier id than this device has: it lost
                            // track of this client (a restored database). Renumber from there.
                            let last = self.server_last_applied().await?;
                            self.update_outbox(move |o| o.edits.restart_from(last)).await;
                        }
                        // This device's edits belong to someone other than who is signed in now
                        // (another person signed in, in another tab): they must never be sent
                        // as that person's. They wait for their author.
                        (AfterRefusal::WaitForAuthor, _) => return Err(Ended::SignedOut),
                        (AfterRefusal::Reload, _) => return Err(Ended::Error(e.message)),
                        (AfterRefusal::SendOneAtATime, _) => single = true,
                        (AfterRefusal::SendTheRest, failed) => {
                            self.update_outbox(move |o| o.edits.failed = failed).await;
                        }
                    }
                }
                Err(ApiFailure::Unreachable | ApiFailure::Server { .. }) => return Err(Ended::Offline),
                Err(failure @ ApiFailure::Unreadable(_)) => return Err(Ended::Error(failure.message())),
            }
        }
    }

    /// Keeps showing edits the server has just acknowledged until the pull brings them back.
    fn acknowledged(&self, last_applied: u64) {
        let outbox = self.outbox.borrow();
        let done = outbox.edits.pending.iter().filter(|m| m.id <= last_applied).cloned();
        self.awaiting_pull.borrow_mut().extend(done);
    }

    async fn server_last_applied(&self) -> Result<u64, Ended> {
        let client_id = self.outbox.borrow().edits.client_id.clone();
        let cursor = self.replica.borrow().cursor;
        let page = self.pull_page(&client_id, cursor, 1).await?;
        Ok(page.last_mutation_id)
    }

    async fn pull_page(&self, client_id: &str, cursor: u64, limit: usize) -> Result<PullResponse, Ended> {
        get_within(&format!(
            "/api/sync/pull?client_id={client_id}&cursor={cursor}&limit={limit}"
        ))
        .await
    }

    /// The changes of each root shared with this person's organisation within `page`, from
    /// before it was shared (the pull never carried them), keyed as `apply_page` wants them.
    async fn histories(&self, page: &PullResponse) -> Result<BTreeMap<(String, u64), Vec<Change>>, Ended> {
        let mut histories = BTreeMap::new();
        for grant in page.access.iter().filter(|a| a.granted) {
            let (mut after, mut changes) = (0, Vec::new());
            loop {
                let part: HistoryResponse = get_within(&format!(
                    "/api/sync/history?root={}&after={after}&before={}",
                    js_sys::encode_uri_component(&grant.root),
                    grant.seq
                ))
                .await?;
                after = part.cursor;
                changes.extend(part.changes);
                if !part.more {
                    break;
                }
            }
            histories.insert((grant.root.clone(), grant.seq), changes);
        }
        Ok(histories)
    }

    /// Pulls every page after the replica's cursor, saving after each.
    async fn pull_all(self: &Rc<Self>) -> Result<(), Ended> {
        let client_id = self.outbox.borrow().edits.client_id.clone();
        loop {
            let cursor = self.replica.borrow().cursor;
            let page = self.pull_page(&client_id, cursor, MAX_PULL).await?;
            let histories = self.histories(&page).await?;
            if self.stopped.get() {
                return Ok(());
            }
            if page.head < cursor {
                // The server's log is shorter than what this device has folded: its database
                // was restored from a backup. Fold the log it has from the start.
                self.save_whole(Rc::new(Replica::default())).await?;
                continue;
            }
            let newest_clock = page.changes.iter().map(|c| c.clock).max();
            if page.cursor > cursor {
                // A copy shares the replica's unchanged parts: this costs what the page holds.
                let mut replica = (**self.replica.borrow()).clone();
                replica.apply_page(&page, &histories);
                let size = page.changes.len() + histories.values().map(Vec::len).sum::<usize>();
                let saved = match json(&(&page, histories.iter().collect::<Vec<_>>())) {
                    Ok(value) => {
                        self.db
                            .put_all(&[
                                (journal_key(replica.cursor).as_str(), value),
                                (CURSOR_KEY, JsValue::from_f64(replica.cursor as f64)),
                            ])
                            .await
                    }
                    Err(e) => Err(e),
                };
                if saved.is_err() {
                    return Err(Ended::Error(crate::i18n::current().t("sync-storage-refused")));
                }
                *self.replica.borrow_mut() = Rc::new(replica);
                self.journal_changes.set(self.journal_changes.get() + size);
            }
            // A push whose answer was lost is acknowledged here; the clock learns the others'.
            let last = page.last_mutation_id;
            let needs_update = self.outbox.borrow().edits.pending.first().is_some_and(|m| m.id <= last);
            if needs_update || newest_clock.is_some() {
                self.acknowledged(last);
                self.update_outbox(move |o| {
                    o.edits.acknowledge(last);
                    if let Some(clock) = newest_clock {
                        o.edits.observe(clock, js_sys::Date::now() as u64);
                    }
                })
                .await;
            }
            if !page.more() {
                // Everything acknowledged is in the replica now.
                self.awaiting_pull.borrow_mut().clear();
                return self.compact().await;
            }
            self.set_status(Status::Syncing {
                cursor: page.cursor,
                head: page.head,
            });
        }
    }
}

/// A GET of sync data, with the request time-out; failures say how the cycle ends.
async fn get_within<T: for<'de> Deserialize<'de>>(path: &str) -> Result<T, Ended> {
    match api::get_json_within::<T>(path, Some(REQUEST_TIMEOUT_MS)).await {
        Ok(value) => Ok(value),
        Err(ApiFailure::Server { status: 401, .. }) => Err(Ended::SignedOut),
        Err(ApiFailure::Unreachable | ApiFailure::Server { .. }) => Err(Ended::Offline),
        Err(failure) => Err(Ended::Error(failure.message())),
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct SyncProviderProps {
    pub children: Children,
}

/// Runs sync for whoever is signed in, or, while the server cannot say, for the last person
/// signed in on this device, so work goes on offline.
#[component]
pub fn SyncProvider(props: &SyncProviderProps) -> Html {
    let session = use_session();
    let state = use_state(|| None::<SyncState>);
    let engine = use_mut_ref(|| None::<Rc<Engine>>);
    // The last person signed in on this device, read once: who works on while the server
    // cannot say who is signed in.
    let saved_user = use_state(|| None::<User>);
    {
        let saved_user = saved_user.clone();
        use_effect_with((), move |()| {
            spawn_local(async move {
                if let Ok(db) = LocalDb::open().await
                    && let Some(outbox) = load::<Outbox>(&db, OUTBOX_KEY).await
                {
                    saved_user.set(Some(outbox.user));
                }
            });
        });
    }
    let user = match &session.session {
        Session::SignedIn(user) => Some(user.clone()),
        Session::Unknown => (*saved_user).clone(),
        Session::Checking | Session::SignedOut => None,
    };
    // Keyed on who it is, so an offline start that turns out signed in keeps its engine (and
    // whatever is being typed) when the server answers.
    let user_id = user.as_ref().map(|u| u.id.clone());
    {
        let (state, engine, set_session) = (state.clone(), engine.clone(), session.set.clone());
        let saved_user = saved_user.clone();
        use_effect_with(user_id, move |_| {
            let stopped = Rc::new(Cell::new(false));
            let listeners: Rc<RefCell<Vec<Box<dyn std::any::Any>>>> = Rc::default();
            {
                let (stopped, listeners, engine_slot, state) =
                    (stopped.clone(), listeners.clone(), engine.clone(), state.clone());
                spawn_local(async move {
                    let Some(user) = user else {
                        state.set(None);
                        return;
                    };
                    let publish = {
                        let state = state.clone();
                        Callback::from(move |next: SyncState| state.set(Some(next)))
                    };
                    let Ok(started) = Engine::start(user, publish).await else {
                        return;
                    };
                    if stopped.get() {
                        started.stopped.set(true);
                        return;
                    }
                    *engine_slot.borrow_mut() = Some(started.clone());
                    started.notify();
                    started.kick();
                    let window = gloo::utils::window();
                    let mut held: Vec<Box<dyn std::any::Any>> = Vec::new();
                    let ticking = started.clone();
                    held.push(Box::new(Interval::new(500, move || ticking.tick())));
                    let online = started.clone();
                    held.push(Box::new(EventListener::new(&window, "online", move |_| {
                        online.failures.set(0);
                        online.kick();
                    })));
                    if let Some(channel) = &started.channel {
                        let other = started.clone();
                        let set_session = set_session.clone();
                        held.push(Box::new(EventListener::new(channel, "message", move |event| {
                            let what = event
                                .dyn_ref::<web_sys::MessageEvent>()
                                .and_then(|m| m.data().as_string())
                                .unwrap_or_default();
                            if what == "signed-out" {
                                other.stopped.set(true);
                                saved_user.set(None);
                                set_session.emit(Session::SignedOut);
                                return;
                            }
                            let other = other.clone();
                            spawn_local(async move {
                                other.reload().await;
                                if what == "outbox" {
                                    other.kick();
                                }
                            });
                        })));
                    }
                    *listeners.borrow_mut() = held;
                });
            }
            let engine = engine.clone();
            move || {
                stopped.set(true);
                if let Some(engine) = engine.borrow_mut().take() {
                    engine.stopped.set(true);
                }
                listeners.borrow_mut().clear();
                state.set(None);
            }
        });
    }
    // The server refused the session (it expired, was ended in another browser, or an admin
    // switched the account off or set a new password). Once the server confirms nobody is
    // signed in, say so everywhere; the unsent edits stay on this device for the same person's
    // next sign-in.
    let refused = matches!(&*state, Some(s) if s.status == Status::SignedOut);
    {
        let set_session = session.set.clone();
        use_effect_with(refused, move |refused| {
            if *refused {
                spawn_local(async move {
                    if let Ok(SessionInfo { user: None }) = api::get_json::<SessionInfo>("/api/session").await {
                        set_session.emit(Session::SignedOut);
                    }
                });
            }
        });
    }
    let handle = match (&*state, &*engine.borrow()) {
        (Some(state), Some(engine)) => Some(SyncHandle {
            state: state.clone(),
            engine: engine.clone(),
        }),
        _ => None,
    };
    html! {
        <ContextProvider<Option<SyncHandle>> context={handle}>
            { props.children.clone() }
        </ContextProvider<Option<SyncHandle>>>
    }
}

/// A new object id: `len` lowercase letters and digits drawn from the browser's random UUID.
pub fn new_object_id(len: usize) -> String {
    let uuid = gloo::utils::window()
        .crypto()
        .map(|c| c.random_uuid())
        .unwrap_or_else(|_| format!("{:016x}", (js_sys::Math::random() * 2f64.powi(52)) as u64));
    uuid.chars()
        .filter(char::is_ascii_alphanumeric)
        .take(len)
        .collect::<String>()
        .to_lowercase()
}

/// Sync for the person signed in on this device; `None` when nobody is.
#[hook]
pub fn use_sync() -> Option<SyncHandle> {
    use_context::<Option<SyncHandle>>().flatten()
}

/// Wipes this device's sync data under both locks, so no tab's cycle writes it back, and tells
/// the other tabs the person has signed out.
pub async fn wipe_case_data(keep: &'static [&'static str]) {
    with_lock(SYNC_LOCK, async move {
        with_lock(OUTBOX_LOCK, async move {
            if let Ok(db) = LocalDb::open().await {
                let _ = db.remove_all_except(keep).await;
            }
        })
        .await;
    })
    .await;
    if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) {
        let _ = channel.post_message(&JsValue::from_str("signed-out"));
    }
}
