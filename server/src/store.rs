//! All SQL of the server: opening SQLite durably (WAL, synchronous=FULL, checked), migrations, the
//! single writer with group commit, idempotency lookups and the staff queries. Nothing outside this
//! module writes SQL; this module knows nothing of HTTP.

mod schema;
mod staff;
mod staff_format;
mod writer;

pub use schema::integrity_check;
pub use staff::{ExportFormat, ListedRequest, backup, delete, export, list, purge};
pub use staff_format::timestamp;
pub use writer::{NewRequest, Stored, StoredAnswer, Writer};

use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Idempotency keys are kept this long (the contract promises at least 30 days).
pub const KEY_RETENTION_DAYS: u32 = 35;

/// Why the store cannot do what was asked. Shown to staff and logged; never sent to clients.
#[derive(Debug)]
pub enum StoreError {
    Sqlite(rusqlite::Error),
    Io(std::io::Error),
    /// The database refused WAL or synchronous=FULL; durability cannot be promised.
    NotDurable(String),
    /// `PRAGMA quick_check` found damage.
    Corrupt(String),
    /// The database was written by a newer server.
    TooNew(i64),
    /// The writer has stopped or its queue is full.
    Unavailable,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Sqlite(e) => write!(f, "sqlite: {e}"),
            StoreError::Io(e) => write!(f, "io: {e}"),
            StoreError::NotDurable(what) => write!(f, "refusing to run without durability: {what}"),
            StoreError::Corrupt(what) => write!(f, "database check failed: {what}"),
            StoreError::TooNew(v) => {
                write!(f, "database schema version {v} is newer than this server")
            }
            StoreError::Unavailable => write!(f, "the writer is not available"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError::Io(e)
    }
}

/// The database file inside the data directory.
pub fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join("intake.sqlite3")
}

/// Opens (creating when new) the database in `data_dir`: checked, migrated, durable.
pub fn open_connection(data_dir: &Path) -> Result<Connection, StoreError> {
    std::fs::create_dir_all(data_dir)?;
    let mut conn = Connection::open(database_path(data_dir))?;
    schema::make_durable(&conn)?;
    schema::quick_check(&conn)?;
    schema::migrate(&mut conn)?;
    Ok(conn)
}

/// What an idempotency key answered before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyRecord {
    pub body_sha256: Vec<u8>,
    pub answer: StoredAnswer,
}

/// The running store: the writer queue and one read connection for idempotency lookups.
#[derive(Clone)]
pub struct Store {
    pub writer: Writer,
    reader: Arc<Mutex<Connection>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Store")
    }
}

impl Store {
    /// Opens the database and starts the writer thread.
    pub fn open(data_dir: &Path) -> Result<Store, StoreError> {
        let write_conn = open_connection(data_dir)?;
        let reader = Connection::open(database_path(data_dir))?;
        schema::make_durable(&reader)?;
        Ok(Store {
            writer: Writer::start(write_conn),
            reader: Arc::new(Mutex::new(reader)),
        })
    }

    /// The stored answer for `key`, if any.
    pub async fn lookup_key(&self, key: &str) -> Result<Option<KeyRecord>, StoreError> {
        let reader = Arc::clone(&self.reader);
        let key = key.to_owned();
        let task = tokio::task::spawn_blocking(move || {
            let conn = reader.lock().map_err(|_| StoreError::Unavailable)?;
            lookup_key(&conn, &key)
        });
        task.await.map_err(|_| StoreError::Unavailable)?
    }
}

fn lookup_key(conn: &Connection, key: &str) -> Result<Option<KeyRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT body_sha256, status, response FROM idempotency_keys WHERE key = ?1",
    )?;
    let row = stmt
        .query_row(params![key], |r| {
            Ok(KeyRecord {
                body_sha256: r.get(0)?,
                answer: StoredAnswer {
                    status: r.get(1)?,
                    body: r.get(2)?,
                },
            })
        })
        .optional()?;
    Ok(row)
}

/// Milliseconds since the Unix epoch, now.
pub fn now_ms() -> i64 {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
}
