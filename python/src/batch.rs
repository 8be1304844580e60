//! `overdue.statements(loans, as_of)`: statement summaries for a table of
//! loans, Arrow in and Arrow out, on every core with the GIL released.
//!
//! The input is anything that exposes the Arrow PyCapsule stream interface
//! (`__arrow_c_stream__`: pyarrow, Polars, DuckDB, pandas through pyarrow)
//! with a `loan_id` column and either a `loan` column holding each loan in
//! the crate's JSON format (its ledger: `schedule`, `policy`, `events`) or
//! the flat columns of [`crate::flat`]. The
//! output has one row per loan: `loan_id`, `as_of`, `days_past_due`,
//! `bucket`, `status`, the outstanding amount of each component, `payoff`
//! (amounts as `decimal128(38, scale)`), and `error`, null unless the loan
//! could not be computed: one bad loan never fails the batch.

use std::sync::Arc;

use crate::flat;
use arrow_array::builder::{Date32Builder, Decimal128Builder, Int64Builder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::ffi_stream::{ArrowArrayStreamReader, FFI_ArrowArrayStream};
use arrow_array::RecordBatchIterator;
use arrow_array::{Array, ArrayRef, RecordBatch, RecordBatchReader, StringArray};
use arrow_pyarrow::FromPyArrow;
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use overdue::{
    accrual::{LoanStatus, Position},
    schedule::ScheduleCache,
    Decimal, Ledger, NaiveDate, OverduePolicy,
};
use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;
use rayon::prelude::*;

/// A table of results that any Arrow library reads through the Arrow
/// PyCapsule stream interface (`pyarrow.table(result)`, `polars.from_arrow`,
/// DuckDB): each call of `__arrow_c_stream__` gives a new stream of the
/// same batches.
#[pyclass(frozen, module = "overdue._overdue")]
pub(crate) struct ArrowStream {
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
}

#[pymethods]
impl ArrowStream {
    /// The batches as an `arrow_array_stream` capsule; a requested schema is not honoured (the
    /// columns are as documented).
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let batches = self.batches.clone().into_iter().map(Ok);
        let reader = RecordBatchIterator::new(batches, Arc::clone(&self.schema));
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    /// The number of rows.
    fn __len__(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }
}

/// The summary columns of one loan, or why it has none.
type Row = Result<Summary, String>;

struct Summary {
    as_of: NaiveDate,
    days_past_due: u32,
    bucket: String,
    status: &'static str,
    amounts: [i128; 6],
}

const AMOUNTS: [&str; 6] = [
    "outstanding_principal",
    "outstanding_interest",
    "outstanding_penalty_interest",
    "outstanding_compound_interest",
    "outstanding_fees",
    "payoff",
];

fn status(s: LoanStatus) -> &'static str {
    match s {
        LoanStatus::Current => "current",
        LoanStatus::Overdue => "overdue",
        LoanStatus::ChargedOff => "charged_off",
        LoanStatus::PaidOff => "paid_off",
        _ => "other",
    }
}

/// `amount` as the mantissa of a decimal with `scale` places, exactly.
fn mantissa(amount: Decimal, scale: u32) -> Result<i128, String> {
    let mut scaled = amount;
    scaled.rescale(scale);
    if scaled != amount {
        return Err(format!(
            "the amount {amount} has more places than the output scale {scale}"
        ));
    }
    Ok(scaled.mantissa())
}

fn summarise(position: &Position, scale: u32) -> Result<Summary, String> {
    let o = &position.outstanding;
    let amounts = [
        o.principal,
        o.interest,
        o.penalty_interest,
        o.compound_interest,
        o.fees,
        position.payoff,
    ];
    let mut out = [0i128; 6];
    for (slot, amount) in out.iter_mut().zip(amounts) {
        *slot = mantissa(amount.as_decimal(), scale)?;
    }
    Ok(Summary {
        as_of: position.as_of,
        days_past_due: position.days_past_due,
        bucket: position.bucket.clone(),
        status: status(position.status),
        amounts: out,
    })
}

/// One loan's summary from its ledger.
fn row(ledger: Result<Ledger, String>, as_of: NaiveDate, scale: u32) -> Row {
    ledger
        .and_then(|ledger| ledger.position(as_of).map_err(|e| e.to_string()))
        .and_then(|position| summarise(&position, scale))
}

/// A loan's ledger from its JSON text.
fn from_text(loan: Option<&str>) -> Result<Ledger, String> {
    let text = loan.ok_or("the loan is null")?;
    overdue::from_json::<Ledger>(text).map_err(|e| e.to_string())
}

fn output_schema(scale: u32) -> SchemaRef {
    let scale = i8::try_from(scale).unwrap_or(i8::MAX);
    let mut fields = vec![
        Field::new("loan_id", DataType::Utf8, true),
        Field::new("as_of", DataType::Date32, true),
        Field::new("days_past_due", DataType::Int64, true),
        Field::new("bucket", DataType::Utf8, true),
        Field::new("status", DataType::Utf8, true),
    ];
    fields.extend(
        AMOUNTS
            .iter()
            .map(|name| Field::new(*name, DataType::Decimal128(38, scale), true)),
    );
    fields.push(Field::new("error", DataType::Utf8, true));
    Arc::new(Schema::new(fields))
}

/// A column as text (strings stay strings; numbers and the like are cast).
fn text_column(batch: &RecordBatch, name: &str) -> PyResult<StringArray> {
    let column = batch
        .column_by_name(name)
        .ok_or_else(|| PyKeyError::new_err(format!("no column {name}")))?;
    let text =
        arrow_cast::cast(column, &DataType::Utf8).map_err(|e| PyValueError::new_err(format!("column {name}: {e}")))?;
    Ok(text.as_string::<i32>().clone())
}

