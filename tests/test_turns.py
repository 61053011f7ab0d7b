"""Writing per event-loop turn: ``addrnet.turns.TurnBuffer``, the request log's ``LineLog`` and the request
metrics' ``observe_many`` give what writing one item at a time gives."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import random

from prometheus_client import CollectorRegistry, Histogram, generate_latest

from addrnet.logs import JsonFormatter, LineLog
from addrnet.turns import TurnBuffer
from app.metrics import LATENCY_BUCKETS, observe_many


def test_off_a_loop_each_item_is_written_at_once() -> None:
    writes: list[list[int]] = []
    buf = TurnBuffer(writes.append)
    buf.add(1)
    buf.add(2)
    assert writes == [[1], [2]]


def test_one_turn_is_one_write_in_order() -> None:
    writes: list[list[int]] = []
    buf = TurnBuffer(writes.append)

    async def main() -> list[list[int]]:
        for i in range(5):
            buf.add(i)
        seen = list(writes)  # nothing yet: the turn has not ended
        await asyncio.sleep(0)
        buf.add(5)
        await asyncio.sleep(0)
        return seen

    assert asyncio.run(main()) == []
    assert writes == [[0, 1, 2, 3, 4], [5]]


def test_items_left_by_a_stopped_loop_go_out_with_the_next_item() -> None:
    writes: list[list[str]] = []
    buf = TurnBuffer(writes.append)
    loop = asyncio.new_event_loop()

    def step() -> None:
        buf.add("a")  # schedules the flush for the end of this turn...
        loop.stop()  # ...which never comes: the loop stops after the current callbacks

    loop.call_soon(step)
    loop.run_forever()
    loop.close()
    assert writes == []

    async def add(item: str) -> None:
        buf.add(item)

    asyncio.run(add("b"))  # another loop: "a" does not wait on the closed one
    assert writes == [["a", "b"]]


def test_observe_many_matches_observe_one_by_one() -> None:
    rng = random.Random(7)
    values = [rng.choice([0.0, *LATENCY_BUCKETS, 10.0]) if rng.random() < 0.3 else rng.random() * 0.3
              for _ in range(500)]
    one, many = CollectorRegistry(), CollectorRegistry()
    h1 = Histogram("lat", "x", buckets=LATENCY_BUCKETS, registry=one)
    h2 = Histogram("lat", "x", buckets=LATENCY_BUCKETS, registry=many)
    for v in values:
        h1.observe(v)
    observe_many(h2, values)

    def samples(reg: CollectorRegistry) -> list[str]:
        return [line for line in generate_latest(reg).decode().splitlines() if line.startswith("lat_") and "created" not in line]

    assert samples(one) == samples(many)


def test_line_log_writes_the_formatters_line() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("addrnet.test_turns")
    logger.handlers, logger.propagate, logger.level = [handler], False, logging.INFO
    fields = {"request_id": "r1", "method": "POST", "route": "/parse", "arm": "A", "status": 200, "latency_ms": 1.5}
    try:
        logger.info("request", extra=fields)
        LineLog(logger, "request").info(**fields)
    finally:
        logger.handlers = []
    by_logging, by_line_log = (json.loads(x) for x in stream.getvalue().splitlines())
    assert by_logging.pop("ts") and by_line_log.pop("ts")
    assert list(by_line_log.items()) == list(by_logging.items())
