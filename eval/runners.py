"""The runners: each measures the deployed product path over HTTP and writes ``<runner>.{json,md}``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from eval import data as evdata
from eval import scoring
from eval.client import Client, ServiceError
from eval.sidecar import fmt, fmt_prop, md_header, md_table, provenance, write_sidecar
from model.labels import LABELS
from model.normalize import trimmed_spans


def _progress(total: int, desc: str, enabled: bool = True) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="req" if desc == "resolver" else "item", disable=not enabled,
                dynamic_ncols=True, leave=False)


def parse_all(client: Client, texts: Sequence[str], desc: str, progress: bool = True, chunk: int = 200) -> list[dict[str, Any]]:
    """Every text through /parse/batch, answers in input order. A text this client has parsed before
    (the harness and the corpus sample are shared by several runners of one run) is not sent again."""
    cache = client.parsed
    todo = list(dict.fromkeys(t for t in texts if t not in cache))
    with _progress(len(todo), desc, progress) as bar:
        done = 0
        for results in client.parse_batch(todo, chunk=chunk):
            cache.update(zip(todo[done : done + len(results)], results, strict=True))
            done += len(results)
            bar.update(len(results))
    return [cache[t] for t in texts]


def _arm_for_provenance(client: Client) -> tuple[dict[str, Any], str]:
    arms = client.arms()
    arm = client.arm or arms["primary"]
    if arm not in (arms.get("arms") or {}):
        raise ServiceError(f"arm {arm!r} is not served at {client.url} (arms: {sorted(arms.get('arms') or {})})")
    return arms, arm


# --------------------------------------------------------------------------------------------------
# 1. resolver


def is_locality_match(place: dict[str, Any] | None, city: str, region: str) -> bool:
    """The top result is the point's locality: folded name equal and same region code (US)."""
    if not place:
        return False
    if place.get("country") not in (None, "", "US"):
        return False
    return (scoring.fold_place_name(str(place.get("name") or "")) == scoring.fold_place_name(city)
            and str(place.get("region_code") or "").upper() == region.upper())


