"""Full addresses, probed on an arm: written at stop 34 (2026-11-27) before any corpus 0.18.0 candidate existed
(no public test suite; no Faker output). Everyday addresses of Latin America, South and South-East Asia, Oceania,
Africa, the Middle East and Europe, in their countries' own layouts: colonias, barangays and districts as suburbs,
floor and office words, slashed and "No:" numbers, romanized East Asian addresses, a street named for a date. A case
is right when the parse has exactly these values for the labels given (a label given as None must be absent).

Run: ``python results/experiments/v20_probe/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
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
    ("Carrera 7 # 71-21, Bogotá, Colombia", {"street": "Carrera 7", "house_number": "# 71-21", "locality": "Bogotá",
                                             "country": "Colombia"}),
    ("Av. Apoquindo 3000, Piso 5, Las Condes, Santiago", {"street": "Av. Apoquindo", "house_number": "3000",
                                                          "level": "Piso 5", "suburb": "Las Condes",
                                                          "locality": "Santiago"}),
    ("Av. Corrientes 1234, Piso 3, C1043AAZ Buenos Aires", {"street": "Av. Corrientes", "house_number": "1234",
                                                            "level": "Piso 3", "postcode": "C1043AAZ",
                                                            "locality": "Buenos Aires"}),
    ("Jr. de la Unión 550, Cercado de Lima, Lima 15001", {"street": "Jr. de la Unión", "house_number": "550",
                                                          "suburb": "Cercado de Lima", "locality": "Lima",
                                                          "postcode": "15001"}),
    ("Rua Oscar Freire, 900 - Jardins, São Paulo - SP, 01426-001", {"street": "Rua Oscar Freire",
                                                                    "house_number": "900", "suburb": "Jardins",
                                                                    "locality": "São Paulo", "region": "SP",
                                                                    "postcode": "01426-001"}),
    ("2-11-3 Meguro, Meguro-ku, Tokyo 153-0063", {"locality": "Tokyo", "postcode": "153-0063"}),
    ("35 Sejong-daero 23-gil, Jongno-gu, Seoul 03184", {"house_number": "35", "street": "Sejong-daero 23-gil",
                                                        "locality": "Seoul", "postcode": "03184"}),
    ("Flat 302, Sai Residency, MG Road, Pune, Maharashtra 411001", {"unit": "Flat 302", "venue": "Sai Residency",
                                                                    "street": "MG Road", "locality": "Pune",
                                                                    "region": "Maharashtra",
                                                                    "postcode": "411001"}),
    ("123 Rizal Street, Brgy. San Antonio, Makati City, 1203 Metro Manila", {"house_number": "123",
                                                                              "street": "Rizal Street",
                                                                              "suburb": "Brgy. San Antonio",
                                                                              "locality": "Makati City",
                                                                              "postcode": "1203",
                                                                              "region": "Metro Manila"}),
    ("Jl. M.H. Thamrin No. 1, Menteng, Jakarta Pusat 10310", {"street": "Jl. M.H. Thamrin", "house_number": "No. 1",
                                                              "suburb": "Menteng", "locality": "Jakarta Pusat",
                                                              "postcode": "10310"}),
    ("12 Nguyễn Huệ, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh", {"house_number": "12", "street": "Nguyễn Huệ",
                                                                      "locality": "Thành phố Hồ Chí Minh"}),
    ("999 Rama I Road, Pathum Wan, Bangkok 10330", {"house_number": "999", "street": "Rama I Road",
                                                    "suburb": "Pathum Wan", "locality": "Bangkok",
                                                    "postcode": "10330"}),
    ("Level 12, 1 Collins Street, Melbourne VIC 3000", {"level": "Level 12", "house_number": "1",
                                                        "street": "Collins Street", "locality": "Melbourne",
                                                        "region": "VIC", "postcode": "3000"}),
    ("Unit 4, 18 Queen Street, Auckland Central, Auckland 1010", {"unit": "Unit 4", "house_number": "18",
                                                                  "street": "Queen Street",
                                                                  "suburb": "Auckland Central",
                                                                  "locality": "Auckland", "postcode": "1010"}),
    ("22 Jan Smuts Avenue, Rosebank, Johannesburg, 2196", {"house_number": "22", "street": "Jan Smuts Avenue",
                                                           "suburb": "Rosebank", "locality": "Johannesburg",
                                                           "postcode": "2196"}),
    ("ul. Marszałkowska 104/122, 00-017 Warszawa", {"street": "ul. Marszałkowska", "house_number": "104/122",
                                                    "postcode": "00-017", "locality": "Warszawa"}),
    ("Václavské náměstí 832/19, 110 00 Praha", {"street": "Václavské náměstí", "house_number": "832/19",
                                                "postcode": "110 00", "locality": "Praha"}),
    ("Hämeenkatu 10 A 5, 33100 Tampere", {"street": "Hämeenkatu", "house_number": "10", "unit": "A 5",
                                          "postcode": "33100", "locality": "Tampere"}),
    ("Herrengasse 5, 8010 Graz, Steiermark", {"street": "Herrengasse", "house_number": "5", "postcode": "8010",
                                              "locality": "Graz", "region": "Steiermark"}),
    ("Bahnhofstrasse 45, 8001 Zürich ZH", {"street": "Bahnhofstrasse", "house_number": "45", "postcode": "8001",
                                           "locality": "Zürich", "region": "ZH"}),
    ("Rua Augusta 24, 1100-053 Lisboa, Portugal", {"street": "Rua Augusta", "house_number": "24",
                                                   "postcode": "1100-053", "locality": "Lisboa",
                                                   "country": "Portugal"}),
    ("Ermou 15, 105 63 Athina", {"street": "Ermou", "house_number": "15", "postcode": "105 63",
                                 "locality": "Athina"}),
    ("Atatürk Bulvarı No:125, Çankaya, Ankara", {"street": "Atatürk Bulvarı", "house_number": "No:125",
                                                 "locality": "Ankara"}),
    ("Rothschild Blvd 22, Tel Aviv-Yafo, 6688218", {"street": "Rothschild Blvd", "house_number": "22",
                                                    "locality": "Tel Aviv-Yafo", "postcode": "6688218"}),
    ("Office 1204, Al Moosa Tower 2, Sheikh Zayed Road, Dubai, UAE", {"unit": "Office 1204",
                                                                      "venue": "Al Moosa Tower 2",
                                                                      "street": "Sheikh Zayed Road",
                                                                      "locality": "Dubai", "country": "UAE"}),
    ("26 July Street, Zamalek, Cairo, Egypt", {"street": "26 July Street", "house_number": None,
                                               "suburb": "Zamalek", "locality": "Cairo", "country": "Egypt"}),
    ("1200 Bay St, Suite 400, Toronto, ON M5R 2A5", {"house_number": "1200", "street": "Bay St",
                                                     "unit": "Suite 400", "locality": "Toronto", "region": "ON",
                                                     "postcode": "M5R 2A5"}),
    ("Flat 3, 27 Kings Road, Chelsea, London SW3 4RP", {"unit": "Flat 3", "house_number": "27",
                                                        "street": "Kings Road", "suburb": "Chelsea",
                                                        "locality": "London", "postcode": "SW3 4RP"}),
    ("N5678 County Road K, Phillips, WI 54555", {"house_number": "N5678", "street": "County Road K",
                                                 "locality": "Phillips", "region": "WI", "postcode": "54555"}),
    ("1600 Amphitheatre Pkwy Bldg 40, Mountain View, CA 94043", {"house_number": "1600",
                                                                 "street": "Amphitheatre Pkwy", "unit": "Bldg 40",
                                                                 "locality": "Mountain View", "region": "CA",
                                                                 "postcode": "94043"}),
]


if __name__ == "__main__":
    sys.exit(main("v20_probe", CASES, HERE, sys.argv[1:]))
