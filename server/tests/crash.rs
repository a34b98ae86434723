//! Crash test: the real binary on a loopback port, concurrent clients with unique Idempotency-Keys,
//! `kill -9` at a random moment, restart, retry everything unacknowledged with the same keys; after
//! the rounds every acknowledged request is stored exactly once and the database checks out
//! (SQLite's `integrity_check`). On PostgreSQL when `TEST_DATABASE_URL` is set.
//!
//! The moments of the kills come from a seed: `CRASH_SEED` when set (to replay a failure), else
//! one from the clock. The test prints it first, so a failing run's output names it:
//! `CRASH_SEED=12345 cargo test -p server --test crash`. The same seed gives the same kill delays;
//! which requests are in flight at a kill still depends on the machine.

#[path = "http/support.rs"]
#[allow(dead_code)] // shared with the oneshot tests; this test uses the body and database helpers
mod support;

use http_body_util::{BodyExt as _, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROUNDS: usize = 10;
const CLIENTS: u32 = 8;
const PER_CLIENT_PER_ROUND: u32 = 30;

type HttpClient =
    Client<hyper_util::client::legacy::connect::HttpConnector, Full<axum::body::Bytes>>;

struct Server {
    child: Child,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(port: u16, database: &[(&str, String)], dist: &std::path::Path) -> Server {
    let child = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("BIND_ADDR", format!("127.0.0.1:{port}"))
        .env_remove("DATABASE_URL")
        .envs(database.iter().map(|(k, v)| (k, v)))
        .env("DIST_DIR", dist)
        .env("RATE_LIMIT_PER_MINUTE", "0")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn the server");
    Server { child }
}

/// Waits for the health answer. The limit is only a stop for a server that never comes up, far
/// beyond a start on a busy machine (a start is well under a second on a quiet one).
async fn wait_ready(client: &HttpClient, port: u16) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        let uri = format!("http://127.0.0.1:{port}/api/health");
        if let Ok(r) = client.get(uri.parse().expect("uri")).await
            && r.status() == 200
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the server did not start");
}

/// Posts one request; `Some(reference)` when acknowledged with 201.
async fn post(client: &HttpClient, port: u16, n: u32) -> Option<String> {
    let body = serde_json::to_vec(&support::valid_body(&support::key(n), n)).expect("json");
    let request = axum::http::Request::post(format!("http://127.0.0.1:{port}/api/requests"))
        .header("content-type", "application/json")
        .header("idempotency-key", support::key(n))
        .body(Full::from(body))
        .expect("request");
    let response = tokio::time::timeout(Duration::from_secs(5), client.request(request))
        .await
        .ok()?
        .ok()?;
    let status = response.status();
    let bytes = response.into_body().collect().await.ok()?.to_bytes();
    if status == 201 {
        let answer: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
        return answer["reference"].as_str().map(str::to_owned);
    }
    assert!(
        status == 409 || status == 503,
        "unexpected {status}: {}",
        String::from_utf8_lossy(&bytes)
    );
    None
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("port")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_under_load_loses_and_duplicates_nothing() {
    let seed = crash_seed();
    eprintln!("crash test seed: CRASH_SEED={seed}");
    let data = tempfile::TempDir::new().expect("data");
    let url = support::fresh_postgres_schema().await;
    let database = support::database_env(data.path(), url.as_deref());
    let dist = tempfile::TempDir::new().expect("dist");
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>t</title>",
    )
    .expect("index");
    let client: HttpClient = Client::builder(TokioExecutor::new()).build_http();
    let mut state = seed | 1;
    let mut random = move |below: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % below
    };
    let acked: Arc<Mutex<HashMap<u32, String>>> = Arc::default();
    let mut next = 0u32;
    let mut pending: Vec<u32> = Vec::new();
    let mut interrupted = 0;
    for round in 0..=ROUNDS {
        let port = free_port();
        let mut server = start(port, &database, dist.path());
        wait_ready(&client, port).await;
        pending.extend(next..next + CLIENTS * PER_CLIENT_PER_ROUND);
        next += CLIENTS * PER_CLIENT_PER_ROUND;
        let work: Vec<Vec<u32>> = (0..CLIENTS as usize)
            .map(|c| {
                pending
                    .iter()
                    .copied()
                    .skip(c)
                    .step_by(CLIENTS as usize)
                    .collect()
            })
            .collect();
        let tasks: Vec<_> = work
            .into_iter()
            .map(|ns| {
                let (client, acked) = (client.clone(), Arc::clone(&acked));
                tokio::spawn(async move {
                    for n in ns {
                        if let Some(reference) = post(&client, port, n).await {
                            acked.lock().expect("lock").insert(n, reference);
                        }
                    }
                })
            })
            .collect();
        if round < ROUNDS {
            tokio::time::sleep(Duration::from_millis(20 + random(200))).await;
            server.child.kill().expect("kill -9");
            let _ = server.child.wait();
        }
        for t in tasks {
            t.await.expect("client task");
        }
        drop(server);
        let acked_now = acked.lock().expect("lock");
        pending.retain(|n| !acked_now.contains_key(n));
        interrupted += usize::from(!pending.is_empty());
    }
    eprintln!(
        "{interrupted} of {ROUNDS} kills left requests unacknowledged; {} acknowledged",
        next
    );
    assert!(
        interrupted > 0,
        "no kill hit a request in flight; the test proved nothing (CRASH_SEED={seed})"
    );
    // The last round ran without a kill, so every request is acknowledged by now.
    assert!(
        pending.is_empty(),
        "{} never acknowledged (CRASH_SEED={seed})",
        pending.len()
    );

    let store = support::open_store(data.path(), url.as_deref()).await;
    store.check().await.expect("the database checks out");
    let mut stored: HashMap<String, usize> = HashMap::new();
    for row in store.list(0).await.expect("list") {
        *stored.entry(row.reference).or_default() += 1;
    }
    let acked = acked.lock().expect("lock");
    for reference in acked.values() {
        let n = stored.get(reference).copied().unwrap_or(0);
        assert_eq!(n, 1, "{reference} stored {n} times (CRASH_SEED={seed})");
    }
    assert_eq!(
        stored.values().sum::<usize>(),
        acked.len(),
        "nothing stored that was never sent (CRASH_SEED={seed})"
    );
}

/// `CRASH_SEED` when set, else a seed from the clock. A set but unreadable value stops the test
/// rather than silently running another seed.
fn crash_seed() -> u64 {
    match std::env::var("CRASH_SEED") {
        Ok(value) if !value.trim().is_empty() => value
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("CRASH_SEED={value:?} is not a number (u64)")),
        _ => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1),
    }
}
