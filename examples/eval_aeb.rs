//! Evaluation on the article-extraction benchmark (../shared/data/aeb): prints F1, precision,
//! recall and empty outputs of the body metric.
//! `cargo run --release --example eval_aeb [-- --per-page] [-- --write FILE]`

use std::io::Read;
use vnarticle::eval::{aggregate, article_text, data_dir, page_counts};
use vnarticle::pipeline::{Input, Options, Pipeline, Source};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let per_page = args.iter().any(|a| a == "--per-page");
    let write = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1));
    let dir = data_dir().join("aeb");
    let truth: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("ground-truth.json")).expect("ground-truth.json"),
    )
    .expect("valid ground truth");
    let truth = truth.as_object().expect("object");
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let pipeline = Pipeline::new();
    let mut pages = Vec::new();
    let mut empty = 0;
    let mut rows = Vec::new();
    let mut preds = serde_json::Map::new();
    for id in ids {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let mut html = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path).expect("page"))
            .read_to_string(&mut html)
            .expect("gzip utf-8");
        let url = truth[id]["url"].as_str().map(str::to_owned);
        let input = Input {
            source: Source::Html(html),
            url,
            options: Options::default(),
        };
        let pred = pipeline
            .run(input)
            .map(|a| article_text(&a))
            .unwrap_or_default();
        if pred.trim().is_empty() {
            empty += 1;
        }
        let t = truth[id]["articleBody"].as_str().unwrap_or("");
        let c = page_counts(t, &pred);
        let p = if c.0 + c.1 > 0.0 {
            c.0 / (c.0 + c.1)
        } else {
            0.0
        };
        let r = if c.0 + c.2 > 0.0 {
            c.0 / (c.0 + c.2)
        } else {
            0.0
        };
        rows.push((p.min(r), p, r, id.clone()));
        pages.push(c);
        preds.insert(id.clone(), serde_json::json!({ "articleBody": pred }));
    }
    if per_page {
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (_, p, r, id) in rows.iter().take(40) {
            println!("{p:.3} {r:.3} {id}");
        }
    }
    if let Some(f) = write {
        std::fs::write(f, serde_json::to_string(&preds).expect("json")).expect("write predictions");
    }
    let s = aggregate(&pages, empty);
    println!(
        "f1={:.4}\nprecision={:.4}\nrecall={:.4}\nempty={}\npages={}",
        s.f1, s.precision, s.recall, s.empty, s.pages
    );
}
