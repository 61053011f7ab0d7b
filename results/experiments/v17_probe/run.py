"""Full addresses, probed on an arm: written at stop 33 (2026-11-27) while the corpus 0.15.0 candidates trained,
before either candidate parsed them (no public test suite; no Faker output); information for
``results/experiments/ft0150``, whose kinds ``v16_probe`` chose. Phone numbers, postcodes with their word, country
letters before the postcode, floors in Hong Kong and Chinese-speaking places, Canada Post's French form, Irish
counties, local post boxes, and everyday addresses for contrast. A case is right when the parse has exactly these
values for the labels given (a label given as None must be absent).

Run: ``python results/experiments/v17_probe/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
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
    ("Damrak 1, 1012 LG Amsterdam, Tel: +31 20 555 1234", {"street": "Damrak", "house_number": "1",
                                                           "postcode": "1012 LG", "locality": "Amsterdam"}),
    ("Leopoldstraße 8, 80802 München - Telefon: 089 123456", {"street": "Leopoldstraße", "house_number": "8",
                                                              "postcode": "80802", "locality": "München"}),
    ("350 Fifth Avenue, New York, NY 10118, Phone: (212) 736-3100", {"house_number": "350", "street": "Fifth Avenue",
                                                                     "locality": "New York", "region": "NY",
                                                                     "postcode": "10118"}),
    ("Tel. 01 42 68 53 00, 16 rue de la Paix, 75002 Paris", {"house_number": "16", "street": "rue de la Paix",
                                                             "postcode": "75002", "locality": "Paris"}),
    ("Gran Vía 1, 28013 Madrid, tfno. 915 123 456", {"street": "Gran Vía", "house_number": "1", "postcode": "28013",
                                                     "locality": "Madrid"}),
    # postcodes with their word
    ("Rua Oscar Freire, 500, Jardins, São Paulo - SP, CEP 01426-001", {"street": "Rua Oscar Freire",
                                                                       "house_number": "500", "suburb": "Jardins",
                                                                       "locality": "São Paulo", "region": "SP",
                                                                       "postcode": "CEP 01426-001"}),
    ("12 MG Road, Bengaluru, Karnataka, PIN 560001", {"house_number": "12", "street": "MG Road",
                                                      "locality": "Bengaluru", "region": "Karnataka",
                                                      "postcode": "PIN 560001"}),
    ("Av. Insurgentes Sur 1000, Col. del Valle, C.P. 03100, Ciudad de México", {"street": "Av. Insurgentes Sur",
                                                                                "house_number": "1000",
                                                                                "suburb": "Col. del Valle",
                                                                                "postcode": "C.P. 03100",
                                                                                "locality": "Ciudad de México"}),
    ("100 Main St, Springfield, IL, Zip: 62701", {"house_number": "100", "street": "Main St",
                                                  "locality": "Springfield", "region": "IL",
                                                  "postcode": "Zip: 62701"}),
    # country letters
    ("Bahnhofplatz 1, CH-3011 Bern", {"street": "Bahnhofplatz", "house_number": "1", "postcode": "CH-3011",
                                      "locality": "Bern"}),
    ("Mozartplatz 1, A-5020 Salzburg", {"street": "Mozartplatz", "house_number": "1", "postcode": "A-5020",
                                        "locality": "Salzburg"}),
    ("Grote Markt 1, B-1000 Brussel", {"street": "Grote Markt", "house_number": "1", "postcode": "B-1000",
                                       "locality": "Brussel"}),
    ("Nyhavn 17, DK-1051 København", {"street": "Nyhavn", "house_number": "17", "postcode": "DK-1051",
                                      "locality": "København"}),
    ("Sveavägen 44, S-111 34 Stockholm", {"street": "Sveavägen", "house_number": "44", "postcode": "S-111 34",
                                          "locality": "Stockholm"}),
    # floors
    ("Room 1203, 12/F, Tower 1, Times Square, 1 Matheson Street, Causeway Bay, Hong Kong",
     {"level": "12/F", "house_number": "1", "street": "Matheson Street"}),
    ("Shop G12, G/F, 100 Nathan Road, Tsim Sha Tsui, Kowloon", {"level": "G/F", "house_number": "100",
                                                                "street": "Nathan Road"}),
    ("5/F, 18 Queen's Road Central, Central, Hong Kong", {"level": "5/F", "house_number": "18",
                                                          "street": "Queen's Road Central"}),
    # Canada Post's French form
    ("1500, rue Sainte-Catherine Ouest, Montréal (Québec)  H3G 1S4", {"house_number": "1500",
                                                                      "street": "rue Sainte-Catherine Ouest",
                                                                      "locality": "Montréal", "region": "(Québec)",
                                                                      "postcode": "H3G 1S4"}),
    ("25, boulevard des Forges, Trois-Rivières (Québec) G9A 2G4", {"house_number": "25",
                                                                   "street": "boulevard des Forges",
                                                                   "locality": "Trois-Rivières",
                                                                   "region": "(Québec)", "postcode": "G9A 2G4"}),
    ("111, rue Wellington, Ottawa (Ontario) K1A 0A9", {"house_number": "111", "street": "rue Wellington",
                                                       "locality": "Ottawa", "region": "(Ontario)",
                                                       "postcode": "K1A 0A9"}),
    # Irish counties
    ("The Square, Kenmare, Co. Kerry, V93 X2Y3", {"locality": "Kenmare", "county": "Co. Kerry",
                                                  "postcode": "V93 X2Y3"}),
    ("14 Quay Street, Galway, Co. Galway", {"house_number": "14", "street": "Quay Street", "locality": "Galway",
                                            "county": "Co. Galway"}),
    ("Main Street, Adare, County Limerick", {"street": "Main Street", "locality": "Adare",
                                             "county": "County Limerick"}),
    # local post boxes
    ("Postboks 1500 Vika, 0116 Oslo", {"postcode": "0116", "locality": "Oslo"}),
    ("Postbus 19121, 2500 CC Den Haag", {"po_box": "Postbus 19121", "postcode": "2500 CC", "locality": "Den Haag"}),
    ("а/я 101, Екатеринбург, 620000", {"po_box": "а/я 101", "locality": "Екатеринбург", "postcode": "620000"}),
    ("Private Bag X6001, Potchefstroom, 2520", {"po_box": "Private Bag X6001", "locality": "Potchefstroom",
                                                "postcode": "2520"}),
    ("Casella Postale 300, 50100 Firenze", {"po_box": "Casella Postale 300", "postcode": "50100",
                                            "locality": "Firenze"}),
    # everyday addresses, for contrast
    ("Am Hof 2, 1010 Wien", {"street": "Am Hof", "house_number": "2", "postcode": "1010", "locality": "Wien"}),
    ("Rynek 1, 50-106 Wrocław", {"street": "Rynek", "house_number": "1", "postcode": "50-106",
                                 "locality": "Wrocław"}),
    ("2 Rue des Carmes, 31000 Toulouse", {"house_number": "2", "street": "Rue des Carmes", "postcode": "31000",
                                          "locality": "Toulouse"}),
    ("1 Queen St E, Brampton, ON L6W 2A9", {"house_number": "1", "street": "Queen St E", "locality": "Brampton",
                                            "region": "ON", "postcode": "L6W 2A9"}),
    ("77 Massachusetts Ave, Cambridge, MA 02139", {"house_number": "77", "street": "Massachusetts Ave",
                                                   "locality": "Cambridge", "region": "MA", "postcode": "02139"}),
    ("Via Garibaldi 9, 16124 Genova GE", {"street": "Via Garibaldi", "house_number": "9", "postcode": "16124",
                                          "locality": "Genova", "region": "GE"}),
]


if __name__ == "__main__":
    sys.exit(main("v17_probe", CASES, HERE, sys.argv[1:]))
