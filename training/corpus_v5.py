"""Corpus 0.5.0 generators: partial addresses and number forms seen in real input from anywhere.

One mix source, ``v5`` (only in corpus >= 0.5.0), with these kinds:

- ``street_region``: a US, Canadian or Australian street (numbered roads included) followed by the postal code
  of its state or province and perhaps a postcode, with no locality ("1210 Highway 10 W, IA", "9600 Interstate
  35 TX 78748").
- ``person_street``: streets named after people with one or two given names ("Rue Jean Baptiste Clément",
  "Strada Doctor Carol Davila"), alone, with a number, or before a locality with or without a comma.
- ``country_tail``: a locality or region followed by its country without a comma, the country also written as
  its ISO 3166-1 alpha-3 code in either case ("Paris France", "new south wales aus", "Toronto ON CAN").
- ``house_prefix``: house numbers written with the word or sign before them ("No. 12", "Nº 12", "n. 12",
  "Nr. 12", "д. 12", "č. 12", "#12"), Russian/Ukrainian flats ("кв. 5").
- ``junk``: inputs with no address component at all (a unit or floor word with no number, a connector,
  stray punctuation), labelled with no span, so that the tagger can answer "nothing here".

Besides these, corpus 0.5.0 labels floors as ``level`` in the usaddress rows (usaddress files "2nd Floor",
"Floor 4" and "Fl 3" as occupancy or subaddress, which is ``unit``): see ``split_floors``.

Names are real (Faker rows, GeoNames localities, pycountry codes); only the prefixes, designator words and
connectors are written here.
"""

from __future__ import annotations

import random
import re
from typing import Any

from training.corpus_formats import layout_for
from training.corpus_render import Address, Piece, _case, assemble, render
from training.corpus_v4 import _LANG_OF as PERSON_LANG
from training.corpus_v4 import _PEOPLE_OF, _ROMANCE

V5_KINDS: tuple[tuple[str, float], ...] = (
    ("street_region", 0.22), ("person_street", 0.26), ("country_tail", 0.18), ("house_prefix", 0.24), ("junk", 0.10),
)
# house-number prefixes by the language of the address; "{n}" is the number
_NUMBER_PREFIX: dict[str, tuple[str, ...]] = {
    "es": ("No. {n}", "Nº {n}", "N° {n}", "nº {n}", "núm. {n}", "Núm. {n}", "No {n}", "#{n}", "# {n}"),
    "pt": ("nº {n}", "Nº {n}", "N° {n}", "n. {n}", "No. {n}", "número {n}"),
    "it": ("n. {n}", "N. {n}", "n° {n}", "civico {n}", "nr. {n}"),
    "fr": ("n° {n}", "N° {n}", "no {n}"),
    "ro": ("nr. {n}", "Nr. {n}", "nr {n}"),
    "de": ("Nr. {n}", "Nr {n}", "Hausnummer {n}"),
    "nl": ("nr. {n}", "Nr {n}"),
    "pl": ("nr {n}", "Nr. {n}"),
    "cs": ("č. {n}", "č.p. {n}", "čp. {n}"),
    "ru": ("д. {n}", "дом {n}", "д.{n}", "Д. {n}"),
    "id": ("No. {n}", "No.{n}", "No {n}", "Nomor {n}"),
    "en": ("No. {n}", "No {n}", "#{n}", "# {n}", "Number {n}"),
}
_PREFIX_LANG = {"ES": "es", "MX": "es", "AR": "es", "CO": "es", "CL": "es", "PE": "es", "PT": "pt", "BR": "pt",
            "IT": "it", "FR": "fr", "BE": "fr", "RO": "ro", "DE": "de", "AT": "de", "CH": "de", "NL": "nl",
            "PL": "pl", "CZ": "cs", "SK": "cs", "RU": "ru", "UA": "ru", "ID": "id", "PH": "en", "IN": "en",
            "GB": "en", "US": "en", "AU": "en", "NZ": "en"}
_FLAT = {"ru": ("кв. {n}", "кв.{n}", "квартира {n}", "офис {n}")}
# words that name a unit, a floor or a box but carry no number: alone they are no address component
_DESIGNATORS = ("Apartment", "Apt", "Unit", "Suite", "Ste", "Space", "Room", "Rm", "Floor", "Fl", "Building",
                "Bldg", "Flat", "Office", "Lot", "Trailer", "Dept", "Department", "Level", "Box", "Piso", "Étage",
                "Etage", "Stock", "Wohnung", "Apartamento", "Appartement", "Bureau", "Oficina")
_CONNECTORS = ("&", "@", "and", "at", "/", "-", "y", "et", "und", "e", "near", "corner of", "cnr")
_MARKS = (".", ",", "-", "#", "/", "?", "!", "...", "--", "*", "()", "'")
_SEP = (", ", ", ", " ")


