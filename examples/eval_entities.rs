//! Evaluation of the entity pipeline on the labelled texts (tests/data/entities_gold.jsonl):
//! precision, recall and F1 per type, exact span and type.
//! `cargo run --release --example eval_entities [-- --verbose] [--holdout | --file PATH]`;
//! `--holdout` scores tests/data/entities_holdout.jsonl instead (texts written and labelled blind),
//! `--file` any set in the same format.
//! (bench/underthesea_entities.py scores underthesea on the same set the same way.)

use vnarticle::eval::{entity_scores, load_entities_gold, parse_entities_jsonl, prf};

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let args: Vec<String> = std::env::args().collect();
    let file = args
        .iter()
        .position(|a| a == "--file")
        .and_then(|i| args.get(i + 1).cloned());
    let file = file.or_else(|| {
        args.iter().any(|a| a == "--holdout").then(|| {
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/data/entities_holdout.jsonl"
            )
            .to_string()
        })
    });
    let gold = if let Some(path) = file {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        parse_entities_jsonl(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    } else {
        load_entities_gold()
    };
    let counts = entity_scores(&gold, verbose);
    println!("records={}", gold.len());
    let (mut g, mut p, mut c) = (0, 0, 0);
    for (ty, gold_n, pred, correct) in &counts {
        let (pr, rc, f1) = prf(*correct, *pred, *gold_n);
        println!(
            "{ty:<8} P {pr:.3}  R {rc:.3}  F1 {f1:.3}  (gold {gold_n}, predicted {pred}, correct {correct})"
        );
        if matches!(*ty, "PER" | "ORG" | "LOC") {
            g += gold_n;
            p += pred;
            c += correct;
        }
    }
    let (pr, rc, f1) = prf(c, p, g);
    println!(
        "PER+ORG+LOC P {pr:.3}  R {rc:.3}  F1 {f1:.3}  (gold {g}, predicted {p}, correct {c})"
    );
}
