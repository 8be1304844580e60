//! Plain-text tables: what `Display` prints for a schedule, a statement, a
//! comparison and a plan, and what the `overdue` command shows. Every table
//! fits a 100-column terminal (a label too long for its column is cut with
//! `…`); numbers are right-aligned, text left-aligned.

use std::fmt;

use crate::accrual::{InstallmentStatus, LoanStatus, Milestone, PromotionState, Statement, Timeline, TimelineEntry};
use crate::compare::{ComparisonResult, OptionResult, RankBy};
use crate::components::Components;
use crate::limits::LimitsResult;
use crate::money::Money;
use crate::schedule::Schedule;

/// The widest a table may be.
const COLUMNS: usize = 100;

mod card;
mod line;
mod plan;

/// How a column lines up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

/// A table: a header, rows of cells, and a footer line or two.
#[derive(Debug)]
struct Table {
    columns: Vec<(&'static str, Align)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(columns: &[(&'static str, Align)]) -> Table {
        Table {
            columns: columns.to_vec(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Each column's width: its widest cell, the first (left) column cut so
    /// that the table fits [`COLUMNS`].
    fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self.columns.iter().map(|(h, _)| h.chars().count()).collect();
        for row in &self.rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let total: usize = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
        if let (Some(first), true) = (widths.first_mut(), total > COLUMNS) {
            *first = first.saturating_sub(total - COLUMNS).max(8);
        }
        widths
    }

    fn line(&self, f: &mut fmt::Formatter<'_>, widths: &[usize], cells: &[&str]) -> fmt::Result {
        let mut out = String::new();
        for (i, ((cell, width), (_, align))) in cells.iter().zip(widths).zip(&self.columns).enumerate() {
            if i > 0 {
                out.push_str("  ");
            }
            let cell = cut(cell, *width);
            match align {
                Align::Left => out.push_str(&format!("{cell:<width$}")),
                Align::Right => out.push_str(&format!("{cell:>width$}")),
            }
        }
        writeln!(f, "{}", out.trim_end())
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let widths = self.widths();
        let header: Vec<&str> = self.columns.iter().map(|(h, _)| *h).collect();
        self.line(f, &widths, &header)?;
        for row in &self.rows {
            let cells: Vec<&str> = row.iter().map(String::as_str).collect();
            self.line(f, &widths, &cells)?;
        }
        Ok(())
    }
}

/// `text` in at most `width` characters, cut with `…`.
fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    kept + "…"
}

/// `text` wrapped at [`COLUMNS`], every line after `indent`.
fn wrap(text: &str, indent: &str) -> String {
    let mut lines = Vec::new();
    let mut line = indent.to_owned();
    for word in text.split(' ') {
        if line.len() > indent.len() && line.chars().count() + 1 + word.chars().count() > COLUMNS {
            lines.push(std::mem::replace(&mut line, indent.to_owned()));
        }
        if line.len() > indent.len() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines.join("\n")
}

fn total(c: &Components) -> String {
    c.total().map_or_else(|_| "overflow".to_owned(), Money::grouped)
}

/// The components of `c` in the statement's column order, then their total.
fn component_cells(label: &str, c: &Components) -> Vec<String> {
    vec![
        label.to_owned(),
        c.principal.grouped(),
        c.interest.grouped(),
        c.penalty_interest.grouped(),
        c.compound_interest.grouped(),
        c.fees.grouped(),
        total(c),
    ]
}

fn sum(mut amounts: impl Iterator<Item = Money>) -> String {
    amounts
        .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
        .map_or_else(|_| "overflow".to_owned(), Money::grouped)
}

fn status(s: LoanStatus) -> &'static str {
    match s {
        LoanStatus::Current => "current",
        LoanStatus::Overdue => "overdue",
        LoanStatus::ChargedOff => "charged off",
        LoanStatus::PaidOff => "paid off",
    }
}

fn state(s: InstallmentStatus) -> &'static str {
    match s {
        InstallmentStatus::Paid => "paid",
        InstallmentStatus::Settled => "settled",
        InstallmentStatus::Restructured => "restructured",
        InstallmentStatus::PastDue => "past due",
        InstallmentStatus::Due => "due",
        InstallmentStatus::NotYetDue => "not yet due",
    }
}

