"""A real ``addrnet serve`` (uvicorn) on 127.0.0.1, started as a subprocess with ADDRNET_* settings."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def worker_pids(pid: int) -> list[int]:
    """The serving processes: the children of ``addrnet serve --workers N`` (N > 1), else ``pid`` itself."""
    try:
        kids = [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        kids = []
    return kids or [pid]


def max_worker_rss_mb(pid: int) -> float | None:
    values = [v for v in (rss_mb(p) for p in worker_pids(pid)) if v is not None]
    return max(values) if values else None


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


class Server:
    def __init__(self, workdir: Path, name: str, workers: int = 1, **settings: Any) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = workdir / f"server-{name}.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith("ADDRNET_")}
        env["ADDRNET_DATA_DIR"] = str(workdir / f"data-{name}")
        env.update({f"ADDRNET_{k.upper()}": str(v) for k, v in settings.items()})
        cmd = [sys.executable, "-m", "addrnet.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port),
               "--workers", str(workers)]
        with open(self.log, "wb") as fh:
            self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=fh, stderr=subprocess.STDOUT)

    def __enter__(self) -> Server:
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not start: {self.log_text()[-2000:]}")

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def sigterm(self, wait_s: float = 60) -> int | None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(wait_s)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.sigterm(20)
