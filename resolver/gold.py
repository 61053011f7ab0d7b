"""``addrnet gazetteer check-gold``: top-1 locality accuracy on the OpenAddresses eval points.

Each row's gold CITY, REGION and POSTCODE (as written) are resolved; a row is correct when the top
place's name or one of its names normalizes to CITY and the place lies in REGION.
"""

from __future__ import annotations

import csv
import statistics
import time
from pathlib import Path
from typing import Any

from resolver.candidates import place_names
from resolver.geo import haversine_km
from resolver.loader import table_counts
from resolver.match import resolve
from resolver.names import normalize_name


def check_gold(url: str, csv_path: Path, limit_rows: int | None = None) -> dict[str, Any]:
    from resolver.db import make_engine

    engine = make_engine(url)
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))[:limit_rows]
    correct = total = 0
    dists: list[float] = []
    errors: list[dict[str, Any]] = []
    latencies: list[float] = []
    try:
        with engine.connect() as conn:
            gazetteer_rows = table_counts(conn)
            for row in rows:
                comps = {"locality": row["CITY"], "region": row["REGION"], "postcode": row["POSTCODE"]}
                comps = {k: v for k, v in comps.items() if v}
                if not comps.get("locality"):
                    continue
                total += 1
                t0 = time.perf_counter()
                places = resolve(conn, comps, country="US", limit=1)
                latencies.append((time.perf_counter() - t0) * 1000)
                ok = False
                if places:
                    top = places[0]
                    names = place_names(conn, top.place_id)
                    ok = normalize_name(row["CITY"]) in names and (
                        not row["REGION"]
                        or normalize_name(row["REGION"])
                        in {normalize_name(top.region_code or ""), normalize_name(top.region or "")}
                    )
                    if top.lat is not None and row["LAT"] and row["LON"]:
                        dists.append(haversine_km(float(row["LAT"]), float(row["LON"]), top.lat, top.lon))  # type: ignore[arg-type]
                correct += ok
                if not ok and len(errors) < 50:
                    errors.append(
                        {"id": row["ID"], "components": comps, "top": places[0].__dict__ if places else None}
                    )
    finally:
        engine.dispose()
    return {
        "backend": engine.dialect.name,
        "gazetteer_rows": gazetteer_rows,
        "csv": str(csv_path),
        "rows": total,
        "correct": correct,
        "top1_locality_accuracy": round(correct / total, 4) if total else 0.0,
        "median_distance_km": round(statistics.median(dists), 3) if dists else None,
        "mean_latency_ms": round(statistics.mean(latencies), 3) if latencies else None,
        "errors": errors,
    }
