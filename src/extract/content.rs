//! Finding the article body in an HTML page: furniture is marked by tag, class and style;
//! text-bearing elements are scored (paragraph length, commas, link density) and the score
//! flows to their ancestors; the best container and its worthy siblings are read out as
//! ordered blocks, with images and captions set aside and link lists taken as other stories.

use crate::article::{BlockKind, Image, Link};
use crate::extract::clean::{attr_verdict, hint, is_furniture_tag};
use crate::extract::dom::{Dom, Tag};
use crate::vi::normalize::{finish, push_collapsed};
use url::Url;

/// Per-node facts computed once for the whole page.
pub struct Analysis {
    /// Non-whitespace characters of visible text in the subtree (furniture included).
    pub text_len: Vec<u32>,
    /// Of which inside links.
    pub link_len: Vec<u32>,
    pub commas: Vec<u32>,
    /// The node or an ancestor is furniture.
    pub junk: Vec<bool>,
    /// The node itself (not an ancestor) is furniture that lists other stories.
    pub related_box: Vec<bool>,
    pub strong_positive: Vec<bool>,
    pub positive: Vec<bool>,
    /// [`crate::extract::clean::hint`] flags of each element.
    pub hints: Vec<u16>,
}

impl Analysis {
    pub fn link_density(&self, i: usize) -> f32 {
        let t = self.text_len[i];
        if t == 0 {
            0.0
        } else {
            self.link_len[i] as f32 / t as f32
        }
    }
}

/// Marks furniture and aggregates text over subtrees.
pub fn analyze(dom: &Dom<'_>) -> Analysis {
    let n = dom.len();
    let mut a = Analysis {
        text_len: vec![0; n],
        link_len: vec![0; n],
        commas: vec![0; n],
        junk: vec![false; n],
        related_box: vec![false; n],
        strong_positive: vec![false; n],
        positive: vec![false; n],
        hints: vec![0; n],
    };
    let mut hidden = vec![false; n];
    let mut in_link = vec![false; n];
    for i in 1..n {
        let node = &dom.nodes[i];
        let p = node.parent as usize;
        hidden[i] = hidden[p] || node.tag.is_hidden_text();
        in_link[i] = in_link[p] || node.tag == Tag::A;
    }
    for i in (1..n).rev() {
        let node = &dom.nodes[i];
        if node.tag == Tag::Text && !hidden[i] {
            let mut len = 0u32;
            let mut commas = 0u32;
            for c in node.text.chars() {
                if !c.is_whitespace() {
                    len += 1;
                    if matches!(c, ',' | '،' | '，' | '、') {
                        commas += 1;
                    }
                }
            }
            a.text_len[i] = len;
            a.commas[i] = commas;
            if in_link[i] {
                a.link_len[i] = len;
            }
        }
        let p = node.parent as usize;
        if p != i {
            a.text_len[p] += a.text_len[i];
            a.link_len[p] += a.link_len[i];
            a.commas[p] += a.commas[i];
        }
    }
    // Non-link text of the whole page: a wrapper holding most of it is never furniture by
    // its class (class names such as "page-ad-margins" or "has-sidebar" sit on wrappers).
    let page_content = a.text_len[0].saturating_sub(a.link_len[0]);
    for i in 1..n {
        let node = &dom.nodes[i];
        let p = node.parent as usize;
        if node.el.is_none() {
            a.junk[i] = a.junk[p];
            continue;
        }
        let v = attr_verdict(node);
        a.strong_positive[i] = v.strong_positive;
        a.positive[i] = v.positive;
        a.hints[i] = v.hints;
        let structural = matches!(
            node.tag,
            Tag::Html | Tag::Body | Tag::Main | Tag::Document | Tag::Form
        );
        let content = a.text_len[i].saturating_sub(a.link_len[i]);
        let wrapper = content * 2 >= page_content && page_content > 0;
        // Inline elements inside text (a link to a tag page, a styled span) are judged by
        // visibility only, never by class names.
        let inline =
            !node.tag.is_block() && !matches!(node.tag, Tag::Other | Tag::Img | Tag::Picture);
        let by_class = v.negative && !v.strong_positive && !structural && (!wrapper || v.hidden);
        let own_junk = is_furniture_tag(node.tag) || if inline { v.hidden } else { by_class };
        a.junk[i] = a.junk[p] || own_junk;
        if own_junk && !a.junk[p] {
            a.related_box[i] = v.hints & hint::RELATED != 0;
        }
    }
    a
}

