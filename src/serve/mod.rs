//! The questionnaire: a web page served on the local machine where a planning
//! team rates the factors of a rulebook and watches the assessment move, and
//! the HTTP API the page uses (feature `serve`).
//!
//! The page is generated in the browser from `GET /api/rulebook`, so another
//! rulebook gets its own questionnaire. Every number on it comes from the
//! library through the API, and every sentence about a result (a verdict's
//! meaning, why there is no verdict, what to rate and state first, why a
//! result is provisional, why a target is out of reach, an entity below
//! what the text asks, a warning) is written by the same functions as the
//! reports and sent with it (`POST /api/panel`): the page computes and
//! words nothing of its own.
//!
//! | route | answer |
//! |---|---|
//! | `GET /` | the page (HTML, CSS and scripts embedded in the binary: `/app.css`, `/app.js`, and `/facilitator.js` for the view of a panel of assessors) |
//! | `GET /api/rulebook` | the rulebook as JSON, as `rulebook --format json` prints it |
//! | `GET /api/mission` | the mission the server was started with, as JSON, or `null` |
//! | `POST /api/assess` | the assessment, as `assess --format json` prints it |
//! | `POST /api/panel` | what the page shows: `{"assessment", "words"}`, the assessment as `/api/assess` answers it and the sentences the reports give for it (the legend, each verdict's meaning, the leads, each dimension's target and labelled notes, each entity's under-integration, what fix first says when the plan changes nothing, the factors the context rules out) |
//! | `POST /api/plan` | the cheapest plan to target, as `plan --format json` prints it |
//! | `POST /api/robustness` | weight robustness, as `robustness --format json` prints it |
//! | `POST /api/mission` | the mission read and checked, as JSON |
//! | `POST /api/mission/toml` | the mission as a TOML file that loads back equal |
//! | `POST /api/report?format=html\|markdown\|json` | the report of the assessment |
//! | `POST /api/assessors` | a panel of assessors: the body `{"missions": [{"file", "text"}, ...]}` (2 to 64 mission files, TOML or, where `file` ends in `.json`, JSON), the answer `{"panel", "settled"}`: the panel (as `panel --format json` prints it) and the mission at the panel's medians, as JSON; a problem of one file carries its `file` |
//!
//! A `POST` carries a mission as TOML (`Content-Type: application/toml`) or
//! JSON (`application/json`); bad input answers 422 with
//! `{"problems": [{"line", "column", "path", "message"}]}` (`line` and
//! `column` are `null` where the position is not known), a body over
//! [`crate::MAX_INPUT_BYTES`] 413 (at once, before the body is read, when
//! its `Content-Length` says so), a body that is not well-formed chunked
//! encoding 400, another content type 415, an unknown route 404 and a wrong
//! method 405. At most as many analyses run at once as the machine has
//! cores ([`State::with_max_concurrent`]); a request that finds no slot
//! free within 2 seconds is answered 503 with `Retry-After: 1`, and so is
//! one whose body would take the bodies held at once past [`BODY_BUDGET`].
//! On a loopback address, a request naming another host answers 403
//! (against DNS rebinding). Nothing is written to disk.
//!
//! Every connection ends. A client has [`HEADER_TIMEOUT`] to send a
//! request's headers, on a new connection and after each answer on a
//! kept-alive one, then the connection is closed: a client that sends its
//! headers a byte at a time, or opens connections and sends nothing, holds
//! them no longer than that. Headers over [`MAX_HEADER_BYTES`] are answered
//! 431. At most [`MAX_CONNECTIONS`] are served at once; further clients
//! wait in the operating system's queue, so the server never runs out of
//! file descriptors. A request, its body included, has
//! [`REQUEST_TIMEOUT`]; an analysis whose request has gone (timed out, or
//! its client left) stops before its next step, and keeps its slot until
//! then, so no more analyses run at once than there are slots. On Ctrl-C
//! (or [`Server::stop`]) the server stops accepting, closes idle
//! connections and gives the requests under way [`SHUTDOWN_GRACE`] before
//! it drops them.
//!
//! So the memory a server holds is bounded: the bodies held
//! ([`BODY_BUDGET`]), a read buffer of at most 64 KiB per connection, and
//! the analyses in their slots, each bounded by the limits on a mission
//! (see [`crate::MAX_INPUT_BYTES`]).

