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

try:
    from . import _overdue
except ImportError as _missing:  # the source folder, not an installed package
    raise ImportError(
        f"overdue was imported from its source folder ({__path__[0]}), which has no compiled core: "
        "install the package (`pip install ./python`, or a wheel: see python/README.md) and run "
        "outside python/python, or build it in place with `maturin develop`"
    ) from _missing
from . import _types
from ._convert import _CLASSES, Record, date_text, decimal_text, from_json_value, to_json_value

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
]

Request = Union[Mapping[str, Any], str]

_SCHEMAS: Optional[Dict[str, Any]] = None


def schemas() -> Dict[str, Any]:
    """The JSON Schemas (draft 2020-12) of every job's request and result:
    ``{job: {"request": schema, "result": schema}}``, the same as the crate's
    ``docs/schema/``.

    >>> sorted(schemas())
    ['card', 'card-compare', 'compare', 'cost', 'limits', 'line', 'plan', 'portfolio', 'schedule', 'statement', 'sweep', 'tranches']
    """
    global _SCHEMAS
    if _SCHEMAS is None:
        _SCHEMAS = json.loads(_overdue.schemas())
    return _SCHEMAS


# how each job's result is reached, for the result types' examples
_ROOTS = {
    "Schedule": "overdue.schedule(options)",
    "Statement": "overdue.statement(loan, as_of)",
    "ComparisonResult": "overdue.compare(request)",
    "PlanComparison": "overdue.plan(request)",
    "BudgetSweep": "overdue.sweep(plan, budgets)",
    "CostResult": "overdue.cost(flows)",
    "LimitsResult": "overdue.limits(flows)",
    "StatementSummary": 'overdue.run("portfolio", line)',
}

# the result types, one read-only record class per object type of the
# results' schemas (``overdue.Statement``, ``overdue.Components``, ...)
_CLASSES.update(
    _types.classes([pair["result"] for pair in schemas().values()], _ROOTS, Record, __name__)
)
globals().update(_CLASSES)


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
    ``statement``, ``compare``, ``plan``, ``cost``, ``limits``, ``line``, ``tranches``, ``card``) on its
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


def line(line: Request, as_of: Union[str, datetime.date]) -> Any:
    """A credit line with several draws (随借随还) on ``as_of``: its days past
    due and bucket, the bill and its due date, the payoff, the limit still
    available, whether it is frozen, each draw's statement and how each
    payment was shared. ``line`` holds ``limit``, ``due_day``, ``policy``,
    ``draws`` (each ``{id, date, amount, terms}``) and ``payments``.

    >>> rate = {"value": "0.0005", "period": "daily"}
    >>> st = line({"limit": "10000", "due_day": 10, "policy": {},
    ...            "draws": [{"id": "rent", "date": "2026-01-05", "amount": "3000",
    ...                       "terms": {"rate": rate, "installments": 3}}]}, "2026-03-01")
    >>> st.days_past_due, st.frozen, st.available
    (19, True, Decimal('7000.00'))
    """
    return _run("line", {"line": line, "as_of": as_of})


def tranches(loan: Request, as_of: Union[str, datetime.date]) -> Any:
    """A loan paid out in tranches on ``as_of``: a credit line's statement
    (kind ``tranche_loan``) whose ``limit`` is the approved amount and
    ``available`` what is not yet paid out, with each tranche's statement.
    ``loan`` holds ``approved``, ``terms`` (with the contract's
    ``first_due``), ``rule`` (``reamortise``, the default, or
    ``own_schedule``), ``policy``, ``tranches`` (each ``{id, date,
    amount}``) and ``payments``.

    >>> rate = {"value": "0.0365", "period": "annual"}
    >>> st = tranches({"approved": "100000", "policy": {},
    ...                "terms": {"rate": rate, "installments": 12, "first_due": "2026-02-15"},
    ...                "tranches": [{"id": "t1", "date": "2026-01-15", "amount": "60000"},
    ...                             {"id": "t2", "date": "2026-04-01", "amount": "40000"}]}, "2026-03-01")
    >>> st.kind, st.available, len(st.draws)
    ('tranche_loan', Decimal('40000.00'), 1)
    """
    return _run("tranches", {"loan": loan, "as_of": as_of})


