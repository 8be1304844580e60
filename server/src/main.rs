//! `overdue-server serve`: the `overdue` library over HTTP.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};
use overdue_server::Config;

/// Many small allocations on every request (its JSON in and out): mimalloc
/// serves them faster than the system allocator, as in the `overdue` command.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The overdue library as an HTTP service.
#[derive(Debug, Parser)]
#[command(name = "overdue-server", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serves every job as POST /v1/<job>, the OpenAPI document and the borrower page.
    Serve(Serve),
    /// Prints the OpenAPI 3.1 document.
    Openapi,
}

#[derive(Debug, clap::Args)]
struct Serve {
    /// Address and port to listen on (loopback by default).
    #[arg(long, default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// Largest request body, in bytes (the portfolio: the longest line).
    #[arg(long, default_value_t = 1024 * 1024)]
    body_limit: usize,
    /// Requests in flight at once; one more is answered 503.
    #[arg(long, default_value_t = 256)]
    max_in_flight: usize,
    /// How long a request may compute, in milliseconds, before it is answered 503.
    #[arg(long, default_value_t = 10_000)]
    time_limit_ms: u64,
    /// A file holding the bearer token every /v1/ request must carry.
    #[arg(long)]
    token_file: Option<PathBuf>,
    /// An origin allowed to call the service from a browser (repeatable); none by default.
    #[arg(long)]
    cors_origin: Vec<String>,
    /// Worker threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// The log lines: JSON (default) or text; `off` for none.
    #[arg(long, value_enum, default_value_t = LogFormat::Json)]
    log: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LogFormat {
    Json,
    Text,
    Off,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Openapi => match serde_json::to_string_pretty(&overdue_server::openapi()) {
            Ok(text) => {
                println!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(&format!("the document did not write: {e}")),
        },
        Command::Serve(args) => serve(&args),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("overdue-server: {message}");
    ExitCode::from(2)
}

fn serve(args: &Serve) -> ExitCode {
    // the log lines go to standard error from a thread of their own; the
    // guard writes out what is left when the service stops
    let (writer, _flush_on_exit) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(false)
        .finish(std::io::stderr());
    match args.log {
        LogFormat::Json => tracing_subscriber::fmt().json().with_writer(writer).init(),
        LogFormat::Text => tracing_subscriber::fmt().with_writer(writer).init(),
        LogFormat::Off => {}
    }
    let mut config = Config::new()
        .with_body_limit(args.body_limit)
        .with_max_in_flight(args.max_in_flight)
        .with_time_limit(Duration::from_millis(args.time_limit_ms));
    if let Some(path) = &args.token_file {
        match std::fs::read_to_string(path) {
            Ok(text) if !text.trim().is_empty() => config = config.with_token(text.trim()),
            Ok(_) => return fail(&format!("{}: the token file is empty", path.display())),
            Err(e) => return fail(&format!("{}: {e}", path.display())),
        }
    }
    for origin in &args.cors_origin {
        match config.with_cors_origin(origin) {
            Ok(with) => config = with,
            Err(e) => return fail(&e.to_string()),
        }
    }
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .max(1);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .max_blocking_threads(threads)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => return fail(&format!("the runtime did not start: {e}")),
    };
    let bind = args.bind;
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(bind).await {
            Ok(listener) => listener,
            Err(e) => return fail(&format!("cannot listen on {bind}: {e}")),
        };
        match listener.local_addr() {
            Ok(address) => tracing::info!(%address, "serving"),
            Err(e) => return fail(&e.to_string()),
        }
        // the address on standard output, for scripts that bind port 0
        if let Ok(address) = listener.local_addr() {
            println!("listening on http://{address}");
        }
        match overdue_server::serve(listener, config, stop_signal()).await {
            Ok(()) => {
                tracing::info!("stopped: every request in flight was answered");
                ExitCode::SUCCESS
            }
            Err(e) => {
                tracing::error!(error = %e, "the service failed");
                ExitCode::FAILURE
            }
        }
    })
}

/// SIGTERM or Ctrl-C.
async fn stop_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("stopping: finishing the requests in flight");
}
