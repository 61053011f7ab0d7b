"""Number + street + ZIP: which of a ZIP's places is the point's locality? (issue 15's fourth format)

Without a locality in the text, the resolver answers a US ZIP with the first place of its ``postcodes.place_ids``
(the ZIP's USPS city). This counts, over OpenAddresses rows, how often each way of choosing among those places names
the row's CITY (``eval.scoring.fold_place_name``, same region), as ``eval.runners.is_locality_match`` scores it:

- ``first``: the ZIP's USPS city (what the resolver does);
- ``nearest_to_zip``: the place nearest the ZIP's centroid;
- ``nearest_to_zip_big``: the same among places with a tenth of the first one's people or more;
- ``nearest_to_point``: the place nearest the row's own point (not known from the text: a bound for any rule
  that guesses the point from the street);
- ``any``: some place of the ZIP is right (the ceiling of every choice among them).

Rows: the corpus OpenAddresses fixtures (never eval) and, measured the same way, the eval points (nothing here is
fitted). Run from the repository root with the gazetteer loaded: ``python results/experiments/zip_city/run.py``
-> ``zip_city.json`` here.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy.engine import Connection  # noqa: E402

from addrnet.settings import Settings  # noqa: E402
from bench.common import now, write_result  # noqa: E402
from eval.scoring import fold_place_name  # noqa: E402
from resolver import candidates as cands  # noqa: E402
from resolver.db import make_engine  # noqa: E402
from resolver.geo import haversine_km  # noqa: E402

FILES = {"corpus_fixtures": ROOT / "data" / "oa" / "corpus_openaddresses_fixtures.csv",
         "eval_points": ROOT / "data" / "oa" / "eval_points.csv"}
RULES = ("first", "nearest_to_zip", "nearest_to_zip_big", "nearest_to_point", "any")


def count(conn: Connection, path: Path) -> dict[str, object]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["POSTCODE"] and r["CITY"] and len(r["REGION"]) == 2]
    hits = dict.fromkeys(RULES, 0)
    n = shared = 0
    for r in rows:
        z = next(iter(cands.postcode_rows(conn, r["POSTCODE"], "US")), None)
        if z is None or z.lat is None:
            continue
        by_id = cands.place_rows(conn, z.place_ids)
        places = [by_id[i] for i in z.place_ids if i in by_id]
        if not places:
            continue
        n += 1
        shared += len(places) > 1
        big = [p for p in places if (p["population"] or 0) >= 0.1 * (places[0]["population"] or 0)] or places
        point = (float(r["LAT"]), float(r["LON"]))
        chosen = {
            "first": places[0],
            "nearest_to_zip": min(places, key=lambda p: haversine_km(z.lat, z.lon, p["lat"], p["lon"])),
            "nearest_to_zip_big": min(big, key=lambda p: haversine_km(z.lat, z.lon, p["lat"], p["lon"])),
            "nearest_to_point": min(places, key=lambda p: haversine_km(*point, p["lat"], p["lon"])),
        }
        right = {p["id"]: fold_place_name(p["name"]) == fold_place_name(r["CITY"]) and p["admin1_code"] == r["REGION"]
                 for p in places}
        for rule, p in chosen.items():
            hits[rule] += right[p["id"]]
        hits["any"] += any(right.values())
    return {"rows": n, "zip_with_several_places": shared, "right": hits,
            "rate": {k: round(v / n, 4) if n else None for k, v in hits.items()}}


def main() -> int:
    engine = make_engine(Settings().db_url)
    with engine.connect() as conn:
        out = {"date": now(), "files": {name: count(conn, path) for name, path in FILES.items()}}
    engine.dispose()
    write_result(HERE / "zip_city.json", out)
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
