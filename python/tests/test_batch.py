"""overdue.statements: Arrow in, Arrow out, every loan as the job function
computes it, a bad loan an error row, the same on one thread or all."""

import datetime
import json
import pathlib
from decimal import Decimal

import pyarrow as pa
import pytest

import overdue

ROOT = pathlib.Path(__file__).resolve().parents[2]
LOANS = [json.loads(line) for line in (ROOT / "examples" / "portfolio.jsonl").read_text().splitlines()]
AMOUNTS = ["principal", "interest", "penalty_interest", "compound_interest", "fees"]


def table(extra=()):
    ids = [loan["id"] for loan in LOANS] + [i for i, _ in extra]
    texts = [json.dumps(loan["ledger"]) for loan in LOANS] + [t for _, t in extra]
    return pa.table({"loan_id": ids, "loan": texts})


def test_every_row_is_the_statement_the_job_computes():
    result = overdue.statements(table(), datetime.date(2026, 6, 24))
    assert isinstance(result, pa.Table)
    assert result.column_names == [
        "loan_id", "as_of", "days_past_due", "bucket", "status",
        "outstanding_principal", "outstanding_interest", "outstanding_penalty_interest",
        "outstanding_compound_interest", "outstanding_fees", "payoff", "error",
    ]
    assert result.schema.field("payoff").type == pa.decimal128(38, 2)
    for loan, row in zip(LOANS, result.to_pylist()):
        st = overdue.statement(loan["ledger"], "2026-06-24")
        assert row["loan_id"] == loan["id"] and row["error"] is None
        assert (row["days_past_due"], row["bucket"], row["status"]) == (st.days_past_due, st.bucket, st.status)
        assert row["payoff"] == st.payoff
        for c in AMOUNTS:
            assert row[f"outstanding_{c}"] == getattr(st.outstanding, c)


def test_a_bad_loan_is_an_error_row_and_the_rest_still_compute():
    extra = [("truncated", '{"schedule": '), ("negative", json.dumps({**LOANS[0]["ledger"], "events": [
        {"kind": "payment", "id": "p", "date": "2026-02-01", "amount": "-5"}]})), ("null", None)]
    rows = overdue.statements(table(extra), "2026-06-24").to_pylist()
    assert [r["error"] is None for r in rows] == [True] * len(LOANS) + [False] * 3
    assert rows[len(LOANS) + 1]["error"].startswith("events[0].amount: amount must not be negative")
    assert rows[len(LOANS) + 1]["payoff"] is None
    assert rows[-1]["loan_id"] == "null" and rows[-1]["error"] == "the loan is null"


def test_threads_and_batches_do_not_change_the_result():
    big = pa.concat_tables([table()] * 200)
    reader = pa.RecordBatchReader.from_batches(big.schema, big.to_batches(max_chunksize=64))
    one = overdue.statements(big, "2026-06-24", threads=1)
    many = overdue.statements(reader, "2026-06-24")
    assert one.equals(many)
    assert one.num_rows == 600


def test_scale_and_input_errors():
    rows = overdue.statements(table(), "2026-06-24", scale=4).to_pylist()
    assert rows[0]["payoff"] == Decimal("9579.0400")
    assert overdue.statements(table(), "2026-06-24", scale=0).to_pylist()[0]["error"].startswith("the amount")
    with pytest.raises(KeyError):
        overdue.statements(pa.table({"id": ["x"]}), "2026-06-24")
    with pytest.raises(ValueError):
        overdue.statements(table(), "2026-02-30")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        overdue.statements(table(), "2026-6-24")
    with pytest.raises(ValueError):
        overdue.statements([1, 2, 3], "2026-06-24")


def test_counts_out_of_bounds_are_refused_naming_the_argument():
    # at least 1 and at most 8 threads a core: a typo is refused, not clamped
    for threads, error in [(0, overdue.InvalidError), (-1, overdue.InvalidError), (10**6, overdue.TooLargeError)]:
        with pytest.raises(error, match="threads"):
            overdue.statements(table(), "2026-06-24", threads=threads)
    for scale in (-1, 13, 2**70):
        with pytest.raises(overdue.OverdueError, match="scale"):
            overdue.statements(table(), "2026-06-24", scale=scale)


def test_polars_frames_eager_and_lazy():
    pl = pytest.importorskip("polars")
    df = pl.from_arrow(table())
    run = lambda d: pl.from_arrow(overdue.statements(d, "2026-06-24"))  # noqa: E731
    eager = run(df)
    lazy = df.lazy().map_batches(run, schema=run(df.clear()).schema).collect()
    assert eager.equals(lazy)
    assert eager["payoff"].to_list()[0] == Decimal("9579.04")


# Flat columns: the common terms one column each and the payments as a list of structs.

POLICY = {"penalty_rate": {"kind": "fixed", "value": {"value": "0.0005", "period": "daily"}},
          "late_fee": {"amount": {"kind": "flat", "value": "30"}}}
FLAT = [
    {"loan_id": "A", "principal": Decimal("12000"), "rate": "18%", "installments": 12,
     "disbursement": datetime.date(2026, 1, 15), "method": None, "frequency": None, "first_due": None,
     "policy": None, "events": [{"date": datetime.date(2026, 2, 15), "amount": Decimal("1100.16"), "id": "p1"}]},
    {"loan_id": "B", "principal": Decimal("3000.50"), "rate": "1.5%/month", "installments": 6,
     "disbursement": datetime.date(2026, 1, 1), "method": "equal_principal", "frequency": "biweekly",
     "first_due": datetime.date(2026, 1, 20), "policy": json.dumps({"grace": {"days": 3, "meaning": "waive"}}),
     "events": []},
    {"loan_id": "C", "principal": Decimal("800"), "rate": "9%", "installments": 1,
     "disbursement": datetime.date(2026, 3, 1), "method": "bullet", "frequency": "monthly", "first_due": None,
     "policy": None, "events": None},
]


