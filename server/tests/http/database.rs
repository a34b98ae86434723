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
    other
        .batch_execute(&format!(
            "BEGIN; SELECT pg_advisory_xact_lock(hashtextextended('{}', 0))",
            key(1)
        ))
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
