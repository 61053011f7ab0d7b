"""Scoring: how much each piece of gazetteer evidence counts (one place for every weight).

* ``BASE``: the starting score of a locality candidate by how its name matched.
* ``score_locality``: region and postcode agreement, distance to the postcode, suburb nearby,
  population prior; each scaled by the confidence of the component it rests on.
* ``STREET_*``: how a street candidate matched (full key, base key, one typo) and where it lies.
* ``joint``: a reading's probability times its gazetteer evidence (the best result's score).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from resolver.geo import haversine_km

BASE = {"exact": 0.80, "alias": 0.74, "postal": 0.66, "postcode": 0.62, "fuzzy": 0.60}
SECONDARY_ROLE_PENALTY = 0.10  # name came from suburb/city_district, not locality
COUNTY_NONE = "county names none of the region's"  # a county component that contradicts a candidate
POSTCODE_NAME_CONFLICT = 0.20  # a postcode-only candidate when the name pointed elsewhere
RELAXED_PENALTY = 0.25  # a result found only after dropping a constraint
SPELLING_BONUS = 0.03  # the place bears the name as the query spells it, diacritics and all ("València")
LEVEL_SCORE = {"region": 0.45, "country": 0.35}  # results coarser than a locality

STREET_KEY_SCORE = {"norm": 1.0, "base_query": 0.95, "base": 0.80, "fuzzy": 0.85}
STREET_SCOPE_KM = 25.0  # a street within this distance of the query's locality is in scope
ADDRESS_BONUS = {"address": 0.15, "street": 0.08}
POSTCODE_FAR_KM = 25.0  # a locality this far from the postcode's centroid contradicts it
BIG_CITY = 500_000  # people: a city that gives its name to a region or county too ("Buenos Aires", "Mumbai")
CITY_KM = 30.0  # a place this near a big city named as the region is in it
POPULATION_MAX = 0.08  # the population prior of a place of 10 million or more
POPULATION_PER_DECADE = POPULATION_MAX / 7  # per tenfold population
# a bare name (``Evidence.bare``): steeper, so that a place 100 times larger outweighs the alias penalty
# ("Cologne": Köln before the village of Cologne in Lombardy); the same at 10 million, less below, down to the floor
BARE_POPULATION_PER_DECADE = 0.035
BARE_POPULATION_FLOOR = -0.06  # 1,000 people or fewer (GeoNames writes 0 for unknown)


@dataclass
class LocalityCand:
    place_id: int
    match: str
    base: float
    notes: list[str] = field(default_factory=list)


@dataclass
class Evidence:
    """Constraints that rank locality candidates (all optional)."""

    regions: set[tuple[str, str]] = field(default_factory=set)
    # countries the region component names an ISO 3166-2 subdivision of (a province: Roma's "RM"), beside those
    # of ``regions``: a place there is not contradicted by it, and when no gazetteer region has that name, agrees
    region_countries: frozenset[str] = frozenset()
    postcode_ids: set[int] = field(default_factory=set)
    postcode_point: tuple[float, float] | None = None
    postcode_countries: set[str] = field(default_factory=set)  # a postcode speaks only about places there
    has_postcode: bool = False
    suburb_points: list[tuple[float, float]] = field(default_factory=list)
    # a region no gazetteer region is named that is a big city's name ("Providencia, Santiago"): the city's points; a
    # place within ``CITY_KM`` of one is in it, as a place in a named region agrees with it
    region_city_points: list[tuple[float, float]] = field(default_factory=list)
    confidences: Mapping[str, float] = field(default_factory=dict)
    # a county component, per region of the candidates whose counties the gazetteer knows (US places): whether it
    # names one of them ("Town of East New Market, MD" read as county "Town of East": none of Maryland's)
    county_in: dict[tuple[str, str], bool] = field(default_factory=dict)
    # nothing but the name: no region or country (component or parameter) and no postcode the gazetteer knows
    # narrows it, so the place most people mean by it counts for more ("Cologne": Köln before the village of
    # Cologne in Lombardy; "00184 Roma": Rome, the postcode being none of the gazetteer's US ZIP codes)
    bare: bool = False


def population_prior(population: int, bare: bool = False) -> float:
    """Log-population prior, flat from 10 million up; steeper for a bare name (``Evidence.bare``)."""
    decades = min(7.0, math.log10(max(0, population) + 1))
    if bare:
        return max(BARE_POPULATION_FLOOR, POPULATION_MAX - BARE_POPULATION_PER_DECADE * (7.0 - decades))
    return POPULATION_PER_DECADE * decades


def score_locality(c: LocalityCand, row: Mapping[Any, Any], ev: Evidence) -> tuple[float, list[str]]:
    score = c.base
    why = list(c.notes)
    cc, admin1 = row["country_code"], row["admin1_code"]
    lat, lon = row["lat"], row["lon"]
    if ev.regions:
        if (cc, admin1) in ev.regions:
            score += 0.06
            why.append("region agrees")
        elif cc in ev.region_countries:  # "Milano MI": Milan's province, not Michigan
            why.append(f"region names a subdivision of {cc}")
        else:
            score -= 0.35 * ev.confidences.get("region", 1.0)
            why.append("region disagrees")
    elif cc in ev.region_countries:  # no gazetteer region of that name: "Roma RM", RM being Roma's province
        score += 0.06
        why.append(f"region names a subdivision of {cc}")
    if ev.has_postcode and cc in ev.postcode_countries:
        w = ev.confidences.get("postcode", 1.0)
        if c.place_id in ev.postcode_ids:
            score += 0.14 * w
            why.append("postcode agrees")
        elif ev.postcode_point and isinstance(lat, float) and isinstance(lon, float):
            d = haversine_km(ev.postcode_point[0], ev.postcode_point[1], lat, lon)
            adj = 0.10 if d < 8 else 0.05 if d < 25 else -0.05 if d < 100 else -0.2
            score += adj * w
            why.append(f"{d:.0f} km from postcode" + (" (postcode disagrees)" if d >= POSTCODE_FAR_KM else ""))
    known = ev.county_in.get((cc, admin1))
    if known is not None:
        if known:
            why.append("county agrees")
        else:
            score -= 0.2 * ev.confidences.get("county", 1.0)
            why.append(COUNTY_NONE)
    if ev.region_city_points and isinstance(lat, float) and isinstance(lon, float):
        if any(haversine_km(p[0], p[1], lat, lon) < CITY_KM for p in ev.region_city_points):
            score += 0.06
            why.append("in the city the region names")
    if ev.suburb_points and isinstance(lat, float) and isinstance(lon, float):
        if any(haversine_km(p[0], p[1], lat, lon) < 30 for p in ev.suburb_points):
            score += 0.03
            why.append("suburb nearby")
    score += population_prior(int(row["population"] or 0), ev.bare)
    return max(0.0, min(1.0, score)), why


def joint(probability: float, evidence: float) -> float:
    return probability * evidence
