//! The staff tools on a real database (either backend): list, export (CSV and JSON, since a date),
//! delete, purge and backup, after requests went in through the HTTP surface.

use crate::support::*;
use server::store::{self, ExportFormat};

async fn stored(n: u32) -> Harness {
    let h = harness().await;
    for i in 0..n {
        let a = send(&h.app, post_json(Some(&key(i)), &valid_body(&key(i), i))).await;
        assert_eq!(a.status, 201);
    }
    h
}

#[tokio::test]
async fn list_and_export_since() {
    let h = stored(3).await;
    let s = &h.state.store;
    assert_eq!(s.list(0).await.expect("list").len(), 3);
    assert!(
        s.list(store::now_ms() + 60_000)
            .await
            .expect("list")
            .is_empty()
    );
    let csv = s.export(0, ExportFormat::Csv).await.expect("csv");
    assert_eq!(csv.lines().count(), 4, "header and three rows");
    assert!(csv.starts_with("\"reference\",\"received_at\""));
    let json: serde_json::Value =
        serde_json::from_str(&s.export(0, ExportFormat::Json).await.expect("json")).expect("valid");
    assert_eq!(json.as_array().map(Vec::len), Some(3));
    assert_eq!(json[0]["request"]["patient"]["age_group"], "adult");
}

#[tokio::test]
async fn delete_one_request() {
    let h = stored(2).await;
    let s = &h.state.store;
    assert!(s.delete(&reference(0)).await.expect("delete"));
    assert!(!s.delete(&reference(0)).await.expect("delete again"));
    assert_eq!(s.list(0).await.expect("list").len(), 1);
    s.check().await.expect("consistent after a delete");
}

#[tokio::test]
async fn purge_by_age_keeps_recent_requests_and_keys() {
    let h = stored(2).await;
    let s = &h.state.store;
    assert_eq!(s.purge(30, store::now_ms()).await.expect("purge"), (0, 0));
    let later = store::now_ms() + 31 * 24 * 3600 * 1000;
    assert_eq!(
        s.purge(30, later).await.expect("purge"),
        (2, 0),
        "keys outlive requests"
    );
    let much_later = store::now_ms() + 36 * 24 * 3600 * 1000;
    assert_eq!(s.purge(30, much_later).await.expect("purge"), (0, 2));
}

#[tokio::test]
async fn backup_is_a_consistent_copy() {
    let h = stored(2).await;
    let s = &h.state.store;
    let path = h.data.path().join("backup.sqlite3");
    if on_postgres() {
        let refused = s.backup(&path).await.expect_err("pg_dump's job");
        assert!(refused.to_string().contains("pg_dump"), "{refused}");
        return;
    }
    s.backup(&path).await.expect("backup");
    assert!(s.backup(&path).await.is_err(), "never overwrites");
    let copy = rusqlite::Connection::open(&path).expect("open copy");
    store::integrity_check(&copy).expect("intact");
    let n: i64 = copy
        .query_row("SELECT count(*) FROM requests", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 2);
}

/// Two servers on one database (what a load balancer does with PostgreSQL; SQLite allows it on
/// one machine): the same key sent to both at once is stored once, and each replays the other's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_share_one_database() {
    let first = harness().await;
    let second = harness_with(|c| {
        c.data_dir = first.data.path().join("data");
        c.postgres = first.state.config.postgres.clone();
    })
    .await;
    let body = valid_body(&key(1), 1);
    let created = post_at_once(&[&first.app, &second.app], 16, &key(1), &body).await;
    assert!(created >= 1);
    assert_eq!(first.stored().await.len(), 1);
    for app in [&first.app, &second.app] {
        let replay = send(app, post_json(Some(&key(1)), &body)).await;
        assert_eq!(replay.status, 201);
        assert_eq!(replay.header("idempotent-replayed"), "true");
    }
    first.state.store.check().await.expect("consistent");
}

/// SQLite's own settings, read back from the file.
#[test]
fn the_database_is_durable() {
    let dir = tempfile::TempDir::new().expect("tmp");
    let c = store::open_connection(dir.path()).expect("open");
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    let sync: i64 = c
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .expect("sync");
    let version: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!((mode.as_str(), sync, version), ("wal", 2, 2));
}

#[test]
fn a_damaged_database_refuses_to_open() {
    let dir = tempfile::TempDir::new().expect("tmp");
    std::fs::write(
        store::database_path(dir.path()),
        b"this is not a database, just junk bytes",
    )
    .expect("write");
    assert!(store::open_connection(dir.path()).is_err());
}
