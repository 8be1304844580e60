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
use arrow_array::{
    Array, ArrayRef, Date32Array, Decimal128Array, GenericListArray, Int64Array, OffsetSizeTrait, RecordBatch,
    StringArray, StructArray,
};
use arrow_schema::DataType;
use overdue::{
    schedule::ScheduleCache, Decimal, Frequency, Ledger, Method, Money, NaiveDate, OverduePolicy, Payment, Rate,
    ScheduleOptions,
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

/// A column read row by row: converted once to the type its values are read
/// from (a columnar cast), each row then decoded where it is used, so the
/// work of reading a loan runs on the thread that computes it.
enum Column {
    /// The table has no such column: every row is null.
    Missing,
    /// The column could not be converted: every row has this error.
    Broken(String),
    Text(StringArray),
    Decimal(Decimal128Array, u32),
    Integer(Int64Array),
    Date(Date32Array),
}

/// How a column's values are meant.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Meaning {
    Text,
    /// An exact number: decimals and integers as they are, text parsed;
    /// floats refused (they are not exact).
    Number,
    Date,
}

impl Column {
    fn of(column: Option<&ArrayRef>, name: &str, meaning: Meaning) -> Column {
        let Some(column) = column else { return Column::Missing };
        let cast = |to: &DataType| arrow_cast::cast(column, to).map_err(|e| format!("{name}: {e}"));
        let text = |c: Result<ArrayRef, String>| match c {
            Ok(c) => Column::Text(c.as_string::<i32>().clone()),
            Err(e) => Column::Broken(e),
        };
        match (meaning, column.data_type()) {
            (Meaning::Number, DataType::Decimal128(_, scale)) => match u32::try_from(*scale) {
                Ok(scale) => Column::Decimal(column.as_primitive::<Decimal128Type>().clone(), scale),
                Err(_) => Column::Broken(format!("{name}: a negative decimal scale")),
            },
            (Meaning::Number, DataType::Float16 | DataType::Float32 | DataType::Float64) => Column::Broken(format!(
                "{name}: a float column is not exact; give amounts as decimal, integer or text"
            )),
            (Meaning::Number, dt) if dt.is_integer() => match cast(&DataType::Int64) {
                Ok(c) => Column::Integer(c.as_primitive::<Int64Type>().clone()),
                Err(e) => Column::Broken(e),
            },
            (Meaning::Date, DataType::Date32) => Column::Date(column.as_primitive::<Date32Type>().clone()),
            (Meaning::Date, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View) => text(cast(&DataType::Utf8)),
            (Meaning::Date, _) => match cast(&DataType::Date32) {
                Ok(c) => Column::Date(c.as_primitive::<Date32Type>().clone()),
                Err(e) => Column::Broken(e),
            },
            _ => text(cast(&DataType::Utf8)),
        }
    }

    /// Row `k` as text.
    fn text(&self, k: usize) -> Cell<String> {
        self.str(k).map(|s| s.map(str::to_owned))
    }

    fn str(&self, k: usize) -> Result<Option<&str>, String> {
        match self {
            Column::Missing => Ok(None),
            Column::Broken(e) => Err(e.clone()),
            Column::Text(a) => Ok(a.is_valid(k).then(|| a.value(k))),
            _ => Err("a text column is expected".to_owned()),
        }
    }

    /// Row `k` as an exact number.
    fn decimal(&self, k: usize, name: &str) -> Cell<Decimal> {
        match self {
            Column::Decimal(a, scale) => match a.is_valid(k) {
                false => Ok(None),
                true => Decimal::try_from_i128_with_scale(a.value(k), *scale)
                    .map(Some)
                    .map_err(|e| format!("{name}: {e}")),
            },
            Column::Integer(a) => Ok(a.is_valid(k).then(|| Decimal::from(a.value(k)))),
            _ => match self.str(k)? {
                None => Ok(None),
                Some(s) => s.trim().parse().map(Some).map_err(|e| format!("{name}: {s:?}: {e}")),
            },
        }
    }

    fn integer(&self, k: usize, name: &str) -> Cell<i64> {
        match self.decimal(k, name)? {
            None => Ok(None),
            Some(d) if d.fract().is_zero() => i64::try_from(d).map(Some).map_err(|e| format!("{name}: {e}")),
            Some(d) => Err(format!("{name}: {d} is not a whole number")),
        }
    }

    fn date(&self, k: usize, name: &str) -> Cell<NaiveDate> {
        match self {
            Column::Date(a) => match a.is_valid(k) {
                false => Ok(None),
                true => epoch_day(a.value(k))
                    .filter(|d| overdue::jobs::parse_date(&d.to_string()).is_ok())
                    .map(Some)
                    .ok_or_else(|| format!("{name}: day {} is outside years 0001 to 9999", a.value(k))),
            },
            _ => match self.str(k)? {
                None => Ok(None),
                Some(s) => overdue::jobs::parse_date(s).map(Some).map_err(|_| {
                    format!("{name}: {s:?}: not a date written YYYY-MM-DD, with a year from 0001 to 9999")
                }),
            },
        }
    }

