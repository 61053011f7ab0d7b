"""Corpus 0.15.0 generator: corpus 0.14.0's ``v14`` forms, with phone numbers, postcodes with a word before them,
country letters before the postcode, Hong Kong floors, Canada Post's French form and Irish counties.

One mix source, ``v15`` (only in corpus >= 0.15.0), in place of ``v14``: every ``v14`` kind (``training.corpus_v14``;
``post_box`` drawn twice as often, as the 0.14.0 arms still misread "Postboks 123" and "а/я 25"), and six more:

- ``phone``: an address with a phone (or fax) number before or after it, unlabelled ("..., 1012 PH Amsterdam,
  tel. 020 123 4567"); the 0.14.0 arms read such a number as a postcode.
- ``postcode_word``: a postcode with its word ("CEP 01310-100", "PLZ 10117", "Zip: 94105", "PIN 560001", "T.K. 105
  63"), the word part of the postcode; the arms read "CEP 01310-100" as a post box.
- ``country_letters``: a European postcode after its country's letters ("CH-8001 Zürich", "D-10117 Berlin",
  "NL-1012 AB Amsterdam"), as cross-border mail writes it; the arms read "CH-8001" as a suburb.
- ``hk_floor``: a Hong Kong address with its flat, floor and building ("Flat A, 12/F, Tower 2, 8 Harbour Road, Wan
  Chai, Hong Kong"), the floor the ``level``, the district the ``locality``, "Kowloon" or "New Territories" the
  ``region``; the arms read "12/F" as a house number.
- ``quebec``: Canada Post's French form, the number before the street and the province in parentheses after the
  city ("1000, rue Sherbrooke Ouest, Montréal (Québec)  H3A 0G4"), the province the ``region``.
- ``ireland``: an Irish address with its county ("Co. Mayo", the ``county``) and Eircode ("F28 K2N8").
"""

from __future__ import annotations

import random
import string
from typing import Any

from training.corpus_formats import layout_for
from training.corpus_render import Address, Piece, assemble, ordered
from training.corpus_v11 import sep
from training.corpus_v12 import Maker
from training.corpus_v14 import KINDS as V14_KINDS
from training.corpus_v14 import V14Synth

KINDS: tuple[tuple[str, float], ...] = (*((k, 2 * w if k == "post_box" else w) for k, w in V14_KINDS), ("phone", 0.25), ("postcode_word", 0.25),
         ("country_letters", 0.25), ("hk_floor", 0.2), ("quebec", 0.2), ("ireland", 0.2))

PHONE_WORDS = ("tel.", "Tel.", "Tel:", "tel:", "Tel", "TEL", "Phone:", "phone", "Ph:", "Tél.", "Tél :", "Telefon:",
               "Fax:", "fax", "Mobile:", "Cel.", "Tfno.", "тел.", "")
PHONE_SHAPES = ("+## ## #######", "+## ### ### ####", "0## ### ####", "(###) ###-####", "###-###-####", "+1 ###-###-####",
                "0### ######", "+44 20 #### ####", "## ## ## ## ##", "+33 # ## ## ## ##", "0##-#######")
