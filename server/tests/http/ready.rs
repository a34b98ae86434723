//! Readiness: `/api/ready` answers 200 only while the database takes a write-path check.

use crate::support::*;

#[tokio::test]
async fn ready_when_the_database_takes_writes() {
    let h = harness().await;
    let a = send(&h.app, get("/api/ready")).await;
    assert_eq!(a.status, 200, "{}", String::from_utf8_lossy(&a.body));
    assert_eq!(a.json()["status"], "ready");
    assert_eq!(a.header("cache-control"), "no-store");
}

/// A TCP relay on loopback between the server and PostgreSQL that the test can cut and restore:
/// "the database goes away" as an instance sees it, without stopping the shared test cluster.
struct Relay {
    port: u16,
    target: std::net::SocketAddr,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl Relay {
    async fn start(target: std::net::SocketAddr) -> Relay {
        for port in 18150..18200 {
            if let Ok(listener) = tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
                let mut relay = Relay {
                    port,
                    target,
                    task: None,
                };
                relay.serve(listener);
                return relay;
            }
        }
        panic!("no free port in 18150-18199");
    }

    fn serve(&mut self, listener: tokio::net::TcpListener) {
        let target = self.target;
        self.task = Some(tokio::spawn(async move {
            let mut pipes = tokio::task::JoinSet::new();
            while let Ok((mut client, _)) = listener.accept().await {
                pipes.spawn(async move {
                    if let Ok(mut db) = tokio::net::TcpStream::connect(target).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut db).await;
                    }
                });
            }
        }));
    }

    /// Closes every relayed connection and refuses new ones.
    async fn cut(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            let _ = task.await;
        }
    }

    async fn restore(&mut self) {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port))
            .await
            .expect("the relay's port again");
        self.serve(listener);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn not_ready_while_postgres_is_away_and_ready_again_after() {
    if !on_postgres() {
        return;
    }
    let schema_url = fresh_postgres_schema().await.expect("a schema");
    let config: deadpool_postgres::tokio_postgres::Config = schema_url.parse().expect("url");
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let mut relay = Relay::start(std::net::SocketAddr::from(([127, 0, 0, 1], port))).await;
    let via_relay = schema_url.replacen(&format!(":{port}/"), &format!(":{}/", relay.port), 1);
    let h = harness_with(|c| {
        c.postgres = Some(server::config::PostgresSettings::from_url(&via_relay, 4).expect("url"));
    })
    .await;
    assert_eq!(send(&h.app, get("/api/ready")).await.status, 200);
    relay.cut().await;
    let a = send(&h.app, get("/api/ready")).await;
    a.problem(503);
    assert!(!a.header("retry-after").is_empty());
    // Posts meanwhile are 503 with Retry-After too, never 500.
    let p = send(&h.app, post_json(Some(&key(1)), &valid_body(&key(1), 1))).await;
    p.problem(503);
    relay.restore().await;
    let mut status = 0;
    for _ in 0..100 {
        status = send(&h.app, get("/api/ready")).await.status.as_u16();
        if status == 200 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(status, 200, "ready again once the database is back");
}
