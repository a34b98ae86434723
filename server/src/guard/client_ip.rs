//! Which IP address a request comes from: the socket peer, or, only when the peer is a configured
//! trusted proxy, the nearest untrusted address in `X-Forwarded-For`. Nothing else is believed.

use axum::extract::{ConnectInfo, Request};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// The client address used for rate limiting (unspecified when the server runs without sockets).
pub fn client_ip(request: &Request, trusted: &[IpAddr]) -> IpAddr {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| {
            c.0.ip().to_canonical()
        });
    let trusted = |ip: &IpAddr| trusted.iter().any(|t| t.to_canonical() == *ip);
    if !trusted(&peer) {
        return peer;
    }
    let forwarded = request
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect::<Vec<_>>();
    // Walk from the nearest hop back; the first address that is not one of our proxies is the
    // client as our proxy saw it. Anything further left could be forged by the client, so a hop
    // that is not an address ("unknown", garbage) ends the walk: the client is then the nearest
    // proxy that forwarded it, never an entry the client may have written.
    let mut client = peer;
    for hop in forwarded.iter().rev() {
        let Some(ip) = address_of(hop) else {
            return client;
        };
        if !trusted(&ip) {
            return ip;
        }
        client = ip;
    }
    client
}

/// The address of one `X-Forwarded-For` entry: an IP address, or one with a port as some proxies
/// write it (`203.0.113.5:4711`, `[2001:db8::1]:4711`); IPv4 written as IPv6 is read as IPv4.
fn address_of(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .or_else(|_| hop.parse::<SocketAddr>().map(|s| s.ip()))
        .ok()
        .map(|ip| ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    fn from(peer: &str, forwarded: Option<&str>) -> Request {
        let mut request = Request::new(Body::empty());
        let peer: SocketAddr = peer.parse().expect("a socket address");
        request.extensions_mut().insert(ConnectInfo(peer));
        if let Some(f) = forwarded {
            request
                .headers_mut()
                .insert("x-forwarded-for", f.parse().expect("a header value"));
        }
        request
    }

    fn proxy() -> Vec<IpAddr> {
        vec!["10.0.0.9".parse().expect("ip")]
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("ip")
    }

    #[test]
    fn the_nearest_untrusted_hop_behind_our_proxy_is_the_client() {
        let r = from("10.0.0.9:40000", Some("198.51.100.7, 203.0.113.1"));
        assert_eq!(client_ip(&r, &proxy()), ip("203.0.113.1"));
    }

    #[test]
    fn a_hop_that_is_not_an_address_ends_the_walk_at_our_proxy() {
        // The client wrote 198.51.100.7 itself; our proxy wrote "unknown" for what it saw.
        let r = from("10.0.0.9:40000", Some("198.51.100.7, unknown"));
        assert_eq!(client_ip(&r, &proxy()), ip("10.0.0.9"));
        let r = from(
            "10.0.0.9:40000",
            Some("198.51.100.7, 10.0.0.9, not-an-ip, 10.0.0.9"),
        );
        assert_eq!(client_ip(&r, &proxy()), ip("10.0.0.9"));
    }

    #[test]
    fn a_hop_with_a_port_is_its_address() {
        let r = from("10.0.0.9:40000", Some("203.0.113.5:4711"));
        assert_eq!(client_ip(&r, &proxy()), ip("203.0.113.5"));
        let r = from("10.0.0.9:40000", Some("[2001:db8::1]:4711"));
        assert_eq!(client_ip(&r, &proxy()), ip("2001:db8::1"));
    }

    #[test]
    fn an_ipv4_proxy_is_recognised_on_a_dual_stack_socket() {
        // Bound to [::], an IPv4 peer arrives as ::ffff:10.0.0.9.
        let r = from("[::ffff:10.0.0.9]:40000", Some("::ffff:203.0.113.1"));
        assert_eq!(client_ip(&r, &proxy()), ip("203.0.113.1"));
        let r = from("[::ffff:10.0.0.1]:40000", None);
        assert_eq!(client_ip(&r, &proxy()), ip("10.0.0.1"));
    }

    #[test]
    fn without_a_trusted_proxy_the_header_is_ignored() {
        let r = from("10.0.0.1:40000", Some("203.0.113.1"));
        assert_eq!(client_ip(&r, &[]), ip("10.0.0.1"));
    }
}
