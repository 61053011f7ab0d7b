"""Corpus 0.7.0: the ``v7`` source (Korean road-name addresses, big to small), 0.6.0's mix left as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.corpus_checks import assert_mix_adds, labelled, source_examples, tiny_build
from training.corpus_build import SOURCE_MIX_V6, SOURCE_MIX_V7, is_v6, is_v7

SIZE = 2500
HANGUL = re.compile("[\uac00-\ud7a3]")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tiny_build(tmp_path_factory, "0.7.0", SIZE)


def test_version_gate_and_mix() -> None:
    assert is_v7("0.7.0") and not is_v7("0.6.9") and is_v6("0.7.0")
    assert_mix_adds(SOURCE_MIX_V6, SOURCE_MIX_V7, "v7")


def test_v7_examples_are_korean_big_to_small(built: tuple[Path, dict]) -> None:
    v7 = source_examples(*built, "0.7.0", SIZE, "v7")
    assert 0.005 * SIZE < len(v7) < 0.05 * SIZE
    for ex in v7:
        spans = labelled(ex)
        labels = [lab for lab, _ in spans]
        assert ex["country"] == "KR" and {"locality", "street", "house_number"} <= set(labels), ex
        # the place before the road, the road before its building number
        assert labels.index("locality") < labels.index("street") == labels.index("house_number") - 1, ex
        street = dict(spans)["street"]
        assert HANGUL.search(street) and street[-1] in "로길리가", ex
        assert re.fullmatch(r"(지하)?\d+(-\d+)?", dict(spans)["house_number"]), ex
        for lab, value in spans:  # a district (구) is a suburb, a province (도) a region
            if lab == "suburb":
                assert value.endswith("구"), ex
            if lab == "region":
                assert value.endswith("도"), ex