fn percent(rate: Option<rust_decimal::Decimal>) -> String {
    rate.and_then(|r| r.checked_mul(rust_decimal::Decimal::ONE_HUNDRED))
        .map_or_else(|| "-".to_owned(), |p| format!("{:.1}%", p.round_dp(1)))
}

/// The installment table, with a total line.
///
/// ```
/// use overdue::{dec, Money, NaiveDate, Rate, Schedule};
///
/// let start = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::annual(dec!(0.12))?, 3, start)?;
/// let table = plan.to_string();
/// assert_eq!(
///     table,
///     "\
/// ##        due date   payment  principal  interest   fee  balance after
/// 1      2026-02-15    408.03     396.03     12.00  0.00         803.97
/// 2      2026-03-15    408.03     399.99      8.04  0.00         403.98
/// 3      2026-04-15    408.02     403.98      4.04  0.00           0.00
/// total              1,224.08   1,200.00     24.08  0.00
/// "
/// );
/// # Ok::<(), overdue::Error>(())
/// ```
impl fmt::Display for Schedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut table = Table::new(&[
            ("#", Align::Left),
            ("due date", Align::Right),
            ("payment", Align::Right),
            ("principal", Align::Right),
            ("interest", Align::Right),
            ("fee", Align::Right),
            ("balance after", Align::Right),
        ]);
        let rows = self.installments();
        for i in rows {
            table.row(vec![
                i.number.to_string(),
                i.due_date.to_string(),
                i.payment.grouped(),
                i.principal.grouped(),
                i.interest.grouped(),
                i.fee.grouped(),
                i.balance_after.grouped(),
            ]);
        }
        table.row(vec![
            "total".to_owned(),
            String::new(),
            sum(rows.iter().map(|i| i.payment)),
            sum(rows.iter().map(|i| i.principal)),
            sum(rows.iter().map(|i| i.interest)),
            sum(rows.iter().map(|i| i.fee)),
            String::new(),
        ]);
        write!(f, "{table}")
    }
}

/// The standing, the loan's components (charged, paid, waived, restructured,
/// outstanding, upcoming) and each installment's outstanding amounts.
///
/// ```
/// use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::annual(dec!(0.12))?, 3, d(2026, 1, 15))?;
/// let statement = Ledger::new(plan, OverduePolicy::new())?.statement(d(2026, 2, 25))?;
/// let text = statement.to_string();
/// assert!(text.starts_with("Statement on 2026-02-25: 10 days past due, bucket M1, overdue\n"));
/// assert!(text.contains("payoff today 1,216.91"));
/// assert!(text.contains("outstanding    1,200.00     12.00     1.98      0.06  0.00  1,214.04"));
/// assert!(text.contains("1  2026-02-15  past due      10     396.03     12.00     1.98      0.06  0.00  410.07"));
/// # Ok::<(), overdue::Error>(())
/// ```
impl fmt::Display for Statement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Statement on {}: {} days past due, bucket {}, {}",
            self.as_of,
            self.days_past_due,
            self.bucket,
            status(self.status)
        )?;
        let mut extras = format!("payoff today {}", self.payoff.grouped());
        for (label, amount) in [
            ("credit balance", self.credit_balance),
            ("cut by the cap", self.cap_cut),
            ("refunded", self.refunded),
        ] {
            if !amount.is_zero() {
                extras.push_str(&format!(", {label} {}", amount.grouped()));
            }
        }
        writeln!(f, "{extras}\n")?;
        let columns = [
            ("", Align::Left),
            ("principal", Align::Right),
            ("interest", Align::Right),
            ("penalty", Align::Right),
            ("compound", Align::Right),
            ("fees", Align::Right),
            ("total", Align::Right),
        ];
        let mut table = Table::new(&columns);
        for (label, c) in [
            ("charged", &self.charged),
            ("paid", &self.paid),
            ("waived", &self.waived),
            ("restructured", &self.restructured),
            ("outstanding", &self.outstanding),
            ("upcoming", &self.upcoming),
        ] {
            table.row(component_cells(label, c));
        }
        writeln!(f, "{table}")?;
        let mut table = Table::new(&[
            ("#", Align::Left),
            ("due date", Align::Right),
            ("state", Align::Left),
            ("dpd", Align::Right),
            ("principal", Align::Right),
            ("interest", Align::Right),
            ("penalty", Align::Right),
            ("compound", Align::Right),
            ("fees", Align::Right),
            ("owed", Align::Right),
        ]);
        for i in &self.installments {
            let owed = component_cells("", &i.outstanding);
            let mut row = vec![
                i.number.to_string(),
                i.due_date.to_string(),
                state(i.state).to_owned(),
                i.days_past_due.to_string(),
            ];
            row.extend(owed.into_iter().skip(1));
            table.row(row);
        }
        write!(f, "{table}")?;
        for p in &self.promotions {
            let state = match (p.state, p.met_on) {
                (PromotionState::Met, Some(day)) => format!("met on {day}: {} off", p.gave.grouped()),
                (PromotionState::Lapsed, _) => "lapsed".to_owned(),
                _ => "open".to_owned(),
            };
            write!(f, "\npromotion {:?} (offered {}): {state}", p.label, p.offered)?;
        }
        Ok(())
    }
}

