"""Resolve parsed address components to gazetteer places.

Candidates in order of trust: postcode, exact normalized name, alias (alternate / generated /
postal names), fuzzy (edit distance; pg_trgm on PostgreSQL, prefix/suffix range scans on SQLite).
Ranking: region and country constraints, postcode consistency and distance, population prior,
suburb names as a fallback and tie-breaker. Every query is parameterized.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from resolver.loader import haversine_km
from resolver.names import MAX_NAME_CHARS, normalize_name, similarity

COMPONENTS = ("locality", "suburb", "city_district", "county", "region", "postcode", "country")
MAX_COMPONENT_CHARS = 200
MAX_LIMIT = 100
FUZZY_SCAN = 1500
_POSTCODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9 -]{1,9}$")
_US_ZIP_RE = re.compile(r"^(\d{5})(?:-?\d{4})?$")
_COUNTRY_CODE_RE = re.compile(r"[A-Za-z]{2}")

_FUZZY_KIND_WEIGHT = {"official": 1.0, "abbreviation": 0.97, "alternate": 0.95, "postal": 0.85}
BASE = {"exact": 0.80, "alias": 0.74, "postal": 0.66, "postcode": 0.62, "fuzzy": 0.60}


@dataclass(frozen=True)
class Place:
    place_id: int
    name: str
    region: str | None
    region_code: str | None
    country: str
    lat: float | None
    lon: float | None
    score: float
    match: str
    population: int
    explanation: str


@dataclass
class _Cand:
    place_id: int
    match: str
    base: float
    notes: list[str] = field(default_factory=list)


def _clean(components: Mapping[str, object]) -> dict[str, str]:
    if not isinstance(components, Mapping):
        raise ValueError("components must be a mapping of component name to string")
    out: dict[str, str] = {}
    for key, value in components.items():
        if key not in COMPONENTS or value is None:
            continue
        if not isinstance(value, str):
            raise ValueError(f"component {key!r} must be a string")
        if len(value) > MAX_COMPONENT_CHARS:
            raise ValueError(
                f"component {key!r} is too long ({len(value)} > {MAX_COMPONENT_CHARS} characters)"
            )
        value = " ".join(value.split())
        if value:
            out[key] = value
    return out


def _confidences(confidences: Mapping[str, float] | None) -> dict[str, float]:
    """Per-component confidence in [0, 1] (default 1): scales how much a constraint counts."""
    out: dict[str, float] = {}
    for key, value in (confidences or {}).items():
        if not isinstance(value, int | float) or math.isnan(value):
            raise ValueError(f"confidence of {key!r} must be a number in [0, 1]")
        out[key] = min(1.0, max(0.0, float(value)))
    return out


def _country_code(conn: Connection, value: str) -> str | None:
    norm = normalize_name(value)
    if not norm:
        return None
    row = conn.execute(
        sa.text(
            "SELECT p.country_code FROM names n JOIN places p ON p.id = n.place_id "
            "WHERE n.norm = :q AND n.place_kind = 'country' ORDER BY p.population DESC LIMIT 1"
        ),
        {"q": norm},
    ).first()
    return row[0] if row else None


def _regions(conn: Connection, value: str, country: str | None) -> set[tuple[str, str]]:
    norm = normalize_name(value)
    if not norm:
        return set()
    sql = (
        "SELECT p.country_code, p.admin1_code FROM names n JOIN places p ON p.id = n.place_id "
        "WHERE n.norm = :q AND n.place_kind = 'region'"
    )
    params: dict[str, object] = {"q": norm}
    if country:
        sql += " AND n.country_code = :cc"
        params["cc"] = country
    return {(r[0], r[1]) for r in conn.execute(sa.text(sql), params)}


def _postcode(
    conn: Connection, value: str, country: str | None
) -> list[tuple[str, str | None, list[int], float | None, float | None]]:
    code = value.upper().strip()
    m = _US_ZIP_RE.match(code)
    if m:
        code = m.group(1)
    if not _POSTCODE_RE.match(code):
        return []
    sql = "SELECT country, admin1_code, place_ids, lat, lon FROM postcodes WHERE code = :c"
    params: dict[str, object] = {"c": code}
    if country:
        sql += " AND country = :cc"
        params["cc"] = country
    out = []
    for r in conn.execute(sa.text(sql), params):
        ids = r[2] if isinstance(r[2], list) else json.loads(r[2])
        out.append((r[0], r[1], [int(i) for i in ids], r[3], r[4]))
    return out


def _name_lookup(conn: Connection, norm: str, country: str | None) -> list[tuple[int, str]]:
    sql = "SELECT place_id, kind FROM names WHERE norm = :q AND place_kind = 'locality'"
    params: dict[str, object] = {"q": norm}
    if country:
        sql += " AND country_code = :cc"
        params["cc"] = country
    return [(int(r[0]), r[1]) for r in conn.execute(sa.text(sql + " LIMIT 2000"), params)]


def _range_key_length(n: int, has_country: bool) -> int:
    """Prefix/suffix length of the SQLite range scans: longer names afford longer (narrower) keys;
    2-character keys only inside one country (a global 2-letter range is too wide)."""
    if n < 5 or (has_country and n < 6):
        return 2
    return 3 if n < 9 else 4 if n < 12 else 5


def _fuzzy(conn: Connection, norm: str, country: str | None) -> list[tuple[int, float]]:
    """Places whose names are within a small edit distance of ``norm`` -> (place_id, similarity)."""
    if len(norm) < 4:
        return []
    max_d = 1 if len(norm) < 7 else 2
    lo, hi = len(norm) - max_d, len(norm) + max_d
    cc_sql = " AND country_code = :cc" if country else ""
    params: dict[str, object] = {"lo": lo, "hi": hi, "cc": country, "lim": FUZZY_SCAN}
    rows: list[tuple[int, str, str]] = []
    if conn.dialect.name == "postgresql":
        params["q"] = norm
        sql = (
            "SELECT place_id, norm, kind FROM names WHERE norm % :q AND place_kind = 'locality'" + cc_sql +
            " AND length(norm) BETWEEN :lo AND :hi ORDER BY similarity(norm, :q) DESC LIMIT 200"
        )  # fmt: skip
        rows = [(int(r[0]), r[1], r[2]) for r in conn.execute(sa.text(sql), params)]
    else:
        k = _range_key_length(len(norm), country is not None)
        for column, key in (("norm", norm), ("norm_rev", norm[::-1])):
            prefix = key[:k]
            params.update(p=prefix, p_hi=prefix + "\U0010ffff")
            sql = (
                f"SELECT place_id, norm, kind FROM names WHERE place_kind = 'locality'{cc_sql} "
                f"AND {column} >= :p AND {column} < :p_hi AND length(norm) BETWEEN :lo AND :hi LIMIT :lim"
            )
            rows.extend((int(r[0]), r[1], r[2]) for r in conn.execute(sa.text(sql), params))
    best: dict[int, float] = {}
    sims: dict[str, float] = {}
    for pid, cand, kind in rows:
        s = sims.get(cand)
        if s is None:
            s = sims[cand] = similarity(norm, cand, max_d)
        s *= _FUZZY_KIND_WEIGHT.get(kind, 0.9)
        if s > 0 and s > best.get(pid, 0.0):
            best[pid] = s
    # generous cut: equal similarities are common and population decides among them later
    return sorted(best.items(), key=lambda kv: -kv[1])[:300]


def _places(conn: Connection, ids: list[int]) -> dict[int, sa.Row]:
    if not ids:
        return {}
    stmt = sa.text(
        "SELECT id, name, admin1_name, admin1_code, country_code, lat, lon, population, kind "
        "FROM places WHERE id IN :ids"
    ).bindparams(sa.bindparam("ids", expanding=True))
    return {int(r[0]): r for r in conn.execute(stmt, {"ids": ids})}


def resolve(
    conn: Connection,
    components: Mapping[str, str],
    country: str | None = None,
    limit: int = 5,
    confidences: Mapping[str, float] | None = None,
) -> list[Place]:
    """Ranked places for parsed address ``components``; ``[]`` when nothing matches.

    Raises ``ValueError`` for malformed input (non-string values, values over 200 characters,
    a ``country`` that is not a two-letter code, ``limit`` outside 1..100).
    """
    if not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be an integer in 1..{MAX_LIMIT}")
    comps = _clean(components)
    conf = _confidences(confidences)
    notes: list[str] = []
    cc: str | None = None
    if country is not None:
        if not isinstance(country, str) or not _COUNTRY_CODE_RE.fullmatch(country.strip()):
            raise ValueError("country must be an ISO 3166-1 alpha-2 code such as 'US'")
        cc = country.strip().upper()
        if _country_code(conn, cc) != cc:
            return []
    elif "country" in comps:
        cc = _country_code(conn, comps["country"])
        if cc is None:
            return []
        notes.append(f"country {cc}")

    regions: set[tuple[str, str]] = set()
    if "region" in comps:
        regions = _regions(conn, comps["region"], cc)
        if not regions:
            notes.append(f"region {comps['region']!r} unknown, ignored")

    pc_rows = _postcode(conn, comps["postcode"], cc) if "postcode" in comps else []
    if regions and len(pc_rows) > 1:
        pc_rows = [r for r in pc_rows if (r[0], r[1]) in regions] or pc_rows
    pc_ids: set[int] = {i for r in pc_rows for i in r[2]}
    pc_point = next(
        ((float(r[3]), float(r[4])) for r in pc_rows if r[3] is not None and r[4] is not None), None
    )

    cands: dict[int, _Cand] = {}

    def add(pid: int, match: str, base: float, note: str) -> None:
        old = cands.get(pid)
        if old is None or base > old.base:
            cands[pid] = _Cand(pid, match, base, [note])

    query_names = [(k, comps[k]) for k in ("locality", "suburb", "city_district") if k in comps]
    primary = query_names[0] if query_names else None
    if primary:
        norm = normalize_name(primary[1])[:MAX_NAME_CHARS]
        role = primary[0]
        for pid, kind in _name_lookup(conn, norm, cc):
            match = "exact" if kind == "official" else "alias"
            base = BASE["postal"] if kind == "postal" else BASE[match]
            if role != "locality":
                base -= 0.1
            add(pid, match, base, f"{role} {match} ({kind} name)")
        if not cands and norm:
            for pid, sim in _fuzzy(conn, norm, cc):
                add(pid, "fuzzy", BASE["fuzzy"] * sim, f"{role} fuzzy (similarity {sim:.2f})")
        if not cands and len(query_names) > 1:  # locality unknown: a suburb that is a locality
            role, value = query_names[1]
            for pid, _kind in _name_lookup(conn, normalize_name(value), cc):
                add(pid, "alias", BASE["alias"] - 0.15, f"{role} name (locality not found)")
    if pc_ids and (not primary or not any(pid in pc_ids for pid in cands)):
        primary_pc = {r[2][0] for r in pc_rows if r[2]}
        for pid in pc_ids:
            base = BASE["postcode"] if pid in primary_pc else BASE["postcode"] - 0.05
            if primary:
                base -= 0.2  # the name disagrees with the postcode
            add(pid, "postcode", base, "postcode")
    if not cands:
        return []

    rows = _places(conn, list(cands))
    suburb_points: list[tuple[float, float]] = []
    if "suburb" in comps and primary and primary[0] == "locality" and len(cands) > 1:
        sub_ids = [pid for pid, _ in _name_lookup(conn, normalize_name(comps["suburb"]), cc)][:200]
        suburb_points = [(r[5], r[6]) for r in _places(conn, sub_ids).values() if r[5] is not None]

    region_weight, postcode_weight = conf.get("region", 1.0), conf.get("postcode", 1.0)
    out: list[Place] = []
    for pid, c in cands.items():
        r = rows.get(pid)
        if r is None or r[8] != "locality":
            continue
        if cc and r[4] != cc:
            continue
        score = c.base
        why = list(c.notes)
        if regions:
            if (r[4], r[3]) in regions:
                score += 0.06
                why.append("region agrees")
            else:
                score -= 0.35 * region_weight
                why.append("region disagrees")
        if pc_rows:
            if pid in pc_ids:
                score += 0.14 * postcode_weight
                why.append("postcode agrees")
            elif pc_point and r[5] is not None:
                d = haversine_km(pc_point[0], pc_point[1], r[5], r[6])
                adj = 0.10 if d < 8 else 0.05 if d < 25 else -0.05 if d < 100 else -0.2
                score += adj * postcode_weight
                why.append(f"{d:.0f} km from postcode")
        if suburb_points and r[5] is not None:
            if any(haversine_km(p[0], p[1], r[5], r[6]) < 30 for p in suburb_points):
                score += 0.03
                why.append("suburb nearby")
        pop = int(r[7] or 0)
        score += 0.08 * min(1.0, math.log10(pop + 1) / 7.0)
        score = max(0.0, min(1.0, score))
        out.append(
            Place(
                pid, r[1], r[2], r[3], r[4], r[5], r[6], round(score, 4), c.match, pop, "; ".join(notes + why)
            )
        )
    out.sort(key=lambda p: (-p.score, -p.population, p.place_id))
    return out[:limit]
