//! HTML page → Document: metadata, headline, lead, date line, byline, body, images, tags,
//! section and other stories, for any site (generic scoring, no per-site rules).

use crate::article::{Block, BlockKind, Image, Related};
use crate::extract::byline::{looks_like_person, person_names, source_attribution, split_dateline};
use crate::extract::clean::{hint, is_label, is_see_also, is_stop_label};
use crate::extract::content::{self, Analysis, RawBlock};
use crate::extract::dom::{Dom, Tag};
use crate::extract::meta::{self, Meta};
use crate::extract::{DateSource, Document};
use crate::vi::datetime::{self, Stamp};
use crate::vi::normalize::{clean, fold, word_count};
use jiff::civil::Date;
use scraper::Html;
use url::Url;

/// Extracts the article of an HTML page.
pub fn extract(html: &str, page_url: Option<&str>, reference: Option<Date>) -> Document {
    let html = crate::extract::prestrip::prestrip(html);
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let meta = meta::read(&dom);
    let a = content::analyze(&dom);
    let page_url = page_url.and_then(|u| Url::parse(u).ok());
    let base = base_url(&meta, page_url.as_ref());

    let site_name = meta
        .first(&["og:site_name", "application-name", "twitter:site"])
        .map(str::to_owned)
        .or_else(|| meta.ld.publisher.clone())
        .filter(|s| !s.starts_with('@') && !s.is_empty());

    let (title, title_node) = find_title(&dom, &a, &meta, site_name.as_deref());
    let lead_node = find_lead(&dom, &a, title_node);
    let mut lead = lead_node.map(|i| dom.text_of(i)).filter(|t| !t.is_empty());

    let mut skip: Vec<usize> = Vec::new();
    skip.extend(title_node);
    skip.extend(lead_node);
    let (blocks, links, mut images, related_links, authors_tail, source_tail) =
        match content::best_container(&dom, &a, &skip) {
            Some((top, score)) => {
                let roots = content::select_roots(&dom, &a, top, &score);
                let mut read = content::read_roots(&dom, &a, &roots, &skip, base.as_ref());
                related_near(&dom, &a, &roots, base.as_ref(), &mut read.related);
                let mut hero = hero_images(&dom, &a, title_node, roots[0], base.as_ref());
                let (blocks, authors, source) = filter_blocks(read.blocks, title.as_deref());
                hero.extend(read.images);
                (blocks, read.links, hero, read.related, authors, source)
            }
            None => (
                Vec::new(),
                Vec::new(),
                Vec::new(),
                Vec::new(),
                Vec::new(),
                None,
            ),
        };

    let blocks = crate::extract::photo_story(blocks, &images);

    if lead.is_none() {
        lead = meta
            .first(&["og:description", "description", "twitter:description"])
            .map(str::to_owned)
            .or_else(|| meta.ld.description.clone())
            .filter(|d| !d.starts_with("http") && word_count(d) >= 8 && !overlaps_body(d, &blocks));
    }
    let (dateline, lead) = match lead {
        Some(l) => {
            let (d, rest) = split_dateline(&l);
            (d, Some(rest))
        }
        None => (None, None),
    };

    // Authors: structured data, then visible bylines, then a closing name line.
    let mut authors: Vec<String> = Vec::new();
    let mut source_attribution_v = source_tail;
    for raw in meta
        .ld
        .authors
        .iter()
        .map(String::as_str)
        .chain(meta.all(&[
            "author",
            "article:author",
            "dc.creator",
            "sailthru.author",
            "parsely-author",
        ]))
        .chain(
            meta.microdata
                .get("author")
                .into_iter()
                .flatten()
                .map(String::as_str),
        )
    {
        if raw.starts_with("http") {
            continue;
        }
        if source_attribution_v.is_none() {
            if let Some(src) = source_attribution(raw) {
                if crate::extract::byline::is_agency(src.trim_start_matches("Theo ")) {
                    source_attribution_v = Some(src);
                }
            }
        }
        for n in person_names(raw) {
            push_unique(&mut authors, n);
        }
    }
    if authors.is_empty() {
        for n in visible_bylines(&dom, &a, title_node) {
            push_unique(&mut authors, n);
        }
    }
    if authors.is_empty() {
        for n in authors_tail {
            push_unique(&mut authors, n);
        }
    }
    if let Some(site) = &site_name {
        authors.retain(|x| fold(x) != fold(site));
    }

    let (published_at, modified_at, date_source) =
        publication_times(&dom, &meta, title_node, reference);

    let tags = find_tags(&dom, &a);
    let section = find_section(&dom, &a, &meta, title.as_deref());
    let canonical_url = meta
        .canonical
        .as_deref()
        .or_else(|| meta.first(&["og:url"]))
        .and_then(|c| content::resolve(base.as_ref(), c));

    let language = meta
        .lang
        .as_deref()
        .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase())
        .filter(|l| l.len() == 2 || l.len() == 3)
        .or_else(|| {
            meta.first(&["og:locale"])
                .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase())
        })
        .or_else(|| crate::extract::detect_language(&blocks));

    // Links whose text did not stay in the body (a "Xem thêm:" line, a link list) point to
    // other stories.
    let body_text: String = blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let (links, dropped): (Vec<_>, Vec<_>) =
        links.into_iter().partition(|l| body_text.contains(&l.text));
    let mut related_links = related_links;
    for l in dropped {
        if word_count(&l.text) >= 4 && !related_links.iter().any(|(_, u)| *u == l.url) {
            related_links.push((l.text, l.url));
        }
    }
    let related = related_from(related_links, &blocks);
    images.retain(|i| i.url.is_some() || i.caption.is_some());

    Document {
        url: page_url.map(|u| u.to_string()),
        canonical_url,
        site_name,
        language,
        title,
        lead,
        dateline,
        authors,
        source_attribution: source_attribution_v,
        published_at,
        modified_at,
        date_source,
        section,
        tags,
        blocks,
        links,
        images,
        related,
        article_typed: meta.is_article_typed,
    }
}

