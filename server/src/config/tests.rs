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

/// A `DATABASE_URL` and its parsed settings, or the error.
fn postgres(url: &str) -> Result<PostgresSettings, ConfigError> {
    config(&[("DATABASE_URL", url)]).map(|c| c.postgres.expect("DATABASE_URL is set"))
}

/// A PEM file of one self-signed CA certificate, in a folder removed when dropped.
fn ca_file() -> (tempfile::TempDir, String) {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let key = rcgen::KeyPair::generate().expect("key");
    let mut params = rcgen::CertificateParams::new(Vec::new()).expect("params");
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let ca = params.self_signed(&key).expect("CA");
    let path = dir.path().join("ca.pem");
    std::fs::write(&path, ca.pem()).expect("write CA");
    let path = path.to_str().expect("UTF-8 path").to_owned();
    (dir, path)
}

#[test]
fn sslmode_defaults_to_prefer_and_each_mode_checks_what_libpq_checks() {
    use deadpool_postgres::tokio_postgres::config::SslMode as Wire;
    let (_dir, ca) = ca_file();
    let check = |url: &str| {
        let pg = postgres(url).expect(url);
        let check = match pg.certificate_check {
            CertificateCheck::None => "none",
            CertificateCheck::Chain(_) => "chain",
            CertificateCheck::ChainAndHost(_) => "chain and host",
        };
        (pg.config.get_ssl_mode(), check)
    };
    let base = "postgres://u:s3cret@db.example:5432/intake";
    for (query, expect) in [
        ("", (Wire::Prefer, "none")),
        ("?sslmode=disable", (Wire::Disable, "none")),
        (
            &format!("?sslmode=disable&sslrootcert={ca}"),
            (Wire::Disable, "none"),
        ),
        ("?sslmode=prefer", (Wire::Prefer, "none")),
        (&format!("?sslrootcert={ca}"), (Wire::Prefer, "chain")),
        ("?sslmode=require", (Wire::Require, "none")),
        (
            &format!("?sslmode=require&sslrootcert={ca}"),
            (Wire::Require, "chain"),
        ),
        (
            &format!("?sslmode=verify-ca&sslrootcert={ca}"),
            (Wire::Require, "chain"),
        ),
        (
            &format!("?sslrootcert={ca}&sslmode=verify-full"),
            (Wire::Require, "chain and host"),
        ),
    ] {
        assert_eq!(check(&format!("{base}{query}")), expect, "{query}");
    }
}

#[test]
fn tls_parameters_leave_the_others_to_tokio_postgres() {
    let (_dir, ca) = ca_file();
    let encoded = ca.replace('/', "%2F");
    let pg = postgres(&format!(
        "postgresql://u@db.example/intake?application_name=a&sslmode=verify-full\
         &sslrootcert={encoded}&options=-c%20search_path%3Dt_1&hostaddr=127.0.0.1"
    ))
    .expect("valid");
    assert!(matches!(
        pg.certificate_check,
        CertificateCheck::ChainAndHost(_)
    ));
    assert_eq!(pg.config.get_application_name(), Some("a"));
    assert_eq!(pg.config.get_options(), Some("-c search_path=t_1"));
    assert_eq!(pg.config.get_hostaddrs().len(), 1);
}

#[test]
fn bad_tls_parameters_are_named_and_never_echo_the_password() {
    let (dir, ca) = ca_file();
    let not_pem = dir.path().join("not.pem");
    std::fs::write(&not_pem, "just text\n").expect("write");
    let broken = dir.path().join("broken.pem");
    std::fs::write(
        &broken,
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
    )
    .expect("write");
    let base = "postgres://u:s3cret@db.example/intake";
    for (query, says) in [
        ("?sslmode=verify_full".to_owned(), "sslmode=verify_full"),
        ("?sslmode=allow".to_owned(), "sslmode=allow"),
        ("?sslmode=Require".to_owned(), "sslmode=Require"),
        ("?sslmode=verify-ca".to_owned(), "sslrootcert=<path"),
        ("?sslmode=verify-full".to_owned(), "sslrootcert=<path"),
        (
            "?sslmode=verify-full&sslrootcert=/nowhere/ca.pem".to_owned(),
            "sslrootcert=/nowhere/ca.pem (No such file",
        ),
        (
            format!("?sslmode=require&sslrootcert={}", not_pem.display()),
            "no CERTIFICATE in it",
        ),
        (
            format!("?sslmode=verify-full&sslrootcert={}", broken.display()),
            "broken.pem (",
        ),
        (
            format!("?sslmode=verify-full&sslrootcert={}", dir.path().display()),
            "sslrootcert=/",
        ),
        (
            format!("?sslmode=verify-full&sslrootcert={ca}&sslcert=c.pem"),
            "(not shown)",
        ),
    ] {
        let e = postgres(&format!("{base}{query}")).expect_err(&query);
        let text = e.to_string();
        assert_eq!(e.var, "DATABASE_URL", "{query}");
        assert!(text.starts_with("DATABASE_URL="), "{text}");
        assert!(text.contains(says), "{query}: {text}");
        assert!(!text.contains("s3cret"), "{text}");
    }
}
