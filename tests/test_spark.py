"""addrnet.spark in a real local[2] Spark session, checked against Parser.parse_batch."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from addrnet import Parser
from model.labels import LABEL_VIEWS

pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")

TEXTS = [
    "1745 T Street Southeast, Washington, DC 20020",
    "Korunní 810, 120 00 Praha",
    "10117 Berlin",
    "Apt 4B, 22 Main St, Springfield, IL 62701, USA",
    "12 rue de la Paix, 75002 Paris",
    "Hauptstraße 5, 80331 München",
    "350 5th Ave, New York, NY 10118",
    "Arvada, CO 80002",
] * 5


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    saved = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON")}
    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable  # workers: this venv
    session = (
        SparkSession.builder.master("local[2]").appName("addrnet-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g").config("spark.sql.execution.arrow.maxRecordsPerBatch", "16")
        .getOrCreate()
    )
    yield session
    session.stop()
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.mark.slow
def test_parse_column_matches_parse_batch(spark: Any) -> None:
    from addrnet.spark import parse_column

    rows = [(i, t) for i, t in enumerate(TEXTS)] + [(1000, None), (1001, "   "), (1002, "x" * 600)]
    df = spark.createDataFrame(rows, "id long, address string").repartition(3)
    assert df.rdd.getNumPartitions() == 3
    both = parse_column(parse_column(df, "address"), "address", labels="libpostal", prefix="lp_")
    out = {r["id"]: r.asDict() for r in both.collect()}
    assert len(out) == len(rows)

    for view, prefix in (("addrnet", ""), ("libpostal", "lp_")):
        want = Parser.load(arm="A").parse_batch(TEXTS, labels=view)
        names = list(LABEL_VIEWS[view].values())
        for i, w in enumerate(want):
            got = out[i]
            assert got["address"] == TEXTS[i] and got[prefix + "parse_error"] is None
            expected: dict[str, Any] = {}
            for c in w.components:
                expected.setdefault(c.label, []).append(c)
            for name in names:
                comps = expected.get(name)
                value = got[prefix + name]
                assert value == (" | ".join(c.value for c in comps) if comps else None), (TEXTS[i], name)
                conf = got[prefix + name + "_confidence"]
                if comps:
                    assert conf == pytest.approx(min(c.confidence for c in comps), abs=2e-6)
                else:
                    assert conf is None
        assert out[1000][prefix + "parse_error"] == "address is NoneType, not a string"
        assert out[1001][prefix + "parse_error"] == "address is empty"
        assert "limit is 512" in out[1002][prefix + "parse_error"]
        assert all(out[k][prefix + names[0]] is None for k in (1000, 1001, 1002))


@pytest.mark.slow
def test_command_line_job(spark: Any, tmp_path: Path) -> None:
    from addrnet.spark import main, parse_column

    src = tmp_path / "in.parquet"
    spark.createDataFrame([(i, t) for i, t in enumerate(TEXTS[:8])], "id long, address string").write.parquet(str(src))
    with pytest.raises(ValueError, match="no column 'addr'"):
        parse_column(spark.read.parquet(str(src)), "addr")
    main([str(src), str(tmp_path / "out.parquet"), "--column", "address", "--prefix", "p_"])
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "out.parquet").to_pylist()
    by_id = {r["id"]: r for r in table}
    assert by_id[2]["p_postcode"] == "10117" and by_id[2]["p_locality"] == "Berlin"
    assert set(by_id) == set(range(8))