fn days_from_epoch(date: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    i32::try_from((date - epoch).num_days()).unwrap_or(i32::MAX)
}

fn build(ids: StringArray, rows: &[Row], schema: &SchemaRef, scale: u32) -> Result<RecordBatch, String> {
    let scale_i8 = i8::try_from(scale).map_err(|e| e.to_string())?;
    let mut dates = Date32Builder::new();
    let mut dpd = Int64Builder::new();
    let mut buckets = StringBuilder::new();
    let mut statuses = StringBuilder::new();
    let mut amounts: Vec<Decimal128Builder> = (0..AMOUNTS.len()).map(|_| Decimal128Builder::new()).collect();
    let mut errors = StringBuilder::new();
    for row in rows {
        match row {
            Ok(s) => {
                dates.append_value(days_from_epoch(s.as_of));
                dpd.append_value(i64::from(s.days_past_due));
                buckets.append_value(&s.bucket);
                statuses.append_value(s.status);
                for (builder, value) in amounts.iter_mut().zip(s.amounts) {
                    builder.append_value(value);
                }
                errors.append_null();
            }
            Err(e) => {
                dates.append_null();
                dpd.append_null();
                buckets.append_null();
                statuses.append_null();
                for builder in &mut amounts {
                    builder.append_null();
                }
                errors.append_value(e);
            }
        }
    }
    let mut columns: Vec<ArrayRef> = vec![
        Arc::new(ids),
        Arc::new(dates.finish()),
        Arc::new(dpd.finish()),
        Arc::new(buckets.finish()),
        Arc::new(statuses.finish()),
    ];
    for mut builder in amounts {
        let column = builder
            .finish()
            .with_precision_and_scale(38, scale_i8)
            .map_err(|e| e.to_string())?;
        columns.push(Arc::new(column));
    }
    columns.push(Arc::new(errors.finish()));
    RecordBatch::try_new(schema.clone(), columns).map_err(|e| e.to_string())
}

/// Statement summaries of every loan in `loans` on `as_of` (`YYYY-MM-DD`),
/// as an Arrow table (`pyarrow.table(result)`, `polars.from_arrow(result)`);
/// amounts as `decimal128(38, scale)`. Flat rows without a `policy` column
/// use `policy` (JSON text; default: the default policy). Runs on `threads`
/// threads (default: every core) with the GIL released.
#[pyfunction]
#[pyo3(signature = (loans, as_of, scale = 2, threads = None, policy = None))]
pub(crate) fn statements(
    py: Python<'_>,
    loans: &Bound<'_, PyAny>,
    as_of: &str,
    scale: i64,
    threads: Option<i64>,
    policy: Option<&str>,
) -> PyResult<ArrowStream> {
    let as_of: NaiveDate = overdue::jobs::parse_date(as_of)
        .map_err(|e| PyValueError::new_err(format!("as_of {as_of:?}: {e}: write it as YYYY-MM-DD")))?;
    let scale = match u32::try_from(scale) {
        Ok(s) if s <= 12 => s,
        _ => {
            let error = overdue::Error::Invalid {
                field: "scale",
                reason: format!("must be from 0 to 12, got {scale}"),
            };
            return Err(crate::failure(&error));
        }
    };
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = overdue::jobs::batch_threads(threads, cores).map_err(|e| crate::failure(&e))?;
    let policy = match policy {
        Some(text) => overdue::from_json::<OverduePolicy>(text).map_err(|e| crate::failure_under("policy", &e))?,
        None => OverduePolicy::default(),
    };
    if !loans.hasattr("__arrow_c_stream__")? {
        return Err(PyValueError::new_err(
            "loans must expose the Arrow PyCapsule stream interface (__arrow_c_stream__)",
        ));
    }
    let reader = ArrowArrayStreamReader::from_pyarrow_bound(loans)?;
    let input = reader.schema();
    let has = |name: &str| input.column_with_name(name).is_some();
    let as_json = has("loan");
    if !has("loan_id") || !(as_json || flat::REQUIRED.iter().all(|c| has(c))) {
        return Err(PyKeyError::new_err(format!(
            "loans must have a `loan_id` column and either a `loan` column (each loan as JSON) or the flat columns {}",
            flat::REQUIRED.join(", ")
        )));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let schema = output_schema(scale);
    let batches = py.detach(|| -> PyResult<Vec<RecordBatch>> {
        let mut out = Vec::new();
        for batch in reader {
            let batch = batch.map_err(|e| PyValueError::new_err(e.to_string()))?;
            let ids = text_column(&batch, "loan_id")?;
            let rows: Vec<Row> = if as_json {
                let loans = text_column(&batch, "loan")?;
                pool.install(|| {
                    (0..loans.len())
                        .into_par_iter()
                        .map(|k| row(from_text(loans.is_valid(k).then(|| loans.value(k))), as_of, scale))
                        .collect()
                })
            } else {
                let columns = flat::Columns::of(&batch);
                pool.install(|| {
                    (0..batch.num_rows())
                        .into_par_iter()
                        // each thread keeps the annuity divisors of the products it has seen
                        .map_init(ScheduleCache::new, |cache, k| {
                            row(columns.terms(k).ledger(&policy, cache), as_of, scale)
                        })
                        .collect()
                })
            };
            out.push(build(ids, &rows, &schema, scale).map_err(PyValueError::new_err)?);
        }
        Ok(out)
    })?;
    Ok(ArrowStream { schema, batches })
}