/// The options, best first: what each costs, then why it is where it is
/// and its warnings.
///
/// ```
/// use overdue::{dec, Budget, Choice, Comparison, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule, WayOut};
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::annual(dec!(0.12))?, 3, d(2026, 1, 15))?;
/// let ledger = Ledger::new(plan, OverduePolicy::new())?;
/// let budget = Budget::new(Money::new(dec!(3000))?, Money::new(dec!(1000))?);
/// let result = Comparison::new(ledger, d(2026, 2, 25), budget, Rate::ZERO)
///     .option(Choice::new("pay now", WayOut::PayNow))
///     .run()?;
/// let text = result.to_string();
/// assert!(text.contains("payoff today 1,216.91, monthly budget 2,000.00"));
/// assert!(text.contains("1  pay now    1,216.91  0.00  1,216.91    -    1,216.91     0         10"));
/// assert!(text.contains("If nothing is paid\n  - on 2026-03-17 this loan is 30 days past due"));
/// # Ok::<(), overdue::Error>(())
/// ```
impl fmt::Display for ComparisonResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let st = &self.statement;
        writeln!(
            f,
            "On {}: {} days past due, bucket {}, {}",
            self.as_of,
            st.days_past_due,
            st.bucket,
            status(st.status)
        )?;
        write_options(f, self.payoff, self.monthly_budget, self.rank_by, &self.options)?;
        if let Some(timeline) = &self.if_unpaid {
            write_timeline(f, "If nothing is paid", timeline)?;
        }
        Ok(())
    }
}

/// A comparison's payoff, budget and ranking key, then its options: side by
/// side, then each with its reason, credit impact, break-even day and
/// warnings.
pub(crate) fn write_options(
    f: &mut fmt::Formatter<'_>,
    payoff: Money,
    budget: Money,
    rank_by: RankBy,
    options: &[OptionResult],
) -> fmt::Result {
    writeln!(
        f,
        "payoff today {}, monthly budget {}, ranked by {}\n",
        payoff.grouped(),
        budget.grouped(),
        rank_by
    )?;
    let mut table = Table::new(&[
        ("option", Align::Left),
        ("total paid", Align::Right),
        ("cost", Align::Right),
        ("NPV", Align::Right),
        ("APR", Align::Right),
        ("peak/month", Align::Right),
        ("over", Align::Right),
        ("worst dpd", Align::Right),
    ]);
    for o in options {
        table.row(vec![
            format!("{}  {}", o.rank, o.label),
            o.total_paid.grouped(),
            crate::money::grouped(o.cost),
            o.npv.grouped(),
            percent(o.apr),
            o.peak_monthly.grouped(),
            o.months_over_budget.to_string(),
            o.credit.highest_days_past_due.to_string(),
        ]);
    }
    write!(f, "{table}")?;
    for o in options {
        writeln!(f, "\n{}. {}", o.rank, o.label)?;
        writeln!(f, "{}", wrap(&o.reason, "   "))?;
        let c = &o.credit;
        writeln!(
            f,
            "   credit: worst {} days past due ({}), settled {}, record kept until {}",
            c.highest_days_past_due, c.bucket, c.settled_on, c.negative_record_until
        )?;
        if let Some(day) = o.break_even {
            writeln!(f, "   break-even: from {day} on, staying costs more than this")?;
        }
        for w in &o.warnings {
            writeln!(f, "{}", wrap(&format!("! {w}"), "   "))?;
        }
    }
    Ok(())
}

