//! Accuracy measurement on labelled data: the article-extraction-benchmark body metric
//! (shingle precision/recall/F1) and per-field accuracy on Vietnamese pages with gold.
//! Used by the evaluation commands under `examples/` and by the regression gate in `tests/`.

use crate::article::{Article, BlockKind};
use crate::vi::normalize::{clean, fold};
use regex::Regex;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// `../shared/data` from the crate root, or `$VNARTICLE_DATA`.
pub fn data_dir() -> PathBuf {
    std::env::var_os("VNARTICLE_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"))
}

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("valid regex"));

fn shingles(text: &str) -> HashMap<Vec<&str>, u32> {
    let toks: Vec<&str> = WORD.find_iter(text).map(|m| m.as_str()).collect();
    let mut m = HashMap::new();
    if toks.is_empty() {
        return m;
    }
    if toks.len() < 4 {
        *m.entry(toks).or_insert(0) += 1;
        return m;
    }
    for w in toks.windows(4) {
        *m.entry(w.to_vec()).or_insert(0) += 1;
    }
    m
}

/// Normalized (tp, fp, fn) of one page, as the benchmark's evaluate.py computes them.
pub fn page_counts(truth: &str, pred: &str) -> (f64, f64, f64) {
    let t = shingles(truth);
    let p = shingles(pred);
    let mut tp = 0u64;
    for (k, c) in &p {
        if let Some(tc) = t.get(k) {
            tp += u64::from((*c).min(*tc));
        }
    }
    let pt: u64 = p.values().map(|v| u64::from(*v)).sum();
    let tt: u64 = t.values().map(|v| u64::from(*v)).sum();
    let (tp, fp, fn_) = (tp as f64, (pt as f64) - tp as f64, (tt as f64) - tp as f64);
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp / s, fp / s, fn_ / s)
    } else {
        (0.0, 0.0, 0.0)
    }
}

/// The benchmark's summary figures.
#[derive(Debug, Clone, Copy, Default)]
pub struct AebScore {
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    pub empty: usize,
    pub pages: usize,
}

/// Aggregates per-page (tp, fp, fn) into precision, recall and F1.
pub fn aggregate(pages: &[(f64, f64, f64)], empty: usize) -> AebScore {
    let prec = |&(tp, fp, fn_): &(f64, f64, f64)| {
        if fp == 0.0 && fn_ == 0.0 {
            1.0
        } else if tp == 0.0 && fp == 0.0 {
            0.0
        } else {
            tp / (tp + fp)
        }
    };
    let rec = |&(tp, fp, fn_): &(f64, f64, f64)| {
        if fp == 0.0 && fn_ == 0.0 {
            1.0
        } else if tp == 0.0 && fn_ == 0.0 {
            0.0
        } else {
            tp / (tp + fn_)
        }
    };
    let ps: Vec<f64> = pages.iter().filter(|x| x.0 + x.1 > 0.0).map(prec).collect();
    let rs: Vec<f64> = pages.iter().filter(|x| x.0 + x.2 > 0.0).map(rec).collect();
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (p, r) = (mean(&ps), mean(&rs));
    AebScore {
        f1: if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
        precision: p,
        recall: r,
        empty,
        pages: pages.len(),
    }
}

/// The text an article contributes to the body metric: the body (the benchmark's
/// `articleBody` leaves out headlines and standfirsts, which are our `title` and `lead`).
pub fn article_text(a: &Article) -> String {
    a.body.text.clone()
}

/// One Vietnamese development page's gold (the fields we score).
#[derive(Debug, serde::Deserialize)]
pub struct VnGold {
    pub file: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub lead: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub first_paragraph: Option<String>,
    pub last_paragraph: Option<String>,
    pub image_captions: Vec<String>,
    pub tags: Vec<String>,
}

/// The fields scored on Vietnamese pages, in report order.
pub const VN_FIELDS: [&str; 8] = [
    "title",
    "lead",
    "published_at",
    "authors",
    "first_paragraph",
    "last_paragraph",
    "captions",
    "tags",
];

fn same(a: Option<&str>, b: Option<&str>) -> bool {
    let n = |s: Option<&str>| s.map(clean).filter(|s| !s.is_empty());
    n(a) == n(b)
}

