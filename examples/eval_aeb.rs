//! Evaluation on the article-extraction benchmark (../shared/data/aeb): prints F1, precision,
//! recall and empty outputs of the body metric.
//! `cargo run --release --example eval_aeb [-- --per-page] [-- --write FILE]`

#[path = "../tests/support/runs.rs"]
mod runs;

use vnarticle::eval::{aggregate, page_counts};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let per_page = args.iter().any(|a| a == "--per-page");
    let write = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1));
    let pages = runs::aeb_pages();
    let counts: Vec<(f64, f64, f64)> = pages
        .iter()
        .map(|p| page_counts(&p.truth, &p.prediction))
        .collect();
    let empty = pages
        .iter()
        .filter(|p| p.prediction.trim().is_empty())
        .count();
    if per_page {
        let ratio = |a: f64, b: f64| if a + b > 0.0 { a / (a + b) } else { 0.0 };
        let mut rows: Vec<(f64, f64, &str)> = pages
            .iter()
            .zip(&counts)
            .map(|(p, c)| (ratio(c.0, c.1), ratio(c.0, c.2), p.id.as_str()))
            .collect();
        rows.sort_by(|a, b| a.0.min(a.1).total_cmp(&b.0.min(b.1)));
        for (p, r, id) in rows.iter().take(40) {
            println!("{p:.3} {r:.3} {id}");
        }
    }
    if let Some(f) = write {
        let preds: serde_json::Map<String, serde_json::Value> = pages
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    serde_json::json!({ "articleBody": p.prediction }),
                )
            })
            .collect();
        std::fs::write(f, serde_json::to_string(&preds).expect("json")).expect("write predictions");
    }
    let s = aggregate(&counts, empty);
    println!(
        "f1={:.4}\nprecision={:.4}\nrecall={:.4}\nempty={}\npages={}",
        s.f1, s.precision, s.recall, s.empty, s.pages
    );
}
