//! Reference cases for the comparison, and the borrower walk-through checked against the library.

use crate::common::{d, m};
use overdue::compare::{ComparisonResult, DebtService, OptionResult, Order, RankBy, Refinance, ServiceFee};
use overdue::limits::{LenderKind, Warning};
use overdue::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

#[path = "../../examples/borrower/scenario.rs"]
mod scenario;

fn example_binary() -> std::path::PathBuf {
    // target/<profile>/deps/integration-… → target/<profile>/examples/borrower
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap();
    dir.join("examples")
        .join(format!("borrower{}", std::env::consts::EXE_SUFFIX))
}

/// `cargo test` builds the examples, but a filtered run (`--test integration`) does not: rebuild
/// the example when its binary is older than a source it is built from (the library's and the
/// walk-throughs' files; not the test binary, which the same `cargo test` may link later).
fn ensure_example_built() {
    static BUILT: std::sync::Once = std::sync::Once::new();
    BUILT.call_once(|| {
        let binary = example_binary();
        let modified = |p: &std::path::Path| p.metadata().and_then(|m| m.modified()).ok();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let newest_source = ["src", "examples", "Cargo.toml", "examples/Cargo.toml"]
            .iter()
            .filter_map(|p| newest(&root.join(p)))
            .max();
        if modified(&binary).is_some_and(|built| newest_source.is_some_and(|source| built >= source)) {
            return;
        }
        let profile_dir = binary.parent().unwrap().parent().unwrap();
        let mut cargo = std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        cargo
            .args(["build", "--example", "borrower"])
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        if profile_dir.file_name().is_some_and(|n| n == "release") {
            cargo.arg("--release");
        }
        assert!(cargo.status().unwrap().success(), "building the example failed");
    });
}

/// The latest modification time of `path` or of any file under it.
fn newest(path: &std::path::Path) -> Option<std::time::SystemTime> {
    let meta = path.metadata().ok()?;
    if !meta.is_dir() {
        return meta.modified().ok();
    }
    std::fs::read_dir(path)
        .ok()?
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| newest(&entry.path()))
        .max()
}

fn run_example(args: &[&str]) -> std::process::Output {
    ensure_example_built();
    std::process::Command::new(example_binary())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo test builds the examples")
}

/// The walk-through prints, for every option in rank order, the numbers the library computes.
#[test]
fn the_walk_through_reports_the_librarys_numbers() {
    let result = scenario::comparison().unwrap().run().unwrap();
    let out = run_example(&[]);
    assert!(out.status.success());
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains(&format!(
        "{} days past due, bucket {}",
        result.statement.days_past_due, result.statement.bucket
    )));
    assert!(report.contains(&format!("payoff today {}", result.payoff.grouped())));
    let rows: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()) && !l.contains(". "))
        .collect();
    assert_eq!(rows.len(), 7);
    for (row, o) in rows.iter().zip(&result.options) {
        let label = row.split("  ").nth(1).unwrap().trim_end_matches('…');
        assert!(
            row.starts_with(&format!("{}  ", o.rank)) && o.label.starts_with(label),
            "{row}"
        );
        let cells: Vec<&str> = row.split_whitespace().rev().take(7).collect();
        let [dpd, over, peak, _apr, npv, cost, total] = cells[..] else {
            panic!("{row}")
        };
        // amounts for a reader: thousands grouped, the loan's two places
        assert_eq!(total, o.total_paid.grouped(), "{row}");
        assert_eq!(cost.replace(',', ""), o.cost.to_string(), "{row}");
        assert_eq!(npv, o.npv.grouped(), "{row}");
        assert_eq!(peak, o.peak_monthly.grouped(), "{row}");
        for amount in [total, cost, npv, peak] {
            assert_eq!(amount.split_once('.').map(|(_, f)| f.len()), Some(2), "{row}");
        }
        assert_eq!(over, o.months_over_budget.to_string(), "{row}");
        assert_eq!(dpd, o.credit.highest_days_past_due.to_string(), "{row}");
    }
    // each way out's break-even date, in words
    let with_break_even: Vec<_> = result.options.iter().filter_map(|o| o.break_even).collect();
    assert!(!with_break_even.is_empty());
    for day in with_break_even {
        let line = format!("break-even: from {day} on, staying costs more than this");
        assert!(report.contains(&line), "{line}");
    }
    assert!(
        report.lines().all(|l| l.chars().count() <= 100),
        "a line is wider than 100 columns"
    );
    // the JSON file is the same scenario
    let from_file = run_example(&["examples/borrower.json"]);
    assert_eq!(String::from_utf8(from_file.stdout).unwrap(), report);
}

