//! Configuration parsing: defaults, each variable, and the error for a bad value.

use super::*;

fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
    Config::from_lookup(|name| {
        vars.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| (*v).to_owned())
    })
}

#[test]
fn defaults() {
    let c = config(&[]).expect("defaults");
    assert_eq!(c.bind_addr.to_string(), "127.0.0.1:8080");
    assert_eq!(c.data_dir, PathBuf::from("./data"));
    assert_eq!(c.dist_dir, PathBuf::from("./dist"));
    assert_eq!(
        (c.rate_limit_per_minute, c.max_concurrency, c.retention_days),
        (120, 512, 365)
    );
    assert!(!c.is_https());
}

#[test]
fn every_variable() {
    let c = config(&[
        ("BIND_ADDR", "0.0.0.0:9000"),
        ("PUBLIC_URL", "HTTPS://Requests.Example/path?x"),
        (
            "PARTNER_ORIGINS",
            " https://a.example  http://b.example:8443 ",
        ),
        ("TRUSTED_PROXY", "10.0.0.1 ::1"),
        ("RATE_LIMIT_PER_MINUTE", "0"),
        ("REQUEST_TIMEOUT_SECS", "3"),
    ])
    .expect("valid");
    assert_eq!(c.public_origin.as_deref(), Some("https://requests.example"));
    assert!(c.is_https());
    assert_eq!(
        c.partner_origins,
        ["https://a.example", "http://b.example:8443"]
    );
    assert_eq!(c.trusted_proxies.len(), 2);
    assert_eq!(c.request_timeout, Duration::from_secs(3));
    let allowed = c.allowed_origins();
    for origin in [
        "http://localhost:9000",
        "https://requests.example",
        "https://a.example",
    ] {
        assert!(allowed.iter().any(|a| a == origin), "{origin}");
    }
}

#[test]
fn bad_values_name_the_variable() {
    for (var, value) in [
        ("BIND_ADDR", "localhost"),
        ("PUBLIC_URL", "requests.example"),
        ("PARTNER_ORIGINS", "https://ok.example javascript:alert(1)"),
        ("TRUSTED_PROXY", "proxy.local"),
        ("RATE_LIMIT_PER_MINUTE", "-5"),
        ("MAX_CONCURRENCY", "0"),
        ("REQUEST_TIMEOUT_SECS", "0"),
    ] {
        let e = config(&[(var, value)]).expect_err(var);
        assert_eq!(e.var, var);
        assert!(e.to_string().starts_with(var));
    }
}

#[test]
fn database_url_chooses_postgres_and_never_echoes_the_password() {
    assert!(matches!(
        config(&[]).expect("default").database(),
        Database::Sqlite { .. }
    ));
    let c = config(&[
        (
            "DATABASE_URL",
            "postgres://intake:s3cret@127.0.0.1:5433/intake",
        ),
        ("DATABASE_MAX_CONNECTIONS", "4"),
    ])
    .expect("valid");
    let Database::Postgres(pg) = c.database() else {
        panic!("DATABASE_URL names PostgreSQL");
    };
    assert_eq!(pg.max_connections, 4);
    assert_eq!(pg.config.get_dbname(), Some("intake"));
    assert!(
        !format!("{c:?}").contains("s3cret"),
        "Debug hides the password"
    );

    for wrong in [
        "mysql://u:s3cret@h/db",
        "sqlite:data.db",
        "postgres://u:s3cret@h:port/db",
    ] {
        let e = config(&[("DATABASE_URL", wrong)]).expect_err(wrong);
        assert_eq!(e.var, "DATABASE_URL");
        assert!(!e.to_string().contains("s3cret"), "{e}");
    }
    let e = config(&[
        ("DATABASE_URL", "postgres://h/db"),
        ("DATABASE_MAX_CONNECTIONS", "0"),
    ])
    .expect_err("zero connections");
    assert_eq!(e.var, "DATABASE_MAX_CONNECTIONS");
}
