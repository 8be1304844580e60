"""A lender's nightly portfolio run on Apache Spark: Spark distributes the
partitions of a DataFrame of loans (`loan_id`, `loan` as JSON), and
`overdue.statements` computes each partition's Arrow batches on its
executor's cores. Run it with `python examples/spark_portfolio.py loans.jsonl
2026-06-30` (a JSON Lines file of `{"id", "ledger"}`, as the `overdue
portfolio` command reads)."""

import sys

import pyarrow as pa

import overdue

# the result's columns, as Spark declares them
SCHEMA = (
    "loan_id string, as_of date, days_past_due long, bucket string, status string, "
    "outstanding_principal decimal(38,2), outstanding_interest decimal(38,2), "
    "outstanding_penalty_interest decimal(38,2), outstanding_compound_interest decimal(38,2), "
    "outstanding_fees decimal(38,2), payoff decimal(38,2), error string"
)


def statements_in_spark(loans, as_of):
    """Statement summaries of a Spark DataFrame of loans on `as_of`."""

    def partition(batches):
        for batch in batches:
            # one thread per task: Spark already runs a task on every core
            yield from overdue.statements(pa.Table.from_batches([batch]), as_of, threads=1).to_batches()

    return loans.mapInArrow(partition, SCHEMA)


if __name__ == "__main__":
    import json

    from pyspark.sql import SparkSession

    path, as_of = sys.argv[1], sys.argv[2]
    spark = SparkSession.builder.master("local[*]").appName("overdue-portfolio").getOrCreate()
    rows = [(loan["id"], json.dumps(loan["ledger"])) for loan in map(json.loads, open(path))]
    loans = spark.createDataFrame(rows, "loan_id string, loan string")
    statements_in_spark(loans, as_of).show(truncate=False)
    spark.stop()
