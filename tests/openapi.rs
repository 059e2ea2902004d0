//! The OpenAPI document: served at /openapi.json, equal to the committed snapshot (so a
//! change of any route or schema fails here until the snapshot is updated on purpose:
//! `UPDATE_SNAPSHOTS=1 cargo test --test openapi`), listing every route, and naming every
//! problem slug the code can answer.

mod common;

use common::{client, Server};
use serde_json::Value;
use std::path::PathBuf;

fn snapshot_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/openapi.json")
}

#[test]
fn the_document_matches_its_snapshot() {
    let now = vnarticle::server::openapi_json();
    let path = snapshot_path();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &now).unwrap();
    }
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    if before != now {
        let first = before
            .lines()
            .zip(now.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(before.lines().count().min(now.lines().count()));
        panic!(
            "the OpenAPI document changed (first difference at line {}: {:?} → {:?}); \
             if the change is meant, run UPDATE_SNAPSHOTS=1 cargo test --test openapi and commit \
             tests/snapshots/openapi.json",
            first + 1,
            before.lines().nth(first).unwrap_or(""),
            now.lines().nth(first).unwrap_or("")
        );
    }
}

#[tokio::test]
async fn every_route_is_described_and_served() {
    let s = Server::start(&[]);
    let r = client().get(s.url("/openapi.json")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/json");
    let served: Value = r.json().await.unwrap();
    let built: Value = serde_json::from_str(&vnarticle::server::openapi_json()).unwrap();
    assert_eq!(served, built);
    assert!(served["openapi"].as_str().unwrap().starts_with("3.1"));
    let routes = [
        ("/v1/extract", "get"),
        ("/v1/extract", "post"),
        ("/v1/extract/batch", "post"),
        ("/v1/analyze", "post"),
        ("/v1/cache", "delete"),
        ("/healthz", "get"),
        ("/readyz", "get"),
        ("/metrics", "get"),
        ("/openapi.json", "get"),
    ];
    let paths = served["paths"].as_object().unwrap();
    let described: usize = paths.values().map(|v| v.as_object().unwrap().len()).sum();
    assert_eq!(
        described,
        routes.len(),
        "{:?}",
        paths.keys().collect::<Vec<_>>()
    );
    let c = client();
    for (path, method) in routes {
        let op = &served["paths"][path][method];
        assert!(op.is_object(), "{method} {path} is described");
        assert!(
            op["responses"]["200"].is_object(),
            "{method} {path} describes its answer"
        );
        // The route exists: whatever it answers, it is not the router's 404 or 405.
        let req = c.request(method.to_uppercase().parse().unwrap(), s.url(path));
        let status = req.send().await.unwrap().status().as_u16();
        assert!(status != 404 && status != 405, "{method} {path} → {status}");
    }
    // The problem schema lists the slugs.
    let slugs = &served["components"]["schemas"]["Problem"]["properties"]["type"]["enum"];
    assert!(slugs
        .as_array()
        .unwrap()
        .contains(&Value::from("/problems/blocked-address")));
}

#[test]
fn every_problem_slug_in_the_code_is_catalogued() {
    let catalogue: Vec<&str> = vnarticle::problem::CATALOGUE.iter().map(|c| c.0).collect();
    let re = regex::Regex::new(r#"Problem::new\(\s*"([a-z-]+)""#).unwrap();
    let mut stack = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    let mut seen = 0;
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            // The command line's own problems (unreadable file, bad config) are not HTTP answers.
            if p.extension().is_none_or(|x| x != "rs") || p.ends_with("main.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            for c in re.captures_iter(&text) {
                seen += 1;
                assert!(
                    catalogue.contains(&&c[1]),
                    "{}: slug {:?} is not in problem::CATALOGUE",
                    p.display(),
                    &c[1]
                );
            }
        }
    }
    assert!(seen > 25, "{seen}");
}
