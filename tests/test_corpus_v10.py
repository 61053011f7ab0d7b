"""Corpus 0.10.0: the ``v10`` source (a business's name before its address), 0.9.0's mix otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus_checks import assert_mix_adds, labelled, source_examples, tiny_build
from training.corpus_build import SOURCE_MIX_V9, SOURCE_MIX_V10, is_v9, is_v10
from training.corpus_v10 import LOCALES, companies

SIZE = 2500


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tiny_build(tmp_path_factory, "0.10.0", SIZE)


def test_version_gate_and_mix() -> None:
    assert is_v10("0.10.0") and not is_v10("0.9.9") and is_v9("0.10.0")
    assert_mix_adds(SOURCE_MIX_V9, SOURCE_MIX_V10, "v10")


def test_company_names_are_one_line_and_seeded() -> None:
    first, again = companies(["de_DE", "sv_SE"], 20), companies(["de_DE", "sv_SE"], 20)
    assert first == again and all(len(v) == 20 for v in first.values())
    assert all("\n" not in n and 0 < len(n) <= 60 for v in first.values() for n in v)
    assert not any(loc.startswith("en_") for loc in LOCALES)  # usaddress's Recipient convention for English firms


def test_v10_examples_lead_with_the_venue(built: tuple[Path, dict]) -> None:
    v10 = source_examples(*built, "0.10.0", SIZE, "v10")
    assert 0.005 * SIZE < len(v10) < 0.05 * SIZE
    countries = set()
    for ex in v10:
        spans = labelled(ex)
        assert spans[0][0] == "venue" and ex["text"].lstrip().startswith(spans[0][1]), ex
        assert len(spans) >= 2, ex
        countries.add(ex["country"])
    assert "US" not in countries and len(countries) >= 8
