//! The cache in front of the parser: serialized Article JSON by page and options. A memory
//! tier (moka, bounded in bytes, TTL; failures kept for a short negative TTL) coalesces
//! concurrent misses of one key into one computation; an optional Redis tier is shared by
//! replicas. Modes: `default` (read, then compute and store), `refresh` (compute, store),
//! `bypass` (compute only).

pub mod key;
pub mod shared;

use crate::config::CacheConfig;
use crate::problem::Problem;
use bytes::Bytes;
pub use key::Key;
use moka::future::Cache as Moka;
use shared::RedisTier;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// An extraction as stored: its JSON bytes (with `meta.cache` = "miss") and its entity tag.
#[derive(Debug)]
pub struct Stored {
    pub json: Bytes,
    pub etag: String,
    /// Byte range of the value of `meta.cache` inside `json`.
    cache_value: Option<(usize, usize)>,
}

impl Stored {
    pub fn new(json: Bytes) -> Stored {
        let etag = key::etag(&json);
        let cache_value = find_cache_value(&json);
        Stored {
            json,
            etag,
            cache_value,
        }
    }

    /// The answer's bytes with `meta.cache` set to `label`, as slices of the stored bytes
    /// (no copy of the article).
    pub fn parts(&self, label: &'static str) -> [Bytes; 3] {
        match self.cache_value {
            Some((a, b)) => [
                self.json.slice(..a),
                Bytes::from_static(label.as_bytes()),
                self.json.slice(b..),
            ],
            None => [self.json.clone(), Bytes::new(), Bytes::new()],
        }
    }
}

/// The value of the last `"cache":"…"` member (meta is the Article's last member; inside
/// JSON strings a quote is always escaped, so the pattern only matches structure).
fn find_cache_value(json: &[u8]) -> Option<(usize, usize)> {
    const PAT: &[u8] = b"\"cache\":\"";
    let tail_from = json.len().saturating_sub(4096);
    let tail = &json[tail_from..];
    let at = tail.windows(PAT.len()).rposition(|w| w == PAT)?;
    let start = tail_from + at + PAT.len();
    let len = memchr::memchr(b'"', &json[start..])?;
    Some((start, start + len))
}

/// What the cache holds for a key.
#[derive(Debug, Clone)]
pub enum Entry {
    Article(Arc<Stored>),
    /// A failure remembered for the negative TTL (memory only).
    Failure(Arc<Problem>),
}

/// Where an answer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    HitMemory,
    HitRedis,
    Miss,
    Bypass,
}

impl Status {
    /// The `X-Cache` header value.
    pub fn header(self) -> &'static str {
        match self {
            Status::HitMemory => "hit; tier=memory",
            Status::HitRedis => "hit; tier=redis",
            Status::Miss => "miss",
            Status::Bypass => "bypass",
        }
    }

    /// The `meta.cache` value.
    pub fn label(self) -> &'static str {
        match self {
            Status::HitMemory | Status::HitRedis => "hit",
            Status::Miss => "miss",
            Status::Bypass => "bypass",
        }
    }
}

/// How a request may use the cache.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    serde::Deserialize,
    serde::Serialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    #[default]
    Default,
    Bypass,
    Refresh,
}

struct Expiry {
    ttl: Duration,
    negative_ttl: Duration,
}

impl moka::Expiry<Arc<str>, Entry> for Expiry {
    fn expire_after_create(&self, _k: &Arc<str>, v: &Entry, _at: Instant) -> Option<Duration> {
        Some(match v {
            Entry::Article(_) => self.ttl,
            Entry::Failure(_) => self.negative_ttl,
        })
    }

    fn expire_after_update(
        &self,
        k: &Arc<str>,
        v: &Entry,
        at: Instant,
        _left: Option<Duration>,
    ) -> Option<Duration> {
        self.expire_after_create(k, v, at)
    }
}

/// The two-tier cache. Cheap to clone.
#[derive(Clone)]
pub struct Cache {
    memory: Option<Moka<Arc<str>, Entry>>,
    redis: Option<Arc<RedisTier>>,
    /// Names this build in every key: `vnarticle:<version>-<build id>:`.
    prefix: Arc<str>,
}

impl Cache {
    /// Builds the cache from its configuration (inside a Tokio runtime when Redis is used).
    pub fn new(cfg: &CacheConfig) -> Result<Cache, String> {
        let memory = cfg.enabled.then(|| {
            Moka::builder()
                .max_capacity(cfg.memory_max_bytes)
                .weigher(|k: &Arc<str>, v: &Entry| {
                    let n = match v {
                        Entry::Article(s) => s.json.len() + s.etag.len(),
                        Entry::Failure(p) => p.detail.len() + 128,
                    };
                    u32::try_from(n + k.len() + 256).unwrap_or(u32::MAX)
                })
                .expire_after(Expiry {
                    ttl: Duration::from_secs(cfg.ttl_seconds.max(1)),
                    negative_ttl: Duration::from_secs(cfg.negative_ttl_seconds),
                })
                .support_invalidation_closures()
                .build()
        });
        let redis = if cfg.enabled && !cfg.redis_url.trim().is_empty() {
            Some(Arc::new(RedisTier::new(
                cfg.redis_url.trim(),
                Duration::from_millis(cfg.redis_timeout_ms.max(1)),
                cfg.redis_ttl_seconds,
            )?))
        } else {
            None
        };
        Ok(Cache {
            memory,
            redis,
            prefix: format!("vnarticle:{}-{}:", crate::VERSION, crate::BUILD_ID).into(),
        })
    }

