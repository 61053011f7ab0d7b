"""US addresses from states the eval points do not cover, through a running service's text ``POST /resolve``.

A seeded sample of ZIP codes (the ``zipcodes`` package: the gazetteer's own ZIP data) from every state but the eval
points' eight (CA, FL, AZ, DC, CT, GA, AR, MD), each rendered with a Faker en_US street and number in the eval's
three named formats: ``full`` ("12 Oak Street, Winston-Salem, NC 27101"), ``no_postcode`` and
``lowercase_no_commas``. A hit when the top result is the ZIP's own city (USPS ``city`` or one of its
``acceptable_cities``) in its state. The street is made up, so only the place is measured; number + street +
postcode is left out (its answer is the ZIP's city by construction).

Run from the repository root: ``python results/experiments/us_states_probe/run.py URL OUT.json [N]``.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import zipcodes
from faker import Faker

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from eval.client import Client  # noqa: E402
from eval.scoring import fold_place_name as fold  # noqa: E402

EVAL_STATES = {"CA", "FL", "AZ", "DC", "CT", "GA", "AR", "MD"}


def main(url: str, out: str, n: str = "300") -> int:
    rng = random.Random(31)
    fake = Faker("en_US")
    fake.seed_instance(31)
    pool = [z for z in zipcodes.list_all() if z["state"] not in EVAL_STATES and z["zip_code_type"] == "STANDARD"
            and z["city"]]  # fmt: skip
    client = Client(url, timeout=30)
    rows, right, wrong = [], {}, []
    for z in rng.sample(pool, int(n)):
        city = z["city"].title()
        street = f"{fake.building_number()} {fake.street_name()}"
        names = {fold(city), *(fold(c) for c in z.get("acceptable_cities") or [])}
        texts = {
            "full": f"{street}, {city}, {z['state']} {z['zip_code']}",
            "no_postcode": f"{street}, {city}, {z['state']}",
            "lowercase_no_commas": f"{street} {city} {z['state']} {z['zip_code']}".lower(),
        }
        for style, text in texts.items():
            body = client.resolve(text)
            top = (body.get("results") or [{}])[0]
            ok = fold(top.get("name")) in names and top.get("region_code") == z["state"]
            right[style] = right.get(style, 0) + ok
            row = {"style": style, "text": text, "want": [city, z["state"]], "ok": ok,
                   "got": [top.get("name"), top.get("region_code"), top.get("level")],
                   "reading": (body.get("reading") or {}).get("source")}  # fmt: skip
            rows.append(row)
            if not ok:
                wrong.append(row)
    summary = {"url": url, "n_zips": int(n), "right": right, "wrong": wrong, "results": rows}
    Path(out).write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{right} of {n} each -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:4]))
