"""US place queries in the forms people write them: Acc@1 of ``POST /resolve`` on a running service.

A seeded sample of the cities of active standard US ZIP codes (``zipcodes``, the source of the gazetteer's
postcodes; USPS city names), one query per city and form:

- ``plain``: "Springfield IL";
- ``town_of``, ``city_of``: "Town of Springfield, IL", "City of Springfield IL" (a civil division's words);
- ``township``: "Springfield Township, IL";
- ``street_word``: cities whose name ends in a word that ends streets too ("Lees Summit", "Park Ridge",
  "Huntington Beach"), as "Lees Summit MO": a tagger may read the name as a street.

A hit is the top result naming the city (``eval.scoring.fold_place_name``: case, accents, apostrophes,
Saint/St folded) in its state. Some ZIP cities are no GeoNames place of that name (a USPS name for part
of another town), so ``plain`` is below 1 and is the reference the other forms are read against.

Usage: ``addrnet bench place-forms --url URL [--n 400] [--out F]``; writes bench/results/place_forms.json.
"""

from __future__ import annotations

import argparse
import random
import time
from typing import Any

from bench.address_acceptance import fold, per_style, resolve_jobs
from bench.common import now, write_result

FORMS = ("plain", "town_of", "city_of", "township", "street_word")
STREET_WORDS = frozenset({
    "summit", "park", "heights", "hills", "springs", "beach", "valley", "village", "grove", "point", "ridge",
    "crossing", "plaza", "square", "terrace", "lake", "creek", "falls", "harbor", "landing", "center", "gardens",
    "estates", "station", "junction", "corners", "bluff", "meadows", "shores", "woods", "hollow", "mills",
})


def cities(n: int, seed: int) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(``n`` distinct (city, state) pairs, up to ``n`` of those whose last word is a street word), seeded."""
    import zipcodes

    seen: set[tuple[str, str]] = set()
    rows: list[dict[str, str]] = []
    for z in zipcodes.list_all():
        key = (z["city"], z["state"])
        if z["active"] and z["zip_code_type"] == "STANDARD" and z["city"] and key not in seen:
            seen.add(key)
            rows.append({"CITY": z["city"], "REGION": z["state"]})
    rows.sort(key=lambda r: (r["REGION"], r["CITY"]))
    rng = random.Random(seed)
    rng.shuffle(rows)
    worded = [r for r in rows if len(r["CITY"].split()) > 1 and r["CITY"].split()[-1].lower() in STREET_WORDS]
    return rows[:n], worded[:n]


def render(row: dict[str, str], form: str) -> str:
    city, st = row["CITY"], row["REGION"]
    return {"plain": f"{city} {st}", "town_of": f"Town of {city}, {st}", "city_of": f"City of {city} {st}",
            "township": f"{city} Township, {st}", "street_word": f"{city} {st}"}[form]


def judge(row: dict[str, str], top: dict[str, Any] | None) -> tuple[bool, Any]:
    if not top:
        return False, None
    ok = (top.get("country") in (None, "", "US") and fold(str(top.get("name") or "")) == fold(row["CITY"])
          and str(top.get("region_code") or "").upper() == row["REGION"])
    return ok, {"got": [top.get("name"), top.get("region_code"), top.get("country"), top.get("level")],
                "want": [row["CITY"], row["REGION"]]}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="addrnet bench place-forms", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", required=True, help="a running service, e.g. http://127.0.0.1:8000")
    p.add_argument("--n", type=int, default=400, help="cities per form (default: %(default)s)")
    p.add_argument("--seed", type=int, default=15)
    p.add_argument("--arm", default="A")
    p.add_argument("--concurrency", type=int, default=4)
    p.add_argument("--out", default="bench/results/place_forms.json")
    a = p.parse_args(argv)
    rows, worded = cities(a.n, a.seed)
    jobs = [(f, render(r, f), r) for f in FORMS[:-1] for r in rows]
    jobs += [("street_word", render(r, "street_word"), r) for r in worded]
    t0 = time.perf_counter()
    recs = resolve_jobs(a.url, jobs, judge, a.arm, a.concurrency)
    per = per_style(recs, FORMS)
    write_result(a.out, {
        "bench": "place_forms", "date": now(), "url": a.url, "arm": a.arm, "seed": a.seed, "per_form": per,
        "seconds": round(time.perf_counter() - t0, 1),
        "truth": "top result's name folds to the ZIP city (eval.scoring.fold_place_name) and its region_code is the state",
        "misses": [{k: v for k, v in r.items() if k != "row"} for r in recs if not r["ok"]][:150],
    })
    print("place-forms: " + ", ".join(f"{k} {v['rate']} ({v['hits']}/{v['n']})" for k, v in per.items()) + f" -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
