//! Route handlers: `/v1/extract` (JSON, raw HTML or raw text bodies; GET with `?url=`),
//! `/healthz` and `/readyz`. Request decoding lives here; the work is the pipeline's.

use super::error::ApiError;
use super::respond;
use super::AppState;
use crate::article::Article;
use crate::extract::InputKind;
use crate::pipeline::{CacheMode, Input, Options, Source};
use crate::problem::Problem;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// The JSON form of `POST /v1/extract`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtractRequest {
    pub url: Option<String>,
    pub html: Option<String>,
    pub text: Option<String>,
    #[serde(default)]
    pub options: Options,
}

/// Query parameters accepted with raw bodies and with GET.
#[derive(Debug, Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExtractQuery {
    /// GET: the page to fetch. POST with a raw body: the page's address (never fetched).
    pub url: Option<String>,
    /// ISO date or datetime for year-less and relative dates when the page has no publication time.
    pub reference_date: Option<String>,
    /// `default`, `refresh` (compute, then store) or `bypass` (neither read nor write).
    #[param(inline)]
    pub cache: Option<CacheMode>,
}

/// `GET /healthz`: liveness.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "operations",
    responses((status = 200, description = "The process is serving", body = super::openapi::Health))
)]
pub async fn healthz() -> impl IntoResponse {
    Json(serde_json::json!({"status": "ok"}))
}

/// `GET /readyz`: 503 while shutting down; otherwise ready, and "degraded" (still 200) when
/// the shared cache does not answer: requests are then served from memory.
#[utoipa::path(
    get,
    path = "/readyz",
    tag = "operations",
    responses(
        (status = 200, description = "Ready (or degraded: Redis down, serving from memory)", body = super::openapi::Ready),
        (status = 503, description = "Shutting down", body = super::openapi::Ready)
    )
)]
pub async fn readyz(State(st): State<AppState>) -> Response {
    if st.shutting_down.load(Ordering::Relaxed) {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({"status": "shutting down"})),
        )
            .into_response();
    }
    let cache = &st.service.cache;
    let (bytes, entries) = cache.memory_usage().await;
    let mut checks = serde_json::json!({
        "memory_cache": {
            "status": if cache.is_enabled() { "ok" } else { "off" },
            "entries": entries,
            "bytes": bytes,
        }
    });
    let mut status = "ready";
    if let Some(r) = cache.redis() {
        let up = r.ping().await;
        if !up {
            status = "degraded";
        }
        checks["redis"] = serde_json::json!({
            "status": if up { "ok" } else { "down" },
            "detail": if up { "shared cache answering" } else { "shared cache not answering: serving from memory only" },
        });
    }
    Json(serde_json::json!({"status": status, "checks": checks})).into_response()
}

/// Parses a JSON object body into a request type: 400 `invalid-json` when it is not a JSON
/// object, 400 `invalid-request` when its members do not fit.
fn parse_json_request<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let v: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ApiError::InvalidJson(e.to_string()))?;
    if !v.is_object() {
        return Err(ApiError::InvalidJson(
            "the body must be a JSON object".into(),
        ));
    }
    serde_json::from_value(v).map_err(|e| ApiError::InvalidRequest(e.to_string()))
}

pub(crate) fn json_to_input(req: ExtractRequest, query: ExtractQuery) -> Result<Input, ApiError> {
    let mut options = req.options;
    if options.reference_date.is_none() {
        options.reference_date = query.reference_date;
    }
    if let Some(c) = query.cache {
        if options.cache == CacheMode::Default {
            options.cache = c;
        }
    }
    let url = req.url.or(query.url);
    let source = match (req.html, req.text) {
        (Some(_), Some(_)) => {
            return Err(ApiError::InvalidRequest(
                "give either `html` or `text`, not both".into(),
            ))
        }
        (Some(h), None) => Source::Html(h),
        (None, Some(t)) => Source::Text(t),
        (None, None) => match &url {
            Some(u) => Source::Url(u.clone()),
            None => {
                return Err(ApiError::InvalidRequest(
                    "the request needs `html`, `text` or `url`".into(),
                ))
            }
        },
    };
    let url = if matches!(source, Source::Url(_)) {
        None
    } else {
        url
    };
    Ok(Input {
        source,
        url,
        options,
    })
}

