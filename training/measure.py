"""Measure a shipped arm in-process: per-country exact match on the real-text test set, per-label F1 (incl.
suburb and county) and per-country exact match on the corpus test split, and addresses/s.

``addrnet measure --arm artifacts/arms/A --corpus corpus/0.5.0`` writes the figures into the arm manifest
(``real_test_metrics``, ``test_metrics``, ``speed``; the manifest is not itself hashed) and prints them.
``pareto`` draws per-country real-text exact match against addresses/s for several measured arms.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from training.corpus_build import read_split
from training.data import gold_spans, span_metrics

SPEED_TEXTS = 2048
SPEED_BATCH = 64


def per_country(tagger: Any, examples: list[dict], batch_size: int = 64) -> dict[str, Any]:
    """Span metrics overall and exact match per country."""
    gold, pred = [], []
    by: dict[str, list[bool]] = defaultdict(list)
    for b0 in range(0, len(examples), batch_size):
        part = examples[b0 : b0 + batch_size]
        for ex, res in zip(part, tagger.parse_batch([e["text"] for e in part]), strict=True):
            g, p = gold_spans(ex), {(c.label, c.start, c.end) for c in res.components}
            gold.append(g)
            pred.append(p)
            by[ex.get("country") or "??"].append(g == p)
    m = span_metrics(gold, pred)
    m["per_country"] = {cc: {"n": len(v), "exact_match": sum(v) / len(v)}
                        for cc, v in sorted(by.items(), key=lambda kv: -len(kv[1]))}
    return m


def speed(tagger: Any, texts: list[str], batch: int = SPEED_BATCH, repeats: int = 2) -> dict[str, Any]:
    """In-process addresses/s over ``texts`` at ``batch`` (best of ``repeats``)."""
    tagger.parse_batch(texts[:batch])
    best = 0.0
    for _ in range(repeats):
        t0 = time.perf_counter()
        for i in range(0, len(texts), batch):
            tagger.parse_batch(texts[i : i + batch])
        best = max(best, len(texts) / (time.perf_counter() - t0))
    return {"addresses_per_s": best, "texts": len(texts), "batch": batch}


def interleaved_speed(folders: list[str], texts: list[str], threads: int = 2, rounds: int = 4,
                      batch: int = SPEED_BATCH) -> dict[str, float]:
    """Best-of-``rounds`` addresses/s per folder, the folders taking turns in each round, so that load from
    other processes on a shared box hits every folder alike."""
    from model.tagger import Tagger

    taggers = {f: Tagger.load(f, intra_threads=threads, batch_threads=threads) for f in folders}
    best = dict.fromkeys(folders, 0.0)
    for _ in range(rounds):
        for f, tagger in taggers.items():
            best[f] = max(best[f], speed(tagger, texts, batch, repeats=1)["addresses_per_s"])
    return best


def replaced_speed(old_root: str | Path, new_root: str | Path, names: tuple[str, str], texts: list[str],
                   rounds: int = 6) -> dict[str, Any]:
    """Per arm, the in-process speed of the arms in ``new_root`` against those they replace, extracted under
    ``old_root/<arm>`` (``git archive <commit> artifacts/arms/<arm>``), the two taking turns on the same ``texts``
    (``interleaved_speed``: 2 threads, batch 64), keyed by ``names`` (old, new)."""
    out: dict[str, Any] = {"threads": 2, "batch": SPEED_BATCH, "rounds": rounds}
    for arm in ("A", "B"):
        old = str(Path(old_root) / arm / "artifacts" / "arms" / arm)
        new = str(Path(new_root) / "artifacts" / "arms" / arm)
        best = interleaved_speed([old, new], texts, threads=2, rounds=rounds)
        out[arm] = {names[0]: round(best[old], 1), names[1]: round(best[new], 1),
                    "ratio": round(best[new] / best[old], 3)}
    return out


def headline(m: dict[str, Any], min_rows: int = 100) -> dict[str, Any]:
    """The figures the experiment summaries quote from ``addrnet measure``'s output (countries with at least
    ``min_rows`` real-text rows)."""
    real, test = m["real_test_metrics"], m["test_metrics"]
    return {
        "real_test_exact": round(real["exact_match"], 4),
        "real_test_per_country": {cc: {"n": v["n"], "exact": round(v["exact_match"], 4)}
                                  for cc, v in real["per_country"].items() if v["n"] >= min_rows},
        "test_exact": round(test["exact_match"], 4),
        "test_f1": round(test["f1"], 4),
        "suburb_f1": round(test["per_label"]["suburb"]["f1"], 4),
        "county_f1": round(test["per_label"]["county"]["f1"], 4),
    }


def calibration_headline(c: dict[str, Any]) -> dict[str, Any]:
    """The figures the experiment summaries quote from ``addrnet calibrate``'s output (the chosen method)."""
    chosen = c["method"]
    return {"method": chosen, "real_test_ece": round(c["real_test"][chosen]["ece"], 4),
            "real_test_p90_wrong": round(c["real_test"][chosen]["p90_wrong"], 4),
            "harness_ece": round(c["harness"][chosen]["ece"], 4),
            "harness_p90_wrong": round(c["harness"][chosen]["p90_wrong"], 4)}


