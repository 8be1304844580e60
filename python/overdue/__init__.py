"""overdue: the exact arithmetic of overdue debt, from Python.

The jobs of the Rust crate ``overdue``: an installment schedule, a loan's
statement on a date, the comparison of the ways out of an overdue loan, one
budget over several loans, and the cost of credit (XIRR, XNPV, APR by the EU,
US and Chinese methods). Requests are dicts (or JSON text) in the crate's
documented JSON format; amounts may be ``str``, ``int`` or
``decimal.Decimal`` but never ``float`` (a ``TypeError`` says why), dates
``str`` or ``datetime.date``. Results are read-only objects with attribute
access, amounts as ``decimal.Decimal`` and dates as ``datetime.date``;
``to_dict()`` and ``to_json()`` give the documented format back.

>>> import overdue
>>> from decimal import Decimal
>>> plan = overdue.schedule({"principal": 12000, "rate": {"value": "0.18", "period": "annual"},
...                          "installments": 12, "disbursement": "2026-01-15"})
>>> plan.installments[0].payment
Decimal('1100.16')
>>> plan.installments[0].due_date
datetime.date(2026, 2, 15)
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any, Dict, Iterable, Mapping, Optional, Union

from . import _overdue
from ._convert import Record, from_json_value, to_json_value

__all__ = [
    "run",
    "schedule",
    "statement",
    "compare",
    "plan",
    "cost",
    "limits",
    "xirr",
    "xnpv",
    "schemas",
    "statements",
    "Record",
    "OverdueError",
    "InvalidInputError",
]

Request = Union[Mapping[str, Any], str]

_SCHEMAS: Optional[Dict[str, Any]] = None


def schemas() -> Dict[str, Any]:
    """The JSON Schemas (draft 2020-12) of every job's request and result:
    ``{job: {"request": schema, "result": schema}}``, the same as the crate's
    ``docs/schema/``.

    >>> sorted(schemas())
    ['compare', 'cost', 'limits', 'plan', 'portfolio', 'schedule', 'statement']
    """
    global _SCHEMAS
    if _SCHEMAS is None:
        _SCHEMAS = json.loads(_overdue.schemas())
    return _SCHEMAS


class OverdueError(Exception):
    """Everything that can go wrong in a job. ``kind`` is the Rust error's
    stable kind (``"negative"``, ``"json"``, ...; ``Error::kind`` in Rust),
    ``variant`` the same in the Rust variant's spelling (``"Negative"``,
    ``"Json"``), ``message`` its message and ``path`` the JSON path of the
    field that is wrong, when the request was not valid
    (``"ledger.events[0].amount"``), else ``None``."""

    def __init__(self, kind: str, message: str, path: Optional[str]) -> None:
        super().__init__(message)
        self.kind = kind
        self.variant = _variant(kind)
        self.message = message
        self.path = path


class InvalidInputError(OverdueError):
    """The request is not in the documented format, or a value in it is
    refused (a negative amount, an unknown field, an impossible date): the
    message starts with the path of the field."""


def _variant(kind: str) -> str:
    """``"date_order"`` as the Rust variant spells it: ``"DateOrder"``."""
    return "".join(part.capitalize() for part in kind.split("_"))


def _error_class(kind: str) -> type:
    variant = _variant(kind)
    # `Overflow` would shadow the builtin `OverflowError`
    name = "DecimalOverflowError" if variant == "Overflow" else f"{variant}Error"
    doc = f"The Rust error ``Error::{variant}`` (kind ``{kind}``)."
    return type(name, (OverdueError,), {"__doc__": doc, "__module__": __name__})


# one class per kind the crate reports (the crate lists them), named after
# the Rust variant; a request that is not valid JSON in the format is
# `InvalidInputError`
_ERRORS: Dict[str, type] = {"json": InvalidInputError}
for _kind in _overdue.error_kinds():
    if _kind in _ERRORS:
        continue
    _cls = _error_class(_kind)
    _ERRORS[_kind] = _cls
    globals()[_cls.__name__] = _cls
    __all__.append(_cls.__name__)


def _raised(failure: Exception) -> OverdueError:
    """The package's exception for a failure of the Rust core."""
    kind, message, path = failure.args
    return _ERRORS.get(kind, OverdueError)(kind, message, path)


def _result(job: str, result: str) -> Any:
    spec = schemas()[job]["result"]
    try:
        return from_json_value(json.loads(result), spec, spec.get("$defs", {}))
    except ValueError as e:
        # a date Python cannot hold (past 9999-12-31): the package's error, not a bare ValueError
        raise _ERRORS["date_out_of_range"]("date_out_of_range", f"{job}: {e}", None) from None


def _run(job: str, request: Request) -> Any:
    spec = schemas()[job]
    if isinstance(request, str):
        # JSON text goes to the crate's reader as it is: duplicate keys and
        # syntax errors are refused there, as by the command
        text = request
    else:
        text = json.dumps(to_json_value(request, spec["request"], spec["request"].get("$defs", {})))
    try:
        result = _overdue.run(job, text)
    except _overdue.Failure as failure:
        raise _raised(failure) from None
    return _result(job, result)


