//! The `vnarticle` command: `serve` (the HTTP service), `extract` (one page to Article JSON
//! on stdout) and `healthcheck` (for container probes). Parses arguments and calls the library.

use clap::{Parser, Subcommand};
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use vnarticle::article::Article;
use vnarticle::cache::{Cache, Entry};
use vnarticle::config::{Config, LogFormat};
use vnarticle::pipeline::{CacheMode, Input, Options, Pipeline, Source};
use vnarticle::problem::Problem;
use vnarticle::service::Service;

#[derive(Parser)]
#[command(
    name = "vnarticle",
    version,
    about = "Clean, structured article data from Vietnamese news pages"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP service.
    Serve {
        /// Address to listen on (HOST:PORT; port 0 picks a free port).
        #[arg(long)]
        listen: Option<String>,
        /// A TOML file overriding config/default.toml.
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Extract the article of a saved page (HTML or page text) and print its JSON.
    Extract {
        /// The page's address (for relative links and metadata; not fetched).
        #[arg(long)]
        url: Option<String>,
        /// ISO date or datetime for year-less and relative dates when the page has no publication time.
        #[arg(long)]
        reference_date: Option<String>,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
        /// A TOML file overriding config/default.toml (its [fetch] settings apply to URLs).
        #[arg(long)]
        config: Option<PathBuf>,
        /// File paths, "-" for standard input, or http(s) URLs to fetch. With several inputs
        /// the output is NDJSON, one line per input in the order given:
        /// {"input", "status", "article"|"problem"}; a progress line goes to a terminal's stderr.
        #[arg(required = true)]
        input: Vec<String>,
    },
    /// Dates and entities of a text that is already clean: `{"dates": […], "entities": […]}`.
    Analyze {
        /// ISO date or datetime that relative and year-less dates resolve against.
        #[arg(long)]
        reference_date: Option<String>,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
        /// A file path, or "-" for standard input.
        input: String,
    },
    /// Exit 0 when the service answers its health check (for container HEALTHCHECK).
    Healthcheck {
        #[arg(long, default_value = "http://127.0.0.1:8080/healthz")]
        url: String,
    },
}

fn init_tracing(cfg: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_new(&cfg.log.level)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    match cfg.log.format {
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .init(),
        LogFormat::Text => builder.with_target(false).init(),
    }
}

/// Reads a file, or standard input for "-".
fn read_input(input: &str) -> Result<Vec<u8>, Problem> {
    let read = if input == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map(|_| buf)
    } else {
        std::fs::read(input)
    };
    read.map_err(|e| {
        Problem::new(
            "unreadable-input",
            400,
            "Cannot read input",
            format!("{input}: {e}"),
        )
    })
}

/// Prints an internal-error problem; exit 1.
fn internal(e: impl std::fmt::Display) -> ExitCode {
    print_problem(&Problem::new(
        "internal",
        500,
        "Internal error",
        e.to_string(),
    ));
    ExitCode::FAILURE
}

/// Prints a value as JSON on stdout (indented with `pretty`): exit 0, or a problem and 1.
fn print_json<T: serde::Serialize>(value: &T, pretty: bool) -> ExitCode {
    let out = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    match out {
        Ok(s) => {
            let _ = writeln!(std::io::stdout(), "{s}");
            ExitCode::SUCCESS
        }
        Err(e) => internal(e),
    }
}

fn print_problem(p: &Problem) {
    let _ = writeln!(std::io::stderr(), "{}", p.to_json());
}

/// The configuration (defaults, `--config` file, environment), or a printed problem and
/// exit 2.
fn load_config(file: Option<&std::path::Path>) -> Result<Config, ExitCode> {
    Config::load(file).map_err(|e| {
        print_problem(&Problem::new(
            "invalid-config",
            500,
            "Invalid configuration",
            e.to_string(),
        ));
        ExitCode::from(2)
    })
}

