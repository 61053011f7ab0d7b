"""``app.protocol``: responses written in one send, over real sockets and a real uvicorn server."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import uvicorn

from app.protocol import CoalescingTransport, http_protocol
from tests.conftest import _free_port

BIG = b"x" * 3_000_000


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """/big: a 3 MB body; /stream: three chunks, awaited apart; anything else: the request body echoed."""
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    if scope["path"] == "/stream":
        await send({"type": "http.response.start", "status": 200, "headers": [(b"transfer-encoding", b"chunked")]})
        for part in (b"one ", b"two ", b"three"):
            await send({"type": "http.response.body", "body": part, "more_body": True})
            await asyncio.sleep(0.001)
        await send({"type": "http.response.body", "body": b""})
        return
    out = BIG if scope["path"] == "/big" else body
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"%d" % len(out))]})
    await send({"type": "http.response.body", "body": out})


async def _response(reader: asyncio.StreamReader) -> tuple[bytes, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    if b"transfer-encoding: chunked" in head.lower():
        body = b""
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            chunk = await reader.readexactly(size + 2)
            if size == 0:
                return head, body
            body += chunk[:-2]
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length"))
    return head, await reader.readexactly(length)


def _request(path: str, body: bytes = b"", close: bool = False) -> bytes:
    extra = b"connection: close\r\n" if close else b""
    return b"POST %s HTTP/1.1\r\nhost: t\r\ncontent-length: %d\r\n%s\r\n%s" % (path.encode(), len(body), extra, body)


@pytest.fixture
def served() -> Any:
    """Run ``main(port)`` against a uvicorn server with the coalescing protocol on a free port."""

    def run(main: Any) -> Any:
        async def go() -> Any:
            port = _free_port()
            config = uvicorn.Config(app, host="127.0.0.1", port=port, http=http_protocol(), log_level="warning",
                                    lifespan="on")
            server = uvicorn.Server(config)
            task = asyncio.create_task(server.serve())
            while not server.started:
                await asyncio.sleep(0.01)
            try:
                return await main(port)
            finally:
                server.should_exit = True
                await task
        return asyncio.run(go())
    return run


def test_keep_alive_answers_each_request_in_order(served: Any) -> None:
    async def main(port: int) -> list[bytes]:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        got = []
        for k in range(50):
            writer.write(_request("/echo", b"request %d" % k))
            head, body = await _response(reader)
            assert head.startswith(b"HTTP/1.1 200")
            got.append(body)
        writer.close()
        return got
    assert served(main) == [b"request %d" % k for k in range(50)]


def test_pipelined_requests_and_a_large_body_arrive_whole(served: Any) -> None:
    async def main(port: int) -> list[bytes]:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(_request("/echo", b"a") + _request("/big") + _request("/echo", b"b"))
        got = [(await _response(reader))[1] for _ in range(3)]
        writer.close()
        return got
    assert served(main) == [b"a", BIG, b"b"]


def test_chunks_awaited_apart_and_connection_close(served: Any) -> None:
    async def main(port: int) -> tuple[bytes, bytes, bytes]:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(_request("/stream"))
        _, streamed = await _response(reader)
        writer.write(_request("/echo", b"last", close=True))
        head, body = await _response(reader)
        rest = await reader.read()  # the server closes after sending what it kept
        writer.close()
        return streamed, body, rest
    streamed, body, rest = served(main)
    assert (streamed, body, rest) == (b"one two three", b"last", b"")


def test_writes_of_one_turn_leave_together_and_count_as_buffered() -> None:
    async def main() -> tuple[int, int, bytes]:
        loop = asyncio.get_running_loop()
        received = asyncio.Queue[bytes]()

        class Sink(asyncio.Protocol):
            def data_received(self, data: bytes) -> None:
                received.put_nowait(data)

        server = await loop.create_server(Sink, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        raw, _ = await loop.create_connection(asyncio.Protocol, "127.0.0.1", port)
        t = CoalescingTransport(raw, loop)  # type: ignore[arg-type]
        t.write(b"head|")
        t.write(b"")
        t.write(b"body")
        kept = t.get_write_buffer_size()
        before = raw.get_write_buffer_size()
        data = b""
        while len(data) < 9:
            data += await asyncio.wait_for(received.get(), 5)
        t.close()
        server.close()
        return kept, before, data
    kept, before, data = asyncio.run(main())
    assert (kept, before, data) == (9, 0, b"head|body")