/// Scores one article against its gold: field name → right or wrong.
pub fn score_vn(a: &Article, g: &VnGold) -> Vec<(&'static str, bool)> {
    let lead_ok = match (&g.lead, &a.lead) {
        (None, None) => true,
        (Some(gl), Some(ol)) => {
            let (gl, ol) = (clean(gl), clean(ol));
            gl == ol
                || gl.ends_with(&ol) && {
                    let prefix = gl[..gl.len() - ol.len()].to_owned();
                    let strip = |s: &str| {
                        s.chars()
                            .filter(|c| c.is_alphanumeric())
                            .collect::<String>()
                    };
                    a.dateline
                        .as_deref()
                        .is_some_and(|d| strip(&prefix) == strip(d))
                }
        }
        (Some(gl), None) => gl.trim().is_empty(),
        (None, Some(_)) => false,
    };
    let minute = |s: Option<&str>| s.map(|s| s.chars().take(16).collect::<String>());
    let published_ok = minute(g.published.as_deref()) == minute(a.published_at.as_deref());
    let set = |v: &[String]| {
        let mut s: Vec<String> = v
            .iter()
            .map(|x| fold(&clean(x)))
            .filter(|x| !x.is_empty())
            .collect();
        s.sort();
        s.dedup();
        s
    };
    let paras: Vec<&str> = a
        .body
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Heading)
        .map(|b| b.text.as_str())
        .collect();
    let caps: Vec<String> = a
        .images
        .iter()
        .filter_map(|i| i.caption.clone())
        .map(|c| clean(&c))
        .filter(|c| !c.is_empty())
        .collect();
    let gcaps: Vec<String> = g
        .image_captions
        .iter()
        .map(|c| clean(c))
        .filter(|c| !c.is_empty())
        .collect();
    vec![
        ("title", same(g.title.as_deref(), a.title.as_deref())),
        ("lead", lead_ok),
        ("published_at", published_ok),
        ("authors", set(&g.authors) == set(&a.authors)),
        (
            "first_paragraph",
            same(g.first_paragraph.as_deref(), paras.first().copied()),
        ),
        (
            "last_paragraph",
            same(g.last_paragraph.as_deref(), paras.last().copied()),
        ),
        ("captions", caps == gcaps),
        ("tags", set(&g.tags) == set(&a.tags)),
    ]
}

/// One labelled sentence of `tests/data/dates_gold.jsonl`.
#[derive(Debug, serde::Deserialize)]
pub struct DatesGold {
    pub id: String,
    pub text: String,
    pub reference_date: Option<String>,
    pub mentions: Vec<GoldDate>,
    #[serde(default)]
    pub traps: Vec<GoldTrap>,
}

/// A labelled date mention.
#[derive(Debug, serde::Deserialize)]
pub struct GoldDate {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: Option<String>,
    pub end_value: Option<String>,
    #[serde(default)]
    pub granularity: Option<String>,
    #[serde(default)]
    pub calendar: Option<String>,
    #[serde(default)]
    pub relative: bool,
}

/// A span labelled as NOT a date (a phone number, a score, a document number…).
#[derive(Debug, serde::Deserialize)]
pub struct GoldTrap {
    pub start: usize,
    pub end: usize,
}

/// Loads the labelled date sentences shipped with the tests.
pub fn load_dates_gold() -> Vec<DatesGold> {
    parse_dates_gold(include_str!("../tests/data/dates_gold.jsonl"))
}

/// Loads the held-out date sentences (written blind, never used for tuning).
pub fn load_dates_holdout() -> Vec<DatesGold> {
    parse_dates_gold(include_str!("../tests/data/dates_holdout.jsonl"))
}

fn parse_dates_gold(jsonl: &str) -> Vec<DatesGold> {
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a valid gold line"))
        .collect()
}

