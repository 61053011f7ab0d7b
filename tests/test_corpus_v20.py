"""Corpus 0.20.0: the ``v20`` source in place of ``v19`` (v19's kinds, a US or Canadian region written with full stops,
a region or country in brackets after the town)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus_checks import (
    assert_eval_text_out,
    assert_mix_succeeds,
    labelled,
    source_examples,
    tiny_build,
)
from training.corpus_build import SOURCE_MIX_V19, SOURCE_MIX_V20, mix_for
from training.corpus_v19 import KINDS as V19_KINDS
from training.corpus_v20 import CA_PROVINCES, KINDS, US_STATES, bracket_subdivisions

SIZE = 2000


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tiny_build(tmp_path_factory, "0.20.0", SIZE)


def test_mix() -> None:
    assert dict(mix_for("0.20.0")) == dict(SOURCE_MIX_V20)
    assert dict(KINDS) == dict(V19_KINDS) | {"dotted_region": 0.4, "bracketed_tail": 0.4}
    assert_mix_succeeds(SOURCE_MIX_V19, SOURCE_MIX_V20, ("v19", "v20"), (0.052, 0.06), 0.004, (V19_KINDS, KINDS))


def test_region_tables() -> None:
    assert len(US_STATES) == 51 and len({s[0] for s in US_STATES}) == 51  # 50 states and DC
    assert dict((c, ap) for c, ap, _ in US_STATES)["NY"] == "N.Y." and len(CA_PROVINCES) == 10
    subs = bracket_subdivisions()
    assert {"MI", "FI", "NA"} <= set(subs["IT"]) and {"ZH", "GE"} <= set(subs["CH"]) and "Valencia" in subs["ES"]


@pytest.mark.parametrize("kind", ["dotted_region", "bracketed_tail"])
def test_v20_kinds(built: tuple[Path, dict], kind: str) -> None:
    v20 = [ex for ex in source_examples(*built, "0.20.0", SIZE, "v20") if ex["record"].split("/")[1] == kind]
    assert v20, kind
    for ex in v20:
        spans = labelled(ex)
        labels = [lab for lab, _ in spans]
        assert "locality" in labels, ex
        after = labels[labels.index("locality") + 1 :]
        if kind == "dotted_region":  # the region right after the town, written with its stops or in full
            value = dict(spans)["region"]
            assert after[0] == "region" and (value.endswith(".") or value.replace(" ", "").isalpha()), ex
        else:  # the town, then its region or country in brackets, labelled whole
            assert after[0] in ("region", "country"), ex
            value = dict(spans)[after[0]]
            assert value.startswith("(") and value.endswith(")"), ex


def test_eval_and_harness_text_stay_out(built: tuple[Path, dict]) -> None:
    """The eval exclusion on 0.20.0: no harness input, no eval point's street and city."""
    assert_eval_text_out(built[0])
