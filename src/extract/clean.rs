//! Page furniture: what marks an element as navigation, advertising, sharing, comments or
//! other stories (by tag, class, id, ARIA and style), and the short labels that name such
//! furniture in text ("Chia sẻ", "Tin liên quan", "Đọc nhiều").

use crate::extract::dom::{DNode, Tag};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Class/id tokens (split on non-alphanumerics) that mark furniture on their own.
const NEG_TOKENS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "adsbygoogle",
    "banner",
    "sponsor",
    "sponsored",
    "promo",
    "promoted",
    "share",
    "shares",
    "sharing",
    "social",
    "socials",
    "comment",
    "comments",
    "related",
    "relate",
    "relates",
    "sidebar",
    "widget",
    "widgets",
    "footer",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "tag",
    "tagcloud",
    "keywords",
    "author",
    "authors",
    "byline",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "login",
    "popup",
    "modal",
    "cookie",
    "cookies",
    "recommend",
    "recommended",
    "recommendations",
    "popular",
    "trending",
    "mostread",
    "toolbar",
    "print",
    "rss",
    "pagination",
    "pager",
    "disqus",
    "outbrain",
    "taboola",
    "masthead",
    "caption",
    "credit",
    "credits",
    "copyright",
    "follow",
    "donate",
    "player",
    "gallery",
    "slideshow",
    "carousel",
    "dateline",
    "timestamp",
    "category",
    "categories",
    "notification",
    "header",
    "topbar",
    "pinbar",
    "sticky",
    "overlay",
    "lightbox",
    "sapo",
    "rating",
    "poll",
    "reaction",
    "reactions",
    "bookmark",
    "zalo",
    "linkedin",
    "pinterest",
    "whatsapp",
    "mail",
    "email",
    "video",
    "jwplayer",
    "podcast",
    "inread",
    "adslot",
    "dfp",
    "gpt",
    "sda",
    "qc",
    "quangcao",
    "tinlienquan",
    "xemthem",
    "docthem",
    "lienquan",
    "tinkhac",
    "box-tinkhac",
    "suggest",
    "suggestion",
    "suggestions",
    "next",
    "prev",
    "previous",
    "skip",
    "sr",
    "visually",
    "meta",
    "published",
    "updated",
];

/// Substrings of the compacted (separators removed, lower-case) class/id that mark furniture.
const NEG_SUBSTRINGS: &[&str] = &[
    "comment",
    "related",
    "sidebar",
    "breadcrumb",
    "newsletter",
    "advertis",
    "sharebar",
    "sharebutton",
    "sharetool",
    "socialshare",
    "sociallinks",
    "recommend",
    "mostpopular",
    "mostread",
    "outbrain",
    "taboola",
    "lienquan",
    "xemthem",
    "docthem",
    "tinkhac",
    "cookie",
    "signup",
    "subscribe",
    "paywall",
    "relatedpost",
    "readmore",
    "readalso",
    "alsoread",
    "seealso",
    "moreon",
    "morefrom",
    "authorbio",
    "authorbox",
    "aboutauthor",
    "postmeta",
    "entrymeta",
    "articlemeta",
    "articlefooter",
    "articletags",
    "posttags",
    "entrytags",
    "tagslist",
    "taglist",
    "listtag",
    "boxtag",
    "keyword",
    "bannerads",
    "adsense",
    "adwrap",
    "adcontainer",
    "adunit",
    "adslot",
    "adbox",
    "sponsor",
    "promotion",
    "shareicons",
    "sharelinks",
    "socialbar",
    "socialicons",
    "footnotes",
    "notebox",
    "factbox",
    "infobox",
];

/// Compacted class/id substrings that name the article body: they protect an element from
/// being taken for furniture and raise its score as a container.
const STRONG_POSITIVE: &[&str] = &[
    "articlebody",
    "articlecontent",
    "articletext",
    "articledetail",
    "entrycontent",
    "postcontent",
    "postbody",
    "posttext",
    "storybody",
    "storycontent",
    "storytext",
    "maincontent",
    "detailcontent",
    "contentdetail",
    "fckdetail",
    "cmsbody",
    "newscontent",
    "newsbody",
    "bodytext",
    "textcontent",
    "detailbody",
    "bodycontent",
    "contentbody",
    "articlecontainer",
    "singlecontent",
    "contentarticle",
    "knccontent",
    "detailcontent",
    "newsdetail",
    "contentnews",
    "detailnews",
    "articlewrapper",
    "richtext",
    "paywallcontent",
    "storycontainer",
    "articleinner",
];