/// Scores of the date pipeline on the labelled set.
#[derive(Debug, Default)]
pub struct DateScores {
    pub records: usize,
    pub gold: usize,
    pub found: usize,
    /// Detection: a found mention overlapping a gold mention (one to one).
    pub span: (f64, f64, f64),
    /// Detection and resolution: the same value, end value and granularity as well.
    pub value: (f64, f64, f64),
    /// Of the detected mentions, the share resolved right (value accuracy).
    pub value_accuracy: f64,
    /// Of the detected mentions, the share with exactly the gold span.
    pub exact_span: f64,
    /// Found mentions overlapping a labelled trap.
    pub trap_hits: usize,
    pub traps: usize,
    /// Per category of gold mention: (name, gold, detected, resolved right).
    pub categories: Vec<(&'static str, usize, usize, usize)>,
}

/// Precision, recall and F1 of `tp` correct out of `found` predicted and `gold` labelled.
pub fn prf(tp: usize, found: usize, gold: usize) -> (f64, f64, f64) {
    let p = if found == 0 {
        0.0
    } else {
        tp as f64 / found as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// The categories a gold mention belongs to (it may be in several).
fn date_categories(x: &GoldDate) -> Vec<&'static str> {
    let mut c = vec!["all"];
    if x.relative {
        c.push("relative");
    }
    if x.end_value.is_some() {
        c.push("range");
    }
    if x.calendar.as_deref() == Some("lunar") {
        c.push("lunar");
    }
    if matches!(x.granularity.as_deref(), Some("minute" | "part_of_day")) {
        c.push("time/part of day");
    }
    c
}

/// Runs the date pipeline over the labelled set and scores it. A found mention matches the
/// first unmatched gold mention it overlaps; it is resolved right when value, end value and
/// granularity are the gold ones. With `verbose`, prints every miss, extra and wrong value.
pub fn date_scores(gold: &[DatesGold], verbose: bool) -> DateScores {
    const CATS: [&str; 5] = ["all", "relative", "range", "lunar", "time/part of day"];
    let mut s = DateScores {
        records: gold.len(),
        categories: CATS.iter().map(|c| (*c, 0, 0, 0)).collect(),
        ..DateScores::default()
    };
    let (mut span_tp, mut value_tp, mut exact) = (0, 0, 0);
    for g in gold {
        let reference = g
            .reference_date
            .as_deref()
            .and_then(|r| r.parse::<jiff::civil::Date>().ok());
        let found =
            crate::vi::dates::find_dates(&crate::vi::normalize::nfc(&g.text), "text", reference);
        s.gold += g.mentions.len();
        s.found += found.len();
        s.traps += g.traps.len();
        let overlaps =
            |a: (usize, usize), m: &crate::vi::dates::DateMention| a.0 < m.end && m.start < a.1;
        let mut taken = vec![false; g.mentions.len()];
        let mut right = vec![false; g.mentions.len()];
        for m in &found {
            let hit = (0..g.mentions.len())
                .find(|&k| !taken[k] && overlaps((g.mentions[k].start, g.mentions[k].end), m));
            match hit {
                Some(k) => {
                    let x = &g.mentions[k];
                    taken[k] = true;
                    span_tp += 1;
                    if x.start == m.start && x.end == m.end {
                        exact += 1;
                    }
                    let same_granularity = x
                        .granularity
                        .as_deref()
                        .is_none_or(|gr| gr == m.granularity);
                    if x.value == m.value && x.end_value == m.end_value && same_granularity {
                        value_tp += 1;
                        right[k] = true;
                    } else if verbose {
                        println!(
                            "{} VALUE {:?}: ours {:?}..{:?} {} gold {:?}..{:?} {}",
                            g.id,
                            m.text,
                            m.value,
                            m.end_value,
                            m.granularity,
                            x.value,
                            x.end_value,
                            x.granularity.as_deref().unwrap_or("?")
                        );
                    }
                }
                None => {
                    if g.traps.iter().any(|t| overlaps((t.start, t.end), m)) {
                        s.trap_hits += 1;
                    }
                    if verbose {
                        println!(
                            "{} EXTRA {:?} [{}..{}] {:?}",
                            g.id, m.text, m.start, m.end, m.value
                        );
                    }
                }
            }
        }
        for (k, x) in g.mentions.iter().enumerate() {
            for c in date_categories(x) {
                if let Some(e) = s.categories.iter_mut().find(|e| e.0 == c) {
                    e.1 += 1;
                    e.2 += usize::from(taken[k]);
                    e.3 += usize::from(right[k]);
                }
            }
            if verbose && !taken[k] {
                println!(
                    "{} MISSED {:?} [{}..{}] {:?}",
                    g.id, x.text, x.start, x.end, x.value
                );
            }
        }
    }
    s.span = prf(span_tp, s.found, s.gold);
    s.value = prf(value_tp, s.found, s.gold);
    s.value_accuracy = if span_tp == 0 {
        0.0
    } else {
        value_tp as f64 / span_tp as f64
    };
    s.exact_span = if span_tp == 0 {
        0.0
    } else {
        exact as f64 / span_tp as f64
    };
    s
}

/// One labelled text of `tests/data/entities_gold.jsonl`.
#[derive(Debug, serde::Deserialize)]
pub struct EntitiesGold {
    pub id: String,
    pub text: String,
    pub mentions: Vec<GoldEntity>,
}

/// A labelled entity mention: `PER`, `ORG`, `LOC`, `DOC`, `MONEY` or `PERCENT`.
#[derive(Debug, serde::Deserialize)]
pub struct GoldEntity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub ty: String,
}

/// Loads the labelled entity texts shipped with the tests.
pub fn load_entities_gold() -> Vec<EntitiesGold> {
    parse_entities_jsonl(include_str!("../tests/data/entities_gold.jsonl"))
        .expect("a valid gold file")
}

/// Labelled entity records from JSONL text (the format of `tests/data/entities_gold.jsonl`).
pub fn parse_entities_jsonl(text: &str) -> Result<Vec<EntitiesGold>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}

