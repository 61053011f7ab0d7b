"""Golden parses of the shipped primary arm: one test per case, one data file per country (usaddress /
pelias/parser style).

Each file under ``tests/golden/`` holds inputs written for this suite (never taken from any public
parser's test suite) with the components a careful human would assign (a list where a label repeats,
e.g. the two streets of an intersection). Every case must parse exactly right, except a case carrying
``known_miss`` (the reason), which is a strict xfail: it is reported, and it fails the suite once it passes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from model.normalize import collapse_whitespace
from model.tagger import Tagger

ROOT = Path(__file__).resolve().parents[1]
GOLDEN_DIR = Path(__file__).parent / "golden"


def load_cases() -> list[Any]:
    params = []
    for path in sorted(GOLDEN_DIR.glob("*.jsonl")):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                case = json.loads(line)
                # a known miss stays visible: it must fail (strict xfail), so a fix shows up as XPASS
                marks = [pytest.mark.xfail(reason=case["known_miss"], strict=True)] if case.get("known_miss") else []
                params.append(pytest.param(case, id=f"{path.stem}-{i + 1}", marks=marks))
    return params


CASES = load_cases()


@pytest.fixture(scope="module")
def shipped() -> Tagger:
    return Tagger.load(ROOT / "artifacts" / "arms" / "A")


def as_map(components: list[tuple[str, str]]) -> dict[str, object]:
    out: dict[str, list[str]] = {}
    for label, value in components:
        out.setdefault(label, []).append(collapse_whitespace(value))
    return {k: v[0] if len(v) == 1 else v for k, v in out.items()}


def test_every_country_file_has_cases() -> None:
    files = sorted(GOLDEN_DIR.glob("*.jsonl"))
    assert len(files) >= 5 and len(CASES) >= len(files)


@pytest.mark.parametrize("case", CASES)
def test_golden_case(shipped: Tagger, case: dict[str, Any]) -> None:
    result = shipped.parse(case["input"])
    for c in result.components:
        assert c.value == result.text[c.start : c.end]
    got = as_map([(c.label, c.value) for c in result.components])
    assert got == case["expected"], f"{case['input']!r}"


LINE_CASES = [c for c in CASES if ", " in c.values[0]["input"] and not c.values[0].get("known_miss")]


@pytest.mark.parametrize("case", LINE_CASES)
def test_golden_case_on_lines(shipped: Tagger, case: dict[str, Any]) -> None:
    """The same address written on lines (each ", " a line break) parses as the one-line form does."""
    text = case["input"].replace(", ", "\n")
    result = shipped.parse(text)
    assert as_map([(c.label, c.value) for c in result.components]) == case["expected"], f"{text!r}"
