"""Corpus 0.12.0 generator: conventions of real addresses that no earlier source writes.

One mix source, ``v12`` (only in corpus >= 0.12.0), of five kinds:

- ``district``: a city written with its postal district, the whole the ``locality``: "Praha 4", "Dublin 6W",
  "København K", "Aarhus C", "Budapest XI.", "Paris Cedex 08", "Lyon 3e", "București, Sector 3" (the sector a
  ``suburb``). In the country's layout, with its street, number and postcode.
- ``lot``: a plot, stand or erf number as the ``house_number`` before the street, as East and Southern Africa,
  South Asia and the Philippines write them: "Plot 12 Kenyatta Avenue", "Erf 1234", "Stand 45".
- ``mexico``: a Mexican address with its colonia (``suburb``: "Col. Roma Norte") and the state written short
  (``region``: "CDMX", "Jal.", "N.L.", "Edo. Méx.").
- ``india``: an Indian address: number, street, area (``suburb``), city, state (``region``, pycountry's names) and
  PIN code, the state and PIN in the usual "Karnataka 560001" / "Karnataka - 560001" forms.
- ``japan``: a Japanese address written whole, big to small, without spaces or with some: postcode (first or
  last), prefecture (``region``), city and ward (``locality``, as Faker's ja_JP writes them), town and chōme
  (``street``) and number, as "2番3号" or "1-2-3" (then the town alone is the ``street``).

Streets, numbers, postcodes and cities come from the corpus 0.4.0 machinery (``V4Synth._base``) and Faker's
ja_JP rows (``World.faker``). Rendered with the usual case and comma noise (``assemble``), except the Japanese
text without spaces, which is joined here (``assemble`` puts a space between every two parts).
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from typing import Any

from training.corpus_formats import layout_for
from training.corpus_render import Address, Piece, assemble, render
from training.corpus_v11 import sep

# country -> the forms of a city with its postal district ("{city}" the city's name, "{n}" a number)
DISTRICT_CITIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "CZ": (("Praha", "Brno", "Ostrava", "Plzeň"), ("{city} {n}",)),
    "IE": (("Dublin",), ("{city} {n}", "{city} {n}", "{city} 6W")),
    "DK": (("København", "Aarhus", "Odense", "Aalborg", "Frederiksberg", "Copenhagen"), ("{city} {dk}",)),
    "HU": (("Budapest",), ("{city} {roman}.", "{city} {roman}", "{city} {roman}. kerület")),
    "FR": (("Paris", "Lyon", "Marseille", "Toulouse", "Bordeaux", "Lille", "Nantes", "Strasbourg"),
           ("{city} Cedex {n2}", "{city} CEDEX {n}", "{city} Cedex", "{city} {ord}")),
    "AT": (("Wien",), ("{city} {n}", "{city} {n}.")),
}
_DISTRICT_CCS = sorted(DISTRICT_CITIES)  # drawn from in this order
DK_DISTRICTS = ("K", "V", "Ø", "N", "S", "C", "SV", "NV", "NØ", "SØ")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XX", "XXII")
LOT_COUNTRIES: dict[str, tuple[str, ...]] = {
    "KE": ("Plot {n}", "Plot No. {n}", "L.R. No. {n}"), "UG": ("Plot {n}", "Plot {n}"), "TZ": ("Plot {n}", "Plot No {n}"),
    "ZA": ("Erf {n}", "Erf {n}", "Stand {n}"), "ZW": ("Stand {n}", "Stand No. {n}"), "ZM": ("Plot {n}", "Stand {n}"),
    "NG": ("Plot {n}", "No. {n}"), "GH": ("Plot {n}", "House No. {n}"), "MW": ("Plot {n}",), "BW": ("Plot {n}",),
    "IN": ("Plot No. {n}", "Plot {n}", "H.No. {n}"), "PK": ("Plot {n}", "House No. {n}"), "BD": ("Plot {n}",),
    "PH": ("Lot {n}", "Lot {n} Block {m}", "Blk {m} Lot {n}"),
}  # fmt: skip
_LOT_CCS = sorted(LOT_COUNTRIES)
COLONIAS = ("Centro", "Roma Norte", "Roma Sur", "Condesa", "Hipódromo", "Del Valle", "Polanco", "Juárez", "Nápoles",
            "Narvarte", "Doctores", "Obrera", "Americana", "Providencia", "Chapultepec", "Jardines del Bosque",
            "San Rafael", "Santa María la Ribera", "Lindavista", "Coyoacán", "Las Águilas", "Moderna", "Industrial",
            "Reforma", "Jardín Balbuena", "Guadalupe Inn", "Florida", "Escandón", "Tabacalera", "Cuauhtémoc")
MX_STATES = ("CDMX", "CDMX", "Ciudad de México", "Jal.", "Jalisco", "N.L.", "Nuevo León", "Edo. Méx.", "Méx.",
             "Estado de México", "Pue.", "Gto.", "Qro.", "Yuc.", "Ver.", "Chih.", "Son.", "B.C.", "Q. Roo", "Oax.",
             "Mich.", "Ags.", "Coah.", "Sin.", "Tamps.", "S.L.P.", "Mor.", "Hgo.", "Gro.", "Chis.", "Tab.", "Dgo.")
MX_CITY = ("Ciudad de México", "Ciudad de México", "CDMX", "México, D.F.", "Guadalajara", "Monterrey", "Puebla",
           "Querétaro", "Mérida", "León", "Zapopan", "Tijuana", "Cancún")
IN_AREA_WORDS = ("Nagar", "Colony", "Layout", "Puram", "Vihar", "Enclave", "Park", "Bagh", "Ganj", "Pet", "Halli")
Maker = Callable[[random.Random], tuple[str, list[list], Address, str]]  # rng -> (text, spans, address, form)
KINDS: tuple[tuple[str, float], ...] = (("district", 0.3), ("lot", 0.15), ("mexico", 0.15), ("india", 0.2), ("japan", 0.2))


def india_states() -> list[str]:
    """pycountry's states and union territories of India, without the diacritics of ISO's romanization
    ("Karnātaka" -> "Karnataka"), as Indian addresses write them."""
    import pycountry

    def plain(name: str) -> str:
        return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))

    return sorted(plain(s.name) for s in pycountry.subdivisions.get(country_code="IN") or () if s.parent_code is None)


class V12Synth:
    """Examples of the ``v12`` mix source, from the corpus 0.5.0 ``V5Synth`` ``v5``."""

    def __init__(self, v5: Any) -> None:
        self.v5 = v5
        self.states = india_states()
        self.japan = [r for r in v5.world.w.faker.get("JP", ()) if all(r[:5])]

    def _district(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        cc = rng.choice(_DISTRICT_CCS)
        cities, forms = DISTRICT_CITIES[cc]
        a: Address = self.v5.v4._base(cc, rng)
        n = rng.randint(1, 22 if cc in ("IE", "AT") else 10)
        a.locality = rng.choice(forms).format(city=rng.choice(cities), n=n, n2=f"{n:02d}", dk=rng.choice(DK_DISTRICTS),
                                              roman=rng.choice(ROMAN), ord=f"{n}e" if n > 1 else "1er")
        a.locality_alts, a.suburb = (), ""
        text, spans, _ = render(a, layout_for(cc), rng, "full")
        return text, spans, a, cc

    def _sector(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        """Bucharest: "Strada X 5, Sector 3, București" (the sector the ``suburb``)."""
        a: Address = self.v5.v4._base("RO", rng)
        pieces: list[Piece] = [(a.street, "street", ""), (a.house_number, "house_number", " "),
                               (f"Sector {rng.randint(1, 6)}", "suburb", sep(rng))]
        if a.postcode and rng.random() < 0.5:
            pieces.append((a.postcode, "postcode", ", "))
        pieces.append((rng.choice(("București", "Bucuresti", "Bucharest")), "locality", sep(rng)))
        text, spans = assemble([p for p in pieces if p[0]], rng, a.stats)
        return text, spans, a, "RO"

    def _lot(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        cc = rng.choice(_LOT_CCS)
        a: Address = self.v5.v4._base(cc, rng)
        a.house_number = rng.choice(LOT_COUNTRIES[cc]).format(n=rng.randint(1, 9999), m=rng.randint(1, 60))
        text, spans, _ = render(a, layout_for(cc), rng, "full")
        return text, spans, a, cc

    def _mexico(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        a: Address = self.v5.v4._base("MX", rng)
        city = rng.choice(MX_CITY) if rng.random() < 0.5 else a.locality
        colonia = rng.choice(COLONIAS)
        pieces: list[Piece] = [(a.street, "street", ""), (a.house_number, "house_number", rng.choice((" ", " ", " #")))]
        pieces.append((rng.choice(("Col. ", "Col. ", "Colonia ", "")) + colonia, "suburb", sep(rng)))
        postcode = f"{rng.randint(1000, 99999):05d}"
        if rng.random() < 0.5:
            pieces += [(("C.P. " if rng.random() < 0.3 else "") + postcode, "postcode", sep(rng)),
                       (city, "locality", " ")]
        else:
            pieces += [(city, "locality", sep(rng)), (postcode, "postcode", sep(rng))]
        pieces.append((rng.choice(MX_STATES), "region", sep(rng)))
        if rng.random() < 0.3:
            pieces.append((rng.choice(("México", "Mexico", "MX")), "country", ", "))
        text, spans = assemble([p for p in pieces if p[0]], rng, a.stats)
        return text, spans, a, "MX"

    def _india(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        a: Address = self.v5.v4._base("IN", rng)
        other: Address = self.v5.v4._base("IN", rng)
        n = rng.randint(1, 999)
        number = rng.choice((str(n), f"No. {n}", f"#{n}", f"{n}/{rng.randint(1, 40)}", f"{n}, {rng.randint(1, 20)}th Cross"))
        area = other.locality if rng.random() < 0.5 else f"{other.locality.split(' ')[0]} {rng.choice(IN_AREA_WORDS)}"
        pieces: list[Piece] = [(number, "house_number", ""), (a.street, "street", rng.choice((", ", " "))),
                               (area, "suburb", ", "), (a.locality, "locality", sep(rng))]
        state = rng.choice(self.states)
        pin = f"{rng.randint(110, 855)}{rng.randint(0, 999):03d}"
        r = rng.random()
        if r < 0.75:
            pieces += [(state, "region", ", "), (pin, "postcode", rng.choice((" ", " - ", " ", ", ")))]
        elif r < 0.9:
            pieces += [(pin, "postcode", rng.choice((" - ", " "))), (state, "region", ", ")]
        else:
            pieces.append((state, "region", ", "))
        if rng.random() < 0.3:
            pieces.append((rng.choice(("India", "India", "IN", "Bharat")), "country", ", "))
        text, spans = assemble([p for p in pieces if p[0]], rng, a.stats)
        return text, spans, a, "IN"

    def _japan(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        a: Address = self.v5.v4._base("JP", rng)
        street, number, postcode, city, pref = rng.choice(self.japan)[:5]
        town, chome = (street.split(" ", 1) + [""])[:2]
        if rng.random() < 0.4:  # "1-2-3": chōme, ban and gō in one number, after the town alone
            c = chome.removesuffix("丁目")
            ban, go = number.replace("号", "").split("番") if "番" in number else (number, "")
            parts = [("street", town), ("house_number", "-".join(x for x in (c, ban, go) if x))]
        else:
            parts = [("street", town + (rng.choice(("", " ")) if chome else "") + chome), ("house_number", number)]
        body = [("region", pref), ("locality", city), *parts]
        if rng.random() < 0.15:
            body = body[1:]  # no prefecture
        glue = "" if rng.random() < 0.6 else " "
        pieces = list(body)
        r = rng.random()
        if r < 0.45:
            pieces.insert(0, ("postcode", postcode))
        elif r < 0.55:
            pieces.append(("postcode", postcode))
        text, spans = "", []
        for i, (label, value) in enumerate(pieces):
            sep = "" if i == 0 else " " if label == "postcode" or pieces[i - 1][0] == "postcode" else glue
            text += sep
            spans.append([label, len(text), len(text) + len(value)])
            text += value
        return text, spans, a, "JP"

    def _district_or_sector(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        return self._sector(rng) if rng.random() < 0.12 else self._district(rng)

    source = "v12"  # the mix source (and record prefix) of the examples; each later source names its own
    kinds: tuple[tuple[str, float], ...] = KINDS

    def _makers(self) -> dict[str, Maker]:
        """kind -> its generator; a later source's class adds its kinds to its parent's."""
        return {"district": self._district_or_sector, "lot": self._lot, "mexico": self._mexico, "india": self._india,
                "japan": self._japan}

    def example(self, rng: random.Random) -> tuple[str, list[list], str, Address, str]:
        kind = rng.choices([k for k, _ in self.kinds], [w for _, w in self.kinds])[0]
        text, spans, a, form = self._makers()[kind](rng)
        a.stats[self.source] = f"{kind}:{form}"
        return text, spans, f"{self.source}_{kind}", a, kind
