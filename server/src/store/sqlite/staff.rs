//! The staff queries on SQLite: list, delete one request, purge old ones, back up. Synchronous,
//! on their own connection; they print nothing themselves.

use super::super::{Cutoffs, ListedRequest, StoreError};
use rusqlite::{Connection, params};
use std::path::Path;

/// Requests received at or after `since_ms`, oldest first.
pub fn list(conn: &mut Connection, since_ms: i64) -> Result<Vec<ListedRequest>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT reference, received_at, flags, outcome, reasons, body FROM requests \
         WHERE received_at >= ?1 ORDER BY received_at, id",
    )?;
    let rows = stmt.query_map(params![since_ms], |r| {
        Ok(ListedRequest {
            reference: r.get(0)?,
            received_at: r.get(1)?,
            flags: r.get(2)?,
            outcome: r.get(3)?,
            reasons: r.get(4)?,
            body: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Deletes the request with `reference`. True when one was deleted.
pub fn delete(conn: &mut Connection, reference: &str) -> Result<bool, StoreError> {
    Ok(conn.execute(
        "DELETE FROM requests WHERE reference = ?1",
        params![reference],
    )? > 0)
}

/// Deletes what is older than the cutoffs, in one transaction. Returns (requests, keys) deleted.
pub(crate) fn purge(conn: &mut Connection, cutoffs: Cutoffs) -> Result<(u64, u64), StoreError> {
    let tx = conn.transaction()?;
    let requests = tx.execute(
        "DELETE FROM requests WHERE received_at < ?1",
        params![cutoffs.requests],
    )?;
    let keys = tx.execute(
        "DELETE FROM idempotency_keys WHERE created_at < ?1",
        params![cutoffs.keys],
    )?;
    tx.commit()?;
    Ok((requests as u64, keys as u64))
}

/// A consistent copy of the live database at `path` (`VACUUM INTO`; the file must not exist).
pub fn backup(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
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
