"""Worker processes for ``addrnet serve --workers N`` (N > 1): one uvicorn server per process. The parent
imports the app module once, opens the listening socket and forks the workers.

How a new connection finds a worker (``accept``):

- ``gated`` (default): the workers share the one listening socket and each accepts one connection per turn
  of its event loop (``AcceptGate``), none while it is ``busy()`` (a ``/parse/batch`` runs there,
  ``app.service``: new connections go to the idle workers), and a worker holding more connections than
  another accepting worker lets that one go first (``Board``, in shared memory). With connections spread
  at random, two batch clients on two workers land on the same worker half the time while the other core
  idles (simulated: 0.75 of the throughput of one batch per worker).
- ``reuseport``: one listening socket per worker bound with ``SO_REUSEPORT``; the kernel spreads new
  connections by a hash of their addresses, blind to the workers' load.

uvicorn's own supervisor shares one listening socket too, but libuv accepts every pending connection in
one turn: the first worker to wake took a whole burst (32 connections opened at once all went to one of
two workers in 3 of 5 tries), and a keep-alive client then loads one core while the other idles. The
parent here only starts the workers, restarts one that dies, and on SIGINT/SIGTERM passes the signal on
and waits for them (each drains like a single uvicorn server: lifespan shutdown, shadow queue).

    python -m app.workers MODULE:APP [--factory] [--coalesce] --host H --port P --workers N   # any ASGI app (benchmarks)
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import logging
import multiprocessing as mp
import signal
import socket
import sys
import time
from typing import Any

RESTART_BACKOFF_S = 1.0
BACKLOG = 2048
ACCEPT_DELAY_S = 0.0005
ACCEPT_MAX_WAITS = 100
ACCEPTS = ("gated", "reuseport")

log = logging.getLogger("addrnet.workers")


class Board:
    """Each worker's open connections and whether it accepts now, in memory shared over the fork."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.slots = mp.get_context("fork").RawArray("i", 2 * workers)

    def post(self, index: int, held: int, accepting: bool) -> None:
        self.slots[2 * index], self.slots[2 * index + 1] = held, int(accepting)

    def fewest_elsewhere(self, index: int) -> int | None:
        """The fewest connections an accepting worker other than ``index`` holds; None when none accepts."""
        held = [self.slots[2 * j] for j in range(self.workers) if j != index and self.slots[2 * j + 1]]
        return min(held) if held else None


class AcceptGate:
    """Accepts from a listening socket shared with the other workers: one connection per readable turn of the
    event loop, none while paused. With a ``Board``, a worker that holds more connections than another
    accepting worker lets it go first (``ACCEPT_DELAY_S``, at most ``ACCEPT_MAX_WAITS`` times, then takes
    the connection itself), so a burst of new connections (keep-alive clients opening 32 at once) is shared
    rather than taken by the first worker awake (measured without: 97% of the CPU on one of two workers in
    one of two tries)."""

    def __init__(self, loop: asyncio.AbstractEventLoop, sock: socket.socket, factory: Any,
                 open_connections: Any = lambda: 0, board: Board | None = None, index: int = 0) -> None:
        self.loop, self.sock, self.factory, self.open_connections = loop, sock, factory, open_connections
        self.board, self.index = board, index
        self.reading = self.closed = False
        self.waits = 0
        self.tasks: set[asyncio.Task[Any]] = set()  # accepted, not yet connected

    def held(self) -> int:
        return int(self.open_connections()) + len(self.tasks)

    def post(self) -> None:
        if self.board is not None:
            self.board.post(self.index, self.held(), not (self.closed or _busy))

    def resume(self) -> None:
        if not self.reading and not self.closed:
            self.loop.add_reader(self.sock.fileno(), self._accept)
            self.reading = True

    def pause(self) -> None:
        if self.reading:
            self.loop.remove_reader(self.sock.fileno())
            self.reading = False

    def close(self) -> None:
        self.pause()
        self.closed = True
        self.post()

    def _retry(self) -> None:
        if not _busy:
            self.resume()

    def _accept(self) -> None:
        if self.board is not None and self.waits < ACCEPT_MAX_WAITS:
            fewest = self.board.fewest_elsewhere(self.index)
            if fewest is not None and self.held() > fewest:  # a worker with fewer connections goes first
                self.waits += 1
                self.pause()
                self.loop.call_later(ACCEPT_DELAY_S, self._retry)
                return
        self.waits = 0
        try:
            conn, _ = self.sock.accept()
        except (BlockingIOError, InterruptedError, ConnectionAbortedError):
            return  # another worker took it
        except OSError as exc:  # out of file descriptors and the like: step back a moment, not spin
            log.warning("accept: %s", exc)
            self.pause()
            self.loop.call_later(0.1, self._retry)
            return
        conn.setblocking(False)
        if conn.family in (socket.AF_INET, socket.AF_INET6):
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        task = self.loop.create_task(self._connect(conn))
        self.tasks.add(task)
        task.add_done_callback(self._connected)
        self.post()

    def _connected(self, task: asyncio.Task[Any]) -> None:
        self.tasks.discard(task)
        self.post()

    async def _connect(self, conn: socket.socket) -> None:
        try:
            await self.loop.connect_accepted_socket(self.factory, sock=conn)
        except Exception as exc:  # the client went away meanwhile
            log.debug("connection: %s", exc)
            conn.close()


