"""Every job on the crate's own reference cases (the shared tests/vectors.json
the Rust tests read too), every error type, the float rejection, and round
trips of to_dict() through the job functions."""

import datetime
import json
import pathlib
from decimal import Decimal

import pytest

import overdue

ROOT = pathlib.Path(__file__).resolve().parents[2]
VECTORS = json.loads((ROOT / "tests" / "vectors.json").read_text())["vectors"]
BORROWER = json.loads((ROOT / "examples" / "borrower.json").read_text())
LOAN = {
    "schedule": {
        "options": {
            "principal": "1200",
            "rate": {"value": "0.12", "period": "annual"},
            "installments": 3,
            "disbursement": "2026-01-15",
        }
    },
    "policy": {},
}


def run(job, request):
    if job == "statement":
        return overdue.statement(request["ledger"], request["as_of"])
    if job in ("cost", "limits"):
        extra = {k: v for k, v in request.items() if k != "flows"}
        return getattr(overdue, job)(request.get("flows", ()), **extra)
    return getattr(overdue, {"compare": "compare", "plan": "plan", "schedule": "schedule"}[job])(request)


def at(value, path):
    for part in path.split("."):
        key, _, index = part.partition("[")
        value = getattr(value, key)
        if index:
            value = value[int(index.rstrip("]"))]
    return value


def expected_value(found, expected, places):
    if places is not None:
        q = Decimal(1).scaleb(-places)
        return found.quantize(q), Decimal(expected).quantize(q)
    if isinstance(found, Decimal):
        return found, Decimal(expected)
    if isinstance(found, datetime.date):
        return found, datetime.date.fromisoformat(expected)
    if isinstance(found, tuple) and expected == []:
        return found, ()
    return found, expected


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_reference_vectors(vector):
    result = run(vector["job"], vector["request"])
    for key, expected in vector["expect"].items():
        path, _, places = key.partition("~")
        found = at(result, path)
        got, want = expected_value(found, expected, int(places) if places else None)
        assert got == want, f"{vector['name']}: {key}"


def test_results_are_typed_and_read_only():
    st = overdue.statement(LOAN, datetime.date(2026, 2, 25))
    assert type(st).__name__ == "Statement"
    assert isinstance(st.payoff, Decimal) and isinstance(st.as_of, datetime.date)
    assert isinstance(st.installments, tuple)
    with pytest.raises(AttributeError):
        st.payoff = Decimal(0)
    with pytest.raises(AttributeError):
        st.no_such_field
    assert repr(st).startswith("Statement(as_of=datetime.date(2026, 2, 25), days_past_due=10")


def test_to_dict_is_the_documented_format_and_round_trips():
    schedule = overdue.schedule(LOAN["schedule"]["options"])
    assert schedule.to_dict()["installments"][0]["payment"] == "408.03"
    again = overdue.schedule(schedule.to_dict()["options"])
    assert again == schedule
    result = overdue.compare(BORROWER)
    assert json.loads(result.to_json())["payoff"] == "9579.04"
    # a statement request rebuilt from the result's own statement date and the ledger
    st = overdue.statement(BORROWER["ledger"], result.as_of)
    assert st.to_dict() == result.statement.to_dict()


def test_amounts_as_str_int_or_decimal_give_the_same_result():
    as_int = dict(LOAN["schedule"]["options"], principal=1200)
    as_decimal = dict(LOAN["schedule"]["options"], principal=Decimal("1200"))
    as_text = LOAN["schedule"]["options"]
    assert overdue.schedule(as_int) == overdue.schedule(as_decimal) == overdue.schedule(as_text)
    # JSON text is a request too
    assert overdue.schedule(json.dumps(as_text)) == overdue.schedule(as_text)


def test_a_float_amount_is_a_type_error_that_says_why():
    with pytest.raises(TypeError, match=r"schedule\.options\.principal: got the float 1200\.5; a float cannot hold money"):
        overdue.statement({**LOAN, "schedule": {"options": dict(LOAN["schedule"]["options"], principal=1200.5)}}, "2026-02-25")
    with pytest.raises(TypeError, match="flows\\[1\\].amount"):
        overdue.xirr([{"date": "2026-01-01", "amount": 1000}, {"date": "2027-01-01", "amount": -1100.0}])


