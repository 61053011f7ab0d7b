"""Fill README.md's figures block from the JSON files the commands wrote (never typed by hand)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def load(rel: str) -> Any:
    path = ROOT / rel
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def pct(x: Any) -> str:
    return "n/a" if x is None else f"{100 * float(x):.2f}%"


def num(x: Any, fmt: str = "{:.2f}") -> str:
    return "n/a" if x is None else fmt.format(x)


def dig(d: Any, *keys: str) -> Any:
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def arms_table() -> list[str]:
    rows = ["| arm | init | dev F1 | dev exact | Pelias harness (export) | int8 kept | train wall time |",
            "| --- | --- | --- | --- | --- | --- | --- |"]
    for arm in ("A", "B"):
        m = load(f"artifacts/arms/{arm}/manifest.json")
        if not m:
            continue
        rows.append(
            f"| {arm} | {'MLM checkpoint' if m.get('parent_checkpoint') and arm == 'A' else 'scratch'} "
            f"| {num(dig(m, 'dev_metrics', 'f1'), '{:.4f}')} | {num(dig(m, 'dev_metrics', 'exact_match'), '{:.4f}')} "
            f"| {pct(dig(m, 'pelias_harness', 'pass_rate'))} | {dig(m, 'quantization', 'int8')} "
            f"| {num(m.get('training_wall_time_s'), '{:.0f}')} s |"
        )
    return rows


def eval_table() -> list[str]:
    rows = ["| metric (results/release) | A | B |", "| --- | --- | --- |"]
    side = {a: {r: load(f"results/release/{a}/{r}.json") for r in ("resolver", "harness", "calibration", "components")}
            for a in ("A", "B")}
    metrics = [
        ("resolver locality Acc@1", lambda s: pct(dig(s["resolver"], "metrics", "accuracy", "value"))),
        ("resolver median distance (km)", lambda s: num(dig(s["resolver"], "metrics", "distance_km", "median"))),
        ("Pelias harness pass-rate", lambda s: pct(dig(s["harness"], "metrics", "overall", "value"))),
        ("test-split component F1 (micro)", lambda s: num(dig(s["components"], "metrics", "micro", "f1"), "{:.4f}")),
        ("test-split exact match", lambda s: pct(dig(s["components"], "metrics", "exact_match", "value"))),
        ("wrong_at_conf_ge_0.9", lambda s: num(dig(s["calibration"], "metrics", "overall", "wrong_at_conf_ge_0.9"), "{:.4f}")),
        ("p90_conf_of_wrong", lambda s: num(dig(s["calibration"], "metrics", "overall", "p90_conf_of_wrong"), "{:.4f}")),
        ("ECE (10 bins)", lambda s: num(dig(s["calibration"], "metrics", "overall", "ece"), "{:.4f}")),
    ]
    for name, f in metrics:
        rows.append(f"| {name} | {f(side['A'])} | {f(side['B'])} |")
    decision = load("results/release/decision.json")
    if decision:
        rows += ["", f"Decision (`results/release/decision.md`): **{decision.get('decision')}**."]
    return rows


def bench_lines() -> list[str]:
    out = []
    parse = load("bench/results/parse.json")
    if parse:
        for r in parse.get("results", []):
            out.append(f"- in-process parse, batch {r.get('batch')}, {r.get('threads')} thread(s): "
                       f"{num(r.get('addresses_per_s'), '{:,.0f}')} addresses/s")
    http = load("bench/results/http.json")
    if http:
        for r in http["parse"]:
            out.append(f"- HTTP /parse at concurrency {r['concurrency']}: p50 {r['p50_ms']:.2f} ms, p99 {r['p99_ms']:.2f} ms")
        out.append(f"- HTTP /parse/batch (1,000 texts): {http['batch']['addresses_per_s']:,.0f} addresses/s")
    start = load("bench/results/startup.json")
    if start:
        out.append(f"- `addrnet serve` start to ready: median {start['median_s']:.2f} s")
    res = load("bench/results/resolver.json")
    if res:
        out.append(f"- resolver on SQLite: p50 {res['p50_ms']:.2f} ms, p99 {res['p99_ms']:.2f} ms per query")
    gold = load("results/resolver_gold_sqlite.json")
    gold_pg = load("results/resolver_gold_postgres.json")
    if gold and gold_pg:
        out.append(f"- resolver with gold components: Acc@1 {pct(gold.get('top1_locality_accuracy'))} (SQLite), "
                   f"{pct(gold_pg.get('top1_locality_accuracy'))} (PostgreSQL)")
    corpus = load("bench/results/corpus_build.json")
    if corpus:
        out.append(f"- corpus build: {corpus['size']:,} examples in {corpus['extrapolated_1m_seconds']:.0f} s")
    cont = load("results/container/container.json")
    if cont:
        out.append(f"- container image {cont['image_bytes'] / 1e6:.0f} MB; start to ready {cont['start_to_ready_s']:.2f} s "
                   f"(first start with gazetteer load {cont['cold_start_to_ready_s']:.1f} s)")
    return out


def main() -> None:
    block = "\n".join(["", *arms_table(), "", *eval_table(), "", *bench_lines(), ""])
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    new = re.sub(r"(<!-- figures:start -->).*?(<!-- figures:end -->)", lambda m: m.group(1) + block + m.group(2),
                 text, flags=re.S)
    readme.write_text(new, encoding="utf-8")
    print(block)


if __name__ == "__main__":
    main()
