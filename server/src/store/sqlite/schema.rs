//! Durability settings, the start-up integrity check and the embedded migrations, versioned with
//! `PRAGMA user_version`. It refuses to go on rather than run with weaker guarantees.

use super::super::StoreError;
use rusqlite::{Connection, TransactionBehavior};

/// The migrations in order; `user_version` is the number applied.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/sqlite/0001_init.sql"),
    include_str!("../migrations/sqlite/0002_normalised.sql"),
];

/// WAL, synchronous=FULL (read back and checked), a busy timeout, foreign keys.
pub fn make_durable(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::NotDurable(format!(
            "journal_mode is {mode}, not wal"
        )));
    }
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
    let sync: i64 = conn.query_row("PRAGMA synchronous", [], |r| r.get(0))?;
    if sync != 2 {
        return Err(StoreError::NotDurable(format!(
            "synchronous is {sync}, not 2 (FULL)"
        )));
    }
    Ok(())
}

/// `PRAGMA quick_check`: anything but "ok" stops the server.
pub fn quick_check(conn: &Connection) -> Result<(), StoreError> {
    check(conn, "PRAGMA quick_check")
}

/// `PRAGMA integrity_check`, the thorough one, for tests and staff.
pub fn integrity_check(conn: &Connection) -> Result<(), StoreError> {
    check(conn, "PRAGMA integrity_check")
}

fn check(conn: &Connection, sql: &str) -> Result<(), StoreError> {
    let mut stmt = conn.prepare(sql)?;
    let lines: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if lines.len() == 1 && lines[0] == "ok" {
        Ok(())
    } else {
        Err(StoreError::Corrupt(lines.join("; ")))
    }
}

/// Replaces each stored raw body by the normalised one (see `store/normalise.rs`).
fn normalise_rows(tx: &Connection) -> Result<(), StoreError> {
    let rows: Vec<(i64, String, i64)> = tx
        .prepare("SELECT id, body, received_at FROM requests")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut update = tx.prepare("UPDATE requests SET body = ?2, reasons = ?3 WHERE id = ?1")?;
    for (id, raw, received_at) in rows {
        if let Some((body, reasons)) = super::super::normalise::rewritten(&raw, received_at) {
            update.execute(rusqlite::params![id, body, reasons])?;
        }
    }
    Ok(())
}

/// Applies the migrations not yet applied, in one write transaction that also reads the version,
/// so processes opening a new file at the same moment take turns instead of both migrating.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let known = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
    if current > known {
        return Err(StoreError::TooNew(current));
    }
    for (version, sql) in (1i64..)
        .zip(MIGRATIONS)
        .skip(usize::try_from(current).unwrap_or(0))
    {
        tx.execute_batch(sql)?;
        if version == super::super::normalise::REWRITE_AT_VERSION as i64 {
            normalise_rows(&tx)?;
        }
        tx.pragma_update(None, "user_version", version)?;
        tracing::info!(version, "applied migration");
    }
    tx.commit()?;
    Ok(())
}
