//! The `xirr` and `apr` commands: a cost job read from JSON or CSV, printed
//! as the one measure asked for.

use overdue::jobs::{CostRequest, CostResult};
use overdue::{from_json, CashFlow};

use super::{json, read_text, refused, CostArgs, Failure};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CostReport {
    Xirr,
    Apr,
}

/// A cost job: its flows from JSON or CSV, the options from the command line.
pub(crate) fn cost_report(args: &CostArgs, report: CostReport) -> Result<String, Failure> {
    let named_csv = args
        .job
        .file
        .as_ref()
        .is_some_and(|f| f.extension().is_some_and(|e| e == "csv"));
    let (name, text) = read_text(args.job.file.as_ref())?;
    let mut request = if args.csv || named_csv || looks_like_csv(&text) {
        CostRequest::new(read_csv_flows(&text).map_err(|e| Failure::Invalid(format!("{name}: {e}")))?)
    } else {
        from_json::<CostRequest>(&text).map_err(|e| Failure::Invalid(format!("{name}: {e}")))?
    };
    if let Some(unit) = args.unit_period {
        request = request.with_unit_period(unit);
    }
    if let Some(frequency) = args.frequency {
        request = request.with_frequency(frequency.into());
    }
    if let Some(rate) = args.discount_rate {
        request = request.with_discount_rate(rate);
    }
    let result = request.run().map_err(|e| refused(&args.job, &e))?;
    if args.job.json {
        return json(&result);
    }
    Ok(cost_table(&result, report))
}

/// Whether `text` is CSV rather than JSON: its first line (after a
/// byte-order mark and blank space) does not open a JSON value and has a
/// comma, as `date,amount` does.
fn looks_like_csv(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let first = start.lines().next().unwrap_or("");
    !start.starts_with(['{', '[', '"']) && first.contains(',')
}

/// One CSV row as written, read by the library's strict rules.
#[derive(serde::Deserialize)]
struct CsvFlow {
    date: String,
    amount: String,
}

/// Cash flows from CSV with a `date,amount` header; each value is read by
/// the same rules as in JSON (a strict date, an exact decimal).
fn read_csv_flows(text: &str) -> Result<Vec<CashFlow>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().map_err(|e| csv_error(&e))?.clone();
    let mut flows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(&e))?;
        let line = record.position().map_or(0, csv::Position::line);
        let row: CsvFlow = record
            .deserialize(Some(&headers))
            .map_err(|e| format!("line {line}: {e} (the header is `date,amount`)"))?;
        let flow = serde_json::json!({"date": row.date, "amount": row.amount});
        flows.push(from_json::<CashFlow>(&flow.to_string()).map_err(|e| match e {
            overdue::Error::Json { path, message, .. } => format!("line {line}, {path}: {message}"),
            other => format!("line {line}: {other}"),
        })?);
    }
    Ok(flows)
}

fn csv_error(e: &csv::Error) -> String {
    match (e.position(), e.kind()) {
        (Some(at), csv::ErrorKind::Deserialize { err, .. }) => {
            let field = err.field().map_or(String::new(), |f| format!(", field {}", f + 1));
            format!("line {}{field}: {}", at.line(), err.kind())
        }
        _ => e.to_string(),
    }
}

fn percent(rate: overdue::Decimal) -> String {
    rate.checked_mul(overdue::Decimal::ONE_HUNDRED)
        .map_or_else(|| rate.to_string(), |p| format!("{} %", p.round_dp(4)))
}

/// The cost figures, one per line.
fn cost_table(r: &CostResult, report: CostReport) -> String {
    let mut lines = vec![
        ("total paid", r.total_paid.to_string()),
        ("total cost", r.total_cost.to_string()),
    ];
    match report {
        CostReport::Xirr => {
            lines.push(("XIRR (actual/365)", percent(r.xirr)));
            if let Some(npv) = r.xnpv {
                lines.push(("XNPV", npv.round_dp(2).to_string()));
            }
        }
        CostReport::Apr => {
            lines.push(("EU APRC", percent(r.eu_aprc)));
            lines.push(("US Regulation Z APR", percent(r.reg_z_apr)));
            if let Some(china) = &r.china_apr {
                lines.push(("China APR, nominal", percent(china.nominal)));
                lines.push(("China APR, effective", percent(china.effective)));
            }
        }
    }
    lines
        .iter()
        .map(|(label, value)| format!("{label:<22}{value:>16}\n"))
        .collect()
}
