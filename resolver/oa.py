"""``addrnet gazetteer import-oa``: OpenAddresses CSVs -> ``streets`` and ``address_points``.

Columns (the standard OA header): LON, LAT, NUMBER, STREET are required; UNIT, CITY, DISTRICT,
REGION, POSTCODE, ID, HASH (and the SOURCE column of the shared fixtures) are optional. A file
without a required column is refused as a whole with a clear error; a bad row (coordinates that are
not numbers or out of range, no house number or street, bytes that are not UTF-8, a field too long)
is counted under its reason and skipped, never aborting the import.

* The country of a row: ``country=`` (``--country``), else the first segment of its SOURCE
  ("us/ca/san_francisco" -> US), else a two-letter country folder in the file's path
  (".../us/ca/x.csv"), else the country of the nearest gazetteer locality.
* Streets are keyed by (country, REGION, locality, ``street_key`` norm); the locality is CITY, or
  the nearest gazetteer locality when CITY is empty, so one name in two towns is two streets; one
  name twice in one city, far apart, is two streets too (``_split_streets``).
* Idempotent: a point's ``row_key`` is a digest of the row (OA HASH, coordinates, number, street,
  unit, city, postcode, country; OA extracts reuse one HASH across units) and is unique, so a
  re-import inserts nothing; street centroids, boxes and counts are recomputed from their points.
* Transactional: everything of one call is written in one transaction.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from resolver.geo import haversine_km, point_cell, street_cell, valid_coords
from resolver.names import normalize_name
from resolver.schema import address_points, names, places, streets
from resolver.streets import street_key

REQUIRED_COLUMNS = ("LON", "LAT", "NUMBER", "STREET")
OPTIONAL_COLUMNS = ("UNIT", "CITY", "DISTRICT", "REGION", "POSTCODE", "ID", "HASH", "SOURCE")
NO_NUMBER = frozenset({"0", "NULL", "NONE", "N/A"})  # placeholders, not house numbers
SPLIT_GAP_DEG = 0.01  # ~1 km: a point this far from every part of a street starts another street
CITY_MATCH_KM = 40.0  # a CITY name matches a gazetteer locality of that name within this distance
_FRACTION = re.compile(r" (?=\d+/\d+$)")
_NUMBER_INT = re.compile(r"^\D{0,2}?(\d{1,9})")
_CHUNK = 500
_LIMITS = {"NUMBER": 32, "UNIT": 64, "STREET": 200, "CITY": 200, "REGION": 64, "POSTCODE": 16}


class OAFormatError(ValueError):
    """The file cannot be imported at all (not a CSV, required columns missing)."""


def normalize_number(number: str) -> str:
    """House number key: upper case, no spaces ("22 a" -> "22A"), a fraction kept apart ("2415 1/2" ->
    "2415+1/2")."""
    return "".join(_FRACTION.sub("+", " ".join(number.split())).split()).upper()


def number_int(number: str) -> int | None:
    """The leading integer of a house number ("22A" -> 22, "N6W23001" -> 6), for interpolation."""
    m = _NUMBER_INT.match(number)
    return int(m.group(1)) if m else None


@dataclass
class _Street:
    name: str
    city: str
    postcodes: Counter[str] = field(default_factory=Counter)
    lat_sum: float = 0.0
    lon_sum: float = 0.0
    n: int = 0


@dataclass
class ImportStats:
    files: list[str] = field(default_factory=list)
    rows: int = 0
    inserted: int = 0
    duplicates: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    streets_before: int = 0
    streets_after: int = 0
    seconds: float = 0.0

    def summary(self) -> dict[str, Any]:
        return {
            "files": self.files, "rows": self.rows, "inserted": self.inserted, "duplicates": self.duplicates,
            "skipped": dict(sorted(self.skipped.items())), "skipped_total": sum(self.skipped.values()),
            "streets_new": self.streets_after - self.streets_before, "streets": self.streets_after,
            "seconds": round(self.seconds, 2),
        }  # fmt: skip


class _Localities:
    """Gazetteer localities in memory for the import: nearest by grid, by name within a country."""

    def __init__(self, conn: Connection) -> None:
        self._rows: dict[int, tuple[str, str, str | None, float, float]] | None = None
        self.grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        self._conn = conn
        self._by_name: dict[tuple[str, str], list[tuple[int, float, float]]] = {}

    @property
    def rows(self) -> dict[int, tuple[str, str, str | None, float, float]]:
        """Every locality (name, country, admin1, lat, lon), read on first use."""
        if self._rows is None:
            self._rows = self._load()
        return self._rows

    def _load(self) -> dict[int, tuple[str, str, str | None, float, float]]:
        rows: dict[int, tuple[str, str, str | None, float, float]] = {}
        stmt = sa.select(
            places.c.id, places.c.name, places.c.country_code, places.c.admin1_code, places.c.lat, places.c.lon
        ).where(places.c.kind == "locality", places.c.lat.is_not(None), places.c.lon.is_not(None))
        for r in self._conn.execute(stmt).mappings():
            rows[r["id"]] = (r["name"], r["country_code"], r["admin1_code"], r["lat"], r["lon"])
            self.grid[(math.floor(r["lat"] * 2), math.floor(r["lon"] * 2))].append(r["id"])
        return rows

    def nearest(self, lat: float, lon: float) -> int | None:
        rows = self.rows
        gy, gx = math.floor(lat * 2), math.floor(lon * 2)
        for radius in (1, 3):
            best, best_d = None, 1e9
            for dy in range(-radius, radius + 1):
                for dx in range(-radius, radius + 1):
                    for pid in self.grid.get((gy + dy, gx + dx), ()):
                        _, _, _, plat, plon = rows[pid]
                        d = haversine_km(lat, lon, plat, plon)
                        if d < best_d:
                            best, best_d = pid, d
            if best is not None:
                return best
        return None

    def named(self, city_norm: str, cc: str, lat: float, lon: float) -> int | None:
        """The locality named ``city_norm`` in ``cc`` nearest to (lat, lon), within ``CITY_MATCH_KM``."""
        key = (city_norm, cc)
        found = self._by_name.get(key)
        if found is None:
            stmt = (
                sa.select(places.c.id, places.c.lat, places.c.lon)
                .select_from(names.join(places, places.c.id == names.c.place_id))
                .where(names.c.norm == city_norm, names.c.place_kind == "locality", names.c.country_code == cc,
                       places.c.lat.is_not(None))  # fmt: skip
                .distinct()
            )
            found = self._by_name[key] = [(int(r.id), r.lat, r.lon) for r in self._conn.execute(stmt)]
        best, best_d = None, CITY_MATCH_KM
        for pid, plat, plon in sorted(found):
            d = haversine_km(lat, lon, plat, plon)
            if d < best_d:
                best, best_d = pid, d
        return best


def _country_from_path(path: Path) -> str | None:
    import pycountry

    for part in reversed(path.parts[:-1]):
        if len(part) == 2 and part.isalpha() and pycountry.countries.get(alpha_2=part.upper()):
            return part.upper()
    return None


def _rows(path: Path, stats: ImportStats, bar: Any) -> Iterator[tuple[dict[str, str], str]]:
    """(row, raw line digest) of each CSV row; decoding errors are kept as surrogates and counted later."""
    raw = path.open("rb")
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")
    try:
        reader = csv.DictReader(text)
        header = [h.strip().upper() for h in (reader.fieldnames or [])]
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise OAFormatError(
                f"{path}: missing required OpenAddresses column(s) {missing}; "
                f"expected a header with {', '.join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)}"
            )
        reader.fieldnames = header
        last = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error:
                stats.rows += 1
                stats.skipped["malformed_csv"] += 1
                continue
            pos = raw.tell()
            if pos != last:
                bar.update(pos - last)
                last = pos
            yield row, ""
    finally:
        text.close()


def _clean_row(row: dict[str, Any]) -> tuple[dict[str, str] | None, str | None]:
    """Trimmed string fields, or (None, skip reason)."""
    out: dict[str, str] = {}
    for key in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
        value = row.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):  # extra fields of a ragged row land in a list
            return None, "malformed_csv"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return None, "bad_encoding"
        value = " ".join(value.split())
        if key in _LIMITS and len(value) > _LIMITS[key]:
            return None, f"{key.lower()}_too_long"
        out[key] = value
    if None in row:
        return None, "malformed_csv"
    return out, None


def import_oa(
    url: str, paths: Sequence[str | Path], country: str | None = None, progress: bool = True
) -> dict[str, Any]:
    """Migrate ``url``, then import the OA CSVs at ``paths`` in one transaction; returns the summary.

    Raises ``FileNotFoundError`` for a missing file, ``OAFormatError`` for a file that lacks the
    required columns, ``ValueError`` for a ``country`` that is not an ISO alpha-2 code.
    """
    from tqdm import tqdm

    from resolver.db import make_engine, upgrade

    if country is not None:
        country = country.strip().upper()
        if len(country) != 2 or not country.isalpha():
            raise ValueError("country must be an ISO 3166-1 alpha-2 code such as 'US'")
    files = [Path(p) for p in paths]
    for f in files:
        if not f.is_file():
            raise FileNotFoundError(f"no such OpenAddresses CSV: {f}")
    t0 = time.perf_counter()
    stats = ImportStats(files=[str(f) for f in files])
    upgrade(url)
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            stats.streets_before = _count(conn, streets)
            locs = _Localities(conn)
            total = sum(f.stat().st_size for f in files)
            with tqdm(total=total, desc="import-oa", unit="B", unit_scale=True, disable=not progress,
                      file=sys.stderr) as bar:  # fmt: skip
                for f in files:
                    _import_file(conn, f, country, locs, stats, bar)
            stats.streets_after = _count(conn, streets)
        if engine.dialect.name == "postgresql":
            with engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE streets")
                conn.exec_driver_sql("ANALYZE address_points")
                conn.commit()
        else:
            with engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE")
                conn.commit()
    finally:
        engine.dispose()
    from resolver.candidates import clear_cache

    clear_cache()  # resolvers in this process see the new streets at once
    stats.seconds = time.perf_counter() - t0
    return stats.summary()


def _count(conn: Connection, table: sa.Table) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def _import_file(
    conn: Connection, path: Path, country: str | None, locs: _Localities, stats: ImportStats, bar: Any
) -> None:
    path_cc = _country_from_path(path)
    street_rows: dict[tuple[str, str, str, str], _Street] = {}
    street_locality: dict[tuple[str, str, str, str], int | None] = {}
    points: list[tuple[tuple[str, str, str, str], dict[str, Any]]] = []
    seen_keys: set[str] = set()
    for raw_row, _ in _rows(path, stats, bar):
        stats.rows += 1
        row, reason = _clean_row(raw_row)
        if row is None:
            stats.skipped[reason or "malformed_csv"] += 1
            continue
        try:
            lon, lat = float(row["LON"]), float(row["LAT"])
        except ValueError:
            stats.skipped["bad_coordinates"] += 1
            continue
        if not valid_coords(lat, lon):
            stats.skipped["bad_coordinates"] += 1
            continue
        number = normalize_number(row["NUMBER"])
        if not number or number in NO_NUMBER:
            stats.skipped["no_number"] += 1
            continue
        norm, base = street_key(row["STREET"])
        if not norm:
            stats.skipped["no_street"] += 1
            continue
        cc = country
        if cc is None:
            src = row["SOURCE"].split("/", 1)[0] if row["SOURCE"] else ""
            if len(src) == 2 and src.isalpha():
                cc = src.upper()
        cc = cc or path_cc
        nearest: int | None = None
        if cc is None or not row["CITY"]:
            nearest = locs.nearest(lat, lon)
        if cc is None:
            if nearest is None:
                stats.skipped["unknown_country"] += 1
                continue
            cc = locs.rows[nearest][1]
        city = row["CITY"]
        if not city and nearest is not None and locs.rows[nearest][1] == cc:
            city = locs.rows[nearest][0]
        city_display = city.title() if city.isupper() else city
        city_norm = normalize_name(city)
        region = row["REGION"].upper()
        key = (cc, region, city_norm, norm)
        row_key = hashlib.sha1(
            "\x1f".join((row["HASH"], row["LON"], row["LAT"], number, norm, row["UNIT"].upper(), city_norm,
                         row["POSTCODE"], cc)).encode()  # fmt: skip
        ).hexdigest()[:32]
        if row_key in seen_keys:
            stats.duplicates += 1
            continue
        seen_keys.add(row_key)
        st = street_rows.get(key)
        if st is None:
            street_name = row["STREET"].title() if row["STREET"].isupper() else row["STREET"]
            st = street_rows[key] = _Street(street_name, city_display)
            loc_id = locs.named(city_norm, cc, lat, lon) if city_norm else None
            if loc_id is None and nearest is None:
                nearest = locs.nearest(lat, lon)
            street_locality[key] = loc_id if loc_id is not None else nearest
        st.lat_sum += lat
        st.lon_sum += lon
        st.n += 1
        if row["POSTCODE"]:
            st.postcodes[row["POSTCODE"].upper()] += 1
        points.append((key, {
            "number": number, "number_int": number_int(number), "unit": row["UNIT"].upper(),
            "postcode": row["POSTCODE"].upper() or None, "lat": lat, "lon": lon, "cell": point_cell(lat, lon),
            "row_key": row_key, "oa_id": row["ID"][:64] or None, "source": (row["SOURCE"] or path.name)[:128],
        }))  # fmt: skip
    if not points:
        return
    street_rows, street_locality, points = _split_streets(conn, street_rows, street_locality, points, locs)
    street_ids = _upsert_streets(conn, street_rows, street_locality)
    # idempotence: rows already imported (same row_key) are not inserted again
    keys = [p[1]["row_key"] for p in points]
    existing: set[str] = set()
    for i in range(0, len(keys), _CHUNK):
        stmt = sa.select(address_points.c.row_key).where(address_points.c.row_key.in_(keys[i : i + _CHUNK]))
        existing.update(conn.execute(stmt).scalars())
    new = [{**p, "street_id": street_ids[k]} for k, p in points if p["row_key"] not in existing]
    stats.duplicates += len(points) - len(new)
    for i in range(0, len(new), 5000):
        conn.execute(sa.insert(address_points), new[i : i + 5000])
    stats.inserted += len(new)
    _refresh_streets(conn, sorted(set(street_ids.values())))


def _split_streets(
    conn: Connection,
    rows: dict[tuple[str, str, str, str], _Street],
    locality: dict[tuple[str, str, str, str], int | None],
    points: list[tuple[tuple[str, str, str, str], dict[str, Any]]],
    locs: _Localities,
) -> tuple[dict[tuple[str, str, str, str], _Street], dict[tuple[str, str, str, str], int | None],
           list[tuple[tuple[str, str, str, str], dict[str, Any]]]]:  # fmt: skip
    """One city with two streets of one name far apart (Berlin's several Markgrafenstraße) gets two
    streets: points join a part whose box, grown by ``SPLIT_GAP_DEG``, holds them (parts already in
    the database first); a part other than the city's first is keyed ``<city>/<nearest locality>``."""
    groups: dict[tuple[str, str, str, str], list[int]] = defaultdict(list)
    for i, (key, _) in enumerate(points):
        groups[key].append(i)
    new_rows: dict[tuple[str, str, str, str], _Street] = {}
    new_loc: dict[tuple[str, str, str, str], int | None] = {}
    rekeyed: list[tuple[str, str, str, str] | None] = [None] * len(points)
    g = SPLIT_GAP_DEG
    for key, idxs in groups.items():
        cc, region, city_norm, norm = key
        stmt = sa.select(streets.c.city_norm, streets.c.min_lat, streets.c.max_lat, streets.c.min_lon,
                         streets.c.max_lon).where(  # fmt: skip
            streets.c.country_code == cc, streets.c.region == region, streets.c.norm == norm,
            sa.or_(streets.c.city_norm == city_norm, streets.c.city_norm.startswith(city_norm + "/", autoescape=True)),
        )  # fmt: skip
        parts: list[list[Any]] = [[r["city_norm"], [r["min_lat"], r["max_lat"], r["min_lon"], r["max_lon"]], []]
                                  for r in conn.execute(stmt).mappings()]  # fmt: skip
        for i in idxs:
            lat, lon = points[i][1]["lat"], points[i][1]["lon"]
            part = next((p for p in parts if p[1][0] - g <= lat <= p[1][1] + g and p[1][2] - g <= lon <= p[1][3] + g),
                        None)  # fmt: skip
            if part is None:
                parts.append([None, [lat, lat, lon, lon], [i]])
                continue
            box = part[1]
            box[0], box[1], box[2], box[3] = min(box[0], lat), max(box[1], lat), min(box[2], lon), max(box[3], lon)
            part[2].append(i)
        merged = True
        while merged:  # parts that grew into each other are one street
            merged = False
            for a in range(len(parts)):
                for b in range(a + 1, len(parts)):
                    pa, pb = parts[a], parts[b]
                    if pb[0] is not None and pa[0] is not None:
                        continue
                    ba, bb = pa[1], pb[1]
                    if ba[0] - g <= bb[1] and bb[0] - g <= ba[1] and ba[2] - g <= bb[3] and bb[2] - g <= ba[3]:
                        keep, drop = (pa, pb) if pa[0] is not None or len(pa[2]) >= len(pb[2]) else (pb, pa)
                        keep[1] = [min(ba[0], bb[0]), max(ba[1], bb[1]), min(ba[2], bb[2]), max(ba[3], bb[3])]
                        keep[2].extend(drop[2])
                        parts.remove(drop)
                        merged = True
                        break
                if merged:
                    break
        taken = {p[0] for p in parts if p[0] is not None}
        for part in sorted((p for p in parts if p[0] is None), key=lambda p: -len(p[2])):
            if city_norm not in taken:
                part[0] = city_norm
            else:
                lat = sum(points[i][1]["lat"] for i in part[2]) / len(part[2])
                lon = sum(points[i][1]["lon"] for i in part[2]) / len(part[2])
                near = locs.nearest(lat, lon)
                label = normalize_name(locs.rows[near][0]) if near is not None else ""
                label = label if label and label != city_norm else "part"
                name, k = f"{city_norm}/{label}"[:190], 2
                while name in taken:
                    name, k = f"{city_norm}/{label} {k}"[:190], k + 1
                part[0] = name
            taken.add(part[0])
        template = rows[key]
        for part in parts:
            if not part[2]:
                continue
            nk = (cc, region, part[0], norm)
            st = new_rows[nk] = _Street(template.name, template.city)
            for i in part[2]:
                pt = points[i][1]
                st.lat_sum += pt["lat"]
                st.lon_sum += pt["lon"]
                st.n += 1
                if pt["postcode"]:
                    st.postcodes[pt["postcode"]] += 1
                rekeyed[i] = nk
            new_loc[nk] = locality.get(key) if part[0] == city_norm else locs.nearest(
                st.lat_sum / st.n, st.lon_sum / st.n)  # fmt: skip
    out_points = [(rekeyed[i] or key, pt) for i, (key, pt) in enumerate(points)]
    return new_rows, new_loc, out_points


def _upsert_streets(
    conn: Connection,
    rows: dict[tuple[str, str, str, str], _Street],
    locality: dict[tuple[str, str, str, str], int | None],
) -> dict[tuple[str, str, str, str], int]:
    """Street id of every key, inserting the streets not yet present (stats are refreshed later)."""
    ids: dict[tuple[str, str, str, str], int] = {}
    key_cols = (streets.c.country_code, streets.c.region, streets.c.city_norm, streets.c.norm)
    by_norm: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for key in rows:
        by_norm[key[3]].append(key)
    norms = sorted(by_norm)
    for i in range(0, len(norms), _CHUNK):
        stmt = sa.select(streets.c.id, *key_cols).where(streets.c.norm.in_(norms[i : i + _CHUNK]))
        for r in conn.execute(stmt).mappings():
            k = (r["country_code"], r["region"], r["city_norm"], r["norm"])
            if k in rows:
                ids[k] = int(r["id"])
    new = []
    for key, st in rows.items():
        if key in ids:
            continue
        lat, lon = st.lat_sum / st.n, st.lon_sum / st.n
        cc, region, city_norm, norm = key
        new.append({
            "name": st.name[:200], "norm": norm, "base": street_key(st.name)[1], "country_code": cc,
            "region": region, "city": st.city[:200], "city_norm": city_norm, "locality_id": locality.get(key),
            "postcode": st.postcodes.most_common(1)[0][0] if st.postcodes else None, "lat": lat, "lon": lon,
            "min_lat": lat, "max_lat": lat, "min_lon": lon, "max_lon": lon, "point_count": 0,
            "cell": street_cell(lat, lon),
        })  # fmt: skip
    if new:
        conn.execute(sa.insert(streets), new)
        new_norms = sorted({str(r["norm"]) for r in new})
        for i in range(0, len(new_norms), _CHUNK):
            stmt = sa.select(streets.c.id, *key_cols).where(streets.c.norm.in_(new_norms[i : i + _CHUNK]))
            for r in conn.execute(stmt).mappings():
                k = (r["country_code"], r["region"], r["city_norm"], r["norm"])
                if k in rows:
                    ids[k] = int(r["id"])
    return ids


def _refresh_streets(conn: Connection, ids: Iterable[int]) -> None:
    """Centroid, bounding box, point count and grid cell of streets, recomputed from their points."""
    ap = address_points.c
    id_list = list(ids)
    updates = []
    for i in range(0, len(id_list), _CHUNK):
        stmt = (
            sa.select(
                ap.street_id, sa.func.avg(ap.lat).label("lat"), sa.func.avg(ap.lon).label("lon"),
                sa.func.min(ap.lat).label("min_lat"), sa.func.max(ap.lat).label("max_lat"),
                sa.func.min(ap.lon).label("min_lon"), sa.func.max(ap.lon).label("max_lon"),
                sa.func.count().label("n"),
            )  # fmt: skip
            .where(ap.street_id.in_(id_list[i : i + _CHUNK]))
            .group_by(ap.street_id)
        )
        for r in conn.execute(stmt).mappings():
            lat, lon = float(r["lat"]), float(r["lon"])
            updates.append({
                "sid": r["street_id"], "lat": lat, "lon": lon, "min_lat": r["min_lat"], "max_lat": r["max_lat"],
                "min_lon": r["min_lon"], "max_lon": r["max_lon"], "point_count": int(r["n"]),
                "cell": street_cell(lat, lon),
            })  # fmt: skip
    if updates:
        upd = (
            sa.update(streets)
            .where(streets.c.id == sa.bindparam("sid"))
            .values({c: sa.bindparam(c) for c in
                     ("lat", "lon", "min_lat", "max_lat", "min_lon", "max_lon", "point_count", "cell")})  # fmt: skip
        )
        conn.execute(upd, updates)
