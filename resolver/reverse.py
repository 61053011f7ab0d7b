"""Reverse geocoding: a coordinate -> the nearest address, street and locality, each with its distance.

* ``address``: the nearest imported address point (grid cells of 0.01 degree around the point, then a
  wider ring); ``street``: the street of the nearest point of each street found, nearest first;
* ``locality``: the nearest gazetteer locality (a latitude band on ``ix_places_kind_lat``, then the
  box), with its ``region`` and ``country`` from the same row.

Coordinates outside [-90, 90] x [-180, 180] or not finite raise ``ValueError``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Connection, RowMapping

from resolver import candidates as cands
from resolver.geo import POINT_CELL_DEG, cells_around, haversine_km

LAYERS = ("address", "street", "locality", "region", "country")
MAX_ADDRESS_KM = 2.0  # an address or street farther than this is not "at" the point
_LOCALITY_BOXES_DEG = (0.3, 1.5, 5.0)


@dataclass(frozen=True)
class ReverseHit:
    layer: str
    name: str
    lat: float
    lon: float
    distance_m: float
    place_id: int | None = None
    street: str | None = None
    house_number: str | None = None
    postcode: str | None = None
    locality: str | None = None
    region: str | None = None
    region_code: str | None = None
    country: str | None = None
    label: str = ""


def check_coords(lat: object, lon: object) -> tuple[float, float]:
    try:
        la, lo = float(lat), float(lon)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError("lat and lon must be numbers") from None
    if not (math.isfinite(la) and math.isfinite(lo)):
        raise ValueError("lat and lon must be finite numbers")
    if not -90.0 <= la <= 90.0:
        raise ValueError(f"lat must be in [-90, 90], got {la}")
    if not -180.0 <= lo <= 180.0:
        raise ValueError(f"lon must be in [-180, 180], got {lo}")
    return la, lo


def parse_layers(layers: str | Iterable[str] | None) -> tuple[str, ...]:
    if layers is None:
        return LAYERS
    items = [x.strip() for x in (layers.split(",") if isinstance(layers, str) else layers) if x.strip()]
    aliases = {"postalcode": "address", "venue": "address", "localadmin": "locality", "neighbourhood": "locality"}
    out = []
    for x in items:
        x = aliases.get(x, x)
        if x not in LAYERS:
            raise ValueError(f"unknown layer {x!r}; use {', '.join(LAYERS)}")
        if x not in out:
            out.append(x)
    return tuple(out) or LAYERS


def reverse(conn: Connection, lat: float, lon: float, layers: str | Iterable[str] | None = None,
            size: int = 10) -> list[ReverseHit]:  # fmt: skip
    """Nearest results per layer, nearest first within a layer; layers in the order address, street,
    locality, region, country."""
    lat, lon = check_coords(lat, lon)
    wanted = parse_layers(layers)
    out: list[ReverseHit] = []
    loc = _nearest_locality(conn, lat, lon)
    loc_name = loc["name"] if loc is not None else None
    if "address" in wanted or "street" in wanted:
        points = []
        for radius in (1, 4):
            points = cands.points_in_cells(conn, cells_around(lat, lon, POINT_CELL_DEG, radius))
            if points:
                break
        ranked = sorted(((haversine_km(lat, lon, p["lat"], p["lon"]), p) for p in points), key=lambda t: t[0])
        ranked = [(d, p) for d, p in ranked if d <= MAX_ADDRESS_KM]
        if "address" in wanted:
            for d, p in ranked[:size]:
                name = f"{p['number']} {p['street_name']}"
                city = p["city"] or loc_name
                out.append(ReverseHit("address", name, p["lat"], p["lon"], round(d * 1000, 1), p["locality_id"],
                                      p["street_name"], p["number"], p["postcode"], city, None, p["region"] or None,
                                      p["country_code"], ", ".join(x for x in (name, city, p["country_code"]) if x)))  # fmt: skip
        if "street" in wanted:
            seen: set[int] = set()
            for d, p in ranked:
                if p["street_id"] in seen:
                    continue
                seen.add(p["street_id"])
                city = p["city"] or loc_name
                out.append(ReverseHit("street", p["street_name"], p["lat"], p["lon"], round(d * 1000, 1),
                                      p["locality_id"], p["street_name"], None, p["postcode"], city, None,
                                      p["region"] or None, p["country_code"],
                                      ", ".join(x for x in (p["street_name"], city, p["country_code"]) if x)))  # fmt: skip
                if len(seen) >= size:
                    break
    if loc is not None:
        d = round(haversine_km(lat, lon, loc["lat"], loc["lon"]) * 1000, 1)
        if "locality" in wanted:
            out.append(ReverseHit("locality", loc["name"], loc["lat"], loc["lon"], d, int(loc["id"]), None, None, None,
                                  loc["name"], loc["admin1_name"], loc["admin1_code"], loc["country_code"],
                                  ", ".join(x for x in (loc["name"], loc["admin1_code"], loc["country_code"]) if x)))  # fmt: skip
        if "region" in wanted and loc["admin1_code"]:
            row = cands.region_place(conn, loc["country_code"], loc["admin1_code"])
            if row is not None:
                out.append(_coarse("region", row, lat, lon))
        if "country" in wanted:
            row = cands.country_place(conn, loc["country_code"])
            if row is not None:
                out.append(_coarse("country", row, lat, lon))
    return out


def _coarse(layer: str, r: Mapping[Any, Any], lat: float, lon: float) -> ReverseHit:
    plat, plon = r["lat"], r["lon"]
    d = round(haversine_km(lat, lon, plat, plon) * 1000, 1) if plat is not None and plon is not None else 0.0
    return ReverseHit(layer, r["name"], plat if plat is not None else lat, plon if plon is not None else lon, d,
                      int(r["id"]), region=r["admin1_name"] if layer == "region" else None,
                      region_code=r["admin1_code"], country=r["country_code"], label=r["name"])  # fmt: skip


def _nearest_locality(conn: Connection, lat: float, lon: float) -> RowMapping | None:
    for deg in _LOCALITY_BOXES_DEG:
        rows = cands.places_in_box(conn, lat, lon, deg)
        if rows:
            return min(rows, key=lambda r: haversine_km(lat, lon, r["lat"], r["lon"]))
    return None
