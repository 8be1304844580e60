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
    with pytest.raises(ValueError):
        overdue.statements([1, 2, 3], "2026-06-24")


def test_polars_frames_eager_and_lazy():
    pl = pytest.importorskip("polars")
    df = pl.from_arrow(table())
    run = lambda d: pl.from_arrow(overdue.statements(d, "2026-06-24"))  # noqa: E731
    eager = run(df)
    lazy = df.lazy().map_batches(run, schema=run(df.clear()).schema).collect()
    assert eager.equals(lazy)
    assert eager["payoff"].to_list()[0] == Decimal("9579.04")
