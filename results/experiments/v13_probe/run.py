"""Full addresses in their countries' own formats, probed on an arm: written at stop 32 after the corpus 0.12.0 arms
were trained and shipped, before either arm set parsed them (no public test suite; no Faker output), to measure how
far corpus 0.12.0's forms generalize (``v12_probe`` chose them). A case is right when the parse has exactly these values for the
labels given (a label given as None must be absent); ``full`` counts the cases whose every given label is right.

Run: ``python results/experiments/v13_probe/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
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
    # a city with its postal district, a plot number, Mexican, Indian and Japanese addresses (corpus 0.12.0's forms)
    ("Na Příkopě 22, 110 00 Praha 1", {"street": "Na Příkopě", "house_number": "22", "postcode": "110 00",
                                      "locality": "Praha 1"}),
    ("Národní 10, 110 00 Praha 2", {"street": "Národní", "house_number": "10", "locality": "Praha 2"}),
    ("45 Dame Street, Dublin 8", {"house_number": "45", "street": "Dame Street", "locality": "Dublin 8"}),
    ("3 Merrion Square, Dublin 2, Ireland", {"house_number": "3", "street": "Merrion Square", "locality": "Dublin 2",
                                            "country": "Ireland"}),
    ("Vesterbrogade 32, 1620 København V", {"street": "Vesterbrogade", "house_number": "32", "postcode": "1620",
                                             "locality": "København V"}),
    ("Søndergade 10, 8000 Aarhus C", {"street": "Søndergade", "house_number": "10", "postcode": "8000",
                                      "locality": "Aarhus C"}),
    ("12 rue de Rivoli, 75998 Paris Cedex 08", {"house_number": "12", "street": "rue de Rivoli", "postcode": "75998",
                                                "locality": "Paris Cedex 08"}),
    ("Plot 44 Lumumba Avenue, Kampala", {"house_number": "Plot 44", "street": "Lumumba Avenue", "locality": "Kampala"}),
    ("Erf 512 Main Road, Stellenbosch, 7600", {"house_number": "Erf 512", "street": "Main Road",
                                               "locality": "Stellenbosch", "postcode": "7600"}),
    ("Stand 18 Samora Machel Avenue, Harare", {"house_number": "Stand 18", "street": "Samora Machel Avenue",
                                               "locality": "Harare"}),
    ("Av. Álvaro Obregón 120, Col. Roma Norte, 06700 Ciudad de México, CDMX",
     {"street": "Av. Álvaro Obregón", "house_number": "120", "suburb": "Col. Roma Norte", "postcode": "06700",
      "locality": "Ciudad de México", "region": "CDMX"}),
    ("Av. Chapultepec 480, Col. Americana, 44160 Guadalajara, Jal.", {"street": "Av. Chapultepec",
                                                                       "house_number": "480",
                                                                       "suburb": "Col. Americana",
                                                                       "locality": "Guadalajara", "region": "Jal."}),
    ("Calle Morelos 15, Centro, 64000 Monterrey, N.L.", {"street": "Calle Morelos", "house_number": "15",
                                                          "suburb": "Centro", "locality": "Monterrey", "region": "N.L."}),
    ("42, 2nd Cross Road, Indiranagar, Bengaluru, Karnataka 560038", {"suburb": "Indiranagar", "locality": "Bengaluru",
                                                                      "region": "Karnataka", "postcode": "560038"}),
    ("15 Linking Road, Bandra West, Mumbai, Maharashtra 400050", {"street": "Linking Road", "suburb": "Bandra West",
                                                                  "locality": "Mumbai", "region": "Maharashtra",
                                                                  "postcode": "400050"}),
    ("7 Anna Salai, T. Nagar, Chennai - 600017", {"street": "Anna Salai", "suburb": "T. Nagar", "locality": "Chennai",
                                                  "postcode": "600017"}),
    ("〒231-0023 神奈川県横浜市中区山下町1", {"postcode": "231-0023", "region": "神奈川県"}),
    ("〒810-0001 福岡県福岡市中央区天神1-8-1", {"postcode": "810-0001", "region": "福岡県", "house_number": "1-8-1"}),
    ("大阪府堺市堺区南瓦町3-1", {"region": "大阪府", "house_number": "3-1"}),
    # other formats, for contrast
    ("Königstraße 28, 70173 Stuttgart", {"street": "Königstraße", "house_number": "28", "postcode": "70173",
                                         "locality": "Stuttgart"}),
    ("Piazza del Duomo 1, 50122 Firenze FI", {"street": "Piazza del Duomo", "house_number": "1", "postcode": "50122",
                                              "locality": "Firenze", "region": "FI"}),
    ("Carrer de Pelai 12, 08001 Barcelona", {"street": "Carrer de Pelai", "house_number": "12", "postcode": "08001",
                                             "locality": "Barcelona"}),
    ("Nowy Świat 15, 00-029 Warszawa", {"street": "Nowy Świat", "house_number": "15", "postcode": "00-029",
                                        "locality": "Warszawa"}),
    ("Rua Augusta 50, 1100-053 Lisboa, Portugal", {"street": "Rua Augusta", "house_number": "50",
                                                   "postcode": "1100-053", "locality": "Lisboa", "country": "Portugal"}),
    ("Avenida 9 de Julio 1000, C1043 Buenos Aires", {"street": "Avenida 9 de Julio", "house_number": "1000",
                                                     "locality": "Buenos Aires"}),
    ("Rua XV de Novembro 300, Centro, Curitiba - PR, 80020-310", {"street": "Rua XV de Novembro",
                                                                   "house_number": "300", "suburb": "Centro",
                                                                   "locality": "Curitiba", "region": "PR",
                                                                   "postcode": "80020-310"}),
    ("221B Baker Street, London NW1 6XE", {"house_number": "221B", "street": "Baker Street", "locality": "London",
                                           "postcode": "NW1 6XE"}),
    ("88 Collins Street, Melbourne VIC 3000", {"house_number": "88", "street": "Collins Street",
                                               "locality": "Melbourne", "region": "VIC", "postcode": "3000"}),
    ("1 Infinite Loop, Cupertino, CA 95014", {"house_number": "1", "street": "Infinite Loop", "locality": "Cupertino",
                                              "region": "CA", "postcode": "95014"}),
    ("350 5th Ave, New York, NY 10118", {"house_number": "350", "street": "5th Ave", "locality": "New York",
                                         "region": "NY", "postcode": "10118"}),
]  # fmt: skip


if __name__ == "__main__":
    sys.exit(main("v13_probe", CASES, HERE, sys.argv[1:]))
