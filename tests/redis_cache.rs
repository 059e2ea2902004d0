//! The shared Redis tier, end to end: real `redis-server` and `vnarticle serve` processes and
//! a local origin, all on 127.0.0.1. Skipped (with a notice) when redis-server is absent.

mod common;

use common::origin::Origin;
use common::redis::RedisServer;
use common::{client, enc, get_json, Server, ALLOW};
use serde_json::Value;
use std::time::{Duration, Instant};

fn replica(redis: &RedisServer) -> Server {
    Server::start(&[ALLOW, ("VNARTICLE__CACHE__REDIS_URL", &redis.url())])
}

/// GETs a URL through a replica: (status, X-Cache).
async fn get(s: &Server, target: &str) -> (u16, String) {
    let r = client()
        .get(s.url(&format!("/v1/extract?url={}", enc(target))))
        .send()
        .await
        .unwrap();
    let x = r
        .headers()
        .get("x-cache")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let status = r.status().as_u16();
    let _ = r.bytes().await;
    (status, x)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_share_extractions_through_redis() {
    let Some(redis) = RedisServer::start("replicas_share_extractions_through_redis") else {
        return;
    };
    let o = Origin::start().await;
    let a = replica(&redis);
    let b = replica(&redis);
    let target = o.url("/page/nhandan_1.html");
    assert_eq!(get(&a, &target).await, (200, "miss".into()));
    assert_eq!(get(&b, &target).await, (200, "hit; tier=redis".into()));
    assert_eq!(get(&b, &target).await, (200, "hit; tier=memory".into()));
    // A replica started later (or restarted) finds it too.
    let c = replica(&redis);
    assert_eq!(get(&c, &target).await, (200, "hit; tier=redis".into()));
    assert_eq!(
        o.hits("/page/nhandan_1.html"),
        1,
        "one fetch for three replicas"
    );

    // The body served from Redis is the article the first replica extracted.
    let ra: Value = get_json(&a.url(&format!("/v1/extract?url={}", enc(&target)))).await;
    let rc: Value = get_json(&c.url(&format!("/v1/extract?url={}", enc(&target)))).await;
    assert_eq!(ra["body"], rc["body"]);
    assert_eq!(ra["entities"], rc["entities"]);

    // Purge through one replica: gone from its memory and from Redis.
    let r = client()
        .delete(a.url(&format!("/v1/cache?url={}", enc(&target))))
        .send()
        .await
        .unwrap();
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["memory"]["purged"], true, "{v}");
    assert_eq!(v["redis"]["purged"], true, "{v}");
    let d = replica(&redis);
    assert_eq!(get(&d, &target).await, (200, "miss".into()));
    assert_eq!(o.hits("/page/nhandan_1.html"), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redis_outage_degrades_to_memory_and_sharing_resumes() {
    let Some(mut redis) =
        RedisServer::start("a_redis_outage_degrades_to_memory_and_sharing_resumes")
    else {
        return;
    };
    let o = Origin::start().await;
    let a = replica(&redis);
    let b = replica(&redis);
    let cached = o.url("/page/soha_1.html");
    assert_eq!(get(&a, &cached).await, (200, "miss".into()));

    redis.kill();
    // Cached pages still come from memory; new pages are extracted; nothing fails or hangs.
    let t0 = Instant::now();
    assert_eq!(get(&a, &cached).await, (200, "hit; tier=memory".into()));
    for i in 0..5 {
        let (status, x) = get(&a, &o.url(&format!("/page/genk_1.html?n={i}"))).await;
        assert_eq!((status, x.as_str()), (200, "miss"));
    }
    assert!(t0.elapsed() < Duration::from_secs(5), "{:?}", t0.elapsed());
    let ready: Value = get_json(&a.url("/readyz")).await;
    assert_eq!(ready["status"], "degraded", "{ready}");
    assert_eq!(ready["checks"]["redis"]["status"], "down");

    // Redis back: within a few seconds a page extracted by one replica is a hit on the other.
    redis.restart();
    let t0 = Instant::now();
    let mut i = 0;
    loop {
        i += 1;
        let target = o.url(&format!("/page/kenh14_1.html?after={i}"));
        let _ = get(&a, &target).await;
        if get(&b, &target).await == (200, "hit; tier=redis".into()) {
            break;
        }
        assert!(
            t0.elapsed() < Duration::from_secs(20),
            "sharing did not resume"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let ready: Value = get_json(&a.url("/readyz")).await;
    assert_eq!(ready["status"], "ready", "{ready}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hung_redis_costs_a_request_at_most_its_short_timeout() {
    let Some(redis) = RedisServer::start("a_hung_redis_costs_a_request_at_most_its_short_timeout")
    else {
        return;
    };
    let o = Origin::start().await;
    let a = Server::start(&[
        ALLOW,
        ("VNARTICLE__CACHE__REDIS_URL", &redis.url()),
        ("VNARTICLE__CACHE__REDIS_TIMEOUT_MS", "150"),
    ]);
    let warm = o.url("/page/cafef_1.html");
    assert_eq!(get(&a, &warm).await, (200, "miss".into()));
    // Redis stops answering (it still accepts connections).
    redis.signal("-STOP");
    let target = o.url("/page/tienphong_2.html");
    let t0 = Instant::now();
    assert_eq!(get(&a, &target).await, (200, "miss".into()));
    let first = t0.elapsed();
    // Extraction itself takes well under a second; Redis adds at most its 150 ms timeout
    // (the write is skipped once the read has timed out).
    assert!(first < Duration::from_millis(1500), "{first:?}");
    let t0 = Instant::now();
    for i in 0..10 {
        let (status, _) = get(&a, &o.url(&format!("/page/cafef_1.html?hung={i}"))).await;
        assert_eq!(status, 200);
    }
    assert!(t0.elapsed() < Duration::from_secs(8), "{:?}", t0.elapsed());
    redis.signal("-CONT");
}