/// Tokens that make an element look like content (for scoring only).
const POS_TOKENS: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story", "text", "detail", "cms",
    "news", "blog", "hentry", "page", "prose", "single",
];

/// ASCII-case-insensitive substring test; `needle` must be lower case. No allocation.
pub fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return true;
    }
    if h.len() < n.len() {
        return false;
    }
    h.windows(n.len())
        .any(|w| w.iter().zip(n).all(|(a, b)| a.to_ascii_lowercase() == *b))
}

/// Roles an element's class, id and attributes suggest, besides furniture (bit flags).
pub mod hint {
    pub const LEAD: u16 = 1;
    pub const TAG_BOX: u16 = 2;
    pub const BYLINE: u16 = 4;
    pub const BREADCRUMB: u16 = 8;
    pub const TITLE: u16 = 16;
    pub const CAPTION: u16 = 32;
    pub const RELATED: u16 = 64;
}

/// Class tokens that mark a lead (sapo, standfirst).
const LEAD_TOKENS: &[&str] = &[
    "abstract",
    "chapeau",
    "chappeau",
    "desc",
    "des",
    "deck",
    "description",
    "excerpt",
    "intro",
    "lead",
    "sapo",
    "standfirst",
    "subhead",
    "subtitle",
    "summary",
    "summery",
    "teaser",
    "tomtat",
];
/// Class tokens that mark a box of tag links.
const TAG_TOKENS: &[&str] = &[
    "keyword", "keywords", "listtag", "tag", "tagcloud", "taglist", "tags", "tagslist",
];

/// Compacted class/id substrings and the hint each one gives.
const HINT_SUBSTRINGS: &[(&str, u16)] = &[
    ("author", hint::BYLINE),
    ("byline", hint::BYLINE),
    ("tacgia", hint::BYLINE),
    ("writer", hint::BYLINE),
    ("breadcrumb", hint::BREADCRUMB),
    ("title", hint::TITLE),
    ("caption", hint::CAPTION),
    ("descimage", hint::CAPTION),
    ("imagedesc", hint::CAPTION),
    ("related", hint::RELATED),
    ("relate", hint::RELATED),
    ("lienquan", hint::RELATED),
    ("xemthem", hint::RELATED),
    ("docthem", hint::RELATED),
    ("tinkhac", hint::RELATED),
    ("readmore", hint::RELATED),
    ("morestories", hint::RELATED),
    ("recommend", hint::RELATED),
    ("suggest", hint::RELATED),
    ("cungchuyenmuc", hint::RELATED),
    ("boxtin", hint::RELATED),
];

/// Kinds of the patterns in [`PATTERNS`], by pattern index range.
enum Pat {
    Negative,
    Strong,
    Hint(u16),
}

static PATTERNS: LazyLock<(aho_corasick::AhoCorasick, Vec<Pat>)> = LazyLock::new(|| {
    let mut pats: Vec<&str> = Vec::new();
    let mut kinds = Vec::new();
    for p in NEG_SUBSTRINGS {
        pats.push(p);
        kinds.push(Pat::Negative);
    }
    for p in STRONG_POSITIVE {
        pats.push(p);
        kinds.push(Pat::Strong);
    }
    for (p, h) in HINT_SUBSTRINGS {
        pats.push(p);
        kinds.push(Pat::Hint(*h));
    }
    let ac = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(pats)
        .expect("valid patterns");
    (ac, kinds)
});

/// What the class and id of an element say about it.
#[derive(Debug, Default, Clone, Copy)]
pub struct AttrVerdict {
    pub negative: bool,
    pub positive: bool,
    pub strong_positive: bool,
    /// Hidden by markup (`hidden`, `aria-hidden`, `display:none`): furniture whatever its size.
    pub hidden: bool,
    /// [`hint`] flags.
    pub hints: u16,
}

const TOK_NEG: u8 = 1;
const TOK_POS: u8 = 2;
const TOK_LEAD: u8 = 4;
const TOK_TAG: u8 = 8;

/// FNV-1a: a fast hash for the short class tokens looked up for every element.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

/// Every class token the verdict cares about, with what it means.
static TOKENS: LazyLock<std::collections::HashMap<&'static str, u8, FnvBuild>> =
    LazyLock::new(|| {
        let mut m: std::collections::HashMap<&'static str, u8, FnvBuild> = Default::default();
        for (list, flag) in [
            (NEG_TOKENS, TOK_NEG),
            (POS_TOKENS, TOK_POS),
            (LEAD_TOKENS, TOK_LEAD),
            (TAG_TOKENS, TOK_TAG),
        ] {
            for t in list {
                *m.entry(*t).or_insert(0) |= flag;
            }
        }
        m
    });

