"""``python -m eval.release`` (what ``make eval`` runs).

Uses the service answering at ``--url``; if none answers, starts ``addrnet serve`` on the shipped arms
(``--arms-dir``, primary A), waits for ``/readyz``, runs every runner for arm A and arm B (through the
request's ``arm`` field) into ``<out>/A`` and ``<out>/B``, writes ``<out>/decision.{md,json}``, and
stops the service it started.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx

from eval.client import ServiceError


def readiness(url: str) -> tuple[bool, str]:
    """(ready, detail): ready when /readyz answers 200 (or, where /readyz does not exist, /healthz)."""
    base = url.rstrip("/")
    try:
        resp = httpx.get(base + "/readyz", timeout=2.0)
        if resp.status_code == 404:
            resp = httpx.get(base + "/healthz", timeout=2.0)
    except httpx.HTTPError as exc:
        return False, f"{exc.__class__.__name__}: {exc}"
    return resp.status_code == 200, f"HTTP {resp.status_code}: {resp.text[:300]}"


def answering(url: str) -> bool:
    return readiness(url)[0]


def start_service(url: str, env_extra: dict[str, str], timeout: float = 300.0) -> subprocess.Popen[bytes]:
    parsed = urlparse(url)
    cmd = [sys.executable, "-m", "addrnet.cli", "serve", "--host", parsed.hostname or "127.0.0.1",
           "--port", str(parsed.port or 8000)]
    proc = subprocess.Popen(cmd, env={**os.environ, **env_extra})
    deadline = time.monotonic() + timeout
    detail = "no answer"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServiceError(f"`{' '.join(cmd)}` exited with {proc.returncode} before /readyz answered")
        ready, detail = readiness(url)
        if ready:
            return proc
        time.sleep(1.0)
    stop_service(proc)
    raise ServiceError(f"the service did not become ready at {url} within {timeout:.0f}s; last /readyz: {detail}")


def stop_service(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run_all(url: str, arm: str, out: Path, args: argparse.Namespace) -> None:
    from eval.client import Client
    from eval.peers.run import run_peers
    from eval.runners import run_calibration, run_components, run_harness, run_resolver

    shared = args.settings.source_data_dir
    progress = not args.no_progress
    with Client(url, arm=arm) as c:
        run_resolver(c, out, shared, limit=args.limit, progress=progress)
        run_harness(c, out, shared, limit=args.limit, progress=progress)
        run_calibration(c, out, shared, corpus=args.corpus, limit=args.limit, progress=progress)
        run_components(c, out, corpus=args.corpus, limit=args.limit, progress=progress)
        if not args.skip_peers:
            run_peers(c, out, shared, Path(args.settings.data_dir) / "peers" / "node", limit=args.limit,
                      progress=progress)


def main(argv: list[str] | None = None) -> int:
    from addrnet.settings import get_settings

    p = argparse.ArgumentParser(prog="python -m eval.release", description=__doc__.split("\n\n")[1])
    p.add_argument("--url", default="http://127.0.0.1:8000", help="service URL (default: http://127.0.0.1:8000)")
    p.add_argument("--out", type=Path, default=Path("results/release"), help="output folder (default: results/release)")
    p.add_argument("--arms", nargs=2, default=["A", "B"], metavar=("PRETRAINED", "SCRATCH"), help="arm names (default: A B)")
    p.add_argument("--corpus", default=None, help="corpus folder or test.jsonl (default: from the arm manifest)")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="first N items per runner (smoke runs)")
    p.add_argument("--skip-peers", action="store_true", help="do not run the peers runner")
    p.add_argument("--no-progress", action="store_true", help="no progress bars")
    p.add_argument("--ready-timeout", type=float, default=300.0, help="seconds to wait for a spawned service's /readyz (default: 300)")
    args = p.parse_args(argv)
    args.settings = get_settings()

    from eval.client import Client
    from eval.decide import DecisionError, decide, write_decision
    from eval.sidecar import SidecarError

    proc = None
    try:
        if not answering(args.url):
            print(f"no service at {args.url}: starting `addrnet serve`", file=sys.stderr)
            env = {"ADDRNET_PRIMARY_ARM": args.arms[0]}
            proc = start_service(args.url, env, args.ready_timeout)
            with Client(args.url) as c:
                served = set(c.arms().get("arms") or {})
            if args.arms[1] not in served:  # load B as the shadow arm so that "arm": "B" is served
                stop_service(proc)
                proc = start_service(args.url, {**env, "ADDRNET_SHADOW_ARM": args.arms[1]}, args.ready_timeout)
        for arm in args.arms:  # folders named by arm: what /v1/eval serves from results_dir/<arm>/
            run_all(args.url, arm, args.out / arm, args)
        result = decide(args.out / args.arms[0], args.out / args.arms[1])
        write_decision(result, args.out)
        print(f"decision: {result['decision']} ({result['branch']}); see {args.out}/decision.md")
    except (ServiceError, SidecarError, DecisionError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        if proc is not None:
            stop_service(proc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
