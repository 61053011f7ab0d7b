"""The ``addrnet`` command: subcommands grouped by stage.

Each stage owns a small ``cli`` module with ``register(subparsers)``; heavy imports (torch,
onnxruntime) happen inside the command functions, so ``--help`` stays fast.
"""

from __future__ import annotations

import gc

gc.disable()  # no collections while the modules load (they only allocate); main() turns it back on

import argparse  # noqa: E402
import importlib  # noqa: E402
import sys  # noqa: E402

from addrnet.settings import get_settings  # noqa: E402

# stage module -> the groups it registers
STAGES = (
    "training.data_cli",  # corpus, tokenizer
    "training.cli",  # train, export
    "resolver.cli",  # gazetteer
    "app.cli",  # serve
    "addrnet.bulk_cli",  # parse (files)
    "eval.cli",  # eval
    "bench.cli",  # bench
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="addrnet", description="Neural address parser and geocoder.")
    sub = parser.add_subparsers(dest="group")
    sub.required = True
    for name in STAGES:
        importlib.import_module(name).register(sub)
    sub.metavar = "{" + ",".join(sub.choices) + "}"
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        args.settings = get_settings()
    finally:
        gc.enable()
    result = args.func(args)
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
