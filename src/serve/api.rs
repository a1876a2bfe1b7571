//! The routes: the page's files and the JSON API.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use axum::Router;
use axum::body::{Body, HttpBody as _};
use axum::extract::{Query, Request, State as Shared};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::json;

use super::State;
use super::engine::{self, BODY_LIMIT, Refusal, Syntax};
use super::page;
use crate::Mission;
use crate::report::Format;

type App = Arc<State>;

/// The router of the questionnaire: the page, the API, the limits.
pub fn router(state: Arc<State>) -> Router {
    let timeout = state.timeout;
    let loopback_only = state.loopback_only;
    Router::new()
        .route("/", get(index))
        .route("/app.js", get(script))
        .route("/app.css", get(style))
        .route("/facilitator.js", get(facilitator_script))
        .route("/api/rulebook", get(rulebook))
        .route("/api/mission", get(start_mission).post(mission))
        .route("/api/assess", post(assess))
        .route("/api/panel", post(panel))
        .route("/api/plan", post(plan))
        .route("/api/robustness", post(robustness))
        .route("/api/mission/toml", post(mission_toml))
        .route("/api/report", post(report))
        .route("/api/assessors", post(assessors))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn(move |req, next| {
            bounded(timeout, req, next)
        }))
        .layer(middleware::from_fn(move |req, next| {
            local_host(loopback_only, req, next)
        }))
        .layer(middleware::from_fn(safe_headers))
        .with_state(state)
}

/// Every request, body included, within the time limit.
async fn bounded(timeout: std::time::Duration, req: Request, next: Next) -> Response {
    match tokio::time::timeout(timeout, next.run(req)).await {
        Ok(r) => r,
        Err(_) => error(
            StatusCode::SERVICE_UNAVAILABLE,
            "the request took longer than the server allows",
        ),
    }
}

/// On a loopback address, only requests to a loopback host name are served.
async fn local_host(loopback_only: bool, req: Request, next: Next) -> Response {
    if loopback_only {
        let host = req
            .headers()
            .get(header::HOST)
            .map(|h| h.to_str().unwrap_or("?"));
        if let Some(host) = host {
            if !is_loopback_host(host) {
                return error(
                    StatusCode::FORBIDDEN,
                    "this server answers only requests to localhost or a loopback address",
                );
            }
        }
    }
    next.run(req).await
}

/// `localhost`, `*.localhost`, `127.x.y.z` or `[::1]`, with or without a port.
fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    let name = name.to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The browser runs only the page's own script and style, and guesses no type.
async fn safe_headers(req: Request, next: Next) -> Response {
    let mut r = next.run(req).await;
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn with_type(content_type: &'static str, body: impl Into<Body>) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body.into()).into_response()
}

fn json_text(body: String) -> Response {
    with_type("application/json", body)
}

fn error(status: StatusCode, message: &str) -> Response {
    let body = json!({ "error": message }).to_string();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

fn refused(r: Refusal) -> Response {
    match r {
        Refusal::TooLarge => {
            let mut r = error(
                StatusCode::PAYLOAD_TOO_LARGE,
                &format!("the mission is over the limit of {BODY_LIMIT} bytes"),
            );
            // The rest of the body is not read: the connection ends here.
            r.headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            r
        }
        Refusal::Invalid(problems) => {
            let problems: Vec<_> = problems
                .into_iter()
                .map(|p| {
                    let mut one = json!({
                        "line": p.line,
                        "column": p.column,
                        "path": p.path,
                        "message": p.message,
                    });
                    if let Some(file) = p.file {
                        one["file"] = json!(file);
                    }
                    one
                })
                .collect();
            let body =
                serde_json::to_string_pretty(&json!({ "problems": problems })).unwrap_or_default();
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                [(header::CONTENT_TYPE, "application/json")],
                body,
            )
                .into_response()
        }
    }
}

async fn index() -> Response {
    with_type("text/html; charset=utf-8", page::INDEX_HTML)
}

async fn script() -> Response {
    with_type("text/javascript; charset=utf-8", page::APP_JS)
}

async fn facilitator_script() -> Response {
    with_type("text/javascript; charset=utf-8", page::FACILITATOR_JS)
}

async fn style() -> Response {
    with_type("text/css; charset=utf-8", page::APP_CSS)
}

async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "no such page or route")
}

