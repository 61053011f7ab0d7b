"""Corpus 0.10.0 generator: a business's name before its address, in the business's own country and language.

One mix source, ``v10`` (only in corpus >= 0.10.0). Business mail and listings lead with the firm's name: "Hermighausen
AG, Hauptstraße 5, 10115 Berlin", "Larsson AB, Drottninggatan 1, 111 51 Stockholm" (outside the English-speaking
countries: see ``LOCALES``). Corpus 0.9.0's venues almost all carry a type word ("Musée ...", "... Stadium", "Hotel ..."), so
the arms read a firm's name without one as a street or a suburb.

The names are Faker's ``company()`` of the locale (legal forms included: GmbH, AB, s.r.o., Sp. z o.o., S.A., 株式会社,
ЗАО «...»); the address is one of that locale's Faker rows (``V5Synth.locale_address``), rendered in the country's
layout with the venue first (``render``'s ``venue`` mix) or, for a fifth, the name and the city alone. The names come
with a pinned hash seed (``corpus_world.pinned``), so builds are byte-identical.
"""

from __future__ import annotations

import random
from typing import Any

from training.corpus_formats import layout_for
from training.corpus_render import Address, Piece, assemble, render
from training.corpus_world import pinned

# not the English locales: the usaddress data (and the real-text test set drawn from it) labels a US firm's name
# before its address a Recipient, which addrnet leaves out (``O``); its legal forms (Inc, LLC) are English ones
LOCALES = (
    "de_DE de_AT de_CH fr_FR fr_CH fr_CA nl_NL nl_BE it_IT es_ES es_MX pt_PT pt_BR pl_PL cs_CZ sv_SE no_NO da_DK "
    "fi_FI hu_HU ro_RO el_GR ru_RU ja_JP ko_KR zh_CN"
).split()
PER_LOCALE = 300
NAME_AND_CITY = 0.2


def companies(locales: list[str], n: int, seed: int = 0) -> dict[str, list[str]]:
    """``n`` company names of each locale (Faker, seeded), one line each, at most 60 characters."""
    from faker import Faker

    out: dict[str, list[str]] = {}
    for loc in locales:
        f = Faker(loc)
        f.seed_instance(seed)
        names = []
        for _ in range(n):
            try:
                name = " ".join(str(f.company()).split())
            except (AttributeError, TypeError, ValueError):
                break
            if name and len(name) <= 60:
                names.append(name)
        out[loc] = names
    return out


class V10Synth:
    """Examples of the ``v10`` mix source, from the corpus 0.5.0 ``V5Synth`` ``v5``."""

    def __init__(self, v5: Any) -> None:
        self.v5 = v5
        faker = v5.world.w.faker
        names = pinned("training.corpus_v10", "companies", list(LOCALES), PER_LOCALE)
        self.pool = [(loc.split("_")[1], names[loc]) for loc in LOCALES if names.get(loc) and faker.get(loc.split("_")[1])]

    def example(self, rng: random.Random) -> tuple[str, list[list], str, Address, str]:
        cc, names = rng.choice(self.pool)
        a = self.v5.locale_address(cc, rng, always=True)
        a.venue = rng.choice(names)
        if rng.random() < NAME_AND_CITY:
            kind = "name_city"
            pieces: list[Piece] = [(a.venue, "venue", ""), (a.locality, "locality", rng.choice((", ", ", ", " ")))]
            text, spans = assemble([p for p in pieces if p[0]], rng, a.stats)
        else:
            kind = "address"
            text, spans, _ = render(a, layout_for(cc), rng, "venue")
        a.stats["v10"] = kind
        return text, spans, f"v10_{kind}", a, kind
