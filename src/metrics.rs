//! Metrics: names and label sets in one place, recorded through the `metrics` facade from any
//! layer, exported in the Prometheus text format by `GET /metrics`. The recorder is installed
//! once per process.

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::Duration;

pub const HTTP_REQUESTS: &str = "vnarticle_http_requests_total";
pub const HTTP_DURATION: &str = "vnarticle_http_request_duration_seconds";
pub const HTTP_IN_FLIGHT: &str = "vnarticle_http_requests_in_flight";
pub const HTTP_SHED: &str = "vnarticle_http_requests_shed_total";
pub const CACHE_REQUESTS: &str = "vnarticle_cache_requests_total";
pub const CACHE_MEMORY_BYTES: &str = "vnarticle_cache_memory_bytes";
pub const CACHE_MEMORY_ENTRIES: &str = "vnarticle_cache_memory_entries";
pub const FETCH_DURATION: &str = "vnarticle_fetch_duration_seconds";
pub const FETCH_ERRORS: &str = "vnarticle_fetch_errors_total";
pub const EXTRACT_DURATION: &str = "vnarticle_extract_duration_seconds";
pub const NLP_DURATION: &str = "vnarticle_nlp_duration_seconds";
pub const BUILD_INFO: &str = "vnarticle_build_info";
pub const BATCH_ITEMS: &str = "vnarticle_batch_items_total";

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the recorder (once) and returns the handle that renders the metrics; `None` when
/// another recorder was installed first by the embedding program.
pub fn init() -> Option<PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            let seconds = [
                0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
                10.0, 30.0,
            ];
            let builder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), &seconds)
                .ok()?;
            let handle = builder.install_recorder().ok()?;
            metrics::describe_counter!(
                HTTP_REQUESTS,
                "HTTP requests answered, by route and status"
            );
            metrics::describe_histogram!(
                HTTP_DURATION,
                metrics::Unit::Seconds,
                "HTTP request latency, by route"
            );
            metrics::describe_gauge!(HTTP_IN_FLIGHT, "HTTP requests being handled now");
            metrics::describe_counter!(HTTP_SHED, "requests refused by the in-flight limit (503)");
            metrics::describe_counter!(
                CACHE_REQUESTS,
                "cache look-ups, by tier (memory, redis) and result (hit, miss, error, skipped)"
            );
            metrics::describe_gauge!(CACHE_MEMORY_BYTES, "bytes held by the memory tier");
            metrics::describe_gauge!(CACHE_MEMORY_ENTRIES, "entries held by the memory tier");
            metrics::describe_histogram!(
                FETCH_DURATION,
                metrics::Unit::Seconds,
                "time to fetch a page (redirects and body)"
            );
            metrics::describe_counter!(FETCH_ERRORS, "failed fetches, by kind (the problem slug)");
            metrics::describe_histogram!(
                EXTRACT_DURATION,
                metrics::Unit::Seconds,
                "time to extract a document from a page"
            );
            metrics::describe_histogram!(
                NLP_DURATION,
                metrics::Unit::Seconds,
                "time of the date and entity passes of one article"
            );
            metrics::describe_gauge!(BUILD_INFO, "1, labelled with the version and build id");
            metrics::describe_counter!(
                BATCH_ITEMS,
                "batch lines answered, by outcome (ok, problem)"
            );
            metrics::gauge!(BUILD_INFO, "version" => crate::VERSION, "build" => crate::BUILD_ID)
                .set(1.0);
            // Histograms are drained into their summaries by periodic upkeep.
            if let Ok(rt) = tokio::runtime::Handle::try_current() {
                let h = handle.clone();
                rt.spawn(async move {
                    let mut tick = tokio::time::interval(Duration::from_secs(5));
                    loop {
                        tick.tick().await;
                        h.run_upkeep();
                    }
                });
            }
            Some(handle)
        })
        .clone()
}

/// Records one cache look-up.
pub fn cache(tier: &'static str, result: &'static str) {
    metrics::counter!(CACHE_REQUESTS, "tier" => tier, "result" => result).increment(1);
}
