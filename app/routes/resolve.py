"""POST /resolve: text or components -> ranked gazetteer places (thin: the work is in app/service.py).

The connection is taken, used and returned inside one thread-pool call (a ``def`` endpoint with a
generator connection dependency costs three hops between the event loop and the pool per request).
"""

from __future__ import annotations

from contextlib import contextmanager

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool

from app.deps import ResolveArm, get_connection, service_of
from app.errors import ERRORS_ARM, ERRORS_BODY, ERRORS_COMMON, ERRORS_DB
from app.schemas import ResolveRequest, ResolveResponse
from app.service import Service
from model.tagger import Tagger

router = APIRouter(tags=["resolve"], responses={**ERRORS_COMMON, **ERRORS_BODY, **ERRORS_ARM, **ERRORS_DB})

_connection = contextmanager(get_connection)  # 503 when the database is not there, returned to the pool after


def _resolve(service: Service, tagger: Tagger | None, req: ResolveRequest) -> Response:
    with _connection(service.state) as conn:
        return service.resolve(conn, tagger, req)


@router.post("/resolve", response_model=ResolveResponse, summary="Resolve an address to ranked places")
async def resolve(req: ResolveRequest, tagger: ResolveArm, request: Request) -> Response:
    return await run_in_threadpool(_resolve, service_of(request), tagger, req)