def ledger_of(row):
    """The same loan in the documented JSON format."""
    value, _, period = row["rate"].partition("/")
    rate = {"value": str(Decimal(value.rstrip("%")) / 100),
            "period": {"": "annual", "month": "monthly", "day": "daily"}[period]}
    options = {"principal": str(row["principal"]), "rate": rate, "installments": row["installments"],
               "disbursement": row["disbursement"].isoformat()}
    if row["method"]:
        options["method"] = {"kind": row["method"]}
    for key in ("frequency", "first_due"):
        if row[key]:
            options[key] = row[key] if isinstance(row[key], str) else row[key].isoformat()
    events = [{"kind": "payment", "id": e["id"] or f"p{k + 1}", "date": e["date"].isoformat(),
               "amount": str(e["amount"])} for k, e in enumerate(row["events"] or [])]
    policy = json.loads(row["policy"]) if row["policy"] else POLICY
    return {"schedule": {"options": options}, "policy": policy, "events": events}


def flat_table(rows):
    event = pa.struct([("date", pa.date32()), ("amount", pa.decimal128(18, 2)), ("id", pa.string())])
    schema = pa.schema([("loan_id", pa.string()), ("principal", pa.decimal128(18, 2)), ("rate", pa.string()),
                        ("installments", pa.int32()), ("disbursement", pa.date32()), ("method", pa.string()),
                        ("frequency", pa.string()), ("first_due", pa.date32()), ("policy", pa.string()),
                        ("events", pa.list_(event))])
    return pa.Table.from_pylist(rows, schema=schema)


def test_flat_columns_give_the_statements_of_the_same_loans_as_json():
    for as_of in ("2026-03-20", "2026-09-01"):
        rows = overdue.statements(flat_table(FLAT), as_of, policy=POLICY).to_pylist()
        for loan, row in zip(FLAT, rows):
            assert row["error"] is None, row
            st = overdue.statement(ledger_of(loan), as_of)
            assert (row["days_past_due"], row["bucket"], row["status"]) == (st.days_past_due, st.bucket, st.status)
            assert row["payoff"] == st.payoff
            for c in AMOUNTS:
                assert row[f"outstanding_{c}"] == getattr(st.outstanding, c)
    # the batch-wide policy matters: without it, the default policy
    plain = overdue.statements(flat_table(FLAT), "2026-09-01").to_pylist()
    assert plain[0]["payoff"] == overdue.statement({**ledger_of(FLAT[0]), "policy": {}}, "2026-09-01").payoff


def test_flat_columns_accept_text_and_integers():
    rows = [{"loan_id": 7, "principal": "12000", "rate": "18%", "installments": "12",
             "disbursement": "2026-01-15"}]
    text = pa.Table.from_pylist(rows)
    ints = pa.table({"loan_id": [7], "principal": [12000], "rate": ["18%"], "installments": [12],
                     "disbursement": [datetime.date(2026, 1, 15)]})
    a = overdue.statements(text, "2026-03-01").to_pylist()[0]
    b = overdue.statements(ints, "2026-03-01").to_pylist()[0]
    assert a == b and a["error"] is None and a["loan_id"] == "7" and a["days_past_due"] == 14


def test_a_bad_flat_row_is_an_error_row_naming_its_field():
    good = {"loan_id": "ok", "principal": "1000", "rate": "12%", "installments": 3, "disbursement": "2026-01-01",
            "method": None, "events": [{"date": "2026-02-01", "amount": "10", "kind": None}]}
    bad = [
        ({"principal": None}, "principal: missing"),
        ({"principal": "-5"}, "principal: amount must not be negative"),
        ({"rate": "18 percent"}, "rate: \"18 percent\""),
        ({"disbursement": "2026-02-30"}, "disbursement: \"2026-02-30\""),
        ({"disbursement": "2026-1-5"}, "disbursement: \"2026-1-5\": not a date written YYYY-MM-DD"),
        ({"method": "balloon"}, "method: \"balloon\" is not one of"),
        ({"events": [{"date": "2026-02-01", "amount": "-1", "kind": None}]}, "events[0].amount: amount must not be negative"),
        ({"events": [{"date": "2026-02-01", "amount": "1", "kind": "waiver"}]}, "events[0].kind: \"waiver\""),
        ({"installments": 0}, "installments"),
    ]
    rows = [good] + [{**good, **change, "loan_id": str(k)} for k, (change, _) in enumerate(bad)]
    result = overdue.statements(pa.Table.from_pylist(rows), "2026-03-01").to_pylist()
    assert result[0]["error"] is None
    for (change, message), row in zip(bad, result[1:]):
        assert row["error"] is not None and message in row["error"], (change, row["error"])
        assert row["payoff"] is None


def test_float_amounts_in_flat_columns_are_refused():
    floats = pa.table({"loan_id": ["f"], "principal": [1000.0], "rate": ["12%"], "installments": [3],
                       "disbursement": ["2026-01-01"]})
    row = overdue.statements(floats, "2026-03-01").to_pylist()[0]
    assert "float" in row["error"] and "not exact" in row["error"]


def test_a_table_with_neither_form_is_refused():
    with pytest.raises(KeyError, match="flat columns principal, rate, installments, disbursement"):
        overdue.statements(pa.table({"loan_id": ["x"], "principal": ["1"]}), "2026-03-01")
    with pytest.raises(overdue.InvalidInputError):
        overdue.statements(flat_table(FLAT), "2026-03-01", policy={"late_fe": 1})
