"""Candidate lookup: every query the resolver sends to the gazetteer, each over indexed columns.

Selects from the tables of ``resolver.schema`` by column name; rows come back as mappings. Fuzzy
lookups narrow the rows by index first (pg_trgm on PostgreSQL, prefix/suffix range scans on SQLite,
grid cells for streets) and compute edit distances with ``rapidfuzz``.
"""

from __future__ import annotations

import json
import re
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from rapidfuzz import process
from rapidfuzz.distance import OSA
from sqlalchemy.engine import Connection, RowMapping

from resolver.aliases import county_key, region_core
from resolver.geo import STREET_CELL_DEG, cells_around
from resolver.oa import number_int
from resolver.schema import address_points, names, places, postcodes, streets
from resolver.scoring import BIG_CITY

FUZZY_SCAN = 800  # rows read per range scan (SQLite)
STREETS_NEAR_MAX = 20_000  # streets read around a place for a fuzzy street match
_POSTCODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9 -]{1,9}$")
_US_ZIP_RE = re.compile(r"^(\d{5})(?:-?\d{4})?$")
FUZZY_KIND_WEIGHT = {"official": 1.0, "abbreviation": 0.97, "alternate": 0.95, "postal": 0.85}


def _within(key: str, scan: Sequence[tuple[int, str]], max_d: int) -> list[tuple[int, float]]:
    """(row id, similarity: 1 - OSA distance / the longer length) of the scanned (row id, name) rows within
    ``max_d`` edits of ``key``, in scan order (one rapidfuzz call over the names)."""
    if not scan:
        return []
    names_ = [name for _, name in scan]
    hits = process.extract(key, names_, scorer=OSA.distance, score_cutoff=max_d, limit=None)
    return [(scan[i][0], 1.0 - d / max(len(key), len(name), 1)) for name, d, i in sorted(hits, key=lambda h: h[2])]


def max_typos(n: int) -> int:
    return 0 if n < 4 else 1 if n < 7 else 2


@dataclass(frozen=True)
class PostcodeRow:
    code: str
    country: str
    admin1_code: str | None
    place_ids: tuple[int, ...]
    lat: float | None
    lon: float | None


_BP = sa.bindparam
_NAME_PLACE = names.join(places, places.c.id == names.c.place_id)
_COUNTRY_KEYS = (  # every name of a country (about 4,000), the most populous country first for a shared name
    sa.select(names.c.norm, places.c.country_code)
    .select_from(_NAME_PLACE)
    .where(names.c.place_kind == "country")
    .order_by(places.c.population.desc())
)
_REGIONS = (
    sa.select(places.c.country_code, places.c.admin1_code)
    .select_from(_NAME_PLACE)
    .where(names.c.norm == _BP("q"), names.c.place_kind == "region")
)
_REGIONS_CC = _REGIONS.where(names.c.country_code == _BP("cc"))
_REGION_KEYS = sa.select(names.c.norm).where(names.c.place_kind == "region").distinct().order_by(names.c.norm)


# Every lookup answer is kept per engine, one least-recently-used cache of each kind (``LOOKUP_CACHE_ROWS``
# rows each): country and region names are few and asked for on almost every query; postcodes (fixed rows,
# each a few ids), place rows by id and the exact and fuzzy name lookups repeat across requests (traffic names
# the same towns) and within one (each reading of an address asks again). The answers handed out are shared:
# read only. ``clear_cache`` after reloading a gazetteer in the same process (a service is restarted after
# ``addrnet gazetteer load``).
LOOKUP_CACHE_ROWS = {"names_exact": 8_000, "names_fuzzy": 8_000}  # ~10 MB of place rows at most
LOOKUP_CACHE_ROWS_DEFAULT = 50_000  # the small answers: countries, regions, postcodes, place rows by id
_MISSING = object()


def clear_cache() -> None:
    _LOOKUPS.clear()
    _HAS_STREETS_SEEN.clear()


