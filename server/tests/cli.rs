//! The binary's command line: staff subcommands on a database, exit codes for bad arguments and
//! bad configuration. Runs the built `server` binary; no socket.

use std::process::{Command, Output};

fn run(data: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_server"));
    cmd.args(args).env("DATA_DIR", data).env("RUST_LOG", "warn");
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

/// Stores one request through the store's writer, as the server would.
fn seed(data: &std::path::Path) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let store = server::store::Store::open(data).expect("open");
        let stored = store
            .writer
            .insert(server::store::NewRequest {
                key: "00000000-0000-4000-8000-000000000001".into(),
                body_sha256: vec![0; 32],
                reference: "CT-7K3M9Q2X".into(),
                body: r#"{"patient":{"name":"A"},"treatment_country":"germany"}"#.into(),
                flags: "too_fast".into(),
                outcome: "eligible".into(),
            })
            .await
            .expect("insert");
        assert!(matches!(stored, server::store::Stored::Created(_)));
    });
}

#[test]
fn staff_subcommands() {
    let dir = tempfile::TempDir::new().expect("tmp");
    let data = dir.path().join("data");
    seed(&data);

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
    assert!(b.status.success() && backup.is_file(), "{}", text(&b));
    assert!(
        !run(&data, &["backup", backup.to_str().expect("utf-8")], &[])
            .status
            .success()
    );

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
    let bad_args = run(dir.path(), &["frobnicate"], &[]);
    assert_eq!(bad_args.status.code(), Some(2));
    assert!(text(&bad_args).contains("usage:"));
    for (var, value) in [
        ("BIND_ADDR", "localhost"),
        ("RATE_LIMIT_PER_MINUTE", "many"),
        ("PUBLIC_URL", "ftp://x"),
    ] {
        let o = run(dir.path(), &["list"], &[(var, value)]);
        assert_eq!(o.status.code(), Some(2), "{var}");
        assert!(
            text(&o).contains(var),
            "the message names {var}: {}",
            text(&o)
        );
    }
}
