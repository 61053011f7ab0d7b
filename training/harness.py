"""Pelias parser test-case harness (evaluation only, never training data).

A case passes when the parsed components equal the expected ones exactly: pelias labels are mapped
through ``model.labels.PELIAS_TO_ADDRNET`` (an unmapped label can never be matched), values are
compared after NFC normalization and whitespace collapse, and a label that occurs several times is a
list of its values in order. ``mode == "all_solutions"`` passes when any of ``all_solutions`` matches;
otherwise ``expected`` is the one solution.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from model.labels import PELIAS_TO_ADDRNET
from model.normalize import collapse_whitespace, normalize

DEFAULT_CASES = Path("../shared/data/harness/pelias_cases.jsonl")

Solution = dict[str, Any]  # label -> value | [values]


def _value(v: str) -> str:
    return collapse_whitespace(normalize(str(v)))


def solution_from_pairs(pairs: Iterable[tuple[str, str]], pelias: bool = False) -> Solution:
    out: dict[str, Any] = {}
    for label, value in pairs:
        if pelias:
            label = PELIAS_TO_ADDRNET.get(label, f"pelias:{label}")
        value = _value(value)
        if label in out:
            prev = out[label]
            out[label] = [*prev, value] if isinstance(prev, list) else [prev, value]
        else:
            out[label] = value
    return out


def expected_solutions(case: dict) -> list[Solution]:
    if case.get("mode") == "all_solutions" and case.get("all_solutions"):
        return [solution_from_pairs(((lab, val) for lab, val in sol), pelias=True) for sol in case["all_solutions"]]
    pairs: list[tuple[str, str]] = []
    for label, value in case["expected"].items():
        values = value if isinstance(value, list) else [value]
        pairs.extend((label, v) for v in values)
    return [solution_from_pairs(pairs, pelias=True)]


def score_case(case: dict, components: Iterable[tuple[str, str]]) -> bool:
    got = solution_from_pairs(components)
    return any(got == sol for sol in expected_solutions(case))


def load_cases(path: str | Path = DEFAULT_CASES) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run_harness(tagger: Any, path: str | Path = DEFAULT_CASES, batch_size: int = 64) -> dict[str, Any]:
    """Parse every case with ``tagger.parse_batch`` -> {"pass_rate", "passed", "total", "cases_file"}."""
    cases = load_cases(path)
    passed = 0
    for b0 in range(0, len(cases), batch_size):
        part = cases[b0 : b0 + batch_size]
        results = tagger.parse_batch([c["input"] for c in part])
        for case, res in zip(part, results, strict=True):
            passed += score_case(case, [(c.label, c.value) for c in res.components])
    return {"pass_rate": passed / len(cases) if cases else 0.0, "passed": passed, "total": len(cases),
            "cases_file": str(path)}
