"""Post-hoc temperature scaling of the tagger's confidences.

Training with label smoothing 0.1 caps the predicted tag's probability near 0.9 even when the model is
almost always right, so raw softmax confidences are under-confident. One scalar temperature ``T``,
fitted on the dev split by minimizing the negative log-likelihood of the gold word tags, rescales the
logits (``softmax(logits / T)``). It never changes the predicted tags, only the confidences. The
serving tagger reads ``T`` from the artifact manifest (``temperature``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from model.labels import TAG_TO_ID
from training.data import gold_spans


def nll(logits: np.ndarray, gold: np.ndarray, temperature: float) -> float:
    z = logits / temperature
    z = z - z.max(axis=-1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
    return float(-logp[np.arange(len(gold)), gold].mean())


def fit_temperature(logits: np.ndarray, gold: np.ndarray, lo: float = 0.05, hi: float = 5.0, iters: int = 60) -> float:
    """Golden-section search of T in [lo, hi] minimizing the NLL (convex in 1/T)."""
    phi = (np.sqrt(5) - 1) / 2
    a, b = np.log(lo), np.log(hi)
    c, d = b - phi * (b - a), a + phi * (b - a)
    fc, fd = nll(logits, gold, float(np.exp(c))), nll(logits, gold, float(np.exp(d)))
    for _ in range(iters):
        if fc < fd:
            b, d, fd = d, c, fc
            c = b - phi * (b - a)
            fc = nll(logits, gold, float(np.exp(c)))
        else:
            a, c, fc = c, d, fd
            d = a + phi * (b - a)
            fd = nll(logits, gold, float(np.exp(d)))
    return float(np.exp((a + b) / 2))


def dev_word_logits(tagger: Any, examples: list[dict], batch_size: int = 256) -> tuple[np.ndarray, np.ndarray]:
    """Word-level logits of the serving tagger and the gold tag ids, over examples."""
    from training.data import example_words_tags

    all_logits, all_gold = [], []
    for b0 in range(0, len(examples), batch_size):
        part = [example_words_tags(ex) for ex in examples[b0 : b0 + batch_size]]
        logits, counts, _ = tagger.word_logits([[w.text for w in words] for words, _ in part])
        for b, (_, tags) in enumerate(part):
            n = int(counts[b])
            all_logits.append(logits[b, :n])
            all_gold.append(np.array([TAG_TO_ID[t] for t in tags[:n]], dtype=np.int64))
    return np.concatenate(all_logits).astype(np.float64), np.concatenate(all_gold)


def calibrate(tagger: Any, examples: list[dict]) -> dict[str, float]:
    logits, gold = dev_word_logits(tagger, examples)
    t = fit_temperature(logits, gold)
    return {"temperature": t, "dev_words": int(len(gold)), "dev_nll_t1": nll(logits, gold, 1.0),
            "dev_nll": nll(logits, gold, t)}


# ---------------------------------------------------------------- component calibration on real text
def component_outcomes(tagger: Any, examples: list[dict], batch_size: int = 128) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(label, raw confidence, exactly right?) of every predicted component, against the gold spans as the tagger
    reports them (``training.data.gold_spans``: the same gold as every exact-match figure)."""
    saved, tagger.calibrator = getattr(tagger, "calibrator", None), None
    labels: list[str] = []
    conf: list[float] = []
    ok: list[bool] = []
    try:
        for b0 in range(0, len(examples), batch_size):
            part = examples[b0 : b0 + batch_size]
            for ex, res in zip(part, tagger.parse_batch([e["text"] for e in part]), strict=True):
                gold = gold_spans(ex)
                for c in res.components:
                    labels.append(c.label)
                    conf.append(c.confidence)
                    ok.append((c.label, c.start, c.end) in gold)
    finally:
        tagger.calibrator = saved
    return labels, np.asarray(conf), np.asarray(ok)


