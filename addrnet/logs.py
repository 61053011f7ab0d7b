"""Structured logs: one JSON object a line on stderr, for addrnet's loggers and uvicorn's alike.

Each line has ``ts`` (UTC, ISO 8601), ``level``, ``logger`` and ``message``, then the record's extra
fields; the request log (``app.observe``) adds ``request_id``, ``method``, ``route``, ``arm``, ``status``
and ``latency_ms``. The level comes from the ``log_level`` setting (``ADDRNET_LOG_LEVEL``, default INFO).
``logging_config(level)`` is the ``logging.config.dictConfig`` schema that ``addrnet serve`` hands to
uvicorn (``log_config``), so uvicorn's own lines go through the same formatter.
"""

from __future__ import annotations

import logging
import logging.config
import time
from datetime import UTC, datetime
from typing import Any

import orjson

from addrnet.turns import TurnBuffer

# attributes every LogRecord has; anything else on a record came from ``extra=`` and is logged as a field
_STANDARD = set(vars(logging.LogRecord("x", logging.INFO, "x", 0, "x", None, None))) | {"message", "asctime",
                                                                                        "color_message"}


class JsonFormatter(logging.Formatter):
    """One compact JSON object a line (orjson: UTF-8 as is, ``str()`` of what JSON has no type for)."""

    _second: int = -1
    _prefix: str = ""

    def _ts(self, created: float) -> str:
        """ISO 8601 UTC to the millisecond; the part up to the second is made once a second (the request log)."""
        second = int(created)
        if second != self._second:
            self._prefix = datetime.fromtimestamp(second, UTC).strftime("%Y-%m-%dT%H:%M:%S")
            self._second = second
        return f"{self._prefix}.{int((created - second) * 1000):03d}Z"

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": self._ts(record.created),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                out[key] = value
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(out, default=str).decode()


class LineLog:
    """One logger's INFO lines (the request log), the same lines ``logger.info(message, extra=fields)`` writes,
    at less cost per line: when the logger's only handler is the configured JSON stream handler, each line is
    made straight from its fields and the lines of one event-loop turn are written together (one write and
    flush under the handler's lock; ``addrnet.turns.TurnBuffer``). Any other configuration (another handler, a
    filter: tests' capture, an operator's ``dictConfig``) gets ``logger.info``."""

    def __init__(self, logger: logging.Logger, message: str) -> None:
        self.logger, self.message = logger, message
        self.handler: logging.StreamHandler | None = None  # type: ignore[type-arg]  # where pending lines go
        self.lines: TurnBuffer[str] = TurnBuffer(self._write)

    def _direct(self) -> logging.StreamHandler | None:  # type: ignore[type-arg]
        """The JSON stream handler that every line of this logger goes to, alone (found as ``Logger.callHandlers``
        finds handlers: up the hierarchy until a logger that does not propagate); None otherwise."""
        lg: logging.Logger | None = self.logger
        if self.logger.filters or self.logger.disabled:
            return None
        found: list[logging.Handler] = []
        while lg is not None:
            found += lg.handlers
            if not lg.propagate:
                break
            lg = lg.parent
        if len(found) != 1:
            return None
        h = found[0]
        if type(h) is not logging.StreamHandler or not isinstance(h.formatter, JsonFormatter) or h.filters \
                or h.level > logging.INFO:
            return None
        return h

    def info(self, **fields: Any) -> None:
        lg = self.logger
        if not lg.isEnabledFor(logging.INFO):
            return
        h = self._direct()
        if h is None:
            lg.info(self.message, extra=fields)
            return
        if h is not self.handler:  # the configuration changed: what is pending goes where it was meant to
            self.lines.flush()
            self.handler = h
        fmt: JsonFormatter = h.formatter  # type: ignore[assignment]
        head = {"ts": fmt._ts(time.time()), "level": "INFO", "logger": lg.name, "message": self.message}
        self.lines.add(orjson.dumps(head | fields, default=str).decode())

    def flush(self) -> None:
        self.lines.flush()

    def _write(self, lines: list[str]) -> None:
        h = self.handler
        if h is None:
            return
        with h.lock:  # type: ignore[union-attr]
            try:
                h.stream.write("\n".join(lines) + h.terminator)
                h.flush()
            except Exception:  # noqa: BLE001 - as logging does: a broken stream never breaks the request
                h.handleError(logging.makeLogRecord({"msg": self.message}))


def level_name(level: str) -> str:
    """``level`` as a logging level name; ``ValueError`` for one logging does not know."""
    name = str(level).upper()
    if not isinstance(logging.getLevelName(name), int):
        raise ValueError(f"unknown log level {level!r}; use DEBUG, INFO, WARNING, ERROR or CRITICAL")
    return name


def logging_config(level: str = "INFO") -> dict[str, Any]:
    name = level_name(level)
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {"stderr": handler},
        "loggers": {
            "addrnet": {"handlers": ["stderr"], "level": name, "propagate": False},
            "uvicorn": {"handlers": ["stderr"], "level": name, "propagate": False},
            "uvicorn.error": {"level": name},
            "uvicorn.access": {"handlers": ["stderr"], "level": name, "propagate": False},
        },
        "root": {"handlers": ["stderr"], "level": "WARNING"},
    }


def configure(level: str = "INFO") -> None:
    logging.config.dictConfig(logging_config(level))
