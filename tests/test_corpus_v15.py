"""Corpus 0.15.0: the ``v15`` source in place of ``v14`` (v14's kinds, post boxes twice as often, phone numbers,
postcodes with their word, country letters before the postcode, Hong Kong floors, Canada Post's French form, Irish
counties)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from tests.corpus_checks import labelled, source_examples, tiny_build
from training.corpus_build import SOURCE_MIX_V14, SOURCE_MIX_V15, mix_for
from training.corpus_v15 import KINDS, eircode, phone_number

SIZE = 3000


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tiny_build(tmp_path_factory, "0.15.0", SIZE)


def test_mix() -> None:
    assert dict(mix_for("0.15.0")) == dict(SOURCE_MIX_V15)
    v14, v15 = dict(SOURCE_MIX_V14), dict(SOURCE_MIX_V15)
    assert "v14" not in v15 and v15.pop("v15") == 0.04 and v14.pop("v14") == 0.03
    for source in ("geonames", "faker"):
        assert v15.pop(source) == pytest.approx(v14.pop(source) - 0.005)
    assert v14 == v15 and sum(w for _, w in SOURCE_MIX_V15) == pytest.approx(1)
    assert dict(KINDS)["post_box"] == 0.6


def test_shapes() -> None:
    rng = random.Random(5)
    for _ in range(50):
        assert re.fullmatch(r"[ACDEFHKNPRTVWXY]\d\d [ACDEFHKNPRTVWXY\d]{4}", eircode(rng))
        assert sum(ch.isdigit() for ch in phone_number(rng)) >= 8


@pytest.mark.parametrize(("kind", "check"), [
    ("phone", lambda ex, spans: all(not re.search(r"\d{3}[ -]\d{4}$", v) for _, v in spans if _ != "postcode")),
    ("postcode_word", lambda ex, spans: re.match(r"\D", dict(spans).get("postcode", "x")) is not None),
    ("country_letters", lambda ex, spans: re.match(r"[A-Za-z]{1,3}-", dict(spans).get("postcode", "x-")) is not None),
    ("hk_floor", lambda ex, spans: "level" in dict(spans) and "street" in dict(spans)),
    ("quebec", lambda ex, spans: re.fullmatch(r"\(.+\)", dict(spans)["region"]) is not None),
    ("ireland", lambda ex, spans: "county" in dict(spans) and "locality" in dict(spans)),
])  # fmt: skip
def test_v15_kinds(built: tuple[Path, dict], kind: str, check: object) -> None:
    v15 = [ex for ex in source_examples(*built, "0.15.0", SIZE, "v15") if ex["record"].split("/")[1] == kind]
    assert v15, kind
    for ex in v15:
        assert check(ex, labelled(ex)), ex  # type: ignore[operator]


def test_phone_numbers_are_unlabelled(built: tuple[Path, dict]) -> None:
    v15 = [ex for ex in source_examples(*built, "0.15.0", SIZE, "v15") if ex["record"].split("/")[1] == "phone"]
    for ex in v15:
        covered = sum(e - s for _, s, e in ex["spans"])
        assert covered < len(ex["text"]) - 8, ex  # the phone number lies outside every span
