"""Corpus 0.11.0 generator: regions written with their kind's word, numbered city districts, Metro Manila, and
"city, region" place queries outside the US.

One mix source, ``v11`` (only in corpus >= 0.11.0), of four kinds:

- ``region_kind``: a region written as people write it with its kind: "Hubei Province", "Kanagawa Prefecture",
  "Lagos State", "Pest megye", "województwo małopolskie", "Estado de Jalisco", "Provincia de Santa Fe", "Nairobi
  County" (``FORMS``): the whole is the ``region``. In a full address in the country's layout, after a city
  ("Wuhan, Hubei Province"), or alone. Corpus 0.9.0 names the regions of only a few countries, so the arms read
  such a region as a street, a locality or a country.
- ``city_region``: the same place queries with the region's bare name ("Wuhan, Hubei", "Chiang Mai, Lop Buri,
  Thailand"): ``locality`` then ``region``.
- ``district``: a numbered city district as the ``suburb``: Vietnamese "District 1" / "Quận 1" / "Phường 5" before
  the city, Indian "Sector 18" after a house number such as "A-12" (Noida, Gurugram, Chandigarh).
- ``manila``: an address in Metro Manila: "Ayala Avenue, Makati City, Metro Manila 1226" (the city the
  ``locality``, "Metro Manila" / "NCR" the ``region``, a barangay the ``suburb``).

Region names are pycountry's top-level subdivisions of the kind ``FORMS`` names, paired with a GeoNames city of the
same country (``V4Synth._base``), not necessarily the city's own region: the tagger learns the form, the gazetteer
knows the geography. Rendered with the usual case and comma noise (``assemble``).
"""

from __future__ import annotations

import random
from typing import Any

from training.corpus_formats import layout_for
from training.corpus_render import Address, Piece, assemble, render

