"""Full addresses in forms the earlier probes leave out, probed on an arm: written at stop 33 (2026-11-27) after the
corpus 0.14.0 arms shipped and before any arm parsed them (no public test suite; no Faker output). Country letters
before the postcode ("D-10117 Berlin"), romanized East Asian addresses, Hong Kong and Singapore units, Irish
Eircodes, Brazilian CEPs, Canadian French, addresses with a person's name or a phone number, and new lines. A case
is right when the parse has exactly these values for the labels given (a label given as None must be absent).

Run: ``python results/experiments/v16_probe/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
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
    # a country's letters before the postcode
    ("Friedrichstraße 43, D-10117 Berlin", {"street": "Friedrichstraße", "house_number": "43", "postcode": "D-10117",
                                            "locality": "Berlin"}),
    ("Kärntner Ring 5, A-1010 Wien", {"street": "Kärntner Ring", "house_number": "5", "postcode": "A-1010",
                                      "locality": "Wien"}),
    ("Limmatquai 4, CH-8001 Zürich", {"street": "Limmatquai", "house_number": "4", "postcode": "CH-8001",
                                      "locality": "Zürich"}),
    ("Via del Corso 10, I-00186 Roma", {"street": "Via del Corso", "house_number": "10", "postcode": "I-00186",
                                        "locality": "Roma"}),
    ("5 rue Royale, F-75008 Paris", {"house_number": "5", "street": "rue Royale", "postcode": "F-75008",
                                     "locality": "Paris"}),
    # romanized East Asian addresses
    ("1-1 Marunouchi, Chiyoda-ku, Tokyo 100-0005", {"locality": "Tokyo", "postcode": "100-0005"}),
    ("152 Teheran-ro, Gangnam-gu, Seoul 06236", {"house_number": "152", "street": "Teheran-ro", "locality": "Seoul",
                                                 "postcode": "06236"}),
    ("No. 7, Section 5, Xinyi Road, Xinyi District, Taipei City 110", {"locality": "Taipei City", "postcode": "110"}),
    ("1 Jianguomenwai Avenue, Chaoyang District, Beijing 100004", {"house_number": "1",
                                                                   "street": "Jianguomenwai Avenue",
                                                                   "locality": "Beijing", "postcode": "100004"}),
    ("Flat A, 12/F, 8 Harbour Road, Wan Chai, Hong Kong", {"house_number": "8", "street": "Harbour Road"}),
    ("10 Anson Road, #12-01, Singapore 079903", {"house_number": "10", "street": "Anson Road", "unit": "#12-01",
                                                 "locality": "Singapore", "postcode": "079903"}),
    ("Blk 123 Ang Mo Kio Ave 3, #05-67, Singapore 560123", {"street": "Ang Mo Kio Ave 3", "unit": "#05-67",
                                                            "locality": "Singapore", "postcode": "560123"}),
    # Ireland, the UK, Canada
    ("12 Grafton Street, Dublin 2, D02 X285", {"house_number": "12", "street": "Grafton Street",
                                               "locality": "Dublin 2", "postcode": "D02 X285"}),
    ("Main Street, Westport, Co. Mayo, F28 K2N8", {"street": "Main Street", "locality": "Westport",
                                                   "postcode": "F28 K2N8"}),
    ("42 High Street, Oxford, Oxfordshire OX1 4AP", {"house_number": "42", "street": "High Street",
                                                     "locality": "Oxford", "postcode": "OX1 4AP"}),
    ("1000 rue De La Gauchetière O, Montréal (Québec) H3B 4W5", {"house_number": "1000",
                                                                 "street": "rue De La Gauchetière O",
                                                                 "locality": "Montréal", "postcode": "H3B 4W5"}),
    ("10 Wellington St E, Toronto ON  M5E 1C5", {"house_number": "10", "street": "Wellington St E",
                                                 "locality": "Toronto", "region": "ON", "postcode": "M5E 1C5"}),
    # Brazil and Latin America
    ("CEP 01310-100, Av. Paulista, 1000, São Paulo - SP", {"postcode": "01310-100", "street": "Av. Paulista",
                                                           "house_number": "1000", "locality": "São Paulo",
                                                           "region": "SP"}),
    ("Rua da Assembleia, 10 - Centro, Rio de Janeiro - RJ, 20011-901", {"street": "Rua da Assembleia",
                                                                        "house_number": "10", "suburb": "Centro",
                                                                        "locality": "Rio de Janeiro", "region": "RJ",
                                                                        "postcode": "20011-901"}),
    ("Calle 93 # 11-26, Bogotá D.C., Colombia", {"country": "Colombia"}),
    ("Av. Reforma 222, Juárez, Cuauhtémoc, 06600 Ciudad de México", {"street": "Av. Reforma", "house_number": "222",
                                                                     "postcode": "06600",
                                                                     "locality": "Ciudad de México"}),
    # a person's name, a phone number, new lines
    ("Hans Müller\nSchillerstraße 12\n80336 München", {"street": "Schillerstraße", "house_number": "12",
                                                       "postcode": "80336", "locality": "München"}),
    ("Jane Doe, 55 Elm Street, Apt 3, Burlington, VT 05401", {"house_number": "55", "street": "Elm Street",
                                                              "unit": "Apt 3", "locality": "Burlington",
                                                              "region": "VT", "postcode": "05401"}),
    ("ACME Corp.\n200 Park Avenue\nNew York, NY 10166", {"house_number": "200", "street": "Park Avenue",
                                                         "locality": "New York", "region": "NY",
                                                         "postcode": "10166"}),
    ("12 Rue de la République\n69002 Lyon\nFrance", {"house_number": "12", "street": "Rue de la République",
                                                     "postcode": "69002", "locality": "Lyon", "country": "France"}),
    ("Kalverstraat 92, 1012 PH Amsterdam, tel. 020 123 4567", {"street": "Kalverstraat", "house_number": "92",
                                                                "postcode": "1012 PH", "locality": "Amsterdam"}),
    # units and floors abroad
    ("Paseo de la Castellana 89, 4º izq., 28046 Madrid", {"street": "Paseo de la Castellana", "house_number": "89",
                                                          "postcode": "28046", "locality": "Madrid"}),
    ("Avenue Louise 54, bte 3, 1050 Bruxelles", {"street": "Avenue Louise", "house_number": "54",
                                                 "postcode": "1050", "locality": "Bruxelles"}),
    ("Storgatan 5, lgh 1102, 114 55 Stockholm", {"street": "Storgatan", "house_number": "5", "postcode": "114 55",
                                                 "locality": "Stockholm"}),
    ("ul. Marszałkowska 10/12 m. 5, 00-590 Warszawa", {"postcode": "00-590", "locality": "Warszawa"}),
    # US forms
    ("PO Box 1234, Anchorage, AK 99501", {"po_box": "PO Box 1234", "locality": "Anchorage", "region": "AK",
                                          "postcode": "99501"}),
    ("RR 2 Box 150, Hillsboro, WV 24946", {"locality": "Hillsboro", "region": "WV", "postcode": "24946"}),
    ("1 Microsoft Way, Redmond, Washington 98052", {"house_number": "1", "street": "Microsoft Way",
                                                    "locality": "Redmond", "region": "Washington",
                                                    "postcode": "98052"}),
    ("233 S Wacker Dr Fl 103, Chicago, IL 60606-6307", {"house_number": "233", "street": "S Wacker Dr",
                                                        "level": "Fl 103", "locality": "Chicago", "region": "IL",
                                                        "postcode": "60606-6307"}),
    ("4059 Mt Lee Dr., Hollywood, CA 90068", {"house_number": "4059", "street": "Mt Lee Dr.",
                                              "locality": "Hollywood", "region": "CA", "postcode": "90068"}),
    ("500 S Buena Vista St, Burbank CA 91521 USA", {"house_number": "500", "street": "S Buena Vista St",
                                                    "locality": "Burbank", "region": "CA", "postcode": "91521",
                                                    "country": "USA"}),
]


if __name__ == "__main__":
    sys.exit(main("v16_probe", CASES, HERE, sys.argv[1:]))
