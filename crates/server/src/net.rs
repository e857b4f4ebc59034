//! The network edge: serving connections within bounds, and the client's address.
//!
//! - [`serve`] runs the service over HTTP/1.1 with bounds a slow or idle client cannot
//!   stretch: a request head must arrive within [`Limits::header_read_timeout`], which is also
//!   how long an idle keep-alive connection stays open; at most [`Limits::max_connections`]
//!   connections are served at once, and more wait unread in the kernel's backlog until one
//!   closes; each request then has the app's own time limit (`REQUEST_TIMEOUT`).
//! - [`client_address`] is the socket's peer, or, behind trusted proxies, the
//!   `X-Forwarded-For` entry the outermost trusted proxy appended; never an entry the client
//!   could have written itself.

use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

/// Bounds on connections; see the module docs (the defaults are `config::Config`'s).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub header_read_timeout: Duration,
    pub max_connections: usize,
}

/// Serves `app` on `listener` until `shutdown` resolves, then lets open requests finish.
/// Each request carries the peer's address as `ConnectInfo<SocketAddr>`.
pub async fn serve(listener: TcpListener, app: Router, limits: Limits, shutdown: impl Future<Output = ()>) {
    let permits = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .keep_alive(true);
    tokio::pin!(shutdown);
    loop {
        // Take a place before accepting, so a connection past the limit is not read at all.
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, or a connection reset before it was accepted:
                    // wait a moment instead of spinning.
                    tracing::warn!("cannot accept a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = app.clone().map_request(move |mut request: Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            request
        });
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service)));
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(%peer, "connection ended: {e}");
            }
            drop(permit);
        });
    }
    drop(listener);
    graceful.shutdown().await;
}

/// The client's address. `proxy_hops` is how many trusted proxies in front of the server
/// append to `X-Forwarded-For` (0: none is trusted and the header is ignored). Each proxy
/// appends the address it was reached from, so the entry `proxy_hops` from the right is what
/// the outermost trusted proxy saw; entries left of it are whatever the client sent. When the
/// header has fewer entries, or that entry is not an address, the socket's peer is used.
pub fn client_address(headers: &HeaderMap, peer: Option<SocketAddr>, proxy_hops: usize) -> String {
    let forwarded = if proxy_hops == 0 {
        None
    } else {
        let entries: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect();
        entries
            .len()
            .checked_sub(proxy_hops)
            .and_then(|i| parse_address(entries[i]))
    };
    forwarded
        .or(peer.map(|p| p.ip()))
        .map_or_else(|| "unknown".into(), |ip| ip.to_string())
}

/// An address as proxies write it: bare, or with a port.
fn parse_address(entry: &str) -> Option<IpAddr> {
    entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

/// The address of the client that sent `request` (see [`client_address`]).
pub fn request_address<B>(request: &Request<B>, proxy_hops: usize) -> String {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(peer)| *peer);
    client_address(request.headers(), peer, proxy_hops)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_is_the_one_the_trusted_proxies_appended() {
        let peer: Option<SocketAddr> = Some("192.0.2.1:5000".parse().expect("address"));
        // (X-Forwarded-For lines, hops, expected)
        let table: &[(&[&str], usize, &str)] = &[
            (&["203.0.113.7"], 1, "203.0.113.7"),
            // The client wrote the first entry; nginx appended the second.
            (&["198.51.100.66, 203.0.113.7"], 1, "203.0.113.7"),
            (&["198.51.100.66, 203.0.113.7, 10.0.0.2"], 2, "203.0.113.7"),
            // Two header lines are one list, in order.
            (&["198.51.100.66", "203.0.113.7"], 1, "203.0.113.7"),
            (&["203.0.113.7:4711"], 1, "203.0.113.7"),
            (&["[2001:db8::1]:4711"], 1, "2001:db8::1"),
            (&["2001:db8::1"], 1, "2001:db8::1"),
            // Not trusted: the header is ignored.
            (&["203.0.113.7"], 0, "192.0.2.1"),
            // Fewer entries than hops, or garbage where the proxy's entry should be: the peer.
            (&["203.0.113.7"], 2, "192.0.2.1"),
            (&["203.0.113.7, not-an-address"], 1, "192.0.2.1"),
            (&[], 1, "192.0.2.1"),
        ];
        for (lines, hops, expected) in table {
            let mut headers = HeaderMap::new();
            for line in *lines {
                headers.append("x-forwarded-for", line.parse().expect("header"));
            }
            assert_eq!(
                client_address(&headers, peer, *hops),
                *expected,
                "{lines:?} with {hops} hop(s)"
            );
        }
        assert_eq!(client_address(&HeaderMap::new(), None, 1), "unknown");
    }
}