def _cased(s: str, rng: random.Random) -> str:
    r = rng.random()
    return _case(s, "lower" if r < 0.3 else "upper" if r < 0.45 else "as_is")


_FLOOR = re.compile(
    r"(?<!\S)(?:\d+(?:st|nd|rd|th)?\s+(?:floor|flr|fl)\.?|(?:floor|flr|fl)\.?\s*#?\s*\d+[a-z]?"
    r"|(?:first|second|third|fourth|fifth|ground|top|upper|lower)\s+(?:floor|flr|fl)\.?)(?!\S)", re.IGNORECASE)


def split_floors(pieces: list[Piece]) -> list[Piece]:
    """Floors inside a ``unit`` piece become their own ``level`` piece ("dept 528 4th floor" -> unit "dept 528",
    level "4th floor"); the rest of the piece stays ``unit``. Splits fall on spaces only."""
    out: list[Piece] = []
    for value, label, sep in pieces:
        m = _FLOOR.search(value) if label == "unit" else None
        if m is None:
            out.append((value, label, sep))
            continue
        before, after = value[: m.start()].rstrip(" ,"), value[m.end() :].lstrip(" ,")
        if before:
            out.append((before, "unit", sep))
            sep = _joint(value[len(before) : m.start()])
        out.append((m.group(0), "level", sep))
        if after:
            out.append((after, "unit", _joint(value[m.end() : len(value) - len(after)])))
    return out


def _joint(between: str) -> str:
    """The separator a split piece keeps: a comma when the text between the parts is one."""
    return ", " if between.strip() == "," else " "