/// Does a metadata description repeat the start of the body (so it is no separate lead)?
fn overlaps_body(desc: &str, blocks: &[Block]) -> bool {
    let toks = |s: &str| -> Vec<String> {
        fold(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let d = toks(desc);
    let probe: Vec<String> = d.into_iter().take(6).collect();
    if probe.is_empty() {
        return true;
    }
    let mut body = Vec::new();
    for b in blocks.iter().take(6) {
        body.extend(toks(&b.text));
    }
    body.windows(probe.len()).any(|w| w == probe.as_slice())
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !v.iter().any(|x| fold(x) == fold(&s)) {
        v.push(s);
    }
}

fn base_url(meta: &Meta, page: Option<&Url>) -> Option<Url> {
    let page = page.cloned().or_else(|| {
        meta.canonical
            .as_deref()
            .or_else(|| meta.first(&["og:url"]))
            .and_then(|u| Url::parse(u).ok())
    });
    match (&meta.base_href, &page) {
        (Some(b), Some(p)) => p.join(b).ok().or(page.clone()),
        (Some(b), None) => Url::parse(b).ok(),
        _ => page,
    }
}

/// Word-set similarity of two titles (0..1), on folded words.
fn similarity(a: &str, b: &str) -> f32 {
    let wa: Vec<String> = fold(a)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let wb: Vec<String> = fold(b)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let common = wa.iter().filter(|w| wb.contains(w)).count();
    common as f32 / wa.len().max(wb.len()) as f32
}

/// Removes a " - Site name" (or " | Site") suffix from a metadata title.
pub fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let t = title.trim();
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] {
        if let Some(pos) = t.rfind(sep) {
            let (head, tail) = (&t[..pos], &t[pos + sep.len()..]);
            let tail_is_site = site
                .is_some_and(|s| similarity(tail, s) >= 0.5 || fold(tail).contains(&fold(s)))
                || word_count(tail) <= 5
                    && word_count(head) >= 3
                    && word_count(tail) * 2 < word_count(head);
            if tail_is_site && !head.trim().is_empty() {
                return head.trim().to_owned();
            }
        }
    }
    t.to_owned()
}

