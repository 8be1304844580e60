//! The walk-throughs' chart style: 800 pixels wide, money with thousands
//! separators and two decimals, dates written in full, and the legend in its
//! own band below the plot so it never covers a line.

use chrono::{Days, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;

/// The chart's width in pixels.
pub const WIDTH: u32 = 800;
/// The plot's height; the legend's band is added below it.
pub const PLOT_HEIGHT: u32 = 440;
/// The height of one legend row.
const ROW: u32 = 22;

/// The font of labels and the legend.
pub fn font() -> TextStyle<'static> {
    ("sans-serif", 14).into_font().into()
}

/// Ten colours that read on white and apart from each other (Tableau 10,
/// the yellow darkened).
const PALETTE: [RGBColor; 10] = [
    RGBColor(31, 119, 180),
    RGBColor(214, 39, 40),
    RGBColor(44, 160, 44),
    RGBColor(255, 127, 14),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(23, 150, 165),
    RGBColor(150, 150, 20),
    RGBColor(127, 127, 127),
];

/// The `i`th line's colour.
pub fn colour(i: usize) -> RGBAColor {
    PALETTE.get(i % PALETTE.len()).copied().unwrap_or(BLACK).to_rgba()
}

/// The caption's font.
pub fn caption_font() -> TextStyle<'static> {
    ("sans-serif", 18).into_font().into()
}

/// An amount as the axes print it: `12,000.00`.
pub fn money_label(value: &f64) -> String {
    match Decimal::from_f64(*value).and_then(|d| overdue::Money::new(d.round_dp(2)).ok()) {
        Some(m) => {
            let mut exact = m.as_decimal();
            exact.rescale(2);
            overdue::Money::new(exact).map(|m| m.grouped()).unwrap_or_default()
        }
        None => String::new(),
    }
}

/// An exact amount as a plotting coordinate (the picture only: every figure
/// printed stays exact).
pub fn coordinate(amount: overdue::Money) -> f64 {
    plotted(amount.as_decimal())
}

/// A decimal as a plotting coordinate.
pub fn plotted(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// The day `offset` days after `start`, written in full.
pub fn date_label(start: NaiveDate, offset: i64) -> String {
    u64::try_from(offset)
        .ok()
        .and_then(|d| start.checked_add_days(Days::new(d)))
        .map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string())
}

/// A part of the picture.
pub type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// How a legend entry is drawn.
pub enum Mark {
    /// A line of this colour and width.
    Line(RGBAColor, u32),
    /// A dashed line of this colour.
    Dashed(RGBAColor),
}

/// The whole picture: the plot on top and a legend band of `entries` rows
/// below it.
pub fn split(path: &str, entries: usize) -> Result<(Area<'_>, Area<'_>), String> {
    let rows = u32::try_from(entries).unwrap_or(1);
    let root = SVGBackend::new(path, (WIDTH, PLOT_HEIGHT + 16 + rows * ROW)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let (plot, legend) = root.split_vertically(PLOT_HEIGHT);
    Ok((plot, legend))
}

/// Draws `entries`, one a row, in the legend band.
pub fn legend(area: &Area<'_>, entries: &[(String, Mark)]) -> Result<(), String> {
    let err = |e: &dyn std::fmt::Display| e.to_string();
    for (i, (label, mark)) in entries.iter().enumerate() {
        let x = 70;
        let y = 12 + i32::try_from(i).unwrap_or(0) * i32::try_from(ROW).unwrap_or(22);
        let line = vec![(x, y), (x + 26, y)];
        match mark {
            Mark::Line(colour, width) => area.draw(&PathElement::new(line, colour.stroke_width(*width))),
            Mark::Dashed(colour) => {
                for k in 0..3 {
                    area.draw(&PathElement::new(
                        vec![(x + 10 * k, y), (x + 10 * k + 6, y)],
                        colour.stroke_width(2),
                    ))
                    .map_err(|e| err(&e))?;
                }
                Ok(())
            }
        }
        .map_err(|e| err(&e))?;
        area.draw(&Text::new(label.clone(), (x + 34, y - 8), font()))
            .map_err(|e| err(&e))?;
    }
    Ok(())
}