# country -> (pycountry subdivision type, the forms written, "{}" the name; "{lower}" the name in lower case)
FORMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "CN": ("Province", ("{} Province", "{} Province", "{} Sheng")),
    "JP": ("Prefecture", ("{} Prefecture", "{} Prefecture", "{}-ken")),
    "VN": ("Province", ("{} Province", "Tỉnh {}")),
    "TH": ("Province", ("{} Province", "Changwat {}")),
    "NG": ("State", ("{} State",)),
    "HU": ("County", ("{} megye", "{} vármegye", "{} County")),
    "PL": ("Voivodship", ("województwo {lower}", "{} Voivodeship")),
    "RO": ("Department", ("Județul {}", "{} County")),
    "MX": ("State", ("Estado de {}",)),
    "AR": ("Province", ("Provincia de {}",)),
    "CO": ("Department", ("Departamento de {}",)),
    "EG": ("Governorate", ("{} Governorate",)),
    "KE": ("County", ("{} County",)),
    "ZA": ("Province", ("{} Province",)),
    "TR": ("Province", ("{} Province",)),
    "BD": ("Division", ("{} Division",)),
    "IT": ("Region", ("Regione {}",)),
    "PE": ("Region", ("Región {}", "{} Region")),
}
VN_CITIES = ("Ho Chi Minh City", "Hanoi", "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "Hà Nội", "Đà Nẵng", "Hai Phong")
VN_DISTRICTS = ("District {}", "Quận {}", "Ward {}", "Phường {}", "Dist. {}")
IN_CITIES = (("Noida", "Uttar Pradesh"), ("Gurugram", "Haryana"), ("Gurgaon", "Haryana"), ("Chandigarh", "Chandigarh"),
             ("Navi Mumbai", "Maharashtra"), ("Faridabad", "Haryana"), ("Panchkula", "Haryana"))
IN_NUMBERS = ("{L}-{n}", "{L}-{n}", "H.No. {n}", "Plot {n}", "{L}{n}", "House No. {n}")
NCR_CITIES = ("Makati City", "Quezon City", "Pasig City", "Taguig City", "Mandaluyong City", "Manila", "Pasay City",
              "Parañaque City", "Caloocan City", "Marikina City", "Makati", "Taguig", "Pasig")
NCR_NAMES = ("Metro Manila", "Metro Manila", "Metro Manila", "NCR", "National Capital Region")
BARANGAYS = ("Poblacion", "San Antonio", "Bel-Air", "San Lorenzo", "Kapitolyo", "Fort Bonifacio", "Ugong", "Malate",
             "Ermita", "Diliman", "Cubao", "Ortigas Center", "Legaspi Village", "Salcedo Village")
PH_STREETS = ("Ayala Avenue", "Paseo de Roxas", "EDSA", "Shaw Boulevard", "Ortigas Avenue", "Roxas Boulevard",
              "Taft Avenue", "Aurora Boulevard", "Katipunan Avenue", "Jupiter Street", "Gil Puyat Avenue")
KINDS = (("region_kind", 0.4), ("city_region", 0.3), ("district", 0.15), ("manila", 0.15))
_SUFFIXES = (" Sheng", " Shi", " Zizhiqu")


def subdivision_names(forms: dict[str, tuple[str, tuple[str, ...]]]) -> dict[str, list[str]]:
    """Country -> the names of its top-level subdivisions of the kind ``forms`` gives it (pycountry), without a
    trailing Chinese "Sheng"."""
    import pycountry

    out: dict[str, list[str]] = {}
    for cc, (kind, _) in forms.items():
        names = []
        for sub in pycountry.subdivisions.get(country_code=cc) or ():
            if sub.parent_code is None and sub.type == kind:
                name = sub.name
                for suffix in _SUFFIXES:
                    name = name.removesuffix(suffix)
                names.append(name)
        if names:
            out[cc] = sorted(names)
    return out


def sep(rng: random.Random) -> str:
    """The separator before a place name: a comma three times in four, else a space."""
    return rng.choice((", ", ", ", ", ", " "))


class V11Synth:
    """Examples of the ``v11`` mix source, from the corpus 0.5.0 ``V5Synth`` ``v5``."""

    def __init__(self, v5: Any) -> None:
        self.v5 = v5
        self.regions = subdivision_names(FORMS)
        self.countries = sorted(self.regions)

    def _region(self, cc: str, rng: random.Random, with_kind: bool) -> str:
        name = rng.choice(self.regions[cc])
        if not with_kind:
            return name
        return rng.choice(FORMS[cc][1]).format(name, lower=name.lower())

    def _place(self, a: Address, region: str, rng: random.Random) -> list[Piece]:
        """A place query: the city, the region, sometimes the country."""
        pieces: list[Piece] = [(a.locality, "locality", ""), (region, "region", sep(rng))]
        if a.country_names and rng.random() < 0.35:
            pieces.append((rng.choice(a.country_names), "country", ", "))
        return pieces

    def _regional(self, rng: random.Random, with_kind: bool) -> tuple[str, list[list], Address, str]:
        cc = rng.choice(self.countries)
        a: Address = self.v5.v4._base(cc, rng)
        region = self._region(cc, rng, with_kind)
        a.region_name, a.region_code = region, ""
        r = rng.random()
        if with_kind and r < 0.1:
            text, spans = assemble([(region, "region", "")], rng, a.stats)
            return text, spans, a, "alone"
        if r < 0.55:
            text, spans = assemble(self._place(a, region, rng), rng, a.stats)
            return text, spans, a, "place"
        text, spans, _ = render(a, layout_for(cc), rng, "full")
        return text, spans, a, "address"

    def _district(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        if rng.random() < 0.6:
            a: Address = self.v5.v4._base("VN", rng)
            suburb = rng.choice(VN_DISTRICTS).format(rng.randint(1, 12))
            pieces: list[Piece] = [(a.house_number, "house_number", ""), (a.street, "street", " "),
                                   (suburb, "suburb", ", "), (rng.choice(VN_CITIES), "locality", sep(rng))]
            if rng.random() < 0.3:
                pieces.append((rng.choice(a.country_names or ("Vietnam",)), "country", ", "))
            text, spans = assemble([p for p in pieces if p[0]], rng, a.stats)
            return text, spans, a, "vn"
        a = self.v5.v4._base("IN", rng)
        city, state = rng.choice(IN_CITIES)
        number = rng.choice(IN_NUMBERS).format(L=rng.choice("ABCDEFGHJK"), n=rng.randint(1, 999))
        pieces = [(number, "house_number", ""), (f"Sector {rng.randint(1, 150)}", "suburb", sep(rng)),
                  (city, "locality", sep(rng))]
        if rng.random() < 0.7:
            pieces.append((state, "region", ", "))
        if rng.random() < 0.6:
            pieces.append((f"{rng.randint(110, 160)}{rng.randint(0, 999):03d}", "postcode", rng.choice((" ", " - ", ", "))))
        text, spans = assemble(pieces, rng, a.stats)
        return text, spans, a, "in"

    def _manila(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        a: Address = self.v5.v4._base("PH", rng)
        pieces: list[Piece] = []
        if rng.random() < 0.6:
            pieces.append((str(rng.randint(1, 9999)), "house_number", ""))
        pieces.append((rng.choice(PH_STREETS), "street", " "))
        if rng.random() < 0.35:
            pieces.append((rng.choice(("Brgy. ", "Barangay ", "")) + rng.choice(BARANGAYS), "suburb", ", "))
        pieces += [(rng.choice(NCR_CITIES), "locality", ", "), (rng.choice(NCR_NAMES), "region", sep(rng))]
        if rng.random() < 0.6:
            pieces.append((str(rng.randint(1000, 1800)), "postcode", " "))
        if rng.random() < 0.3:
            pieces.append(("Philippines", "country", ", "))
        if rng.random() < 0.25:  # a place query: the city and Metro Manila
            pieces = [p for p in pieces if p[1] in ("locality", "region", "country")]
            pieces[0] = (pieces[0][0], pieces[0][1], "")
        text, spans = assemble(pieces, rng, a.stats)
        return text, spans, a, "manila"

    def example(self, rng: random.Random) -> tuple[str, list[list], str, Address, str]:
        kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
        if kind in ("region_kind", "city_region"):
            text, spans, a, form = self._regional(rng, kind == "region_kind")
        elif kind == "district":
            text, spans, a, form = self._district(rng)
        else:
            text, spans, a, form = self._manila(rng)
        a.stats["v11"] = f"{kind}:{form}"
        return text, spans, f"v11_{kind}", a, kind
