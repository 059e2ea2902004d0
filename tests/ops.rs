//! Production behaviour over real HTTP against the real binary on 127.0.0.1: metrics, API
//! keys, rate limits, load shedding, forwarded addresses, CORS, and the NDJSON batch route.

mod common;

use common::origin::Origin;
use common::{client, enc, problem, seed_page, Server, ALLOW};
use serde_json::Value;
use std::time::Duration;

fn seed() -> String {
    std::fs::read_to_string(seed_page()).unwrap()
}

/// The value of one sample line (`name{labels} value`) in a Prometheus text page.
fn sample(page: &str, prefix: &str) -> Option<f64> {
    page.lines()
        .find(|l| l.starts_with(prefix))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_requests_cache_fetches_and_stages() {
    let o = Origin::start().await;
    let s = Server::start(&[ALLOW]);
    let c = client();
    for _ in 0..2 {
        let r = c
            .post(s.url("/v1/extract"))
            .header("content-type", "text/plain")
            .body(seed())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
    c.get(s.url("/nope")).send().await.unwrap();
    c.get(s.url(&format!(
        "/v1/extract?url={}",
        enc(&o.url("/page/cafef_1.html"))
    )))
    .send()
    .await
    .unwrap();
    c.get(s.url("/v1/extract?url=http%3A%2F%2F10.0.0.1%2F"))
        .send()
        .await
        .unwrap();
    let r = c.get(s.url("/metrics")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    let m = r.text().await.unwrap();
    let want = [
        (
            "vnarticle_http_requests_total{route=\"/v1/extract\",status=\"200\"}",
            3.0,
        ),
        (
            "vnarticle_http_requests_total{route=\"/v1/extract\",status=\"403\"}",
            1.0,
        ),
        (
            "vnarticle_http_requests_total{route=\"unmatched\",status=\"404\"}",
            1.0,
        ),
        (
            "vnarticle_http_request_duration_seconds_count{route=\"/v1/extract\"}",
            4.0,
        ),
        // Two computed articles and the refused address (looked up, then not stored).
        (
            "vnarticle_cache_requests_total{tier=\"memory\",result=\"miss\"}",
            3.0,
        ),
        (
            "vnarticle_cache_requests_total{tier=\"memory\",result=\"hit\"}",
            1.0,
        ),
        (
            "vnarticle_fetch_errors_total{kind=\"blocked-address\"}",
            1.0,
        ),
        ("vnarticle_fetch_duration_seconds_count", 1.0),
        ("vnarticle_extract_duration_seconds_count", 2.0),
        ("vnarticle_nlp_duration_seconds_count", 2.0),
    ];
    for (prefix, value) in want {
        assert_eq!(sample(&m, prefix), Some(value), "{prefix} in\n{m}");
    }
    // The scrape itself is the one request in flight.
    assert_eq!(
        sample(&m, "vnarticle_http_requests_in_flight"),
        Some(1.0),
        "{m}"
    );
    let info = format!(
        "vnarticle_build_info{{version=\"{}\"",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(sample(&m, &info), Some(1.0), "{m}");
    assert!(sample(&m, "vnarticle_cache_memory_bytes").unwrap() > 1000.0);
    assert!(m.contains("# TYPE vnarticle_http_request_duration_seconds histogram"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_keys_guard_everything_but_health() {
    let s = Server::start(&[("VNARTICLE__AUTH__API_KEYS", "[\"k-one\", \"k-two\"]")]);
    let c = client();
    for path in ["/healthz", "/readyz", "/metrics"] {
        assert_eq!(
            c.get(s.url(path)).send().await.unwrap().status(),
            200,
            "{path}"
        );
    }
    let post = |key: Option<&str>| {
        let mut b = c
            .post(s.url("/v1/analyze"))
            .json(&serde_json::json!({"text": "Ngày 2/9/2025"}));
        if let Some(k) = key {
            b = b.header("authorization", k);
        }
        b.send()
    };
    let r = post(None).await.unwrap();
    assert_eq!(
        r.headers()["www-authenticate"].to_str().unwrap(),
        "Bearer realm=\"vnarticle\""
    );
    problem(r, 401, "unauthorized").await;
    problem(post(Some("Basic abc")).await.unwrap(), 401, "unauthorized").await;
    problem(post(Some("Bearer wrong")).await.unwrap(), 403, "forbidden").await;
    assert_eq!(post(Some("Bearer k-two")).await.unwrap().status(), 200);
    assert_eq!(post(Some("Bearer k-one")).await.unwrap().status(), 200);

    let s2 = Server::start(&[
        ("VNARTICLE__AUTH__API_KEYS", "[\"k-one\"]"),
        ("VNARTICLE__AUTH__METRICS_REQUIRE_KEY", "true"),
    ]);
    problem(
        c.get(s2.url("/metrics")).send().await.unwrap(),
        401,
        "unauthorized",
    )
    .await;
    let r = c
        .get(s2.url("/metrics"))
        .header("authorization", "Bearer k-one")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limits_apply_per_key_or_per_client_address() {
    let c = client();
    let analyze = |s: &Server, key: Option<&str>, xff: Option<&str>| {
        let mut b = c
            .post(s.url("/v1/analyze"))
            .json(&serde_json::json!({"text": "Hôm nay"}));
        if let Some(k) = key {
            b = b.header("authorization", format!("Bearer {k}"));
        }
        if let Some(x) = xff {
            b = b.header("x-forwarded-for", x);
        }
        b.send()
    };
    let limits = [
        ("VNARTICLE__LIMITS__RATE_PER_SECOND", "0.5"),
        ("VNARTICLE__LIMITS__RATE_BURST", "2"),
    ];
    // Per key.
    let mut env = limits.to_vec();
    env.push(("VNARTICLE__AUTH__API_KEYS", "[\"a\", \"b\"]"));
    let s = Server::start(&env);
    assert_eq!(analyze(&s, Some("a"), None).await.unwrap().status(), 200);
    assert_eq!(analyze(&s, Some("a"), None).await.unwrap().status(), 200);
    let r = analyze(&s, Some("a"), None).await.unwrap();
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=2).contains(&wait), "{wait}");
    let p = problem(r, 429, "rate-limited").await;
    assert_eq!(p["retry_after"], wait);
    assert_eq!(
        analyze(&s, Some("b"), None).await.unwrap().status(),
        200,
        "own budget"
    );
    // Health checks are never limited.
    assert_eq!(c.get(s.url("/healthz")).send().await.unwrap().status(), 200);

    // Per address, keys off: X-Forwarded-For from an untrusted peer changes nothing.
    let s = Server::start(&limits);
    for (i, expect) in [(1, 200), (2, 200), (3, 429)] {
        let xff = format!("198.51.100.{i}");
        let r = analyze(&s, None, Some(&xff)).await.unwrap();
        assert_eq!(r.status().as_u16(), expect, "request {i}");
    }
    // Behind a trusted proxy (here: loopback), each forwarded client has its own budget.
    let mut env = limits.to_vec();
    env.push(("VNARTICLE__LIMITS__TRUSTED_PROXIES", "[\"127.0.0.1/32\"]"));
    let s = Server::start(&env);
    for i in 1..=3 {
        let xff = format!("198.51.100.{i}");
        assert_eq!(analyze(&s, None, Some(&xff)).await.unwrap().status(), 200);
    }
    for expect in [200, 429] {
        let r = analyze(&s, None, Some("203.0.113.7, 198.51.100.1"))
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), expect);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn load_past_the_in_flight_limit_is_shed_not_queued() {
    let o = Origin::start().await;
    let s = Server::start(&[ALLOW, ("VNARTICLE__LIMITS__MAX_IN_FLIGHT", "2")]);
    let c = client();
    let mut slow = Vec::new();
    for i in 0..2 {
        let u = s.url(&format!(
            "/v1/extract?url={}",
            enc(&o.url(&format!("/page/genk_1.html?delay_ms=1500&i={i}")))
        ));
        let c = c.clone();
        slow.push(tokio::spawn(async move {
            c.get(u).send().await.unwrap().status()
        }));
    }
    tokio::time::sleep(Duration::from_millis(400)).await;
    let t0 = std::time::Instant::now();
    let r = c
        .post(s.url("/v1/analyze"))
        .json(&serde_json::json!({"text": "Hôm nay"}))
        .send()
        .await
        .unwrap();
    assert!(
        t0.elapsed() < Duration::from_millis(500),
        "answered at once"
    );
    assert_eq!(r.headers()["retry-after"], "1");
    problem(r, 503, "overloaded").await;
    assert_eq!(c.get(s.url("/healthz")).send().await.unwrap().status(), 200);
    for t in slow {
        assert_eq!(t.await.unwrap(), 200);
    }
    let r = c
        .post(s.url("/v1/analyze"))
        .json(&serde_json::json!({"text": "Hôm nay"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "served again once load falls");
    let m = c
        .get(s.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        sample(&m, "vnarticle_http_requests_shed_total"),
        Some(1.0),
        "{m}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cors_is_off_by_default_and_follows_the_configured_origins() {
    let c = client();
    let s = Server::start(&[]);
    let r = c
        .get(s.url("/healthz"))
        .header("origin", "https://newsroom.example")
        .send()
        .await
        .unwrap();
    assert!(r.headers().get("access-control-allow-origin").is_none());
    let s = Server::start(&[(
        "VNARTICLE__CORS__ALLOWED_ORIGINS",
        "[\"https://newsroom.example\"]",
    )]);
    let r = c
        .request(reqwest::Method::OPTIONS, s.url("/v1/extract"))
        .header("origin", "https://newsroom.example")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "content-type, authorization",
        )
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.status());
    assert_eq!(
        r.headers()["access-control-allow-origin"],
        "https://newsroom.example"
    );
    let analyze_from = |origin: &'static str| {
        c.post(s.url("/v1/analyze"))
            .header("origin", origin)
            .json(&serde_json::json!({"text": "x"}))
            .send()
    };
    let r = analyze_from("https://other.example").await.unwrap();
    assert!(r.headers().get("access-control-allow-origin").is_none());
    let r = analyze_from("https://newsroom.example").await.unwrap();
    assert_eq!(
        r.headers()["access-control-allow-origin"],
        "https://newsroom.example"
    );
    let exposed = r.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(
        exposed.contains("x-cache") && exposed.contains("etag"),
        "{exposed}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_answers_every_line_and_streams_before_the_input_ends() {
    let s = Server::start(&[]);
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(4);
    let body = reqwest::Body::wrap_stream(futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|x| (x, rx))
    }));
    let first = serde_json::json!({"id": "first", "text": seed()}).to_string() + "\n";
    tx.send(Ok(first.into_bytes())).await.unwrap();
    let resp = client()
        .post(s.url("/v1/extract/batch"))
        .header("content-type", "application/x-ndjson")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "application/x-ndjson");
    let mut stream = resp.bytes_stream();
    use futures_util::StreamExt;
    let mut got = Vec::new();
    // The first answer arrives while the request body is still open.
    while !got.contains(&b'\n') {
        let chunk = tokio::time::timeout(Duration::from_secs(20), stream.next())
            .await
            .expect("an answer before the input is complete")
            .unwrap()
            .unwrap();
        got.extend_from_slice(&chunk);
    }
    let line: Value =
        serde_json::from_slice(&got[..got.iter().position(|b| *b == b'\n').unwrap()]).unwrap();
    assert_eq!(line["id"], "first");
    assert_eq!(line["status"], 200);
    assert!(line["article"]["title"]
        .as_str()
        .unwrap()
        .starts_with("Sáp nhập"));
    // Then the rest, with bad lines among them; then the end of the input.
    let rest = [
        serde_json::json!({"id": 2, "html": "<p>x</p>"}).to_string(),
        "{not json".to_owned(),
        serde_json::json!({"id": "blocked", "url": "http://192.168.1.1/"}).to_string(),
        String::new(),
        serde_json::json!({"id": "again", "text": seed()}).to_string(),
    ]
    .join("\n");
    tx.send(Ok(rest.into_bytes())).await.unwrap();
    drop(tx);
    while let Some(chunk) = stream.next().await {
        got.extend_from_slice(&chunk.unwrap());
    }
    let lines: Vec<Value> = got
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "one answer per non-empty input line");
    let by_line = |n: u64| lines.iter().find(|l| l["line"] == n).unwrap();
    assert_eq!(by_line(2)["problem"]["type"], "/problems/no-article");
    assert_eq!(by_line(2)["id"], 2);
    assert_eq!(by_line(3)["problem"]["type"], "/problems/invalid-json");
    assert_eq!(by_line(4)["problem"]["type"], "/problems/blocked-address");
    assert_eq!(by_line(4)["status"], 403);
    assert_eq!(by_line(5)["id"], "again");
    assert_eq!(by_line(5)["article"]["meta"]["cache"], "hit");
}

/// Peak resident memory of a process, in kB.
fn peak_rss_kb(pid: u32) -> u64 {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_of_ten_thousand_streams_ten_thousand_lines_in_bounded_memory() {
    let s = Server::start(&[]);
    // 10,000 distinct short articles, generated as the client sends them.
    let para = "Theo Sở Y tế TP Hà Nội, ngày 12/3/2026 thành phố ghi nhận thêm nhiều ca mắc mới; \
        ông Nguyễn Văn An, Giám đốc Sở, cho biết ngành y tế đã chuẩn bị đủ thuốc và vật tư. \
        Các bệnh viện tuyến cuối được yêu cầu bố trí thêm giường bệnh trong tuần tới.";
    let lines = futures_util::stream::iter((0..10_000).map(move |i| {
        let text = format!(
            "Hà Nội tăng cường phòng chống dịch sốt xuất huyết số {i}\n\n{para}\n\n{para} Mã tin {i}.\n\n{para}"
        );
        Ok::<_, std::io::Error>(serde_json::json!({"id": i, "text": text}).to_string() + "\n")
    }));
    let resp = client()
        .post(s.url("/v1/extract/batch"))
        .header("content-type", "application/x-ndjson")
        .timeout(Duration::from_secs(600))
        .body(reqwest::Body::wrap_stream(lines))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    use futures_util::StreamExt;
    let mut stream = resp.bytes_stream();
    let (mut n, mut ok, mut pending) = (0usize, 0usize, Vec::new());
    let mut ids = std::collections::HashSet::new();
    while let Some(chunk) = stream.next().await {
        pending.extend_from_slice(&chunk.unwrap());
        while let Some(p) = pending.iter().position(|b| *b == b'\n') {
            let line: Vec<u8> = pending.drain(..=p).collect();
            let v: Value = serde_json::from_slice(&line).unwrap();
            n += 1;
            ok += usize::from(v["status"] == 200);
            ids.insert(v["id"].as_u64().unwrap());
        }
    }
    assert_eq!(n, 10_000);
    assert_eq!(ids.len(), 10_000, "every input answered once");
    assert_eq!(ok, 10_000, "all extracted");
    let rss = peak_rss_kb(s.child.id());
    eprintln!("batch of 10,000: peak RSS {rss} kB");
    assert!(rss < 200 * 1024, "peak RSS {rss} kB");
}
