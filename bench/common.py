"""Shared helpers for the benchmarks."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def write_result(out: str | Path, result: dict[str, Any], echo: bool = True) -> None:
    """Write a benchmark's JSON result (and echo it unless the caller prints its own summary)."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if echo:
        print(json.dumps(result, indent=2))
