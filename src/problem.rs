//! RFC 9457 problem details: one stable slug per failure, the HTTP status it maps to, and the
//! JSON body that both the HTTP server and the command line print.

use serde::Serialize;
use serde_json::{Map, Value};

/// A problem document (`application/problem+json`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Problem {
    /// `/problems/<slug>`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Problem {
    pub fn new(slug: &str, status: u16, title: &str, detail: impl Into<String>) -> Problem {
        Problem {
            kind: format!("/problems/{slug}"),
            title: title.to_owned(),
            status,
            detail: detail.into(),
            extra: Map::new(),
        }
    }

    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Problem {
        self.extra.insert(key.to_owned(), value.into());
        self
    }

    /// The slug (the last part of `type`).
    pub fn slug(&self) -> &str {
        self.kind.rsplit('/').next().unwrap_or("")
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| {
            format!(
                "{{\"type\":\"/problems/internal\",\"title\":\"Internal error\",\"status\":500,\"detail\":\"{}\"}}",
                self.slug()
            )
        })
    }
}
