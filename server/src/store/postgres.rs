//! The PostgreSQL backend, for several server instances sharing one database behind a load
//! balancer. A pool of connections; each request is one transaction that takes a transaction-scoped
//! advisory lock on its idempotency key (another instance holding it answers 409), re-checks the
//! key, inserts the request and the key, and commits. PostgreSQL groups concurrent commits into
//! one WAL flush itself, so there is no writer thread here.

mod schema;
pub mod tls;

use super::{
    Cutoffs, KeyRecord, ListedRequest, NewRequest, StoreError, Stored, StoredAnswer,
    created_answer, now_ms,
};
use crate::config::PostgresSettings;
use deadpool_postgres::tokio_postgres::Row;
use deadpool_postgres::{Manager, ManagerConfig, Pool, PoolError, RecyclingMethod, Runtime};
use std::time::Duration;

/// How long a request waits for a free connection before the server answers 503.
const CONNECTION_WAIT: Duration = Duration::from_secs(5);

/// The advisory lock an insert holds on its key, for the rest of its transaction. Advisory locks
/// are database-wide, so the schema is part of it: two deployments in one database (or parallel
/// tests, a schema each) never wait on each other's keys.
const KEY_LOCK: &str = "advisory_xact_lock(hashtextextended(current_schema() || '/' || $1, 0))";

const SELECT_KEY: &str =
    "SELECT body_sha256, status, response FROM idempotency_keys WHERE key = $1";

/// The connection pool; cheap to clone.
#[derive(Clone)]
pub struct PgStore {
    pool: Pool,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PgStore")
    }
}

