//! The service: an extraction request end to end — cache key, cache, fetch (for URLs), the
//! CPU-bound pipeline on a bounded pool of workers, and the Article's JSON bytes. The HTTP
//! server and the command line are thin adapters over [`Service::extract`].

use crate::cache::{self, Cache, Entry, Key, Status, Stored};
use crate::config::Config;
use crate::extract::InputKind;
use crate::fetch::{FetchError, Fetcher};
use crate::pipeline::{Input, Pipeline, PipelineError, Source};
use crate::problem::Problem;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use thiserror::Error;
use tokio::sync::Semaphore;

/// Why a request got no article (failures that are not remembered by the cache).
#[derive(Debug, Clone, Error)]
pub enum ServiceError {
    #[error(transparent)]
    Pipeline(#[from] PipelineError),
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error("the server is busy: too many requests are waiting for an extraction worker")]
    Overloaded,
    #[error("internal error: {0}")]
    Internal(String),
}

impl ServiceError {
    pub fn problem(&self) -> Problem {
        match self {
            ServiceError::Pipeline(e) => e.problem(),
            ServiceError::Fetch(e) => e.problem(),
            ServiceError::Overloaded => {
                Problem::new("overloaded", 503, "Server overloaded", self.to_string())
                    .with("retry_after", 1)
            }
            ServiceError::Internal(_) => {
                Problem::new("internal", 500, "Internal error", self.to_string())
            }
        }
    }
}

/// An answer: what the cache holds (an article, or a failure remembered for a while) and
/// where it came from.
#[derive(Debug, Clone)]
pub struct Served {
    pub entry: Entry,
    pub status: Status,
}

/// The service. Cheap to clone; one per process.
#[derive(Clone)]
pub struct Service {
    pipeline: Pipeline,
    fetcher: Option<Fetcher>,
    pub cache: Cache,
    workers: Arc<Semaphore>,
    waiting: Arc<AtomicUsize>,
    max_queue: usize,
}

struct WaitGuard<'a>(&'a AtomicUsize);

impl Drop for WaitGuard<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Service {
    /// Builds the service from its configuration (inside a Tokio runtime when Redis is used).
    pub fn new(config: &Config) -> Result<Service, String> {
        let fetcher = if config.fetch.enabled {
            Some(Fetcher::new(&config.fetch)?)
        } else {
            None
        };
        Ok(Service {
            pipeline: Pipeline::new(),
            fetcher,
            cache: Cache::new(&config.cache)?,
            workers: Arc::new(Semaphore::new(config.workers())),
            waiting: Arc::new(AtomicUsize::new(0)),
            max_queue: config.server.max_queue,
        })
    }

    /// The same service with the cache replaced (the command line runs without one).
    pub fn with_cache(mut self, cache: Cache) -> Service {
        self.cache = cache;
        self
    }

    /// The cache key of a request (also checks the request's options).
    pub fn key(&self, input: &Input) -> Result<Key, ServiceError> {
        crate::pipeline::reference_day(input.options.reference_date.as_deref())?;
        let variant = Key::variant_of(input.options.reference_date.as_deref());
        let addr = input.url.as_deref().unwrap_or("");
        Ok(match &input.source {
            Source::Url(u) => {
                let parsed = Fetcher::parse_url(u)?;
                let norm = cache::key::normalize_url(parsed.as_str())
                    .ok_or_else(|| FetchError::BadUrl(u.clone()))?;
                Key::for_url(&norm, variant)
            }
            Source::Html(s) => Key::for_body(s.as_bytes(), &["html", addr], variant),
            Source::Text(s) => Key::for_body(s.as_bytes(), &["text", addr], variant),
            Source::Bytes {
                bytes,
                kind,
                charset,
            } => {
                let k = match kind {
                    Some(InputKind::Html) => "html",
                    Some(InputKind::Text) => "text",
                    None => "sniff",
                };
                Key::for_body(bytes, &[k, charset.as_deref().unwrap_or(""), addr], variant)
            }
        })
    }

