//! Throughput of the full extraction pipeline on the article-extraction benchmark pages,
//! single thread: pages per second, MB per second and peak RSS.
//! `cargo bench --bench extract_aeb` (see bench/compare.sh for the side-by-side with trafilatura).

use std::io::Read;
use std::time::Instant;
use vnarticle::eval::data_dir;
use vnarticle::pipeline::{Input, Options, Pipeline, Source};

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

fn main() {
    // `cargo bench` passes --bench; a number argument sets the passes.
    let passes: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .or_else(|| std::env::var("PASSES").ok().and_then(|p| p.parse().ok()))
        .unwrap_or(5);
    let dir = data_dir().join("aeb").join("html");
    let mut pages: Vec<String> = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("aeb pages")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for p in paths {
        let mut s = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&p).expect("page"))
            .read_to_string(&mut s)
            .expect("gzip utf-8");
        pages.push(s);
    }
    let bytes: usize = pages.iter().map(|p| p.len()).sum();
    let pipeline = Pipeline::new();
    let run = |p: String| {
        let input = Input {
            source: Source::Html(p),
            url: None,
            options: Options::default(),
        };
        std::hint::black_box(pipeline.run(input).ok());
    };
    for p in pages.iter().take(10) {
        run(p.clone());
    }
    let mut best = f64::MAX;
    for pass in 0..passes {
        // The pipeline takes its input by value (as the server hands it over): copy the pages
        // before the clock starts.
        let batch = pages.clone();
        let t = Instant::now();
        for p in batch {
            run(p);
        }
        let secs = t.elapsed().as_secs_f64();
        eprintln!("pass {pass}: {secs:.3} s");
        best = best.min(secs);
    }
    println!(
        "vnarticle pages_per_sec={:.1} mb_per_sec={:.2} pages={} total_sec={:.3} peak_rss_mb={:.1} (holds the {:.0} MB of pages twice)",
        pages.len() as f64 / best,
        bytes as f64 / 1e6 / best,
        pages.len(),
        best,
        peak_rss_mb(),
        bytes as f64 / 1e6
    );
}