/// A Tokio runtime (multi-threaded or on this thread), or a printed problem and exit 1.
fn runtime(multi_thread: bool) -> Result<tokio::runtime::Runtime, ExitCode> {
    let mut b = if multi_thread {
        tokio::runtime::Builder::new_multi_thread()
    } else {
        tokio::runtime::Builder::new_current_thread()
    };
    b.enable_all().build().map_err(internal)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve { listen, config } => {
            let mut cfg = match load_config(config.as_deref()) {
                Ok(c) => c,
                Err(code) => return code,
            };
            if let Some(l) = listen {
                cfg.server.listen = l;
            }
            init_tracing(&cfg);
            let rt = match runtime(true) {
                Ok(rt) => rt,
                Err(code) => return code,
            };
            match rt.block_on(vnarticle::server::serve(cfg)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    tracing::error!("server failed: {e}");
                    print_problem(&Problem::new(
                        "listen-failed",
                        500,
                        "Could not serve",
                        e.to_string(),
                    ));
                    ExitCode::FAILURE
                }
            }
        }
        Command::Extract {
            url,
            reference_date,
            pretty,
            config,
            input,
        } => {
            if input.len() > 1 {
                if url.is_some() {
                    let _ = writeln!(
                        std::io::stderr(),
                        "error: --url names one page's address; give it with a single input"
                    );
                    return ExitCode::from(2);
                }
                return extract_many(input, reference_date, config.as_deref());
            }
            let input = input.into_iter().next().unwrap_or_default();
            if input.starts_with("http://") || input.starts_with("https://") {
                return extract_url(&input, reference_date, config.as_deref(), pretty);
            }
            let bytes = match read_input(&input) {
                Ok(b) => b,
                Err(p) => {
                    print_problem(&p);
                    return ExitCode::FAILURE;
                }
            };
            let req = Input {
                source: Source::Bytes {
                    bytes: bytes.into(),
                    kind: None,
                    charset: None,
                },
                url,
                options: Options {
                    reference_date,
                    ..Options::default()
                },
            };
            match Pipeline::new().run(req) {
                Ok(article) => print_json(&article, pretty),
                Err(e) => {
                    print_problem(&e.problem());
                    ExitCode::FAILURE
                }
            }
        }
        Command::Analyze {
            reference_date,
            pretty,
            input,
        } => {
            let text = match read_input(&input) {
                Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                Err(p) => {
                    print_problem(&p);
                    return ExitCode::FAILURE;
                }
            };
            match Pipeline::new().analyze(&text, reference_date.as_deref()) {
                Ok(a) => print_json(&a, pretty),
                Err(e) => {
                    print_problem(&e.problem());
                    ExitCode::FAILURE
                }
            }
        }
        Command::Healthcheck { url } => match healthcheck(&url) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                let _ = writeln!(std::io::stderr(), "unhealthy: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

/// `vnarticle extract URL`: fetches the page (with the configured limits and address guard,
/// no cache) and prints its Article JSON.
fn extract_url(
    url: &str,
    reference_date: Option<String>,
    config: Option<&std::path::Path>,
    pretty: bool,
) -> ExitCode {
    let (cfg, rt) = match load_config(config).and_then(|c| Ok((c, runtime(false)?))) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let input = Input {
        source: Source::Url(url.to_owned()),
        url: None,
        options: Options {
            reference_date,
            cache: CacheMode::Bypass,
        },
    };
    let served = rt.block_on(async {
        let service = Service::new(&cfg)?.with_cache(Cache::disabled());
        Ok::<_, String>(service.extract(input).await)
    });
    let problem = match served {
        Err(e) => Problem::new("invalid-config", 500, "Invalid configuration", e),
        Ok(Err(e)) => e.problem(),
        Ok(Ok(s)) => match s.entry {
            Entry::Failure(p) => (*p).clone(),
            Entry::Article(stored) if pretty => {
                // Indenting needs the article again (in its field order, not a map's).
                return match serde_json::from_slice::<Article>(&stored.json) {
                    Ok(mut a) => {
                        a.meta.cache = "bypass".into();
                        print_json(&a, true)
                    }
                    Err(e) => internal(e),
                };
            }
            Entry::Article(stored) => {
                let mut out = std::io::stdout().lock();
                for part in stored.parts("bypass") {
                    let _ = out.write_all(&part);
                }
                let _ = writeln!(out);
                return ExitCode::SUCCESS;
            }
        },
    };
    print_problem(&problem);
    ExitCode::FAILURE
}

/// `vnarticle extract A B C…`: every input through the service (no cache), several at once,
/// NDJSON lines in input order on stdout, a progress line on stderr when it is a terminal.
/// Exit 0 when every input gave an article, 1 otherwise.
fn extract_many(
    inputs: Vec<String>,
    reference_date: Option<String>,
    config: Option<&std::path::Path>,
) -> ExitCode {
    use futures_util::StreamExt;
    let (cfg, rt) = match load_config(config).and_then(|c| Ok((c, runtime(true)?))) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let total = inputs.len();
    let progress = std::io::stderr().is_terminal();
    let concurrency = cfg.workers() * 2;
    let failed = rt.block_on(async {
        let service = match Service::new(&cfg) {
            Ok(s) => s.with_cache(Cache::disabled()),
            Err(e) => {
                print_problem(&Problem::new(
                    "invalid-config",
                    500,
                    "Invalid configuration",
                    e,
                ));
                return total;
            }
        };
        let started = std::time::Instant::now();
        let jobs = inputs.into_iter().map(|name| {
            let service = service.clone();
            let reference_date = reference_date.clone();
            async move {
                let source = if name.starts_with("http://") || name.starts_with("https://") {
                    Source::Url(name.clone())
                } else {
                    match read_input(&name) {
                        Ok(b) => Source::Bytes {
                            bytes: b.into(),
                            kind: None,
                            charset: None,
                        },
                        Err(p) => return (name, Err(p)),
                    }
                };
                let input = Input {
                    source,
                    url: None,
                    options: Options {
                        reference_date,
                        cache: CacheMode::Bypass,
                    },
                };
                let r = match service.extract(input).await {
                    Err(e) => Err(e.problem()),
                    Ok(s) => match s.entry {
                        Entry::Failure(p) => Err((*p).clone()),
                        Entry::Article(stored) => Ok(stored),
                    },
                };
                (name, r)
            }
        });
        let mut results = futures_util::stream::iter(jobs).buffered(concurrency);
        let (mut done, mut failed) = (0usize, 0usize);
        let mut out = std::io::stdout().lock();
        while let Some((name, r)) = results.next().await {
            done += 1;
            let name_json = serde_json::to_string(&name).unwrap_or_else(|_| "null".into());
            let line = match r {
                Ok(stored) => {
                    let mut l =
                        format!("{{\"input\":{name_json},\"status\":200,\"article\":").into_bytes();
                    for part in stored.parts("bypass") {
                        l.extend_from_slice(&part);
                    }
                    l.extend_from_slice(b"}\n");
                    l
                }
                Err(p) => {
                    failed += 1;
                    format!(
                        "{{\"input\":{name_json},\"status\":{},\"problem\":{}}}\n",
                        p.status,
                        p.to_json()
                    )
                    .into_bytes()
                }
            };
            if out.write_all(&line).is_err() {
                break; // stdout closed (a pipe into `head`)
            }
            if progress {
                let rate = done as f64 / started.elapsed().as_secs_f64().max(1e-3);
                let _ = write!(
                    std::io::stderr(),
                    "\r{done}/{total} pages · {failed} failed · {rate:.1} pages/s "
                );
            }
        }
        if progress {
            let _ = writeln!(std::io::stderr());
        }
        failed
    });
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// A minimal HTTP/1.1 GET over a plain TCP connection (no client library needed in the image).
fn healthcheck(url: &str) -> Result<(), String> {
    use std::net::{TcpStream, ToSocketAddrs};
    use std::time::Duration;
    let u = url::Url::parse(url).map_err(|e| e.to_string())?;
    let host = u.host_str().ok_or("no host")?;
    let port = u.port_or_known_default().ok_or("no port")?;
    let addr = (host, port)
        .to_socket_addrs()
        .map_err(|e| e.to_string())?
        .next()
        .ok_or("no address")?;
    let mut s =
        TcpStream::connect_timeout(&addr, Duration::from_secs(3)).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(Duration::from_secs(3)))
        .map_err(|e| e.to_string())?;
    write!(
        s,
        "GET {} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n",
        u.path()
    )
    .map_err(|e| e.to_string())?;
    let mut resp = String::new();
    s.read_to_string(&mut resp).map_err(|e| e.to_string())?;
    if resp.starts_with("HTTP/1.1 200") || resp.starts_with("HTTP/1.0 200") {
        Ok(())
    } else {
        Err(resp.lines().next().unwrap_or("no answer").to_owned())
    }
}
