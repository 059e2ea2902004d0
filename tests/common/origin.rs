//! A local origin for fetch tests, on 127.0.0.1: serves the development pages and the ways
//! real origins misbehave (slow answers, endless bodies, redirect chains, wrong content
//! types, legacy charsets, errors with Retry-After), and counts its hits per path.
#![allow(dead_code)]

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Default)]
struct Counters {
    hits: Mutex<HashMap<String, usize>>,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
}

/// A running origin; stops when dropped.
pub struct Origin {
    pub base: String,
    counters: Arc<Counters>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Origin {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn page(name: &str) -> Option<Vec<u8>> {
    if name.contains('/') || name.contains("..") {
        return None;
    }
    std::fs::read(super::vn_page(name)).ok()
}

async fn count(
    State(c): State<Arc<Counters>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let key = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_default();
    *c.hits.lock().unwrap().entry(key).or_default() += 1;
    next.run(req).await
}

/// `/page/{name}`: a development page as UTF-8 HTML (`?delay_ms=` delays it and records
/// how many requests were in flight at once).
async fn serve_page(
    State(c): State<Arc<Counters>>,
    Path(name): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let now = c.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    c.max_in_flight.fetch_max(now, Ordering::SeqCst);
    if let Some(ms) = q.get("delay_ms").and_then(|v| v.parse::<u64>().ok()) {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    c.in_flight.fetch_sub(1, Ordering::SeqCst);
    match page(&name) {
        Some(b) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], b).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `/gzip/{name}`: the page gzip-encoded.
async fn serve_gzip(Path(name): Path<String>) -> Response {
    use std::io::Write;
    let Some(b) = page(&name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(&b).unwrap();
    let z = enc.finish().unwrap();
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_ENCODING, "gzip"),
        ],
        z,
    )
        .into_response()
}

/// `/redirect/{n}/{name}`: a chain of n redirects ending at `/page/{name}`.
async fn redirect_chain(Path((n, name)): Path<(u32, String)>) -> Response {
    let to = if n <= 1 {
        format!("/page/{name}")
    } else {
        format!("/redirect/{}/{name}", n - 1)
    };
    (StatusCode::FOUND, [(header::LOCATION, to)]).into_response()
}

/// `/redirect-to?to=URL`: one redirect to anywhere.
async fn redirect_to(Query(q): Query<HashMap<String, String>>) -> Response {
    let to = q.get("to").cloned().unwrap_or_default();
    (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, to)]).into_response()
}

/// `/slow?ms=N`: answers after N ms.
async fn slow(Query(q): Query<HashMap<String, String>>) -> Response {
    let ms = q.get("ms").and_then(|v| v.parse().ok()).unwrap_or(10_000);
    tokio::time::sleep(Duration::from_millis(ms)).await;
    (
        [(header::CONTENT_TYPE, "text/html")],
        "<html><body><p>late</p></body></html>",
    )
        .into_response()
}

/// `/endless`: an HTML body that never ends (no Content-Length).
async fn endless() -> Response {
    let chunk = bytes::Bytes::from(
        "<p>Nội dung lặp lại không bao giờ hết của một trang vô tận.</p>\n".repeat(256),
    );
    let head = bytes::Bytes::from_static(b"<html><body>");
    let s = futures_util::stream::iter(std::iter::once(head).chain(std::iter::repeat(chunk)))
        .map(Ok::<_, std::io::Error>);
    ([(header::CONTENT_TYPE, "text/html")], Body::from_stream(s)).into_response()
}

