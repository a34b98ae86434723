//! The staff tools on a real database: list, export (CSV and JSON, since a date), delete, purge
//! and backup, after requests went in through the HTTP surface.

use crate::support::*;
use server::store::{self, ExportFormat};

async fn stored(n: u32) -> Harness {
    let h = harness();
    for i in 0..n {
        let a = send(&h.app, post_json(Some(&key(i)), &valid_body(&key(i), i))).await;
        assert_eq!(a.status, 201);
    }
    h
}

fn conn(h: &Harness) -> rusqlite::Connection {
    store::open_connection(&h.data.path().join("data")).expect("open")
}

#[tokio::test]
async fn list_and_export_since() {
    let h = stored(3).await;
    let c = conn(&h);
    assert_eq!(store::list(&c, 0).expect("list").len(), 3);
    assert!(
        store::list(&c, store::now_ms() + 60_000)
            .expect("list")
            .is_empty()
    );
    let csv = store::export(&c, 0, ExportFormat::Csv).expect("csv");
    assert_eq!(csv.lines().count(), 4, "header and three rows");
    assert!(csv.starts_with("\"reference\",\"received_at\""));
    let json: serde_json::Value =
        serde_json::from_str(&store::export(&c, 0, ExportFormat::Json).expect("json"))
            .expect("valid");
    assert_eq!(json.as_array().map(Vec::len), Some(3));
    assert_eq!(json[0]["request"]["patient"]["age_group"], "adult");
}

#[tokio::test]
async fn delete_one_request() {
    let h = stored(2).await;
    let c = conn(&h);
    assert!(store::delete(&c, &reference(0)).expect("delete"));
    assert!(!store::delete(&c, &reference(0)).expect("delete again"));
    assert_eq!(store::list(&c, 0).expect("list").len(), 1);
}

#[tokio::test]
async fn purge_by_age_keeps_recent_requests_and_keys() {
    let h = stored(2).await;
    let mut c = conn(&h);
    assert_eq!(
        store::purge(&mut c, 30, store::now_ms()).expect("purge"),
        (0, 0)
    );
    let later = store::now_ms() + 31 * 24 * 3600 * 1000;
    assert_eq!(
        store::purge(&mut c, 30, later).expect("purge"),
        (2, 0),
        "keys outlive requests"
    );
    let much_later = store::now_ms() + 36 * 24 * 3600 * 1000;
    assert_eq!(store::purge(&mut c, 30, much_later).expect("purge"), (0, 2));
}

#[tokio::test]
async fn backup_is_a_consistent_copy() {
    let h = stored(2).await;
    let c = conn(&h);
    let path = h.data.path().join("backup.sqlite3");
    store::backup(&c, &path).expect("backup");
    assert!(store::backup(&c, &path).is_err(), "never overwrites");
    let copy = rusqlite::Connection::open(&path).expect("open copy");
    store::integrity_check(&copy).expect("intact");
    let n: i64 = copy
        .query_row("SELECT count(*) FROM requests", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 2);
}

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
    assert_eq!((mode.as_str(), sync, version), ("wal", 2, 1));
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
