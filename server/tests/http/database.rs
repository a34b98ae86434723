//! What each backend refuses and how instances sharing one database take turns: a schema newer
//! than the server, a key another instance is storing right now, and instances starting together.

use crate::support::*;

/// A database written by a newer server is never written by this one.
#[tokio::test]
async fn a_newer_schema_refuses_to_start() {
    let h = harness().await;
    match &h.database_url {
        Some(url) => {
            postgres_client(url)
                .await
                .batch_execute("INSERT INTO intake_schema_version (version) VALUES (99)")
                .await
                .expect("bump");
        }
        None => {
            let db = server::store::database_path(&h.data.path().join("data"));
            rusqlite::Connection::open(db)
                .and_then(|c| c.pragma_update(None, "user_version", 99))
                .expect("bump");
        }
    }
    let config = h.state.config.clone();
    let refused = server::AppState::new(config).await.expect_err("too new");
    assert!(refused.to_string().contains("99"), "{refused}");
}

/// Another instance holding the key's lock (PostgreSQL's advisory lock, taken by every insert)
/// gets 409 with Retry-After, as a second request in the same process does.
#[tokio::test]
async fn a_key_another_instance_is_storing_is_409() {
    let h = harness().await;
    let Some(url) = &h.database_url else {
        eprintln!("SQLite: one process writes, and its in-flight set answers 409 (idempotency.rs)");
        return;
    };
    let other = postgres_client(url).await;
    // The lock an insert takes (`store::KEY_LOCK`), held by another session of the same schema.
    other.batch_execute("BEGIN").await.expect("begin");
    other
        .execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || '/' || $1, 0))",
            &[&key(1)],
        )
        .await
        .expect("lock");
    let a = send(&h.app, post_json(Some(&key(1)), &valid_body(&key(1), 1))).await;
    a.problem(409);
    assert_eq!(a.header("retry-after"), "1");
    other.batch_execute("ROLLBACK").await.expect("unlock");
    let again = send(&h.app, post_json(Some(&key(1)), &valid_body(&key(1), 1))).await;
    assert_eq!(again.status, 201);
}

/// Instances starting at once on a new database migrate it once, in turn.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instances_starting_together_migrate_once() {
    let data = tempfile::TempDir::new().expect("tmp");
    let url = fresh_postgres_schema().await;
    let opens: Vec<_> = (0..4)
        .map(|_| {
            let (dir, url) = (data.path().to_path_buf(), url.clone());
            tokio::spawn(async move { open_store(&dir, url.as_deref()).await })
        })
        .collect();
    for open in opens {
        open.await.expect("opened").check().await.expect("sound");
    }
}

/// PostgreSQL out of reach (the network to it cut, then restored): the intake answers 503 with
/// Retry-After, never 500 and never a 201 it did not store; the client's retry, once the database
/// is back, stores the request once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_outage_is_503_and_the_retry_stores_once() {
    let Some(url) = fresh_postgres_schema().await else {
        eprintln!("SQLite has no connection to lose");
        return;
    };
    let proxy = cut::Proxy::start(&url).await;
    let h = harness_with(|c| {
        c.postgres = Some(server::config::PostgresSettings::from_url(&proxy.url, 2).expect("url"));
    })
    .await;
    let post = |n: u32| post_json(Some(&key(n)), &valid_body(&key(n), n));
    assert_eq!(send(&h.app, post(1)).await.status, 201);

    proxy.cut();
    let a = send(&h.app, post(2)).await;
    a.problem(503);
    assert_eq!(a.header("retry-after"), "1");

    proxy.restore();
    let retry = send(&h.app, post(2)).await;
    assert_eq!(
        retry.status,
        201,
        "{}",
        String::from_utf8_lossy(&retry.body)
    );
    assert_eq!(retry.header("idempotent-replayed"), "");
    let references: Vec<String> = h.stored().await.into_iter().map(|r| r.reference).collect();
    assert_eq!(references, [reference(1), reference(2)]);
}

mod cut {
    //! A loopback TCP proxy to PostgreSQL that a test can cut (every connection dropped, new ones
    //! closed at once) and restore.

    use deadpool_postgres::tokio_postgres::config::Host;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use tokio::net::{TcpListener, TcpStream};
    use tokio::sync::watch;

    pub struct Proxy {
        /// `url` with the proxy's address in place of the database's.
        pub url: String,
        open: Arc<AtomicBool>,
        cuts: watch::Sender<u32>,
    }

    impl Proxy {
        pub async fn start(url: &str) -> Proxy {
            let config: deadpool_postgres::tokio_postgres::Config = url.parse().expect("url");
            let Some(Host::Tcp(host)) = config.get_hosts().first().cloned() else {
                panic!("a TCP host in TEST_DATABASE_URL");
            };
            let port = config.get_ports().first().copied().unwrap_or(5432);
            let upstream = format!("{host}:{port}");
            let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
            let local = listener.local_addr().expect("addr");
            let open = Arc::new(AtomicBool::new(true));
            let (cuts, _) = watch::channel(0);
            let proxy = Proxy {
                url: url.replacen(&upstream, &local.to_string(), 1),
                open: Arc::clone(&open),
                cuts: cuts.clone(),
            };
            tokio::spawn(async move {
                while let Ok((mut inbound, _)) = listener.accept().await {
                    if !open.load(Ordering::SeqCst) {
                        continue; // dropped: closed at once
                    }
                    let upstream = upstream.clone();
                    let mut cut = cuts.subscribe();
                    tokio::spawn(async move {
                        let Ok(mut outbound) = TcpStream::connect(&upstream).await else {
                            return;
                        };
                        tokio::select! {
                            _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                            _ = cut.changed() => {}
                        }
                    });
                }
            });
            proxy
        }

        pub fn cut(&self) {
            self.open.store(false, Ordering::SeqCst);
            self.cuts.send_modify(|n| *n += 1);
        }

        pub fn restore(&self) {
            self.open.store(true, Ordering::SeqCst);
        }
    }
}
