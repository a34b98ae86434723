//! Limits: the Origin check on writes, the per-IP rate limit, load shedding.

use crate::support::*;
use axum::extract::ConnectInfo;
use std::net::SocketAddr;

fn post_from(origin: Option<&str>, n: u32) -> axum::http::Request<axum::body::Body> {
    let mut r = post_json(Some(&key(n)), &valid_body(&key(n), n));
    if let Some(origin) = origin {
        r.headers_mut()
            .insert("origin", origin.parse().expect("header"));
    }
    r
}

#[tokio::test]
async fn foreign_origins_are_403() {
    let h = harness_with(|c| c.partner_origins = vec!["https://clinic.example".into()]).await;
    for origin in ["https://evil.example", "null", "http://127.0.0.1:9999"] {
        send(&h.app, post_from(Some(origin), 1)).await.problem(403);
    }
    for (n, origin) in [
        (1, None),
        (2, Some("http://127.0.0.1:8080")),
        (3, Some("http://localhost:8080")),
        (4, Some("https://clinic.example")),
    ] {
        assert_eq!(
            send(&h.app, post_from(origin, n)).await.status,
            201,
            "{origin:?}"
        );
    }
}

#[tokio::test]
async fn public_url_is_our_origin() {
    let h = harness_with(|c| c.public_origin = Some("https://requests.example".into())).await;
    assert_eq!(
        send(&h.app, post_from(Some("https://requests.example"), 1))
            .await
            .status,
        201
    );
}

fn from_ip(
    mut r: axum::http::Request<axum::body::Body>,
    ip: [u8; 4],
    forwarded: Option<&str>,
) -> axum::http::Request<axum::body::Body> {
    r.extensions_mut()
        .insert(ConnectInfo(SocketAddr::from((ip, 40000))));
    if let Some(f) = forwarded {
        r.headers_mut()
            .insert("x-forwarded-for", f.parse().expect("header"));
    }
    r
}

#[tokio::test]
async fn rate_limit_is_per_ip_with_retry_after() {
    let h = harness_with(|c| c.rate_limit_per_minute = 2).await;
    for n in 0..2 {
        assert_eq!(
            send(&h.app, from_ip(post_from(None, n), [10, 0, 0, 1], None))
                .await
                .status,
            201
        );
    }
    let a = send(&h.app, from_ip(post_from(None, 2), [10, 0, 0, 1], None)).await;
    a.problem(429);
    assert_eq!(a.header("retry-after"), "30");
    assert_eq!(
        send(&h.app, from_ip(post_from(None, 3), [10, 0, 0, 2], None))
            .await
            .status,
        201
    );
    // Without a trusted proxy, X-Forwarded-For changes nothing.
    let spoofed = from_ip(post_from(None, 4), [10, 0, 0, 1], Some("203.0.113.9"));
    send(&h.app, spoofed).await.problem(429);
    // Reading pages is never limited.
    assert_eq!(
        send(&h.app, from_ip(get("/"), [10, 0, 0, 1], None))
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn forwarded_for_is_trusted_only_from_the_proxy() {
    let h = harness_with(|c| {
        c.rate_limit_per_minute = 1;
        c.trusted_proxies = vec!["10.0.0.9".parse().expect("ip")];
    })
    .await;
    let via_proxy = |n, client: &str| from_ip(post_from(None, n), [10, 0, 0, 9], Some(client));
    assert_eq!(send(&h.app, via_proxy(0, "203.0.113.1")).await.status, 201);
    assert_eq!(send(&h.app, via_proxy(1, "203.0.113.2")).await.status, 201);
    send(&h.app, via_proxy(2, "198.51.100.7, 203.0.113.1"))
        .await
        .problem(429);
}

#[tokio::test]
async fn overload_is_shed_with_503() {
    let h = harness_with(|c| c.max_concurrency = 1).await;
    let _busy = h.state.shedder.try_hold().expect("a free slot");
    let a = send(&h.app, get("/api/health")).await;
    a.problem(503);
    assert_eq!(a.header("retry-after"), "1");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_requests_time_out_with_503_and_the_retry_replays() {
    let h = harness_with(|c| c.request_timeout = std::time::Duration::from_secs(1)).await;
    // Another session holds the requests table, so the insert waits past the request's deadline.
    let blocker = hold_writes(&h).await;
    let a = send(&h.app, post_from(None, 1)).await;
    let p = a.problem(503);
    assert_eq!(p["type"], "/problems/timeout");
    assert_eq!(a.header("retry-after"), "1");
    blocker.release().await;
    // The insert goes on without its client and commits; the retry with the same key gets that
    // answer. Waited for by its row, not for a fixed time: on a busy machine the commit may take
    // seconds (the limit only stops a run that would otherwise hang).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while h.stored().await.is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "the insert never committed"
        );
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let retry = send(&h.app, post_from(None, 1)).await;
    assert_eq!(retry.status, 201);
    assert_eq!(retry.header("idempotent-replayed"), "true");
    assert_eq!(h.stored().await.len(), 1);
}

/// A session of its own that holds the write lock until released.
enum WriteLock {
    Sqlite(rusqlite::Connection),
    Postgres(deadpool_postgres::tokio_postgres::Client),
}

async fn hold_writes(h: &Harness) -> WriteLock {
    if let Some(url) = &h.database_url {
        let client = postgres_client(url).await;
        client
            .batch_execute("BEGIN; LOCK TABLE requests IN EXCLUSIVE MODE")
            .await
            .expect("lock");
        return WriteLock::Postgres(client);
    }
    let db = server::store::database_path(&h.data.path().join("data"));
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute_batch("BEGIN IMMEDIATE").expect("lock");
    WriteLock::Sqlite(conn)
}

impl WriteLock {
    async fn release(self) {
        match self {
            WriteLock::Sqlite(conn) => conn.execute_batch("ROLLBACK").expect("unlock"),
            WriteLock::Postgres(client) => client.batch_execute("ROLLBACK").await.expect("unlock"),
        }
    }
}

#[tokio::test]
async fn two_instances_on_one_postgres_share_one_limit() {
    if !on_postgres() {
        return;
    }
    let first = harness_with(|c| c.rate_limit_per_minute = 2).await;
    let url = first.database_url.clone().expect("postgres");
    let second = harness_with(|c| {
        c.rate_limit_per_minute = 2;
        c.postgres = Some(server::config::PostgresSettings::from_url(&url, 4).expect("url"));
    })
    .await;
    let client = [10, 0, 0, 1];
    assert_eq!(
        send(&first.app, from_ip(post_from(None, 0), client, None))
            .await
            .status,
        201
    );
    assert_eq!(
        send(&second.app, from_ip(post_from(None, 1), client, None))
            .await
            .status,
        201
    );
    for app in [&first.app, &second.app] {
        let a = send(app, from_ip(post_from(None, 2), client, None)).await;
        a.problem(429);
        assert_eq!(a.header("retry-after"), "30");
    }
    // Another client has its own bucket.
    let other = from_ip(post_from(None, 3), [10, 0, 0, 2], None);
    assert_eq!(send(&second.app, other).await.status, 201);
}
