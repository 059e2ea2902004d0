//! Evaluation of the date pipeline on the labelled sentences (tests/data/dates_gold.jsonl):
//! detection precision/recall/F1 (a found mention overlapping a gold one, one to one), value
//! accuracy (of the detected mentions, those with the gold value, end value and granularity),
//! exact-span agreement, labelled traps hit, and the same per category.
//! `cargo run --release --example eval_dates [-- --verbose] [--holdout]` (`--holdout`: the
//! held-out set, tests/data/dates_holdout.jsonl, written blind and never used for tuning).

use vnarticle::eval::{date_scores, load_dates_gold, load_dates_holdout};

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let gold = if std::env::args().any(|a| a == "--holdout") {
        load_dates_holdout()
    } else {
        load_dates_gold()
    };
    let s = date_scores(&gold, verbose);
    println!(
        "records={} gold_mentions={} found={} traps={} (hit {})",
        s.records, s.gold, s.found, s.traps, s.trap_hits
    );
    println!(
        "detection: precision={:.3} recall={:.3} f1={:.3}",
        s.span.0, s.span.1, s.span.2
    );
    println!(
        "value accuracy={:.3} (of detected); exact span={:.3}",
        s.value_accuracy, s.exact_span
    );
    println!(
        "detected and resolved: precision={:.3} recall={:.3} f1={:.3}",
        s.value.0, s.value.1, s.value.2
    );
    println!(
        "{:<18} {:>5} {:>9} {:>9}",
        "category", "gold", "detected", "resolved"
    );
    for (name, g, d, r) in &s.categories {
        println!("{name:<18} {g:>5} {d:>9} {r:>9}");
    }
}