def card(card: Request, as_of: Union[str, datetime.date]) -> Any:
    """A credit card on ``as_of``: every statement (``cycles``: interest by
    balance, fees, the minimum payment and its due date, whether it was paid
    in full), what is owed, the payoff, days past due and bucket. ``card``
    holds ``opened``, ``terms`` (``limit``, ``statement_day``,
    ``purchase_rate`` and the optional terms: ``due``, ``minimum``,
    ``late_fee``, ``interest_method``, ``rules``, ...) and ``events`` (each
    ``{kind, id, date, amount}``; a refund names its purchase in ``of``).

    >>> rate = {"value": "0.0005", "period": "daily"}
    >>> st = card({"opened": "2026-03-06",
    ...            "terms": {"limit": "20000", "statement_day": 5, "purchase_rate": rate},
    ...            "events": [{"kind": "purchase", "id": "tv", "date": "2026-03-10", "amount": "10000"},
    ...                       {"kind": "payment", "id": "p1", "date": "2026-04-25", "amount": "1000"}]},
    ...           "2026-05-05")
    >>> st.cycles[1].interest.purchase, st.cycles[0].grace
    (Decimal('275.00'), 'lost')
    """
    return _run("card", {"card": card, "as_of": as_of})


def card_compare(request: Request) -> Any:
    """Every way out of a credit card, costed and ranked as ``compare`` ranks
    a loan's: pay in full (``pay_in_full``), the minimum only
    (``minimum_only``), a fixed amount a month (``pay_monthly``), an
    installment plan (``card_installment_plan``), a balance transfer to
    another card (``balance_transfer``), and pay now, stay, refinance or a
    debt-management service. The request is a card comparison: ``card``,
    ``as_of``, ``budget``, ``discount_rate`` and ``options`` (the
    repository's ``examples/card_compare.json`` is a whole one).

    >>> rate = {"value": "0.0005", "period": "daily"}
    >>> r = card_compare({"card": {"opened": "2026-01-06",
    ...                            "terms": {"limit": "20000", "statement_day": 5, "purchase_rate": rate},
    ...                            "events": [{"kind": "purchase", "id": "tv", "date": "2026-01-10", "amount": "6000"}]},
    ...                   "as_of": "2026-02-05",
    ...                   "budget": {"income": "5000", "essential_expenses": "3000"},
    ...                   "discount_rate": {"value": "0", "period": "annual"},
    ...                   "options": [{"label": "plan", "way": {"kind": "card_installment_plan", "periods": 6,
    ...                                 "charge": {"kind": "fee_per_period", "share": "0.006"}}},
    ...                               {"label": "minimum", "way": {"kind": "minimum_only"}}]})
    >>> [(o.label, o.total_paid) for o in r.options]
    [('plan', Decimal('6216.00')), ('minimum', Decimal('6955.12'))]
    """
    return _run("card-compare", request)


def compare(request: Request) -> Any:
    """Every way out of an overdue loan (pay now, stay, restructure,
    refinance, a debt-management service), costed and ranked, affordable
    first: the request is a comparison (its fields below; the repository's
    ``examples/borrower.json`` is a whole one).

    >>> loan = {"schedule": {"options": {"principal": "1200", "rate": {"value": "0.12", "period": "annual"},
    ...                                  "installments": 3, "disbursement": "2026-01-15"}}, "policy": {}}
    >>> r = compare({"ledger": loan, "as_of": "2026-03-01",
    ...              "budget": {"income": "3000", "essential_expenses": "2500"},
    ...              "discount_rate": {"value": "0.05", "period": "annual"},
    ...              "options": [{"label": "Pay now", "way": {"kind": "pay_now"}},
    ...                          {"label": "Stay 60 days", "way": {"kind": "stay", "until": "2026-04-30"}}]})
    >>> [(o.rank, o.label, o.total_paid) for o in r.options]
    [(1, 'Pay now', Decimal('1218.87')), (2, 'Stay 60 days', Decimal('1251.61'))]
    """
    return _run("compare", request)