class _RowLRU:
    """Least recently used lookup answers under a budget of rows (an answer costs the rows it holds plus one,
    so a common name's long answer cannot crowd the memory); answers over an eighth of the budget are not kept.
    Any value may be kept (``None`` too: "no such country" is an answer); ``get`` returns ``default`` when the
    key is not kept. Thread-safe (a database server's lookups run in the thread pool): writers take the lock."""

    def __init__(self, max_rows: int) -> None:
        self.max_rows = max_rows
        self.rows = 0
        self.data: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Hashable, default: Any = None) -> Any:
        item = self.data.get(key)  # no lock: each OrderedDict call is atomic under the GIL (keys of str/int)
        if item is None:
            return default
        try:
            self.data.move_to_end(key)
        except KeyError:  # evicted by another thread meanwhile
            pass
        return item[0]

    def put(self, key: Hashable, value: Any) -> None:
        cost = (len(value) if isinstance(value, tuple | frozenset | list) else 1) + 1
        if cost > self.max_rows // 8:
            return
        with self.lock:
            old = self.data.pop(key, None)
            if old is not None:
                self.rows -= old[1]
            self.data[key] = (value, cost)
            self.rows += cost
            while self.rows > self.max_rows:
                _, (_, evicted) = self.data.popitem(last=False)
                self.rows -= evicted


_LOOKUPS: weakref.WeakKeyDictionary[Any, dict[str, _RowLRU]] = weakref.WeakKeyDictionary()


def _lookup_cache(conn: Connection, kind: str) -> _RowLRU:
    per_engine = _LOOKUPS.get(conn.engine)
    if per_engine is None:
        per_engine = _LOOKUPS[conn.engine] = {}
    cache = per_engine.get(kind)
    if cache is None:
        cache = per_engine[kind] = _RowLRU(LOOKUP_CACHE_ROWS.get(kind, LOOKUP_CACHE_ROWS_DEFAULT))
    return cache


def _cached(conn: Connection, kind: str, key: Hashable, compute: Any) -> Any:
    """The kept answer of lookup ``kind`` for ``key``, else ``compute()`` kept."""
    cache = _lookup_cache(conn, kind)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.put(key, value)
    return value


# On SQLite, the hottest statements (name, postcode and street lookups, fuzzy range scans, address points,
# rows by id) run on the DBAPI cursor: SQLAlchemy's per-execution bookkeeping costs more than these indexed
# reads. Each is compiled once (SQL text, parameter order, literal values, expanding parameters);
# PostgreSQL goes through SQLAlchemy as before.
_RAW_SQL: dict[int, tuple[str, tuple[str, ...], dict[str, Any], frozenset[str]]] = {}
_RAW_COLUMNS: dict[int, list[str]] = {}  # a statement's column names, from its first execution (shared: read only)


def _rows(conn: Connection, stmt: sa.Select[Any], params: dict[str, Any]) -> tuple[list[str], list[Any]]:
    """(column names, rows as tuples) of ``stmt``. An expanding parameter (``IN``) becomes as many ``?``
    as its list holds (an empty list goes through SQLAlchemy, which renders the empty ``IN``)."""
    if conn.dialect.name != "sqlite":
        result = conn.execute(stmt, params)
        return list(result.keys()), [tuple(r) for r in result]
    entry = _RAW_SQL.get(id(stmt))
    if entry is None:
        compiled = stmt.compile(dialect=conn.dialect)
        expanding = frozenset(b.key for b in compiled.binds.values() if b.expanding)
        entry = _RAW_SQL[id(stmt)] = (compiled.string, tuple(compiled.positiontup or ()), dict(compiled.params),
                                      expanding)  # fmt: skip
    sql, order, literals, expanding = entry
    values: list[Any] = []
    for k in order:
        v = params[k] if k in params else literals[k]
        if k in expanding:
            if not v:
                result = conn.execute(stmt, params)
                return list(result.keys()), [tuple(r) for r in result]
            sql = sql.replace(f"__[POSTCOMPILE_{k}]", ", ".join("?" * len(v)), 1)
            values.extend(v)
        else:
            values.append(v)
    cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cur.execute(sql, values)
        cols = _RAW_COLUMNS.get(id(stmt))
        if cols is None:
            cols = _RAW_COLUMNS[id(stmt)] = [d[0] for d in cur.description]
        return cols, cur.fetchall()
    finally:
        cur.close()


