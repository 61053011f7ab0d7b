"""Worker processes for ``addrnet serve --workers N`` (N > 1): one uvicorn server per process, each on its own
listening socket bound with ``SO_REUSEPORT``, so the kernel spreads new connections over the workers. The
parent imports the app module once and forks the workers.

uvicorn's own supervisor shares one listening socket; the first worker to wake accepts a whole burst of
connections (measured: 32 connections opened at once all went to one of two workers in 3 of 5 tries),
and a keep-alive client then loads one core while the other idles. The parent here only starts the
workers, restarts one that dies, and on SIGINT/SIGTERM passes the signal on and waits for them (each
drains like a single uvicorn server: lifespan shutdown, shadow queue).

    python -m app.workers MODULE:APP [--factory] --host H --port P --workers N   # any ASGI app (benchmarks)
"""

from __future__ import annotations

import argparse
import importlib
import multiprocessing as mp
import signal
import socket
import sys
import time
from typing import Any

RESTART_BACKOFF_S = 1.0


def reuseport_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def _worker(app: str, factory: bool, host: str, port: int, kwargs: dict[str, Any]) -> None:
    import uvicorn

    for sig in (signal.SIGINT, signal.SIGTERM):  # the parent's handlers came along with the fork
        signal.signal(sig, signal.SIG_DFL)
    sock = reuseport_socket(host, port)
    config = uvicorn.Config(app, factory=factory, host=host, port=port, **kwargs)
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


def run(app: str, *, factory: bool, host: str, port: int, workers: int, **kwargs: Any) -> int:
    """Serve ``app`` from ``workers`` processes until SIGINT/SIGTERM; the exit status of the shutdown."""
    # bound (not listening) for the whole run: a port in use fails here, and port 0 becomes one real port
    holder = reuseport_socket(host, port)
    port = holder.getsockname()[1]
    # import the app once here; forked workers start with it loaded (each spawned worker re-imported it:
    # about a second of CPU each, paid at every start). Nothing imported starts a thread or a session.
    importlib.import_module(app.partition(":")[0])
    preload()
    ctx = mp.get_context("fork")
    stopping = False

    def start() -> Any:
        p = ctx.Process(target=_worker, args=(app, factory, host, port, kwargs), name="addrnet-worker")
        p.start()
        return p

    def on_signal(signum: int, _frame: Any) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    procs = [start() for _ in range(workers)]
    print(f"addrnet: {workers} workers on {host}:{port} (SO_REUSEPORT), pids {[p.pid for p in procs]}",
          file=sys.stderr, flush=True)
    last_restart = 0.0
    while not stopping:
        time.sleep(0.2)
        for i, p in enumerate(procs):
            if not p.is_alive() and not stopping and time.monotonic() - last_restart > RESTART_BACKOFF_S:
                print(f"addrnet: worker {p.pid} exited ({p.exitcode}); starting another", file=sys.stderr, flush=True)
                procs[i] = start()
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
    args = ap.parse_args(argv)
    return run(args.app, factory=args.factory, host=args.host, port=args.port, workers=args.workers,
               log_level=args.log_level, access_log=False)


if __name__ == "__main__":
    raise SystemExit(main())