#[test]
fn a_malformed_request_names_the_field_and_fails() {
    let dir = std::env::temp_dir().join(format!("overdue-bad-{}.json", std::process::id()));
    let good = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/borrower.json")).unwrap();
    std::fs::write(
        &dir,
        good.replacen("\"as_of\": \"2026-06-24\"", "\"as_of\": \"2026-02-30\"", 1),
    )
    .unwrap();
    let out = run_example(&[dir.to_str().unwrap()]);
    std::fs::remove_file(&dir).ok();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    // the library's strict reader: the file, then the path of the wrong field
    assert!(err.contains(r#".json: as_of: "2026-02-30" is not a date"#), "{err}");
}

#[test]
fn the_walk_through_prints_how_to_use_it_on_help_and_refuses_an_unknown_option() {
    let out = run_example(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let usage = String::from_utf8(out.stdout).unwrap();
    assert!(
        usage.contains("Usage: cargo run --example borrower -- [FILE]"),
        "{usage}"
    );
    let out = run_example(&["--verbose"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("unknown option --verbose; --help says"), "{err}");
}

/// The request and the result round-trip through JSON, and the example file is the built-in scenario.
#[test]
fn request_and_result_round_trip_through_json() {
    let request = scenario::comparison().unwrap();
    let json = serde_json::to_string(&request).unwrap();
    let back: Comparison = serde_json::from_str(&json).unwrap();
    assert_eq!(back, request);
    let file: Comparison = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/borrower.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(file, request);
    let result = request.run().unwrap();
    let text = serde_json::to_string(&result).unwrap();
    assert!(text.contains(r#""payoff":"9579.04""#));
    let back: ComparisonResult = serde_json::from_str(&text).unwrap();
    assert_eq!(back, result);
}

/// Hand-checked figures of the scenario (today 2026-06-24, payoff 9,579.04):
/// - family loan at 0 %: pays exactly the payoff, cost 0, APR 0;
/// - stay 60 days: pays the payoff on 08-23; NPV = that / 1.05^(60/365);
/// - small loan with a 2 % fee deducted: principal 9,579.04 / 0.98 = 9,774.5306 → 9,774.54 (up),
///   so 9,579.04 is left after the 195.50 fee;
/// - debt service: 15 % of 9,579.04 = 1,436.86 today; then 80 % of the payoff on 09-24.
#[test]
fn scenario_figures_by_hand() {
    let request = scenario::comparison().unwrap();
    let r = request.run().unwrap();
    let by = |label: &str| r.options.iter().find(|o| o.label.starts_with(label)).unwrap();
    assert_eq!(r.payoff, m(dec!(9579.04)));
    let family = by("Family");
    assert_eq!(
        (family.total_paid, family.cost, family.apr),
        (m(dec!(9579.04)), dec!(0), Some(dec!(0)))
    );
    assert_eq!(family.effective_rate, Some(dec!(0)));
    assert_eq!(family.cash_flows.len(), 6);
    let stay = by("Stay");
    let payoff_then = request.ledger().statement(d(2026, 8, 23)).unwrap().payoff;
    assert_eq!(stay.total_paid, payoff_then);
    let discount = (1.05f64).powf(60.0 / 365.0);
    let expected = payoff_then.as_decimal() / Decimal::try_from(discount).unwrap();
    assert!(
        (stay.npv.as_decimal() - expected).abs() < dec!(0.01),
        "{} vs {}",
        stay.npv,
        expected
    );
    assert_eq!(stay.credit.highest_days_past_due, 100);
    let small = by("Small loan");
    let principal: Decimal = -small.cash_flows.iter().map(|f| f.amount).sum::<Decimal>();
    let schedule =
        Schedule::equal_installment(m(dec!(9774.54)), Rate::annual(dec!(0.15)).unwrap(), 12, d(2026, 6, 24)).unwrap();
    assert_eq!(principal, schedule.total_paid().unwrap().as_decimal());
    let service = by("Debt service");
    assert_eq!(service.cash_flows[0], CashFlow::new(d(2026, 6, 24), dec!(-1436.86)));
    let at_settlement = request.ledger().statement(d(2026, 9, 24)).unwrap().payoff;
    let settlement = -service.cash_flows[1].amount;
    assert_eq!(settlement, (at_settlement.as_decimal() * dec!(0.8)).round_dp(2));
    assert!(by("Private")
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::AboveLegalCap { .. })));
    assert!(!by("Small loan")
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::AboveLegalCap { .. })));
}

/// The break-even date is exact: staying until the day before costs no more than the option,
/// staying until the day costs more.
#[test]
fn break_even_is_exact_to_the_day() {
    let request = scenario::comparison().unwrap();
    let r = request.run().unwrap();
    for o in r.options.iter().filter(|o| o.break_even.is_some()) {
        let day = o.break_even.unwrap();
        assert!(
            request.ledger().statement(day).unwrap().payoff > o.total_paid,
            "{}",
            o.label
        );
        if day > r.as_of {
            let before = day.pred_opt().unwrap();
            assert!(
                request.ledger().statement(before).unwrap().payoff <= o.total_paid,
                "{}",
                o.label
            );
            assert_eq!(o.longest_delay_days, Some((before - r.as_of).num_days() as u32));
        }
    }
}

#[test]
fn rank_by_total_or_peak_reorders() {
    let request = scenario::comparison().unwrap().with_order(Order::MoneyOnly);
    let by_total = request.clone().with_rank_by(RankBy::TotalPaid).run().unwrap();
    assert!(by_total.options.windows(2).all(|w| w[0].total_paid <= w[1].total_paid));
    let by_peak = request.with_rank_by(RankBy::PeakMonthlyPayment).run().unwrap();
    assert!(by_peak
        .options
        .windows(2)
        .all(|w| w[0].peak_monthly <= w[1].peak_monthly));
    assert_eq!(by_peak.options[0].label, "Restructure 12, half penalty off");
}

#[test]
fn options_dated_before_today_are_rejected() {
    let request = scenario::comparison()
        .unwrap()
        .option(Choice::new("too late", WayOut::Stay { until: d(2026, 6, 1) }));
    assert_eq!(
        request.run().unwrap_err().to_string(),
        "stay date 2026-06-01 must be after comparison date 2026-06-24"
    );
}

/// The walk-through used to rank first a debt-management service needing an
/// 8,083.62 lump sum against a 1,800 monthly budget (it leaves the loan 132 days past due), and
/// "stay 60 more days" (9,921.52 in one month) third. Affordable first (the default), the first
/// option is one the borrower can pay, every unaffordable one ranks after every affordable one,
/// and its reason names the month and the amount over budget. The money-only order stays.
#[test]
fn affordable_options_rank_first() {
    let request = scenario::comparison().unwrap();
    let r = request.run().unwrap();
    assert_eq!(r.order, Order::AffordableFirst);
    assert!(r.options[0].affordable, "{}", r.options[0].label);
    assert_eq!(r.options[0].label, "Family loan, 0 %, 6 months");
    let first_unaffordable = r.options.iter().position(|o| !o.affordable).unwrap();
    assert!(r.options[first_unaffordable..].iter().all(|o| !o.affordable));
    let service = r.options.iter().find(|o| o.label.starts_with("Debt service")).unwrap();
    let over = service.first_over_budget.unwrap();
    assert_eq!(
        (over.month, over.paid, over.over_by),
        (d(2026, 9, 1), m(dec!(8083.62)), m(dec!(6283.62)))
    );
    assert!(
        service.reason.contains("over budget in 2026-09 by 6,283.62"),
        "{}",
        service.reason
    );
    let stay = r.options.iter().find(|o| o.label.starts_with("Stay")).unwrap();
    assert!(
        stay.reason.contains("over budget in 2026-08 by 8,121.52"),
        "{}",
        stay.reason
    );
    // the budget, given as 1800, is reported at the loan's minor unit like every other amount
    assert_eq!(r.monthly_budget.to_string(), "1800.00");
    assert!(stay.reason.contains("against 1,800.00"), "{}", stay.reason);
    assert!(stay
        .warnings
        .iter()
        .any(|w| w.to_string().contains("budget of 1,800.00")));
    // by money alone the service is cheapest (NPV 9,421.65)
    let money_only = request.with_order(Order::MoneyOnly).run().unwrap();
    assert_eq!(money_only.options[0].label, service.label);
}

/// The shortest term whose every month fits the budget, checked against running
/// each term: a family loan of today's payoff (9,579.04) fits a 1,800 budget from 6 months on
/// (1,596.51 a month; 5 months would be 1,915.81).
#[test]
fn fit_to_budget_finds_the_shortest_term() {
    let request = scenario::comparison().unwrap();
    let family = WayOut::Refinance(Refinance::new(LenderKind::FamilyOrFriends, Rate::ZERO, 24));
    let Some(WayOut::Refinance(fits)) = request.fit_to_budget(&family, 60).unwrap() else {
        panic!()
    };
    assert_eq!(fits.installments(), 6);
    for n in 1..=8u32 {
        let run = request
            .clone()
            .option(Choice::new(
                "n",
                WayOut::Refinance(Refinance::new(LenderKind::FamilyOrFriends, Rate::ZERO, n)),
            ))
            .run()
            .unwrap();
        let o = run.options.iter().find(|o| o.label == "n").unwrap();
        assert_eq!(o.months_over_budget == 0, n >= 6, "{n}");
    }
    // nothing fits a budget of 0
    let broke = Comparison::new(
        request.ledger().clone(),
        request.as_of(),
        Budget::new(Money::ZERO, Money::ZERO),
        Rate::ZERO,
    );
    assert_eq!(broke.fit_to_budget(&family, 12).unwrap(), None);
}

/// The Chinese private-lending cap (4 × the one-year LPR on the contract date, 12 %
/// in 2026) applies to interest, penalties and fees together as a simple annual rate (Supreme
/// People's Court, Provisions on Private Lending Cases, 2020 revision, arts. 25 and 29), not to a
/// compounded effective rate. A private loan at 11.6 %/year in 12 monthly installments has an
/// effective rate of (1 + 0.116/12)^12 − 1 = 12.21 %, and was warned as above the cap; its
/// simple annual rate is 11.6 %: no warning. At 3 %/month (36 %/year simple) the warning's
/// figure is about 36 %, the rate a court compares, not the effective 42 %.
#[test]
fn the_private_lending_cap_compares_the_simple_annual_rate() {
    let request = scenario::comparison().unwrap();
    let with = |rate: Rate| {
        alone(
            &request,
            WayOut::Refinance(Refinance::new(LenderKind::PrivateLender, rate, 12)),
        )
    };
    let under = with(Rate::annual(dec!(0.116)).unwrap());
    assert!(under.effective_rate.unwrap() > dec!(0.12), "{:?}", under.effective_rate);
    assert!(!under
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::AboveLegalCap { .. })));
    let over = with(Rate::monthly(dec!(0.03)).unwrap());
    let check = over
        .warnings
        .iter()
        .find_map(|w| match w {
            Warning::AboveLegalCap { check } => Some(*check),
            _ => None,
        })
        .unwrap();
    // 35.94 %: the nominal monthly rate of the payments, on actual days, against today's payoff
    assert!(
        check.annual_rate > dec!(0.355) && check.annual_rate < dec!(0.365),
        "{}",
        check.annual_rate
    );
    assert_eq!(check.cap, Rate::annual(dec!(0.12)).unwrap());
}

