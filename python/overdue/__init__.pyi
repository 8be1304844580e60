import datetime
from decimal import Decimal
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

Request = Union[Mapping[str, Any], str]
DateLike = Union[str, datetime.date]

class Record:
    """A read-only result object; every field of the JSON format is an attribute."""
    def __getattr__(self, name: str) -> Any: ...
    def __iter__(self) -> Iterator[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...

class Installment(Record):
    number: int
    due_date: datetime.date
    principal: Decimal
    interest: Decimal
    fee: Decimal
    payment: Decimal
    balance_after: Decimal

class Schedule(Record):
    options: Record
    installments: Tuple[Installment, ...]
    level_payment: Optional[Decimal]
    exact_payment: Optional[Decimal]

class Components(Record):
    principal: Decimal
    interest: Decimal
    penalty_interest: Decimal
    compound_interest: Decimal
    fees: Decimal

class InstallmentStatement(Record):
    number: int
    due_date: datetime.date
    state: str
    charged: Components
    paid: Components
    waived: Components
    restructured: Components
    outstanding: Components
    upcoming: Components
    days_past_due: int
    cap_cut: Decimal
    grace_waived: Decimal

class Statement(Record):
    as_of: datetime.date
    days_past_due: int
    bucket: str
    status: str
    charged_off_on: Optional[datetime.date]
    charged: Components
    paid: Components
    waived: Components
    restructured: Components
    outstanding: Components
    upcoming: Components
    cap_cut: Decimal
    credit_balance: Decimal
    payoff: Decimal
    payoff_components: Components
    installments: Tuple[InstallmentStatement, ...]
    allocations: Tuple[Record, ...]

class OptionResult(Record):
    label: str
    way: Record
    cash_flows: Tuple[Record, ...]
    total_paid: Decimal
    cost: Decimal
    npv: Decimal
    effective_rate: Optional[Decimal]
    apr: Optional[Decimal]
    peak_monthly: Decimal
    average_monthly: Decimal
    months_over_budget: int
    affordable: bool
    warnings: Tuple[Record, ...]
    credit: Record
    break_even: Optional[datetime.date]
    rank: int
    reason: str

class ComparisonResult(Record):
    as_of: datetime.date
    payoff: Decimal
    monthly_budget: Decimal
    rank_by: str
    order: str
    statement: Statement
    options: Tuple[OptionResult, ...]

class PlanResult(Record):
    strategy: str
    horizon: datetime.date
    months: Tuple[Record, ...]
    loans: Tuple[Record, ...]
    total_paid: Decimal
    still_owed: Decimal
    cost: Decimal
    npv: Decimal
    damage: Record

class PlanComparison(Record):
    plans: Tuple[PlanResult, ...]
    recommended: str

class ChinaApr(Record):
    periodic: Decimal
    nominal: Decimal
    effective: Decimal

class CostResult(Record):
    total_paid: Decimal
    total_cost: Decimal
    xirr: Decimal
    eu_aprc: Decimal
    reg_z_apr: Decimal
    china_apr: Optional[ChinaApr]
    xnpv: Optional[Decimal]

class RateValue(Record):
    value: Decimal
    period: str

class CapCheck(Record):
    annual_rate: Decimal
    cap: RateValue
    exceeded: bool
    excess: Decimal
    void: bool

class LateFeeCheck(Record):
    amount: Decimal
    max_fee: Decimal
    exceeded: bool
    excess: Decimal

class LimitsResult(Record):
    simple_annual_rate: Optional[Decimal]
    effective_annual_rate: Optional[Decimal]
    private_lending_cap: Optional[CapCheck]
    licensed_court_limit: Optional[CapCheck]
    late_fee: Optional[LateFeeCheck]
    warnings: Tuple[Record, ...]

def schemas() -> Dict[str, Any]: ...
def run(job: str, request: Request) -> Any: ...
def schedule(options: Request) -> Schedule: ...
def statement(ledger: Request, as_of: DateLike) -> Statement: ...
def compare(request: Request) -> ComparisonResult: ...
def plan(request: Request) -> PlanComparison: ...
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
    contract_date: Optional[DateLike] = ...,
    lpr: Optional[Any] = ...,
    late_fee: Optional[Mapping[str, Any]] = ...,
) -> LimitsResult: ...
def statements(
    loans: Any,
    as_of: DateLike,
    *,
    scale: int = ...,
    threads: Optional[int] = ...,
    policy: Optional[Request] = ...,
) -> Any: ...
def xirr(flows: Iterable[Mapping[str, Any]]) -> Decimal: ...
def xnpv(flows: Iterable[Mapping[str, Any]], rate: Mapping[str, Any]) -> Decimal: ...

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
