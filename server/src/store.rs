//! All SQL of the server, behind one `Store` with two backends: SQLite in the data directory (one
//! machine; a single writer with group commit) and PostgreSQL when `DATABASE_URL` names one
//! (several instances behind a load balancer; PostgreSQL groups the commits itself). Both keep the
//! same promises: an idempotency key and its request are written in one transaction, an answer is
//! given only after COMMIT returned, and the server refuses to start without durable settings.
//! Nothing outside this module writes SQL. Of HTTP it knows one thing: the answer an idempotency
//! key replays. A new request's answer (status 201 and `{reference, received_at}`, see
//! `created_answer`) is written as a `StoredAnswer` in the same transaction as the request, so a
//! retry with the key gets the first answer byte for byte. Routes, headers and problem bodies
//! are the API's (`api/`).

mod normalise;
mod postgres;
mod sqlite;
mod staff_format;

pub use postgres::tls::connector as postgres_tls_connector;
pub use sqlite::{database_path, integrity_check, open_connection};
pub use staff_format::timestamp;

use crate::config::Database;
use std::path::Path;

/// Idempotency keys are kept this long (the contract promises at least 30 days).
pub const KEY_RETENTION_DAYS: u32 = 35;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Why the store cannot do what was asked. Shown to staff and logged; never sent to clients.
#[derive(Debug)]
pub enum StoreError {
    Sqlite(rusqlite::Error),
    Postgres(deadpool_postgres::tokio_postgres::Error),
    Io(std::io::Error),
    /// The database refused durable settings (WAL and synchronous=FULL; fsync and full-page
    /// writes); durability cannot be promised.
    NotDurable(String),
    /// `PRAGMA quick_check` found damage.
    Corrupt(String),
    /// The database was written by a newer server.
    TooNew(i64),
    /// The writer has stopped, its queue is full, or no database connection came in time.
    Unavailable,
    /// The operation does not exist for this backend (e.g. `backup` on PostgreSQL: use pg_dump).
    Unsupported(&'static str),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Sqlite(e) => write!(f, "sqlite: {e}"),
            StoreError::Postgres(e) => write!(f, "postgres: {}", with_causes(e)),
            StoreError::Io(e) => write!(f, "io: {e}"),
            StoreError::NotDurable(what) => write!(f, "refusing to run without durability: {what}"),
            StoreError::Corrupt(what) => write!(f, "database check failed: {what}"),
            StoreError::TooNew(v) => {
                write!(f, "database schema version {v} is newer than this server")
            }
            StoreError::Unavailable => write!(f, "the database is not available"),
            StoreError::Unsupported(what) => f.write_str(what),
        }
    }
}

impl std::error::Error for StoreError {}

/// `e` and each error under it, `: `-separated. tokio-postgres's own text names only the step
/// ("error performing TLS handshake"); the reason (an unknown CA, another host name, a refused
/// `pg_hba.conf` line) is in its sources.
pub fn with_causes(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text = format!("{text}: {c}");
        cause = c.source();
    }
    text
}

