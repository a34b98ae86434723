//! TLS to PostgreSQL through the server's own configuration (`DATABASE_URL` with `sslmode` and
//! `sslrootcert`) and connector, against a cluster of the test's own with `ssl=on` and a
//! `hostssl`-only `pg_hba.conf` (`postgres_tls/cluster.rs`). Runs where the other PostgreSQL
//! tests run: with `TEST_DATABASE_URL` set (the second `cargo test -p server` of
//! `./scripts/test`, which has installed PostgreSQL), on `PG_TLS_PORT` (default 55433).

mod postgres_tls {
    pub mod cluster;
}

use deadpool_postgres::tokio_postgres;
use postgres_tls::cluster::{Ca, Cluster};
use server::config::{Config, PostgresSettings};
use server::store::with_causes;

/// The server certificate's only name; the cluster listens on 127.0.0.1, so URLs name the host
/// with `host=` and reach it with `hostaddr=`.
const HOST: &str = "db.test";

#[tokio::test]
async fn the_certificate_is_checked_as_sslmode_says() {
    if !std::env::var("TEST_DATABASE_URL").is_ok_and(|v| !v.is_empty()) {
        eprintln!(
            "TEST_DATABASE_URL is unset: TLS to PostgreSQL is tested with the other PostgreSQL tests"
        );
        return;
    }
    let port = std::env::var("PG_TLS_PORT")
        .ok()
        .map_or(55433, |p| p.parse().expect("PG_TLS_PORT is a port"));
    let ca = Ca::new("intake test CA");
    let other_ca = Ca::new("someone else's CA");
    let (cert, key) = ca.server_certificate(&[HOST]);
    let cluster = Cluster::start(port, &cert, &key);
    let ca_file = write(&cluster, "ca.pem", &ca.pem);
    let other_ca_file = write(&cluster, "other-ca.pem", &other_ca.pem);
    let url = |host: &str, query: &str| {
        format!("postgres://intake@{host}:{port}/postgres?hostaddr=127.0.0.1&{query}")
    };

    // verify-full with the right CA: connected, and the server says the session is encrypted.
    let verified = url(HOST, &format!("sslmode=verify-full&sslrootcert={ca_file}"));
    let client = connect(&verified)
        .await
        .expect("verify-full with the right CA");
    assert_eq!(
        client
            .query_one("SELECT 1", &[])
            .await
            .expect("SELECT 1")
            .get::<_, i32>(0),
        1
    );
    assert!(ssl_in_use(&client).await, "pg_stat_ssl.ssl for verify-full");
    // The store itself opens over it (durability check and migrations).
    let store_config = config(&verified);
    server::store::Store::open(store_config.database())
        .await
        .expect("the store opens with verify-full");

    // verify-full with a CA that did not sign the server's certificate.
    let e = connect(&url(
        HOST,
        &format!("sslmode=verify-full&sslrootcert={other_ca_file}"),
    ))
    .await
    .expect_err("verify-full with the wrong CA");
    assert!(
        with_causes(&e).contains("UnknownIssuer"),
        "{}",
        with_causes(&e)
    );

    // The server refuses to start on it, and says why.
    let wrong_ca = url(
        HOST,
        &format!("sslmode=verify-full&sslrootcert={other_ca_file}"),
    );
    let e = server::store::Store::open(config(&wrong_ca).database())
        .await
        .expect_err("the store does not open with the wrong CA");
    assert!(e.to_string().contains("UnknownIssuer"), "{e}");

    // verify-full with a host name the certificate does not name; verify-ca does not look.
    let e = connect(&url(
        "other.test",
        &format!("sslmode=verify-full&sslrootcert={ca_file}"),
    ))
    .await
    .expect_err("verify-full with another host name");
    assert!(
        with_causes(&e).contains("not valid for name"),
        "{}",
        with_causes(&e)
    );
    let chain_only = connect(&url(
        "other.test",
        &format!("sslmode=verify-ca&sslrootcert={ca_file}"),
    ))
    .await
    .expect("verify-ca does not compare the host name");
    assert!(
        ssl_in_use(&chain_only).await,
        "pg_stat_ssl.ssl for verify-ca"
    );
    let e = connect(&url(
        HOST,
        &format!("sslmode=verify-ca&sslrootcert={other_ca_file}"),
    ))
    .await
    .expect_err("verify-ca with the wrong CA");
    assert!(
        with_causes(&e).contains("UnknownIssuer"),
        "{}",
        with_causes(&e)
    );

    // require without a CA, and the default (prefer): encrypted, the certificate not checked.
    for query in ["sslmode=require", ""] {
        let client = connect(&url("127.0.0.1", query))
            .await
            .unwrap_or_else(|e| panic!("{query:?} without a CA: {e}"));
        assert!(ssl_in_use(&client).await, "pg_stat_ssl.ssl for {query:?}");
    }
    // require with a CA checks the chain, as in libpq.
    let e = connect(&url(
        HOST,
        &format!("sslmode=require&sslrootcert={other_ca_file}"),
    ))
    .await
    .expect_err("require with the wrong CA");
    assert!(
        with_causes(&e).contains("UnknownIssuer"),
        "{}",
        with_causes(&e)
    );

    // disable against a hostssl-only server: refused by pg_hba.conf.
    let e = connect(&url(HOST, "sslmode=disable"))
        .await
        .expect_err("sslmode=disable against hostssl only");
    assert!(
        with_causes(&e).contains("no pg_hba.conf entry"),
        "{}",
        with_causes(&e)
    );
    drop(cluster);
}

/// The configuration the server would read with `DATABASE_URL=url`.
fn config(url: &str) -> Config {
    Config::from_lookup(|name| (name == "DATABASE_URL").then(|| url.to_owned()))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// One connection as the server makes it: its configuration and its TLS connector.
async fn connect(url: &str) -> Result<tokio_postgres::Client, tokio_postgres::Error> {
    let settings: PostgresSettings = config(url).postgres.expect("DATABASE_URL is set");
    let connector = server::store::postgres_tls_connector(&settings.certificate_check);
    let (client, connection) = settings.config.connect(connector).await?;
    tokio::spawn(connection);
    Ok(client)
}

async fn ssl_in_use(client: &tokio_postgres::Client) -> bool {
    client
        .query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .await
        .expect("pg_stat_ssl")
        .get(0)
}

/// `text` in the cluster's folder; its path.
fn write(cluster: &Cluster, name: &str, text: &str) -> String {
    let path = cluster.dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    path.to_str().expect("UTF-8 path").to_owned()
}
