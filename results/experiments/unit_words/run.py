"""A gap left for the next corpus: flat, floor and staircase words of European and Latin American addresses
("2º B", "3º izq.", "Piso 3 Dpto B", "Bât. B", "2e étage", "Scala B, Interno 4", "Whg. 12"). Corpus 0.5.0
holds almost none of them (grep of train.jsonl: "Piso" 32 times, "izq" once), and arm A reads most as a suburb,
a locality or part of the street. Inputs written for this probe (no public test suite); ``expected`` is how the
schema labels them (floors ``level``, flats/doors/staircases ``unit``).

Run: ``python results/experiments/unit_words/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
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

CASES: list[tuple[str, dict[str, str]]] = [
    ("Calle Mayor 12, 2º B, 28013 Madrid", {"level": "2º", "unit": "B"}),
    ("Calle Mayor 12, 3º izq., 28013 Madrid", {"level": "3º", "unit": "izq."}),
    ("Av. Santa Fe 1234 Piso 3 Dpto B, Buenos Aires", {"level": "Piso 3", "unit": "Dpto B"}),
    ("Av. Corrientes 1234, Piso 5, C1043AAZ CABA", {"level": "Piso 5"}),
    ("Rua Garrett 50, 3º Esq., 1200-204 Lisboa", {"level": "3º", "unit": "Esq."}),
    ("Rua Augusta 12, Apto 301, São Paulo", {"unit": "Apto 301"}),
    ("12 rue de Rivoli, Bât. B, 2e étage, 75004 Paris", {"unit": "Bât. B", "level": "2e étage"}),
    ("Via Roma 10, Scala B, Interno 4, 00184 Roma", {"unit": ["Scala B", "Interno 4"]}),
    ("Hauptstraße 5, 3. OG, 10115 Berlin", {"level": "3. OG"}),
    ("Lindenstraße 7, Whg. 12, 50674 Köln", {"unit": "Whg. 12"}),
]


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "artifacts" / "arms" / "A"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "result.json"
    tagger = Tagger.load(folder)
    rows = []
    for text, expected in CASES:
        comps = [(c.label, c.value) for c in tagger.parse(text).components]
        got: dict[str, list[str]] = {}
        for label, value in comps:
            if label in ("unit", "level"):
                got.setdefault(label, []).append(value)
        flat = {k: v[0] if len(v) == 1 else v for k, v in got.items()}
        rows.append({"text": text, "expected": expected, "right": flat == expected, "parse": comps})
    write_result(out, {"experiment": "unit_words", "date": now(), "arm": str(folder),
                                        "right": sum(r["right"] for r in rows), "cases": len(rows), "rows": rows})


if __name__ == "__main__":
    main()
