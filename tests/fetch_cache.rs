//! Fetching by URL and the memory cache, end to end: a real `vnarticle serve` process and a
//! local origin, both on 127.0.0.1 (the origin's address is allow-listed for the service).

mod common;

use common::origin::Origin;
use common::{client, enc, problem, x_cache, Server, ALLOW};
use serde_json::Value;
use std::time::{Duration, Instant};

async fn get(s: &Server, target: &str) -> reqwest::Response {
    client()
        .get(s.url(&format!("/v1/extract?url={}", enc(target))))
        .send()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fetched_page_is_extracted_then_served_from_memory() {
    let o = Origin::start().await;
    let s = Server::start(&[ALLOW]);
    let target = o.url("/page/vnexpress_1.html");
    let r = get(&s, &target).await;
    assert_eq!(r.status(), 200);
    assert_eq!(x_cache(&r), "miss");
    let etag = r.headers()["etag"].to_str().unwrap().to_owned();
    assert!(etag.starts_with("W/\""), "{etag}");
    let a: Value = r.json().await.unwrap();
    assert_eq!(a["url"], target);
    assert_eq!(a["final_url"], target);
    assert_eq!(a["meta"]["input"], "url");
    assert_eq!(a["meta"]["http_status"], 200);
    assert_eq!(a["meta"]["charset"], "utf-8");
    assert_eq!(a["meta"]["cache"], "miss");
    assert!(a["meta"]["timings_ms"]["fetch"].as_f64().unwrap() > 0.0);
    assert_eq!(a["title"], common::vn_gold_title("vnexpress_1"));
    // The same article as the page's bytes posted directly.
    let direct: Value = client()
        .post(s.url(&format!("/v1/extract?url={}", enc(&target))))
        .header("content-type", "text/html")
        .body(std::fs::read(common::vn_page("vnexpress_1.html")).unwrap())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(a["body"], direct["body"]);

    // Again, and with tracking parameters and a fragment: the same entry, from memory.
    for again in [
        target.clone(),
        format!("{target}?utm_source=facebook&fbclid=x1#comments"),
    ] {
        let r = get(&s, &again).await;
        assert_eq!(r.status(), 200);
        assert_eq!(x_cache(&r), "hit; tier=memory");
        assert_eq!(r.headers()["etag"].to_str().unwrap(), etag);
        let b: Value = r.json().await.unwrap();
        assert_eq!(b["meta"]["cache"], "hit");
        assert_eq!(b["title"], a["title"]);
        assert_eq!(b["body"], a["body"]);
    }
    assert_eq!(o.hits("/page/vnexpress_1.html"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_simultaneous_requests_make_one_origin_hit() {
    let o = Origin::start().await;
    let s = Server::start(&[ALLOW]);
    // The origin answers slowly, so all requests arrive while the first is in progress.
    let target = o.url("/page/dantri_1.html?delay_ms=300");
    let c = client();
    let url = s.url(&format!("/v1/extract?url={}", enc(&target)));
    let mut tasks = Vec::new();
    for _ in 0..100 {
        let (c, url) = (c.clone(), url.clone());
        tasks.push(tokio::spawn(async move {
            let r = c.get(&url).send().await.unwrap();
            let status = r.status().as_u16();
            let cache = x_cache(&r);
            let mut v: Value = r.json().await.unwrap();
            // Only meta.cache (and the X-Cache header) tell the computing request apart.
            v["meta"]["cache"] = Value::Null;
            (status, cache, serde_json::to_string(&v).unwrap())
        }));
    }
    let mut bodies = Vec::new();
    let mut misses = 0;
    for t in tasks {
        let (status, cache, body) = t.await.unwrap();
        assert_eq!(status, 200);
        misses += usize::from(cache == "miss");
        bodies.push(body);
    }
    assert_eq!(
        o.hits("/page/dantri_1.html?delay_ms=300"),
        1,
        "one origin hit"
    );
    assert_eq!(misses, 1, "one computation");
    assert!(
        bodies.iter().all(|b| b == &bodies[0]),
        "100 identical answers"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn etag_gives_304_and_cache_control_refreshes_or_bypasses() {
    let o = Origin::start().await;
    let s = Server::start(&[ALLOW]);
    let target = o.url("/page/tienphong_1.html");
    let url = s.url(&format!("/v1/extract?url={}", enc(&target)));
    let c = client();
    let r = c.get(&url).send().await.unwrap();
    let etag = r.headers()["etag"].to_str().unwrap().to_owned();
    // If-None-Match with the tag (or a list holding it, or *) → 304 without a body.
    for inm in [etag.clone(), format!("\"other\", {etag}"), "*".to_owned()] {
        let r = c
            .get(&url)
            .header("if-none-match", inm)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 304);
        assert_eq!(r.headers()["etag"].to_str().unwrap(), etag);
        assert!(r.bytes().await.unwrap().is_empty());
    }
    let r = c
        .get(&url)
        .header("if-none-match", "W/\"0000\"")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(o.hits("/page/tienphong_1.html"), 1);

    // no-cache: computed anew (a second origin hit), then stored.
    let r = c
        .get(&url)
        .header("cache-control", "no-cache")
        .send()
        .await
        .unwrap();
    assert_eq!(x_cache(&r), "miss");
    assert_eq!(o.hits("/page/tienphong_1.html"), 2);
    let r = c.get(&url).send().await.unwrap();
    assert_eq!(x_cache(&r), "hit; tier=memory");
    assert_eq!(o.hits("/page/tienphong_1.html"), 2);

    // no-store: computed, neither read nor written.
    let r = c
        .get(&url)
        .header("cache-control", "no-store")
        .send()
        .await
        .unwrap();
    assert_eq!(x_cache(&r), "bypass");
    let a: Value = r.json().await.unwrap();
    assert_eq!(a["meta"]["cache"], "bypass");
    assert_eq!(o.hits("/page/tienphong_1.html"), 3);
    let fresh = o.url("/page/nhandan_1.html");
    let furl = s.url(&format!("/v1/extract?url={}", enc(&fresh)));
    let r = c
        .get(&furl)
        .header("cache-control", "no-store")
        .send()
        .await
        .unwrap();
    assert_eq!(x_cache(&r), "bypass");
    let r = c.get(&furl).send().await.unwrap();
    assert_eq!(x_cache(&r), "miss", "no-store wrote nothing");
    assert_eq!(o.hits("/page/nhandan_1.html"), 2);

    // The same through options.cache in the JSON body.
    let r = c
        .post(s.url("/v1/extract"))
        .json(&serde_json::json!({"url": fresh, "options": {"cache": "refresh"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(x_cache(&r), "miss");
    assert_eq!(o.hits("/page/nhandan_1.html"), 3);
    let r = c
        .post(s.url("/v1/extract"))
        .json(&serde_json::json!({"url": fresh, "options": {"cache": "bypass"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(x_cache(&r), "bypass");
    assert_eq!(o.hits("/page/nhandan_1.html"), 4);
    let r = c
        .post(s.url("/v1/extract"))
        .json(&serde_json::json!({"url": fresh}))
        .send()
        .await
        .unwrap();
    assert_eq!(x_cache(&r), "hit; tier=memory");

    // A reference date is part of the key: another entry.
    let r = c
        .post(s.url("/v1/extract"))
        .json(&serde_json::json!({"url": fresh, "options": {"reference_date": "2026-01-01"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(x_cache(&r), "miss");
    assert_eq!(o.hits("/page/nhandan_1.html"), 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn purge_removes_a_page_and_raw_bodies_are_cached_too() {
    let o = Origin::start().await;
    let s = Server::start(&[ALLOW]);
    let c = client();
    let target = o.url("/page/soha_1.html");
    assert_eq!(x_cache(&get(&s, &target).await), "miss");
    assert_eq!(x_cache(&get(&s, &target).await), "hit; tier=memory");
    let r = c
        .delete(s.url(&format!("/v1/cache?url={}", enc(&format!("{target}#x")))))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["memory"]["purged"], true, "{v}");
    assert_eq!(v["redis"], Value::Null);
    assert_eq!(x_cache(&get(&s, &target).await), "miss");
    assert_eq!(o.hits("/page/soha_1.html"), 2);
    let r = c.delete(s.url("/v1/cache")).send().await.unwrap();
    problem(r, 400, "invalid-request").await;

    // A raw page body is keyed by its bytes.
    let html = std::fs::read(common::vn_page("kenh14_1.html")).unwrap();
    for expect in ["miss", "hit; tier=memory"] {
        let r = c
            .post(s.url("/v1/extract"))
            .header("content-type", "text/html")
            .body(html.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(x_cache(&r), expect);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redirects_are_followed_and_each_hop_is_guarded() {
    let o = Origin::start().await;
    let s = Server::start(&[ALLOW, ("VNARTICLE__FETCH__MAX_REDIRECTS", "3")]);
    let r = get(&s, &o.url("/redirect/3/vnexpress_1.html")).await;
    assert_eq!(r.status(), 200);
    let a: Value = r.json().await.unwrap();
    assert_eq!(a["final_url"], o.url("/page/vnexpress_1.html"));
    assert_eq!(a["url"], o.url("/redirect/3/vnexpress_1.html"));

    let r = get(&s, &o.url("/redirect/4/vnexpress_1.html")).await;
    problem(r, 502, "too-many-redirects").await;

    // A redirect to an internal address is refused at that hop, before any connection:
    // the allow-list names 127.0.0.1 only.
    for to in [
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://10.0.0.1/",
        "http://127.0.0.2/",
        "http://0.0.0.0/",
        "http://[::ffff:127.0.0.1]/",
    ] {
        let hop = o.url(&format!("/redirect-to?to={}", enc(to)));
        let r = get(&s, &hop).await;
        let status = r.status().as_u16();
        let p: Value = r.json().await.unwrap();
        assert_eq!(status, 403, "{to}: {p}");
        assert_eq!(p["type"], "/problems/blocked-address", "{to}");
    }
    // Other schemes are not followed.
    let r = get(
        &s,
        &o.url(&format!("/redirect-to?to={}", enc("file:///etc/passwd"))),
    )
    .await;
    problem(r, 400, "invalid-url").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_allow_list_internal_addresses_are_refused() {
    let o = Origin::start().await;
    let s = Server::start(&[]);
    let r = get(&s, &o.url("/page/vnexpress_1.html")).await;
    let p = problem(r, 403, "blocked-address").await;
    assert_eq!(p["address"], "127.0.0.1");
    // A name resolving to loopback is refused by the resolver itself.
    let port = o.base.rsplit(':').next().unwrap();
    let r = get(
        &s,
        &format!("http://localhost:{port}/page/vnexpress_1.html"),
    )
    .await;
    problem(r, 403, "blocked-address").await;
    assert_eq!(o.total_hits(), 0, "the origin was never contacted");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_endless_and_non_html_origins_get_clear_errors() {
    let o = Origin::start().await;
    let s = Server::start(&[
        ALLOW,
        ("VNARTICLE__FETCH__TIMEOUT_MS", "1000"),
        ("VNARTICLE__FETCH__MAX_BYTES", "2000000"),
    ]);
    let t0 = Instant::now();
    let r = get(&s, &o.url("/slow?ms=5000")).await;
    let p = problem(r, 504, "upstream-timeout").await;
    assert_eq!(p["timeout_ms"], 1000);
    assert!(t0.elapsed() < Duration::from_secs(4));

    let t0 = Instant::now();
    let r = get(&s, &o.url("/endless")).await;
    let p = problem(r, 502, "too-large").await;
    assert_eq!(p["limit_bytes"], 2000000);
    assert!(t0.elapsed() < Duration::from_secs(4));

    for (kind, ct) in [
        ("pdf", "application/pdf"),
        ("png", "image/png"),
        ("json", "application/json"),
    ] {
        let r = get(&s, &o.url(&format!("/typed/{kind}"))).await;
        let p = problem(r, 422, "unsupported-content").await;
        assert_eq!(p["content_type"], ct);
        assert!(p["detail"].as_str().unwrap().contains(ct));
    }

    // gzip-encoded pages are decoded.
    let r = get(&s, &o.url("/gzip/vnexpress_1.html")).await;
    assert_eq!(r.status(), 200);

    // (An unknown host name, 502 `dns-failure`, is a unit test of the fetcher: resolving one
    // here would send a query to the machine's name server, and tests talk only to 127.0.0.1.)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn windows_1258_pages_decode_to_nfc() {
    let o = Origin::start().await;
    let s = Server::start(&[ALLOW]);
    let r = get(&s, &o.url("/page/dantri_1.html")).await;
    let utf8: Value = r.json().await.unwrap();
    let expected = utf8["body"]["text"].as_str().unwrap();
    assert!(
        expected.contains("ệ") || expected.contains("ế"),
        "a Vietnamese body"
    );
    for declare in ["header", "meta", "none"] {
        let r = get(
            &s,
            &o.url(&format!("/cp1258/dantri_1.html?declare={declare}")),
        )
        .await;
        let status = r.status();
        let a: Value = r.json().await.unwrap();
        assert_eq!(status, 200, "{declare}: {a}");
        assert_eq!(a["meta"]["charset"], "windows-1258", "{declare}");
        // Decoded and composed: the same text as the UTF-8 page, in NFC.
        assert_eq!(a["body"]["text"].as_str().unwrap(), expected, "{declare}");
        assert_eq!(a["title"], utf8["title"]);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn origin_errors_are_reported_and_remembered_briefly() {
    let o = Origin::start().await;
    let s = Server::start(&[ALLOW, ("VNARTICLE__CACHE__NEGATIVE_TTL_SECONDS", "2")]);
    let target = o.url("/status/500");
    let r = get(&s, &target).await;
    assert_eq!(x_cache(&r), "miss");
    let p = problem(r, 502, "upstream-status").await;
    assert_eq!(p["upstream_status"], 500);
    // Within the negative TTL the origin is not asked again.
    let r = get(&s, &target).await;
    assert_eq!(x_cache(&r), "hit; tier=memory");
    problem(r, 502, "upstream-status").await;
    assert_eq!(o.hits("/status/500"), 1);
    tokio::time::sleep(Duration::from_millis(2300)).await;
    let r = get(&s, &target).await;
    assert_eq!(x_cache(&r), "miss");
    problem(r, 502, "upstream-status").await;
    assert_eq!(o.hits("/status/500"), 2);

    let r = get(&s, &o.url("/status/404")).await;
    let p = problem(r, 502, "upstream-status").await;
    assert_eq!(p["upstream_status"], 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retry_after_is_honoured_per_host() {
    let o = Origin::start().await;
    let s = Server::start(&[ALLOW, ("VNARTICLE__CACHE__ENABLED", "false")]);
    let r = get(&s, &o.url("/status/429?retry_after=2")).await;
    assert_eq!(r.headers()["retry-after"], "2");
    let p = problem(r, 502, "upstream-status").await;
    assert_eq!(p["upstream_status"], 429);
    assert_eq!(p["retry_after"], 2);
    // Any page of that host waits: answered at once, the origin not contacted.
    let r = get(&s, &o.url("/page/vnexpress_1.html")).await;
    assert!(r.headers().contains_key("retry-after"));
    let p = problem(r, 502, "upstream-backoff").await;
    assert_eq!(p["upstream_status"], 429);
    assert!(p["retry_after"].as_u64().unwrap() <= 2);
    assert_eq!(o.hits("/page/vnexpress_1.html"), 0);
    tokio::time::sleep(Duration::from_millis(2200)).await;
    let r = get(&s, &o.url("/page/vnexpress_1.html")).await;
    assert_eq!(r.status(), 200);
    assert_eq!(o.hits("/page/vnexpress_1.html"), 1);

    // A 503 with an HTTP-date Retry-After is honoured the same way.
    let r = get(
        &s,
        &o.url("/status/503?retry_after=Sun,%2006%20Nov%202044%2008:49:37%20GMT"),
    )
    .await;
    let p = problem(r, 502, "upstream-status").await;
    assert_eq!(p["upstream_status"], 503);
    assert_eq!(
        p["retry_after"], 3600,
        "capped by fetch.max_retry_after_seconds"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fetches_of_one_host_are_bounded() {
    let o = Origin::start().await;
    let s = Server::start(&[ALLOW, ("VNARTICLE__FETCH__PER_HOST_CONCURRENCY", "2")]);
    let c = client();
    let mut tasks = Vec::new();
    for i in 0..8 {
        // Distinct URLs (not coalesced by the cache), each answered slowly.
        let target = o.url(&format!("/page/vnexpress_1.html?delay_ms=250&n={i}"));
        let url = s.url(&format!("/v1/extract?url={}", enc(&target)));
        let c = c.clone();
        tasks.push(tokio::spawn(async move {
            c.get(&url).send().await.unwrap().status()
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 200);
    }
    assert_eq!(
        o.max_in_flight(),
        2,
        "at most 2 fetches of one host at once"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_command_line_fetches_a_url_argument() {
    let o = Origin::start().await;
    let target = o.url("/redirect/2/nhandan_1.html");
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_vnarticle"))
        .args(["extract", &target])
        .env("VNARTICLE__FETCH__ALLOW_ADDRESSES", "[\"127.0.0.1/32\"]")
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["url"], target);
    assert_eq!(a["final_url"], o.url("/page/nhandan_1.html"));
    assert_eq!(a["meta"]["input"], "url");
    assert_eq!(a["meta"]["cache"], "bypass");
    assert_eq!(a["title"], common::vn_gold_title("nhandan_1"));
    // The article keeps its field order (title before body), as the server prints it.
    let raw = String::from_utf8_lossy(&out.stdout);
    assert!(raw.find("\"title\"").unwrap() < raw.find("\"body\"").unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proxy_does_not_bypass_the_address_guard() {
    // A "proxy" that only counts the connections it receives.
    let proxy = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let paddr = proxy.local_addr().unwrap();
    let seen = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen2 = seen.clone();
    let task = tokio::spawn(async move {
        while let Ok((_sock, _)) = proxy.accept().await {
            seen2.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
    });
    let s = Server::start(&[("VNARTICLE__FETCH__PROXY", &format!("http://{paddr}"))]);
    for target in [
        "http://127.0.0.1:9/a.html",
        "http://10.1.2.3/a.html",
        "http://[fd00::1]/a.html",
        "http://localhost:9/a.html",
    ] {
        let r = get(&s, target).await;
        problem(r, 403, "blocked-address").await;
    }
    assert_eq!(
        seen.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "the proxy was never asked"
    );
    task.abort();
}
