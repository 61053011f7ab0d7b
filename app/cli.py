"""``addrnet serve``."""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from addrnet.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="Serve the HTTP API (uvicorn).", description="Serve /parse and /resolve over HTTP. "
                       "Logs are JSON lines on stderr (level: ADDRNET_LOG_LEVEL). With --workers N > 1, /metrics on "
                       "any worker covers all of them (Prometheus multiprocess mode, PROMETHEUS_MULTIPROC_DIR).")
    p.add_argument("--host", default="127.0.0.1", help="bind address (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--workers", type=int, default=1,
                   help="worker processes, one ONNX thread each (default: 1; use one per core)")
    p.set_defaults(func=serve)


def metrics_dir(settings: Settings, port: int) -> Path:
    """A fresh folder for the workers' metric files: PROMETHEUS_MULTIPROC_DIR, else one under data_dir."""
    given = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    path = Path(given) if given else Path(settings.data_dir) / f"prometheus-{port}"
    path.mkdir(parents=True, exist_ok=True)
    for f in path.glob("*.db"):  # samples of an earlier run must not count
        f.unlink()
    return path


def lean_log_records() -> None:
    """Log records without the caller's frame, thread and process fields (the logging HOWTO's
    "Optimization"): the JSON lines (``addrnet.logs``) never show them, and each request logs a line."""
    logging._srcfile = None  # type: ignore[attr-defined]
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False


def load_app_modules(workers: Any) -> None:
    """Import the app and the server's modules with the collector off, then freeze what they made: start-up
    allocates only (a collection finds nothing), and frozen objects are never scanned again by the workers
    (nor copied on write after the fork by a collection touching them)."""
    gc.disable()
    try:
        importlib.import_module("app.main")
        workers.preload()
    finally:
        gc.freeze()
        gc.enable()


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from addrnet.logs import level_name, logging_config

    try:
        level = level_name(args.settings.log_level)
    except ValueError as exc:
        print(f"addrnet serve: ADDRNET_LOG_LEVEL: {exc}", file=sys.stderr)
        return 2
    if args.workers > 1 or os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir(args.settings, args.port).resolve())
    options: dict = {
        "log_config": logging_config(level),
        "log_level": level.lower(),
        "access_log": False,  # one line per request comes from app.observe, with the request id
    }
    if args.settings.coalesce_writes:
        from app.protocol import http_protocol

        options["http"] = http_protocol()
    from app import workers

    lean_log_records()
    load_app_modules(workers)

    if args.workers > 1 and workers.supported():  # forked workers sharing one socket (app/workers.py)
        return workers.run("app.main:create_app", factory=True, host=args.host, port=args.port,
                           workers=args.workers, accept=args.settings.accept, **options)
    uvicorn.run("app.main:create_app", factory=True, host=args.host, port=args.port, workers=args.workers, **options)
    return 0
