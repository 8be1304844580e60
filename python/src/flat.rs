//! Loans from flat Arrow columns: the common terms of a schedule, one column
//! each, and an optional `events` column (a list of payment structs), so a
//! loan book kept as a table needs no JSON.
//!
//! | column | type | required |
//! |---|---|---|
//! | `principal` | decimal, integer or text | yes |
//! | `rate` | text (`18%`, `1.5%/month`) or decimal (an annual fraction) | yes |
//! | `installments` | integer | yes |
//! | `disbursement` | date or text (`YYYY-MM-DD`) | yes |
//! | `method` | text: `equal_installment` (default), `equal_principal`, `interest_only`, `bullet` | no |
//! | `frequency` | text: `monthly` (default), `weekly`, `biweekly`, `semi_monthly`, `quarterly`, `yearly` | no |
//! | `first_due` | date or text | no |
//! | `policy` | text: the overdue policy as JSON | no (else the batch's policy) |
//! | `events` | list of struct {`date`, `amount`, `id`?, `kind`? (`payment`)} | no |

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Decimal128Type, Int64Type};
use arrow_array::{Array, ArrayRef, GenericListArray, OffsetSizeTrait, RecordBatch, StructArray};
use arrow_schema::DataType;
use overdue::{
    Decimal, Frequency, Ledger, Method, Money, NaiveDate, OverduePolicy, Payment, Rate, Schedule, ScheduleOptions,
};
use serde::Deserialize;

/// The columns a flat table must have.
pub(crate) const REQUIRED: [&str; 4] = ["principal", "rate", "installments", "disbursement"];

/// A value of one row, or why it could not be read.
type Cell<T> = Result<Option<T>, String>;

/// One loan's terms as read from its row.
pub(crate) struct Terms {
    principal: Cell<Decimal>,
    rate: Cell<Rate>,
    installments: Cell<i64>,
    disbursement: Cell<NaiveDate>,
    method: Cell<String>,
    frequency: Cell<String>,
    first_due: Cell<NaiveDate>,
    policy: Cell<String>,
    events: Result<Vec<Event>, String>,
}

/// A payment from the `events` column.
#[derive(Clone)]
struct Event {
    kind: Option<String>,
    id: Option<String>,
    date: Cell<NaiveDate>,
    amount: Cell<Decimal>,
}

/// The date `days` after 1970-01-01 (day 719,163 of the common era).
fn epoch_day(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days.checked_add(719_163)?)
}

/// Every value of `column` as text, whatever its type (`None` for a null).
fn texts(column: &dyn Array, name: &str) -> Vec<Cell<String>> {
    match arrow_cast::cast(&column.slice(0, column.len()), &DataType::Utf8) {
        Ok(text) => {
            let text = text.as_string::<i32>();
            (0..text.len())
                .map(|i| Ok(text.is_valid(i).then(|| text.value(i).to_owned())))
                .collect()
        }
        Err(e) => vec![Err(format!("{name}: {e}")); column.len()],
    }
}

/// Every value of `column` as an exact decimal: decimals and integers as
/// they are, text parsed; floats refused (they are not exact).
fn decimals(column: &dyn Array, name: &str) -> Vec<Cell<Decimal>> {
    match column.data_type() {
        DataType::Decimal128(_, scale) => {
            let values = column.as_primitive::<Decimal128Type>();
            let scale = u32::try_from(*scale);
            (0..values.len())
                .map(|i| {
                    if values.is_null(i) {
                        return Ok(None);
                    }
                    let scale = scale.map_err(|_| format!("{name}: a negative decimal scale"))?;
                    Decimal::try_from_i128_with_scale(values.value(i), scale)
                        .map(Some)
                        .map_err(|e| format!("{name}: {e}"))
                })
                .collect()
        }
        DataType::Float16 | DataType::Float32 | DataType::Float64 => vec![
            Err(format!(
                "{name}: a float column is not exact; give amounts as decimal, integer or text"
            ));
            column.len()
        ],
        dt if dt.is_integer() => match arrow_cast::cast(column, &DataType::Int64) {
            Ok(ints) => {
                let ints = ints.as_primitive::<Int64Type>();
                (0..ints.len())
                    .map(|i| Ok(ints.is_valid(i).then(|| Decimal::from(ints.value(i)))))
                    .collect()
            }
            Err(e) => vec![Err(format!("{name}: {e}")); column.len()],
        },
        _ => texts(column, name)
            .into_iter()
            .map(|t| match t? {
                None => Ok(None),
                Some(s) => s.trim().parse().map(Some).map_err(|e| format!("{name}: {s:?}: {e}")),
            })
            .collect(),
    }
}

