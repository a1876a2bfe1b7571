//! The connections: accepting them within a cap, hyper's HTTP/1 settings
//! for each, an age limit ([`MAX_CONNECTION_AGE`](super::MAX_CONNECTION_AGE)), and a shutdown that ends every connection
//! within [`SHUTDOWN_GRACE`](super::SHUTDOWN_GRACE).

use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::sync::{Semaphore, watch};

use super::{SHUTDOWN_GRACE, State, router};

/// The largest request head (request line and headers) read, in bytes;
/// a larger one is answered 431 and the connection closed.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// The most a connection buffers while reading, in bytes (hyper's minimum
/// is 8 KiB); bodies are read through it in pieces of at most this size.
const MAX_BUFFER_BYTES: usize = 64 * 1024;

/// The header time limit of a connection accepted while fewer than an
/// eighth of the places are free: a client that keeps a connection open
/// and idle, or sends its headers slowly, gives its place up sooner when
/// others are waiting.
const CROWDED_HEADER_TIMEOUT: Duration = Duration::from_secs(1);

/// Serves on `listener` until `shutdown` completes; then stops accepting,
/// closes idle connections, lets the requests under way finish and, after
/// [`SHUTDOWN_GRACE`], drops whatever connection is still open.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: State,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) {
    let max = state.max_connections;
    let max_age = state.max_age;
    let connections = Arc::new(Semaphore::new(max));
    let builder = |header_timeout: Duration| {
        let mut http = http1::Builder::new();
        http.timer(TokioTimer::new())
            .header_read_timeout(header_timeout)
            .max_buf_size(MAX_BUFFER_BYTES)
            .max_header_size(MAX_HEADER_BYTES);
        http
    };
    let (calm, crowded) = (
        builder(state.header_timeout),
        builder(state.header_timeout.min(CROWDED_HEADER_TIMEOUT)),
    );
    let app = router(Arc::new(state));
    let (stop, stopping) = watch::channel(false);
    tokio::pin!(shutdown);
    loop {
        // A free place first, then a connection: beyond the cap, clients
        // wait in the operating system's queue, not in the server's memory.
        let place = tokio::select! {
            place = connections.clone().acquire_owned() => place,
            () = &mut shutdown => break,
        };
        let Ok(place) = place else { break };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(e) => {
                // A connection that failed before it was accepted concerns
                // that client alone; anything else (out of file
                // descriptors) passes with time, so wait a little.
                if !is_connection_error(&e) {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let http = if connections.available_permits() < max / 8 {
            &crowded
        } else {
            &calm
        };
        let conn =
            http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()));
        let mut stopping = stopping.clone();
        tokio::spawn(async move {
            tokio::pin!(conn);
            // An error here is the client's (it left, or sent what is not
            // HTTP, or too slowly); the connection ends either way.
            tokio::select! {
                _ = conn.as_mut() => {}
                () = tokio::time::sleep(max_age) => {
                    // Old enough: the request under way is answered, then
                    // the connection closes, and its place goes to the
                    // next client in the queue.
                    conn.as_mut().graceful_shutdown();
                    let _ = conn.as_mut().await;
                }
                _ = stopping.changed() => {
                    conn.as_mut().graceful_shutdown();
                    let _ = conn.as_mut().await;
                }
            }
            drop(place);
        });
    }
    drop(listener);
    // Idle connections close at once, those with a request under way after
    // its answer; one that is still open after the grace is dropped with
    // the runtime. Every place back means every connection has ended.
    let _ = stop.send(true);
    let all = u32::try_from(max).unwrap_or(u32::MAX);
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, connections.acquire_many(all)).await;
}

/// An error of one connection while it was accepted, not of the listener.
fn is_connection_error(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::ConnectionReset
    )
}