def harness_outcomes(tagger: Any, cases: list[dict], batch_size: int = 64) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The same over Pelias harness cases (measured only, never fitted): a component is right when its
    value is among the expected values of its label in the best-matching acceptable solution."""
    from model.harness import harness_acceptable
    from model.normalize import collapse_whitespace

    saved, tagger.calibrator = getattr(tagger, "calibrator", None), None
    labels: list[str] = []
    conf: list[float] = []
    ok: list[bool] = []
    try:
        for b0 in range(0, len(cases), batch_size):
            part = cases[b0 : b0 + batch_size]
            for case, res in zip(part, tagger.parse_batch([c["input"] for c in part]), strict=True):
                comps = [(c.label, collapse_whitespace(c.value), c.confidence) for c in res.components]
                best: list[bool] = []
                for want in harness_acceptable(case):
                    hits = [v in want.get(lab, []) for lab, v, _ in comps]
                    if len(hits) and (not best or sum(hits) > sum(best)):
                        best = hits
                best = best or [False] * len(comps)
                for (lab, _, cf), hit in zip(comps, best, strict=True):
                    labels.append(lab)
                    conf.append(cf)
                    ok.append(hit)
    finally:
        tagger.calibrator = saved
    return labels, np.asarray(conf), np.asarray(ok)


def _measures(conf: np.ndarray, ok: np.ndarray) -> dict[str, Any]:
    from model.calibration import ece, p90_wrong

    return {"n": int(len(conf)), "accuracy": float(ok.mean()) if len(ok) else None, "ece": ece(conf, ok),
            "p90_wrong": p90_wrong(conf, ok)}


def plot_reliability(curves: dict[str, tuple[np.ndarray, np.ndarray]], path: Any, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from model.calibration import reliability

    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], color="grey", lw=1, ls="--", label="perfect")
    for name, (conf, ok) in curves.items():
        pts = [r for r in reliability(conf, ok, 10) if r["n"]]
        ax.plot([r["confidence"] for r in pts], [r["accuracy"] for r in pts], marker="o", label=name)
    ax.set_xlabel("component confidence")
    ax.set_ylabel("fraction exactly right")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_title(title, fontsize=9)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _cv_ece(lab: list[str], conf: np.ndarray, ok: np.ndarray, iso: bool) -> float:
    """2-fold ECE on the calibration split: maps fitted on one half, measured on the other."""
    from model.calibration import Calibrator, ece

    folds = np.arange(len(conf)) % 2
    lab_arr = np.asarray(lab)
    out = []
    for k in (0, 1):
        fit, held = folds != k, folds == k
        if iso:
            half = Calibrator.fit(list(lab_arr[fit]), conf[fit], ok[fit])
            out.append(ece(np.array([half(a, c) for a, c in zip(lab_arr[held], conf[held], strict=True)]), ok[held]))
        else:
            out.append(ece(conf[held], ok[held]))
    return float(np.mean(out))


def calibrate_arm(folder: Any, corpus_dir: Any, harness_path: Any = None, write: bool = True) -> dict[str, Any]:
    """Calibrate component confidences on ``real_calib``; measure before/after on ``real_test`` and the harness.

    Candidates: raw softmax (T = 1), a temperature T fitted on the real_calib word tags (NLL), and each of
    these followed by per-label isotonic maps. "Keep whichever measures better" is decided on the
    calibration split alone (2-fold ECE); real_test and the harness are only reported. With ``write``, the
    manifest gets ``temperature`` and ``calibration`` and ``reliability.png`` joins the arm folder (and
    the manifest's sha256 table)."""
    import json
    from pathlib import Path

    from model.artifact import MANIFEST_FILE, sha256_file
    from model.calibration import Calibrator
    from model.tagger import Tagger
    from training.corpus_build import read_split
    from training.pass_rate import DEFAULT_CASES, load_cases

    folder = Path(folder)
    tagger = Tagger.load(folder)
    calib = list(read_split(corpus_dir, "real_calib"))
    test = list(read_split(corpus_dir, "real_test"))
    cases = load_cases(harness_path or DEFAULT_CASES)
    logits, gold = dev_word_logits(tagger, calib)
    t_fit = fit_temperature(logits, gold)
    cands: dict[str, dict[str, Any]] = {}
    curves: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    report: dict[str, Any] = {"fitted_on": {"split": "real_calib", "rows": len(calib)},
                              "temperature_fit": {"T": t_fit, "words": int(len(gold)), "nll_t1": nll(logits, gold, 1.0),
                                                  "nll": nll(logits, gold, t_fit)},
                              "real_test": {}, "harness": {"fitted": False}, "selection": {}}
    for tname, temp in (("T1", 1.0), ("Tfit", t_fit)):
        tagger.temperature = temp
        lab_c, conf_c, ok_c = component_outcomes(tagger, calib)
        lab_t, conf_t, ok_t = component_outcomes(tagger, test)
        lab_h, conf_h, ok_h = harness_outcomes(tagger, cases)
        cal = Calibrator.fit(lab_c, conf_c, ok_c)
        for iso in (False, True):
            name = f"{tname}{'+isotonic' if iso else ''}"
            ct = np.array([cal(a, c) for a, c in zip(lab_t, conf_t, strict=True)]) if iso else conf_t
            ch = np.array([cal(a, c) for a, c in zip(lab_h, conf_h, strict=True)]) if iso else conf_h
            cands[name] = {"temperature": temp, "calibrator": cal if iso else None}
            report["selection"][name] = _cv_ece(lab_c, conf_c, ok_c, iso)
            report["real_test"][name] = _measures(ct, ok_t)
            report["harness"][name] = _measures(ch, ok_h)
            curves[f"real_test {name}"] = (ct, ok_t)
            curves[f"harness {name}"] = (ch, ok_h)
    best = min(report["selection"], key=report["selection"].__getitem__)
    report["method"] = best
    report["selection_rule"] = "lowest 2-fold ECE on real_calib among T1, Tfit, T1+isotonic, Tfit+isotonic"
    if write:
        png = folder / "reliability.png"
        keep = {k: v for k, v in curves.items() if k.endswith((" T1", f" {best}"))}
        plot_reliability(keep, png, f"arm {tagger.name}: component reliability (kept: {best})")
        manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
        chosen = cands[best]
        manifest["temperature"] = chosen["temperature"]
        manifest["calibration"] = (chosen["calibrator"].to_json() if chosen["calibrator"] else {"method": "none"}) \
            | {"report": report}
        manifest["files"] = {**manifest["files"], png.name: sha256_file(png)}
        (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
        Tagger.load(folder)  # the folder still verifies
    return report
