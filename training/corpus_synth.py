"""Turn source entries (OA rows, GeoNames localities, US ZIPs) into ``Address`` objects."""

from __future__ import annotations

import random

from training import corpus_streets as st
from training.corpus_formats import LOCAL_COUNTRY_NAMES, make_postcode, postcode_shapes, region_of
from training.corpus_render import Address
from training.corpus_sources import OARow, Sources

# countries drawn on purpose (the rest come from sampling all GeoNames localities)
TARGET_COUNTRIES = (
    "US", "FR", "DE", "NL", "NZ", "AU", "NO", "PT", "PL", "RO", "SE", "CZ", "ES", "GB", "BR", "IT", "CA", "BE",
    "AT", "CH", "DK", "FI", "IE", "MX", "AR", "JP", "IN", "SK", "HU", "IS", "ZA", "GR", "TR", "RU", "CO", "CL",
)
_ENGLISH = {"US", "GB", "AU", "NZ", "CA", "IE", "ZA", "IN", "PH", "NG", "KE", "GH", "SG", "MY", "JM", "PK"}


class Synth:
    def __init__(self, src: Sources) -> None:
        self.src = src
        self.us_streets = src.streets_by_country.get("US", [])
        self.names: dict[str, tuple[str, ...]] = {}
        self.shapes: dict[str, tuple[str, ...]] = {}
        for cc, (name, iso3, regex) in src.countries.items():
            self.names[cc] = (name, name, cc, iso3) + LOCAL_COUNTRY_NAMES.get(cc, ())
            self.shapes[cc] = postcode_shapes(cc, regex)
        self.targets = [c for c in TARGET_COUNTRIES if c in src.cities_by_country]

    def _street(self, cc: str, rng: random.Random, city_pool: list[int]) -> str:
        pool = self.us_streets if cc == "US" else self.src.streets_by_country.get(cc, [])
        if pool and rng.random() < (0.5 if cc == "US" else 0.35):
            return rng.choice(pool)
        base = self.src.cities[rng.choice(city_pool)][1] if city_pool else rng.choice(st.EN_NAMES)
        if len(base) > 24:
            base = rng.choice(st.EN_NAMES)
        if cc in _ENGLISH:
            return st.english_street(rng, base)
        return st.local_street(cc, rng, base)

    def _extras(self, a: Address, rng: random.Random, city_pool: list[int]) -> None:
        a.street2 = self._street(a.country, rng, city_pool)
        a.unit = st.unit(rng) if rng.random() < 0.8 else ""
        a.level = st.level(rng) if not a.unit or rng.random() < 0.25 else ""
        a.po_box = st.po_box(rng, a.country)
        a.venue = st.venue(rng, a.locality or "Central")
        a.care_of = st.person(rng)

    def postcode(self, cc: str, rng: random.Random) -> str:
        shapes = self.shapes.get(cc, ())
        return make_postcode(rng.choice(shapes), rng) if shapes else ""

    def city_index(self, rng: random.Random) -> int:
        if rng.random() < 0.55 and self.targets:
            return rng.choice(self.src.cities_by_country[rng.choice(self.targets)])
        return rng.randrange(len(self.src.cities))

    def from_city(self, idx: int, rng: random.Random) -> Address:
        gid, name, alts, cc, admin1, _pop = self.src.cities[idx]
        pool = self.src.cities_by_country.get(cc, [])
        region_name, region_code = region_of(cc, admin1, self.src.us_states)
        a = Address(cc, house_number=st.house_number(rng, cc), street=self._street(cc, rng, pool), locality=name,
                    locality_alts=alts, region_name=region_name, region_code=region_code,
                    country_names=self.names.get(cc, ()))
        if cc == "US":
            zips = self.src.zips_by_city.get((name.casefold(), admin1))
            a.postcode = rng.choice(zips) if zips else self.postcode(cc, rng)
        else:
            a.postcode = self.postcode(cc, rng)
        self._extras(a, rng, pool)
        return a

    def from_zip(self, idx: int, rng: random.Random) -> Address:
        zip_code, city, accept, state, county = self.src.zips[idx]
        if accept and rng.random() < 0.3:
            city = rng.choice(accept)
        postcode = zip_code if rng.random() < 0.95 else f"{zip_code}-{rng.randint(0, 9999):04d}"
        a = Address("US", house_number=st.house_number(rng, "US"), street=self._street("US", rng, []),
                    locality=city, county=county, region_name=self.src.us_states.get(state, ""),
                    region_code=state if state in self.src.us_states else "", postcode=postcode,
                    country_names=self.names.get("US", ()))
        self._extras(a, rng, [])
        return a

    def from_oa(self, row: OARow, rng: random.Random) -> Address:
        cc = row.country
        unit = row.unit
        if unit and unit[0].isdigit():
            unit = rng.choice(("Apt ", "Unit ", "#", "Suite ", "Apt. ")) + unit
        if cc == "US":
            region_name, region_code = self.src.us_states.get(row.region, ""), row.region
        else:
            region_name, region_code = row.region, ""
        a = Address(cc, house_number=row.number, street=row.street, locality=row.city, region_name=region_name,
                    region_code=region_code, postcode=row.postcode, country_names=self.names.get(cc, ()))
        pool = self.src.cities_by_country.get(cc, [])
        self._extras(a, rng, pool)
        if unit:
            a.unit = unit
        return a
