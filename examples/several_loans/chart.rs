//! The sweep's picture: the least cost and the debt-free date at each
//! monthly budget, with the plan's own budget marked.

use overdue::{plan::BudgetSweep, Money, NaiveDate};
use plotters::prelude::*;

use rust_decimal::Decimal;

use crate::chart_style::{self, coordinate, plotted, Mark};

/// Writes the chart to `path`: the least-cost plan's cost against the
/// budget (left axis), the day it leaves the borrower debt-free (right axis;
/// no point where the plan does not), and the budget the plan was asked
/// about.
pub fn write(sweep: &BudgetSweep, budget: Money, start: NaiveDate, path: &str) -> Result<(), String> {
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let (Some(first), Some(last)) = (sweep.points.first(), sweep.points.last()) else {
        return Err("the sweep has no budgets".to_owned());
    };
    // every bound is worked out in Decimal, like every amount
    let (low, high) = (first.budget.as_decimal(), last.budget.as_decimal());
    let margin = ((high - low) / Decimal::from(20)).max(Decimal::ONE);
    let (left, right) = (plotted(low - margin), plotted(high + margin));
    let costs: Vec<(f64, f64)> = sweep
        .points
        .iter()
        .map(|p| (coordinate(p.budget), coordinate(p.cost)))
        .collect();
    let free: Vec<(f64, i64)> = sweep
        .points
        .iter()
        .filter_map(|p| Some((coordinate(p.budget), (p.debt_free_on? - start).num_days())))
        .collect();
    // the cost axis spans the costs (with a tenth of their range either side),
    // so that what paying more saves can be seen
    let highest = sweep
        .points
        .iter()
        .map(|p| p.cost.as_decimal())
        .max()
        .unwrap_or_default();
    let lowest = sweep
        .points
        .iter()
        .map(|p| p.cost.as_decimal())
        .min()
        .unwrap_or_default();
    let pad = ((highest - lowest) / Decimal::from(10)).max(Decimal::ONE);
    let (bottom, top) = (plotted((lowest - pad).max(Decimal::ZERO)), plotted(highest + pad));
    let last_day = free.iter().map(|f| f.1).max().unwrap_or(30).max(30);
    let (cost_colour, date_colour) = (chart_style::colour(0), chart_style::colour(1));
    let legend = vec![
        (
            "least cost: paid, plus what is still owed at the plan's end".to_owned(),
            Mark::Line(cost_colour, 3),
        ),
        (
            "debt-free on (right axis; none while the plan leaves a debt)".to_owned(),
            Mark::Line(date_colour, 2),
        ),
        (
            format!("the plan's budget: {} a month", budget.grouped()),
            Mark::Dashed(RGBAColor(120, 120, 120, 1.0)),
        ),
    ];
    let (plot, band) = chart_style::split(path, legend.len())?;
    let mut chart = ChartBuilder::on(&plot)
        .caption(
            "What if I pay more? The least-cost plan at each monthly budget",
            chart_style::caption_font(),
        )
        .margin(14)
        .x_label_area_size(40)
        .y_label_area_size(86)
        .right_y_label_area_size(96)
        .build_cartesian_2d(left..right, bottom..top)
        .map_err(|e| err(&e))?
        .set_secondary_coord(left..right, 0..last_day + last_day / 10);
    chart
        .configure_mesh()
        .x_desc("monthly budget")
        .y_desc("least cost")
        .x_labels(8)
        .y_labels(8)
        .label_style(chart_style::font())
        .axis_desc_style(chart_style::font())
        .x_label_formatter(&chart_style::money_label)
        .y_label_formatter(&chart_style::money_label)
        .draw()
        .map_err(|e| err(&e))?;
    chart
        .configure_secondary_axes()
        .y_desc("debt-free on")
        .y_labels(8)
        .label_style(chart_style::font())
        .axis_desc_style(chart_style::font())
        .y_label_formatter(&|d| chart_style::date_label(start, *d))
        .draw()
        .map_err(|e| err(&e))?;
    let grey = RGBAColor(120, 120, 120, 1.0);
    let at = coordinate(budget);
    chart
        .draw_series(DashedLineSeries::new(
            [(at, bottom), (at, top)],
            6,
            4,
            grey.stroke_width(2),
        ))
        .map_err(|e| err(&e))?;
    chart
        .draw_series(LineSeries::new(costs.iter().copied(), cost_colour.stroke_width(3)))
        .map_err(|e| err(&e))?;
    chart
        .draw_series(costs.iter().map(|c| Circle::new(*c, 4, cost_colour.filled())))
        .map_err(|e| err(&e))?;
    chart
        .draw_secondary_series(LineSeries::new(free.iter().copied(), date_colour.stroke_width(2)))
        .map_err(|e| err(&e))?;
    chart
        .draw_secondary_series(free.iter().map(|f| Circle::new(*f, 4, date_colour.filled())))
        .map_err(|e| err(&e))?;
    chart_style::legend(&band, &legend)?;
    plot.present().map_err(|e| err(&e))
}
