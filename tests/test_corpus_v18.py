"""Corpus 0.18.0: the ``v18`` source in place of ``v17`` (v17's kinds, a district before a city named like its region,
a building's name between the flat and the street)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus_checks import assert_mix_succeeds, labelled, source_examples, tiny_build
from training.corpus_build import SOURCE_MIX_V17, SOURCE_MIX_V18, mix_for
from training.corpus_v17 import KINDS as V17_KINDS
from training.corpus_v18 import KINDS

SIZE = 2000


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tiny_build(tmp_path_factory, "0.18.0", SIZE)


def test_mix() -> None:
    assert dict(mix_for("0.18.0")) == dict(SOURCE_MIX_V18)
    assert dict(KINDS) == dict(V17_KINDS) | {"city_district": 0.3, "building": 0.3}
    assert_mix_succeeds(SOURCE_MIX_V17, SOURCE_MIX_V18, ("v17", "v18"), (0.04, 0.046), 0.003, (V17_KINDS, KINDS))


def test_v18_examples(built: tuple[Path, dict]) -> None:
    v18 = source_examples(*built, "0.18.0", SIZE, "v18")
    assert 0.02 * SIZE < len(v18) < 0.08 * SIZE
    kinds = {ex["record"].split("/")[1] for ex in v18}
    assert {"city_district", "building", "baltic", "post_box"} <= kinds
    for ex in v18:
        labels = [lab for lab, _ in labelled(ex)]
        kind = ex["record"].split("/")[1]
        if kind == "city_district":  # the district comes right before its city (a postcode may sit between)
            assert "suburb" in labels and "locality" in labels and "region" not in labels, ex
            between = labels[labels.index("suburb") + 1 : labels.index("locality")]
            assert set(between) <= {"postcode"}, ex
        elif kind == "building":  # the building's name comes before the street, after any flat or floor
            assert labels.index("venue") < labels.index("street"), ex
            assert set(labels[: labels.index("venue")]) <= {"unit", "level"}, ex
