//! `POST /v1/extract/batch`: NDJSON in, NDJSON out. Each input line is a request object
//! (`{"id", "url" | "html" | "text", "options"?}`); each answer line carries the input's `id`
//! and line number and either the `article` or a `problem`, in the order they finish. Input is
//! read only as fast as a bounded number of extractions completes, and answers stream out as
//! they are ready, so neither side holds the whole batch: the first answer can reach the
//! client before it has finished sending.

use super::error::ApiError;
use super::routes::ExtractRequest;
use super::AppState;
use crate::cache::Entry;
use crate::problem::Problem;
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use bytes::{Bytes, BytesMut};
use serde_json::Value;
use std::sync::Arc;
use tokio::sync::{mpsc, Semaphore};

/// One answer line: `{"id":…,"line":N,"status":S,"article":…}` or `…"problem":…}`.
fn answer_line(id: &Value, line: usize, status: u16, key: &str, parts: &[Bytes]) -> Bytes {
    let id = serde_json::to_string(id).unwrap_or_else(|_| "null".into());
    let head = format!("{{\"id\":{id},\"line\":{line},\"status\":{status},\"{key}\":");
    let mut out =
        BytesMut::with_capacity(head.len() + parts.iter().map(Bytes::len).sum::<usize>() + 2);
    out.extend_from_slice(head.as_bytes());
    for p in parts {
        out.extend_from_slice(p);
    }
    out.extend_from_slice(b"}\n");
    out.freeze()
}

fn problem_line(id: &Value, line: usize, p: &Problem) -> Bytes {
    metrics::counter!(crate::metrics::BATCH_ITEMS, "outcome" => "problem").increment(1);
    answer_line(id, line, p.status, "problem", &[Bytes::from(p.to_json())])
}

/// Answers one input line.
async fn one(st: &AppState, line_no: usize, raw: &[u8]) -> Bytes {
    let v: Value = match serde_json::from_slice(raw) {
        Ok(v @ Value::Object(_)) => v,
        Ok(_) => {
            let e = ApiError::InvalidJson("each line must be a JSON object".into());
            return problem_line(&Value::Null, line_no, &e.problem());
        }
        Err(e) => {
            return problem_line(
                &Value::Null,
                line_no,
                &ApiError::InvalidJson(e.to_string()).problem(),
            )
        }
    };
    let mut v = v;
    let id = v
        .as_object_mut()
        .and_then(|o| o.remove("id"))
        .unwrap_or(Value::Null);
    let req: ExtractRequest = match serde_json::from_value(v) {
        Ok(r) => r,
        Err(e) => {
            return problem_line(
                &id,
                line_no,
                &ApiError::InvalidRequest(e.to_string()).problem(),
            )
        }
    };
    let input = match super::routes::json_to_input(req, Default::default()) {
        Ok(i) => i,
        Err(e) => return problem_line(&id, line_no, &e.problem()),
    };
    match super::routes::extract_timed(st, input).await {
        Err(e) => problem_line(&id, line_no, &e.problem()),
        Ok(served) => match served.entry {
            Entry::Failure(p) => problem_line(&id, line_no, &p),
            Entry::Article(stored) => {
                metrics::counter!(crate::metrics::BATCH_ITEMS, "outcome" => "ok").increment(1);
                let parts = stored.parts(served.status.label());
                answer_line(&id, line_no, 200, "article", &parts)
            }
        },
    }
}

