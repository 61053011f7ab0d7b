"""POST /parse and /parse/batch (thin: the work is in app/service.py)."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.concurrency import run_in_threadpool

from app.deps import BatchArm, ParseArm, ServiceDep, TokensQuery
from app.errors import ERRORS_ARM, ERRORS_BODY, ERRORS_COMMON
from app.schemas import BatchRequest, BatchResponse, ParseRequest, ParseResponse

router = APIRouter(tags=["parse"], responses={**ERRORS_COMMON, **ERRORS_BODY, **ERRORS_ARM})


@router.post("/parse", response_model=ParseResponse, summary="Parse one address into labelled components")
async def parse(req: ParseRequest, tagger: ParseArm, service: ServiceDep, tokens: TokensQuery = False) -> Response:
    return await service.parse(tagger, req.text, tokens)


@router.post("/parse/batch", response_model=BatchResponse, summary="Parse up to 1,000 addresses")
async def parse_batch(req: BatchRequest, tagger: BatchArm, service: ServiceDep, tokens: TokensQuery = False) -> Response:
    return await run_in_threadpool(service.parse_batch, tagger, req.texts, tokens)
