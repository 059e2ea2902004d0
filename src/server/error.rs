//! HTTP errors: every failure becomes an RFC 9457 `application/problem+json` response. This
//! is the one place where errors get their HTTP status.

use crate::pipeline::PipelineError;
use crate::problem::Problem;
use crate::service::ServiceError;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// Errors of the HTTP layer (request parsing) and of the pipeline below it.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    Pipeline(#[from] PipelineError),
    #[error("{0}")]
    Service(#[from] ServiceError),
    #[error("the JSON body is malformed: {0}")]
    InvalidJson(String),
    #[error("{0}")]
    InvalidRequest(String),
    #[error("content type {0:?} is not supported: send application/json, text/html or text/plain")]
    UnsupportedMediaType(String),
    #[error("the body is larger than the limit of {0} bytes")]
    TooLarge(usize),
    #[error("the request took longer than {0} ms")]
    Timeout(u64),
    #[error("the server is handling its limit of {0} requests at once; retry shortly")]
    Shed(usize),
    #[error("{0}")]
    Unauthorized(String),
    #[error("the API key is not valid for this service")]
    Forbidden,
    #[error("too many requests: the limit is reached, retry after {0} s")]
    RateLimited(u64),
    #[error("no route for {0}")]
    NotFound(String),
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    pub fn problem(&self) -> Problem {
        let d = self.to_string();
        match self {
            ApiError::Pipeline(e) => e.problem(),
            ApiError::Service(e) => e.problem(),
            ApiError::InvalidJson(_) => Problem::new("invalid-json", 400, "Malformed JSON", d),
            ApiError::InvalidRequest(_) => {
                Problem::new("invalid-request", 400, "Invalid request", d)
            }
            ApiError::UnsupportedMediaType(_) => {
                Problem::new("unsupported-media-type", 415, "Unsupported media type", d)
            }
            ApiError::TooLarge(limit) => Problem::new("too-large", 413, "Body too large", d)
                .with("limit_bytes", *limit as u64),
            ApiError::Timeout(_) => Problem::new("timeout", 503, "Request timed out", d),
            ApiError::Shed(_) => {
                Problem::new("overloaded", 503, "Server overloaded", d).with("retry_after", 1)
            }
            ApiError::Unauthorized(_) => Problem::new("unauthorized", 401, "API key required", d),
            ApiError::Forbidden => Problem::new("forbidden", 403, "API key refused", d),
            ApiError::RateLimited(s) => {
                Problem::new("rate-limited", 429, "Too many requests", d).with("retry_after", *s)
            }
            ApiError::NotFound(_) => Problem::new("not-found", 404, "Not found", d),
            ApiError::MethodNotAllowed => {
                Problem::new("method-not-allowed", 405, "Method not allowed", d)
            }
            ApiError::Internal(_) => Problem::new("internal", 500, "Internal error", d),
        }
    }
}

/// Renders a problem as an HTTP response.
pub fn problem_response(p: &Problem) -> Response {
    let status = StatusCode::from_u16(p.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut resp = (status, p.to_json()).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    // Problems that say when to come back carry it as `Retry-After` too.
    let retry = p.extra.get("retry_after").and_then(|v| v.as_u64());
    if let Some(secs) = retry {
        resp.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    } else if status == StatusCode::SERVICE_UNAVAILABLE {
        resp.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    resp
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        problem_response(&self.problem())
    }
}
