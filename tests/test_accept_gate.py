"""How ``addrnet serve --workers N`` hands new connections to workers (app/workers.py, accept "gated"): real
sockets and a real event loop; the workers' gates are stood in for by several gates on one loop."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import workers
from bench.common import wait_ready
from tests.conftest import ROOT, _free_port


class Conn(asyncio.Protocol):
    def __init__(self, made: list[Conn]) -> None:
        self.made = made

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.made.append(self)


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    sock = workers.listening_socket("127.0.0.1", 0)
    yield sock
    sock.close()


def _gate(loop: asyncio.AbstractEventLoop, sock: socket.socket, made: list[Conn], board: workers.Board | None = None,
          index: int = 0) -> workers.AcceptGate:
    return workers.AcceptGate(loop, sock, lambda: Conn(made), lambda: len(made), board, index)


async def _wait(pred: object, turns: int = 2000) -> None:
    for _ in range(turns):
        if pred():  # type: ignore[operator]
            return
        await asyncio.sleep(0.001)


def test_a_burst_goes_first_to_the_worker_with_fewer_connections(listener: socket.socket) -> None:
    async def main() -> list[int]:
        loop = asyncio.get_running_loop()
        made: list[list[Conn]] = [[], []]
        socks = [listener, listener.dup()]  # a loop has one reader per descriptor; each worker has its own loop
        board = workers.Board(2)
        gates = [_gate(loop, sock, m, board, i) for i, (sock, m) in enumerate(zip(socks, made, strict=True))]
        port = listener.getsockname()[1]
        gates[0].resume()
        first = await asyncio.gather(*(asyncio.open_connection("127.0.0.1", port) for _ in range(16)))
        await _wait(lambda: len(made[0]) == 16)
        for g in gates:
            g.post()
        gates[1].resume()
        burst = await asyncio.gather(*(asyncio.open_connection("127.0.0.1", port) for _ in range(8)))
        await _wait(lambda: sum(map(len, made)) == 24)
        for g in gates:
            g.close()
        for _, w in first + burst:
            w.close()
        socks[1].close()
        return [len(m) for m in made]

    counts = asyncio.run(main())
    assert sum(counts) == 24
    # the gate holding 16 leaves the burst to the one holding none (one accept each per turn: 4 and 4)
    assert counts == [16, 8], counts


def test_the_board_tells_the_fewest_connections_of_the_accepting_others() -> None:
    board = workers.Board(3)
    board.post(0, 5, True)
    board.post(1, 2, False)  # busy: not counted
    assert board.fewest_elsewhere(0) is None
    board.post(2, 3, True)
    assert board.fewest_elsewhere(0) == 3 and board.fewest_elsewhere(2) == 5


def test_a_busy_process_accepts_nothing_until_released(listener: socket.socket) -> None:
    async def main() -> tuple[int, int]:
        loop = asyncio.get_running_loop()
        made: list[Conn] = []
        gate = _gate(loop, listener, made)
        workers._gates.append(gate)
        try:
            gate.resume()
            workers.hold()
            assert workers.busy()
            _, w = await asyncio.open_connection("127.0.0.1", listener.getsockname()[1])  # queued by the kernel
            for _ in range(20):
                await asyncio.sleep(0.005)
            while_busy = len(made)
            workers.release()
            assert not workers.busy()
            await _wait(lambda: len(made) == 1)
            w.close()
            return while_busy, len(made)
        finally:
            workers._gates.remove(gate)
            gate.close()

    assert asyncio.run(main()) == (0, 1)


def test_accept_mode_is_checked() -> None:
    with pytest.raises(ValueError, match="accept must be one of"):
        workers.run("app.main:create_app", factory=True, host="127.0.0.1", port=0, workers=2, accept="nope")


async def _burst(port: int, n: int) -> list[int]:
    """Open ``n`` connections at once, one /parse on each; the connections each worker answered (by the
    process part of the request id, ``app.observe``)."""
    conns = await asyncio.gather(*(asyncio.open_connection("127.0.0.1", port) for _ in range(n)))
    body = b'{"text": "1 Main St, Springfield IL"}'
    req = (b"POST /parse HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: "
           + str(len(body)).encode() + b"\r\n\r\n" + body)
    for _, w in conns:
        w.write(req)
    by_worker: dict[bytes, int] = {}
    for r, w in conns:
        head = (await r.readuntil(b"\r\n\r\n")).lower()
        fields = dict(line.split(b": ", 1) for line in head.split(b"\r\n")[1:] if b": " in line)
        await r.readexactly(int(fields[b"content-length"]))
        assert head.startswith(b"http/1.1 200")
        worker = fields[b"x-request-id"][:16]
        by_worker[worker] = by_worker.get(worker, 0) + 1
        w.close()
    return sorted(by_worker.values())


@pytest.mark.slow
def test_serve_workers_share_a_burst_of_keep_alive_connections(tiny_arms_dir: Path,
                                                                tmp_path_factory: pytest.TempPathFactory) -> None:
    port = _free_port()
    data = tmp_path_factory.mktemp("gate")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ADDRNET_", "PROMETHEUS_"))}
    env.update(ADDRNET_DATA_DIR=str(data), ADDRNET_ARMS_DIR=str(tiny_arms_dir), ADDRNET_PRIMARY_ARM="tiny",
               ADDRNET_LOG_LEVEL="WARNING", ADDRNET_DATABASE_URL="sqlite:///" + str(data / "missing.sqlite"))
    proc = subprocess.Popen([sys.executable, "-m", "addrnet.cli", "serve", "--workers", "2", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(proc, port, (200, 503))
        time.sleep(1.0)  # both workers serving
        splits = []
        for _ in range(3):
            splits.append(asyncio.run(_burst(port, 32)))
            time.sleep(0.5)  # the burst's connections closed on both workers: the next one is a new burst
    finally:
        proc.terminate()
        proc.wait(30)
    for split in splits:  # uvicorn's own shared socket gave one worker all 32 in 3 of 5 tries
        assert len(split) == 2 and sum(split) == 32 and split[0] >= 8, splits
