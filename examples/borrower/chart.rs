//! The walk-through's picture: what each way out has cost by each date,
//! against staying overdue and against what the monthly budget allows, with
//! every break-even date marked and labelled.

use chrono::{Days, Months, NaiveDate};
use overdue::{compare::ComparisonResult, compare::OptionResult, Comparison, Money, WayOut};
use plotters::prelude::*;

use rust_decimal::Decimal;

use crate::chart_style::{self, coordinate, plotted, Mark};

/// Days after the comparison date, and an amount as a plotting coordinate.
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
        points.push((day, Money::new(paid).map(coordinate).unwrap_or(0.0)));
    }
    points
}

/// The payoff of staying overdue, every day from `start` to `end` days later.
fn stay_line(c: &Comparison, start: NaiveDate, end: i64) -> Vec<Point> {
    (0..=end)
        .filter_map(|day| {
            let date = start + Days::new(u64::try_from(day).unwrap_or(0));
            let statement = c.ledger().statement(date).ok()?;
            Some((day, coordinate(statement.payoff)))
        })
        .collect()
}

/// What the monthly budget allows by each day: one month's budget on the
/// first day, and one more on the same day of each month after.
fn budget_line(c: &Comparison, start: NaiveDate, end: i64) -> Vec<Point> {
    let monthly = c.budget().available().as_decimal();
    let mut points = Vec::new();
    let mut months = 1u32;
    for day in 0..=end {
        let date = start + Days::new(u64::try_from(day).unwrap_or(0));
        if start
            .checked_add_months(Months::new(months))
            .is_some_and(|next| next <= date)
        {
            points.push((day, plotted(monthly * Decimal::from(months))));
            months += 1;
        }
        points.push((day, plotted(monthly * Decimal::from(months))));
    }
    points
}

/// Writes the chart to `path`: one line per way out (what has been paid by
/// each date), the cost of staying overdue and paying everything on that
/// day, what the budget allows, and each break-even point, labelled with the
/// way out's rank and its date.
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
    let budget = budget_line(c, start, end);
    let lines: Vec<(&OptionResult, Vec<Point>)> = r
        .options
        .iter()
        .filter(|o| !matches!(o.way, WayOut::Stay { .. }))
        .map(|o| (o, paid_by_day(o, start, end)))
        .collect();
    let highest = lines
        .iter()
        .flat_map(|(_, p)| p.iter().map(|q| q.1))
        .chain(stay.iter().map(|q| q.1))
        .fold(0.0_f64, f64::max);
    let top = headroom(highest);
    let mut legend = vec![
        (
            "stay overdue, then pay everything that day".to_owned(),
            Mark::Line(BLACK.to_rgba(), 3),
        ),
        (
            format!("what a budget of {} a month allows", c.budget().available().grouped()),
            Mark::Dashed(RGBAColor(120, 120, 120, 1.0)),
        ),
    ];
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let (plot, band) = chart_style::split(path, legend.len() + lines.len())?;
    // a margin of days before today, so a point on the first day is not on the axis
    let before = (end / 40).max(2);
    let mut chart = ChartBuilder::on(&plot)
        .caption(
            format!("What each way out has cost by each date, from {start}"),
            chart_style::caption_font(),
        )
        .margin(14)
        .x_label_area_size(40)
        .y_label_area_size(86)
        .build_cartesian_2d(-before..end, 0.0..top)
        .map_err(|e| err(&e))?;
    chart
        .configure_mesh()
        .x_desc("date")
        .y_desc("paid by that date")
        .x_labels(7)
        .y_labels(8)
        .label_style(chart_style::font())
        .axis_desc_style(chart_style::font())
        .x_label_formatter(&|d| chart_style::date_label(start, *d))
        .y_label_formatter(&chart_style::money_label)
        .draw()
        .map_err(|e| err(&e))?;
    let grey = RGBAColor(120, 120, 120, 1.0);
    chart
        .draw_series(DashedLineSeries::new(
            budget.iter().copied(),
            6,
            4,
            grey.stroke_width(2),
        ))
        .map_err(|e| err(&e))?;
    chart
        .draw_series(LineSeries::new(stay.iter().copied(), BLACK.stroke_width(3)))
        .map_err(|e| err(&e))?;
    // a dot where staying starts to cost more than each way out, labelled
    // with the way out's rank; dots that fall together are drawn as rings
    // around each other, and labels that would touch are stacked
    let mut dots: Vec<(i32, i32)> = Vec::new();
    let mut labels: Vec<(i32, i32)> = Vec::new();
    for (i, (option, points)) in lines.iter().enumerate() {
        let colour = chart_style::colour(i);
        chart
            .draw_series(LineSeries::new(points.iter().copied(), colour.stroke_width(2)))
            .map_err(|e| err(&e))?;
        let mut label = format!("{}. {}", option.rank, option.label);
        if let Some(day) = option.break_even {
            let offset = (day - start).num_days();
            let at = stay.iter().find(|p| p.0 == offset).map_or(0.0, |p| p.1);
            let (x, y) = chart.backend_coord(&(offset, at));
            let near = |(a, b): &(i32, i32)| (a - x).abs() <= 8 && (b - y).abs() <= 8;
            let ring = i32::try_from(dots.iter().filter(|d| near(d)).count()).unwrap_or(0);
            dots.push((x, y));
            let level = (0..)
                .find(|k| !labels.iter().any(|(lx, lk)| (lx - x).abs() < 18 && lk == k))
                .unwrap_or(0);
            labels.push((x, level));
            let dot = EmptyElement::at((offset, at))
                + Circle::new(
                    (0, 0),
                    5 + 4 * ring,
                    if ring == 0 {
                        colour.filled()
                    } else {
                        colour.stroke_width(2)
                    },
                )
                + Text::new(
                    option.rank.to_string(),
                    (-4, 12 + 16 * level),
                    bold_font().color(&colour),
                );
            chart.draw_series(std::iter::once(dot)).map_err(|e| err(&e))?;
            label.push_str(&format!(": from {day} on, staying costs more"));
        }
        legend.push((label, Mark::Line(colour, 2)));
    }
    chart_style::legend(&band, &legend)?;
    plot.present().map_err(|e| err(&e))
}

/// The font of the labels on points.
fn bold_font() -> TextStyle<'static> {
    ("sans-serif", 15, FontStyle::Bold).into_font().into()
}

/// The top of the y axis: 8 % headroom above the highest line, computed in
/// Decimal like every amount.
fn headroom(highest: f64) -> f64 {
    Decimal::from_f64_retain(highest)
        .map(|t| plotted(t * Decimal::new(108, 2)))
        .filter(|t| *t > 0.0)
        .unwrap_or(1.0)
}