def plan(request: Request) -> Any:
    """One monthly budget over several loans, every strategy side by side and
    one recommended: the request is a plan (its fields below; the
    repository's ``examples/several_loans.json`` is a whole one).

    >>> loan = {"schedule": {"options": {"principal": "1200", "rate": {"value": "0.12", "period": "annual"},
    ...                                  "installments": 3, "disbursement": "2026-01-15"}}, "policy": {}}
    >>> p = plan({"as_of": "2026-03-01", "budget": {"kind": "constant", "value": "500"}, "payment_day": 10,
    ...           "months": 3, "discount_rate": {"value": "0.05", "period": "annual"},
    ...           "debts": [{"label": "A", "ledger": loan}, {"label": "B", "ledger": loan}]})
    >>> p.recommended, p.plans[0].total_paid
    ('least_cost', Decimal('1500.00'))
    """
    return _run("plan", request)


def sweep(plan: Request, budgets: Union[str, Mapping[str, Any]]) -> Any:
    """What if I pay more? The least-cost plan of ``plan`` (a plan request,
    as for :func:`plan`; its own budget is not used) at each monthly budget
    of ``budgets``: ``"FROM..TO/STEP"`` or ``{"from", "to", "step"}``. The
    cost never rises with the budget. With one loan, each point's ``saved``
    is what paying ``more_a_month`` more saves.

    >>> loan = {"schedule": {"options": {"principal": "1200", "rate": {"value": "0.12", "period": "annual"},
    ...                                  "installments": 3, "disbursement": "2026-01-15"}},
    ...         "policy": {"penalty_rate": {"kind": "fixed", "value": {"value": "0.0005", "period": "daily"}}}}
    >>> s = sweep({"as_of": "2026-03-01", "budget": {"kind": "constant", "value": "0"}, "payment_day": 10,
    ...            "months": 4, "debts": [{"label": "A", "ledger": loan}]}, "200..400/100")
    >>> [(p.budget, p.saved, p.debt_free_on) for p in s.points]
    [(Decimal('200.00'), Decimal('0.00'), None), (Decimal('300.00'), Decimal('14.90'), None), (Decimal('400.00'), Decimal('24.92'), datetime.date(2026, 6, 10))]
    """
    if isinstance(budgets, str):
        parts = budgets.replace("/", "..").split("..")
        if len(parts) != 3:
            raise _ERRORS["parse"]("parse", f"invalid budget range: {budgets!r} (expected FROM..TO/STEP)", "budgets")
        budgets = dict(zip(("from", "to", "step"), (p.strip() for p in parts)))
    plan_request = json.loads(plan) if isinstance(plan, str) else plan
    return _run("sweep", {"plan": plan_request, "budgets": budgets})


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


def _text(value: Any, where: str) -> str:
    """An amount or rate as the crate's decimal text; a float is refused."""
    return decimal_text(value, where)


def _day(value: Any, where: str) -> str:
    """A date as ``YYYY-MM-DD``; numpy's ``datetime64`` (a pandas column's) by its day."""
    if type(value).__name__ == "datetime64":
        return str(value)[:10]
    return date_text(value, where)


def _columns(table: Any) -> Optional[tuple]:
    """The first two columns of a DataFrame-like object (pandas, polars), else None."""
    columns = getattr(table, "columns", None)
    if columns is None or isinstance(table, (str, bytes, Mapping)):
        return None
    names = list(columns)
    if len(names) != 2:
        raise TypeError(f"a table of cash flows has two columns, dates then amounts; got {len(names)}: {names}")
    return list(table[names[0]]), list(table[names[1]])


def _dated(args: tuple, call: str) -> str:
    """Cash flows as the crate's JSON, from any form pyxirr takes: ``(dates,
    amounts)``, an iterable of ``(date, amount)`` pairs, a DataFrame-like
    table of two columns, a ``{date: amount}`` mapping, or the package's own
    ``[{"date": ..., "amount": ...}]``."""
    if len(args) == 2:
        dates, amounts = list(args[0]), list(args[1])
        if len(dates) != len(amounts):
            raise ValueError(f"{call}: {len(dates)} dates but {len(amounts)} amounts")
    elif len(args) == 1:
        flows = args[0]
        table = _columns(flows)
        if table is not None:
            dates, amounts = table
        elif isinstance(flows, Mapping):
            dates, amounts = list(flows.keys()), list(flows.values())
        else:
            rows = list(flows)
            if rows and all(isinstance(r, Mapping) for r in rows):
                dates = [r["date"] for r in rows]
                amounts = [r["amount"] for r in rows]
            elif all(isinstance(r, (tuple, list)) and len(r) == 2 for r in rows):
                dates = [r[0] for r in rows]
                amounts = [r[1] for r in rows]
            else:
                raise TypeError(
                    f"{call}: pass dates and amounts, (date, amount) pairs, a two-column table, "
                    "a {date: amount} dict, or [{'date': ..., 'amount': ...}]"
                )
    else:
        raise TypeError(f"{call}: expected dates and amounts, or one collection of cash flows; got {len(args)} arguments")
    flows = [
        {"date": _day(d, f"flows[{i}].date"), "amount": _text(a, f"flows[{i}].amount")}
        for i, (d, a) in enumerate(zip(dates, amounts))
    ]
    return json.dumps(flows)