def test_invalid_input_names_the_path():
    cases = [
        ({**LOAN, "policy": {"late_fe": {}}}, "ledger.policy.late_fe", "unknown field `late_fe`"),
        ({**LOAN, "events": [{"kind": "payment", "id": "p", "date": "2026-02-01", "amount": "-5"}]},
         "ledger.events[0].amount", "amount must not be negative, got -5"),
        ({**LOAN, "events": [{"amount": "5", "kind": "payment", "id": "p"}]}, "ledger.events[0].date", "missing field `date`"),
    ]
    for ledger, path, message in cases:
        with pytest.raises(overdue.InvalidInputError) as err:
            overdue.statement(ledger, "2026-02-25")
        assert err.value.path == path
        assert err.value.variant == "Json"
        assert err.value.kind == "json"
        assert message in str(err.value)
    with pytest.raises(overdue.InvalidInputError) as err:
        overdue.statement(LOAN, "2026-02-30")
    assert err.value.path == "as_of"


def test_ledger_text_is_read_as_strictly_as_by_the_command():
    text = json.dumps(LOAN)
    assert overdue.statement(text, "2026-02-25").payoff == overdue.statement(LOAN, "2026-02-25").payoff
    # the same key twice: refused, not the last one taken
    twice = text.replace('"principal": "1200"', '"principal": "1200", "principal": "1"')
    with pytest.raises(overdue.InvalidInputError, match="duplicate field `principal`") as err:
        overdue.statement(twice, "2026-02-25")
    assert err.value.path == "schedule.options.principal"
    # a syntax error is the package's error, with its line and column
    with pytest.raises(overdue.InvalidInputError, match=r"line 1, column \d+"):
        overdue.statement(text[:-3], "2026-02-25")
    # a byte-order mark is skipped, as the command skips it
    assert overdue.statement("\ufeff" + text, "2026-02-25").days_past_due == 10


def test_every_rust_error_has_its_class():
    names = [
        "NonPositive", "Negative", "NotInMinorUnits", "Zero", "TooLarge", "InvalidScale",
        "PrincipalBelowMinorUnits", "DateOrder", "DateOutOfRange", "IndexNotPublished",
        "RateNeedsDayCount", "NoRoot", "Invalid", "DuplicatePayment", "WaiverTooLarge",
        "UnknownPayment", "AlreadyReversed", "RefundTooLarge", "DownPaymentTooLarge", "Parse",
    ]
    for name in names:
        cls = getattr(overdue, f"{name}Error")
        assert issubclass(cls, overdue.OverdueError) and cls is not overdue.OverdueError
    assert issubclass(overdue.DecimalOverflowError, overdue.OverdueError)
    assert issubclass(overdue.InvalidInputError, overdue.OverdueError)


def test_errors_from_computation_carry_their_kind():
    with pytest.raises(overdue.NoRootError) as err:
        overdue.xirr([{"date": "2026-01-01", "amount": "1000"}])
    assert (err.value.kind, err.value.variant) == ("no_root", "NoRoot")
    assert err.value.path is None
    assert str(err.value).startswith("no rate solves the cash flows")
    with pytest.raises(overdue.DateOrderError):
        overdue.compare({**BORROWER, "as_of": "2025-01-01"})


def test_schemas_match_the_committed_files():
    for job, pair in overdue.schemas().items():
        for side in ("request", "result"):
            committed = json.loads((ROOT / "docs" / "schema" / f"{job}.{side}.json").read_text())
            assert pair[side] == committed, f"{job}.{side}"


def test_docstring_examples_run():
    import doctest

    failed, tried = doctest.testmod(overdue, raise_on_error=False)
    assert tried >= 8 and failed == 0


def test_the_type_stubs_name_every_error_class():
    import re

    stub = (pathlib.Path(overdue.__file__).parent / "__init__.pyi").read_text()
    declared = set(re.findall(r"^class (\w+Error)\(", stub, re.M))
    exported = {name for name in overdue.__all__ if name.endswith("Error")}
    assert declared == exported
    assert (pathlib.Path(overdue.__file__).parent / "py.typed").exists()