def country_code(conn: Connection, norm: str) -> str | None:
    """ISO code of the country named ``norm`` (a normalized key: "deutschland", "us", "usa"), from the table of every
    country name, read once per engine (nearly every query asks it of some name, most of them no country's)."""
    if not norm:
        return None
    return _country_keys(conn).get(norm)


def _country_keys(conn: Connection) -> dict[str, str]:
    def compute() -> dict[str, str]:
        out: dict[str, str] = {}
        for key, cc in _rows(conn, _COUNTRY_KEYS, {})[1]:
            out.setdefault(key, cc)
        return out

    return _cached(conn, "country_keys", None, compute)  # type: ignore[no-any-return]


def regions(conn: Connection, norm: str, country: str | None) -> set[tuple[str, str]]:
    """(country, admin1 code) of the regions named ``norm``, or else named the name inside its region-kind words
    (``resolver.aliases.region_core``: "hubei province", "pest megye")."""
    if not norm:
        return set()
    stmt, params = (_REGIONS_CC, {"q": norm, "cc": country}) if country else (_REGIONS, {"q": norm})
    found = _cached(conn, "regions", (norm, country),
                    lambda: frozenset((cc, a1) for cc, a1 in _rows(conn, stmt, params)[1]))  # fmt: skip
    if not found:
        core = region_core(norm)
        return regions(conn, core, country) if core else set()
    return set(found)


def regions_near(conn: Connection, norm: str) -> list[tuple[str, float]]:
    """Region names (keys) within ``max_typos`` edits of ``norm`` -> (key, similarity), most similar first, from
    every region name read once per engine (about 5,000: "conneticut" -> "connecticut")."""
    max_d = max_typos(len(norm))
    if max_d == 0:
        return []
    keys: tuple[str, ...] = _cached(conn, "region_keys", None,
                                    lambda: tuple(k for (k,) in _rows(conn, _REGION_KEYS, {})[1]))  # fmt: skip
    hits = _within(norm, list(enumerate(keys)), max_d)
    return sorted(((keys[i], sim) for i, sim in hits), key=lambda h: -h[1])


_COUNTIES = sa.select(places.c.admin2_name).where(
    places.c.country_code == _BP("cc"), places.c.admin1_code == _BP("a1"), places.c.admin2_name.is_not(None)
).distinct()


def counties(conn: Connection, cc: str, admin1: str | None) -> frozenset[str]:
    """Keys (``county_key``) of the counties the gazetteer's places of one region lie in (US places take theirs
    from the ZIP data); empty where it knows none."""
    if not admin1:
        return frozenset()
    return _cached(conn, "counties", (cc, admin1),  # type: ignore[no-any-return]
                   lambda: frozenset(county_key(r[0]) for r in _rows(conn, _COUNTIES, {"cc": cc, "a1": admin1})[1]))


def postcode_key(value: str) -> str | None:
    code = value.upper().strip()
    m = _US_ZIP_RE.match(code)
    if m:
        code = m.group(1)
    return code if _POSTCODE_RE.match(code) else None


_POSTCODE = sa.select(postcodes).where(postcodes.c.code == _BP("c"))
_POSTCODE_CC = _POSTCODE.where(postcodes.c.country == _BP("cc"))


def postcode_rows(conn: Connection, value: str, country: str | None) -> list[PostcodeRow]:
    code = postcode_key(value)
    if code is None:
        return []
    stmt, params = (_POSTCODE_CC, {"c": code, "cc": country}) if country else (_POSTCODE, {"c": code})

    def compute() -> tuple[PostcodeRow, ...]:
        out = []
        cols, rows = _rows(conn, stmt, params)
        for r in (dict(zip(cols, values, strict=True)) for values in rows):
            ids = r["place_ids"] if isinstance(r["place_ids"], list) else json.loads(r["place_ids"])
            out.append(PostcodeRow(r["code"], r["country"], r["admin1_code"], tuple(int(i) for i in ids),
                                   r["lat"], r["lon"]))  # fmt: skip
        return tuple(out)

    return list(_cached(conn, "postcode", (code, country), compute))  # postcodes change only with a reload