def _call(function: Any, *args: Any) -> str:
    try:
        return function(*args)
    except _overdue.Failure as failure:
        raise _raised(failure) from None


def _rounded(value: str, scale: Optional[int]) -> Decimal:
    """The crate's decimal text, rounded half away from zero to ``scale`` places (None: as it is)."""
    exact = Decimal(value)
    if scale is None:
        return exact
    if isinstance(scale, bool) or not isinstance(scale, int) or not 0 <= scale <= 28:
        raise _ERRORS["invalid"]("invalid", f"invalid scale: must be from 0 to 28, got {scale!r}", "scale")
    return exact.quantize(Decimal(1).scaleb(-scale), rounding="ROUND_HALF_UP")


def xirr(*flows: Any) -> Decimal:
    """The annual effective rate (actual/365) that zeroes the flows' net
    present value, as pyxirr's and a spreadsheet's ``XIRR``: the same root,
    as a ``decimal.Decimal`` verified in decimal arithmetic (to 1e-10).

    The flows may be given as pyxirr takes them: ``xirr(dates, amounts)``,
    ``xirr(pairs)`` of ``(date, amount)``, ``xirr(table)`` (a pandas or
    polars DataFrame of two columns, dates then amounts) or
    ``xirr({date: amount})``; or as ``[{"date": ..., "amount": ...}]``.
    Amounts are ``int``, ``str`` or ``Decimal``, never ``float``; dates
    ``datetime.date`` or ``"YYYY-MM-DD"``. Signs as you like: the rate is the
    same for the lender's and the borrower's view.

    >>> import datetime
    >>> dates = [datetime.date(2026, 1, 1), datetime.date(2027, 1, 1)]
    >>> xirr(dates, [-1000, 1100]).quantize(Decimal("0.000001"))
    Decimal('0.100000')
    >>> xirr([("2026-01-01", -1000), ("2027-01-01", 1100)]) == xirr(dates, [-1000, 1100])
    True
    """
    return Decimal(_call(_overdue.xirr, _dated(flows, "xirr")))


def xnpv(rate: Any, *flows: Any, scale: Optional[int] = 2) -> Decimal:
    """The net present value of dated flows on the first date, at the annual
    effective ``rate`` (actual/365), as pyxirr's ``xnpv(rate, dates,
    amounts)``: rounded to ``scale`` places (2, half away from zero; None
    for every digit the crate computes, exact to about 1e-18 of the flows).

    ``rate`` is a ``Decimal``, ``str`` or ``int``: the effective annual
    rate (``Decimal("0.05")`` is 5 % a year; above -100 %, negative
    allowed, as an XIRR result may be), or a rate of the JSON format (``{"value": "0.01",
    "period": "monthly"}``, which counts as 12 % a year, as the crate's
    ``Rate::to_annual``). The flows as for :func:`xirr`. The older call
    ``xnpv(flows, rate)`` is still read.

    >>> xnpv(Decimal("0.05"), ["2026-01-01", "2027-01-01"], [-1000, 1100])
    Decimal('47.62')
    >>> xnpv("0.05", [("2026-01-01", 1000), ("2027-01-01", -1100)], scale=None).quantize(Decimal("0.000001"))
    Decimal('-47.619048')
    """
    if len(flows) == 1 and isinstance(flows[0], Mapping) and "value" in flows[0] and not isinstance(rate, (str, int, Decimal, Mapping)):
        rate, flows = flows[0], (rate,)  # the older order: xnpv(flows, rate)
    if isinstance(rate, Mapping):
        text = json.dumps({k: (_text(v, f"rate.{k}") if k == "value" else v) for k, v in rate.items()})
        return _rounded(_call(_overdue.xnpv, _dated(flows, "xnpv"), text, False), scale)
    return _rounded(_call(_overdue.xnpv, _dated(flows, "xnpv"), _text(rate, "rate"), True), scale)


