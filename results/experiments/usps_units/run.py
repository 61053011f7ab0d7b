"""Units written with a USPS designator alone (Publication 28, Appendix C2: Basement, Front, Lobby, Lower, Office,
Penthouse, Rear, Side, Upper, and their abbreviations), as two-family houses and office buildings write them.
Corpus 0.7.0 holds almost none of them as units, and the shipped arms read them as part of the street ("Main St
Rear") or as a suburb ("Oak Ave Basement"). Inputs written for this probe (no public test suite); a case is right
when the parse has exactly these street and unit values.

Run: ``python results/experiments/usps_units/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
shipped arm A -> ``result.json``).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import now, write_result  # noqa: E402
from model.tagger import Tagger  # noqa: E402

CASES: list[tuple[str, str, str]] = [  # text, street, unit
    ("123 Main St Rear, Springfield, IL 62701", "Main St", "Rear"),
    ("77 Elm St Upper, Buffalo NY 14201", "Elm St", "Upper"),
    ("77 Elm St Lower, Buffalo NY 14201", "Elm St", "Lower"),
    ("45 Oak Ave Basement, Boston MA", "Oak Ave", "Basement"),
    ("450 Lexington Ave Lobby, New York, NY 10017", "Lexington Ave", "Lobby"),
    ("9 Harbor Rd, Front, Portland ME 04101", "Harbor Rd", "Front"),
    ("310 W Grand Blvd PH, Detroit, MI", "W Grand Blvd", "PH"),
    ("18 Cedar Lane - Rear", "Cedar Lane", "Rear"),
    ("2201 N Charles St Ofc, Baltimore MD 21218", "N Charles St", "Ofc"),
    ("56 Pine Street Side, Burlington VT", "Pine Street", "Side"),
    ("1200 elm st uppr cleveland oh 44113", "elm st", "uppr"),
    ("88 MAPLE AVE BSMT, ALBANY NY 12203", "MAPLE AVE", "BSMT"),
    ("14 Queen St W Rear, Toronto ON M5H 2M9", "Queen St W", "Rear"),
    ("303 Washington Street Penthouse, Hoboken, NJ", "Washington Street", "Penthouse"),
]


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "artifacts" / "arms" / "A"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "result.json"
    tagger = Tagger.load(folder)
    rows = []
    for text, street, unit in CASES:
        comps = [(c.label, c.value, round(c.confidence, 3)) for c in tagger.parse(text).components]
        got = {(lab, v) for lab, v, _ in comps if lab in ("street", "unit")}
        rows.append({"text": text, "right": got == {("street", street), ("unit", unit)}, "parse": comps})
    write_result(out, {"experiment": "usps_units", "date": now(), "arm": str(folder),
                       "right": sum(r["right"] for r in rows), "cases": len(rows), "rows": rows})


if __name__ == "__main__":
    main()