/// `POST /v1/extract`.
#[utoipa::path(
    post,
    path = "/v1/extract",
    tag = "extract",
    params(ExtractQuery,
        ("Cache-Control" = Option<String>, Header, description = "`no-cache`: refresh; `no-store`: bypass the cache")),
    request_body(
        description = "A JSON request (`html`, `text` or `url` alone), or the raw page as text/html or text/plain (charset honoured, else detected; `?url=` gives its address)",
        content(
            (ExtractRequest = "application/json"),
            (String = "text/html"),
            (String = "text/plain")
        )
    ),
    responses(
        (status = 200, description = "The article", body = Article,
            headers(("ETag" = String, description = "Weak tag of the article"),
                    ("X-Cache" = String, description = "hit; tier=memory | hit; tier=redis | miss | bypass"))),
        (status = 413, description = "too-large: the body exceeds server.max_body_bytes", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "unsupported-media-type", body = Problem, content_type = "application/problem+json"),
        (status = 400, description = "invalid-json, invalid-request, empty-body, invalid-reference-date, invalid-url", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "unauthorized", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "forbidden, blocked-address", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "no-article, unsupported-content, too-deep", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "rate-limited", body = Problem, content_type = "application/problem+json"),
        (status = 502, description = "upstream-status, upstream-backoff, dns-failure, upstream-unreachable, upstream-error, too-many-redirects, too-large", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "timeout, overloaded", body = Problem, content_type = "application/problem+json"),
        (status = 504, description = "upstream-timeout", body = Problem, content_type = "application/problem+json"),
        (status = 501, description = "fetch-disabled", body = Problem, content_type = "application/problem+json")
    ),
    security((), ("api_key" = []))
)]
pub async fn extract_post(
    State(st): State<AppState>,
    Query(query): Query<ExtractQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let limit = st.config.server.max_body_bytes;
    let bytes = read_body(body, limit).await?;
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let input = match ct.as_deref().map(|c| c.parse::<mime::Mime>()) {
        None => {
            let trimmed = bytes.iter().position(|b| !b.is_ascii_whitespace());
            if trimmed.is_some_and(|p| bytes[p] == b'{') {
                json_to_input(parse_json_request(&bytes)?, query)?
            } else {
                raw_input(bytes, None, None, query)
            }
        }
        Some(Err(_)) => return Err(ApiError::UnsupportedMediaType(ct.unwrap_or_default())),
        Some(Ok(m)) => {
            let charset = m.get_param(mime::CHARSET).map(|c| c.as_str().to_owned());
            let essence = m.essence_str().to_ascii_lowercase();
            match essence.as_str() {
                "application/json" => json_to_input(parse_json_request(&bytes)?, query)?,
                e if e.ends_with("+json") => json_to_input(parse_json_request(&bytes)?, query)?,
                "application/x-www-form-urlencoded" => {
                    // curl -d '{…}' sends JSON under the form type.
                    let trimmed = bytes.iter().position(|b| !b.is_ascii_whitespace());
                    if trimmed.is_some_and(|p| bytes[p] == b'{') {
                        json_to_input(parse_json_request(&bytes)?, query)?
                    } else {
                        return Err(ApiError::UnsupportedMediaType(essence));
                    }
                }
                "text/html" | "application/xhtml+xml" => {
                    raw_input(bytes, Some(InputKind::Html), charset, query)
                }
                "text/plain" => raw_input(bytes, Some(InputKind::Text), charset, query),
                "application/octet-stream" => raw_input(bytes, None, charset, query),
                _ => return Err(ApiError::UnsupportedMediaType(essence)),
            }
        }
    };
    run(&st, input, &headers, false).await
}

fn raw_input(
    bytes: bytes::Bytes,
    kind: Option<InputKind>,
    charset: Option<String>,
    query: ExtractQuery,
) -> Input {
    Input {
        source: Source::Bytes {
            bytes,
            kind,
            charset,
        },
        url: query.url,
        options: Options {
            reference_date: query.reference_date,
            cache: query.cache.unwrap_or_default(),
        },
    }
}

