"""GET /reverse, and the Pelias-compatible surface: GET /v1/search, /v1/search/structured, /v1/reverse.

The /v1 routes answer a GeoJSON FeatureCollection with Pelias's property names (label, name,
housenumber, street, postalcode, locality, region, region_a, country, country_a, confidence,
match_type, accuracy, layer, distance), so an existing Pelias client works unchanged. The work is in
``resolver.readings.geocode`` and ``resolver.reverse.reverse``; these routes only shape the answer.
"""

from __future__ import annotations

import re
import time
from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy.exc import SQLAlchemyError

from addrnet import __version__
from app.deps import ConnectionDep, ServiceDep, StateDep, pick_tagger
from app.errors import ERRORS_ARM, ERRORS_COMMON, ERRORS_DB, APIError, public_reason
from app.schemas import check_text
from resolver.components import LAYERS, MAX_COMPONENT_CHARS
from resolver.match import Place
from resolver.readings import Reading, from_parse, geocode
from resolver.reverse import ReverseHit, reverse

router = APIRouter(tags=["geocode"], responses={**ERRORS_COMMON, **ERRORS_ARM, **ERRORS_DB})

Lat = Annotated[float, Query(ge=-90, le=90, description="Latitude in degrees, -90..90.", examples=[37.7722])]
Lon = Annotated[float, Query(ge=-180, le=180, description="Longitude in degrees, -180..180.", examples=[-122.4242])]
LayersQ = Annotated[str | None, Query(max_length=200, description="Comma-separated: address, street, locality, "
                                      "region, country (default: all).", examples=["address,locality"])]
Size = Annotated[int, Query(ge=1, le=20, description="Results per layer (reverse) or in all (search).")]
Comp = Annotated[str | None, Query(max_length=MAX_COMPONENT_CHARS)]
_NUMBER_FIRST = re.compile(r"^\s*(\d[\w/-]*)\s+(.+)$")
_NUMBER_LAST = re.compile(r"^\s*(.+?)\s+(\d[\w/-]*)\s*$")

EXAMPLE_FEATURE = {
    "type": "Feature", "geometry": {"type": "Point", "coordinates": [-122.4242303, 37.7722281]},
    "properties": {"id": "address:27", "gid": "addrnet:address:27", "layer": "address", "source": "addrnet",
                   "name": "27 Octavia St", "housenumber": "27", "street": "Octavia St", "postalcode": "94102",
                   "confidence": 0.98, "match_type": "exact", "accuracy": "point", "country": "United States",
                   "country_a": "USA", "country_code": "US", "region": "California", "region_a": "CA",
                   "locality": "San Francisco", "label": "27 Octavia St, San Francisco, CA 94102, US"},
}  # fmt: skip
EXAMPLE = {"geocoding": {"version": "0.2", "query": {"text": "27 Octavia St, San Francisco, CA 94102"}},
           "type": "FeatureCollection", "features": [EXAMPLE_FEATURE],
           "bbox": [-122.4242303, 37.7722281, -122.4242303, 37.7722281]}  # fmt: skip


@lru_cache(maxsize=512)
def _country(cc: str | None) -> tuple[str | None, str | None]:
    """(name, alpha-3) of an alpha-2 code (Pelias's ``country`` and ``country_a``)."""
    if not cc:
        return None, None
    import pycountry

    c = pycountry.countries.get(alpha_2=cc)
    return (getattr(c, "common_name", None) or c.name, c.alpha_3) if c else (cc, cc)


def _feature(layer: str, lat: float, lon: float, props: dict[str, Any]) -> dict[str, Any]:
    country, country_a = _country(props.pop("_cc", None))
    props.update(country=country, country_a=country_a)
    props = {k: v for k, v in props.items() if v is not None and v != ""}
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}


