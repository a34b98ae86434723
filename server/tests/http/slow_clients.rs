//! One client cannot make the server answer 503 to everyone: over real TCP on loopback, a client
//! on 127.0.0.2 holds slow bodies, idle and slow-header connections, while a client on 127.0.0.1
//! is still answered. The server runs in this process on a port of its own.

use crate::support::*;
use server::Config;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpSocket, TcpStream};

const SLOW: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, 2));
const OTHER: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);
/// Long enough that no answer here comes from a timer the test did not mean to reach.
const GUARD: Duration = Duration::from_secs(30);

/// A server on the first free port of 18100-18199 (this helper's range), and its harness.
async fn listening(tweak: impl FnOnce(&mut Config)) -> (SocketAddr, Harness) {
    let h = harness_with(tweak).await;
    for port in 18100..18200 {
        if let Ok(listener) = tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
            let addr = listener.local_addr().expect("addr");
            let state = h.state.clone();
            tokio::spawn(server::listen::serve(
                listener,
                state,
                std::future::pending(),
            ));
            return (addr, h);
        }
    }
    panic!("no free port in 18100-18199");
}

async fn connect_from(ip: IpAddr, to: SocketAddr) -> TcpStream {
    let socket = TcpSocket::new_v4().expect("socket");
    socket
        .bind(SocketAddr::new(ip, 0))
        .expect("bind the client address");
    socket.connect(to).await.expect("connect")
}

/// Reads until the server closes or a whole head has come; the status code, or 0 when the
/// server closed without answering.
async fn status_of(stream: &mut TcpStream) -> u16 {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let read = tokio::time::timeout(GUARD, stream.read(&mut buf))
            .await
            .expect("the server answers or closes");
        match read {
            Ok(0) | Err(_) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
        if got.windows(4).any(|w| w == b"\r\n\r\n") {
            break;
        }
    }
    let text = String::from_utf8_lossy(&got);
    text.split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn slow_post_head(n: u32, length: u64) -> String {
    format!(
        "POST /api/requests HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
         Idempotency-Key: {}\r\nContent-Length: {length}\r\n\r\n{{",
        key(n)
    )
}

async fn get_health(from: IpAddr, to: SocketAddr) -> u16 {
    let mut s = connect_from(from, to).await;
    s.write_all(b"GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .expect("write");
    status_of(&mut s).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_bodies_from_one_client_leave_the_others_answered() {
    let (addr, h) = listening(|c| {
        c.max_concurrency = 4;
        c.max_requests_per_client = 2;
        c.body_timeout = Duration::from_secs(2);
    })
    .await;
    let mut held = Vec::new();
    let mut refused = 0;
    for n in 0..8 {
        let mut s = connect_from(SLOW, addr).await;
        s.write_all(slow_post_head(n, 1000).as_bytes())
            .await
            .expect("write");
        if held.len() < 2 {
            // Wait until the server holds this one's slot.
            while h.state.requests_per_client.held(SLOW) < held.len() + 1 {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            held.push(s);
        } else {
            assert_eq!(
                status_of(&mut s).await,
                503,
                "beyond its share: shed at once"
            );
            refused += 1;
        }
    }
    assert_eq!(refused, 6);
    assert_eq!(h.state.requests_per_client.held(SLOW), 2);
    // Everyone else is still answered, reads and writes.
    assert_eq!(get_health(OTHER, addr).await, 200);
    let mut s = connect_from(OTHER, addr).await;
    let body = serde_json::to_string(&valid_body(&key(100), 100)).expect("json");
    s.write_all(
        format!(
            "POST /api/requests HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
             Idempotency-Key: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            key(100),
            body.len()
        )
        .as_bytes(),
    )
    .await
    .expect("write");
    assert_eq!(status_of(&mut s).await, 201);
    // The held bodies never finish: 408 at the body deadline, and their slots come back.
    for mut s in held {
        assert_eq!(status_of(&mut s).await, 408);
    }
    assert_eq!(h.stored().await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_content_length_is_413_before_the_body() {
    // The body deadline is far beyond the test's guard: only an answer at once passes.
    let (addr, _h) = listening(|c| c.body_timeout = Duration::from_secs(600)).await;
    let mut s = connect_from(SLOW, addr).await;
    s.write_all(slow_post_head(1, 1_000_000_000_000).as_bytes())
        .await
        .expect("write");
    assert_eq!(status_of(&mut s).await, 413);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_and_slow_header_connections_are_closed() {
    let (addr, _h) = listening(|c| c.header_timeout = Duration::from_secs(1)).await;
    // Nothing sent at all.
    let mut idle = connect_from(SLOW, addr).await;
    // A head that never ends.
    let mut trickle = connect_from(SLOW, addr).await;
    trickle
        .write_all(b"GET / HTTP/1.1\r\nHost: loc")
        .await
        .expect("write");
    // A kept-alive connection after its first answer.
    let mut kept = connect_from(SLOW, addr).await;
    kept.write_all(b"GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .expect("write");
    assert_eq!(status_of(&mut kept).await, 200);
    for s in [&mut idle, &mut trickle, &mut kept] {
        let mut buf = [0u8; 1024];
        let closed = tokio::time::timeout(GUARD, async {
            loop {
                match s.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {}
                }
            }
        })
        .await;
        assert!(closed.is_ok(), "the server closes the connection");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_per_client_are_capped() {
    let (addr, _h) = listening(|c| {
        c.max_connections_per_client = 3;
        c.header_timeout = Duration::from_secs(600);
    })
    .await;
    let mut open = Vec::new();
    for _ in 0..3 {
        let mut s = connect_from(SLOW, addr).await;
        // A first answer proves the server took the connection.
        s.write_all(b"GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .await
            .expect("write");
        assert_eq!(status_of(&mut s).await, 200);
        open.push(s);
    }
    let mut fourth = connect_from(SLOW, addr).await;
    let _ = fourth
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await;
    assert_eq!(status_of(&mut fourth).await, 0, "closed without an answer");
    assert_eq!(get_health(OTHER, addr).await, 200);
    drop(open);
}