# postcode words by country: "{p}" the postcode
POSTCODE_WORDS: dict[str, tuple[str, ...]] = {
    "BR": ("CEP {p}", "CEP: {p}", "CEP {p}", "Cep {p}"),
    "DE": ("PLZ {p}", "PLZ: {p}"),
    "US": ("Zip {p}", "ZIP: {p}", "Zip Code {p}", "zip code: {p}"),
    "IN": ("PIN {p}", "PIN: {p}", "Pin Code {p}", "PIN - {p}", "Pincode: {p}"),
    "GR": ("T.K. {p}", "TK {p}", "Τ.Κ. {p}", "ΤΚ {p}"),
    "ES": ("C.P. {p}", "CP {p}", "Código Postal {p}"),
    "MX": ("C.P. {p}", "CP {p}", "Código Postal {p}"),
    "CO": ("Código postal {p}", "CP {p}"),
    "CA": ("Postal Code {p}", "Postal code: {p}"),
    "FR": ("CP {p}", "Code postal {p}"),
    "PT": ("Código Postal {p}", "C.P. {p}"),
    "CN": ("Postcode {p}", "邮编 {p}", "邮编：{p}"),
}
_POSTCODE_WORD_CCS = sorted(POSTCODE_WORDS)  # drawn from in this order
COUNTRY_LETTERS: dict[str, tuple[str, ...]] = {
    "CH": ("CH",), "DE": ("D", "DE"), "AT": ("A", "AT"), "FR": ("F", "FR"), "IT": ("I", "IT"), "BE": ("B", "BE"),
    "LU": ("L",), "NL": ("NL",), "SE": ("S", "SE"), "DK": ("DK",), "FI": ("FIN", "FI"), "NO": ("N", "NO"),
    "ES": ("E", "ES"), "PT": ("P", "PT"), "CZ": ("CZ",), "SK": ("SK",), "PL": ("PL",), "HU": ("H", "HU"),
    "SI": ("SI", "SLO"), "HR": ("HR",), "LV": ("LV",), "LT": ("LT",), "EE": ("EE",), "GR": ("GR",),
}
_LETTER_CCS = sorted(COUNTRY_LETTERS)
HK_DISTRICTS = ("Wan Chai", "Central", "Causeway Bay", "Tsim Sha Tsui", "Mong Kok", "Kwun Tong", "Sha Tin", "Tsuen Wan",
                "Sheung Wan", "Admiralty", "North Point", "Quarry Bay", "Yau Ma Tei", "Sham Shui Po", "Kowloon Bay",
                "Aberdeen", "Tai Po", "Tuen Mun", "Yuen Long", "Kwai Chung", "Hung Hom", "Jordan", "Wong Tai Sin")
HK_AREAS = ("Kowloon", "New Territories", "Hong Kong Island", "Kowloon East", "Lantau Island")
HK_STREETS = ("Harbour Road", "Queen's Road Central", "Nathan Road", "Hennessy Road", "Des Voeux Road Central",
              "Gloucester Road", "Connaught Road Central", "King's Road", "Canton Road", "Lockhart Road",
              "Hoi Bun Road", "Castle Peak Road", "Wai Yip Street", "Austin Road", "Salisbury Road", "Jaffe Road",
              "Lung Cheung Road", "Sha Tin Centre Street", "Tai Ho Road", "Electric Road", "Wing Lok Street")
HK_BUILDINGS = ("Tower {n}", "Block {L}", "{name} Centre", "{name} Building", "{name} Plaza", "{name} House",
                "{name} Tower", "{name} Mansion", "{name} Court")
HK_NAMES = ("Sun Hung Kai", "Lippo", "Times Square", "Golden", "Pacific", "Harbour", "Jardine", "Wing On", "Hang Seng",
            "Cheung Kong", "Lee Garden", "Ocean", "Grand", "Kowloon", "Prosperity", "Man Yee", "Shun Tak")
QC_PROVINCES = ("Québec", "Québec", "Québec", "Ontario", "Nouveau-Brunswick", "Nouvelle-Écosse", "Manitoba",
                "Alberta", "Colombie-Britannique", "Saskatchewan")
QC_CITIES = ("Montréal", "Québec", "Laval", "Gatineau", "Longueuil", "Sherbrooke", "Saguenay", "Lévis",
             "Trois-Rivières", "Terrebonne", "Saint-Jean-sur-Richelieu", "Repentigny", "Brossard", "Drummondville",
             "Saint-Jérôme", "Granby", "Blainville", "Saint-Hyacinthe", "Shawinigan", "Dollard-Des Ormeaux",
             "Rimouski", "Victoriaville", "Mirabel", "Joliette", "Sorel-Tracy", "Val-d'Or", "Rouyn-Noranda")
QC_TYPES = ("rue", "rue", "rue", "boulevard", "boul.", "avenue", "av.", "chemin", "ch.", "rang", "montée", "place",
            "côte", "route", "croissant", "allée")