def test_every_bad_document_is_refused_as_by_the_library_and_the_command():
    # the shared corpus: the library's own test and the command's read it too
    corpus = json.loads((ROOT / "tests" / "bad_documents.json").read_text())["cases"]
    for case in corpus:
        with pytest.raises(overdue.OverdueError) as err:
            overdue.run(case["job"], case["document"])
        assert (err.value.kind, err.value.path) == (case["kind"], case["path"]), case["name"]
        if "message" in case:
            assert case["message"] in str(err.value), (case["name"], str(err.value))


def test_importing_the_source_folder_says_to_install_the_package():
    import subprocess
    import sys

    source = ROOT / "python" / "python"
    if any((source / "overdue").glob("_overdue*")):
        pytest.skip("the package was built in place (maturin develop)")
    run = subprocess.run([sys.executable, "-c", "import overdue"], cwd=source, capture_output=True, text=True)
    assert run.returncode != 0
    assert "install the package" in run.stderr and "circular import" not in run.stderr.splitlines()[-1], run.stderr


def test_a_budget_sweep_never_shows_a_dearer_plan_for_a_larger_budget():
    plan = json.loads((ROOT / "examples" / "several_loans.json").read_text())
    by_text = overdue.sweep(plan, "1500..3000/500")
    by_mapping = overdue.sweep(json.dumps(plan), {"from": "1500", "to": "3000", "step": 500})
    assert by_text.to_dict() == by_mapping.to_dict()
    costs = [p.cost for p in by_text.points]
    assert [p.budget for p in by_text.points] == [Decimal(b) for b in ("1500.00", "2000.00", "2500.00", "3000.00")]
    assert costs == sorted(costs, reverse=True)
    assert all(p.saved == costs[0] - p.cost for p in by_text.points)
    assert by_text.to_dict() == overdue.run("sweep", {"plan": plan, "budgets": {"from": "1500", "to": "3000", "step": "500"}}).to_dict()


def test_a_bad_budget_range_is_named():
    plan = json.loads((ROOT / "examples" / "several_loans.json").read_text())
    with pytest.raises(overdue.ParseError):
        overdue.sweep(plan, "1500..3000")
    with pytest.raises(overdue.InvalidError) as bad:
        overdue.sweep(plan, "3000..1500/500")
    assert "ends" in str(bad.value)


def test_a_promotion_is_applied_on_the_day_it_is_met_and_offered_as_a_way_out():
    loan = {
        "schedule": {"options": {"principal": "1200", "rate": {"value": "0", "period": "annual"},
                                 "installments": 12, "disbursement": "2026-01-15"}},
        "policy": {"penalty_rate": {"kind": "fixed", "value": {"value": "0.001", "period": "daily"}}},
        "events": [
            {"kind": "promotion", "label": "penalty off", "offered": "2026-04-01",
             "condition": {"kind": "pay_overdue", "by": "2026-04-30"}, "effect": {"kind": "waive_penalty"}},
        ],
    }
    before = overdue.statement(loan, "2026-04-10")
    assert before.promotions[0].state == "open"
    result = overdue.compare({"ledger": loan, "as_of": "2026-04-10",
                              "budget": {"income": "5000", "essential_expenses": "3000"},
                              "discount_rate": {"value": "0", "period": "annual"},
                              "options": [{"label": "pay now", "way": {"kind": "pay_now"}}]})
    taken = [o for o in result.options if o.way.kind == "take_promotion"][0]
    assert taken.total_paid == before.payoff - before.outstanding.penalty_interest
    paid = dict(loan, events=loan["events"] + [{"kind": "payment", "id": "p1", "date": "2026-04-10", "amount": "200"}])
    after = overdue.statement(paid, "2026-04-10")
    assert (after.promotions[0].state, after.promotions[0].met_on) == ("met", datetime.date(2026, 4, 10))
    assert after.waived.penalty_interest == Decimal("8.00")
