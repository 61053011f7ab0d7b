"""Corpus 0.19.0: the ``v19`` source in place of ``v17`` (v17's kinds, 0.18.0's two new kinds broadened and twice as
often), usaddress a little more."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus_checks import assert_eval_text_out, labelled, source_examples, tiny_build
from training.corpus_build import SOURCE_MIX_V17, SOURCE_MIX_V19, mix_for
from training.corpus_v17 import KINDS as V17_KINDS
from training.corpus_v19 import KINDS, V19Synth

SIZE = 2000


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tiny_build(tmp_path_factory, "0.19.0", SIZE)


def test_mix() -> None:
    assert dict(mix_for("0.19.0")) == dict(SOURCE_MIX_V19)
    v17, v19 = dict(SOURCE_MIX_V17), dict(SOURCE_MIX_V19)
    assert v19.pop("v19") == 0.052 and v17.pop("v17") == 0.04
    assert v19.pop("usaddress") == pytest.approx(v17.pop("usaddress") + 0.004)
    for source in ("geonames", "faker"):
        assert v19.pop(source) == pytest.approx(v17.pop(source) - 0.008)
    assert v17 == v19 and sum(w for _, w in SOURCE_MIX_V19) == pytest.approx(1)
    assert dict(KINDS) == dict(V17_KINDS) | {"city_district": 0.6, "building": 0.6}
    assert 0.052 * 0.3 / sum(dict(KINDS).values()) == pytest.approx(0.04 * 0.3 / sum(dict(V17_KINDS).values()), rel=0.01)
    assert not {"Sai", "Al Moosa"} & set(V19Synth.building_names)


def test_v19_examples(built: tuple[Path, dict]) -> None:
    v19 = source_examples(*built, "0.19.0", SIZE, "v19")
    assert 0.03 * SIZE < len(v19) < 0.08 * SIZE
    kinds = {ex["record"].split("/")[1] for ex in v19}
    assert {"city_district", "building", "baltic"} <= kinds
    for ex in v19:
        labels = [lab for lab, _ in labelled(ex)]
        if ex["record"].split("/")[1] == "city_district":  # the district right before its city, no region
            between = labels[labels.index("suburb") + 1 : labels.index("locality")]
            assert set(between) <= {"postcode"} and "region" not in labels, ex


def test_eval_and_harness_text_stay_out(built: tuple[Path, dict]) -> None:
    """The eval exclusion on 0.19.0, whose arms were shipped at stages 7 and 8: no harness input, no eval point's street
    and city."""
    assert_eval_text_out(built[0])
