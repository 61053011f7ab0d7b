"""Corpus 0.16.0: the ``v16`` source in place of ``v15`` at twice its share (v15's kinds, its six new kinds twice as
often, Baltic streets, the postcode after the city as in Russia and Ukraine)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.corpus_checks import labelled, source_examples, tiny_build
from training.corpus_build import SOURCE_MIX_V15, SOURCE_MIX_V16, mix_for
from training.corpus_v15 import KINDS as V15_KINDS
from training.corpus_v16 import BALTIC, KINDS, NEW_IN_V15

SIZE = 3000


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tiny_build(tmp_path_factory, "0.16.0", SIZE)


def test_mix() -> None:
    assert dict(mix_for("0.16.0")) == dict(SOURCE_MIX_V16)
    v15, v16 = dict(SOURCE_MIX_V15), dict(SOURCE_MIX_V16)
    assert "v15" not in v16 and v16.pop("v16") == 2 * v15.pop("v15")
    for source in ("geonames", "faker", "intl", "short"):
        assert v16.pop(source) == pytest.approx(v15.pop(source) - 0.01)
    assert v15 == v16 and sum(w for _, w in SOURCE_MIX_V16) == pytest.approx(1)
    kinds, old = dict(KINDS), dict(V15_KINDS)
    assert all(kinds[k] == 2 * old[k] for k in NEW_IN_V15) and {"baltic", "cis"} <= set(kinds)


def test_v16_examples(built: tuple[Path, dict]) -> None:
    v16 = source_examples(*built, "0.16.0", SIZE, "v16")
    assert 0.04 * SIZE < len(v16) < 0.12 * SIZE
    kinds = {ex["record"].split("/")[1] for ex in v16}
    assert {"baltic", "cis", "phone", "post_box", "native_country"} <= kinds
    words = {w.lower() for _, types in BALTIC.values() for w in types}
    for ex in v16:
        spans = labelled(ex)
        labels = [lab for lab, _ in spans]
        if ex["record"].split("/")[1] == "baltic":
            assert dict(spans)["street"].split(" ")[-1].lower() in words, ex  # the type word ends the street
            assert re.fullmatch(r"\d+\S*( B)?", dict(spans)["house_number"]), ex
        elif ex["record"].split("/")[1] == "cis" and labels[:2] == ["street", "house_number"]:
            assert abs(labels.index("postcode") - labels.index("locality")) == 1, ex
