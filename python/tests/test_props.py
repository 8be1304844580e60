"""Hypothesis properties: money is conserved in every statement, a flat
batch row is the statement of its loan, and no
request, however wrong, gives anything but a result, an OverdueError or a
TypeError."""

import datetime
import os
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import overdue


def cases(default: int) -> int:
    """Examples a property runs: `PROPTEST_CASES` when set (the Rust suites' count too), else `default`."""
    return int(os.environ.get("PROPTEST_CASES", default))


COMPONENTS = ("principal", "interest", "penalty_interest", "compound_interest", "fees")

amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("20000"), places=2)
dates = st.dates(min_value=datetime.date(2026, 1, 1), max_value=datetime.date(2028, 12, 31))


@st.composite
def loans(draw):
    start = draw(st.dates(min_value=datetime.date(2025, 1, 1), max_value=datetime.date(2026, 12, 31)))
    principal = draw(st.decimals(min_value=Decimal("100"), max_value=Decimal("50000"), places=2))
    payments = draw(st.lists(st.tuples(st.integers(1, 720), amounts), max_size=6))
    events = [
        {"kind": "payment", "id": f"p{i}", "date": start + datetime.timedelta(days=days), "amount": amount}
        for i, (days, amount) in enumerate(payments)
    ]
    policy = draw(st.sampled_from([{}, {"penalty_rate": {"kind": "fixed", "value": {"value": "0.0005", "period": "daily"}},
                                        "late_fee": {"amount": {"kind": "flat", "value": "30"}}}]))
    return {
        "schedule": {"options": {"principal": principal, "rate": {"value": draw(st.sampled_from(["0", "0.12", "0.36"])), "period": "annual"},
                                 "installments": draw(st.integers(1, 24)), "disbursement": start}},
        "policy": policy,
        "events": events,
    }


@settings(max_examples=cases(200), deadline=None)
@given(loans(), st.integers(0, 1500))
def test_money_is_conserved_in_every_statement(loan, days):
    as_of = loan["schedule"]["options"]["disbursement"] + datetime.timedelta(days=days)
    try:
        s = overdue.statement(loan, as_of)
    except overdue.OverdueError:
        return  # a payment before the disbursement, say: refused with a reason
    for c in COMPONENTS:
        charged = getattr(s.charged, c)
        parts = getattr(s.paid, c) + getattr(s.waived, c) + getattr(s.restructured, c) + getattr(s.outstanding, c)
        assert charged == parts, c
        for i in s.installments:
            assert getattr(i.charged, c) == getattr(i.paid, c) + getattr(i.waived, c) + getattr(i.restructured, c) + getattr(i.outstanding, c)
    assert s.payoff >= 0


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.decimals(allow_nan=False, allow_infinity=False) | dates,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=20,
)


@settings(max_examples=cases(300), deadline=None)
@given(st.sampled_from(["schedule", "compare", "plan"]), st.dictionaries(st.sampled_from(
    ["principal", "rate", "installments", "disbursement", "ledger", "as_of", "budget", "options", "debts",
     "months", "payment_day", "discount_rate", "kind", "value"]) | st.text(max_size=8), json_values, max_size=6))
def test_arbitrary_requests_give_a_result_or_a_named_error(job, request):
    try:
        getattr(overdue, job)(request)
    except (overdue.OverdueError, TypeError):
        pass


@settings(max_examples=cases(100), deadline=None)
@given(st.lists(loans(), min_size=1, max_size=8), st.integers(0, 900))
def test_a_flat_batch_row_is_the_statement_of_the_same_loan(batch, days):
    """The flat Arrow columns and the JSON job read the same loan alike: every
    row of the batch is that loan's statement, or an error where the job
    raises one."""
    pa = __import__("pyarrow")
    as_of = datetime.date(2026, 1, 1) + datetime.timedelta(days=days)
    event = pa.struct([("date", pa.date32()), ("amount", pa.decimal128(18, 2)), ("id", pa.string())])
    rows = [{
        "loan_id": str(k),
        "principal": loan["schedule"]["options"]["principal"],
        "rate": Decimal(loan["schedule"]["options"]["rate"]["value"]),
        "installments": loan["schedule"]["options"]["installments"],
        "disbursement": loan["schedule"]["options"]["disbursement"],
        "policy": __import__("json").dumps(loan["policy"]),
        "events": [{"date": e["date"], "amount": e["amount"], "id": e["id"]} for e in loan["events"]],
    } for k, loan in enumerate(batch)]
    schema = pa.schema([("loan_id", pa.string()), ("principal", pa.decimal128(18, 2)), ("rate", pa.decimal128(6, 4)),
                        ("installments", pa.int64()), ("disbursement", pa.date32()), ("policy", pa.string()),
                        ("events", pa.list_(event))])
    result = overdue.statements(pa.Table.from_pylist(rows, schema=schema), as_of).to_pylist()
    for loan, row in zip(batch, result):
        try:
            st_ = overdue.statement(loan, as_of)
        except overdue.OverdueError as e:
            assert row["error"] is not None and e.message.split(": ")[-1] in row["error"], (e.message, row["error"])
            continue
        assert row["error"] is None, row["error"]
        assert (row["days_past_due"], row["bucket"], row["status"], row["payoff"]) == \
            (st_.days_past_due, st_.bucket, st_.status, st_.payoff)
        for c in COMPONENTS:
            assert row[f"outstanding_{c}"] == getattr(st_.outstanding, c)
