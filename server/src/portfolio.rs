//! `POST /v1/portfolio?as_of=DATE`: JSON Lines in, one summary line out per
//! loan, streamed both ways in batches, in the order of the input.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use overdue::jobs::StatementSummary;
use overdue::NaiveDate;
use tokio::sync::{mpsc, OwnedSemaphorePermit};

use crate::jobs::{admit, bad_query, time_limit, AsOf};
use crate::problem::Problem;
use crate::Shared;

/// Lines computed together on one blocking thread.
const BATCH_LINES: usize = 512;

/// Streams the summaries of the loans the body's lines hold.
pub(crate) async fn run(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<AsOf>, QueryRejection>,
    body: Body,
) -> Response {
    let query = match query {
        Ok(Query(query)) => query,
        Err(rejection) => return bad_query(&rejection).into_response(),
    };
    let as_of = match query.options().map(|o| o.as_of()) {
        Ok(Some(day)) => day,
        Ok(None) => {
            return Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
                "a portfolio is read on a date: give it as ?as_of=YYYY-MM-DD",
            )
            .at("as_of")
            .into_response()
        }
        Err(problem) => return problem.into_response(),
    };
    let permit = match admit(&shared) {
        Ok(permit) => permit,
        Err(problem) => return problem.into_response(),
    };
    let (sender, receiver) = mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    tokio::spawn(pump(shared, as_of, body, sender, permit));
    let rows = futures_util::stream::unfold(receiver, |mut receiver| async move {
        receiver.recv().await.map(|row| (row, receiver))
    });
    let mut response = Body::from_stream(rows).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/x-ndjson"));
    response
}

/// One line of the input, as read.
enum Line {
    /// Its bytes (without the line break).
    Read(Vec<u8>),
    /// A line longer than the limit, which was not kept: its length.
    TooLong(u64),
}

/// Splits the body into numbered lines, skipping blank ones and keeping no
/// more than `limit` bytes of any.
struct Lines {
    limit: usize,
    number: u64,
    current: Vec<u8>,
    current_length: u64,
    ready: Vec<(u64, Line)>,
}

impl Lines {
    fn new(limit: usize) -> Lines {
        Lines {
            limit,
            number: 0,
            current: Vec::new(),
            current_length: 0,
            ready: Vec::new(),
        }
    }

    fn feed(&mut self, chunk: &[u8]) {
        let mut rest = chunk;
        while !rest.is_empty() {
            let (part, after, ends) = match rest.iter().position(|&b| b == b'\n') {
                Some(at) => (
                    rest.get(..at).unwrap_or_default(),
                    rest.get(at + 1..).unwrap_or_default(),
                    true,
                ),
                None => (rest, &[][..], false),
            };
            self.current_length += part.len() as u64;
            if self.current_length <= self.limit as u64 {
                self.current.extend_from_slice(part);
            } else {
                self.current = Vec::new();
            }
            if ends {
                self.finish_line();
            }
            rest = after;
        }
    }

    fn finish_line(&mut self) {
        self.number += 1;
        let line = if self.current_length > self.limit as u64 {
            Some(Line::TooLong(self.current_length))
        } else if self.current.trim_ascii().is_empty() {
            None
        } else {
            Some(Line::Read(std::mem::take(&mut self.current)))
        };
        if let Some(line) = line {
            self.ready.push((self.number, line));
        }
        self.current.clear();
        self.current_length = 0;
    }

    fn finish(&mut self) {
        if self.current_length > 0 {
            self.finish_line();
        }
    }
}

/// Reads the body, computes each batch of lines on a blocking thread and
/// sends its rows; a body that breaks off, or a batch over the time limit,
/// ends the answer with an error (the client sees the stream cut, never a
/// short answer that looks whole).
async fn pump(
    shared: Arc<Shared>,
    as_of: NaiveDate,
    body: Body,
    sender: mpsc::Sender<Result<Bytes, std::io::Error>>,
    permit: OwnedSemaphorePermit,
) {
    let limit = shared.config.body_limit();
    let mut lines = Lines::new(limit);
    let mut stream = body.into_data_stream();
    let mut done = false;
    while !done {
        match stream.next().await {
            Some(Ok(chunk)) => lines.feed(&chunk),
            Some(Err(e)) => {
                let _ = sender
                    .send(Err(std::io::Error::other(format!("the request body broke off: {e}"))))
                    .await;
                return;
            }
            None => {
                lines.finish();
                done = true;
            }
        }
        if lines.ready.len() < BATCH_LINES && !done {
            continue;
        }
        let batch = std::mem::take(&mut lines.ready);
        if batch.is_empty() {
            continue;
        }
        let work = tokio::task::spawn_blocking(move || rows(&batch, as_of, limit));
        let rows = match tokio::time::timeout(shared.config.time_limit(), work).await {
            Ok(Ok(rows)) => Ok(Bytes::from(rows)),
            Ok(Err(join)) => {
                tracing::error!(error = %join, "a portfolio batch failed");
                Err(std::io::Error::other("a batch of the portfolio failed"))
            }
            Err(_) => Err(std::io::Error::other(time_limit(&shared).detail)),
        };
        let failed = rows.is_err();
        if sender.send(rows).await.is_err() || failed {
            // the client went away, or the answer is cut: stop reading
            return;
        }
    }
    drop(permit);
}

/// The JSON Lines of a batch's summaries.
fn rows(batch: &[(u64, Line)], as_of: NaiveDate, limit: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(batch.len() * 256);
    for (number, line) in batch {
        let summary = match line {
            Line::Read(bytes) => StatementSummary::of_line(*number, bytes, as_of),
            Line::TooLong(length) => StatementSummary::of(
                &format!("line {number}"),
                Err(overdue::Error::TooLarge {
                    field: "line",
                    value: *length,
                    max: limit as u64,
                }),
            ),
        };
        match serde_json::to_vec(&summary) {
            Ok(json) => out.extend_from_slice(&json),
            Err(e) => out.extend_from_slice(
                serde_json::json!({"id": summary.id, "error": format!("the summary did not write: {e}")})
                    .to_string()
                    .as_bytes(),
            ),
        }
        out.push(b'\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Line, Lines};

    fn numbers(lines: &Lines) -> Vec<(u64, Option<Vec<u8>>)> {
        lines
            .ready
            .iter()
            .map(|(n, l)| match l {
                Line::Read(b) => (*n, Some(b.clone())),
                Line::TooLong(_) => (*n, None),
            })
            .collect()
    }

    #[test]
    fn lines_split_across_chunks_keep_their_numbers_and_blank_lines_are_skipped() {
        let mut lines = Lines::new(5);
        lines.feed(b"ab");
        lines.feed(b"c\n\n  \nlonger than five\nx");
        lines.finish();
        assert_eq!(
            numbers(&lines),
            vec![(1, Some(b"abc".to_vec())), (4, None), (5, Some(b"x".to_vec()))]
        );
    }
}
