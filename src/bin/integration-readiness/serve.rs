//! `integration-readiness serve`: the questionnaire on the local machine.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

use integration_readiness::serve::{State, run as serve};

/// Serve the questionnaire page and its HTTP API.
#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  integration-readiness serve examples/missions/poorly-evidenced.toml --port 8080\n\nThen open the printed address in a browser. Ctrl-C stops the server."
)]
pub struct Args {
    /// A mission file to open in the page; a blank mission when left out.
    mission: Option<PathBuf>,
    /// A rulebook file; the embedded `oslo-2007` when left out.
    #[arg(long)]
    rulebook: Option<PathBuf>,
    /// The port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// The address to listen on: the loopback address unless you mean to
    /// share the page on a network.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
}

/// Loads the files, then serves until Ctrl-C.
pub fn run(args: Args) -> ExitCode {
    let state = match State::load(args.mission.as_deref(), args.rulebook.as_deref()) {
        Ok(state) => state,
        Err(e) => {
            eprintln!("{}", crate::io::with_causes(&e));
            return ExitCode::from(2);
        }
    };
    let addr = SocketAddr::new(args.bind, args.port);
    if !args.bind.is_loopback() {
        eprintln!(
            "note: listening on {}, so other machines on the network can reach the questionnaire",
            args.bind
        );
    }
    let result = serve(addr, state, |bound| {
        if bound.ip().is_unspecified() {
            // 0.0.0.0 or :: is no address a browser can open: this machine
            // reaches the page on the loopback address.
            let local = match bound {
                SocketAddr::V4(_) => IpAddr::V4(Ipv4Addr::LOCALHOST),
                SocketAddr::V6(_) => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
            };
            let here = SocketAddr::new(local, bound.port());
            println!(
                "The questionnaire is at http://{here}/ (listening on all interfaces, port {}; \
                 Ctrl-C stops it)",
                bound.port()
            );
        } else {
            println!("The questionnaire is at http://{bound}/ (Ctrl-C stops it)");
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot serve on {addr}: {e}");
            ExitCode::FAILURE
        }
    }
}