/// Per type: (type, gold, predicted, correct) with exact span and type.
pub type EntityCounts = Vec<(&'static str, usize, usize, usize)>;

/// Runs the entity pipeline over the labelled texts and counts exact (span, type) matches per
/// type. Bare-title mentions ("Thủ tướng" standing for a person) are links, not names, and are
/// not scored. With `verbose`, prints misses and extras.
pub fn entity_scores(gold: &[EntitiesGold], verbose: bool) -> EntityCounts {
    const TYPES: [&str; 6] = ["PER", "ORG", "LOC", "DOC", "MONEY", "PERCENT"];
    let short = |t: &str| {
        match t {
            "PERSON" => "PER",
            "ORGANIZATION" => "ORG",
            "LOCATION" => "LOC",
            "DOCUMENT" => "DOC",
            other => other,
        }
        .to_owned()
    };
    let mut counts: EntityCounts = TYPES.iter().map(|t| (*t, 0, 0, 0)).collect();
    for g in gold {
        let text = crate::vi::normalize::nfc(&g.text);
        let found: Vec<(usize, usize, String, String)> =
            crate::vi::entities::find_entities(&[("text", &text)])
                .into_iter()
                .flat_map(|e| {
                    let ty = short(&e.ty);
                    e.mentions
                        .into_iter()
                        // Bare titles, and places inside an organization's name ("Đà Nẵng" in
                        // "Thành ủy Đà Nẵng"), are not spans of their own by the convention.
                        .filter(|m| m.kind != "title" && m.kind != "in_name")
                        .map(move |m| (m.start, m.end, ty.clone(), m.text))
                })
                .collect();
        for c in counts.iter_mut() {
            let gold_t: Vec<&GoldEntity> = g.mentions.iter().filter(|m| m.ty == c.0).collect();
            let found_t: Vec<&(usize, usize, String, String)> =
                found.iter().filter(|f| f.2 == c.0).collect();
            c.1 += gold_t.len();
            c.2 += found_t.len();
            for f in &found_t {
                if gold_t.iter().any(|m| m.start == f.0 && m.end == f.1) {
                    c.3 += 1;
                } else if verbose {
                    println!("{} EXTRA {} {:?}", g.id, c.0, f.3);
                }
            }
            if verbose {
                for m in &gold_t {
                    if !found_t.iter().any(|f| m.start == f.0 && m.end == f.1) {
                        println!("{} MISSED {} {:?}", g.id, c.0, m.text);
                    }
                }
            }
        }
    }
    counts
}