GATE_ROWS_TOLERANCE = 2  # real-text rows (of 1,468) a fine-tune candidate may lose (the gates of ft0110 on)
GATE_TEST_TOLERANCE = 0.001  # corpus 0.9.0 test split exact match a candidate may lose


def gate_checks(new: dict[str, Any], old: dict[str, Any], corpus: str, not_lower: tuple[str, ...],
                higher: str, probe_slack: int = 0, newest_may_tie: bool = False) -> dict[str, bool]:
    """The points of a fine-tune gate (``results/experiments/ft0110/gate.md`` and its successors): the issue-11 targets
    (``new[corpus]``: the headline on the candidate's own corpus; ``on_090``: on corpus 0.9.0, with the real-text
    split), real-text exact match within ``GATE_ROWS_TOLERANCE`` rows, corpus 0.9.0's test split within
    ``GATE_TEST_TOLERANCE``, the probes of ``not_lower`` no lower and the probe ``higher`` higher (``<name>_probe``
    in ``new`` and ``old``: cases right). With ``probe_slack`` k > 0 (the gates of ft0180 on), each probe of
    ``not_lower`` may be k cases lower, so long as their sum is no lower."""
    m, n = new["on_090"], new["real_test_n"]
    countries = [c for c in m["real_test_per_country"].values() if c["n"] >= 100]
    checks = {
        "targets": all(c["exact"] >= 0.95 for c in countries) and new[corpus]["suburb_f1"] >= 0.9
        and new[corpus]["county_f1"] >= 0.9 and new["harness"] >= 0.80
        and new["calibration"]["real_test_ece"] <= 0.02,
        "real_text_within_2_rows": round(m["real_test_exact"] * n) >= round(old["on_090"]["real_test_exact"] * n)
        - GATE_ROWS_TOLERANCE,
        "test_090_within_0.1pp": m["test_exact"] >= old["on_090"]["test_exact"] - GATE_TEST_TOLERANCE,
    }
    if probe_slack:
        checks |= {f"{p}_probe_within_{probe_slack}": new[f"{p}_probe"] >= old[f"{p}_probe"] - probe_slack
                   for p in not_lower}
        checks["older_probes_sum_not_lower"] = (sum(new[f"{p}_probe"] for p in not_lower)
                                                >= sum(old[f"{p}_probe"] for p in not_lower))
    else:
        checks |= {f"{p}_probe_not_lower": new[f"{p}_probe"] >= old[f"{p}_probe"] for p in not_lower}
    if newest_may_tie:  # the gates that ask the newest probe only to be no lower (gpu0190)
        checks[f"{higher}_probe_not_lower"] = new[f"{higher}_probe"] >= old[f"{higher}_probe"]
    else:
        checks[f"{higher}_probe_higher"] = new[f"{higher}_probe"] > old[f"{higher}_probe"]
    return checks


