"""A province after the city (Italian codes, Spanish names in parentheses), beside postal districts written after the
city, probed on an arm: written at stop 32 with corpus 0.13.0's gate, before any arm was trained on it (no public test
suite; no Faker output). A case is right when the parse has exactly these values for the
labels given (a label given as None must be absent); ``full`` counts the cases whose every given label is right.

Run: ``python results/experiments/province_probe/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
shipped arm A -> ``result.json``).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.label_probe import Case, main  # noqa: E402

CASES: list[Case] = [  # text, {label: value}
    # a province after the city: the province is the region
    ("Via Indipendenza 8, 40121 Bologna BO", {"locality": "Bologna", "region": "BO"}),
    ("Via Toledo 5, 80134 Napoli NA", {"locality": "Napoli", "region": "NA"}),
    ("Via dei Calzaiuoli 7, 50122 Firenze FI", {"locality": "Firenze", "region": "FI"}),
    ("Corso Buenos Aires 33, 20124 Milano (MI)", {"locality": "Milano", "region": "(MI)"}),
    ("Via Po 2, 10124 Torino (TO)", {"locality": "Torino", "region": "(TO)"}),
    ("Piazza Bra 1, 37121 Verona VR, Italia", {"locality": "Verona", "region": "VR", "country": "Italia"}),
    ("Via Sparano 20, 70121 Bari BA", {"locality": "Bari", "region": "BA"}),
    ("Via XX Settembre 15, 16121 Genova GE", {"locality": "Genova", "region": "GE"}),
    ("Via Libertà 50, 90143 Palermo PA", {"locality": "Palermo", "region": "PA"}),
    ("Viale Europa 3, 25121 Brescia (BS)", {"locality": "Brescia", "region": "(BS)"}),
    ("Calle de Serrano 20, 28001 Madrid (Madrid)", {"locality": "Madrid", "region": "(Madrid)"}),
    ("Calle Sierpes 30, 41004 Sevilla (Sevilla)", {"locality": "Sevilla", "region": "(Sevilla)"}),
    ("Avenida del Puerto 12, 46023 Valencia (Valencia)", {"locality": "Valencia", "region": "(Valencia)"}),
    ("Calle Real 5, 15003 A Coruña (A Coruña)", {"locality": "A Coruña", "region": "(A Coruña)"}),
    # postal districts after the city: the whole is the locality
    ("Istedgade 20, 1650 København V", {"locality": "København V"}),
    ("Nørregade 5, 1165 København K", {"locality": "København K"}),
    ("Frederiks Allé 10, 8000 Aarhus C", {"locality": "Aarhus C"}),
    ("12 Camden Street, Dublin 8", {"locality": "Dublin 8"}),
    ("Vinohradská 10, 120 00 Praha 2", {"locality": "Praha 2"}),
    ("5 avenue de l'Opéra, 75001 Paris Cedex 01", {"locality": "Paris Cedex 01"}),
]  # fmt: skip


if __name__ == "__main__":
    sys.exit(main("province_probe", CASES, HERE, sys.argv[1:]))
