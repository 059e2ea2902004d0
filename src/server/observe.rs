//! Request metrics (count by route and status, latency by route, requests in flight) and the
//! `GET /metrics` route in the Prometheus text format.

use super::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Instant;

struct InFlight;

impl Drop for InFlight {
    fn drop(&mut self) {
        metrics::gauge!(crate::metrics::HTTP_IN_FLIGHT).decrement(1.0);
    }
}

/// Records one request. The route is the matched pattern (`/v1/extract`), never the raw
/// path, so unknown paths cannot grow the label set.
pub async fn record(req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    metrics::gauge!(crate::metrics::HTTP_IN_FLIGHT).increment(1.0);
    let _guard = InFlight;
    let t0 = Instant::now();
    let resp = next.run(req).await;
    let secs = t0.elapsed().as_secs_f64();
    metrics::histogram!(crate::metrics::HTTP_DURATION, "route" => route.clone()).record(secs);
    metrics::counter!(
        crate::metrics::HTTP_REQUESTS,
        "route" => route,
        "status" => resp.status().as_u16().to_string()
    )
    .increment(1);
    resp
}

/// `GET /metrics`.
#[utoipa::path(
    get,
    path = "/metrics",
    tag = "operations",
    responses(
        (status = 200, description = "Prometheus text format", body = String, content_type = "text/plain; version=0.0.4"),
        (status = 401, description = "unauthorized (only with auth.metrics_require_key)", body = crate::problem::Problem, content_type = "application/problem+json")
    )
)]
pub async fn metrics(State(st): State<AppState>) -> Response {
    let (bytes, entries) = st.service.cache.memory_usage().await;
    metrics::gauge!(crate::metrics::CACHE_MEMORY_BYTES).set(bytes as f64);
    metrics::gauge!(crate::metrics::CACHE_MEMORY_ENTRIES).set(entries as f64);
    let body = st
        .metrics
        .as_ref()
        .map(|h| h.render())
        .unwrap_or_else(|| "# metrics recorder not installed in this process\n".to_owned());
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        body,
    )
        .into_response()
}
