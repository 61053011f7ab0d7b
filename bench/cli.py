"""``addrnet bench``: benchmarks writing JSON to bench/results/."""

from __future__ import annotations

import argparse
import importlib

BENCHES = {
    "corpus": ("bench.corpus_build", "corpus build time (1M-example target: < 10 min)"),
    "tokenizer": ("bench.tokenizer_vocab", "tokens per address for several vocabulary sizes"),
    "parse": ("bench.parse_bench", "in-process ONNX parse throughput (batch 1/64, 1/2 threads)"),
    "resolver": ("bench.resolver_bench", "resolver latency on diverse queries (in process; --http URL: /resolve at c=8)"),
    "address": ("bench.address_acceptance", "address level: acceptance (>= 99% within 50 m) | eval-formats (Acc@1)"),
    "place-forms": ("bench.place_forms", "US place queries as people write them (Town of X, X Township, ...): "
                    "Acc@1 of /resolve"),
    "http": ("bench.http_bench", "HTTP /parse latency and /parse/batch throughput of a running service"),
    "shadow": ("bench.shadow_report", "the shadow report query over 1M events (target <= 200 ms)"),
    "memory": ("bench.memory_soak", "worker RSS after minutes of diverse load (target <= 200 MB after 10 min)"),
    "bulk": ("bench.bulk_bench", "addrnet parse files: 1 vs 2 workers (scaling) | a 1,000,000-row CSV (million)"),
    "spark": ("bench.spark_bench", "addrnet.spark rows/s in local[1] and local[2]"),
    "startup": ("bench.startup", "time from `addrnet serve` start to /readyz 200"),
    "means": ("bench.means", "what each speed measure gives, one at a time (-> means.json)"),
    "overhead": ("bench.overhead", "CPU around the network (in-process Python, ASGI, /parse c32, start-up): this "
                 "tree against --baseline REF (-> means_overhead.json)"),
    "int8": ("bench.int8_probe", "static (calibrated) int8 vs the fp32 arm: speed, parse agreement, batch shift "
             "(-> means_static_int8.json)"),
    "onnx": ("bench.onnx_cost", "ONNX CPU per call over rows x tokens, the inputs' token lengths (-> onnx_cost.json)"),
    "places": ("bench.places_cost", "parse CPU per address with the arm's place table on and off, alternating "
               "(-> places_cost.json)"),
    "compare": ("bench.compare", "addrnet vs usaddress in-process, HTTP vs a bare FastAPI endpoint, RSS, ready "
                "(one run -> compare.json + compare.png)"),
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="Run a benchmark (writes bench/results/*.json).",
                       description="Run a benchmark; arguments after the name go to it (try `addrnet bench parse --help`).")
    p.add_argument("name", choices=sorted(BENCHES),
                   help="; ".join(f"{k}: {v[1]}" for k, v in BENCHES.items()).replace("%", "%%"))
    p.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the benchmark")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    module = importlib.import_module(BENCHES[args.name][0])
    return int(module.main(args.args) or 0)
