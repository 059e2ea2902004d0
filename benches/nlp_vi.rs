//! Cost of the Vietnamese language passes on real Vietnamese pages (the 12 development pages
//! and the seed page), single thread:
//! - the date scanner's throughput in MB/s of article text (title, lead, body, captions and
//!   related stories, as the pipeline runs it);
//! - the date pass's share of a page's whole extraction time (the pipeline, dates included);
//! - the same for the entity pass, in KB/s.
//!
//! `cargo bench --bench nlp_vi` (best of several passes; a number argument sets the passes).

use std::time::Instant;
use vnarticle::eval::data_dir;
use vnarticle::pipeline::{Input, Options, Pipeline, Source};
use vnarticle::vi::dates::find_dates;
use vnarticle::vi::entities::find_entities;

/// The texts the pipeline gives the language passes for one article: (field, text).
fn fields(a: &vnarticle::article::Article) -> Vec<(String, String)> {
    let mut out = Vec::new();
    out.extend(a.title.clone().map(|t| ("title".to_owned(), t)));
    out.extend(a.lead.clone().map(|t| ("lead".to_owned(), t)));
    out.push(("body".to_owned(), a.body.text.clone()));
    for (i, img) in a.images.iter().enumerate() {
        out.extend(img.caption.clone().map(|c| (format!("caption:{i}"), c)));
    }
    for r in &a.related {
        out.push(("title".to_owned(), r.title.clone()));
        out.extend(r.summary.clone().map(|s| ("summary".to_owned(), s)));
    }
    out
}

/// Best time of `passes` runs of `f`, in seconds.
fn best(passes: usize, mut f: impl FnMut()) -> f64 {
    (0..passes)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

fn main() {
    let passes: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(20);
    let mut pages: Vec<(Source, Option<String>)> = Vec::new();
    let dev = data_dir().join("vn-dev").join("pages");
    let mut paths: Vec<_> = std::fs::read_dir(&dev)
        .expect("vn-dev pages")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for p in paths {
        let html = std::fs::read_to_string(&p).expect("page");
        pages.push((
            Source::Html(html),
            Some("https://example.vn/a.html".to_owned()),
        ));
    }
    let seed = data_dir().join("../seed/kinhtedothi-page.txt");
    if let Ok(t) = std::fs::read_to_string(seed) {
        pages.push((Source::Text(t), None));
    }
    let pipeline = Pipeline::new();
    let run = |src: &Source, url: &Option<String>| {
        pipeline
            .run(Input {
                source: src.clone(),
                url: url.clone(),
                options: Options {
                    reference_date: Some("2026-07-20".to_owned()),
                    ..Options::default()
                },
            })
            .expect("extracts")
    };
    let articles: Vec<_> = pages.iter().map(|(s, u)| run(s, u)).collect();
    let texts: Vec<(String, String)> = articles.iter().flat_map(fields).collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let reference = jiff::civil::Date::new(2026, 7, 20).ok();

    let t_pipeline = best(passes.div_ceil(4).max(3), || {
        for (s, u) in &pages {
            std::hint::black_box(run(s, u));
        }
    });
    let t_dates = best(passes, || {
        for (f, t) in &texts {
            std::hint::black_box(find_dates(t, f, reference));
        }
    });
    // Warm the gazetteers once (built on first use, then shared).
    std::hint::black_box(find_entities(&[("body", "Hà Nội")]));
    let t_entities = best(passes, || {
        for (f, t) in &texts {
            std::hint::black_box(find_entities(&[(f.as_str(), t.as_str())]));
        }
    });
    let mentions: usize = texts
        .iter()
        .map(|(f, t)| find_dates(t, f, reference).len())
        .sum();
    println!(
        "pages={} text={:.1} KB in {} fields, {} date mentions",
        pages.len(),
        bytes as f64 / 1e3,
        texts.len(),
        mentions
    );
    println!(
        "pipeline (extraction + language passes): {:.2} ms/page",
        t_pipeline * 1e3 / pages.len() as f64
    );
    println!(
        "date scanner: {:.1} MB/s, {:.3} ms/page = {:.1}% of the pipeline's time",
        bytes as f64 / 1e6 / t_dates,
        t_dates * 1e3 / pages.len() as f64,
        100.0 * t_dates / t_pipeline
    );
    println!(
        "entity pass: {:.0} KB/s, {:.3} ms/page = {:.1}% of the pipeline's time",
        bytes as f64 / 1e3 / t_entities,
        t_entities * 1e3 / pages.len() as f64,
        100.0 * t_entities / t_pipeline
    );
}
