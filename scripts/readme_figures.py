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
    rows = ["| arm | init | dev F1 | dev exact | Pelias harness (manifest) | int8 kept | train wall time |",
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


def compare_lines() -> list[str]:
    """`addrnet bench compare` (one run: the figures of record are its ratios) and `addrnet bench means`."""
    c = load("bench/results/compare.json")
    if not c or "targets" not in c:
        return []
    h = c["http"]
    out = [f"`addrnet bench compare` ({c['date']}, {c['cpus']} CPUs, `--workers {c['workers']}`, "
           f"{c['inputs']['n']:,} generated addresses, sha256 `{c['inputs']['sha256'][:12]}`; "
           "`bench/results/compare.json`, `compare.png`):", "",
           "| figure of record | value | target | met |", "| --- | --- | --- | --- |"]
    for key, v in c["targets"].items():
        met = "n/a" if v["met"] is None else ("yes" if v["met"] else "**no**")
        out.append(f"| {key} | {num(v['value'], '{:.3f}')} | {v['target']} | {met} |")
    ip = ", ".join(f"{x['kind']} x{x['processes']} {x['addresses_per_s']:,.0f}/s" for x in c["inprocess"])
    r = c["ratios"]
    out += ["", f"- in-process: {ip}",
            f"- per CPU-second (the machine is shared; CPU time moves less than wall time): in-process addrnet vs "
            f"usaddress x{num(r.get('inprocess_per_cpu_vs_usaddress_per_cpu'))}; /parse c=32 server CPU per request, "
            f"bare FastAPI / addrnet x{num(r.get('http_parse_c32_cpu_vs_bare'))}"
            + (f", before / now x{num(r.get('http_parse_c32_cpu_vs_baseline'))}" if r.get("http_parse_c32_cpu_vs_baseline") else "")]
    if "addresses_per_s" in c.get("pelias", {}):
        out.append(f"- pelias-parser (1 process): {c['pelias']['addresses_per_s']:,.0f}/s")
    else:
        out.append(f"- pelias-parser: skipped ({c.get('pelias', {}).get('skipped', 'not run')})")
    line = (f"- HTTP /parse c=1: p50 {h['parse_c1']['p50_ms']:.2f} ms; c=32: {h['parse_c32']['requests_per_s']:,.0f} "
            f"req/s, p99 {h['parse_c32']['p99_ms']:.1f} ms; bare FastAPI c=32: {h['bare_parse_c32']['requests_per_s']:,.0f} req/s")
    coalesced = h.get("bare_coalesced_parse_c32")
    if coalesced:
        line += (f"; the bare endpoint with addrnet's one-write protocol (`app/protocol.py`; information): "
                 f"{coalesced['requests_per_s']:,.0f} req/s, addrnet / it x{num(r.get('http_parse_c32_vs_bare_coalesced_c32'))}")
    out.append(line)
    out.append(f"- HTTP /parse/batch (1,000 a request) c={c['workers']}: {h['batch_cW']['addresses_per_s']:,.0f} "
               f"addresses/s; RSS per worker fresh {h['rss_fresh_mb']} MB, after {h['soak']['seconds']:.0f} s mixed "
               f"load {h['rss_after_soak_mb']} MB; start to ready {num(h.get('ready_s'))} s")
    base = h.get("baseline")
    if base:
        out.append(f"- before this work (`{base['ref']}`, same run): /parse c=32 {base['parse_c32']['requests_per_s']:,.0f} "
                   f"req/s (now x{num(r.get('http_parse_c32_vs_baseline'))}), /parse/batch "
                   f"{base['batch_cW']['addresses_per_s']:,.0f} addresses/s (now x{num(r.get('http_batch_vs_baseline'))}), "
                   f"in-process x{num(r.get('inprocess_1proc_vs_baseline'))}")
    m = load("bench/results/means.json")
    if m:
        ip = m["in_process"]
        tok, runs = ip["tokenize_addresses_per_s"], ip["parse_batch_1000_addresses_per_s"]
        pvt = m["processes_vs_threads_addresses_per_s"]
        enc = ip["encode_1000_bodies_per_s"]
        out += ["", "`addrnet bench means` (each measure alone; `bench/results/means.json`):", "",
                "| measure | without | with |", "| --- | --- | --- |",
                f"| per-word token-id cache (addresses/s) | {tok['encode_batch per word sequence']:,.0f} | "
                f"{tok['per-word id cache']:,.0f} |",
                f"| length-sorted ONNX runs, batch of 1,000 (addresses/s) | {runs['runs of 64 in input order']:,.0f} | "
                f"{runs['runs of 64 by length']:,.0f} |",
                f"| components only, no token list (addresses/s) | {runs['runs of 64 by length, with tokens']:,.0f} | "
                f"{runs['runs of 64 by length']:,.0f} |",
                f"| 2 processes x 1 ONNX thread instead of 1 x 2 (addresses/s) | {pvt['1 process, 2 ONNX threads']:,.0f} | "
                f"{pvt['2 processes, 1 ONNX thread']:,.0f} |",
                f"| ORT graph optimization all vs disabled (addresses/s) | "
                f"{ip['onnx_graph_optimization_addresses_per_s']['disabled']:,.0f} | "
                f"{ip['onnx_graph_optimization_addresses_per_s']['all']:,.0f} |",
                f"| orjson for 1,000-result bodies (bodies/s) | {enc['json.dumps']:,.1f} | {enc['orjson.dumps']:,.1f} |",
                f"| no thread-pool hop for tiny work (us a call) | {ip['tiny_call_us']['thread-pool hop']:.1f} | "
                f"{ip['tiny_call_us']['direct']:.2f} |"]
        hp = m.get("http_parse_c32")
        if hp:
            d = hp["default"]["requests_per_s"]
            out.append(f"| micro-batching /parse (c=32 req/s) | {hp['micro-batching off (parse_batch_max=1)']['requests_per_s']:,.0f}"
                       f" | {d:,.0f} |")
            out.append(f"| no token list unless `?tokens=true` (c=32 req/s) | {hp['?tokens=true']['requests_per_s']:,.0f} | {d:,.0f} |")
            shared = hp["uvicorn's launcher (one shared socket)"]["requests_per_s"]
            out.append(f"| one SO_REUSEPORT socket per worker (c=32 req/s) | {shared:,.0f} | {d:,.0f} |")
            out.append(f"| LRU of 1,024 answers, repeating texts (c=32 req/s) | "
                       f"{hp['repeating texts, LRU cache off']['requests_per_s']:,.0f} | "
                       f"{hp['repeating texts, LRU cache 1,024']['requests_per_s']:,.0f} |")
            out.append(f"| a 2 ms batching wait (c=32 req/s) | {d:,.0f} | {hp['micro-batching wait 2 ms']['requests_per_s']:,.0f} |")
    return out + [""]


def bench_lines() -> list[str]:
    out = compare_lines()
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
