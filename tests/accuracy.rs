//! Regression gate on accuracy: the article-extraction benchmark's F1 and the per-field
//! accuracy on the Vietnamese development pages may not fall below tests/baseline.json.
//! The page-text gate renders the pages with w3m (installed by .ci/run). The date gate scores
//! the date pipeline on tests/data/dates_gold.jsonl.

mod support {
    pub mod runs;
}
use support::runs;

use serde_json::Value;
use vnarticle::eval::{
    aggregate, date_scores, entity_scores, load_dates_gold, load_entities_gold, page_counts, prf,
    score_vn, VN_FIELDS,
};

fn baseline() -> Value {
    serde_json::from_str(include_str!("baseline.json")).expect("baseline.json")
}

#[test]
fn aeb_f1_does_not_regress() {
    let run = runs::aeb_pages();
    let pages: Vec<(f64, f64, f64)> = run
        .iter()
        .map(|p| page_counts(&p.truth, &p.prediction))
        .collect();
    let empty = run
        .iter()
        .filter(|p| p.prediction.trim().is_empty())
        .count();
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
    let run = runs::vn_pages(text_mode);
    let mut right = [0usize; 8];
    for (gold, article) in &run {
        let Ok(a) = article else { continue };
        for (k, (_, ok)) in score_vn(a, gold).iter().enumerate() {
            if *ok {
                right[k] += 1;
            }
        }
    }
    right.iter().map(|r| *r as f64 / run.len() as f64).collect()
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
        "dates detection p={:.3} r={:.3} value accuracy={:.3} exact span={:.3}",
        s.span.0, s.span.1, s.value_accuracy, s.exact_span
    );
    // The set the issue asks for: 300 mentions, 30 relative, 30 ranges, 20 lunar, 30 times.
    let gold_in = |c: &str| s.categories.iter().find(|e| e.0 == c).map_or(0, |e| e.1);
    assert!(gold_in("all") >= 300, "{:?}", s.categories);
    assert!(
        gold_in("relative") >= 30 && gold_in("range") >= 30,
        "{:?}",
        s.categories
    );
    assert!(
        gold_in("lunar") >= 20 && gold_in("time/part of day") >= 30,
        "{:?}",
        s.categories
    );
    let want = |k: &str| b[k].as_f64().unwrap();
    assert!(
        s.span.0 >= want("detection_precision"),
        "precision {:.3}",
        s.span.0
    );
    assert!(
        s.span.1 >= want("detection_recall"),
        "recall {:.3}",
        s.span.1
    );
    assert!(
        s.value_accuracy >= want("value_accuracy"),
        "value accuracy {:.3}",
        s.value_accuracy
    );
}

/// Scores a labelled entity set against the floors under `key` in baseline.json (every type
/// the floors name) and checks the set still holds `min_names` PER/ORG/LOC mentions.
fn check_entities(gold: &[vnarticle::eval::EntitiesGold], key: &str, min_names: usize) {
    let counts = entity_scores(gold, false);
    let b = &baseline()[key];
    let mut gold_names = 0;
    for (ty, gold, pred, correct) in &counts {
        let (p, r, f1) = prf(*correct, *pred, *gold);
        println!("{ty} P {p:.3} R {r:.3} F1 {f1:.3} (gold {gold}, predicted {pred})");
        if matches!(*ty, "PER" | "ORG" | "LOC") {
            gold_names += gold;
        }
        if let Some(floor) = b[format!("{ty}_f1")].as_f64() {
            assert!(f1 >= floor, "{key}: {ty} F1 {f1:.3} below {floor}");
        }
    }
    assert!(
        gold_names >= min_names,
        "{key}: the labelled set is there: {gold_names}"
    );
}

#[test]
fn entities_do_not_regress() {
    check_entities(&load_entities_gold(), "entities", 590);
}

/// The written entity sets, each labelled blind by a helper that never saw the code (see
/// their .md files). `entities_holdout`, `2a` and `2b` were tuned on after their first run
/// (first runs: PER 0.800 / 0.862 / 0.819); `entities_holdout3` has never had its errors
/// read (first run PER 0.912, ORG 0.888, LOC 0.955).
#[test]
fn entities_on_the_written_sets_do_not_regress() {
    for (set, min_names) in [
        ("entities_holdout", 440),
        ("entities_holdout2a", 480),
        ("entities_holdout2b", 560),
        ("entities_holdout3", 540),
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/data/{set}.jsonl"));
        let text = std::fs::read_to_string(&path).unwrap();
        let gold = vnarticle::eval::parse_entities_jsonl(&text).unwrap();
        check_entities(&gold, set, min_names);
    }
}
