"""Corpus 0.17.0: the ``v17`` source in place of ``v15`` at its share (v15's kinds, and 0.16.0's Baltic streets and
postcode after the city)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus_checks import source_examples, tiny_build
from training.corpus_build import SOURCE_MIX_V15, SOURCE_MIX_V17, mix_for
from training.corpus_v15 import KINDS as V15_KINDS
from training.corpus_v17 import KINDS

SIZE = 2000


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tiny_build(tmp_path_factory, "0.17.0", SIZE)


def test_mix() -> None:
    assert dict(mix_for("0.17.0")) == dict(SOURCE_MIX_V17)
    v15, v17 = dict(SOURCE_MIX_V15), dict(SOURCE_MIX_V17)
    assert v17.pop("v17") == v15.pop("v15") and v15 == v17
    assert dict(KINDS) == dict(V15_KINDS) | {"baltic": 0.3, "cis": 0.3}


def test_v17_examples(built: tuple[Path, dict]) -> None:
    v17 = source_examples(*built, "0.17.0", SIZE, "v17")
    assert 0.02 * SIZE < len(v17) < 0.07 * SIZE
    assert {ex["record"].split("/")[0] for ex in v17} == {"v17"}
    kinds = {ex["record"].split("/")[1] for ex in v17}
    assert {"baltic", "phone", "post_box"} <= kinds