/// `/typed/{kind}`: a body with a non-HTML content type.
async fn typed(Path(kind): Path<String>) -> Response {
    let (ct, body): (&str, &[u8]) = match kind.as_str() {
        "pdf" => ("application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        "png" => ("image/png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        "json" => ("application/json", b"{\"title\": \"not a page\"}"),
        _ => ("text/html", b"<p>x</p>"),
    };
    ([(header::CONTENT_TYPE, ct)], body.to_vec()).into_response()
}

/// `/cp1258/{name}?declare=header|meta|none`: a development page re-encoded in
/// windows-1258, with decomposed tone marks as that charset writes them.
async fn cp1258(Path(name): Path<String>, Query(q): Query<HashMap<String, String>>) -> Response {
    let Some(b) = page(&name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let text = String::from_utf8_lossy(&b);
    let text = if q.get("declare").map(String::as_str) == Some("none") {
        // No declaration at all: the charset must be detected.
        text.replace("<meta charset=\"UTF-8\">", "")
            .replace("<meta charset=\"utf-8\">", "")
    } else {
        text.into_owned()
    };
    let text = text
        .replace("charset=utf-8", "charset=windows-1258")
        .replace("charset=\"utf-8\"", "charset=\"windows-1258\"")
        .replace("charset=UTF-8", "charset=windows-1258")
        .replace("charset=\"UTF-8\"", "charset=\"windows-1258\"");
    let bytes = to_cp1258(&text);
    let ct = match q.get("declare").map(String::as_str) {
        Some("header") => "text/html; charset=windows-1258",
        _ => "text/html",
    };
    ([(header::CONTENT_TYPE, ct)], bytes).into_response()
}

/// Encodes text as windows-1258 writes Vietnamese: letters with circumflex, breve or horn
/// precomposed, tone marks as combining characters after them.
fn to_cp1258(text: &str) -> Vec<u8> {
    use unicode_normalization::UnicodeNormalization;
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let (_, _, unmappable) = encoding_rs::WINDOWS_1258.encode(c.encode_utf8(&mut [0; 4]));
        if !unmappable {
            out.push(c);
            continue;
        }
        let nfd: String = c.to_string().nfd().collect();
        let base: String = nfd
            .chars()
            .filter(|m| !TONES.contains(m))
            .collect::<String>()
            .nfc()
            .collect();
        out.push_str(&base);
        out.extend(nfd.chars().filter(|m| TONES.contains(m)));
    }
    let (bytes, _, _) = encoding_rs::WINDOWS_1258.encode(&out);
    bytes.into_owned()
}

/// `/status/{code}?retry_after=S`: an error answer.
async fn status(Path(code): Path<u16>, Query(q): Query<HashMap<String, String>>) -> Response {
    let mut h = HeaderMap::new();
    if let Some(s) = q.get("retry_after") {
        h.insert(header::RETRY_AFTER, s.parse().unwrap());
    }
    (
        StatusCode::from_u16(code).unwrap(),
        h,
        format!("<html><body>error {code}</body></html>"),
    )
        .into_response()
}

use futures_util::StreamExt;

impl Origin {
    pub async fn start() -> Origin {
        let counters = Arc::new(Counters::default());
        let app = Router::new()
            .route("/page/{name}", get(serve_page))
            .route("/gzip/{name}", get(serve_gzip))
            .route("/redirect/{n}/{name}", get(redirect_chain))
            .route("/redirect-to", get(redirect_to))
            .route("/slow", get(slow))
            .route("/endless", get(endless))
            .route("/typed/{kind}", get(typed))
            .route("/cp1258/{name}", get(cp1258))
            .route("/status/{code}", get(status))
            .layer(axum::middleware::from_fn_with_state(
                counters.clone(),
                count,
            ))
            .with_state(counters.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Origin {
            base: format!("http://{addr}"),
            counters,
            task,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Requests received for a path (with its query).
    pub fn hits(&self, path_and_query: &str) -> usize {
        self.counters
            .hits
            .lock()
            .unwrap()
            .get(path_and_query)
            .copied()
            .unwrap_or(0)
    }

    /// Requests received in all.
    pub fn total_hits(&self) -> usize {
        self.counters.hits.lock().unwrap().values().sum()
    }

    /// The most `/page/` requests that were being answered at once.
    pub fn max_in_flight(&self) -> usize {
        self.counters.max_in_flight.load(Ordering::SeqCst)
    }
}
