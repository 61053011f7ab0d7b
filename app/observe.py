"""Per-request observation as plain ASGI middleware (no per-request task overhead).

For every HTTP request: a request id (the client's ``X-Request-ID`` when it is 1-128 characters of
``[A-Za-z0-9._:-]``, else a new 32-hex-digit id, unique per process and run) echoed in the ``X-Request-ID`` response header; the
Prometheus request count and latency by route, arm and status (``app.metrics``); and one JSON log line
(logger ``addrnet.request``): ``request_id``, ``method``, ``route`` (the route template, or "unmatched"),
``arm`` (the ``x-addrnet-arm`` response header set by the routes, "-" for none), ``status`` and
``latency_ms``.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from addrnet.logs import LineLog

ARM_HEADER = "x-addrnet-arm"  # set by the routes, read here for the metrics
REQUEST_ID_HEADER = "x-request-id"
_ARM_HEADER_RAW = ARM_HEADER.encode()
_REQUEST_ID_RAW = REQUEST_ID_HEADER.encode()
_VALID_ID = re.compile(rb"[A-Za-z0-9._:-]{1,128}")

log = LineLog(logging.getLogger("addrnet.request"), "request")


class _Ids:
    """New request ids: 16 random hex digits per process (drawn again in a forked child) and a 16-digit
    counter, so 32 hex digits that never repeat, without a random draw per request."""

    def __init__(self) -> None:
        self.reset()
        os.register_at_fork(after_in_child=self.reset)

    def reset(self) -> None:
        self.prefix = os.urandom(8).hex()
        self.counter = itertools.count()

    def new(self) -> str:
        return f"{self.prefix}{next(self.counter):016x}"


_IDS = _Ids()


def request_id(scope: Scope) -> str:
    for k, v in scope.get("headers", ()):
        if k == _REQUEST_ID_RAW:
            return given_id(v)
    return _IDS.new()


def given_id(raw: bytes | None) -> str:
    """The request id for the client's ``X-Request-ID`` header value ``raw`` (None: no header)."""
    return raw.decode("ascii") if raw is not None and _VALID_ID.fullmatch(raw) else _IDS.new()


class ObserveMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t0 = time.perf_counter()
        status = 500
        arm = "-"
        rid = request_id(scope)
        scope.setdefault("state", {})["request_id"] = rid

        async def wrapped(message: Message) -> None:
            nonlocal status, arm
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                for k, v in headers:
                    if k == _ARM_HEADER_RAW:
                        arm = v.decode()
                headers.append((_REQUEST_ID_RAW, rid.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, wrapped)
        finally:
            done(getattr(getattr(scope.get("app"), "state", None), "addrnet", None), rid, scope.get("method"),
                 getattr(scope.get("route"), "path", "unmatched"), arm, status, time.perf_counter() - t0)


def done(addrnet: Any, rid: str, method: str | None, route: str, arm: str, status: int, elapsed: float) -> None:
    """The metrics and the log line of one finished request (``addrnet``: the app's ``AppState``, if any)."""
    if addrnet is not None:
        addrnet.metrics.request_done(route, arm, status, elapsed)
    log.info(request_id=rid, method=method, route=route, arm=arm, status=status, latency_ms=round(elapsed * 1000, 3))
