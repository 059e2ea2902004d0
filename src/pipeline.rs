//! Input → Article: decode the body, extract the document, enrich it, and assemble the
//! Article JSON with its timings. The HTTP server and the command line are thin adapters
//! over [`Pipeline`].

use crate::article::{Article, Body, Meta, Stats, Timings};
use crate::decode;
use crate::extract::{self, InputKind};
use crate::problem::Problem;
use crate::vi::dates::{find_dates, DateMention};
use crate::vi::datetime;
use std::time::Instant;
use thiserror::Error;

/// What a caller asks to be extracted.
#[derive(Debug, Clone)]
pub enum Source {
    /// Page HTML (already text).
    Html(String),
    /// Page text (already text).
    Text(String),
    /// A raw body: its kind (if the sender named it) and charset (if declared).
    Bytes {
        bytes: bytes::Bytes,
        kind: Option<InputKind>,
        charset: Option<String>,
    },
    /// An address to fetch.
    Url(String),
}

/// How the cache may be used for a request (`default|bypass|refresh`).
pub use crate::cache::Mode as CacheMode;

/// Options that change the answer.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// ISO date or datetime for relative and year-less dates when the page has no publication time.
    pub reference_date: Option<String>,
    #[serde(default)]
    pub cache: CacheMode,
}

/// One request to the pipeline.
#[derive(Debug, Clone)]
pub struct Input {
    pub source: Source,
    /// The page's address (for relative links and metadata); never fetched for Html/Text.
    pub url: Option<String>,
    pub options: Options,
}

/// Why a page could not be turned into an article.
#[derive(Debug, Clone, Error)]
pub enum PipelineError {
    #[error("the page holds no article (a home page, a listing or an empty document)")]
    NoArticle,
    #[error("the request body is empty")]
    EmptyBody,
    #[error("the body is binary data, not a web page or text")]
    Binary,
    #[error("fetching pages by URL is not enabled in this build")]
    FetchDisabled,
    #[error("reference_date {0:?} is not an ISO 8601 date or datetime")]
    BadReferenceDate(String),
    #[error("url {0:?} is not an absolute http(s) URL")]
    BadUrl(String),
    #[error(
        "the page nests elements about {0} deep (the limit is {MAX_NESTING}); no real page does"
    )]
    TooDeep(usize),
}

/// Deepest element nesting accepted in an HTML page: tree building slows down with the square
/// of the depth, and real pages stay below a few hundred.
pub const MAX_NESTING: usize = 10_000;

impl PipelineError {
    /// The problem document for this error (the one place errors get their status).
    pub fn problem(&self) -> Problem {
        let d = self.to_string();
        match self {
            PipelineError::NoArticle => Problem::new("no-article", 422, "No article found", d),
            PipelineError::EmptyBody => Problem::new("empty-body", 400, "Empty body", d),
            PipelineError::Binary => {
                Problem::new("unsupported-content", 422, "Unsupported content", d)
            }
            PipelineError::FetchDisabled => {
                Problem::new("fetch-disabled", 501, "Fetching is not enabled", d)
            }
            PipelineError::BadReferenceDate(_) => {
                Problem::new("invalid-reference-date", 400, "Invalid reference date", d)
            }
            PipelineError::BadUrl(_) => Problem::new("invalid-url", 400, "Invalid URL", d),
            PipelineError::TooDeep(_) => Problem::new("too-deep", 422, "Nesting too deep", d),
        }
    }
}

impl PipelineError {
    /// Failures of the page itself, the same every time: worth remembering for a while.
    pub fn is_cacheable(&self) -> bool {
        matches!(
            self,
            PipelineError::NoArticle
                | PipelineError::EmptyBody
                | PipelineError::Binary
                | PipelineError::TooDeep(_)
        )
    }
}

/// What `/v1/analyze` returns for a clean text.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct TextAnalysis {
    pub dates: Vec<DateMention>,
    pub entities: Vec<crate::vi::entities::Entity>,
}