async fn method_not_allowed() -> Response {
    error(
        StatusCode::METHOD_NOT_ALLOWED,
        "this route does not take that method",
    )
}

async fn rulebook(Shared(app): Shared<App>) -> Response {
    json_text(app.rulebook_json.clone())
}

async fn start_mission(Shared(app): Shared<App>) -> Response {
    json_text(
        app.mission_json
            .clone()
            .unwrap_or_else(|| "null".to_owned()),
    )
}

/// Why a request with a mission is not answered with a result.
enum Reject {
    /// The library refused the mission (or its size).
    Refused(Refusal),
    /// Every slot for analyses busy: 503, try again in a second.
    Busy,
    /// The request was dropped before its analysis ran: nobody reads the
    /// answer.
    Gone,
    /// The body did not arrive within the body time limit
    /// ([`super::BODY_TIMEOUT`]): 408, and
    /// the connection closed.
    Slow,
    /// Anything else: a status and a message.
    Status(StatusCode, &'static str),
}

impl IntoResponse for Reject {
    fn into_response(self) -> Response {
        match self {
            Reject::Refused(r) => refused(r),
            Reject::Busy => {
                let mut r = error(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the server is busy with other analyses; try again shortly",
                );
                r.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
                r
            }
            Reject::Slow => {
                let mut r = error(
                    StatusCode::REQUEST_TIMEOUT,
                    "the body did not arrive in time; send it whole, at once",
                );
                r.headers_mut()
                    .insert(header::CONNECTION, HeaderValue::from_static("close"));
                r
            }
            Reject::Gone => error(
                StatusCode::SERVICE_UNAVAILABLE,
                "the request took longer than the server allows",
            ),
            Reject::Status(status, message) => error(status, message),
        }
    }
}

/// How long an analysis waits for one of the server's slots (see
/// [`State::with_max_concurrent`]) before it is turned away with 503.
const SLOT_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// How long, and how many bytes at most, the server goes on reading a body
/// it has refused as too large, so that the client, still sending, reads
/// the answer rather than a reset connection.
const DRAIN_FOR: std::time::Duration = std::time::Duration::from_secs(5);
const DRAIN_BYTES: usize = 64 * 1024 * 1024;

/// Why a body was not read.
enum BodyError {
    /// Over the limit.
    TooLarge,
    /// Not well-formed (a broken chunk) or cut short.
    Malformed,
    /// The bodies already held fill [`BODY_BUDGET`] and none was let go
    /// within [`SLOT_WAIT`].
    Busy,
}

/// The bytes of request bodies the server holds at once, all requests
/// together: sixteen bodies at the size limit. A body is counted from its
/// first byte until its analysis ends.
pub const BODY_BUDGET: usize = 16 * BODY_LIMIT;

/// The body, up to `limit` bytes, frame by frame: a body over the limit is
/// told from one that is not well-formed. With a `budget`, each piece is
/// counted against it before it is kept, and the count is given back with
/// the bytes, to be let go with them.
async fn read_body(
    body: &mut Body,
    limit: usize,
    budget: Option<&Arc<Semaphore>>,
) -> Result<(Vec<u8>, Option<OwnedSemaphorePermit>), BodyError> {
    let mut out = Vec::new();
    let mut held: Option<OwnedSemaphorePermit> = None;
    while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut *body).poll_frame(cx)).await {
        let frame = frame.map_err(|_| BodyError::Malformed)?;
        if let Ok(data) = frame.into_data() {
            if out.len() + data.len() > limit {
                return Err(BodyError::TooLarge);
            }
            if let Some(budget) = budget {
                let n = u32::try_from(data.len()).map_err(|_| BodyError::TooLarge)?;
                let more = tokio::time::timeout(SLOT_WAIT, budget.clone().acquire_many_owned(n))
                    .await
                    .map_err(|_| BodyError::Busy)?
                    .map_err(|_| BodyError::Busy)?;
                match held.as_mut() {
                    Some(h) => h.merge(more),
                    None => held = Some(more),
                }
            }
            out.extend_from_slice(&data);
        }
    }
    Ok((out, held))
}

