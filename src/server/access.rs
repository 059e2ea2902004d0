//! Who may call, how much and how many at once: the client's address (X-Forwarded-For only
//! from trusted proxies), load shedding past a global in-flight limit (503 + Retry-After,
//! never an unbounded queue), API keys (`Authorization: Bearer`, off while none are
//! configured), and per-key or per-address token-bucket rate limits (429 + Retry-After).
//! `/healthz` and `/readyz` pass every check; `/metrics` needs a key only when configured.

use super::error::ApiError;
use super::AppState;
use crate::config::{AuthConfig, LimitsConfig};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The client's address as the service sees it (after trusted proxies).
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

struct Bucket {
    tokens: f64,
    last: Instant,
}

/// Token buckets per client, forgotten after ten idle minutes.
struct RateLimiter {
    rate: f64,
    burst: f64,
    buckets: moka::sync::Cache<String, Arc<Mutex<Bucket>>>,
}

impl RateLimiter {
    /// `Ok` to go on, or `Err(seconds)` to wait.
    fn check(&self, who: &str) -> Result<(), u64> {
        let b = self.buckets.get_with_by_ref(who, || {
            Arc::new(Mutex::new(Bucket {
                tokens: self.burst,
                last: Instant::now(),
            }))
        });
        let Ok(mut b) = b.lock() else {
            return Ok(());
        };
        let now = Instant::now();
        let refill = now.duration_since(b.last).as_secs_f64() * self.rate;
        b.tokens = (b.tokens + refill).min(self.burst);
        b.last = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - b.tokens) / self.rate).ceil().max(1.0) as u64)
        }
    }
}

/// The access rules of a running server.
pub struct Access {
    keys: Vec<[u8; 32]>,
    metrics_require_key: bool,
    max_in_flight: usize,
    in_flight: AtomicUsize,
    rate: Option<RateLimiter>,
    trusted: Vec<IpNet>,
}

fn parse_nets(list: &[String], what: &str) -> Result<Vec<IpNet>, String> {
    list.iter()
        .map(|a| {
            let a = a.trim();
            a.parse::<IpNet>()
                .or_else(|_| a.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| format!("{what}: {a:?} is not an address or CIDR"))
        })
        .collect()
}

/// Compares secrets in constant time (their hashes, so lengths do not leak either).
fn same_key(a: &[u8; 32], b: &[u8; 32]) -> bool {
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl Access {
    pub fn new(auth: &AuthConfig, limits: &LimitsConfig) -> Result<Access, String> {
        let keys = auth
            .api_keys
            .iter()
            .map(|k| k.trim())
            .filter(|k| !k.is_empty())
            .map(|k| *blake3::hash(k.as_bytes()).as_bytes())
            .collect();
        let rate = (limits.rate_per_second > 0.0).then(|| RateLimiter {
            rate: limits.rate_per_second,
            burst: limits.rate_burst.max(1.0),
            buckets: moka::sync::Cache::builder()
                .max_capacity(1_000_000)
                .time_to_idle(Duration::from_secs(600))
                .build(),
        });
        Ok(Access {
            keys,
            metrics_require_key: auth.metrics_require_key,
            max_in_flight: limits.max_in_flight.max(1),
            in_flight: AtomicUsize::new(0),
            rate,
            trusted: parse_nets(&limits.trusted_proxies, "limits.trusted_proxies")?,
        })
    }

    fn trusted(&self, ip: IpAddr) -> bool {
        self.trusted.iter().any(|n| n.contains(&ip))
    }

    /// The client: the peer, or — when the peer is a trusted proxy — the last address in
    /// X-Forwarded-For that is not itself a trusted proxy.
    fn client_ip(&self, peer: Option<IpAddr>, req: &Request) -> Option<IpAddr> {
        let peer = peer?;
        if !self.trusted(peer) {
            return Some(peer);
        }
        let mut client = peer;
        let hops: Vec<IpAddr> = req
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|h| h.trim().parse::<IpAddr>().ok())
            .collect();
        for h in hops.into_iter().rev() {
            client = h;
            if !self.trusted(h) {
                break;
            }
        }
        Some(client)
    }

    /// Which key a request carries: `Ok(Some(i))` a valid key, `Ok(None)` none needed,
    /// `Err` refused.
    fn authenticate(&self, req: &Request) -> Result<Option<usize>, ApiError> {
        if self.keys.is_empty() {
            return Ok(None);
        }
        let Some(v) = req.headers().get(header::AUTHORIZATION) else {
            return Err(ApiError::Unauthorized(
                "this service needs an API key: send `Authorization: Bearer <key>`".into(),
            ));
        };
        let v = v.to_str().unwrap_or("");
        let Some(token) = v
            .strip_prefix("Bearer ")
            .or_else(|| v.strip_prefix("bearer "))
        else {
            return Err(ApiError::Unauthorized(
                "the Authorization header must be `Bearer <key>`".into(),
            ));
        };
        let h = *blake3::hash(token.trim().as_bytes()).as_bytes();
        // Check every key, so timing says nothing of which one matched.
        let mut found = None;
        for (i, k) in self.keys.iter().enumerate() {
            if same_key(k, &h) {
                found = Some(i);
            }
        }
        found.map(Some).ok_or(ApiError::Forbidden)
    }
}

