//! The questionnaire's server as a hostile client meets it: headers sent a
//! byte at a time, idle connections over the cap, half-sent requests at
//! shutdown, inputs whose cost could grow faster than their size, and many
//! heavy requests at once. Each test would hang or fail on a server without
//! the limit it attacks; none waits longer than a few seconds on one with
//! it. (A named pipe given to the command is in `cli.rs`, user text in
//! Markdown in `api.rs` and `serve.rs`.)
#![cfg(feature = "serve")]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use integration_readiness::Rulebook;
use integration_readiness::serve::{MAX_HEADER_BYTES, SHUTDOWN_GRACE, Server, State};

fn server(state: State) -> Server {
    Server::start("127.0.0.1:0".parse().unwrap(), state).unwrap()
}

fn state() -> State {
    State::new(Rulebook::oslo_2007(), None).unwrap()
}

fn connect(addr: SocketAddr) -> TcpStream {
    let s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    s
}

/// Everything the server sends until it closes the connection, and how
/// long that took; a connection the server keeps open past the read
/// timeout fails the test.
fn until_closed(s: &mut TcpStream) -> (String, Duration) {
    let t = Instant::now();
    let mut raw = Vec::new();
    match s.read_to_end(&mut raw) {
        Ok(_) => {}
        // A reset is a close too (the server dropped a half-read request).
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
        Err(e) => panic!("the server kept the connection open: {e}"),
    }
    (String::from_utf8_lossy(&raw).into_owned(), t.elapsed())
}

fn status(answer: &str) -> u16 {
    answer
        .get(9..12)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {answer:?}"))
}

fn post_head(addr: SocketAddr, path: &str, len: usize) -> String {
    format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/toml\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n"
    )
}

/// One mission posted on its own connection: the status and the time.
fn post(addr: SocketAddr, path: &str, body: &str) -> (u16, Duration) {
    let t = Instant::now();
    let mut s = connect(addr);
    s.write_all(post_head(addr, path, body.len()).as_bytes())
        .unwrap();
    let _ = s.write_all(body.as_bytes());
    let (answer, _) = until_closed(&mut s);
    (status(&answer), t.elapsed())
}