/// Reads a request body of at most `limit` bytes. A larger body is answered 413, but only
/// after reading (and dropping) what the client sends, up to a bound, so that clients that
/// write the whole body before reading the answer see the 413 and not a broken connection.
async fn read_body(body: Body, limit: usize) -> Result<bytes::Bytes, ApiError> {
    use http_body_util::BodyExt;
    let drain_cap = limit.saturating_mul(8).max(64 * 1024 * 1024);
    let mut body = body;
    let mut buf = bytes::BytesMut::new();
    let mut seen = 0usize;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let frame = match tokio::time::timeout_at(deadline, body.frame()).await {
            Err(_) if seen > limit => return Err(ApiError::TooLarge(limit)),
            Err(_) => {
                return Err(ApiError::InvalidRequest(
                    "the body was not sent in time".into(),
                ))
            }
            Ok(None) => break,
            Ok(Some(Err(e))) if seen > limit => {
                tracing::debug!("body stream ended early after the limit: {e}");
                return Err(ApiError::TooLarge(limit));
            }
            Ok(Some(Err(e))) => {
                return Err(ApiError::InvalidRequest(format!(
                    "could not read the body: {e}"
                )))
            }
            Ok(Some(Ok(f))) => f,
        };
        if let Ok(data) = frame.into_data() {
            seen = seen.saturating_add(data.len());
            if seen <= limit {
                buf.extend_from_slice(&data);
            } else {
                buf = bytes::BytesMut::new();
                if seen > drain_cap {
                    return Err(ApiError::TooLarge(limit));
                }
            }
        }
    }
    if seen > limit {
        return Err(ApiError::TooLarge(limit));
    }
    Ok(buf.freeze())
}

/// The media type of a request's `Content-Type`, lower-cased, without parameters ("" if none).
pub(crate) fn media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The JSON body of `POST /v1/analyze`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnalyzeRequest {
    pub text: String,
    pub reference_date: Option<String>,
}

/// `POST /v1/analyze`: dates and entities of a text that is already clean.
#[utoipa::path(
    post,
    path = "/v1/analyze",
    tag = "analyze",
    request_body(content = AnalyzeRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Dates and entities (offsets in code points of the NFC text, field `text`)", body = crate::pipeline::TextAnalysis),
        (status = 400, description = "invalid-json, invalid-request, invalid-reference-date", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "unauthorized", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "forbidden", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "too-large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "unsupported-media-type", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "rate-limited", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "overloaded", body = Problem, content_type = "application/problem+json")
    ),
    security((), ("api_key" = []))
)]
pub async fn analyze(
    State(st): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let limit = st.config.server.max_body_bytes;
    let bytes = read_body(body, limit).await?;
    let essence = media_type(&headers);
    let is_json_like = essence.is_empty()
        || essence == "application/json"
        || essence.ends_with("+json")
        || essence == "application/x-www-form-urlencoded";
    if !is_json_like {
        return Err(ApiError::UnsupportedMediaType(essence));
    }
    let req: AnalyzeRequest = parse_json_request(&bytes)?;
    let pipeline = st.pipeline.clone();
    let result = tokio::task::spawn_blocking(move || {
        pipeline.analyze(&req.text, req.reference_date.as_deref())
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))??;
    let body = serde_json::to_vec(&result).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// `GET /v1/extract?url=…`.
#[utoipa::path(
    get,
    path = "/v1/extract",
    tag = "extract",
    params(ExtractQuery,
        ("If-None-Match" = Option<String>, Header, description = "An ETag from an earlier answer: 304 when it still matches"),
        ("Cache-Control" = Option<String>, Header, description = "`no-cache`: refresh; `no-store`: bypass the cache")),
    responses(
        (status = 200, description = "The article of the fetched page", body = Article,
            headers(("ETag" = String, description = "Weak tag of the article"),
                    ("X-Cache" = String, description = "hit; tier=memory | hit; tier=redis | miss | bypass"))),
        (status = 304, description = "Not modified: the If-None-Match tag matches"),
        (status = 400, description = "invalid-json, invalid-request, empty-body, invalid-reference-date, invalid-url", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "unauthorized", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "forbidden, blocked-address", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "no-article, unsupported-content, too-deep", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "rate-limited", body = Problem, content_type = "application/problem+json"),
        (status = 502, description = "upstream-status, upstream-backoff, dns-failure, upstream-unreachable, upstream-error, too-many-redirects, too-large", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "timeout, overloaded", body = Problem, content_type = "application/problem+json"),
        (status = 504, description = "upstream-timeout", body = Problem, content_type = "application/problem+json"),
        (status = 501, description = "fetch-disabled", body = Problem, content_type = "application/problem+json")
    ),
    security((), ("api_key" = []))
)]
pub async fn extract_get(
    State(st): State<AppState>,
    Query(query): Query<ExtractQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let Some(url) = query.url.clone() else {
        return Err(ApiError::InvalidRequest(
            "GET /v1/extract needs a `url` query parameter; POST a page body instead".into(),
        ));
    };
    let input = Input {
        source: Source::Url(url),
        url: None,
        options: Options {
            reference_date: query.reference_date,
            cache: query.cache.unwrap_or_default(),
        },
    };
    run(&st, input, &headers, true).await
}