/// Date mentions of an article's own fields: title, lead, body, captions (`caption:N`).
fn article_dates(
    title: &Option<String>,
    lead: &Option<String>,
    body: &str,
    images: &[crate::article::Image],
    reference: Option<jiff::civil::Date>,
) -> Vec<DateMention> {
    let mut out = Vec::new();
    if let Some(t) = title {
        out.extend(find_dates(t, "title", reference));
    }
    if let Some(l) = lead {
        out.extend(find_dates(l, "lead", reference));
    }
    out.extend(find_dates(body, "body", reference));
    for (i, img) in images.iter().enumerate() {
        if let Some(c) = &img.caption {
            out.extend(find_dates(c, &format!("caption:{i}"), reference));
        }
    }
    out
}

/// Entities of an article's own fields: title, lead, body, captions (`caption:N`).
fn article_entities(
    title: &Option<String>,
    lead: &Option<String>,
    body: &str,
    images: &[crate::article::Image],
) -> Vec<crate::vi::entities::Entity> {
    let captions: Vec<(String, &str)> = images
        .iter()
        .enumerate()
        .filter_map(|(i, img)| Some((format!("caption:{i}"), img.caption.as_deref()?)))
        .collect();
    let mut fields: Vec<(&str, &str)> = Vec::new();
    fields.extend(title.as_deref().map(|t| ("title", t)));
    fields.extend(lead.as_deref().map(|l| ("lead", l)));
    fields.push(("body", body));
    fields.extend(captions.iter().map(|(f, c)| (f.as_str(), *c)));
    crate::vi::entities::find_entities(&fields)
}

/// The day of a user's reference date (`YYYY-MM-DD` or an ISO datetime, taken in Vietnam time).
pub fn reference_day(r: Option<&str>) -> Result<Option<jiff::civil::Date>, PipelineError> {
    r.map(|r| {
        datetime::parse_reference(r)
            .and_then(|s| s.in_vietnam())
            .map(|dt| dt.date())
            .ok_or_else(|| PipelineError::BadReferenceDate(r.to_owned()))
    })
    .transpose()
}

fn bytecount_lt(s: &str) -> usize {
    memchr::memchr_iter(b'<', s.as_bytes()).count()
}

/// The extraction pipeline. Cheap to clone and share between threads.
#[derive(Debug, Clone, Default)]
pub struct Pipeline {}

fn ms(since: Instant) -> f64 {
    (since.elapsed().as_secs_f64() * 1e6).round() / 1e3
}

impl Pipeline {
    pub fn new() -> Pipeline {
        Pipeline {}
    }

    /// Dates (and, when that pipeline lands, entities) of a text that is already clean
    /// (field `text`; offsets count code points of its NFC form).
    pub fn analyze(
        &self,
        text: &str,
        reference_date: Option<&str>,
    ) -> Result<TextAnalysis, PipelineError> {
        let reference = reference_day(reference_date)?;
        let text = crate::vi::normalize::nfc(text);
        Ok(TextAnalysis {
            dates: find_dates(&text, "text", reference),
            entities: crate::vi::entities::find_entities(&[("text", &text)]),
        })
    }