def _names_places_stmt(with_cc: str | None) -> sa.Select[Any]:
    stmt = (
        sa.select(names.c.kind.label("name_kind"), names.c.name.label("name_written"), places)
        .select_from(_NAME_PLACE)
        .where(names.c.norm == _BP("q"), names.c.place_kind == _BP("pk"))
    )
    if with_cc == "one":
        stmt = stmt.where(names.c.country_code == _BP("cc"))
    elif with_cc == "many":
        stmt = stmt.where(names.c.country_code.in_(_BP("ccs", expanding=True)))
    return stmt.limit(_BP("lim"))


_NAMES_PLACES = {k: _names_places_stmt(k) for k in (None, "one", "many")}


def names_exact_places(
    conn: Connection, norm: str, country: str | Sequence[str] | None, place_kind: str = "locality",
    limit: int = 2000,
) -> list[tuple[int, str, Mapping[Any, Any]]]:
    """Places of ``place_kind`` with a name whose key is ``norm`` (in ``country``: one code or several), each
    with its row, in one query: (place_id, name kind, place row by column name)."""
    if country is not None and not isinstance(country, str):
        # one code: the equality statement (the usual region -> its one country), and the same kept answer as
        # the lookup by that code
        country = country[0] if len(country) == 1 else tuple(country)
    key = (norm, country, place_kind, limit)
    return list(_cached(conn, "names_exact", key, lambda: _names_exact_places(conn, norm, country, place_kind, limit)))


def big_cities(conn: Connection, norm: str) -> list[Mapping[Any, Any]]:
    """Places whose official name's key is ``norm`` with ``scoring.BIG_CITY`` people or more ("Santiago": Santiago de
    Chile, not the smaller Santiagos, nor a place that has it only as an alternate name)."""
    return [row for _, kind, row in names_exact_places(conn, norm, None)
            if kind == "official" and (row["population"] or 0) >= BIG_CITY]


def _names_exact_places(
    conn: Connection, norm: str, country: str | tuple[str, ...] | None, place_kind: str, limit: int
) -> tuple[tuple[int, str, Mapping[Any, Any]], ...]:
    params: dict[str, object] = {"q": norm, "pk": place_kind, "lim": limit}
    if isinstance(country, str):
        cols, rows = _rows(conn, _NAMES_PLACES["one"], {**params, "cc": country})
    elif country:
        cols, rows = _rows(conn, _NAMES_PLACES["many"], {**params, "ccs": list(country)})  # an expanding parameter
    else:
        cols, rows = _rows(conn, _NAMES_PLACES[None], params)
    out: list[tuple[int, str, Mapping[Any, Any]]] = []
    for values in rows:
        r = dict(zip(cols, values, strict=True))
        out.append((int(r["id"]), r["name_kind"], r))
    return tuple(out)


def _range_key_length(n: int, has_country: bool) -> int:
    """Prefix/suffix length of the SQLite range scans: longer names afford longer (narrower) keys;
    2-character keys only inside one country (a global 2-letter range is too wide)."""
    if n < 5 or (has_country and n < 6):
        return 2
    return 3 if n < 9 else 4 if n < 12 else 5


def _fuzzy_stmt(column: sa.ColumnElement[str], with_cc: bool) -> sa.Select[Any]:
    """The SQLite range scan reads only what its index holds (the row id and the name key): the place and
    the kind of the few names within reach are read afterwards (``_NAMES_BY_ID``)."""
    n = names.c
    stmt = sa.select(n.id, column).where(
        n.place_kind == "locality", column >= _BP("p"), column < _BP("p_hi"),
        sa.func.length(column).between(_BP("lo"), _BP("hi")),  # norm_rev is norm reversed: the same length
    )  # fmt: skip
    if with_cc:
        stmt = stmt.where(n.country_code == _BP("cc"))
    return stmt.limit(_BP("lim"))


