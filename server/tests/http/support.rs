//! The test harness: a temporary dist directory with a fake build, a fresh database, the app built
//! from them, and one-line request helpers. The database is SQLite in a temporary directory, or,
//! when `TEST_DATABASE_URL` names a PostgreSQL database, a fresh schema in it, so the same tests
//! run against both backends (scripts/test runs them twice).

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use deadpool_postgres::tokio_postgres;
use http_body_util::BodyExt as _;
use server::config::PostgresSettings;
use server::store::ListedRequest;
use server::{AppState, Config};
use tempfile::TempDir;
use tower::ServiceExt as _;

pub const INLINE_LOADER: &str =
    "import init from '/app-0123456789abcdef.js';init('/app-0123456789abcdef_bg.wasm');";
pub const WASM: &[u8] = b"\0asm\x01\0\0\0 fake module bytes for the content type test";
pub const JS: &str =
    "export default function init() { /* a fake wasm-bindgen loader, long enough to compress */ }";
pub const CSS: &str =
    "body { margin: 0; padding: 0; font-family: system-ui, sans-serif; color: #111; }";

pub struct Harness {
    pub app: Router,
    pub state: AppState,
    pub data: TempDir,
    /// The PostgreSQL URL of this harness's own schema, when testing PostgreSQL.
    pub database_url: Option<String>,
    _dist: TempDir,
}

impl Harness {
    /// Every stored request, oldest first, through the store (either backend).
    pub async fn stored(&self) -> Vec<ListedRequest> {
        self.state.store.list(0).await.expect("list")
    }

    /// The environment that points a `server` process at this harness's database.
    pub fn database_env(&self) -> Vec<(&'static str, String)> {
        database_env(&self.data.path().join("data"), self.database_url.as_deref())
    }
}

pub async fn harness() -> Harness {
    harness_with(|_| {}).await
}

pub async fn harness_with(tweak: impl FnOnce(&mut Config)) -> Harness {
    let dist = fake_dist();
    let data = TempDir::new().expect("temp data dir");
    let database_url = fresh_postgres_schema().await;
    let mut config = Config {
        data_dir: data.path().join("data"),
        postgres: database_url.as_deref().map(postgres_settings),
        dist_dir: dist.path().to_path_buf(),
        rate_limit_per_minute: 0,
        ..Config::default()
    };
    tweak(&mut config);
    let state = AppState::new(config).await.expect("state");
    Harness {
        app: server::app(state.clone()),
        state,
        data,
        database_url,
        _dist: dist,
    }
}

/// True when the tests run against PostgreSQL (`TEST_DATABASE_URL` is set).
pub fn on_postgres() -> bool {
    std::env::var("TEST_DATABASE_URL").is_ok_and(|v| !v.is_empty())
}

/// A new, empty schema in the test database and a URL whose sessions use it; `None` on SQLite.
pub async fn fresh_postgres_schema() -> Option<String> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    if !on_postgres() {
        return None;
    }
    let base = std::env::var("TEST_DATABASE_URL").expect("set");
    let schema = format!(
        "t_{}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed),
        server::store::now_ms()
    );
    let (client, connection) = tokio_postgres::connect(&base, tokio_postgres::NoTls)
        .await
        .expect("TEST_DATABASE_URL connects");
    tokio::spawn(connection);
    client
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .await
        .expect("create schema");
    let separator = if base.contains('?') { '&' } else { '?' };
    Some(format!(
        "{base}{separator}options=-c%20search_path%3D{schema}"
    ))
}

/// A direct connection to the harness's PostgreSQL schema (for tests that hold locks).
pub async fn postgres_client(url: &str) -> tokio_postgres::Client {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .expect("connect");
    tokio::spawn(connection);
    client
}

fn postgres_settings(url: &str) -> PostgresSettings {
    PostgresSettings::from_url(url, 8).expect("a PostgreSQL URL")
}

/// A store on SQLite in `data_dir` or on PostgreSQL at `url`, as a `server` process would open it.
pub async fn open_store(data_dir: &std::path::Path, url: Option<&str>) -> server::store::Store {
    let config = Config {
        data_dir: data_dir.to_path_buf(),
        postgres: url.map(postgres_settings),
        ..Config::default()
    };
    server::store::Store::open(config.database())
        .await
        .expect("open the store")
}

/// The environment for a `server` process on SQLite in `data_dir` or on PostgreSQL at `url`.
pub fn database_env(data_dir: &std::path::Path, url: Option<&str>) -> Vec<(&'static str, String)> {
    let mut env = vec![("DATA_DIR", data_dir.display().to_string())];
    if let Some(url) = url {
        env.push(("DATABASE_URL", url.to_owned()));
    }
    env
}