    /// Runs one request to completion (CPU-bound; call from a blocking context in servers).
    pub fn run(&self, input: Input) -> Result<Article, PipelineError> {
        let reference = reference_day(input.options.reference_date.as_deref())?;
        if let Some(u) = &input.url {
            match url::Url::parse(u) {
                Ok(p) if matches!(p.scheme(), "http" | "https") => {}
                _ => return Err(PipelineError::BadUrl(u.clone())),
            }
        }
        let t0 = Instant::now();
        let (text, kind, charset, input_name) = match input.source {
            Source::Url(_) => return Err(PipelineError::FetchDisabled),
            Source::Html(s) => (s, InputKind::Html, None, "html"),
            Source::Text(s) => (s, InputKind::Text, None, "text"),
            Source::Bytes {
                bytes,
                kind,
                charset,
            } => {
                if bytes.iter().all(|b| b.is_ascii_whitespace()) {
                    return Err(PipelineError::EmptyBody);
                }
                if decode::looks_binary(&bytes) {
                    return Err(PipelineError::Binary);
                }
                let guess_html = kind.is_none_or(|k| k == InputKind::Html);
                let d = decode::decode(&bytes, charset.as_deref(), guess_html);
                let kind = kind.unwrap_or_else(|| extract::sniff(&d.text));
                let name = if kind == InputKind::Html {
                    "html"
                } else {
                    "text"
                };
                (d.text, kind, Some(d.charset.to_ascii_lowercase()), name)
            }
        };
        if text.trim().is_empty() {
            return Err(PipelineError::EmptyBody);
        }
        // Nesting can only exceed the limit when there are more tags than the limit.
        if kind == InputKind::Html && bytecount_lt(&text) > MAX_NESTING {
            let depth = extract::prestrip::max_nesting(&text);
            if depth > MAX_NESTING {
                return Err(PipelineError::TooDeep(depth));
            }
        }
        let doc = extract::extract(&text, kind, input.url.as_deref(), reference);
        let extract_ms = ms(t0);
        if !doc.has_article() {
            return Err(PipelineError::NoArticle);
        }
        let t1 = Instant::now();
        let body = Body::from_blocks(doc.blocks, doc.links);
        let stats = Stats::of(&body);
        // Dates resolve against the publication date, else the request's reference date.
        let date_ref = doc
            .published_at
            .as_deref()
            .and_then(datetime::parse_meta)
            .map(|s| s.civil.date())
            .or(reference);
        let dates = article_dates(&doc.title, &doc.lead, &body.text, &doc.images, date_ref);
        // The entity rules are Vietnamese: a page in another language gets none, rather than
        // its capitalized words taken for names.
        let vietnamese = doc.language.as_deref().is_none_or(|l| l.starts_with("vi"));
        let mut related = doc.related;
        for r in &mut related {
            let ref_r = r
                .published_at
                .as_deref()
                .and_then(datetime::parse_meta)
                .map(|s| s.civil.date())
                .or(date_ref);
            r.dates = find_dates(&r.title, "title", ref_r);
            if let Some(s) = &r.summary {
                r.dates.extend(find_dates(s, "summary", ref_r));
            }
            let mut fields = vec![("title", r.title.as_str())];
            fields.extend(r.summary.as_deref().map(|s| ("summary", s)));
            if vietnamese {
                r.entities = crate::vi::entities::find_entities(&fields);
            }
        }
        let entities = if vietnamese {
            article_entities(&doc.title, &doc.lead, &body.text, &doc.images)
        } else {
            Vec::new()
        };
        let nlp_ms = ms(t1);
        Ok(Article {
            url: doc.url.clone(),
            final_url: doc.url,
            canonical_url: doc.canonical_url,
            site_name: doc.site_name,
            language: doc.language,
            title: doc.title,
            lead: doc.lead,
            dateline: doc.dateline,
            authors: doc.authors,
            source_attribution: doc.source_attribution,
            published_at: doc.published_at,
            modified_at: doc.modified_at,
            section: doc.section,
            tags: doc.tags,
            body,
            images: doc.images,
            related,
            dates,
            entities,
            stats,
            meta: Meta {
                input: input_name.to_owned(),
                http_status: None,
                charset: charset.or_else(|| Some("utf-8".to_owned())),
                cache: "bypass".to_owned(),
                date_source: doc.date_source.map(|d| d.as_str().to_owned()),
                timings_ms: Timings {
                    fetch: 0.0,
                    extract: extract_ms,
                    nlp: nlp_ms,
                },
                version: crate::VERSION.to_owned(),
            },
        })
    }
}
