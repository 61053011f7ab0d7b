"""Corpus 0.18.0 generator: corpus 0.17.0's ``v17`` forms, with a city's district before a city named like its
region, and a building's name between the flat and the street.

One mix source, ``v18`` (only in corpus >= 0.18.0), in place of ``v17``: every ``v17`` kind (``training.corpus_v17``),
and two more:

- ``city_district``: a district or neighbourhood, then its city, where the city bears the name of a region of its
  country ("Kadıköy, İstanbul", "Kreuzberg, 10999 Berlin", "Polanco, Ciudad de México"). The pairs are GeoNames
  places near a bigger city (``World.suburbs``) whose city is named, in GeoNames or in one of its alternate names,
  as one of pycountry's regions of that country; the city is written in either form. The corpus 0.14.0 arms read
  the district there as the locality and the city as the region.
- ``building``: a flat, office or shop, the building's name (``venue``: "Sai Residency", "Al Moosa Tower 2",
  "Harbour Heights"), then the street, the area, the city and the rest, as addresses in South and South-East Asia,
  the Gulf, Africa and the UK are written. The corpus 0.14.0 arms read the building's name as a street.
"""

from __future__ import annotations

import random
import unicodedata
from typing import Any

from training import corpus_streets as st
from training.corpus_formats import layout_for
from training.corpus_render import Address, Piece, assemble, ordered
from training.corpus_v11 import sep
from training.corpus_v12 import Maker
from training.corpus_v17 import KINDS as V17_KINDS
from training.corpus_v17 import V17Synth

KINDS: tuple[tuple[str, float], ...] = (*V17_KINDS, ("city_district", 0.3), ("building", 0.3))
BUILDING_CCS = ("IN", "IN", "AE", "AE", "SG", "MY", "PH", "PK", "BD", "LK", "NG", "KE", "GH", "ZA", "QA", "SA", "KW",
                "BH", "OM", "EG", "ID", "TH", "GB", "GB", "AU", "NZ")
BUILDING_WORDS = ("Tower", "Towers", "Residency", "Apartments", "Heights", "Plaza", "Building", "Complex", "Court",
                  "Mansion", "Mansions", "Enclave", "Arcade", "Chambers", "House", "Centre", "Center", "Gardens",
                  "Residences", "Business Centre", "Trade Centre", "Palace", "Villas", "Block", "Park", "Point")
BUILDING_NAMES: tuple[str, ...] = ("Sai", "Shree", "Prestige", "Green Park", "Sunrise", "Al Noor", "Al Moosa", "Emirates", "Crystal",
                  "Pearl", "Golden", "Silver Oak", "Royal", "Marina", "Harbour", "Lake View", "Palm", "Orchid",
                  "Lotus", "Jade", "Skyline", "Metro", "Capital", "Liberty", "Unity", "Oasis", "Garden", "Paradise",
                  "Everest", "Kohinoor", "Raheja", "Godrej", "Mittal", "Tata", "Ayala", "Petronas", "Menara")
UNITS = ("Flat {n}", "Flat {n}", "Apt {n}", "Apartment {n}", "Office {n}", "Suite {n}", "Unit {n}", "Shop {n}",
         "Villa {n}", "Room {n}", "{L}-{n}", "Flat No. {n}", "#{f:02d}-{n}")


def _fold(name: str) -> str:
    s = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in s if not unicodedata.combining(c)).replace("-", " ").strip()


def region_city_pairs(src: Any, world: Any) -> list[tuple[int, int, tuple[str, ...]]]:
    """(place, its city, the city's names as written) for ``world.suburbs`` pairs whose city is named like one of
    its country's regions: its GeoNames name and the region's name (pycountry), which may be the local form
    ("İstanbul", "Ciudad de México")."""
    regions = {cc: {_fold(n): n for n, _ in regs} for cc, regs in world.regions.items()}
    out = []
    for sub, parent in world.suburbs:
        _gid, name, alts, cc, _admin1, _pop = src.cities[parent]
        names = regions.get(cc, {})
        hit = next((names[_fold(n)] for n in (name, *alts) if _fold(n) in names), None)
        if hit is not None:
            out.append((sub, parent, tuple(dict.fromkeys((name, hit)))))
    return out


