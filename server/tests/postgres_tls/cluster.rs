//! A PostgreSQL cluster of the test's own with `ssl=on`: initdb into a temporary folder, a CA
//! and a server certificate made here (rcgen), `hostssl`-only `pg_hba.conf`, started on
//! loopback, stopped and removed when dropped. As root the PostgreSQL tools run as `postgres`
//! (initdb refuses root), as `as_pg` does in `scripts/lib/postgres.sh`. When a start fails, or
//! the test panics while the cluster runs, the tools' output and the server's log are printed
//! first.

use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

/// A CA: its PEM certificate and the issuer that signs with its key.
pub struct Ca {
    pub pem: String,
    issuer: rcgen::CertifiedIssuer<'static, rcgen::KeyPair>,
}

impl Ca {
    pub fn new(name: &str) -> Ca {
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("CA params");
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, name);
        params.key_usages = vec![
            rcgen::KeyUsagePurpose::KeyCertSign,
            rcgen::KeyUsagePurpose::CrlSign,
        ];
        let key = rcgen::KeyPair::generate().expect("CA key");
        let issuer = rcgen::CertifiedIssuer::self_signed(params, key).expect("CA certificate");
        Ca {
            pem: issuer.pem(),
            issuer,
        }
    }

    /// A server certificate for `names` and its private key, both PEM.
    pub fn server_certificate(&self, names: &[&str]) -> (String, String) {
        let names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        let mut params = rcgen::CertificateParams::new(names.clone()).expect("server params");
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, names[0].as_str());
        let key = rcgen::KeyPair::generate().expect("server key");
        let cert = params.signed_by(&key, &self.issuer).expect("server cert");
        (cert.pem(), key.serialize_pem())
    }
}

pub struct Cluster {
    pub dir: TempDir,
    bin: PathBuf,
}

impl Cluster {
    /// initdb, the certificate and key, `pg_hba.conf`, then `pg_ctl start`; panics with the
    /// logs when a step fails.
    pub fn start(port: u16, cert_pem: &str, key_pem: &str) -> Cluster {
        let cluster = Cluster {
            dir: TempDir::new().expect("temp dir"),
            bin: pg_bin(),
        };
        let dir = cluster.dir.path();
        let data = dir.join("data");
        cluster.give_to_postgres();
        cluster.run(
            "initdb",
            &[
                "-D",
                path(&data),
                "-U",
                "intake",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ],
        );
        std::fs::write(dir.join("server.crt"), cert_pem).expect("write certificate");
        std::fs::write(dir.join("server.key"), key_pem).expect("write key");
        // PostgreSQL refuses a key that others may read.
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(
            dir.join("server.key"),
            std::fs::Permissions::from_mode(0o600),
        )
        .expect("key mode");
        // Only TLS over TCP: a plain connection finds no line to match and is refused.
        std::fs::write(
            data.join("pg_hba.conf"),
            "local all all trust\nhostssl all all 127.0.0.1/32 trust\n",
        )
        .expect("write pg_hba.conf");
        cluster.give_to_postgres();
        let options = format!(
            "-c listen_addresses=127.0.0.1 -p {port} -k {dir} -c fsync=on -c ssl=on \
             -c ssl_cert_file={dir}/server.crt -c ssl_key_file={dir}/server.key",
            dir = path(dir)
        );
        let log = dir.join("log");
        cluster.run(
            "pg_ctl",
            &[
                "-D",
                path(&data),
                "-l",
                path(&log),
                "-w",
                "-t",
                "120",
                "start",
                "-o",
                &options,
            ],
        );
        cluster
    }

    /// Runs a PostgreSQL tool (as `postgres` when we are root); panics with the logs when it
    /// fails.
    fn run(&self, tool: &str, args: &[&str]) {
        let program = self.bin.join(tool);
        let mut command = if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&program);
            c
        } else {
            Command::new(&program)
        };
        let output = command.args(args).output().expect("run a PostgreSQL tool");
        if !output.status.success() {
            eprintln!(
                "---- {tool} failed ({})\n{}{}",
                output.status,
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
            self.print_log();
            panic!("{tool} failed: see its output and the server's log above");
        }
    }

    /// As root the folder and everything in it must belong to `postgres`.
    fn give_to_postgres(&self) {
        if !is_root() {
            return;
        }
        let status = Command::new("chown")
            .args(["-R", "postgres:", path(self.dir.path())])
            .status()
            .expect("chown");
        assert!(status.success(), "chown -R postgres: {:?}", self.dir.path());
    }

    pub fn print_log(&self) {
        let log = self.dir.path().join("log");
        match std::fs::read_to_string(&log) {
            Ok(text) => eprintln!(
                "---- {}\n{text}---- end of the PostgreSQL log",
                log.display()
            ),
            Err(e) => eprintln!("---- no PostgreSQL log at {}: {e}", log.display()),
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.print_log();
        }
        let data = self.dir.path().join("data");
        let mut command = if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"])
                .arg(self.bin.join("pg_ctl"));
            c
        } else {
            Command::new(self.bin.join("pg_ctl"))
        };
        let _ = command
            .args(["-D", path(&data), "-m", "immediate", "-w", "stop"])
            .output();
    }
}

/// The newest `/usr/lib/postgresql/<version>/bin`, as `pg_bin` in `scripts/lib/postgres.sh`.
fn pg_bin() -> PathBuf {
    let newest = std::fs::read_dir("/usr/lib/postgresql")
        .expect("PostgreSQL is installed (scripts/lib/postgres.sh installs it)")
        .filter_map(Result::ok)
        .filter_map(|e| {
            let version: u32 = e.file_name().to_str()?.parse().ok()?;
            Some((version, e.path().join("bin")))
        })
        .filter(|(_, bin)| bin.join("postgres").exists())
        .max();
    newest
        .expect("a PostgreSQL server in /usr/lib/postgresql")
        .1
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary path")
}
