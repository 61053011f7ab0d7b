"""A small HTTP/1.1 load generator for the benchmarks (asyncio streams, keep-alive, pre-encoded requests).

It costs little CPU per request, so on a small machine the server gets most of the cores. Latencies are
per request, from write to the last body byte.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np


def post(path: str, body: bytes, host: str = "127.0.0.1") -> bytes:
    return (f"POST {path} HTTP/1.1\r\nhost: {host}\r\ncontent-type: application/json\r\n"
            f"content-length: {len(body)}\r\n\r\n").encode() + body


async def _response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
            break
    return status, await reader.readexactly(length)


@dataclass
class Run:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    items: int = 0  # addresses (a batch request counts its texts)
    wall: float = 0.0
    first_error: str | None = None

    def summary(self) -> dict[str, Any]:
        ms = np.array(self.latencies) * 1000 if self.latencies else np.zeros(1)
        return {
            "requests": len(self.latencies), "errors": self.errors, "seconds": round(self.wall, 3),
            "requests_per_s": len(self.latencies) / self.wall if self.wall else 0.0,
            "addresses_per_s": self.items / self.wall if self.wall else 0.0,
            "p50_ms": float(np.percentile(ms, 50)), "p90_ms": float(np.percentile(ms, 90)),
            "p99_ms": float(np.percentile(ms, 99)), "max_ms": float(ms.max()),
            **({"first_error": self.first_error} if self.first_error else {}),
        }


async def _load(port: int, make: Callable[[int, int], tuple[bytes, int]], concurrency: int, seconds: float,
                max_requests: int | None, reconnect: bool) -> Run:
    run = Run()
    deadline = time.perf_counter() + seconds
    counter = iter(range(10**12))

    async def conn_loop(k: int) -> None:
        reader = writer = None
        try:
            while time.perf_counter() < deadline:
                i = next(counter)
                if max_requests is not None and i >= max_requests:
                    return
                req, items = make(k, i)
                if writer is None or reconnect:
                    if writer is not None:
                        writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                assert reader is not None
                t0 = time.perf_counter()
                writer.write(req)
                status, body = await _response(reader)
                run.latencies.append(time.perf_counter() - t0)
                if status == 200:
                    run.items += items
                else:
                    run.errors += 1
                    run.first_error = run.first_error or f"{status}: {body[:200]!r}"
        finally:
            if writer is not None:
                writer.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(conn_loop(k) for k in range(concurrency)))
    run.wall = time.perf_counter() - t0
    return run


def merged(runs: list[Run]) -> Run:
    """One run of several (alternating rounds): their requests, errors and addresses, over their summed time."""
    return Run([x for r in runs for x in r.latencies], sum(r.errors for r in runs), sum(r.items for r in runs),
               sum(r.wall for r in runs), next((r.first_error for r in runs if r.first_error), None))


def load_run(port: int, make: Callable[[int, int], tuple[bytes, int]], concurrency: int, seconds: float,
             max_requests: int | None = None, reconnect: bool = False, warmup: int = 0) -> Run:
    """``load``'s run itself (its latencies kept, for ``merged``)."""
    try:
        import uvloop

        runner: Any = uvloop.run
    except ImportError:  # pragma: no cover - uvloop is a dependency on Linux
        runner = asyncio.run
    if warmup:
        runner(_load(port, make, min(concurrency, 4), 30.0, warmup, reconnect))
    result: Run = runner(_load(port, make, concurrency, seconds, max_requests, reconnect))
    return result


def load(port: int, make: Callable[[int, int], tuple[bytes, int]], concurrency: int, seconds: float,
         max_requests: int | None = None, reconnect: bool = False, warmup: int = 0) -> dict[str, Any]:
    """Run ``concurrency`` connections for ``seconds`` (or ``max_requests``); ``make(conn, i)`` gives the
    i-th request (bytes) and the number of addresses it carries."""
    result = load_run(port, make, concurrency, seconds, max_requests, reconnect, warmup)
    return {"concurrency": concurrency, **result.summary()}
