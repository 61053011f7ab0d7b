"""``TurnBuffer``: items written together at the end of the event-loop turn that added the first of them.

The request log (``addrnet.logs.LineLog``) and the request metrics (``app.metrics``) write per loop turn rather
than per request. Off a loop an item is written at once; an item added on another loop than the one whose turn
was to write the pending ones (a loop that stopped before its turn ended, another thread's loop) writes them
all at once, so nothing waits on a turn that may never come. What is pending at exit is written then.
"""

from __future__ import annotations

import asyncio
import atexit
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class TurnBuffer(Generic[T]):
    def __init__(self, write: Callable[[list[T]], None]) -> None:
        self.write = write
        self.items: list[T] = []
        self.loop: asyncio.AbstractEventLoop | None = None  # the loop whose turn writes the pending items
        self._lock = threading.Lock()  # items may come from several threads
        atexit.register(self.flush)

    def add(self, item: T) -> None:
        try:
            loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        with self._lock:
            self.items.append(item)
            first = len(self.items) == 1
            if first:
                self.loop = loop
            elsewhere = not first and self.loop is not loop
        if loop is None or elsewhere:
            self.flush()
        elif first:
            loop.call_soon(self.flush)

    def flush(self) -> None:
        """Write the pending items, in the order they came."""
        with self._lock:
            items, self.items, self.loop = self.items, [], None
        if items:
            self.write(items)
