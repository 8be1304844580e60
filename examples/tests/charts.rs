//! The walk-throughs' charts, drawn from their built-in scenarios and read
//! back as SVG text: dates and money as a reader reads them, every
//! break-even point labelled, and the legend beside, not over, the lines.

#[path = "../borrower/chart.rs"]
mod borrower_chart;
#[path = "../borrower/scenario.rs"]
mod borrower_scenario;
#[path = "../shared/chart_style.rs"]
mod chart_style;
#[path = "../several_loans/scenario.rs"]
mod several_loans;
#[path = "../several_loans/chart.rs"]
mod sweep_chart;

/// The SVG's text elements (their y coordinate and text), in order.
fn text_elements(svg: &str) -> Vec<(f64, String)> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let (attributes, rest) = t.split_once('>')?;
            let (text, _) = rest.split_once("</text>")?;
            let y = attributes.split("y=\"").nth(1)?.split('"').next()?.parse().ok()?;
            Some((y, text.trim().replace("&apos;", "'").replace("&amp;", "&")))
        })
        .collect()
}

/// The SVG's texts, in order.
fn texts(svg: &str) -> Vec<String> {
    text_elements(svg).into_iter().map(|(_, t)| t).collect()
}

/// The y coordinate of each text element whose text is `text`.
fn ys_of(svg: &str, text: &str) -> Vec<f64> {
    text_elements(svg)
        .into_iter()
        .filter(|(_, t)| t == text)
        .map(|(y, _)| y)
        .collect()
}

/// The chart `draw` writes, read back.
fn drawn(name: &str, draw: impl FnOnce(&str) -> Result<(), String>) -> Result<String, String> {
    let path = std::env::temp_dir().join(format!("overdue-{name}-{}.svg", std::process::id()));
    let path = path.to_str().ok_or("a temporary path that is not UTF-8")?.to_owned();
    draw(&path)?;
    let svg = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    std::fs::remove_file(&path).map_err(|e| e.to_string())?;
    Ok(svg)
}

#[test]
fn the_borrower_chart_labels_dates_money_and_every_break_even_point() {
    let comparison = borrower_scenario::comparison().unwrap();
    let result = comparison.run().unwrap();
    let svg = drawn("borrower", |path| borrower_chart::write(&comparison, &result, path)).unwrap();
    assert!(svg.contains(r#"width="800""#), "readable at 800 pixels wide");
    let texts = texts(&svg);
    assert!(texts.iter().any(|t| t == "date"), "the time axis is labelled \"date\"");
    // the date axis: full dates, evenly spaced
    let dates: Vec<chrono::NaiveDate> = texts.iter().filter_map(|t| t.parse().ok()).collect();
    assert!(dates.len() >= 3, "{texts:?}");
    let gaps: Vec<i64> = dates.windows(2).map(|w| (w[1] - w[0]).num_days()).collect();
    assert!(gaps.iter().all(|g| *g == gaps[0]), "unevenly spaced dates: {dates:?}");
    // money with thousands separators and two decimals
    assert!(texts.iter().any(|t| t == "10,000.00"), "{texts:?}");
    assert!(
        !texts.iter().any(|t| t.contains(".0") && !t.contains(".00")),
        "{texts:?}"
    );
    // every way out with a break-even date has a labelled point and says its date in the legend
    let with_break_even: Vec<_> = result.options.iter().filter(|o| o.break_even.is_some()).collect();
    assert!(with_break_even.len() >= 5);
    let legend_top = ys_of(&svg, "stay overdue, then pay everything that day")[0];
    for option in with_break_even {
        let day = option.break_even.unwrap();
        let labels = ys_of(&svg, &option.rank.to_string());
        assert!(!labels.is_empty(), "no label for {}", option.label);
        assert!(
            labels.iter().all(|y| *y < legend_top),
            "the label of {} is in the legend",
            option.label
        );
        assert!(
            texts.iter().any(|t| t.starts_with(&format!("{}. ", option.rank))
                && t.ends_with(&format!("from {day} on, staying costs more"))),
            "{texts:?}"
        );
    }
    // the budget is drawn, and the legend is below the plot
    let budget = comparison.budget().available().grouped();
    assert!(texts
        .iter()
        .any(|t| t == &format!("what a budget of {budget} a month allows")));
    assert!(legend_top > f64::from(chart_style::PLOT_HEIGHT));
}

#[test]
fn the_sweep_chart_shows_cost_and_debt_free_date_against_the_budget() {
    let plan = several_loans::plan().unwrap();
    let sweep = plan.sweep(&"1100..3300/275".parse().unwrap()).unwrap();
    let budget = overdue::Money::new(rust_decimal::Decimal::from(2200)).unwrap();
    let svg = drawn("sweep", |path| sweep_chart::write(&sweep, budget, plan.as_of(), path)).unwrap();
    let texts = texts(&svg);
    for title in [
        "monthly budget",
        "least cost",
        "debt-free on",
        "the plan's budget: 2,200 a month",
    ] {
        assert!(texts.iter().any(|t| t == title), "no {title:?} in {texts:?}");
    }
    assert!(texts.iter().any(|t| t == "2,000.00"), "{texts:?}");
    assert!(
        texts.iter().any(|t| t.parse::<chrono::NaiveDate>().is_ok()),
        "{texts:?}"
    );
}