def rows_within(new: dict[str, Any], base: dict[str, Any]) -> bool:
    """A candidate's real-text exact match (``new["on_090"]``, over ``new["real_test_n"]`` rows) no lower than the
    headline ``base``'s by more than ``GATE_ROWS_TOLERANCE`` rows: the drift point of the later gates (ft0201 on)."""
    n = new["real_test_n"]
    return round(new["on_090"]["real_test_exact"] * n) >= round(base["real_test_exact"] * n) - GATE_ROWS_TOLERANCE


HARNESS_CASES = 367  # the Pelias harness cases scored ("total" of every ``addrnet places`` output)


def drift_points(out: dict[str, Any], experiments: str | Path, names: tuple[str, str],
                 harness_round: tuple[str, str] | None = None) -> None:
    """The later gates' points against drift, added to a ``gate_summary`` output in place (keys ``names``: shipped,
    candidate), and its decision redone: each candidate's real text within ``GATE_ROWS_TOLERANCE`` rows of the stage-8
    arm's (``gpu_sizes/measure090_ship{A,B}.json``; ft0201 on); with ``harness_round`` (an earlier round's folder
    under ``experiments`` and its candidate's key: ft0202 on), its Pelias harness no lower than the shipped arm's and
    no more than one case lower than that round's candidate's."""
    experiments = Path(experiments)
    for arm in ("A", "B"):
        side = out[f"arm_{arm}"]
        old, new, gate = side[names[0]], side[names[1]], side["gate"]
        stage8 = json.loads((experiments / "gpu_sizes" / f"measure090_ship{arm}.json").read_text(encoding="utf-8"))
        gate["real_text_within_2_rows_of_stage_8"] = rows_within(new, headline(stage8))
        if harness_round is not None:
            folder, key = harness_round
            earlier = json.loads((experiments / folder / "summary.json").read_text(encoding="utf-8"))
            base = earlier[f"arm_{arm}"][key]["harness"]
            gate["harness_not_lower"] = new["harness"] >= old["harness"]
            gate["harness_within_1_case_of_stage_9"] = (round(new["harness"] * HARNESS_CASES)
                                                        >= round(base * HARNESS_CASES) - 1)
    passed = all(all(out[f"arm_{arm}"]["gate"].values()) for arm in ("A", "B"))
    out["decision"] = "replace the shipped arms" if passed else "keep the shipped arms"


def candidate_figures(folder: str | Path, arm: str, corpus_key: str, probes: Iterable[str],
                      prefix: str = "wise_") -> dict[str, Any]:
    """A fine-tune candidate's figures from its experiment folder, as the gates quote them: ``corpus_key`` (the
    headline on its own corpus, ``wise_measure_{arm}.json``), ``on_090`` (``wise_measure090_{arm}.json``), the Pelias
    harness (``wise_places``), calibration (``wise_calibration``), each probe's cases right (``wise_{p}_probe``) and
    the real-text rows; ``prefix`` replaces ``wise_`` (the GPU arms' files have none)."""
    folder = Path(folder)

    def load(name: str) -> Any:
        return json.loads((folder / f"{prefix}{name}_{arm}.json").read_text(encoding="utf-8"))

    on_090 = load("measure090")
    return {corpus_key: headline(load("measure")), "on_090": headline(on_090),
            "harness": load("places")["pelias_harness"]["pass_rate"],
            "calibration": calibration_headline(load("calibration")),
            **{f"{p}_probe": probe_right(folder / f"{prefix}{p}_probe_{arm}.json") for p in probes},
            "real_test_n": on_090["real_test_metrics"]["n"]}


