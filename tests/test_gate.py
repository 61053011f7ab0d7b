"""The fine-tune gate's points (``training.measure.gate_checks``), the probe point with and without slack: the rule
of ``results/experiments/ft0180/gate.md`` on (an older probe may be one case lower if the older probes together are
no lower) and the one before it (none lower)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from training.measure import gate_checks


def figures(probes: dict[str, int], new: int, real: float = 0.98) -> dict[str, Any]:
    on_090 = {"real_test_exact": real, "test_exact": 0.978, "real_test_per_country": {"US": {"n": 1033, "exact": 0.97}}}
    return {"on_090": on_090, "on_x": {"suburb_f1": 0.93, "county_f1": 0.97}, "harness": 0.81,
            "calibration": {"real_test_ece": 0.005}, "real_test_n": 1468,
            **{f"{p}_probe": n for p, n in probes.items()}, "new_probe": new}


OLD = figures({"a": 10, "b": 20, "c": 30}, 5)


@pytest.mark.parametrize(("probes", "slack", "passes"), [
    ({"a": 10, "b": 20, "c": 30}, 0, True),
    ({"a": 9, "b": 22, "c": 30}, 0, False),   # one lower: the old rule fails it
    ({"a": 9, "b": 22, "c": 30}, 1, True),    # one lower, the sum higher
    ({"a": 9, "b": 20, "c": 30}, 1, False),   # one lower, the sum lower
    ({"a": 8, "b": 25, "c": 30}, 1, False),   # two lower, whatever the sum
])  # fmt: skip
def test_older_probes(probes: dict[str, int], slack: int, passes: bool) -> None:
    checks = gate_checks(figures(probes, 6), OLD, "on_x", ("a", "b", "c"), "new", slack)
    assert all(checks.values()) is passes, checks


def test_the_newest_probe_must_be_higher_and_real_text_within_two_rows() -> None:
    same = {"a": 10, "b": 20, "c": 30}
    assert not gate_checks(figures(same, 5), OLD, "on_x", ("a", "b", "c"), "new", 1)["new_probe_higher"]
    low = gate_checks(figures(same, 6, real=0.98 - 3 / 1468), OLD, "on_x", ("a", "b", "c"), "new", 1)
    assert not low["real_text_within_2_rows"] and low["new_probe_higher"]


def test_a_gate_may_ask_the_newest_probe_only_to_be_no_lower() -> None:
    same = {"a": 10, "b": 20, "c": 30}
    tie = gate_checks(figures(same, 5), OLD, "on_x", ("a", "b", "c"), "new", 1, newest_may_tie=True)
    assert tie["new_probe_not_lower"] and "new_probe_higher" not in tie
    assert not gate_checks(figures(same, 4), OLD, "on_x", ("a", "b", "c"), "new", 1,
                           newest_may_tie=True)["new_probe_not_lower"]


def test_shipped_figures_read_a_later_probe_from_its_own_folder(tmp_path: Path) -> None:
    import json

    from training.measure import shipped_figures

    def write(rel: str, data: dict[str, Any]) -> None:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(json.dumps(data), encoding="utf-8")

    real = {"exact_match": 0.98, "n": 1468, "per_country": {"US": {"n": 1033, "exact_match": 0.97}}}
    write("m090.json", {"real_test_metrics": real, "test_metrics": {"exact_match": 0.978, "f1": 0.99, "per_label": {
        "suburb": {"f1": 0.95}, "county": {"f1": 0.98}}}})
    write("ft/wise_places_A.json", {"pelias_harness": {"pass_rate": 0.81}})
    cal = {"ece": 0.005, "p90_wrong": 0.97}
    write("ft/wise_calibration_A.json", {"method": "T1", "real_test": {"T1": cal}, "harness": {"T1": cal}})
    write("ft/wise_old_probe_A.json", {"full": 7})
    write("new_probe/s33_A.json", {"right": 3})
    got = shipped_figures(tmp_path, "ft", "A", ("old", "new"), tmp_path / "m090.json")
    assert (got["old_probe"], got["new_probe"], got["harness"]) == (7, 3, 0.81)


def test_earlier_shipped_quotes_a_summary_and_adds_later_probes(tmp_path: Path) -> None:
    import json

    from training.measure import earlier_shipped

    (tmp_path / "ft1").mkdir()
    (tmp_path / "ft1" / "summary.json").write_text(json.dumps({"arm_B": {"shipped": {"harness": 0.8, "old_probe": 5}}}))
    (tmp_path / "new_probe").mkdir()
    (tmp_path / "new_probe" / "s34_B.json").write_text(json.dumps({"full": 9}))
    got = earlier_shipped(tmp_path / "ft1" / "summary.json", "B", "shipped", ("new",), "s34")
    assert got == {"harness": 0.8, "old_probe": 5, "new_probe": 9}


@pytest.mark.parametrize(("real_rows_lost", "harness", "passes"), [
    (2, 0.81, True),                 # within 2 rows of stage 8, harness as the shipped arm's
    (3, 0.81, False),                # 3 rows below stage 8
    (0, 0.81 - 1 / 367, False),      # the harness one case below the shipped arm's
])  # fmt: skip
def test_drift_points(tmp_path: Path, real_rows_lost: int, harness: float, passes: bool) -> None:
    """The later gates' drift points (``training.measure.drift_points``): real text within 2 rows of the stage-8 arm,
    the harness no lower than the shipped arm's and within a case of an earlier round's candidate's."""
    import json

    from training.measure import drift_points

    real = {"exact_match": 0.98, "n": 1468, "per_country": {"US": {"n": 1033, "exact_match": 0.97}}}
    stage8 = {"real_test_metrics": real, "test_metrics": {"exact_match": 0.978, "f1": 0.99, "per_label": {
        "suburb": {"f1": 0.95}, "county": {"f1": 0.98}}}}
    (tmp_path / "gpu_sizes").mkdir()
    (tmp_path / "earlier").mkdir()
    for arm in "AB":
        (tmp_path / "gpu_sizes" / f"measure090_ship{arm}.json").write_text(json.dumps(stage8), encoding="utf-8")
    earlier = {f"arm_{arm}": {"cand": {"harness": 0.81}} for arm in "AB"}
    (tmp_path / "earlier" / "summary.json").write_text(json.dumps(earlier), encoding="utf-8")
    new = figures({}, 6, real=0.98 - real_rows_lost / 1468) | {"harness": harness}
    out: dict[str, Any] = {f"arm_{arm}": {"old": figures({}, 5), "new": new, "gate": {"targets": True}} for arm in "AB"}
    drift_points(out, tmp_path, ("old", "new"), harness_round=("earlier", "cand"))
    assert set(out["arm_A"]["gate"]) == {"targets", "real_text_within_2_rows_of_stage_8", "harness_not_lower",
                                         "harness_within_1_case_of_stage_9"}
    assert (out["decision"] == "replace the shipped arms") is passes, out["arm_A"]["gate"]
