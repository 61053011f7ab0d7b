"""POST /parse and /parse/batch."""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Response

from app.deps import StateDep, pick_tagger
from app.errors import APIError
from app.schemas import BatchRequest, BatchResponse, ParseRequest, ParseResponse
from app.shadow import ShadowJob
from app.state import AppState
from model.tagger import ParseResult, Tagger

router = APIRouter(tags=["parse"])

ARM_HEADER = "x-addrnet-arm"
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
    out: list[dict[str, Any]] = []
    for i in range(0, len(texts), CHUNK):
        t0 = time.perf_counter()
        results = tagger.parse_batch(texts[i : i + CHUNK])
        state.metrics.inference.labels(tagger.name).observe(time.perf_counter() - t0)
        out.extend(payload(r, tagger) for r in results)
    return out


def shadow_parse(state: AppState, route: str, text: str, primary: dict[str, Any], ms: float) -> None:
    runner, name = state.shadow, state.settings.shadow_arm
    if runner is None or name is None or primary["arm"] == name:
        return

    def run() -> dict[str, Any]:
        tagger = state.arms.get(name)
        if tagger is None:
            raise RuntimeError(f"shadow arm {name!r} is not loaded: {state.arms.errors.get(name)}")
        return payload(tagger.parse_batch([text])[0], tagger)

    runner.submit(ShadowJob(route, text, primary["arm"], primary, ms, run))


@router.post("/parse", response_model=ParseResponse, summary="Parse one address into labelled components")
def parse(req: ParseRequest, state: StateDep, response: Response) -> dict[str, Any]:
    tagger = pick_tagger(state, req.arm)
    response.headers[ARM_HEADER] = tagger.name
    t0 = time.perf_counter()
    result = run_parse(state, tagger, [req.text])[0]
    shadow_parse(state, "parse", req.text, result, (time.perf_counter() - t0) * 1000)
    return result


@router.post("/parse/batch", response_model=BatchResponse, summary="Parse up to 1,000 addresses")
def parse_batch(req: BatchRequest, state: StateDep, response: Response) -> dict[str, Any]:
    limit = state.settings.max_batch
    if len(req.texts) > limit:
        raise APIError(413, "batch_too_large", f"batch holds {len(req.texts)} texts; the limit is {limit}")
    tagger = pick_tagger(state, req.arm)
    response.headers[ARM_HEADER] = tagger.name
    return {"results": run_parse(state, tagger, req.texts)}