/// Reads the input lines and answers each, at most `concurrency` at once.
async fn drive(st: AppState, body: Body, tx: mpsc::Sender<Bytes>) {
    use http_body_util::BodyExt;
    let concurrency = st.config.batch.concurrency.max(1);
    let max_line = st.config.batch.max_line_bytes.max(1024);
    let slots = Arc::new(Semaphore::new(concurrency));
    let mut body = body;
    let mut buf = BytesMut::new();
    let mut line_no = 0usize;
    let mut skipping = false; // inside an over-long line
    let mut eof = false;
    while !eof {
        let chunk = match body.frame().await {
            None => {
                eof = true;
                Bytes::new()
            }
            Some(Err(e)) => {
                line_no += 1;
                let p = ApiError::InvalidRequest(format!("the body broke off: {e}")).problem();
                let _ = tx.send(problem_line(&Value::Null, line_no, &p)).await;
                break;
            }
            Some(Ok(f)) => match f.into_data() {
                Ok(d) => d,
                Err(_) => continue,
            },
        };
        buf.extend_from_slice(&chunk);
        loop {
            let nl = memchr::memchr(b'\n', &buf);
            let line = match nl {
                Some(i) => {
                    let l = buf.split_to(i + 1);
                    l.freeze().slice(..i)
                }
                None if eof && !buf.is_empty() => buf.split().freeze(),
                None => {
                    if buf.len() > max_line && !skipping {
                        skipping = true;
                        line_no += 1;
                        let p = Problem::new(
                            "too-large",
                            413,
                            "Line too large",
                            format!(
                                "an input line is longer than batch.max_line_bytes ({max_line})"
                            ),
                        )
                        .with("limit_bytes", max_line as u64);
                        if tx
                            .send(problem_line(&Value::Null, line_no, &p))
                            .await
                            .is_err()
                        {
                            return;
                        }
                    }
                    if skipping {
                        buf.clear();
                    }
                    break;
                }
            };
            if skipping {
                // The end of the over-long line: already answered.
                skipping = false;
                continue;
            }
            let trimmed = line.trim_ascii();
            if trimmed.is_empty() {
                continue;
            }
            line_no += 1;
            let Ok(permit) = slots.clone().acquire_owned().await else {
                return;
            };
            if tx.is_closed() {
                return; // the client went away
            }
            let (st2, tx2, raw) = (st.clone(), tx.clone(), line.slice_ref(trimmed));
            let n = line_no;
            tokio::spawn(async move {
                let out = one(&st2, n, &raw).await;
                let _ = tx2.send(out).await;
                drop(permit);
            });
        }
    }
    // Wait for the last answers, then close the stream.
    let _ = slots.acquire_many(concurrency as u32).await;
}

/// `POST /v1/extract/batch`.
#[utoipa::path(
    post,
    path = "/v1/extract/batch",
    tag = "extract",
    request_body(
        description = "NDJSON: one JSON object per line, `{\"id\": …, \"url\" | \"html\" | \"text\": …, \"options\"?: {…}}`; may be streamed",
        content = String,
        content_type = "application/x-ndjson"
    ),
    responses(
        (status = 200, description = "NDJSON, one BatchLine per input line, in the order they finish; streamed as they are ready",
            body = super::openapi::BatchLine, content_type = "application/x-ndjson"),
        (status = 401, description = "unauthorized", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "forbidden", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "unsupported-media-type", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "rate-limited", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "overloaded", body = Problem, content_type = "application/problem+json")
    ),
    security((), ("api_key" = []))
)]
pub async fn batch(
    State(st): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let ct = super::routes::media_type(&headers);
    let ok = matches!(
        ct.as_str(),
        "" | "application/x-ndjson"
            | "application/ndjson"
            | "application/jsonl"
            | "application/x-jsonlines"
            | "application/json"
            | "text/plain"
            | "application/x-www-form-urlencoded"
    );
    if !ok {
        return Err(ApiError::UnsupportedMediaType(ct));
    }
    let (tx, rx) = mpsc::channel::<Bytes>(st.config.batch.concurrency.max(1) * 2);
    tokio::spawn(drive(st, body, tx));
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv()
            .await
            .map(|b| (Ok::<_, std::convert::Infallible>(b), rx))
    });
    Ok((
        [(header::CONTENT_TYPE, "application/x-ndjson")],
        Body::from_stream(stream),
    )
        .into_response())
}
