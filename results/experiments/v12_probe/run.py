"""Full addresses in their countries' own formats, probed on an arm: written for stop 32 before any change was made
from them (no public test suite; no Faker output). A case is right when the parse has exactly these values for the
labels given (a label given as None must be absent); ``full`` counts the cases whose every given label is right.

Run: ``python results/experiments/v12_probe/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
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
    # Europe
    ("Karl-Marx-Allee 90, 10243 Berlin", {"street": "Karl-Marx-Allee", "house_number": "90", "postcode": "10243",
                                          "locality": "Berlin"}),
    ("Am Hof 2, 1010 Wien, Österreich", {"street": "Am Hof", "house_number": "2", "postcode": "1010", "locality": "Wien",
                                         "country": "Österreich"}),
    ("Bahnhofstrasse 21, 8001 Zürich", {"street": "Bahnhofstrasse", "house_number": "21", "postcode": "8001",
                                        "locality": "Zürich"}),
    ("12 boulevard de la Croisette, 06400 Cannes", {"house_number": "12", "street": "boulevard de la Croisette",
                                                    "postcode": "06400", "locality": "Cannes"}),
    ("Place du Marché 3, 1000 Bruxelles", {"street": "Place du Marché", "house_number": "3", "postcode": "1000",
                                           "locality": "Bruxelles"}),
    ("Keizersgracht 174, 1016 DW Amsterdam", {"street": "Keizersgracht", "house_number": "174", "postcode": "1016 DW",
                                              "locality": "Amsterdam"}),
    ("Via dei Condotti 8, 00187 Roma RM", {"street": "Via dei Condotti", "house_number": "8", "postcode": "00187",
                                           "locality": "Roma", "region": "RM"}),
    ("Calle de Alcalá 45, 28014 Madrid", {"street": "Calle de Alcalá", "house_number": "45", "postcode": "28014",
                                          "locality": "Madrid"}),
    ("Rua Garrett 120, 1200-205 Lisboa", {"street": "Rua Garrett", "house_number": "120", "postcode": "1200-205",
                                          "locality": "Lisboa"}),
    ("ul. Floriańska 15, 31-019 Kraków", {"street": "ul. Floriańska", "house_number": "15", "postcode": "31-019",
                                          "locality": "Kraków"}),
    ("Václavské náměstí 1, 110 00 Praha 1", {"street": "Václavské náměstí", "house_number": "1", "postcode": "110 00",
                                              "locality": "Praha 1"}),
    ("Drottninggatan 53, 111 21 Stockholm, Sverige", {"street": "Drottninggatan", "house_number": "53",
                                                      "postcode": "111 21", "locality": "Stockholm", "country": "Sverige"}),
    ("Karl Johans gate 22, 0159 Oslo", {"street": "Karl Johans gate", "house_number": "22", "postcode": "0159",
                                        "locality": "Oslo"}),
    ("Strøget 18, 1160 København K", {"street": "Strøget", "house_number": "18", "postcode": "1160",
                                      "locality": "København K"}),
    ("Mannerheimintie 14 B 5, 00100 Helsinki", {"street": "Mannerheimintie", "house_number": "14", "postcode": "00100",
                                                "locality": "Helsinki"}),
    ("Andrássy út 60, Budapest, 1062", {"street": "Andrássy út", "house_number": "60", "locality": "Budapest",
                                        "postcode": "1062"}),
    ("Ermou 25, 105 63 Athina", {"street": "Ermou", "house_number": "25", "postcode": "105 63", "locality": "Athina"}),
    ("Flat 3, 27 Portobello Road, London W11 3DB", {"unit": "Flat 3", "house_number": "27", "street": "Portobello Road",
                                                    "locality": "London", "postcode": "W11 3DB"}),
    ("14 Princes Street, Edinburgh EH2 2BY, Scotland", {"house_number": "14", "street": "Princes Street",
                                                        "locality": "Edinburgh", "postcode": "EH2 2BY"}),
    ("22 Grafton Street, Dublin 2, D02 HX65", {"house_number": "22", "street": "Grafton Street", "locality": "Dublin 2",
                                               "postcode": "D02 HX65"}),
    ("ул. Тверская, д. 7, Москва, 125009", {"street": "ул. Тверская", "house_number": "д. 7", "locality": "Москва",
                                            "postcode": "125009"}),
    ("вул. Хрещатик, 22, Київ, 01001", {"street": "вул. Хрещатик", "house_number": "22", "locality": "Київ",
                                        "postcode": "01001"}),
    ("İstiklal Caddesi No: 45, Beyoğlu, İstanbul", {"street": "İstiklal Caddesi", "house_number": "No: 45",
                                                    "suburb": "Beyoğlu", "locality": "İstanbul"}),
    # the Americas
    ("Av. Corrientes 1234, C1043 CABA, Argentina", {"street": "Av. Corrientes", "house_number": "1234",
                                                    "postcode": "C1043", "country": "Argentina"}),
    ("Rua Oscar Freire 379, Jardins, São Paulo - SP, 01426-001", {"street": "Rua Oscar Freire", "house_number": "379",
                                                                   "suburb": "Jardins", "locality": "São Paulo",
                                                                   "region": "SP", "postcode": "01426-001"}),
    ("Av. Insurgentes Sur 1602, Crédito Constructor, 03940 Ciudad de México, CDMX",
     {"street": "Av. Insurgentes Sur", "house_number": "1602", "suburb": "Crédito Constructor", "postcode": "03940",
      "locality": "Ciudad de México", "region": "CDMX"}),
    ("Carrera 7 # 32-16, Bogotá, Colombia", {"street": "Carrera 7", "house_number": "# 32-16", "locality": "Bogotá",
                                             "country": "Colombia"}),
    ("Av. Providencia 1234, Providencia, Santiago, Chile", {"street": "Av. Providencia", "house_number": "1234",
                                                            "locality": "Santiago", "country": "Chile"}),
    ("Jr. de la Unión 500, Lima 15001, Perú", {"street": "Jr. de la Unión", "house_number": "500", "locality": "Lima",
                                               "postcode": "15001", "country": "Perú"}),
    ("350 Rue Sainte-Catherine O, Montréal, QC H3B 1A1", {"house_number": "350", "street": "Rue Sainte-Catherine O",
                                                          "locality": "Montréal", "region": "QC", "postcode": "H3B 1A1"}),
    ("100 Queen St W, Toronto, ON M5H 2N2, Canada", {"house_number": "100", "street": "Queen St W", "locality": "Toronto",
                                                     "region": "ON", "postcode": "M5H 2N2", "country": "Canada"}),
    ("1600 Amphitheatre Pkwy, Mountain View, CA 94043", {"house_number": "1600", "street": "Amphitheatre Pkwy",
                                                         "locality": "Mountain View", "region": "CA", "postcode": "94043"}),
    ("742 Evergreen Terrace, Springfield, OR 97477", {"house_number": "742", "street": "Evergreen Terrace",
                                                      "locality": "Springfield", "region": "OR", "postcode": "97477"}),
    ("55 Water St Apt 4B, Brooklyn, NY 11201", {"house_number": "55", "street": "Water St", "unit": "Apt 4B",
                                                "locality": "Brooklyn", "region": "NY", "postcode": "11201"}),
    ("PO Box 1234, Juneau, AK 99801", {"po_box": "PO Box 1234", "locality": "Juneau", "region": "AK",
                                       "postcode": "99801"}),
    # Asia-Pacific, Africa, Middle East
    ("〒150-0002 東京都渋谷区渋谷2-21-1", {"postcode": "150-0002", "region": "東京都", "locality": "渋谷区"}),
    ("大阪府大阪市中央区難波5-1-60", {"region": "大阪府", "locality": "大阪市"}),
    ("서울특별시 강남구 테헤란로 152", {"region": "서울특별시", "street": "테헤란로", "house_number": "152"}),
    ("上海市浦东新区世纪大道100号", {"locality": "上海市", "street": "世纪大道", "house_number": "100号"}),
    ("台北市信義區信義路五段7號", {"locality": "台北市", "suburb": "信義區"}),
    ("88 Orchard Road, #03-01, Singapore 238839", {"house_number": "88", "street": "Orchard Road", "unit": "#03-01",
                                                   "locality": "Singapore", "postcode": "238839"}),
    ("Jalan Bukit Bintang 55, 55100 Kuala Lumpur, Malaysia", {"street": "Jalan Bukit Bintang", "house_number": "55",
                                                              "postcode": "55100", "locality": "Kuala Lumpur",
                                                              "country": "Malaysia"}),
    ("123/4 Sukhumvit Road, Khlong Toei, Bangkok 10110", {"house_number": "123/4", "street": "Sukhumvit Road",
                                                          "suburb": "Khlong Toei", "locality": "Bangkok",
                                                          "postcode": "10110"}),
    ("12 MG Road, Bengaluru, Karnataka 560001", {"house_number": "12", "street": "MG Road", "locality": "Bengaluru",
                                                 "region": "Karnataka", "postcode": "560001"}),
    ("45 George Street, Sydney NSW 2000, Australia", {"house_number": "45", "street": "George Street",
                                                      "locality": "Sydney", "region": "NSW", "postcode": "2000",
                                                      "country": "Australia"}),
    ("18 Queen Street, Auckland Central, Auckland 1010", {"house_number": "18", "street": "Queen Street",
                                                          "suburb": "Auckland Central", "locality": "Auckland",
                                                          "postcode": "1010"}),
    ("15 Long Street, Cape Town, 8001, South Africa", {"house_number": "15", "street": "Long Street",
                                                       "locality": "Cape Town", "postcode": "8001",
                                                       "country": "South Africa"}),
    ("Plot 12 Kenyatta Avenue, Nairobi, Kenya", {"street": "Kenyatta Avenue", "locality": "Nairobi", "country": "Kenya"}),
    ("12 Rue Mohammed V, Casablanca 20000, Maroc", {"house_number": "12", "street": "Rue Mohammed V",
                                                    "locality": "Casablanca", "postcode": "20000", "country": "Maroc"}),
    ("Sheikh Zayed Road, Dubai, UAE", {"street": "Sheikh Zayed Road", "locality": "Dubai", "country": "UAE"}),
    ("רחוב דיזנגוף 50, תל אביב", {"street": "רחוב דיזנגוף", "house_number": "50", "locality": "תל אביב"}),
]  # fmt: skip


if __name__ == "__main__":
    sys.exit(main("v12_probe", CASES, HERE, sys.argv[1:]))