def run_resolver(client: Client, out: Path, source_data_dir: Path, *, limit: int | None = None,
                 seed: int = evdata.DEFAULT_SEED, concurrency: int = 4, country: str | None = None,
                 progress: bool = True) -> dict[str, Any]:
    arms, _ = _arm_for_provenance(client)
    path = evdata.eval_points_path(source_data_dir)
    renderings, excluded = evdata.load_renderings(path, seed=seed, limit=limit, every=evdata.CLIENT_FORMATS)

    def one(r: evdata.Rendering) -> dict[str, Any]:
        error = None
        try:
            resp = client.resolve(r.text, limit=5, country=country)
        except ServiceError as exc:  # a 4xx for one input is a miss of the product path; 5xx aborts
            if exc.status is None or not 400 <= exc.status < 500 or exc.status in (404, 405):
                raise
            resp, error = {}, str(exc)
        results = resp.get("results") or []
        top = results[0] if results else None
        rank = next((i + 1 for i, p in enumerate(results) if is_locality_match(p, r.city, r.region)), None)
        dist = None
        if top and top.get("lat") is not None and top.get("lon") is not None:
            dist = scoring.haversine_km(r.lat, r.lon, float(top["lat"]), float(top["lon"]))
        return {"id": r.id, "format": r.format, "text": r.text, "city": r.city, "region": r.region,
                "correct": rank == 1, "rank": rank, "distance_km": dist, "error": error,
                "got": None if top is None else {k: top.get(k) for k in
                                                 ("name", "region_code", "country", "score", "match", "place_id")}}

    rows: list[dict[str, Any]] = []
    with _progress(len(renderings), "resolver", progress) as bar, ThreadPoolExecutor(max(1, concurrency)) as pool:
        for row in pool.map(one, renderings):
            rows.append(row)
            bar.update(1)

    correct = sum(r["correct"] for r in rows)
    per_format = {}
    for f in evdata.CLIENT_FORMATS:
        sub = [r for r in rows if r["format"] == f]
        per_format[f] = scoring.proportion(sum(r["correct"] for r in sub), len(sub))
    dists = [r["distance_km"] for r in rows if r["distance_km"] is not None]
    metrics: dict[str, Any] = {
        "accuracy": scoring.proportion(correct, len(rows)),
        "acc_at_5": scoring.proportion(sum(r["rank"] is not None for r in rows), len(rows)),
        "per_format": per_format,
        "no_result": sum(r["got"] is None for r in rows),
        "errors": sum(r["error"] is not None for r in rows),
        "distance_km": {
            "n": len(dists),
            "median": scoring.percentile(dists, 50),
            "p90": scoring.percentile(dists, 90),
            "within_10km": (sum(d <= 10.0 for d in dists) / len(dists)) if dists else None,
        },
        "excluded": excluded,
    }
    failures = [r for r in rows if not r["correct"]]
    side = provenance("resolver", client.url, client.arm, arms, [path],
                      {"limit": limit, "seed": seed, "country": country, "formats": list(evdata.CLIENT_FORMATS),
                       "formats_rule": "every point in each format",
                       "truth": "gazetteer place named by the row's CITY in its REGION (region_code); "
                                "names compared after fold_place_name"})
    side.update({"metrics": metrics, "failures": failures, "served_models": client.models_seen})
    md = md_header(side, "Resolver: locality Acc@1")
    md += "\n" + md_table(["metric", "value"], [
        ["Acc@1", fmt_prop(metrics["accuracy"])],
        ["Acc@5", fmt_prop(metrics["acc_at_5"])],
        ["no result", metrics["no_result"]],
        ["4xx answers (counted wrong)", metrics["errors"]],
        ["distance median km", fmt(metrics["distance_km"]["median"])],
        ["distance p90 km", fmt(metrics["distance_km"]["p90"])],
        ["within 10 km", fmt(metrics["distance_km"]["within_10km"], pct=True)],
        ["excluded rows", ", ".join(f"{k}={v}" for k, v in excluded.items())],
    ])
    md += "\n\n## Per format\n\n" + md_table(["format", "Acc@1"], [[f, fmt_prop(p)] for f, p in per_format.items()])
    md += f"\n\n## Failures ({len(failures)})\n\n" + md_table(
        ["id", "format", "text", "expected", "got", "km"],
        [[r["id"], r["format"], r["text"], f"{r['city']}, {r['region']}",
          "—" if r["got"] is None else f"{r['got']['name']}, {r['got']['region_code']} ({r['got']['match']})",
          fmt(r["distance_km"])] for r in failures]) + "\n"
    write_sidecar(out, side, md)
    return side


# --------------------------------------------------------------------------------------------------
# 2. harness


def case_mode(case: dict[str, Any]) -> str:
    return "no_solution" if case.get("no_solution") else str(case.get("mode"))


