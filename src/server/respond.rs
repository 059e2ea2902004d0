//! Answers of the extraction routes: an article's stored JSON (with `meta.cache` set for
//! this answer, without copying the article), its `ETag` and `X-Cache`, 304 for a matching
//! `If-None-Match`, and remembered failures as problems.

use super::error::problem_response;
use crate::cache::{Entry, Status};
use crate::service::Served;
use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use std::collections::VecDeque;
use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

/// A body made of a few byte slices sent one after another, with its exact length known.
struct Parts {
    parts: VecDeque<Bytes>,
    len: u64,
}

impl http_body::Body for Parts {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Infallible>>> {
        let this = self.get_mut();
        Poll::Ready(this.parts.pop_front().map(|b| {
            this.len -= b.len() as u64;
            Ok(http_body::Frame::data(b))
        }))
    }

    fn is_end_stream(&self) -> bool {
        self.parts.is_empty()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact(self.len)
    }
}

const X_CACHE: header::HeaderName = header::HeaderName::from_static("x-cache");

/// Does an `If-None-Match` header match `etag` (weak comparison, lists and `*`)?
fn none_match(headers: &HeaderMap, etag: &str) -> bool {
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    let want = bare(etag);
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| t.trim() == "*" || bare(t) == want)
}

/// The response for a served request. `conditional` enables 304 (GET only).
pub fn served(s: Served, request_headers: &HeaderMap, conditional: bool) -> Response {
    let x_cache = HeaderValue::from_static(s.status.header());
    match s.entry {
        Entry::Failure(p) => {
            let mut r = problem_response(&p);
            r.headers_mut().insert(X_CACHE, x_cache);
            r
        }
        Entry::Article(stored) => {
            let etag = HeaderValue::from_str(&stored.etag).ok();
            if conditional && none_match(request_headers, &stored.etag) {
                let mut r = StatusCode::NOT_MODIFIED.into_response();
                if let Some(e) = etag {
                    r.headers_mut().insert(header::ETAG, e);
                }
                r.headers_mut().insert(X_CACHE, x_cache);
                return r;
            }
            let label = s.status.label();
            let parts: VecDeque<Bytes> = stored
                .parts(label)
                .into_iter()
                .filter(|b| !b.is_empty())
                .collect();
            let len = parts.iter().map(|b| b.len() as u64).sum();
            let mut r = Response::new(Body::new(Parts { parts, len }));
            let h = r.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            if let Some(e) = etag {
                h.insert(header::ETAG, e);
            }
            h.insert(X_CACHE, x_cache);
            r
        }
    }
}

/// `X-Cache` for answers that never touch the cache.
pub fn bypass_header() -> (header::HeaderName, HeaderValue) {
    (X_CACHE, HeaderValue::from_static(Status::Bypass.header()))
}
