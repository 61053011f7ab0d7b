"""The eval suite's four formats on OpenAddresses rows that are not eval points (issue 15's held-out "OA points from
other states", as near as the shared data comes): the US rows of ``data/oa/corpus_openaddresses_fixtures.csv`` with a
number, street, city and postcode -- every row outside California (Trumbull OH, Lancaster PA, Portland OR, VA, MN) and
a seeded sample of 600 Californian ones (San Francisco, Alameda County, Berkeley) -- rendered and scored exactly as
``addrnet bench address eval-formats`` renders and scores the eval points (``bench.address_acceptance.eval_format_rows``).

Run from the repository root against a running service: ``python results/experiments/fixture_formats/run.py URL``
-> ``fixture_formats.json`` here.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.address_acceptance import eval_format_rows  # noqa: E402
from bench.common import write_result  # noqa: E402

CA_SAMPLE = 600
SEED = 3


def main(url: str) -> int:
    with (ROOT / "data" / "oa" / "corpus_openaddresses_fixtures.csv").open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["SOURCE"].startswith("us/")
                and all(r[k].strip() for k in ("NUMBER", "STREET", "CITY", "POSTCODE"))]  # fmt: skip
    random.Random(SEED).shuffle(rows)
    chosen = [r for r in rows if r["REGION"] != "CA"] + [r for r in rows if r["REGION"] == "CA"][:CA_SAMPLE]
    result = eval_format_rows(url, chosen, "A", 4)
    result["bench"] = "fixture_formats"
    result["csv"] = "data/oa/corpus_openaddresses_fixtures.csv (US rows, as above)"
    result["rows"] = {"outside_CA": sum(r["REGION"] != "CA" for r in chosen), "CA": CA_SAMPLE, "seed": SEED}
    write_result(HERE / "fixture_formats.json", result, echo=False)
    print({k: v["rate"] for k, v in result["per_format"].items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