/// A licensed institution's interest, penalties and fees together above 24 %/year
/// are reduced by a court at the borrower's request (Supreme People's Court, 法发〔2017〕22号,
/// art. 2). A licensed refinance at 60 % used to get no warning; at 15 % it gets none.
#[test]
fn a_licensed_lender_above_24_percent_is_flagged() {
    let request = scenario::comparison().unwrap();
    let with = |rate: Rate| {
        alone(
            &request,
            WayOut::Refinance(Refinance::new(LenderKind::LicensedInstitution, rate, 12)),
        )
    };
    let high = with(Rate::annual(dec!(0.60)).unwrap());
    let flagged = high.warnings.iter().find_map(|w| match w {
        Warning::AboveCourtLimit { annual_rate, limit } => Some((*annual_rate, *limit)),
        _ => None,
    });
    let (rate, limit) = flagged.unwrap();
    assert!(rate > dec!(0.59) && rate < dec!(0.61), "{rate}");
    assert_eq!(limit, Rate::annual(dec!(0.24)).unwrap());
    assert!(!high.affordable);
    assert!(high.reason.contains("above a legal limit"), "{}", high.reason);
    let fair = with(Rate::annual(dec!(0.15)).unwrap());
    assert!(!fair
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::AboveCourtLimit { .. })));
}