_gates: list[AcceptGate] = []
_busy = 0


def hold() -> None:
    """This process has started long work (event loop only): its gates stop accepting until ``release``."""
    global _busy
    _busy += 1
    if _busy == 1:
        for gate in _gates:
            gate.pause()
            gate.post()


def release() -> None:
    global _busy
    _busy = max(0, _busy - 1)
    if _busy == 0:
        for gate in _gates:
            gate.resume()
            gate.post()


def busy() -> bool:
    return _busy > 0


def _bound_socket(host: str, port: int, reuseport: bool = False) -> socket.socket:
    """A TCP socket bound to ``host``:``port`` (``SO_REUSEADDR``, and ``SO_REUSEPORT`` when ``reuseport``)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuseport:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def listening_socket(host: str, port: int) -> socket.socket:
    """The one listening socket the ``gated`` workers share (non-blocking, inherited over the fork)."""
    sock = _bound_socket(host, port)
    sock.listen(BACKLOG)
    sock.setblocking(False)
    return sock


def _gated_server(config: Any, sock: socket.socket, board: Board | None = None, index: int = 0) -> Any:
    import uvicorn

    class GatedServer(uvicorn.Server):
        """uvicorn's server with connections from an ``AcceptGate`` rather than its own listener."""

        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets=[])  # lifespan; no listener of uvicorn's own
            loop = asyncio.get_running_loop()
            cfg = self.config

            def factory() -> asyncio.Protocol:  # as uvicorn's own create_protocol, posting closed connections
                protocol = cfg.http_protocol_class(config=cfg, server_state=self.server_state,  # type: ignore[call-arg]
                                                   app_state=self.lifespan.state, _loop=loop)
                lost = protocol.connection_lost

                def connection_lost(exc: Exception | None) -> None:
                    lost(exc)
                    gate.post()

                protocol.connection_lost = connection_lost  # type: ignore[method-assign]
                return protocol

            gate = AcceptGate(loop, sock, factory, lambda: len(self.server_state.connections), board, index)
            _gates.append(gate)
            gate.post()
            if not _busy:
                gate.resume()

        async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
            for gate in _gates:
                gate.close()
            await super().shutdown(sockets=sockets)

    return GatedServer(config)


def reuseport_socket(host: str, port: int) -> socket.socket:
    """A worker's own socket for ``reuseport`` (bound, not listening: uvicorn listens on it)."""
    return _bound_socket(host, port, reuseport=True)


def _worker(app: str, factory: bool, host: str, port: int, shared: socket.socket | None, board: Board | None,
            index: int, kwargs: dict[str, Any]) -> None:
    import uvicorn

    for sig in (signal.SIGINT, signal.SIGTERM):  # the parent's handlers came along with the fork
        signal.signal(sig, signal.SIG_DFL)
    config = uvicorn.Config(app, factory=factory, host=host, port=port, **kwargs)
    if shared is not None:
        _gated_server(config, shared, board, index).run()
        return
    sock = reuseport_socket(host, port)
    uvicorn.Server(config).run(sockets=[sock])


