//! The output model: the Article JSON that users integrate against (see DESIGN.md, "The
//! article JSON"). Field names are stable snake_case; absent values are `null` or `[]`,
//! never missing keys.

use crate::vi::dates::DateMention;
use crate::vi::entities::Entity;
use serde::{Deserialize, Serialize};

/// One extracted article.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Article {
    pub url: Option<String>,
    pub final_url: Option<String>,
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
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub body: Body,
    pub images: Vec<Image>,
    pub related: Vec<Related>,
    pub dates: Vec<DateMention>,
    pub entities: Vec<Entity>,
    pub stats: Stats,
    pub meta: Meta,
}

/// The article body: ordered blocks, their text joined, and the links inside them.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Body {
    pub text: String,
    pub blocks: Vec<Block>,
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    Heading,
    Quote,
    ListItem,
    Table,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Link {
    pub text: String,
    pub url: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Image {
    pub url: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub alt: Option<String>,
}

/// Another story the page links to (a related box, "Đừng bỏ lỡ", "Xem thêm").
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Related {
    pub title: String,
    pub url: Option<String>,
    pub published_at: Option<String>,
    pub summary: Option<String>,
    pub dates: Vec<DateMention>,
    pub entities: Vec<Entity>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Stats {
    pub words: usize,
    pub paragraphs: usize,
    pub reading_time_minutes: usize,
}

/// How the answer was made; the only part that may differ between identical requests.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Meta {
    pub input: String,
    pub http_status: Option<u16>,
    pub charset: Option<String>,
    pub cache: String,
    pub date_source: Option<String>,
    pub timings_ms: Timings,
    pub version: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Timings {
    pub fetch: f64,
    pub extract: f64,
    pub nlp: f64,
}

impl Body {
    /// Builds a body from blocks: `text` is the blocks joined by blank lines.
    pub fn from_blocks(blocks: Vec<Block>, links: Vec<Link>) -> Body {
        let mut text = String::new();
        for b in &blocks {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&b.text);
        }
        Body {
            text,
            blocks,
            links,
        }
    }
}

impl Stats {
    /// Word and paragraph counts of a body; reading time at 200 words a minute, rounded up.
    pub fn of(body: &Body) -> Stats {
        let words = crate::vi::normalize::word_count(&body.text);
        Stats {
            words,
            paragraphs: body
                .blocks
                .iter()
                .filter(|b| b.kind != BlockKind::Heading)
                .count(),
            reading_time_minutes: words.div_ceil(200),
        }
    }
}
