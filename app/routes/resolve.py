"""POST /resolve: text or components -> ranked gazetteer places."""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Response
from sqlalchemy.exc import SQLAlchemyError

from app.deps import StateDep, pick_tagger
from app.errors import APIError
from app.observe import ARM_HEADER
from app.routes.parse import run_parse, submit_shadow
from app.schemas import ResolveRequest, ResolveResponse
from app.state import AppState
from model.labels import LABELS
from model.tagger import Tagger
from resolver.match import resolve as resolve_places

router = APIRouter(tags=["resolve"])

RESOLVE_LABELS = ("locality", "suburb", "county", "region", "postcode", "country")


def components_from_parse(parse: dict[str, Any]) -> tuple[dict[str, str], dict[str, float]]:
    comps: dict[str, str] = {}
    conf: dict[str, float] = {}
    for c in parse["components"]:
        if c["label"] in RESOLVE_LABELS and c["label"] not in comps:
            comps[c["label"]] = c["value"]
            conf[c["label"]] = c["confidence"]
    return comps, conf


def lookup(state: AppState, comps: dict[str, str], conf: dict[str, float] | None, country: str | None,
           limit: int) -> list[dict[str, Any]]:
    if state.engine is None:
        raise APIError(503, "database_unavailable", state.engine_error or "no database configured")
    try:
        with state.engine.connect() as conn:
            places = resolve_places(conn, comps, country=country, limit=limit, confidences=conf)
    except SQLAlchemyError as exc:
        reason = str(exc).splitlines()[0][:200]
        raise APIError(503, "database_unavailable", f"the gazetteer database is unavailable: {reason}") from None
    except ValueError as exc:
        raise APIError(422, "invalid_components", str(exc)) from None
    return [
        {
            "place_id": p.place_id, "name": p.name, "region": p.region, "region_code": p.region_code,
            "country": p.country, "lat": p.lat, "lon": p.lon, "score": round(p.score, 6), "match": p.match,
            "population": p.population, "explanation": p.explanation,
        }
        for p in places
    ]


def run_resolve(state: AppState, tagger: Tagger | None, req: ResolveRequest) -> dict[str, Any]:
    parse = None
    conf = None
    if req.text is not None:
        assert tagger is not None
        parse = run_parse(state, tagger, [req.text])[0]
        comps, conf = components_from_parse(parse)
    else:
        comps = req.components or {}
        unknown = sorted(set(comps) - set(LABELS))
        if unknown:
            raise APIError(422, "invalid_components", f"unknown component labels {unknown}; use {list(LABELS)}")
        comps = {k: v for k, v in comps.items() if k in RESOLVE_LABELS and v.strip()}
    return {"parse": parse, "results": lookup(state, comps, conf, req.country, req.limit)}


@router.post("/resolve", response_model=ResolveResponse, summary="Resolve an address to ranked places")
def resolve(req: ResolveRequest, state: StateDep, response: Response) -> dict[str, Any]:
    tagger = pick_tagger(state, req.arm) if req.text is not None else None
    response.headers[ARM_HEADER] = tagger.name if tagger else "-"
    t0 = time.perf_counter()
    result = run_resolve(state, tagger, req)
    ms = (time.perf_counter() - t0) * 1000
    if tagger is not None:  # components-only requests involve no arm, so there is nothing to shadow
        submit_shadow(state, "resolve", req.text or "", tagger.name, result, ms,
                      lambda shadow: run_resolve(state, shadow, req))
    return result
