"""Corpus 0.11.0: the ``v11`` source (regions with their kind's word, numbered districts, Metro Manila, city +
region place queries abroad), 0.9.0's mix otherwise (0.10.0's ``v10`` left out)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus_checks import assert_mix_adds, labelled, source_examples, tiny_build
from training.corpus_build import SOURCE_MIX_V9, SOURCE_MIX_V11, is_v10, is_v11
from training.corpus_v11 import FORMS, subdivision_names

SIZE = 2500


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tiny_build(tmp_path_factory, "0.11.0", SIZE)


def test_version_gate_and_mix() -> None:
    assert is_v11("0.11.0") and not is_v11("0.10.9") and is_v10("0.11.0")
    assert_mix_adds(SOURCE_MIX_V9, SOURCE_MIX_V11, "v11")
    assert "v10" not in dict(SOURCE_MIX_V11)


def test_subdivision_names_of_every_form() -> None:
    names = subdivision_names(FORMS)
    assert set(names) == set(FORMS)
    assert "Hubei" in names["CN"] and "Kanagawa" in names["JP"] and "Jalisco" in names["MX"]
    assert not any(n.endswith(" Sheng") for n in names["CN"])


def test_v11_examples(built: tuple[Path, dict]) -> None:
    v11 = source_examples(*built, "0.11.0", SIZE, "v11")
    assert 0.005 * SIZE < len(v11) < 0.05 * SIZE
    kinds = {ex["record"].split("/")[1] for ex in v11}  # "v11/<kind>/<country>/..."
    assert {"region_kind", "city_region", "district", "manila"} <= kinds
    kinded = 0
    for ex in v11:
        spans = labelled(ex)
        labels = [lab for lab, _ in spans]
        if ex["record"].split("/")[1] == "district":
            assert labels.count("suburb") == 1, ex
        regions = [v for lab, v in spans if lab == "region"]
        kinded += any(w in r.casefold() for r in regions for w in ("province", "prefecture", "state", "megye",
                                                                  "estado de", "provincia de", "county"))
    assert kinded >= 5