struct InFlight<'a>(&'a AtomicUsize);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The access middleware.
pub async fn check(State(st): State<AppState>, mut req: Request, next: Next) -> Response {
    let a = &st.access;
    let path = req.uri().path();
    let health = path == "/healthz" || path == "/readyz";
    let metrics = path == "/metrics";
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let client = a.client_ip(peer, &req);
    if let Some(ip) = client {
        req.extensions_mut().insert(ClientIp(ip));
    }
    if health {
        return next.run(req).await;
    }
    let _slot = if metrics {
        None
    } else {
        let n = a.in_flight.fetch_add(1, Ordering::SeqCst);
        let slot = InFlight(&a.in_flight);
        if n >= a.max_in_flight {
            metrics::counter!(crate::metrics::HTTP_SHED).increment(1);
            return ApiError::Shed(a.max_in_flight).into_response();
        }
        Some(slot)
    };
    let key = if metrics && !a.metrics_require_key {
        None
    } else {
        match a.authenticate(&req) {
            Ok(k) => k,
            Err(e) => {
                let unauthorized = matches!(e, ApiError::Unauthorized(_));
                let mut r = e.into_response();
                if unauthorized {
                    r.headers_mut().insert(
                        header::WWW_AUTHENTICATE,
                        HeaderValue::from_static("Bearer realm=\"vnarticle\""),
                    );
                }
                return r;
            }
        }
    };
    if let (Some(rl), false) = (&a.rate, metrics) {
        let who = match (key, client) {
            (Some(k), _) => format!("key:{k}"),
            (None, Some(ip)) => format!("ip:{ip}"),
            (None, None) => "unknown".to_owned(),
        };
        if let Err(wait) = rl.check(&who) {
            return ApiError::RateLimited(wait).into_response();
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn access(keys: &[&str], trusted: &[&str], rate: f64) -> Access {
        Access::new(
            &AuthConfig {
                api_keys: keys.iter().map(|s| s.to_string()).collect(),
                metrics_require_key: false,
            },
            &LimitsConfig {
                max_in_flight: 10,
                rate_per_second: rate,
                rate_burst: 2.0,
                trusted_proxies: trusted.iter().map(|s| s.to_string()).collect(),
            },
        )
        .expect("access")
    }

    fn req(xff: Option<&str>) -> Request {
        let mut b = axum::http::Request::builder().uri("/v1/extract");
        if let Some(x) = xff {
            b = b.header("x-forwarded-for", x);
        }
        b.body(axum::body::Body::empty()).expect("request")
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let a = access(&[], &["10.0.0.0/8"], 0.0);
        let ip = |s: &str| s.parse::<IpAddr>().expect("ip");
        // From an untrusted peer the header is ignored.
        assert_eq!(
            a.client_ip(Some(ip("203.0.113.9")), &req(Some("1.2.3.4"))),
            Some(ip("203.0.113.9"))
        );
        // From a trusted proxy: the last untrusted hop.
        assert_eq!(
            a.client_ip(
                Some(ip("10.0.0.5")),
                &req(Some("6.6.6.6, 1.2.3.4, 10.0.0.7"))
            ),
            Some(ip("1.2.3.4"))
        );
        assert_eq!(
            a.client_ip(Some(ip("10.0.0.5")), &req(None)),
            Some(ip("10.0.0.5"))
        );
    }

    #[test]
    fn buckets_refill_at_the_rate() {
        let a = access(&[], &[], 1.0);
        let rl = a.rate.as_ref().expect("limiter");
        assert!(rl.check("x").is_ok());
        assert!(rl.check("x").is_ok());
        assert_eq!(rl.check("x"), Err(1));
        assert!(rl.check("y").is_ok(), "another client has its own bucket");
    }

    #[test]
    fn keys_are_checked() {
        let a = access(&["s3cret", "other"], &[], 0.0);
        let mut r = req(None);
        assert!(matches!(a.authenticate(&r), Err(ApiError::Unauthorized(_))));
        r.headers_mut().insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer nope"),
        );
        assert!(matches!(a.authenticate(&r), Err(ApiError::Forbidden)));
        r.headers_mut().insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer other"),
        );
        assert_eq!(a.authenticate(&r).ok(), Some(Some(1)));
    }
}
