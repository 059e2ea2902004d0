//! Page text → Document: what a browser's "select all, copy" or a text-mode browser's dump
//! (`w3m -dump`) gives. The article is found from line shapes:
//! - the body is the densest run of prose lines (sentences that end in punctuation), allowing
//!   short gaps for subheadings, captions and image placeholders, and broken by stop labels
//!   ("Đọc nhiều", "Tin liên quan");
//! - above it: the headline (a headline-shaped line next to the date line, or before a
//!   dateline-led sapo), the date line, bylines and the lead;
//! - inside it: paragraphs, short unpunctuated lines as subheadings, lines after an image
//!   placeholder or long unpunctuated lines as photo captions;
//! - after it: a byline, tags written "#tag", a source credit, and story cards after the
//!   stop labels (a title, perhaps printed twice, a time, a summary).

use crate::article::{Block, BlockKind, Image, Related};
use crate::extract::byline::{person_names, source_attribution, split_dateline};
use crate::extract::clean::{is_label, is_see_also, is_stop_label};
use crate::extract::content::split_credit;
use crate::extract::{DateSource, Document};
use crate::vi::datetime;
use crate::vi::normalize::{clean, word_count};
use jiff::civil::Date;

/// What one non-empty line looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A sentence or more: ends in sentence punctuation, or is long.
    Prose,
    /// An image placeholder or alt text: "[img-1]", "photo.jpg", "Tiêu đề - Ảnh 2."
    Image,
    /// A date line (a date with a clock time, few words).
    Date,
    /// A stop label: what follows belongs to other stories or the site.
    Stop,
    /// Furniture: labels, menus, separators, lines made of labels.
    Furniture,
    /// Anything else (headlines, subheadings, captions, names, menu items).
    Other,
}

struct Line {
    text: String,
    shape: Shape,
    words: usize,
    bullet: bool,
}

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '»', ')', '\'', ' ']);
    t.ends_with(['.', '!', '?', '…', ';']) || t.ends_with("...") || t.ends_with("./.")
}

/// "Tiêu đề Tiêu đề": a card title printed twice on one line.
fn doubled(s: &str) -> bool {
    let w: Vec<&str> = s.split_whitespace().collect();
    w.len() >= 4 && w.len().is_multiple_of(2) && w[..w.len() / 2] == w[w.len() / 2..]
}

