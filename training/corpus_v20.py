"""Corpus 0.20.0 generator: corpus 0.19.0's forms, with regions written with full stops and a region or country in
brackets after the town.

One mix source, ``v20`` (only in corpus >= 0.20.0), in place of ``v19``: every ``v19`` kind (``training.corpus_v19``),
and two more:

- ``dotted_region``: a US or Canadian address whose state or province is written as newspapers and letters write it,
  with full stops: the AP abbreviations ("Calif.", "Mass.", "Mo.", "Ont.", "Que."), the two-letter codes of two-word
  names with stops ("N.Y.", "N.J.", "D.C.", "B.C.", "P.E.I."), and "Washington, D.C.". The corpus 0.19.0 arms read
  "N.Y. 10012" and "D.C. 20500" as one postcode.
- ``bracketed_tail``: a town followed by its province, canton or state in brackets, as Italian, Spanish, Swiss and
  Latin American addresses write it ("20121 Milano (MI)", "46001 Valencia (Valencia)", "8001 Zürich (ZH)", "Rosario
  (Santa Fe)"), or by its country in brackets ("75001 Paris (France)"), after a comma, a space or a dash. The corpus
  0.19.0 arms read "Zürich (ZH)", "Valencia (Valencia)" and "Paris (France)" as one locality. The bracketed word is
  labelled whole, as the ``quebec`` kind does; a parse's span leaves the brackets out (``model.normalize.trim_span``).
"""

from __future__ import annotations

import random
from typing import Any

from training.corpus_render import Address, Piece, assemble
from training.corpus_v11 import sep
from training.corpus_v12 import Maker
from training.corpus_v19 import KINDS as V19_KINDS
from training.corpus_v19 import V19Synth

KINDS: tuple[tuple[str, float], ...] = (*V19_KINDS, ("dotted_region", 0.4), ("bracketed_tail", 0.4))

# (postal code, AP style or "" where AP writes the name in full, the name)
US_STATES: tuple[tuple[str, str, str], ...] = (
    ("AL", "Ala.", "Alabama"), ("AK", "", "Alaska"), ("AZ", "Ariz.", "Arizona"), ("AR", "Ark.", "Arkansas"),
    ("CA", "Calif.", "California"), ("CO", "Colo.", "Colorado"), ("CT", "Conn.", "Connecticut"),
    ("DE", "Del.", "Delaware"), ("DC", "D.C.", "District of Columbia"), ("FL", "Fla.", "Florida"),
    ("GA", "Ga.", "Georgia"), ("HI", "", "Hawaii"), ("ID", "", "Idaho"), ("IL", "Ill.", "Illinois"),
    ("IN", "Ind.", "Indiana"), ("IA", "", "Iowa"), ("KS", "Kan.", "Kansas"), ("KY", "Ky.", "Kentucky"),
    ("LA", "La.", "Louisiana"), ("ME", "", "Maine"), ("MD", "Md.", "Maryland"), ("MA", "Mass.", "Massachusetts"),
    ("MI", "Mich.", "Michigan"), ("MN", "Minn.", "Minnesota"), ("MS", "Miss.", "Mississippi"),
    ("MO", "Mo.", "Missouri"), ("MT", "Mont.", "Montana"), ("NE", "Neb.", "Nebraska"), ("NV", "Nev.", "Nevada"),
    ("NH", "N.H.", "New Hampshire"), ("NJ", "N.J.", "New Jersey"), ("NM", "N.M.", "New Mexico"),
    ("NY", "N.Y.", "New York"), ("NC", "N.C.", "North Carolina"), ("ND", "N.D.", "North Dakota"), ("OH", "", "Ohio"),
    ("OK", "Okla.", "Oklahoma"), ("OR", "Ore.", "Oregon"), ("PA", "Pa.", "Pennsylvania"),
    ("RI", "R.I.", "Rhode Island"), ("SC", "S.C.", "South Carolina"), ("SD", "S.D.", "South Dakota"),
    ("TN", "Tenn.", "Tennessee"), ("TX", "", "Texas"), ("UT", "", "Utah"), ("VT", "Vt.", "Vermont"),
    ("VA", "Va.", "Virginia"), ("WA", "Wash.", "Washington"), ("WV", "W.Va.", "West Virginia"),
    ("WI", "Wis.", "Wisconsin"), ("WY", "Wyo.", "Wyoming"),
)
CA_PROVINCES: tuple[tuple[str, str, str], ...] = (
    ("ON", "Ont.", "Ontario"), ("QC", "Que.", "Quebec"), ("BC", "B.C.", "British Columbia"), ("AB", "Alta.", "Alberta"),
    ("MB", "Man.", "Manitoba"), ("SK", "Sask.", "Saskatchewan"), ("NS", "N.S.", "Nova Scotia"),
    ("NB", "N.B.", "New Brunswick"), ("NL", "Nfld.", "Newfoundland and Labrador"),
    ("PE", "P.E.I.", "Prince Edward Island"),
)
# the subdivision types written in brackets after a town: Italian provinces (by code), Spanish provinces (by name),
# Swiss cantons (by code), Argentine provinces and Mexican states (by name)
BRACKET_TYPES = {"IT": ({"Province", "Metropolitan city", "Free municipal consortium", "Autonomous province",
                         "Decentralized regional entity"}, "code"),
                 "ES": ({"Province"}, "name"), "CH": ({"Canton"}, "code"), "AR": ({"Province"}, "name"),
                 "MX": ({"State"}, "name")}