fn find_title(
    dom: &Dom<'_>,
    a: &Analysis,
    meta: &Meta,
    site: Option<&str>,
) -> (Option<String>, Option<usize>) {
    let mut metas: Vec<String> = Vec::new();
    for t in [
        meta.ld.headline.as_deref(),
        meta.first(&["og:title"]),
        meta.first(&["twitter:title"]),
        meta.micro("headline"),
        meta.title_tag.as_deref(),
    ]
    .into_iter()
    .flatten()
    {
        if !t.starts_with("http") {
            metas.push(t.to_owned());
        }
    }
    let mut best: Option<(f32, usize, String)> = None;
    let mut first_h1: Option<(usize, String)> = None;
    for (i, n) in dom.nodes.iter().enumerate() {
        let is_cand =
            n.tag == Tag::H1 || (matches!(n.tag, Tag::H(2)) && a.hints[i] & hint::TITLE != 0);
        if !is_cand || a.text_len[i] == 0 || a.text_len[i] > 400 {
            continue;
        }
        let text = dom.text_of(i);
        if word_count(&text) < 2 {
            continue;
        }
        if n.tag == Tag::H1 && first_h1.is_none() && !a.junk[i] {
            first_h1 = Some((i, text.clone()));
        }
        let sim = metas
            .iter()
            .map(|m| similarity(&text, m))
            .fold(0.0f32, f32::max);
        let sim = if n.tag == Tag::H1 { sim + 0.01 } else { sim };
        if best.as_ref().is_none_or(|(s, _, _)| sim > *s) {
            best = Some((sim, i, text));
        }
    }
    if let Some((sim, i, text)) = best {
        if sim >= 0.5 {
            return (Some(text), Some(i));
        }
    }
    // No headline agrees with the metadata: a visible <h1> of a few words wins (a one-word
    // <h1> is usually the site's logo).
    if let Some((i, t)) = first_h1 {
        if metas.is_empty() || word_count(&t) >= 4 {
            return (Some(t), Some(i));
        }
    }
    if metas.is_empty() {
        return (None, None);
    }
    let m = strip_site_suffix(&metas[0], site);
    (Some(m), None)
}

fn find_lead(dom: &Dom<'_>, a: &Analysis, title: Option<usize>) -> Option<usize> {
    let start = title.map(|t| dom.nodes[t].end as usize).unwrap_or(0);
    let limit = start + 4000;
    for i in start..dom.len().min(limit) {
        let n = &dom.nodes[i];
        if n.el.is_none() {
            continue;
        }
        if a.junk[n.parent as usize]
            || n.tag.is_hidden_text()
            || matches!(n.tag, Tag::Nav | Tag::Footer | Tag::Aside)
        {
            continue;
        }
        let hinted = a.hints[i] & hint::LEAD != 0;
        if !hinted || a.text_len[i] < 30 || a.text_len[i] > 1000 || a.link_density(i) > 0.5 {
            continue;
        }
        // Not a photo's caption or description.
        if a.hints[i] & hint::CAPTION != 0 || in_figure(dom, i) {
            continue;
        }
        // A lead is one paragraph, not a container of several.
        let paras = (i + 1..n.end as usize)
            .filter(|&k| dom.nodes[k].tag == Tag::P)
            .count();
        if paras > 1 {
            continue;
        }
        if matches!(n.tag, Tag::Meta | Tag::A | Tag::Img) {
            continue;
        }
        return Some(i);
    }
    None
}

fn in_figure(dom: &Dom<'_>, i: usize) -> bool {
    let mut anc = dom.nodes[i].parent as usize;
    for _ in 0..4 {
        if anc == 0 {
            return false;
        }
        if matches!(dom.nodes[anc].tag, Tag::Figure | Tag::Figcaption) {
            return true;
        }
        anc = dom.nodes[anc].parent as usize;
    }
    false
}

fn hero_images(
    dom: &Dom<'_>,
    a: &Analysis,
    title: Option<usize>,
    root: usize,
    base: Option<&Url>,
) -> Vec<Image> {
    let mut out = Vec::new();
    let Some(t) = title else { return out };
    let start = dom.nodes[t].end as usize;
    if root <= start || root - start > 400 {
        return out;
    }
    let mut i = start;
    while i < root {
        let n = &dom.nodes[i];
        if n.tag == Tag::Figure && !a.junk[n.parent as usize] && !dom.contains(i, root) {
            let fend = n.end as usize;
            if let Some(img) = (i + 1..fend).find(|&k| dom.nodes[k].tag == Tag::Img) {
                let url = dom.nodes[img].el.and_then(|e| content::image_url(e, base));
                let cap = content::find_caption(dom, a, img, i).map(|(_, t)| t);
                let (caption, credit) = cap
                    .as_deref()
                    .map(content::split_credit)
                    .unwrap_or((None, None));
                let alt = dom.nodes[img]
                    .attr("alt")
                    .map(clean)
                    .filter(|s| !s.is_empty());
                if url.is_some() || caption.is_some() {
                    out.push(Image {
                        url,
                        caption,
                        credit,
                        alt,
                    });
                }
            }
            i = fend;
            continue;
        }
        i += 1;
    }
    out
}