def score_harness(cases: Sequence[dict[str, Any]], got: Sequence[scoring.ComponentDict]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Pass-rate overall, per file, per country and per mode; the failures with expected vs got."""
    passed = [scoring.harness_passes(c, g) for c, g in zip(cases, got, strict=True)]

    def group(key: Callable[[dict[str, Any]], str]) -> dict[str, Any]:
        acc: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for c, ok in zip(cases, passed, strict=True):
            acc[key(c)][0] += ok
            acc[key(c)][1] += 1
        return {k: scoring.proportion(v[0], v[1]) for k, v in sorted(acc.items())}

    metrics = {
        "overall": scoring.proportion(sum(passed), len(cases)),
        "per_mode": group(case_mode),
        "per_file": group(lambda c: str(c.get("file"))),
        "per_country": group(lambda c: c.get("country") or "none"),
    }
    failures = [{"input": c["input"], "file": c.get("file"), "country": c.get("country"), "mode": case_mode(c),
                 "expected": scoring.harness_acceptable(c), "got": g}
                for c, g, ok in zip(cases, got, passed, strict=True) if not ok]
    return metrics, failures


def harness_md(metrics: dict[str, Any], failures: list[dict[str, Any]]) -> str:
    md = "\n" + md_table(["", "pass-rate"], [["overall", fmt_prop(metrics["overall"])]]
                         + [[f"mode {k}", fmt_prop(v)] for k, v in metrics["per_mode"].items()])
    md += "\n\n## Per file\n\n" + md_table(["file", "pass-rate"], [[k, fmt_prop(v)] for k, v in metrics["per_file"].items()])
    md += "\n\n## Per country\n\n" + md_table(["country", "pass-rate"], [[k, fmt_prop(v)] for k, v in metrics["per_country"].items()])
    md += f"\n\n## Failures ({len(failures)})\n\n" + md_table(
        ["input", "file", "mode", "expected", "got"],
        [[f["input"], f["file"], f["mode"], " OR ".join(_cd(e) for e in f["expected"]), _cd(f["got"])] for f in failures])
    return md + "\n"


def _cd(d: scoring.ComponentDict) -> str:
    return "{" + ", ".join(f"{k}: {v if len(v) > 1 else v[0]!r}" for k, v in d.items()) + "}" if d else "{}"


def run_harness(client: Client, out: Path, source_data_dir: Path, *, limit: int | None = None,
                progress: bool = True) -> dict[str, Any]:
    arms, _ = _arm_for_provenance(client)
    path = evdata.harness_path(source_data_dir)
    cases = evdata.load_harness(path, limit=limit)
    parses = parse_all(client, [c["input"] for c in cases], "harness", progress)
    got = [scoring.components_to_dict(p.get("components") or []) for p in parses]
    metrics, failures = score_harness(cases, got)
    side = provenance("harness", client.url, client.arm, arms, [path],
                      {"limit": limit, "labels": "model.labels.PELIAS_TO_ADDRNET",
                       "values": "model.normalize.collapse_whitespace, case-sensitive",
                       "no_solution": "passes only when the parse has no components"})
    side.update({"metrics": metrics, "failures": failures, "served_models": client.models_seen})
    write_sidecar(out, side, md_header(side, "Harness: pelias/parser test cases") + harness_md(metrics, failures))
    return side


# --------------------------------------------------------------------------------------------------
# 3. calibration and 4. components


def harness_gold_values(case: dict[str, Any]) -> set[tuple[str, str]]:
    """Gold (label, value) pairs of a harness case for component-level scoring: the expected parse,
    or the union of all listed solutions in ``all_solutions`` mode."""
    return {(lab, v) for sol in scoring.harness_acceptable(case) for lab, vs in sol.items() for v in vs}


def corpus_gold_spans(record: dict[str, Any]) -> set[tuple[str, int, int]]:
    """A corpus record's gold spans as /parse reports them (``model.normalize.trimmed_spans``)."""
    return trimmed_spans(record["text"], record["spans"])


CALIBRATION_DEFINITIONS = {
    "component": "one entry of a /parse response's `components`",
    "correct": "harness: a gold component with the same label and the same value (collapse_whitespace) "
               "exists (top_solution: expected; all_solutions: any listed solution; no_solution cases "
               "are excluded); corpus: a gold span with the same label and the same (start, end) exists",
    "wrong_at_conf_ge_0.9": "#(wrong components with confidence >= 0.9) / #(components with confidence >= 0.9)",
    "share_of_wrong_at_conf_ge_0.9": "#(wrong components with confidence >= 0.9) / #(wrong components)",
    "p90_conf_of_wrong": "90th percentile (linear interpolation) of confidence over wrong components",
    "ece": "10 equal-width bins [i/10,(i+1)/10), last closed; sum over bins n_b/N * |accuracy_b - mean conf_b|",
}


def reliability_png(path: Path, bins: list[dict[str, Any]], title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5, 5))
    centres = [(b["lo"] + b["hi"]) / 2 for b in bins]
    accs = [b["accuracy"] if b["accuracy"] is not None else 0.0 for b in bins]
    ax.bar(centres, accs, width=0.1, edgecolor="black", alpha=0.7, label="accuracy")
    ax.plot([0, 1], [0, 1], "k--", label="perfect calibration")
    for c, b in zip(centres, bins, strict=True):
        if b["n"]:
            ax.text(c, 0.02, str(b["n"]), ha="center", fontsize=7, rotation=90)
    ax.set_xlabel("confidence")
    ax.set_ylabel("accuracy")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_title(title)
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def run_calibration(client: Client, out: Path, source_data_dir: Path, *, corpus: str | Path | None = None,
                    sample: int = 2000, seed: int = evdata.DEFAULT_SEED, limit: int | None = None,
                    progress: bool = True) -> dict[str, Any]:
    arms, arm = _arm_for_provenance(client)
    hpath = evdata.harness_path(source_data_dir)
    cases = [c for c in evdata.load_harness(hpath, limit=limit) if not c.get("no_solution")]
    cpath = evdata.resolve_corpus_test(corpus, arms["arms"][arm].get("corpus_version"))
    records = evdata.load_corpus_sample(cpath, sample, seed=seed, limit=limit)

    wrong_items: list[dict[str, Any]] = []

    def marked(source: str, texts: list[str], golds: list[set[Any]],
               mark: Callable[[list[dict[str, Any]], set[Any]], list[bool]]) -> tuple[list[float], list[bool]]:
        """Parse ``texts`` and mark every emitted component against its text's gold: (confidences, marks)."""
        confs: list[float] = []
        oks: list[bool] = []
        for gold, parse in zip(golds, parse_all(client, texts, f"calibration/{source}", progress), strict=True):
            comps = parse.get("components") or []
            for c, ok in zip(comps, mark(comps, gold), strict=True):
                confs.append(float(c["confidence"]))
                oks.append(ok)
                if not ok:
                    wrong_items.append({"source": source, "text": parse.get("text"), **_comp(c)})
        return confs, oks

    per_source = {
        "harness": marked("harness", [c["input"] for c in cases], [harness_gold_values(c) for c in cases],
                          scoring.mark_correct_by_value),
        "corpus": marked("corpus", [r["text"] for r in records], [corpus_gold_spans(r) for r in records],
                         scoring.mark_correct_by_span),
    }

    all_conf = per_source["harness"][0] + per_source["corpus"][0]
    all_ok = per_source["harness"][1] + per_source["corpus"][1]
    overall = scoring.calibration_metrics(all_conf, all_ok)
    metrics = {"overall": overall,
               "per_source": {k: scoring.calibration_metrics(v[0], v[1]) for k, v in per_source.items()},
               "n_records": {"harness": len(cases), "corpus": len(records)}}
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    png = out / "calibration_reliability.png"
    reliability_png(png, overall["bins"], f"arm {arm}: reliability (ECE {fmt(overall['ece'])})")
    wrong_items.sort(key=lambda w: -w["confidence"])
    failures = [w for w in wrong_items if w["confidence"] >= scoring.CONF_THRESHOLD]
    side = provenance("calibration", client.url, client.arm, arms, [hpath, cpath],
                      {"limit": limit, "sample": sample, "seed": seed, "corpus": str(cpath)})
    side.update({"metrics": metrics, "definitions": CALIBRATION_DEFINITIONS, "reliability_png": png.name,
                 "failures": failures, "served_models": client.models_seen})
    rows = []
    for name, m in [("overall", overall), *metrics["per_source"].items()]:
        rows.append([name, m["n_components"], m["n_conf_ge_0.9"], fmt(m["wrong_at_conf_ge_0.9"], pct=True),
                     fmt(m["p90_conf_of_wrong"]), fmt(m["ece"])])
    md = md_header(side, "Calibration of emitted components") + "\n" + md_table(
        ["source", "components", "conf ≥ 0.9", "wrong_at_conf_ge_0.9", "p90_conf_of_wrong", "ECE"], rows)
    md += f"\n\n![reliability]({png.name})\n\n## Definitions\n\n" + "\n".join(
        f"- `{k}`: {v}" for k, v in CALIBRATION_DEFINITIONS.items())
    md += "\n\n## Bins (overall)\n\n" + md_table(["bin", "n", "accuracy", "mean confidence"], [
        [f"[{b['lo']:.1f}, {b['hi']:.1f})", b["n"], fmt(b["accuracy"]), fmt(b["mean_confidence"])] for b in overall["bins"]])
    md += f"\n\n## Wrong components at confidence ≥ 0.9 ({len(failures)})\n\n" + md_table(
        ["source", "text", "label", "value", "confidence"],
        [[w["source"], w["text"], w["label"], w["value"], f"{w['confidence']:.3f}"] for w in failures]) + "\n"
    write_sidecar(out, side, md)
    return side