QC_DIRS = ("", "", "", " Ouest", " Est", " O", " E", " Nord", " Sud")
IE_TOWNS = ("Westport", "Castlebar", "Ennis", "Tralee", "Killarney", "Kilkenny", "Athlone", "Mullingar", "Sligo",
            "Letterkenny", "Drogheda", "Dundalk", "Navan", "Naas", "Wexford", "Carlow", "Clonmel", "Tullamore",
            "Portlaoise", "Ballina", "Bantry", "Kinsale", "Dingle", "Listowel", "Nenagh", "Thurles", "Cavan",
            "Monaghan", "Longford", "Roscommon", "Bray", "Arklow", "Gorey", "Youghal", "Mallow", "Clifden")
IE_STREETS = ("Main Street", "Bridge Street", "Church Street", "Market Square", "The Mall", "Shop Street",
              "High Street", "Castle Street", "Mill Street", "Abbey Street", "John Street", "O'Connell Street",
              "New Street", "Chapel Street", "Pearse Street", "Parnell Street", "Connolly Street", "Davitt Road")


def phone_number(rng: random.Random) -> str:
    return "".join(str(rng.randint(0, 9)) if ch == "#" else ch for ch in rng.choice(PHONE_SHAPES))


def eircode(rng: random.Random) -> str:
    """An Eircode's shape: a routing key (a letter and two digits) and four letters or digits."""
    chars = "ACDEFHKNPRTVWXY0123456789"
    return f"{rng.choice('ACDEFHKNPRTVWXY')}{rng.randint(10, 99)} {''.join(rng.choice(chars) for _ in range(4))}"


