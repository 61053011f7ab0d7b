"""``addrnet parse`` on files: formats, the errors file, resumption, workers, --resolve, the CLI."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from addrnet import Parser, bulk
from addrnet.bulk import BulkError, Job, run
from bench.bulk_data import write_csv
from model.labels import LABEL_VIEWS, LABELS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser.load(arm="A")


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bulk") / "in.csv"
    counts = write_csv(path, rows=240, seed=3, bad_every=40)  # 6 bad rows: 2 empty, 2 too long, 2 malformed
    assert counts == {"good": 234, "empty": 2, "too_long": 2, "malformed": 2}
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def good_inputs(path: Path) -> list[dict[str, str]]:
    rows = []
    with open(path, newline="", encoding="utf-8") as fh:
        for rec in csv.reader(fh):
            if len(rec) == 2 and rec[0] != "id" and rec[1] and len(rec[1]) <= 512:
                rows.append({"id": rec[0], "address": rec[1]})
    return rows


def expected(parser: Parser, texts: list[str], view: str = "addrnet") -> list[dict[str, Any]]:
    out = []
    for p in parser.parse_batch(texts, labels=view):
        row: dict[str, Any] = {}
        for c in p.components:
            if c.label in row:
                row[c.label] = f"{row[c.label]} | {c.value}"
                row[c.label + "_confidence"] = min(row[c.label + "_confidence"], c.confidence)
            else:
                row[c.label], row[c.label + "_confidence"] = c.value, c.confidence
        out.append(row)
    return out


def check_rows(got: list[dict[str, Any]], inputs: list[dict[str, str]], parser: Parser, view: str = "addrnet") -> None:
    assert [r["id"] for r in got] == [r["id"] for r in inputs]
    want = expected(parser, [r["address"] for r in inputs], view)
    for g, w, i in zip(got, want, inputs, strict=True):
        assert g["address"] == i["address"]
        for label in LABEL_VIEWS[view].values():
            assert (g[label] or None) == w.get(label), (i["address"], label)
            conf = g[label + "_confidence"]
            if label in w:
                assert float(conf) == pytest.approx(w[label + "_confidence"], abs=2e-6)
            else:
                assert conf in ("", None)


def test_csv_output_and_errors(source: Path, tmp_path: Path, parser: Parser) -> None:
    out = tmp_path / "out.csv"
    summary = run(Job(source, out, progress=False))
    assert summary["rows_ok"] == 234 and summary["rows_error"] == 6 and not summary["already_complete"]
    rows = read_csv(out)
    assert list(rows[0])[:2] == ["id", "address"]
    assert list(rows[0])[2:] == [n for label in LABELS for n in (label, label + "_confidence")]
    check_rows(rows, good_inputs(source), parser)
    errors = [json.loads(x) for x in (tmp_path / "out.csv.errors.jsonl").read_text().splitlines()]
    reasons = sorted(e["reason"].split(":")[0].split(" is ")[0] for e in errors)
    assert reasons == ["address", "address", "address", "address", "malformed CSV line", "malformed CSV line"]
    assert sum("empty" in e["reason"] for e in errors) == 2 and sum("limit is 512" in e["reason"] for e in errors) == 2
    assert all(e.get("line") for e in errors if e["reason"].startswith("malformed"))


def test_jsonl_and_parquet(source: Path, tmp_path: Path, parser: Parser) -> None:
    inputs = good_inputs(source)[:50]
    jl = tmp_path / "in.jsonl"
    lines = [json.dumps(r) for r in inputs[:25]] + ["{not json", "[1, 2]", json.dumps({"id": "x"}),
                                                    json.dumps({"id": "y", "address": 7})]
    lines += [json.dumps(r) for r in inputs[25:]]
    jl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run(Job(jl, tmp_path / "out.jsonl", labels="libpostal", progress=False))
    got = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    check_rows(got, inputs, parser, "libpostal")
    errors = [json.loads(x) for x in (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()]
    assert [e.get("line") for e in errors] == [26, 27, 28, 29]
    assert [e["reason"].split(":")[0] for e in errors] == [
        "not JSON", "a JSON list, not an object", "no field 'address'", "address is int, not a string"]

    pq.write_table(pa.Table.from_pylist(inputs), tmp_path / "in.parquet")
    run(Job(tmp_path / "in.parquet", tmp_path / "out.parquet", progress=False))
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.schema.field("street_confidence").type == pa.float64()
    check_rows(table.to_pylist(), inputs, parser)


def test_resume_after_a_crash(source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "CHUNK_ROWS", 45)
    whole = tmp_path / "whole.csv"
    run(Job(source, whole, progress=False))

    out = tmp_path / "out.csv"
    real = bulk.parse_chunk
    calls = {"n": 0}

    def crash_on_third(texts: list[Any], first_row: int) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(texts, first_row)

    monkeypatch.setattr(bulk, "parse_chunk", crash_on_third)
    with pytest.raises(KeyboardInterrupt):
        run(Job(source, out, progress=False))
    cp = json.loads((tmp_path / "out.csv.progress.json").read_text())
    assert cp["chunks_done"] == 2 and not cp["complete"]
    with open(out, "ab") as fh:  # a chunk half-written when the process died
        fh.write(b'"999","half a ro')
    monkeypatch.setattr(bulk, "parse_chunk", real)
    summary = run(Job(source, out, progress=False))
    assert summary["resumed_from_row"] == cp["rows_done"] > 0
    assert out.read_bytes() == whole.read_bytes()
    assert (tmp_path / "out.csv.errors.jsonl").read_bytes() == (tmp_path / "whole.csv.errors.jsonl").read_bytes()
    again = run(Job(source, out, progress=False))
    assert again["already_complete"] and out.read_bytes() == whole.read_bytes()


def test_refuses_to_clobber(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("precious\n")
    with pytest.raises(BulkError, match="--overwrite"):
        run(Job(source, out, progress=False))
    run(Job(source, out, progress=False, overwrite=True))
    with pytest.raises(BulkError, match="another job"):
        run(Job(source, out, progress=False, arm="B"))
    with pytest.raises(BulkError, match="no column 'addr'"):
        run(Job(source, tmp_path / "o2.csv", column="addr", progress=False))
    clash = tmp_path / "clash.csv"
    clash.write_text("address,postcode\n10117 Berlin,10117\n")
    with pytest.raises(BulkError, match="--prefix"):
        run(Job(clash, tmp_path / "o3.csv", progress=False))
    run(Job(clash, tmp_path / "o3.csv", prefix="parsed_", progress=False))
    assert read_csv(tmp_path / "o3.csv")[0]["parsed_postcode"] == "10117"


def test_resolve_columns(tmp_path: Path, small_gazetteer: str) -> None:
    src = tmp_path / "in.csv"
    src.write_text('id,address\n1,"Arvada, CO 80002"\n2,"100 Main St, Boulder, CO"\n', encoding="utf-8")
    run(Job(src, tmp_path / "out.csv", resolve=True, database_url=small_gazetteer, progress=False))
    rows = read_csv(tmp_path / "out.csv")
    assert [(r["place_name"], r["place_country"]) for r in rows] == [("Arvada", "US"), ("Boulder", "US")]
    for r in rows:
        assert int(r["place_id"]) > 0 and 39 < float(r["place_lat"]) < 41 and -106 < float(r["place_lon"]) < -104
        assert r["place_match"] in ("exact", "alias", "postal", "postcode", "fuzzy") and 0 < float(r["place_score"]) <= 1
        assert r["place_level"] in ("address", "street", "postcode", "locality", "region", "country")


@pytest.mark.slow
def test_cli_two_workers(source: Path, tmp_path: Path) -> None:
    one = tmp_path / "one.csv"
    run(Job(source, one, progress=False))
    out = tmp_path / "two.csv"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADDRNET_")}
    proc = subprocess.run([sys.executable, "-m", "addrnet.cli", "parse", str(source), "--column", "address", "--out",
                           str(out), "--workers", "2", "--arm", "A"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["workers"] == 2 and summary["rows_ok"] == 234 and summary["rows_error"] == 6
    assert "rows/s" in proc.stderr  # the progress bar with its rate
    assert out.read_bytes() == one.read_bytes()
    bad = subprocess.run([sys.executable, "-m", "addrnet.cli", "parse", str(source), "--out", str(tmp_path / "x.txt")],
                         capture_output=True, text=True, env=env, cwd=ROOT)
    assert bad.returncode == 2 and "unknown format '.txt'" in bad.stderr