def _comp(c: dict[str, Any]) -> dict[str, Any]:
    return {"label": c["label"], "value": c["value"], "start": c["start"], "end": c["end"],
            "confidence": float(c["confidence"])}


def run_components(client: Client, out: Path, *, corpus: str | Path | None = None, sample: int = 2000,
                   seed: int = evdata.DEFAULT_SEED, limit: int | None = None, progress: bool = True) -> dict[str, Any]:
    arms, arm = _arm_for_provenance(client)
    cpath = evdata.resolve_corpus_test(corpus, arms["arms"][arm].get("corpus_version"))
    records = evdata.load_corpus_sample(cpath, sample, seed=seed, limit=limit)
    parses = parse_all(client, [r["text"] for r in records], "components", progress)
    pairs = []
    failures = []
    for rec, parse in zip(records, parses, strict=True):
        pred = {scoring.span_key(c) for c in parse.get("components") or []}
        gold = corpus_gold_spans(rec)
        pairs.append((pred, gold))
        if pred != gold:
            text = rec["text"]
            failures.append({"text": text,
                             "missing": [[lab, text[s:e], s, e] for lab, s, e in sorted(gold - pred, key=lambda x: x[1])],
                             "spurious": [[lab, text[s:e], s, e] for lab, s, e in sorted(pred - gold, key=lambda x: x[1])]})
    metrics = scoring.component_prf(pairs, LABELS)
    metrics["n_records"] = len(records)
    side = provenance("components", client.url, client.arm, arms, [cpath],
                      {"limit": limit, "sample": sample, "seed": seed, "corpus": str(cpath),
                       "match": "same label and same (start, end)"})
    side.update({"metrics": metrics, "failures": failures, "served_models": client.models_seen})
    md = md_header(side, "Components: per-label P/R/F1 on the corpus test split") + "\n" + md_table(
        ["label", "precision", "recall", "F1", "gold", "predicted"],
        [[lab, fmt(m["precision"]), fmt(m["recall"]), fmt(m["f1"]), m["n_gold"], m["n_pred"]]
         for lab, m in [*metrics["per_label"].items(), ("micro", metrics["micro"])]])
    md += f"\n\nexact match (records): {fmt_prop(metrics['exact_match'])}\n"
    md += f"\n## Failures ({len(failures)})\n\n" + md_table(
        ["text", "missing", "spurious"],
        [[f["text"], "; ".join(f"{m[0]}={m[1]!r}" for m in f["missing"]),
          "; ".join(f"{m[0]}={m[1]!r}" for m in f["spurious"])] for f in failures]) + "\n"
    write_sidecar(out, side, md)
    return side