def npv(rate: Any, values: Iterable[Any], *, scale: Optional[int] = 2) -> Decimal:
    """The net present value of equally spaced ``values`` at ``rate`` per
    period, as numpy-financial's ``npv(rate, values)``: the first value at
    time 0 (undiscounted; a spreadsheet's ``NPV`` starts at period 1, so
    ``NPV(r, v1..vn) = npv(r, [0, v1, ..., vn])``). Rounded to ``scale``
    places (2; None for every digit).

    >>> npv("0.1", [-100, 60, 60])
    Decimal('4.13')
    """
    amounts = [_text(v, f"values[{i}]") for i, v in enumerate(values)]
    return _rounded(_call(_overdue.npv, _text(rate, "rate"), json.dumps(amounts)), scale)


def irr(values: Iterable[Any]) -> Decimal:
    """The rate per period that zeroes the NPV of equally spaced ``values``
    (the first at time 0), as numpy-financial's ``irr(values)`` and a
    spreadsheet's ``IRR``; verified in decimal arithmetic (to 1e-10). Where
    several rates do, the one nearest 0 %; where none does, ``NoRootError``
    (numpy-financial returns ``nan``).

    >>> irr([-100, 60, 60]).quantize(Decimal("0.000001"))
    Decimal('0.130662')
    """
    amounts = [_text(v, f"values[{i}]") for i, v in enumerate(values)]
    return Decimal(_call(_overdue.irr, json.dumps(amounts)))


def pmt(rate: Any, nper: int, pv: Any, fv: Any = 0, when: Union[str, int] = "end", *, scale: Optional[int] = 2) -> Decimal:
    """The level payment per period, as numpy-financial's ``pmt(rate, nper,
    pv, fv=0, when='end')`` and a spreadsheet's ``PMT``, with their sign
    convention: a loan received (``pv`` positive) is paid back with
    negative payments. ``when`` is ``"end"`` (or 0: in arrears, a loan) or
    ``"begin"`` (or 1: in advance). Rounded to ``scale`` places (2, half
    away from zero; None for the 28 digits the crate computes); a schedule
    built by :func:`schedule` rounds its own installments.

    >>> pmt(Decimal("0.015"), 12, 12000)
    Decimal('-1100.16')
    >>> pmt(0, 4, 1000)
    Decimal('-250.00')
    """
    if isinstance(nper, bool) or not isinstance(nper, int) or not 0 < nper < 2**32:
        raise _ERRORS["invalid"]("invalid", f"invalid nper: a whole number of periods from 1, got {nper!r}", "nper")
    begin = {"end": False, 0: False, "begin": True, 1: True}.get(when)  # type: ignore[call-overload]
    if begin is None or isinstance(when, bool):
        raise _ERRORS["invalid"]("invalid", f"invalid when: 'end' (0) or 'begin' (1), got {when!r}", "when")
    result = _call(_overdue.pmt, _text(rate, "rate"), nper, _text(pv, "pv"), _text(fv, "fv"), begin)
    return _rounded(result, scale)


# help() on a job lists its request's fields, from the request's schema
for _job, _function in (("schedule", schedule), ("compare", compare), ("plan", plan)):
    _function.__doc__ = (_function.__doc__ or "") + _types.request_doc(schemas()[_job]["request"])


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

    >>> import pyarrow as pa
    >>> loan = {"schedule": {"options": {"principal": "1200", "rate": {"value": "0.12", "period": "annual"},
    ...                                  "installments": 3, "disbursement": "2026-01-15"}}, "policy": {}}
    >>> book = statements(pa.table({"loan_id": ["A-1", "A-2"], "loan": [json.dumps(loan), '{"schedule": 5}']}),
    ...                   "2026-02-25")
    >>> book.column("payoff").to_pylist()
    [Decimal('1216.91'), None]
    >>> book.column("error").to_pylist()[1][:24]
    'schedule: invalid type: '
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
