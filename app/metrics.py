"""Prometheus metrics (per process; with --workers N each worker reports its own)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram

LATENCY_BUCKETS = (0.0005, 0.001, 0.002, 0.003, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "addrnet_requests", "HTTP requests", ["route", "arm", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "addrnet_request_seconds", "HTTP request latency", ["route", "arm"], buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.inference = Histogram(
            "addrnet_inference_seconds", "ONNX inference time per call", ["arm"], buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.shadow = Counter(
            "addrnet_shadow_events", "Shadow comparisons by outcome (agree, disagree, error, dropped)",
            ["outcome"], registry=self.registry,
        )
