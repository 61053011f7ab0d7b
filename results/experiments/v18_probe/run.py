"""Full addresses, probed on an arm: written at stop 33 (2026-11-27) while the corpus 0.16.0 candidates trained,
before either candidate parsed them (no public test suite; no Faker output); information for
``results/experiments/ft0160``. Phone numbers, postcode words, Baltic streets, the postcode after the city in former
Soviet states, local post boxes, and everyday addresses for contrast. A case is right when the parse has exactly
these values for the labels given (a label given as None must be absent).

Run: ``python results/experiments/v18_probe/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
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
    # phone numbers
    ("Prinsengracht 263, 1016 GV Amsterdam, telefoon 020 556 7105", {"street": "Prinsengracht", "house_number": "263",
                                                                     "postcode": "1016 GV", "locality": "Amsterdam"}),
    ("Via Condotti 8, 00187 Roma - Tel. +39 06 679 0405", {"street": "Via Condotti", "house_number": "8",
                                                           "postcode": "00187", "locality": "Roma"}),
    ("1 Infinite Loop, Cupertino, CA 95014, tel 408-996-1010", {"house_number": "1", "street": "Infinite Loop",
                                                                "locality": "Cupertino", "region": "CA",
                                                                "postcode": "95014"}),
    ("Phone (03) 9650 1234, 100 Swanston St, Melbourne VIC 3000", {"house_number": "100", "street": "Swanston St",
                                                                   "locality": "Melbourne", "region": "VIC",
                                                                   "postcode": "3000"}),
    # postcode words
    ("Av. Atlântica, 1702, Copacabana, Rio de Janeiro, CEP 22021-001", {"street": "Av. Atlântica",
                                                                        "house_number": "1702",
                                                                        "suburb": "Copacabana",
                                                                        "locality": "Rio de Janeiro",
                                                                        "postcode": "CEP 22021-001"}),
    ("45 Park Street, Kolkata, West Bengal, PIN: 700016", {"house_number": "45", "street": "Park Street",
                                                           "locality": "Kolkata", "region": "West Bengal",
                                                           "postcode": "PIN: 700016"}),
    ("Calle 10 Sur 45, Medellín, Código Postal 050021", {"locality": "Medellín", "postcode": "Código Postal 050021"}),
    # Baltic streets
    ("Pilies g. 12, LT-01123 Vilnius", {"street": "Pilies g.", "house_number": "12", "postcode": "LT-01123",
                                        "locality": "Vilnius"}),
    ("Laisvės al. 60, 44240 Kaunas", {"street": "Laisvės al.", "house_number": "60", "postcode": "44240",
                                      "locality": "Kaunas"}),
    ("Elizabetes iela 45, Rīga, LV-1010", {"street": "Elizabetes iela", "house_number": "45", "locality": "Rīga",
                                           "postcode": "LV-1010"}),
    ("Pärnu mnt 22, 10141 Tallinn", {"street": "Pärnu mnt", "house_number": "22", "postcode": "10141",
                                     "locality": "Tallinn"}),
    ("Rüütli tn 8, 51007 Tartu, Eesti", {"street": "Rüütli tn", "house_number": "8", "postcode": "51007",
                                         "locality": "Tartu", "country": "Eesti"}),
    # the postcode after the city
    ("ул. Ленина, 5, Казань, 420111, Россия", {"street": "ул. Ленина", "house_number": "5", "locality": "Казань",
                                               "postcode": "420111", "country": "Россия"}),
    ("вул. Грушевського, 12, Львів, 79005, Україна", {"street": "вул. Грушевського", "house_number": "12",
                                                      "locality": "Львів", "postcode": "79005",
                                                      "country": "Україна"}),
    ("пр. Независимости 25, Минск, 220030, Беларусь", {"street": "пр. Независимости", "house_number": "25",
                                                       "locality": "Минск", "postcode": "220030"}),
    ("Abay Avenue 15, Astana, 010000, Kazakhstan", {"street": "Abay Avenue", "house_number": "15",
                                                    "locality": "Astana", "postcode": "010000",
                                                    "country": "Kazakhstan"}),
    # local post boxes
    ("а/я 12, Санкт-Петербург, 190000", {"po_box": "а/я 12", "locality": "Санкт-Петербург", "postcode": "190000"}),
    ("Postboks 44, 5804 Bergen", {"po_box": "Postboks 44", "postcode": "5804", "locality": "Bergen"}),
    ("Postbus 75, 1000 AB Amsterdam", {"po_box": "Postbus 75", "postcode": "1000 AB", "locality": "Amsterdam"}),
    ("Locked Bag 1, Sydney NSW 2001", {"po_box": "Locked Bag 1", "locality": "Sydney", "region": "NSW",
                                       "postcode": "2001"}),
    ("Apartado Postal 5-123, 06500 Ciudad de México", {"po_box": "Apartado Postal 5-123", "postcode": "06500",
                                                       "locality": "Ciudad de México"}),
    # everyday addresses, for contrast
    ("2600 Benjamin Franklin Pkwy, Philadelphia, PA 19130", {"house_number": "2600",
                                                             "street": "Benjamin Franklin Pkwy",
                                                             "locality": "Philadelphia", "region": "PA",
                                                             "postcode": "19130"}),
    ("400 Broad St, Seattle, WA 98109", {"house_number": "400", "street": "Broad St", "locality": "Seattle",
                                         "region": "WA", "postcode": "98109"}),
    ("8 Canal St Apt 2R, New Orleans, LA 70130", {"house_number": "8", "street": "Canal St", "unit": "Apt 2R",
                                                  "locality": "New Orleans", "region": "LA", "postcode": "70130"}),
    ("1313 Disneyland Dr, Anaheim, CA 92802", {"house_number": "1313", "street": "Disneyland Dr",
                                               "locality": "Anaheim", "region": "CA", "postcode": "92802"}),
    ("Zeil 106, 60313 Frankfurt am Main", {"street": "Zeil", "house_number": "106", "postcode": "60313",
                                           "locality": "Frankfurt am Main"}),
    ("Place Bellecour 1, 69002 Lyon", {"street": "Place Bellecour", "house_number": "1", "postcode": "69002",
                                       "locality": "Lyon"}),
    ("10 George Square, Glasgow G2 1DY", {"house_number": "10", "street": "George Square", "locality": "Glasgow",
                                          "postcode": "G2 1DY"}),
    ("Rua Augusta 24, 1100-053 Lisboa", {"street": "Rua Augusta", "house_number": "24", "postcode": "1100-053",
                                         "locality": "Lisboa"}),
    ("Calle Mayor 10, 28013 Madrid, España", {"street": "Calle Mayor", "house_number": "10", "postcode": "28013",
                                              "locality": "Madrid", "country": "España"}),
]


if __name__ == "__main__":
    sys.exit(main("v18_probe", CASES, HERE, sys.argv[1:]))
