"""Corpus 0.13.0: the ``v13`` source in place of ``v12`` (v12's kinds, and a province written after the city)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.corpus_checks import labelled, source_examples, tiny_build
from training.corpus_build import SOURCE_MIX_V12, SOURCE_MIX_V13, mix_for
from training.corpus_v13 import provinces

SIZE = 3000


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tiny_build(tmp_path_factory, "0.13.0", SIZE)


def test_mix() -> None:
    assert dict(mix_for("0.13.0")) == dict(SOURCE_MIX_V13)
    v12, v13 = dict(SOURCE_MIX_V12), dict(SOURCE_MIX_V13)
    assert "v12" not in v13 and v13.pop("v13") == v12.pop("v12") and v12 == v13


def test_provinces() -> None:
    p = provinces()
    assert ("FI", "Firenze") in p["IT"] and ("MI", "Milano") in p["IT"] and all(len(c) == 2 for c, _ in p["IT"])
    assert ("B", "Barcelona") in p["ES"] and ("M", "Madrid") in p["ES"]


def test_v13_examples(built: tuple[Path, dict]) -> None:
    v13 = source_examples(*built, "0.13.0", SIZE, "v13")
    assert 0.005 * SIZE < len(v13) < 0.05 * SIZE
    kinds = {ex["record"].split("/")[1] for ex in v13}
    assert {"province", "district", "japan"} <= kinds
    for ex in v13:
        if ex["record"].split("/")[1] == "province":
            spans = labelled(ex)
            labels = [lab for lab, _ in spans]
            assert labels.index("region") == labels.index("locality") + 1, ex  # the province right after the city
            region = dict(spans)["region"]
            assert re.fullmatch(r"[A-Za-z]{2}|\([A-Za-z]{2}\)|\(.+\)", region), ex
