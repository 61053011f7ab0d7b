"""Corpus 0.6.0: the ``v6`` source (local flat, floor and staircase words), 0.5.0 left as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.corpus_checks import assert_mix_adds, labelled, source_examples, tiny_build
from training.corpus_build import SOURCE_MIX_V5, SOURCE_MIX_V6, is_v5, is_v6
from training.corpus_v6 import LOCAL_UNITS

SIZE = 2500


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tiny_build(tmp_path_factory, "0.6.0", SIZE)


def test_version_gate_and_mix() -> None:
    assert is_v6("0.6.0") and not is_v6("0.5.9") and is_v5("0.6.0")
    assert_mix_adds(SOURCE_MIX_V5, SOURCE_MIX_V6, "v6")


def _pattern(form: str) -> str:
    return re.escape(form).replace(r"\{n\}", r"\d+").replace(r"\{L\}", "[A-H]")


UNIT_WORDS = re.compile("|".join(f"(?:{_pattern(f)})" for forms in LOCAL_UNITS.values() for fs in forms.values()
                                 for f in fs), re.IGNORECASE)


def test_v6_examples_carry_local_units(built: tuple[Path, dict]) -> None:
    v6 = source_examples(*built, "0.6.0", SIZE, "v6")
    assert 0.02 * SIZE < len(v6) < 0.09 * SIZE
    for ex in v6:  # a street, its number and a locality, and at least one floor or flat written in a local form
        spans = labelled(ex)
        labels = [lab for lab, _ in spans]
        assert {"street", "house_number", "locality"} <= set(labels), ex
        units = [value for lab, value in spans if lab in ("unit", "level")]
        assert units and all(UNIT_WORDS.fullmatch(v) for v in units), ex
