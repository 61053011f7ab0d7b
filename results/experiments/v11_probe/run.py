"""Corpus 0.11.0's forms, probed on the arms: a region written with its kind's word ("Hubei Province", "Kanagawa
Prefecture", "Sverdlovsk Oblast", "Pest megye", "Estado de Jalisco"), a numbered city district ("District 1",
"Quận 3", "Sector 18") and Metro Manila. Inputs written for this probe before any arm was trained on 0.11.0 (no
public test suite; no Faker output); a case is right when the parse has exactly these values for the labels given
(a label given as None must be absent).

Run: ``python results/experiments/v11_probe/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
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

CASES: list[tuple[str, dict[str, str | None]]] = [  # text, {label: value}
    ("No. 1 Renmin Road, Wuhan, Hubei Province 430000", {"locality": "Wuhan", "region": "Hubei Province"}),
    ("Wuhan, Hubei Province", {"locality": "Wuhan", "region": "Hubei Province"}),
    ("Chengdu, Sichuan Province, China", {"locality": "Chengdu", "region": "Sichuan Province"}),
    ("Kanagawa Prefecture", {"region": "Kanagawa Prefecture"}),
    ("Yokohama, Kanagawa Prefecture", {"locality": "Yokohama", "region": "Kanagawa Prefecture"}),
    ("Sapporo, Hokkaido Prefecture, Japan", {"locality": "Sapporo", "region": "Hokkaido Prefecture"}),
    ("ul. Lenina 5, Yekaterinburg, Sverdlovsk Oblast, 620000", {"locality": "Yekaterinburg",
                                                              "region": "Sverdlovsk Oblast"}),
    ("Kharkiv, Kharkiv Oblast", {"locality": "Kharkiv", "region": "Kharkiv Oblast"}),
    ("12 Allen Avenue, Ikeja, Lagos State", {"locality": "Ikeja", "region": "Lagos State"}),
    ("Vác, Pest megye", {"locality": "Vác", "region": "Pest megye"}),
    ("Kossuth utca 5, 2600 Vác, Pest megye", {"locality": "Vác", "region": "Pest megye"}),
    ("Av. Juárez 10, Guadalajara, Estado de Jalisco", {"locality": "Guadalajara", "region": "Estado de Jalisco"}),
    ("Calle 9 de Julio 500, Rosario, Provincia de Santa Fe", {"locality": "Rosario",
                                                             "region": "Provincia de Santa Fe"}),
    ("Cebu City, Cebu Province", {"locality": "Cebu City", "region": "Cebu Province"}),
    ("45 Le Loi, District 1, Ho Chi Minh City, Vietnam", {"suburb": "District 1", "locality": "Ho Chi Minh City"}),
    ("12 Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh", {"suburb": "Quận 1", "street": "Nguyễn Huệ"}),
    ("A-12, Sector 18, Noida, Uttar Pradesh 201301", {"suburb": "Sector 18", "locality": "Noida"}),
    ("Ayala Avenue, Makati City, Metro Manila 1226", {"locality": "Makati City", "region": "Metro Manila"}),
    ("Quezon City, Metro Manila, Philippines", {"locality": "Quezon City", "region": "Metro Manila"}),
    # the contrast: a region without its kind word, a street with a number
    ("Wuhan, Hubei", {"locality": "Wuhan", "region": "Hubei"}),
    ("10 Sector Road, Springfield, IL 62701", {"street": "Sector Road", "locality": "Springfield", "suburb": None}),
]


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "artifacts" / "arms" / "A"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "result.json"
    tagger = Tagger.load(folder)
    rows = []
    for text, want in CASES:
        comps = [(c.label, c.value, round(c.confidence, 3)) for c in tagger.parse(text).components]
        got: dict[str, list[str]] = {}
        for label, value, _ in comps:
            got.setdefault(label, []).append(value)
        right = all(got.get(label, []) == ([value] if value else []) for label, value in want.items())
        rows.append({"text": text, "right": right, "parse": comps})
    write_result(out, {"experiment": "v11_probe", "date": now(), "arm": str(folder),
                       "right": sum(r["right"] for r in rows), "cases": len(rows), "rows": rows})


if __name__ == "__main__":
    main()
