"""POST /resolve: text or components -> ranked gazetteer places."""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Response
from sqlalchemy.exc import SQLAlchemyError

from app.deps import StateDep, pick_tagger
from app.errors import ERRORS_ARM, ERRORS_BODY, ERRORS_COMMON, ERRORS_DB, APIError, public_reason
from app.limits import usable_components
from app.observe import ARM_HEADER
from app.routes.parse import run_parse, submit_shadow
from app.schemas import ResolveRequest, ResolveResponse
from app.state import AppState
from model.labels import LABELS
from model.tagger import Tagger
from resolver.match import resolve as resolve_places

router = APIRouter(tags=["resolve"], responses={**ERRORS_COMMON, **ERRORS_BODY, **ERRORS_ARM, **ERRORS_DB})

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
    if country is not None and not (len(country) == 2 and country.isalpha()):  # a name the gazetteer may know
        comps, country = {**comps, "country": country}, None
    try:
        with state.engine.connect() as conn:
            places = resolve_places(conn, comps, country=country, limit=limit, confidences=conf)
    except SQLAlchemyError as exc:
        raise APIError(503, "database_unavailable", public_reason(exc)) from None
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
        comps = usable_components(comps)  # never a 422 about a component the service made itself
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
    if tagger is not None:
        submit_shadow(state, "resolve", [req.text or ""], tagger.name, [result], ms,
                      lambda shadow, _idx: [run_resolve(state, shadow, req)])
    elif req.components:  # the comparison arm parses the components joined into one line
        given = {k for k, v in req.components.items() if k in RESOLVE_LABELS and v}
        order = ("suburb", "locality", "county", "region", "postcode", "country")
        line = ", ".join(req.components[k] for k in order if req.components.get(k))
        if line:
            as_text = req.model_copy(update={"text": line, "components": None})
            primary = {"parse": {"components": [{"label": k, "value": req.components[k]} for k in sorted(given)]},
                       "results": result["results"]}
            submit_shadow(state, "resolve/components", [line], "components", [primary], ms,
                          lambda shadow, _idx: [run_resolve(state, shadow, as_text)], only=given | {"top_place"})
    return result
