"""Corpus 0.21.0: the ``v21`` source in place of ``v20`` (v20's kinds, and addresses written in Arabic script)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.corpus_checks import (
    assert_eval_text_out,
    assert_mix_succeeds,
    labelled,
    source_examples,
    tiny_build,
)
from training.corpus_build import SOURCE_MIX_V20, SOURCE_MIX_V21, mix_for
from training.corpus_v20 import KINDS as V20_KINDS
from training.corpus_v21 import COUNTRIES, KINDS, PROBE_WORDS, arabic_script_towns, country_names, given_names

SIZE = 3000
ROOT = Path(__file__).resolve().parents[1]
ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tiny_build(tmp_path_factory, "0.21.0", SIZE)


def test_mix() -> None:
    assert dict(mix_for("0.21.0")) == dict(SOURCE_MIX_V21)
    assert dict(KINDS) == dict(V20_KINDS) | {"arabic_script": 1.2}
    assert_mix_succeeds(SOURCE_MIX_V20, SOURCE_MIX_V21, ("v20", "v21"), (0.06, 0.072), 0.006, (V20_KINDS, KINDS))


def test_sources() -> None:
    towns = arabic_script_towns(["EG", "IR", "PK"])
    assert "القاهرة" in towns["EG"] and "تهران" in towns["IR"] and all(len(towns[cc]) > 50 for cc in towns)
    names = country_names(sorted(COUNTRIES))
    assert names["EG"] == "مصر" and names["IR"] == "ایران" and names["PK"] == "پاکستان"
    assert all(ARABIC.search(n) for n in names.values() if n)
    given = given_names()
    assert len(given["ar"]) > 200 and len(given["fa"]) > 100 and not PROBE_WORDS & set(given["ar"])


def test_probe_street_words_stay_out() -> None:
    """The words of ``v32_probe``'s street names are left out of the street lists, so the probe measures the form."""
    cases = json.loads((ROOT / "results/experiments/v32_probe/cases.json").read_text(encoding="utf-8"))
    street_words = {w for sec in cases["sections"] for _, want in sec["cases"] for w in (want.get("street") or "").split()}
    type_words = {"شارع", "طريق", "ميدان", "خیابان", "شاہراہ", "روڈ", "الملك", "الشيخ", "السلطان"}
    assert street_words - type_words - {w for w in street_words if not ARABIC.search(w)} <= PROBE_WORDS


def test_arabic_script_kind(built: tuple[Path, dict]) -> None:
    rows = [ex for ex in source_examples(*built, "0.21.0", SIZE, "v21") if ex["record"].split("/")[1] == "arabic_script"]
    assert len(rows) >= 10
    for ex in rows:
        spans = labelled(ex)
        labels = [lab for lab, _ in spans]
        assert "locality" in labels and ("street" in labels or "po_box" in labels), ex
        assert ARABIC.search(dict(spans)["locality"]), ex
        if "street" in labels:
            street = dict(spans)["street"]
            assert ARABIC.search(street) and len(street.split()) >= 2, ex


def test_eval_and_harness_text_stay_out(built: tuple[Path, dict]) -> None:
    """The eval exclusion on 0.21.0: no harness input, no eval point's street and city."""
    assert_eval_text_out(built[0])
