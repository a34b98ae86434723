//! The `server` binary: reads the configuration, then serves (no arguments) or runs a staff
//! subcommand. Wiring only; the HTTP surface is `server::app`, the SQL is in `server::store`.

use server::cli::{self, Command};
use server::{AppState, Config, store};
use std::process::ExitCode;

fn main() -> ExitCode {
    server::telemetry::init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match cli::parse(&args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    let result = match command {
        Command::Help => {
            println!("{}", cli::USAGE);
            Ok(())
        }
        Command::Serve => serve(config),
        staff => run_staff(&config, staff),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let addr = config.bind_addr;
        if !config.dist_dir.join("index.html").is_file() && !config.dist_dir.join("pages.json").is_file() {
            tracing::warn!(dist = %config.dist_dir.display(), "no index.html in DIST_DIR; build the app first");
        }
        let state = AppState::new(config).await?;
        let listener = tokio::net::TcpListener::bind(addr).await?;
        tracing::info!(%addr, "serving on http://{addr}");
        server::listen::serve(listener, state, shutdown()).await?;
        Ok(())
    })
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! { () = ctrl_c => {}, () = term => {} }
    tracing::info!("shutting down");
}

fn run_staff(config: &Config, command: Command) -> Result<(), Box<dyn std::error::Error>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(staff(config, command))
}

async fn staff(config: &Config, command: Command) -> Result<(), Box<dyn std::error::Error>> {
    let store = store::Store::open(config.database()).await?;
    match command {
        Command::List => {
            for r in store.list(0).await? {
                println!(
                    "{}\t{}\t{}\t{}",
                    r.reference,
                    store::timestamp(r.received_at),
                    r.outcome,
                    r.flags
                );
            }
        }
        Command::Export { since_ms, format } => {
            print!("{}", store.export(since_ms, format).await?)
        }
        Command::Delete { reference } => {
            // Accept the reference as a person may type it (any case, O for 0...).
            let reference = domain::wire::Reference::parse(&reference)
                .map_or(reference, |r| r.as_str().to_owned());
            if !store.delete(&reference).await? {
                return Err(format!("no request with reference {reference}").into());
            }
            println!("deleted {reference}");
        }
        Command::Purge { older_than_days } => {
            let days = older_than_days.unwrap_or(config.retention_days);
            let (requests, keys) = store.purge(days, store::now_ms()).await?;
            println!(
                "purged {requests} requests older than {days} days and {keys} expired idempotency keys"
            );
        }
        Command::Backup { path } => {
            store.backup(&path).await?;
            println!("backed up to {}", path.display());
        }
        Command::Serve | Command::Help => {}
    }
    Ok(())
}
