"""Eval inputs: the OA points and their seeded renderings, the pelias harness, the corpus test split."""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMATS = ("full", "no_postcode", "no_region", "lowercase", "no_commas", "postcode_for_city")
# how clients type an address; the resolver runner scores every eval point in each of these (paired)
CLIENT_FORMATS = ("full", "no_postcode", "lowercase_no_commas", "number_street_postcode")
ALL_FORMATS = FORMATS + CLIENT_FORMATS[2:]
DEFAULT_SEED = 20240601


def eval_points_path(source_data_dir: Path) -> Path:
    return Path(source_data_dir) / "oa" / "eval_points.csv"


def harness_path(source_data_dir: Path) -> Path:
    return Path(source_data_dir) / "harness" / "pelias_cases.jsonl"


def _require(path: Path, what: str) -> Path:
    if not Path(path).is_file():
        raise FileNotFoundError(f"{what} not found: {path}")
    return Path(path)


@dataclass
class Rendering:
    """One OA point rendered as an address string, with the truth taken from the OA row."""

    id: str
    format: str
    text: str
    components: list[tuple[str, str]]  # gold (label, value) in order, as rendered
    city: str
    region: str
    lat: float
    lon: float
    row: dict[str, str] = field(default_factory=dict, repr=False)


def _unit(raw: str) -> str:
    raw = " ".join(raw.split())
    if not raw:
        return ""
    return raw if raw.startswith("#") or not raw[0].isalnum() else f"Unit {raw}"


def render(row: Mapping[str, str], fmt: str) -> tuple[str, list[tuple[str, str]]]:
    """Render an OA row in one of ``FORMATS``; returns the text and its gold components in order."""
    if fmt not in ALL_FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    number, street = " ".join(row["NUMBER"].split()), " ".join(row["STREET"].split())
    unit, city = _unit(row.get("UNIT", "")), " ".join(row["CITY"].split())
    region, postcode = row["REGION"].strip(), row["POSTCODE"].strip()
    line1: list[tuple[str, str]] = [("house_number", number), ("street", street)]
    if unit:
        line1.append(("unit", unit))
    first = " ".join(v for _, v in line1)
    groups: list[list[tuple[str, str]]]  # comma-separated groups
    if fmt == "no_postcode":
        groups = [[("locality", city)], [("region", region)]]
    elif fmt == "no_region":
        groups = [[("locality", city), ("postcode", postcode)]]
    elif fmt == "postcode_for_city":
        groups = [[("region", region), ("postcode", postcode)]]
    elif fmt == "number_street_postcode":
        groups = [[("postcode", postcode)]]
    else:
        groups = [[("locality", city)], [("region", region), ("postcode", postcode)]]
    groups = [[(lab, v) for lab, v in g if v] for g in groups]
    groups = [g for g in groups if g]
    sep = " " if fmt in ("no_commas", "lowercase_no_commas") else ", "
    text = sep.join([first] + [" ".join(v for _, v in g) for g in groups])
    comps = line1 + [c for g in groups for c in g]
    if fmt in ("lowercase", "lowercase_no_commas"):
        text = text.lower()
        comps = [(lab, v.lower()) for lab, v in comps]
    return text, comps


def load_renderings(path: Path, seed: int = DEFAULT_SEED, limit: int | None = None,
                    every: Sequence[str] | None = None) -> tuple[list[Rendering], dict[str, int]]:
    """Read the OA points, drop rows without CITY (no locality truth), then a seeded permutation:
    the i-th point of the permutation gets ``FORMATS[i % 6]`` (a balanced, fixed mix), or, with
    ``every``, one rendering in each of those formats (paired across formats); ``limit`` keeps the first
    N points of the permutation. Returns renderings and excluded counts by reason."""
    with open(_require(path, "eval points"), newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    excluded = {"no_city": 0, "no_coordinates": 0}
    keep = []
    for row in rows:
        if not row.get("CITY", "").strip():
            excluded["no_city"] += 1
        elif not row.get("LAT") or not row.get("LON"):
            excluded["no_coordinates"] += 1
        else:
            keep.append(row)
    order = list(range(len(keep)))
    random.Random(seed).shuffle(order)
    if limit is not None:
        order = order[:limit]
    out = []
    for i, idx in enumerate(order):
        row = keep[idx]
        for fmt in every or (FORMATS[i % len(FORMATS)],):
            text, comps = render(row, fmt)
            out.append(Rendering(id=row.get("ID") or str(idx), format=fmt, text=text, components=comps,
                                 city=row["CITY"].strip(), region=row["REGION"].strip(),
                                 lat=float(row["LAT"]), lon=float(row["LON"]), row=row))
    return out, excluded


def load_harness(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Harness cases in file order; ``limit`` keeps the first N."""
    cases = []
    with open(_require(path, "harness cases"), encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                cases.append(json.loads(line))
    return cases[:limit] if limit is not None else cases


def resolve_corpus_test(corpus: str | Path | None, corpus_version: str | None) -> Path:
    """``--corpus`` may name a test.jsonl, a corpus folder, or nothing: then ``corpus/<version>/``
    with the version from the arm's manifest."""
    if corpus is None:
        if not corpus_version:
            raise FileNotFoundError("no --corpus given and the arm manifest has no corpus_version")
        corpus = Path("corpus") / str(corpus_version)
    path = Path(corpus)
    if path.is_dir():
        path = path / "test.jsonl"
    return _require(path, "corpus test split")


def load_corpus_sample(path: Path, sample: int, seed: int = DEFAULT_SEED, limit: int | None = None) -> list[dict[str, Any]]:
    """A seeded sample of ``sample`` records of the test split (all when fewer), in file order."""
    with open(_require(path, "corpus test split"), encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    if sample and len(records) > sample:
        idx = sorted(random.Random(seed).sample(range(len(records)), sample))
        records = [records[i] for i in idx]
    return records[:limit] if limit is not None else records
