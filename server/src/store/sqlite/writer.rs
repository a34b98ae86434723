//! The single writer: one thread owns the write connection and drains a queue of pending inserts
//! into one transaction (group commit), answering each waiter only after COMMIT returned. It
//! re-checks idempotency keys inside the transaction, so no race can store a request twice.

use super::super::{NewRequest, StoreError, Stored, created_answer, now_ms};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use tokio::sync::{mpsc, oneshot};

/// Most inserts committed together; more wait for the next transaction.
const MAX_BATCH: usize = 256;
/// Pending inserts beyond this are refused (the server sheds load rather than queueing forever).
const QUEUE: usize = 4096;

struct Job {
    request: NewRequest,
    reply: oneshot::Sender<Result<Stored, StoreError>>,
}

/// What the writer thread is asked to do.
enum Task {
    Insert(Job),
    /// Begin a write transaction and roll it back: the readiness check.
    Ping(oneshot::Sender<Result<(), StoreError>>),
}

/// The handle to the writer thread; cheap to clone.
#[derive(Clone, Debug)]
pub struct Writer {
    queue: mpsc::Sender<Task>,
}

impl Writer {
    /// Starts the writer thread on `conn`; it stops when every handle is dropped.
    pub fn start(conn: Connection) -> Writer {
        let (queue, rx) = mpsc::channel(QUEUE);
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || run(conn, rx))
            .map(|_| ())
            .unwrap_or_else(|e| tracing::error!(error = %e, "could not start the writer thread"));
        Writer { queue }
    }

    /// Stores `request`, answering after the transaction holding it committed.
    pub async fn insert(&self, request: NewRequest) -> Result<Stored, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.queue
            .try_send(Task::Insert(Job { request, reply }))
            .map_err(|_| StoreError::Unavailable)?;
        answer.await.map_err(|_| StoreError::Unavailable)?
    }

    /// Whether the writer thread answers and can begin a write transaction, within a second.
    pub async fn ping(&self) -> Result<(), StoreError> {
        let (reply, answer) = oneshot::channel();
        self.queue
            .try_send(Task::Ping(reply))
            .map_err(|_| StoreError::Unavailable)?;
        tokio::time::timeout(std::time::Duration::from_secs(1), answer)
            .await
            .map_err(|_| StoreError::Unavailable)?
            .map_err(|_| StoreError::Unavailable)?
    }
}

fn run(mut conn: Connection, mut rx: mpsc::Receiver<Task>) {
    while let Some(first) = rx.blocking_recv() {
        let mut batch = Vec::new();
        let mut next = Some(first);
        while let Some(task) = next.take() {
            match task {
                Task::Insert(job) => batch.push(job),
                Task::Ping(reply) => {
                    let _ = reply.send(ping(&conn));
                }
            }
            if batch.len() < MAX_BATCH {
                next = rx.try_recv().ok();
            }
        }
        if batch.is_empty() {
            continue;
        }
        match commit(&mut conn, &batch) {
            Ok(results) => {
                tracing::debug!(size = results.len(), "group commit");
                for (job, result) in batch.into_iter().zip(results) {
                    let _ = job.reply.send(result);
                }
            }
            Err(e) => {
                tracing::error!(error = %e, size = batch.len(), "group commit failed");
                for job in batch {
                    let _ = job.reply.send(Err(StoreError::Unavailable));
                }
            }
        }
    }
}

fn ping(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;")?;
    Ok(())
}

/// One transaction for the whole batch; each insert in a savepoint so one failure spares the rest.
fn commit(
    conn: &mut Connection,
    batch: &[Job],
) -> Result<Vec<Result<Stored, StoreError>>, StoreError> {
    let mut tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let now = now_ms();
    let mut results = Vec::with_capacity(batch.len());
    for job in batch {
        let sp = tx.savepoint()?;
        match insert_one(&sp, &job.request, now) {
            Ok(stored) => {
                sp.commit()?;
                results.push(Ok(stored));
            }
            Err(e) => {
                // Dropping the savepoint rolls this insert back and releases it.
                drop(sp);
                tracing::error!(error = %e, "insert failed");
                results.push(Err(e));
            }
        }
    }
    tx.commit()?;
    Ok(results)
}

fn insert_one(conn: &Connection, r: &NewRequest, now: i64) -> Result<Stored, StoreError> {
    if let Some(existing) = super::lookup_key(conn, &r.key)? {
        return Ok(if existing.body_sha256 == r.body_sha256 {
            Stored::Replayed(existing.answer)
        } else {
            Stored::KeyReused
        });
    }
    let taken = conn
        .prepare_cached("SELECT 1 FROM requests WHERE reference = ?1")?
        .query_row(params![r.reference], |_| Ok(()))
        .optional()?;
    if taken.is_some() {
        return Ok(Stored::ReferenceTaken);
    }
    conn.prepare_cached(
        "INSERT INTO requests (reference, received_at, flags, outcome, reasons, body) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        r.reference,
        now,
        r.flags,
        r.outcome,
        r.reasons,
        r.body
    ])?;
    let request_id = conn.last_insert_rowid();
    let answer = created_answer(&r.reference, now);
    conn.prepare_cached(
        "INSERT INTO idempotency_keys (key, body_sha256, status, response, created_at, request_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        r.key,
        r.body_sha256,
        answer.status,
        answer.body,
        now,
        request_id
    ])?;
    Ok(Stored::Created(answer))
}