def place_feature(p: Place) -> dict[str, Any]:
    layer = LAYERS[p.level]
    match_type = "exact" if p.level == "address" else "interpolated" if p.accuracy == "interpolated" else "fallback"
    if p.level == "street" and p.accuracy == "interpolated":
        layer = "address"  # Pelias answers interpolated house numbers on the address layer
    if p.level in ("locality", "region", "country") and p.match in ("exact", "alias", "postcode") and p.score >= 0.8:
        match_type = "exact"
    name = " ".join(x for x in (p.house_number, p.street) if x) if p.street else p.name
    ident = f"{layer}:{p.place_id}:{p.house_number or ''}:{p.street or ''}" if p.street else f"{layer}:{p.place_id}"
    props = {
        "id": ident, "gid": f"addrnet:{ident}", "layer": layer, "source": "addrnet", "name": name,
        "housenumber": p.house_number, "street": p.street, "postalcode": p.postcode,
        "confidence": round(p.score, 4), "match_type": match_type,
        "accuracy": "point" if p.accuracy in ("point", "interpolated") else "centroid",
        "_cc": p.country, "country_code": p.country, "region": p.region, "region_a": p.region_code,
        "locality": p.name if p.level in ("address", "street", "postcode", "locality") else None,
        "label": p.label or p.name, "explanation": p.explanation,
    }  # fmt: skip
    return _feature(layer, float(p.lat or 0.0), float(p.lon or 0.0), props)


def reverse_feature(h: ReverseHit) -> dict[str, Any]:
    ident = f"{h.layer}:{h.place_id or 0}:{h.house_number or ''}:{h.street or ''}"
    props = {
        "id": ident, "gid": f"addrnet:{ident}", "layer": h.layer, "source": "addrnet", "name": h.name,
        "housenumber": h.house_number, "street": h.street, "postalcode": h.postcode,
        "distance": round(h.distance_m / 1000, 3), "confidence": round(max(0.0, 1.0 - h.distance_m / 2000), 3),
        "match_type": "exact" if h.layer == "address" else "fallback",
        "accuracy": "point" if h.layer == "address" else "centroid",
        "_cc": h.country, "country_code": h.country, "region": h.region, "region_a": h.region_code,
        "locality": h.locality, "label": h.label,
    }  # fmt: skip
    return _feature(h.layer, h.lat, h.lon, props)


def collection(features: list[dict[str, Any]], query: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "geocoding": {"version": "0.2", "attribution": "/v1/attribution", "query": query,
                      "engine": {"name": "addrnet", "author": "addrnet", "version": __version__},
                      "timestamp": int(time.time() * 1000)},  # fmt: skip
        "type": "FeatureCollection",
        "features": features,
    }
    if features:
        xs = [f["geometry"]["coordinates"][0] for f in features]
        ys = [f["geometry"]["coordinates"][1] for f in features]
        out["bbox"] = [min(xs), min(ys), max(xs), max(ys)]
    return out


def _reverse_hits(conn: Any, lat: float, lon: float, layers: str | None, size: int) -> list[ReverseHit]:
    try:
        return reverse(conn, lat, lon, layers, size=size)
    except ValueError as exc:
        raise APIError(422, "invalid_request", str(exc)) from None
    except SQLAlchemyError as exc:
        raise APIError(503, "database_unavailable", public_reason(exc)) from None


def _geocode(conn: Any, reading: Reading, country: str | None, size: int, alternatives: Any = None) -> list[Place]:
    try:
        return geocode(conn, reading, alternatives=alternatives, country=country, limit=size).results
    except ValueError as exc:
        raise APIError(422, "invalid_request", str(exc)) from None
    except SQLAlchemyError as exc:
        raise APIError(503, "database_unavailable", public_reason(exc)) from None


def _country_hint(value: str | None) -> str | None:
    if value is None:
        return None
    v = value.strip()
    if len(v) == 3 and v.isalpha():
        import pycountry

        c = pycountry.countries.get(alpha_3=v.upper())
        if c is None:
            raise APIError(422, "invalid_request", f"unknown country code {v!r}")
        return str(c.alpha_2)
    return v


@router.get("/reverse", summary="Nearest address, street and locality of a coordinate",
            responses={200: {"content": {"application/json": {"example": {"results": [
                {"layer": "address", "name": "27 Octavia St", "lat": 37.7722281, "lon": -122.4242303,
                 "distance_m": 4.1, "street": "Octavia St", "house_number": "27", "postcode": "94102",
                 "locality": "San Francisco", "country": "US", "label": "27 Octavia St, San Francisco, US"}]}}}}})
