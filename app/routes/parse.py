"""POST /parse and /parse/batch (thin: the work is in app/service.py)."""

from __future__ import annotations

from typing import Annotated, Literal

import orjson
from fastapi import APIRouter, Query, Request, Response

from app.deps import BatchArm, ParseArm, TokensQuery, service_of
from app.errors import ERRORS_ARM, ERRORS_BODY, ERRORS_COMMON
from app.schemas import BatchRequest, BatchResponse, ParseRequest, ParseResponse
from model.labels import relabel_payload

router = APIRouter(tags=["parse"], responses={**ERRORS_COMMON, **ERRORS_BODY, **ERRORS_ARM})

LabelsQuery = Annotated[Literal["addrnet", "libpostal", "pelias"], Query(
    description="Label names of the components and tokens: `addrnet` (default); `libpostal` (house, house_number, "
    "road, unit, level, po_box, postcode, suburb, city, state_district, state, country); `pelias` (venue, "
    "housenumber, street, unit, level, po_box, postcode, neighbourhood, locality, county, region, country).")]


def view_body(body: bytes, labels: str) -> bytes:
    """A /parse or /parse/batch body with its parses' labels in the ``labels`` view (as it is for addrnet)."""
    if labels == "addrnet":
        return body
    data = orjson.loads(body)
    for p in data["results"] if "results" in data else [data]:
        relabel_payload(p, labels)
    return orjson.dumps(data)


def in_view(resp: Response, labels: str) -> Response:
    """The response with its parses' labels in the ``labels`` view (a no-op for addrnet)."""
    if labels == "addrnet":
        return resp
    resp.body = view_body(bytes(resp.body), labels)
    resp.headers["content-length"] = str(len(resp.body))
    return resp


@router.post("/parse", response_model=ParseResponse, summary="Parse one address into labelled components")
async def parse(req: ParseRequest, tagger: ParseArm, request: Request, tokens: TokensQuery = False,
                labels: LabelsQuery = "addrnet") -> Response:
    return in_view(await service_of(request).parse(tagger, req.text, tokens), labels)


@router.post("/parse/batch", response_model=BatchResponse, summary="Parse up to 1,000 addresses")
async def parse_batch(req: BatchRequest, tagger: BatchArm, request: Request, tokens: TokensQuery = False,
                      labels: LabelsQuery = "addrnet") -> Response:
    return in_view(await service_of(request).parse_batch_async(tagger, req.texts, tokens), labels)