def gate_summary(folder: str | Path, experiment: str, shipped: Callable[[str], dict[str, Any]], corpus_key: str,
                 not_lower: tuple[str, ...], higher: str, info: tuple[str, ...], names: tuple[str, str],
                 probe_slack: int = 0) -> dict[str, Any]:
    """A fine-tune round's summary (the stage recipe's 4,000 steps at lr 1.5e-4, averaged at alpha 0.5): per arm, the
    shipped arm's figures (``shipped(arm)``), the candidate's (``candidate_figures``, with the ``info`` probes) and
    the gate's points (``gate_checks``), keyed by ``names`` (shipped, candidate); and the decision (both arms pass
    every point, or the shipped arms stay)."""
    out: dict[str, Any] = {"experiment": experiment, "steps": 4000, "lr": 1.5e-4, "alpha": 0.5,
                           "config": "training/configs/finetune64.toml"}
    passed = True
    for arm in ("A", "B"):
        old = shipped(arm)
        new = candidate_figures(folder, arm, corpus_key, (*not_lower, higher, *info))
        checks = gate_checks(new, old, corpus_key, not_lower, higher, probe_slack)
        passed = passed and all(checks.values())
        out[f"arm_{arm}"] = {names[0]: old, names[1]: new, "gate": checks}
    out["decision"] = "replace the shipped arms" if passed else "keep the shipped arms"
    return out


SPEED_FLOOR = 3500.0  # in-process addresses/s at batch 64 on 2 threads: the floor of record


def pair_gate(folder: str | Path, tags: tuple[str, str], base: str | Path, speed: dict[str, float],
              not_lower: tuple[str, ...], newest: tuple[str, ...]) -> dict[str, Any]:
    """A GPU pair's gate (``results/experiments/gpu_sizes/gate.md``): per arm, the candidate's figures (tag
    ``tags[i]`` in ``folder``) against the shipped arm's measured by the same code (tag ``ship{A,B}`` in ``base``), the
    points of ``gate_checks`` (each older probe with 1 case of slack, the ``newest`` probes together no lower) and
    the speed floor (``speed[tag]``); ``passes``: both arms meet every point."""
    def figures(where: str | Path, tag: str) -> dict[str, Any]:
        out = candidate_figures(where, tag, "on_0190", (*not_lower, *newest), prefix="")
        out["newest_probe"] = sum(out[f"{p}_probe"] for p in newest)
        return out

    result: dict[str, Any] = {"passes": True}
    for arm, tag in zip("AB", tags, strict=True):
        old, new = figures(base, f"ship{arm}"), figures(folder, tag)
        checks = gate_checks(new, old, "on_0190", not_lower, "newest", probe_slack=1, newest_may_tie=True)
        checks["speed_at_least_3500"] = speed[tag] >= SPEED_FLOOR
        result["passes"] = result["passes"] and all(checks.values())
        result[arm] = {"shipped": old, "candidate": new, "gate": checks}
    return result


def sizes_summary(folder: str | Path, experiment: str, sizes: dict[str, tuple[str, str]], speed: dict[str, float],
                  not_lower: tuple[str, ...], newest: tuple[str, ...], reference_key: str) -> dict[str, Any]:
    """The summary of a GPU run of several encoder sizes (``gpu_sizes``, ``gpu0200``): each pair of ``sizes`` (size ->
    its A and B tags), in order, held to ``pair_gate`` against the shipped arms measured in ``folder``; the first pair
    that passes replaces them. The 6 x 384 reference's headline (tag ``ref``) goes under ``reference_key``."""
    folder = Path(folder)
    summary: dict[str, Any] = {"experiment": experiment, "speed": speed, "decision": "keep the shipped arms"}
    for size, tags in sizes.items():
        gate = pair_gate(folder, tags, folder, speed, not_lower, newest)
        for arm in "AB":
            summary[f"{size}_{arm}"] = gate[arm]
        summary[f"{size}_passes"] = gate["passes"]
        if gate["passes"] and summary["decision"] == "keep the shipped arms":
            summary["decision"] = f"replace the shipped arms by the {size} pair"

    def load(name: str) -> Any:
        return json.loads((folder / f"{name}_ref.json").read_text(encoding="utf-8"))

    summary["reference_6x384"] = {reference_key: headline(load("measure")),
                                  "harness": load("places")["pelias_harness"]["pass_rate"],
                                  "calibration": calibration_headline(load("calibration"))}
    return summary


