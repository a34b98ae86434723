//! Load benchmark, bounded in time: starts the release server on a loopback port with a fresh data
//! directory (synchronous=FULL as always), then measures acknowledged requests/s with a closed
//! loop of concurrent clients and p50/p99 latency at fixed offered rates (open loop, latency from
//! the scheduled send time, so a stall is not hidden). Every request has its own Idempotency-Key.
//!
//! With `DATABASE_URL` set, the server under test stores in that PostgreSQL database instead (the
//! keys start from the clock, so runs do not replay each other's requests).
//!
//! cargo build --release -p server && cargo run --release -p server --example load
//! DATABASE_URL=postgres://... cargo run --release -p server --example load

use http_body_util::{BodyExt as _, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

type HttpClient = Client<HttpConnector, Full<axum::body::Bytes>>;

const FIXTURE: &str = include_str!("../tests/http/request.json");
const CROCKFORD: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
static NEXT: AtomicU32 = AtomicU32::new(0);

fn body_for(n: u32) -> (String, Vec<u8>) {
    let key = format!("00000000-0000-4000-8000-{n:012x}");
    let code: String = (0..8)
        .map(|i| char::from(CROCKFORD[((n >> (i * 5)) & 31) as usize]))
        .collect();
    let mut body: serde_json::Value = serde_json::from_str(FIXTURE).unwrap_or_default();
    body["idempotency_key"] = key.clone().into();
    body["reference"] = format!("CT-{code}").into();
    (key, serde_json::to_vec(&body).unwrap_or_default())
}

/// Sends one request; the latency when it was acknowledged with 201.
async fn one(client: &HttpClient, url: &str, since: Instant) -> Option<Duration> {
    let (key, body) = body_for(NEXT.fetch_add(1, Ordering::Relaxed));
    let request = axum::http::Request::post(url)
        .header("content-type", "application/json")
        .header("idempotency-key", key)
        .body(Full::from(body))
        .ok()?;
    let response = client.request(request).await.ok()?;
    let ok = response.status() == 201;
    response.into_body().collect().await.ok()?;
    ok.then(|| since.elapsed())
}

fn report(label: &str, seconds: f64, sent: usize, mut latencies: Vec<Duration>) {
    latencies.sort();
    let pct = |p: f64| {
        let i = ((latencies.len() as f64 * p).ceil() as usize).saturating_sub(1);
        latencies
            .get(i)
            .map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "{label:<28} sent {sent:>6}  acknowledged {:>6} ({:>7.0}/s)  p50 {:>7.2} ms  p99 {:>7.2} ms",
        latencies.len(),
        latencies.len() as f64 / seconds,
        pct(0.50),
        pct(0.99)
    );
}

async fn closed_loop(client: &HttpClient, url: &str, concurrency: usize, seconds: u64) {
    let end = Instant::now() + Duration::from_secs(seconds);
    let tasks: Vec<_> = (0..concurrency)
        .map(|_| {
            let (client, url) = (client.clone(), url.to_owned());
            tokio::spawn(async move {
                let (mut sent, mut lat) = (0, Vec::new());
                while Instant::now() < end {
                    sent += 1;
                    lat.extend(one(&client, &url, Instant::now()).await);
                }
                (sent, lat)
            })
        })
        .collect();
    let (mut sent, mut lat) = (0, Vec::new());
    for t in tasks {
        if let Ok((s, l)) = t.await {
            sent += s;
            lat.extend(l);
        }
    }
    report(
        &format!("closed loop, {concurrency} clients"),
        seconds as f64,
        sent,
        lat,
    );
}

async fn open_loop(client: &HttpClient, url: &str, rate: u64, seconds: u64) {
    let start = Instant::now();
    let total = rate * seconds;
    let mut tasks = Vec::with_capacity(total as usize);
    for i in 0..total {
        let at = start + Duration::from_nanos(i * 1_000_000_000 / rate);
        tokio::time::sleep_until(at.into()).await;
        let (client, url) = (client.clone(), url.to_owned());
        tasks.push(tokio::spawn(async move {
            tokio::time::timeout(Duration::from_secs(5), one(&client, &url, at))
                .await
                .ok()
                .flatten()
        }));
    }
    let mut lat = Vec::new();
    for t in tasks {
        if let Ok(Some(l)) = t.await {
            lat.push(l);
        }
    }
    report(
        &format!("offered {rate} req/s"),
        seconds as f64,
        total as usize,
        lat,
    );
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let exe = std::env::current_exe()?;
    let server = exe
        .parent()
        .and_then(|d| d.parent())
        .map(|d| d.join("server"))
        .ok_or("no target dir")?;
    let data = std::env::temp_dir().join(format!("intake-load-{}", std::process::id()));
    let postgres = std::env::var("DATABASE_URL").is_ok_and(|u| !u.is_empty());
    let clock = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?;
    NEXT.store(
        u32::try_from(clock.as_secs() & 0xffff).unwrap_or(0) << 16,
        Ordering::Relaxed,
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let mut child = Command::new(&server)
        .env("BIND_ADDR", format!("127.0.0.1:{port}"))
        .env("DATA_DIR", &data)
        .env("DIST_DIR", &data)
        .env("RATE_LIMIT_PER_MINUTE", "0")
        .env("MAX_CONCURRENCY", "4096")
        // One load client on one address stands for many clients: the per-client caps are lifted
        // as the rate limit and the concurrency limit are.
        .env("MAX_REQUESTS_PER_CLIENT", "4096")
        .env("MAX_CONNECTIONS_PER_CLIENT", "1000000")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| {
            format!(
                "cannot start {}: {e} (cargo build --release -p server first)",
                server.display()
            )
        })?;
    let client: HttpClient = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(256)
        .build_http();
    let url = format!("http://127.0.0.1:{port}/api/requests");
    let health: axum::http::Uri = format!("http://127.0.0.1:{port}/api/health").parse()?;
    let ready = Instant::now() + Duration::from_secs(10);
    while client.get(health.clone()).await.is_err() && Instant::now() < ready {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    println!(
        "server {} (release), {}, 2 cores shared with this client",
        server.display(),
        if postgres {
            "PostgreSQL at DATABASE_URL".to_owned()
        } else {
            format!("SQLite in {}", data.display())
        }
    );
    closed_loop(&client, &url, 64, 5).await;
    for rate in [250, 500, 1000] {
        open_loop(&client, &url, rate, 5).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    if postgres {
        // PostgreSQL groups commits itself; there is no batch to count here.
        return Ok(());
    }
    // Each group commit stamps its batch with one receipt time, so distinct times count commits
    // (two commits within one millisecond count once, so this is a lower bound).
    let db = rusqlite::Connection::open(server::store::database_path(&data))?;
    let (rows, commits): (i64, i64) = db.query_row(
        "SELECT count(*), count(DISTINCT received_at) FROM requests",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mean = rows as f64 / commits.max(1) as f64;
    println!("{rows} requests stored in about {commits} transactions (mean batch {mean:.1})");
    drop(db);
    let _ = std::fs::remove_dir_all(&data);
    Ok(())
}
