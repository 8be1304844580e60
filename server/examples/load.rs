//! A bounded load test on loopback: starts `overdue-server serve`, sends a
//! fixed number of requests of one job over keep-alive connections, and
//! prints requests per second, the latency percentiles and the server's
//! resident memory as the requests go by.
//!
//! ```text
//! cargo build --release -p overdue-server --examples
//! target/release/examples/load --server target/release/overdue-server \
//!     --job statement --body examples/statement.json --requests 100000 --connections 64
//! ```

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Load on one job of a service this starts.
#[derive(Debug, Parser)]
struct Args {
    /// The `overdue-server` binary.
    #[arg(long)]
    server: PathBuf,
    /// The job to call.
    #[arg(long, default_value = "statement")]
    job: String,
    /// The request body.
    #[arg(long)]
    body: PathBuf,
    /// Requests in all.
    #[arg(long, default_value_t = 100_000)]
    requests: u64,
    /// Connections, each sending its next request when the last is answered.
    #[arg(long, default_value_t = 64)]
    connections: u64,
    /// The service's log lines (json, text or off); they go to /dev/null.
    #[arg(long, default_value = "json")]
    log: String,
}

/// What one connection saw: each request's latency, and answers that were not 200.
struct Seen {
    latencies: Vec<Duration>,
    failures: u64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let body = std::fs::read(&args.body)?;
    let mut server = std::process::Command::new(&args.server)
        .args(["serve", "--bind", "127.0.0.1:0", "--log", &args.log])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    let pid = server.id();
    let mut first = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(server.stdout.take().ok_or("no stdout")?),
        &mut first,
    )?;
    let address = first.trim().trim_start_matches("listening on http://").to_owned();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let result = runtime.block_on(load(&args, &address, &body, pid));
    let _ = server.kill();
    let _ = server.wait();
    result
}

async fn load(args: &Args, address: &str, body: &[u8], pid: u32) -> Result<(), Box<dyn std::error::Error>> {
    let head = format!(
        "POST /v1/{} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        args.job,
        body.len()
    );
    let mut request = head.into_bytes();
    request.extend_from_slice(body);
    let request = Arc::new(request);
    let left = Arc::new(AtomicU64::new(args.requests));
    let done = Arc::new(AtomicU64::new(0));
    let rss_before = rss_kib(pid);
    let cpu_before = cpu_ticks(pid);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..args.connections {
        let (request, left, done, address) = (request.clone(), left.clone(), done.clone(), address.to_owned());
        tasks.push(tokio::spawn(async move {
            connection(&address, &request, &left, &done).await
        }));
    }
    // the server's memory at each tenth of the requests
    let mut samples = Vec::new();
    let step = (args.requests / 10).max(1);
    let mut next = step;
    while done.load(Ordering::Relaxed) < args.requests && !tasks.iter().all(|t| t.is_finished()) {
        tokio::time::sleep(Duration::from_millis(20)).await;
        if done.load(Ordering::Relaxed) >= next {
            samples.push((done.load(Ordering::Relaxed), rss_kib(pid)));
            next += step;
        }
    }
    let mut latencies = Vec::new();
    let mut failures = 0;
    for task in tasks {
        let seen = task.await??;
        latencies.extend(seen.latencies);
        failures += seen.failures;
    }
    let elapsed = started.elapsed();
    let server_cpu = cpu_ticks(pid).saturating_sub(cpu_before);
    latencies.sort_unstable();
    let at = |share: usize| {
        latencies
            .get(latencies.len() * share / 1000)
            .copied()
            .unwrap_or_default()
    };
    let count = latencies.len() as u128;
    println!(
        "{job}: {count} requests over {connections} connections in {secs} ms: {rps} requests/s; \
         latency p50 {p50:?}, p99 {p99:?}, p99.9 {p999:?}, max {max:?}; {failures} not 200",
        job = args.job,
        connections = args.connections,
        secs = elapsed.as_millis(),
        rps = count * 1_000_000 / elapsed.as_micros().max(1),
        p50 = at(500),
        p99 = at(990),
        p999 = at(999),
        max = latencies.last().copied().unwrap_or_default(),
    );
    // clock ticks are 1/100 s on Linux
    println!(
        "server CPU: {} ms in all, {} µs a request (user and system, both cores)",
        server_cpu * 10,
        u128::from(server_cpu) * 10_000 / count.max(1)
    );
    let samples: Vec<String> = samples
        .iter()
        .map(|(n, kib)| format!("{n}: {} MiB", kib / 1024))
        .collect();
    println!(
        "server resident memory: {} MiB before; after requests {}",
        rss_before / 1024,
        samples.join(", ")
    );
    if failures > 0 {
        return Err(format!("{failures} answers were not 200").into());
    }
    Ok(())
}

/// Sends requests on one keep-alive connection until none are left.
async fn connection(address: &str, request: &[u8], left: &AtomicU64, done: &AtomicU64) -> std::io::Result<Seen> {
    let mut stream = TcpStream::connect(address).await?;
    stream.set_nodelay(true)?;
    let mut seen = Seen {
        latencies: Vec::new(),
        failures: 0,
    };
    let mut buffer = Vec::with_capacity(64 * 1024);
    while left
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
        .is_ok()
    {
        let sent = Instant::now();
        stream.write_all(request).await?;
        let status = read_answer(&mut stream, &mut buffer).await?;
        seen.latencies.push(sent.elapsed());
        if status != 200 {
            seen.failures += 1;
        }
        done.fetch_add(1, Ordering::Relaxed);
    }
    Ok(seen)
}

/// Reads one answer (with a Content-Length) and gives its status.
async fn read_answer(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> std::io::Result<u16> {
    buffer.clear();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        if let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(buffer.get(..end).unwrap_or_default()).to_ascii_lowercase();
            let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            while buffer.len() < end + 4 + length {
                let read = stream.read(&mut chunk).await?;
                if read == 0 {
                    return Err(std::io::ErrorKind::UnexpectedEof.into());
                }
                buffer.extend_from_slice(chunk.get(..read).unwrap_or_default());
            }
            return Ok(status);
        }
        let read = stream.read(&mut chunk).await?;
        if read == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buffer.extend_from_slice(chunk.get(..read).unwrap_or_default());
    }
}

/// The CPU time of process `pid` (user and system), in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            // the fields after the command's name in parentheses: utime and stime are the 12th and 13th
            let after = s.rsplit_once(')')?.1;
            let fields: Vec<&str> = after.split_whitespace().collect();
            let user: u64 = fields.get(11)?.parse().ok()?;
            let system: u64 = fields.get(12)?.parse().ok()?;
            Some(user + system)
        })
        .unwrap_or(0)
}

/// The resident memory of process `pid`, in KiB (0 where /proc does not tell).
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}