class V18Synth(V17Synth):
    """Examples of the ``v18`` mix source: ``V17Synth``'s kinds, ``city_district`` and ``building``."""

    source = "v18"
    kinds = KINDS
    building_numbered = 0.2  # the share of buildings written with their number ("Tower 2")
    building_names = BUILDING_NAMES

    def __init__(self, v5: Any) -> None:
        super().__init__(v5)
        self.region_cities = region_city_pairs(v5.world.src, v5.world.w)

    def _district_pair(self, rng: random.Random) -> tuple[int, int, tuple[str, ...]]:
        """(district, city, the city's names) for ``city_district``."""
        return rng.choice(self.region_cities)

    def _city_district(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        world = self.v5.world
        sub, parent, names = self._district_pair(rng)
        a: Address = world.base.from_city(parent, rng)
        cc = a.country
        if cc in world.w.faker and world.w.faker[cc] and rng.random() < 0.4:
            a.street = rng.choice(world.w.faker[cc])[0]
        a.suburb, a.locality, a.locality_alts = world.src.cities[sub][1], rng.choice(names), ()
        a.county, a.country_names = "", world.names(cc)
        keep = {"house_number", "street", "suburb", "locality", "postcode"}
        if rng.random() < 0.2:
            keep -= {"house_number", "street"}
        if rng.random() < 0.4:
            keep.discard("postcode")
        if rng.random() < 0.3:
            keep.add("country")
        text, spans = assemble(ordered(a, layout_for(cc), keep, rng), rng, a.stats)
        return text, spans, a, cc

    def _building(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        cc = rng.choice(BUILDING_CCS)
        a: Address = self.v5.v4._base(cc, rng)
        other: Address = self.v5.v4._base(cc, rng)
        base = rng.choice((rng.choice(self.building_names), rng.choice(st.SURNAMES), other.locality.split(" ")[0]))
        word = rng.choice(BUILDING_WORDS)
        building = f"{base} {word}" + (f" {rng.choice((rng.randint(1, 9), rng.choice('ABCD')))}"
                                       if rng.random() < self.building_numbered else "")
        pieces: list[Piece] = []
        if rng.random() < 0.85:
            unit = rng.choice(UNITS).format(n=rng.randint(1, 2999), L=rng.choice("ABCDEFG"), f=rng.randint(1, 40))
            pieces.append((unit, "unit", ""))
        if rng.random() < 0.2:
            pieces.append((st.level(rng), "level", ", "))
        pieces.append((building, "venue", ", "))
        if rng.random() < 0.4:
            pieces.append((a.house_number, "house_number", ", "))
        pieces.append((a.street, "street", " " if pieces[-1][1] == "house_number" else ", "))
        if rng.random() < 0.5:
            pieces.append((other.locality, "suburb", ", "))
        pieces.append((a.locality, "locality", ", "))
        r = rng.random()
        region = a.region_name or a.region_code
        if r < 0.3 and region:
            pieces.append((region, "region", ", "))
        if a.postcode and rng.random() < 0.5:
            pieces.append((a.postcode, "postcode", rng.choice((" ", " - ", ", "))))
        if rng.random() < 0.3 and a.country_names:
            pieces.append((rng.choice(a.country_names), "country", sep(rng)))
        pieces = [(t, lab, "" if i == 0 else s) for i, (t, lab, s) in enumerate(p for p in pieces if p[0])]
        text, spans = assemble(pieces, rng, a.stats)
        return text, spans, a, cc

    def _makers(self) -> dict[str, Maker]:
        return super()._makers() | {"city_district": self._city_district, "building": self._building}