class V15Synth(V14Synth):
    """Examples of the ``v15`` mix source: ``V14Synth``'s kinds and six more (module docstring)."""

    source = "v15"
    kinds = KINDS

    def __init__(self, v5: Any) -> None:
        super().__init__(v5)
        self.fr_streets = [r[0] for r in v5.world.w.faker.get("FR", ()) if r[0]]
        self.ie_counties = list(v5.world.w.counties.get("IE", ())) or ["Mayo"]

    def _full(self, a: Address, cc: str, rng: random.Random, country: bool = False) -> list[Piece]:
        keep = {"house_number", "street", "locality", "postcode"} | ({"country"} if country else set())
        if rng.random() < 0.2:
            keep.add("region")
        return [p for p in ordered(a, layout_for(cc), keep, rng) if p[0]]

    def _phone(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        cc = rng.choice(self.native_ccs)
        if rng.random() < 0.5:
            cc = rng.choice(("US", "GB", "DE", "FR", "NL", "IT", "ES", "AU", "CA", "BR", "IN", "MX", "CH", "AT"))
        a: Address = self.v5.v4._base(cc, rng)
        pieces = self._full(a, cc, rng, rng.random() < 0.2)
        word = rng.choice(PHONE_WORDS)
        phone = (f"{word} " if word else "") + phone_number(rng)
        if rng.random() < 0.8:
            pieces.append((phone, None, rng.choice((", ", ", ", " ", " - ", "; "))))
        else:
            pieces = [(phone, None, "")] + [(t, lab, ", " if i == 0 else s) for i, (t, lab, s) in enumerate(pieces)]
        text, spans = assemble(pieces, rng, a.stats)
        return text, spans, a, cc

    def _postcode_word(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        cc = rng.choice(_POSTCODE_WORD_CCS)
        a: Address = self.v5.v4._base(cc, rng)
        if a.postcode:
            a.postcode = rng.choice(POSTCODE_WORDS[cc]).format(p=a.postcode)
        pieces = self._full(a, cc, rng, rng.random() < 0.2)
        if cc == "BR" and rng.random() < 0.3:  # "CEP 01310-100, Av. Paulista, 1000, São Paulo"
            pc = [p for p in pieces if p[1] == "postcode"]
            rest = [p for p in pieces if p[1] != "postcode"]
            pieces = pc[:1] + [(t, lab, ", " if i == 0 else s) for i, (t, lab, s) in enumerate(rest)]
        text, spans = assemble(pieces, rng, a.stats)
        return text, spans, a, cc

    def _country_letters(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        cc = rng.choice(_LETTER_CCS)
        a: Address = self.v5.v4._base(cc, rng)
        if a.postcode and not a.postcode[0].isalpha():  # not twice ("LV-1050" has its letters already)
            a.postcode = f"{rng.choice(COUNTRY_LETTERS[cc])}-{a.postcode}"
        text, spans = assemble(self._full(a, cc, rng, rng.random() < 0.15), rng, a.stats)
        return text, spans, a, cc

    def _hk_floor(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        a = Address(country="HK")
        n = rng.randint(1, 68)
        nth = f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
        floor = rng.choice((f"{n}/F", f"{n}/F", "G/F", f"{n}F", f"{nth} Floor", f"Floor {n}"))
        pieces: list[Piece] = []
        if rng.random() < 0.7:
            pieces.append((rng.choice(("Flat", "Flat", "Unit", "Room", "Rm", "Shop", "Suite")) + " "
                           + rng.choice((rng.choice(string.ascii_uppercase[:8]), str(rng.randint(1, 3000)))),
                           "unit", ""))
        pieces.append((floor, "level", ", " if rng.random() < 0.8 else " "))
        if rng.random() < 0.6:
            name = rng.choice(HK_BUILDINGS).format(n=rng.randint(1, 6), L=rng.choice("ABCDEF"), name=rng.choice(HK_NAMES))
            pieces.append((name, "venue", ", "))
        pieces += [(str(rng.randint(1, 999)), "house_number", ", "), (rng.choice(HK_STREETS), "street", " "),
                   (rng.choice(HK_DISTRICTS), "locality", ", ")]
        if rng.random() < 0.4:  # the area ("Kowloon") is the region
            pieces.append((rng.choice(HK_AREAS), "region", ", "))
        if rng.random() < 0.6:
            pieces.append(("Hong Kong" if rng.random() < 0.8 else "HK", "country", ", "))
        pieces = [(t, lab, "" if i == 0 else s) for i, (t, lab, s) in enumerate(pieces)]
        text, spans = assemble(pieces, rng, a.stats)
        return text, spans, a, "HK"

    def _quebec(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        a: Address = self.v5.v4._base("CA", rng)
        name = rng.choice(self.fr_streets).split(" ", 1)[-1] if self.fr_streets else "Saint-Denis"
        street = f"{rng.choice(QC_TYPES)} {name}{rng.choice(QC_DIRS)}"
        city = rng.choice(QC_CITIES) if rng.random() < 0.6 else a.locality
        province = rng.choice(QC_PROVINCES)
        pieces: list[Piece] = [(str(rng.randint(1, 9999)), "house_number", ""), (street, "street", rng.choice((", ", " "))),
                               (city, "locality", sep(rng)), (f"({province})", "region", " "),
                               (a.postcode or "H3B 4W5", "postcode", rng.choice(("  ", " ")))]
        if rng.random() < 0.15:
            pieces.append(("Canada", "country", sep(rng)))
        text, spans = assemble(pieces, rng, a.stats)
        return text, spans, a, "CA"

    def _ireland(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        a = Address(country="IE")
        county = rng.choice(self.ie_counties)
        pieces: list[Piece] = []
        if rng.random() < 0.5:
            pieces.append((str(rng.randint(1, 120)), "house_number", ""))
        pieces.append((rng.choice(IE_STREETS), "street", " "))
        pieces.append((rng.choice(IE_TOWNS), "locality", sep(rng)))
        pieces.append((rng.choice(("Co. ", "Co. ", "Co ", "County ", "")) + county, "county", sep(rng)))
        if rng.random() < 0.7:
            pieces.append((eircode(rng), "postcode", sep(rng)))
        if rng.random() < 0.2:
            pieces.append((rng.choice(("Ireland", "Éire", "Republic of Ireland")), "country", sep(rng)))
        pieces = [(t, lab, "" if i == 0 else s) for i, (t, lab, s) in enumerate(pieces)]
        text, spans = assemble(pieces, rng, a.stats)
        return text, spans, a, "IE"

    def _makers(self) -> dict[str, Maker]:
        return super()._makers() | {"phone": self._phone, "postcode_word": self._postcode_word,
                                    "country_letters": self._country_letters, "hk_floor": self._hk_floor,
                                    "quebec": self._quebec, "ireland": self._ireland}
