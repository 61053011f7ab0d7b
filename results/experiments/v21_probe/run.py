"""Full addresses, probed on an arm: written at stop 34 (2026-11-27) while the corpus 0.18.0 candidates trained, before
either parsed them (no public test suite; no Faker output); information for ``results/experiments/ft0180``. A
district before its city, a building's name after the flat, and everyday addresses of many countries for contrast. A
case is right when the parse has exactly these values for the labels given (a label given as None must be absent).

Run: ``python results/experiments/v21_probe/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
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
    ("Bağdat Caddesi No:210, Kadıköy, İstanbul", {"street": "Bağdat Caddesi", "house_number": "No:210",
                                                 "suburb": "Kadıköy", "locality": "İstanbul"}),
    ("Calle Jorge Newbery 1850, Palermo, Buenos Aires", {"street": "Calle Jorge Newbery", "house_number": "1850",
                                                         "suburb": "Palermo", "locality": "Buenos Aires"}),
    ("Oranienstraße 25, Kreuzberg, 10999 Berlin", {"street": "Oranienstraße", "house_number": "25",
                                                   "suburb": "Kreuzberg", "postcode": "10999", "locality": "Berlin"}),
    ("Av. Larco 345, Miraflores, Lima 15074", {"street": "Av. Larco", "house_number": "345", "suburb": "Miraflores",
                                               "locality": "Lima", "postcode": "15074"}),
    ("Calle Gran Vía 28, Centro, 28013 Madrid", {"street": "Calle Gran Vía", "house_number": "28",
                                                 "suburb": "Centro", "postcode": "28013", "locality": "Madrid"}),
    ("45 Teheran-ro, Gangnam-gu, Seoul", {"house_number": "45", "street": "Teheran-ro", "locality": "Seoul"}),
    ("Sukhumvit Soi 11, Khlong Toei Nuea, Watthana, Bangkok 10110", {"street": "Sukhumvit Soi 11",
                                                                     "locality": "Bangkok", "postcode": "10110"}),
    ("Flat 12B, Lotus Towers, 14 Park Street, Kolkata 700016", {"unit": "Flat 12B", "venue": "Lotus Towers",
                                                                "house_number": "14", "street": "Park Street",
                                                                "locality": "Kolkata", "postcode": "700016"}),
    ("Apartment 2304, Marina Heights, Al Marsa Street, Dubai Marina, Dubai", {"unit": "Apartment 2304",
                                                                              "venue": "Marina Heights",
                                                                              "street": "Al Marsa Street",
                                                                              "suburb": "Dubai Marina",
                                                                              "locality": "Dubai"}),
    ("Suite 8, Kingsway House, 103 Kingsway, London WC2B 6QX", {"unit": "Suite 8", "venue": "Kingsway House",
                                                                "house_number": "103", "street": "Kingsway",
                                                                "locality": "London", "postcode": "WC2B 6QX"}),
    ("Unit 7, Westgate Plaza, 22 Ngong Road, Nairobi", {"unit": "Unit 7", "venue": "Westgate Plaza",
                                                        "house_number": "22", "street": "Ngong Road",
                                                        "locality": "Nairobi"}),
    ("Rua da Consolação 2200, Consolação, São Paulo - SP", {"street": "Rua da Consolação", "house_number": "2200",
                                                            "suburb": "Consolação", "locality": "São Paulo",
                                                            "region": "SP"}),
    ("Karl Johans gate 22, 0159 Oslo", {"street": "Karl Johans gate", "house_number": "22", "postcode": "0159",
                                        "locality": "Oslo"}),
    ("Nørregade 7, 1165 København", {"street": "Nørregade", "house_number": "7", "postcode": "1165",
                                     "locality": "København"}),
    ("Ringstraße 14, 4020 Linz, Oberösterreich", {"street": "Ringstraße", "house_number": "14", "postcode": "4020",
                                                  "locality": "Linz", "region": "Oberösterreich"}),
    ("Via Toledo 256, 80132 Napoli NA", {"street": "Via Toledo", "house_number": "256", "postcode": "80132",
                                         "locality": "Napoli", "region": "NA"}),
    ("Avenida da Liberdade 110, 1269-046 Lisboa", {"street": "Avenida da Liberdade", "house_number": "110",
                                                   "postcode": "1269-046", "locality": "Lisboa"}),
    ("ul. Floriańska 15, 31-019 Kraków, Polska", {"street": "ul. Floriańska", "house_number": "15",
                                                 "postcode": "31-019", "locality": "Kraków", "country": "Polska"}),
    ("Kossuth Lajos utca 12, 6720 Szeged", {"street": "Kossuth Lajos utca", "house_number": "12",
                                            "postcode": "6720", "locality": "Szeged"}),
    ("Strada Lipscani 50, București 030033", {"street": "Strada Lipscani", "house_number": "50",
                                              "locality": "București", "postcode": "030033"}),
    ("Odos Tsimiski 40, 546 23 Thessaloniki", {"street": "Odos Tsimiski", "house_number": "40", "postcode": "546 23",
                                               "locality": "Thessaloniki"}),
    ("King Fahd Road, Al Olaya, Riyadh 12214, Saudi Arabia", {"street": "King Fahd Road", "suburb": "Al Olaya",
                                                              "locality": "Riyadh", "postcode": "12214",
                                                              "country": "Saudi Arabia"}),
    ("15 Adetokunbo Ademola Street, Victoria Island, Lagos", {"house_number": "15",
                                                              "street": "Adetokunbo Ademola Street",
                                                              "suburb": "Victoria Island", "locality": "Lagos"}),
    ("88 Orchard Road, #05-12, Singapore 238839", {"house_number": "88", "street": "Orchard Road",
                                                   "unit": "#05-12", "postcode": "238839"}),
    ("Level 3, 50 Carrington Street, Sydney NSW 2000", {"level": "Level 3", "house_number": "50",
                                                        "street": "Carrington Street", "locality": "Sydney",
                                                        "region": "NSW", "postcode": "2000"}),
    ("742 Evergreen Terrace, Springfield, IL 62704", {"house_number": "742", "street": "Evergreen Terrace",
                                                      "locality": "Springfield", "region": "IL",
                                                      "postcode": "62704"}),
    ("500 W Madison St Ste 1000, Chicago, IL 60661", {"house_number": "500", "street": "W Madison St",
                                                      "unit": "Ste 1000", "locality": "Chicago", "region": "IL",
                                                      "postcode": "60661"}),
    ("2100 Rue Sainte-Catherine O, Montréal, QC H3H 2T3", {"house_number": "2100",
                                                           "street": "Rue Sainte-Catherine O",
                                                           "locality": "Montréal", "region": "QC",
                                                           "postcode": "H3H 2T3"}),
    ("Calle 93 # 11-26, Chapinero, Bogotá", {"street": "Calle 93", "house_number": "# 11-26",
                                             "suburb": "Chapinero", "locality": "Bogotá"}),
    ("Av. Paseo de la Reforma 222, Juárez, Ciudad de México", {"street": "Av. Paseo de la Reforma",
                                                               "house_number": "222", "suburb": "Juárez",
                                                               "locality": "Ciudad de México"}),
]


if __name__ == "__main__":
    sys.exit(main("v21_probe", CASES, HERE, sys.argv[1:]))
