//! Measures where extraction time goes on the AEB pages: parsing alone (with and without the
//! script/style pre-pass), the flat tree, and the full pipeline. `cargo run --release --example parse_cost`
use std::io::Read;
use std::time::Instant;
fn main() {
    let dir = vnarticle::eval::data_dir().join("aeb").join("html");
    let mut pages = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let mut s = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(e.path()).unwrap())
            .read_to_string(&mut s)
            .unwrap();
        pages.push(s);
    }
    let time = |name: &str, f: &dyn Fn(&str)| {
        let mut best = f64::MAX;
        for _ in 0..3 {
            let t = Instant::now();
            for p in &pages {
                f(p);
            }
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!("{name:<28} {:.1} pages/s", pages.len() as f64 / best);
    };
    time("parse raw", &|p| {
        std::hint::black_box(scraper::Html::parse_document(p));
    });
    time("prestrip", &|p| {
        std::hint::black_box(vnarticle::extract::prestrip::prestrip(p));
    });
    time("prestrip+parse", &|p| {
        let s = vnarticle::extract::prestrip::prestrip(p);
        std::hint::black_box(scraper::Html::parse_document(&s));
    });
    let parsed: Vec<scraper::Html> = pages
        .iter()
        .map(|p| scraper::Html::parse_document(&vnarticle::extract::prestrip::prestrip(p)))
        .collect();
    let t = Instant::now();
    for h in &parsed {
        std::hint::black_box(vnarticle::extract::dom::Dom::build(h).len());
    }
    println!(
        "dom only {:.3} ms/page",
        t.elapsed().as_secs_f64() * 1000.0 / pages.len() as f64
    );
    let doms: Vec<_> = parsed
        .iter()
        .map(vnarticle::extract::dom::Dom::build)
        .collect();
    let t = Instant::now();
    for d in &doms {
        std::hint::black_box(vnarticle::extract::meta::read(d).tags.len());
    }
    println!(
        "meta only {:.3} ms/page",
        t.elapsed().as_secs_f64() * 1000.0 / pages.len() as f64
    );
    let t = Instant::now();
    for d in &doms {
        std::hint::black_box(vnarticle::extract::content::analyze(d).junk.len());
    }
    println!(
        "analyze only {:.3} ms/page",
        t.elapsed().as_secs_f64() * 1000.0 / pages.len() as f64
    );
    let t = Instant::now();
    drop(doms);
    drop(parsed);
    println!(
        "drop {:.3} ms/page",
        t.elapsed().as_secs_f64() * 1000.0 / pages.len() as f64
    );
    time("prestrip+parse+dom+analyze", &|p| {
        let s = vnarticle::extract::prestrip::prestrip(p);
        let h = scraper::Html::parse_document(&s);
        let d = vnarticle::extract::dom::Dom::build(&h);
        let m = vnarticle::extract::meta::read(&d);
        let a = vnarticle::extract::content::analyze(&d);
        std::hint::black_box((a.junk.len(), m.tags.len()));
    });
    time("html::extract", &|p| {
        std::hint::black_box(vnarticle::extract::html::extract(p, None, None));
    });
}