impl StoreError {
    /// Worth a retry with the same key soon: the database is out of reach, busy, or refuses writes
    /// for now (a read-only file or a read-only PostgreSQL). The client gets 503 with Retry-After.
    pub fn is_transient(&self) -> bool {
        match self {
            StoreError::Unavailable => true,
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => matches!(
                e.code,
                rusqlite::ErrorCode::ReadOnly
                    | rusqlite::ErrorCode::DatabaseBusy
                    | rusqlite::ErrorCode::DatabaseLocked
                    | rusqlite::ErrorCode::DiskFull
                    | rusqlite::ErrorCode::CannotOpen
            ),
            StoreError::Postgres(e) => e.code().is_some_and(|c| {
                *c == deadpool_postgres::tokio_postgres::error::SqlState::READ_ONLY_SQL_TRANSACTION
                    || *c == deadpool_postgres::tokio_postgres::error::SqlState::ADMIN_SHUTDOWN
                    || *c == deadpool_postgres::tokio_postgres::error::SqlState::CANNOT_CONNECT_NOW
            }),
            _ => false,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

impl From<deadpool_postgres::tokio_postgres::Error> for StoreError {
    fn from(e: deadpool_postgres::tokio_postgres::Error) -> Self {
        StoreError::Postgres(e)
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError::Io(e)
    }
}

/// A validated request ready to store.
#[derive(Clone, Debug)]
pub struct NewRequest {
    pub key: String,
    pub body_sha256: Vec<u8>,
    pub reference: String,
    /// The request as validated and normalised, canonical JSON.
    pub body: String,
    pub flags: String,
    pub outcome: String,
    /// Comma-separated review reasons (`condition_not_listed`, ...); empty when eligible.
    pub reasons: String,
}

impl NewRequest {
    /// What the store keeps of an accepted body: the normalised request, its outcome, reasons and
    /// flags, under the key and the hash of the body as sent (which a retry must match).
    pub fn accepted(
        key: String,
        body_sha256: Vec<u8>,
        accepted: &domain::wire::Accepted,
    ) -> NewRequest {
        NewRequest {
            key,
            body_sha256,
            reference: accepted.body.reference.as_str().to_owned(),
            body: normalised_json(&accepted.body),
            flags: accepted.flag_codes().join(","),
            outcome: accepted.outcome_code().to_owned(),
            reasons: accepted.reason_codes().join(","),
        }
    }
}

/// A body as the canonical JSON the store keeps.
pub fn normalised_json(body: &domain::wire::RequestBody) -> String {
    serde_json::to_value(body)
        .map(|v| crate::json::canonical(&v))
        .unwrap_or_default()
}

/// The answer stored with a key and replayed for retries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredAnswer {
    pub status: u16,
    pub body: String,
}

/// What happened to one insert.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    /// Committed now.
    Created(StoredAnswer),
    /// The key was already committed with the same body: its answer.
    Replayed(StoredAnswer),
    /// The key was already committed with another body.
    KeyReused,
    /// Another key already stored a request with this reference.
    ReferenceTaken,
    /// Another server instance is storing a request with this key right now.
    InFlight,
}

/// What an idempotency key answered before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyRecord {
    pub body_sha256: Vec<u8>,
    pub answer: StoredAnswer,
}

/// One row of `server list`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedRequest {
    pub reference: String,
    pub received_at: i64,
    pub flags: String,
    pub outcome: String,
    /// Comma-separated review reasons; empty when eligible.
    pub reasons: String,
    /// The stored canonical JSON body, as validated (only read by export).
    pub body: String,
}

/// How `server export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}

/// The running store; cheap to clone.
#[derive(Clone, Debug)]
pub enum Store {
    Sqlite(sqlite::SqliteStore),
    Postgres(postgres::PgStore),
}

impl Store {
    /// Opens the configured database: checked, migrated, durable.
    pub async fn open(database: Database<'_>) -> Result<Store, StoreError> {
        Ok(match database {
            Database::Sqlite { data_dir } => Store::Sqlite(sqlite::SqliteStore::open(data_dir)?),
            Database::Postgres(url) => Store::Postgres(postgres::PgStore::open(url).await?),
        })
    }

