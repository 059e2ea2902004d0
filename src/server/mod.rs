//! The HTTP server: routes, middleware (request ids, tracing, panics) and graceful shutdown.
//! A thin adapter over [`crate::pipeline::Pipeline`].

pub mod access;
pub mod batch;
pub mod error;
pub mod observe;
pub mod openapi;
pub mod respond;
pub mod routes;

use crate::config::Config;
use crate::pipeline::Pipeline;
use crate::service::Service;
use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderName, Response};
use axum::Router;
use error::{problem_response, ApiError};
use std::net::SocketAddr;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use tracing::Span;

/// Shared state of the server.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub pipeline: Pipeline,
    pub service: Service,
    pub access: Arc<access::Access>,
    pub metrics: Option<metrics_exporter_prometheus::PrometheusHandle>,
    /// The OpenAPI document, rendered once.
    pub openapi: Arc<String>,
    pub shutting_down: Arc<AtomicBool>,
}

impl AppState {
    /// The state for a configuration (inside a Tokio runtime: the Redis tier needs one).
    pub fn new(config: Config) -> Result<AppState, String> {
        let service = Service::new(&config)?;
        let access = access::Access::new(&config.auth, &config.limits)?;
        Ok(AppState {
            access: Arc::new(access),
            metrics: crate::metrics::init(),
            openapi: Arc::new(String::new()),
            config: Arc::new(config),
            pipeline: Pipeline::new(),
            service,
            shutting_down: Arc::new(AtomicBool::new(false)),
        })
    }
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

fn panic_response(err: Box<dyn std::any::Any + Send + 'static>) -> Response<axum::body::Body> {
    let detail = err
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "unexpected failure".into());
    tracing::error!(panic = %detail, "handler panicked");
    problem_response(
        &ApiError::Internal("unexpected failure while handling the request".into()).problem(),
    )
}

/// Builds the application router with all middleware.
/// The routes with their OpenAPI descriptions: every route is registered here, through
/// `routes!`, so none can exist without its description.
fn api_routes() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    use utoipa::OpenApi;
    use utoipa_axum::{router::OpenApiRouter, routes};
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .routes(routes!(routes::extract_get, routes::extract_post))
        .routes(routes!(batch::batch))
        .routes(routes!(routes::analyze))
        .routes(routes!(routes::purge))
        .routes(routes!(routes::healthz))
        .routes(routes!(routes::readyz))
        .routes(routes!(observe::metrics))
        .routes(routes!(openapi::document))
        .split_for_parts()
}

/// The OpenAPI 3.1 document of this build, as served at `/openapi.json` (pretty-printed).
pub fn openapi_json() -> String {
    let (_, api) = api_routes();
    api.to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

pub fn router(mut state: AppState) -> Router {
    let cors = cors_layer(&state.config.cors.allowed_origins);
    let (routes, _) = api_routes();
    state.openapi = Arc::new(openapi_json());
    let app = routes
        .fallback(|req: Request| async move { ApiError::NotFound(req.uri().path().to_owned()) })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .with_state(state.clone())
        .layer(axum::middleware::from_fn_with_state(state, access::check))
        .layer(axum::middleware::from_fn(observe::record));
    let app = match cors {
        Some(c) => app.layer(c),
        None => app,
    };
    app.layer(CatchPanicLayer::custom(panic_response))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request| {
                    let id = req
                        .headers()
                        .get(REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    let route = req
                        .extensions()
                        .get::<MatchedPath>()
                        .map(|m| m.as_str().to_owned())
                        .unwrap_or_else(|| req.uri().path().to_owned());
                    tracing::info_span!(
                        "request",
                        request_id = %id,
                        method = %req.method(),
                        route = %route,
                        status = tracing::field::Empty,
                        latency_ms = tracing::field::Empty,
                        cache = tracing::field::Empty,
                    )
                })
                .on_request(())
                .on_response(
                    |res: &Response<axum::body::Body>, latency: Duration, span: &Span| {
                        span.record("status", res.status().as_u16());
                        span.record("latency_ms", latency.as_secs_f64() * 1000.0);
                        if let Some(c) = res.headers().get("x-cache").and_then(|v| v.to_str().ok())
                        {
                            span.record("cache", c);
                        }
                        tracing::info!("response");
                    },
                )
                .on_failure(()),
        )
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}

/// Binds the configured address and serves until SIGINT/SIGTERM, then drains in-flight
/// requests for up to `shutdown_grace_seconds`.
pub async fn serve(config: Config) -> std::io::Result<()> {
    let listener = TcpListener::bind(&config.server.listen).await?;
    let addr: SocketAddr = listener.local_addr()?;
    tracing::info!("listening on {addr}");
    let grace = Duration::from_secs(config.server.shutdown_grace_seconds);
    let state = AppState::new(config).map_err(std::io::Error::other)?;
    let flag = state.shutting_down.clone();
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        shutdown_signal().await;
        flag.store(true, std::sync::atomic::Ordering::SeqCst);
        tracing::info!("shutting down: draining in-flight requests");
        let _ = tx.send(());
    });
    let mut server = std::pin::pin!(std::future::IntoFuture::into_future(server));
    tokio::select! {
        r = &mut server => r?,
        _ = async {
            let _ = rx.await;
            tokio::time::sleep(grace).await;
        } => {
            tracing::warn!("grace period over; exiting with requests still in flight");
        }
    }
    tracing::info!("stopped");
    Ok(())
}

/// CORS for the configured origins (`["*"]` for any), or none when the list is empty.
fn cors_layer(origins: &[String]) -> Option<tower_http::cors::CorsLayer> {
    use axum::http::{header, HeaderValue, Method};
    use tower_http::cors::{AllowOrigin, CorsLayer};
    if origins.is_empty() {
        return None;
    }
    let allow = if origins.iter().any(|o| o.trim() == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(
            origins
                .iter()
                .filter_map(|o| HeaderValue::from_str(o.trim()).ok()),
        )
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::POST, Method::DELETE])
            .allow_headers([
                header::CONTENT_TYPE,
                header::AUTHORIZATION,
                header::CACHE_CONTROL,
                header::IF_NONE_MATCH,
                REQUEST_ID,
            ])
            .expose_headers([
                header::ETAG,
                header::RETRY_AFTER,
                REQUEST_ID,
                header::HeaderName::from_static("x-cache"),
            ])
            .max_age(Duration::from_secs(600)),
    )
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::get;
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_panicking_handler_is_answered_500_problem_json() {
        let app = Router::new()
            .route(
                "/boom",
                get(|| async {
                    let v: Vec<u8> = Vec::new();
                    // An out-of-bounds index: a bug, not a crash of the server.
                    #[allow(clippy::useless_vec)]
                    let _ = v[usize::from(v.is_empty())];
                    "unreachable"
                }),
            )
            .layer(CatchPanicLayer::custom(panic_response));
        let resp = app
            .oneshot(
                axum::http::Request::builder()
                    .uri("/boom")
                    .body(axum::body::Body::empty())
                    .expect("request"),
            )
            .await
            .expect("a response");
        assert_eq!(resp.status(), 500);
        assert_eq!(resp.headers()["content-type"], "application/problem+json");
        let body = http_body_util::BodyExt::collect(resp.into_body())
            .await
            .expect("body")
            .to_bytes();
        let p: serde_json::Value = serde_json::from_slice(&body).expect("json");
        assert_eq!(p["type"], "/problems/internal");
    }
}
