import datetime
from decimal import Decimal
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

__all__ = [
    "run",
    "schedule",
    "statement",
    "compare",
    "plan",
    "sweep",
    "cost",
    "limits",
    "line",
    "tranches",
    "card",
    "card_compare",
    "xirr",
    "xnpv",
    "npv",
    "irr",
    "pmt",
    "schemas",
    "statements",
    "Record",
    "OverdueError",
    "InvalidInputError",
    "NonPositiveError",
    "NegativeError",
    "NotInMinorUnitsError",
    "ZeroError",
    "TooLargeError",
    "InvalidScaleError",
    "PrincipalBelowMinorUnitsError",
    "DateOrderError",
    "DateOutOfRangeError",
    "IndexNotPublishedError",
    "RateNeedsDayCountError",
    "DecimalOverflowError",
    "NoRootError",
    "InvalidError",
    "DuplicatePaymentError",
    "WaiverTooLargeError",
    "UnknownPaymentError",
    "AlreadyReversedError",
    "RefundTooLargeError",
    "DownPaymentTooLargeError",
    "ParseError",
]

Request = Union[Mapping[str, Any], str]
_DateLike = Union[str, datetime.date]
_Number = Union[int, str, Decimal]

class Record:
    """A read-only result object; every field of the JSON format is an attribute."""
    def __init__(self, fields: Dict[str, Any]) -> None: ...
    def __getattr__(self, name: str) -> Any: ...
    def __iter__(self) -> Iterator[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...


# --- result types: written by python/stubs.py from docs/schema; do not edit by hand ---

class AllocationPart(Record):
    """
    One slice of an allocation: an amount paid to one component of one installment.
    """
    amount: Decimal
    component: str
    installment: int

class AllocationSource(Record):
    """
    Where an allocated amount came from.
    """
    kind: str

class BucketMonths(Record):
    """
    Loan-months in one delinquency bucket.
    """
    bucket: str
    loan_months: int

class BudgetSweep(Record):
    """
    The least-cost plan at each budget of a range, smallest budget first. The cost never rises
    with the budget: the plan at each budget is searched with the plan found at the budget below
    it among its starting points (that plan fits the larger budget and costs the same there), so
    paying more never shows a dearer plan. Each budget's search refines for cost only (a plan's
    least-damage refinement is left out), and is never dearer than the simple strategies at that
    budget. The debt-free date and the credit damage usually improve too, but only the cost is
    promised.
    """
    points: Tuple[SweepPoint, ...]

class CapCheck(Record):
    """
    The result of checking a rate against a cap.
    """
    annual_rate: Decimal
    cap: Rate
    exceeded: bool
    excess: Decimal
    void: bool

class CardBalances(Record):
    """
    A card's balances by type: principal by the rate it bears, then the interest and fees
    charged (which bear none).
    """
    cash: Decimal
    fees: Decimal
    installments: Decimal
    interest: Decimal
    purchase: Decimal
    transfer: Decimal

class CardComparisonResult(Record):
    """
    A card's comparison worked out: today's statement and every option, best first, each as a
    loan's comparison gives it (`OptionResult`).
    """
    as_of: datetime.date
    monthly_budget: Decimal
    options: Tuple[OptionResult, ...]
    order: str
    payoff: Decimal
    rank_by: str
    statement: CardStatement

class CardCycle(Record):
    """
    One statement (账单) of a card.
    """
    balances: CardBalances
    cash_advances: Decimal
    closing_balance: Decimal
    credit_balance: Decimal
    days_past_due: int
    due_date: datetime.date
    fees: Decimal
    grace: str
    installments: Decimal
    interest: CardInterest
    minimum_payment: Decimal
    opening_balance: Decimal
    over_limit: Decimal
    past_due: Decimal
    payments: Decimal
    period_start: datetime.date
    purchases: Decimal
    refunds: Decimal
    returned_payments: Decimal
    statement_date: datetime.date
    transfers: Decimal
    warning: Optional[MinimumPaymentWarning]

class CardInterest(Record):
    """
    The interest a statement charges, by the balance that bore it.
    """
    cash: Decimal
    purchase: Decimal
    transfer: Decimal

class CardStatement(Record):
    """
    A card on a date: what is owed, what is due and when, days past due and every statement up
    to the date.
    """
    accrued_interest: Decimal
    as_of: datetime.date
    available: Decimal
    balances: CardBalances
    bucket: str
    convertible: Decimal
    credit_balance: Decimal
    cycles: Tuple[CardCycle, ...]
    days_past_due: int
    limit: Decimal
    minimum_due: Decimal
    next_due_date: Optional[datetime.date]
    over_limit: Decimal
    past_due: Decimal
    payoff: Decimal
    rate_in_force: str
    status: str

class CardTerms(Record):
    """
    A credit card's contract. Amounts are in cents (two decimal places); a rate is daily (0.05
    %/day, 万分之五), monthly or annual (an APR, charged per day as APR / 365). | term | default |
    |---|---| | rules | `CardRules::China` | | interest method |
    `InterestMethod::WholeStatement` (全额计息) | | due date | 20 days after the statement | |
    minimum payment | 10 % of the principal, no floor, plus interest and fees | | cash-advance
    and transfer fees | none | | annual fee | none | | late fee | none | | penalty rate | none |
    | charge-off | at 180 days past due (the US rule for open-end credit) | | over the limit |
    allowed and flagged | | tolerance | 1.00: a minimum short by no more is not late |
    """
    annual_fee: Decimal
    cash_fee: ShareFee
    cash_rate: Optional[Rate]
    charge_off_after: int
    due: DueRule
    interest_method: str
    late_fee: Any
    limit: Decimal
    minimum: MinimumPayment
    over_limit: str
    penalty_rate: Optional[Rate]
    promotion: Optional[Promotion]
    purchase_rate: Rate
    rules: str
    statement_day: int
    tolerance: Decimal
    transfer_fee: ShareFee

class CashFlow(Record):
    """
    A dated, signed amount: positive into the borrower's pocket, negative out. It serializes as
    `{"date": "2026-01-01", "amount": "-100.00"}`.
    """
    amount: Decimal
    date: datetime.date

class ChinaApr(Record):
    """
    The annualised rate of the PBoC 2021 No. 3 announcement: the IRR of all costs (interest and
    every fee) over the principal actually in use. Both figures are shown, labelled: `nominal` =
    periodic IRR × periods a year (what Chinese lenders must disclose), `effective` = (1 + i)^m
    − 1.
    """
    effective: Decimal
    nominal: Decimal
    periodic: Decimal

class ComparisonResult(Record):
    """
    Every option worked out and ranked. Built by `Comparison::run`.
    """
    as_of: datetime.date
    if_unpaid: Optional[Timeline]
    monthly_budget: Decimal
    options: Tuple[OptionResult, ...]
    order: str
    payoff: Decimal
    rank_by: str
    statement: Statement

class ComponentPlan(Record):
    """
    The plan for one component: what is waived, and where the rest goes.
    """
    then: str
    waive: Waive

class Components(Record):
    """
    An amount per `Component`.
    """
    compound_interest: Decimal
    fees: Decimal
    interest: Decimal
    penalty_interest: Decimal
    principal: Decimal

class CostResult(Record):
    """
    What a `CostRequest` measures.
    """
    china_apr: Optional[ChinaApr]
    eu_aprc: Decimal
    reg_z_apr: Decimal
    total_cost: Decimal
    total_paid: Decimal
    xirr: Decimal
    xnpv: Optional[Decimal]

class CreditDamage(Record):
    """
    Loan-months at each depth of delinquency, measured at each month's end. Each count includes
    the deeper ones (a month at 95 days counts in all four), and the derived order is the least-
    credit-damage order: 90+ first, then 60+, 30+, and any days past due.
    """
    days_30_plus: int
    days_60_plus: int
    days_90_plus: int
    past_due: int

class CreditImpact(Record):
    """
    What an option does to the borrower's credit record.
    """
    bucket: str
    delinquency_ends: datetime.date
    highest_days_past_due: int
    negative_record_until: datetime.date
    settled_on: datetime.date

class DrawStatement(Record):
    """
    One draw's statement on the line's statement date.
    """
    drawn_on: datetime.date
    id: str
    statement: Statement

class DueRule(Record):
    """
    When a statement's payment falls due.
    """

class FloatingRate(Record):
    """
    A contract rate of an index plus a spread, fixed again on each reset date, held between an
    optional floor and cap (and never below zero). The rate fixed on a date applies from the
    first period that starts on or after it: a period's interest is at one rate, the rate in
    force at its start. A reset that leaves the rate unchanged changes nothing.
    """
    cap: Optional[Rate]
    fixing: Any
    floor: Optional[Rate]
    index: Any
    on_reset: str
    reset: Any
    resets_from: Optional[datetime.date]
    spread: Decimal

class Installment(Record):
    """
    One row of a schedule. `payment = principal + interest + fee` exactly, and `balance_after`
    is the principal still owed after this installment is paid.
    """
    balance_after: Decimal
    due_date: datetime.date
    fee: Decimal
    interest: Decimal
    number: int
    payment: Decimal
    principal: Decimal

class InstallmentStatement(Record):
    """
    One installment on a statement. For every component, `charged = paid + waived + restructured
    + outstanding` exactly.
    """
    cap_cut: Decimal
    charged: Components
    days_past_due: int
    due_date: datetime.date
    grace_waived: Decimal
    number: int
    outstanding: Components
    paid: Components
    rate: Rate
    restructured: Components
    state: str
    upcoming: Components
    waived: Components

class InterestModel(Record):
    """
    How a loan's contract interest is charged. The default is `InterestModel::Scheduled`.
    """
    kind: str

class KnownTable(Record):
    entries: Tuple[Tuple[Any, ...], ...]
    known_through: datetime.date

class LateFeeCheck(Record):
    """
    A late fee checked against the safe harbor.
    """
    amount: Decimal
    exceeded: bool
    excess: Decimal
    max_fee: Decimal

class LimitsResult(Record):
    """
    What a `LimitsRequest` found.
    """
    effective_annual_rate: Optional[Decimal]
    late_fee: Optional[LateFeeCheck]
    licensed_court_limit: Optional[CapCheck]
    private_lending_cap: Optional[CapCheck]
    simple_annual_rate: Optional[Decimal]
    warnings: Tuple[Warning, ...]

class LineAllocation(Record):
    """
    The part of a line payment that went to one draw.
    """
    amount: Decimal
    date: datetime.date
    draw_id: str
    payment_id: str

class LineStatement(Record):
    """
    A credit line on a date: the figures a borrower's bill and a lender's report read, and each
    draw's own statement.
    """
    allocations: Tuple[LineAllocation, ...]
    as_of: datetime.date
    available: Decimal
    bill: Decimal
    bucket: str
    days_past_due: int
    draws: Tuple[DrawStatement, ...]
    frozen: bool
    kind: str
    limit: Decimal
    next_due_date: Optional[datetime.date]
    outstanding: Components
    payoff: Decimal
    reversals: Tuple[Reversal, ...]

class LoanMonth(Record):
    """
    One loan in one month of a plan.
    """
    bucket: str
    days_past_due: int
    label: str
    owed: Decimal
    payment: Decimal

class LoanOutcome(Record):
    """
    One loan over a whole plan.
    """
    label: str
    paid: Decimal
    settled_on: Optional[datetime.date]
    still_owed: Decimal
    timeline: Optional[Timeline]
    worst_days_past_due: int

class Method(Record):
    """
    How a loan is repaid. The default is `Method::EqualInstallment`.
    """
    kind: str

class Milestone(Record):
    """
    What happens on a timeline's date.
    """
    kind: str

class MinimumPayment(Record):
    """
    The minimum payment: `share` of the principal within the limit, plus the cycle's interest
    and fees, plus what is over the limit, at least `floor`; then the unpaid part of earlier
    minimums; never more than the statement balance (all of it when it is below the floor).
    """
    floor: Decimal
    share: Decimal

class MinimumPaymentWarning(Record):
    """
    The US minimum-payment warning (12 CFR 1026.7(b)(12)), worked as Appendix M2 does: monthly
    periodic rates of APR / 12 on each balance, only the minimum paid each month and applied to
    the lowest-rate balance first, no new charges; and the level payment that repays the balance
    in 36 months at the balance-weighted rate.
    """
    months_minimum_only: Optional[int]
    payment_36_months: Optional[Decimal]
    savings: Optional[Decimal]
    total_36_months: Optional[Decimal]
    total_minimum_only: Optional[Decimal]

class MonthOverBudget(Record):
    """
    A calendar month whose payments are above the budget.
    """
    month: datetime.date
    over_by: Decimal
    paid: Decimal

class NewPlan(Record):
    """
    The shape of the new plan.
    """
    kind: str

class OptionResult(Record):
    """
    One option, worked out.
    """
    affordable: bool
    apr: Optional[Decimal]
    average_monthly: Decimal
    break_even: Optional[datetime.date]
    cash_flows: Tuple[CashFlow, ...]
    cost: Decimal
    credit: CreditImpact
    effective_rate: Optional[Decimal]
    first_over_budget: Optional[MonthOverBudget]
    label: str
    longest_delay_days: Optional[int]
    months_over_budget: int
    npv: Decimal
    peak_monthly: Decimal
    rank: int
    reason: str
    total_paid: Decimal
    warnings: Tuple[Warning, ...]
    way: WayOut

class PaymentAllocation(Record):
    """
    How one payment (or the credit balance on a due date) was applied. `amount + credit_used = Σ
    parts + to_credit`, exactly.
    """
    amount: Decimal
    credit_used: Decimal
    date: datetime.date
    parts: Tuple[AllocationPart, ...]
    settled: bool
    source: AllocationSource
    to_credit: Decimal

class PlanCharge(Record):
    """
    What a card installment plan (账单分期) charges each period besides its principal.
    """
    kind: str

class PlanComparison(Record):
    """
    Every strategy's plan for the same inputs.
    """
    plans: Tuple[PlanResult, ...]
    recommended: str

class PlanFee(Record):
    """
    A fee for the restructure or deferral.
    """
    kind: str
    value: Any

class PlanMonth(Record):
    """
    One month of a plan.
    """
    budget: Decimal
    left: Decimal
    loans: Tuple[LoanMonth, ...]
    month_end: datetime.date
    paid: Decimal
    payday: datetime.date

class PlanResult(Record):
    """
    A plan worked through: every month, every loan, and the totals. `cost = total_paid +
    still_owed`; each loan's figures are what its own ledger says after the plan's payments.
    """
    bucket_months: Tuple[BucketMonths, ...]
    cost: Decimal
    damage: CreditDamage
    horizon: datetime.date
    loans: Tuple[LoanOutcome, ...]
    months: Tuple[PlanMonth, ...]
    npv: Decimal
    still_owed: Decimal
    strategy: str
    total_paid: Decimal
    warnings: Tuple[PlanWarning, ...]

class PlanWarning(Record):
    """
    Something a borrower should know about a plan.
    """
    kind: str
    label: Any

class PossibleDuplicate(Record):
    """
    A payment that may be a double debit (避免重复扣款).
    """
    amount: Decimal
    date: datetime.date
    earlier_date: datetime.date
    earlier_id: str
    id: str

class Promotion(Record):
    """
    A promotional rate on balance transfers until a date (inclusive); after it the transferred
    balance bears the purchase rate.
    """
    rate: Rate
    until: datetime.date

class PromotionOutcome(Record):
    """
    A promotion on a statement: where it stands and what it gave.
    """
    gave: Decimal
    label: str
    met_on: Optional[datetime.date]
    offered: datetime.date
    state: str

class Rate(Record):
    """
    A non-negative interest rate with its period, kept exact. An annual, a monthly and a daily
    rate are all first-class; they convert into one another only through a `Frequency` (monthly
    ↔ annual: × 12) or a `DayCount` (daily ↔ annual: × 360 or 365). The value is a fraction, not
    a percentage: `0.18` is 18 %.
    """
    period: str
    value: Decimal

class Rebate(Record):
    """
    Paid interest or fees credited back to the borrower's credit balance.
    """
    amount: Decimal
    component: str
    date: datetime.date
    installment: int
    reason: str

class RestructureSummary(Record):
    """
    What a restructure did, on the statement. For every component: `owed = waived + capitalised
    + carried` (carried covers carry-to-first, spread and due-now), and `new_principal` = the
    capitalised components + capitalised deferral interest.
    """
    capitalised: Components
    carried: Components
    date: datetime.date
    deferral_interest: Decimal
    down_payment: Decimal
    fee: Decimal
    first_installment: int
    installments: int
    new_principal: Decimal
    owed: Components
    waived: Components

class Reversal(Record):
    """
    A payment returned unpaid or charged back: from its date on, the ledger replays the loan as
    if the payment had never been received (penalties, fees and days past due follow), and posts
    the returned-payment fee, if any, on the reversal date. A statement as of a date before the
    reversal still shows the payment, as it stood then.
    """
    date: datetime.date
    fee: Optional[Decimal]
    payment_id: str

class Rounding(Record):
    """
    The minor unit of the currency and the rounding strategy. Default: scale 2 (cents, 分) and
    `RoundingMode::HalfAwayFromZero`.
    """
    mode: str
    scale: int

class Schedule(Record):
    """
    A repayment schedule: installments with principal, interest and fees. Every schedule
    `overdue` builds satisfies: the requested number of rows (one for a bullet); no negative
    amount; balances never increase and the last is exactly zero; the principal parts sum
    exactly to the principal.
    """
    exact_payment: Optional[Decimal]
    installments: Tuple[Installment, ...]
    level_payment: Optional[Decimal]
    options: ScheduleOptions

class ScheduleOptions(Record):
    """
    Everything a schedule is built from, with documented defaults. Defaults:
    `Method::EqualInstallment`, `Frequency::Monthly`, first due date one period after
    disbursement, `InterestBasis::PerPeriod`, `Rounding::default` (cents, half away from zero).
    Setters never fail; `Schedule::build` validates.
    """
    basis: Any
    disbursement: datetime.date
    first_due: Optional[datetime.date]
    floating: Optional[FloatingRate]
    frequency: str
    installments: int
    interest: InterestModel
    method: Method
    principal: Decimal
    rate: Rate
    rounding: Rounding

class ServiceFee(Record):
    """
    What a debt-management service charges.
    """
    kind: str
    value: Any

class ShareFee(Record):
    """
    A fee that is a share of an amount with a floor: 1 % of a cash advance, at least 10.
    """
    floor: Decimal
    share: Decimal

class Shift(Record):
    """
    How far a deferral moves the unpaid installments.
    """
    kind: str
    value: Any

class Statement(Record):
    """
    What a loan owes as of a date: per installment and for the loan, with every payment's
    allocation. Built by `Ledger::statement`.
    """
    allocations: Tuple[PaymentAllocation, ...]
    as_of: datetime.date
    bucket: str
    cap_cut: Decimal
    charged: Components
    charged_off_on: Optional[datetime.date]
    credit_balance: Decimal
    days_past_due: int
    installments: Tuple[InstallmentStatement, ...]
    outstanding: Components
    paid: Components
    payoff: Decimal
    payoff_components: Components
    possible_duplicates: Tuple[PossibleDuplicate, ...]
    promotions: Tuple[PromotionOutcome, ...]
    rebates: Tuple[Rebate, ...]
    refunded: Decimal
    restructured: Components
    restructures: Tuple[RestructureSummary, ...]
    reversals: Tuple[Reversal, ...]
    status: str
    unearned_prepaid: Decimal
    upcoming: Components
    waived: Components

class StatementSummary(Record):
    """
    A statement in one line: what a portfolio run reports for each loan. When the loan could not
    be computed, every figure is `None` and `error` says why.
    """
    as_of: Optional[datetime.date]
    bucket: Optional[str]
    days_past_due: Optional[int]
    error: Optional[str]
    id: str
    outstanding: Optional[Components]
    payoff: Optional[Decimal]
    status: Optional[str]

class SweepPoint(Record):
    """
    The least-cost plan at one budget of a sweep.
    """
    budget: Decimal
    cost: Decimal
    days_90_plus: int
    debt_free_on: Optional[datetime.date]
    more_a_month: Decimal
    peak_days_past_due: int
    saved: Decimal
    still_owed: Decimal
    total_paid: Decimal

class Timeline(Record):
    """
    What a loan left as it is brings, day by day: late fees, bucket changes, the days it becomes
    reportable to the bureaus, the lender's freeze, charge-off and legal action, the end of the
    limitation period and the removal of the negative record. See `Ledger::timeline`.
    """
    after: datetime.date
    entries: Tuple[TimelineEntry, ...]
    until: datetime.date

class TimelineEntry(Record):
    """
    One dated milestone, with the days past due on that day and a sentence a borrower reads.
    """
    date: datetime.date
    days_past_due: int
    milestone: Milestone
    text: str

class Waive(Record):
    """
    How much of a component the lender gives up.
    """
    kind: str

class Warning(Record):
    """
    Something the borrower should know about an option.
    """
    kind: str

class WayOut(Record):
    """
    One way out of the debt.
    """
    kind: str

# --- end of the result types ---

def schemas() -> Dict[str, Any]: ...
def run(job: str, request: Request) -> Any: ...
def schedule(options: Request) -> Schedule: ...
def statement(ledger: Request, as_of: _DateLike) -> Statement: ...
def line(line: Request, as_of: _DateLike) -> LineStatement: ...
def tranches(loan: Request, as_of: _DateLike) -> LineStatement: ...
def card(card: Request, as_of: _DateLike) -> CardStatement: ...
def card_compare(request: Request) -> CardComparisonResult: ...
def compare(request: Request) -> ComparisonResult: ...
def plan(request: Request) -> PlanComparison: ...
def sweep(plan: Request, budgets: Union[str, Mapping[str, Any]]) -> BudgetSweep: ...
def cost(
    flows: Iterable[Mapping[str, Any]],
    *,
    unit_period: Optional[Mapping[str, Any]] = ...,
    frequency: Optional[str] = ...,
    discount_rate: Optional[Mapping[str, Any]] = ...,
) -> CostResult: ...
def limits(
    flows: Iterable[Mapping[str, Any]] = ...,
    *,
    lender: Optional[str] = ...,
    contract_date: Optional[_DateLike] = ...,
    lpr: Optional[Any] = ...,
    late_fee: Optional[Mapping[str, Any]] = ...,
) -> LimitsResult: ...
def statements(
    loans: Any,
    as_of: _DateLike,
    *,
    scale: int = ...,
    threads: Optional[int] = ...,
    policy: Optional[Request] = ...,
) -> Any: ...
def xirr(*flows: Any) -> Decimal: ...
def xnpv(rate: Any, *flows: Any, scale: Optional[int] = ...) -> Decimal: ...
def npv(rate: _Number, values: Iterable[_Number], *, scale: Optional[int] = ...) -> Decimal: ...
def irr(values: Iterable[_Number]) -> Decimal: ...
def pmt(
    rate: _Number,
    nper: int,
    pv: _Number,
    fv: _Number = ...,
    when: Union[str, int] = ...,
    *,
    scale: Optional[int] = ...,
) -> Decimal: ...

class OverdueError(Exception):
    kind: str
    variant: str
    message: str
    path: Optional[str]
    def __init__(self, kind: str, message: str, path: Optional[str]) -> None: ...

class InvalidInputError(OverdueError): ...
class NonPositiveError(OverdueError): ...
class NegativeError(OverdueError): ...
class NotInMinorUnitsError(OverdueError): ...
class ZeroError(OverdueError): ...
class TooLargeError(OverdueError): ...
class InvalidScaleError(OverdueError): ...
class PrincipalBelowMinorUnitsError(OverdueError): ...
class DateOrderError(OverdueError): ...
class DateOutOfRangeError(OverdueError): ...
class IndexNotPublishedError(OverdueError): ...
class RateNeedsDayCountError(OverdueError): ...
class DecimalOverflowError(OverdueError): ...
class NoRootError(OverdueError): ...
class InvalidError(OverdueError): ...
class DuplicatePaymentError(OverdueError): ...
class WaiverTooLargeError(OverdueError): ...
class UnknownPaymentError(OverdueError): ...
class AlreadyReversedError(OverdueError): ...
class RefundTooLargeError(OverdueError): ...
class DownPaymentTooLargeError(OverdueError): ...
class ParseError(OverdueError): ...