    /// Extracts one request, through the cache.
    pub async fn extract(&self, input: Input) -> Result<Served, ServiceError> {
        let key = self.key(&input)?;
        let mode = input.options.cache;
        let r = self
            .cache
            .get_or_compute(&key, mode, || self.compute(input))
            .await;
        match r {
            Ok((entry, status)) => Ok(Served { entry, status }),
            Err(e) => Err((*e).clone()),
        }
    }

    /// Purges a page (every option variant) from both cache tiers.
    pub async fn purge_url(
        &self,
        url: &str,
    ) -> Result<(bool, Option<Result<bool, String>>), ServiceError> {
        let parsed = Fetcher::parse_url(url)?;
        let norm = cache::key::normalize_url(parsed.as_str())
            .ok_or_else(|| FetchError::BadUrl(url.to_owned()))?;
        let key = Key::for_url(&norm, String::new());
        Ok(self.cache.purge(&key.base).await)
    }

    /// Computes an answer: `Ok` holds what may be cached (an article, or a failure of the
    /// page itself), `Err` what may not.
    async fn compute(&self, input: Input) -> Result<Entry, ServiceError> {
        let remembered = |p: Problem| Ok(Entry::Failure(Arc::new(p)));
        let (input, fetched, requested) = match input.source {
            Source::Url(ref u) => {
                let Some(fetcher) = &self.fetcher else {
                    return Err(PipelineError::FetchDisabled.into());
                };
                let requested = u.clone();
                match fetcher.fetch(u).await {
                    Ok(f) => {
                        let kind = match f.content_type.as_deref() {
                            Some("text/plain") => Some(InputKind::Text),
                            Some(_) => Some(InputKind::Html),
                            None => None,
                        };
                        let next = Input {
                            source: Source::Bytes {
                                bytes: f.body.clone(),
                                kind,
                                charset: f.charset.clone(),
                            },
                            url: Some(f.final_url.clone()),
                            options: input.options,
                        };
                        (next, Some(f), Some(requested))
                    }
                    Err(e) if e.is_cacheable() => return remembered(e.problem()),
                    Err(e) => return Err(e.into()),
                }
            }
            _ => (input, None, None),
        };
        let permit = match self.workers.clone().try_acquire_owned() {
            Ok(p) => p,
            Err(_) => {
                let waiting = self.waiting.fetch_add(1, Ordering::SeqCst);
                let _guard = WaitGuard(&self.waiting);
                if waiting >= self.max_queue {
                    return Err(ServiceError::Overloaded);
                }
                self.workers
                    .clone()
                    .acquire_owned()
                    .await
                    .map_err(|_| ServiceError::Overloaded)?
            }
        };
        let pipeline = self.pipeline.clone();
        let task = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let article = pipeline.run(input);
            article.map(|mut a| {
                let t = &a.meta.timings_ms;
                metrics::histogram!(crate::metrics::EXTRACT_DURATION).record(t.extract / 1e3);
                metrics::histogram!(crate::metrics::NLP_DURATION).record(t.nlp / 1e3);
                if let Some(f) = &fetched {
                    a.url = requested;
                    a.final_url = Some(f.final_url.clone());
                    a.meta.input = "url".to_owned();
                    a.meta.http_status = Some(f.status);
                    a.meta.timings_ms.fetch = f.elapsed_ms;
                }
                a.meta.cache = "miss".to_owned();
                serde_json::to_vec(&a)
            })
        });
        match task.await {
            Err(join) => Err(ServiceError::Internal(join.to_string())),
            Ok(Err(e)) if e.is_cacheable() => remembered(e.problem()),
            Ok(Err(e)) => Err(e.into()),
            Ok(Ok(Err(e))) => Err(ServiceError::Internal(e.to_string())),
            Ok(Ok(Ok(json))) => Ok(Entry::Article(Arc::new(Stored::new(json.into())))),
        }
    }
}