fn integers(column: &dyn Array, name: &str) -> Vec<Cell<i64>> {
    decimals(column, name)
        .into_iter()
        .map(|d| match d? {
            None => Ok(None),
            Some(d) if d.fract().is_zero() => i64::try_from(d).map(Some).map_err(|e| format!("{name}: {e}")),
            Some(d) => Err(format!("{name}: {d} is not a whole number")),
        })
        .collect()
}

fn dates(column: &dyn Array, name: &str) -> Vec<Cell<NaiveDate>> {
    if let DataType::Date32 = column.data_type() {
        let days = column.as_primitive::<Date32Type>();
        return (0..days.len())
            .map(|i| match days.is_valid(i) {
                false => Ok(None),
                true => epoch_day(days.value(i))
                    .map(Some)
                    .ok_or_else(|| format!("{name}: day {} is out of range", days.value(i))),
            })
            .collect();
    }
    if let DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View = column.data_type() {
        return texts(column, name)
            .into_iter()
            .map(|t| match t? {
                None => Ok(None),
                Some(s) => s.parse().map(Some).map_err(|e| format!("{name}: {s:?}: {e}")),
            })
            .collect();
    }
    match arrow_cast::cast(column, &DataType::Date32) {
        Ok(cast) => dates(&cast, name),
        Err(e) => vec![Err(format!("{name}: {e}")); column.len()],
    }
}

fn rates(column: &dyn Array, name: &str) -> Vec<Cell<Rate>> {
    let textual = matches!(
        column.data_type(),
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
    );
    if textual {
        return texts(column, name)
            .into_iter()
            .map(|t| match t? {
                None => Ok(None),
                Some(s) => s.parse().map(Some).map_err(|e| format!("{name}: {s:?}: {e}")),
            })
            .collect();
    }
    decimals(column, name)
        .into_iter()
        .map(|d| match d? {
            None => Ok(None),
            Some(d) => Rate::annual(d).map(Some).map_err(|e| format!("{name}: {e}")),
        })
        .collect()
}

/// `f` over the column `name`, or all `None` when the table has no such column.
fn optional<T>(batch: &RecordBatch, name: &str, f: impl Fn(&dyn Array, &str) -> Vec<Cell<T>>) -> Vec<Cell<T>> {
    match batch.column_by_name(name) {
        Some(column) => f(column.as_ref(), name),
        None => (0..batch.num_rows()).map(|_| Ok(None)).collect(),
    }
}

/// Each row's list of events (empty without an `events` column).
fn events(batch: &RecordBatch) -> Vec<Result<Vec<Event>, String>> {
    let Some(column) = batch.column_by_name("events") else {
        return vec![Ok(Vec::new()); batch.num_rows()];
    };
    match column.data_type() {
        DataType::List(_) => lists(column.as_list::<i32>()),
        DataType::LargeList(_) => lists(column.as_list::<i64>()),
        other => vec![Err(format!("events: a list of structs is expected, not {other}")); batch.num_rows()],
    }
}

fn lists<O: OffsetSizeTrait>(list: &GenericListArray<O>) -> Vec<Result<Vec<Event>, String>> {
    let Some(items) = list.values().as_any().downcast_ref::<StructArray>() else {
        return vec![Err("events: each event must be a struct".to_owned()); list.len()];
    };
    let field = |name: &str| items.column_by_name(name).map(ArrayRef::clone);
    let n = items.len();
    let (Some(date), Some(amount)) = (field("date"), field("amount")) else {
        return vec![Err("events: each event needs `date` and `amount` fields".to_owned()); list.len()];
    };
    let dates = dates(date.as_ref(), "events.date");
    let amounts = decimals(amount.as_ref(), "events.amount");
    let ids = field("id").map(|c| texts(c.as_ref(), "events.id"));
    let kinds = field("kind").map(|c| texts(c.as_ref(), "events.kind"));
    let text_at = |column: &Option<Vec<Cell<String>>>, k: usize| {
        column
            .as_ref()
            .and_then(|c| c.get(k))
            .and_then(|v| v.clone().ok().flatten())
    };
    let all: Vec<Event> = (0..n)
        .map(|k| Event {
            kind: text_at(&kinds, k),
            id: text_at(&ids, k),
            date: dates.get(k).cloned().unwrap_or(Ok(None)),
            amount: amounts.get(k).cloned().unwrap_or(Ok(None)),
        })
        .collect();
    let offsets = list.value_offsets();
    (0..list.len())
        .map(|row| {
            if list.is_null(row) {
                return Ok(Vec::new());
            }
            let start = offsets.get(row).and_then(|o| o.to_usize()).unwrap_or(0);
            let end = offsets.get(row + 1).and_then(|o| o.to_usize()).unwrap_or(start);
            Ok(all.get(start..end).map(<[Event]>::to_vec).unwrap_or_default())
        })
        .collect()
}

