"""Corpus 0.13.0 generator: corpus 0.12.0's ``v12`` forms, with the contrast of a province written after the city.

One mix source, ``v13`` (only in corpus >= 0.13.0), in place of ``v12``: every ``v12`` kind
(``training.corpus_v12``), and one more, ``province``: an Italian address with the province's code after the city,
bare or in parentheses ("50123 Firenze FI", "20121 Milano (MI)"), and a Spanish one with the province's name in
parentheses ("28013 Madrid (Madrid)"), the province the ``region``. Trained on ``v12`` alone, the arms read a city
followed by a short code as one locality ("Firenze FI", as "København K" is one), where stop 29's arms read the city
and its province. Provinces are pycountry's second-level subdivisions of Italy and Spain.
"""

from __future__ import annotations

import random
from typing import Any

from training.corpus_render import Address, Piece, assemble
from training.corpus_v12 import KINDS as V12_KINDS
from training.corpus_v12 import Maker, V12Synth

KINDS: tuple[tuple[str, float], ...] = (*V12_KINDS, ("province", 0.2))
IT_TYPES = ("Province", "Metropolitan city", "Free municipal consortium", "Autonomous province",
            "Decentralized regional entity")


def provinces() -> dict[str, list[tuple[str, str]]]:
    """Country -> (code, name) of its provinces: Italy's by their two-letter code, Spain's by their name (pycountry's
    bracketed local form dropped: "Barcelona [Barcelona]" -> "Barcelona")."""
    import pycountry

    it = sorted((s.code.split("-", 1)[1], s.name) for s in pycountry.subdivisions.get(country_code="IT") or ()
                if s.type in IT_TYPES and len(s.code.split("-", 1)[1]) == 2)
    es = sorted((s.code.split("-", 1)[1], s.name.split(" [")[0]) for s in pycountry.subdivisions.get(country_code="ES")
                or () if s.type == "Province")
    return {"IT": it, "ES": es}


class V13Synth(V12Synth):
    """Examples of the ``v13`` mix source: ``V12Synth``'s kinds and ``province``."""

    source = "v13"
    kinds = KINDS

    def __init__(self, v5: Any) -> None:
        super().__init__(v5)
        self.provinces = provinces()

    def _province(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        cc = "IT" if rng.random() < 0.75 else "ES"
        a: Address = self.v5.v4._base(cc, rng)
        code, name = rng.choice(self.provinces[cc])
        if cc == "IT":
            region = rng.choice((code, code, code, f"({code})"))
        else:
            region = f"({name})"
        postcode = f"{rng.randint(100, 98199):05d}"
        pieces: list[Piece] = [(a.street, "street", ""), (a.house_number, "house_number", rng.choice((", ", " "))),
                               (postcode, "postcode", ", "), (a.locality, "locality", " "), (region, "region", " ")]
        if rng.random() < 0.2:
            pieces.append((rng.choice(("Italia", "Italy") if cc == "IT" else ("España", "Spain")), "country", ", "))
        text, spans = assemble([p for p in pieces if p[0]], rng, a.stats)
        return text, spans, a, cc

    def _makers(self) -> dict[str, Maker]:
        return super()._makers() | {"province": self._province}
