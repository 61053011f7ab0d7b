"""Corpus 0.10.0's form, probed on the arms: a business's name (no type word) before its address, in its own country
and language. Inputs written for this probe before any arm was trained on 0.10.0 (no public test suite; no Faker
output); a case is right when the parse has exactly this venue (or none, where none is given) and this street.

Run: ``python results/experiments/v10_probe/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
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

CASES: list[tuple[str, str | None, str]] = [  # text, venue, street
    ("Hermann Schmidt GmbH, Hauptstraße 5, 10115 Berlin", "Hermann Schmidt GmbH", "Hauptstraße"),
    ("Larsson AB, Drottninggatan 12, 111 51 Stockholm", "Larsson AB", "Drottninggatan"),
    ("Acme Widgets Inc, 500 W 2nd St, Austin TX 78701", "Acme Widgets Inc", "W 2nd St"),
    ("Dupont et Fils SARL, 14 rue de la Paix, 75002 Paris", "Dupont et Fils SARL", "rue de la Paix"),
    ("Rossi & Bianchi s.r.l., Via Roma 10, 20121 Milano", "Rossi & Bianchi s.r.l.", "Via Roma"),
    ("Nowak Sp. z o.o., ul. Długa 5, 00-238 Warszawa", "Nowak Sp. z o.o.", "ul. Długa"),
    ("Novák s.r.o., Karlova 12, 110 00 Praha", "Novák s.r.o.", "Karlova"),
    ("van Dijk BV, Keizersgracht 100, 1015 CV Amsterdam", "van Dijk BV", "Keizersgracht"),
    ("Jensen ApS, Strøget 20, 1160 København", "Jensen ApS", "Strøget"),
    ("Virtanen Oy, Mannerheimintie 10, 00100 Helsinki", "Virtanen Oy", "Mannerheimintie"),
    ("Kovács és Társa Kft., Váci utca 5, 1052 Budapest", "Kovács és Társa Kft.", "Váci utca"),
    ("García y Asociados S.L., Calle Mayor 10, 28013 Madrid", "García y Asociados S.L.", "Calle Mayor"),
    ("Silva & Filhos Lda, Rua Augusta 50, 1100-053 Lisboa", "Silva & Filhos Lda", "Rua Augusta"),
    ("Smith & Jones Ltd, 10 High Street, Oxford OX1 4AP", "Smith & Jones Ltd", "High Street"),
    ("Hotel Adlon, Unter den Linden 77, 10117 Berlin", "Hotel Adlon", "Unter den Linden"),
    ("Hauptstraße 5, 10115 Berlin", None, "Hauptstraße"),
    ("10 High Street, Oxford OX1 4AP", None, "High Street"),
]


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "artifacts" / "arms" / "A"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "result.json"
    tagger = Tagger.load(folder)
    rows = []
    for text, venue, street in CASES:
        comps = [(c.label, c.value, round(c.confidence, 3)) for c in tagger.parse(text).components]
        venues = [v for lab, v, _ in comps if lab == "venue"]
        streets = [v for lab, v, _ in comps if lab == "street"]
        right = venues == ([venue] if venue else []) and streets == [street]
        rows.append({"text": text, "right": right, "parse": comps})
    write_result(out, {"experiment": "v10_probe", "date": now(), "arm": str(folder),
                       "right": sum(r["right"] for r in rows), "cases": len(rows), "rows": rows})


if __name__ == "__main__":
    main()
