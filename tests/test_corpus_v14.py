"""Corpus 0.14.0: the ``v14`` source in place of ``v13`` (v13's kinds, countries named in their own languages, post
boxes in local words)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.corpus_checks import labelled, source_examples, tiny_build
from training.corpus_build import SOURCE_MIX_V13, SOURCE_MIX_V14, mix_for
from training.corpus_v14 import POST_BOX_WORDS, box_number, native_country_names

SIZE = 3000


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tiny_build(tmp_path_factory, "0.14.0", SIZE)


def test_mix() -> None:
    assert dict(mix_for("0.14.0")) == dict(SOURCE_MIX_V14)
    v13, v14 = dict(SOURCE_MIX_V13), dict(SOURCE_MIX_V14)
    assert "v13" not in v14 and v14.pop("v14") == 0.03 and v13.pop("v13") == 0.02
    for source in ("geonames", "faker"):
        assert v14.pop(source) == pytest.approx(v13.pop(source) - 0.005)
    assert v13 == v14 and sum(w for _, w in SOURCE_MIX_V14) == pytest.approx(1)


@pytest.mark.parametrize("cc, name", [("SI", "Slovenija"), ("UA", "Україна"), ("HR", "Hrvatska"), ("LT", "Lietuva"),
                                      ("RS", "Srbija"), ("RS", "Србија"), ("DE", "Deutschland"), ("GR", "Ελλάδα")])
def test_native_country_names(cc: str, name: str) -> None:
    assert name in native_country_names()[cc]


def test_native_country_names_leave_out_english_and_commas() -> None:
    names = native_country_names()
    assert "US" not in names or "United States" not in names["US"]
    assert all(not set(",،，") & set(n) for ns in names.values() for n in ns)


@pytest.mark.parametrize("fmt, pattern", [("Postfach {g}", r"Postfach \d\d?( \d\d)+"), ("Postbus {n}", r"Postbus \d+"),
                                          ("а/я {n}", r"а/я \d+"), ("Postfach", r"Postfach")])
def test_box_number(fmt: str, pattern: str) -> None:
    import re

    rng = random.Random(3)
    for _ in range(50):
        assert re.fullmatch(pattern, box_number(rng, fmt))
    assert all("{" not in f or "{n}" in f or "{g}" in f for fs in POST_BOX_WORDS.values() for f in fs)


def test_v14_examples(built: tuple[Path, dict]) -> None:
    v14 = source_examples(*built, "0.14.0", SIZE, "v14")
    assert 0.01 * SIZE < len(v14) < 0.06 * SIZE
    kinds = {ex["record"].split("/")[1] for ex in v14}
    assert {"native_country", "post_box", "province", "district"} <= kinds
    native = native_country_names()
    for ex in v14:
        kind, cc = ex["record"].split("/")[1], ex["country"]
        spans = dict(labelled(ex))
        if kind == "native_country":
            assert spans["country"].lower() in {n.lower() for n in native[cc]}, ex
            assert labelled(ex)[-1][0] == "country", ex  # the country last
        elif kind == "post_box":
            assert labelled(ex)[0][0] == "po_box" and "locality" in spans, ex