_FUZZY_RANGE = {(col, cc): _fuzzy_stmt(getattr(names.c, col), cc) for col in ("norm", "norm_rev") for cc in (False, True)}
_NAMES_BY_ID = sa.select(names.c.id, names.c.place_id, names.c.kind).where(names.c.id.in_(_BP("ids", expanding=True)))
# PostgreSQL: ``ix_names_loc_cc_norm_trgm`` (migration 0005) is a GIN index over (country_code, norm trigrams)
# of the locality names; its predicate is written into the SQL as a literal (a bound 'locality' would not
# prove it under a generic prepared plan, and the planner would leave the partial index aside).
_LOCALITY_LITERAL = names.c.place_kind == sa.literal_column("'locality'")


def _fuzzy_trgm_stmt(with_cc: bool) -> sa.Select[Any]:
    stmt = sa.select(names.c.place_id, names.c.norm, names.c.kind).where(
        _LOCALITY_LITERAL, names.c.norm.op("%")(_BP("q")), sa.func.length(names.c.norm).between(_BP("lo"), _BP("hi"))
    )
    if with_cc:
        stmt = stmt.where(names.c.country_code == _BP("cc"))
    return stmt.order_by(sa.func.similarity(names.c.norm, _BP("q")).desc()).limit(200)


_FUZZY_TRGM = _fuzzy_trgm_stmt(False)
_FUZZY_TRGM_CC = _fuzzy_trgm_stmt(True)


def names_fuzzy(conn: Connection, norm: str, country: str | None) -> list[tuple[int, float]]:
    """Localities whose names are within a small edit distance of ``norm`` -> (place_id, similarity)."""
    max_d = max_typos(len(norm))
    if max_d == 0:
        return []
    return list(_cached(conn, "names_fuzzy", (norm, country), lambda: tuple(_names_fuzzy(conn, norm, country, max_d))))


def _names_fuzzy(conn: Connection, norm: str, country: str | None, max_d: int) -> list[tuple[int, float]]:
    params: dict[str, object] = {"lo": len(norm) - max_d, "hi": len(norm) + max_d, "lim": FUZZY_SCAN}
    if country:
        params["cc"] = country
    rows: list[Any] = []
    if conn.dialect.name == "postgresql":
        params["q"] = norm
        found = list(conn.execute(_FUZZY_TRGM_CC if country else _FUZZY_TRGM, params))  # (place id, name, kind)
        rows = [(found[j][0], sim, found[j][2]) for j, sim in _within(norm, [(j, r[1]) for j, r in enumerate(found)], max_d)]
    else:
        k = _range_key_length(len(norm), country is not None)
        near: list[tuple[int, float]] = []  # (name id, similarity) within reach, in scan order
        for column, key in (("norm", norm), ("norm_rev", norm[::-1])):
            prefix = key[:k]
            params.update(p=prefix, p_hi=prefix + "\U0010ffff")
            # the reversed keys against the reversed query: the OSA distance of two strings is that of their
            # reversals (no string is turned back row by row)
            near += _within(key, _rows(conn, _FUZZY_RANGE[(column, country is not None)], params)[1], max_d)
        if near:
            meta = {i: (pid, kind) for i, pid, kind in _rows(conn, _NAMES_BY_ID, {"ids": sorted({i for i, _ in near})})[1]}
            rows = [(meta[i][0], sim, meta[i][1]) for i, sim in near]
    best: dict[int, float] = {}
    for place_id, s, kind in rows:
        s *= FUZZY_KIND_WEIGHT.get(kind, 0.9)
        if s > 0 and s > best.get(int(place_id), 0.0):
            best[int(place_id)] = s
    # generous cut: equal similarities are common and population decides among them later
    return sorted(best.items(), key=lambda kv: -kv[1])[:300]


_PLACES_BY_ID = sa.select(places).where(places.c.id.in_(_BP("ids", expanding=True)))
_PLACE_NAMES = sa.select(names.c.norm).where(names.c.place_id == _BP("p"))
_REGION_PLACE = sa.select(places).where(
    places.c.kind == "region", places.c.country_code == _BP("cc"), places.c.admin1_code == _BP("a1")
).limit(1)
_COUNTRY_PLACE = sa.select(places).where(places.c.kind == "country", places.c.country_code == _BP("cc")).limit(1)
_COUNTRY_REGIONS = sa.select(places.c.admin1_code, places.c.name).where(
    places.c.kind == "region", places.c.country_code == _BP("cc")
)


