"""Full addresses from 40-odd countries, probed on an arm: written at stop 33 (2026-11-27) before any arm parsed them
and before any change of that session (no public test suite; no Faker output), to find which forms the corpus 0.13.0
arms still miss. A case is right when the parse has exactly these values for the labels given (a label given as None
must be absent); ``full`` counts the cases whose every given label is right. Labels whose convention is unclear for a
form (a Russian "д. 7", a Turkish "No:120") are left out of that case.

Run: ``python results/experiments/v14_probe/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
shipped arm A -> ``result.json``).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.label_probe import Case, run  # noqa: E402

CASES: list[Case] = [  # text, {label: value}
    # Nordic
    ("Drottninggatan 53, 111 21 Stockholm", {"street": "Drottninggatan", "house_number": "53", "postcode": "111 21",
                                             "locality": "Stockholm"}),
    ("Karl Johans gate 22, 0159 Oslo, Norway", {"street": "Karl Johans gate", "house_number": "22", "postcode": "0159",
                                                "locality": "Oslo", "country": "Norway"}),
    ("Mannerheimintie 12, 00100 Helsinki", {"street": "Mannerheimintie", "house_number": "12", "postcode": "00100",
                                            "locality": "Helsinki"}),
    ("Laugavegur 26, 101 Reykjavík, Iceland", {"street": "Laugavegur", "house_number": "26", "postcode": "101",
                                               "locality": "Reykjavík", "country": "Iceland"}),
    ("karl johans gate 22 0159 oslo", {"street": "karl johans gate", "house_number": "22", "postcode": "0159",
                                       "locality": "oslo"}),
    # Benelux
    ("Keizersgracht 123, 1015 CJ Amsterdam", {"street": "Keizersgracht", "house_number": "123", "postcode": "1015 CJ",
                                              "locality": "Amsterdam"}),
    ("Coolsingel 40, 3011 AD Rotterdam, Nederland", {"street": "Coolsingel", "house_number": "40",
                                                     "postcode": "3011 AD", "locality": "Rotterdam",
                                                     "country": "Nederland"}),
    ("keizersgracht 123 1015 cj amsterdam", {"street": "keizersgracht", "house_number": "123", "postcode": "1015 cj",
                                             "locality": "amsterdam"}),
    ("Rue Neuve 111, 1000 Bruxelles", {"street": "Rue Neuve", "house_number": "111", "postcode": "1000",
                                       "locality": "Bruxelles"}),
    ("Meir 50, 2000 Antwerpen, België", {"street": "Meir", "house_number": "50", "postcode": "2000",
                                         "locality": "Antwerpen", "country": "België"}),
    ("Grand-Rue 15, L-1660 Luxembourg", {"street": "Grand-Rue", "house_number": "15", "postcode": "L-1660",
                                         "locality": "Luxembourg"}),
    # German-speaking
    ("Mariahilfer Straße 77, 1060 Wien, Österreich", {"street": "Mariahilfer Straße", "house_number": "77",
                                                      "postcode": "1060", "locality": "Wien",
                                                      "country": "Österreich"}),
    ("Bahnhofstrasse 21, 8001 Zürich, Schweiz", {"street": "Bahnhofstrasse", "house_number": "21", "postcode": "8001",
                                                 "locality": "Zürich", "country": "Schweiz"}),
    ("Rue du Rhône 48, 1204 Genève", {"street": "Rue du Rhône", "house_number": "48", "postcode": "1204",
                                      "locality": "Genève"}),
    ("Getreidegasse 9, 5020 Salzburg", {"street": "Getreidegasse", "house_number": "9", "postcode": "5020",
                                        "locality": "Salzburg"}),
    ("Am Markt 3, 04109 Leipzig", {"street": "Am Markt", "house_number": "3", "postcode": "04109",
                                   "locality": "Leipzig"}),
    ("Hohe Straße 52, 50667 Köln", {"street": "Hohe Straße", "house_number": "52", "postcode": "50667",
                                    "locality": "Köln"}),
    # France, Italy, Spain, Portugal
    ("8 boulevard de la Croisette, 06400 Cannes, France", {"house_number": "8", "street": "boulevard de la Croisette",
                                                           "postcode": "06400", "locality": "Cannes",
                                                           "country": "France"}),
    ("25 avenue des Champs-Élysées, 75008 Paris", {"house_number": "25", "street": "avenue des Champs-Élysées",
                                                   "postcode": "75008", "locality": "Paris"}),
    ("Via Roma 45, 90133 Palermo PA", {"street": "Via Roma", "house_number": "45", "postcode": "90133",
                                       "locality": "Palermo", "region": "PA", "country": None}),
    ("Corso Vittorio Emanuele II 15, 10125 Torino", {"street": "Corso Vittorio Emanuele II", "house_number": "15",
                                                     "postcode": "10125", "locality": "Torino"}),
    ("Calle de Alcalá 42, 28014 Madrid, España", {"street": "Calle de Alcalá", "house_number": "42",
                                                  "postcode": "28014", "locality": "Madrid", "country": "España"}),
    ("Avinguda Diagonal 640, 08017 Barcelona", {"street": "Avinguda Diagonal", "house_number": "640",
                                                "postcode": "08017", "locality": "Barcelona"}),
    ("Rua de Santa Catarina 112, 4000-442 Porto", {"street": "Rua de Santa Catarina", "house_number": "112",
                                                   "postcode": "4000-442", "locality": "Porto"}),
    ("Museo del Prado, Calle de Ruiz de Alarcón 23, 28014 Madrid", {"venue": "Museo del Prado",
                                                                     "street": "Calle de Ruiz de Alarcón",
                                                                     "house_number": "23", "locality": "Madrid"}),
    ("Plaza Mayor 1, 37002 Salamanca", {"street": "Plaza Mayor", "house_number": "1", "postcode": "37002",
                                        "locality": "Salamanca"}),
    # Central and Eastern Europe
    ("ul. Floriańska 14, 31-019 Kraków", {"street": "ul. Floriańska", "house_number": "14", "postcode": "31-019",
                                          "locality": "Kraków"}),
    ("Andrássy út 60, 1062 Budapest", {"street": "Andrássy út", "house_number": "60", "postcode": "1062",
                                       "locality": "Budapest"}),
    ("Strada Lipscani 18, 030031 București, Romania", {"street": "Strada Lipscani", "house_number": "18",
                                                       "postcode": "030031", "locality": "București",
                                                       "country": "Romania"}),
    ("Masarykova 15, 602 00 Brno", {"street": "Masarykova", "house_number": "15", "postcode": "602 00",
                                    "locality": "Brno"}),
    ("Knez Mihailova 12, 11000 Beograd, Srbija", {"street": "Knez Mihailova", "house_number": "12",
                                                  "postcode": "11000", "locality": "Beograd", "country": "Srbija"}),
    # Cyrillic and Greek
    ("ул. Тверская, д. 7, Москва, 125009", {"street": "ул. Тверская", "locality": "Москва", "postcode": "125009"}),
    ("Невский проспект 28, Санкт-Петербург, 191186", {"street": "Невский проспект", "house_number": "28",
                                                      "locality": "Санкт-Петербург", "postcode": "191186"}),
    ("вул. Хрещатик 22, Київ, 01001, Україна", {"street": "вул. Хрещатик", "house_number": "22", "locality": "Київ",
                                                "postcode": "01001", "country": "Україна"}),
    ("Ermou 25, 105 63 Athina, Greece", {"street": "Ermou", "house_number": "25", "postcode": "105 63",
                                         "locality": "Athina", "country": "Greece"}),
    ("Ερμού 25, Αθήνα 105 63", {"street": "Ερμού", "house_number": "25", "locality": "Αθήνα", "postcode": "105 63"}),
    # Turkey, Middle East, Africa
    ("İstiklal Caddesi No:120, 34433 Beyoğlu/İstanbul", {"street": "İstiklal Caddesi", "postcode": "34433"}),
    ("Sheikh Zayed Road, Dubai, United Arab Emirates", {"street": "Sheikh Zayed Road", "locality": "Dubai",
                                                        "country": "United Arab Emirates"}),
    ("Rothschild Blvd 22, Tel Aviv, Israel", {"street": "Rothschild Blvd", "house_number": "22",
                                              "locality": "Tel Aviv", "country": "Israel"}),
    ("12 Adeola Odeku Street, Victoria Island, Lagos", {"house_number": "12", "street": "Adeola Odeku Street",
                                                        "suburb": "Victoria Island", "locality": "Lagos"}),
    ("Kenyatta Avenue, Nairobi, Kenya", {"street": "Kenyatta Avenue", "locality": "Nairobi", "country": "Kenya"}),
    ("15 Long Street, Cape Town, 8001, South Africa", {"house_number": "15", "street": "Long Street",
                                                       "locality": "Cape Town", "postcode": "8001",
                                                       "country": "South Africa"}),
    ("26 Talaat Harb Street, Cairo, Egypt", {"house_number": "26", "street": "Talaat Harb Street", "locality": "Cairo",
                                             "country": "Egypt"}),
    # the Americas
    ("1250 Rue Sainte-Catherine O, Montréal, QC H3G 1P1", {"house_number": "1250", "street": "Rue Sainte-Catherine O",
                                                           "locality": "Montréal", "region": "QC",
                                                           "postcode": "H3G 1P1"}),
    ("200 Bay Street, Toronto, ON M5J 2J2, Canada", {"house_number": "200", "street": "Bay Street",
                                                     "locality": "Toronto", "region": "ON", "postcode": "M5J 2J2",
                                                     "country": "Canada"}),
    ("Avenida Providencia 1234, Santiago, Chile", {"street": "Avenida Providencia", "house_number": "1234",
                                                   "locality": "Santiago", "country": "Chile"}),
    ("Carrera 7 # 71-21, Bogotá, Colombia", {"locality": "Bogotá", "country": "Colombia"}),
    ("Av. José Larco 1150, Miraflores, Lima 15074, Perú", {"street": "Av. José Larco", "house_number": "1150",
                                                           "suburb": "Miraflores", "locality": "Lima",
                                                           "postcode": "15074", "country": "Perú"}),
    ("Avenida Atlântica 1702, Copacabana, Rio de Janeiro - RJ, 22021-001", {"street": "Avenida Atlântica",
                                                                            "house_number": "1702",
                                                                            "suburb": "Copacabana",
                                                                            "locality": "Rio de Janeiro",
                                                                            "region": "RJ", "postcode": "22021-001"}),
    ("Av. Corrientes 1234, Buenos Aires, Argentina", {"street": "Av. Corrientes", "house_number": "1234",
                                                      "locality": "Buenos Aires", "country": "Argentina"}),
    # the United States
    ("Empire State Building, 350 5th Ave Ste 3300, New York, NY 10118",
     {"venue": "Empire State Building", "house_number": "350", "street": "5th Ave", "unit": "Ste 3300",
      "locality": "New York", "region": "NY", "postcode": "10118"}),
    ("PO Box 4521, Boise, ID 83711", {"po_box": "PO Box 4521", "locality": "Boise", "region": "ID",
                                      "postcode": "83711"}),
    ("1600 Pennsylvania Ave NW, Washington, DC 20500", {"house_number": "1600", "street": "Pennsylvania Ave NW",
                                                        "locality": "Washington", "region": "DC",
                                                        "postcode": "20500"}),
    ("742 Evergreen Terrace, Springfield, OR 97477", {"house_number": "742", "street": "Evergreen Terrace",
                                                      "locality": "Springfield", "region": "OR", "postcode": "97477",
                                                      "country": None}),
    ("12 Main St, Portland, ME 04101", {"house_number": "12", "street": "Main St", "locality": "Portland",
                                        "region": "ME", "postcode": "04101", "country": None}),
    ("101 Indiana Ave, Fort Wayne, IN 46802", {"house_number": "101", "street": "Indiana Ave", "locality": "Fort Wayne",
                                               "region": "IN", "postcode": "46802", "country": None}),
    ("88 Peachtree St NE, Atlanta, GA 30303", {"house_number": "88", "street": "Peachtree St NE",
                                               "locality": "Atlanta", "region": "GA", "postcode": "30303",
                                               "country": None}),
    # the United Kingdom
    ("10 Downing Street, London SW1A 2AA, United Kingdom", {"house_number": "10", "street": "Downing Street",
                                                            "locality": "London", "postcode": "SW1A 2AA",
                                                            "country": "United Kingdom"}),
    ("Flat 2, 14 Princes Street, Edinburgh EH2 2AN", {"unit": "Flat 2", "house_number": "14",
                                                      "street": "Princes Street", "locality": "Edinburgh",
                                                      "postcode": "EH2 2AN"}),
    ("27 Castle Street, Cardiff CF10 1BS", {"house_number": "27", "street": "Castle Street", "locality": "Cardiff",
                                            "postcode": "CF10 1BS"}),
    # Asia-Pacific
    ("1 Martin Place, Sydney NSW 2000, Australia", {"house_number": "1", "street": "Martin Place",
                                                    "locality": "Sydney", "region": "NSW", "postcode": "2000",
                                                    "country": "Australia"}),
    ("17 Queen Street, Auckland 1010, New Zealand", {"house_number": "17", "street": "Queen Street",
                                                     "locality": "Auckland", "postcode": "1010",
                                                     "country": "New Zealand"}),
    ("1 Raffles Place, Singapore 048616", {"house_number": "1", "street": "Raffles Place", "locality": "Singapore",
                                           "postcode": "048616"}),
    ("50 Jalan Sultan Ismail, 50250 Kuala Lumpur, Malaysia", {"house_number": "50", "street": "Jalan Sultan Ismail",
                                                              "postcode": "50250", "locality": "Kuala Lumpur",
                                                              "country": "Malaysia"}),
    ("Jl. M.H. Thamrin No. 1, Jakarta Pusat 10310, Indonesia", {"street": "Jl. M.H. Thamrin", "postcode": "10310",
                                                                "country": "Indonesia"}),
    ("6788 Ayala Avenue, Makati City, Metro Manila 1226, Philippines", {"house_number": "6788",
                                                                        "street": "Ayala Avenue",
                                                                        "locality": "Makati City",
                                                                        "region": "Metro Manila", "postcode": "1226",
                                                                        "country": "Philippines"}),
    ("123 Sukhumvit Road, Khlong Toei, Bangkok 10110, Thailand", {"house_number": "123", "street": "Sukhumvit Road",
                                                                  "suburb": "Khlong Toei", "locality": "Bangkok",
                                                                  "postcode": "10110", "country": "Thailand"}),
    ("서울특별시 강남구 테헤란로 152", {"street": "테헤란로", "house_number": "152"}),
    ("88 Đồng Khởi, Bến Nghé, Quận 1, Hồ Chí Minh, Vietnam", {"house_number": "88", "street": "Đồng Khởi",
                                                              "country": "Vietnam"}),
]


if __name__ == "__main__":
    arm = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "artifacts" / "arms" / "A")
    out = sys.argv[2] if len(sys.argv) > 2 else str(HERE / "result.json")
    sys.exit(run("v14_probe", CASES, arm, out))
