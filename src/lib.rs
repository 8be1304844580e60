//! # overdue — the exact arithmetic of overdue debt
//!
//! A borrower who misses a repayment faces penalty interest and late fees that
//! grow every day, and a few ways out. `overdue` computes the numbers exactly,
//! in [`Decimal`] and to the minor unit of the currency.
//!
//! **It is** a pure library: no I/O, no clock ("today" is always an argument),
//! no global state; the same inputs always give the same outputs, and no
//! public function panics: everything that can fail returns [`Result`].
//! **It is not** a servicing system, a currency library or legal advice, and it
//! never uses floating point for money.
//!
//! ## Quick start: a 12-month installment plan
//!
//! ```
//! use overdue::NaiveDate;
//! use overdue::{Money, Rate, Schedule};
//! use overdue::dec;
//!
//! let disbursed = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
//! let plan = Schedule::equal_installment(Money::new(dec!(12000))?, Rate::annual(dec!(0.18))?, 12, disbursed)?;
//! let first = &plan.installments()[0];
//! assert_eq!(first.due_date, NaiveDate::from_ymd_opt(2026, 2, 15).unwrap());
//! assert_eq!((first.interest.to_string(), first.payment.to_string()), ("180.00".into(), "1100.16".into()));
//! assert_eq!(plan.total_interest()?.to_string(), "1201.95");
//! # Ok::<(), overdue::Error>(())
//! ```
//!
//!## The types
//!
//!- [`Money`]: a non-negative exact amount; [`Rounding`] says where and how it
//!  is rounded (minor-unit scale, [`RoundingMode`]).
//!- [`Rate`]: a rate with its [`RatePeriod`] (annual, monthly, daily); it
//!  converts only through a [`Frequency`] or a [`DayCount`].
//!- [`DayCount`] counts days and year fractions; [`Frequency`] makes due
//!  dates from an anchor.
//!- [`Schedule`] is built from [`ScheduleOptions`] (a [`Method`], an
//!  [`InterestBasis`](schedule::InterestBasis), a [`Rounding`]) and holds [`Installment`](schedule::Installment)s. Its
//!  [`InterestModel`](schedule::InterestModel) says whether contract interest is fixed by the
//!  schedule or accrues daily on the actual balance ([`DailyInstallments`](schedule::DailyInstallments)
//!  says what the installments do then); a [`FloatingRate`](rate::FloatingRate) (an index
//!  [`RateTable`](rate::RateTable) + a [`Spread`](rate::Spread), [`Reset`](rate::Reset), [`Fixing`](rate::Fixing), [`OnReset`](rate::OnReset)) makes
//!  the rate float. The [`guide::interest`] explains both. A batch of
//!  loans of one product builds its schedules through a [`ScheduleCache`](schedule::ScheduleCache),
//!  which computes each rate and term's annuity divisor once.
//!- [`CashFlow`]s (borrower's view: received positive, paid negative) feed the
//!  cost metrics: [`total_paid`](cost::total_paid), [`total_cost`](cost::total_cost), [`xnpv`](cost::xnpv), [`xirr`], [`irr`](cost::irr),
//!  [`china_apr`](cost::china_apr), [`reg_z_apr`](cost::reg_z_apr) (over a [`UnitPeriod`](cost::UnitPeriod)), [`eu_aprc`](cost::eu_aprc).
//!- Legal limits: [`RateTable`](rate::RateTable) (the one-year LPR), [`PrivateLendingCap`](limits::PrivateLendingCap),
//!  [`UsLateFeeSafeHarbor`](limits::UsLateFeeSafeHarbor), [`EuLatePayment`](limits::EuLatePayment).
//!- [`Error`] is the one error type; [`Result`] its alias.
//!
//!- A [`Ledger`] holds a schedule, an [`OverduePolicy`] (penalty rate and
//!  base, [`LateFee`](accrual::LateFee), [`Grace`](accrual::Grace), [`Caps`](accrual::Caps), charge-off, [`Buckets`](accrual::Buckets), an
//!  [`AllocationOrder`](accrual::AllocationOrder) with its [`Surplus`](accrual::Surplus) prepayment rule, [`Pyramiding`](accrual::Pyramiding),
//!  what charge-off stops ([`Accrual`](accrual::Accrual)), [`EarlySettlement`](accrual::EarlySettlement)) and [`Event`](accrual::Event)s
//!  ([`Payment`], [`Reversal`](accrual::Reversal), [`Refund`](accrual::Refund), [`Waiver`](accrual::Waiver), and the
//!  [`Interruption`](accrual::Interruption)s of the limitation period);
//!  [`Ledger::statement`] replays them into a [`Statement`]:
//!  [`InstallmentStatement`](accrual::InstallmentStatement)s with [`Components`] charged, paid, waived,
//!  outstanding and upcoming, days past due, bucket, [`LoanStatus`](accrual::LoanStatus), payoff,
//!  every [`PaymentAllocation`](accrual::PaymentAllocation), [`Rebate`](accrual::Rebate)s and [`PossibleDuplicate`](accrual::PossibleDuplicate)s;
//!  [`Ledger::autodebit`] says what an autodebit should collect, and
//!  [`Ledger::limitation`] until when a claim can be brought, [`Ledger::timeline`] what happens
//!  when if nothing is paid ([`Timeline`](accrual::Timeline), [`Milestone`](accrual::Milestone)),
//!  ([`LimitationRules`](accrual::LimitationRules), [`Limitation`](accrual::Limitation)), [`Ledger::pboc_record`] the
//!  credit report's repayment record ([`PbocRecord`](report::PbocRecord)) and
//!  [`Ledger::risk_class`] its risk class ([`AssetClass`](report::AssetClass),
//!  [`ClassificationRules`](report::ClassificationRules)), [`Ledger::metro2`] its US Metro 2 fields
//!  ([`Metro2Record`](report::Metro2Record); see [`guide::reporting`]), and [`Ledger::journal`]
//!  its double-entry books under a [`BookingPolicy`](books::BookingPolicy) ([`Journal`](books::Journal),
//!  [`TrialBalance`](books::TrialBalance); see [`guide::accounting`]). The
//!  [`guide::accrual`] explains every field.
//!- A [`Card`](revolving::Card) (信用卡) is replayed into its statements
//!  ([`Card::statement`](revolving::Card::statement)): interest by balance,
//!  the minimum payment, the grace period, late charges and charge-off.
//!- A [`CreditLine`](revolving::CreditLine) (随借随还) holds several
//!  [`Draw`](revolving::Draw)s, each a loan of its own on the line's due day,
//!  and [`Payment`]s shared among them;
//!  [`CreditLine::statement`](revolving::CreditLine::statement) gives the line's
//!  [`LineStatement`](revolving::LineStatement): its days past due, bill, available
//!  limit, whether it is frozen, and each draw's statement. A
//!  [`TrancheLoan`](revolving::TrancheLoan) is paid out in [`Tranche`](revolving::Tranche)s
//!  up to its approved amount, each re-amortising the installments that remain
//!  (or on a schedule of its own). See [`revolving`].
//!- A [`Restructure`](restructure::Restructure) (a [`NewPlan`](restructure::NewPlan): new [`Terms`](schedule::Terms), re-amortisation or a
//!  deferral by a [`Shift`](restructure::Shift); a [`ComponentPlan`](restructure::ComponentPlan) per component; a down
//!  payment and a [`PlanFee`](restructure::PlanFee)) is recorded on the ledger; the statement then
//!  follows the new plan and lists a [`RestructureSummary`](restructure::RestructureSummary);
//!  [`Ledger::plan_effect`] says what it changes. See [`guide::restructuring`].
//!- A [`Comparison`] puts the ways out ([`WayOut`]: pay now, stay, a
//!  restructure, a [`Refinance`](compare::Refinance), a [`DebtService`](compare::DebtService)) side by side for one
//!  borrower ([`Budget`], a discount rate) and ranks them ([`RankBy`](compare::RankBy)) into a
//!  [`ComparisonResult`](compare::ComparisonResult) of [`OptionResult`](compare::OptionResult)s with [`Warning`](limits::Warning)s and a
//!  [`CreditImpact`](compare::CreditImpact). See [`guide::compare`] and [`guide::json`].
//!- A [`Plan`] spreads one [`MonthlyBudget`](plan::MonthlyBudget) over several [`Debt`](plan::Debt)s
//!  (several lenders, one pay cheque), booking each month's payments
//!  through each loan's own ledger under a [`PlanStrategy`](plan::PlanStrategy), into a
//!  [`PlanResult`](plan::PlanResult) ([`PlanMonth`](plan::PlanMonth), [`LoanMonth`](plan::LoanMonth), [`LoanOutcome`](plan::LoanOutcome),
//!  [`CreditDamage`](plan::CreditDamage), [`BucketMonths`](plan::BucketMonths)); [`Plan::compare`] puts every
//!  strategy side by side ([`PlanComparison`](plan::PlanComparison)) and a [`Consolidation`](plan::Consolidation)
//!  weighs one new loan that pays some of them off
//!  ([`ConsolidationResult`](plan::ConsolidationResult)). See [`guide::plan`].
//!- [`Ratio`] is a proportion that is not a rate (a 5 % fee, a 50 % uplift).
//!- Whatever the input, every call returns `Ok` or a named [`Error`], never
//!  a panic, a hang or a silently rounded amount, and a ledger's JSON always
//!  reloads: see [`guide::reliability`].
//!
//!## Cookbook
//!
//!### What does this borrower owe today?
//!A 12,000 loan at 18 % over 12 months; the borrower paid the first three
//!installments and missed the fourth and fifth. The online lender charges
//!0.05 %/day on the overdue installment and a 30.00 fee after a 3-day grace.
//! ```
//! use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Payment, NaiveDate, dec};
//! use overdue::accrual::{Grace, LateFee, PenaltyBase, PenaltyRate};
//! let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
//! let plan = Schedule::equal_installment(Money::new(dec!(12000))?, Rate::annual(dec!(0.18))?, 12, d(2026, 1, 15))?;
//! let policy = OverduePolicy::new()
//!     .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005))?))
//!     .with_penalty_base(PenaltyBase::OverdueInstallment)
//!     .with_late_fee(LateFee::flat(Money::new(dec!(30))?))
//!     .with_grace(Grace::waive(3));
//! let mut ledger = Ledger::new(plan, policy)?;
//! for (id, day) in [("m1", d(2026, 2, 15)), ("m2", d(2026, 3, 15)), ("m3", d(2026, 4, 15))] {
//!     ledger.pay(Payment::new(id, day, Money::new(dec!(1100.16))?)?)?;
//! }
//! let today = ledger.statement(d(2026, 6, 24))?;        // the 4th was due 05-15: 40 days ago
//! assert_eq!((today.days_past_due, today.bucket.as_str()), (40, "M2"));
//! // 1,100.16 × 0.05 % × 40 days = 22.00; 1,100.16 × 0.05 % × 9 days = 4.95
//! assert_eq!(today.outstanding.penalty_interest, Money::new(dec!(26.95))?);
//! assert_eq!(today.outstanding.fees, Money::new(dec!(60))?);              // two late fees
//! // unpaid principal 9,197.91 + interest 137.97 + 123.54 + 86.95 + 9/30 of the June interest 108.89
//! assert_eq!(today.payoff.to_string(), "9579.04");                       // what clears it all today
//! # Ok::<(), overdue::Error>(())
//! ```
//!
//!### Apply a partial payment
//!Payments go through the policy's [`AllocationOrder`](accrual::AllocationOrder); each statement lists
//!how every payment was applied.
//! ```
//! use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Payment, NaiveDate, dec};
//! use overdue::accrual::AllocationOrder;
//! let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
//! let plan = Schedule::equal_installment(Money::new(dec!(10000))?, Rate::annual(dec!(0.12))?, 12, d(2026, 1, 1))?;
//! let mut ledger = Ledger::new(plan, OverduePolicy::new().with_allocation(AllocationOrder::civil_code_561()))?;
//! ledger.pay(Payment::new("p1", d(2026, 2, 11), Money::new(dec!(50))?)?)?;
//! let paid = &ledger.statement(d(2026, 2, 11))?.allocations[0].parts;
//! // penalty interest 3.94 and compound 0.50 count as interest; then the 100.00 contract interest
//! assert_eq!(paid.iter().map(|p| p.amount.to_string()).collect::<Vec<_>>(), ["3.94", "0.50", "45.56"]);
//! # Ok::<(), overdue::Error>(())
//! ```
//!
//!### Pay extra, and never pay for days that have not passed
//!Money beyond what is due reduces principal and shortens the term by default
//!([`Surplus`](accrual::Surplus)); whatever the choice, interest paid ahead is earned only as
//!the days pass, and the payoff counts off what is not.
//! ```
//! use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Payment, NaiveDate, dec};
//! use overdue::accrual::{AllocationOrder, Surplus};
//! let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
//! let plan = Schedule::equal_installment(Money::new(dec!(12000))?, Rate::annual(dec!(0.18))?, 12, d(2026, 1, 15))?;
//! let ahead = OverduePolicy::new().with_allocation(AllocationOrder::servicer_default().with_surplus(Surplus::NextInstallments));
//! let mut ledger = Ledger::new(plan, ahead)?;
//! ledger.pay(Payment::new("extra", d(2026, 2, 1), Money::new(dec!(3300.48))?)?)?; // three installments ahead
//! let st = ledger.statement(d(2026, 2, 1))?;
//! // interest paid 180.00 + 166.20 + 152.19; earned: 17 of the first period's 31 days, 98.71
//! assert_eq!(st.unearned_prepaid.to_string(), "399.68");
//! # Ok::<(), overdue::Error>(())
//! ```
//!
//!### Build a 12-month installment plan with equal principal
//! ```
//! use overdue::{Money, Rate, Schedule, NaiveDate, dec};
//! let plan = Schedule::equal_principal(Money::new(dec!(120000))?, Rate::annual(dec!(0.06))?, 12,
//!     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
//! assert_eq!(plan.installments()[0].payment.to_string(), "10600.00");
//! assert_eq!(plan.installments()[11].payment.to_string(), "10050.00");
//! # Ok::<(), overdue::Error>(())
//! ```
//!
//!### A flat-fee plan (分期手续费) and its real cost
//! ```
//! use overdue::{Money, Rate, Schedule, ScheduleOptions, Method, NaiveDate, dec};
//! // "only 0.6 % a month": 12 × (1,000 + 72)
//! let options = ScheduleOptions::new(Money::new(dec!(12000))?, Rate::ZERO, 12,
//!         NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
//!     .with_method(Method::FlatFee { fee: Rate::monthly(dec!(0.006))? });
//! let plan = Schedule::build(&options)?;
//! assert_eq!(plan.level_payment().unwrap().to_string(), "1072.00");
//! assert_eq!(plan.total_fees()?.to_string(), "864.00");
//! # Ok::<(), overdue::Error>(())
//! ```
//!
//!### Odd first period: interest by actual days
//! ```
//! use overdue::{Money, Rate, DayCount, Schedule, ScheduleOptions, NaiveDate, dec};
//! use overdue::schedule::InterestBasis;
//! let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
//! let options = ScheduleOptions::new(Money::new(dec!(36500))?, Rate::annual(dec!(0.10))?, 6, d(1, 20))
//!     .with_first_due(d(3, 1))                                   // 40 days
//!     .with_basis(InterestBasis::ActualDays(DayCount::Act365Fixed));
//! assert_eq!(Schedule::build(&options)?.installments()[0].interest.to_string(), "400.00");
//! # Ok::<(), overdue::Error>(())
//! ```
//!
//!### Penalty interest for 30 days at the contract rate + 50 %
//! ```
//! use overdue::{Money, Rounding, Rate, DayCount, NaiveDate, dec};
//! let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
//! let penalty = Rate::annual(dec!(0.0435))?.scaled(dec!(1.5))?;
//! let exact = penalty.simple_interest(Money::new(dec!(10000))?, d(3, 1), d(3, 31), DayCount::Act360)?;
//! assert_eq!(Rounding::default().round(exact).to_string(), "54.38");
//! # Ok::<(), overdue::Error>(())
//! ```
//!
//!### Compute the APR of a loan with fees
//! ```
//! use overdue::{Money, Rate, Frequency, Schedule, CashFlow, NaiveDate, dec};
//! use overdue::cost::china_apr;
//! // 12,000 at 15 %/year over 12 months, with a 2 % fee taken from the disbursement
//! let plan = Schedule::equal_installment(Money::new(dec!(12000))?, Rate::annual(dec!(0.15))?, 12,
//!     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
//! let mut flows: Vec<_> = CashFlow::from_schedule(&plan)?.iter().map(|f| f.amount).collect();
//! flows[0] -= dec!(240); // the borrower only gets 11,760
//! let apr = china_apr(&flows, Frequency::Monthly)?;
//! assert_eq!((apr.nominal * dec!(100)).round_dp(2), dec!(18.88)); // not 15 %
//! # Ok::<(), overdue::Error>(())
//! ```
//!
//!### Is this private loan's rate enforceable in China?
//! ```
//! use overdue::{Rate, DayCount, NaiveDate, dec};
//! use overdue::limits::PrivateLendingCap;
//! use overdue::rate::RateTable;
//! let formed = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
//! let cap = PrivateLendingCap::on(formed, &RateTable::china_lpr_one_year())?; // 4 × 3.00 % = 12 %
//! let check = cap.check_rate(Rate::monthly(dec!(0.03))?, DayCount::Act365Fixed)?;
//! assert!(check.exceeded); // 36 % a year: the part above 12 % is not enforceable
//! # Ok::<(), overdue::Error>(())
//! ```
//!
//!### What happens if I don't pay?
//![`Ledger::timeline`] dates what a loan left as it is brings: each late
//!fee, each bucket change, the day it may be reported to the PBOC (the first
//!day overdue) and by Metro 2 (30 days), the lender's freeze, charge-off and
//!legal action ([`Collections`](accrual::Collections)), and the end of the limitation period;
//!a comparison lists it as `if_unpaid`. See [`guide::accrual`].
//! ```
//! use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, NaiveDate, dec};
//! use overdue::accrual::{Collections, LateFee, Milestone};
//! let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
//! let plan = Schedule::equal_installment(Money::new(dec!(12000))?, Rate::annual(dec!(0.18))?, 12, d(2026, 1, 15))?;
//! let policy = OverduePolicy::new()
//!     .with_late_fee(LateFee::flat(Money::new(dec!(30))?))
//!     .with_charge_off_after(180)
//!     .with_collections(Collections::new().with_legal_action_after(90));
//! let timeline = Ledger::new(plan, policy)?.timeline(d(2026, 2, 1), d(2027, 2, 1))?;
//! let legal = timeline.entries.iter().find(|e| e.milestone == Milestone::LegalAction).unwrap();
//! assert_eq!(legal.text, "on 2026-05-16 the lender takes legal action or hands this loan to collection (its policy)");
//! # Ok::<(), overdue::Error>(())
//! ```
//!
//!### What if I pay more?
//![`Plan::sweep`] runs the least-cost plan at each of a range of monthly
//!budgets: the cost, what paying more saves, the debt-free date, months at
//!90+ days and the peak days past due. Paying more never shows a dearer
//!plan: each budget's plan is searched from the one below it. With one loan
//!it answers "what if I pay X more a month?". See [`guide::plan`].
//! ```
//! use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Plan, NaiveDate, dec};
//! use overdue::plan::{Debt, MonthlyBudget};
//! let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
//! let loan = Ledger::new(Schedule::equal_installment(Money::new(dec!(12000))?, Rate::annual(dec!(0.18))?, 12, d(2026, 10, 5))?, OverduePolicy::new())?;
//! let plan = Plan::new(d(2026, 10, 6), MonthlyBudget::Constant(Money::ZERO), 5, 14).debt(Debt::new("loan", loan));
//! let sweep = plan.sweep(&"1100..1700/300".parse()?)?;           // 1,100, 1,400 and 1,700 a month
//! let more = sweep.pay_more(Money::new(dec!(300))?).unwrap();
//! println!("300 more a month saves {} and clears the loan on {:?}", more.saved, more.debt_free_on);
//! assert!(sweep.points.windows(2).all(|w| w[1].cost <= w[0].cost));
//! # Ok::<(), overdue::Error>(())
//! ```
//!
//!### Should I refinance?
//!Put every way out side by side: [`Comparison`] works out each path's cash
//!flows, total, NPV at the borrower's own discount rate, APR, peak monthly
//!payment against their budget, credit impact, legal-cap warnings and the
//!day from which staying overdue costs more, and ranks first what the
//!borrower can afford. `cargo run --example borrower`
//!prints the full report for a worked scenario; see [`guide::compare`].
//! ```
//! use overdue::{Money, Rate, Ratio, Schedule, Ledger, OverduePolicy, Payment, Comparison, Choice, WayOut, Budget, NaiveDate, dec};
//! use overdue::accrual::{PenaltyBase, PenaltyRate};
//! use overdue::compare::{FeePayment, Refinance};
//! use overdue::limits::LenderKind;
//! use overdue::restructure::PlanFee;
//! let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
//! let plan = Schedule::equal_installment(Money::new(dec!(12000))?, Rate::annual(dec!(0.18))?, 12, d(2026, 1, 15))?;
//! let policy = OverduePolicy::new()
//!     .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005))?))
//!     .with_penalty_base(PenaltyBase::OverdueInstallment);
//! let mut ledger = Ledger::new(plan, policy)?;
//! for (id, day) in [("m1", d(2026, 2, 15)), ("m2", d(2026, 3, 15)), ("m3", d(2026, 4, 15))] {
//!     ledger.pay(Payment::new(id, day, Money::new(dec!(1100.16))?)?)?;
//! }
//! let today = d(2026, 6, 24);                                    // 40 days past due
//! let budget = Budget::new(Money::new(dec!(6000))?, Money::new(dec!(4200))?);
//! let result = Comparison::new(ledger, today, budget, Rate::annual(dec!(0.05))?)
//!     .option(Choice::new("small loan 15 %, 2 % fee", WayOut::Refinance(
//!         Refinance::new(LenderKind::LicensedInstitution, Rate::annual(dec!(0.15))?, 12)
//!             .with_upfront_fee(PlanFee::Share(Ratio::new(dec!(0.02))?), FeePayment::Deducted))))
//!     .option(Choice::new("stay 60 more days", WayOut::Stay { until: d(2026, 8, 23) }))
//!     .run()?;
//! let best = &result.options[0];
//! assert_eq!(best.label, "small loan 15 %, 2 % fee");      // what the budget can pay comes first
//! assert_eq!(best.break_even, Some(d(2027, 1, 18)));       // staying until then costs more
//! let stay = &result.options[1];
//! assert!(!stay.affordable);                               // cheaper by NPV, but all in one month …
//! assert_eq!(stay.credit.highest_days_past_due, 100);     // … and 100 days past due
//! # Ok::<(), overdue::Error>(())
//! ```
//!
//!### I owe several lenders
//!Three platforms, one pay cheque: spread the budget so that it costs
//!least, or so that the credit record suffers least, and see every plan
//!side by side. `cargo run --example several_loans` walks through one; see
//![`guide::plan`].
//! ```
//! use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Plan, NaiveDate, dec};
//! use overdue::accrual::PenaltyRate;
//! use overdue::plan::{Debt, MonthlyBudget, PlanStrategy};
//! let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
//! let daily = |r| OverduePolicy::new().with_penalty_rate(PenaltyRate::Fixed(Rate::daily(r).unwrap()));
//! let a = Ledger::new(Schedule::equal_installment(Money::new(dec!(6000))?, Rate::annual(dec!(0.18))?, 6, d(2026, 6, 5))?, daily(dec!(0.0005)))?;
//! let b = Ledger::new(Schedule::equal_installment(Money::new(dec!(3000))?, Rate::annual(dec!(0.24))?, 6, d(2026, 7, 20))?, daily(dec!(0.001)))?;
//! let plan = Plan::new(d(2026, 10, 1), MonthlyBudget::Constant(Money::new(dec!(1500))?), 10, 6)
//!     .debt(Debt::new("platform A", a))
//!     .debt(Debt::new("platform B", b));
//! let all = plan.compare()?;
//! let cheapest = all.get(PlanStrategy::LeastCost)?;
//! assert!(all.plans.iter().all(|p| cheapest.cost <= p.cost));      // never dearer than another strategy
//! assert!(cheapest.months.iter().all(|m| m.paid <= m.budget));    // never over budget
//! let recommended = all.recommended()?;                           // least damage, if within 5 % of least cost
//! assert!(recommended.cost <= cheapest.cost.checked_add(Money::new(cheapest.cost.as_decimal() * dec!(0.05))?)?);
//! # Ok::<(), overdue::Error>(())
//! ```
//!
//!### I owe on a card
//!A [`Card`](revolving::Card) is replayed day by day into its statements:
//!interest by balance (全额计息, 余额计息 or the US average daily balance),
//!the minimum payment and its due date, whether the interest-free period
//!held, the late charge, days past due from the first minimum missed, and
//!charge-off; under US rules, Regulation Z's payment order, penalty rate,
//!late-fee safe harbor and minimum-payment warning. See
//![`guide::revolving`].
//! ```
//! use overdue::revolving::{Card, CardEvent, CardTerms};
//! use overdue::{dec, Money, NaiveDate, Rate};
//! let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
//! let card = Card::new(d(3, 6), CardTerms::new(Money::new(dec!(20000))?, 5, Rate::daily(dec!(0.0005))?)?)
//!     .with_event(CardEvent::Purchase { id: "tv".into(), date: d(3, 10), amount: Money::new(dec!(10000))? })
//!     .with_event(CardEvent::Payment { id: "min".into(), date: d(4, 25), amount: Money::new(dec!(1000))? });
//! let st = card.statement(d(5, 5))?;
//! assert_eq!(st.cycles[1].interest.purchase, Money::new(dec!(275))?);  // not paid in full: 全额计息
//! assert_eq!(st.cycles[1].minimum_payment, Money::new(dec!(1175))?);  // 10 % of 9,000 + 275 interest
//! # Ok::<(), overdue::Error>(())
//! ```
//!
//!Its ways out (in full, the minimum only, a fixed amount a month, an
//!installment plan, a balance transfer, refinance) are compared as a loan's
//!are, by a [`CardComparison`](compare::CardComparison).
//!
//!### I drew several times on a credit line
//!Each draw on a credit line (随借随还) is repaid on its own terms, one bill
//!a month across them; a payment goes to the oldest due date first, and an
//!overdue line is frozen. Each draw is also a ledger of its own
//!([`CreditLine::ledgers`](revolving::CreditLine::ledgers)), reported to the
//!PBOC and to Metro 2 and classified draw by draw and as the line's worst
//!([`CreditLine::pboc_records`](revolving::CreditLine::pboc_records),
//![`CreditLine::metro2`](revolving::CreditLine::metro2),
//![`CreditLine::risk_classes`](revolving::CreditLine::risk_classes)). A loan
//!paid out in tranches uses the same replay; see [`guide::revolving`].
//! ```
//! use overdue::revolving::{CreditLine, Draw};
//! use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Payment, Rate, dec};
//! let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
//! let daily = Rate::daily(dec!(0.0004))?;
//! let line = CreditLine::new(Money::new(dec!(20000))?, 10, OverduePolicy::new())?
//!     .with_draw(Draw::new("rent", d(1, 3), Money::new(dec!(6000))?, Terms::new(daily, 6)))
//!     .with_draw(Draw::new("phone", d(1, 20), Money::new(dec!(3000))?, Terms::new(daily, 3)))
//!     .with_payment(Payment::new("feb", d(2, 10), Money::new(dec!(2200))?)?);
//! let st = line.statement(d(3, 1))?;
//! assert_eq!((st.days_past_due, st.frozen), (0, false));     // February's bill was paid
//! assert_eq!(st.next_due_date, Some(d(3, 10)));
//! assert_eq!(st.available.checked_add(st.outstanding.principal)?, line.limit());
//! # Ok::<(), overdue::Error>(())
//! ```
//!
//!## Rounding and precision
//!
//!Amounts are exact; they are rounded only where a real ledger posts them
//!(each row's interest, the level payment, each fee), with the schedule's
//![`Rounding`]. Schedules compute in integer minor units with the rate kept
//!as an exact ratio, dividing last, and the last installment absorbs the
//!residual so that parts always sum to their whole. The
//![`guide::conventions`] has every convention and edge case.
//!
//!## Guides
//!
//!Each guide is a page of these docs, with examples that run as tests:
//!
//!- [`guide::conventions`]: rounding, day counts, due dates, edge cases.
//!- [`guide::glossary`]: English and Chinese terms (逾期, 罚息, 展期, …).
//!- [`guide::accrual`]: the ledger, statements and every field of the overdue policy.
//!- [`guide::reporting`]: what a lender reports and classifies: the PBOC repayment record, Metro 2, the risk classes.
//!- [`guide::accounting`]: what a lender books: journal entries, non-accrual, charge-off, the trial balance.
//!- [`guide::interest`]: interest on the actual balance, and floating rates.
//!- [`guide::restructuring`]: deferral and restructuring, with worked cases.
//!- [`guide::cost`]: cash flows, IRR/XIRR, APR by method, legal limits.
//!- [`guide::compare`]: comparing the ways out: every metric and warning.
//!- [`guide::plan`]: one budget over several loans.
//!- [`guide::revolving`]: credit cards, credit lines with several draws, and loans paid out in tranches.
//!- [`guide::json`]: every job as JSON, the schemas, and the `overdue` command.
//!- [`guide::reliability`]: what the crate guarantees against any input.
//!- [`guide::performance`]: benchmark figures and how to reproduce them.
//!- [`changelog`]: every user-visible change.
//!
//!## Features
//!
//!- `json`: [`from_json`](https://docs.rs/overdue/latest/overdue/fn.from_json.html), the strict reader the `overdue` command and the
//!  Python package use: it names the path of a wrong field
//!  (`ledger.events[0].amount`). Adds `serde_json`.
//!- `schema`: [`json_schemas`](https://docs.rs/overdue/latest/overdue/jobs/fn.json_schemas.html), the JSON Schemas of every job's request and
//!  result, and `schemars::JsonSchema` for every serde type. Adds
//!  `schemars` (and `json`).
//!
//!Without them the crate depends on `rust_decimal`, `chrono`, `serde` and
//!`thiserror` only. Every input and output type is `serde`
//!`Serialize + Deserialize` either way, with decimals as strings;
//![`Decimal`], [`NaiveDate`] and [`dec!`] are re-exported, so `overdue`
//!alone in `Cargo.toml` runs every example here.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![doc(test(attr(deny(warnings))))]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod accrual;
pub mod books;
mod calendar;
pub mod compare;
mod component;
mod components;
pub mod cost;
mod dates;
mod dec;
mod error;
mod fraction;
pub mod guide;
pub mod jobs;
#[cfg(feature = "json")]
mod json;
pub mod limits;
mod money;
#[cfg(feature = "test-oracles")]
#[doc(hidden)]
pub mod oracles;
pub mod plan;
pub mod rate;
mod ratio;
pub mod report;
pub mod restructure;
pub mod revolving;
pub mod schedule;
#[cfg(feature = "schema")]
mod schema;
mod serde_str;
mod serde_tagged;
mod table;

