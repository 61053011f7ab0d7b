"""Corpus 0.5.0: the ``v5`` source, floors as ``level`` in usaddress rows, 0.4.0 left as it was."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.corpus_checks import generator_parts, labelled, source_examples, tiny_build
from training.corpus import read_split
from training.corpus_build import SOURCE_MIX_V4, SOURCE_MIX_V5, is_v4, is_v5
from training.corpus_render import check_example
from training.corpus_v5 import V5_KINDS, split_floors

SIZE = 2500



@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tiny_build(tmp_path_factory, "0.5.0", SIZE)


def test_version_gate_and_mix() -> None:
    assert is_v5("0.5.0") and is_v5("0.10.0") and not is_v5("0.4.9") and is_v4("0.5.0")
    assert abs(sum(w for _, w in SOURCE_MIX_V5) - 1.0) < 1e-9
    assert abs(sum(w for _, w in V5_KINDS) - 1.0) < 1e-9
    v4, v5 = dict(SOURCE_MIX_V4), dict(SOURCE_MIX_V5)
    for s in ("oa", "usaddress", "suburb", "county", "faker", "intl", "short"):  # the real-text sources keep theirs
        assert v5[s] == v4[s], s
    assert "v5" in v5 and "v5" not in v4


def test_v5_examples_follow_the_contract(built: tuple[Path, dict]) -> None:
    v5 = source_examples(*built, "0.5.0", SIZE, "v5")
    assert 0.03 * SIZE < len(v5) < 0.1 * SIZE
    kinds = {ex["record"].split("/")[1] for ex in v5}
    assert kinds == {k for k, _ in V5_KINDS}
    junk = [ex for ex in v5 if ex["record"].split("/")[1] == "junk"]
    assert junk and all(ex["spans"] == [] for ex in junk)
    regions = [ex for ex in v5 if ex["record"].split("/")[1] == "street_region"]
    for ex in regions:  # a street and its region (when the place has one), never a locality
        labels = [lab for lab, _ in labelled(ex)]
        assert "street" in labels and "locality" not in labels, ex
    assert sum("region" in [lab for lab, _ in labelled(ex)] for ex in regions) > 0.9 * len(regions)


def test_floors_are_levels_in_usaddress_rows(built: tuple[Path, dict]) -> None:
    out, _ = built
    rows = [ex for split in ("train", "real_test", "real_calib") for ex in read_split(out, split)
            if ex["source"] == "usaddress"]
    units = [v for ex in rows for lab, v in labelled(ex) if lab == "unit"]
    assert not [u for u in units if "floor" in u.lower().split()], units


@pytest.mark.parametrize(("pieces", "want"), [
    ([("dept 528 4th floor", "unit", " ")], [("dept 528", "unit", " "), ("4th floor", "level", " ")]),
    ([("2nd Floor", "unit", ", ")], [("2nd Floor", "level", ", ")]),
    ([("Bld A FLR 3 STE 222", "unit", " ")],
     [("Bld A", "unit", " "), ("FLR 3", "level", " "), ("STE 222", "unit", " ")]),
    ([("Floor 4", "unit", " ")], [("Floor 4", "level", " ")]),
    ([("Suite 400", "unit", " ")], [("Suite 400", "unit", " ")]),
    ([("Flower St", "street", " ")], [("Flower St", "street", " ")]),  # only unit pieces are read
    ([("Fleet 3", "unit", " ")], [("Fleet 3", "unit", " ")]),
])
def test_split_floors(pieces: list, want: list) -> None:
    assert split_floors(pieces) == want


def test_kinds_have_their_shape() -> None:
    from training.corpus_v4 import V4Synth
    from training.corpus_v5 import V5Synth

    src, synth, world = generator_parts()
    v5 = V5Synth(V4Synth(src, world, synth, people={}))
    rng = random.Random(3)
    seen: dict[str, int] = {}
    rejected = 0
    for _ in range(600):
        text, spans, mix, a, kind = v5.example(rng)
        if check_example(text, spans):  # the builder drops these (a stray mark glued to the last word)
            rejected += 1
            continue
        seen[kind] = seen.get(kind, 0) + 1
        got = {lab: text[s:e] for lab, s, e in spans}
        if kind == "country_tail":
            assert list(got)[-1] == "country" and ("locality" in got or "region" in got), (text, spans)
        if kind == "house_prefix" and "house_number" in got:
            assert not got["house_number"].isdigit(), (text, spans)  # the prefix is part of the number
        if kind == "person_street":
            assert "street" in got and len(got["street"].split()) >= 2, (text, spans)
    assert set(seen) == {k for k, _ in V5_KINDS} and rejected < 30
