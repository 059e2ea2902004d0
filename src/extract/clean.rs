//! Page furniture: what marks an element as navigation, advertising, sharing, comments or
//! other stories (by tag, class, id, ARIA and style), and the short labels that name such
//! furniture in text ("Chia sẻ", "Tin liên quan", "Đọc nhiều").

use crate::extract::dom::{DNode, Tag};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Class/id tokens (split on non-alphanumerics) that mark furniture on their own.
const NEG_TOKENS: &[&str] = &[
    "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adsbygoogle",
    "banner", "sponsor", "sponsored", "promo", "promoted", "share", "shares", "sharing",
    "social", "socials", "comment", "comments", "related", "relate", "relates", "sidebar",
    "widget", "widgets", "footer", "nav", "navbar", "navigation", "menu", "breadcrumb",
    "breadcrumbs", "tags", "tag", "tagcloud", "keywords", "author", "authors", "byline",
    "newsletter", "subscribe", "subscription", "signup", "login", "popup", "modal", "cookie",
    "cookies", "recommend", "recommended", "recommendations", "popular", "trending", "mostread",
    "toolbar", "print", "rss", "pagination", "pager", "disqus", "outbrain", "taboola",
    "masthead", "caption", "credit", "credits", "copyright", "follow",
    "donate", "player", "gallery", "slideshow", "carousel", "dateline", "timestamp",
    "category", "categories", "notification", "header", "topbar",
    "pinbar", "sticky", "overlay", "lightbox", "sapo", "rating", "poll", "reaction",
    "reactions", "bookmark", "zalo", "linkedin", "pinterest", "whatsapp",
    "mail", "email", "video", "jwplayer", "podcast", "inread", "adslot", "dfp", "gpt",
    "sda", "qc", "quangcao", "tinlienquan", "xemthem", "docthem", "lienquan", "tinkhac",
    "box-tinkhac", "suggest", "suggestion", "suggestions", "next", "prev", "previous",
    "skip", "sr", "visually", "meta", "published", "updated",
];

/// Substrings of the compacted (separators removed, lower-case) class/id that mark furniture.
const NEG_SUBSTRINGS: &[&str] = &[
    "comment", "related", "sidebar", "breadcrumb", "newsletter", "advertis", "sharebar",
    "sharebutton", "sharetool", "socialshare", "sociallinks", "recommend", "mostpopular",
    "mostread", "outbrain", "taboola", "lienquan", "xemthem", "docthem", "tinkhac", "cookie",
    "signup", "subscribe", "paywall", "relatedpost", "readmore", "readalso", "alsoread",
    "seealso", "moreon", "morefrom", "authorbio", "authorbox", "aboutauthor", "postmeta",
    "entrymeta", "articlemeta", "articlefooter", "articletags", "posttags", "entrytags",
    "tagslist", "taglist", "listtag", "boxtag", "keyword", "bannerads", "adsense", "adwrap",
    "adcontainer", "adunit", "adslot", "adbox", "sponsor", "promotion", "shareicons",
    "sharelinks", "socialbar", "socialicons", "footnotes", "notebox", "factbox", "infobox",
];

/// Compacted class/id substrings that name the article body: they protect an element from
/// being taken for furniture and raise its score as a container.
const STRONG_POSITIVE: &[&str] = &[
    "articlebody", "articlecontent", "articletext", "articledetail", "entrycontent",
    "postcontent", "postbody", "posttext", "storybody", "storycontent", "storytext",
    "maincontent", "detailcontent", "contentdetail", "fckdetail", "cmsbody", "newscontent",
    "newsbody", "bodytext", "textcontent", "detailbody", "bodycontent", "contentbody",
    "articlecontainer", "singlecontent", "contentarticle", "knccontent", "detailcontent",
    "newsdetail", "contentnews", "detailnews", "articlewrapper", "richtext", "paywallcontent",
    "storycontainer", "articleinner",
];

/// Tokens that make an element look like content (for scoring only).
const POS_TOKENS: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story", "text", "detail", "cms",
    "news", "blog", "hentry", "page", "prose", "single",
];

static NEG_AC: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(NEG_SUBSTRINGS).expect("valid patterns")
});
static STRONG_AC: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(STRONG_POSITIVE).expect("valid patterns")
});

/// Does a class (or id) attribute hold one of `tokens` as a word (split on non-alphanumerics,
/// ASCII case ignored)? No allocation.
pub fn has_token(attr: &str, tokens: &[&str]) -> bool {
    attr.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|t| !t.is_empty() && tokens.iter().any(|k| t.eq_ignore_ascii_case(k)))
}

/// ASCII-case-insensitive substring test; `needle` must be lower case. No allocation.
pub fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return true;
    }
    if h.len() < n.len() {
        return false;
    }
    h.windows(n.len()).any(|w| w.iter().zip(n).all(|(a, b)| a.to_ascii_lowercase() == *b))
}

static NEG_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NEG_TOKENS.iter().copied().collect());
static POS_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| POS_TOKENS.iter().copied().collect());

/// What the class and id of an element say about it.
#[derive(Debug, Default, Clone, Copy)]
pub struct AttrVerdict {
    pub negative: bool,
    pub positive: bool,
    pub strong_positive: bool,
    /// Hidden by markup (`hidden`, `aria-hidden`, `display:none`): furniture whatever its size.
    pub hidden: bool,
}

