"""Full addresses, probed on an arm: written at stop 34 (2026-11-27) before the corpus 0.19.0 candidates were trained
(no public test suite; no Faker output; no building name of any corpus list); information for
``results/experiments/ft0190``. A district before its city, a building after the flat, and everyday addresses for
contrast. A case is right when the parse has exactly these values for the labels given (a label given as None must be
absent).

Run: ``python results/experiments/v22_probe/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
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
    ("Istiklal Caddesi No:88, Beyoğlu, İstanbul", {"street": "Istiklal Caddesi", "house_number": "No:88",
                                                  "suburb": "Beyoğlu", "locality": "İstanbul"}),
    ("Tunalı Hilmi Caddesi 50, Kavaklıdere, Ankara", {"street": "Tunalı Hilmi Caddesi", "house_number": "50",
                                                      "suburb": "Kavaklıdere", "locality": "Ankara"}),
    ("Av. Providencia 2124, Providencia, Santiago", {"street": "Av. Providencia", "house_number": "2124",
                                                     "locality": "Santiago"}),
    ("Rua Visconde de Pirajá 500, Ipanema, Rio de Janeiro", {"street": "Rua Visconde de Pirajá",
                                                             "house_number": "500", "suburb": "Ipanema",
                                                             "locality": "Rio de Janeiro"}),
    ("Av. Santa Fe 3253, Recoleta, Buenos Aires", {"street": "Av. Santa Fe", "house_number": "3253",
                                                   "suburb": "Recoleta", "locality": "Buenos Aires"}),
    ("Schönhauser Allee 36, Prenzlauer Berg, 10435 Berlin", {"street": "Schönhauser Allee", "house_number": "36",
                                                             "suburb": "Prenzlauer Berg", "postcode": "10435",
                                                             "locality": "Berlin"}),
    ("Calle de Fuencarral 70, Malasaña, 28004 Madrid", {"street": "Calle de Fuencarral", "house_number": "70",
                                                        "suburb": "Malasaña", "postcode": "28004",
                                                        "locality": "Madrid"}),
    ("3-5-1 Roppongi, Minato-ku, Tokyo", {"locality": "Tokyo"}),
    ("12 Itaewon-ro, Yongsan-gu, Seoul", {"house_number": "12", "street": "Itaewon-ro", "locality": "Seoul"}),
    ("Jl. Kemang Raya No. 8, Mampang Prapatan, Jakarta Selatan", {"street": "Jl. Kemang Raya",
                                                                  "house_number": "No. 8",
                                                                  "locality": "Jakarta Selatan"}),
    ("Flat 5A, Ocean Crest, Carter Road, Bandra West, Mumbai 400050", {"unit": "Flat 5A", "venue": "Ocean Crest",
                                                                       "street": "Carter Road",
                                                                       "suburb": "Bandra West",
                                                                       "locality": "Mumbai", "postcode": "400050"}),
    ("Office 910, Burj Daman, Al Mustaqbal Street, DIFC, Dubai", {"unit": "Office 910", "venue": "Burj Daman",
                                                                  "street": "Al Mustaqbal Street",
                                                                  "locality": "Dubai"}),
    ("Unit 14, Ridgeway Court, 9 Mill Lane, Bristol BS3 4DD", {"unit": "Unit 14", "venue": "Ridgeway Court",
                                                               "house_number": "9", "street": "Mill Lane",
                                                               "locality": "Bristol", "postcode": "BS3 4DD"}),
    ("Suite 4, Kenbridge Chambers, 21 Moi Avenue, Mombasa", {"unit": "Suite 4", "venue": "Kenbridge Chambers",
                                                             "house_number": "21", "street": "Moi Avenue",
                                                             "locality": "Mombasa"}),
    ("Shop 3, Carlton Arcade, 15 Main Road, Claremont, Cape Town", {"unit": "Shop 3", "venue": "Carlton Arcade",
                                                                    "house_number": "15", "street": "Main Road",
                                                                    "suburb": "Claremont",
                                                                    "locality": "Cape Town"}),
    ("Kungsgatan 44, 111 35 Stockholm", {"street": "Kungsgatan", "house_number": "44", "postcode": "111 35",
                                         "locality": "Stockholm"}),
    ("Rynek Główny 3, 31-042 Kraków", {"street": "Rynek Główny", "house_number": "3", "postcode": "31-042",
                                       "locality": "Kraków"}),
    ("Via del Corso 120, 00186 Roma RM", {"street": "Via del Corso", "house_number": "120", "postcode": "00186",
                                          "locality": "Roma", "region": "RM"}),
    ("Rue de la République 40, 69002 Lyon", {"street": "Rue de la République", "house_number": "40",
                                             "postcode": "69002", "locality": "Lyon"}),
    ("Grote Markt 1, 2000 Antwerpen", {"street": "Grote Markt", "house_number": "1", "postcode": "2000",
                                       "locality": "Antwerpen"}),
    ("Mannerheimintie 20, 00100 Helsinki, Suomi", {"street": "Mannerheimintie", "house_number": "20",
                                                   "postcode": "00100", "locality": "Helsinki",
                                                   "country": "Suomi"}),
    ("Váci út 33, 1134 Budapest", {"street": "Váci út", "house_number": "33", "postcode": "1134",
                                   "locality": "Budapest"}),
    ("Calle 50 y Calle 53, Obarrio, Panamá", {"locality": "Panamá"}),
    ("Av. Arequipa 1200, Lince, Lima", {"street": "Av. Arequipa", "house_number": "1200", "suburb": "Lince",
                                        "locality": "Lima"}),
    ("1455 Market St Fl 6, San Francisco, CA 94103", {"house_number": "1455", "street": "Market St", "level": "Fl 6",
                                                      "locality": "San Francisco", "region": "CA",
                                                      "postcode": "94103"}),
    ("88 Colin P Kelly Jr St, San Francisco, CA 94107", {"house_number": "88", "street": "Colin P Kelly Jr St",
                                                         "locality": "San Francisco", "region": "CA",
                                                         "postcode": "94107"}),
    ("PO Box 1234, Anchorage, AK 99510", {"po_box": "PO Box 1234", "locality": "Anchorage", "region": "AK",
                                          "postcode": "99510"}),
    ("45 Rideau St, Ottawa, ON K1N 5W8", {"house_number": "45", "street": "Rideau St", "locality": "Ottawa",
                                          "region": "ON", "postcode": "K1N 5W8"}),
    ("10 Queen's Road, Central, Hong Kong", {"house_number": "10", "street": "Queen's Road"}),
    ("22 Stamford Road, Singapore 178891", {"house_number": "22", "street": "Stamford Road",
                                            "postcode": "178891"}),
]


if __name__ == "__main__":
    sys.exit(main("v22_probe", CASES, HERE, sys.argv[1:]))
