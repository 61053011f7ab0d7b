"""Shared helpers for the benchmarks."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def write_result(out: str | Path, result: dict[str, Any], echo: bool = True) -> None:
    """Write a benchmark's JSON result (and echo it unless the caller prints its own summary)."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if echo:
        print(json.dumps(result, indent=2))


def result_under(out: str | Path, key: str, entry: Any, section: str | None = None) -> dict[str, Any]:
    """The JSON result at ``out`` (empty when missing) with ``entry`` under ``key`` (of ``section``, when given),
    the file's other keys kept; for writing back with ``write_result``."""
    path = Path(out)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    (data.setdefault(section, {}) if section else data)[key] = entry
    return data


def cpu_rate(fn: Callable[[], Any], n_items: int, seconds: float) -> float:
    """Items per CPU-second of ``fn()`` (it handles ``n_items`` a call) after one warm-up call: CPU time of this
    process, so other load on the machine counts less than in wall time."""
    fn()
    done, c0 = 0, time.process_time()
    while time.process_time() - c0 < seconds:
        fn()
        done += n_items
    return done / (time.process_time() - c0)


def child_pids(pid: int) -> list[int]:
    """Direct children of ``pid`` (the workers of ``addrnet serve --workers N``), from /proc."""
    try:
        return [int(k) for k in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def wait_ready(proc: Any, port: int, statuses: tuple[int, ...] = (200,), timeout_s: float = 120.0) -> Any:
    """Poll ``/readyz`` of the server ``proc`` started on ``port`` (``first_answer``) until it answers one of
    ``statuses``: that answer as an ``httpx.Response``; RuntimeError when the process exits first or
    ``timeout_s`` passes."""
    import httpx

    deadline = time.perf_counter() + timeout_s
    while True:
        first_answer(proc, port, statuses, timeout_s=max(0.0, deadline - time.perf_counter()))
        r = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1)
        if r.status_code in statuses:
            return r


def _status(port: int, path: str) -> int | None:
    """The status of ``GET path`` on ``port`` over a plain socket; None when nothing answers."""
    req = f"GET {path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n".encode()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0) as s:
            s.sendall(req)
            head = s.recv(16)
    except OSError:
        return None
    return int(head[9:12]) if head.startswith(b"HTTP/") and head[9:12].isdigit() else None


def first_answer(proc: Any, port: int, statuses: tuple[int, ...] | None = None, path: str = "/readyz",
                 timeout_s: float = 120.0) -> float:
    """When (``perf_counter``) ``GET path`` on ``port`` first answers (one of ``statuses``, when given), polled
    every 10 ms over a plain socket: a poll costs the machine's cores (shared with the server starting)
    almost nothing, where a new ``httpx`` client per poll loads a TLS context. RuntimeError when ``proc``
    exits first or ``timeout_s`` passes."""
    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("server exited")
        status = _status(port, path)
        if status is not None and (statuses is None or status in statuses):
            return time.perf_counter()
        time.sleep(0.01)
    raise RuntimeError("server did not start")


def post_concurrently(url: str, items: Iterable[T], call: Callable[[Any, T], R], concurrency: int) -> list[R]:
    """``call(client, item)`` for every item on ``concurrency`` threads, each with its own keep-alive
    ``httpx.Client`` on ``url``; results in the order of ``items``."""
    import httpx

    local = threading.local()
    clients: list[httpx.Client] = []
    lock = threading.Lock()

    def run(item: T) -> R:
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(base_url=url, timeout=30)
            with lock:
                clients.append(client)
        return call(client, item)

    try:
        with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
            return list(pool.map(run, items))
    finally:
        for c in clients:
            c.close()