fn is_image_line(s: &str) -> bool {
    let t = s.trim();
    if t.starts_with('[') && t.ends_with(']') && !t.contains(' ') {
        return true;
    }
    let lower = t.to_ascii_lowercase();
    if !t.contains(' ')
        && [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"]
            .iter()
            .any(|e| lower.ends_with(e))
    {
        return true;
    }
    // Alt texts that sites generate: "Headline - 1", "Headline - Ảnh 2."
    let trimmed = t.trim_end_matches('.');
    if let Some(pos) = trimmed.rfind(" - ") {
        let tail = &trimmed[pos + 3..];
        let tail = tail.strip_prefix("Ảnh ").unwrap_or(tail);
        if !tail.is_empty() && tail.len() <= 3 && tail.chars().all(|c| c.is_ascii_digit()) {
            return true;
        }
    }
    false
}

/// A line made only of furniture labels ("Chia sẻ Lưu tin Bình luận Trở về").
fn all_labels(s: &str) -> bool {
    if is_label(s) {
        return true;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() < 2 || words.len() > 14 {
        return false;
    }
    // Greedy: cover the line with labels of one to four words.
    let mut i = 0;
    let mut labels = 0;
    while i < words.len() {
        let mut matched = 0;
        for len in (1..=4).rev() {
            if i + len <= words.len() && is_label(&words[i..i + len].join(" ")) {
                matched = len;
                break;
            }
        }
        if matched == 0 {
            return false;
        }
        labels += 1;
        i += matched;
    }
    labels >= 2
}

/// A line with its dates and clock times taken out ("Huỳnh Duy, 01:00 17/07/2026" → "Huỳnh Duy,").
fn strip_dates(s: &str) -> String {
    s.split_whitespace()
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()) && !matches!(*w, "AM" | "PM" | "-"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Site widgets that read like sentences ("Chọn VnExpress làm nguồn ưu tiên trên Google
/// Search", "Copy link thành công").
fn furniture_phrase(s: &str) -> bool {
    let f = crate::vi::normalize::fold(s);
    [
        "nguồn ưu tiên trên google",
        "copy link",
        "sao chép liên kết",
        "link bài gốc",
        "báo lỗi cho",
    ]
    .iter()
    .any(|p| f.contains(p))
}

fn date_of(s: &str, words: usize, reference: Option<Date>) -> Option<String> {
    if words > 16 {
        return None;
    }
    datetime::find_visible(s, reference)
        .filter(|st| st.has_time)
        .and_then(|st| st.to_iso())
}

fn shape_of(text: &str, words: usize, reference: Option<Date>) -> Shape {
    if is_stop_label(text) {
        return Shape::Stop;
    }
    if text.chars().all(|c| !c.is_alphanumeric()) || all_labels(text) || furniture_phrase(text) {
        return Shape::Furniture;
    }
    if is_image_line(text) {
        return Shape::Image;
    }
    if date_of(text, words, reference).is_some() {
        return Shape::Date;
    }
    if !doubled(text) && ((words >= 8 && ends_sentence(text)) || words >= 30) {
        return Shape::Prose;
    }
    Shape::Other
}

fn lines_of(text: &str, reference: Option<Date>) -> Vec<Line> {
    let mut out = Vec::new();
    for raw in text.lines() {
        let t = clean(raw);
        if t.is_empty() {
            continue;
        }
        let (bullet, t) = match t.strip_prefix(['•', '□', '◦', '▪', '●', '*']) {
            Some(rest) => (true, rest.trim().to_owned()),
            None => (false, t),
        };
        if t.is_empty() {
            continue;
        }
        let words = word_count(&t);
        let shape = shape_of(&t, words, reference);
        out.push(Line {
            text: t,
            shape,
            words,
            bullet,
        });
    }
    out
}

/// The densest run of prose lines: (first, last) indices, inclusive.
fn body_run(lines: &[Line]) -> Option<(usize, usize)> {
    const GAP: usize = 3;
    let mut best: Option<(usize, usize, usize)> = None; // (score, start, end)
    let mut cur: Option<(usize, usize, usize)> = None;
    let mut gap = 0;
    for (i, l) in lines.iter().enumerate() {
        match l.shape {
            Shape::Prose => {
                cur = Some(match cur {
                    Some((s, st, _)) => (s + l.words, st, i),
                    None => (l.words, i, i),
                });
                gap = 0;
            }
            Shape::Stop => {
                if let Some(c) = cur.take() {
                    if best.is_none_or(|b| c.0 > b.0) {
                        best = Some(c);
                    }
                }
                gap = 0;
            }
            _ => {
                gap += 1;
                if gap > GAP {
                    if let Some(c) = cur.take() {
                        if best.is_none_or(|b| c.0 > b.0) {
                            best = Some(c);
                        }
                    }
                }
            }
        }
    }
    if let Some(c) = cur {
        if best.is_none_or(|b| c.0 > b.0) {
            best = Some(c);
        }
    }
    best.map(|(_, s, e)| (s, e))
}

fn headline_shaped(l: &Line) -> bool {
    // Headlines may end in "?" or "!", never in a full stop.
    let t = l
        .text
        .trim_end_matches(['"', '”', '’', '»', ')', '\'', ' ']);
    let question = l.shape == Shape::Prose && l.words <= 25 && t.ends_with(['?', '!']);
    (l.shape == Shape::Other || question)
        && !l.bullet
        && (4..=40).contains(&l.words)
        && (question || !ends_sentence(&l.text))
        && !l.text.contains(" | ")
        && !l.text.contains("Ảnh:")
        && !doubled(&l.text)
}

/// Captions of video players ("Clip: …", "Video: …") are not photos.
fn video_caption(s: &str) -> bool {
    let head: String = s.chars().take(6).collect::<String>().to_lowercase();
    head.starts_with("clip:") || head.starts_with("video:")
}

/// Extracts the article from page text.
pub fn extract(text: &str, url: Option<&str>, reference: Option<Date>) -> Document {
    let lines = lines_of(text, reference);
    let mut doc = Document {
        url: url.map(str::to_owned),
        ..Document::default()
    };
    let Some((bs, be)) = body_run(&lines) else {
        return doc;
    };

    // The lead: a dateline-led sapo at or just above the body start wins.
    let zone_start = bs.saturating_sub(25);
    let dateline_lead = (zone_start..=bs).find(|&i| {
        lines[i].words >= 12
            && lines[i].shape == Shape::Prose
            && split_dateline(&lines[i].text).0.is_some()
    });
    // Date lines around the body start (a date line may sit between the lead and the body).
    let zone_end = (bs + 6).min(be + 1);
    let dates: Vec<usize> = (zone_start..zone_end)
        .filter(|&i| lines[i].shape == Shape::Date)
        .collect();
    let date_line = dates.iter().copied().min_by_key(|&d| d.abs_diff(bs));
    // The headline: a headline-shaped line close to the date line (or above the dateline-led
    // lead, or the body), preferring longer lines and lines above the anchor.
    let anchor = dateline_lead.or(date_line).unwrap_or(bs);
    let title = (zone_start..(bs + 3).min(lines.len()))
        .filter(|&i| i != anchor && headline_shaped(&lines[i]))
        .filter(|&i| dateline_lead.is_none() || i < anchor)
        .max_by_key(|&i| {
            let dist = i.abs_diff(anchor) as i64;
            let below = if i > anchor { 6 } else { 0 };
            (
                lines[i].words.min(20) as i64 - 2 * dist - below,
                std::cmp::Reverse(i),
            )
        });
    let Some(ti) = title else { return doc };
    doc.title = Some(lines[ti].text.clone());
    if let Some(d) = dates
        .iter()
        .copied()
        .filter(|&d| d.abs_diff(ti) <= 6)
        .min_by_key(|&d| d.abs_diff(ti))
    {
        doc.published_at = date_of(&lines[d].text, lines[d].words, reference);
        doc.date_source = doc.published_at.as_ref().map(|_| DateSource::Visible);
        // A byline often shares the date line: "Huỳnh Duy, Theo … 01:00 17/07/2026".
        for seg in lines[d].text.split('|') {
            let seg = strip_dates(seg);
            doc.authors.extend(person_names(&seg));
        }
    }

    // Lines between the headline and the body: bylines, then the lead.
    let mut lead_i = dateline_lead;
    let mut k = ti + 1;
    while lead_i.is_none() && k < lines.len() && k <= bs {
        let l = &lines[k];
        if l.text == lines[ti].text
            || matches!(l.shape, Shape::Date | Shape::Furniture | Shape::Image)
        {
            k += 1;
            continue;
        }
        if l.words >= 12 {
            lead_i = Some(k);
            break;
        }
        k += 1;
    }
    // Bylines between the headline and the lead (or the body).
    let header_end = lead_i.unwrap_or(bs).min(lines.len());
    if doc.authors.is_empty() {
        for l in lines.iter().take(header_end).skip(ti + 1) {
            if l.words <= 6 && l.shape == Shape::Other && !l.bullet {
                doc.authors.extend(person_names(&l.text));
            }
        }
    }
    let mut body_from = bs.max(ti + 1);
    if let Some(li) = lead_i {
        let (dl, rest) = split_dateline(&lines[li].text);
        doc.dateline = dl;
        doc.lead = Some(rest);
        if li >= body_from {
            body_from = li + 1;
        }
    }

    // The body.
    let mut blocks: Vec<Block> = Vec::new();
    let mut images: Vec<Image> = Vec::new();
    let mut after_image = false;
    let mut prev: Option<&str> = None;
    let mut paragraphs = 0;
    let mut body_end = be;
    for (idx, l) in lines.iter().enumerate().take(be + 1).skip(body_from) {
        // A name line after some paragraphs is the closing byline: the article ends there.
        if paragraphs >= 2
            && l.shape == Shape::Other
            && l.words <= 4
            && !l.bullet
            && !person_names(&l.text).is_empty()
        {
            doc.authors.extend(person_names(&l.text));
            body_end = idx;
            break;
        }
        if prev == Some(l.text.as_str()) {
            continue;
        }
        prev = Some(&l.text);
        if Some(l.text.as_str()) == doc.title.as_deref() {
            continue;
        }
        match l.shape {
            Shape::Image => {
                after_image = true;
                continue;
            }
            Shape::Furniture | Shape::Date | Shape::Stop => continue,
            _ => {}
        }
        if is_see_also(&l.text) {
            after_image = false;
            continue;
        }
        if let Some(src) = source_attribution(&l.text) {
            doc.source_attribution.get_or_insert(src);
            continue;
        }
        if video_caption(&l.text) {
            after_image = false;
            continue;
        }
        let caption_cue = l.text.starts_with("Ảnh:")
            || l.text.contains("(Ảnh:")
            || l.text.starts_with("Ảnh minh họa");
        let unpunctuated_long = !ends_sentence(&l.text) && l.words > 22 && !l.bullet;
        if (after_image && l.words <= 80) || caption_cue || unpunctuated_long {
            let (caption, credit) = split_credit(&l.text);
            images.push(Image {
                url: None,
                caption,
                credit,
                alt: None,
            });
        } else if l.bullet {
            blocks.push(Block {
                kind: BlockKind::ListItem,
                text: l.text.clone(),
            });
        } else if l.shape == Shape::Prose {
            paragraphs += 1;
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                text: l.text.clone(),
            });
        } else if l.words >= 2 {
            blocks.push(Block {
                kind: BlockKind::Heading,
                text: l.text.clone(),
            });
        }
        after_image = false;
    }
    while blocks.last().is_some_and(|b| b.kind == BlockKind::Heading) {
        blocks.pop();
    }
    while blocks
        .first()
        .is_some_and(|b| b.kind == BlockKind::Heading && b.text.chars().count() < 3)
    {
        blocks.remove(0);
    }
    let blocks = crate::extract::photo_story(blocks, &images);
    doc.blocks = blocks;
    doc.images = images;

    // After the body: byline, tags, source credit (up to the next stop label).
    for l in lines.iter().skip(body_end + 1).take(8) {
        if l.shape == Shape::Stop {
            break;
        }
        if let Some(src) = source_attribution(&l.text) {
            doc.source_attribution.get_or_insert(src);
            continue;
        }
        if l.text.starts_with('#') && doc.tags.is_empty() {
            doc.tags = l
                .text
                .split('#')
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty() && word_count(t) <= 6)
                .collect();
            continue;
        }
        if l.words <= 4 && l.shape == Shape::Other && doc.authors.is_empty() {
            doc.authors.extend(person_names(&l.text));
        }
    }
    doc.authors.dedup();

    // Story cards after the article.
    let card_ref = reference.or_else(|| {
        doc.published_at
            .as_deref()
            .and_then(datetime::parse_meta)
            .map(|s| s.civil.date())
    });
    doc.related = story_cards(&lines[body_end + 1..], card_ref);
    doc
}

/// Story cards: a title (maybe printed twice), a time line, and a summary paragraph.
fn story_cards(lines: &[Line], reference: Option<Date>) -> Vec<Related> {
    let mut out: Vec<Related> = Vec::new();
    let Some(start) = lines.iter().position(|l| l.shape == Shape::Stop) else {
        return out;
    };
    let lines = &lines[start..];
    let mut k = 0;
    while k < lines.len() {
        let title = &lines[k].text;
        let w = lines[k].words;
        if !(4..=40).contains(&w)
            || matches!(lines[k].shape, Shape::Stop | Shape::Furniture | Shape::Date)
        {
            k += 1;
            continue;
        }
        let mut j = k + 1;
        if j < lines.len() && lines[j].text == *title {
            j += 1;
        }
        let time = lines
            .get(j)
            .and_then(|l| date_of(&l.text, l.words, reference));
        let repeated = j > k + 1;
        // A clock time without a date we can resolve (no reference date): still a time line.
        let time_shaped = lines.get(j).is_some_and(|l| {
            l.words <= 6
                && l.text
                    .as_bytes()
                    .windows(3)
                    .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit())
        });
        if time.is_none() && !repeated && !time_shaped {
            k += 1;
            continue;
        }
        if time.is_some() || time_shaped {
            j += 1;
        }
        let mut summary = None;
        if let Some(s) = lines.get(j) {
            if s.words >= 12 && s.shape == Shape::Prose {
                summary = Some(s.text.clone());
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

/// The shape given to each non-empty line (for debugging extraction from page text).
pub fn line_shapes(text: &str, reference: Option<Date>) -> Vec<(String, String)> {
    lines_of(text, reference)
        .into_iter()
        .map(|l| (format!("{:?}", l.shape), l.text))
        .collect()
}
