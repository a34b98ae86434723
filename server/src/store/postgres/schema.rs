//! PostgreSQL's durability settings (checked, never assumed) and the embedded migrations, applied
//! under an advisory lock so instances starting together take turns.

use super::super::StoreError;
use deadpool_postgres::tokio_postgres::Client;

/// The migrations in order; `intake_schema_version` holds the number applied.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/postgres/0001_init.sql"),
    include_str!("../migrations/postgres/0002_normalised.sql"),
    include_str!("../migrations/postgres/0003_rate_buckets.sql"),
];

/// Arbitrary, fixed: the advisory lock id the migrating instance holds.
const MIGRATION_LOCK: i64 = 0x696e_7461_6b65;

/// Refuses settings under which a COMMIT does not mean "on disk".
pub async fn check_durable(client: &Client) -> Result<(), StoreError> {
    for (setting, refused) in [
        ("fsync", "off"),
        ("full_page_writes", "off"),
        ("synchronous_commit", "off"),
    ] {
        let value: String = client
            .query_one(&format!("SHOW {setting}"), &[])
            .await?
            .get(0);
        if value == refused {
            return Err(StoreError::NotDurable(format!("{setting} is {value}")));
        }
    }
    Ok(())
}

/// Replaces each stored raw body by the normalised one (see `store/normalise.rs`).
async fn normalise_rows(
    tx: &deadpool_postgres::tokio_postgres::Transaction<'_>,
) -> Result<(), StoreError> {
    let rows = tx
        .query("SELECT id, body, received_at FROM requests", &[])
        .await?;
    let update = tx
        .prepare("UPDATE requests SET body = $2, reasons = $3 WHERE id = $1")
        .await?;
    for row in rows {
        let (id, raw, received_at): (i64, String, i64) = (row.get(0), row.get(1), row.get(2));
        if let Some((body, reasons)) = super::super::normalise::rewritten(&raw, received_at) {
            tx.execute(&update, &[&id, &body, &reasons]).await?;
        }
    }
    Ok(())
}

/// Applies the migrations not yet applied, all in one transaction.
pub async fn migrate(client: &mut Client) -> Result<(), StoreError> {
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS intake_schema_version (version INTEGER NOT NULL)")
        .await?;
    let current: i32 = tx
        .query_one(
            "SELECT coalesce(max(version), 0) FROM intake_schema_version",
            &[],
        )
        .await?
        .get(0);
    let known = i32::try_from(MIGRATIONS.len()).unwrap_or(i32::MAX);
    if current > known {
        return Err(StoreError::TooNew(i64::from(current)));
    }
    for (version, sql) in (1..)
        .zip(MIGRATIONS)
        .skip(usize::try_from(current).unwrap_or(0))
    {
        tx.batch_execute(sql).await?;
        if version == super::super::normalise::REWRITE_AT_VERSION as i32 {
            normalise_rows(&tx).await?;
        }
        tx.execute(
            "INSERT INTO intake_schema_version (version) VALUES ($1)",
            &[&version],
        )
        .await?;
        tracing::info!(version, "applied migration");
    }
    tx.commit().await?;
    Ok(())
}
