"""Harder full addresses, probed on an arm: written at stop 33 (2026-11-27) before any arm parsed them and before any
change of that session (no public test suite; no Faker output). Units, floors and post boxes in local words; lower
case without commas; native country names; venues and care-of lines; rural and highway forms. A case is right when the
parse has exactly these values for the labels given (a label given as None must be absent).

Run: ``python results/experiments/v14b_probe/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
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
    # post boxes in local words
    ("Postfach 10 20 30, 70173 Stuttgart", {"po_box": "Postfach 10 20 30", "postcode": "70173",
                                            "locality": "Stuttgart"}),
    ("Apartado 1234, 28080 Madrid", {"po_box": "Apartado 1234", "postcode": "28080", "locality": "Madrid"}),
    ("Caixa Postal 456, Belo Horizonte - MG, 30110-970", {"po_box": "Caixa Postal 456", "locality": "Belo Horizonte",
                                                          "region": "MG", "postcode": "30110-970"}),
    ("BP 45, 69001 Lyon", {"po_box": "BP 45", "postcode": "69001", "locality": "Lyon"}),
    ("P.O. Box 30552, Nairobi, Kenya", {"po_box": "P.O. Box 30552", "locality": "Nairobi", "country": "Kenya"}),
    ("GPO Box 1234, Sydney NSW 2001", {"po_box": "GPO Box 1234", "locality": "Sydney", "region": "NSW",
                                       "postcode": "2001"}),
    # floors and flats in local words
    ("Calle Mayor 5, 3º B, 28013 Madrid", {"street": "Calle Mayor", "house_number": "5", "postcode": "28013",
                                           "locality": "Madrid"}),
    ("Hauptstraße 12, Whg. 4, 10115 Berlin", {"street": "Hauptstraße", "house_number": "12", "unit": "Whg. 4",
                                              "postcode": "10115", "locality": "Berlin"}),
    ("Rua Augusta 100, Apto 52, São Paulo - SP", {"street": "Rua Augusta", "house_number": "100", "unit": "Apto 52",
                                                  "locality": "São Paulo", "region": "SP"}),
    ("Apt 12, 45 Park Avenue, New York, NY 10016", {"unit": "Apt 12", "house_number": "45", "street": "Park Avenue",
                                                    "locality": "New York", "region": "NY", "postcode": "10016"}),
    ("Unit 5, 22 George Street, Brisbane QLD 4000", {"unit": "Unit 5", "house_number": "22",
                                                     "street": "George Street", "locality": "Brisbane",
                                                     "region": "QLD", "postcode": "4000"}),
    ("5/22 George Street, Brisbane QLD 4000", {"street": "George Street", "locality": "Brisbane", "region": "QLD",
                                               "postcode": "4000"}),
    ("Suite 400, 1 Yonge Street, Toronto, ON M5E 1E5", {"unit": "Suite 400", "house_number": "1",
                                                        "street": "Yonge Street", "locality": "Toronto",
                                                        "region": "ON", "postcode": "M5E 1E5"}),
    # lower case, no commas
    ("hauptstrasse 5 8001 zurich", {"street": "hauptstrasse", "house_number": "5", "postcode": "8001",
                                    "locality": "zurich"}),
    ("12 rue de la paix 75002 paris france", {"house_number": "12", "street": "rue de la paix", "postcode": "75002",
                                              "locality": "paris", "country": "france"}),
    ("via garibaldi 3 16124 genova", {"street": "via garibaldi", "house_number": "3", "postcode": "16124",
                                      "locality": "genova"}),
    ("calle 50 n 12 ciudad de panama", {"locality": "ciudad de panama"}),
    ("4 privet drive little whinging surrey", {"house_number": "4", "street": "privet drive"}),
    ("1200 n state st chicago il 60610", {"house_number": "1200", "street": "n state st", "locality": "chicago",
                                          "region": "il", "postcode": "60610"}),
    ("55 water st brooklyn ny 11201", {"house_number": "55", "street": "water st", "locality": "brooklyn",
                                       "region": "ny", "postcode": "11201"}),
    ("800 boylston street boston massachusetts", {"house_number": "800", "street": "boylston street",
                                                  "locality": "boston", "region": "massachusetts"}),
    # native country names
    ("Ilica 10, 10000 Zagreb, Hrvatska", {"street": "Ilica", "house_number": "10", "postcode": "10000",
                                          "locality": "Zagreb", "country": "Hrvatska"}),
    ("Vilniaus g. 20, 01402 Vilnius, Lietuva", {"street": "Vilniaus g.", "house_number": "20", "postcode": "01402",
                                                "locality": "Vilnius", "country": "Lietuva"}),
    ("Strøget 15, 1160 København, Danmark", {"street": "Strøget", "house_number": "15", "postcode": "1160",
                                             "locality": "København", "country": "Danmark"}),
    ("Kungsgatan 4, 411 19 Göteborg, Sverige", {"street": "Kungsgatan", "house_number": "4", "postcode": "411 19",
                                                "locality": "Göteborg", "country": "Sverige"}),
    ("Aleksanterinkatu 15, 00100 Helsinki, Suomi", {"street": "Aleksanterinkatu", "house_number": "15",
                                                    "postcode": "00100", "locality": "Helsinki", "country": "Suomi"}),
    ("ул. Арбат 10, Москва, Россия", {"street": "ул. Арбат", "house_number": "10", "locality": "Москва",
                                      "country": "Россия"}),
    ("Prešernov trg 1, 1000 Ljubljana, Slovenija", {"street": "Prešernov trg", "house_number": "1",
                                                    "postcode": "1000", "locality": "Ljubljana",
                                                    "country": "Slovenija"}),
    ("Kärntner Straße 1, 1010 Wien, Austria", {"street": "Kärntner Straße", "house_number": "1", "postcode": "1010",
                                               "locality": "Wien", "country": "Austria"}),
    # venues, care of, attention
    ("c/o Jane Smith, 100 Main Street, Springfield, IL 62701", {"house_number": "100", "street": "Main Street",
                                                                "locality": "Springfield", "region": "IL",
                                                                "postcode": "62701"}),
    ("Hotel Adlon, Unter den Linden 77, 10117 Berlin", {"venue": "Hotel Adlon", "street": "Unter den Linden",
                                                        "house_number": "77", "postcode": "10117",
                                                        "locality": "Berlin"}),
    ("Sydney Opera House, Bennelong Point, Sydney NSW 2000", {"venue": "Sydney Opera House", "locality": "Sydney",
                                                             "region": "NSW", "postcode": "2000"}),
    ("Universidad de Chile, Av. Libertador Bernardo O'Higgins 1058, Santiago",
     {"venue": "Universidad de Chile", "street": "Av. Libertador Bernardo O'Higgins", "house_number": "1058",
      "locality": "Santiago"}),
    # rural, highway, numbered streets
    ("4500 State Route 7, Carrollton, OH 44615", {"house_number": "4500", "street": "State Route 7",
                                                  "locality": "Carrollton", "region": "OH", "postcode": "44615"}),
    ("12345 Highway 61 N, Lake City, MN 55041", {"house_number": "12345", "street": "Highway 61 N",
                                                 "locality": "Lake City", "region": "MN", "postcode": "55041"}),
    ("N6543 County Road K, Fond du Lac, WI 54937", {"house_number": "N6543", "street": "County Road K",
                                                    "locality": "Fond du Lac", "region": "WI", "postcode": "54937"}),
    ("123 W 42nd St, New York, NY 10036", {"house_number": "123", "street": "W 42nd St", "locality": "New York",
                                           "region": "NY", "postcode": "10036"}),
    ("2500 E 2nd Ave, Salt Lake City, UT 84108", {"house_number": "2500", "street": "E 2nd Ave",
                                                  "locality": "Salt Lake City", "region": "UT", "postcode": "84108"}),
    # places that carry label words or codes
    ("15 Bay Street, Port Elizabeth, 6001, South Africa", {"house_number": "15", "street": "Bay Street",
                                                           "locality": "Port Elizabeth", "postcode": "6001",
                                                           "country": "South Africa"}),
    ("3 Church Road, Street, Somerset BA16 0AA", {"house_number": "3", "street": "Church Road", "locality": "Street",
                                                  "postcode": "BA16 0AA"}),
    ("22 High Street, Newport, Isle of Wight PO30 1SS", {"house_number": "22", "street": "High Street",
                                                         "locality": "Newport", "postcode": "PO30 1SS"}),
    ("100 Main St, Paris, TX 75460", {"house_number": "100", "street": "Main St", "locality": "Paris",
                                      "region": "TX", "postcode": "75460", "country": None}),
    ("50 Broad St, Columbus, GA 31901", {"house_number": "50", "street": "Broad St", "locality": "Columbus",
                                         "region": "GA", "postcode": "31901", "country": None}),
    ("900 Canal St, New Orleans, LA 70112", {"house_number": "900", "street": "Canal St", "locality": "New Orleans",
                                             "region": "LA", "postcode": "70112", "country": None}),
    ("77 Main Street, Delaware, OH 43015", {"house_number": "77", "street": "Main Street", "locality": "Delaware",
                                            "region": "OH", "postcode": "43015", "country": None}),
    # intersections
    ("corner of Main St and 3rd Ave, Seattle, WA", {"locality": "Seattle", "region": "WA"}),
    ("Broadway & W 34th St, New York, NY", {"locality": "New York", "region": "NY"}),
]


if __name__ == "__main__":
    sys.exit(main("v14b_probe", CASES, HERE, sys.argv[1:]))