/// The negative record is kept five years from the day the adverse event ends
/// (征信业管理条例, art. 16): a restructure that leaves nothing past due ends it on its own date
/// (2026-06-24), not with its last installment (2027-06-24). And a debt-relief service that takes
/// its fee before settling any debt is warned (16 CFR 310.4(a)(5)(i)); one paid a share of the
/// savings at settlement is not.
#[test]
fn the_record_runs_from_the_cure_and_advance_fees_are_flagged() {
    let r = scenario::comparison().unwrap().run().unwrap();
    let restructure = r.options.iter().find(|o| o.label.starts_with("Restructure")).unwrap();
    assert_eq!(restructure.credit.settled_on, d(2027, 6, 24));
    assert_eq!(restructure.credit.delinquency_ends, d(2026, 6, 24));
    assert_eq!(restructure.credit.negative_record_until, d(2031, 6, 24));
    let stay = r.options.iter().find(|o| o.label.starts_with("Stay")).unwrap();
    assert_eq!(stay.credit.negative_record_until, d(2031, 8, 23));
    let service = r.options.iter().find(|o| o.label.starts_with("Debt service")).unwrap();
    assert!(service
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::AdvanceFee { fee } if *fee == m(dec!(1436.86)))));
    let request = scenario::comparison().unwrap();
    let on_savings = alone(
        &request,
        WayOut::DebtService(DebtService::new(
            ServiceFee::ShareOfSavings(Ratio::new(dec!(0.2)).unwrap()),
            Ratio::new(dec!(0.2)).unwrap(),
            3,
        )),
    );
    assert!(!on_savings
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::AdvanceFee { .. })));
}