/// Drops furniture lines from the body; returns the blocks, names from a closing byline,
/// and a closing source attribution.
fn filter_blocks(
    raw: Vec<RawBlock>,
    title: Option<&str>,
) -> (Vec<Block>, Vec<String>, Option<String>) {
    let title_f = title.map(fold);
    let mut kept: Vec<RawBlock> = Vec::new();
    for b in raw {
        let t = b.text.trim();
        if t.is_empty() || t.chars().all(|c| !c.is_alphanumeric()) {
            continue;
        }
        if is_label(t) || is_stop_label(t) || is_see_also(t) {
            continue;
        }
        if b.link_density() > 0.6 && word_count(t) < 40 {
            continue;
        }
        if title_f
            .as_ref()
            .is_some_and(|tf| tf.len().abs_diff(t.len()) < 8 && *tf == fold(t))
        {
            continue;
        }
        kept.push(b);
    }
    // Closing lines: bylines and source attributions.
    let mut authors = Vec::new();
    let mut source = None;
    for _ in 0..3 {
        let Some(last) = kept.last() else { break };
        let t = last.text.trim();
        if let Some(src) = source_attribution(t) {
            if source.is_none() {
                source = Some(src.clone());
            }
            // "Theo Phạm Trường" names a person; "Theo TTXVN" an agency.
            let names = person_names(&src);
            if !names.is_empty()
                && !crate::extract::byline::is_agency(src.trim_start_matches("Theo "))
            {
                authors.extend(names);
                source = None;
            }
            kept.pop();
            continue;
        }
        let short = word_count(t) <= 6 && t.chars().count() <= 50;
        let styled = last.right_aligned || (last.strong_chars as f32) >= 0.9 * last.chars as f32;
        if short && styled && !t.ends_with(['.', '?', '!', ':']) {
            let names = person_names(t);
            if !names.is_empty() || t.starts_with('(') || crate::extract::byline::is_agency(t) {
                authors.extend(names);
                kept.pop();
                continue;
            }
        }
        if fold(t) == "(tổng hợp)" {
            kept.pop();
            continue;
        }
        break;
    }
    let blocks = kept
        .into_iter()
        .map(|b| {
            let mut kind = b.kind;
            let words = word_count(&b.text);
            if kind == BlockKind::Paragraph
                && b.chars > 0
                && b.strong_chars as f32 >= 0.95 * b.chars as f32
                && words <= 25
                && !b.text.ends_with(['.', ':', ';', ','])
            {
                kind = BlockKind::Heading;
            }
            if kind == BlockKind::Heading && words > 40 {
                kind = BlockKind::Paragraph;
            }
            Block { kind, text: b.text }
        })
        .collect();
    (blocks, authors, source)
}

fn visible_bylines(dom: &Dom<'_>, a: &Analysis, title: Option<usize>) -> Vec<String> {
    let mut out = Vec::new();
    let start = title.map(|t| t.saturating_sub(200)).unwrap_or(0);
    for i in start..dom.len() {
        let n = &dom.nodes[i];
        if n.el.is_none() {
            continue;
        }
        if n.tag.is_hidden_text() || a.text_len[i] == 0 || a.text_len[i] > 80 {
            continue;
        }
        let hinted = a.hints[i] & hint::BYLINE != 0;
        if !hinted || a.related_box[i] {
            continue;
        }
        let names = person_names(&dom.text_of(i));
        if !names.is_empty() {
            out.extend(names);
            break;
        }
    }
    out.retain(|n| looks_like_person(n));
    out
}

