"""The nightly portfolio run inside Apache Spark (local mode): mapInArrow
hands each partition's Arrow batches to overdue.statements, and the result
is the same as calling it directly."""

import json
import pathlib
import shutil
import sys

import pyarrow as pa
import pytest

import overdue

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "python" / "examples" / "spark_portfolio.py"


def test_spark_map_in_arrow_gives_what_the_function_gives(monkeypatch):
    from pyspark.sql import SparkSession

    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")  # no network lookups for a local run
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # the workers import this interpreter's overdue

    namespace = {}
    exec(compile(EXAMPLE.read_text(), str(EXAMPLE), "exec"), namespace)
    loans = [json.loads(line) for line in (ROOT / "examples" / "portfolio.jsonl").read_text().splitlines()]
    rows = [(f"{loan['id']}-{i}", json.dumps(loan["ledger"])) for i in range(40) for loan in loans]
    rows.append(("broken", '{"schedule": 5}'))
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("overdue-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        df = spark.createDataFrame(rows, "loan_id string, loan string").repartition(4)
        result = namespace["statements_in_spark"](df, "2026-06-24").toArrow()
    finally:
        spark.stop()
    direct = overdue.statements(pa.table({"loan_id": [r[0] for r in rows], "loan": [r[1] for r in rows]}), "2026-06-24")
    by_id = lambda t: sorted(t.to_pylist(), key=lambda r: r["loan_id"])  # noqa: E731
    assert by_id(result) == by_id(direct)
    assert sum(r["error"] is not None for r in by_id(result)) == 1


@pytest.mark.parametrize("where", ["root", "python"])
def test_the_spark_recipe_runs_from_the_repository_root_and_from_python(where, tmp_path):
    import os
    import subprocess

    cwd = ROOT if where == "root" else ROOT / "python"
    env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", PYSPARK_PYTHON=sys.executable)
    run = subprocess.run(
        [sys.executable, str(EXAMPLE.relative_to(cwd)), str(ROOT / "examples" / "portfolio.jsonl"), "2026-06-24"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "L-0001" in run.stdout and "L-0002" in run.stdout, run.stdout