#[test]
fn headers_sent_a_byte_at_a_time_are_cut_at_the_header_time_limit() {
    let server = server(state().with_header_timeout(Duration::from_secs(1)));
    let mut s = connect(server.addr());
    let mut writer = s.try_clone().unwrap();
    // Slowloris: a byte every 100 ms, for ever, unless the server closes.
    std::thread::spawn(move || {
        for b in b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
            .iter()
            .cycle()
        {
            if writer.write_all(&[*b]).is_err() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    let (answer, took) = until_closed(&mut s);
    assert!(answer.is_empty() || status(&answer) == 408, "{answer:?}");
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(4),
        "closed after {took:?}, with a header time limit of 1 s"
    );
}

#[test]
fn an_idle_kept_alive_connection_is_closed_after_the_header_time_limit() {
    let server = server(state().with_header_timeout(Duration::from_secs(1)));
    let mut s = connect(server.addr());
    s.write_all(b"GET /api/rulebook HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    // Kept alive: the answer comes, then nothing, until the server closes.
    let (answer, took) = until_closed(&mut s);
    assert_eq!(status(&answer), 200);
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(4),
        "closed after {took:?}, with a header time limit of 1 s"
    );
}

#[test]
fn headers_over_the_limit_are_answered_431() {
    let server = server(state());
    let mut s = connect(server.addr());
    let big = "a".repeat(MAX_HEADER_BYTES + 1);
    let _ = s
        .write_all(format!("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: {big}\r\n\r\n").as_bytes());
    let (answer, _) = until_closed(&mut s);
    assert_eq!(status(&answer), 431, "{answer:?}");
}

#[test]
fn idle_connections_over_the_cap_do_not_lock_others_out() {
    // Four places, twenty idle connections: each idle one holds a place
    // for at most the header time limit, so the real client is served
    // within five rounds of it. A server that kept idle connections would
    // never get to it.
    let server = server(
        state()
            .with_max_connections(4)
            .with_header_timeout(Duration::from_millis(500)),
    );
    let addr = server.addr();
    let idle: Vec<TcpStream> = (0..20).map(|_| connect(addr)).collect();
    std::thread::sleep(Duration::from_millis(100));
    let mut s = connect(addr);
    s.write_all(b"GET /api/rulebook HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .unwrap();
    let (answer, took) = until_closed(&mut s);
    assert_eq!(status(&answer), 200);
    assert!(took < Duration::from_secs(8), "served after {took:?}");
    drop(idle);
}

#[test]
fn a_body_that_does_not_arrive_is_answered_408_at_the_body_time_limit() {
    let server = server(state().with_body_timeout(Duration::from_secs(1)));
    let addr = server.addr();
    let mut s = connect(addr);
    s.write_all(post_head(addr, "/api/assess", 1000).as_bytes())
        .unwrap();
    // A byte now and then: the header time limit no longer applies.
    let mut writer = s.try_clone().unwrap();
    std::thread::spawn(move || {
        for _ in 0..40 {
            if writer.write_all(b"#").is_err() {
                break;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    });
    let (answer, took) = until_closed(&mut s);
    assert_eq!(status(&answer), 408, "{answer:?}");
    assert!(took < Duration::from_secs(4), "answered after {took:?}");
}

#[test]
fn a_kept_alive_connection_is_closed_at_its_age_after_its_answer() {
    // A client sending a request every 300 ms keeps its connection busy,
    // never idle: the age limit ends it, each request answered.
    let server = server(
        state()
            .with_header_timeout(Duration::from_secs(5))
            .with_max_connection_age(Duration::from_secs(1)),
    );
    let mut s = connect(server.addr());
    let mut writer = s.try_clone().unwrap();
    std::thread::spawn(move || {
        for _ in 0..30 {
            let get = b"GET /api/mission HTTP/1.1\r\nHost: localhost\r\n\r\n";
            if writer.write_all(get).is_err() {
                break;
            }
            std::thread::sleep(Duration::from_millis(300));
        }
    });
    let (answers, took) = until_closed(&mut s);
    assert!(answers.starts_with("HTTP/1.1 200"), "{answers:?}");
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(4),
        "closed after {took:?}, with an age limit of 1 s"
    );
}

/// `stop` on its own thread; the test fails rather than hangs when it does
/// not return.
fn stop_within(server: Server, limit: Duration) -> Duration {
    let (done, finished) = mpsc::channel();
    let t = Instant::now();
    std::thread::spawn(move || {
        let _ = server.stop();
        let _ = done.send(());
    });
    finished
        .recv_timeout(limit)
        .unwrap_or_else(|_| panic!("the server had not stopped after {limit:?}"));
    t.elapsed()
}

#[test]
fn stop_ends_idle_and_half_sent_connections_within_the_grace() {
    let server = server(state());
    let addr = server.addr();
    let mut clients: Vec<TcpStream> = (0..20).map(|_| connect(addr)).collect();
    // Half a request head, and a whole head whose body never comes.
    let mut half_head = connect(addr);
    half_head
        .write_all(b"POST /api/assess HTTP/1.1\r\nHost: loc")
        .unwrap();
    let mut half_body = connect(addr);
    half_body
        .write_all(post_head(addr, "/api/assess", 1000).as_bytes())
        .unwrap();
    half_body.write_all(b"[mission]\n").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let took = stop_within(server, SHUTDOWN_GRACE + Duration::from_secs(5));
    assert!(took < SHUTDOWN_GRACE + Duration::from_secs(1), "{took:?}");
    // Every connection is closed by then.
    clients.push(half_head);
    clients.push(half_body);
    for mut c in clients {
        c.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
        let (_, took) = until_closed(&mut c);
        assert!(took < Duration::from_secs(1));
    }
}

#[test]
fn a_request_under_way_at_shutdown_is_answered() {
    // Stopping lets a request whose body is arriving finish: its client
    // reads the answer, not a reset.
    let server = server(state());
    let addr = server.addr();
    let body = include_str!("../../examples/missions/consolidation-after-ceasefire.toml");
    let mut s = connect(addr);
    s.write_all(post_head(addr, "/api/assess", body.len()).as_bytes())
        .unwrap();
    let (first, rest) = body.split_at(body.len() / 2);
    s.write_all(first.as_bytes()).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let stopping = std::thread::spawn(move || stop_within(server, Duration::from_secs(10)));
    std::thread::sleep(Duration::from_millis(300));
    s.write_all(rest.as_bytes()).unwrap();
    let (answer, _) = until_closed(&mut s);
    assert_eq!(status(&answer), 200, "{answer:?}");
    stopping.join().unwrap();
}

/// The fastest of five runs of `f`.
fn fastest(mut f: impl FnMut() -> Duration) -> Duration {
    (0..5).map(|_| f()).min().unwrap()
}

/// Times a request at size `n` and at `4 n`: a cost linear in the size
/// takes about 4 times as long, a quadratic one 16 times. The bound, 8,
/// leaves room for noise and fixed costs on either side.
fn assert_linear(what: &str, n: usize, request: impl Fn(usize) -> Duration) {
    let small = fastest(|| request(n));
    let large = fastest(|| request(4 * n));
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    println!(
        "{what}: {n} in {small:?}, {} in {large:?}: {ratio:.1}x",
        4 * n
    );
    assert!(
        ratio < 8.0,
        "{what}: 4 times the size took {ratio:.1} times as long ({small:?} -> {large:?})"
    );
}

#[test]
fn refusing_many_problems_costs_time_linear_in_their_number() {
    let server = server(state());
    let addr = server.addr();
    // Context keys holding numbers: each a problem of type (and unknown).
    assert_linear("context keys that are numbers", 4_000, |n| {
        let mut body = String::from("[mission]\nname = \"x\"\n[context]\n");
        for i in 0..n {
            body.push_str(&format!("k{i} = {i}\n"));
        }
        let (code, took) = post(addr, "/api/assess", &body);
        assert_eq!(code, 422);
        took
    });
    // Unknown keys in one plain table.
    assert_linear("unknown keys in [mission]", 4_000, |n| {
        let mut body = String::from("[mission]\nname = \"x\"\n");
        for i in 0..n {
            body.push_str(&format!("unknown-{i} = \"v\"\n"));
        }
        let (code, took) = post(addr, "/api/assess", &body);
        assert_eq!(code, 422);
        took
    });
}

#[test]
fn long_text_costs_time_linear_in_its_length() {
    let server = server(state());
    let addr = server.addr();
    assert_linear("a note's length", 200_000, |n| {
        let body = format!(
            "[mission]\nname = \"x\"\ndescription = \"{}\"\n",
            "word ".repeat(n / 5)
        );
        let (code, took) = post(addr, "/api/report?format=markdown", &body);
        assert_eq!(code, 200);
        took
    });
}

#[cfg(feature = "cli")]
mod memory {
    //! The installed command's server, in its own process, so that its
    //! resident memory is its own.

    use super::*;
    use std::io::BufRead;
    use std::process::{Child, Command, Stdio};

    struct Served {
        child: Child,
        addr: SocketAddr,
    }

    impl Drop for Served {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    fn serve() -> Served {
        let mut child = Command::new(env!("CARGO_BIN_EXE_integration-readiness"))
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        // "The questionnaire is at http://127.0.0.1:PORT/ ..."
        let port: u16 = line
            .split("127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Served {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], port)),
        }
    }

    /// The most resident memory the process has held, in bytes (Linux).
    fn peak(pid: u32) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb * 1024)
    }

    /// A mission of a quarter of the size limit (so that a debug build
    /// reads it well within the request time limit) in the shape that
    /// costs the loader the most memory per byte: one short context key
    /// per line, each a problem.
    fn heavy() -> String {
        let mut body = String::from("[mission]\nname = \"x\"\n[context]\n");
        let mut i = 0;
        while body.len() < integration_readiness::MAX_INPUT_BYTES / 4 {
            body.push_str(&format!("k{i}=1\n"));
            i += 1;
        }
        body
    }

    #[test]
    fn sixteen_heavy_requests_at_once_hold_memory_bounded_by_the_slots() {
        let body = heavy();
        // One heavy request alone: what one analysis costs.
        let one = serve();
        let Some(idle) = peak(one.child.id()) else {
            eprintln!("no /proc here: skipped");
            return;
        };
        assert_eq!(post(one.addr, "/api/robustness", &body).0, 422);
        let single = peak(one.child.id()).unwrap().saturating_sub(idle);
        drop(one);
        // Sixteen at once: at most as many run as there are slots (the
        // cores), the others wait with their bodies counted.
        let many = serve();
        let addr = many.addr;
        let clients: Vec<_> = (0..16)
            .map(|_| {
                let body = body.clone();
                std::thread::spawn(move || post(addr, "/api/robustness", &body).0)
            })
            .collect();
        let codes: Vec<u16> = clients.into_iter().map(|c| c.join().unwrap()).collect();
        assert!(codes.iter().all(|c| *c == 422 || *c == 503), "{codes:?}");
        let slots = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
        let bodies = integration_readiness::serve::BODY_BUDGET as u64;
        let held = peak(many.child.id()).unwrap().saturating_sub(idle);
        let bound = slots * single * 3 / 2 + bodies;
        println!(
            "one heavy request: {} MB; sixteen at once: {} MB; bound {} MB ({slots} slots)",
            single >> 20,
            held >> 20,
            bound >> 20
        );
        assert!(held <= bound, "{held} bytes held, over {bound}");
    }

    #[test]
    fn bodies_refused_as_too_large_are_read_without_being_kept() {
        // Sixteen clients announce a body far over the limit and send as
        // fast as they can for two seconds: the server answers 413 at once
        // and reads the rest only to drop it.
        let served = serve();
        let addr = served.addr;
        let Some(idle) = peak(served.child.id()) else {
            eprintln!("no /proc here: skipped");
            return;
        };
        let clients: Vec<_> = (0..16)
            .map(|_| {
                std::thread::spawn(move || {
                    let mut s = connect(addr);
                    let _ = s.write_all(
                        format!(
                            "POST /api/assess HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/toml\r\nContent-Length: {}\r\n\r\n",
                            1u64 << 40
                        )
                        .as_bytes(),
                    );
                    let chunk = vec![b'#'; 64 * 1024];
                    let t = Instant::now();
                    while t.elapsed() < Duration::from_secs(2) {
                        if s.write_all(&chunk).is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        for c in clients {
            c.join().unwrap();
        }
        let held = peak(served.child.id()).unwrap().saturating_sub(idle);
        println!(
            "sixteen bodies over the limit, sent for 2 s: {} MB held",
            held >> 20
        );
        assert!(held < 64 << 20, "{held} bytes held");
    }

    #[test]
    fn ctrl_c_stops_the_command_with_a_half_sent_request_open() {
        let mut served = serve();
        let addr = served.addr;
        let mut half = connect(addr);
        half.write_all(b"POST /api/assess HTTP/1.1\r\nHost: loc")
            .unwrap();
        let idle: Vec<TcpStream> = (0..10).map(|_| connect(addr)).collect();
        std::thread::sleep(Duration::from_millis(200));
        let t = Instant::now();
        let sent = Command::new("kill")
            .args(["-INT", &served.child.id().to_string()])
            .status();
        if !sent.is_ok_and(|s| s.success()) {
            eprintln!("kill is not available: skipped");
            return;
        }
        let limit = SHUTDOWN_GRACE + Duration::from_secs(5);
        loop {
            if let Some(code) = served.child.try_wait().unwrap() {
                assert!(code.success(), "{code:?}");
                break;
            }
            assert!(t.elapsed() < limit, "still running {limit:?} after Ctrl-C");
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(t.elapsed() < SHUTDOWN_GRACE + Duration::from_secs(1));
        drop(idle);
    }
}
