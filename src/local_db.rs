//! The browser's own storage for offline use: one IndexedDB object store of keyed values.
//!
//! Holds the cached library and search index (and, later, queued edits). Nothing secret is
//! kept here: no session token or password ever is.

use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbKeyRange, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "casebook";
const DB_VERSION: u32 = 1;
const STORE: &str = "kv";

/// An open connection to Casebook's IndexedDB database.
#[derive(Debug, Clone)]
pub struct LocalDb {
    db: IdbDatabase,
}

/// Resolves with the request's result once it succeeds. The handlers are attached at once
/// (not when first polled), so several requests can be made before any is awaited.
fn completion(request: &IdbRequest) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        request.set_onsuccess(Some(
            Closure::once_into_js(move |_: web_sys::Event| {
                let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
            })
            .unchecked_ref(),
        ));
        request.set_onerror(Some(
            Closure::once_into_js(move |_: web_sys::Event| {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("IndexedDB request failed"));
            })
            .unchecked_ref(),
        ));
    });
    JsFuture::from(promise)
}

/// Resolves when the transaction has committed; fails when it aborts.
fn committed(transaction: &IdbTransaction) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(
            Closure::once_into_js(move |_: web_sys::Event| {
                let _ = resolve.call0(&JsValue::NULL);
            })
            .unchecked_ref(),
        ));
        let on_abort = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("IndexedDB transaction aborted"));
        });
        transaction.set_onabort(Some(on_abort.unchecked_ref()));
        transaction.set_onerror(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise)
}

impl LocalDb {
    /// Opens (creating on first use) the database.
    pub async fn open() -> Result<LocalDb, JsValue> {
        let factory = web_sys::window()
            .ok_or("no window")?
            .indexed_db()?
            .ok_or("IndexedDB is not available in this browser")?;
        let request = factory.open_with_u32(DB_NAME, DB_VERSION)?;
        let upgrade_target = request.clone();
        request.set_onupgradeneeded(Some(
            Closure::once_into_js(move |_: web_sys::Event| {
                if let Ok(result) = upgrade_target.result() {
                    let db: IdbDatabase = result.unchecked_into();
                    if !db.object_store_names().contains(STORE) {
                        let _ = db.create_object_store(STORE);
                    }
                }
            })
            .unchecked_ref(),
        ));
        let db = completion(&request).await?;
        Ok(LocalDb {
            db: db.unchecked_into(),
        })
    }

    pub async fn get(&self, key: &str) -> Result<Option<JsValue>, JsValue> {
        let [value] = self.get_many([key]).await?;
        Ok(value)
    }

    /// Reads several values in one transaction, all requests made at once.
    pub async fn get_many<const N: usize>(&self, keys: [&str; N]) -> Result<[Option<JsValue>; N], JsValue> {
        let store = self.db.transaction_with_str(STORE)?.object_store(STORE)?;
        let mut pending = Vec::with_capacity(N);
        for key in keys {
            pending.push(completion(&store.get(&JsValue::from_str(key))?));
        }
        let mut values: [Option<JsValue>; N] = std::array::from_fn(|_| None);
        for (slot, value) in values.iter_mut().zip(pending) {
            let value = value.await?;
            *slot = (!value.is_undefined()).then_some(value);
        }
        Ok(values)
    }

    /// Writes several values in one transaction: all of them or none.
    pub async fn put_all(&self, entries: &[(&str, JsValue)]) -> Result<(), JsValue> {
        let transaction = self
            .db
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
        let store = transaction.object_store(STORE)?;
        let done = committed(&transaction);
        for (key, value) in entries {
            store.put_with_key(value, &JsValue::from_str(key))?;
        }
        done.await.map(|_| ())
    }

    /// The values whose keys lie between `from` and `to` (both included), in key order.
    pub async fn get_range(&self, from: &str, to: &str) -> Result<Vec<JsValue>, JsValue> {
        let range = IdbKeyRange::bound(&JsValue::from_str(from), &JsValue::from_str(to))?;
        let store = self.db.transaction_with_str(STORE)?.object_store(STORE)?;
        let values = completion(&store.get_all_with_key(&range)?).await?;
        Ok(js_sys::Array::from(&values).iter().collect())
    }

    /// Writes `entries` and removes every value whose key lies between `from` and `to`
    /// (both included), in one transaction: all of it or none.
    pub async fn put_all_and_clear(&self, entries: &[(&str, JsValue)], from: &str, to: &str) -> Result<(), JsValue> {
        let range = IdbKeyRange::bound(&JsValue::from_str(from), &JsValue::from_str(to))?;
        let transaction = self
            .db
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
        let store = transaction.object_store(STORE)?;
        let done = committed(&transaction);
        store.delete(&range)?;
        for (key, value) in entries {
            store.put_with_key(value, &JsValue::from_str(key))?;
        }
        done.await.map(|_| ())
    }

    /// Removes the values under `keys` (those that exist), in one transaction.
    pub async fn remove(&self, keys: &[&str]) -> Result<(), JsValue> {
        let transaction = self
            .db
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
        let store = transaction.object_store(STORE)?;
        let done = committed(&transaction);
        for key in keys {
            store.delete(&JsValue::from_str(key))?;
        }
        done.await.map(|_| ())
    }

    /// Removes every value except those under `keep`.
    pub async fn remove_all_except(&self, keep: &[&str]) -> Result<(), JsValue> {
        let keys = completion(
            &self
                .db
                .transaction_with_str(STORE)?
                .object_store(STORE)?
                .get_all_keys()?,
        )
        .await?;
        let transaction = self
            .db
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
        let store = transaction.object_store(STORE)?;
        let done = committed(&transaction);
        for key in js_sys::Array::from(&keys).iter() {
            if !key.as_string().is_some_and(|k| keep.contains(&k.as_str())) {
                store.delete(&key)?;
            }
        }
        done.await.map(|_| ())
    }
}