fn publication_times(
    dom: &Dom<'_>,
    meta: &Meta,
    title: Option<usize>,
    reference: Option<Date>,
) -> (Option<String>, Option<String>, Option<DateSource>) {
    let meta_pub = [
        meta.ld.date_published.as_deref(),
        meta.first(&[
            "article:published_time",
            "og:published_time",
            "pubdate",
            "publishdate",
            "publish-date",
            "datepublished",
            "dc.date.issued",
            "dcterms.created",
            "date",
            "dc.date",
            "sailthru.date",
            "parsely-pub-date",
            "article.published",
            "published_time",
        ]),
        meta.micro("datepublished"),
        meta.times.first().map(|(_, s)| s.as_str()),
    ];
    let meta_stamps: Vec<(Stamp, &str)> = meta_pub
        .iter()
        .enumerate()
        .filter_map(|(k, s)| {
            let src = if k == 0 { "json-ld" } else { "meta" };
            s.and_then(datetime::parse_meta).map(|st| (st, src))
        })
        .collect();
    // Prefer a stamp that states its offset; fall back to the first.
    let meta_best = meta_stamps
        .iter()
        .find(|(s, _)| s.offset_seconds.is_some() && s.has_time)
        .or_else(|| meta_stamps.iter().find(|(s, _)| s.has_time))
        .or(meta_stamps.first())
        .copied();
    let visible = visible_date(dom, title, reference);
    let chosen = match (meta_best, visible) {
        (Some((m, src)), Some(v)) => {
            let apart = m.minutes_apart(&v).unwrap_or(i64::MAX);
            if apart <= 2 || !v.has_time && apart < 24 * 60 {
                Some((m, src))
            } else {
                Some((v, "visible"))
            }
        }
        (Some(m), None) => Some(m),
        (None, Some(v)) => Some((v, "visible")),
        (None, None) => None,
    };
    let published = chosen.and_then(|(s, _)| s.to_iso());
    let source = chosen.map(|(_, s)| match s {
        "json-ld" => DateSource::JsonLd,
        "meta" => DateSource::Meta,
        _ => DateSource::Visible,
    });
    let modified = [
        meta.ld.date_modified.as_deref(),
        meta.first(&[
            "article:modified_time",
            "og:updated_time",
            "dateModified",
            "last-modified",
            "dc.date.modified",
        ]),
        meta.micro("datemodified"),
    ]
    .into_iter()
    .flatten()
    .find_map(datetime::parse_meta)
    .and_then(|s| s.to_iso());
    (published, modified, source)
}

/// The date line near the headline: the first short text after (or just before) the title
/// that holds a date.
fn visible_date(dom: &Dom<'_>, title: Option<usize>, reference: Option<Date>) -> Option<Stamp> {
    let t = title?;
    let from = dom.nodes[t].end as usize;
    let mut seen = 0;
    let check = |i: usize| -> Option<Stamp> {
        let n = &dom.nodes[i];
        if n.tag != Tag::Text || n.text.trim().is_empty() {
            return None;
        }
        let p = n.parent as usize;
        if dom.nodes[p].tag.is_hidden_text() {
            return None;
        }
        let text = dom.text_of(p);
        if text.chars().count() > 120 {
            return None;
        }
        datetime::find_visible(&text, reference).filter(|s| s.has_time)
    };
    for i in from..dom.len() {
        if let Some(s) = check(i) {
            return Some(s);
        }
        if dom.nodes[i].tag == Tag::Text && !dom.nodes[i].text.trim().is_empty() {
            seen += 1;
            if seen > 60 {
                break;
            }
        }
    }
    // Some layouts print the date line above the headline.
    let mut seen = 0;
    let mut i = t;
    while i > 0 && seen < 25 {
        i -= 1;
        if let Some(s) = check(i) {
            return Some(s);
        }
        if dom.nodes[i].tag == Tag::Text && !dom.nodes[i].text.trim().is_empty() {
            seen += 1;
        }
    }
    None
}

/// The tags shown on the page: a box whose class names tags or keywords, or the links
/// after a "Tags:" / "Từ khóa:" label. Metadata keywords are not shown, so not used.
fn find_tags(dom: &Dom<'_>, a: &Analysis) -> Vec<String> {
    for (i, n) in dom.nodes.iter().enumerate() {
        if n.el.is_none() {
            continue;
        }
        if n.tag.is_hidden_text() || matches!(n.tag, Tag::A | Tag::Li | Tag::Span | Tag::Meta) {
            continue;
        }
        let hinted = a.hints[i] & hint::TAG_BOX != 0;
        if !hinted || a.text_len[i] == 0 || a.link_density(i) < 0.5 {
            continue;
        }
        let tags = links_in(dom, i, n.end as usize);
        if !tags.is_empty() {
            return tags;
        }
    }
    // A label followed by links.
    for (i, n) in dom.nodes.iter().enumerate() {
        let t = n.text.trim();
        if n.tag != Tag::Text || t.len() > 16 || !t.starts_with(['T', 't', 'C', 'c', 'K', 'k']) {
            continue;
        }
        let f = fold(t);
        if !matches!(
            f.trim_end_matches(':').trim(),
            "tags" | "tag" | "từ khóa" | "từ khoá" | "chủ đề" | "keywords"
        ) {
            continue;
        }
        // The links in the smallest ancestor that holds some after the label.
        let mut anc = n.parent as usize;
        for _ in 0..3 {
            let end = dom.nodes[anc].end as usize;
            let tags = links_in(dom, i, end);
            if !tags.is_empty() {
                return tags;
            }
            anc = dom.nodes[anc].parent as usize;
            if anc == 0 {
                break;
            }
        }
    }
    Vec::new()
}

