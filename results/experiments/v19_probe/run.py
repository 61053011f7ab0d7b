"""Full addresses, probed on an arm: written at stop 33 (2026-11-27) before the corpus 0.17.0 candidates were trained
(no public test suite; no Faker output); information for ``results/experiments/ft0170``. Phone numbers, postcode
words, Baltic streets, the postcode after the city, Hong Kong floors, Canada Post's French form, Irish counties, local
post boxes, and everyday addresses for contrast. A case is right when the parse has exactly these values for the
labels given (a label given as None must be absent).

Run: ``python results/experiments/v19_probe/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
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
    ("Kurfürstendamm 21, 10719 Berlin, Tel. 030 884340", {"street": "Kurfürstendamm", "house_number": "21",
                                                          "postcode": "10719", "locality": "Berlin"}),
    ("Rambla de Catalunya 20, 08007 Barcelona. Tel: 932 123 456", {"street": "Rambla de Catalunya",
                                                                    "house_number": "20", "postcode": "08007",
                                                                    "locality": "Barcelona"}),
    ("600 Congress Ave, Austin, TX 78701 | (512) 555-0199", {"house_number": "600", "street": "Congress Ave",
                                                             "locality": "Austin", "region": "TX",
                                                             "postcode": "78701"}),
    ("Rua Augusta, 1500, Consolação, São Paulo - SP, CEP: 01304-001", {"street": "Rua Augusta",
                                                                       "house_number": "1500",
                                                                       "suburb": "Consolação",
                                                                       "locality": "São Paulo", "region": "SP",
                                                                       "postcode": "CEP: 01304-001"}),
    ("22 Residency Road, Bengaluru, PIN 560025", {"house_number": "22", "street": "Residency Road",
                                                  "locality": "Bengaluru", "postcode": "PIN 560025"}),
    ("Savanorių pr. 28, LT-03116 Vilnius", {"street": "Savanorių pr.", "house_number": "28", "postcode": "LT-03116",
                                            "locality": "Vilnius"}),
    ("Kalnciema iela 12, Rīga, LV-1048, Latvija", {"street": "Kalnciema iela", "house_number": "12",
                                                   "locality": "Rīga", "postcode": "LV-1048", "country": "Latvija"}),
    ("Narva mnt 7, 10117 Tallinn", {"street": "Narva mnt", "house_number": "7", "postcode": "10117",
                                    "locality": "Tallinn"}),
    ("ул. Пушкина, 10, Воронеж, 394036, Россия", {"street": "ул. Пушкина", "house_number": "10", "locality": "Воронеж",
                                                  "postcode": "394036", "country": "Россия"}),
    ("вул. Сумська, 25, Харків, 61057, Україна", {"street": "вул. Сумська", "house_number": "25", "locality": "Харків",
                                                  "postcode": "61057", "country": "Україна"}),
    ("Flat B, 8/F, 15 Hennessy Road, Wan Chai, Hong Kong", {"unit": "Flat B", "level": "8/F", "house_number": "15",
                                                            "street": "Hennessy Road"}),
    ("Unit 3, 21/F, 77 Wing Lok Street, Sheung Wan", {"level": "21/F", "house_number": "77",
                                                      "street": "Wing Lok Street"}),
    ("300, rue Saint-Paul, Québec (Québec)  G1K 3W3", {"house_number": "300", "street": "rue Saint-Paul",
                                                       "locality": "Québec", "region": "(Québec)",
                                                       "postcode": "G1K 3W3"}),
    ("55, avenue du Mont-Royal Est, Montréal (Québec) H2T 1N6", {"house_number": "55",
                                                                 "street": "avenue du Mont-Royal Est",
                                                                 "locality": "Montréal", "region": "(Québec)",
                                                                 "postcode": "H2T 1N6"}),
    ("Church Street, Listowel, Co. Kerry", {"street": "Church Street", "locality": "Listowel",
                                            "county": "Co. Kerry"}),
    ("3 Bridge Street, Mallow, Co. Cork, P51 AB12", {"house_number": "3", "street": "Bridge Street",
                                                     "locality": "Mallow", "county": "Co. Cork",
                                                     "postcode": "P51 AB12"}),
    ("Postboks 250, 9256 Tromsø", {"po_box": "Postboks 250", "postcode": "9256", "locality": "Tromsø"}),
    ("Postbus 300, 3500 AH Utrecht", {"po_box": "Postbus 300", "postcode": "3500 AH", "locality": "Utrecht"}),
    ("а/я 7, Новосибирск, 630001", {"po_box": "а/я 7", "locality": "Новосибирск", "postcode": "630001"}),
    ("Postfach 10 14 42, 20009 Hamburg", {"po_box": "Postfach 10 14 42", "postcode": "20009", "locality": "Hamburg"}),
    ("CH-4051 Basel, Steinenvorstadt 2", {"postcode": "CH-4051", "locality": "Basel", "street": "Steinenvorstadt",
                                          "house_number": "2"}),
    ("Lange Voorhout 8, NL-2514 ED Den Haag", {"street": "Lange Voorhout", "house_number": "8",
                                               "postcode": "NL-2514 ED", "locality": "Den Haag"}),
    ("1 E Pratt St, Baltimore, MD 21202", {"house_number": "1", "street": "E Pratt St", "locality": "Baltimore",
                                           "region": "MD", "postcode": "21202"}),
    ("3900 Las Vegas Blvd S, Las Vegas, NV 89119", {"house_number": "3900", "street": "Las Vegas Blvd S",
                                                    "locality": "Las Vegas", "region": "NV", "postcode": "89119"}),
    ("100 N Tryon St Ste 200, Charlotte, NC 28202", {"house_number": "100", "street": "N Tryon St",
                                                     "unit": "Ste 200", "locality": "Charlotte", "region": "NC",
                                                     "postcode": "28202"}),
    ("Mönckebergstraße 7, 20095 Hamburg", {"street": "Mönckebergstraße", "house_number": "7", "postcode": "20095",
                                           "locality": "Hamburg"}),
    ("Piazza San Marco 1, 30124 Venezia VE", {"street": "Piazza San Marco", "house_number": "1", "postcode": "30124",
                                              "locality": "Venezia", "region": "VE"}),
    ("Calle Sierpes 30, 41004 Sevilla", {"street": "Calle Sierpes", "house_number": "30", "postcode": "41004",
                                         "locality": "Sevilla"}),
    ("15 Princes Street, Edinburgh EH2 2BY, Scotland", {"house_number": "15", "street": "Princes Street",
                                                        "locality": "Edinburgh", "postcode": "EH2 2BY"}),
    ("Storgatan 14, 903 26 Umeå", {"street": "Storgatan", "house_number": "14", "postcode": "903 26",
                                   "locality": "Umeå"}),
]


if __name__ == "__main__":
    sys.exit(main("v19_probe", CASES, HERE, sys.argv[1:]))
