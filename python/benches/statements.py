"""overdue.statements over 100,000 loans on one core and on every core,
beside the anchor a Python user has today: a pure-Python `decimal` loop
computing the same days past due and penalty interest.

    python python/benches/statements.py [loans]

The batch reads the loans from flat Arrow columns (no JSON) and, beside it,
from a `loan` column of JSON text.

The loans are the Rust bench's (`accrual/portfolio/100000`) without its two
partial payments, so that the loop can follow the rules simply: 12 biweekly
installments at 18 %, penalty interest of 0.05 %/day on each overdue
installment from its due date (after a 3-day grace that is waived when paid
in time), as of 2026-02-14.
"""

import datetime
import json
import sys
import time
from decimal import ROUND_HALF_UP, Decimal

import pyarrow as pa

import overdue

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
AS_OF = datetime.date(2026, 2, 14)
START = datetime.date(2026, 1, 1)
RATE = Decimal("0.18")
PENALTY = Decimal("0.0005")


def ledger(principal):
    return {
        "schedule": {"options": {"principal": str(principal), "rate": {"value": "0.18", "period": "annual"},
                                 "installments": 12, "disbursement": "2026-01-01", "frequency": "biweekly"}},
        "policy": {"penalty_rate": {"kind": "fixed", "value": {"value": "0.0005", "period": "daily"}},
                   "penalty_base": "overdue_installment", "grace": {"days": 3, "meaning": "waive"},
                   "caps": {"lifetime": "0.36"}},
    }


def python_loop(principal):
    """Days past due and penalty interest as of AS_OF, in plain `decimal`."""
    cent = Decimal("0.01")
    r = RATE / 26
    payment = (principal * r / (1 - (1 + r) ** -12)).quantize(cent, ROUND_HALF_UP)
    balance, dpd, penalty = principal, 0, Decimal(0)
    for k in range(1, 13):
        due = START + datetime.timedelta(days=14 * k)
        interest = (balance * r).quantize(cent, ROUND_HALF_UP)
        amount = payment if k < 12 else balance + interest
        balance -= amount - interest
        if due < AS_OF:
            days = (AS_OF - due).days
            dpd = max(dpd, days)
            if days > 3:
                penalty += (amount * PENALTY * days).quantize(cent, ROUND_HALF_UP)
    return dpd, penalty


def timed(f, runs=5):
    """The best of `runs` timings (the first warms the allocator and caches up)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        result = f()
        best = min(best, time.perf_counter() - start)
    return best, result


def main():
    principals = [Decimal(1_000_000 + i * 7) / 100 for i in range(N)]
    ids = [f"L{i}" for i in range(N)]
    table = pa.table({"loan_id": ids, "loan": [json.dumps(ledger(p)) for p in principals]})
    policy = ledger(principals[0])["policy"]
    flat = pa.table({"loan_id": ids, "principal": pa.array(principals, pa.decimal128(18, 2)),
                     "rate": ["18%"] * N, "installments": pa.array([12] * N, pa.int32()),
                     "disbursement": [START] * N, "frequency": ["biweekly"] * N})
    one, result = timed(lambda: overdue.statements(flat, AS_OF, threads=1, policy=policy))
    every, again = timed(lambda: overdue.statements(flat, AS_OF, policy=policy))
    json_one, from_json = timed(lambda: overdue.statements(table, AS_OF, threads=1))
    json_every, _ = timed(lambda: overdue.statements(table, AS_OF))
    # the Rust bench's loans exactly (its 5 % late fee and its two partial payments), for the goal
    bench_policy = {**policy, "late_fee": {"amount": {"kind": "of_installment", "value": "0.05"}}}
    payment = pa.struct([("date", pa.date32()), ("amount", pa.decimal128(18, 2)), ("id", pa.string())])
    paid = [{"date": datetime.date(2026, 1, 20), "amount": Decimal(200), "id": "p1"},
            {"date": datetime.date(2026, 2, 5), "amount": Decimal(300), "id": "p2"}]
    bench = flat.append_column("events", pa.array([paid] * N, pa.list_(payment)))
    bench_one, bench_result = timed(lambda: overdue.statements(bench, AS_OF, threads=1, policy=bench_policy))
    bench_every, _ = timed(lambda: overdue.statements(bench, AS_OF, policy=bench_policy))
    assert bench_result.column("error").null_count == N
    loop, anchor = timed(lambda: [python_loop(p) for p in principals], runs=1)
    assert result.equals(again) and result.equals(from_json)
    assert result.column("error").null_count == N
    # the loop computes the same days past due, and the same penalty interest to a cent
    # per overdue installment (overdue rounds each posting, the loop each installment)
    dpd = result.column("days_past_due").to_pylist()
    penalty = result.column("outstanding_penalty_interest").to_pylist()
    assert all(a[0] == d and abs(a[1] - p) <= Decimal("0.03") for a, d, p in zip(anchor, dpd, penalty))
    print(f"{N} loans as of {AS_OF}")
    print(f"  flat columns, one core         {one:7.2f} s  {one / N * 1e6:6.1f} µs a loan")
    print(f"  flat columns, all cores        {every:7.2f} s  {every / N * 1e6:6.1f} µs a loan  ({one / every:.2f}× one core)")
    print(f"  a loan column of JSON, one core  {json_one:5.2f} s  {json_one / N * 1e6:6.1f} µs a loan")
    print(f"  a loan column of JSON, all cores {json_every:5.2f} s  {json_every / N * 1e6:6.1f} µs a loan  ({json_one / json_every:.2f}× one core)")
    print(f"  the Rust bench's loans (fee, two payments), flat, one core   {bench_one / N * 1e6:6.1f} µs a loan")
    print(f"  the Rust bench's loans (fee, two payments), flat, all cores  {bench_every / N * 1e6:6.1f} µs a loan"
          f"  ({bench_one / bench_every:.2f}× one core)")
    print(f"  pure-Python decimal loop       {loop:7.2f} s  {loop / N * 1e6:6.1f} µs a loan  ({loop / every:.1f}× all cores)")


if __name__ == "__main__":
    main()
