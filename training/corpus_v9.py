"""Corpus 0.9.0 generator: a direction after the street type, and French streets named after a saint.

One mix source, ``v9`` (only in corpus >= 0.9.0), of three kinds:

- ``post_dir``: a US or Canadian street with its direction written after the type, as North American cities
  name their halves ("123 Queen Street West, Toronto", "4 Main St N", "1000 Rue Sherbrooke Ouest, Montréal").
  Corpus 0.8.0 has them almost only on numbered roads ("SR 991 West"), so the arms read a spelled-out direction
  after a named street as a suburb or a locality. The direction is part of the ``street``.
- ``dir_town``: the contrast, a town whose name starts with a direction right after the street ("12 Elm St
  West Chester PA", "5 Oak Ave, North Bay"): the direction belongs to the ``locality``.
- ``fr_saint``: a French, Belgian or Quebec street whose name is a saint's, often after "Faubourg", "Porte" or
  "Pont" ("14 rue du Faubourg Saint-Honoré, 75008 Paris", "boulevard Saint-Germain"), written with a hyphen, a
  space or "St-"; the arms cut such names before the saint and read it as a suburb. A quarter are the contrast: a
  plain street, then a town named after a saint (a GeoNames place of that country).

The numbers, cities, regions and postcodes are a ZIP code's or a Faker row's (``V5Synth.locale_address``); the
given names are Faker's (``V4Synth._who``). Rendered with the usual case and comma noise (``assemble``).
"""

from __future__ import annotations

import random
from typing import Any

from training.corpus_render import Address, Piece, assemble
from training.corpus_v8 import place_tail

DIRECTIONS_EN: tuple[tuple[str, ...], ...] = (
    ("North", "N", "N."), ("South", "S", "S."), ("East", "E", "E."), ("West", "W", "W."),
    ("Northeast", "NE"), ("Northwest", "NW"), ("Southeast", "SE"), ("Southwest", "SW"),
)
DIRECTIONS_FR: tuple[tuple[str, ...], ...] = (("Nord", "N"), ("Sud", "S"), ("Est", "E"), ("Ouest", "O", "O."))
FR_TYPES = ("rue", "rue", "rue", "avenue", "boulevard", "place", "quai", "impasse", "allée", "chemin", "cours")
QC_TYPES = ("Rue", "Rue", "Boulevard", "Avenue", "Chemin")
SAINT_LINKS = ("", "", "", "du Faubourg ", "de la Porte ", "du Pont ", "du Cloître ")
SAINT_FORMS = (("Saint-", "Sainte-"),) * 6 + (("Saint ", "Sainte "),) * 2 + (("St-", "Ste-"),) * 2
DIR_TOWN_WORDS = ("North", "South", "East", "West")
KINDS = (("post_dir", 0.4), ("dir_town", 0.2), ("fr_saint", 0.4))
FR_COUNTRIES = ("FR",) * 6 + ("BE", "CA")


def _tail(a: Address, rng: random.Random, pieces: list[Piece]) -> None:
    """The city, region and postcode of a North American address (some left out)."""
    place_tail(a, rng, pieces, rng.choice((", ", ", ", " ")), (0.85, 0.6, 0.08))


class V9Synth:
    """Examples of the ``v9`` mix source, from the corpus 0.5.0 ``V5Synth`` ``v5``."""

    def __init__(self, v5: Any) -> None:
        self.v5 = v5
        self.dir_towns = [i for i, z in enumerate(v5.src.zips) if z[1].split(" ", 1)[0] in DIR_TOWN_WORDS]
        cities = v5.src.cities
        self.saint_towns = {cc: [cities[i][1] for i in v5.src.cities_by_country.get(cc, [])
                                 if cities[i][1].startswith(("Saint", "Sainte"))] for cc in ("FR", "BE", "CA")}

    def _north_american(self, rng: random.Random) -> Address:
        if rng.random() < 0.7:
            return self.v5.synth.from_zip(rng.randrange(len(self.v5.src.zips)), rng)
        return self.v5.locale_address("CA", rng)

    def _post_dir(self, rng: random.Random) -> tuple[list[Piece], Address]:
        a = self._north_american(rng)
        if a.region_code == "QC" or (a.country == "CA" and rng.random() < 0.3):
            forms = rng.choice(DIRECTIONS_FR)
            name = a.street.rsplit(" ", 1)[0]  # the name without its English type
            street = f"{rng.choice(QC_TYPES)} {name} {forms[0] if rng.random() < 0.6 else rng.choice(forms)}"
        else:
            forms = rng.choice(DIRECTIONS_EN)
            street = f"{a.street} {forms[0] if rng.random() < 0.6 else rng.choice(forms)}"
        pieces: list[Piece] = [(a.house_number or str(rng.randint(1, 9999)), "house_number", ""),
                               (street, "street", " ")]
        if rng.random() < 0.85:
            _tail(a, rng, pieces)
        return pieces, a

    def _dir_town(self, rng: random.Random) -> tuple[list[Piece], Address]:
        idx = rng.choice(self.dir_towns)
        a = self.v5.synth.from_zip(idx, rng)
        a.locality = self.v5.src.zips[idx][1]  # the town's own name, not one of the ZIP's other cities
        pieces: list[Piece] = [(a.house_number or str(rng.randint(1, 9999)), "house_number", ""),
                               (a.street, "street", " ")]
        _tail(a, rng, pieces)
        return pieces, a

    def _fr_saint(self, rng: random.Random) -> tuple[list[Piece], Address]:
        cc = rng.choice(FR_COUNTRIES)
        a = self.v5.locale_address(cc, rng)
        towns = self.saint_towns.get(cc) or []
        if towns and rng.random() < 0.25:  # the contrast: a plain street, then a town named after a saint
            a.locality = rng.choice(towns)
        else:
            given, _ = self.v5.v4._who(rng, "fr_FR")
            saint, sainte = rng.choice(SAINT_FORMS)
            kinds = QC_TYPES if cc == "CA" else FR_TYPES
            a.street = f"{rng.choice(kinds)} {rng.choice(SAINT_LINKS)}{saint if rng.random() < 0.8 else sainte}{given}"
        number = a.house_number or str(rng.randint(1, 199))
        pieces: list[Piece] = [(number, "house_number", ""), (a.street, "street", rng.choice((" ", ", ")))]
        if cc == "CA":
            _tail(a, rng, pieces)
            return pieces, a
        r = rng.random()
        if a.postcode and r < 0.7:
            pieces += [(a.postcode, "postcode", ", "), (a.locality, "locality", " ")]
        elif r < 0.9:
            pieces.append((a.locality, "locality", rng.choice((", ", " "))))
        if a.country_names and rng.random() < 0.1:
            pieces.append((rng.choice(a.country_names), "country", ", "))
        return pieces, a

    def example(self, rng: random.Random) -> tuple[str, list[list], str, Address, str]:
        kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
        if kind == "dir_town" and not self.dir_towns:
            kind = "post_dir"
        pieces, a = {"post_dir": self._post_dir, "dir_town": self._dir_town, "fr_saint": self._fr_saint}[kind](rng)
        a.stats["v9"] = kind
        text, spans = assemble([p for p in pieces if p[0]], rng, a.stats)
        return text, spans, f"v9_{kind}", a, kind
