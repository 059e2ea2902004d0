//! Page text → Document: what a browser's "select all, copy" or a text-mode browser's dump
//! gives. The article is found from line shapes: the headline before a dateline-led sapo,
//! paragraphs that end in sentence punctuation, short unpunctuated lines between them as
//! subheadings, long unpunctuated lines as photo captions, and story cards after the stop
//! labels ("Đừng bỏ lỡ": a title, perhaps repeated, a time, a summary).

use crate::article::{Block, BlockKind, Image, Related};
use crate::extract::byline::{person_names, source_attribution, split_dateline};
use crate::extract::clean::{is_label, is_see_also, is_stop_label};
use crate::extract::content::split_credit;
use crate::extract::{DateSource, Document};
use crate::vi::datetime;
use crate::vi::normalize::{clean, word_count};
use jiff::civil::Date;

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '»', ')', '\'', ' ']);
    t.ends_with(['.', '!', '?', '…', ';']) || t.ends_with("...")
}

fn is_time_line(s: &str, reference: Option<Date>) -> Option<String> {
    if word_count(s) > 8 {
        return None;
    }
    datetime::find_visible(s, reference)
        .filter(|st| st.has_time)
        .and_then(|st| st.to_iso())
}

/// Extracts the article from page text.
pub fn extract(text: &str, url: Option<&str>, reference: Option<Date>) -> Document {
    let lines: Vec<String> = text.lines().map(clean).collect();
    let nonempty: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty()).collect();
    let mut doc = Document {
        url: url.map(str::to_owned),
        ..Document::default()
    };
    if nonempty.is_empty() {
        return doc;
    }

    // 1. The lead: the first long line that opens with an outlet dateline.
    let mut lead_pos: Option<usize> = None; // index into `nonempty`
    for (k, &i) in nonempty.iter().enumerate() {
        let l = &lines[i];
        if word_count(l) >= 15 && split_dateline(l).0.is_some() {
            lead_pos = Some(k);
            break;
        }
    }
    // 2. The headline: the line before the lead, or the first headline-shaped line that is
    //    followed closely by a long paragraph.
    let mut title_pos: Option<usize> = None;
    if let Some(lp) = lead_pos {
        for k in (lp.saturating_sub(4)..lp).rev() {
            let l = &lines[nonempty[k]];
            if is_time_line(l, reference).is_some() || is_label(l) {
                continue;
            }
            let w = word_count(l);
            if (3..=40).contains(&w) {
                title_pos = Some(k);
            }
            break;
        }
    }
    if title_pos.is_none() {
        for (k, &i) in nonempty.iter().enumerate() {
            let l = &lines[i];
            let w = word_count(l);
            if !(5..=40).contains(&w) || is_label(l) || ends_sentence(l) && w > 25 || l.contains('|') {
                continue;
            }
            let follows_long = nonempty[k + 1..]
                .iter()
                .take(4)
                .any(|&j| word_count(&lines[j]) >= 20);
            if follows_long {
                title_pos = Some(k);
                break;
            }
        }
    }
    let Some(tp) = title_pos else { return doc };
    doc.title = Some(lines[nonempty[tp]].clone());

    // 3. A date line between the headline and the body.
    let mut k = tp + 1;
    let mut lead_k = lead_pos;
    while k < nonempty.len() && k <= tp + 5 {
        let l = &lines[nonempty[k]];
        if word_count(l) >= 15 {
            break;
        }
        if doc.published_at.is_none() {
            if let Some(iso) = is_time_line(l, reference) {
                doc.published_at = Some(iso);
                doc.date_source = Some(DateSource::Visible);
            }
        }
        k += 1;
    }
    if lead_k.is_none() && k < nonempty.len() {
        // No dateline: the first paragraph after the headline is the lead when more follow.
        let rest_long = nonempty[k + 1..].iter().filter(|&&j| word_count(&lines[j]) >= 20).count();
        if word_count(&lines[nonempty[k]]) >= 15 && rest_long >= 2 {
            lead_k = Some(k);
        }
    }
    let body_start = match lead_k {
        Some(lk) => {
            let (dl, rest) = split_dateline(&lines[nonempty[lk]]);
            doc.dateline = dl;
            doc.lead = Some(rest);
            lk + 1
        }
        None => k,
    };

    // 4. The body, up to the first stop label.
    let mut blocks: Vec<Block> = Vec::new();
    let mut images: Vec<Image> = Vec::new();
    let mut stop = nonempty.len();
    let mut k = body_start;
    while k < nonempty.len() {
        let l = &lines[nonempty[k]];
        if is_stop_label(l) {
            stop = k;
            break;
        }
        k += 1;
        if is_label(l) || is_see_also(l) || l.contains(" | ") && word_count(l) < 15 {
            continue;
        }
        if let Some(src) = source_attribution(l) {
            if doc.source_attribution.is_none() {
                doc.source_attribution = Some(src);
            }
            continue;
        }
        let w = word_count(l);
        let bullet = l.starts_with(['•', '●', '▪', '*', '-', '+']) && w >= 2;
        if bullet {
            let t = l.trim_start_matches(['•', '●', '▪', '*', '-', '+', ' ']).to_owned();
            blocks.push(Block { kind: BlockKind::ListItem, text: t });
        } else if ends_sentence(l) {
            blocks.push(Block { kind: BlockKind::Paragraph, text: l.clone() });
        } else if l.starts_with("Ảnh:") || l.contains("(Ảnh:") || l.starts_with("Ảnh minh họa") || w > 22 {
            let (caption, credit) = split_credit(l);
            images.push(Image { url: None, caption, credit, alt: None });
        } else if w >= 2 {
            blocks.push(Block { kind: BlockKind::Heading, text: l.clone() });
        }
    }
    // A closing name line is the byline.
    while let Some(last) = blocks.last() {
        if last.kind == BlockKind::Heading && word_count(&last.text) <= 5 {
            let names = person_names(&last.text);
            if !names.is_empty() {
                doc.authors.extend(names);
                blocks.pop();
                continue;
            }
        }
        if last.kind == BlockKind::Heading {
            // A trailing heading with nothing after it is furniture.
            blocks.pop();
            continue;
        }
        break;
    }
    doc.blocks = blocks;
    doc.images = images;

    // 5. Story cards after the article.
    doc.related = story_cards(&lines, &nonempty[stop.min(nonempty.len())..], reference);
    doc
}

