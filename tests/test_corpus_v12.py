"""Corpus 0.12.0: the ``v12`` source (cities with their postal district, plot and erf numbers, Mexican colonias and
short state names, Indian areas, states and PIN codes, Japanese addresses written whole), 0.11.0's mix otherwise."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.corpus_checks import assert_mix_adds, labelled, source_examples, tiny_build
from training.corpus_build import SOURCE_MIX_V11, SOURCE_MIX_V12, mix_for
from training.corpus_v12 import india_states

SIZE = 3000


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tiny_build(tmp_path_factory, "0.12.0", SIZE)


def test_version_gate_and_mix() -> None:
    assert dict(mix_for("0.12.0")) == dict(SOURCE_MIX_V12) and "v12" not in dict(mix_for("0.11.0"))
    assert_mix_adds(SOURCE_MIX_V11, SOURCE_MIX_V12, "v12")


def test_india_states() -> None:
    states = india_states()
    assert {"Karnataka", "Maharashtra", "Tamil Nadu"} <= set(states)


def test_v12_examples(built: tuple[Path, dict]) -> None:
    v12 = source_examples(*built, "0.12.0", SIZE, "v12")
    assert 0.005 * SIZE < len(v12) < 0.05 * SIZE
    kinds = {ex["record"].split("/")[1] for ex in v12}  # "v12/<kind>/<country>/..."
    assert {"district", "lot", "mexico", "india", "japan"} <= kinds
    for ex in v12:
        spans = dict(labelled(ex))
        kind = ex["record"].split("/")[1]
        if kind == "lot":
            assert re.match(r"(Plot|Erf|Stand|Lot|Blk|L\.R\.|No\.|H\.No\.|House)", spans["house_number"], re.I), ex
        elif kind in ("mexico", "india"):
            assert {"suburb", "locality", "region"} <= spans.keys(), ex
        elif kind == "japan":
            assert {"locality", "street", "house_number"} <= spans.keys(), ex
        elif kind == "district" and ex["country"] != "RO":
            assert re.search(r"\S\s+(\d+\.?|[IVX]+\.?|[A-ZØ]{1,2}|Cedex( \d+)?|\d+e|1er|6W|[IVX]+\. kerület)$",
                             spans["locality"], re.I), ex
