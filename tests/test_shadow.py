"""The shadow path drops work when its bounded queue is full, counts it, and never blocks the caller."""

from __future__ import annotations

import threading
import time

from app.metrics import Metrics
from app.shadow import ShadowJob, ShadowRunner, agreement


def test_full_queue_drops_and_counts() -> None:
    gate = threading.Event()
    runner = ShadowRunner(None, "B", Metrics(), maxsize=2)

    def slow() -> dict:
        gate.wait(10)
        return {"components": []}

    primary = {"components": []}
    t0 = time.perf_counter()
    accepted = [runner.submit(ShadowJob("parse", "x", "A", primary, 1.0, slow)) for _ in range(10)]
    assert time.perf_counter() - t0 < 0.5  # submit never waits for the shadow arm
    assert accepted.count(True) <= 3 and runner.dropped == accepted.count(False) >= 7
    gate.set()
    runner.close()
    assert runner.done == accepted.count(True)


def test_agreement_per_component() -> None:
    p = {"components": [{"label": "street", "value": "Main St"}, {"label": "locality", "value": "Salem"}]}
    s = {"components": [{"label": "street", "value": "Main St"}, {"label": "region", "value": "Salem"}]}
    assert agreement(p, s) == {"locality": False, "region": False, "street": True}
    assert agreement({"parse": p, "results": [{"place_id": 1}]}, {"parse": p, "results": [{"place_id": 1}]}) == {
        "locality": True, "street": True, "top_place": True}
