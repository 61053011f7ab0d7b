"""Request limits as plain ASGI middleware, and the component limits shared by the schema and the routes.

``BodyLimitMiddleware`` reads the body (at most ``max_bytes``, streamed bodies counted too: else 413),
checks that it is strict UTF-8 (else 400: lone surrogates encoded as bytes, such as ``ED A0 80``, are
invalid UTF-8 exactly like ``FF``), then hands the body to the app.

Component values (``/resolve`` ``components``, and those the parser produced) are counted after
whitespace is collapsed, against ``resolver.components.MAX_COMPONENT_CHARS``, the resolver's own limit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import error_body
from resolver.components import MAX_COMPONENT_CHARS

__all__ = ["MAX_COMPONENT_CHARS", "BodyLimitMiddleware", "collapse", "replaying", "usable_components"]


_INVALID = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def collapse(value: str) -> str:
    """Control characters and lone surrogates become spaces (as the tagger's normalisation does), whitespace
    runs one space, ends stripped (the resolver's own normalisation)."""
    return " ".join(_INVALID.sub(" ", value).split())


def usable_components(components: Mapping[str, str]) -> dict[str, str]:
    """Components the parser produced, collapsed; values over the resolver's limit are left out (a text the
    client sent is never refused for a component the service made from it)."""
    out = {}
    for k, v in components.items():
        c = collapse(v)
        if c and len(c) <= MAX_COMPONENT_CHARS:
            out[k] = c
    return out


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await _reject(send, 413, "payload_too_large", f"request body exceeds {self.max_bytes} bytes")
            return
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # client went away
                return
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_bytes:
                await _reject(send, 413, "payload_too_large", f"request body exceeds {self.max_bytes} bytes")
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as exc:
            await _reject(send, 400, "invalid_body",
                          f"the request body is not valid UTF-8 (byte {exc.start}: {exc.reason})")
            return
        await self.app(scope, replaying(body, receive), send)


def replaying(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that first hands the app ``body`` (already read) in one message, then the real channel."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _reject(send: Send, status: int, code: str, message: str) -> None:
    body: Any = error_body(code, message)
    raw = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(raw)).encode())]})
    await send({"type": "http.response.body", "body": raw})
