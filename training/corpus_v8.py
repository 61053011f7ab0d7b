"""Corpus 0.8.0 generator: US and Canadian units written with a designator alone, with no number.

One mix source, ``v8`` (only in corpus >= 0.8.0): USPS Publication 28 (Appendix C2) lists the secondary unit
designators that take no number: Basement (BSMT), Front (FRNT), Lobby (LBBY), Lower (LOWR), Office (OFC),
Penthouse (PH), Rear, Side and Upper (UPPR). Two-family houses are written "77 Elm St Upper, Buffalo NY", "41
Willow Avenue - Rear". Corpus 0.7.0 has almost none of these words as units, so the arms read them as part of the
street ("Main St Rear") or as a suburb ("Oak Ave Basement").

The designator is ``unit``; the street, the number, the city, the state or province and the postcode are a ZIP
code's or a Faker row's (``V5Synth.locale_address``), rendered with the usual case and comma noise (``assemble``).

A third of the examples are the contrast, with no designator: a street, then a town whose name starts with Saint,
Fort, Mount or Port written short ("400 Olive St St Louis MO", "12 Elm Ave Mt Vernon, NY"). Arms fine-tuned on the
designators alone read such a short word after the street as a unit too.
"""

from __future__ import annotations

import random
from typing import Any

from training.corpus_render import Address, Piece, assemble

# full word, then USPS abbreviations (Pub 28 C2), as written
DESIGNATORS: tuple[tuple[str, ...], ...] = (
    ("Basement", "Bsmt", "BSMT"), ("Front", "Frnt", "FRNT"), ("Lobby", "Lbby", "LBBY"), ("Lower", "Lowr", "LOWR"),
    ("Office", "Ofc", "OFC"), ("Penthouse", "PH"), ("Rear", "REAR"), ("Side", "SIDE"), ("Upper", "Uppr", "UPPR"),
)
_BEFORE = (" ", " ", " ", ", ", ", ", " - ")  # between the street and the designator
_COUNTRIES = ("US",) * 6 + ("CA",)
SHORT_PREFIX = {"Saint": ("St", "St.", "ST"), "Fort": ("Ft", "Ft.", "FT"), "Mount": ("Mt", "Mt.", "MT"),
                "Port": ("Pt", "Pt.")}
CONTRAST = 0.33


def place_tail(a: Address, rng: random.Random, pieces: list[Piece], locality_sep: str = ", ",
               odds: tuple[float, float, float] = (0.9, 0.7, 0.1)) -> None:
    """Append a North American address's city, then its state or province, postcode and country, each at its
    odds (``odds``: region, postcode, country)."""
    pieces.append((a.locality, "locality", locality_sep))
    region = a.region_code or a.region_name
    if region and rng.random() < odds[0]:
        pieces.append((region, "region", ", " if rng.random() < 0.4 else " "))
    if a.postcode and rng.random() < odds[1]:
        pieces.append((a.postcode, "postcode", " "))
    if a.country_names and rng.random() < odds[2]:
        pieces.append((rng.choice(a.country_names), "country", ", "))


class V8Synth:
    """Examples of the ``v8`` mix source, from the corpus 0.5.0 ``V5Synth`` ``v5``."""

    def __init__(self, v5: Any) -> None:
        self.v5 = v5
        self.short_towns = [i for i, z in enumerate(v5.src.zips) if z[1].split(" ", 1)[0] in SHORT_PREFIX]

    def _address(self, rng: random.Random) -> Address:
        cc = rng.choice(_COUNTRIES)
        if cc == "US":
            src = self.v5.src
            return self.v5.synth.from_zip(rng.randrange(len(src.zips)), rng)
        return self.v5.locale_address(cc, rng)

    def _contrast(self, rng: random.Random) -> tuple[str, list[list], str, Address, str]:
        a = self.v5.synth.from_zip(rng.choice(self.short_towns), rng)
        first, _, rest = a.locality.partition(" ")
        if first in SHORT_PREFIX and rest:
            a.locality = f"{rng.choice(SHORT_PREFIX[first])} {rest}"
        pieces: list[Piece] = [(a.house_number or str(rng.randint(1, 9999)), "house_number", ""),
                               (a.street, "street", " "), (a.locality, "locality", rng.choice((" ", " ", ", ")))]
        if rng.random() < 0.9:
            pieces.append((a.region_code or a.region_name, "region", rng.choice((" ", ", "))))
        if a.postcode and rng.random() < 0.6:
            pieces.append((a.postcode, "postcode", " "))
        a.stats["v8"] = "short_town"
        text, spans = assemble([p for p in pieces if p[0]], rng, a.stats)
        return text, spans, "v8_short_town", a, "short_town"

    def example(self, rng: random.Random) -> tuple[str, list[list], str, Address, str]:
        if self.short_towns and rng.random() < CONTRAST:
            return self._contrast(rng)
        a = self._address(rng)
        forms = rng.choice(DESIGNATORS)
        unit = forms[0] if rng.random() < 0.6 else rng.choice(forms)
        number = a.house_number or str(rng.randint(1, 9999))
        pieces: list[Piece] = [(number, "house_number", ""), (a.street, "street", " "),
                               (unit, "unit", rng.choice(_BEFORE))]
        r = rng.random()
        if r < 0.2:  # the street line alone, as an address list writes it
            kind = "line"
        else:
            kind = "full"
            place_tail(a, rng, pieces)
        a.stats["v8"] = kind
        text, spans = assemble([p for p in pieces if p[0]], rng, a.stats)
        return text, spans, f"v8_{kind}", a, kind
