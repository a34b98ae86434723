//! Reads the server's settings from environment variables, in this one place, with the documented
//! defaults. It owns parsing and defaults only; it binds no sockets, and the one file it reads
//! is `DATABASE_URL`'s `sslrootcert` (see `config/postgres.rs`).

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;

mod postgres;
#[cfg(test)]
mod tests;

pub use postgres::{CertificateCheck, PostgresSettings, SslMode};

/// Everything the server reads from its environment.
#[derive(Clone, Debug)]
pub struct Config {
    /// `BIND_ADDR`, default `127.0.0.1:8080`.
    pub bind_addr: SocketAddr,
    /// `DATA_DIR`, default `./data`; holds the SQLite file (unused with `DATABASE_URL`).
    pub data_dir: PathBuf,
    /// `DATABASE_URL` (a `postgres://` URL) and `DATABASE_MAX_CONNECTIONS` (default 16): store
    /// in PostgreSQL instead of SQLite, so several instances can share one database.
    pub postgres: Option<PostgresSettings>,
    /// `DIST_DIR`, default `./dist`; the release build of the app.
    pub dist_dir: PathBuf,
    /// `PUBLIC_URL`'s (or `PUBLIC_ORIGIN`'s) origin (e.g. `https://example.org`), when set; HSTS is
    /// sent when it is https.
    pub public_origin: Option<String>,
    /// `PARTNER_ORIGINS`, space-separated origins allowed to frame `/embed/...` and to post.
    pub partner_origins: Vec<String>,
    /// `PARTNERS` and `EMBED_UNKNOWN_PARTNER`: framing origins per partner id (see `crate::embed`).
    pub partners: crate::embed::Partners,
    /// `TRUSTED_PROXY`, space-separated proxy addresses whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpAddr>,
    /// `RATE_LIMIT_PER_MINUTE`, default 120; posts per client IP per minute (also the burst); 0 = off.
    pub rate_limit_per_minute: u32,
    /// `MAX_CONCURRENCY`, default 512; requests handled at once before shedding with 503.
    pub max_concurrency: usize,
    /// `REQUEST_TIMEOUT_SECS`, default 15.
    pub request_timeout: Duration,
    /// `BODY_TIMEOUT_SECS`, default 10: a request body not received whole by then gets 408.
    pub body_timeout: Duration,
    /// `HEADER_TIMEOUT_SECS`, default 10: a connection that has not sent a whole request head
    /// within this time is closed, on a new connection and between keep-alive requests (idle).
    pub header_timeout: Duration,
    /// `MAX_CONNECTIONS_PER_CLIENT`, default 64: open connections per peer IP (trusted proxies
    /// are exempt); more are closed at once.
    pub max_connections_per_client: usize,
    /// `MAX_REQUESTS_PER_CLIENT`, default 32: requests handled at once per client IP; more get 503
    /// at once, so one client cannot take every slot of `MAX_CONCURRENCY`.
    pub max_requests_per_client: usize,
    /// `RETENTION_DAYS`, default 365; what `server purge` deletes when given no `--older-than-days`.
    pub retention_days: u32,
}

/// Where the requests are stored.
#[derive(Clone, Copy, Debug)]
pub enum Database<'a> {
    /// One SQLite file in the data directory (the default: one machine).
    Sqlite { data_dir: &'a Path },
    /// A PostgreSQL database shared by every instance.
    Postgres(&'a PostgresSettings),
}

/// A variable that is set but cannot be read.
#[derive(Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub var: &'static str,
    pub value: String,
    pub expected: &'static str,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ConfigError {
            var,
            value,
            expected,
        } = self;
        write!(f, "{var}={value:?} is not valid: expected {expected}")
    }
}