def pareto_points(folder: str | Path, speed: dict[str, float],
                  lanes: Iterable[tuple[str, str, str]]) -> list[dict[str, Any]]:
    """The Pareto points of ``lanes`` (name, tag, encoder): addresses/s from ``speed``, real-text exact match overall
    and per country from ``measure_{tag}.json`` in ``folder``."""
    points = []
    for name, tag, enc in lanes:
        m = json.loads((Path(folder) / f"measure_{tag}.json").read_text(encoding="utf-8"))
        points.append({"name": name, "encoder": enc, "addresses_per_s": speed[tag],
                       "real_test_exact": m["real_test_metrics"]["exact_match"],
                       "per_country": m["real_test_metrics"]["per_country"]})
    return points


def round_summary(folder: str | Path, experiment: str, previous: str, key: str, names: tuple[str, str],
                  not_lower: tuple[str, ...], higher: str, info: tuple[str, ...], later: str) -> dict[str, Any]:
    """The summary of a fine-tune round in ``folder``, against the shipped arms' figures as the sibling round
    ``previous`` quotes them (its ``summary.json``, ``key``), with each probe of ``higher`` and ``info`` that
    ``previous`` did not run from ``<probe>_probe/<later>_<arm>.json``: ``gate_summary`` on corpus 0.19.0, each older
    probe with 1 case of slack, the shipped and the candidate figures keyed by ``names``."""
    folder = Path(folder)
    earlier = folder.parent / previous / "summary.json"
    ran = json.loads(earlier.read_text(encoding="utf-8"))["arm_A"][key]
    newer = tuple(p for p in (higher, *info) if f"{p}_probe" not in ran)

    def shipped(arm: str) -> dict[str, Any]:
        return earlier_shipped(earlier, arm, key, newer, later)

    return gate_summary(folder, experiment, shipped, "on_0190", not_lower, higher, info, names, probe_slack=1)


def shipped_figures(experiments: str | Path, run: str, arm: str, probes: Iterable[str], measure090: str | Path,
                    later: str = "s33") -> dict[str, Any]:
    """A shipped arm's figures as the gates quote them: corpus 0.9.0's headline from ``measure090``, the harness and
    calibration of the round ``run`` that made it (``experiments/run/wise_*``), and each probe's cases right from that
    round, or, for a probe written after it, from the probe's own folder (``<probe>_probe/<later>_<arm>.json``)."""
    made = Path(experiments) / run

    def load(path: Path) -> Any:
        return json.loads(path.read_text(encoding="utf-8"))

    def probe(p: str) -> int:
        own = made / f"wise_{p}_probe_{arm}.json"
        return probe_right(own if own.is_file() else Path(experiments) / f"{p}_probe" / f"{later}_{arm}.json")

    return {"on_090": headline(load(Path(measure090))),
            "harness": load(made / f"wise_places_{arm}.json")["pelias_harness"]["pass_rate"],
            "calibration": calibration_headline(load(made / f"wise_calibration_{arm}.json")),
            **{f"{p}_probe": probe(p) for p in probes}}


def earlier_shipped(summary: str | Path, arm: str, key: str, later_probes: Iterable[str], later: str) -> dict[str, Any]:
    """A shipped arm's figures as an earlier round's ``summary`` quotes them (``arm_<arm>[key]``), with each probe of
    ``later_probes``, written after that round, from its own folder (``<probe>_probe/<later>_<arm>.json``)."""
    summary = Path(summary)
    old = json.loads(summary.read_text(encoding="utf-8"))[f"arm_{arm}"][key]
    return dict(old) | {f"{p}_probe": probe_right(summary.parents[1] / f"{p}_probe" / f"{later}_{arm}.json")
                        for p in later_probes}


