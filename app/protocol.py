"""uvicorn's httptools protocol with a response's writes coalesced into one send (``addrnet serve``; issue 14).

uvicorn writes a response's head and its body with two ``transport.write`` calls, and uvloop sends each at
once: two ``send`` system calls per response, and on loopback each runs the receiver's side of TCP too.
Under ``/parse`` at concurrency 32 the two took ~20% of a worker's CPU (py-spy). ``CoalescingTransport`` keeps
what is written within one turn of the event loop and sends it at the end of that turn, as one call: a
usual response (``http.response.start`` then its whole body, with nothing awaited between) goes out in one
``send``. Closing sends what is kept first; everything else is the transport's own.

``http_protocol()`` is the class ``addrnet serve`` hands uvicorn (``Config(http=...)``), or ``"auto"`` without
httptools (uvicorn's own choice then). ``python -m app.workers --coalesce`` serves any app with it.
"""

from __future__ import annotations

import asyncio
import functools
from typing import Any, Literal


class CoalescingTransport:
    """A transport proxy: ``write``s within one loop turn leave as one ``writelines`` at the turn's end."""

    __slots__ = ("_transport", "_loop", "_kept")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport, self._loop = transport, loop
        self._kept: list[bytes] = []

    def write(self, data: bytes) -> None:
        if not data:
            return
        if not self._kept:
            self._loop.call_soon(self._send)
        self._kept.append(data)

    def _send(self) -> None:
        kept, self._kept = self._kept, []
        if not kept or self._transport.is_closing():
            return
        if len(kept) == 1:
            self._transport.write(kept[0])
        else:
            self._transport.writelines(kept)

    def writelines(self, lines: Any) -> None:
        for data in lines:
            self.write(data)

    def close(self) -> None:
        self._send()
        self._transport.close()

    def abort(self) -> None:
        self._kept = []
        self._transport.abort()

    def get_write_buffer_size(self) -> int:
        return self._transport.get_write_buffer_size() + sum(map(len, self._kept))

    def __getattr__(self, name: str) -> Any:  # is_closing, get_extra_info, pause/resume_reading, set_protocol...
        return getattr(self._transport, name)


@functools.cache
def http_protocol() -> type[asyncio.Protocol] | Literal["auto"]:
    """uvicorn's ``http`` option: its ``HttpToolsProtocol`` whose connections write through a
    ``CoalescingTransport``; ``"auto"`` (uvicorn's own choice) when httptools is not installed. One class
    per process."""
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:  # pragma: no cover - httptools comes with uvicorn[standard]
        return "auto"

    class CoalescingHttpToolsProtocol(HttpToolsProtocol):
        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(CoalescingTransport(transport, self.loop))  # type: ignore[arg-type]

    return CoalescingHttpToolsProtocol
