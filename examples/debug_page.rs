//! Debug aid: shows why the paragraphs of a page were or were not read as body
//! (their furniture-marked ancestors). `cargo run --example debug_page -- PAGE.html`
use vnarticle::extract::{content, dom::Dom};

fn main() {
    let path = std::env::args().nth(1).expect("path");
    let html = std::fs::read_to_string(path).expect("read");
    let doc = scraper::Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let a = content::analyze(&dom);
    let best = content::best_container(&dom, &a, &[]);
    if let Some((b, score)) = &best {
        let n = &dom.nodes[*b];
        println!(
            "best {} <{:?} class={:?} id={:?}> score {:.1} text {}",
            b,
            n.tag,
            n.attr("class"),
            n.attr("id"),
            score[*b],
            a.text_len[*b]
        );
        let roots = content::select_roots(&dom, &a, *b, score);
        println!("roots {roots:?}");
        let mut idx: Vec<usize> = (0..dom.len()).filter(|&i| score[i] != 0.0).collect();
        idx.sort_by(|x, y| score[*y].total_cmp(&score[*x]));
        for &i in idx.iter().take(8) {
            let n = &dom.nodes[i];
            println!(
                "  cand {} <{:?} class={:?} id={:?}> score {:.1} text {} ld {:.2} junk {}",
                i,
                n.tag,
                n.attr("class"),
                n.attr("id"),
                score[i],
                a.text_len[i],
                a.link_density(i),
                a.junk[i]
            );
        }
    }
    // The longest paragraphs and their junk ancestors.
    let mut ps: Vec<usize> = (0..dom.len())
        .filter(|&i| dom.nodes[i].tag == vnarticle::extract::dom::Tag::P)
        .collect();
    ps.sort_by_key(|&i| std::cmp::Reverse(a.text_len[i]));
    for &p in ps.iter().take(3) {
        println!("p {} len {} junk {}", p, a.text_len[p], a.junk[p]);
        let mut anc = dom.nodes[p].parent as usize;
        while anc != 0 {
            let n = &dom.nodes[anc];
            if a.junk[anc] && !a.junk[n.parent as usize] {
                println!(
                    "   junk root {} <{:?} class={:?} id={:?} role={:?} style={:?}>",
                    anc,
                    n.tag,
                    n.attr("class"),
                    n.attr("id"),
                    n.attr("role"),
                    n.attr("style")
                );
            }
            anc = n.parent as usize;
        }
    }
}