/// Reads and drops the rest of a refused body, within [`DRAIN_FOR`] and
/// [`DRAIN_BYTES`], off the request: the answer goes out meanwhile. What it
/// reads is not kept.
fn drain(mut body: Body) {
    tokio::spawn(async move {
        let discard = async {
            let mut seen = 0usize;
            while let Some(Ok(frame)) =
                std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await
            {
                if let Ok(data) = frame.into_data() {
                    seen += data.len();
                    if seen > DRAIN_BYTES {
                        break;
                    }
                }
            }
        };
        let _ = tokio::time::timeout(DRAIN_FOR, discard).await;
    });
}

/// The 413 answer; the connection is closed after it.
fn too_large() -> Reject {
    Reject::Refused(Refusal::TooLarge)
}

/// Reads the mission in a request body and hands it to `work`; see
/// [`with_text`].
async fn with_mission<T: Send + 'static>(
    app: App,
    headers: HeaderMap,
    body: Body,
    work: impl FnOnce(&Mission) -> T + Send + 'static,
) -> Result<T, Reject> {
    with_text(app, headers, body, move |text, syntax, rb, gone| {
        let m = engine::mission(text, syntax, rb).map_err(Reject::Refused)?;
        if gone() {
            return Err(Reject::Gone);
        }
        Ok(work(&m))
    })
    .await
}

/// Reads a request body: the size limit (a `Content-Length` over it is
/// refused before the body is read), the content type, UTF-8; then `work`
/// reads the text (with its syntax, the server's rulebook, and a check of
/// whether the request has gone, to look at between steps). The work is
/// done off the async threads, at most as many at once as the server has
/// slots, so that a slow request does not hold up the others.
async fn with_text<T: Send + 'static>(
    app: App,
    headers: HeaderMap,
    mut body: Body,
    work: impl FnOnce(&str, Syntax, &crate::Rulebook, &dyn Fn() -> bool) -> Result<T, Reject>
    + Send
    + 'static,
) -> Result<T, Reject> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > BODY_LIMIT as u64) {
        drain(body);
        return Err(too_large());
    }
    let syntax = syntax(&headers)?;
    let read = tokio::time::timeout(
        app.body_timeout,
        read_body(&mut body, BODY_LIMIT, Some(&app.bodies)),
    )
    .await
    .map_err(|_| Reject::Slow)?;
    let (bytes, held) = match read {
        Ok(read) => read,
        Err(BodyError::Busy) => return Err(Reject::Busy),
        Err(BodyError::TooLarge) => {
            drain(body);
            return Err(too_large());
        }
        Err(BodyError::Malformed) => {
            return Err(Reject::Status(
                StatusCode::BAD_REQUEST,
                "the body is not well-formed (a broken chunked encoding, or cut short)",
            ));
        }
    };
    let permit = match tokio::time::timeout(SLOT_WAIT, app.slots.clone().acquire_owned()).await {
        Ok(Ok(permit)) => permit,
        _ => return Err(Reject::Busy),
    };
    let gone = Abandoned::new();
    let asked = gone.flag();
    tokio::task::spawn_blocking(move || {
        // The slot is held until the work ends, even if its request has
        // gone: no more analyses run at once than there are slots.
        let _permit = permit;
        let _held = held;
        let gone = || asked.load(Ordering::Relaxed);
        if gone() {
            return Err(Reject::Gone);
        }
        let text = std::str::from_utf8(&bytes).map_err(|_| {
            Reject::Refused(Refusal::Invalid(vec![engine::Located::whole(
                "the body is not UTF-8 text",
            )]))
        })?;
        work(text, syntax, &app.rulebook, &gone)
    })
    .await
    .unwrap_or(Err(Reject::Status(
        StatusCode::INTERNAL_SERVER_ERROR,
        "the server failed on this request",
    )))
}

/// Raised when the request that asked for an analysis is dropped: it took
/// longer than the time limit, or its client left. The analysis, on its own
/// thread, looks at the flag between its steps (reading the mission, then
/// the work asked) and stops there.
struct Abandoned(Arc<AtomicBool>);

impl Abandoned {
    fn new() -> Abandoned {
        Abandoned(Arc::new(AtomicBool::new(false)))
    }

    fn flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.0)
    }
}

