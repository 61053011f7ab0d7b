"""Golden parses of the shipped primary arm, one data file per country (pelias/parser style).

Each file holds inputs written for this suite (never taken from any public parser's test suite) with
the components a careful human would assign. A file passes when the shipped arm gets at least
``MIN_PASS`` of its cases exactly right; every miss is printed, so regressions are visible.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from model.normalize import collapse_whitespace
from model.tagger import Tagger

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.jsonl"))
MIN_PASS = 0.75


@pytest.fixture(scope="module")
def shipped() -> Tagger:
    return Tagger.load(ROOT / "artifacts" / "arms" / "A")


def as_map(components: list[tuple[str, str]]) -> dict[str, object]:
    out: dict[str, list[str]] = {}
    for label, value in components:
        out.setdefault(label, []).append(collapse_whitespace(value))
    return {k: v[0] if len(v) == 1 else v for k, v in out.items()}


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_file(shipped: Tagger, path: Path) -> None:
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = shipped.parse_batch([c["input"] for c in cases])
    misses = []
    for case, result in zip(cases, results, strict=True):
        got = as_map([(c.label, c.value) for c in result.components])
        if got != case["expected"]:
            misses.append(f"{case['input']!r}: expected {case['expected']} got {got}")
    rate = 1 - len(misses) / len(cases)
    assert rate >= MIN_PASS, f"{path.name}: {rate:.0%} pass\n" + "\n".join(misses)
