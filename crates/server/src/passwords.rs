//! Password hashing off the async runtime, bounded.
//!
//! argon2 takes tens of milliseconds of CPU by design; on the runtime's threads it would stall
//! every other request (health checks included). [`PasswordWork`] runs it on tokio's blocking
//! threads, at most `workers` at once, with at most `queue` more requests waiting; past that a
//! request is refused at once with [`AppError::Busy`] (503 and `Retry-After`), never queued
//! without end.

use std::sync::{Arc, LazyLock};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::auth;
use crate::error::AppError;

/// A hash to verify against when the email is unknown, so the answer takes as long.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| auth::hash_password(&auth::new_token()).unwrap_or_default());

#[derive(Debug, Clone)]
pub struct PasswordWork {
    /// Requests hashing or waiting to: `workers + queue` places.
    places: Arc<Semaphore>,
    capacity: usize,
    /// Hashes running at once.
    workers: Arc<Semaphore>,
}

impl PasswordWork {
    pub fn new(workers: usize, queue: usize) -> PasswordWork {
        let workers = workers.max(1);
        let capacity = workers + queue;
        PasswordWork {
            places: Arc::new(Semaphore::new(capacity)),
            capacity,
            workers: Arc::new(Semaphore::new(workers)),
        }
    }

    /// One worker per core, and 16 waiting per worker.
    pub fn for_this_machine() -> PasswordWork {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        PasswordWork::new(cores, cores * 16)
    }

    /// A place in line, or [`AppError::Busy`] when every place is taken. Held while the
    /// request hashes, so a request checks its limits only once it is sure to be served.
    pub fn admit(&self) -> Result<Admitted, AppError> {
        let place = self.places.clone().try_acquire_owned().map_err(|_| AppError::Busy)?;
        Ok(Admitted {
            _place: place,
            workers: self.workers.clone(),
        })
    }

    /// How many requests hold a place now (hashing or waiting).
    pub fn in_use(&self) -> usize {
        self.capacity - self.places.available_permits()
    }

    pub async fn hash(&self, password: &str) -> Result<String, AppError> {
        self.admit()?.hash(password).await
    }
}

/// A request's place in line for password work.
#[derive(Debug)]
pub struct Admitted {
    _place: OwnedSemaphorePermit,
    workers: Arc<Semaphore>,
}

impl Admitted {
    /// Whether `password` matches `hash`; with no hash (an unknown email), checks against a
    /// dummy one so the answer takes as long, and says no.
    pub async fn verify(&self, password: &str, hash: Option<&str>) -> Result<bool, AppError> {
        let password = password.to_owned();
        let hash = hash.map(str::to_owned);
        self.run(move || match hash {
            Some(hash) => auth::verify_password(&password, &hash),
            None => {
                auth::verify_password(&password, &DUMMY_HASH);
                false
            }
        })
        .await
    }

    pub async fn hash(&self, password: &str) -> Result<String, AppError> {
        let password = password.to_owned();
        self.run(move || auth::hash_password(&password))
            .await?
            .map_err(AppError::Internal)
    }

    async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T, AppError> {
        let _worker = self.workers.acquire().await.map_err(|e| AppError::Internal(e.into()))?;
        tokio::task::spawn_blocking(work)
            .await
            .map_err(|e| AppError::Internal(anyhow::anyhow!("password hashing stopped: {e}")))
    }
}
