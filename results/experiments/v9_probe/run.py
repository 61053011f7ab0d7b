"""Corpus 0.9.0's forms, probed on the arms: a direction written after the street type ("Queen Street West",
"Rue Sherbrooke Ouest"), a town whose name starts with a direction right after the street (the contrast), French
streets named after a saint ("rue du Faubourg Saint-Honoré"), and a saint's town after a street (the contrast).
Inputs written for this probe before any arm was trained on 0.9.0 (no public test suite); a case is right when
the parse has exactly this street and, where given, this locality.

Run: ``python results/experiments/v9_probe/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
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

CASES: list[tuple[str, str, str, str | None]] = [  # kind, text, street, locality
    ("post_dir", "123 Queen Street West, Toronto, ON M5H 2M9", "Queen Street West", "Toronto"),
    ("post_dir", "200 King St E, Toronto ON", "King St E", "Toronto"),
    ("post_dir", "1000 Rue Sherbrooke Ouest, Montréal, QC H3A 3G4", "Rue Sherbrooke Ouest", "Montréal"),
    ("post_dir", "45 Main Street North, Brampton, ON", "Main Street North", "Brampton"),
    ("post_dir", "300 Portage Avenue East, Winnipeg MB", "Portage Avenue East", "Winnipeg"),
    ("post_dir", "4500 Maple Drive Northwest, Albuquerque, NM 87120", "Maple Drive Northwest", "Albuquerque"),
    ("post_dir", "77 Jackson Ave South, Seattle WA", "Jackson Ave South", "Seattle"),
    ("post_dir", "500 boulevard René-Lévesque Est, Québec, QC", "boulevard René-Lévesque Est", "Québec"),
    ("dir_town", "12 Elm Street, West Chester, PA 19380", "Elm Street", "West Chester"),
    ("dir_town", "88 Oak Ave, North Bay, ON", "Oak Ave", "North Bay"),
    ("dir_town", "5 Pine Rd, East Lansing MI", "Pine Rd", "East Lansing"),
    ("fr_saint", "14 rue du Faubourg Saint-Honoré, 75008 Paris", "rue du Faubourg Saint-Honoré", "Paris"),
    ("fr_saint", "32 boulevard Saint-Germain, 75005 Paris", "boulevard Saint-Germain", "Paris"),
    ("fr_saint", "8 rue Saint-Jacques, 13006 Marseille", "rue Saint-Jacques", "Marseille"),
    ("fr_saint", "21 place Sainte-Catherine, 1000 Bruxelles", "place Sainte-Catherine", "Bruxelles"),
    ("fr_saint", "9 quai Saint-Michel, 75005 Paris", "quai Saint-Michel", "Paris"),
    ("fr_saint", "1500 rue Saint-Denis, Montréal, QC", "rue Saint-Denis", "Montréal"),
    ("saint_town", "12 rue de la Paix, 93200 Saint-Denis", "rue de la Paix", "Saint-Denis"),
    ("saint_town", "5 avenue Jean Jaurès, 42000 Saint-Étienne", "avenue Jean Jaurès", "Saint-Étienne"),
]


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "artifacts" / "arms" / "A"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "result.json"
    tagger = Tagger.load(folder)
    rows = []
    for kind, text, street, locality in CASES:
        comps = [(c.label, c.value, round(c.confidence, 3)) for c in tagger.parse(text).components]
        streets = [v for lab, v, _ in comps if lab == "street"]
        localities = [v for lab, v, _ in comps if lab == "locality"]
        right = streets == [street] and (locality is None or localities == [locality])
        rows.append({"kind": kind, "text": text, "right": right, "parse": comps})
    per_kind = {k: sum(r["right"] for r in rows if r["kind"] == k) for k in dict.fromkeys(r["kind"] for r in rows)}
    write_result(out, {"experiment": "v9_probe", "date": now(), "arm": str(folder),
                       "right": sum(r["right"] for r in rows), "cases": len(rows), "per_kind": per_kind, "rows": rows})


if __name__ == "__main__":
    main()
