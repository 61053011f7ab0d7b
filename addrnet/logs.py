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
from datetime import UTC, datetime
from typing import Any

import orjson

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
