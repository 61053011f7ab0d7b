"""Request counts and latency per route and arm, as plain ASGI middleware (no per-request task overhead)."""

from __future__ import annotations

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

ARM_HEADER = "x-addrnet-arm"  # set by the routes, read here for the metrics
_ARM_HEADER_RAW = ARM_HEADER.encode()


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

        async def wrapped(message: Message) -> None:
            nonlocal status, arm
            if message["type"] == "http.response.start":
                status = message["status"]
                for k, v in message.get("headers", []):
                    if k == _ARM_HEADER_RAW:
                        arm = v.decode()
            await send(message)

        try:
            await self.app(scope, receive, wrapped)
        finally:
            state = getattr(scope.get("app"), "state", None)
            addrnet = getattr(state, "addrnet", None) if state is not None else None
            if addrnet is not None:
                path = getattr(scope.get("route"), "path", "unmatched")
                addrnet.metrics.requests.labels(path, arm, str(status)).inc()
                addrnet.metrics.latency.labels(path, arm).observe(time.perf_counter() - t0)