fn links_in(dom: &Dom<'_>, from: usize, end: usize) -> Vec<String> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for k in from..end {
        if dom.nodes[k].tag == Tag::A {
            let raw = dom.text_of(k);
            let hashed = raw.starts_with('#');
            let t = raw.trim_start_matches('#').trim().to_owned();
            let t = t.trim_end_matches([',', ';', '|']).trim().to_owned();
            if !t.is_empty()
                && word_count(&t) <= 8
                && !is_label(&t)
                && source_attribution(&t).is_none()
                && !out.iter().any(|(x, _)| *x == t)
            {
                out.push((t, hashed));
            }
            if out.len() >= 30 {
                break;
            }
        }
    }
    // Where tags are written "#tag", other links in the box are not tags.
    let any_hashed = out.iter().any(|(_, h)| *h);
    out.into_iter()
        .filter(|(_, h)| *h || !any_hashed)
        .map(|(t, _)| t)
        .collect()
}

fn find_section(dom: &Dom<'_>, a: &Analysis, meta: &Meta, title: Option<&str>) -> Option<String> {
    let home = |s: &str| {
        let f = fold(s);
        f == "trang chủ" || f == "home" || f == "homepage" || f.contains("trang chủ")
    };
    let crumbs: Vec<&String> = meta
        .breadcrumb
        .iter()
        .filter(|c| !home(c) && title.is_none_or(|t| similarity(c, t) < 0.6))
        .collect();
    if let Some(c) = crumbs.first() {
        return Some((*c).clone());
    }
    for (i, n) in dom.nodes.iter().enumerate() {
        if n.el.is_none() {
            continue;
        }
        if a.hints[i] & hint::BREADCRUMB == 0 || a.text_len[i] == 0 {
            continue;
        }
        let end = n.end as usize;
        for k in i + 1..end {
            if dom.nodes[k].tag == Tag::A {
                let t = dom.text_of(k);
                if !t.is_empty() && !home(&t) && word_count(&t) <= 6 {
                    return Some(t);
                }
            }
        }
    }
    meta.first(&["article:section"])
        .map(|s| s.split(',').next().unwrap_or(s).trim().to_owned())
        .or_else(|| meta.ld.section.clone())
        .filter(|s| !s.is_empty())
}

/// Boxes of other stories next to the body (in the article's wrapper, up to three levels
/// above it), besides those inside it.
fn related_near(
    dom: &Dom<'_>,
    a: &Analysis,
    roots: &[usize],
    base: Option<&Url>,
    out: &mut Vec<(String, String)>,
) {
    let Some(&first) = roots.first() else { return };
    let mut anc = first;
    for _ in 0..3 {
        let p = dom.nodes[anc].parent as usize;
        if p == 0 || matches!(dom.nodes[p].tag, Tag::Body | Tag::Html) {
            break;
        }
        anc = p;
    }
    let end = dom.nodes[anc].end as usize;
    let mut i = anc;
    while i < end {
        if a.related_box[i] && !roots.iter().any(|&r| dom.contains(r, i)) {
            content::collect_links(dom, i, base, out);
            i = dom.nodes[i].end as usize;
            continue;
        }
        i += 1;
    }
}

fn related_from(links: Vec<(String, String)>, blocks: &[Block]) -> Vec<Related> {
    // A link whose text is also a body block (an inline "Xem thêm" line kept as text) is not
    // another story; compare folded text only where the lengths allow a match.
    let longest = links.iter().map(|(t, _)| t.len()).max().unwrap_or(0);
    let body: Vec<String> = blocks
        .iter()
        .filter(|b| b.text.len() <= longest + 8)
        .map(|b| fold(&b.text))
        .collect();
    links
        .into_iter()
        .filter(|(t, _)| !body.contains(&fold(t)))
        .take(30)
        .map(|(title, url)| Related {
            title,
            url: Some(url),
            ..Related::default()
        })
        .collect()
}