impl Drop for Abandoned {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

fn syntax(headers: &HeaderMap) -> Result<Syntax, Reject> {
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "application/toml" | "text/toml" | "text/x-toml" => Ok(Syntax::Toml),
        "application/json" => Ok(Syntax::Json),
        _ => Err(Reject::Status(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send the mission as application/toml or application/json",
        )),
    }
}

fn answer(r: Result<engine::Rendered, Reject>) -> Response {
    match r {
        Ok(Ok(body)) => json_text(body),
        Ok(Err(e)) => error(StatusCode::INTERNAL_SERVER_ERROR, &e),
        Err(e) => e.into_response(),
    }
}

async fn assess(Shared(app): Shared<App>, headers: HeaderMap, body: Body) -> Response {
    answer(with_mission(app, headers, body, engine::assess_json).await)
}

async fn panel(Shared(app): Shared<App>, headers: HeaderMap, body: Body) -> Response {
    answer(with_mission(app, headers, body, engine::panel_json).await)
}

async fn plan(Shared(app): Shared<App>, headers: HeaderMap, body: Body) -> Response {
    answer(with_mission(app, headers, body, engine::plan_json).await)
}

async fn robustness(Shared(app): Shared<App>, headers: HeaderMap, body: Body) -> Response {
    answer(with_mission(app, headers, body, engine::robustness_json).await)
}

async fn mission(Shared(app): Shared<App>, headers: HeaderMap, body: Body) -> Response {
    answer(with_mission(app, headers, body, engine::mission_json).await)
}

async fn mission_toml(Shared(app): Shared<App>, headers: HeaderMap, body: Body) -> Response {
    match with_mission(app, headers, body, engine::mission_toml).await {
        Ok(Ok(toml)) => with_type("application/toml; charset=utf-8", toml),
        Ok(Err(e)) => error(StatusCode::INTERNAL_SERVER_ERROR, &e),
        Err(e) => e.into_response(),
    }
}

/// The panel of assessors: a JSON body `{"missions": [{"file", "text"}]}`,
/// each text a mission file (TOML, or JSON where `file` ends in `.json`).
async fn assessors(Shared(app): Shared<App>, headers: HeaderMap, body: Body) -> Response {
    let work = |text: &str, syntax, rb: &crate::Rulebook, gone: &dyn Fn() -> bool| {
        if syntax != Syntax::Json {
            return Err(Reject::Status(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "send the missions as application/json: {\"missions\": [{\"file\", \"text\"}]}",
            ));
        }
        engine::assessors(text, rb, gone).map_err(|r| match r {
            Some(r) => Reject::Refused(r),
            None => Reject::Gone,
        })
    };
    answer(with_text(app, headers, body, work).await.map(Ok))
}

/// `?format=` of a report.
#[derive(serde::Deserialize)]
struct ReportQuery {
    format: Option<String>,
}

async fn report(
    Shared(app): Shared<App>,
    Query(q): Query<ReportQuery>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let word = q.format.unwrap_or_else(|| "html".to_owned());
    // The page offers three of a briefing's formats.
    let (content_type, format) = match word.as_str() {
        "html" => ("text/html; charset=utf-8", Format::Html),
        "markdown" => ("text/markdown; charset=utf-8", Format::Markdown),
        "json" => ("application/json", Format::Json),
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                "format must be one of html, markdown, json",
            );
        }
    };
    let render = move |m: &Mission| engine::report_as(m, format);
    match with_mission(app, headers, body, render).await {
        Ok(Ok(text)) => with_type(content_type, text),
        Ok(Err(e)) => error(StatusCode::INTERNAL_SERVER_ERROR, &e),
        Err(e) => e.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::is_loopback_host;

    #[test]
    fn loopback_hosts() {
        for h in [
            "localhost",
            "localhost:8080",
            "LOCALHOST:1",
            "app.localhost:80",
            "127.0.0.1",
            "127.0.0.1:8080",
            "127.1.2.3:9",
            "[::1]:8080",
            "[::1]",
        ] {
            assert!(is_loopback_host(h), "{h}");
        }
        for h in [
            "example.com",
            "evil.example:8080",
            "localhost.example.com",
            "10.0.0.1:80",
            "[::2]:80",
            "",
            "?",
        ] {
            assert!(!is_loopback_host(h), "{h}");
        }
    }
}