mod api;
mod engine;
mod listen;
mod page;
mod words;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use crate::{Mission, Rulebook};

pub use api::{BODY_BUDGET, router};
pub use listen::MAX_HEADER_BYTES;

/// How long one request may take, reading its body included, before it is
/// answered 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a client has to send a request's headers, counted from the
/// moment the server waits for them: on a new connection, and on a
/// kept-alive one after each answer, so it is also how long a connection
/// may sit idle. Past it the connection is closed.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(5);

/// How many connections are served at once; further clients wait in the
/// operating system's queue until one closes. Well under the usual limit
/// of 1,024 open files, so that the server never runs out of them.
pub const MAX_CONNECTIONS: usize = 256;

/// How long a connection is served: past this age, the request under way
/// is answered and the connection closed, so that no client holds a place
/// for ever by sending request after request.
pub const MAX_CONNECTION_AGE: Duration = Duration::from_secs(30);

/// How long a request's body may take to arrive once its headers are read;
/// past it the request is answered 408 and the connection closed. A body
/// of the size limit arrives in well under a second on any local network.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);

/// How long, after Ctrl-C (or [`Server::stop`]), the requests under way
/// have to finish before their connections are dropped; idle connections
/// and half-sent requests are closed at once.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);

/// What the server holds: the rulebook and the mission it started with.
#[derive(Debug)]
pub struct State {
    rulebook: Rulebook,
    rulebook_json: String,
    mission_json: Option<String>,
    timeout: Duration,
    header_timeout: Duration,
    body_timeout: Duration,
    max_age: Duration,
    max_connections: usize,
    loopback_only: bool,
    /// The analyses that may run at once (see [`State::with_max_concurrent`]).
    slots: Arc<tokio::sync::Semaphore>,
    /// The bytes of request bodies held at once ([`api::BODY_BUDGET`]).
    bodies: Arc<tokio::sync::Semaphore>,
}

impl State {
    /// A server for `rulebook`, opening `mission` when given.
    ///
    /// # Errors
    /// Only if the rulebook or the mission cannot be written as JSON (not
    /// expected for checked values).
    pub fn new(rulebook: Rulebook, mission: Option<&Mission>) -> Result<State, crate::Error> {
        Ok(State {
            rulebook_json: engine::rulebook_json(&rulebook)?,
            mission_json: mission.map(|m| m.to_json()).transpose()?,
            rulebook,
            timeout: REQUEST_TIMEOUT,
            header_timeout: HEADER_TIMEOUT,
            body_timeout: BODY_TIMEOUT,
            max_age: MAX_CONNECTION_AGE,
            max_connections: MAX_CONNECTIONS,
            loopback_only: false,
            slots: Arc::new(tokio::sync::Semaphore::new(default_slots())),
            bodies: Arc::new(tokio::sync::Semaphore::new(api::BODY_BUDGET)),
        })
    }

    /// A server for the rulebook file at `rulebook` (the embedded
    /// `oslo-2007` when `None`), opening the mission file at `mission`.
    ///
    /// # Errors
    /// When a file cannot be read or has problems; the error lists them.
    pub fn load(
        mission: Option<&std::path::Path>,
        rulebook: Option<&std::path::Path>,
    ) -> Result<State, crate::Error> {
        let rb = match rulebook {
            Some(p) => engine::rulebook_from_path(p)?,
            None => engine::default_rulebook(),
        };
        let m = mission
            .map(|p| engine::mission_from_path(p, &rb))
            .transpose()?;
        State::new(rb, m.as_ref())
    }

    /// Served on `addr`: on a loopback address, requests must name a
    /// loopback host, so that a web page elsewhere cannot reach the server
    /// through a name of its own that resolves to 127.0.0.1 (DNS rebinding)
    /// and read the mission.
    fn on(mut self, addr: SocketAddr) -> State {
        self.loopback_only = addr.ip().is_loopback();
        self
    }

