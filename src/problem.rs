//! RFC 9457 problem details: one stable slug per failure, the HTTP status it maps to, and the
//! JSON body that both the HTTP server and the command line print.

use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;

/// Every problem the HTTP service answers: slug, status, when. The OpenAPI document lists
/// them, and a test checks that the code uses no other slug.
pub const CATALOGUE: &[(&str, u16, &str)] = &[
    ("invalid-json", 400, "the JSON body does not parse, or is not an object"),
    ("invalid-request", 400, "unknown members, both html and text, none of html/text/url, a missing url parameter, a body not sent in time"),
    ("empty-body", 400, "the body is empty or only whitespace"),
    ("invalid-reference-date", 400, "reference_date is not an ISO 8601 date or datetime"),
    ("invalid-url", 400, "url is not an absolute http(s) URL, or a redirect leads to another scheme"),
    ("unauthorized", 401, "an API key is required (Authorization: Bearer <key>)"),
    ("forbidden", 403, "the API key is not valid"),
    ("blocked-address", 403, "the URL's host, or a redirect's, is an internal address (member address)"),
    ("not-found", 404, "no such route"),
    ("method-not-allowed", 405, "wrong method for the route"),
    ("too-large", 413, "the request body (or a batch line) exceeds its limit (member limit_bytes); as 502: the fetched page exceeds fetch.max_bytes"),
    ("unsupported-media-type", 415, "a content type the route does not read"),
    ("no-article", 422, "the page holds no article: a home page, a listing, an empty document"),
    ("unsupported-content", 422, "binary data, or a fetched URL that is not HTML or text (member content_type)"),
    ("too-deep", 422, "HTML nesting more than 10,000 elements deep"),
    ("rate-limited", 429, "the client's request rate is over the limit (member retry_after, header Retry-After)"),
    ("internal", 500, "a bug: the request failed unexpectedly; the server keeps serving"),
    ("fetch-disabled", 501, "a url alone while fetching is switched off"),
    ("upstream-status", 502, "the origin answered 4xx/5xx (members upstream_status, retry_after)"),
    ("upstream-backoff", 502, "the origin asked to wait (429/503 Retry-After) and the time has not passed; not contacted"),
    ("dns-failure", 502, "the host name does not resolve"),
    ("upstream-unreachable", 502, "the connection to the origin failed"),
    ("upstream-error", 502, "the origin's answer broke off or was malformed"),
    ("too-many-redirects", 502, "more redirects than fetch.max_redirects, or a redirect without a usable Location"),
    ("timeout", 503, "the request took longer than server.request_timeout_ms"),
    ("overloaded", 503, "too many requests in flight or waiting; retry after Retry-After"),
    ("upstream-timeout", 504, "the origin did not answer within fetch.timeout_ms (member timeout_ms)"),
];

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

impl utoipa::PartialSchema for Problem {
    fn schema() -> RefOr<Schema> {
        let slugs: Vec<String> = CATALOGUE
            .iter()
            .map(|(s, _, _)| format!("/problems/{s}"))
            .collect();
        let described = CATALOGUE
            .iter()
            .map(|(s, st, when)| format!("`{s}` ({st}): {when}"))
            .collect::<Vec<_>>()
            .join("; ");
        let string = || ObjectBuilder::new().schema_type(Type::String);
        ObjectBuilder::new()
            .description(Some(
                "An RFC 9457 problem document (application/problem+json). Extra members \
                 appear where useful: limit_bytes, upstream_status, retry_after, address, \
                 content_type, timeout_ms.",
            ))
            .property(
                "type",
                string()
                    .enum_values(Some(slugs))
                    .description(Some(described)),
            )
            .property("title", string())
            .property(
                "status",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(400))
                    .maximum(Some(599)),
            )
            .property("detail", string())
            .required("type")
            .required("title")
            .required("status")
            .required("detail")
            .additional_properties(Some(AdditionalProperties::FreeForm(true)))
            .into()
    }
}

impl utoipa::ToSchema for Problem {}
