//! Configuration: the defaults in `config/default.toml` (compiled in), then an optional
//! file given with `--config`, then environment variables `VNARTICLE__SECTION__KEY`.

use figment::providers::{Env, Format, Toml};
use figment::Figment;
use serde::Deserialize;
use std::path::Path;

/// The defaults, as shipped in `config/default.toml`.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub server: ServerConfig,
    pub fetch: FetchConfig,
    pub cache: CacheConfig,
    pub auth: AuthConfig,
    pub limits: LimitsConfig,
    pub cors: CorsConfig,
    pub batch: BatchConfig,
    pub log: LogConfig,
}

/// Access control (`[auth]`): off while `api_keys` is empty.
#[derive(Debug, Clone, Deserialize)]
pub struct AuthConfig {
    pub api_keys: Vec<String>,
    pub metrics_require_key: bool,
}

/// Load limits (`[limits]`).
#[derive(Debug, Clone, Deserialize)]
pub struct LimitsConfig {
    pub max_in_flight: usize,
    pub rate_per_second: f64,
    pub rate_burst: f64,
    pub trusted_proxies: Vec<String>,
}

/// Cross-origin requests from browsers (`[cors]`): off while `allowed_origins` is empty.
#[derive(Debug, Clone, Deserialize)]
pub struct CorsConfig {
    pub allowed_origins: Vec<String>,
}

/// `POST /v1/extract/batch` (`[batch]`).
#[derive(Debug, Clone, Deserialize)]
pub struct BatchConfig {
    pub concurrency: usize,
    pub max_line_bytes: usize,
}

/// Fetching pages by URL (`[fetch]`).
#[derive(Debug, Clone, Deserialize)]
pub struct FetchConfig {
    pub enabled: bool,
    pub connect_timeout_ms: u64,
    pub timeout_ms: u64,
    pub max_bytes: usize,
    pub max_redirects: usize,
    pub user_agent: String,
    pub per_host_concurrency: usize,
    pub max_retry_after_seconds: u64,
    pub proxy: String,
    pub allow_addresses: Vec<String>,
}

/// The cache in front of the parser (`[cache]`).
#[derive(Debug, Clone, Deserialize)]
pub struct CacheConfig {
    pub enabled: bool,
    pub memory_max_bytes: u64,
    pub ttl_seconds: u64,
    pub negative_ttl_seconds: u64,
    pub redis_url: String,
    pub redis_ttl_seconds: u64,
    pub redis_timeout_ms: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServerConfig {
    pub listen: String,
    pub max_body_bytes: usize,
    pub request_timeout_ms: u64,
    pub extract_workers: usize,
    pub max_queue: usize,
    pub shutdown_grace_seconds: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LogConfig {
    pub format: LogFormat,
    pub level: String,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

impl Config {
    /// Loads defaults, then `file` (if any), then the environment.
    pub fn load(file: Option<&Path>) -> Result<Config, Box<figment::Error>> {
        let mut fig = Figment::from(Toml::string(DEFAULT_TOML));
        if let Some(f) = file {
            if !f.exists() {
                return Err(Box::new(figment::Error::from(format!(
                    "config file {} does not exist",
                    f.display()
                ))));
            }
            fig = fig.merge(Toml::file(f));
        }
        fig = fig.merge(Env::prefixed("VNARTICLE__").split("__"));
        fig.extract().map_err(Box::new)
    }

    /// The compiled-in defaults alone (for tests and embedding).
    pub fn defaults() -> Config {
        Figment::from(Toml::string(DEFAULT_TOML))
            .extract()
            .expect("config/default.toml is valid")
    }

    pub fn workers(&self) -> usize {
        if self.server.extract_workers == 0 {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2)
        } else {
            self.server.extract_workers
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse() {
        let c = Config::defaults();
        assert_eq!(c.server.listen, "127.0.0.1:8080");
        assert_eq!(c.server.max_body_bytes, 10 * 1024 * 1024);
        assert_eq!(c.log.format, LogFormat::Text);
    }
}
