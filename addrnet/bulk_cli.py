"""``addrnet parse``: parse (and optionally resolve) an address column of a CSV, JSONL or Parquet file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from model.labels import VIEWS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "parse",
        help="Parse an address column of a CSV, JSONL or Parquet file (resumable, in parallel).",
        description="Parse the addresses in INPUT's column into OUTPUT: every input column, then one column per "
        "component and its confidence (and with --resolve the best place). Formats by extension: .csv, .jsonl, "
        ".parquet (Parquet output is a folder of part files). Bad rows go to OUTPUT.errors.jsonl with the reason; a "
        "rerun with the same arguments resumes where the last one stopped (OUTPUT.progress.json).",
    )
    p.add_argument("input", type=Path, help="CSV (with a header), JSONL or Parquet file")
    p.add_argument("--column", default="address", help="the address column or field (default: address)")
    p.add_argument("--out", type=Path, required=True, help="output file (.csv, .jsonl) or folder (.parquet)")
    p.add_argument("--workers", type=int, default=1, help="parsing processes (default: 1, in this process)")
    p.add_argument("--arm", default="A", help="arm to parse with (default: A)")
    p.add_argument("--labels", choices=VIEWS, default="addrnet", help="label names of the output columns")
    p.add_argument("--prefix", default="", help="prefix of the added columns, e.g. parsed_ (default: none)")
    p.add_argument("--resolve", action="store_true",
                   help="add the best gazetteer place: place_id, name, country, lat, lon, match level, score")
    p.add_argument("--database-url", default=None, help="gazetteer for --resolve (default: the server's setting)")
    p.add_argument("--errors", type=Path, default=None, help="errors file (default: OUTPUT.errors.jsonl)")
    p.add_argument("--overwrite", action="store_true", help="start afresh, replacing OUTPUT and its records")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=parse_file)


def parse_file(args: argparse.Namespace) -> int:
    from addrnet.bulk import BulkError, Job, run

    if args.workers < 1:
        print("addrnet parse: --workers must be at least 1", file=sys.stderr)
        return 2
    job = Job(input=args.input, out=args.out, column=args.column, workers=args.workers, arm=args.arm,
              labels=args.labels, prefix=args.prefix, resolve=args.resolve,
              database_url=args.database_url or (args.settings.db_url if args.resolve else None),
              errors=args.errors, overwrite=args.overwrite, progress=not args.quiet)
    try:
        summary = run(job)
    except (BulkError, FileNotFoundError) as exc:
        print(f"addrnet parse: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(summary))
    return 0
