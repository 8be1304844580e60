//! The walk-through's picture: what each way out has cost by each date,
//! against staying overdue, with the break-even dates marked.

use chrono::{Days, NaiveDate};
use overdue::{compare::ComparisonResult, compare::OptionResult, Comparison, WayOut};
use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;

/// Days after the comparison date, and an amount as a plotting coordinate
/// (the picture only: every figure printed stays exact).
type Point = (i64, f64);

/// What the borrower has paid on `option` by each day from `start` to `end`.
fn paid_by_day(option: &OptionResult, start: NaiveDate, end: i64) -> Vec<Point> {
    let mut points = Vec::new();
    let mut paid = rust_decimal::Decimal::ZERO;
    for day in 0..=end {
        let date = start + Days::new(u64::try_from(day).unwrap_or(0));
        for flow in option.cash_flows.iter().filter(|f| f.date == date) {
            paid -= flow.amount; // the borrower's payments are negative flows
        }
        points.push((day, paid.to_f64().unwrap_or(0.0)));
    }
    points
}

/// The payoff of staying overdue, every fifth day from `start` to `end` days later.
fn stay_line(c: &Comparison, start: NaiveDate, end: i64) -> Vec<Point> {
    (0..=end)
        .step_by(5)
        .map(|day| {
            let date = start + Days::new(u64::try_from(day).unwrap_or(0));
            let payoff = c
                .ledger()
                .statement(date)
                .map(|s| s.payoff.as_decimal())
                .unwrap_or_default();
            (day, payoff.to_f64().unwrap_or(0.0))
        })
        .collect()
}

/// The top of the y axis: 5 % headroom above the highest line, computed in
/// Decimal like every amount.
fn top_of(lines: &[(&OptionResult, Vec<Point>)], stay: &[Point]) -> f64 {
    let top = lines
        .iter()
        .flat_map(|(_, p)| p.iter().map(|q| q.1))
        .chain(stay.iter().map(|q| q.1))
        .fold(0.0_f64, f64::max);
    rust_decimal::Decimal::from_f64_retain(top)
        .map(|t| t * rust_decimal::Decimal::new(105, 2))
        .and_then(|t| t.to_f64())
        .unwrap_or(top)
}

/// Writes the chart to `path`: one line per way out (what has been paid by
/// each date), the cost of staying overdue and paying everything on that
/// day, and a dot where staying starts to cost more than each way out.
pub fn write(c: &Comparison, r: &ComparisonResult, path: &str) -> Result<(), String> {
    let start = r.as_of;
    let end_date = r
        .options
        .iter()
        .flat_map(|o| o.cash_flows.iter().map(|f| f.date).chain(o.break_even))
        .max()
        .unwrap_or(start);
    let end = (end_date - start).num_days() + 30;
    let stay = stay_line(c, start, end);
    let lines: Vec<(&OptionResult, Vec<Point>)> = r
        .options
        .iter()
        .filter(|o| !matches!(o.way, WayOut::Stay { .. }))
        .map(|o| (o, paid_by_day(o, start, end)))
        .collect();
    let top = top_of(&lines, &stay);
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let root = SVGBackend::new(path, (1000, 560)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| err(&e))?;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            format!("What each way out has cost by each day from {start}"),
            ("sans-serif", 20),
        )
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(64)
        .build_cartesian_2d(0..end, 0.0..top)
        .map_err(|e| err(&e))?;
    chart
        .configure_mesh()
        .x_desc("days from today")
        .y_desc("paid by that day")
        .x_label_formatter(&|d| {
            (start + Days::new(u64::try_from(*d).unwrap_or(0)))
                .format("%Y-%m")
                .to_string()
        })
        .draw()
        .map_err(|e| err(&e))?;
    chart
        .draw_series(LineSeries::new(stay.iter().copied(), BLACK.stroke_width(3)))
        .map_err(|e| err(&e))?
        .label("stay overdue, then pay everything")
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], BLACK.stroke_width(3)));
    for (i, (option, points)) in lines.iter().enumerate() {
        let colour = Palette99::pick(i).to_rgba();
        chart
            .draw_series(LineSeries::new(points.iter().copied(), colour.stroke_width(2)))
            .map_err(|e| err(&e))?
            .label(option.label.clone())
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], colour.stroke_width(2)));
        if let Some(day) = option.break_even {
            let offset = (day - start).num_days();
            let at = stay.iter().min_by_key(|p| (p.0 - offset).abs()).map_or(0.0, |p| p.1);
            chart
                .draw_series(std::iter::once(Circle::new((offset, at), 6, colour.filled())))
                .map_err(|e| err(&e))?;
        }
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .draw()
        .map_err(|e| err(&e))?;
    root.present().map_err(|e| err(&e))
}
