"""Parse an address column of a Spark DataFrame (PySpark ``mapInPandas``).

    from addrnet.spark import parse_column
    parsed = parse_column(spark.read.parquet("addresses.parquet"), "address", arm="A")
    parsed.write.parquet("parsed.parquet")

The result has every input column, then the same columns as ``addrnet parse`` (``<prefix><label>`` and
``<prefix><label>_confidence`` for each label, in the chosen label view) and ``<prefix>parse_error``: null,
or why the row was not parsed (null, empty or over-long address). No row is dropped and no bad row fails
the job.

Executors load the arm from the installed ``addrnet`` package (the wheel carries the arms): each Python
worker process builds one ``Parser`` (one ONNX thread, as Spark runs one worker per core) on its first
batch and keeps it for every later task, since Spark reuses Python workers
(``spark.python.worker.reuse``, on by default). Arrow batches of
``spark.sql.execution.arrow.maxRecordsPerBatch`` rows (10,000 by default) are parsed in ONNX runs of 256.

Command line (local or under ``spark-submit``; see the README for a cluster):
``python -m addrnet.spark INPUT OUTPUT --column address [--master local[2]]``, where INPUT and OUTPUT
are Parquet (or .csv with a header) paths Spark can read and write.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from addrnet.bulk import output_fields

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame

_PARSERS: dict[tuple[str, str | None], Any] = {}


def executor_parser(arm: str, arms_dir: str | None = None) -> Any:
    """The process's Parser for ``arm``, loaded once per Python worker."""
    key = (arm, arms_dir)
    if key not in _PARSERS:
        from addrnet.api import Parser

        _PARSERS[key] = Parser.load(arm=arm, arms_dir=arms_dir, threads=1)
    return _PARSERS[key]


def parse_frame(pdf: pd.DataFrame, column: str, arm: str = "A", labels: str = "addrnet", prefix: str = "",
                arms_dir: str | None = None) -> pd.DataFrame:
    """One pandas batch -> the batch with the parse columns appended (what each executor task runs)."""
    from addrnet import bulk

    if bulk._WORKER.get("key") != (arm, labels, arms_dir):
        bulk._WORKER.update(parser=executor_parser(arm, arms_dir), labels=labels, geocoder=None,
                            key=(arm, labels, arms_dir))
    texts = [None if v is None or v != v else v for v in pdf[column].tolist()]  # NaN (v != v) -> None
    cols, errors = bulk.parse_chunk(texts, 0)
    out = pdf.copy()
    keys = list(cols)[:-1]
    for (name, _typ), key in zip(output_fields(labels, prefix), keys, strict=True):
        out[name] = cols[key]
    reasons: list[str | None] = [None] * len(texts)
    for e in errors:
        reasons[e["row"]] = e["reason"]
    out[prefix + "parse_error"] = reasons
    return out


def parse_column(df: DataFrame, column: str = "address", *, arm: str = "A", labels: str = "addrnet",
                 prefix: str = "", arms_dir: str | None = None) -> DataFrame:
    """``df`` with the parse columns of ``column`` appended (lazy, like any transformation)."""
    from pyspark.sql.types import DoubleType, StringType, StructField, StructType

    if column not in df.columns:
        raise ValueError(f"no column {column!r}; columns: {df.columns}")
    fields = output_fields(labels, prefix)
    clash = sorted(set(df.columns) & ({n for n, _ in fields} | {prefix + "parse_error"}))
    if clash:
        raise ValueError(f"the DataFrame already has columns {clash}; pass a prefix")
    types = {"string": StringType(), "float64": DoubleType()}
    schema = StructType(
        list(df.schema.fields)
        + [StructField(n, types[t], True) for n, t in fields]
        + [StructField(prefix + "parse_error", StringType(), True)]
    )

    def parse_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for pdf in batches:
            yield parse_frame(pdf, column, arm, labels, prefix, arms_dir)

    return df.mapInPandas(parse_batches, schema)


def _read(spark: Any, path: str) -> DataFrame:
    if path.endswith(".csv"):
        return spark.read.option("header", True).csv(path)
    return spark.read.parquet(path)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m addrnet.spark", description="Parse an address column with Spark.")
    ap.add_argument("input", help="Parquet path (or a .csv with a header)")
    ap.add_argument("output", help="Parquet output path")
    ap.add_argument("--column", default="address")
    ap.add_argument("--arm", default="A")
    ap.add_argument("--labels", default="addrnet", choices=["addrnet", "libpostal", "pelias"])
    ap.add_argument("--prefix", default="")
    ap.add_argument("--master", default=None, help="e.g. local[2]; default: spark-submit's")
    args = ap.parse_args(argv)
    from pyspark.sql import SparkSession

    existing = SparkSession.getActiveSession()
    builder = SparkSession.builder.appName("addrnet-parse")
    if args.master:
        builder = builder.master(args.master)
    spark = existing or builder.getOrCreate()
    try:
        df = _read(spark, args.input)
        parse_column(df, args.column, arm=args.arm, labels=args.labels, prefix=args.prefix).write.mode(
            "overwrite").parquet(args.output)
    finally:
        if existing is None:
            spark.stop()


if __name__ == "__main__":
    main()