    /// A cache that stores nothing (every answer is computed).
    pub fn disabled() -> Cache {
        Cache {
            memory: None,
            redis: None,
            prefix: "".into(),
        }
    }

    pub fn is_enabled(&self) -> bool {
        self.memory.is_some()
    }

    /// The Redis tier, if configured.
    pub fn redis(&self) -> Option<&RedisTier> {
        self.redis.as_deref()
    }

    fn redis_key(&self, key: &Key) -> String {
        format!("{}{}", self.prefix, key.base)
    }

    /// The answer for `key`: from memory, else from Redis, else computed by `compute` (once
    /// for all concurrent callers of one key) and stored. `compute` answers `Ok(entry)` for
    /// what may be stored (articles, and failures worth remembering) and `Err` for what may
    /// not (the error then reaches every caller waiting on this computation).
    pub async fn get_or_compute<F, Fut, E>(
        &self,
        key: &Key,
        mode: Mode,
        compute: F,
    ) -> Result<(Entry, Status), Arc<E>>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<Entry, E>>,
        E: Send + Sync + 'static,
    {
        let Some(memory) = &self.memory else {
            return compute()
                .await
                .map(|e| (e, Status::Bypass))
                .map_err(Arc::new);
        };
        let flat: Arc<str> = key.flat().into();
        match mode {
            Mode::Bypass => compute()
                .await
                .map(|e| (e, Status::Bypass))
                .map_err(Arc::new),
            Mode::Refresh => {
                let entry = compute().await.map_err(Arc::new)?;
                memory.insert(flat, entry.clone()).await;
                self.store_shared(key, &entry).await;
                Ok((entry, Status::Miss))
            }
            Mode::Default => {
                if let Some(e) = memory.get(&flat).await {
                    crate::metrics::cache("memory", "hit");
                    return Ok((e, Status::HitMemory));
                }
                let from_redis = Mutex::new(false);
                let init = async {
                    crate::metrics::cache("memory", "miss");
                    if let Some(r) = &self.redis {
                        if let Some(bytes) = r.get(&self.redis_key(key), &key.variant).await {
                            if let Ok(mut f) = from_redis.lock() {
                                *f = true;
                            }
                            return Ok(Entry::Article(Arc::new(Stored::new(bytes))));
                        }
                    }
                    let entry = compute().await?;
                    self.store_shared(key, &entry).await;
                    Ok(entry)
                };
                let got = memory.entry(flat).or_try_insert_with(init).await?;
                let status = if !got.is_fresh() {
                    Status::HitMemory
                } else if from_redis.lock().map(|f| *f).unwrap_or(false) {
                    Status::HitRedis
                } else {
                    Status::Miss
                };
                Ok((got.into_value(), status))
            }
        }
    }

    async fn store_shared(&self, key: &Key, entry: &Entry) {
        if let (Some(r), Entry::Article(s)) = (&self.redis, entry) {
            r.put(&self.redis_key(key), &key.variant, &s.json).await;
        }
    }

    /// Removes every variant of a page from both tiers. Returns whether memory held it and
    /// what Redis said (`None` when there is no Redis tier).
    pub async fn purge(&self, base: &str) -> (bool, Option<Result<bool, String>>) {
        let mut in_memory = false;
        if let Some(m) = &self.memory {
            let pre = format!("{base}|");
            in_memory = m.iter().any(|(k, _)| k.starts_with(&pre));
            let pre2 = pre.clone();
            if let Err(e) = m.invalidate_entries_if(move |k, _| k.starts_with(&pre2)) {
                tracing::warn!("memory purge failed: {e}");
            }
            // Entries being computed now are not covered by the closure; they were asked for
            // before the purge.
        }
        let redis = match &self.redis {
            Some(r) => Some(r.purge(&format!("{}{}", self.prefix, base)).await),
            None => None,
        };
        (in_memory, redis)
    }

    /// Bytes held in memory and the number of entries (after pending evictions).
    pub async fn memory_usage(&self) -> (u64, u64) {
        match &self.memory {
            Some(m) => {
                m.run_pending_tasks().await;
                (m.weighted_size(), m.entry_count())
            }
            None => (0, 0),
        }
    }
}
