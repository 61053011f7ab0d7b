"""POST /resolve: text or components -> ranked gazetteer places (thin: the work is in app/service.py)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from app.deps import ConnectionDep, ResolveArm, ServiceDep
from app.errors import ERRORS_ARM, ERRORS_BODY, ERRORS_COMMON, ERRORS_DB
from app.schemas import ResolveRequest, ResolveResponse

router = APIRouter(tags=["resolve"], responses={**ERRORS_COMMON, **ERRORS_BODY, **ERRORS_ARM, **ERRORS_DB})


@router.post("/resolve", response_model=ResolveResponse, summary="Resolve an address to ranked places")
def resolve(req: ResolveRequest, tagger: ResolveArm, conn: ConnectionDep, service: ServiceDep) -> Response:
    return service.resolve(conn, tagger, req)
