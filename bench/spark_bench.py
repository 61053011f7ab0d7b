"""Spark scaling from 1 to 2 local cores: ``python -m bench.spark_bench [--rows 40000]`` -> bench/results/spark.json.

The same generated addresses (bench.bulk_data, bad rows included) in 4 partitions go through
``addrnet.spark.parse_column`` in ``local[1]`` and then ``local[2]`` (a fresh SparkContext each), written
to Spark's ``noop`` sink so only reading and parsing count. Each master runs once untimed (Python workers
start and load the arm) and then ``--repeats`` timed passes; the best pass counts.
``scaling`` = best local[2] rows/s / best local[1] rows/s (2.0 would be perfect).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.bulk_bench import RESULTS, machine
from bench.bulk_data import write_csv


def run_master(master: str, src: Path, repeats: int) -> dict[str, Any]:
    from pyspark.sql import SparkSession

    from addrnet.spark import parse_column

    spark = (SparkSession.builder.master(master).appName(f"addrnet-bench-{master}")
             .config("spark.ui.enabled", "false").config("spark.driver.memory", "2g").getOrCreate())
    try:
        df = spark.read.option("header", True).csv(str(src)).repartition(4).cache()
        rows = df.count()
        parse_column(df, "address").write.format("noop").mode("overwrite").save()  # warm-up
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            parse_column(df, "address").write.format("noop").mode("overwrite").save()
            times.append(time.perf_counter() - t0)
        return {"master": master, "rows": rows, "seconds": [round(t, 3) for t in times],
                "best_rows_per_s": round(rows / min(times), 1)}
    finally:
        spark.stop()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="addrnet bench spark", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=40_000)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--out", type=Path, default=RESULTS / "spark.json")
    args = ap.parse_args(argv)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    load = os.getloadavg()[0]
    tmp = Path(tempfile.mkdtemp(prefix="addrnet-spark-"))
    try:
        src = tmp / "in.csv"
        write_csv(src, args.rows)
        runs = [run_master(m, src, args.repeats) for m in ("local[1]", "local[2]")]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    import pyspark

    result = {
        "benchmark": "spark_scaling", "rows": args.rows, "partitions": 4, "runs": runs,
        "scaling": round(runs[1]["best_rows_per_s"] / runs[0]["best_rows_per_s"], 3),
        "pyspark": pyspark.__version__, "machine": machine(load),
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