fn fake_dist() -> TempDir {
    let dist = TempDir::new().expect("temp dist dir");
    let write =
        |name: &str, bytes: &[u8]| std::fs::write(dist.path().join(name), bytes).expect("write");
    let index = format!(
        "<!doctype html><html><head><link rel=\"stylesheet\" href=\"/style-0123456789abcdef.css\">\
         <script type=\"module\">{INLINE_LOADER}</script></head><body></body></html>"
    );
    write("index.html", index.as_bytes());
    write("app-0123456789abcdef_bg.wasm", WASM);
    write("app-0123456789abcdef.js", JS.as_bytes());
    write("app-0123456789abcdef.js.br", &brotli_of(JS.as_bytes()));
    write("app-0123456789abcdef.js.gz", &gzip_of(JS.as_bytes()));
    write("style-0123456789abcdef.css", CSS.as_bytes());
    write("manifest.webmanifest", b"{\"name\":\"app\"}");
    dist
}

/// `bytes` compressed as `scripts/precompress.sh` does it, with brotli.
pub fn brotli_of(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams::default();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli");
    out
}

/// `bytes` compressed with gzip.
pub fn gzip_of(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip")
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }

    /// Asserts the answer is an RFC 9457 problem with this status, and returns its body.
    #[track_caller]
    pub fn problem(&self, status: u16) -> serde_json::Value {
        assert_eq!(
            self.status.as_u16(),
            status,
            "body: {}",
            String::from_utf8_lossy(&self.body)
        );
        assert_eq!(self.header("content-type"), "application/problem+json");
        let body = self.json();
        assert_eq!(body["status"], status);
        assert!(
            body["type"].is_string() && body["title"].is_string() && body["detail"].is_string()
        );
        body
    }
}

/// Sends `request` (with `Host: localhost`, as every HTTP/1.1 client sends one, unless it has one).
pub async fn send(app: &Router, mut request: Request<Body>) -> Answer {
    if !request.headers().contains_key("host") {
        request
            .headers_mut()
            .insert("host", axum::http::HeaderValue::from_static("localhost"));
    }
    send_as_is(app, request).await
}

/// Sends `request` exactly as built.
pub async fn send_as_is(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.expect("infallible");
    let (parts, body) = response.into_parts();
    let body = body.collect().await.expect("body").to_bytes().to_vec();
    Answer {
        status: parts.status,
        headers: parts.headers,
        body,
    }
}

pub fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).expect("request")
}

pub fn get_with(path: &str, header: (&str, &str)) -> Request<Body> {
    Request::get(path)
        .header(header.0, header.1)
        .body(Body::empty())
        .expect("request")
}

/// The fixture body with `key` as idempotency key (body and header) and a reference made from `n`.
pub fn valid_body(key: &str, n: u32) -> serde_json::Value {
    let mut body: serde_json::Value =
        serde_json::from_str(include_str!("request.json")).expect("fixture");
    body["idempotency_key"] = key.into();
    body["reference"] = reference(n).into();
    body
}

/// A valid reference, distinct for each `n`.
pub fn reference(n: u32) -> String {
    const CROCKFORD: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut code = String::new();
    let mut x = n;
    for _ in 0..8 {
        code.push(char::from(CROCKFORD[(x % 32) as usize]));
        x /= 32;
    }
    format!("CT-{code}")
}

/// A UUID-shaped key distinct for each `n`.
pub fn key(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012x}")
}

/// Sends `body` with `key` `times` times at once, spread over `apps`; each answer is 201 or 409.
/// Returns how many were 201.
pub async fn post_at_once(
    apps: &[&Router],
    times: usize,
    key: &str,
    body: &serde_json::Value,
) -> usize {
    let tasks: Vec<_> = (0..times)
        .map(|i| {
            let app = apps[i % apps.len()].clone();
            let (key, body) = (key.to_owned(), body.clone());
            tokio::spawn(async move { send(&app, post_json(Some(&key), &body)).await.status })
        })
        .collect();
    let mut created = 0;
    for t in tasks {
        let status = t.await.expect("task");
        assert!(status == 201 || status == 409, "{status}");
        created += usize::from(status == 201);
    }
    created
}

pub fn post_json(key: Option<&str>, body: &serde_json::Value) -> Request<Body> {
    post_raw(
        key,
        "application/json",
        serde_json::to_vec(body).expect("json"),
    )
}

pub fn post_raw(key: Option<&str>, content_type: &str, body: Vec<u8>) -> Request<Body> {
    let mut builder = Request::post("/api/requests").header("content-type", content_type);
    if let Some(key) = key {
        builder = builder.header("idempotency-key", key);
    }
    builder.body(Body::from(body)).expect("request")
}
