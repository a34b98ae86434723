//! The SQLite backend: one file in the data directory, opened durably (WAL, synchronous=FULL,
//! checked), a single writer thread with group commit, a read connection for idempotency lookups,
//! and the staff queries on a connection of their own.

mod schema;
mod staff;
mod writer;

pub use schema::integrity_check;
pub(super) use staff::purge;
pub use staff::{backup, delete, list};
pub use writer::Writer;

use super::{KeyRecord, StoreError, StoredAnswer};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The database file inside the data directory.
pub fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join("intake.sqlite3")
}

/// Opens (creating when new) the database in `data_dir`: checked, migrated, durable.
pub fn open_connection(data_dir: &Path) -> Result<Connection, StoreError> {
    std::fs::create_dir_all(data_dir)?;
    let path = database_path(data_dir);
    private_file(&path)?;
    let mut conn = Connection::open(&path)?;
    schema::make_durable(&conn)?;
    schema::quick_check(&conn)?;
    schema::migrate(&mut conn)?;
    Ok(conn)
}

/// Creates the database file readable by its owner only (0600), or makes an existing one so;
/// SQLite gives the `-wal` and `-shm` files the same mode.
fn private_file(path: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    Ok(())
}

/// The writer queue, one read connection for idempotency lookups, and where the file is.
#[derive(Clone)]
pub struct SqliteStore {
    pub writer: Writer,
    reader: Arc<Mutex<Connection>>,
    data_dir: PathBuf,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SqliteStore({})", self.data_dir.display())
    }
}

impl SqliteStore {
    /// Opens the database and starts the writer thread.
    pub fn open(data_dir: &Path) -> Result<SqliteStore, StoreError> {
        let write_conn = open_connection(data_dir)?;
        let reader = Connection::open(database_path(data_dir))?;
        schema::make_durable(&reader)?;
        Ok(SqliteStore {
            writer: Writer::start(write_conn),
            reader: Arc::new(Mutex::new(reader)),
            data_dir: data_dir.to_path_buf(),
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

    /// Runs a staff query on a connection of its own, off the async threads. The file was checked
    /// and migrated when the store opened, so this connection only gets the durable settings.
    pub async fn staff<T: Send + 'static>(
        &self,
        query: impl FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let path = database_path(&self.data_dir);
        let task = tokio::task::spawn_blocking(move || {
            let mut conn = Connection::open(path)?;
            schema::make_durable(&conn)?;
            query(&mut conn)
        });
        task.await.map_err(|_| StoreError::Unavailable)?
    }
}

/// The key's stored hash and answer; shared by the lookup and the writer's in-transaction check.
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