/// Readability-style container scores; returns the best container.
pub fn best_container(dom: &Dom<'_>, a: &Analysis, skip: &[usize]) -> Option<(usize, Vec<f32>)> {
    let n = dom.len();
    let mut score = vec![0f32; n];
    let mut init = vec![false; n];
    let base = |i: usize| -> f32 {
        let tag_score = match dom.nodes[i].tag {
            Tag::Div | Tag::Article | Tag::Section | Tag::Main => 5.0,
            Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
            Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Form => -3.0,
            Tag::H1 | Tag::H(_) | Tag::Th => -5.0,
            _ => 0.0,
        };
        // Class names count only on containers that hold some text.
        let class = if a.text_len[i] < 200 {
            0.0
        } else if a.strong_positive[i] {
            50.0
        } else if a.positive[i] {
            25.0
        } else {
            0.0
        };
        tag_score + class
    };
    for i in 1..n {
        let node = &dom.nodes[i];
        // Captions count toward their container (photo stories are told in captions),
        // even where their class marks them as furniture for the body text.
        let caption = node.tag == Tag::Figcaption && !a.junk[node.parent as usize];
        if a.junk[i] && !caption {
            continue;
        }
        let para_like = match node.tag {
            Tag::P | Tag::Pre | Tag::Td | Tag::Blockquote | Tag::Figcaption => true,
            Tag::Div | Tag::Section | Tag::Article | Tag::Li | Tag::Dd => !node.has_block_child,
            _ => false,
        };
        if skip.contains(&i) {
            continue;
        }
        // Text written straight into a container beside its block children (divs of text
        // split by <br>) counts as a paragraph of that container.
        let (len, ld, first) = if para_like {
            (a.text_len[i], a.link_density(i), node.parent as usize)
        } else if node.has_block_child
            && matches!(
                node.tag,
                Tag::Div | Tag::Section | Tag::Article | Tag::Td | Tag::Main
            )
        {
            let mut len = 0u32;
            let mut link = 0u32;
            for c in dom.children(i) {
                if !dom.nodes[c].tag.is_block() && !a.junk[c] {
                    len += a.text_len[c];
                    link += a.link_len[c];
                }
            }
            (
                len,
                if len == 0 {
                    0.0
                } else {
                    link as f32 / len as f32
                },
                i,
            )
        } else {
            continue;
        };
        if len < 25 || ld > 0.5 {
            continue;
        }
        let commas = if para_like {
            a.commas[i]
        } else {
            (len / 80).min(a.commas[i])
        };
        let s = 1.0 + commas as f32 + (len as f32 / 100.0).min(3.0);
        let mut anc = first;
        let mut level = 0;
        while anc != 0 && level < 5 {
            // Paragraphs straight under <body> make <body> the container; nothing above it.
            if dom.nodes[anc].el.is_none() || dom.nodes[anc].tag == Tag::Html {
                break;
            }
            if !init[anc] {
                init[anc] = true;
                score[anc] = base(anc);
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[anc] += s / div;
            anc = dom.nodes[anc].parent as usize;
            level += 1;
        }
    }
    let mut best: Option<usize> = None;
    let mut best_score = f32::MIN;
    for i in 0..n {
        if !init[i] || a.junk[i] {
            continue;
        }
        score[i] *= 1.0 - a.link_density(i);
        if score[i] > best_score {
            best_score = score[i];
            best = Some(i);
        }
    }
    best.map(|b| (b, score))
}

/// The roots to read: the best container plus siblings that look like more of the article.
pub fn select_roots(dom: &Dom<'_>, a: &Analysis, top: usize, score: &[f32]) -> Vec<usize> {
    let parent = dom.nodes[top].parent as usize;
    if parent == 0 || matches!(dom.nodes[parent].tag, Tag::Html | Tag::Document) {
        return vec![top];
    }
    let threshold = (score[top] * 0.2).max(10.0);
    let mut roots = Vec::new();
    for c in dom.children(parent) {
        if c == top {
            roots.push(c);
            continue;
        }
        let node = &dom.nodes[c];
        if node.el.is_none() || a.junk[c] {
            continue;
        }
        let mut bonus = 0.0;
        let top_class = dom.nodes[top].attr("class").unwrap_or("");
        if !top_class.is_empty() && node.attr("class") == Some(top_class) {
            bonus = score[top] * 0.2;
        }
        if score[c] + bonus >= threshold && score[c] > 0.0 {
            roots.push(c);
            continue;
        }
        if node.tag == Tag::P {
            let len = a.text_len[c];
            let ld = a.link_density(c);
            if (len > 80 && ld < 0.25)
                || (len > 0 && len <= 80 && ld == 0.0 && {
                    let t = dom.text_of(c);
                    t.ends_with('.') || t.ends_with(".\"") || t.ends_with(".”")
                })
            {
                roots.push(c);
            }
        }
    }
    // Bodies split into chunks under separate wrappers (ads between them) share the top
    // container's tag and class: take every such chunk that carries text.
    let top_class = dom.nodes[top].attr("class").unwrap_or("").trim();
    if !top_class.is_empty() {
        for c in 1..dom.len() {
            let node = &dom.nodes[c];
            if c == top
                || node.tag != dom.nodes[top].tag
                || a.junk[c]
                || node.attr("class").map(str::trim) != Some(top_class)
            {
                continue;
            }
            if roots
                .iter()
                .any(|&r| dom.contains(r, c) || dom.contains(c, r))
            {
                continue;
            }
            if a.text_len[c] >= 100 && a.link_density(c) < 0.4 {
                roots.push(c);
            }
        }
        roots.sort_unstable();
    }
    roots
}

/// A block as read from the page, with the facts the filters need.
pub struct RawBlock {
    pub kind: BlockKind,
    pub text: String,
    pub chars: u32,
    pub link_chars: u32,
    pub strong_chars: u32,
    /// Index of the element that holds the block.
    pub node: usize,
    /// The block is written right-aligned (how bylines are often set).
    pub right_aligned: bool,
    pub italic_chars: u32,
}

impl RawBlock {
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// What reading the roots gives.
#[derive(Default)]
pub struct Read {
    pub blocks: Vec<RawBlock>,
    pub links: Vec<Link>,
    pub images: Vec<Image>,
    /// Links found in related-story boxes inside the roots: (title, url).
    pub related: Vec<(String, String)>,
}

/// Resolves a URL against the page's base; keeps absolute http(s) URLs only.
pub fn resolve(base: Option<&Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty()
        || href.starts_with('#')
        || href.starts_with("javascript:")
        || href.starts_with("data:")
        || href.starts_with("mailto:")
    {
        return None;
    }
    let u = match base {
        Some(b) => b.join(href).ok()?,
        None => Url::parse(href).ok()?,
    };
    matches!(u.scheme(), "http" | "https").then(|| u.to_string())
}

/// The best URL of an image: lazy-loading attributes first, then `srcset` (widest), then `src`.
pub fn image_url(el: &scraper::node::Element, base: Option<&Url>) -> Option<String> {
    for a in [
        "data-src",
        "data-original",
        "data-lazy-src",
        "data-lazy",
        "data-url",
        "data-full-src",
        "data-origin",
    ] {
        if let Some(v) = el.attr(a) {
            if let Some(u) = resolve(base, v) {
                return Some(u);
            }
        }
    }
    for a in ["srcset", "data-srcset"] {
        if let Some(set) = el.attr(a) {
            let mut best: Option<(u32, &str)> = None;
            for cand in set.split(',') {
                let mut parts = cand.split_whitespace();
                let Some(u) = parts.next() else { continue };
                let w = parts
                    .next()
                    .and_then(|d| d.trim_end_matches(['w', 'x']).parse::<f32>().ok())
                    .unwrap_or(1.0) as u32;
                if best.is_none_or(|(bw, _)| w > bw) {
                    best = Some((w, u));
                }
            }
            if let Some(u) = best.and_then(|(_, u)| resolve(base, u)) {
                return Some(u);
            }
        }
    }
    el.attr("src").and_then(|s| resolve(base, s))
}

fn is_tracking_image(el: &scraper::node::Element) -> bool {
    let tiny = |a: &str| {
        el.attr(a)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
            .is_some_and(|v| v <= 3)
    };
    tiny("width") || tiny("height")
}

struct Open {
    end: usize,
    kind: Option<BlockKind>,
    node: usize,
}

/// Reads blocks, links and images from the roots, skipping furniture and the nodes in `skip`
/// (the headline and the lead when they sit inside the body).
pub fn read_roots(
    dom: &Dom<'_>,
    a: &Analysis,
    roots: &[usize],
    skip: &[usize],
    base: Option<&Url>,
) -> Read {
    let mut r = Read::default();
    for &root in roots {
        read_one(dom, a, root, skip, base, &mut r);
    }
    r
}

fn block_kind(tag: Tag) -> Option<BlockKind> {
    match tag {
        Tag::H1 | Tag::H(_) => Some(BlockKind::Heading),
        Tag::Li | Tag::Dt | Tag::Dd => Some(BlockKind::ListItem),
        Tag::Blockquote => Some(BlockKind::Quote),
        Tag::Table => Some(BlockKind::Table),
        _ if tag.is_block() => Some(BlockKind::Paragraph),
        _ => None,
    }
}

struct Buf {
    text: String,
    pending: bool,
    chars: u32,
    link_chars: u32,
    strong_chars: u32,
    italic_chars: u32,
}

impl Buf {
    fn new() -> Buf {
        Buf {
            text: String::new(),
            pending: false,
            chars: 0,
            link_chars: 0,
            strong_chars: 0,
            italic_chars: 0,
        }
    }
}

fn flush(dom: &Dom<'_>, buf: &mut Buf, open: &[Open], out: &mut Vec<RawBlock>) {
    if buf.text.is_empty() {
        buf.pending = false;
        return;
    }
    let text = finish(std::mem::take(&mut buf.text));
    // The innermost block decides the kind, except that quotes and tables win over paragraphs inside them.
    let mut kind = BlockKind::Paragraph;
    let mut node = 0;
    if let Some(o) = open.iter().rev().find(|o| o.kind.is_some()) {
        kind = o.kind.unwrap_or(BlockKind::Paragraph);
        node = o.node;
    }
    if kind == BlockKind::Paragraph && open.iter().any(|o| o.kind == Some(BlockKind::Quote)) {
        kind = BlockKind::Quote;
    }
    let right_aligned = node != 0 && {
        let n = &dom.nodes[node];
        n.attr("style").is_some_and(|s| {
            s.replace(' ', "")
                .to_ascii_lowercase()
                .contains("text-align:right")
        }) || n
            .attr("align")
            .is_some_and(|s| s.eq_ignore_ascii_case("right"))
            || n.attr("class").is_some_and(|c| {
                let c = c.to_ascii_lowercase();
                c.contains("right") || c.contains("author")
            })
    };
    out.push(RawBlock {
        kind,
        text,
        chars: buf.chars,
        link_chars: buf.link_chars,
        strong_chars: buf.strong_chars,
        node,
        right_aligned,
        italic_chars: buf.italic_chars,
    });
    buf.chars = 0;
    buf.link_chars = 0;
    buf.strong_chars = 0;
    buf.italic_chars = 0;
    buf.pending = false;
}

/// The caption of an image: the enclosing figure's `figcaption`, or a nearby element whose
/// class names a caption, looking up to three levels above the image.
pub fn find_caption(
    dom: &Dom<'_>,
    a: &Analysis,
    img: usize,
    limit: usize,
) -> Option<(usize, String)> {
    let mut anc = dom.nodes[img].parent as usize;
    for _ in 0..4 {
        if anc == 0 || anc < limit {
            break;
        }
        let end = dom.nodes[anc].end as usize;
        let mut imgs = 0;
        for j in anc + 1..end {
            let n = &dom.nodes[j];
            if n.tag == Tag::Img {
                imgs += 1;
            }
            let is_cap = n.tag == Tag::Figcaption || a.hints[j] & hint::CAPTION != 0;
            if is_cap {
                let t = dom.text_of(j);
                if !t.is_empty() {
                    return Some((j, t));
                }
            }
        }
        if imgs > 2 || dom.nodes[anc].tag == Tag::Figure {
            break;
        }
        anc = dom.nodes[anc].parent as usize;
    }
    None
}

fn push_image(
    dom: &Dom<'_>,
    a: &Analysis,
    img: usize,
    limit: usize,
    base: Option<&Url>,
    r: &mut Read,
) -> Option<usize> {
    let el = dom.nodes[img].el?;
    if is_tracking_image(el) {
        return None;
    }
    let url = image_url(el, base);
    let cap = find_caption(dom, a, img, limit);
    if cap.as_ref().is_some_and(|(_, t)| {
        let f = crate::vi::normalize::fold(t);
        f.starts_with("clip:") || f.starts_with("video:")
    }) {
        return cap.map(|(j, _)| j);
    }
    let alt = el
        .attr("alt")
        .map(crate::vi::normalize::clean)
        .filter(|s| !s.is_empty());
    if url.is_none() && cap.is_none() {
        return None;
    }
    if let Some(u) = &url {
        if r.images.iter().any(|i| i.url.as_deref() == Some(u)) {
            return cap.map(|(j, _)| j);
        }
    }
    let (caption, credit) = match &cap {
        Some((_, t)) => split_credit(t),
        None => (None, None),
    };
    r.images.push(Image {
        url,
        caption,
        credit,
        alt,
    });
    cap.map(|(j, _)| j)
}

/// Reads a photo credit out of a caption ("… (Ảnh: Minh Anh)", "… Ảnh: TTXVN", "Photo: AP").
/// The caption stays as displayed, credit included; the credit is also given on its own.
pub fn split_credit(text: &str) -> (Option<String>, Option<String>) {
    let t = text.trim();
    if t.is_empty() {
        return (None, None);
    }
    let lower = crate::vi::normalize::fold(t);
    for key in [
        "ảnh:",
        "ảnh :",
        "photo:",
        "nguồn ảnh:",
        "nguồn:",
        "photo by",
        "credit:",
        "image:",
    ] {
        if let Some(pos) = lower.rfind(key) {
            let char_pos = lower[..pos].chars().count() + key.chars().count();
            let tail: String = t.chars().skip(char_pos).collect();
            let credit = tail.trim().trim_end_matches([')', '.', ']']).trim();
            if credit.is_empty() || credit.chars().count() > 60 {
                continue;
            }
            return (Some(t.to_owned()), Some(credit.to_owned()));
        }
    }
    (Some(t.to_owned()), None)
}

fn read_one(
    dom: &Dom<'_>,
    a: &Analysis,
    root: usize,
    skip: &[usize],
    base: Option<&Url>,
    r: &mut Read,
) {
    let end = dom.nodes[root].end as usize;
    let mut open: Vec<Open> = vec![Open {
        end,
        kind: block_kind(dom.nodes[root].tag).filter(|_| dom.nodes[root].tag != Tag::Table),
        node: root,
    }];
    let mut inline: Vec<(usize, Tag)> = Vec::new();
    let mut buf = Buf::new();
    let mut skip_caps: Vec<usize> = Vec::new();
    let mut j = root + 1;
    while j < end {
        while let Some(o) = open.last() {
            if j >= o.end {
                flush(dom, &mut buf, &open, &mut r.blocks);
                open.pop();
            } else {
                break;
            }
        }
        while inline.last().is_some_and(|(e, _)| j >= *e) {
            inline.pop();
        }
        let node = &dom.nodes[j];
        if skip.contains(&j) || skip_caps.contains(&j) {
            flush(dom, &mut buf, &open, &mut r.blocks);
            j = node.end as usize;
            continue;
        }
        if a.junk[j] {
            if a.related_box[j] {
                collect_links(dom, j, base, &mut r.related);
            }
            // Images inside furniture are not the article's, except captioned photo boxes.
            j = node.end as usize;
            continue;
        }
        match node.tag {
            Tag::Text => {
                let before = buf.text.len();
                push_collapsed(&mut buf.text, node.text, &mut buf.pending);
                let added = buf.text[before..]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .count() as u32;
                buf.chars += added;
                if inline.iter().any(|(_, t)| *t == Tag::A) {
                    buf.link_chars += added;
                }
                if inline.iter().any(|(_, t)| *t == Tag::Strong) {
                    buf.strong_chars += added;
                }
                if inline.iter().any(|(_, t)| *t == Tag::Em) {
                    buf.italic_chars += added;
                }
                j += 1;
            }
            Tag::Br => {
                flush(dom, &mut buf, &open, &mut r.blocks);
                j += 1;
            }
            Tag::Img => {
                if let Some(cap) = push_image(dom, a, j, root, base, r) {
                    skip_caps.push(cap);
                }
                j += 1;
            }
            Tag::Figure if is_video(dom, j) => {
                flush(dom, &mut buf, &open, &mut r.blocks);
                j = node.end as usize;
            }
            Tag::Figure => {
                flush(dom, &mut buf, &open, &mut r.blocks);
                let fend = node.end as usize;
                let mut found = false;
                for k in j + 1..fend {
                    if dom.nodes[k].tag == Tag::Img {
                        found = true;
                        if let Some(cap) = push_image(dom, a, k, j, base, r) {
                            skip_caps.push(cap);
                        }
                    }
                }
                if !found {
                    // A figure without a picture (a pull quote, an embed): read its text.
                    open.push(Open {
                        end: fend,
                        kind: Some(BlockKind::Paragraph),
                        node: j,
                    });
                    j += 1;
                } else {
                    j = fend;
                }
            }
            Tag::Figcaption => {
                // A caption outside any figure with a picture: keep as an image without URL.
                flush(dom, &mut buf, &open, &mut r.blocks);
                let t = dom.text_of(j);
                if !t.is_empty() {
                    let (caption, credit) = split_credit(&t);
                    r.images.push(Image {
                        url: None,
                        caption,
                        credit,
                        alt: None,
                    });
                }
                j = node.end as usize;
            }
            Tag::Table if is_data_table(dom, a, j) => {
                flush(dom, &mut buf, &open, &mut r.blocks);
                let text = table_text(dom, a, j);
                if !text.is_empty() {
                    let chars = a.text_len[j];
                    r.blocks.push(RawBlock {
                        kind: BlockKind::Table,
                        text,
                        chars,
                        link_chars: a.link_len[j],
                        strong_chars: 0,
                        node: j,
                        right_aligned: false,
                        italic_chars: 0,
                    });
                }
                j = node.end as usize;
            }
            Tag::A | Tag::Strong | Tag::Em => {
                if node.tag == Tag::A {
                    if let Some(href) = node.attr("href") {
                        if let Some(url) = resolve(base, href) {
                            let text = dom.text_of(j);
                            if !text.is_empty() {
                                r.links.push(Link { text, url });
                            }
                        }
                    }
                }
                inline.push((node.end as usize, node.tag));
                j += 1;
            }
            t if t.is_block() => {
                flush(dom, &mut buf, &open, &mut r.blocks);
                let kind = block_kind(t).filter(|k| *k != BlockKind::Table);
                open.push(Open {
                    end: node.end as usize,
                    kind,
                    node: j,
                });
                j += 1;
            }
            _ => {
                if node.tag == Tag::Span || node.tag == Tag::Other {
                    // Inline styling: bold via class/style is not tracked; text flows on.
                }
                j += 1;
            }
        }
    }
    flush(dom, &mut buf, &open, &mut r.blocks);
}

/// A video player box (its poster image and caption are not a photo of the article).
fn is_video(dom: &Dom<'_>, i: usize) -> bool {
    let n = &dom.nodes[i];
    let class = n.attr("class").unwrap_or("").to_ascii_lowercase();
    if class.contains("video")
        || n.attr("type")
            .is_some_and(|t| t.eq_ignore_ascii_case("video"))
    {
        return true;
    }
    let end = n.end as usize;
    (i + 1..end).any(|k| dom.nodes[k].el.is_some_and(|e| e.name() == "video"))
}

pub fn collect_links(
    dom: &Dom<'_>,
    box_idx: usize,
    base: Option<&Url>,
    out: &mut Vec<(String, String)>,
) {
    let end = dom.nodes[box_idx].end as usize;
    for k in box_idx + 1..end {
        let n = &dom.nodes[k];
        if n.tag != Tag::A {
            continue;
        }
        let Some(url) = n.attr("href").and_then(|h| resolve(base, h)) else {
            continue;
        };
        let text = dom.text_of(k);
        if crate::vi::normalize::word_count(&text) < 4 {
            continue;
        }
        if out.iter().any(|(_, u)| *u == url) {
            continue;
        }
        out.push((text, url));
    }
}

/// A table of data (not a layout table): no nested tables or long paragraphs in cells.
fn is_data_table(dom: &Dom<'_>, a: &Analysis, t: usize) -> bool {
    let end = dom.nodes[t].end as usize;
    let mut rows = 0;
    for k in t + 1..end {
        match dom.nodes[k].tag {
            Tag::Table => return false,
            Tag::Tr => rows += 1,
            Tag::P | Tag::Div if a.text_len[k] > 300 => return false,
            _ => {}
        }
    }
    rows >= 1 && a.text_len[t] < 5000
}

fn table_text(dom: &Dom<'_>, a: &Analysis, t: usize) -> String {
    let end = dom.nodes[t].end as usize;
    let mut lines: Vec<String> = Vec::new();
    let mut k = t + 1;
    while k < end {
        let n = &dom.nodes[k];
        if a.junk[k] && n.el.is_some() {
            k = n.end as usize;
            continue;
        }
        if n.tag == Tag::Tr {
            let mut cells = Vec::new();
            for c in dom.children(k) {
                if matches!(dom.nodes[c].tag, Tag::Td | Tag::Th) {
                    let txt = dom.text_of(c);
                    if !txt.is_empty() {
                        cells.push(txt);
                    }
                }
            }
            if !cells.is_empty() {
                lines.push(cells.join(" | "));
            }
            k = n.end as usize;
            continue;
        }
        k += 1;
    }
    lines.join("\n")
}