    /// The same server with another request time limit.
    pub fn with_timeout(mut self, timeout: Duration) -> State {
        self.timeout = timeout;
        self
    }

    /// The same server with another time limit for a request's headers
    /// and for an idle connection (see [`HEADER_TIMEOUT`]).
    pub fn with_header_timeout(mut self, timeout: Duration) -> State {
        self.header_timeout = timeout;
        self
    }

    /// The same server with another time limit for a request's body to
    /// arrive (see [`BODY_TIMEOUT`]).
    pub fn with_body_timeout(mut self, timeout: Duration) -> State {
        self.body_timeout = timeout;
        self
    }

    /// The same server closing connections at another age (see
    /// [`MAX_CONNECTION_AGE`]).
    pub fn with_max_connection_age(mut self, age: Duration) -> State {
        self.max_age = age;
        self
    }

    /// The same server serving at most `n` connections at once (at least
    /// one; see [`MAX_CONNECTIONS`]).
    pub fn with_max_connections(mut self, n: usize) -> State {
        self.max_connections = n.max(1);
        self
    }

    /// The same server running at most `n` analyses at once (reading a
    /// mission and assessing, planning or rendering it); by default, as
    /// many as the machine has cores. A request that finds every slot
    /// taken for 2 seconds is answered 503 with `Retry-After: 1`. With 0,
    /// every request with a mission is answered so (for tests of clients).
    pub fn with_max_concurrent(mut self, n: usize) -> State {
        self.slots = Arc::new(tokio::sync::Semaphore::new(n));
        self
    }
}

/// As many analyses at once as the machine has cores (1 where that is not
/// known).
fn default_slots() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// Serves the questionnaire on `addr` until Ctrl-C, calling `started` with
/// the address actually bound (the port may have been 0) once it listens.
///
/// # Errors
/// When the runtime cannot start or the address cannot be bound.
pub fn run(
    addr: SocketAddr,
    state: State,
    started: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let listener = std::net::TcpListener::bind(addr)?;
    started(listener.local_addr()?);
    serve_until(listener, state.on(addr), async {
        // Without a signal handler there is nothing to wait for but the
        // process being killed.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    })
}

/// Serves on `listener` until `shutdown` completes, then gives the
/// requests under way [`SHUTDOWN_GRACE`] to finish and returns. An
/// analysis still running then (its client gone) is left to end on its
/// own thread: returning does not wait for it.
fn serve_until(
    listener: std::net::TcpListener,
    state: State,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let served = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        listen::serve(listener, state, shutdown).await;
        Ok(())
    });
    runtime.shutdown_background();
    served
}

/// A server running on its own thread, for programs that embed the
/// questionnaire and for tests; it stops when dropped.
///
/// ```
/// use integration_readiness::Rulebook;
/// use integration_readiness::serve::{Server, State};
///
/// let state = State::new(Rulebook::oslo_2007(), None)?;
/// let server = Server::start("127.0.0.1:0".parse()?, state)?; // port 0: a free port
/// println!("the questionnaire is at http://{}/", server.addr());
/// server.stop()?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Server {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<std::io::Result<()>>>,
}

impl Server {
    /// Binds `addr` (port 0 picks a free port) and serves on a new thread.
    ///
    /// # Errors
    /// When the address cannot be bound.
    pub fn start(addr: SocketAddr, state: State) -> std::io::Result<Server> {
        let listener = std::net::TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let state = state.on(addr);
        let thread = std::thread::spawn(move || {
            serve_until(listener, state, async {
                let _ = stopped.await;
            })
        });
        Ok(Server {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting, finishes the requests under way and returns.
    ///
    /// # Errors
    /// What the server failed with, if it did.
    pub fn stop(mut self) -> std::io::Result<()> {
        self.shutdown()
    }

    fn shutdown(&mut self) -> std::io::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        match self.thread.take().map(|t| t.join()) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(std::io::Error::other("the server thread panicked")),
            None => Ok(()),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.shutdown();
    }
}