def place_rows(conn: Connection, ids: Iterable[int]) -> dict[int, Mapping[Any, Any]]:
    """Place rows by id (those kept from earlier lookups, the others read in one query)."""
    cache = _lookup_cache(conn, "place")
    out: dict[int, Mapping[Any, Any]] = {}
    todo: list[int] = []
    for i in ids:
        row = cache.get(i)
        if row is None:
            todo.append(i)
        else:
            out[i] = row
    if todo:
        for r in _dicts(conn, _PLACES_BY_ID, {"ids": todo}):
            out[int(r["id"])] = r
            cache.put(int(r["id"]), r)
    return out


def place_names(conn: Connection, place_id: int) -> set[str]:
    return set(conn.execute(_PLACE_NAMES, {"p": place_id}).scalars())


def region_place(conn: Connection, cc: str, admin1: str) -> Mapping[Any, Any] | None:
    return _cached(conn, "region_place", (cc, admin1),  # type: ignore[no-any-return]
                   lambda: next(iter(_dicts(conn, _REGION_PLACE, {"cc": cc, "a1": admin1})), None))


def country_regions(conn: Connection, cc: str) -> tuple[tuple[str, str], ...]:
    """(admin1 code, official name) of every region of one country."""
    return _cached(conn, "country_regions", cc,  # type: ignore[no-any-return]
                   lambda: tuple((a1, name) for a1, name in _rows(conn, _COUNTRY_REGIONS, {"cc": cc})[1]))


def country_place(conn: Connection, cc: str) -> Mapping[Any, Any] | None:
    return _cached(conn, "country_place", cc,  # type: ignore[no-any-return]
                   lambda: next(iter(_dicts(conn, _COUNTRY_PLACE, {"cc": cc})), None))


# --- address level ---------------------------------------------------------------------------


_HAS_STREETS = sa.select(streets.c.id).limit(1)
_STREETS_BY_KEY = (
    sa.select(streets)
    .where(sa.or_(streets.c.norm == _BP("norm"), streets.c.base == _BP("base")))
    .limit(_BP("lim"))
)
_STREETS_NEAR = sa.select(streets).where(streets.c.cell.in_(_BP("cells", expanding=True))).limit(STREETS_NEAR_MAX)
# a street has the postcode when one of its points has it: the first such point answers (``EXISTS``), not
# every point of the street (the point index is on (street_id, number_int))
_STREETS_WITH_POSTCODE = sa.select(streets.c.id).where(
    streets.c.id.in_(_BP("ids", expanding=True)),
    sa.exists().where(address_points.c.street_id == streets.c.id, address_points.c.postcode == _BP("pc")),
)
_POINTS_BY_NUMBER = (
    sa.select(address_points)
    .where(address_points.c.street_id == _BP("sid"), address_points.c.number == _BP("num"))
    .limit(50)
)
# a number with a leading integer: its points all have that ``number_int`` (the importer derives it from the
# number), so the index reaches them without reading the street's other points
_POINTS_BY_NUMBER_INT = _POINTS_BY_NUMBER.where(address_points.c.number_int == _BP("ni"))
_AP = address_points.c
_BELOW = (
    sa.select(address_points)
    .where(_AP.street_id == _BP("sid"), _AP.number_int < _BP("n"))
    .order_by(_AP.number_int.desc())
    .limit(8)
)
_ABOVE = (
    sa.select(address_points)
    .where(_AP.street_id == _BP("sid"), _AP.number_int > _BP("n"))
    .order_by(_AP.number_int.asc())
    .limit(8)
)
_POINTS_IN_CELLS = (
    sa.select(address_points, streets.c.name.label("street_name"), streets.c.city, streets.c.locality_id,
              streets.c.country_code, streets.c.region)  # fmt: skip
    .select_from(address_points.join(streets, streets.c.id == address_points.c.street_id))
    .where(address_points.c.cell.in_(_BP("cells", expanding=True)))
    .limit(5000)
)
_P = places.c
_PLACES_IN_BOX = (
    sa.select(places)
    .where(_P.kind == _BP("kind"), _P.lat.between(_BP("lat0"), _BP("lat1")), _P.lon.between(_BP("lon0"), _BP("lon1")))
    .limit(5000)
)


