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
    """(label, raw confidence, exactly right?) of every predicted component, against gold spans."""
    saved, tagger.calibrator = getattr(tagger, "calibrator", None), None
    labels: list[str] = []
    conf: list[float] = []
    ok: list[bool] = []
    try:
        for b0 in range(0, len(examples), batch_size):
            part = examples[b0 : b0 + batch_size]
            for ex, res in zip(part, tagger.parse_batch([e["text"] for e in part]), strict=True):
                gold = {(lab, s, e) for lab, s, e in ex["spans"]}
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


def calibrate_arm(folder: Any, corpus_dir: Any, harness_path: Any = None, write: bool = True) -> dict[str, Any]:
    """Fit per-label isotonic maps on ``real_calib``; measure before/after on ``real_test`` and the harness.

    "Keep whichever measures better" is decided on the calibration split alone (2-fold: maps fitted on one
    half, ECE measured on the other, against the raw ECE); real_test and the harness are only reported. With ``write``, the manifest gets ``calibration`` and ``reliability.png`` is added to
    the arm folder (and to the manifest's sha256 table)."""
    import json
    from pathlib import Path

    from model.artifact import MANIFEST_FILE, sha256_file
    from model.calibration import Calibrator
    from model.tagger import Tagger
    from training.corpus_build import read_split
    from training.harness import DEFAULT_CASES, load_cases

    folder = Path(folder)
    tagger = Tagger.load(folder)
    calib = list(read_split(corpus_dir, "real_calib"))
    test = list(read_split(corpus_dir, "real_test"))
    lab_c, conf_c, ok_c = component_outcomes(tagger, calib)
    cal = Calibrator.fit(lab_c, conf_c, ok_c)
    lab_t, conf_t, ok_t = component_outcomes(tagger, test)
    after_t = np.array([cal(lab, c) for lab, c in zip(lab_t, conf_t, strict=True)])
    cases = load_cases(harness_path or DEFAULT_CASES)
    lab_h, conf_h, ok_h = harness_outcomes(tagger, cases)
    after_h = np.array([cal(lab, c) for lab, c in zip(lab_h, conf_h, strict=True)])
    report: dict[str, Any] = {
        "fitted_on": {"split": "real_calib", "components": int(len(conf_c))},
        "real_test": {"raw": _measures(conf_t, ok_t), "isotonic": _measures(after_t, ok_t)},
        "harness": {"raw": _measures(conf_h, ok_h), "isotonic": _measures(after_h, ok_h), "fitted": False},
    }
    from model.calibration import ece

    folds = np.arange(len(conf_c)) % 2
    lab_arr = np.asarray(lab_c)
    cv = []
    for k in (0, 1):
        fit, held = folds != k, folds == k
        half = Calibrator.fit(list(lab_arr[fit]), conf_c[fit], ok_c[fit])
        mapped = np.array([half(lab, c) for lab, c in zip(lab_arr[held], conf_c[held], strict=True)])
        cv.append((ece(mapped, ok_c[held]), ece(conf_c[held], ok_c[held])))
    report["selection"] = {"rule": "2-fold on real_calib: isotonic kept if its held-out ECE < raw ECE",
                           "isotonic_ece": float(np.mean([a for a, _ in cv])), "raw_ece": float(np.mean([b for _, b in cv]))}
    keep = report["selection"]["isotonic_ece"] < report["selection"]["raw_ece"]
    report["method"] = "isotonic" if keep else "none"
    if write:
        png = folder / "reliability.png"
        curves = {"real_test raw": (conf_t, ok_t), "real_test isotonic": (after_t, ok_t),
                  "harness raw": (conf_h, ok_h), "harness isotonic": (after_h, ok_h)}
        plot_reliability(curves, png, f"arm {tagger.name}: reliability (kept: {report['method']})")
        manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
        manifest["calibration"] = (cal.to_json() if keep else {"method": "none"}) | {"report": report}
        manifest["files"] = {**manifest["files"], png.name: sha256_file(png)}
        (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
        Tagger.load(folder)  # the folder still verifies
    return report
