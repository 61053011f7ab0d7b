"""Unit tests of eval's pure scoring code (no service)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from eval import scoring
from eval.data import FORMATS, render
from eval.runners import is_locality_match


def test_wilson_interval_known_values() -> None:
    lo, hi = scoring.wilson_interval(81, 100)
    assert lo == pytest.approx(0.7222, abs=1e-4) and hi == pytest.approx(0.8749, abs=1e-4)
    assert scoring.wilson_interval(0, 10)[0] == 0.0 and scoring.wilson_interval(0, 10)[1] == pytest.approx(0.2775, abs=1e-4)
    assert scoring.wilson_interval(10, 10)[1] == 1.0
    assert scoring.wilson_interval(0, 0) == (0.0, 1.0)
    with pytest.raises(ValueError):
        scoring.wilson_interval(11, 10)
    p = scoring.proportion(3, 4)
    assert p["value"] == 0.75 and p["n"] == 4 and p["successes"] == 3 and len(p["ci95"]) == 2


def test_diff_sigma_and_tie() -> None:
    s = scoring.diff_sigma(0.8, 1000, 0.7, 500)
    assert s == pytest.approx(math.sqrt(0.8 * 0.2 / 1000 + 0.7 * 0.3 / 500))
    assert scoring.is_tie(0.01, 0.01) and not scoring.is_tie(0.021, 0.01) and scoring.is_tie(0.0, 0.0)
    assert scoring.diff_sigma(0.5, 0, 0.5, 10) == float("inf")


def test_fold_place_name() -> None:
    f = scoring.fold_place_name
    assert f("St. Louis") == f("Saint Louis") == f("saint  louis")
    assert f("Mount Vernon") == f("Mt Vernon") and f("Fort Myers") == f("Ft. Myers")
    assert f("Cañon City") == f("Canon City") and f("Coeur d'Alene") == f("Coeur dAlene")
    assert f("Glendale") != f("Glen Dale")


def test_locality_match_uses_region_code() -> None:
    place = {"name": "Saint Petersburg", "region_code": "FL", "country": "US"}
    assert is_locality_match(place, "St. Petersburg", "FL")
    assert not is_locality_match(place, "St. Petersburg", "GA")
    assert not is_locality_match({**place, "country": "RU"}, "St. Petersburg", "FL")
    assert not is_locality_match(None, "x", "FL")


def test_percentile_matches_numpy() -> None:
    import numpy as np

    xs = [3.0, 1.0, 7.0, 2.5, 10.0]
    assert scoring.percentile(xs, 90) == pytest.approx(float(np.percentile(xs, 90)))
    assert scoring.percentile(xs, 50) == pytest.approx(float(np.median(xs)))
    assert scoring.percentile([], 50) is None


def test_harness_top_solution_exact_and_repeated_labels() -> None:
    case = {"input": "Main St & Second Ave", "expected": {"street": ["Main St", "Second Ave"]}, "mode": "top_solution"}
    ok = [{"label": "street", "value": "Main St"}, {"label": "street", "value": "Second  Ave"}]
    assert scoring.harness_passes(case, scoring.components_to_dict(ok))
    swapped = list(reversed(ok))
    assert not scoring.harness_passes(case, scoring.components_to_dict(swapped))  # order matters
    extra = ok + [{"label": "locality", "value": "X"}]
    assert not scoring.harness_passes(case, scoring.components_to_dict(extra))  # exact, no extras
    case2 = {"input": "1 a st", "expected": {"housenumber": "1", "street": "A St"}, "mode": "top_solution"}
    got = scoring.components_to_dict([("house_number", "1"), ("street", "a st")])
    assert not scoring.harness_passes(case2, got)  # case-sensitive
    assert scoring.harness_passes(case2, scoring.components_to_dict([("house_number", "1"), ("street", "A St")]))


def test_harness_all_solutions_and_no_solution() -> None:
    case = {"input": "wrigley field", "expected": {"street": "wrigley field"}, "mode": "all_solutions",
            "all_solutions": [[["street", "wrigley field"]], [["venue", "wrigley field"]], [["locality", "field"]]]}
    for got in ({"street": ["wrigley field"]}, {"venue": ["wrigley field"]}, {"locality": ["field"]}):
        assert scoring.harness_passes(case, got)
    assert not scoring.harness_passes(case, {"venue": ["wrigley"]})
    none = {"input": "90210 Foo", "expected": {}, "mode": "all_solutions", "all_solutions": [], "no_solution": True}
    assert scoring.harness_passes(none, {})
    assert not scoring.harness_passes(none, {"postcode": ["90210"]})
    with pytest.raises(ValueError, match="no addrnet mapping"):
        scoring.harness_acceptable({"input": "x", "expected": {"unit_type": "U"}, "mode": "top_solution"})


def test_calibration_metrics_and_ece() -> None:
    confs = [0.95, 0.95, 0.95, 0.95, 0.55, 0.55]
    correct = [True, True, True, False, True, False]
    m = scoring.calibration_metrics(confs, correct)
    assert m["n_conf_ge_0.9"] == 4 and m["wrong_at_conf_ge_0.9"] == pytest.approx(0.25)
    assert m["share_of_wrong_at_conf_ge_0.9"] == pytest.approx(0.5)
    # ECE: bin [0.9,1]: 4/6*|0.75-0.95| ; bin [0.5,0.6): 2/6*|0.5-0.55|
    assert m["ece"] == pytest.approx(4 / 6 * 0.2 + 2 / 6 * 0.05)
    assert m["p90_conf_of_wrong"] == pytest.approx(0.55 + 0.9 * 0.4)
    assert sum(b["n"] for b in m["bins"]) == 6 and len(m["bins"]) == 10
    assert scoring.calibration_metrics([1.0], [True])["bins"][-1]["n"] == 1  # 1.0 lands in the last bin
    empty = scoring.calibration_metrics([0.5], [True])
    assert empty["wrong_at_conf_ge_0.9"] is None and empty["p90_conf_of_wrong"] is None


def test_component_prf() -> None:
    pairs = [({("street", 0, 5), ("locality", 7, 10)}, {("street", 0, 5), ("locality", 7, 11)}),
             ({("street", 0, 3)}, {("street", 0, 3)})]
    m = scoring.component_prf(pairs, ["street", "locality", "region"])
    assert m["per_label"]["street"]["f1"] == 1.0
    assert m["per_label"]["locality"]["precision"] == 0.0 and m["per_label"]["region"]["precision"] is None
    assert m["micro"]["precision"] == pytest.approx(2 / 3) and m["exact_match"]["successes"] == 1


def test_render_formats_gold_matches_text() -> None:
    row = {"NUMBER": "36", "STREET": "Grove Street", "UNIT": "F", "CITY": "Manchester", "REGION": "CT", "POSTCODE": "06042"}
    texts = {f: render(row, f) for f in FORMATS}
    assert texts["full"][0] == "36 Grove Street Unit F, Manchester, CT 06042"
    assert texts["no_postcode"][0] == "36 Grove Street Unit F, Manchester, CT"
    assert texts["no_region"][0] == "36 Grove Street Unit F, Manchester 06042"
    assert texts["lowercase"][0] == "36 grove street unit f, manchester, ct 06042"
    assert texts["no_commas"][0] == "36 Grove Street Unit F Manchester CT 06042"
    assert texts["postcode_for_city"][0] == "36 Grove Street Unit F, CT 06042"
    for text, comps in texts.values():
        pos = 0
        for _, value in comps:  # every gold value appears in order in the text
            pos = text.index(value, pos) + len(value)


def test_client_formats_render_every_point_in_each(tmp_path: Path) -> None:
    from eval.data import CLIENT_FORMATS, load_renderings

    row = {"NUMBER": "36", "STREET": "Grove Street", "UNIT": "", "CITY": "Manchester", "REGION": "CT",
           "POSTCODE": "06042"}
    assert render(row, "lowercase_no_commas")[0] == "36 grove street manchester ct 06042"
    assert render(row, "number_street_postcode")[0] == "36 Grove Street, 06042"
    path = tmp_path / "points.csv"
    path.write_text("LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID,HASH\n"
                    "-72.5,41.7,36,Grove Street,,Manchester,,CT,06042,1,h1\n"
                    "-72.6,41.8,5,Main St,,Hartford,,CT,06103,2,h2\n", encoding="utf-8")
    got, _ = load_renderings(path, every=CLIENT_FORMATS)
    assert sorted((r.id, r.format) for r in got) == sorted((i, f) for i in ("1", "2") for f in CLIENT_FORMATS)
