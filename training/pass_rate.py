"""Pelias parser test-case harness (evaluation only, never training data): the pass-rate recorded in
an arm's manifest at export. The matching rule is ``model.harness`` (the same code the eval suite uses).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from addrnet.settings import REPO_DATA_DIR
from model.harness import components_to_dict, harness_passes

DEFAULT_CASES = REPO_DATA_DIR / "harness" / "pelias_cases.jsonl"


def score_case(case: dict, components: Iterable[tuple[str, str]]) -> bool:
    """Does a parse ([(label, value), ...]) pass the case? (``model.harness`` holds the rule.)"""
    return harness_passes(case, components_to_dict(components))


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
