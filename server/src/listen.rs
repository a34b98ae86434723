//! The accept loop: HTTP/1.1 connections on a TCP listener, each served by `app(state)` with its
//! peer address. It owns what only a socket can decide: a cap on open connections per peer IP
//! (trusted proxies exempt), and the header-read timeout that also closes idle keep-alive
//! connections. Body deadlines and per-client request caps are middleware (`crate::guard`).

use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::future::Future;
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceExt as _;

use crate::AppState;

/// How long the loop waits after a failed accept (out of file descriptors, usually).
const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);

/// Serves `app(state)` on `listener` until `shutdown` completes, then lets open requests finish.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send,
) -> std::io::Result<()> {
    let app = crate::app(state.clone());
    let connections = crate::guard::PerIp::default();
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(state.config.header_timeout)
        .max_buf_size(64 * 1024);
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let exempt = state.config.trusted_proxies.contains(&peer.ip());
        let slot = if exempt {
            None
        } else {
            match connections.take(peer.ip(), state.config.max_connections_per_client) {
                Some(slot) => Some(slot),
                // Closed at once: this peer already holds its share of the server's sockets.
                None => continue,
            }
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            app.clone().oneshot(request.map(axum::body::Body::new))
        });
        let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _slot = slot;
            // Errors here are the client's (reset, timed out, malformed): nothing to report.
            let _ = connection.await;
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}
