//! The shared tier: Redis, read after a memory miss and written after a computation, so
//! replicas (and a restarted one) reuse each other's extractions. Every call is bounded by a
//! short timeout; a failure marks the tier down for a second (requests skip it meanwhile),
//! counts, and warns at most every ten seconds. Redis never fails a request.
//!
//! Layout: one hash per page (`<prefix><base>`), one field per option variant, so purging a
//! URL is one `DEL`; the hash's TTL is renewed on every write.

use bytes::Bytes;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

pub struct RedisTier {
    conn: ConnectionManager,
    timeout: Duration,
    ttl_secs: u64,
    epoch: Instant,
    /// Milliseconds since `epoch` before which the tier is skipped (after a failure).
    down_until_ms: AtomicU64,
    last_warn_ms: AtomicU64,
}

/// How long a failure takes the tier out of the request path.
const DOWN_FOR: Duration = Duration::from_secs(1);

impl RedisTier {
    /// Prepares the tier without connecting (the first use connects; a server that is down at
    /// start-up is retried later). Must be called inside a Tokio runtime.
    pub fn new(url: &str, timeout: Duration, ttl_secs: u64) -> Result<RedisTier, String> {
        let client = redis::Client::open(url).map_err(|e| format!("cache.redis_url: {e}"))?;
        let cfg = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(timeout.max(Duration::from_millis(200))))
            .set_response_timeout(Some(timeout))
            .set_number_of_retries(1)
            .set_min_delay(Duration::from_millis(50))
            .set_max_delay(Duration::from_millis(500));
        let conn = ConnectionManager::new_lazy_with_config(client, cfg)
            .map_err(|e| format!("cache.redis_url: {e}"))?;
        Ok(RedisTier {
            conn,
            timeout,
            ttl_secs: ttl_secs.max(1),
            epoch: Instant::now(),
            down_until_ms: AtomicU64::new(0),
            last_warn_ms: AtomicU64::new(0),
        })
    }

    fn now_ms(&self) -> u64 {
        self.epoch.elapsed().as_millis() as u64
    }

    /// Is the tier in the request path now (not within a second of a failure)?
    pub fn is_up(&self) -> bool {
        self.now_ms() >= self.down_until_ms.load(Ordering::Relaxed)
    }

    fn failed(&self, what: &str, err: &str) {
        crate::metrics::cache("redis", "error");
        let now = self.now_ms();
        self.down_until_ms
            .store(now + DOWN_FOR.as_millis() as u64, Ordering::Relaxed);
        let last = self.last_warn_ms.load(Ordering::Relaxed);
        if (last == 0 || now >= last + 10_000)
            && self
                .last_warn_ms
                .compare_exchange(last, now.max(1), Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            tracing::warn!(
                "redis {what} failed ({err}); serving from memory only until it answers again"
            );
        }
    }

    async fn bounded<T>(
        &self,
        what: &str,
        fut: impl std::future::Future<Output = redis::RedisResult<T>>,
    ) -> Option<T> {
        if !self.is_up() {
            crate::metrics::cache("redis", "skipped");
            return None;
        }
        match tokio::time::timeout(self.timeout, fut).await {
            Ok(Ok(v)) => Some(v),
            Ok(Err(e)) => {
                self.failed(what, &e.to_string());
                None
            }
            Err(_) => {
                self.failed(
                    what,
                    &format!("no answer in {} ms", self.timeout.as_millis()),
                );
                None
            }
        }
    }

    /// The stored bytes of one variant of a page, if Redis has them and answers in time.
    pub async fn get(&self, key: &str, field: &str) -> Option<Bytes> {
        let mut c = self.conn.clone();
        let v: Option<Option<Vec<u8>>> = self
            .bounded("read", async move {
                redis::cmd("HGET")
                    .arg(key)
                    .arg(field)
                    .query_async(&mut c)
                    .await
            })
            .await;
        match v {
            Some(Some(b)) => {
                crate::metrics::cache("redis", "hit");
                Some(Bytes::from(b))
            }
            Some(None) => {
                crate::metrics::cache("redis", "miss");
                None
            }
            None => None,
        }
    }

    /// Stores one variant of a page and renews the page's TTL.
    pub async fn put(&self, key: &str, field: &str, bytes: &[u8]) {
        let mut c = self.conn.clone();
        let ttl = self.ttl_secs;
        // A failed write is counted and logged by `bounded`; the request goes on.
        self.bounded::<()>("write", async move {
            redis::pipe()
                .cmd("HSET")
                .arg(key)
                .arg(field)
                .arg(bytes)
                .ignore()
                .cmd("EXPIRE")
                .arg(key)
                .arg(ttl)
                .ignore()
                .query_async(&mut c)
                .await
        })
        .await;
    }

    /// Deletes a page (all its variants). `Err` when Redis could not be asked.
    pub async fn purge(&self, key: &str) -> Result<bool, String> {
        let mut c = self.conn.clone();
        // A purge is an explicit request: try even within the down window.
        let r = tokio::time::timeout(self.timeout, async move {
            redis::cmd("DEL").arg(key).query_async::<i64>(&mut c).await
        })
        .await;
        match r {
            Ok(Ok(n)) => Ok(n > 0),
            Ok(Err(e)) => {
                self.failed("purge", &e.to_string());
                Err(e.to_string())
            }
            Err(_) => {
                self.failed("purge", "timeout");
                Err(format!("no answer in {} ms", self.timeout.as_millis()))
            }
        }
    }

    /// Does Redis answer a PING now? (For `/readyz`; does not mark the tier down.)
    pub async fn ping(&self) -> bool {
        let mut c = self.conn.clone();
        matches!(
            tokio::time::timeout(self.timeout.max(Duration::from_millis(200)), async move {
                redis::cmd("PING").query_async::<String>(&mut c).await
            })
            .await,
            Ok(Ok(_))
        )
    }
}