def run(job: str, request: Request) -> Any:
    """Runs any job of the crate's list by name (``schedule``,
    ``statement``, ``compare``, ``plan``, ``cost``, ``limits``) on its
    request: a dict, or JSON text read by the crate's strict reader, exactly
    as ``overdue <job>`` reads a file.

    >>> run("statement", '{"ledger": {"schedule": {"options": {"principal": "1200", '
    ...     '"rate": {"value": "0.12", "period": "annual"}, "installments": 3, '
    ...     '"disbursement": "2026-01-15"}}, "policy": {}}, "as_of": "2026-02-25"}').days_past_due
    10
    """
    if job not in schemas():
        raise _ERRORS["invalid"]("invalid", f"invalid job: no job is named {job!r}", None)
    return _run(job, request)


def schedule(options: Request) -> Any:
    """An installment schedule from its options (``principal``, ``rate``,
    ``installments``, ``disbursement``, and optionally ``method``,
    ``frequency``, ``first_due``, ``basis``, ``rounding``, ``interest``,
    ``floating``).

    >>> s = schedule({"principal": "1200", "rate": {"value": "0.12", "period": "annual"},
    ...               "installments": 3, "disbursement": datetime.date(2026, 1, 15)})
    >>> [i.payment for i in s.installments]
    [Decimal('408.03'), Decimal('408.03'), Decimal('408.02')]
    """
    return _run("schedule", options)


def statement(ledger: Request, as_of: Union[str, datetime.date]) -> Any:
    """A loan's statement on ``as_of``: days past due, bucket, status, what is
    charged, paid, waived and outstanding by component, the payoff, and every
    installment and allocation.

    >>> loan = {"schedule": {"options": {"principal": "1200", "rate": {"value": "0.12", "period": "annual"},
    ...                                  "installments": 3, "disbursement": "2026-01-15"}},
    ...         "policy": {}}
    >>> st = statement(loan, "2026-02-25")
    >>> st.days_past_due, st.bucket, st.payoff
    (10, 'M1', Decimal('1216.91'))
    >>> st.outstanding.penalty_interest
    Decimal('1.98')
    """
    if isinstance(ledger, str):
        # the ledger's text is read by the crate's strict reader, as
        # `overdue statement FILE --as-of DATE` reads it
        day = as_of.isoformat() if isinstance(as_of, datetime.date) else as_of
        try:
            return _result("statement", _overdue.statement(ledger, day))
        except _overdue.Failure as failure:
            raise _raised(failure) from None
    return _run("statement", {"ledger": ledger, "as_of": as_of})


def compare(request: Request) -> Any:
    """Every way out of an overdue loan (pay now, stay, restructure,
    refinance, a debt-management service), costed and ranked: the request is
    a comparison (``ledger``, ``as_of``, ``budget``, ``discount_rate``,
    ``options``, ...)."""
    return _run("compare", request)


def plan(request: Request) -> Any:
    """One monthly budget over several loans, every strategy side by side and
    one recommended: the request is a plan (``as_of``, ``budget``,
    ``payment_day``, ``months``, ``debts``)."""
    return _run("plan", request)


def _flows_request(flows: Iterable[Mapping[str, Any]], **options: Any) -> Dict[str, Any]:
    """A request of ``flows`` and the options given (those left as None are left out)."""
    request: Dict[str, Any] = {"flows": list(flows)}
    request.update((k, v) for k, v in options.items() if v is not None)
    return request


def cost(
    flows: Iterable[Mapping[str, Any]],
    *,
    unit_period: Optional[Mapping[str, Any]] = None,
    frequency: Optional[str] = None,
    discount_rate: Optional[Mapping[str, Any]] = None,
) -> Any:
    """The cost of credit of cash flows (the borrower's view: received
    positive, paid negative): total paid and cost, XIRR, EU APRC, US
    Regulation Z APR (over ``unit_period``, default monthly), the Chinese APR
    (with ``frequency``) and XNPV (with ``discount_rate``).

    >>> c = cost([{"date": "2026-01-01", "amount": 1000}, {"date": "2026-02-01", "amount": "-1010"}],
    ...          frequency="monthly")
    >>> c.total_cost, c.reg_z_apr.quantize(Decimal("0.0001")), c.china_apr.nominal.quantize(Decimal("0.0001"))
    (Decimal('10'), Decimal('0.1200'), Decimal('0.1200'))
    """
    return _run("cost", _flows_request(flows, unit_period=unit_period, frequency=frequency,
                                       discount_rate=discount_rate))


