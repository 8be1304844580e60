"""The calls Python finance users know: pyxirr's ``xirr`` and ``xnpv`` in
every form pyxirr takes, numpy-financial's ``npv``, ``irr`` and ``pmt``,
each checked against the package it comes from on the same inputs, to the
precision our docstrings state."""

import datetime
import os
from decimal import Decimal

import numpy_financial as npf
import pytest
import pyxirr
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import overdue

def cases(default: int) -> int:
    """Examples a property runs: `PROPTEST_CASES` when set (the Rust suites' count too), else `default`."""
    return int(os.environ.get("PROPTEST_CASES", default))


DATES = [datetime.date(2026, 1, 1), datetime.date(2026, 7, 9), datetime.date(2027, 3, 1)]
AMOUNTS = [-10000, 2750, 8250]


def test_xirr_takes_every_form_pyxirr_takes():
    pandas = pytest.importorskip("pandas")
    polars = pytest.importorskip("polars")
    expected = overdue.xirr(DATES, AMOUNTS)
    forms = {
        "dates and amounts": overdue.xirr(DATES, AMOUNTS),
        "pairs": overdue.xirr(list(zip(DATES, AMOUNTS))),
        "a generator of pairs": overdue.xirr((d, a) for d, a in zip(DATES, AMOUNTS)),
        "a dict": overdue.xirr(dict(zip(DATES, AMOUNTS))),
        "text dates": overdue.xirr([d.isoformat() for d in DATES], [str(a) for a in AMOUNTS]),
        "the package's own flows": overdue.xirr([{"date": d, "amount": a} for d, a in zip(DATES, AMOUNTS)]),
        "a pandas DataFrame": overdue.xirr(pandas.DataFrame({"date": pandas.to_datetime(DATES), "amount": AMOUNTS})),
        "a polars DataFrame": overdue.xirr(polars.DataFrame({"date": DATES, "amount": AMOUNTS})),
    }
    assert all(v == expected for v in forms.values()), forms
    assert isinstance(expected, Decimal)
    assert abs(float(expected) - pyxirr.xirr(DATES, AMOUNTS)) < 1e-10


def test_xnpv_takes_pyxirr_argument_order_and_the_older_one():
    ours = overdue.xnpv(Decimal("0.08"), DATES, AMOUNTS)
    assert ours == Decimal(str(round(pyxirr.xnpv(0.08, DATES, AMOUNTS), 2)))
    assert ours.as_tuple().exponent == -2  # rounded to the cent
    older = overdue.xnpv([{"date": d, "amount": a} for d, a in zip(DATES, AMOUNTS)], {"value": "0.08", "period": "annual"})
    assert older == ours
    exact = overdue.xnpv("0.08", DATES, AMOUNTS, scale=None)
    assert abs(exact - Decimal(repr(pyxirr.xnpv(0.08, DATES, AMOUNTS)))) < Decimal("1e-8")
    # a monthly rate counts twelve times a year, as the crate's Rate::to_annual does
    monthly = overdue.xnpv({"value": "0.01", "period": "monthly"}, DATES, AMOUNTS, scale=None)
    assert monthly == overdue.xnpv(Decimal("0.12"), DATES, AMOUNTS, scale=None)


def test_npv_irr_and_pmt_agree_with_numpy_financial():
    values = [-1000, 300, 420, 680]
    assert overdue.npv("0.1", values) == Decimal(str(round(npf.npv(0.1, values), 2)))
    assert abs(float(overdue.irr(values)) - npf.irr(values)) < 1e-10
    for rate, nper, pv, fv, when in [
        ("0.015", 12, 12000, 0, "end"),
        ("0.005", 360, 250000, 0, "end"),
        ("0.01", 24, 5000, 1000, "begin"),
        ("0", 10, 1000, 0, "end"),
        ("-0.002", 6, 600, 0, "end"),
    ]:
        ours = overdue.pmt(Decimal(rate), nper, pv, fv, when)
        theirs = npf.pmt(float(rate), nper, pv, fv, when)
        assert abs(ours - Decimal(repr(float(theirs)))) <= Decimal("0.005"), (rate, nper, ours, theirs)
    assert overdue.pmt("0.015", 12, 12000) == Decimal("-1100.16")
    assert overdue.pmt("0.015", 12, 12000, when=1) == overdue.pmt("0.015", 12, 12000, when="begin")


