//! Which address a request came from, for the audit log and the login throttle. Behind a
//! reverse proxy every request comes from the proxy; its `X-Forwarded-For` is believed only
//! when the proxy is one named in `MAMORI_TRUSTED_PROXIES`, since anyone can send the header.

use axum::{
    extract::{ConnectInfo, Request, State},
    middleware::Next,
    response::Response,
};
use mamori_app::api::ClientAddress;
use std::{
    net::{IpAddr, SocketAddr},
    sync::Arc,
};

/// The proxies whose `X-Forwarded-For` is believed (`MAMORI_TRUSTED_PROXIES`).
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Arc<[IpAddr]>);

impl TrustedProxies {
    pub fn new(addresses: Vec<IpAddr>) -> Self {
        Self(addresses.into())
    }

    /// The client's address: the peer's, or, when the peer is a trusted proxy, the nearest
    /// address in `X-Forwarded-For` that is not itself a trusted proxy (the ones further left
    /// were written by the client and prove nothing).
    fn client(&self, peer: IpAddr, forwarded_for: Option<&str>) -> IpAddr {
        if !self.0.contains(&peer) {
            return peer;
        }
        let mut client = peer;
        for hop in forwarded_for.unwrap_or_default().rsplit(',') {
            match hop.trim().parse::<IpAddr>() {
                Ok(address) => {
                    client = address;
                    if !self.0.contains(&address) {
                        break;
                    }
                }
                Err(_) => break,
            }
        }
        client
    }
}

/// Puts the client's address in the request for the handlers (`ClientAddress`): `unknown`
/// when the server was started without connection info.
pub(super) async fn find(
    State(proxies): State<TrustedProxies>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    let forwarded_for = request
        .headers()
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok());
    let client = peer.map_or_else(
        || "unknown".to_string(),
        |peer| proxies.client(peer, forwarded_for).to_string(),
    );
    request.extensions_mut().insert(ClientAddress(client));
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn the_forwarded_address_is_believed_only_from_a_trusted_proxy() {
        let proxies = TrustedProxies::new(vec![ip("10.0.0.1"), ip("10.0.0.2")]);
        // Straight from a client: its header is ignored.
        assert_eq!(
            proxies.client(ip("192.0.2.7"), Some("203.0.113.9")),
            ip("192.0.2.7")
        );
        // Through the proxy: the address it saw.
        assert_eq!(
            proxies.client(ip("10.0.0.1"), Some("203.0.113.9")),
            ip("203.0.113.9")
        );
        // A client's own entry further left, and a second trusted proxy, are skipped.
        assert_eq!(
            proxies.client(ip("10.0.0.1"), Some("1.2.3.4, 203.0.113.9, 10.0.0.2")),
            ip("203.0.113.9")
        );
        // Nothing usable forwarded: the proxy itself.
        assert_eq!(proxies.client(ip("10.0.0.1"), None), ip("10.0.0.1"));
        assert_eq!(
            proxies.client(ip("10.0.0.1"), Some("not-an-address")),
            ip("10.0.0.1")
        );
        // No proxies configured: the peer, whatever the header says.
        assert_eq!(
            TrustedProxies::default().client(ip("10.0.0.1"), Some("203.0.113.9")),
            ip("10.0.0.1")
        );
    }
}
