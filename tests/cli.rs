//! The command line: `vnarticle extract` prints Article JSON on stdout with exit 0, or a
//! problem JSON on stderr with exit 1 (2 for usage errors).

mod common;

use common::{seed_page, vn_page};
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

fn vnarticle() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vnarticle"))
}

#[test]
fn extract_a_saved_html_page() {
    let out = vnarticle()
        .arg("extract")
        .arg(vn_page("dantri_1.html"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["title"], "Miền Bắc giảm mưa, nhiều nơi nắng nóng");
    assert_eq!(a["dateline"], "Dân trí");
    assert_eq!(a["published_at"], "2026-07-21T00:00:00+07:00");
    assert_eq!(a["authors"], serde_json::json!(["Bạch An"]));
    assert_eq!(a["language"], "vi");
    assert_eq!(
        a["tags"],
        serde_json::json!([
            "thời tiết TPHCM",
            "thời tiết miền Bắc",
            "thời tiết Hà Nội",
            "dự báo thời tiết"
        ])
    );
}

#[test]
fn extract_from_stdin_with_url() {
    let html = std::fs::read(vn_page("tienphong_1.html")).unwrap();
    let mut child = vnarticle()
        .args([
            "extract",
            "--url",
            "https://tienphong.vn/a-post1860261.tpo",
            "--pretty",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&html).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\n  \"title\""), "pretty-printed");
    let a: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(a["url"], "https://tienphong.vn/a-post1860261.tpo");
    // Relative links and images resolve against the page address.
    for img in a["images"].as_array().unwrap() {
        if let Some(u) = img["url"].as_str() {
            assert!(u.starts_with("https://"), "{u}");
        }
    }
}

#[test]
fn failures_print_a_problem_on_stderr() {
    let out = vnarticle()
        .args(["extract", "/nonexistent/page.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let p: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(p["type"], "/problems/unreadable-input");

    let mut child = vnarticle()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"<html><body><nav>Menu</nav></body></html>")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let p: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(p["type"], "/problems/no-article");
    assert_eq!(p["status"], 422);

    let out = vnarticle()
        .arg("extract")
        .arg("--reference-date")
        .arg("mai")
        .arg(seed_page())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let p: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(p["type"], "/problems/invalid-reference-date");
}

#[test]
fn a_url_argument_is_fetched_through_the_address_guard() {
    // An internal address is refused before any connection is made.
    let out = vnarticle()
        .args(["extract", "http://127.0.0.1:9/a.htm"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let p: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(p["type"], "/problems/blocked-address");
    assert_eq!(p["status"], 403);
    // Fetching switched off in the configuration.
    let out = vnarticle()
        .args(["extract", "https://tuoitre.vn/a.htm"])
        .env("VNARTICLE__FETCH__ENABLED", "false")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let p: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(p["type"], "/problems/fetch-disabled");
    assert_eq!(p["status"], 501);
}

#[test]
fn analyze_a_text() {
    let mut child = vnarticle()
        .args(["analyze", "--reference-date", "2026-02-15", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Hôm qua và rằm tháng Giêng".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let values: Vec<&str> = v["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, vec!["2026-02-14", "2026-03-03"]);
    assert_eq!(v["entities"], serde_json::json!([]));
}

#[test]
fn usage_errors_exit_2() {
    let out = vnarticle().args(["extract"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = vnarticle().args(["frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn many_inputs_give_ndjson_in_order_and_a_progress_line_on_a_terminal() {
    let pages: Vec<String> = ["dantri_1.html", "genk_1.html"]
        .iter()
        .map(|p| vn_page(p).display().to_string())
        .collect();
    let out = vnarticle()
        .arg("extract")
        .args(&pages)
        .arg("/no/such/file.html")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "one input failed");
    let lines: Vec<Value> = out
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["input"], pages[0]);
    assert_eq!(lines[0]["status"], 200);
    assert_eq!(
        lines[0]["article"]["title"],
        common::vn_gold_title("dantri_1")
    );
    assert_eq!(
        lines[1]["article"]["title"],
        common::vn_gold_title("genk_1")
    );
    assert_eq!(lines[1]["input"], pages[1]);
    assert_eq!(lines[2]["problem"]["type"], "/problems/unreadable-input");
    assert!(
        out.stderr.is_empty(),
        "no progress line when stderr is not a terminal"
    );

    // On a terminal (script(1) gives one), a progress line.
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok()
    {
        let cmd = format!(
            "{} extract {} {} > /dev/null",
            env!("CARGO_BIN_EXE_vnarticle"),
            pages[0],
            pages[1]
        );
        let out = std::process::Command::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .output()
            .unwrap();
        let tty = String::from_utf8_lossy(&out.stdout);
        assert!(tty.contains("2/2 pages · 0 failed"), "{tty}");
    }
}
