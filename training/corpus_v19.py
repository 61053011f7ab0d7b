"""Corpus 0.19.0 generator: corpus 0.18.0's forms, its two new kinds broadened and twice as often.

One mix source, ``v19`` (only in corpus >= 0.19.0), in place of ``v17``: every ``v17`` kind (``training.corpus_v17``),
and ``training.corpus_v18``'s two kinds at twice their weight. Corpus 0.18.0's candidates still read "Çankaya,
Ankara" and "Las Condes, Santiago" as locality + region, and "Sai Residency" as a street:

- ``city_district``: a district before any big city (a million people or more), as well as before a city named like
  its region, the city drawn first and then one of its districts, so that a few cities with many districts do not
  fill the kind; Japanese and Korean districts sometimes with their ward word ("Meguro-ku", "Jongno-gu").
- ``building``: as in 0.18.0, the building's number ("Tower 2") more often, and without the building names 0.18.0 took
  from its probe.
"""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

from training.corpus_render import Address
from training.corpus_v17 import KINDS as V17_KINDS
from training.corpus_v18 import BUILDING_NAMES, V18Synth

KINDS: tuple[tuple[str, float], ...] = (*V17_KINDS, ("city_district", 0.6), ("building", 0.6))
BIG_CITY = 1_000_000  # people: a city whose districts are written before it
WARD_WORDS = {"JP": ("-ku", "-ku", " Ward"), "KR": ("-gu", "-gu", " District")}


class V19Synth(V18Synth):
    """Examples of the ``v19`` mix source: ``V17Synth``'s kinds, a broader ``city_district`` and ``building``."""

    source = "v19"
    kinds = KINDS
    building_numbered = 0.35
    # without the names that 0.18.0 took from its probe's misses ("Sai Residency", "Al Moosa Tower 2"), and two that
    # v21_probe, written after them, happens to use ("Lotus Towers", "Marina Heights"): the probes measure the form
    building_names = tuple(n for n in BUILDING_NAMES if n not in ("Sai", "Al Moosa", "Lotus", "Marina"))

    def __init__(self, v5: Any) -> None:
        super().__init__(v5)
        src = v5.world.src
        by_city: dict[int, list[tuple[int, int, tuple[str, ...]]]] = defaultdict(list)
        for sub, parent, names in self.region_cities:  # every district of a city named like its region
            by_city[parent].append((sub, parent, names))
        named = set(by_city)
        for sub, parent in v5.world.w.suburbs:
            if parent not in named and src.cities[parent][5] >= BIG_CITY:
                by_city[parent].append((sub, parent, (src.cities[parent][1],)))
        self.district_cities = [by_city[p] for p in sorted(by_city)]  # drawn from in this order

    def _district_pair(self, rng: random.Random) -> tuple[int, int, tuple[str, ...]]:
        return rng.choice(rng.choice(self.district_cities))

    def _city_district(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        text, spans, a, cc = super()._city_district(rng)
        words = WARD_WORDS.get(cc)
        if words and rng.random() < 0.5 and a.suburb and not a.suburb.endswith(("-ku", "-gu")):
            word = rng.choice(words)
            at = next(s for s in spans if s[0] == "suburb")
            text = text[: at[2]] + word + text[at[2] :]
            spans = [[lab, s + (len(word) if s >= at[2] else 0), e + (len(word) if e >= at[2] else 0)]
                     for lab, s, e in spans]
        return text, spans, a, cc
