//! Fetching pages by URL: http/https only, every hop checked by the SSRF guard, redirects
//! followed by hand (at most N), connect and total timeouts, a body-size limit enforced while
//! streaming, gzip/brotli/deflate, non-HTML content refused before its body is read, and
//! politeness per host (a concurrency bound and the origin's `Retry-After`).

pub mod guard;
pub mod hosts;

use crate::config::FetchConfig;
use crate::problem::Problem;
use bytes::{Bytes, BytesMut};
use guard::{Blocked, Guard, GuardedResolver, NotFound};
use hosts::Hosts;
use reqwest::header::{HeaderMap, ACCEPT, ACCEPT_LANGUAGE, CONTENT_LENGTH, CONTENT_TYPE};
use reqwest::header::{LOCATION, RETRY_AFTER};
use std::sync::Arc;
use std::time::{Duration, Instant};
use thiserror::Error;

/// Why a page could not be fetched.
#[derive(Debug, Clone, Error)]
pub enum FetchError {
    #[error("url {0:?} is not an absolute http(s) URL")]
    BadUrl(String),
    #[error("{0}")]
    Blocked(Blocked),
    #[error("{0}")]
    Dns(String),
    #[error("could not connect to {host}: {reason}")]
    Connect { host: String, reason: String },
    #[error("the origin did not answer within {0} ms")]
    Timeout(u64),
    #[error("the origin answered HTTP {status}{}", retry_after.map(|s| format!(" and asked to retry after {s} s")).unwrap_or_default())]
    Status {
        status: u16,
        retry_after: Option<u64>,
    },
    #[error("{host} asked (HTTP {status}) not to be fetched again yet; not contacted, retry after {retry_after} s")]
    Backoff {
        host: String,
        status: u16,
        retry_after: u64,
    },
    #[error("the page is larger than the fetch limit of {0} bytes")]
    TooLarge(usize),
    #[error("more than {0} redirects")]
    TooManyRedirects(usize),
    #[error("a redirect without a usable Location header")]
    BadRedirect,
    #[error("the page is {0}, not HTML or text")]
    UnsupportedContent(String),
    #[error("the connection to the origin failed: {0}")]
    Upstream(String),
}

impl FetchError {
    /// The problem document (status and slug) for this failure.
    pub fn problem(&self) -> Problem {
        let d = self.to_string();
        match self {
            FetchError::BadUrl(_) => Problem::new("invalid-url", 400, "Invalid URL", d),
            FetchError::Blocked(b) => {
                Problem::new("blocked-address", 403, "Address not allowed", d)
                    .with("address", b.addr.to_string())
            }
            FetchError::Dns(_) => Problem::new("dns-failure", 502, "Name not resolved", d),
            FetchError::Connect { .. } => {
                Problem::new("upstream-unreachable", 502, "Origin unreachable", d)
            }
            FetchError::Timeout(ms) => {
                Problem::new("upstream-timeout", 504, "Origin timed out", d).with("timeout_ms", *ms)
            }
            FetchError::Status {
                status,
                retry_after,
            } => {
                let p = Problem::new("upstream-status", 502, "Origin answered with an error", d)
                    .with("upstream_status", *status);
                match retry_after {
                    Some(s) => p.with("retry_after", *s),
                    None => p,
                }
            }
            FetchError::Backoff {
                status,
                retry_after,
                ..
            } => Problem::new("upstream-backoff", 502, "Origin asked to wait", d)
                .with("upstream_status", *status)
                .with("retry_after", *retry_after),
            FetchError::TooLarge(limit) => Problem::new("too-large", 502, "Page too large", d)
                .with("limit_bytes", *limit as u64),
            FetchError::TooManyRedirects(_) | FetchError::BadRedirect => {
                Problem::new("too-many-redirects", 502, "Redirects not followed", d)
            }
            FetchError::UnsupportedContent(ct) => {
                Problem::new("unsupported-content", 422, "Unsupported content", d)
                    .with("content_type", ct.clone())
            }
            FetchError::Upstream(_) => Problem::new("upstream-error", 502, "Origin failed", d),
        }
    }