    /// A rate: text (`18%`, `1.5%/month`) or an annual fraction.
    fn rate(&self, k: usize, name: &str) -> Cell<Rate> {
        match self {
            Column::Text(_) => match self.str(k)? {
                None => Ok(None),
                Some(s) => s.parse().map(Some).map_err(|e| format!("{name}: {s:?}: {e}")),
            },
            _ => match self.decimal(k, name)? {
                None => Ok(None),
                Some(d) => Rate::annual(d).map(Some).map_err(|e| format!("{name}: {e}")),
            },
        }
    }
}

/// The `events` column: each row's slice of a list of structs.
enum Events {
    Missing,
    Broken(String),
    List(Box<EventColumns>),
}

/// Where each row's events are, and their fields.
struct EventColumns {
    offsets: Vec<usize>,
    nulls: Option<arrow_buffer::NullBuffer>,
    date: Column,
    amount: Column,
    id: Column,
    kind: Column,
}

impl Events {
    fn of(batch: &RecordBatch) -> Events {
        let Some(column) = batch.column_by_name("events") else {
            return Events::Missing;
        };
        match column.data_type() {
            DataType::List(_) => Events::list(column.as_list::<i32>()),
            DataType::LargeList(_) => Events::list(column.as_list::<i64>()),
            other => Events::Broken(format!("events: a list of structs is expected, not {other}")),
        }
    }

    fn list<O: OffsetSizeTrait>(list: &GenericListArray<O>) -> Events {
        let Some(items) = list.values().as_any().downcast_ref::<StructArray>() else {
            return Events::Broken("events: each event must be a struct".to_owned());
        };
        if items.column_by_name("date").is_none() || items.column_by_name("amount").is_none() {
            return Events::Broken("events: each event needs `date` and `amount` fields".to_owned());
        }
        Events::List(Box::new(EventColumns {
            offsets: list.value_offsets().iter().map(|o| o.as_usize()).collect(),
            nulls: list.nulls().cloned(),
            date: Column::of(items.column_by_name("date"), "date", Meaning::Date),
            amount: Column::of(items.column_by_name("amount"), "amount", Meaning::Number),
            id: Column::of(items.column_by_name("id"), "id", Meaning::Text),
            kind: Column::of(items.column_by_name("kind"), "kind", Meaning::Text),
        }))
    }

    fn row(&self, row: usize) -> Result<Vec<Event>, String> {
        match self {
            Events::Missing => Ok(Vec::new()),
            Events::Broken(e) => Err(e.clone()),
            Events::List(list) => {
                let EventColumns {
                    offsets,
                    nulls,
                    date,
                    amount,
                    id,
                    kind,
                } = list.as_ref();
                if nulls.as_ref().is_some_and(|n| n.is_null(row)) {
                    return Ok(Vec::new());
                }
                let start = offsets.get(row).copied().unwrap_or(0);
                let end = offsets.get(row + 1).copied().unwrap_or(start);
                Ok((start..end)
                    .map(|k| Event {
                        kind: kind.text(k).ok().flatten(),
                        id: id.text(k).ok().flatten(),
                        date: date.date(k, "date"),
                        amount: amount.decimal(k, "amount"),
                    })
                    .collect())
            }
        }
    }
}

/// A flat table's columns, read row by row.
pub(crate) struct Columns {
    principal: Column,
    rate: Column,
    installments: Column,
    disbursement: Column,
    method: Column,
    frequency: Column,
    first_due: Column,
    policy: Column,
    events: Events,
}

impl Columns {
    /// The columns of `batch`, converted once.
    pub(crate) fn of(batch: &RecordBatch) -> Columns {
        let column = |name: &str, meaning| Column::of(batch.column_by_name(name), name, meaning);
        Columns {
            principal: column("principal", Meaning::Number),
            rate: match batch.column_by_name("rate").map(|c| c.data_type()) {
                Some(DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View) => column("rate", Meaning::Text),
                _ => column("rate", Meaning::Number),
            },
            installments: column("installments", Meaning::Number),
            disbursement: column("disbursement", Meaning::Date),
            method: column("method", Meaning::Text),
            frequency: column("frequency", Meaning::Text),
            first_due: column("first_due", Meaning::Date),
            policy: column("policy", Meaning::Text),
            events: Events::of(batch),
        }
    }

    /// Row `k`'s terms.
    pub(crate) fn terms(&self, k: usize) -> Terms {
        Terms {
            principal: self.principal.decimal(k, "principal"),
            rate: self.rate.rate(k, "rate"),
            installments: self.installments.integer(k, "installments"),
            disbursement: self.disbursement.date(k, "disbursement"),
            method: self.method.text(k),
            frequency: self.frequency.text(k),
            first_due: self.first_due.date(k, "first_due"),
            policy: self.policy.text(k),
            events: self.events.row(k),
        }
    }
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
    pub(crate) fn ledger(self, default: &OverduePolicy, cache: &mut ScheduleCache) -> Result<Ledger, String> {
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
            options = options.with_method(method(&m)?);
        }
        if let Some(f) = self.frequency? {
            options = options.with_frequency(frequency(&f)?);
        }
        if let Some(d) = self.first_due? {
            options = options.with_first_due(d);
        }
        let schedule = cache.build(&options).map_err(|e| e.to_string())?;
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