def test_a_float_is_refused_with_what_to_pass_instead():
    for call in (
        lambda: overdue.xirr(DATES, [-10000.0, 2750, 8250]),
        lambda: overdue.xnpv(0.08, DATES, AMOUNTS),
        lambda: overdue.npv(0.1, [-100, 110]),
        lambda: overdue.irr([-100.0, 110]),
        lambda: overdue.pmt(0.01, 12, 1000),
    ):
        with pytest.raises(TypeError, match="a float cannot hold money or rates exactly"):
            call()


def test_bad_arguments_are_the_package_errors():
    with pytest.raises(ValueError, match="3 dates but 2 amounts"):
        overdue.xirr(DATES, [1, 2])
    with pytest.raises(overdue.NoRootError):
        overdue.irr([100, 100])
    with pytest.raises(overdue.InvalidError):
        overdue.pmt("0.01", 0, 1000)
    with pytest.raises(overdue.InvalidError):
        overdue.pmt("0.01", 12, 1000, when="middle")
    with pytest.raises(overdue.OverdueError, match="is not a date"):
        overdue.xirr(["2026-02-30", "2027-01-01"], [-1, 2])


def test_a_malformed_json_text_is_an_overdue_error_with_its_line_and_column():
    with pytest.raises(overdue.OverdueError, match=r"line 1, column 2") as err:
        overdue.statement("{bad", "2026-02-01")
    assert err.value.kind == "json"


dates = st.lists(st.integers(0, 3650), min_size=2, max_size=12, unique=True).map(
    lambda days: [datetime.date(2026, 1, 1) + datetime.timedelta(days=d) for d in sorted(days)]
)


@settings(max_examples=cases(300), deadline=None)
@given(dates, st.data())
def test_xirr_is_pyxirr_root_where_both_find_one(days, data):
    amounts = [data.draw(st.integers(-100_000, -1))] + [
        data.draw(st.integers(0, 100_000)) for _ in days[1:]
    ]
    assume(sum(amounts[1:]) > 0)
    try:
        ours = overdue.xirr(days, amounts)
    except (overdue.NoRootError, overdue.DecimalOverflowError):
        # no rate, or one beyond the decimal range (doubling in a day is 2^365 a year)
        return
    # the root is verified in decimal: the NPV there is near zero next to the flows
    npv = overdue.xnpv(ours, days, amounts, scale=None)
    assert abs(npv) <= Decimal("1e-6") * sum(abs(Decimal(a)) for a in amounts)
    theirs = pyxirr.xirr(days, amounts)
    if theirs is not None and -0.99 < theirs < 10:
        assert abs(float(ours) - theirs) <= 1e-7 * max(1.0, abs(theirs))


@settings(max_examples=cases(300), deadline=None)
@given(
    st.decimals(min_value="-0.05", max_value="0.1", places=4),
    st.integers(1, 480),
    st.integers(1, 10_000_000),
)
def test_pmt_pays_off_the_present_value_exactly(rate, nper, pv):
    payment = overdue.pmt(rate, nper, pv, scale=None)
    assert payment < 0
    # the payments' present value is the loan, to 1e-9 of it
    value = overdue.npv(rate, [0] + [-payment] * nper, scale=None)
    assert abs(value - pv) <= Decimal("1e-9") * pv
    assert overdue.pmt(rate, nper, pv) == payment.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")


@settings(max_examples=cases(200), deadline=None)
@given(st.lists(st.integers(-1_000_000, 1_000_000), min_size=2, max_size=24))
def test_irr_zeroes_the_npv_and_agrees_with_numpy_financial(values):
    assume(any(v < 0 for v in values) and any(v > 0 for v in values))
    try:
        rate = overdue.irr(values)
    except (overdue.NoRootError, overdue.DecimalOverflowError):
        # no rate, or one so near -100 % that its discount factors leave the decimal range
        return
    assert abs(overdue.npv(rate, values, scale=None)) <= Decimal("1e-6") * sum(abs(Decimal(v)) for v in values)
    theirs = npf.irr(values)
    if theirs == theirs and -0.9 < theirs < 10 and sum(1 for a, b in zip(values, values[1:]) if (a < 0) != (b < 0)) == 1:
        assert abs(float(rate) - theirs) <= 1e-7 * max(1.0, abs(theirs))
