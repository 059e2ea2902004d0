//! Politeness per origin host: a bound on concurrent fetches of one host, and the back-off an
//! origin asked for with `Retry-After` on a 429 or 503 (no request reaches it before then).

use moka::sync::Cache;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// A back-off an origin asked for.
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    pub until: Instant,
    /// The status that carried the `Retry-After`.
    pub status: u16,
}

impl Backoff {
    /// Whole seconds left (at least 1 while it lasts).
    pub fn remaining_secs(&self) -> u64 {
        let left = self.until.saturating_duration_since(Instant::now());
        left.as_secs() + u64::from(left.subsec_nanos() > 0)
    }
}

/// Per-host state, bounded in size (hosts idle for ten minutes are forgotten).
pub struct Hosts {
    per_host: usize,
    slots: Cache<String, Arc<Semaphore>>,
    backoff: Cache<String, Backoff>,
}

impl Hosts {
    pub fn new(per_host: usize, max_backoff: Duration) -> Hosts {
        Hosts {
            per_host: per_host.max(1),
            slots: Cache::builder()
                .max_capacity(100_000)
                .time_to_idle(Duration::from_secs(600))
                .build(),
            backoff: Cache::builder()
                .max_capacity(100_000)
                .time_to_live(max_backoff.max(Duration::from_secs(1)))
                .build(),
        }
    }

    /// Waits for one of the host's fetch slots (`None` only if the semaphore were closed,
    /// which never happens).
    pub async fn slot(&self, host: &str) -> Option<OwnedSemaphorePermit> {
        let sem = self
            .slots
            .get_with_by_ref(host, || Arc::new(Semaphore::new(self.per_host)));
        sem.acquire_owned().await.ok()
    }

    /// The back-off in force for a host, if any.
    pub fn backoff(&self, host: &str) -> Option<Backoff> {
        self.backoff.get(host).filter(|b| b.until > Instant::now())
    }

    /// Records an origin's request to wait.
    pub fn set_backoff(&self, host: &str, wait: Duration, status: u16) {
        self.backoff.insert(
            host.to_owned(),
            Backoff {
                until: Instant::now() + wait,
                status,
            },
        );
    }
}
