//! `DATABASE_URL`: the PostgreSQL connection and how its TLS certificate is checked. libpq's
//! `sslmode` (five values) and `sslrootcert` are read here, because tokio-postgres knows only
//! `disable`, `prefer` and `require`; the URL handed on holds neither. The CA file is the one
//! file the configuration reads, so that a missing or wrong one stops the server at start with
//! the variable named. Which connector checks what is `store/postgres/tls.rs`'s.

use super::{ConfigError, bad};
use deadpool_postgres::tokio_postgres::{self, config::SslMode as WireSslMode};
use percent_encoding::percent_decode_str;
use rustls::RootCertStore;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use std::sync::Arc;

/// The PostgreSQL connection (its `Debug` hides the password), its certificate check and the
/// pool size.
#[derive(Clone, Debug)]
pub struct PostgresSettings {
    /// What tokio-postgres connects with; its `ssl_mode` is `sslmode` narrowed to the three it
    /// knows (`verify-ca` and `verify-full` are `require` plus a certificate check).
    pub config: tokio_postgres::Config,
    pub certificate_check: CertificateCheck,
    pub max_connections: usize,
}

/// `sslmode`, as libpq spells and means it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SslMode {
    /// Plain TCP only.
    Disable,
    /// TLS when the server offers it, else plain TCP (libpq's default).
    #[default]
    Prefer,
    /// TLS or no connection.
    Require,
    /// TLS, with a certificate chain that ends at `sslrootcert`.
    VerifyCa,
    /// `VerifyCa`, and the certificate names the host connected to.
    VerifyFull,
}

/// What the client checks of the server's certificate when the connection is encrypted.
#[derive(Clone, Debug)]
pub enum CertificateCheck {
    /// Nothing: encrypted, not authenticated (`prefer` or `require` without `sslrootcert`).
    None,
    /// The chain ends at one of these CAs (`verify-ca`; `prefer` or `require` with
    /// `sslrootcert`, as in libpq).
    Chain(Arc<RootCertStore>),
    /// The chain, and the host name (`verify-full`).
    ChainAndHost(Arc<RootCertStore>),
}

impl SslMode {
    fn parse(value: &str) -> Option<SslMode> {
        Some(match value {
            "disable" => SslMode::Disable,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            _ => return None,
        })
    }

    fn wire(self) -> WireSslMode {
        match self {
            SslMode::Disable => WireSslMode::Disable,
            SslMode::Prefer => WireSslMode::Prefer,
            SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => WireSslMode::Require,
        }
    }
}

impl PostgresSettings {
    /// `url` as `DATABASE_URL`: a `postgres://` or `postgresql://` URL, with `sslmode` and
    /// `sslrootcert` among its query parameters if wanted. Reads the CA file. An error never
    /// repeats the URL, which may hold a password.
    pub fn from_url(url: &str, max_connections: usize) -> Result<PostgresSettings, ConfigError> {
        let expected =
            "a postgres://user:password@host:port/database URL (unset means SQLite in DATA_DIR)";
        let refuse = || bad("DATABASE_URL", "(not shown)", expected);
        let url = url.trim();
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            return Err(refuse());
        }
        let TlsParams {
            rest,
            sslmode,
            sslrootcert,
        } = TlsParams::take(url).ok_or_else(refuse)?;
        let mut config: tokio_postgres::Config = rest.parse().map_err(|_| refuse())?;
        let mode = match sslmode {
            None => SslMode::default(),
            Some(value) => SslMode::parse(&value).ok_or_else(|| {
                bad(
                    "DATABASE_URL",
                    &format!("sslmode={value}"),
                    "sslmode disable, prefer, require, verify-ca or verify-full",
                )
            })?,
        };
        config.ssl_mode(mode.wire());
        Ok(PostgresSettings {
            config,
            certificate_check: certificate_check(mode, sslrootcert.as_deref())?,
            max_connections,
        })
    }
}

/// libpq's rule: `sslrootcert` makes `prefer` and `require` check the chain too; `verify-ca`
/// and `verify-full` refuse to run without it (libpq would look in `~/.postgresql/root.crt`,
/// a file a server process should not depend on); `disable` never reads it.
fn certificate_check(
    mode: SslMode,
    sslrootcert: Option<&str>,
) -> Result<CertificateCheck, ConfigError> {
    let roots = match (mode, sslrootcert) {
        (SslMode::Disable, _) => return Ok(CertificateCheck::None),
        (SslMode::VerifyCa | SslMode::VerifyFull, None) => {
            return Err(bad(
                "DATABASE_URL",
                if mode == SslMode::VerifyCa {
                    "sslmode=verify-ca"
                } else {
                    "sslmode=verify-full"
                },
                "sslrootcert=<path to a PEM CA file> beside sslmode verify-ca or verify-full",
            ));
        }
        (_, None) => return Ok(CertificateCheck::None),
        (_, Some(path)) => Arc::new(read_roots(path)?),
    };
    Ok(match mode {
        SslMode::VerifyFull => CertificateCheck::ChainAndHost(roots),
        _ => CertificateCheck::Chain(roots),
    })
}

/// Every certificate of the PEM file at `path`, as trust anchors; at least one.
fn read_roots(path: &str) -> Result<RootCertStore, ConfigError> {
    let expected = "sslrootcert: a readable PEM file of CA certificates";
    let refuse = |why: &dyn std::fmt::Display| {
        bad(
            "DATABASE_URL",
            &format!("sslrootcert={path} ({why})"),
            expected,
        )
    };
    let pem = std::fs::read(path).map_err(|e| refuse(&e))?;
    let mut roots = RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(&pem) {
        let cert = cert.map_err(|e| refuse(&e))?;
        roots.add(cert).map_err(|e| refuse(&e))?;
    }
    if roots.is_empty() {
        return Err(refuse(&"no CERTIFICATE in it"));
    }
    Ok(roots)
}

/// A URL with `sslmode` and `sslrootcert` taken out of its query, and their decoded values.
struct TlsParams {
    rest: String,
    sslmode: Option<String>,
    sslrootcert: Option<String>,
}

impl TlsParams {
    /// `None` when a parameter's name or value is not UTF-8 once percent-decoded.
    fn take(url: &str) -> Option<TlsParams> {
        let (base, query) = match url.split_once('?') {
            Some((base, query)) => (base, query),
            None => (url, ""),
        };
        let decode = |s: &str| {
            percent_decode_str(s)
                .decode_utf8()
                .ok()
                .map(|s| s.into_owned())
        };
        let mut params = TlsParams {
            rest: base.to_owned(),
            sslmode: None,
            sslrootcert: None,
        };
        let mut kept = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            match decode(name)?.as_str() {
                "sslmode" => params.sslmode = Some(decode(value)?),
                "sslrootcert" => params.sslrootcert = Some(decode(value)?),
                _ => kept.push(pair),
            }
        }
        if !kept.is_empty() {
            params.rest = format!("{base}?{}", kept.join("&"));
        }
        Some(params)
    }
}