/// Story cards: a title (maybe printed twice), a time line, and a summary paragraph.
fn story_cards(lines: &[String], idx: &[usize], reference: Option<Date>) -> Vec<Related> {
    let mut out: Vec<Related> = Vec::new();
    let mut k = 0;
    while k < idx.len() {
        let title = &lines[idx[k]];
        let w = word_count(title);
        if !(4..=40).contains(&w) || is_label(title) || is_stop_label(title) {
            k += 1;
            continue;
        }
        let mut j = k + 1;
        if j < idx.len() && lines[idx[j]] == *title {
            j += 1;
        }
        let time = idx.get(j).and_then(|&t| is_time_line(&lines[t], reference));
        let repeated = j > k + 1;
        if time.is_none() && !repeated {
            k += 1;
            continue;
        }
        if time.is_some() {
            j += 1;
        }
        let mut summary = None;
        if let Some(&s) = idx.get(j) {
            let sl = &lines[s];
            if word_count(sl) >= 12 && !is_stop_label(sl) && is_time_line(sl, reference).is_none() {
                summary = Some(sl.clone());
                j += 1;
            }
        }
        if !out.iter().any(|r| r.title == *title) {
            out.push(Related {
                title: title.clone(),
                url: None,
                published_at: time,
                summary,
                ..Related::default()
            });
        }
        k = j;
    }
    out
}