fn style_hides(style: &str) -> bool {
    if !(contains_ci(style, "none") || contains_ci(style, "hidden")) {
        return false;
    }
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// Reads class, id, itemprop, role, ARIA and inline style of an element, in one pass over
/// its attributes.
pub fn attr_verdict(n: &DNode<'_>) -> AttrVerdict {
    let Some(el) = n.el else {
        return AttrVerdict::default();
    };
    let mut v = AttrVerdict::default();
    let (mut class, mut id) = ("", "");
    for (name, value) in el.attrs() {
        match name {
            "class" => class = value,
            "id" => id = value,
            "itemprop" => {
                if value.eq_ignore_ascii_case("articleBody") || value.eq_ignore_ascii_case("text") {
                    v.strong_positive = true;
                    v.positive = true;
                } else if value.eq_ignore_ascii_case("description") {
                    v.hints |= hint::LEAD;
                } else if value.eq_ignore_ascii_case("author") {
                    v.hints |= hint::BYLINE;
                }
            }
            "role" => {
                let r = value.trim();
                if [
                    "navigation",
                    "banner",
                    "complementary",
                    "contentinfo",
                    "menu",
                    "menubar",
                    "search",
                    "dialog",
                    "alert",
                    "toolbar",
                ]
                .iter()
                .any(|x| r.eq_ignore_ascii_case(x))
                {
                    v.negative = true;
                }
                if r.eq_ignore_ascii_case("main") || r.eq_ignore_ascii_case("article") {
                    v.positive = true;
                }
            }
            "hidden" => {
                v.negative = true;
                v.hidden = true;
            }
            "aria-hidden" if value == "true" => {
                v.negative = true;
                v.hidden = true;
            }
            "style" if style_hides(value) => {
                v.negative = true;
                v.hidden = true;
            }
            "data-slot" if value == "sapo" => v.hints |= hint::LEAD,
            "rel" if contains_ci(value, "author") => v.hints |= hint::BYLINE,
            _ => {}
        }
    }
    if class.is_empty() && id.is_empty() {
        return v;
    }
    COMPACT.with_borrow_mut(|compact| {
        compact.clear();
        read_classes(class, id, compact, &mut v);
    });
    v
}

thread_local! {
    /// Scratch buffer for [`attr_verdict`] (one per thread, reused for every element).
    static COMPACT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

fn read_classes(class: &str, id: &str, compact: &mut String, v: &mut AttrVerdict) {
    for part in [class, id] {
        // WordPress-style taxonomy classes ("tag-amazon", "category-news") name the
        // article's topics, not furniture.
        let names = part.split_ascii_whitespace().filter(|n| {
            ![
                "tag-",
                "category-",
                "post-",
                "format-",
                "status-",
                "type-",
                "has-",
                "postid-",
            ]
            .iter()
            .any(|p| {
                n.len() > p.len() && n.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
            })
        });
        for tok in names.flat_map(|n| n.split(|c: char| !c.is_ascii_alphanumeric())) {
            if tok.is_empty() {
                continue;
            }
            let start = compact.len();
            compact.extend(tok.chars().map(|c| c.to_ascii_lowercase()));
            if let Some(&f) = TOKENS.get(&compact[start..]) {
                v.negative |= f & TOK_NEG != 0;
                v.positive |= f & TOK_POS != 0;
                if f & TOK_LEAD != 0 {
                    v.hints |= hint::LEAD;
                }
                if f & TOK_TAG != 0 {
                    v.hints |= hint::TAG_BOX;
                }
            }
        }
        compact.push(' ');
    }
    let (ac, kinds) = &*PATTERNS;
    for m in ac.find_overlapping_iter(compact.as_str()) {
        match kinds[m.pattern().as_usize()] {
            Pat::Negative => v.negative = true,
            Pat::Strong => {
                v.strong_positive = true;
                v.positive = true;
            }
            Pat::Hint(h) => v.hints |= h,
        }
    }
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
        "xem thêm:",
        "xem thêm >>",
        "đọc thêm:",
        "tin liên quan:",
        "bài liên quan:",
        "xem thêm :",
        "đọc thêm :",
        ">> xem thêm",
        ">>xem thêm",
        "xem tiếp:",
        "mời xem thêm",
        "read more:",
        "related:",
        "see also:",
        "also read:",
        "read also:",
        ">> ",
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