    /// Failures worth remembering for a short while (a dead origin is not hammered); the
    /// caller's own mistakes and our guard's refusals are cheap to repeat.
    pub fn is_cacheable(&self) -> bool {
        !matches!(
            self,
            FetchError::BadUrl(_) | FetchError::Blocked(_) | FetchError::Backoff { .. }
        )
    }
}

/// A fetched page.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub body: Bytes,
    /// The media type the origin declared (`text/html`), if any.
    pub content_type: Option<String>,
    /// The charset the origin declared in `Content-Type`, if any.
    pub charset: Option<String>,
    /// The address after redirects.
    pub final_url: String,
    pub status: u16,
    pub elapsed_ms: f64,
}

/// The fetcher. Cheap to clone; one per process.
#[derive(Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    guard: Guard,
    hosts: Arc<Hosts>,
    cfg: Arc<FetchConfig>,
}

const MEDIA_OK: [&str; 3] = ["text/html", "application/xhtml+xml", "text/plain"];

impl Fetcher {
    pub fn new(cfg: &FetchConfig) -> Result<Fetcher, String> {
        let guard = Guard::new(&cfg.allow_addresses)?;
        let mut headers = HeaderMap::new();
        headers.insert(
            ACCEPT,
            reqwest::header::HeaderValue::from_static(
                "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
            ),
        );
        headers.insert(
            ACCEPT_LANGUAGE,
            reqwest::header::HeaderValue::from_static("vi,en;q=0.5"),
        );
        let mut b = reqwest::Client::builder()
            .user_agent(cfg.user_agent.replace("{version}", crate::VERSION))
            .default_headers(headers)
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_millis(cfg.connect_timeout_ms))
            .timeout(Duration::from_millis(cfg.timeout_ms))
            .dns_resolver(Arc::new(GuardedResolver(guard.clone())))
            .pool_idle_timeout(Duration::from_secs(30))
            .gzip(true)
            .brotli(true)
            .deflate(true);
        b = if cfg.proxy.trim().is_empty() {
            b.no_proxy()
        } else {
            let p = reqwest::Proxy::all(cfg.proxy.trim())
                .map_err(|e| format!("fetch.proxy {:?}: {e}", cfg.proxy))?;
            b.proxy(p)
        };
        let client = b.build().map_err(|e| format!("HTTP client: {e}"))?;
        Ok(Fetcher {
            client,
            guard,
            hosts: Arc::new(Hosts::new(
                cfg.per_host_concurrency,
                Duration::from_secs(cfg.max_retry_after_seconds),
            )),
            cfg: Arc::new(cfg.clone()),
        })
    }

    /// Checks that `url` is an absolute http(s) URL and returns it parsed.
    pub fn parse_url(url: &str) -> Result<url::Url, FetchError> {
        match url::Url::parse(url.trim()) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => Ok(u),
            _ => Err(FetchError::BadUrl(url.to_owned())),
        }
    }

    /// Fetches a page: the whole exchange (redirects and body) within the total timeout.
    pub async fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        let start = Instant::now();
        let url = Fetcher::parse_url(url)?;
        let total = Duration::from_millis(self.cfg.timeout_ms);
        let r = match tokio::time::timeout(total, self.follow(url)).await {
            Ok(Ok(mut f)) => {
                f.elapsed_ms = (start.elapsed().as_secs_f64() * 1e6).round() / 1e3;
                metrics::histogram!(crate::metrics::FETCH_DURATION)
                    .record(start.elapsed().as_secs_f64());
                Ok(f)
            }
            Ok(Err(e)) => Err(e),
            Err(_) => Err(FetchError::Timeout(self.cfg.timeout_ms)),
        };
        if let Err(e) = &r {
            let kind = e.problem().slug().to_owned();
            metrics::counter!(crate::metrics::FETCH_ERRORS, "kind" => kind).increment(1);
        }
        r
    }

    /// Checks a hop's host before any connection: IP literals here (the client does not
    /// resolve them), names through the guarded resolver when a proxy would resolve them.
    async fn check_hop(&self, url: &url::Url) -> Result<(), FetchError> {
        match url.host() {
            Some(url::Host::Ipv4(ip)) => self
                .guard
                .check(&ip.to_string(), ip.into())
                .map_err(FetchError::Blocked),
            Some(url::Host::Ipv6(ip)) => self
                .guard
                .check(&ip.to_string(), ip.into())
                .map_err(FetchError::Blocked),
            Some(url::Host::Domain(d)) => {
                if self.cfg.proxy.trim().is_empty() {
                    return Ok(());
                }
                self.guard.resolve(d).await.map(|_| ()).map_err(|e| {
                    classify_boxed(&*e).unwrap_or_else(|| FetchError::Dns(e.to_string()))
                })
            }
            None => Err(FetchError::BadUrl(url.to_string())),
        }
    }

    async fn follow(&self, mut url: url::Url) -> Result<Fetched, FetchError> {
        let max = self.cfg.max_redirects;
        for _hop in 0..=max {
            self.check_hop(&url).await?;
            let host = host_key(&url);
            if let Some(b) = self.hosts.backoff(&host) {
                return Err(FetchError::Backoff {
                    host,
                    status: b.status,
                    retry_after: b.remaining_secs(),
                });
            }
            let _slot = self.hosts.slot(&host).await;
            let resp = self
                .client
                .get(url.clone())
                .send()
                .await
                .map_err(|e| self.classify(&e, &url))?;
            let status = resp.status();
            if status.is_redirection() {
                if let Some(loc) = resp.headers().get(LOCATION) {
                    let loc = loc.to_str().map_err(|_| FetchError::BadRedirect)?;
                    let next = url.join(loc).map_err(|_| FetchError::BadRedirect)?;
                    if !matches!(next.scheme(), "http" | "https") {
                        return Err(FetchError::BadUrl(next.to_string()));
                    }
                    url = next;
                    continue;
                }
                if status.as_u16() != 304 {
                    return Err(FetchError::BadRedirect);
                }
            }
            if !status.is_success() {
                let retry_after = resp
                    .headers()
                    .get(RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(parse_retry_after)
                    .map(|s| s.min(self.cfg.max_retry_after_seconds));
                let code = status.as_u16();
                if let (Some(s), 429 | 503) = (retry_after, code) {
                    if s > 0 {
                        self.hosts.set_backoff(&host, Duration::from_secs(s), code);
                    }
                }
                return Err(FetchError::Status {
                    status: code,
                    retry_after,
                });
            }
            let ct = resp
                .headers()
                .get(CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            let (media, charset) = match ct.as_deref().map(|c| c.parse::<mime::Mime>()) {
                Some(Ok(m)) => (
                    Some(m.essence_str().to_ascii_lowercase()),
                    m.get_param(mime::CHARSET).map(|c| c.as_str().to_owned()),
                ),
                Some(Err(_)) => (ct.clone(), None),
                None => (None, None),
            };
            if let Some(m) = &media {
                if !MEDIA_OK.contains(&m.as_str()) {
                    return Err(FetchError::UnsupportedContent(m.clone()));
                }
            }
            let limit = self.cfg.max_bytes;
            let declared = resp
                .headers()
                .get(CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<u64>().ok());
            // A compressed body's declared length says nothing of its decoded size; the
            // streaming check below catches both.
            if declared.is_some_and(|n| n > limit as u64)
                && resp.headers().get("content-encoding").is_none()
            {
                return Err(FetchError::TooLarge(limit));
            }
            let final_url = url.to_string();
            let body = read_limited(resp, limit).await.map_err(|e| match e {
                ReadError::TooLarge => FetchError::TooLarge(limit),
                ReadError::Client(e) => self.classify(&e, &url),
            })?;
            return Ok(Fetched {
                body,
                content_type: media,
                charset,
                final_url,
                status: status.as_u16(),
                elapsed_ms: 0.0,
            });
        }
        Err(FetchError::TooManyRedirects(max))
    }

    fn classify(&self, e: &reqwest::Error, url: &url::Url) -> FetchError {
        if let Some(f) = classify_boxed(e) {
            return f;
        }
        if e.is_timeout() {
            return FetchError::Timeout(self.cfg.timeout_ms);
        }
        if e.is_connect() {
            return FetchError::Connect {
                host: url.host_str().unwrap_or("").to_owned(),
                reason: root_cause(e),
            };
        }
        FetchError::Upstream(root_cause(e))
    }
}

/// Finds our resolver's errors in a client error's chain of causes.
fn classify_boxed(e: &(dyn std::error::Error + 'static)) -> Option<FetchError> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(b) = err.downcast_ref::<Blocked>() {
            return Some(FetchError::Blocked(b.clone()));
        }
        if let Some(n) = err.downcast_ref::<NotFound>() {
            return Some(FetchError::Dns(n.to_string()));
        }
        cur = err.source();
    }
    None
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur: &(dyn std::error::Error + 'static) = e;
    while let Some(s) = cur.source() {
        cur = s;
    }
    cur.to_string()
}

/// `host:port` (lower-case) — the unit of politeness.
fn host_key(url: &url::Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or("").to_ascii_lowercase(),
        url.port_or_known_default().unwrap_or(0)
    )
}

