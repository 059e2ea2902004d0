//! Shared test helpers: paths to the shared data and a real server process on 127.0.0.1.
#![allow(dead_code)]

pub mod origin;
pub mod redis;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// `../shared` from the crate root (CI has the same layout).
pub fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

pub fn seed_page() -> PathBuf {
    shared().join("seed/kinhtedothi-page.txt")
}

/// The labelled title of a vn-dev page (`name` without `.html`).
pub fn vn_gold_title(name: &str) -> String {
    let p = shared()
        .join("data/vn-dev/gold")
        .join(format!("{name}.json"));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&p).expect("gold file")).expect("gold json");
    v["title"].as_str().expect("gold title").to_owned()
}

pub fn vn_page(name: &str) -> PathBuf {
    shared().join("data/vn-dev/pages").join(name)
}

/// A `vnarticle serve` process listening on 127.0.0.1 on a free port; killed on drop.
pub struct Server {
    pub child: Child,
    pub base: String,
    pub stderr: mpsc::Receiver<String>,
}

impl Server {
    /// Starts the binary with extra environment variables (config overrides).
    pub fn start(env: &[(&str, &str)]) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_vnarticle"));
        cmd.args(["serve", "--listen", "127.0.0.1:0"])
            .env("VNARTICLE__LOG__LEVEL", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("spawn vnarticle serve");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let first = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("the server logs a first line");
        let addr: String = first
            .split("listening on ")
            .nth(1)
            .map(|s| {
                s.chars()
                    .take_while(|c| c.is_ascii_hexdigit() || matches!(c, '.' | ':' | '[' | ']'))
                    .collect()
            })
            .unwrap_or_else(|| panic!("first log line names the address: {first}"));
        Server {
            child,
            base: format!("http://{addr}"),
            stderr: rx,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(60))
        .build()
        .expect("client")
}

/// GET a URL and read its JSON answer.
pub async fn get_json(url: &str) -> serde_json::Value {
    client()
        .get(url)
        .send()
        .await
        .expect("GET")
        .json()
        .await
        .expect("JSON answer")
}

/// A URL as one query parameter value.
pub fn enc(u: &str) -> String {
    url::form_urlencoded::byte_serialize(u.as_bytes()).collect()
}

/// The `X-Cache` header of a response ("" when absent).
pub fn x_cache(r: &reqwest::Response) -> String {
    r.headers()
        .get("x-cache")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

/// Checks a problem response (status, content type, slug, the members every problem has,
/// the request id) and returns its JSON.
pub async fn problem(resp: reqwest::Response, status: u16, slug: &str) -> serde_json::Value {
    assert_eq!(resp.status().as_u16(), status, "status");
    assert!(
        resp.headers().contains_key("x-request-id"),
        "x-request-id on errors too"
    );
    assert_eq!(
        resp.headers()["content-type"].to_str().unwrap(),
        "application/problem+json"
    );
    let v: serde_json::Value = resp.json().await.expect("problem json");
    assert_eq!(v["type"], format!("/problems/{slug}"), "{v}");
    assert_eq!(v["status"], status);
    assert!(v["title"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(v["detail"].as_str().is_some_and(|t| !t.is_empty()));
    v
}

/// The configuration that lets the service fetch from the local origin on 127.0.0.1.
pub const ALLOW: (&str, &str) = ("VNARTICLE__FETCH__ALLOW_ADDRESSES", "[\"127.0.0.1/32\"]");