def limits(
    flows: Iterable[Mapping[str, Any]] = (),
    *,
    lender: Optional[str] = None,
    contract_date: Optional[Union[str, datetime.date]] = None,
    lpr: Optional[Any] = None,
    late_fee: Optional[Mapping[str, Any]] = None,
) -> Any:
    """The legal limits a contract is held to: its cash flows (the borrower's
    view) as a simple annual rate, the rate a court compares, against the
    private-lending cap (``lender="private_lender"`` or
    ``"family_or_friends"``: 4 × the one-year LPR on ``contract_date``) or the
    24 % limit for a licensed institution (the default); and a US card's
    ``late_fee`` (``date``, ``amount``, ``minimum_payment_due``,
    ``violation``) against Regulation Z's safe harbor.

    >>> r = limits([{"date": "2026-01-01", "amount": 10000}, {"date": "2027-01-01", "amount": -11160}],
    ...            lender="private_lender")
    >>> r.private_lending_cap.exceeded, r.private_lending_cap.cap.value, r.warnings
    (False, Decimal('0.12'), ())
    >>> limits(late_fee={"date": "2026-06-01", "amount": 35, "minimum_payment_due": 100}).late_fee.excess
    Decimal('5')
    """
    return _run("limits", _flows_request(flows, lender=lender, contract_date=contract_date, lpr=lpr,
                                         late_fee=late_fee))


def xirr(flows: Iterable[Mapping[str, Any]]) -> Decimal:
    """The annual effective rate (actual/365) that zeroes the flows' net
    present value.

    >>> xirr([{"date": "2026-01-01", "amount": 1000}, {"date": "2027-01-01", "amount": -1100}]).quantize(Decimal("0.000001"))
    Decimal('0.100000')
    """
    return cost(flows).xirr


def xnpv(flows: Iterable[Mapping[str, Any]], rate: Mapping[str, Any]) -> Decimal:
    """The net present value of the flows at ``rate`` (actual/365).

    >>> xnpv([{"date": "2026-01-01", "amount": 1000}, {"date": "2027-01-01", "amount": -1100}],
    ...      {"value": "0.05", "period": "annual"}).quantize(Decimal("0.01"))
    Decimal('-47.62')
    """
    return cost(flows, discount_rate=rate).xnpv


def statements(
    loans: Any,
    as_of: Union[str, datetime.date],
    *,
    scale: int = 2,
    threads: Optional[int] = None,
    policy: Optional[Request] = None,
) -> Any:
    """Statement summaries of a portfolio on ``as_of``, Arrow in and Arrow out.

    ``loans`` is anything that exposes the Arrow PyCapsule stream interface
    (a pyarrow Table or RecordBatchReader, a Polars DataFrame, a DuckDB
    result, pandas through ``pyarrow.Table.from_pandas``) with a ``loan_id``
    column and either

    - a ``loan`` column holding each loan (its ledger) in the documented JSON
      format, or
    - flat columns for the common terms: ``principal`` (decimal, integer or
      text; never float), ``rate`` (text such as ``"18%"`` or
      ``"1.5%/month"``, or a decimal annual fraction), ``installments``,
      ``disbursement`` (date or ``YYYY-MM-DD``), optionally ``method``
      (``equal_installment``, ``equal_principal``, ``interest_only``,
      ``bullet``), ``frequency`` (``monthly``, ``biweekly``, ...),
      ``first_due``, ``policy`` (a loan's own policy as JSON text) and
      ``events``: a list of structs ``{date, amount, id?, kind?}`` (payments).
      Rows without a ``policy`` use ``policy`` (a dict or JSON text; default:
      the default policy).

    The result has one row per loan: ``loan_id``, ``as_of``,
    ``days_past_due``, ``bucket``, ``status``, ``outstanding_principal``,
    ``outstanding_interest``, ``outstanding_penalty_interest``,
    ``outstanding_compound_interest``, ``outstanding_fees`` and ``payoff``
    (``decimal128(38, scale)``), and ``error``: null, or why the loan could
    not be computed (one bad loan never fails the batch). It runs on
    ``threads`` threads (default: every core) with the GIL released. The
    result is a ``pyarrow.Table`` when pyarrow is installed, else an Arrow
    stream object any Arrow library reads.
    """
    if isinstance(as_of, datetime.datetime):
        raise TypeError("as_of: got a datetime; pass a datetime.date or 'YYYY-MM-DD'")
    if isinstance(as_of, datetime.date):
        as_of = as_of.isoformat()
    if policy is not None and not isinstance(policy, str):
        ledger = schemas()["statement"]["request"]["$defs"]["Ledger"]
        defs = schemas()["statement"]["request"].get("$defs", {})
        policy = json.dumps(to_json_value(policy, ledger["properties"]["policy"], defs, "policy"))
    for name, count in (("scale", scale), ("threads", threads)):
        if isinstance(count, int) and not -(2**63) <= count < 2**63:
            raise _ERRORS["invalid"]("invalid", f"invalid {name}: {count} is out of range", name)
    try:
        table = _overdue.statements(loans, as_of, scale, threads, policy)
    except _overdue.Failure as failure:
        raise _raised(failure) from None
    try:
        import pyarrow
    except ImportError:
        return table
    return pyarrow.table(table)