/// Reads class, id, itemprop, role, ARIA and inline style of an element.
pub fn attr_verdict(n: &DNode<'_>) -> AttrVerdict {
    let Some(el) = n.el else {
        return AttrVerdict::default();
    };
    let mut v = AttrVerdict::default();
    if let Some(ip) = el.attr("itemprop") {
        if ip.eq_ignore_ascii_case("articleBody") || ip.eq_ignore_ascii_case("text") {
            v.strong_positive = true;
            v.positive = true;
        }
    }
    if let Some(role) = el.attr("role") {
        let r = role.to_ascii_lowercase();
        if matches!(
            r.as_str(),
            "navigation" | "banner" | "complementary" | "contentinfo" | "menu" | "menubar"
                | "search" | "dialog" | "alert" | "toolbar"
        ) {
            v.negative = true;
        }
        if r == "main" || r == "article" {
            v.positive = true;
        }
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        v.negative = true;
        v.hidden = true;
    }
    if let Some(style) = el.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            v.negative = true;
            v.hidden = true;
        }
    }
    let class = el.attr("class").unwrap_or("");
    let id = el.attr("id").unwrap_or("");
    if class.is_empty() && id.is_empty() {
        return v;
    }
    let mut compact = String::with_capacity(class.len() + id.len() + 1);
    for part in [class, id] {
        // WordPress-style taxonomy classes ("tag-amazon", "category-news") name the
        // article's topics, not furniture.
        let names = part.split_ascii_whitespace().filter(|n| {
            let l = n.to_ascii_lowercase();
            !["tag-", "category-", "post-", "format-", "status-", "type-", "has-", "postid-", "author-"]
                .iter()
                .any(|p| l.starts_with(p))
        });
        for tok in names.flat_map(|n| n.split(|c: char| !c.is_ascii_alphanumeric())) {
            if tok.is_empty() {
                continue;
            }
            let lower = tok.to_ascii_lowercase();
            if NEG_SET.contains(lower.as_str()) {
                v.negative = true;
            }
            if POS_SET.contains(lower.as_str()) {
                v.positive = true;
            }
            compact.push_str(&lower);
        }
        compact.push(' ');
    }
    if STRONG_AC.is_match(&compact) {
        v.strong_positive = true;
        v.positive = true;
    }
    if !v.negative && NEG_AC.is_match(&compact) {
        v.negative = true;
    }
    v
}

/// Is this element page furniture by its tag alone?
pub fn is_furniture_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Nav | Tag::Footer | Tag::Aside | Tag::Button | Tag::Header | Tag::Invisible
    ) || tag.is_hidden_text()
}

struct Labels {
    all: HashSet<String>,
    stops: HashSet<String>,
}

static LABELS: LazyLock<Labels> = LazyLock::new(|| {
    let mut all = HashSet::new();
    let mut stops = HashSet::new();
    for line in include_str!("data/boilerplate.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix("stop:") {
            let k = crate::vi::normalize::fold(rest.trim());
            stops.insert(k.clone());
            all.insert(k);
        } else {
            all.insert(crate::vi::normalize::fold(line));
        }
    }
    Labels { all, stops }
});

fn label_key(text: &str) -> String {
    let f = crate::vi::normalize::fold(text.trim());
    f.trim_end_matches([':', '.', '»', '›', '>', '|', ' '])
        .trim_start_matches(['«', '‹', '<', '|', ' ', '•', '-'])
        .trim()
        .to_owned()
}

/// A short line that only names page furniture ("Chia sẻ", "Tin liên quan", "Tags:").
pub fn is_label(text: &str) -> bool {
    if text.chars().count() > 60 {
        return false;
    }
    let k = label_key(text);
    LABELS.all.contains(&k) || LABELS.all.contains(&format!("{k}:"))
}

/// A label after which a page shows other stories or site furniture ("Đọc nhiều").
pub fn is_stop_label(text: &str) -> bool {
    if text.chars().count() > 60 {
        return false;
    }
    let k = label_key(text);
    if LABELS.stops.contains(&k) {
        return true;
    }
    // "BÌNH LUẬN (0)", "Bình luận (12)"
    let base = k.split('(').next().unwrap_or("").trim();
    !base.is_empty() && base != k && LABELS.stops.contains(base)
}

/// Lines that introduce another story inside a body: "Xem thêm: …", "Đọc thêm: …".
pub fn is_see_also(text: &str) -> bool {
    let head: String = text.chars().take(24).collect();
    let f = crate::vi::normalize::fold(&head);
    const P: &[&str] = &[
        "xem thêm:", "xem thêm >>", "đọc thêm:", "tin liên quan:", "bài liên quan:", "xem thêm :",
        "đọc thêm :", ">> xem thêm", ">>xem thêm", "xem tiếp:", "mời xem thêm", "read more:",
        "related:", "see also:", "also read:", "read also:", ">> ",
    ];
    P.iter().any(|p| f.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert!(is_label("Chia sẻ"));
        assert!(is_label("  TAGS: "));
        assert!(is_stop_label("BÌNH LUẬN (0)"));
        assert!(is_stop_label("Đừng bỏ lỡ"));
        assert!(!is_stop_label("Bình luận viên nói gì về trận đấu"));
        assert!(is_see_also("Xem thêm: Giá vàng hôm nay"));
        assert!(!is_label("Hà Nội là địa phương đầu tiên"));
    }
}