class V5Synth:
    """Examples of the ``v5`` mix source, from the corpus 0.4.0 ``V4Synth`` ``v4`` (streets, people, cities) and its
    sources, world and synthesizer."""

    def __init__(self, v4: Any) -> None:
        self.v4, self.src, self.world, self.synth = v4, v4.src, v4.world, v4.synth
        self.iso3 = _iso3()
        self.tail_pool = [cc for cc in self.iso3 if cc in self.src.cities_by_country]  # countries for country_tail
        self.kinds = {"street_region": self._street_region, "person_street": self._person_street,
                      "country_tail": self._country_tail, "house_prefix": self._house_prefix, "junk": self._junk}

    def example(self, rng: random.Random) -> tuple[str, list[list], str, Address, str]:
        kind = rng.choices([k for k, _ in V5_KINDS], [w for _, w in V5_KINDS])[0]
        a, pieces, mix = self.kinds[kind](rng)
        a.stats["v5"] = kind
        if pieces is None:  # rendered with the usual mixes
            text, spans, mix = render(a, layout_for(a.country), rng, mix)
        else:
            text, spans = assemble([p for p in pieces if p[0]], rng, a.stats)
        return text, spans, f"v5_{mix}", a, kind

    def locale_address(self, cc: str, rng: random.Random, always: bool = False) -> Address:
        """An address of ``cc``: 60% of the time (``always``: every time) one of the locale's own Faker rows (its
        street, number, postcode and city), else a GeoNames place with a synthesized street (``V4Synth._base``)."""
        rows = self.world.w.faker.get(cc)
        if rows and (rng.random() < 0.6 or always):
            street, number, postcode, city, region, code = rng.choice(rows)
            return Address(cc, house_number=number, street=street, locality=city, region_name=region,
                           region_code=code, postcode=postcode, country_names=self.world.names(cc))
        return self.v4._base(cc, rng)

    # ------------------------------------------------------------------ kinds
    def _street_region(self, rng: random.Random) -> tuple[Address, list[Piece], str]:
        cc = rng.choice(("US", "US", "US", "US", "CA", "AU"))
        if cc == "US":
            a = self.synth.from_zip(rng.randrange(len(self.src.zips)), rng)
            if rng.random() < 0.5:
                a.street = self.v4.us_road(rng, a.region_code if rng.random() < 0.6 else "")
                if rng.random() < 0.3:
                    a.house_number = f"{rng.randint(1, 29999)}{rng.choice('abcdABCD')}"
        else:
            a = self.v4._base(cc, rng)
        # the postal code of the state or province, as such partial inputs write it ("..., IA"); a full name after
        # a street is more often the city ("100 Broadway New York"), so names are left to the full renderings
        region = a.region_code or a.region_name
        pieces: list[Piece] = []
        layout_first = layout_for(a.country).number_first
        if a.house_number and rng.random() < 0.8:
            pieces += [(a.house_number, "house_number", ""), (a.street, "street", " ")] if layout_first else \
                [(a.street, "street", ""), (a.house_number, "house_number", " ")]
        else:
            pieces.append((a.street, "street", ""))
        pieces.append((region, "region", rng.choice(_SEP)))
        if a.postcode and rng.random() < 0.35:
            pieces.append((a.postcode, "postcode", " "))
        if rng.random() < 0.1 and a.country_names:
            pieces.append((rng.choice(a.country_names), "country", rng.choice(_SEP)))
        return a, pieces, "street_region"

    def _person_street(self, rng: random.Random) -> tuple[Address, list[Piece], str]:
        cc = rng.choice(("FR", "FR", "BE", "ES", "MX", "AR", "CO", "IT", "PT", "BR", "RO", "PL", "CH", "CL"))
        a = self.v4._base(cc, rng)
        lang = PERSON_LANG[cc]
        if rng.random() < 0.5:
            types, _, titles = _ROMANCE[lang]
            locale = rng.choice(_PEOPLE_OF[lang])
            g1, sur = self.v4._who(rng, locale)
            g2, _ = self.v4._who(rng, locale)
            r = rng.random()
            who = f"{g1} {g2} {sur}" if r < 0.4 else f"{g1}-{g2} {sur}" if r < 0.55 else \
                f"{rng.choice(titles)} {g1} {g2} {sur}" if r < 0.75 else f"{rng.choice(titles)} {g1} {sur}" \
                if r < 0.9 else f"{g1} {sur}"
            a.street = f"{rng.choice(types)} {who}"
        else:
            a.street = self.v4.person_street(cc, rng)
        number = self.v4.house_number(cc, rng)
        first = layout_for(a.country).number_first
        r = rng.random()
        if r < 0.3:
            pieces: list[Piece] = [(a.street, "street", "")]
            mix = "street"
        elif r < 0.55:
            pieces = [(number, "house_number", ""), (a.street, "street", " ")] if first or rng.random() < 0.3 else \
                [(a.street, "street", ""), (number, "house_number", " ")]
            mix = "number_street"
        else:
            pieces = [(a.street, "street", "")]
            if rng.random() < 0.5:
                pieces.append((number, "house_number", " "))
            if a.postcode and rng.random() < 0.3:
                pieces.append((a.postcode, "postcode", ", "))
                pieces.append((a.locality, "locality", " "))
            else:
                pieces.append((a.locality, "locality", ", " if rng.random() < 0.5 else " "))
            mix = "street_locality"
        return a, pieces, mix

    def _country_tail(self, rng: random.Random) -> tuple[Address, list[Piece], str]:
        cc = rng.choice(self.tail_pool)
        a = self.v4._base(cc, rng)
        if rng.random() < 0.35:  # the ISO alpha-3 code, in some case
            country = _cased(self.iso3[cc], rng)
        else:
            country = rng.choice(a.country_names) if a.country_names else self.iso3[cc]
        sep = " " if rng.random() < 0.7 else ", "
        r = rng.random()
        region = a.region_name if a.region_name and (rng.random() < 0.5 or not a.region_code) else a.region_code
        if r < 0.35 or not region:
            pieces: list[Piece] = [(a.locality, "locality", "")]
        elif r < 0.6:
            pieces = [(region, "region", "")]
        else:
            pieces = [(a.locality, "locality", ""), (region, "region", rng.choice(_SEP))]
        if rng.random() < 0.3:  # a street in front
            pieces = [(a.street, "street", "")] + [(v, lab, s or ", ") for v, lab, s in pieces]
        pieces.append((country, "country", sep))
        return a, pieces, "country_tail"

    def _house_prefix(self, rng: random.Random) -> tuple[Address, None, str]:
        cc = rng.choice(("ES", "MX", "AR", "CO", "PE", "PT", "BR", "IT", "FR", "RO", "DE", "NL", "PL", "CZ", "RU",
                         "RU", "UA", "ID", "ID", "PH", "IN", "US", "GB"))
        a = self.locale_address(cc, rng, always=cc in ("RU", "UA"))
        lang = _PREFIX_LANG.get(cc, "en")
        digits = "".join(ch for ch in a.house_number if ch.isdigit()) or str(rng.randint(1, 300))
        a.house_number = rng.choice(_NUMBER_PREFIX[lang]).replace("{n}", digits[:5])
        if lang in _FLAT and rng.random() < 0.4:
            a.unit = rng.choice(_FLAT[lang]).replace("{n}", str(rng.randint(1, 400)))
            mix = "unit"
        else:
            mix = rng.choice(("full", "full", "no_postcode", "street_only", "street_locality"))
        return a, None, mix

    def _junk(self, rng: random.Random) -> tuple[Address, list[Piece], str]:
        a = Address("")
        r = rng.random()
        if r < 0.45:
            text = rng.choice(_DESIGNATORS)
            if rng.random() < 0.2:
                text += rng.choice((" #", ":", " -", "."))
        elif r < 0.8:
            conn = rng.choice(_CONNECTORS)
            letter = rng.choice("abcdefghkmnprstxyz")
            text = f"{conn} {letter}" if rng.random() < 0.5 else f"{letter} {conn}"
        else:
            text = rng.choice(_MARKS)
        return a, [(_cased(text, rng), None, "")], "junk"


def _iso3() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> alpha-3 from pycountry."""
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}