BRACKET_CCS = ("IT", "IT", "IT", "ES", "ES", "CH", "AR", "MX")
COUNTRY_CCS = ("FR", "DE", "ES", "IT", "PT", "BE", "NL", "AT", "PL", "BR")


def bracket_subdivisions() -> dict[str, list[str]]:
    """cc -> the names or codes of ``BRACKET_TYPES``' subdivisions as addresses write them in brackets. A known flaw,
    kept so that corpus 0.20.0 rebuilds as its arms were trained: five Spanish names keep pycountry's second form in
    square brackets ("Lleida [Lérida]": 45 of the 540,646 train rows); a later version should drop it, as
    ``training.corpus_v13.provinces`` does."""
    import pycountry

    out: dict[str, list[str]] = {}
    for cc, (types, form) in BRACKET_TYPES.items():
        subs = [s for s in pycountry.subdivisions if s.country_code == cc and s.type in types]
        out[cc] = sorted({s.code.split("-", 1)[1] if form == "code" else s.name.split(",")[0].split("/")[0].strip()
                          for s in subs})
    return out


class V20Synth(V19Synth):
    """Examples of the ``v20`` mix source: ``V19Synth``'s kinds, ``dotted_region`` and ``bracketed_tail``."""

    source = "v20"
    kinds = KINDS

    def __init__(self, v5: Any) -> None:
        super().__init__(v5)
        self.bracketed = bracket_subdivisions()

    def _dotted_region(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        cc = "US" if rng.random() < 0.8 else "CA"
        a: Address = self.v5.v4._base(cc, rng)
        table = US_STATES if cc == "US" else CA_PROVINCES
        state = next((s for s in table if a.region_code in (s[0], f"{cc}-{s[0]}") or a.region_name == s[2]), None)
        if state is None or rng.random() < 0.3:
            state = rng.choice(table)
        locality = a.locality or "Springfield"
        if cc == "US" and rng.random() < 0.08:  # the capital with its district
            locality, state = "Washington", US_STATES[8]
        region = state[1] or state[2]  # the AP style, else (where AP writes the name in full) the name
        pieces: list[Piece] = []
        if a.house_number and a.street:
            pieces += [(a.house_number, "house_number", ""), (a.street, "street", " ")]
        pieces += [(locality, "locality", ", "), (region, "region", sep(rng))]
        if a.postcode and rng.random() < 0.75:
            pieces.append((a.postcode, "postcode", rng.choice((" ", " ", "  "))))
        if rng.random() < 0.1:
            pieces.append((rng.choice(("U.S.", "USA", "U.S.A.")) if cc == "US" else "Canada", "country", ", "))
        text, spans = assemble(pieces, rng, a.stats)
        return text, spans, a, cc

    def _bracketed_tail(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        to_country = rng.random() < 0.25
        cc = rng.choice(COUNTRY_CCS if to_country else BRACKET_CCS)
        a: Address = self.v5.v4._base(cc, rng)
        if to_country:
            inside, label = (rng.choice(a.country_names) if a.country_names else cc), "country"
        else:
            inside, label = rng.choice(self.bracketed[cc]), "region"
            if cc == "ES" and rng.random() < 0.3 and a.locality:  # a provincial capital: "Valencia (Valencia)"
                inside = a.locality
        pieces: list[Piece] = []
        if a.street:
            number = [(a.house_number, "house_number", " ")] if a.house_number else []
            if cc in ("AR", "MX", "FR") and number:
                pieces += [(a.house_number, "house_number", ""), (a.street, "street", " ")] if cc == "FR" else \
                    [(a.street, "street", ""), (a.house_number, "house_number", " ")]
            else:
                pieces += [(a.street, "street", ""), *number]
        tail_sep = rng.choice((", ", ", ", " - ", " – ", " "))
        if a.postcode and rng.random() < 0.85:
            pieces.append((a.postcode, "postcode", tail_sep))
            tail_sep = " "
        pieces.append((a.locality or "Roma", "locality", tail_sep))
        pieces.append((f"({inside})", label, rng.choice((" ", " ", " ", ", "))))
        if label == "region" and rng.random() < 0.15 and a.country_names:
            pieces.append((rng.choice(a.country_names), "country", rng.choice((", ", " - "))))
        text, spans = assemble(pieces, rng, a.stats)
        return text, spans, a, cc

    def _makers(self) -> dict[str, Maker]:
        return super()._makers() | {"dotted_region": self._dotted_region, "bracketed_tail": self._bracketed_tail}
