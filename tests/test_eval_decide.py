"""The decision rule on hand-built sidecars, every branch; the sidecar parser rejects missing fields."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from eval.cli import cmd_decide
from eval.decide import Comparison, DecisionError, decide, decide_rule, resolver_band
from eval.sidecar import SCHEMA_VERSION, SidecarError, load_sidecar, validate

BIG = 10_000_000  # σ ≈ 0: every non-zero Δ is significant
SMALL = 100  # σ large: Δ of a few pp is a tie


def cmp(metric: str, a: float, b: float, n: int = BIG, higher: bool = True) -> Comparison:
    return Comparison(metric, higher, a, n, b, n)


def res(delta_pp: float, n: int = BIG) -> Comparison:
    return cmp("resolver", 0.80 + delta_pp / 100, 0.80, n)


GAIN_H, TIE_H, REV_H = cmp("harness", 0.90, 0.80), cmp("harness", 0.80, 0.80), cmp("harness", 0.70, 0.80)
GAIN_C = cmp("cal", 0.02, 0.05, higher=False)
TIE_C = cmp("cal", 0.05, 0.05, higher=False)
REV_C = cmp("cal", 0.08, 0.05, higher=False)


def test_states() -> None:
    assert (GAIN_H.state, TIE_H.state, REV_H.state) == ("gain", "tie", "reversed")
    assert (GAIN_C.state, TIE_C.state, REV_C.state) == ("gain", "tie", "reversed")  # lower is better
    assert cmp("h", 0.82, 0.80, SMALL).state == "tie"


def test_resolver_bands() -> None:
    assert resolver_band(res(1.0)) == "beats"
    assert resolver_band(res(3.0, SMALL)) == "slightly_better"  # ≥ 1pp but a tie: no claim of beating
    assert resolver_band(res(0.7)) == "slightly_better"
    assert resolver_band(res(0.49)) == "tie_low"
    assert resolver_band(res(-0.5)) == "tie_low"
    assert resolver_band(res(-0.51)) == "worse"


@pytest.mark.parametrize(
    ("resolver", "harness", "cal", "want"),
    [
        # beats -> SCALE whatever the aux metrics do
        (res(1.5), GAIN_H, GAIN_C, "SCALE"),
        (res(1.5), REV_H, TIE_C, "SCALE"),
        # matches / slightly better, gains kept -> SHIP
        (res(0.0), GAIN_H, GAIN_C, "SHIP"),
        (res(-0.4), GAIN_H, GAIN_C, "SHIP"),
        (res(0.8), GAIN_H, GAIN_C, "SHIP"),
        (res(2.0, SMALL), GAIN_H, GAIN_C, "SHIP"),
        # not ≥ scratch, gains gone or reversed -> DROP
        (res(0.2), TIE_H, TIE_C, "DROP"),
        (res(-0.3), REV_H, REV_C, "DROP"),
        (res(-2.0), TIE_H, REV_C, "DROP"),
        # worse with mixed gains -> DROP
        (res(-2.0), GAIN_H, TIE_C, "DROP"),
        # the remaining combinations -> INCONCLUSIVE
        (res(0.0), GAIN_H, TIE_C, "INCONCLUSIVE"),
        (res(0.0), REV_H, GAIN_C, "INCONCLUSIVE"),
        (res(0.7), TIE_H, TIE_C, "INCONCLUSIVE"),
        (res(0.7), GAIN_H, REV_C, "INCONCLUSIVE"),
        (res(-2.0), GAIN_H, GAIN_C, "INCONCLUSIVE"),
    ],
)
def test_decide_rule_branches(resolver: Comparison, harness: Comparison, cal: Comparison, want: str) -> None:
    decision, branch, notes = decide_rule(resolver, harness, cal)
    assert decision == want, branch


def test_scale_lists_regressions() -> None:
    _, _, notes = decide_rule(res(1.5), REV_H, GAIN_C)
    assert any("harness" in n for n in notes)


# ---------------------------------------------------------------------------------------------
# hand-built sidecars


def prop(value: float, n: int) -> dict[str, Any]:
    return {"n": n, "successes": round(value * n), "value": value, "ci95": [0.0, 1.0]}


def base(runner: str, arm: str, corpus: str = "c1", tok: str = "t1") -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "runner": runner, "arm": arm, "url": "http://x", "date": "2026-01-01",
            "git_sha": "abc", "inputs": {"f": "0" * 64}, "params": {}, "failures": [],
            "service_arms": {"primary": "A", "shadow": None, "arms": {}},
            "arm_manifest": {"arm": arm, "version": f"{arm}1", "corpus_version": corpus, "tokenizer_version": tok}}


def write_arm(folder: Path, arm: str, acc: float, harness: float, wrong: float, n: int = 1700,
              corpus: str = "c1", tok: str = "t1") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    sides = {
        "resolver": {"metrics": {"accuracy": prop(acc, n), "per_format": {}, "excluded": {},
                                 "distance_km": {"median": 1.0, "p90": 5.0, "within_10km": 0.9}}},
        "harness": {"metrics": {"overall": prop(harness, 367), "per_file": {}, "per_country": {}, "per_mode": {}}},
        "calibration": {"definitions": {}, "metrics": {"per_source": {}, "overall": {
            "n_components": 9000, "n_conf_ge_0.9": 8000, "wrong_at_conf_ge_0.9": wrong,
            "p90_conf_of_wrong": 0.9, "ece": 0.03}}},
    }
    for runner, body in sides.items():
        (folder / f"{runner}.json").write_text(json.dumps({**base(runner, arm, corpus, tok), **body}))
    return folder


def test_decide_from_sidecars_ship(tmp_path: Path) -> None:
    a = write_arm(tmp_path / "A", "A", 0.852, 0.90, 0.01)
    b = write_arm(tmp_path / "B", "B", 0.850, 0.80, 0.03)
    result = decide(a, b)
    assert result["decision"] == "SHIP"
    assert [c["state"] for c in result["comparisons"]] == ["tie", "gain", "gain"]
    r = result["comparisons"][0]
    assert r["sigma"] == pytest.approx(((0.852 * 0.148 + 0.85 * 0.15) / 1700) ** 0.5)


def test_decide_cli_writes_files_and_refuses_version_mismatch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    a = write_arm(tmp_path / "A", "A", 0.80, 0.80, 0.05)
    b = write_arm(tmp_path / "B", "B", 0.80, 0.80, 0.05)
    out = tmp_path / "decision"
    assert cmd_decide(argparse.Namespace(a=a, b=b, ref=a, out=out)) == 0
    md = (out / "decision.md").read_text()
    assert "| metric | A pretrained | B scratch | Δ (A−B) with its σ | reference |" in md and "DROP" in md
    assert json.loads((out / "decision.json").read_text())["decision"] == "DROP"
    for corpus, tok in (("c2", "t1"), ("c1", "t2")):
        bad = write_arm(tmp_path / f"B-{corpus}-{tok}", "B", 0.8, 0.8, 0.05, corpus=corpus, tok=tok)
        with pytest.raises(DecisionError, match="refusing to compare"):
            decide(a, bad)
        assert cmd_decide(argparse.Namespace(a=a, b=bad, ref=None, out=out)) == 2
    assert "refusing to compare" in capsys.readouterr().err


def test_sidecar_parser_rejects_missing_fields(tmp_path: Path) -> None:
    folder = write_arm(tmp_path / "A", "A", 0.8, 0.8, 0.05)
    good = json.loads((folder / "calibration.json").read_text())
    validate(good, "calibration")
    for path in (("metrics", "overall", "wrong_at_conf_ge_0.9"), ("arm_manifest", "tokenizer_version"), ("git_sha",)):
        bad = copy.deepcopy(good)
        node = bad
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
        with pytest.raises(SidecarError, match="missing required field"):
            validate(bad, "calibration")
        (folder / "calibration.json").write_text(json.dumps(bad))
        with pytest.raises(SidecarError, match=path[-1].replace(".", r"\.")):
            load_sidecar(folder, "calibration")
    with pytest.raises(SidecarError, match="no such sidecar"):
        load_sidecar(tmp_path / "nowhere", "resolver")
    with pytest.raises(SidecarError, match="expected 'harness'"):
        validate({**good, "runner": "calibration", "metrics": {"overall": prop(0.5, 2), "per_file": {},
                                                                 "per_country": {}, "per_mode": {}}}, "harness")


def test_paired_sigma_and_mcnemar() -> None:
    from eval.decide import mcnemar_p, paired

    # 100 items; A wrong on {0..9}, B wrong on {5..24}: n10 = 15 (B-only wrong), n01 = 5
    p = paired("x", 100, set(range(10)), set(range(5, 25)))
    assert (p["a_right_b_wrong"], p["a_wrong_b_right"]) == (15, 5)
    assert abs(p["delta"] - 0.10) < 1e-12
    assert abs(p["sigma_paired"] - (20 - 100 / 100) ** 0.5 / 100) < 1e-12
    assert abs(mcnemar_p(15, 5) - 0.04138946533203125) < 1e-12  # 2 * P(X <= 5), X ~ Bin(20, 1/2)
    assert mcnemar_p(0, 0) == 1.0 and mcnemar_p(3, 3) == 1.0
    # identical outcomes: no difference, σ 0, a tie
    same = paired("x", 50, {1, 2}, {1, 2})
    assert same["delta"] == 0 and same["sigma_paired"] == 0 and same["tie"]
