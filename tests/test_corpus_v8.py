"""Corpus 0.8.0: the ``v8`` source (US and Canadian units written with a designator alone), 0.7.0's mix otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus_checks import assert_mix_adds, labelled, source_examples, tiny_build
from training.corpus_build import SOURCE_MIX_V7, SOURCE_MIX_V8, is_v7, is_v8
from training.corpus_v8 import DESIGNATORS, SHORT_PREFIX

SIZE = 2500
WORDS = {w.lower() for forms in DESIGNATORS for w in forms}
SHORT = {w.lower() for forms in SHORT_PREFIX.values() for w in forms}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tiny_build(tmp_path_factory, "0.8.0", SIZE)


def test_version_gate_and_mix() -> None:
    assert is_v8("0.8.0") and not is_v8("0.7.9") and is_v7("0.8.0")
    assert_mix_adds(SOURCE_MIX_V7, SOURCE_MIX_V8, "v8")


def test_v8_examples_end_the_street_line_with_a_designator_unit_or_a_short_town(built: tuple[Path, dict]) -> None:
    """A designator alone after the street is a unit; a town written "St ..", "Ft .." after it is not (the contrast)."""
    v8 = source_examples(*built, "0.8.0", SIZE, "v8")
    assert 0.005 * SIZE < len(v8) < 0.05 * SIZE
    seen, short = set(), 0
    for ex in v8:
        spans = labelled(ex)
        labels = [lab for lab, _ in spans]
        assert ex["country"] in ("US", "CA") and labels[:2] == ["house_number", "street"], ex
        if labels[2] == "unit":
            unit = dict(spans)["unit"]
            assert unit.lower() in WORDS, ex
            seen.add(unit.lower())
        else:
            assert labels[2] == "locality" and "unit" not in labels, ex
            short += dict(spans)["locality"].split(" ")[0].lower() in SHORT
    assert len(seen) >= 6  # most designators, not one word
    assert short >= 3

