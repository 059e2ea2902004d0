//! Page metadata: JSON-LD (`NewsArticle`, `@graph`, `BreadcrumbList`), OpenGraph and other
//! `<meta>` tags, microdata (`itemprop`), `<link rel=canonical>`, `<html lang>`, `<title>`
//! and `<time datetime>`, gathered in one pass over the flat tree.

use crate::extract::dom::{Dom, Tag};
use crate::vi::normalize::clean;
use serde_json::Value;
use std::collections::HashMap;

/// What the page says about itself outside the visible article.
#[derive(Debug, Default)]
pub struct Meta {
    /// `<meta name|property|itemprop=… content=…>`, keys lower-cased, in page order.
    pub tags: HashMap<String, Vec<String>>,
    pub title_tag: Option<String>,
    pub canonical: Option<String>,
    pub lang: Option<String>,
    pub ld: LdArticle,
    pub breadcrumb: Vec<String>,
    /// `itemprop` values read from elements (microdata): key → text or datetime/content.
    pub microdata: HashMap<String, Vec<String>>,
    /// `<time datetime>` values in page order, with the element's index.
    pub times: Vec<(usize, String)>,
    /// Was there any article-typed structured data (JSON-LD type or og:type article)?
    pub is_article_typed: bool,
    /// `<base href>`.
    pub base_href: Option<String>,
}

/// The fields read from the page's main JSON-LD article object.
#[derive(Debug, Default)]
pub struct LdArticle {
    pub headline: Option<String>,
    pub description: Option<String>,
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    pub section: Option<String>,
    pub keywords: Vec<String>,
    pub url: Option<String>,
    pub body: Option<String>,
}

impl Meta {
    /// The first non-empty value of any of the given `<meta>` keys.
    pub fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.tags
                .get(*k)
                .and_then(|v| v.iter().find(|s| !s.trim().is_empty()))
                .map(|s| s.as_str())
        })
    }

    /// All values of the given keys.
    pub fn all(&self, keys: &[&str]) -> Vec<&str> {
        keys.iter()
            .flat_map(|k| self.tags.get(*k).into_iter().flatten())
            .map(|s| s.as_str())
            .collect()
    }

    pub fn micro(&self, key: &str) -> Option<&str> {
        self.microdata
            .get(key)
            .and_then(|v| v.iter().find(|s| !s.trim().is_empty()))
            .map(|s| s.as_str())
    }
}

const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "blogposting",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "livebligposting",
    "liveblogposting",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "scholarlyarticle",
    "techarticle",
    "report",
    "socialmediaposting",
    "podcastepisode",
    "videoobject",
    "webpage",
    "creativework",
    "posting",
];

fn types_of(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(|s| s.to_ascii_lowercase()))
            .collect(),
        _ => vec![],
    }
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => {
            let c = clean(s);
            (!c.is_empty()).then_some(c)
        }
        Value::Array(a) => a.iter().find_map(|x| str_of(Some(x))),
        Value::Object(o) => str_of(o.get("name")).or_else(|| str_of(o.get("@value"))),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn names_of(v: Option<&Value>, out: &mut Vec<String>) {
    match v {
        Some(Value::String(s)) => {
            let c = clean(s);
            if !c.is_empty() {
                out.push(c);
            }
        }
        Some(Value::Array(a)) => a.iter().for_each(|x| names_of(Some(x), out)),
        Some(Value::Object(o)) => {
            let is_org = match o.get("@type") {
                Some(Value::String(t)) => {
                    t.eq_ignore_ascii_case("Organization")
                        || t.eq_ignore_ascii_case("NewsMediaOrganization")
                }
                _ => false,
            };
            if !is_org {
                if let Some(n) = str_of(o.get("name")) {
                    out.push(n);
                }
            }
        }
        _ => {}
    }
}

fn keywords_of(v: Option<&Value>, out: &mut Vec<String>) {
    match v {
        Some(Value::String(s)) => {
            for k in s.split([',', ';']) {
                let c = clean(k);
                if !c.is_empty() {
                    out.push(c);
                }
            }
        }
        Some(Value::Array(a)) => a.iter().for_each(|x| keywords_of(Some(x), out)),
        _ => {}
    }
}

