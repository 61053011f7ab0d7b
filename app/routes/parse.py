"""POST /parse and /parse/batch."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from typing import Any

from fastapi import APIRouter, Response

from app.arms import all_finite
from app.deps import StateDep, pick_tagger
from app.errors import ERRORS_ARM, ERRORS_BODY, ERRORS_COMMON, APIError
from app.observe import ARM_HEADER
from app.schemas import BatchRequest, BatchResponse, ParseRequest, ParseResponse
from app.state import AppState
from model.tagger import ParseResult, Tagger

router = APIRouter(tags=["parse"], responses={**ERRORS_COMMON, **ERRORS_BODY, **ERRORS_ARM})

CHUNK = 256  # texts per ONNX run


def model_info(tagger: Tagger) -> dict[str, str]:
    m = tagger.manifest
    return {
        "arm": tagger.name,
        "version": str(m.get("version", "")),
        "corpus": str(m.get("corpus_version", "")),
        "tokenizer": str(m.get("tokenizer_version", "")),
    }


def payload(result: ParseResult, tagger: Tagger) -> dict[str, Any]:
    return {
        "text": result.text,
        "arm": tagger.name,
        "model": model_info(tagger),
        "components": [
            {"label": c.label, "value": c.value, "start": c.start, "end": c.end, "confidence": round(c.confidence, 6)}
            for c in result.components
        ],
        "tokens": [
            {"text": t.text, "start": t.start, "end": t.end, "label": t.label, "confidence": round(t.confidence, 6)}
            for t in result.tokens
        ],
    }


def run_parse(state: AppState, tagger: Tagger, texts: list[str]) -> list[dict[str, Any]]:
    """Parse in chunks of similar length (less padding per ONNX run), answers in input order."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i])) if len(texts) > CHUNK else list(range(len(texts)))
    out: list[dict[str, Any] | None] = [None] * len(texts)
    for i in range(0, len(order), CHUNK):
        idx = order[i : i + CHUNK]
        t0 = time.perf_counter()
        results = tagger.parse_batch([texts[j] for j in idx])
        state.metrics.inference.labels(tagger.name).observe(time.perf_counter() - t0)
        if not all_finite(results):  # never emit NaN (or null where the schema says number)
            raise APIError(503, "arm_output_invalid", f"arm {tagger.name!r} returned non-finite confidences")
        for j, r in zip(idx, results, strict=True):
            out[j] = payload(r, tagger)
    return [r for r in out if r is not None]


def submit_shadow(state: AppState, route: str, texts: Sequence[str], answered_arm: str,
                  primary: Sequence[dict[str, Any]], ms: float,
                  run: Callable[[Tagger, list[int]], list[dict[str, Any]]], only: set[str] | None = None) -> None:
    """Queue the comparison (``run(other tagger, indices of texts)``) after the response; see app/shadow.py."""
    if state.shadow is not None:
        state.shadow.submit_request(route, texts, answered_arm, primary, ms, run, only)


@router.post("/parse", response_model=ParseResponse, summary="Parse one address into labelled components")
def parse(req: ParseRequest, state: StateDep, response: Response) -> dict[str, Any]:
    tagger = pick_tagger(state, req.arm)
    response.headers[ARM_HEADER] = tagger.name
    t0 = time.perf_counter()
    result = run_parse(state, tagger, [req.text])[0]
    submit_shadow(state, "parse", [req.text], tagger.name, [result], (time.perf_counter() - t0) * 1000,
                  lambda shadow, _idx: run_parse(state, shadow, [req.text]))
    return result


@router.post("/parse/batch", response_model=BatchResponse, summary="Parse up to 1,000 addresses")
def parse_batch(req: BatchRequest, state: StateDep) -> Response:
    limit = state.settings.max_batch
    if len(req.texts) > limit:
        raise APIError(413, "batch_too_large", f"batch holds {len(req.texts)} texts; the limit is {limit}")
    tagger = pick_tagger(state, req.arm)
    # the payload is built from typed dataclasses already; skip re-validating 1,000 nested objects
    t0 = time.perf_counter()
    results = run_parse(state, tagger, req.texts)
    ms = (time.perf_counter() - t0) * 1000
    body = json.dumps({"results": results}, ensure_ascii=False, allow_nan=False)
    texts = req.texts
    submit_shadow(state, "parse/batch", texts, tagger.name, results, ms / max(1, len(texts)),
                  lambda shadow, idx: run_parse(state, shadow, [texts[i] for i in idx]))
    return Response(body, media_type="application/json", headers={ARM_HEADER: tagger.name})
