//! The staff queries behind the subcommands: list, export since a date, delete one request, purge
//! old ones, back up. Synchronous, on their own connection; they print nothing themselves.

use super::{KEY_RETENTION_DAYS, StoreError};
use rusqlite::{Connection, params};
use std::path::Path;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// One row of `server list`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedRequest {
    pub reference: String,
    pub received_at: i64,
    pub flags: String,
    pub outcome: String,
    /// The stored canonical JSON body (only read by export).
    pub body: String,
}

/// How `server export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}

/// Requests received at or after `since_ms`, oldest first.
pub fn list(conn: &Connection, since_ms: i64) -> Result<Vec<ListedRequest>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT reference, received_at, flags, outcome, body FROM requests \
         WHERE received_at >= ?1 ORDER BY received_at, id",
    )?;
    let rows = stmt.query_map(params![since_ms], |r| {
        Ok(ListedRequest {
            reference: r.get(0)?,
            received_at: r.get(1)?,
            flags: r.get(2)?,
            outcome: r.get(3)?,
            body: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The export of requests since `since_ms` in `format`.
pub fn export(
    conn: &Connection,
    since_ms: i64,
    format: ExportFormat,
) -> Result<String, StoreError> {
    let rows = list(conn, since_ms)?;
    Ok(match format {
        ExportFormat::Json => super::staff_format::json(&rows),
        ExportFormat::Csv => super::staff_format::csv(&rows),
    })
}

/// Deletes the request with `reference` (a data-subject request). True when one was deleted.
pub fn delete(conn: &Connection, reference: &str) -> Result<bool, StoreError> {
    Ok(conn.execute(
        "DELETE FROM requests WHERE reference = ?1",
        params![reference],
    )? > 0)
}

/// Deletes requests older than `days` and idempotency keys past their retention.
/// Returns (requests deleted, keys deleted).
pub fn purge(conn: &mut Connection, days: u32, now_ms: i64) -> Result<(usize, usize), StoreError> {
    let tx = conn.transaction()?;
    let requests = tx.execute(
        "DELETE FROM requests WHERE received_at < ?1",
        params![now_ms - i64::from(days) * DAY_MS],
    )?;
    let keys = tx.execute(
        "DELETE FROM idempotency_keys WHERE created_at < ?1",
        params![now_ms - i64::from(KEY_RETENTION_DAYS) * DAY_MS],
    )?;
    tx.commit()?;
    Ok((requests, keys))
}

/// A consistent copy of the live database at `path` (`VACUUM INTO`; the file must not exist).
pub fn backup(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    if path.exists() {
        return Err(StoreError::Io(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "the backup file already exists",
        )));
    }
    let path = path.to_str().ok_or_else(|| {
        StoreError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the path is not UTF-8",
        ))
    })?;
    conn.execute("VACUUM INTO ?1", params![path])?;
    Ok(())
}
