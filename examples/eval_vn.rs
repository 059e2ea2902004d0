//! Evaluation on the Vietnamese development pages (../shared/data/vn-dev): per-field accuracy
//! (title, lead, published_at to the minute, authors, first and last body paragraph,
//! captions, tags). `cargo run --release --example eval_vn [-- --verbose] [-- --text]`
//! With `--text` each page is first rendered to page text by `w3m -dump -cols 20000` (as a
//! text-mode browser's dump; w3m must be installed) and the text is what gets extracted.

#[path = "../tests/support/runs.rs"]
mod runs;

use vnarticle::eval::{score_vn, VN_FIELDS};

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let text_mode = std::env::args().any(|a| a == "--text");
    let mut right = [0usize; 8];
    let mut n = 0;
    for (gold, result) in runs::vn_pages(text_mode) {
        let article = match result {
            Ok(a) => a,
            Err(e) => {
                println!("{:<14} ERROR {e}", gold.file);
                n += 1;
                continue;
            }
        };
        let scores = score_vn(&article, &gold);
        n += 1;
        let marks: String = scores
            .iter()
            .map(|(_, ok)| if *ok { '✓' } else { '✗' })
            .collect();
        println!("{:<20} {marks}", gold.file);
        for (k, (field, ok)) in scores.iter().enumerate() {
            if *ok {
                right[k] += 1;
            } else if verbose {
                let ours = match *field {
                    "title" => format!("{:?}", article.title),
                    "lead" => format!("{:?} / {:?}", article.dateline, article.lead),
                    "published_at" => format!("{:?}", article.published_at),
                    "authors" => format!("{:?}", article.authors),
                    "first_paragraph" => format!(
                        "{:?}",
                        article
                            .body
                            .blocks
                            .iter()
                            .find(|b| b.kind != vnarticle::article::BlockKind::Heading)
                            .map(|b| &b.text)
                    ),
                    "last_paragraph" => format!(
                        "{:?}",
                        article
                            .body
                            .blocks
                            .iter()
                            .rev()
                            .find(|b| b.kind != vnarticle::article::BlockKind::Heading)
                            .map(|b| &b.text)
                    ),
                    "captions" => format!(
                        "{:?}",
                        article
                            .images
                            .iter()
                            .map(|i| i.caption.clone())
                            .collect::<Vec<_>>()
                    ),
                    _ => format!("{:?}", article.tags),
                };
                let gold_v = match *field {
                    "title" => format!("{:?}", gold.title),
                    "lead" => format!("{:?}", gold.lead),
                    "published_at" => format!("{:?}", gold.published),
                    "authors" => format!("{:?}", gold.authors),
                    "first_paragraph" => format!("{:?}", gold.first_paragraph),
                    "last_paragraph" => format!("{:?}", gold.last_paragraph),
                    "captions" => format!("{:?}", gold.image_captions),
                    _ => format!("{:?}", gold.tags),
                };
                println!(
                    "    {field}: ours {}\n    {field}: gold {}",
                    trunc(&ours),
                    trunc(&gold_v)
                );
            }
        }
    }
    println!("fields: {}", VN_FIELDS.join(" "));
    for (k, f) in VN_FIELDS.iter().enumerate() {
        println!(
            "{f}={:.3} ({}/{})",
            right[k] as f64 / n.max(1) as f64,
            right[k],
            n
        );
    }
}

fn trunc(s: &str) -> String {
    if s.chars().count() > 300 {
        format!("{}…", s.chars().take(300).collect::<String>())
    } else {
        s.to_owned()
    }
}