/// The court limit (法发〔2017〕22号, art. 2) covers a lender's interest, penalties and fees, not
/// a debt-management service's own fee: a service taking 3,000 up front and settling the
/// licensed loan at 20 % off in 3 months costs more than 24 % a year in all, but what the lender
/// receives is less than today's payoff, so no court-limit warning; the fee gets the service's
/// own checks (an advance fee, 16 CFR 310.4(a)(5)(i)), each naming its source.
#[test]
fn a_court_limit_does_not_cover_a_debt_services_own_fee() {
    let request = scenario::comparison().unwrap();
    let service = alone(
        &request,
        WayOut::DebtService(DebtService::new(
            ServiceFee::Flat(m(dec!(3000))),
            Ratio::new(dec!(0.2)).unwrap(),
            3,
        )),
    );
    assert!(service.apr.unwrap() > dec!(0.24), "{:?}", service.apr);
    assert!(
        !service
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::AboveCourtLimit { .. })),
        "{:?}",
        service.warnings
    );
    assert!(service.affordable);
    let advance = service
        .warnings
        .iter()
        .find(|w| matches!(w, Warning::AdvanceFee { .. }))
        .unwrap();
    assert_eq!(
        advance.to_string(),
        "fee 3,000.00 taken before any debt is settled (US: forbidden, 16 CFR 310.4(a)(5)(i))"
    );
    // the same cost charged by a licensed lender is flagged, with its source
    let refinance = alone(
        &request,
        WayOut::Refinance(Refinance::new(
            LenderKind::LicensedInstitution,
            Rate::annual(dec!(0.60)).unwrap(),
            12,
        )),
    );
    let court = refinance
        .warnings
        .iter()
        .find(|w| matches!(w, Warning::AboveCourtLimit { .. }))
        .unwrap();
    assert!(court.to_string().contains("法发〔2017〕22号"), "{court}");
}

/// The one option `way` worked out on the scenario's loan and date, with a budget it fits.
fn alone(request: &Comparison, way: WayOut) -> OptionResult {
    Comparison::new(
        request.ledger().clone(),
        request.as_of(),
        Budget::new(m(dec!(20000)), Money::ZERO),
        Rate::ZERO,
    )
    .option(Choice::new("alone", way))
    .run()
    .unwrap()
    .options
    .remove(0)
}
