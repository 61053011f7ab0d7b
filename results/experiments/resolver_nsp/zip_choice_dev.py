"""Which town of a shared US ZIP does an address written with the ZIP alone mean? Rules compared on corpus
material only (never the OA eval points): usaddress train (PlaceName + StateName + ZipCode) and the US
rows of the OA corpus fixtures (CITY + POSTCODE).

For every address whose ZIP serves several gazetteer places (zipcodes' ``city`` + ``acceptable_cities``,
mapped to places by the loader) and whose written town is one of them, each rule picks one place:

* ``primary``: the ZIP's main place (the USPS city; what ``resolver.match`` ranks first);
* ``nearest``: the GeoNames place nearest the ZIP's centroid (places the loader made from ZIP names have
  no centroid of their own and are left out);
* ``most_populous``: the largest place;
* ``far_primary_near_town``: the primary unless it lies >= 10 km from the centroid and a GeoNames town
  lies < 3 km from it and 4x nearer;
* ``resolver``: ``resolver.match.resolve({"postcode": zip})``'s top place (the product path).

Usage: ``.venv/bin/python results/experiments/resolver_nsp/zip_choice_dev.py [DB_URL]``; writes
``zip_choice_dev.json`` beside this file.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from addrnet.settings import get_settings  # noqa: E402
from bench.common import write_result  # noqa: E402
from resolver import candidates as cands  # noqa: E402
from resolver.geo import haversine_km  # noqa: E402
from resolver.match import resolve  # noqa: E402
from resolver.names import normalize_name  # noqa: E402


def addresses(data: Path) -> list[tuple[str, str, str]]:
    """(town, state, ZIP) of the corpus material."""
    out: list[tuple[str, str, str]] = []
    with (data / "usaddress" / "train.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            lab: dict[str, list[str]] = {}
            for tok, label in zip(d["tokens"], d["labels"], strict=False):
                lab.setdefault(label, []).append(tok)
            if {"PlaceName", "ZipCode", "StateName"} <= lab.keys():
                out.append((" ".join(lab["PlaceName"]).strip(" ,"), lab["StateName"][0].strip(" ,.").upper(),
                            lab["ZipCode"][0][:5]))  # fmt: skip
    with (data / "oa" / "corpus_openaddresses_fixtures.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["SOURCE"].startswith("us/") and r["CITY"] and r["POSTCODE"]:
                out.append((r["CITY"], r["REGION"], r["POSTCODE"][:5]))
    return out


def main() -> int:
    settings = get_settings()
    url = sys.argv[1] if len(sys.argv) > 1 else settings.db_url
    engine = sa.create_engine(url)
    rules = ("primary", "nearest", "most_populous", "far_primary_near_town", "resolver")
    hits: Counter[str] = Counter()
    pair_hits: dict[tuple[str, str], dict[str, bool]] = {}  # (ZIP, town) -> rule -> right
    n = 0
    shared_zips: set[str] = set()
    not_candidate = 0
    with engine.connect() as conn:
        for town, _state, code in addresses(Path(settings.source_data_dir)):
            pcs = cands.postcode_rows(conn, code, "US")
            if not pcs or len(pcs[0].place_ids) < 2 or pcs[0].lat is None or pcs[0].lon is None:
                continue
            pc = pcs[0]
            rows = cands.place_rows(conn, pc.place_ids)
            want = normalize_name(town)
            truth = {pid for pid in pc.place_ids if want in cands.place_names(conn, pid)}
            if not truth:
                not_candidate += 1
                continue
            n += 1
            shared_zips.add(code)
            feats: list[dict[str, Any]] = []
            for i, pid in enumerate(pc.place_ids):
                r = rows[pid]
                geo = r["source"] == "geonames" and r["lat"] is not None
                d = haversine_km(pc.lat, pc.lon, r["lat"], r["lon"]) if geo else None
                feats.append({"pid": pid, "primary": i == 0, "km": d, "pop": int(r["population"] or 0)})
            prim = feats[0]
            geos = [f for f in feats if f["km"] is not None]
            pick = {
                "primary": prim["pid"],
                "nearest": min(geos, key=lambda f: f["km"])["pid"] if geos else prim["pid"],
                "most_populous": max(feats, key=lambda f: f["pop"])["pid"],
                "far_primary_near_town": prim["pid"],
                "resolver": (resolve(conn, {"postcode": code}) or [None])[0],
            }
            if prim["km"] is not None and prim["km"] >= 10:
                near = [f for f in geos[1:] if f["km"] < 3 and f["km"] * 4 < prim["km"] and not f["primary"]]
                if near:
                    pick["far_primary_near_town"] = min(near, key=lambda f: f["km"])["pid"]
            top = pick["resolver"]
            pick["resolver"] = getattr(top, "place_id", None)
            for rule in rules:
                hits[rule] += pick[rule] in truth
            pair_hits[(code, want)] = {rule: pick[rule] in truth for rule in rules}
    result = {
        "experiment": "zip_choice_dev",
        "data": ["data/usaddress/train.jsonl (PlaceName, StateName, ZipCode)",
                 "data/oa/corpus_openaddresses_fixtures.csv (US rows: CITY, POSTCODE)"],
        "gazetteer": url.rsplit("/", 1)[-1],
        "addresses_in_shared_zips": n,
        "shared_zips": len(shared_zips),
        "written_town_not_a_candidate": not_candidate,
        "correct": {rule: hits[rule] for rule in rules},
        "accuracy": {rule: round(hits[rule] / n, 4) if n else None for rule in rules},
        "distinct_zip_town_pairs": len(pair_hits),
        "correct_per_distinct_pair": {rule: sum(p[rule] for p in pair_hits.values()) for rule in rules},
    }
    write_result(Path(__file__).with_name("zip_choice_dev.json"), result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
