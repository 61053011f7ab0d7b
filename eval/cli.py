"""``addrnet eval <runner>``: measure the running service over HTTP; ``addrnet eval decide``: A vs B."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

DEFAULT_URL = "http://127.0.0.1:8000"


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--url", default=DEFAULT_URL, help=f"base URL of the running service (default: {DEFAULT_URL})")
    p.add_argument("--arm", default=None, help="arm to evaluate, sent as the request's \"arm\" field (default: the service's primary)")
    p.add_argument("--out", type=Path, required=True, help="output folder, e.g. results/<run>/; writes <runner>.json and <runner>.md")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N items (points / cases / records), for smoke tests")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--timeout", type=float, default=120.0, help="HTTP timeout in seconds (default: 120)")


def _runner(esub: argparse._SubParsersAction, name: str, func: Callable[[argparse.Namespace], int], help: str,
            description: str, *, seed: bool = True, corpus: bool = False) -> argparse.ArgumentParser:
    """A runner's subcommand with the arguments every runner takes, plus ``--seed`` and the corpus ones."""
    p = esub.add_parser(name, help=help, description=description)
    _common(p)
    if seed:
        from eval.data import DEFAULT_SEED

        p.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"seed of the sample / format mix (default: {DEFAULT_SEED})")
    if corpus:
        p.add_argument("--corpus", default=None,
                       help="corpus folder or test.jsonl (default: corpus/<corpus_version of the arm's manifest>/test.jsonl)")
        p.add_argument("--sample", type=int, default=2000, help="seeded sample of the test split (default: 2000; 0 = all)")
    p.set_defaults(func=func)
    return p


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("eval", help="Evaluate the running service over HTTP; decide between arms.",
                           description="Runners measure the deployed product path over HTTP (POST /parse, "
                                       "/parse/batch, /resolve; GET /v1/arms) and write <runner>.json + "
                                       "<runner>.md; `decide` compares two arms' sidecars.")
    esub = group.add_subparsers(dest="eval_cmd", metavar="{resolver,harness,calibration,components,peers,decide}")
    esub.required = True

    p = _runner(esub, "resolver", cmd_resolver, "Locality Acc@1 of /resolve on the OA eval points.",
                "Render every point of <source_data_dir>/oa/eval_points.csv in each of 4 client "
                "formats (full, no_postcode, lowercase_no_commas, number_street_postcode), "
                "POST it to /resolve and score the top result against the row's CITY + REGION: "
                "Acc@1 with Wilson 95%% interval, overall and per format; distance to the point.")
    p.add_argument("--concurrency", type=int, default=4, help="parallel /resolve requests (default: 4)")
    p.add_argument("--country", default=None, help="send this \"country\" with every /resolve (default: none)")

    _runner(esub, "harness", cmd_harness, "Pass-rate on the pelias/parser test cases.",
            "POST every case of <source_data_dir>/harness/pelias_cases.jsonl to /parse/batch; "
            "a case passes when the components equal the expected exactly (labels via "
            "PELIAS_TO_ADDRNET, values whitespace-collapsed, case-sensitive).", seed=False)
    _runner(esub, "calibration", cmd_calibration,
            "Confidence calibration of emitted components (harness + corpus test).",
            "wrong_at_conf_ge_0.9, p90_conf_of_wrong, ECE (10 bins) and a reliability diagram "
            "(calibration_reliability.png) over the harness and a seeded corpus test sample.", corpus=True)
    _runner(esub, "components", cmd_components, "Per-label P/R/F1 and exact match on the corpus test split.",
            "A predicted component is correct when the same label and (start, end) is gold.", corpus=True)
    p = _runner(esub, "peers", cmd_peers, "addrnet beside pelias-parser 4.1.0 and usaddress (same scoring).",
                "Runs pelias-parser (npm, installed into --cache-dir) and usaddress on the harness "
                "and the resolver's rendered inputs (parse-only) and scores them with the same code "
                "as addrnet. An npm failure is recorded in the sidecar, not raised.")
    p.add_argument("--cache-dir", type=Path, default=None, help="npm prefix for pelias-parser (default: <data_dir>/peers/node)")

    p = esub.add_parser("decide", help="Decide between arm A (pretrained) and B (scratch) from sidecars.",
                        description="Reads only resolver/harness/calibration sidecars (components/peers if present); "
                                    "refuses arms with different corpus or tokenizer versions; applies the "
                                    "pre-registered SHIP/DROP/SCALE/INCONCLUSIVE rule (docs/eval.md).")
    p.add_argument("--a", type=Path, required=True, help="sidecar folder of arm A (pretrained)")
    p.add_argument("--b", type=Path, required=True, help="sidecar folder of arm B (scratch)")
    p.add_argument("--ref", type=Path, default=None, help="optional sidecar folder shown as the reference column")
    p.add_argument("--out", type=Path, required=True, help="output folder for decision.md and decision.json")
    p.set_defaults(func=cmd_decide)


def _client(args: argparse.Namespace):  # -> eval.client.Client
    from eval.client import Client

    return Client(args.url, arm=args.arm, timeout=args.timeout)


def _run(args: argparse.Namespace, fn) -> int:  # type: ignore[no-untyped-def]
    from eval.client import ServiceError
    from eval.sidecar import SidecarError

    try:
        with _client(args) as client:
            side = fn(client)
    except (ServiceError, SidecarError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {args.out}/{side['runner']}.json and .md")
    return 0


def cmd_resolver(args: argparse.Namespace) -> int:
    from eval.runners import run_resolver

    return _run(args, lambda c: run_resolver(c, args.out, args.settings.source_data_dir, limit=args.limit,
                                             seed=args.seed, concurrency=args.concurrency, country=args.country,
                                             progress=not args.no_progress))


def cmd_harness(args: argparse.Namespace) -> int:
    from eval.runners import run_harness

    return _run(args, lambda c: run_harness(c, args.out, args.settings.source_data_dir, limit=args.limit,
                                            progress=not args.no_progress))


def cmd_calibration(args: argparse.Namespace) -> int:
    from eval.runners import run_calibration

    return _run(args, lambda c: run_calibration(c, args.out, args.settings.source_data_dir, corpus=args.corpus,
                                                sample=args.sample, seed=args.seed, limit=args.limit,
                                                progress=not args.no_progress))


def cmd_components(args: argparse.Namespace) -> int:
    from eval.runners import run_components

    return _run(args, lambda c: run_components(c, args.out, corpus=args.corpus, sample=args.sample, seed=args.seed,
                                               limit=args.limit, progress=not args.no_progress))


def cmd_peers(args: argparse.Namespace) -> int:
    from eval.peers.run import run_peers

    cache = args.cache_dir or Path(args.settings.data_dir) / "peers" / "node"
    return _run(args, lambda c: run_peers(c, args.out, args.settings.source_data_dir, cache, limit=args.limit,
                                          seed=args.seed, progress=not args.no_progress))


def cmd_decide(args: argparse.Namespace) -> int:
    from eval.decide import DecisionError, decide, render_md, write_decision
    from eval.sidecar import SidecarError

    try:
        result = decide(args.a, args.b, args.ref)
    except (DecisionError, SidecarError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write_decision(result, args.out)
    print(render_md(result).split("\n## Rule")[0])
    return 0