def probe_right(path: str | Path) -> int:
    """Cases right in a probe's output file (``right`` or ``full``, as each probe names it)."""
    d = json.loads(Path(path).read_text(encoding="utf-8"))
    return int(d["right"] if "right" in d else d["full"])


def measure_arm(folder: str | Path, corpus_dir: str | Path, test_max: int = 10000, threads: int = 2,
                write: bool = True) -> dict[str, Any]:
    from model.artifact import MANIFEST_FILE
    from model.tagger import Tagger

    folder = Path(folder)
    tagger = Tagger.load(folder, intra_threads=threads, batch_threads=threads)
    real = list(read_split(corpus_dir, "real_test"))
    test = list(read_split(corpus_dir, "test"))[:test_max]
    out = {
        "real_test_metrics": per_country(tagger, real) | {"split": "real_test", "n": len(real)},
        "test_metrics": per_country(tagger, test) | {"split": "test", "n": len(test)},
        "speed": speed(tagger, [e["text"] for e in test[:SPEED_TEXTS]]) | {"threads": threads},
    }
    if write:
        manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
        manifest.update(out)
        (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
    return out


def pareto(points: list[dict[str, Any]], path: str | Path, min_rows: int = 100) -> None:
    """points: [{"name", "addresses_per_s", "per_country": {cc: {"n", "exact_match"}}}] -> PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    ccs = sorted({cc for p in points for cc, v in p["per_country"].items() if v["n"] >= min_rows})
    for cc in ccs:
        pts = sorted((p["addresses_per_s"], p["per_country"][cc]["exact_match"], p["name"]) for p in points
                     if cc in p["per_country"])
        ax.plot([x for x, _, _ in pts], [y for _, y, _ in pts], marker="o", label=cc)
        for x, y, name in pts:
            ax.annotate(name, (x, y), fontsize=7, xytext=(3, 3), textcoords="offset points")
    ax.set_xlabel("in-process addresses/s (batch 64, 2 threads)")
    ax.set_ylabel("exact match, real-text test")
    ax.set_title(f"model size: accuracy vs speed (countries with >= {min_rows} rows)", fontsize=9)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def pareto_run(folders: list[str], corpus_dir: str, out: str, threads: int = 2) -> dict[str, Any]:
    """Measure each arm folder (name = folder name; encoder size from its manifest) in this one process,
    then write ``<out>.json`` and ``<out>.png``."""
    from model.artifact import load_artifact

    points = []
    texts = [e["text"] for e in list(read_split(corpus_dir, "test"))[:SPEED_TEXTS]]
    fast = interleaved_speed(folders, texts, threads)
    for f in folders:
        m = measure_arm(f, corpus_dir, threads=threads, write=False)
        m["speed"]["addresses_per_s"] = fast[f]
        man = load_artifact(f).manifest
        mc = man["config"]["model"]
        points.append({"name": Path(f).name, "folder": str(f), "step": man.get("parent_step"),
                       "encoder": f"{mc['n_layers']}x{mc['d_model']} (ff {mc['d_ff']})",
                       "addresses_per_s": m["speed"]["addresses_per_s"],
                       "real_test_exact": m["real_test_metrics"]["exact_match"],
                       "test_f1": m["test_metrics"]["f1"],
                       "per_country": m["real_test_metrics"]["per_country"]})
    result = {"corpus": corpus_dir, "threads": threads, "batch": SPEED_BATCH, "points": points,
              "speed_rule": "best of 4 interleaved rounds over the first 2,048 test texts (shared, loaded box)"}
    Path(out + ".json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    pareto(points, out + ".png")
    return result


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="model-size Pareto: measure arm folders, plot exact match vs speed")
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out", required=True, help="output path without extension (.json and .png are written)")
    a = ap.parse_args()
    print(json.dumps(pareto_run(a.folders, a.corpus, a.out), indent=2))