impl std::error::Error for ConfigError {}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind_addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("./data"),
            postgres: None,
            dist_dir: PathBuf::from("./dist"),
            public_origin: None,
            partner_origins: Vec::new(),
            partners: crate::embed::Partners::default(),
            trusted_proxies: Vec::new(),
            rate_limit_per_minute: 120,
            max_concurrency: 512,
            request_timeout: Duration::from_secs(15),
            body_timeout: Duration::from_secs(10),
            header_timeout: Duration::from_secs(10),
            max_connections_per_client: 64,
            max_requests_per_client: 32,
            retention_days: 365,
        }
    }
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `get`, so tests need not touch the process environment.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let d = Config::default();
        let var = |name: &str| get(name).filter(|v| !v.trim().is_empty());
        Ok(Config {
            bind_addr: parse(var("BIND_ADDR"), "BIND_ADDR", "ip:port", d.bind_addr)?,
            data_dir: var("DATA_DIR").map(PathBuf::from).unwrap_or(d.data_dir),
            postgres: var("DATABASE_URL")
                .map(|url| {
                    let max_connections = parse(
                        var("DATABASE_MAX_CONNECTIONS"),
                        "DATABASE_MAX_CONNECTIONS",
                        "a number >= 1",
                        16usize,
                    )
                    .and_then(|n| positive(n, "DATABASE_MAX_CONNECTIONS"))?;
                    PostgresSettings::from_url(&url, max_connections)
                })
                .transpose()?,
            dist_dir: var("DIST_DIR").map(PathBuf::from).unwrap_or(d.dist_dir),
            public_origin: var("PUBLIC_URL")
                .or_else(|| var("PUBLIC_ORIGIN"))
                .map(|v| origin_of(&v).ok_or_else(|| bad("PUBLIC_URL", &v, "an http(s) URL")))
                .transpose()?,
            partner_origins: words(var("PARTNER_ORIGINS"))
                .map(|v| origin_of(&v).ok_or_else(|| bad("PARTNER_ORIGINS", &v, "http(s) origins")))
                .collect::<Result<_, _>>()?,
            partners: crate::embed::Partners::parse(
                var("PARTNERS").as_deref(),
                var("EMBED_UNKNOWN_PARTNER").as_deref(),
            )?,
            trusted_proxies: words(var("TRUSTED_PROXY"))
                .map(|v| {
                    v.parse()
                        .map_err(|_| bad("TRUSTED_PROXY", &v, "IP addresses"))
                })
                .collect::<Result<_, _>>()?,
            rate_limit_per_minute: parse(
                var("RATE_LIMIT_PER_MINUTE"),
                "RATE_LIMIT_PER_MINUTE",
                "a whole number (0 turns it off)",
                d.rate_limit_per_minute,
            )?,
            max_concurrency: count(var("MAX_CONCURRENCY"), "MAX_CONCURRENCY", d.max_concurrency)?,
            request_timeout: seconds(var("REQUEST_TIMEOUT_SECS"), "REQUEST_TIMEOUT_SECS", 15)?,
            body_timeout: seconds(var("BODY_TIMEOUT_SECS"), "BODY_TIMEOUT_SECS", 10)?,
            header_timeout: seconds(var("HEADER_TIMEOUT_SECS"), "HEADER_TIMEOUT_SECS", 10)?,
            max_connections_per_client: count(
                var("MAX_CONNECTIONS_PER_CLIENT"),
                "MAX_CONNECTIONS_PER_CLIENT",
                d.max_connections_per_client,
            )?,
            max_requests_per_client: count(
                var("MAX_REQUESTS_PER_CLIENT"),
                "MAX_REQUESTS_PER_CLIENT",
                d.max_requests_per_client,
            )?,
            retention_days: parse(
                var("RETENTION_DAYS"),
                "RETENTION_DAYS",
                "days",
                d.retention_days,
            )?,
        })
    }

    /// The database the store opens: PostgreSQL when `DATABASE_URL` is set, else SQLite.
    pub fn database(&self) -> Database<'_> {
        match &self.postgres {
            Some(settings) => Database::Postgres(settings),
            None => Database::Sqlite {
                data_dir: &self.data_dir,
            },
        }
    }

    /// The origin of the site's absolute URLs (sitemap, robots.txt): `PUBLIC_URL`, else
    /// `http://<BIND_ADDR>`.
    pub fn site_origin(&self) -> String {
        self.public_origin
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.bind_addr))
    }

    /// `PUBLIC_URL` names an https origin, so browsers may be told to insist on TLS.
    pub fn is_https(&self) -> bool {
        self.public_origin
            .as_deref()
            .is_some_and(|o| o.starts_with("https://"))
    }

    /// Origins whose pages may post to the API: our own (public URL and bind address) and partners'.
    pub fn allowed_origins(&self) -> Vec<String> {
        let port = self.bind_addr.port();
        let mut own = vec![format!("http://{}", self.bind_addr)];
        if self.bind_addr.ip().is_loopback() || self.bind_addr.ip().is_unspecified() {
            own.push(format!("http://localhost:{port}"));
            own.push(format!("http://127.0.0.1:{port}"));
        }
        own.extend(self.public_origin.iter().cloned());
        own.extend(self.partner_origins.iter().cloned());
        own
    }
}

fn parse<T: std::str::FromStr>(
    value: Option<String>,
    var: &'static str,
    expected: &'static str,
    default: T,
) -> Result<T, ConfigError> {
    match value {
        None => Ok(default),
        Some(v) => v.trim().parse().map_err(|_| bad(var, &v, expected)),
    }
}

fn count(value: Option<String>, var: &'static str, default: usize) -> Result<usize, ConfigError> {
    parse(value, var, "a number >= 1", default).and_then(|n| positive(n, var))
}

fn seconds(
    value: Option<String>,
    var: &'static str,
    default: u64,
) -> Result<Duration, ConfigError> {
    parse(value, var, "seconds >= 1", default)
        .and_then(|n| positive(n, var))
        .map(Duration::from_secs)
}

fn positive<T: PartialOrd + Default + ToString>(n: T, var: &'static str) -> Result<T, ConfigError> {
    if n > T::default() {
        Ok(n)
    } else {
        Err(bad(var, &n.to_string(), "a number >= 1"))
    }
}

fn words(value: Option<String>) -> impl Iterator<Item = String> {
    let list: Vec<String> = value
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    list.into_iter()
}

fn bad(var: &'static str, value: &str, expected: &'static str) -> ConfigError {
    ConfigError {
        var,
        value: value.to_owned(),
        expected,
    }
}

/// `scheme://host[:port]` of an http(s) URL, lower-cased, without path or trailing slash.
pub fn origin_of(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let host = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    let valid = (scheme == "http" || scheme == "https")
        && !host.is_empty()
        && !host.contains('@')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c));
    valid.then(|| format!("{scheme}://{host}"))
}
