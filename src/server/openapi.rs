//! The OpenAPI 3.1 document, generated from the code: the route handlers carry their
//! `#[utoipa::path]` descriptions, the router registers them through `utoipa_axum::routes!`
//! (so a route cannot exist without its description), and the request, answer and problem
//! types derive their schemas. Served at `GET /openapi.json`.

use super::AppState;
use crate::article::Article;
use crate::problem::Problem;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "vnarticle",
        description = "Turns a Vietnamese news page into clean, structured article data: \
            title, lead, body, authors, dates, images, tags, section, related stories, every \
            date mention normalized to ISO 8601 at +07:00 (lunar and relative dates included), \
            and the people, organizations, places, documents and amounts the article names.",
        license(name = "MIT")
    ),
    tags(
        (name = "extract", description = "Pages to articles"),
        (name = "analyze", description = "Dates and entities of clean text"),
        (name = "cache", description = "The cache in front of the parser"),
        (name = "operations", description = "Health, readiness, metrics, this document")
    ),
    components(schemas(Problem, BatchLine, PurgeAnswer, Health, Ready)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

/// Declares the optional API-key scheme (enforced only when keys are configured).
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        if let Some(c) = openapi.components.as_mut() {
            c.add_security_scheme(
                "api_key",
                SecurityScheme::Http(
                    HttpBuilder::new()
                        .scheme(HttpAuthScheme::Bearer)
                        .description(Some(
                            "Required on every route but /healthz and /readyz (and /metrics \
                             unless auth.metrics_require_key) when auth.api_keys is set.",
                        ))
                        .build(),
                ),
            );
        }
    }
}

/// One answer line of `POST /v1/extract/batch`.
#[derive(Debug, Serialize, ToSchema)]
pub struct BatchLine {
    /// The input line's `id`, as sent (null when the line had none or did not parse).
    #[schema(value_type = Object)]
    pub id: serde_json::Value,
    /// The input line's number (1-based, empty lines not counted).
    pub line: usize,
    /// 200, or the problem's status.
    pub status: u16,
    pub article: Option<Article>,
    pub problem: Option<Problem>,
}

/// The answer of `DELETE /v1/cache`.
#[derive(Debug, Serialize, ToSchema)]
pub struct PurgeAnswer {
    pub url: String,
    /// `{"purged": bool}`: whether memory held the page.
    #[schema(value_type = Object)]
    pub memory: serde_json::Value,
    /// `{"purged": bool}` or `{"purged": false, "error": "…"}`; null without a Redis tier.
    #[schema(value_type = Object)]
    pub redis: serde_json::Value,
}

/// The answer of `GET /healthz`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// Always `ok`.
    pub status: String,
}

/// The answer of `GET /readyz`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Ready {
    /// `ready`, `degraded` (Redis does not answer; served from memory) or `shutting down`.
    pub status: String,
    /// Each dependency: `memory_cache` (`status`, `entries`, `bytes`), `redis` (`status`, `detail`).
    #[schema(value_type = Object)]
    pub checks: serde_json::Value,
}

/// `GET /openapi.json`.
#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "operations",
    responses((status = 200, description = "This OpenAPI 3.1 document", content_type = "application/json"))
)]
pub async fn document(State(st): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        st.openapi.as_ref().clone(),
    )
        .into_response()
}