/// `Retry-After`: delay-seconds or an HTTP date.
pub fn parse_retry_after(v: &str) -> Option<u64> {
    let v = v.trim();
    if let Ok(s) = v.parse::<u64>() {
        return Some(s);
    }
    let when = jiff::fmt::rfc2822::DateTimeParser::new()
        .parse_timestamp(v)
        .ok()?;
    let secs = when.as_second() - jiff::Timestamp::now().as_second();
    Some(secs.max(0) as u64)
}

enum ReadError {
    TooLarge,
    Client(reqwest::Error),
}

/// Reads a body, aborting as soon as it passes `limit` bytes (decoded).
async fn read_limited(mut resp: reqwest::Response, limit: usize) -> Result<Bytes, ReadError> {
    let mut buf = BytesMut::new();
    while let Some(chunk) = resp.chunk().await.map_err(ReadError::Client)? {
        if buf.len() + chunk.len() > limit {
            return Err(ReadError::TooLarge);
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(buf.freeze())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after("120"), Some(120));
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT"), Some(0));
        let later = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(3600);
        let s = jiff::fmt::rfc2822::DateTimePrinter::new()
            .timestamp_to_rfc9110_string(&later)
            .expect("printable");
        let got = parse_retry_after(&s).expect("parsed");
        assert!((3590..=3600).contains(&got), "{got}");
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn resolver_errors_are_told_apart() {
        // What the guarded resolver returns, as the client wraps it: found in the chain.
        let not_found: Box<dyn std::error::Error + Send + Sync> = Box::new(NotFound {
            host: "no-such-host.example".into(),
            reason: "failed to lookup address information".into(),
        });
        let e = classify_boxed(&*not_found).expect("classified");
        assert!(matches!(e, FetchError::Dns(_)));
        let p = e.problem();
        assert_eq!((p.slug(), p.status), ("dns-failure", 502));
        let blocked: Box<dyn std::error::Error + Send + Sync> = Box::new(Blocked {
            host: "internal.example".into(),
            addr: "10.0.0.1".parse().expect("ip"),
            class: "private",
        });
        let e = classify_boxed(&*blocked).expect("classified");
        assert_eq!(e.problem().status, 403);
        assert!(e
            .to_string()
            .contains("internal.example resolves to 10.0.0.1"));
    }

    #[test]
    fn urls_must_be_http() {
        assert!(Fetcher::parse_url("https://vnexpress.net/a.html").is_ok());
        for bad in [
            "ftp://x/y",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "vnexpress.net",
            "",
        ] {
            assert!(Fetcher::parse_url(bad).is_err(), "{bad}");
        }
    }
}
