"""Time from process start to /readyz 200 for `addrnet serve` on the embedded defaults.

Writes bench/results/startup.json (issue 6 target: ready within 2 s).
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time

import numpy as np

from bench.common import now, wait_ready, write_result


def once(port: int) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "addrnet.cli", "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(proc, port)
        return time.perf_counter() - t0
    finally:
        proc.terminate()
        proc.wait(10)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="addrnet bench startup", description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", default="bench/results/startup.json")
    args = ap.parse_args(argv)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    times = [once(port) for _ in range(args.runs)]
    result = {"runs": times, "median_s": float(np.median(times)), "max_s": max(times), "target_s": 2.0,
              "date": now()}
    write_result(args.out, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