/// Every row's terms.
pub(crate) fn terms(batch: &RecordBatch) -> Vec<Terms> {
    let principal = optional(batch, "principal", decimals);
    let rate = optional(batch, "rate", rates);
    let installments = optional(batch, "installments", integers);
    let disbursement = optional(batch, "disbursement", dates);
    let method = optional(batch, "method", texts);
    let frequency = optional(batch, "frequency", texts);
    let first_due = optional(batch, "first_due", dates);
    let policy = optional(batch, "policy", texts);
    let events = events(batch);
    principal
        .into_iter()
        .zip(rate)
        .zip(installments)
        .zip(disbursement)
        .zip(method)
        .zip(frequency)
        .zip(first_due)
        .zip(policy)
        .zip(events)
        .map(
            |(
                (((((((principal, rate), installments), disbursement), method), frequency), first_due), policy),
                events,
            )| {
                Terms {
                    principal,
                    rate,
                    installments,
                    disbursement,
                    method,
                    frequency,
                    first_due,
                    policy,
                    events,
                }
            },
        )
        .collect()
}

fn required<T>(cell: Cell<T>, name: &str) -> Result<T, String> {
    cell?.ok_or_else(|| format!("{name}: missing (null)"))
}

fn method(name: &str) -> Result<Method, String> {
    match name {
        "equal_installment" => Ok(Method::EqualInstallment),
        "equal_principal" => Ok(Method::EqualPrincipal),
        "interest_only" => Ok(Method::InterestOnly),
        "bullet" => Ok(Method::Bullet),
        other => Err(format!(
            "method: {other:?} is not one of equal_installment, equal_principal, interest_only, bullet \
             (give other methods in the `loan` column)"
        )),
    }
}

fn frequency(name: &str) -> Result<Frequency, String> {
    Frequency::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(name))
        .map_err(|e| format!("frequency: {e}"))
}

impl Terms {
    /// The loan's ledger: its schedule, its policy (its own, else `default`),
    /// its payments.
    pub(crate) fn ledger(self, default: &OverduePolicy) -> Result<Ledger, String> {
        let principal = Money::new(required(self.principal, "principal")?).map_err(|e| format!("principal: {e}"))?;
        let installments = required(self.installments, "installments")?;
        let installments =
            u32::try_from(installments).map_err(|_| format!("installments: {installments} is out of range"))?;
        let mut options = ScheduleOptions::new(
            principal,
            required(self.rate, "rate")?,
            installments,
            required(self.disbursement, "disbursement")?,
        );
        if let Some(m) = self.method? {
            options = options.method(method(&m)?);
        }
        if let Some(f) = self.frequency? {
            options = options.frequency(frequency(&f)?);
        }
        if let Some(d) = self.first_due? {
            options = options.first_due(d);
        }
        let schedule = Schedule::build(&options).map_err(|e| e.to_string())?;
        let policy = match self.policy? {
            Some(text) => overdue::from_json::<OverduePolicy>(&text).map_err(|e| format!("policy.{e}"))?,
            None => default.clone(),
        };
        let mut ledger = Ledger::new(schedule, policy).map_err(|e| e.to_string())?;
        for (k, event) in self.events?.into_iter().enumerate() {
            if let Some(kind) = event.kind.as_deref().filter(|k| *k != "payment") {
                return Err(format!(
                    "events[{k}].kind: {kind:?}: only payments can be flat events (give other events in the `loan` column)"
                ));
            }
            let at = |e: String| format!("events[{k}].{e}");
            let date = required(event.date, "date").map_err(at)?;
            let amount =
                Money::new(required(event.amount, "amount").map_err(at)?).map_err(|e| at(format!("amount: {e}")))?;
            let id = event.id.unwrap_or_else(|| format!("p{}", k + 1));
            let payment = Payment::new(id, date, amount).map_err(|e| at(e.to_string()))?;
            ledger.pay(payment).map_err(|e| at(e.to_string()))?;
        }
        Ok(ledger)
    }
}
