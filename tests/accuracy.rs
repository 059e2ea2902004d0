//! Regression gate on accuracy: the article-extraction benchmark's F1 and the per-field
//! accuracy on the Vietnamese development pages may not fall below tests/baseline.json.
//! The page-text gate renders the pages with w3m (installed by .ci/run). The date gate scores
//! the date pipeline on tests/data/dates_gold.jsonl.

use serde_json::Value;
use std::io::Read;
use vnarticle::eval::{
    aggregate, article_text, data_dir, date_scores, load_dates_gold, page_counts, score_vn, VnGold,
    VN_FIELDS,
};
use vnarticle::pipeline::{Input, Options, Pipeline, Source};

fn baseline() -> Value {
    serde_json::from_str(include_str!("baseline.json")).expect("baseline.json")
}

#[test]
fn aeb_f1_does_not_regress() {
    let dir = data_dir().join("aeb");
    let truth: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("ground-truth.json"))
            .expect("AEB ground truth in ../shared/data/aeb"),
    )
    .unwrap();
    let truth = truth.as_object().unwrap();
    let pipeline = Pipeline::new();
    let mut pages = Vec::new();
    let mut empty = 0;
    for (id, t) in truth {
        let mut html = String::new();
        flate2::read::GzDecoder::new(
            std::fs::File::open(dir.join("html").join(format!("{id}.html.gz"))).unwrap(),
        )
        .read_to_string(&mut html)
        .unwrap();
        let input = Input {
            source: Source::Html(html),
            url: t["url"].as_str().map(str::to_owned),
            options: Options::default(),
        };
        let pred = pipeline
            .run(input)
            .map(|a| article_text(&a))
            .unwrap_or_default();
        if pred.trim().is_empty() {
            empty += 1;
        }
        pages.push(page_counts(t["articleBody"].as_str().unwrap_or(""), &pred));
    }
    let s = aggregate(&pages, empty);
    let b = &baseline()["aeb"];
    println!(
        "AEB f1={:.4} precision={:.4} recall={:.4} empty={}",
        s.f1, s.precision, s.recall, s.empty
    );
    assert_eq!(s.pages, 181);
    assert!(
        s.f1 >= b["f1"].as_f64().unwrap(),
        "F1 {:.4} fell below the baseline",
        s.f1
    );
    assert!(
        s.precision >= b["precision"].as_f64().unwrap(),
        "precision {:.4}",
        s.precision
    );
    assert!(
        s.recall >= b["recall"].as_f64().unwrap(),
        "recall {:.4}",
        s.recall
    );
    assert!(
        s.empty as u64 <= b["max_empty"].as_u64().unwrap(),
        "{} empty outputs",
        s.empty
    );
}

fn vn_scores(text_mode: bool) -> Vec<f64> {
    let dir = data_dir().join("vn-dev");
    let mut golds: Vec<_> = std::fs::read_dir(dir.join("gold"))
        .expect("vn-dev gold")
        .flatten()
        .map(|e| e.path())
        .collect();
    golds.sort();
    let pipeline = Pipeline::new();
    let mut right = [0usize; 8];
    for g in &golds {
        let gold: VnGold = serde_json::from_str(&std::fs::read_to_string(g).unwrap()).unwrap();
        let page = dir.join("pages").join(&gold.file);
        let source = if text_mode {
            let out = std::process::Command::new("w3m")
                .args([
                    "-dump",
                    "-cols",
                    "20000",
                    "-T",
                    "text/html",
                    "-I",
                    "UTF-8",
                    "-O",
                    "UTF-8",
                ])
                .arg(&page)
                .output()
                .expect("w3m is installed (apt-get install w3m)");
            Source::Text(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Source::Bytes {
                bytes: std::fs::read(&page).unwrap().into(),
                kind: None,
                charset: None,
            }
        };
        let Ok(a) = pipeline.run(Input {
            source,
            url: gold.url.clone(),
            options: Options::default(),
        }) else {
            continue;
        };
        for (k, (_, ok)) in score_vn(&a, &gold).iter().enumerate() {
            if *ok {
                right[k] += 1;
            }
        }
    }
    right
        .iter()
        .map(|r| *r as f64 / golds.len() as f64)
        .collect()
}

fn gate(section: &str, scores: &[f64]) {
    let b = &baseline()[section];
    let mut failures = Vec::new();
    for (k, f) in VN_FIELDS.iter().enumerate() {
        let floor = b[*f].as_f64().unwrap();
        println!("{section} {f}={:.3} (floor {floor})", scores[k]);
        if scores[k] + 1e-9 < floor {
            failures.push(format!("{f} {:.3} < {floor}", scores[k]));
        }
    }
    assert!(failures.is_empty(), "{section} regressed: {failures:?}");
}

#[test]
fn vn_dev_html_fields_do_not_regress() {
    let s = vn_scores(false);
    gate("vn_dev_html", &s);
    // The bar: title, lead, published_at ≥ 95%; first and last paragraph ≥ 90%.
    assert!(s[0] >= 0.95 && s[1] >= 0.95 && s[2] >= 0.95, "{s:?}");
    assert!(s[4] >= 0.90 && s[5] >= 0.90, "{s:?}");
}

#[test]
fn vn_dev_text_fields_do_not_regress() {
    gate("vn_dev_text", &vn_scores(true));
}

#[test]
fn dates_do_not_regress() {
    let s = date_scores(&load_dates_gold(), false);
    let b = &baseline()["dates"];
    println!(
        "dates span f1={:.3} value p={:.3} r={:.3} f1={:.3}",
        s.span.2, s.value.0, s.value.1, s.value.2
    );
    assert!(s.gold >= 150, "the labelled set is there");
    assert!(
        s.span.2 >= b["span_f1"].as_f64().unwrap(),
        "span F1 {:.3}",
        s.span.2
    );
    assert!(
        s.value.2 >= b["value_f1"].as_f64().unwrap(),
        "value F1 {:.3}",
        s.value.2
    );
    assert!(
        s.value.0 >= b["value_precision"].as_f64().unwrap(),
        "value precision {:.3}",
        s.value.0
    );
}
