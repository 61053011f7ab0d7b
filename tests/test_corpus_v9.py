"""Corpus 0.9.0: the ``v9`` source (a direction after the street type; French streets named after a saint), 0.8.0's
mix otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus_checks import assert_mix_adds, labelled, source_examples, tiny_build
from training.corpus_build import SOURCE_MIX_V8, SOURCE_MIX_V9, is_v8, is_v9
from training.corpus_v9 import DIR_TOWN_WORDS, DIRECTIONS_EN, DIRECTIONS_FR

SIZE = 2500
DIRECTIONS = {w.lower() for forms in DIRECTIONS_EN + DIRECTIONS_FR for w in forms}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tiny_build(tmp_path_factory, "0.9.0", SIZE)


def test_version_gate_and_mix() -> None:
    assert is_v9("0.9.0") and not is_v9("0.8.9") and is_v8("0.9.0")
    assert_mix_adds(SOURCE_MIX_V8, SOURCE_MIX_V9, "v9")


def test_v9_directions_saints_and_their_contrasts(built: tuple[Path, dict]) -> None:
    """A direction after the street type ends the street; a town named "West ..." after a street is the locality;
    a saint's name ends a French street ("rue du Faubourg Saint-Honoré"), and a saint's town after it is a town."""
    v9 = source_examples(*built, "0.9.0", SIZE, "v9")
    assert 0.005 * SIZE < len(v9) < 0.05 * SIZE
    kinds = {"post_dir": 0, "dir_town": 0, "fr_saint": 0}
    for ex in v9:
        spans = labelled(ex)
        by = dict(spans)
        assert [lab for lab, _ in spans][:2] == ["house_number", "street"], ex
        street_last = by["street"].split()[-1].lower()
        first_of_town = by.get("locality", "").split(" ")[0]
        if street_last in DIRECTIONS and ex["country"] in ("US", "CA"):
            kinds["post_dir"] += 1
        elif first_of_town.title() in DIR_TOWN_WORDS:
            kinds["dir_town"] += 1
        if "saint" in by["street"].lower() or "st-" in by["street"].lower() or "ste-" in by["street"].lower():
            kinds["fr_saint"] += 1
            assert ex["country"] in ("FR", "BE", "CA"), ex
    assert all(n >= 3 for n in kinds.values()), kinds