/// What the crate's macros expand to; not part of the public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::dec::parse_decimal_literal;
}

pub use crate::accrual::{Ledger, OverduePolicy, Payment, Statement};
pub use crate::calendar::{DayCount, Frequency};
pub use crate::compare::{Budget, Choice, Comparison, WayOut};
pub use crate::component::Component;
pub use crate::components::Components;
pub use crate::cost::{xirr, CashFlow};
pub use crate::error::{Error, Result};
#[cfg(feature = "json")]
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
pub use crate::json::from_json;
pub use crate::money::{Money, Rounding, RoundingMode};
pub use crate::plan::Plan;
pub use crate::rate::{Rate, RatePeriod, Yield};
pub use crate::ratio::Ratio;
pub use crate::schedule::{Method, Schedule, ScheduleOptions};
/// A calendar date (from `chrono`): every due date, event and "as of" is one.
/// Re-exported so that `overdue` alone is enough to use the crate.
pub use chrono::NaiveDate;
/// The exact decimal every amount, rate and ratio is made of (from
/// `rust_decimal`), re-exported so that `overdue` alone is enough to use the
/// crate; [`dec!`] writes one as a literal.
pub use rust_decimal::Decimal;

/// Every user-visible change, release by release (`CHANGELOG.md`).
#[doc = include_str!("../CHANGELOG.md")]
pub mod changelog {}

/// The README's example runs as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