    /// Which backend this is, for logs.
    pub fn backend(&self) -> &'static str {
        match self {
            Store::Sqlite(_) => "sqlite",
            Store::Postgres(_) => "postgres",
        }
    }

    /// The stored answer for `key`, if any.
    pub async fn lookup_key(&self, key: &str) -> Result<Option<KeyRecord>, StoreError> {
        match self {
            Store::Sqlite(s) => s.lookup_key(key).await,
            Store::Postgres(p) => p.lookup_key(key).await,
        }
    }

    /// Stores `request` with its key, answering after the transaction holding it committed. The
    /// work goes on when the caller stops waiting (a timed-out client), so its retry replays.
    pub async fn insert(&self, request: NewRequest) -> Result<Stored, StoreError> {
        match self {
            Store::Sqlite(s) => s.writer.insert(request).await,
            Store::Postgres(p) => p.insert(request).await,
        }
    }

    /// The shared rate limit, on PostgreSQL: `Some(Ok(()))` for a token, `Some(Err(secs))` when
    /// none is left, `None` when this backend keeps no shared buckets (SQLite: one instance) or
    /// the database is out of reach (the caller falls back to its own buckets).
    pub async fn take_token(
        &self,
        client: std::net::IpAddr,
        per_minute: u32,
    ) -> Option<Result<(), u64>> {
        match self {
            Store::Sqlite(_) => None,
            Store::Postgres(p) => match p.take_token(&client.to_string(), per_minute).await {
                Ok(taken) => Some(taken),
                Err(e) => {
                    tracing::warn!(error = %e, "shared rate limit unavailable; this instance's own used");
                    None
                }
            },
        }
    }

    /// Whether the database takes a write-path check now (SQLite: the writer thread begins and
    /// rolls back a write transaction; PostgreSQL: a pooled connection answers).
    pub async fn ready(&self) -> Result<(), StoreError> {
        match self {
            Store::Sqlite(s) => s.writer.ping().await,
            Store::Postgres(p) => p.ready().await,
        }
    }

    /// Requests received at or after `since_ms`, oldest first.
    pub async fn list(&self, since_ms: i64) -> Result<Vec<ListedRequest>, StoreError> {
        match self {
            Store::Sqlite(s) => s.staff(move |c| sqlite::list(c, since_ms)).await,
            Store::Postgres(p) => p.list(since_ms).await,
        }
    }

    /// The export of requests since `since_ms` in `format`.
    pub async fn export(&self, since_ms: i64, format: ExportFormat) -> Result<String, StoreError> {
        let rows = self.list(since_ms).await?;
        Ok(match format {
            ExportFormat::Json => staff_format::json(&rows),
            ExportFormat::Csv => staff_format::csv(&rows),
        })
    }

    /// Deletes the request with `reference` (a data-subject request). True when one was deleted.
    pub async fn delete(&self, reference: &str) -> Result<bool, StoreError> {
        let reference = reference.to_owned();
        match self {
            Store::Sqlite(s) => s.staff(move |c| sqlite::delete(c, &reference)).await,
            Store::Postgres(p) => p.delete(&reference).await,
        }
    }

    /// Deletes requests older than `days` and idempotency keys past their retention, as of
    /// `now_ms`. Returns (requests deleted, keys deleted).
    pub async fn purge(&self, days: u32, now_ms: i64) -> Result<(u64, u64), StoreError> {
        let cutoffs = Cutoffs {
            requests: now_ms - i64::from(days) * DAY_MS,
            keys: now_ms - i64::from(KEY_RETENTION_DAYS) * DAY_MS,
        };
        match self {
            Store::Sqlite(s) => s.staff(move |c| sqlite::purge(c, cutoffs)).await,
            Store::Postgres(p) => p.purge(cutoffs).await,
        }
    }

    /// A consistent copy of the live SQLite database at `path` (never overwriting). PostgreSQL
    /// has its own tools (pg_dump, base backups), so this refuses there.
    pub async fn backup(&self, path: &Path) -> Result<(), StoreError> {
        let path = path.to_path_buf();
        match self {
            Store::Sqlite(s) => s.staff(move |c| sqlite::backup(c, &path)).await,
            Store::Postgres(_) => Err(StoreError::Unsupported(
                "backup copies SQLite databases; for PostgreSQL use pg_dump or a base backup",
            )),
        }
    }

    /// The thorough consistency check (SQLite's `integrity_check`; on PostgreSQL, that every
    /// stored key still answers with its own request's reference).
    pub async fn check(&self) -> Result<(), StoreError> {
        match self {
            Store::Sqlite(s) => s.staff(|c| integrity_check(c)).await,
            Store::Postgres(p) => p.check().await,
        }
    }
}

/// Receipt times (ms) before which `purge` deletes requests and idempotency keys.
#[derive(Clone, Copy, Debug)]
struct Cutoffs {
    requests: i64,
    keys: i64,
}

/// The JSON answer stored for a new request and replayed for its retries.
fn created_answer(reference: &str, received_at: i64) -> StoredAnswer {
    StoredAnswer {
        status: 201,
        body: serde_json::json!({ "reference": reference, "received_at": received_at }).to_string(),
    }
}

/// Milliseconds since the Unix epoch, now.
pub fn now_ms() -> i64 {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_that_refuses_writes_for_now_is_transient() {
        let sqlite = |code| {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(code),
                None,
            ))
        };
        assert!(sqlite(rusqlite::ffi::SQLITE_READONLY).is_transient());
        assert!(sqlite(rusqlite::ffi::SQLITE_BUSY).is_transient());
        assert!(sqlite(rusqlite::ffi::SQLITE_FULL).is_transient());
        assert!(!sqlite(rusqlite::ffi::SQLITE_CONSTRAINT).is_transient());
        assert!(StoreError::Unavailable.is_transient());
        assert!(!StoreError::Corrupt("x".into()).is_transient());
    }
}