/// A timeline for a reader: every milestone but the late fees, which are
/// summed at the end.
fn write_timeline(f: &mut fmt::Formatter<'_>, title: &str, timeline: &Timeline) -> fmt::Result {
    writeln!(f, "\n{title}")?;
    // each milestone the first time it comes, with how often it comes again
    // (a loan paid back below a bucket and falling into it again)
    let mut firsts: Vec<(&TimelineEntry, usize)> = Vec::new();
    let mut fees = Vec::new();
    for e in &timeline.entries {
        if let Milestone::LateFee { amount, .. } = e.milestone {
            fees.push(amount);
        } else if let Some(first) = firsts.iter_mut().find(|(seen, _)| seen.milestone == e.milestone) {
            first.1 += 1;
        } else {
            firsts.push((e, 0));
        }
    }
    for (e, again) in firsts {
        let text = match again {
            0 => format!("- {}", e.text),
            1 => format!("- {} (and once more by {})", e.text, timeline.until),
            n => format!("- {} (and {n} more times by {})", e.text, timeline.until),
        };
        writeln!(f, "{}", wrap(&text, "  "))?;
    }
    if !fees.is_empty() {
        let total = Money::sum(fees.iter().copied()).map_or_else(|_| "overflow".to_owned(), Money::grouped);
        writeln!(
            f,
            "  - {} late fee(s) by {}, {total} in all",
            fees.len(),
            timeline.until
        )?;
    }
    Ok(())
}

/// Each check on a line: the rate a court compares against each limit, the
/// late fee against the safe harbor, then the warnings.
///
/// ```
/// use overdue::{dec, CashFlow, limits::LimitsRequest, NaiveDate};
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let flows = vec![CashFlow::new(d(2026, 1, 1), dec!(1000)), CashFlow::new(d(2027, 1, 1), dec!(-1300))];
/// let text = LimitsRequest::new(flows).run()?.to_string();
/// assert!(text.starts_with("simple annual rate"));
/// assert!(text.contains("24.0% court limit (licensed institution)"));
/// assert!(text.contains("above by"));
/// # Ok::<(), overdue::Error>(())
/// ```
impl fmt::Display for LimitsResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.simple_annual_rate.is_some() {
            let rates = format!(
                "{} (effective {})",
                percent(self.simple_annual_rate),
                percent(self.effective_annual_rate)
            );
            writeln!(f, "{:<44}{rates}", "simple annual rate")?;
        }
        let checks = [
            ("private-lending cap", self.private_lending_cap),
            ("court limit (licensed institution)", self.licensed_court_limit),
        ];
        for (name, check) in checks {
            if let Some(c) = check {
                let label = format!("{} {name}", percent(Some(c.cap.value())));
                let verdict = if c.exceeded {
                    format!("above by {} points", percent(Some(c.excess)).trim_end_matches('%'))
                } else {
                    "within".to_owned()
                };
                let void = if c.void { " (void: above 36%)" } else { "" };
                writeln!(f, "{:<44}{verdict}{void}", cut(&label, 43))?;
            }
        }
        if let Some(fee) = &self.late_fee {
            let label = format!("late fee {} (safe harbor {})", fee.amount, fee.max_fee);
            let verdict = if fee.exceeded {
                format!("above by {}", fee.excess)
            } else {
                "within".to_owned()
            };
            writeln!(f, "{:<44}{verdict}", cut(&label, 43))?;
        }
        for w in &self.warnings {
            writeln!(f, "{}", wrap(&format!("! {w}"), "  "))?;
        }
        Ok(())
    }
}
