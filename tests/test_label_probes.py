"""The label probes' data files (``results/experiments/*_probe/cases.json``, run by ``bench.label_probe``): each loads,
says what it is, and asks only for the API's labels, each text once."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.label_probe import load, main
from model.labels import LABELS

FOLDERS = sorted(p.parent for p in (Path(__file__).resolve().parents[1] / "results" / "experiments").glob("*_probe/cases.json"))


def test_there_are_probes() -> None:
    assert len(FOLDERS) >= 13


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_probe_cases(folder: Path) -> None:
    import json

    assert json.loads((folder / "cases.json").read_text(encoding="utf-8"))["about"].strip()
    cases = load(folder)
    texts = [text for text, _ in cases]
    assert cases and len(texts) == len(set(texts))
    for text, want in cases:
        assert text.strip() and want and set(want) <= set(LABELS), text


def test_the_command_line_asks_for_a_probe_folder() -> None:
    assert main([]) == 2
