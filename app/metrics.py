"""Prometheus metrics, with the conventional names, for one process or every worker of ``addrnet serve``.

- ``addrnet_http_requests_total{route,arm,status}`` and ``addrnet_http_request_duration_seconds{route,arm}``
  (``app.observe``), ``addrnet_inference_duration_seconds{arm}`` (one ONNX call),
  ``addrnet_shadow_events_total{outcome}``, and the standard ``process_*`` metrics.
- Multiprocess mode: when ``PROMETHEUS_MULTIPROC_DIR`` is set (``addrnet serve --workers N`` with N > 1
  sets it to a fresh folder), every worker writes its samples there and ``/metrics`` on any worker reads
  them all, so one scrape covers every worker: counters and histograms are summed over the workers, and
  the ``process_*`` gauges are reported per live worker (label ``pid``; refreshed every
  ``PROCESS_REFRESH_S`` seconds and at each scrape; a worker's disappear when it exits).
"""

from __future__ import annotations

import atexit
import bisect
import os
import threading
import time
from collections.abc import Iterable
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, ProcessCollector

from addrnet.turns import TurnBuffer

LATENCY_BUCKETS = (0.0005, 0.001, 0.002, 0.003, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
PROCESS_REFRESH_S = 5.0
PROCESS_GAUGES = ("process_cpu_seconds_total", "process_resident_memory_bytes", "process_virtual_memory_bytes",
                  "process_open_fds", "process_max_fds", "process_start_time_seconds")


def multiprocess_dir() -> str | None:
    return os.environ.get(MULTIPROC_ENV) or None


if multiprocess_dir():  # addrnet serve --workers N: loaded here, before the fork, not by each worker
    import prometheus_client.multiprocess  # noqa: F401


class _ProcessGauges:
    """The ``process_*`` samples of this process as multiprocess gauges (label ``pid``)."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.source = ProcessCollector(registry=None)
        self.gauges = {
            name: Gauge(name, f"{name} (per worker process)", ["pid"], multiprocess_mode="liveall", registry=registry)
            for name in PROCESS_GAUGES
        }
        self.pid = str(os.getpid())
        self.refresh()
        thread = threading.Thread(target=self._loop, name="addrnet-process-metrics", daemon=True)
        thread.start()

    def refresh(self) -> None:
        for family in self.source.collect():
            for sample in family.samples:
                gauge = self.gauges.get(sample.name)
                if gauge is not None:
                    gauge.labels(self.pid).set(sample.value)

    def _loop(self) -> None:
        while True:
            time.sleep(PROCESS_REFRESH_S)
            self.refresh()


class _Refresh:
    """A collector that only refreshes this worker's process gauges right before a scrape."""

    def __init__(self, gauges: _ProcessGauges) -> None:
        self.gauges = gauges

    def collect(self) -> Iterable[Any]:
        self.gauges.refresh()
        return []


class Metrics:
    def __init__(self) -> None:
        own = CollectorRegistry()  # this process's metric objects
        path = multiprocess_dir()
        self.multiprocess = path is not None
        if self.multiprocess:
            from prometheus_client import multiprocess

            self.registry = CollectorRegistry()  # what /metrics exposes: every worker's files
            self.registry.register(_Refresh(_ProcessGauges(own)))
            multiprocess.MultiProcessCollector(self.registry, path=path)
            atexit.register(multiprocess.mark_process_dead, os.getpid(), path)
        else:
            self.registry = own
            ProcessCollector(registry=own)
        self.requests = Counter(
            "addrnet_http_requests", "HTTP requests by route, arm and status", ["route", "arm", "status"],
            registry=own,
        )
        self.latency = Histogram(
            "addrnet_http_request_duration_seconds", "HTTP request latency in seconds", ["route", "arm"],
            buckets=LATENCY_BUCKETS, registry=own,
        )
        self.inference = Histogram(
            "addrnet_inference_duration_seconds", "ONNX inference time per call in seconds", ["arm"],
            buckets=LATENCY_BUCKETS, registry=own,
        )
        self._request_children: dict[tuple[str, str, int], tuple[Any, Any]] = {}
        self._done: TurnBuffer[tuple[str, str, int, float]] = TurnBuffer(self._write_requests)
        self.shadow = Counter(
            "addrnet_shadow_events", "Shadow comparisons by outcome (agree, disagree, error, dropped)",
            ["outcome"], registry=own,
        )

    def request_done(self, route: str, arm: str, status: int, seconds: float) -> None:
        """Count one HTTP request and observe its latency (``app.observe``). The requests finished in one turn
        of the event loop are written together at its end (``addrnet.turns.TurnBuffer``): one write per label
        set and latency bucket, rather than three per request."""
        self._done.add((route, arm, status, seconds))

    def flush_requests(self) -> None:
        """Write the pending requests' counts and latencies (``/metrics`` calls it before a scrape)."""
        self._done.flush()

    def _write_requests(self, pending: list[tuple[str, str, int, float]]) -> None:
        groups: dict[tuple[str, str, int], list[float]] = {}
        for route, arm, status, seconds in pending:
            groups.setdefault((route, arm, status), []).append(seconds)
        for key, latencies in groups.items():
            children = self._request_children.get(key)
            if children is None:  # the labelled children: looked up once per (route, arm, status)
                route, arm, status = key
                children = self._request_children[key] = (self.requests.labels(route, arm, str(status)),
                                                          self.latency.labels(route, arm))
            children[0].inc(len(latencies))
            observe_many(children[1], latencies)


def observe_many(histogram: Any, values: list[float]) -> None:
    """``histogram.observe(v)`` for every value, written as one increment per bucket and one of the sum (the
    child's own ``_sum``/``_buckets``/``_upper_bounds``, as ``Histogram.observe`` uses them); one call per
    value if this prometheus_client lays a histogram out otherwise."""
    bounds, buckets, total = (getattr(histogram, name, None) for name in ("_upper_bounds", "_buckets", "_sum"))
    if len(values) == 1 or bounds is None or buckets is None or total is None:
        for v in values:
            histogram.observe(v)
        return
    counts: dict[int, int] = {}
    for v in values:
        i = bisect.bisect_left(bounds, v)  # the first bound >= v, as observe's "amount <= bound"
        counts[i] = counts.get(i, 0) + 1
    total.inc(sum(values))
    for i, n in counts.items():
        buckets[i].inc(n)
