"""Corpus 0.16.0 generator: corpus 0.15.0's ``v15`` forms at twice the dose, with Baltic streets and the order of
addresses in the former Soviet states.

One mix source, ``v16`` (only in corpus >= 0.16.0), in place of ``v15`` and at twice its share: every ``v15`` kind
(``training.corpus_v15``), the six that 0.15.0 added drawn twice as often (its candidates still read "tfno. 915 123
456" as a postcode and "PIN" as a region), and two more:

- ``baltic``: Lithuanian, Latvian and Estonian streets with their type words and abbreviations ("Vilniaus g. 20",
  "Gedimino pr. 9", "Brīvības iela 30", "Pärnu mnt 10"); no Faker locale writes them, and the arms read "g. 20" as
  the house number.
- ``cis``: the order of addresses in Russia, Ukraine and their neighbours, the postcode after the city ("вул.
  Дерибасівська, 10, Одеса, 65026, Україна"); the arms read the city there as a suburb.
"""

from __future__ import annotations

import random
from typing import Any

from training.corpus_render import Address, Piece, assemble
from training.corpus_v11 import sep
from training.corpus_v12 import Maker
from training.corpus_v15 import KINDS as V15_KINDS
from training.corpus_v15 import V15Synth

NEW_IN_V15 = ("phone", "postcode_word", "country_letters", "hk_floor", "quebec", "ireland")
KINDS: tuple[tuple[str, float], ...] = (*((k, 2 * w if k in NEW_IN_V15 else w) for k, w in V15_KINDS), ("baltic", 0.3), ("cis", 0.3))

BALTIC: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {  # country -> (street names, type words)
    "LT": (("Vilniaus", "Gedimino", "Laisvės", "Pilies", "Didžioji", "Totorių", "Basanavičiaus", "Savanorių",
            "Konstitucijos", "Ukmergės", "Kalvarijų", "Žalgirio", "Ozo", "Verkių", "Taikos", "Šilutės", "Jonavos",
            "Maironio", "Donelaičio", "Kęstučio", "Vytauto", "Mindaugo", "Šeimyniškių", "Antakalnio"),
           ("g.", "g.", "g.", "gatvė", "pr.", "al.", "pl.", "skg.", "a.")),
    "LV": (("Brīvības", "Elizabetes", "Tērbatas", "Krišjāņa Barona", "Dzirnavu", "Ģertrūdes", "Lāčplēša",
            "Valdemāra", "Kalnciema", "Maskavas", "Daugavpils", "Rīgas", "Lielā", "Skolas", "Raiņa", "Audēju",
            "Stabu", "Blaumaņa", "Marijas", "Aspazijas"),
           ("iela", "iela", "iela", "gatve", "bulvāris", "prospekts", "laukums")),
    "EE": (("Pärnu", "Narva", "Tartu", "Viru", "Pikk", "Lai", "Rüütli", "Suur-Ameerika", "Kentmanni",
            "Roosikrantsi", "Mustamäe", "Paldiski", "Peterburi", "Tammsaare", "Endla", "Gonsiori", "Liivalaia"),
           ("mnt", "mnt", "tn", "tänav", "pst", "tee", "maantee", "puiestee")),
}
_BALTIC_CCS = sorted(BALTIC)  # drawn from in this order
BALTIC_COUNTRY = {"LT": ("Lietuva", "Lithuania"), "LV": ("Latvija", "Latvia"), "EE": ("Eesti", "Estonia")}
CIS = ("RU", "UA", "BY", "KZ", "GE", "AM", "MD", "UZ", "KG", "AZ")


class V16Synth(V15Synth):
    """Examples of the ``v16`` mix source: ``V15Synth``'s kinds, ``baltic`` and ``cis``."""

    source = "v16"
    kinds = KINDS

    def __init__(self, v5: Any) -> None:
        super().__init__(v5)
        self.cyrillic = {cc: [r for r in v5.world.w.faker.get(cc, ()) if all(r[:4])] for cc in ("RU", "UA")}

    def _baltic(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        cc = rng.choice(_BALTIC_CCS)
        names, types = BALTIC[cc]
        a: Address = self.v5.v4._base(cc, rng)
        street = f"{rng.choice(names)} {rng.choice(types)}"
        number = str(rng.randint(1, 150)) + (rng.choice(("", "", "", "A", "B", "-12", "-4")) if rng.random() < 0.3 else "")
        code = f"{rng.randint(10000, 99999):05d}" if cc != "LV" else f"{rng.randint(1000, 5799):04d}"
        postcode = rng.choice((f"{cc}-{code}", code)) if cc != "EE" else code
        pieces: list[Piece] = [(street, "street", ""), (number, "house_number", rng.choice((" ", ", ")))]
        if cc == "LV" or rng.random() < 0.3:  # "Rīga, LV-1050"
            pieces += [(a.locality, "locality", sep(rng)), (postcode, "postcode", sep(rng))]
        else:
            pieces += [(postcode, "postcode", sep(rng)), (a.locality, "locality", " ")]
        if rng.random() < 0.4:
            pieces.append((rng.choice(BALTIC_COUNTRY[cc]), "country", sep(rng)))
        text, spans = assemble([p for p in pieces if p[0]], rng, a.stats)
        return text, spans, a, cc

    def _cis(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        cc = rng.choice(CIS) if rng.random() < 0.4 else rng.choice(("RU", "UA"))
        a: Address = self.v5.v4._base(cc, rng)
        street, number, postcode, city = a.street, a.house_number, a.postcode, a.locality
        if cc in self.cyrillic and self.cyrillic[cc] and rng.random() < 0.8:
            street, number, postcode, city = rng.choice(self.cyrillic[cc])[:4]
        pieces: list[Piece] = [(street, "street", ""), (number, "house_number", rng.choice((", ", " "))),
                               (city, "locality", sep(rng)), (postcode, "postcode", sep(rng))]
        names = self.native.get(cc, ()) + a.country_names[:1]
        if names and rng.random() < 0.6:  # the first language's name (Russian's, Ukrainian's) most often
            pieces.append((rng.choice(names[:1] * 3 + names), "country", sep(rng)))
        if rng.random() < 0.15:  # the postcode first: "65026, Україна, Одеса, ..." is rarer; "Одеса 65026"
            pieces[2], pieces[3] = (pieces[2][0], "locality", ", "), (pieces[3][0], "postcode", " ")
        text, spans = assemble([p for p in pieces if p[0]], rng, a.stats)
        return text, spans, a, cc

    def _makers(self) -> dict[str, Maker]:
        return super()._makers() | {"baltic": self._baltic, "cis": self._cis}
