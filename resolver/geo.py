"""Coordinates: great-circle distance, validation, and the grid cells the address tables index.

Cells are integers on a regular latitude/longitude grid: ``point_cell`` (0.01 degree, about 1 km, on
``address_points``) and ``street_cell`` (0.1 degree, about 11 km, on ``streets``). A lookup around a
point asks for the cell and its neighbours (``cells_around``) with one indexed ``IN``.
"""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088
POINT_CELL_DEG = 0.01
STREET_CELL_DEG = 0.1


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def valid_coords(lat: float, lon: float) -> bool:
    """Finite, within [-90, 90] x [-180, 180], and not the (0, 0) placeholder of broken sources."""
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return False
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return False
    return not (abs(lat) < 1e-9 and abs(lon) < 1e-9)


def _grid(deg: float) -> tuple[int, int]:
    rows = int(round(180 / deg)) + 1
    cols = int(round(360 / deg)) + 1
    return rows, cols


def cell(lat: float, lon: float, deg: float) -> int:
    _, cols = _grid(deg)
    return int(math.floor((lat + 90.0) / deg)) * cols + int(math.floor((lon + 180.0) / deg))


def point_cell(lat: float, lon: float) -> int:
    return cell(lat, lon, POINT_CELL_DEG)


def street_cell(lat: float, lon: float) -> int:
    return cell(lat, lon, STREET_CELL_DEG)


def cells_around(lat: float, lon: float, deg: float, radius: int = 1) -> list[int]:
    """The cell of (lat, lon) and the ``radius`` rings of cells around it (wrapping at the antimeridian)."""
    rows, cols = _grid(deg)
    r0 = int(math.floor((lat + 90.0) / deg))
    c0 = int(math.floor((lon + 180.0) / deg))
    out: list[int] = []
    for dr in range(-radius, radius + 1):
        r = r0 + dr
        if not 0 <= r < rows:
            continue
        for dc in range(-radius, radius + 1):
            c = (c0 + dc) % (cols - 1)
            out.append(r * cols + c)
    return out
