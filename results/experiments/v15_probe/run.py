"""Full addresses, probed on an arm: written at stop 33 (2026-11-27) while the corpus 0.14.0 candidates trained, before
either candidate parsed them (no public test suite; no Faker output); information for ``results/experiments/ft0140``,
whose kinds ``v14_probe`` and ``v14b_probe`` chose. Countries named in their own languages, post boxes in local words,
and everyday addresses for contrast. A case is right when the parse has exactly these values for the labels given (a
label given as None must be absent).

Run: ``python results/experiments/v15_probe/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
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
    # countries in their own languages
    ("Viru 5, 10140 Tallinn, Eesti", {"street": "Viru", "house_number": "5", "postcode": "10140",
                                      "locality": "Tallinn", "country": "Eesti"}),
    ("Brīvības iela 30, Rīga, LV-1050, Latvija", {"street": "Brīvības iela", "house_number": "30", "locality": "Rīga",
                                                  "postcode": "LV-1050", "country": "Latvija"}),
    ("Obchodná 12, 811 06 Bratislava, Slovensko", {"street": "Obchodná", "house_number": "12", "postcode": "811 06",
                                                   "locality": "Bratislava", "country": "Slovensko"}),
    ("Váci utca 20, 1052 Budapest, Magyarország", {"street": "Váci utca", "house_number": "20", "postcode": "1052",
                                                   "locality": "Budapest", "country": "Magyarország"}),
    ("бул. Витоша 15, 1000 София, България", {"street": "бул. Витоша", "house_number": "15", "postcode": "1000",
                                               "locality": "София", "country": "България"}),
    ("Ferhadija 10, 71000 Sarajevo, Bosna i Hercegovina", {"street": "Ferhadija", "house_number": "10",
                                                           "postcode": "71000", "locality": "Sarajevo",
                                                           "country": "Bosna i Hercegovina"}),
    ("Rruga e Durrësit 5, 1001 Tiranë, Shqipëri", {"street": "Rruga e Durrësit", "house_number": "5",
                                                   "postcode": "1001", "locality": "Tiranë", "country": "Shqipëri"}),
    ("Slovenska cesta 9, 1000 Ljubljana, Slovenija", {"street": "Slovenska cesta", "house_number": "9",
                                                      "postcode": "1000", "locality": "Ljubljana",
                                                      "country": "Slovenija"}),
    ("Gedimino pr. 9, 01103 Vilnius, Lietuva", {"house_number": "9", "postcode": "01103", "locality": "Vilnius",
                                                "country": "Lietuva"}),
    ("Trg bana Jelačića 3, 10000 Zagreb, Hrvatska", {"street": "Trg bana Jelačića", "house_number": "3",
                                                     "postcode": "10000", "locality": "Zagreb",
                                                     "country": "Hrvatska"}),
    ("вул. Дерибасівська 10, Одеса, 65026, Україна", {"street": "вул. Дерибасівська", "house_number": "10",
                                                      "locality": "Одеса", "postcode": "65026", "country": "Україна"}),
    ("Bulevar kralja Aleksandra 73, 11000 Beograd, Srbija", {"street": "Bulevar kralja Aleksandra",
                                                             "house_number": "73", "postcode": "11000",
                                                             "locality": "Beograd", "country": "Srbija"}),
    ("Rustaveli Avenue 12, Tbilisi, საქართველო", {"locality": "Tbilisi", "country": "საქართველო"}),
    ("Abay Avenue 50, Almaty 050000, Қазақстан", {"locality": "Almaty", "postcode": "050000",
                                                  "country": "Қазақстан"}),
    ("Karlova 5, 110 00 Praha, Česko", {"street": "Karlova", "house_number": "5", "postcode": "110 00",
                                        "locality": "Praha", "country": "Česko"}),
    ("Storgata 10, 9008 Tromsø, Norge", {"street": "Storgata", "house_number": "10", "postcode": "9008",
                                         "locality": "Tromsø", "country": "Norge"}),
    ("Nørregade 7, 5000 Odense, Danmark", {"street": "Nørregade", "house_number": "7", "postcode": "5000",
                                           "locality": "Odense", "country": "Danmark"}),
    ("Hämeenkatu 20, 33200 Tampere, Suomi", {"street": "Hämeenkatu", "house_number": "20", "postcode": "33200",
                                             "locality": "Tampere", "country": "Suomi"}),
    # post boxes in local words
    ("Postbus 2040, 3000 CA Rotterdam", {"po_box": "Postbus 2040", "postcode": "3000 CA", "locality": "Rotterdam"}),
    ("Postboks 8100 Dep, 0032 Oslo", {"postcode": "0032", "locality": "Oslo"}),
    ("Postboks 123, 8000 Aarhus C", {"po_box": "Postboks 123", "postcode": "8000"}),
    ("Casella postale 12, 00187 Roma", {"po_box": "Casella postale 12", "postcode": "00187", "locality": "Roma"}),
    ("Postfach 12 34 56, 80333 München", {"po_box": "Postfach 12 34 56", "postcode": "80333",
                                          "locality": "München"}),
    ("Postfach 1120, 8021 Zürich", {"po_box": "Postfach 1120", "postcode": "8021", "locality": "Zürich"}),
    ("Apartado de Correos 45, 41080 Sevilla", {"po_box": "Apartado de Correos 45", "postcode": "41080",
                                               "locality": "Sevilla"}),
    ("а/я 25, Новосибирск, 630099", {"po_box": "а/я 25", "locality": "Новосибирск", "postcode": "630099"}),
    ("Box 7842, 103 98 Stockholm", {"po_box": "Box 7842", "postcode": "103 98", "locality": "Stockholm"}),
    ("Private Bag X15, Pretoria, 0001", {"po_box": "Private Bag X15", "locality": "Pretoria", "postcode": "0001"}),
    ("Locked Bag 20, Melbourne VIC 3001", {"po_box": "Locked Bag 20", "locality": "Melbourne", "region": "VIC",
                                           "postcode": "3001"}),
    ("Boîte postale 5, 1002 Luxembourg", {"po_box": "Boîte postale 5", "postcode": "1002",
                                          "locality": "Luxembourg"}),
    # everyday addresses, for contrast
    ("Sint-Pietersnieuwstraat 41, 9000 Gent", {"street": "Sint-Pietersnieuwstraat", "house_number": "41",
                                               "postcode": "9000", "locality": "Gent"}),
    ("Via della Spiga 8, 20121 Milano", {"street": "Via della Spiga", "house_number": "8", "postcode": "20121",
                                         "locality": "Milano"}),
    ("14 Rue Sainte-Catherine, 33000 Bordeaux", {"house_number": "14", "street": "Rue Sainte-Catherine",
                                                 "postcode": "33000", "locality": "Bordeaux"}),
    ("Schlossallee 1, 53179 Bonn, Deutschland", {"street": "Schlossallee", "house_number": "1", "postcode": "53179",
                                                 "locality": "Bonn", "country": "Deutschland"}),
    ("250 Yonge St, Toronto, ON M5B 2L7", {"house_number": "250", "street": "Yonge St", "locality": "Toronto",
                                           "region": "ON", "postcode": "M5B 2L7"}),
    ("3401 Walnut St, Philadelphia, PA 19104", {"house_number": "3401", "street": "Walnut St",
                                                "locality": "Philadelphia", "region": "PA", "postcode": "19104",
                                                "country": None}),
    ("45 Queen Street West, Hamilton, ON L8P 1V5, Canada", {"house_number": "45", "street": "Queen Street West",
                                                            "locality": "Hamilton", "region": "ON",
                                                            "postcode": "L8P 1V5", "country": "Canada"}),
    ("Calle Larios 5, 29005 Málaga", {"street": "Calle Larios", "house_number": "5", "postcode": "29005",
                                      "locality": "Málaga"}),
    ("Rua das Flores 20, 4050-265 Porto, Portugal", {"street": "Rua das Flores", "house_number": "20",
                                                     "postcode": "4050-265", "locality": "Porto",
                                                     "country": "Portugal"}),
    ("Ul. Piotrkowska 100, 90-004 Łódź, Polska", {"street": "Ul. Piotrkowska", "house_number": "100",
                                                  "postcode": "90-004", "locality": "Łódź", "country": "Polska"}),
]


if __name__ == "__main__":
    sys.exit(main("v15_probe", CASES, HERE, sys.argv[1:]))