/// Collects every JSON object of a JSON-LD document (following `@graph` and arrays).
fn flatten<'v>(v: &'v Value, out: &mut Vec<&'v Value>, depth: usize) {
    if depth > 6 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| flatten(x, out, depth + 1)),
        Value::Object(o) => {
            out.push(v);
            if let Some(g) = o.get("@graph") {
                flatten(g, out, depth + 1);
            }
            if let Some(m) = o.get("mainEntity") {
                flatten(m, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn read_ld(json: &str, meta: &mut Meta, best_rank: &mut usize) {
    // Some sites put raw control characters or trailing commas in JSON-LD; try as is, then
    // with control characters replaced.
    let parsed: Value = match serde_json::from_str(json.trim()) {
        Ok(v) => v,
        Err(_) => {
            let fixed: String = json
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            match serde_json::from_str(fixed.trim()) {
                Ok(v) => v,
                Err(_) => return,
            }
        }
    };
    let mut objs = Vec::new();
    flatten(&parsed, &mut objs, 0);
    for o in objs {
        let types = types_of(o);
        if types.iter().any(|t| t == "breadcrumblist") {
            if meta.breadcrumb.is_empty() {
                if let Some(Value::Array(items)) = o.get("itemListElement") {
                    let mut items: Vec<&Value> = items.iter().collect();
                    items.sort_by_key(|i| i.get("position").and_then(|p| p.as_i64()).unwrap_or(0));
                    for it in items {
                        let name = str_of(it.get("name"))
                            .or_else(|| it.get("item").and_then(|x| str_of(x.get("name"))));
                        if let Some(n) = name {
                            meta.breadcrumb.push(n);
                        }
                    }
                }
            }
            continue;
        }
        let rank = types
            .iter()
            .filter_map(|t| ARTICLE_TYPES.iter().position(|a| a == t))
            .min();
        let Some(rank) = rank else { continue };
        if rank < 17 {
            meta.is_article_typed = true;
        }
        let has_headline = o.get("headline").is_some() || o.get("name").is_some();
        if !has_headline || rank >= *best_rank {
            continue;
        }
        *best_rank = rank;
        let ld = &mut meta.ld;
        ld.headline = str_of(o.get("headline")).or_else(|| str_of(o.get("name")));
        ld.description = str_of(o.get("description"));
        ld.date_published = str_of(o.get("datePublished")).or_else(|| str_of(o.get("uploadDate")));
        ld.date_modified = str_of(o.get("dateModified"));
        ld.authors.clear();
        names_of(o.get("author"), &mut ld.authors);
        ld.publisher = o.get("publisher").and_then(|p| str_of(p.get("name")));
        ld.section = str_of(o.get("articleSection"));
        ld.keywords.clear();
        keywords_of(o.get("keywords"), &mut ld.keywords);
        ld.url = str_of(o.get("url")).or_else(|| {
            o.get("mainEntityOfPage")
                .and_then(|m| str_of(m.get("@id")).or_else(|| m.as_str().map(str::to_owned)))
        });
        ld.body = str_of(o.get("articleBody"));
    }
}

/// Reads all metadata of a page.
pub fn read(dom: &Dom<'_>) -> Meta {
    let mut meta = Meta::default();
    let mut best_rank = usize::MAX;
    for (i, n) in dom.nodes.iter().enumerate() {
        let Some(el) = n.el else { continue };
        match n.tag {
            Tag::Html => {
                meta.lang = el
                    .attr("lang")
                    .or_else(|| el.attr("xml:lang"))
                    .map(|s| s.trim().to_owned());
            }
            Tag::Title if meta.title_tag.is_none() => {
                let t = clean(&dom.text_of_raw(i));
                if !t.is_empty() {
                    meta.title_tag = Some(t);
                }
            }
            Tag::Meta => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"))
                    .or_else(|| el.attr("http-equiv"));
                if let (Some(k), Some(c)) = (key, el.attr("content")) {
                    let c = clean(c);
                    if !c.is_empty() {
                        meta.tags
                            .entry(k.trim().to_ascii_lowercase())
                            .or_default()
                            .push(c);
                    }
                }
            }
            Tag::Link => {
                if let Some(rel) = el.attr("rel") {
                    if rel
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                        && meta.canonical.is_none()
                    {
                        meta.canonical = el.attr("href").map(|h| h.trim().to_owned());
                    }
                }
            }
            Tag::Script
                if el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                let json = dom.text_of_raw(i);
                read_ld(&json, &mut meta, &mut best_rank);
            }
            Tag::Time => {
                if let Some(dt) = el.attr("datetime") {
                    meta.times.push((i, dt.trim().to_owned()));
                }
            }
            Tag::Other if el.name() == "base" && meta.base_href.is_none() => {
                meta.base_href = el.attr("href").map(|h| h.trim().to_owned());
            }
            _ => {}
        }
        if n.tag != Tag::Meta {
            if let Some(ip) = el.attr("itemprop") {
                let key = ip.trim().to_ascii_lowercase();
                if matches!(
                    key.as_str(),
                    "datepublished"
                        | "datemodified"
                        | "headline"
                        | "author"
                        | "name"
                        | "datecreated"
                ) {
                    let val = el
                        .attr("datetime")
                        .or_else(|| el.attr("content"))
                        .map(clean)
                        .unwrap_or_else(|| dom.text_of(i));
                    if !val.is_empty() && val.chars().count() < 300 {
                        meta.microdata.entry(key).or_default().push(val);
                    }
                }
            }
        }
    }
    if meta
        .first(&["og:type"])
        .is_some_and(|t| t.eq_ignore_ascii_case("article"))
    {
        meta.is_article_typed = true;
    }
    meta
}
