"""POST /resolve: text or components -> ranked gazetteer places (thin: the work is in app/service.py).

The text is parsed on the event loop through the ``/parse`` micro-batcher and LRU. The gazetteer work
then runs:

* on SQLite, on the event loop itself: its reads come from the page cache and are CPU work that the GIL
  serialises with the loop anyway; the hop to the thread pool and back (and the GIL hand-offs it brings
  under concurrency) cost ~0.4 ms of server CPU per request, more than the resolver's own ~0.3 ms
  (measured interleaved, 1,950 requests at concurrency 8: 1.35 -> 0.90 ms per text /resolve). The loop
  keeps one connection checked out (``resolver.db.held_connection``) instead of a pool checkout and return per request;
* on any other database (a server: network round trips), inside one thread-pool call (a ``def``
  endpoint with a generator connection dependency would cost three hops per request).
"""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError
from sqlalchemy.engine import Engine

from app.deps import ResolveArm, checked_out, service_for, service_of
from app.errors import ERRORS_ARM, ERRORS_BODY, ERRORS_COMMON, ERRORS_DB, APIError
from app.routes import post_route
from app.schemas import ResolveRequest, ResolveResponse
from app.service import Service
from model.tagger import Tagger
from resolver.db import held_connection

router = APIRouter(tags=["resolve"], responses={**ERRORS_COMMON, **ERRORS_BODY, **ERRORS_ARM, **ERRORS_DB})

def _resolve(service: Service, tagger: Tagger | None, req: ResolveRequest, parse: dict[str, Any] | None,
             t0: float, on_loop: bool = False) -> Response:
    """The thread pool: a pooled connection for the call; ``on_loop`` (SQLite): the event loop's connection,
    kept checked out between requests (``resolver.db.held_connection``). No database or a failed checkout:
    the route dependency's 503 (``app.deps.checked_out``)."""
    with checked_out(service.state, held_connection if on_loop else Engine.connect) as conn:
        return service.resolve(conn, tagger, req, parse, t0)


def _on_loop(service: Service) -> bool:
    """True when the gazetteer is a SQLite file (answered on the event loop), else the thread pool."""
    engine = service.state.engine
    return engine is not None and engine.dialect.name == "sqlite"


@router.post("/resolve", response_model=ResolveResponse, summary="Resolve an address to ranked places")
async def resolve(req: ResolveRequest, tagger: ResolveArm, request: Request) -> Response:
    service = service_of(request)
    t0 = time.perf_counter()
    # the text is parsed on the loop like /parse (its LRU, one ONNX run for concurrent requests); the
    # gazetteer work then runs on the loop (SQLite) or in the thread pool (a database server)
    parse = await service.parse_for_resolve(tagger, req.text) if tagger is not None and req.text is not None else None
    if _on_loop(service):
        return _resolve(service, tagger, req, parse, t0, on_loop=True)
    return await run_in_threadpool(_resolve, service, tagger, req, parse, t0)


ROUTE = post_route(router, "/resolve")


async def answer_fast(app: Any, scope: dict[str, Any], data: Any) -> Response | None:
    """The response of ``POST /resolve`` for the usual request, without FastAPI's routing and dependency
    solving (for a fast-path middleware such as ``app.fastpath``'s, which has read the JSON body into
    ``data``); None: let the route answer (then it answers exactly as it would have).

    The usual request: a JSON object valid for ``ResolveRequest`` with a ``text``, an arm that is loaded,
    a SQLite gazetteer (answered on the loop). Components requests (their labels are checked by the
    route), other databases, validation errors and ``APIError`` go to the route."""
    state = getattr(getattr(app, "state", None), "addrnet", None)
    if state is None or not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return None
    try:
        req = ResolveRequest.model_validate(data)
    except ValidationError:
        return None
    tagger = state.arms.get(req.arm)  # None: the primary arm
    service = service_for(app)
    if tagger is None or req.text is None or not _on_loop(service):
        return None
    scope["route"] = ROUTE
    t0 = time.perf_counter()
    try:
        parse = await service.parse_for_resolve(tagger, req.text)
        return _resolve(service, tagger, req, parse, t0, on_loop=True)
    except APIError:
        return None