impl PgStore {
    /// Connects, refuses non-durable settings, and migrates (one instance at a time).
    pub async fn open(settings: &PostgresSettings) -> Result<PgStore, StoreError> {
        let mut config = settings.config.clone();
        // Every session commits durably, whatever the server's default; fsync and full-page
        // writes are server-wide and checked below.
        let options = match config.get_options() {
            Some(given) => format!("{given} -c synchronous_commit=on"),
            None => "-c synchronous_commit=on".to_owned(),
        };
        config.options(options).application_name("intake-server");
        let manager = Manager::from_config(
            config,
            tls::connector(&settings.certificate_check),
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(settings.max_connections)
            .wait_timeout(Some(CONNECTION_WAIT))
            .create_timeout(Some(CONNECTION_WAIT))
            .runtime(Runtime::Tokio1)
            .build()
            .map_err(|e| StoreError::NotDurable(format!("connection pool: {e}")))?;
        let store = PgStore { pool };
        // At start a failed connection says why (refused, TLS, authentication), rather than only
        // that the database is not available.
        let mut client = store.pool.get().await.map_err(|e| match e {
            PoolError::Backend(e) => StoreError::Postgres(e),
            _ => StoreError::Unavailable,
        })?;
        schema::check_durable(&client).await?;
        schema::migrate(&mut client).await?;
        Ok(store)
    }

    async fn client(&self) -> Result<deadpool_postgres::Object, StoreError> {
        self.pool.get().await.map_err(|e| match e {
            PoolError::Backend(e) => unreachable_or_sql(e),
            _ => StoreError::Unavailable,
        })
    }

    /// The stored answer for `key`, if any.
    pub async fn lookup_key(&self, key: &str) -> Result<Option<KeyRecord>, StoreError> {
        let client = self.client().await?;
        lookup_key(&client, key).await.map_err(|e| match e {
            StoreError::Postgres(e) => unreachable_or_sql(e),
            other => other,
        })
    }

    /// Stores `request` in its own task, so a caller that stops waiting does not cut the
    /// transaction short: it commits or rolls back whole, and a retry finds the answer.
    pub async fn insert(&self, request: NewRequest) -> Result<Stored, StoreError> {
        let store = self.clone();
        let stored = tokio::spawn(async move { store.insert_now(request).await })
            .await
            .map_err(|_| StoreError::Unavailable)?;
        stored.map_err(|e| match e {
            StoreError::Postgres(e) => unreachable_or_sql(e),
            other => other,
        })
    }

    async fn insert_now(&self, r: NewRequest) -> Result<Stored, StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let lock = tx
            .prepare_cached(&format!("SELECT pg_try_{KEY_LOCK}"))
            .await?;
        if !tx.query_one(&lock, &[&r.key]).await?.get::<_, bool>(0) {
            return Ok(Stored::InFlight);
        }
        if let Some(existing) = lookup_key(&tx, &r.key).await? {
            return Ok(if existing.body_sha256 == r.body_sha256 {
                Stored::Replayed(existing.answer)
            } else {
                Stored::KeyReused
            });
        }
        let now = now_ms();
        let insert = tx
            .prepare_cached(
                "INSERT INTO requests (reference, received_at, flags, outcome, reasons, body) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (reference) DO NOTHING RETURNING id",
            )
            .await?;
        let Some(row) = tx
            .query_opt(
                &insert,
                &[
                    &r.reference,
                    &now,
                    &r.flags,
                    &r.outcome,
                    &r.reasons,
                    &r.body,
                ],
            )
            .await?
        else {
            return Ok(Stored::ReferenceTaken);
        };
        let request_id: i64 = row.get(0);
        let answer = created_answer(&r.reference, now);
        let key = tx
            .prepare_cached(
                "INSERT INTO idempotency_keys \
                 (key, body_sha256, status, response, created_at, request_id) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .await?;
        tx.execute(
            &key,
            &[
                &r.key,
                &r.body_sha256,
                &i32::from(answer.status),
                &answer.body,
                &now,
                &request_id,
            ],
        )
        .await?;
        tx.commit().await?;
        Ok(Stored::Created(answer))
    }

    /// Takes a token from `client`'s bucket (`per_minute` tokens refilled evenly, the same as
    /// burst), in one statement on the database's clock: `Ok(Err(secs))` when none is left.
    pub async fn take_token(
        &self,
        client: &str,
        per_minute: u32,
    ) -> Result<Result<(), u64>, StoreError> {
        let capacity = f64::from(per_minute);
        let db = self.client().await?;
        let stmt = db
            .prepare_cached(
                "WITH now AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms), \
                      p AS (SELECT $1::text AS client, $2::float8 AS cap) \
                 INSERT INTO rate_buckets AS b (client, tokens, at, granted) \
                 SELECT p.client, p.cap - 1, now.ms, true FROM now, p \
                 ON CONFLICT (client) DO UPDATE SET \
                   tokens = CASE WHEN least($2::float8, b.tokens + (excluded.at - b.at) * $2::float8 / 60000.0) >= 1 \
                     THEN least($2::float8, b.tokens + (excluded.at - b.at) * $2::float8 / 60000.0) - 1 \
                     ELSE least($2::float8, b.tokens + (excluded.at - b.at) * $2::float8 / 60000.0) END, \
                   granted = least($2::float8, b.tokens + (excluded.at - b.at) * $2::float8 / 60000.0) >= 1, \
                   at = excluded.at \
                 RETURNING tokens, granted",
            )
            .await
            .map_err(unreachable_or_sql)?;
        let row = db
            .query_one(&stmt, &[&client, &capacity])
            .await
            .map_err(unreachable_or_sql)?;
        let (tokens, granted): (f64, bool) = (row.get(0), row.get(1));
        if granted {
            return Ok(Ok(()));
        }
        let wait = ((1.0 - tokens) / (capacity / 60.0)).ceil();
        Ok(Err(if wait.is_finite() && wait >= 1.0 {
            wait as u64
        } else {
            1
        }))
    }

    /// A pooled connection answers a query within two seconds.
    pub async fn ready(&self) -> Result<(), StoreError> {
        let check = async {
            let client = self.client().await?;
            client.simple_query("SELECT 1").await?;
            Ok::<_, StoreError>(())
        };
        tokio::time::timeout(Duration::from_secs(2), check)
            .await
            .map_err(|_| StoreError::Unavailable)?
    }

    /// Requests received at or after `since_ms`, oldest first.
    pub async fn list(&self, since_ms: i64) -> Result<Vec<ListedRequest>, StoreError> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT reference, received_at, flags, outcome, reasons, body FROM requests \
                 WHERE received_at >= $1 ORDER BY received_at, id",
                &[&since_ms],
            )
            .await?;
        Ok(rows
            .iter()
            .map(|r| ListedRequest {
                reference: r.get(0),
                received_at: r.get(1),
                flags: r.get(2),
                outcome: r.get(3),
                reasons: r.get(4),
                body: r.get(5),
            })
            .collect())
    }

    /// Deletes the request with `reference`. True when one was deleted.
    pub async fn delete(&self, reference: &str) -> Result<bool, StoreError> {
        let client = self.client().await?;
        let n = client
            .execute("DELETE FROM requests WHERE reference = $1", &[&reference])
            .await?;
        Ok(n > 0)
    }

    /// Deletes what is older than the cutoffs, in one transaction. Returns (requests, keys).
    pub(super) async fn purge(&self, cutoffs: Cutoffs) -> Result<(u64, u64), StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let requests = tx
            .execute(
                "DELETE FROM requests WHERE received_at < $1",
                &[&cutoffs.requests],
            )
            .await?;
        let keys = tx
            .execute(
                "DELETE FROM idempotency_keys WHERE created_at < $1",
                &[&cutoffs.keys],
            )
            .await?;
        // Buckets untouched for a day are full again: their rows can go.
        tx.execute(
            "DELETE FROM rate_buckets WHERE at < (extract(epoch FROM clock_timestamp()) * 1000)::bigint - 86400000",
            &[],
        )
        .await?;
        tx.commit().await?;
        Ok((requests, keys))
    }

    /// The settings are still durable, and every key that names a request answers with that
    /// request's reference.
    pub async fn check(&self) -> Result<(), StoreError> {
        let client = self.client().await?;
        schema::check_durable(&client).await?;
        let mismatched: i64 = client
            .query_one(
                "SELECT count(*) FROM idempotency_keys k JOIN requests r ON r.id = k.request_id \
                 WHERE strpos(k.response, r.reference) = 0",
                &[],
            )
            .await?
            .get(0);
        if mismatched == 0 {
            Ok(())
        } else {
            Err(StoreError::Corrupt(format!(
                "{mismatched} idempotency keys answer with another request's reference"
            )))
        }
    }
}

/// A lost or refused connection is `Unavailable` (the client gets 503 and retries with its key;
/// a COMMIT whose answer was lost then replays); an error from SQL itself stays what it is.
fn unreachable_or_sql(e: deadpool_postgres::tokio_postgres::Error) -> StoreError {
    if e.as_db_error().is_some() {
        return StoreError::Postgres(e);
    }
    tracing::warn!(error = %super::with_causes(&e), "PostgreSQL unreachable");
    StoreError::Unavailable
}

async fn lookup_key(
    client: &impl deadpool_postgres::GenericClient,
    key: &str,
) -> Result<Option<KeyRecord>, StoreError> {
    let stmt = client.prepare_cached(SELECT_KEY).await?;
    let row = client.query_opt(&stmt, &[&key]).await?;
    row.map(|r| key_record(&r)).transpose()
}

fn key_record(row: &Row) -> Result<KeyRecord, StoreError> {
    let status: i32 = row.get(1);
    Ok(KeyRecord {
        body_sha256: row.get(0),
        answer: StoredAnswer {
            status: u16::try_from(status)
                .map_err(|_| StoreError::Corrupt(format!("stored status {status}")))?,
            body: row.get(2),
        },
    })
}
