//! Evaluation of the date pipeline on labelled sentences (tests/data/dates_gold.jsonl):
//! precision, recall and F1 of the mentions found (exact span), and of the mentions resolved
//! (exact span and the same value and end value). `cargo run --release --example eval_dates [-- --verbose]`

use vnarticle::eval::{date_scores, load_dates_gold};

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let gold = load_dates_gold();
    let s = date_scores(&gold, verbose);
    println!(
        "records={} gold_mentions={} found={}",
        s.records, s.gold, s.found
    );
    println!(
        "span: precision={:.3} recall={:.3} f1={:.3}",
        s.span.0, s.span.1, s.span.2
    );
    println!(
        "value: precision={:.3} recall={:.3} f1={:.3}",
        s.value.0, s.value.1, s.value.2
    );
}