/// The cache mode a request's `Cache-Control` asks for: `no-store` bypasses the cache,
/// `no-cache` refreshes it; the stricter of the header and the options wins.
fn cache_mode(headers: &HeaderMap, asked: CacheMode) -> CacheMode {
    let mut mode = asked;
    for v in headers
        .get_all(header::CACHE_CONTROL)
        .iter()
        .filter_map(|v| v.to_str().ok())
    {
        for d in v.split(',').map(|d| d.trim().to_ascii_lowercase()) {
            match d.as_str() {
                "no-store" => mode = CacheMode::Bypass,
                "no-cache" | "max-age=0" if mode == CacheMode::Default => mode = CacheMode::Refresh,
                _ => {}
            }
        }
    }
    mode
}

async fn run(
    st: &AppState,
    mut input: Input,
    headers: &HeaderMap,
    conditional: bool,
) -> Result<Response, ApiError> {
    input.options.cache = cache_mode(headers, input.options.cache);
    let served = extract_timed(st, input).await?;
    Ok(respond::served(served, headers, conditional))
}

/// One extraction through the service, within `server.request_timeout_ms`.
pub(crate) async fn extract_timed(
    st: &AppState,
    input: Input,
) -> Result<crate::service::Served, ApiError> {
    let ms = st.config.server.request_timeout_ms;
    match tokio::time::timeout(Duration::from_millis(ms), st.service.extract(input)).await {
        Err(_) => Err(ApiError::Timeout(ms)),
        Ok(r) => Ok(r?),
    }
}

/// `DELETE /v1/cache?url=…`: removes a page (every option variant) from both cache tiers.
#[utoipa::path(
    delete,
    path = "/v1/cache",
    tag = "cache",
    params(("url" = String, Query, description = "The page's URL, as given to /v1/extract (normalized the same way)")),
    responses(
        (status = 200, description = "What each tier held", body = super::openapi::PurgeAnswer),
        (status = 400, description = "invalid-request, invalid-url", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "unauthorized", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "forbidden", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "rate-limited", body = Problem, content_type = "application/problem+json")
    ),
    security((), ("api_key" = []))
)]
pub async fn purge(
    State(st): State<AppState>,
    Query(query): Query<ExtractQuery>,
) -> Result<Response, ApiError> {
    let Some(url) = query.url else {
        return Err(ApiError::InvalidRequest(
            "DELETE /v1/cache needs a `url` query parameter".into(),
        ));
    };
    let (memory, redis) = st.service.purge_url(&url).await?;
    let redis = match redis {
        None => serde_json::Value::Null,
        Some(Ok(found)) => serde_json::json!({"purged": found}),
        Some(Err(e)) => serde_json::json!({"purged": false, "error": e}),
    };
    Ok(Json(serde_json::json!({
        "url": url,
        "memory": {"purged": memory},
        "redis": redis,
    }))
    .into_response())
}
