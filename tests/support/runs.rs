//! Runs the pipeline over the labelled page sets. Shared by the evaluation commands
//! (`examples/eval_aeb.rs`, `examples/eval_vn.rs`) and the regression gate
//! (`tests/accuracy.rs`), so that both score exactly the same way. Each user takes what it
//! needs, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::io::Read;
use vnarticle::article::Article;
use vnarticle::eval::{article_text, data_dir, VnGold};
use vnarticle::pipeline::{Input, Options, Pipeline, PipelineError, Source};

/// One benchmark page: its id, the labelled body and ours ("" when no article came out).
pub struct AebPage {
    pub id: String,
    pub truth: String,
    pub prediction: String,
}

/// Extracts every page of ../shared/data/aeb, in id order.
pub fn aeb_pages() -> Vec<AebPage> {
    let dir = data_dir().join("aeb");
    let truth: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("ground-truth.json"))
            .expect("AEB ground truth in ../shared/data/aeb"),
    )
    .expect("valid ground truth");
    let truth = truth.as_object().expect("an object");
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let pipeline = Pipeline::new();
    ids.into_iter()
        .map(|id| {
            let mut html = String::new();
            flate2::read::GzDecoder::new(
                std::fs::File::open(dir.join("html").join(format!("{id}.html.gz"))).expect("page"),
            )
            .read_to_string(&mut html)
            .expect("gzipped UTF-8");
            let input = Input {
                source: Source::Html(html),
                url: truth[id]["url"].as_str().map(str::to_owned),
                options: Options::default(),
            };
            AebPage {
                id: id.clone(),
                truth: truth[id]["articleBody"].as_str().unwrap_or("").to_owned(),
                prediction: pipeline
                    .run(input)
                    .map(|a| article_text(&a))
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// Extracts every page of ../shared/data/vn-dev with its gold, in file order; with
/// `text_mode` the page is first rendered to page text by `w3m -dump -cols 20000`.
pub fn vn_pages(text_mode: bool) -> Vec<(VnGold, Result<Article, PipelineError>)> {
    let dir = data_dir().join("vn-dev");
    let mut golds: Vec<_> = std::fs::read_dir(dir.join("gold"))
        .expect("vn-dev gold")
        .flatten()
        .map(|e| e.path())
        .collect();
    golds.sort();
    let pipeline = Pipeline::new();
    golds
        .into_iter()
        .map(|g| {
            let gold: VnGold = serde_json::from_str(&std::fs::read_to_string(&g).expect("gold"))
                .expect("gold json");
            let page = dir.join("pages").join(&gold.file);
            let source = if text_mode {
                let out = std::process::Command::new("w3m")
                    .args([
                        "-dump",
                        "-cols",
                        "20000",
                        "-T",
                        "text/html",
                        "-I",
                        "UTF-8",
                        "-O",
                        "UTF-8",
                    ])
                    .arg(&page)
                    .output()
                    .expect("w3m is installed (apt-get install w3m)");
                Source::Text(String::from_utf8_lossy(&out.stdout).into_owned())
            } else {
                Source::Bytes {
                    bytes: std::fs::read(&page).expect("page").into(),
                    kind: None,
                    charset: None,
                }
            };
            let article = pipeline.run(Input {
                source,
                url: gold.url.clone(),
                options: Options::default(),
            });
            (gold, article)
        })
        .collect()
}
