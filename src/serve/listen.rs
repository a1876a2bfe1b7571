//! The connections: accepting them within a cap, hyper's HTTP/1 settings
//! for each, and a shutdown that ends every connection within
//! [`SHUTDOWN_GRACE`](super::SHUTDOWN_GRACE).

use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::sync::Semaphore;

use super::{SHUTDOWN_GRACE, State, router};

/// The largest request head (request line and headers) read, in bytes;
/// a larger one is answered 431 and the connection closed.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// The most a connection buffers while reading, in bytes (hyper's minimum
/// is 8 KiB); bodies are read through it in pieces of at most this size.
const MAX_BUFFER_BYTES: usize = 64 * 1024;

/// Serves on `listener` until `shutdown` completes; then stops accepting,
/// closes idle connections, lets the requests under way finish and, after
/// [`SHUTDOWN_GRACE`], drops whatever connection is still open.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: State,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) {
    let connections = Arc::new(Semaphore::new(state.max_connections));
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(state.header_timeout)
        .max_buf_size(MAX_BUFFER_BYTES)
        .max_header_size(MAX_HEADER_BYTES);
    let app = router(Arc::new(state));
    let graceful = GracefulShutdown::new();
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
        let conn =
            http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()));
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            // An error here is the client's (it left, or sent what is not
            // HTTP, or too slowly); the connection ends either way.
            let _ = conn.await;
            drop(place);
        });
    }
    drop(listener);
    // Idle connections close at once, those with a request under way after
    // its answer; one that is still open after the grace is dropped with
    // the runtime.
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown()).await;
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