# Whether any OA street is imported is asked on every query with a street: the answer is kept per engine for
# ``HAS_STREETS_TTL_S`` (an import in this process clears it at once; one in another process is seen within it).
HAS_STREETS_TTL_S = 5.0
_HAS_STREETS_SEEN: weakref.WeakKeyDictionary[Any, tuple[bool, float]] = weakref.WeakKeyDictionary()


def has_streets(conn: Connection) -> bool:
    seen = _HAS_STREETS_SEEN.get(conn.engine)
    now = time.monotonic()
    if seen is not None and now - seen[1] < HAS_STREETS_TTL_S:
        return seen[0]
    value = conn.execute(_HAS_STREETS).first() is not None
    _HAS_STREETS_SEEN[conn.engine] = (value, now)
    return value


def _dicts(conn: Connection, stmt: sa.Select[Any], params: dict[str, Any]) -> list[Mapping[Any, Any]]:
    cols, rows = _rows(conn, stmt, params)
    return [dict(zip(cols, values, strict=True)) for values in rows]


def streets_by_key(conn: Connection, norm: str, base: str, limit: int = 500) -> list[Mapping[Any, Any]]:
    """Streets whose full key is ``norm`` or whose base (no type/directional) is ``base``."""
    return _dicts(conn, _STREETS_BY_KEY, {"norm": norm, "base": base, "lim": limit})


def streets_near(conn: Connection, points: Sequence[tuple[float, float]], radius: int = 1) -> list[RowMapping]:
    """Streets in the 0.1-degree cells around ``points`` (for the fuzzy street match)."""
    cells = sorted({c for lat, lon in points for c in cells_around(lat, lon, STREET_CELL_DEG, radius)})
    if not cells:
        return []
    return list(conn.execute(_STREETS_NEAR, {"cells": cells}).mappings())


def streets_with_postcode(conn: Connection, street_ids: Sequence[int], code: str) -> set[int]:
    if not street_ids:
        return set()
    return {int(r[0]) for r in _rows(conn, _STREETS_WITH_POSTCODE, {"ids": list(street_ids), "pc": code})[1]}


def points_by_number(conn: Connection, street_id: int, number: str) -> list[Mapping[Any, Any]]:
    """Points of the street whose house number key is ``number`` (``resolver.oa.normalize_number``)."""
    n = number_int(number)
    if n is None:
        return _dicts(conn, _POINTS_BY_NUMBER, {"sid": street_id, "num": number})
    return _dicts(conn, _POINTS_BY_NUMBER_INT, {"sid": street_id, "num": number, "ni": n})


def neighbour_points(
    conn: Connection, street_id: int, n: int
) -> tuple[list[Mapping[Any, Any]], list[Mapping[Any, Any]]]:
    """Points of the street just below and just above house number ``n`` (up to 8 each side)."""
    return _dicts(conn, _BELOW, {"sid": street_id, "n": n}), _dicts(conn, _ABOVE, {"sid": street_id, "n": n})


def points_in_cells(conn: Connection, cells: Sequence[int]) -> list[RowMapping]:
    """Address points (with their street's name, city, locality and country) in grid ``cells``."""
    return list(conn.execute(_POINTS_IN_CELLS, {"cells": list(cells)}).mappings())


def places_in_box(conn: Connection, lat: float, lon: float, deg: float, kind: str = "locality") -> list[RowMapping]:
    """Places of ``kind`` within ``deg`` degrees of (lat, lon) (a box, not a circle)."""
    params = {"kind": kind, "lat0": lat - deg, "lat1": lat + deg, "lon0": lon - deg, "lon1": lon + deg}
    return list(conn.execute(_PLACES_IN_BOX, params).mappings())
