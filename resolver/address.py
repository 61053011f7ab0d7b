"""The address level: a street and house number -> the address point, an interpolated point, or the
street centroid (only when OpenAddresses data was imported; otherwise nothing happens here).

Street candidates, in order of trust: the full key (``street_key`` norm), the base key (the query
left out the type or directional), one typo within the streets around the query's places (two in
long names). A candidate must lie in the query's scope: the locality's gazetteer id or name, within
``STREET_SCOPE_KM`` of a locality candidate or the postcode, or carry the postcode. Then the house
number: the point with that number, else a point between its neighbours on the street (same
parity first), else the street centroid.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA
from sqlalchemy.engine import Connection

from resolver import candidates as cands
from resolver.geo import haversine_km
from resolver.names import normalize_name
from resolver.oa import normalize_number, number_int
from resolver.scoring import STREET_KEY_SCORE, STREET_SCOPE_KM
from resolver.streets import street_key

MAX_CLOSE = 6  # street candidates within CLOSE_MARGIN of the best are told apart by postcode and number
CLOSE_MARGIN = 0.15


@dataclass(frozen=True)
class Anchor:
    """A place the street should be near: a locality candidate or a postcode centroid."""

    lat: float
    lon: float
    place_id: int | None = None
    name_norms: frozenset[str] = frozenset()
    weight: float = 1.0
    what: str = ""
    country: str | None = None  # the place's: a street of that city's name elsewhere is not in it


@dataclass
class AddressHit:
    level: str  # "address" | "street"
    lat: float
    lon: float
    accuracy: str  # "point" | "interpolated" | "centroid"
    accuracy_m: float
    street_id: int
    street: str
    house_number: str | None
    postcode: str | None
    city: str
    country: str
    locality_id: int | None
    anchor: Anchor | None
    score: float
    why: list[str] = field(default_factory=list)


def _scope(st: Mapping[Any, Any], anchors: Sequence[Anchor], postcode_streets: set[int],
           written: tuple[str, str] | None = None) -> tuple[float, Anchor | None, str]:
    """How well a street fits the query's places: (factor in 0..1, anchor it fits, why). ``written``: the query's
    locality (normalized) and region as written, which a street whose extract names them fits ("02, PA": Bucks
    County's municipality codes, a name no gazetteer place has in Pennsylvania)."""
    city = st["city_norm"].split("/")[0] if st["city_norm"] else ""  # the extract's first city name
    as_written = written is not None and bool(city) and city == written[0] \
        and written[1].upper() == str(st["region"]).upper()
    if not anchors and not postcode_streets:
        return (0.9, None, "street's city and region as written") if as_written else \
            (0.7, None, "no place to check the street against")
    best: tuple[float, Anchor | None, str] = (0.0, None, "")
    if int(st["id"]) in postcode_streets:
        best = (0.95, None, "street has the postcode")
    elif as_written:
        best = (0.9, None, "street's city and region as written")
    for a in anchors:
        if a.place_id is not None and st["locality_id"] == a.place_id:
            cand = (1.0 * a.weight, a, f"street in {a.what}")
        elif city and city in a.name_norms and a.country in (None, st["country_code"]):
            # the street's city is the place's name, in its country ("02" is a Helsinki quarter's and a PA township's)
            cand = (1.0 * a.weight, a, f"street in {a.what}")
        else:
            d = haversine_km(a.lat, a.lon, float(st["lat"]), float(st["lon"]))
            if d > STREET_SCOPE_KM:
                continue
            cand = ((0.9 - 0.2 * d / STREET_SCOPE_KM) * a.weight, a, f"street {d:.1f} km from {a.what}")
        if cand[0] > best[0]:
            best = cand
    if postcode_streets and int(st["id"]) in postcode_streets and best[2] != "street has the postcode":
        best = (best[0], best[1], best[2] + ", has the postcode")
    return best


def _fuzzy_streets(conn: Connection, norm: str, base: str, anchors: Sequence[Anchor]) -> list[tuple[Mapping[Any, Any], float]]:
    near = cands.streets_near(conn, [(a.lat, a.lon) for a in anchors[:3]])
    if not near:
        return []
    out: dict[int, tuple[Mapping[Any, Any], float]] = {}
    for key, column in ((norm, "norm"), (base, "base")):
        max_d = cands.max_typos(len(key))
        if max_d == 0:
            continue
        choices = [r[column] for r in near]
        for _choice, dist, idx in process.extract(
            key, choices, scorer=OSA.distance, score_cutoff=max_d, limit=20
        ):
            r = near[idx]
            sim = STREET_KEY_SCORE["fuzzy"] * (1.0 - 0.05 * dist)
            if column == "base":
                sim *= 0.95
            if sim > out.get(int(r["id"]), (r, 0.0))[1]:
                out[int(r["id"])] = (r, sim)
    return list(out.values())


def match_address(
    conn: Connection,
    components: Mapping[str, str],
    anchors: Sequence[Anchor],
    postcode: str | None,
    country: str | None,
) -> AddressHit | None:
    """The best address-level hit for ``components['street']`` (+ house number), or None."""
    street = components.get("street")
    if not street:
        return None
    norm, base = street_key(street)
    if not norm:
        return None
    rows = cands.streets_by_key(conn, norm, base)
    scored: list[tuple[Mapping[Any, Any], float, str]] = []
    for r in rows:
        if country and r["country_code"] != country:
            continue
        if r["norm"] == norm:
            scored.append((r, STREET_KEY_SCORE["norm"], "street name matches"))
        elif norm == base:  # the query has no type/directional: "Octavia" for "Octavia St"
            scored.append((r, STREET_KEY_SCORE["base_query"], "street name matches without its type"))
        else:
            scored.append((r, STREET_KEY_SCORE["base"], f"street name matches, type differs ({r['name']})"))
    pc_streets: set[int] = set()
    if postcode:
        pc_streets = cands.streets_with_postcode(conn, [int(r["id"]) for r, _, _ in scored], postcode)
    locality, region = components.get("locality"), components.get("region")
    written = (normalize_name(locality), region.strip()) if locality and region else None
    ranked: list[tuple[float, Mapping[Any, Any], str, str, Anchor | None]] = []
    for r, key_score, why in scored:
        factor, anchor, where = _scope(r, anchors, pc_streets, written)
        if factor > 0:
            ranked.append((key_score * factor, r, why, where, anchor))
    if not ranked and anchors:
        fuzzy = [(r, s) for r, s in _fuzzy_streets(conn, norm, base, anchors)
                 if not country or r["country_code"] == country]  # fmt: skip
        if postcode and fuzzy:
            pc_streets = cands.streets_with_postcode(conn, [int(r["id"]) for r, _ in fuzzy], postcode)
        for r, sim in fuzzy:
            factor, anchor, where = _scope(r, anchors, pc_streets)
            if factor > 0:
                ranked.append((sim * factor, r, f"street name within one typo of {r['name']!r}", where, anchor))
    if not ranked:
        return None
    ranked.sort(key=lambda t: (-t[0], int(t[1]["id"])))
    # several streets fit about equally (one name in two parts of a city): the postcode, then the
    # house number, decide
    number_key = normalize_number(components.get("house_number") or "")
    close = [t for t in ranked[:MAX_CLOSE] if t[0] >= ranked[0][0] - CLOSE_MARGIN]
    best = ranked[0]
    if len(close) > 1:
        def tiebreak(t: tuple[float, Mapping[Any, Any], str, str, Anchor | None]) -> float:
            sid = int(t[1]["id"])
            bonus = 0.1 if sid in pc_streets else 0.0
            if number_key and cands.points_by_number(conn, sid, number_key):
                bonus += 0.05
            return t[0] + bonus
        best = max(close, key=tiebreak)
    score, st, why, where, anchor = best
    return _place_number(conn, st, components.get("house_number"), components.get("unit"), postcode, score,
                         [why, where], anchor)  # fmt: skip


def _place_number(
    conn: Connection, st: Mapping[Any, Any], number: str | None, unit: str | None, postcode: str | None, score: float,
    why: list[str], anchor: Anchor | None,
) -> AddressHit:
    sid = int(st["id"])

    def hit(level: str, lat: float, lon: float, accuracy: str, acc_m: float, num: str | None,
            pc: str | None, note: str) -> AddressHit:  # fmt: skip
        return AddressHit(level, lat, lon, accuracy, round(acc_m, 1), sid, st["name"], num,
                          pc or st["postcode"], st["city"], st["country_code"], st["locality_id"], anchor, score,
                          [*why, note])  # fmt: skip

    span_m = 500 * haversine_km(st["min_lat"], st["min_lon"], st["max_lat"], st["max_lon"])
    centroid = hit("street", st["lat"], st["lon"], "centroid", max(25.0, span_m), None, None, "street centroid")
    key = normalize_number(number or "")
    if not key:
        return centroid
    pts = cands.points_by_number(conn, sid, key)
    if pts:
        unit_key = normalize_number(unit or "")
        pts.sort(key=lambda p: (bool(postcode) and p["postcode"] != postcode, normalize_number(p["unit"]) != unit_key,
                                p["unit"] != "", p["id"]))  # fmt: skip
        p = pts[0]
        return hit("address", p["lat"], p["lon"], "point", 10.0, p["number"], p["postcode"],
                   f"house number {p['number']} found")  # fmt: skip
    n = number_int(key)
    if n is None:
        return _with_note(centroid, f"house number {number!r} not found")
    lo, hi = cands.neighbour_points(conn, sid, n)
    a = next((p for p in lo if p["number_int"] % 2 == n % 2), lo[0] if lo else None)
    b = next((p for p in hi if p["number_int"] % 2 == n % 2), hi[0] if hi else None)
    if a is not None and b is not None:
        t = (n - a["number_int"]) / max(1, b["number_int"] - a["number_int"])
        lat = a["lat"] + t * (b["lat"] - a["lat"])
        lon = a["lon"] + t * (b["lon"] - a["lon"])
        gap_m = 1000 * haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])
        return hit("street", lat, lon, "interpolated", max(10.0, gap_m / 2), key, a["postcode"] or b["postcode"],
                   f"house number {key} interpolated between {a['number']} and {b['number']}")  # fmt: skip
    near = a or b
    if near is not None:
        return hit("street", near["lat"], near["lon"], "interpolated", max(25.0, abs(near["number_int"] - n) * 5.0),
                   key, near["postcode"], f"house number {key} beyond the street's numbers; nearest is {near['number']}")  # fmt: skip
    return _with_note(centroid, f"house number {key} not found")


def _with_note(h: AddressHit, note: str) -> AddressHit:
    h.why.append(note)
    return h
