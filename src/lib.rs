//! vnarticle: turns a Vietnamese news page (HTML or page text) into clean, structured
//! article data. Layers look only down: `vi` (language) ← `extract` (page → document) ←
//! `pipeline` (input → article) ← `server` (HTTP); `article` is the output model.

pub mod article;
pub mod cache;
pub mod config;
pub mod decode;
pub mod eval;
pub mod extract;
pub mod fetch;
pub mod metrics;
pub mod pipeline;
pub mod problem;
pub mod server;
pub mod service;
pub mod vi;

/// The crate version, reported in every article's `meta.version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A hash of the sources, data files and lock file this binary was built from: part of every
/// cache key, so a new build never serves an older build's extraction.
pub const BUILD_ID: &str = env!("VNARTICLE_BUILD_ID");
