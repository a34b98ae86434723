//! The binary's command line: staff subcommands on a database (SQLite, or PostgreSQL when
//! `TEST_DATABASE_URL` is set), exit codes for bad arguments and bad configuration. Runs the
//! built `server` binary; no socket.

#[path = "http/support.rs"]
#[allow(dead_code)] // shared with the oneshot tests; this test uses only the database helpers
mod support;

use std::process::{Command, Output};

/// Where the binary finds the database: `DATA_DIR`, and `DATABASE_URL` on PostgreSQL.
struct Db {
    dir: std::path::PathBuf,
    url: Option<String>,
}

fn run(db: &Db, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_server"));
    cmd.args(args)
        .env("RUST_LOG", "warn")
        .env_remove("DATABASE_URL");
    for (k, v) in support::database_env(&db.dir, db.url.as_deref()) {
        cmd.env(k, v);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run the server binary")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A fresh database with one request stored through the store, as the server would.
fn seeded(dir: &std::path::Path) -> Db {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let url = support::fresh_postgres_schema().await;
        let store = support::open_store(dir, url.as_deref()).await;
        let stored = store
            .insert(server::store::NewRequest {
                key: "00000000-0000-4000-8000-000000000001".into(),
                body_sha256: vec![0; 32],
                reference: "CT-7K3M9Q2X".into(),
                body: r#"{"patient":{"name":"A"},"treatment_country":"germany"}"#.into(),
                flags: "too_fast".into(),
                outcome: "eligible".into(),
                reasons: String::new(),
            })
            .await
            .expect("insert");
        assert!(matches!(stored, server::store::Stored::Created(_)));
        Db {
            dir: dir.to_path_buf(),
            url,
        }
    })
}

#[test]
fn staff_subcommands() {
    let dir = tempfile::TempDir::new().expect("tmp");
    let data = seeded(&dir.path().join("data"));

    let list = run(&data, &["list"], &[]);
    assert!(list.status.success(), "{}", text(&list));
    assert!(text(&list).contains("CT-7K3M9Q2X") && text(&list).contains("too_fast"));

    let csv = run(&data, &["export", "--since", "2026-01-01"], &[]);
    assert!(csv.status.success());
    assert!(String::from_utf8_lossy(&csv.stdout).contains("\"CT-7K3M9Q2X\""));
    let json = run(
        &data,
        &["export", "--since", "2026-01-01", "--format", "json"],
        &[],
    );
    let parsed: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json export");
    assert_eq!(parsed[0]["request"]["treatment_country"], "germany");
    let none = run(
        &data,
        &["export", "--since", "2999-01-01", "--format", "json"],
        &[],
    );
    assert_eq!(String::from_utf8_lossy(&none.stdout).trim(), "[]");

    let backup = dir.path().join("copy.sqlite3");
    let b = run(&data, &["backup", backup.to_str().expect("utf-8")], &[]);
    if support::on_postgres() {
        assert!(
            !b.status.success(),
            "PostgreSQL backs up with its own tools"
        );
        assert!(text(&b).contains("pg_dump"), "{}", text(&b));
    } else {
        assert!(b.status.success() && backup.is_file(), "{}", text(&b));
        assert!(
            !run(&data, &["backup", backup.to_str().expect("utf-8")], &[])
                .status
                .success()
        );
    }

    assert!(
        run(&data, &["delete", "ct-7k3m 9q2x"], &[])
            .status
            .success(),
        "loosely typed reference"
    );
    assert!(
        !run(&data, &["delete", "CT-7K3M9Q2X"], &[]).status.success(),
        "already gone"
    );

    let purge = run(&data, &["purge", "--older-than-days", "30"], &[]);
    assert!(purge.status.success(), "{}", text(&purge));
}

#[test]
fn bad_arguments_and_configuration_exit_2() {
    let dir = tempfile::TempDir::new().expect("tmp");
    let db = Db {
        dir: dir.path().to_path_buf(),
        url: None,
    };
    let bad_args = run(&db, &["frobnicate"], &[]);
    assert_eq!(bad_args.status.code(), Some(2));
    assert!(text(&bad_args).contains("usage:"));
    for (var, value) in [
        ("BIND_ADDR", "localhost"),
        ("RATE_LIMIT_PER_MINUTE", "many"),
        ("PUBLIC_URL", "ftp://x"),
        ("DATABASE_URL", "mysql://u:p@h/db"),
    ] {
        let o = run(&db, &["list"], &[(var, value)]);
        assert_eq!(o.status.code(), Some(2), "{var}");
        assert!(
            text(&o).contains(var),
            "the message names {var}: {}",
            text(&o)
        );
    }
}

#[test]
fn logs_go_to_stderr_and_the_database_file_is_private() {
    let dir = tempfile::TempDir::new().expect("tmp");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let db = Db {
        dir: dir.path().join("data"),
        url: runtime.block_on(support::fresh_postgres_schema()),
    };
    // A fresh database: the migrations are logged (at info) while the export is written.
    let out = run(
        &db,
        &["export", "--since", "2026-01-01", "--format", "json"],
        &[("RUST_LOG", "info")],
    );
    assert!(out.status.success(), "{}", text(&out));
    let export: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("stdout holds the export and nothing else");
    assert_eq!(export, serde_json::json!([]));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("applied migration"),
        "{}",
        text(&out)
    );
    if db.url.is_none() {
        use std::os::unix::fs::PermissionsExt as _;
        let file = server::store::database_path(&db.dir);
        let mode = std::fs::metadata(file)
            .expect("the file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
}
