"""The response contract, checked on every response of the fuzz and load runs.

* Bodies are strict JSON (a bare ``NaN`` or ``Infinity`` is a violation).
* A 200 from ``/parse`` or each ``/parse/batch`` result: known labels, ``value == text[start:end]``,
  confidences finite in [0, 1]; a batch answers one result per text, in order.
* A 200 from ``/resolve``: places with finite coordinates and a score in [0, 1], at most ``limit``.
* Anything else: ``{"error": {"code", "message"}}``, no absolute path, never a 5xx (the runs use a
  healthy service).
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from model.labels import LABEL_VIEWS

ALL_LABELS = {label for view in LABEL_VIEWS.values() for label in view.values()}
_ABS = re.compile(r"(?<![\w.:/])/(?:home|root|tmp|work|srv|usr|var|opt)/")


def _no_constants(name: str) -> Any:
    raise ValueError(f"non-standard JSON constant {name}")


def strict_json(raw: bytes) -> Any:
    return json.loads(raw, parse_constant=_no_constants)


def _finite01(x: Any) -> bool:
    return isinstance(x, int | float) and math.isfinite(x) and 0.0 <= x <= 1.0


def check_parse(body: Any) -> str | None:
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        return "parse: no text"
    text = body["text"]
    for c in body.get("components", []):
        if c.get("label") not in ALL_LABELS:
            return f"parse: unknown label {c.get('label')!r}"
        if not (isinstance(c.get("start"), int) and isinstance(c.get("end"), int) and 0 <= c["start"] < c["end"]):
            return "parse: bad span"
        if text[c["start"] : c["end"]] != c.get("value"):
            return "parse: value != text[start:end]"
        if not _finite01(c.get("confidence")):
            return f"parse: confidence {c.get('confidence')!r}"
    for t in body.get("tokens") or []:
        if not _finite01(t.get("confidence")) or text[t["start"] : t["end"]] != t.get("text"):
            return "parse: bad token"
    return None


def check_resolve(body: Any, limit: int | None = None) -> str | None:
    if not isinstance(body, dict) or not isinstance(body.get("results"), list):
        return "resolve: no results"
    if body.get("parse") is not None:
        err = check_parse(body["parse"])
        if err:
            return err
    if limit is not None and len(body["results"]) > limit:
        return "resolve: more results than limit"
    for p in body["results"]:
        for k in ("lat", "lon"):
            v = p.get(k)
            if v is not None and not (isinstance(v, int | float) and math.isfinite(v)):
                return f"resolve: {k} {v!r}"
        if not _finite01(p.get("score")):
            return f"resolve: score {p.get('score')!r}"
    return None


def check_response(route: str, status: int, raw: bytes, request: Any = None) -> str | None:
    """None when the response keeps the contract, else what it broke."""
    if status >= 500:
        return f"{status} from {route}"
    try:
        body = strict_json(raw) if raw else None
    except ValueError as exc:
        return f"not strict JSON ({exc})"
    text = raw.decode("utf-8", "replace")
    if _ABS.search(text) and status != 200:
        return "absolute path in an error"
    if status != 200:
        err = body.get("error") if isinstance(body, dict) else None
        if not (isinstance(err, dict) and isinstance(err.get("code"), str) and isinstance(err.get("message"), str)):
            return f"{status} without an error body"
        return None
    req = request if isinstance(request, dict) else {}
    if route == "/parse":
        return check_parse(body)
    if route == "/parse/batch":
        results = body.get("results") if isinstance(body, dict) else None
        texts = req.get("texts")
        if not isinstance(results, list) or (isinstance(texts, list) and len(results) != len(texts)):
            return "batch: wrong number of results"
        for r in results:
            err = check_parse(r)
            if err:
                return err
        return None
    if route == "/resolve":
        lim = req.get("limit") if isinstance(req.get("limit"), int) else 5
        return check_resolve(body, lim)
    return None