def reverse_route(lat: Lat, lon: Lon, conn: ConnectionDep, layers: LayersQ = None, size: Size = 1) -> dict[str, Any]:
    """Nearest results per layer (address and street only where OpenAddresses data is imported), each
    with its distance in metres. Coordinates out of range: 422."""
    from dataclasses import asdict

    return {"results": [asdict(h) for h in _reverse_hits(conn, lat, lon, layers, size)]}


@router.get("/v1/reverse", summary="Pelias-compatible reverse geocoding (GeoJSON)",
            responses={200: {"content": {"application/json": {"example": EXAMPLE}}}})
def v1_reverse(conn: ConnectionDep, point_lat: Annotated[float, Query(alias="point.lat", ge=-90, le=90)],
               point_lon: Annotated[float, Query(alias="point.lon", ge=-180, le=180)], layers: LayersQ = None,
               size: Size = 10) -> dict[str, Any]:  # fmt: skip
    hits = _reverse_hits(conn, point_lat, point_lon, layers, size)
    hits.sort(key=lambda h: h.distance_m if h.layer in ("address", "street") else 1e12)
    return collection([reverse_feature(h) for h in hits[:size]],
                      {"point.lat": point_lat, "point.lon": point_lon, "layers": layers, "size": size})


@router.get("/v1/search", summary="Pelias-compatible forward geocoding of free text (GeoJSON)",
            responses={200: {"content": {"application/json": {"example": EXAMPLE}}}})
def v1_search(state: StateDep, service: ServiceDep, conn: ConnectionDep,
              text: Annotated[str, Query(description="The address or place.",
                                         examples=["27 Octavia St, San Francisco, CA 94102"])],
              size: Size = 10,
              boundary_country: Annotated[str | None, Query(alias="boundary.country", max_length=3)] = None,
              arm: Annotated[str | None, Query(max_length=64)] = None) -> dict[str, Any]:  # fmt: skip
    try:
        check_text(text)
    except ValueError as exc:
        raise APIError(422, "invalid_request", str(exc)) from None
    tagger = pick_tagger(state, arm)
    parse = service.parse_payloads(tagger, [text])[0]
    reading = from_parse(parse["components"], text=text)
    alternatives = (lambda: tagger.parse_alternatives(text)) if hasattr(tagger, "parse_alternatives") else None
    places = _geocode(conn, reading, _country_hint(boundary_country), size, alternatives)
    query = {"text": text, "size": size, "parser": "addrnet", "parsed_text": reading.components}
    if boundary_country:
        query["boundary.country"] = boundary_country
    return collection([place_feature(p) for p in places], query)


@router.get("/v1/search/structured", summary="Pelias-compatible structured geocoding (GeoJSON)",
            responses={200: {"content": {"application/json": {"example": EXAMPLE}}}})
def v1_structured(conn: ConnectionDep, address: Comp = None, neighbourhood: Comp = None, borough: Comp = None,
                  locality: Comp = None, county: Comp = None, region: Comp = None, postalcode: Comp = None,
                  country: Comp = None, size: Size = 10) -> dict[str, Any]:  # fmt: skip
    """Pelias structured fields; ``address`` is split into house number and street ("27 Octavia St",
    "Markgrafenstraße 22")."""
    comps: dict[str, str] = {}
    if address and address.strip():
        m = _NUMBER_FIRST.match(address) or _NUMBER_LAST.match(address)
        if m and m.re is _NUMBER_FIRST:
            comps.update(house_number=m.group(1), street=m.group(2))
        elif m:
            comps.update(street=m.group(1), house_number=m.group(2))
        else:
            comps["street"] = address
    for key, value in (("suburb", neighbourhood or borough), ("locality", locality), ("county", county),
                       ("region", region), ("postcode", postalcode), ("country", country)):  # fmt: skip
        if value and value.strip():
            comps[key] = value
    if not comps:
        raise APIError(422, "invalid_request", "give at least one of address, neighbourhood, borough, locality, "
                       "county, region, postalcode, country")
    places = _geocode(conn, Reading(comps, source="structured"), None, size)
    query = {k: v for k, v in (("address", address), ("neighbourhood", neighbourhood), ("borough", borough),
             ("locality", locality), ("county", county), ("region", region), ("postalcode", postalcode),
             ("country", country)) if v} | {"size": size}  # fmt: skip
    return collection([place_feature(p) for p in places], query)