# the server's own modules, imported by each worker at its start unless the parent has them: uvicorn's
# event loop, HTTP protocol and lifespan (none starts a thread)
PRELOAD = ("uvloop", "httptools", "uvicorn.loops.uvloop", "uvicorn.protocols.http.httptools_impl",
           "uvicorn.protocols.websockets.auto", "uvicorn.lifespan.on")


def preload() -> None:
    """Import ``PRELOAD`` here (before the fork); a module that is not installed is skipped."""
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:
            pass


def supported() -> bool:
    return hasattr(socket, "SO_REUSEPORT") and sys.platform.startswith("linux")


def run(app: str, *, factory: bool, host: str, port: int, workers: int, accept: str = "gated", **kwargs: Any) -> int:
    """Serve ``app`` from ``workers`` processes until SIGINT/SIGTERM; the exit status of the shutdown.
    ``accept``: ``gated`` or ``reuseport`` (the module's docstring; ``addrnet serve`` passes the setting,
    ``ADDRNET_ACCEPT``)."""
    if accept not in ACCEPTS:
        raise ValueError(f"accept must be one of {ACCEPTS}, not {accept!r}")
    # gated: the listening socket the workers share; reuseport: bound (not listening) for the whole run.
    # Either way a port in use fails here, and port 0 becomes one real port
    holder = listening_socket(host, port) if accept == "gated" else reuseport_socket(host, port)
    shared = holder if accept == "gated" else None
    board = Board(workers) if shared is not None else None
    port = holder.getsockname()[1]
    # import the app once here; forked workers start with it loaded (each spawned worker re-imported it:
    # about a second of CPU each, paid at every start). Nothing imported starts a thread or a session.
    importlib.import_module(app.partition(":")[0])
    preload()
    ctx = mp.get_context("fork")
    stopping = False

    def start(index: int) -> Any:
        if board is not None:
            board.post(index, 0, False)  # a worker that died accepts nothing; the new one posts when it serves
        p = ctx.Process(target=_worker, args=(app, factory, host, port, shared, board, index, kwargs),
                        name="addrnet-worker")
        p.start()
        return p

    def on_signal(signum: int, _frame: Any) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    procs = [start(i) for i in range(workers)]
    print(f"addrnet: {workers} workers on {host}:{port} ({accept}), pids {[p.pid for p in procs]}",
          file=sys.stderr, flush=True)
    last_restart = 0.0
    while not stopping:
        time.sleep(0.2)
        for i, p in enumerate(procs):
            if not p.is_alive() and board is not None:
                board.post(i, 0, False)  # the others do not wait for it
            if not p.is_alive() and not stopping and time.monotonic() - last_restart > RESTART_BACKOFF_S:
                print(f"addrnet: worker {p.pid} exited ({p.exitcode}); starting another", file=sys.stderr, flush=True)
                procs[i] = start(i)
                last_restart = time.monotonic()
    for p in procs:
        if p.is_alive():
            p.terminate()  # SIGTERM: uvicorn shuts down gracefully
    for p in procs:
        p.join(30)
        if p.is_alive():
            p.kill()
    holder.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m app.workers", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("app", help="MODULE:ATTRIBUTE of an ASGI app")
    ap.add_argument("--factory", action="store_true", help="the attribute is an app factory")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--log-level", default="warning")
    ap.add_argument("--accept", choices=ACCEPTS, default="gated", help="how connections find a worker")
    ap.add_argument("--coalesce", action="store_true",
                    help="send each response in one write, as addrnet serve does (app/protocol.py)")
    args = ap.parse_args(argv)
    extra: dict[str, Any] = {}
    if args.coalesce:
        from app.protocol import http_protocol

        extra["http"] = http_protocol()
    return run(args.app, factory=args.factory, host=args.host, port=args.port, workers=args.workers,
               accept=args.accept, log_level=args.log_level, access_log=False, **extra)


if __name__ == "__main__":
    raise SystemExit(main())
