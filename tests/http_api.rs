//! End-to-end tests of the HTTP interface: the real server binary on 127.0.0.1:0, called
//! over HTTP. Success paths for every input form, and every kind of bad input answered with
//! the documented problem+json while the server keeps serving.

mod common;

use common::{client, problem, seed_page, vn_page, Server};
use serde_json::Value;

async fn still_serving(s: &Server) {
    let r = client()
        .get(s.url("/healthz"))
        .send()
        .await
        .expect("healthz");
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn health_ready_and_request_ids() {
    let s = Server::start(&[]);
    let c = client();
    let r = c.get(s.url("/healthz")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let id = r.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    assert_eq!(r.json::<Value>().await.unwrap()["status"], "ok");
    let r = c.get(s.url("/readyz")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    // A client's own request id is kept.
    let r = c
        .get(s.url("/healthz"))
        .header("x-request-id", "abc-123")
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["x-request-id"], "abc-123");
    // Unknown routes and methods are problems too.
    problem(
        c.get(s.url("/nope")).send().await.unwrap(),
        404,
        "not-found",
    )
    .await;
    problem(
        c.delete(s.url("/v1/extract")).send().await.unwrap(),
        405,
        "method-not-allowed",
    )
    .await;
}

#[tokio::test]
async fn extract_raw_text_seed_page() {
    let s = Server::start(&[]);
    let body = std::fs::read(seed_page()).unwrap();
    let r = client()
        .post(s.url("/v1/extract?reference_date=2026-02-15"))
        .header("content-type", "text/plain; charset=utf-8")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/json");
    let a: Value = r.json().await.unwrap();
    assert_eq!(
        a["title"],
        "Sáp nhập các ban chỉ đạo, thúc đẩy chuyển đổi số- kinh nghiệm từ Hà Nội"
    );
    assert_eq!(a["dateline"], "Kinhtedothi");
    assert_eq!(a["meta"]["input"], "text");
    assert_eq!(a["related"][0]["published_at"], "2026-02-14T20:31:00+07:00");
}

#[tokio::test]
async fn extract_raw_html_and_json_forms() {
    let s = Server::start(&[]);
    let c = client();
    let html = std::fs::read_to_string(vn_page("tienphong_1.html")).unwrap();
    let url = "https://tienphong.vn/pnj-se-thue-don-vi-quoc-te-kiem-dinh-doc-lap-ve-kim-cuong-post1860261.tpo";
    let expected_title = "PNJ sẽ thuê đơn vị quốc tế kiểm định độc lập về kim cương";

    // Raw text/html with ?url=.
    let r = c
        .post(s.url(&format!("/v1/extract?url={url}")))
        .header("content-type", "text/html")
        .body(html.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let a: Value = r.json().await.unwrap();
    assert_eq!(a["title"], expected_title);
    assert_eq!(a["url"], url);
    assert_eq!(a["published_at"], "2026-07-16T21:43:59+07:00");
    assert_eq!(a["authors"], serde_json::json!(["Ngọc Mai"]));
    assert_eq!(a["meta"]["input"], "html");

    // JSON body.
    let r = c
        .post(s.url("/v1/extract"))
        .json(&serde_json::json!({"html": html, "url": url}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let b: Value = r.json().await.unwrap();
    assert_eq!(b["title"], expected_title);
    assert_eq!(b["body"], a["body"], "same article from both forms");

    // curl -d '{…}' sends JSON as application/x-www-form-urlencoded.
    let r = c
        .post(s.url("/v1/extract"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_json::to_vec(&serde_json::json!({"html": html})).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["title"], expected_title);

    // No content type at all: sniffed.
    let r = c
        .post(s.url("/v1/extract"))
        .body(html)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["title"], expected_title);
}

#[tokio::test]
async fn declared_charset_is_honoured() {
    let s = Server::start(&[]);
    // A small article in windows-1258 (decomposed tone marks), declared in the header only.
    let text = "Tiêu đề bài viết về Hà Nội hôm nay\n\nHà Nội - Thành phố Hà Nội vừa công bố kế hoạch phát triển giao thông công cộng trong giai đoạn mới với nhiều dự án lớn.\n\nCác dự án này sẽ được triển khai từ năm sau và hoàn thành trong vòng năm năm tới theo kế hoạch đã được phê duyệt.\n\nNgười dân thủ đô kỳ vọng giao thông sẽ bớt ùn tắc hơn khi các tuyến đường sắt đô thị được đưa vào khai thác.\n\nTheo các chuyên gia, việc mở rộng mạng lưới xe buýt và đường sắt sẽ giúp giảm đáng kể lượng xe máy lưu thông trong giờ cao điểm.\n";
    // windows-1258 writes Vietnamese as letters (ă, â, ê, ô, ơ, ư, đ precomposed) followed by a
    // combining tone mark.
    use unicode_normalization::UnicodeNormalization;
    let tone = |c: char| matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}');
    let mut decomposed = String::new();
    for ch in text.chars() {
        let parts: Vec<char> = ch.to_string().nfd().collect();
        let base: String = parts
            .iter()
            .filter(|c| !tone(**c))
            .collect::<String>()
            .nfc()
            .collect();
        decomposed.push_str(&base);
        decomposed.extend(parts.iter().filter(|c| tone(**c)));
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&decomposed);
    assert!(!unmappable);
    let r = client()
        .post(s.url("/v1/extract"))
        .header("content-type", "text/plain; charset=windows-1258")
        .body(bytes.into_owned())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let a: Value = r.json().await.unwrap();
    assert_eq!(a["title"], "Tiêu đề bài viết về Hà Nội hôm nay");
    assert_eq!(a["meta"]["charset"], "windows-1258");
    let body = a["body"]["text"].as_str().unwrap();
    assert!(body.contains("Các dự án này sẽ được triển khai"), "{body}");
}

#[tokio::test]
async fn bad_inputs_get_problems_and_the_server_keeps_serving() {
    let s = Server::start(&[]);
    let c = client();
    let ex = s.url("/v1/extract");

    // Malformed JSON → 400.
    let r = c
        .post(&ex)
        .header("content-type", "application/json")
        .body("{\"html\": ")
        .send()
        .await
        .unwrap();
    problem(r, 400, "invalid-json").await;
    still_serving(&s).await;

    // A JSON value that is not an object → 400.
    let r = c
        .post(&ex)
        .header("content-type", "application/json")
        .body("[1,2]")
        .send()
        .await
        .unwrap();
    problem(r, 400, "invalid-json").await;

    // Unknown member, or both html and text → 400 invalid-request.
    let r = c
        .post(&ex)
        .json(&serde_json::json!({"htm": "<p>x</p>"}))
        .send()
        .await
        .unwrap();
    problem(r, 400, "invalid-request").await;
    let r = c
        .post(&ex)
        .json(&serde_json::json!({"html": "<p>x</p>", "text": "x"}))
        .send()
        .await
        .unwrap();
    problem(r, 400, "invalid-request").await;

    // Wrong content type → 415.
    let r = c
        .post(&ex)
        .header("content-type", "image/png")
        .body(vec![0x89u8, b'P', b'N', b'G'])
        .send()
        .await
        .unwrap();
    let p = problem(r, 415, "unsupported-media-type").await;
    assert!(p["detail"].as_str().unwrap().contains("image/png"));
    let r = c
        .post(&ex)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("a=1&b=2")
        .send()
        .await
        .unwrap();
    problem(r, 415, "unsupported-media-type").await;
    still_serving(&s).await;

    // Empty body → 400.
    let r = c
        .post(&ex)
        .header("content-type", "text/html")
        .body("")
        .send()
        .await
        .unwrap();
    problem(r, 400, "empty-body").await;

    // Binary garbage → 422 unsupported-content.
    let garbage: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let r = c
        .post(&ex)
        .header("content-type", "application/octet-stream")
        .body(garbage.clone())
        .send()
        .await
        .unwrap();
    problem(r, 422, "unsupported-content").await;
    let r = c
        .post(&ex)
        .header("content-type", "text/html")
        .body(garbage)
        .send()
        .await
        .unwrap();
    problem(r, 422, "unsupported-content").await;
    still_serving(&s).await;

    // An empty document and a listing page → 422 no-article.
    let r = c
        .post(&ex)
        .header("content-type", "text/html")
        .body("<html><head></head><body></body></html>")
        .send()
        .await
        .unwrap();
    problem(r, 422, "no-article").await;
    let mut listing = String::from("<html><head><title>Trang chủ</title></head><body><ul>");
    for i in 0..60 {
        listing.push_str(&format!(
            "<li><a href=\"/tin-{i}.html\">Tin tức số {i} về thời sự trong ngày</a></li>"
        ));
    }
    listing.push_str("</ul></body></html>");
    let r = c
        .post(&ex)
        .header("content-type", "text/html")
        .body(listing)
        .send()
        .await
        .unwrap();
    problem(r, 422, "no-article").await;

    // Absurdly deep nesting is refused quickly instead of burning a worker for minutes.
    let started = std::time::Instant::now();
    let deep = format!(
        "<html><body>{}<p>Hà Nội</p></body></html>",
        "<div>".repeat(200_000)
    );
    let r = c
        .post(&ex)
        .header("content-type", "text/html")
        .body(deep)
        .send()
        .await
        .unwrap();
    problem(r, 422, "too-deep").await;
    assert!(started.elapsed() < std::time::Duration::from_secs(10));

    // Truncated HTML still yields the article.
    let html = std::fs::read_to_string(vn_page("tienphong_1.html")).unwrap();
    let cut = html
        .char_indices()
        .nth(html.chars().count() * 2 / 3)
        .unwrap()
        .0;
    let r = c
        .post(&ex)
        .header("content-type", "text/html")
        .body(html[..cut].to_owned())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let a: Value = r.json().await.unwrap();
    assert_eq!(
        a["title"],
        "PNJ sẽ thuê đơn vị quốc tế kiểm định độc lập về kim cương"
    );

    // A bad reference date or URL → 400.
    let r = c
        .post(&ex)
        .json(&serde_json::json!({"text": "x", "options": {"reference_date": "hôm qua"}}))
        .send()
        .await
        .unwrap();
    problem(r, 400, "invalid-reference-date").await;
    let r = c
        .post(&ex)
        .json(&serde_json::json!({"html": "<p>x</p>", "url": "ftp://example.com/a"}))
        .send()
        .await
        .unwrap();
    problem(r, 400, "invalid-url").await;

    // A URL alone is fetched; an internal address is refused before any connection.
    let r = c
        .post(&ex)
        .json(&serde_json::json!({"url": "http://127.0.0.1:9/a.html"}))
        .send()
        .await
        .unwrap();
    problem(r, 403, "blocked-address").await;
    let r = c
        .get(format!(
            "{ex}?url=http%3A%2F%2F169.254.169.254%2Flatest%2Fmeta-data%2F"
        ))
        .send()
        .await
        .unwrap();
    let p = problem(r, 403, "blocked-address").await;
    assert_eq!(p["address"], "169.254.169.254");
    // With fetching switched off in the configuration → 501.
    let off = Server::start(&[("VNARTICLE__FETCH__ENABLED", "false")]);
    let r = c
        .get(off.url("/v1/extract?url=https%3A%2F%2Fvnexpress.net%2Fa.html"))
        .send()
        .await
        .unwrap();
    problem(r, 501, "fetch-disabled").await;
    let r = c.get(&ex).send().await.unwrap();
    problem(r, 400, "invalid-request").await;
    still_serving(&s).await;
}

#[tokio::test]
async fn a_50_mb_body_is_refused_with_413() {
    let s = Server::start(&[]);
    let c = client();
    let big = vec![b'a'; 50 * 1024 * 1024];
    let r = c
        .post(s.url("/v1/extract"))
        .header("content-type", "text/plain")
        .body(big)
        .send()
        .await
        .unwrap();
    let p = problem(r, 413, "too-large").await;
    assert_eq!(p["limit_bytes"], 10 * 1024 * 1024);
    // A streamed body without Content-Length is cut off at the limit too.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        (0..12).map(|_| Ok(vec![b'b'; 1024 * 1024])).collect();
    let stream = futures_util::stream::iter(chunks);
    let r = c
        .post(s.url("/v1/extract"))
        .header("content-type", "text/plain")
        .body(reqwest::Body::wrap_stream(stream))
        .send()
        .await
        .unwrap();
    problem(r, 413, "too-large").await;
    still_serving(&s).await;
}

#[tokio::test]
async fn body_limit_is_configurable() {
    let s = Server::start(&[("VNARTICLE__SERVER__MAX_BODY_BYTES", "1000")]);
    let r = client()
        .post(s.url("/v1/extract"))
        .header("content-type", "text/plain")
        .body(vec![b'x'; 2000])
        .send()
        .await
        .unwrap();
    let p = problem(r, 413, "too-large").await;
    assert_eq!(p["limit_bytes"], 1000);
}

#[tokio::test]
async fn analyze_clean_text() {
    let s = Server::start(&[]);
    let c = client();
    let r = c
        .post(s.url("/v1/analyze"))
        .json(&serde_json::json!({
            "text": "Sáng mùng 1 Tết Bính Ngọ, người dân đi lễ chùa; ngày 14/2 (tức 27 Tết) chợ hoa đông nghịt.",
            "reference_date": "2026-02-10"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    // No person, place or organization here: "Bính Ngọ" is a year.
    assert_eq!(v["entities"], serde_json::json!([]));
    let dates = v["dates"].as_array().unwrap();
    assert_eq!(dates.len(), 3, "{dates:?}");
    let d = &dates[0];
    assert_eq!(d["text"], "Sáng mùng 1 Tết Bính Ngọ");
    assert_eq!(
        (d["start"].as_u64(), d["end"].as_u64()),
        (Some(0), Some(24))
    );
    assert_eq!(d["value"], "2026-02-17");
    assert_eq!(d["granularity"], "part_of_day");
    assert_eq!(d["calendar"], "lunar");
    assert_eq!(
        d["lunar"],
        serde_json::json!({"year": 2026, "month": 1, "day": 1, "leap_month": false})
    );
    assert_eq!(dates[1]["text"], "14/2");
    assert_eq!(dates[1]["field"], "text");
    assert_eq!(dates[1]["value"], "2026-02-14");
    assert_eq!(dates[2]["text"], "27 Tết");
    assert_eq!(dates[2]["calendar"], "lunar");
    assert_eq!(dates[2]["value"], "2026-02-14");
    assert_eq!(dates[2]["lunar"]["month"], 12);
    let r = c
        .post(s.url("/v1/analyze"))
        .json(&serde_json::json!({"txt": "x"}))
        .send()
        .await
        .unwrap();
    problem(r, 400, "invalid-request").await;
    let r = c
        .post(s.url("/v1/analyze"))
        .json(&serde_json::json!({"text": "x", "reference_date": "mai"}))
        .send()
        .await
        .unwrap();
    problem(r, 400, "invalid-reference-date").await;
    let r = c
        .post(s.url("/v1/analyze"))
        .header("content-type", "text/plain")
        .body("x")
        .send()
        .await
        .unwrap();
    problem(r, 415, "unsupported-media-type").await;
}

#[tokio::test]
async fn sigterm_shuts_down_cleanly() {
    let mut s = Server::start(&[]);
    still_serving(&s).await;
    let pid = s.child.id().to_string();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    let code = loop {
        if let Some(st) = s.child.try_wait().unwrap() {
            break st;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "exits within the grace period"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert!(code.success(), "clean exit: {code:?}");
    let logs: Vec<String> = s.stderr.try_iter().collect();
    assert!(logs.iter().any(|l| l.contains("shutting down")), "{logs:?}");
}

#[tokio::test]
async fn json_logs_carry_the_request_span() {
    let s = Server::start(&[("VNARTICLE__LOG__FORMAT", "json")]);
    let r = client()
        .get(s.url("/healthz"))
        .header("x-request-id", "log-test-1")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let line = s
            .stderr
            .recv_timeout(std::time::Duration::from_secs(5))
            .expect("a log line");
        if line.contains("log-test-1") {
            let v: Value = serde_json::from_str(&line).expect("json log line");
            assert_eq!(v["span"]["request_id"], "log-test-1");
            assert_eq!(v["span"]["route"], "/healthz");
            assert_eq!(v["span"]["status"], 200);
            break;
        }
        assert!(std::time::Instant::now() < deadline);
    }
}
