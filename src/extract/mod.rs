//! Extraction: an HTML page or the plain text of a page → [`Document`] (metadata, headline,
//! lead, body blocks, images, other stories). Knows HTML and page layout; no HTTP, no cache.

pub mod byline;
pub mod clean;
pub mod content;
pub mod dom;
pub mod html;
pub mod meta;
pub mod prestrip;
pub mod text;

use crate::article::{Block, Image, Link, Related};
use jiff::civil::Date;

/// Where the publication time came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    JsonLd,
    Meta,
    Visible,
}

impl DateSource {
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::JsonLd => "json-ld",
            DateSource::Meta => "meta",
            DateSource::Visible => "visible",
        }
    }
}

/// What extraction finds in a page, before language enrichment.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub url: Option<String>,
    pub canonical_url: Option<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
    pub title: Option<String>,
    pub lead: Option<String>,
    pub dateline: Option<String>,
    pub authors: Vec<String>,
    pub source_attribution: Option<String>,
    pub published_at: Option<String>,
    pub modified_at: Option<String>,
    pub date_source: Option<DateSource>,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub blocks: Vec<Block>,
    pub links: Vec<Link>,
    pub images: Vec<Image>,
    pub related: Vec<Related>,
    /// The page declares itself an article (JSON-LD article type or `og:type` article).
    pub article_typed: bool,
}

impl Document {
    /// Does the page hold an article? A title with body text, or article metadata with a title.
    pub fn has_article(&self) -> bool {
        let body_chars: usize = self.blocks.iter().map(|b| b.text.chars().count()).sum();
        let titled = self.title.as_deref().is_some_and(|t| !t.trim().is_empty());
        if !titled {
            return false;
        }
        let longest = self
            .blocks
            .iter()
            .map(|b| crate::vi::normalize::word_count(&b.text))
            .max()
            .unwrap_or(0);
        (body_chars >= 250 && longest >= 12)
            || (self.article_typed
                && (body_chars > 0 || self.lead.is_some() || self.published_at.is_some()))
    }
}

/// The kind of an input body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Html,
    Text,
}

/// Decides whether a body is HTML or page text by looking at its start.
pub fn sniff(body: &str) -> InputKind {
    let head: String = body
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml")
        || head.starts_with("<!--")
    {
        return InputKind::Html;
    }
    let tags = [
        "<head", "<body", "<div", "<p>", "<p ", "<meta", "<title", "<article", "<span", "<br",
        "<a ", "<h1", "<script", "<table",
    ];
    let hits = tags.iter().filter(|t| head.contains(*t)).count();
    if head.starts_with('<') && hits >= 1 || hits >= 2 {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

/// Extracts a document from a page body of a known kind.
pub fn extract(
    body: &str,
    kind: InputKind,
    url: Option<&str>,
    reference: Option<Date>,
) -> Document {
    let mut doc = match kind {
        InputKind::Html => html::extract(body, url, reference),
        InputKind::Text => text::extract(body, url, reference),
    };
    if doc.language.is_none() {
        doc.language = detect_language(&doc.blocks);
    }
    doc
}

/// A photo story tells its text in the captions: when they hold more than twice the text of
/// the body (and some 300 characters), the captions become the body's paragraphs.
pub fn photo_story(blocks: Vec<Block>, images: &[Image]) -> Vec<Block> {
    let body_chars: usize = blocks.iter().map(|b| b.text.chars().count()).sum();
    let cap_chars: usize = images
        .iter()
        .filter_map(|i| i.caption.as_ref())
        .map(|c| c.chars().count())
        .sum();
    if cap_chars > 300 && cap_chars > 2 * body_chars {
        return images
            .iter()
            .filter_map(|i| i.caption.clone())
            .map(|text| Block {
                kind: crate::article::BlockKind::Paragraph,
                text,
            })
            .collect();
    }
    blocks
}

/// The language of a body (ISO 639-1 where one exists), when the detector is confident.
pub fn detect_language(blocks: &[Block]) -> Option<String> {
    let mut sample = String::new();
    for b in blocks {
        sample.push_str(&b.text);
        sample.push(' ');
        if sample.len() > 1500 {
            break;
        }
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    let code = info.lang().code();
    Some(
        match code {
            "vie" => "vi",
            "eng" => "en",
            "deu" => "de",
            "por" => "pt",
            "rus" => "ru",
            "kor" => "ko",
            "jpn" => "ja",
            "fra" => "fr",
            "spa" => "es",
            "cmn" => "zh",
            "ita" => "it",
            "ind" => "id",
            "tha" => "th",
            other => other,
        }
        .to_owned(),
    )
}
