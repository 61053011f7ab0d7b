"""Joint reading: choose the reading of the parse that the gazetteer supports best.

A ``Reading`` is one labelling of the address (components) with the tagger's probability for it.
Readings come from the tagger (its top parse, its k-best paths: ``from_parse`` /
``from_alternatives`` take the plain dicts of ``model``'s ``Tagger.parse`` and
``Tagger.parse_alternatives``) and from ``derive``, which adds the readings a gazetteer can tell apart
and a tagger often cannot: a value read as a country that is also a region name or code ("CO":
Colombia or Colorado; "Georgia"), and the reverse; a place query whose second name is a region
("Firenze, Toscana": the first read as a locality of that region's country).

``resolve_readings`` resolves each reading (``resolver.match.resolve``) and scores it as
probability x evidence, where evidence is the best result's score halved for each constraint that
result contradicts or needed relaxing (the locality is not in the region, a country that had to be
dropped). The best reading wins; ties keep the tagger's order. A reading whose probability is no more
than the best joint score so far is not resolved (evidence is at most 1: it cannot win). The result
says which reading was used and whether it differs from the tagger's top parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from itertools import pairwise
from typing import Any

from sqlalchemy.engine import Connection

from resolver import candidates as cands
from resolver.aliases import civil_core, region_core
from resolver.components import COMPONENTS, LAST_RESORT_READINGS, MAX_COMPONENT_CHARS, MAX_READINGS
from resolver.geo import haversine_km
from resolver.match import Place, check_reading, resolve
from resolver.names import normalize_name
from resolver.postcode_forms import postcode_country
from resolver.scoring import BIG_CITY
from resolver.subdivisions import countries_with_subdivision, subdivision_countries, subdivision_region_keys

WEAK_EVIDENCE = 0.7  # below this, derived readings are tried (``resolve_readings``)
ASK_TAGGER_EVIDENCE = 0.5  # below this (or no result at all), the tagger's k-best readings are asked for
ALT_FLOOR = 0.95  # country <-> region: the gazetteer decides; a tie keeps the tagger's reading
STREET_TAIL_FLOOR = 0.5  # locality -> end of the street: only when the postcode clearly disagrees
CONFLICT_FACTOR = 0.5  # evidence multiplier per contradicted or relaxed constraint
POSTCODE_MISREAD = ("country", "region")  # labels a known postcode is read as a postcode from, when weak
CITY_OF_REGION = 0.2  # a lone region's name: a city of it in it with this share of its people is what it names ("Wien")
REGION_DWARFS = 20  # a lone name: a region of it this many times a town's population is what it names ("Bavaria")
CITY_PART_KM = 30.0  # a place this near a big city of the second name is no part of it ("Kreuzberg, Berlin")
PLACE_QUERY_FLOOR = 0.9  # "Firenze, Toscana": the region's country decides, over a weak reading of the tagger's
NUMBERED = frozenset({"house_number", "postcode", "unit", "po_box", "level"})  # labels no place query has
_PLACE_AND_STREET = frozenset({"locality", "country", "street", "house_number"})  # ``_street_and_place``
LAST_RESORT_FLOOR = 0.1  # a name read alone as the locality when no reading has a result (``last_resort``)
_LONE_COUNTRY_LABELS = frozenset({"locality", "suburb", "county", "street", "venue"})  # ``_lone_country_name``
LAST_RESORT_LABELS = frozenset({"locality", "region", "county", "suburb", "street", "venue", "country"})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # kana and Han, as ``model.normalize``
_BRACKETED = re.compile(r"\s*([^()]+?)\s*\(\s*([^()]+?)\s*\)\s*")  # "Valencia (Valencia)": a name, its region
_ABBREVIATION = re.compile(r"[^\W\d_]{2,6}\.")  # "Yuc.", "Calif.": a region's abbreviation (``_trailing_code``)
_CJK_DIVISION = re.compile(r"[^\d\W]+?(?:都|道|府|県|省|市|区|區|町|村|郡|县|縣)")  # "横浜市", "西区"


@dataclass(frozen=True)
class Reading:
    components: dict[str, str]
    probability: float = 1.0
    confidences: dict[str, float] = field(default_factory=dict)
    source: str = "top parse"
    derived: bool = False  # made by ``derive``: its constraints are the point of it, none is relaxed
    spans: tuple[tuple[str, str], ...] = ()  # (label, value) of every parsed component in text order (venue too)
    joined: str | None = None  # a names-only text's names as one, when only spaces part them (``_glued``)

    def key(self) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(self.components.items()))


@dataclass
class Resolution:
    results: list[Place]
    reading: Reading
    top: Reading
    considered: list[dict[str, Any]]

    @property
    def differs(self) -> bool:
        return self.reading.key() != self.top.key()

    def payload(self) -> dict[str, Any]:
        """The JSON shape of ``POST /resolve``'s ``results`` and ``reading``."""
        return {
            "results": [place_payload(p) for p in self.results],
            "reading": {"components": self.reading.components, "source": self.reading.source,
                        "differs_from_parse": self.differs},  # fmt: skip
        }


_PAYLOAD_FIELDS = tuple(f.name for f in fields(Place) if f.name != "conflicts")


def place_payload(p: Place) -> dict[str, Any]:
    """A result as JSON: every field of ``Place`` but ``conflicts`` (all plain values: no ``asdict`` deep copy)."""
    out = {name: getattr(p, name) for name in _PAYLOAD_FIELDS}
    out["score"] = round(p.score, 6)
    return out


def from_parse(components: Iterable[Mapping[str, Any]], probability: float = 1.0, source: str = "top parse",
               text: str | None = None) -> Reading:
    """A reading from parsed components (``{"label", "value", "confidence"?, "start"?, "end"?}``; first of each
    label) of ``text`` when given."""
    components = list(components)
    comps: dict[str, str] = {}
    conf: dict[str, float] = {}
    spans: list[tuple[str, str]] = []
    for c in components:
        label, value = c.get("label"), c.get("value")
        if not isinstance(value, str) or not value.strip() or len(" ".join(value.split())) > MAX_COMPONENT_CHARS:
            continue  # an over-long span the tagger produced is left out, not an error for the client
        spans.append((str(label), value))
        if label in COMPONENTS and label not in comps:
            comps[label] = value
            if isinstance(c.get("confidence"), int | float):
                conf[label] = float(c["confidence"])
    return Reading(comps, probability, conf, source, spans=tuple(spans), joined=_glued(components, text))


def _glued(components: Sequence[Mapping[str, Any]], text: str | None) -> str | None:
    """The whole ``text`` as one name when it is two or three parsed names, nothing numbered, with only spaces
    between them ("Nizhniy Novgorod" read as suburb + locality, "Port Sudan" as locality + country), else None."""
    spans = sorted((c["start"], c["end"], c.get("label")) for c in components
                   if isinstance(c.get("start"), int) and isinstance(c.get("end"), int))  # fmt: skip
    if text is None or not 2 <= len(spans) <= 3 or any(label in NUMBERED for _, _, label in spans):
        return None
    ends = text[:spans[0][0]] + text[spans[-1][1]:]
    if ends.strip(" \t.;") or any(text[a[1]:b[0]].strip() for a, b in pairwise(spans)):
        return None
    return text[spans[0][0]:spans[-1][1]]


def from_alternatives(alternatives: Mapping[str, Any], top: Reading | None = None) -> list[Reading]:
    """Readings from ``Tagger.parse_alternatives`` output (k-best paths with probabilities); the
    probabilities are relative to the best path's."""
    paths = list(alternatives.get("paths") or [])
    if not paths:
        return [top] if top else []
    best = max(float(p.get("prob") or 0.0) for p in paths) or 1.0
    out: list[Reading] = []
    for i, p in enumerate(paths):
        r = from_parse(p.get("components") or [], float(p.get("prob") or 0.0) / best,
                       "top parse" if i == 0 else f"tagger alternative {i + 1}")  # fmt: skip
        if i == 0 and top is not None:
            r = Reading(top.components, 1.0, top.confidences, top.source)
        out.append(r)
    return out


def derive(conn: Connection, reading: Reading, weak: bool = True) -> list[Reading]:
    """Readings the gazetteer can tell apart from ``reading``:

    * a country that also names a region, or is an ISO 3166-2 subdivision's code, read as the region ("Arvada, CO",
      "Pune MH"; always tried: a tagger often reads a US state code as a country), and a county that names a region
      or an ISO 3166-2 subdivision, read as a region ("Suzhou, Anhui", "Killarney, Co. Kerry"; always tried: the
      gazetteer has no county places outside the US); a suburb and a locality that are a city and its region, read
      as them (``_city_in_region``: "Mérida, Yucatán"; always tried); a locality with a name in
      brackets after it, read as the locality in that region ("15003 A Coruña (A Coruña)"; always tried); a postcode
      the gazetteer lacks, in one country's form, read with that country (``postcode_form_country``: "Richmond TW9
      1AA"; always tried), as is one the tagger cut in two (``_postcode_cut``: "Leiden 2311 EZ"; always tried);
    * a names-only text whose names, parted by spaces only, are together exactly a place's name, read as that
      one name ("Nizhniy Novgorod", "Port Sudan"; always tried);
    * when ``weak`` (the reading's own evidence is poor): a region that also names a country, read as
      the country ("Podgorica, ME"); a country or region that is a known postcode, read as the postcode
      when the reading has none that is known ("800 California 116, 95472"); a locality between a street
      and a postcode read as the end of the street ("81 Seaton Place Northwest, 20001"); a street or venue with
      neither a number nor a locality read as the locality ("Lees Summit MO", "City of Industry CA"); an unknown
      region with no locality or street read as the locality ("Bogotá D.C."), or after a locality, when it is a big
      city's name, as the locality and the locality as its suburb ("Kebayoran Baru, Jakarta Selatan"), and a lone
      locality that names a region read as the region ("Comunidad Valenciana"); a name before a two-letter locality
      that is a region's code (its postcode's region, when there is a postcode) read as the locality in that region
      (``code_read_as_locality``: "Charlotte Amalie, VI 00802", "University Park IL"), as is a street or venue
      ending in a region's code or abbreviation ("Canton CT", "Mérida Yuc."); a locality ending in a subdivision's
      code read as the locality and its region ("Napoli NA"); a locality written "district/city", each name as the
      place ("Beyoğlu/İstanbul"); a place query whose region is also a big city's name read as that city, with the
      city's country when one follows (``_city_of_region``: "Palermo, Buenos Aires"); a landmark named after its
      big city read as the city (``_leading_city``: "Sydney Opera House"); a country beside a region of another
      country read as the locality ("mexico mo 65265"); a region's name cut in two read as one (``_region_cut``:
      "Metro" + "Manila"); a lone street and number ending in a place's qualifier read as the place ("Toulouse Cedex
      9"); a lone region read as its city ("Wien",
      ``city_state``); one name that is exactly a country's read as the country ("Suomi", ``country_dwarfs``), and one
      a typo away from a region's name read as that region ("Conneticut", ``_region_typo``); a county read as the
      locality ("..., Tiranë, Albania", "大阪府大阪市北区"); a Chinese or
      Japanese locality of several divisions, each read as the locality ("神奈川県横浜市西区": ``_divisions``); a
      locality the tagger cut in two read as one name (``_cut_locality``: "City of Tupper" + "Lake"); a place query
      (``place_query``: "Firenze, Toscana", "Malmö, Skåne"). When no reading has a result, ``last_resort``.
    """
    comps = reading.components
    out: list[Reading] = []
    if "country" in comps and "region" not in comps:
        value = comps["country"]
        if cands.regions(conn, normalize_name(value), None) or (  # "Pune MH": IN-MH, not the Marshall Islands
                len(value.strip()) <= 3 and countries_with_subdivision(value)):
            out.append(_relabeled(reading, "country", "region", value, _doubt(reading, "country", ALT_FLOOR),
                                  f"{value!r} read as a region"))  # fmt: skip
    if "county" in comps and "region" not in comps and (cands.regions(conn, normalize_name(comps["county"]), None)
                                                        or countries_with_subdivision(comps["county"])):
        # the gazetteer has no county places outside the US: one that names a gazetteer region ("Suzhou, Anhui") or
        # an ISO 3166-2 subdivision ("Killarney, Co. Kerry") is read as a region, which tells the countries apart
        value = comps["county"]
        out.append(_relabeled(reading, "county", "region", value, _doubt(reading, "county", ALT_FLOOR),
                              f"{value!r} read as a region"))  # fmt: skip
    city = _city_in_region(conn, comps)
    if city:  # "Paseo de Montejo 480, Mérida, Yucatán" read as suburb + locality: the city and its region
        out.append(Reading({k: v for k, v in comps.items() if k != "suburb"} | {"locality": city,
                           "region": comps["locality"]}, reading.probability * ALT_FLOOR, {},
                           f"{city!r} read as the locality in {comps['locality']!r}", True))  # fmt: skip
    bracket = _BRACKETED.fullmatch(comps.get("locality", ""))
    if bracket and "region" not in comps and not cands.names_exact_places(conn, normalize_name(bracket[0]), None):
        # "Valencia (Valencia)", "Montréal (Québec)": the town and its province (not "Zürich (Kreis 11)", a name)
        out.append(Reading(comps | {"locality": bracket[1], "region": bracket[2]}, reading.probability * ALT_FLOOR,
                           dict(reading.confidences), f"{bracket[1]!r} read as the locality in {bracket[2]!r}", True))
    form_cc = postcode_form_country(conn, comps)
    if form_cc:  # "Richmond TW9 1AA", "Kingston K7L 1A1": a postcode abroad, in its country's form (always tried)
        out.append(Reading(comps | {"country": form_cc}, reading.probability, dict(reading.confidences),
                           f"{comps['postcode']!r} read as a postcode of {form_cc}", True))
    cut_code = _postcode_cut(reading)
    if cut_code:  # "Leiden 2311 EZ" read as postcode "2311" and locality "EZ": one postcode of NL (always tried)
        out.append(cut_code)
    if reading.joined and cands.names_exact_places(conn, normalize_name(reading.joined), None):
        # a place's name the tagger cut in two ("Nizhniy Novgorod": a suburb and Velikiy Novgorod's alias): the
        # whole text, when it is exactly a place's name, at the tagger reading's probability (always tried): it
        # names every word, where the tagger's reading leaves one unmatched, so the gazetteer decides
        out.append(Reading({"locality": reading.joined}, reading.probability, {}, f"{reading.joined!r} read as one name",
                           True))
    if not weak:
        return out
    if "region" in comps and "country" not in comps:
        value = comps["region"]
        if cands.country_code(conn, normalize_name(value)):
            out.append(_relabeled(reading, "region", "country", value, _doubt(reading, "region", ALT_FLOOR),
                                  f"{value!r} read as a country"))  # fmt: skip
    if not (comps.get("postcode") and cands.postcode_rows(conn, comps["postcode"], None)):
        for label in POSTCODE_MISREAD:  # "800 California 116, 95472": the ZIP read as a country
            code = comps.get(label)
            if code and cands.postcode_rows(conn, code, None):
                out.append(_relabeled(reading, label, "postcode", code, _doubt(reading, label, STREET_TAIL_FLOOR),
                                      f"{code!r} read as a postcode"))  # fmt: skip
                break
    if "locality" in comps and (not comps.keys() & {"region", "street", *NUMBERED} or _street_and_place(comps)) \
            and cands.regions(conn, normalize_name(comps["locality"]), None):
        # a region's name, alone or after a street and number, read as a place that the gazetteer knows only by a
        # near name ("Comunidad Valenciana": Palenciana) or as a town of the region's name ("Av Juárez 10, Jalisco,
        # Mexico": a village in Chiapas): the gazetteer decides, as between a region and a country
        value = comps["locality"]
        out.append(_relabeled(reading, "locality", "region", value, reading.probability * ALT_FLOOR,
                              f"{value!r} read as a region"))  # fmt: skip
    # "34430 Beyoğlu/İstanbul": a district and its city parted by a slash, each tried as the place
    out.extend(_slash_readings(comps, comps.get("locality"), reading.probability, dict(reading.confidences)))
    city_of = _city_of_region(conn, reading)
    if city_of:  # "Palermo, Buenos Aires": a part of the city the gazetteer lacks, named like places elsewhere
        out.append(Reading(city_of, _doubt(reading, "region", STREET_TAIL_FLOOR), {},
                           f"{comps['locality']!r} read as a part of {city_of['locality']!r}", True))
    if "country" in comps and "locality" not in comps and (
            _region_abroad(conn, comps) or not cands.country_code(conn, normalize_name(comps["country"]))):
        # a town named like a country, beside a region of another country ("... mexico mo 65265": Mexico, Missouri),
        # or a name read as the country that names none ("北海道札幌市": Hokkaido and its city read as a country)
        value = comps["country"]
        out.append(_relabeled(reading, "country", "locality", value, _doubt(reading, "country", STREET_TAIL_FLOOR),
                              f"{value!r} read as the locality"))  # fmt: skip
    joined = _region_cut(conn, reading)
    if joined:  # "Makati City, Metro Manila" read as suburb, locality "Metro" and county "Manila": the region
        out.append(joined)
    if "street" in comps and set(comps) <= {"street", "house_number"} and civil_core(normalize_name(comps["street"])):
        # a street and a number, nothing else, the street ending in a place's qualifier: the place and its postal
        # district ("Toulouse Cedex 9"; not "123 Main Street")
        out.append(Reading({"locality": comps["street"]}, _doubt(reading, "street", STREET_TAIL_FLOOR), {},
                           f"{comps['street']!r} read as the locality", True))
    lead = _leading_city(conn, reading)
    if lead:  # "Sydney Opera House", "Tokyo Tower": a landmark named after its city, and no place by the whole name
        label, landmark, city = lead
        alt = {k: v for k, v in comps.items() if k != label} | {"locality": city}
        out.append(Reading(alt, _doubt(reading, label, STREET_TAIL_FLOOR) * ALT_FLOOR, {},
                           f"{city!r} read as the locality of {landmark!r}", True))
    lone_country = _lone_country_name(conn, reading)
    one = _one_name(reading)
    if lone_country and one:  # "Türkiye", "Suomi", "China" read as a town or a street: the country (``country_dwarfs``)
        label, value = one
        out.append(Reading({"country": value}, _doubt(reading, label, ALT_FLOOR), {}, f"{value!r} read as a country",
                           True))
    near = _region_typo(conn, reading)
    if near:  # "Conneticut", "Massachusets": a region's name with a typo, which no place bears as written
        label, value, key = near
        out.append(Reading({"region": key}, _doubt(reading, label, ALT_FLOOR), {},
                           f"{value!r} read as the region {key!r} (a typo)", True))
    lone_region = _lone(reading, "region")
    if lone_region:  # "Wien": the city of a city-state (``city_state``)
        out.append(_relabeled(reading, "region", "locality", lone_region, _doubt(reading, "region", ALT_FLOOR),
                              f"{lone_region!r} read as the locality"))  # fmt: skip
    if "county" in comps:
        # the gazetteer has no county places: a town the tagger read as one is the locality ("Rruga e Durrësit 5,
        # Tiranë, Albania"), as is a city read as the county of its ward ("大阪府大阪市北区": 大阪市 and its 北区)
        value = comps["county"]
        out.append(_relabeled(reading, "county", "locality", value, _doubt(reading, "county", STREET_TAIL_FLOOR),
                              f"{value!r} read as the locality"))  # fmt: skip
    region = comps.get("region")
    if region and ("locality" in comps or "street" not in comps) and not cands.regions(conn, normalize_name(region), None):
        # a region no gazetteer region is named: with no locality or street, the place itself ("Bogotá D.C.": a
        # capital district); after a part of it, when it is a big city, the city and the part its suburb ("Kebayoran
        # Baru, Jakarta Selatan" read as street "Kebayoran", locality "Baru" and that region)
        p = _doubt(reading, "region", STREET_TAIL_FLOOR)
        if not comps.keys() & {"locality", "street"}:
            out.append(_relabeled(reading, "region", "locality", region, p, f"{region!r} read as the locality"))
        elif _big_city_rows(conn, region, local=True):  # also in its own language ("北区, 大阪市")
            # no region has the name and a big city has: the gazetteer decides, as between a region and a country
            alt = {k: v for k, v in comps.items() if k not in ("region", "locality", "suburb")}
            out.append(Reading(alt | {"suburb": comps["locality"], "locality": region},
                               _doubt(reading, "region", ALT_FLOOR), {},
                               f"{region!r} read as the locality", True))
    if not comps.keys() & {"house_number", "locality", "po_box"}:
        # a street or venue without a number and no locality is the place ("Lees Summit MO": "Summit" ends
        # streets too; "City of Industry CA" read as a venue; a venue is no resolver component: its span)
        for label in ("street", "venue"):
            name = comps.get(label) or next((v for lab, v in reading.spans if lab == label), None)
            if not name:
                continue
            p = _doubt(reading, label, STREET_TAIL_FLOOR)
            out.append(_relabeled(reading, label, "locality", name, p, f"{name!r} read as the locality"))
            # "Belo Horizonte/MG" read as a street: the city and its state's code
            out.extend(_slash_readings({k: v for k, v in comps.items() if k != label}, name, p, {}))
            if "region" not in comps and cands.regions(conn, normalize_name(name), None):  # "Lazio"
                out.append(_relabeled(reading, label, "region", name, p, f"{name!r} read as a region"))
            split = _trailing_code(conn, name) if "region" not in comps else None
            if split:  # "Canton CT" read as a street (CT: Court): the place and its region's code
                head, code = split
                alt = {k: v for k, v in comps.items() if k != label} | {"locality": head, "region": code}
                out.append(Reading(alt, p, {}, f"{head!r} read as the locality in {code!r}", True))
            break
    split = _trailing_code(conn, comps["locality"], subdivisions=True) \
        if "locality" in comps and "region" not in comps else None
    if split:  # "Napoli NA": the province's code read into the locality
        head, code = split
        out.append(Reading(comps | {"locality": head, "region": code}, reading.probability * ALT_FLOOR,
                           dict(reading.confidences), f"{code!r} read as the region", True))
    divisions = _divisions(comps.get("locality", ""))
    for part in divisions if len(divisions) > 1 else ():
        # "神奈川県横浜市西区": a city and its ward read as one locality, each division as the locality
        out.append(Reading(comps | {"locality": part}, _doubt(reading, "locality", STREET_TAIL_FLOOR),
                           dict(reading.confidences), f"{part!r} read as the locality", True))
    cut = _cut_locality(reading)
    if cut:  # "City of Tupper Lake NY" read as venue "City of Tupper" + locality "Lake": one name
        label, name = cut
        alt = {k: v for k, v in comps.items() if k != label} | {"locality": name}
        out.append(Reading(alt, _doubt(reading, "locality", STREET_TAIL_FLOOR), {}, f"{name!r} read as the locality",
                           True))
    if "street" in comps and "locality" in comps and "postcode" in comps:
        alt = {k: v for k, v in comps.items() if k != "locality"}
        alt["street"] = f"{comps['street']} {comps['locality']}"
        p = reading.probability * max(1.0 - reading.confidences.get("locality", 1.0), STREET_TAIL_FLOOR)
        conf = {k: v for k, v in reading.confidences.items() if k != "locality"}
        out.append(Reading(alt, p, conf, f"{comps['locality']!r} read as the end of the street", True))
    aside = code_read_as_locality(conn, reading)
    if aside:  # "Charlotte Amalie, VI 00802": the name is the place, the code its region
        name, code = aside
        alt = {k: v for k, v in comps.items() if k not in ("street", "suburb", "venue")} | {"locality": name,
                                                                                           "region": code}
        out.append(Reading(alt, reading.probability * ALT_FLOOR, {}, f"{name!r} read as the locality in {code!r}",
                           True))
    out.extend(place_query(conn, reading))
    return out


def postcode_form_country(conn: Connection, comps: Mapping[str, str]) -> str | None:
    """The country whose postcode form the reading's postcode has (``resolver.postcode_forms``: "TW9 1AA" GB,
    "K7L 1A1" CA), when the reading names no country and the gazetteer holds no such postcode; else None."""
    code = comps.get("postcode")
    if not code or "country" in comps:
        return None
    cc = postcode_country(code)
    return cc if cc and not cands.postcode_rows(conn, code, None) else None


def _postcode_cut(reading: Reading) -> Reading | None:
    """A postcode in one country's form (``resolver.postcode_forms``) that the tagger cut in two beside each other
    ("Leiden 2311 EZ" read as postcode "2311" and locality "EZ"; "SW1A" and postcode "1AA"): the reading with the
    two parts as one postcode, in that country when it names none, and a suburb as the locality when the cut took
    the locality's place; else None."""
    for (la, va), (lb, vb) in pairwise(reading.spans):
        if la == lb or "postcode" not in (la, lb):
            continue
        code = f"{va} {vb}"
        cc = postcode_country(code)
        if cc is None:
            continue
        other, value = (lb, vb) if la == "postcode" else (la, va)
        comps = {k: v for k, v in reading.components.items() if k != "postcode" and (k, v) != (other, value)}
        if "locality" not in comps and "suburb" in comps:
            comps["locality"] = comps.pop("suburb")
        comps = {"country": cc} | comps | {"postcode": code}
        return Reading(comps, reading.probability * ALT_FLOOR, {}, f"{code!r} read as one postcode of {cc}", True)
    return None


def postcode_elsewhere(conn: Connection, reading: Reading, places: Sequence[Place]) -> bool:
    """True when the reading's postcode has the form of one country's postcodes (``postcode_form_country``) and
    the best result lies in another ("Richmond TW9 1AA" answered by Richmond, Virginia): a contradicted constraint,
    so the reading in that country is preferred."""
    cc = postcode_form_country(conn, reading.components)
    return bool(places) and cc is not None and places[0].country.upper() != cc


def _city_in_region(conn: Connection, comps: Mapping[str, str]) -> str | None:
    """The suburb, when the reading has a suburb and a locality, no region, and the locality names a gazetteer
    region that holds a place named like the suburb ("Mérida, Yucatán": the city of Mérida in the state of
    Yucatán, not the village of Yucatán, Veracruz); else None."""
    if "region" in comps or "suburb" not in comps or "locality" not in comps:
        return None
    regions = cands.regions(conn, normalize_name(comps["locality"]), None)
    if not regions:
        return None
    hits = cands.names_exact_places(conn, normalize_name(comps["suburb"]), sorted({cc for cc, _ in regions}))
    return comps["suburb"] if any((r["country_code"], r["admin1_code"]) in regions for _, _, r in hits) else None


def _slashed(locality: str | None) -> tuple[str, str] | None:
    """The two names of a locality written "district/city" ("Beyoğlu/İstanbul", "Frankfurt/Main"), else None."""
    if not locality or locality.count("/") != 1:
        return None
    first, second = (part.strip() for part in locality.split("/"))
    return (first, second) if first and second else None


def _slash_readings(comps: Mapping[str, str], name: str | None, p: float, conf: dict[str, float]) -> list[Reading]:
    """A name written "district/city" or "city/region" (``_slashed``) beside ``comps``: the first part as the locality
    in the second (when ``comps`` has no region), at ``p``, and each part as the locality, a little below it."""
    slash = _slashed(name)
    if not slash:
        return []
    first, second = slash
    out = [Reading(dict(comps) | {"locality": first, "region": second}, p, conf,
                   f"{first!r} read as the locality in {second!r}", True)] if "region" not in comps else []
    return out + [Reading(dict(comps) | {"locality": part}, p * ALT_FLOOR, conf, f"{part!r} read as the locality", True)
                  for part in (second, first)]


def _city_of_region(conn: Connection, reading: Reading) -> dict[str, str] | None:
    """A place query "X, Y" read as locality + region where Y is also exactly a big city's name (``scoring.BIG_CITY``): the
    region's city, X being a part of it the gazetteer lacks ("Palermo, Buenos Aires": Palermo, Italy is no place of
    the province of Buenos Aires; "Recoleta, Buenos Aires": no place is named so), as components (the locality, and
    the country when the query ends in one that is that city's: "Palermo, Buenos Aires, Argentina"). Tried only when
    the reading's evidence is weak (X is no place of that region). A reading of given components (no spans:
    ``/v1/search/structured``) counts its locality, region and country."""
    comps = reading.components
    if reading.spans:
        spans = _names_only(reading)
    elif set(comps) <= {"locality", "region", "country"}:
        spans = tuple((label, comps[label]) for label in ("locality", "region", "country") if label in comps)
    else:
        return None
    labels = [label for label, _ in spans]
    if labels not in (["locality", "region"], ["locality", "region", "country"]):
        return None
    city = spans[1][1]
    countries = _big_city(conn, city)
    if len(spans) == 2:
        return {"locality": city} if countries else None
    cc = cands.country_code(conn, normalize_name(spans[2][1]))
    return {"locality": city, "country": spans[2][1]} if cc is not None and cc.upper() in countries else None


def _big_city_rows(conn: Connection, name: str, local: bool = False) -> list[Mapping[Any, Any]]:
    """Cities of ``scoring.BIG_CITY`` people or more whose official name is ``name``, or else the name inside its
    civil-division or qualifier words ("Jakarta Selatan": ``aliases.civil_core``). Official names only: "Baru" and
    "NY" are other cities' alternate names. With ``local``, when no city is one by those, the big cities with
    ``name`` (four letters or more, or two Chinese or Japanese characters, no country's name: "México" is Mexico
    City's too) as an alternate name: a city in its own language ("Praha", "Wien", "大阪市")."""
    norm = normalize_name(name)
    exact = cands.names_exact_places(conn, norm, None)
    rows = cands.big_cities(conn, norm if exact else civil_core(norm) or norm)
    if rows or not local or len(norm) < (2 if _CJK.search(norm) else 4) or cands.country_code(conn, norm):
        return rows
    return [row for _, kind, row in exact if kind == "alternate" and (row["population"] or 0) >= BIG_CITY]


def _big_city(conn: Connection, name: str) -> frozenset[str]:
    """Countries of the big cities named ``name`` (``_big_city_rows``)."""
    return frozenset(row["country_code"] for row in _big_city_rows(conn, name))


def _region_abroad(conn: Connection, comps: Mapping[str, str]) -> bool:
    """The reading's region is a gazetteer region, and none of the country it names ("mo" beside "mexico")."""
    if "region" not in comps:
        return False
    found = cands.regions(conn, normalize_name(comps["region"]), None)
    code = cands.country_code(conn, normalize_name(comps["country"]))
    return bool(found) and code is not None and all(cc != code.upper() for cc, _ in found)


def _region_cut(conn: Connection, reading: Reading) -> Reading | None:
    """A region's name the tagger cut in two place spans ("Metro" + "Manila", "Nuevo" + "León"): the reading with
    the two read as that region, and a suburb as the locality when none is left; else None."""
    spans = reading.spans
    for (la, va), (lb, vb) in pairwise(spans):
        if la == lb or not {la, lb} <= {"suburb", "locality", "county", "region", "country"}:
            continue
        name = f"{va} {vb}"
        if not cands.regions(conn, normalize_name(name), None):
            continue
        comps = {k: v for k, v in reading.components.items() if k not in (la, lb)} | {"region": name}
        if "locality" not in comps and "suburb" in comps:
            comps["locality"] = comps.pop("suburb")
        return Reading(comps, reading.probability * ALT_FLOOR, {}, f"{name!r} read as the region", True)
    return None


def _trailing_code(conn: Connection, name: str, subdivisions: bool = False) -> tuple[str, str] | None:
    """(the name before it, the code) when ``name`` ends in a word of two letters, or an abbreviation of two to six
    letters and a full stop, that is a gazetteer region's code ("Canton CT", "Mérida Yuc."), or with
    ``subdivisions`` an upper-case ISO 3166-2 subdivision's code ("Napoli NA")."""
    head, _, code = name.rpartition(" ")
    head = head.rstrip(" ,")
    two = len(code) == 2 and code.isalpha() and (code.isupper() or not subdivisions)
    if not head or not (two or (not subdivisions and _ABBREVIATION.fullmatch(code))):
        return None
    known = (subdivisions and countries_with_subdivision(code)) or cands.regions(conn, normalize_name(code), None)
    return (head, code) if known else None


def _cut_locality(reading: Reading) -> tuple[str, str] | None:
    """A locality name the tagger cut in two: a suburb, street or venue span right before the locality span,
    and no number -> (the label of the first part, the whole name), else None."""
    spans = reading.spans
    labels = [label for label, _ in spans]
    if "locality" not in labels or NUMBERED & set(labels):
        return None
    i = labels.index("locality")
    if i == 0 or labels[i - 1] not in ("suburb", "street", "venue"):
        return None
    return labels[i - 1], f"{spans[i - 1][1]} {spans[i][1]}"


def _relabeled(reading: Reading, old: str, new: str, value: str, p: float, source: str) -> Reading:
    """A derived reading: ``reading`` with ``value`` (its ``old`` component, or span) read as ``new``, at
    probability ``p``; the confidence moves along."""
    comps = {k: v for k, v in reading.components.items() if k != old} | {new: value}
    return Reading(comps, p, _move(reading.confidences, old, new), source, True)


def _doubt(reading: Reading, label: str, floor: float) -> float:
    """The probability of a reading of ``label`` as something else: the tagger's doubt about it, at least
    ``floor`` (times the reading's own)."""
    return reading.probability * max(1.0 - reading.confidences.get(label, 1.0), floor)


def place_query(conn: Connection, reading: Reading) -> list[Reading]:
    """A place query the tagger read as something else ("Firenze, Toscana" as venue + locality): two or three
    names and nothing numbered, whose second names a subdivision (ISO 3166-2, any level) of a country. The
    first is read as a locality of that country (a third name, when there is one, must be the same country);
    the gazetteer then decides. The gazetteer's regions are not enough here: GeoNames codes many countries'
    regions by number only, so "Toscana" names no region of it. When the second is a big city's name and the
    first no place of its country, the query is read as that city (``_part_of_big_city``: "Malasaña, Madrid", not
    Almazán by a near name)."""
    spans = _names_only(reading)
    if not spans:
        return []
    first = spans[0][1]
    out: list[Reading] = []
    # the region is the second name (a third is its country), or the second and third together when the
    # tagger cut the region's name in two ("Comunidad" + "Valenciana")
    tried = [(spans[1][1], spans[2][1] if len(spans) == 3 else None)]
    if len(spans) == 3:
        tried.append((f"{spans[1][1]} {spans[2][1]}", None))
    p = reading.probability * PLACE_QUERY_FLOOR
    if len(spans) == 2 and _part_of_big_city(conn, first, spans[1][1]):  # "Malasaña, Madrid": not a near name
        return [Reading({"locality": spans[1][1]}, p, {}, f"{first!r} read as a part of {spans[1][1]!r}", True)]
    if _region_as_locality(conn, spans):  # "Funchal, Madeira": the first name in that region
        out.append(Reading({"locality": first, "region": spans[1][1]}, p, {},
                           f"{first!r} read as a place in the region {spans[1][1]!r}", True))
    for region, country in tried:
        countries = _countries_named(conn, region, country)
        out += [Reading({"locality": first, "country": cc}, p, {}, f"{first!r} read as a place in {region!r} ({cc})",
                        True) for cc in sorted(countries)[:2]]  # fmt: skip
    return out[:2]


def _part_of_big_city(conn: Connection, first: str, second: str) -> bool:
    """``second`` is a big city's name (``scoring.BIG_CITY``) and ``first`` no place's name in that city's region (its
    admin1, or a gazetteer region named ``second`` in its country) nor within ``CITY_PART_KM`` of it, with or without
    its civil-division words: a part of the city the gazetteer lacks ("Le Marais, Paris", "Malasaña, Madrid",
    "Chaoyang, Beijing": not the Chaoyang of Liaoning). Not "Shibuya, Tokyo", "Kreuzberg, Berlin" nor "City of
    Brentwood, NY": places of that city's region."""
    cities = _big_city_rows(conn, second, local=True)
    if not cities:
        return False
    city_ccs = sorted({row["country_code"] for row in cities})
    # the city's own region, and those named like it in its country, also by the name inside their kind's words
    # ("Mar del Plata, Buenos Aires": in the Provincia de Buenos Aires, not a part of the city)
    key = normalize_name(second)
    regions = {(row["country_code"], row["admin1_code"]) for row in cities}
    regions |= {r for r in cands.regions(conn, key, None) if r[0] in city_ccs}
    regions |= {(cc, a1) for cc in city_ccs for a1, name in cands.country_regions(conn, cc)
                if key in (norm := normalize_name(name), region_core(norm))}  # fmt: skip
    first_norm = normalize_name(first)
    for first_key in (first_norm, civil_core(first_norm)):
        for _, kind, row in cands.names_exact_places(conn, first_key, city_ccs) if first_key else ():
            # a place of the region by its own name, or one near the city by any name: not by a far place's
            # alternate name alone ("Central Park, New York": Bethpage, NY was once Central Park)
            if (kind != "alternate" and (row["country_code"], row["admin1_code"]) in regions) \
                    or _near_city(row["lat"], row["lon"], cities):
                return False
    return True


def _region_as_locality(conn: Connection, spans: tuple[tuple[str, str], ...]) -> bool:
    """Two names, the second read as the locality while it names a region of the gazetteer ("Funchal, Madeira";
    Madeira, PT, named by ``resolver.aliases.REGION_NAMES``)."""
    return len(spans) == 2 and spans[1][0] == "locality" and bool(cands.regions(conn, normalize_name(spans[1][1]), None))


def _names_only(reading: Reading) -> tuple[tuple[str, str], ...]:
    """The reading's spans when they can be a place query (two or three names, nothing numbered), else ()."""
    spans = reading.spans
    if not 2 <= len(spans) <= 3 or any(label in NUMBERED for label, _ in spans):
        return ()
    return spans


def code_read_as_locality(conn: Connection, reading: Reading) -> tuple[str, str] | None:
    """"Charlotte Amalie, VI 00802" read as street + locality + postcode, "University Park IL" as venue +
    locality: a name (suburb, street without a number, or venue) then a two-letter locality that is the code
    of a region (of the region holding the reading's own postcode, when it has one), and nothing else but a
    country. -> (the name, the code): the name may be the place and the code its region. Counted as a
    contradicted constraint (a locality that is a region's code), so the reading of the name as the locality
    in that region is tried (``derive``); the gazetteer decides between them."""
    spans = reading.spans
    labels = [label for label, _ in spans]
    if reading.derived or "house_number" in labels or labels.count("locality") != 1 or "region" in labels \
            or not set(labels) <= {"suburb", "street", "venue", "locality", "postcode", "country"}:
        return None
    i = labels.index("locality")
    code, postcode = spans[i][1], reading.components.get("postcode")
    if i == 0 or labels[i - 1] not in ("suburb", "street", "venue") or not (len(code) == 2 and code.isalpha()):
        return None
    regions = cands.regions(conn, normalize_name(code), None)
    if postcode:  # the code must name the region that holds the postcode
        regions &= {(r.country, r.admin1_code) for r in cands.postcode_rows(conn, postcode, None)}
    if not regions:
        return None
    return spans[i - 1][1], code


def _countries_named(conn: Connection, region: str, country: str | None) -> frozenset[str]:
    """Countries ``region`` names a subdivision of, or names itself ("Jamaica"); only ``country``'s when given."""
    norm = normalize_name(region)
    countries = subdivision_countries().get(norm, frozenset())
    own = cands.country_code(conn, norm)
    if own:
        countries = countries | {own.upper()}
    if country is not None:
        code = cands.country_code(conn, normalize_name(country))
        countries = countries & {code.upper()} if code else frozenset()
    return countries


def first_name_aside(conn: Connection, reading: Reading) -> bool:
    """A place query ("Oviedo, Asturias") the tagger read with its first name aside (suburb, street or venue)
    and the next one, which names a subdivision, a region of the gazetteer ("Funchal, Madeira") or a country, as
    the locality: Asturias, Philippines answers it without a word of Oviedo. Counted as a contradicted constraint,
    so ``place_query`` is tried. Not when the locality is a big city's name (``scoring.BIG_CITY``) and the first name no
    place's of that city's country: "Le Marais, Paris" is a part of Paris the gazetteer lacks, whatever department
    Paris names too ("Shibuya, Tokyo" is tried: Shibuya is a place of Japan)."""
    spans = _names_only(reading)
    if not spans or spans[0][0] == "locality" or spans[1][0] != "locality":
        return False
    if _part_of_big_city(conn, spans[0][1], spans[1][1]):
        return False
    if _region_as_locality(conn, spans):
        return True
    return bool(_countries_named(conn, spans[1][1], spans[2][1] if len(spans) == 3 else None))


def _move(conf: Mapping[str, float], old: str, new: str) -> dict[str, float]:
    out = {k: v for k, v in conf.items() if k != old}
    if old in conf:
        out[new] = conf[old]
    return out


def evidence(places: Sequence[Place]) -> float:
    if not places:
        return 0.0
    top = places[0]
    return float(top.score) * CONFLICT_FACTOR ** top.conflicts


def resolve_readings(
    conn: Connection, readings: Sequence[Reading], country: str | None = None, limit: int = 5
) -> Resolution:
    """The best joint reading of ``readings`` (the first is the tagger's top parse) and its results.

    The given readings are scored first; the derived ones (``derive``) after them, all of them when the
    best evidence so far is weak (below ``WEAK_EVIDENCE`` or contradicting a constraint)."""
    if not readings:
        readings = [Reading({})]
    top = readings[0]
    # (components, derived) -> (the most probable reading scored with them, its results): a reading
    # comes again at a higher probability when a derived reading repeats a weaker tagger path
    scored: dict[tuple[tuple[tuple[str, str], ...], bool], tuple[float, list[Place]]] = {}
    best: tuple[float, Reading, list[Place], float] | None = None
    considered: list[dict[str, Any]] = []

    def score(pool: Iterable[Reading], cap: int = MAX_READINGS) -> None:
        nonlocal best
        for r in pool:
            key = (r.key(), r.derived)
            done = scored.get(key)
            if (done is not None and r.probability <= done[0]) or (done is None and len(scored) >= cap):
                continue
            if best is not None and r.probability <= best[0] + 1e-9:
                # evidence is at most 1: this reading cannot beat the best one (not resolved, not in
                # ``considered``); its components are still checked, as resolving them would
                check_reading(r.components, r.confidences)
                continue
            places = done[1] if done is not None else resolve(
                conn, r.components, country=country, limit=limit, confidences=r.confidences, relax=not r.derived)
            scored[key] = (r.probability, places)
            ev = evidence(places)
            if region_elsewhere(conn, r, places) or first_name_aside(conn, r) or _names_unused(r, places, top) \
                    or code_read_as_locality(conn, r) or region_dwarfs(conn, r, places) or city_state(conn, r, places) \
                    or typo_elsewhere(conn, r, places, top) or postcode_elsewhere(conn, r, places) \
                    or country_dwarfs(conn, r, places):
                ev *= CONFLICT_FACTOR
            joint = r.probability * ev
            considered.append({"source": r.source, "components": r.components, "probability": round(r.probability, 4),
                               "evidence": round(ev, 4), "joint": round(joint, 4)})  # fmt: skip
            if best is None or joint > best[0] + 1e-9:
                best = (joint, r, places, ev)

    score(readings)
    assert best is not None
    weak = not best[2] or best[2][0].conflicts > 0 or best[3] < WEAK_EVIDENCE
    score([d for base in readings[:2] for d in derive(conn, base, weak)])
    if not best[2]:  # no reading has a result: each name alone, a few more readings
        score(last_resort(top), cap=len(scored) + LAST_RESORT_READINGS)
    return Resolution(best[2], best[1], top, considered)


def _divisions(name: str) -> list[str]:
    """The prefecture, city and ward words of a Chinese or Japanese name, in order ("横浜市西区" -> "横浜市", "西区");
    [] for other names."""
    return _CJK_DIVISION.findall(name) if _CJK.search(name) else []


def _cjk_heads(name: str) -> list[str]:
    """The first four, three and two characters of a Chinese or Japanese name written without spaces, longest first:
    such an address runs from the biggest place down and may write its city without 市 ("北京朝阳区": 北京; "香港中環
    皇后大道中": 香港; "新加坡乌节路": 新加坡); [] for other names and for names of two characters or fewer."""
    head = name.strip()
    if " " in head or len(head) <= 2 or not all(_CJK.match(ch) for ch in head[:4]):
        return []
    return [head[:n] for n in (4, 3, 2) if n < len(head)]


def _hyphen_parts(name: str) -> list[str]:
    """The parts of a hyphenated name of three letters or more ("Frankfurt-Sachsenhausen"); [] without a hyphen."""
    return [p for p in name.split("-") if len(p) >= 3 and p.isalpha()] if "-" in name else []


def last_resort(reading: Reading) -> list[Reading]:
    """When no reading has any result: each name of the text alone read as the locality, each city, ward or
    prefecture of a Chinese or Japanese name (``_divisions``), then its first characters (``_cjk_heads``), and each
    part of a hyphenated one ("Frankfurt-Sachsenhausen"), in text order, at ``LAST_RESORT_FLOOR`` of the reading's
    probability ("شارع الملك فهد، الرياض": a street read as the locality and the city as a region, or as a country,
    that names none; "横浜市西区みなとみらい2-2-1": a city and its ward read as one locality). A "postcode" without a
    digit is a name too ("浙江省杭州市西湖区文三路90号": the province and city read as a postcode)."""
    names = [v for label, v in reading.spans or tuple(reading.components.items())
             if label in LAST_RESORT_LABELS or (label == "postcode" and not any(ch.isdigit() for ch in v))]
    parts = [part for v in names for part in (v, *_divisions(v), *_cjk_heads(v), *_hyphen_parts(v))]
    p = reading.probability * LAST_RESORT_FLOOR
    return [Reading({"locality": part}, p, {}, f"{part!r} read as the locality (nothing else matched)", True)
            for part in dict.fromkeys(parts)]


def _names_unused(reading: Reading, places: Sequence[Place], top: Reading) -> bool:
    """True when the best result is a region or a country while the reading names something smaller that no
    result level accounts for (a venue or a street, and no locality: "City of Industry CA" read as a venue; or a
    county, which the gazetteer has no places for: "Town of East Grand Forks, MN" read as a county): counted as a
    contradicted constraint (unless the result already counts one: a relaxed street), so the readings of that name
    as the place are tried. A derived reading has the spans of the tagger's ``top``."""
    return bool(places) and (places[0].level in ("region", "country") and not places[0].conflicts
            and "locality" not in reading.components
            and any((label in ("venue", "street") and value not in reading.components.values()) or label == "county"
                    for label, value in reading.spans or top.spans))


def _street_and_place(comps: Mapping[str, str]) -> bool:
    """True when the components are a locality, with at most a country, a street and a house number beside it: no
    region, postcode or other name says where it lies ("Jalisco, México"; "Av Juárez 10, Jalisco, Mexico")."""
    return "locality" in comps and comps.keys() <= _PLACE_AND_STREET


def _leading_city(conn: Connection, reading: Reading) -> tuple[str, str, str] | None:
    """One name of two words or more, read as a locality, street or venue, with nothing numbered and at most a region
    or a country beside it, that no place bears and that begins with a big city's official name (``scoring.BIG_CITY``:
    "Sydney Opera House", "Tokyo Tower", not "Lincoln Memorial"): (its label, the name, the city); else None."""
    names = [(label, v) for label, v in reading.spans if label not in ("region", "country")]
    if len(names) != 1 or names[0][0] not in ("locality", "street", "venue"):  # a number would be a second name
        return None
    label, name = names[0]
    words = name.split()
    if len(words) < 2 or cands.names_exact_places(conn, normalize_name(name), None):
        return None
    for k in range(len(words) - 1, 0, -1):
        head = " ".join(words[:k])
        if cands.big_cities(conn, normalize_name(head)):
            return label, name, head
    return None


def _one_name(reading: Reading) -> tuple[str, str] | None:
    """The (label, value) of the text's one span (or the reading's one component, when it has no spans); else None."""
    spans = reading.spans or tuple(reading.components.items())
    return spans[0] if len(spans) == 1 else None


def _lone(reading: Reading, label: str) -> str | None:
    """The reading's ``label`` value when it is all the reading has, and the text held no other span ("Wien"; not
    "City of Brentwood NY", a venue and a region); else None."""
    comps = reading.components
    return comps[label] if set(comps) == {label} and len(reading.spans) <= 1 else None


def region_dwarfs(conn: Connection, reading: Reading, places: Sequence[Place]) -> bool:
    """True when the reading is a lone locality answered by a town while a region of the same name (its own or an
    alias) elsewhere has ``REGION_DWARFS`` times its population or more ("Bavaria": Bavaria, Kansas and Bayern;
    "Flanders"; not "Wien", the city in its region), or is a locality with only a country, a street and a number
    beside it while such a region lies in the town's own country ("Jalisco, México", "Av Juárez 10, Jalisco, Mexico":
    not the village in Chiapas; "10 King St, Victoria" stays the Canadian city): counted as a contradicted
    constraint, so the reading of the name as the region is tried."""
    lone = _lone(reading, "locality")
    name = lone or (reading.components["locality"] if _street_and_place(reading.components) else None)
    if not places or places[0].level != "locality" or not name:
        return False
    rows = cands.names_exact_places(conn, normalize_name(name), None, place_kind="region")
    town = places[0]
    return any((row["population"] or 0) >= REGION_DWARFS * max(town.population, 1)
               and (row["country_code"], row["admin1_code"]) != (town.country, town.region_code)  # not "Wien" in Wien
               and (lone is not None or row["country_code"] == town.country)  # beside a street or a country: its own
               for _, _, row in rows)  # fmt: skip


def _lone_country_name(conn: Connection, reading: Reading) -> str | None:
    """The country code named exactly by the reading's one span, when the text held nothing else and the tagger read
    it as a place, a street or a venue (not a region: "Georgia" stays the state), four letters or more (no codes);
    else None."""
    one = _one_name(reading)
    if one is None or one[0] not in _LONE_COUNTRY_LABELS or len(one[1].strip()) < 4:
        return None
    return cands.country_code(conn, normalize_name(one[1]))


def _region_typo(conn: Connection, reading: Reading) -> tuple[str, str, str] | None:
    """(label, value, region key) when the text is one name, read as a locality or a region, that no place or region
    bears as written and that is a typo away from a region's name (``candidates.regions_near``, the nearest); else
    None."""
    one = _one_name(reading)
    if one is None or one[0] not in ("locality", "region"):
        return None
    label, value = one
    norm = normalize_name(value)
    if cands.regions(conn, norm, None) or cands.names_exact_places(conn, norm, None):
        return None
    near = cands.regions_near(conn, norm)
    return (label, value, near[0][0]) if near else None


def country_dwarfs(conn: Connection, reading: Reading, places: Sequence[Place]) -> bool:
    """True when the text is one name, exactly a country's in some language, answered by a place of another country
    while the country has ``REGION_DWARFS`` times its people or more ("China": not China, Nuevo León; "Suomi": not
    Suong by a near name; "Nederland": not the town in Texas; "Mexico" stays Mexico City, in the country it names):
    counted as a contradicted constraint, so the reading of the name as the country is tried."""
    cc = _lone_country_name(conn, reading) if places and places[0].level != "country" else None
    if cc is None or places[0].country.upper() == cc:
        return False
    country = cands.country_place(conn, cc)
    return country is not None and (country["population"] or 0) >= REGION_DWARFS * max(places[0].population, 1)


def city_state(conn: Connection, reading: Reading, places: Sequence[Place]) -> bool:
    """True when the reading is a lone region (no other span: "City of Brentwood NY" is no query of New York)
    answered by the region while a city of that name lies in it, with
    ``CITY_OF_REGION`` of its people or more ("Wien", "Tokyo": the city, not its state; not "Quebec"): counted as a
    contradicted constraint, so the reading of the name as the locality is tried."""
    name = _lone(reading, "region")
    if not places or places[0].level != "region" or not name:
        return False
    region = places[0]
    rows = cands.names_exact_places(conn, normalize_name(name), region.country)
    return any(row["admin1_code"] == region.region_code and (row["population"] or 0) >= CITY_OF_REGION * region.population
               for _, _, row in rows)  # fmt: skip


def _code_elsewhere(conn: Connection, code: str, place: Place) -> bool:
    """A two-letter region that is a country's code, answered by a place neither in that country nor in a region of
    that code ("Córdoba, AR": Córdoba, Spain, AR naming Aragón, ES-AR, while Arkansas has none)."""
    code = code.strip()
    if len(code) != 2 or not code.isalpha():
        return False
    country = cands.country_code(conn, normalize_name(code))
    if not country or place.country.upper() == country.upper():
        return False
    if normalize_name(place.region or "") in subdivision_region_keys(code, place.country):
        return False  # "Napoli NA": Naples lies in the province coded NA (IT-NA, in Campania), Namibia aside
    return (place.country, place.region_code) not in cands.regions(conn, normalize_name(code), None)


def typo_elsewhere(conn: Connection, reading: Reading, places: Sequence[Place], top: Reading) -> bool:
    """True when a reading without a region is answered by a place only near its name by a typo, outside every
    region of that country the tagger's ``top`` reading names ("Condesa, Ciudad de México" read as a place in MX:
    not La Montesa, Zacatecas): a contradicted constraint, as it is when the region is kept (``resolver.match``)."""
    region = top.components.get("region")
    if not places or places[0].match != "fuzzy" or "region" in reading.components or not region:
        return False
    regions = cands.regions(conn, normalize_name(region), places[0].country)
    return bool(regions) and (places[0].country, places[0].region_code) not in regions


def region_elsewhere(conn: Connection, reading: Reading, places: Sequence[Place]) -> bool:
    """True when the reading's region (or county, which the gazetteer has no places for) is none the gazetteer
    knows as a region (GeoNames codes many countries' regions by number only) but names ISO 3166-2
    subdivisions of countries other than the best result's, or another country ("Córdoba, Andalucía"
    answered by Córdoba, Argentina; "Granada, Nicaragua" with Nicaragua read as a county); or a county
    (which the gazetteer has no places for) that names a region of the gazetteer's only elsewhere ("Roma,
    Lazio" with Lazio read as a county, answered by Roma, Lesotho); or a two-letter region that is a country's code,
    answered elsewhere (``_code_elsewhere``: "Córdoba, AR"): a contradicted constraint."""
    if not places or "country" in reading.components:
        return False
    for label in ("region", "county"):
        value = reading.components.get(label)
        if not value:
            continue
        if label == "region" and _code_elsewhere(conn, value, places[0]):
            return True
        if places[0].country.upper() in countries_with_subdivision(value):  # "Napoli NA": a province of Italy
            continue
        countries = _countries_named(conn, value, None)
        if label == "county":  # the gazetteer has no county places: a gazetteer region of that name counts here, as
            # does a big city's ("Bandra, Mumbai": the county named like a city of India, Bandera, Argentina answers)
            countries = countries | {rc for rc, _ in cands.regions(conn, normalize_name(value), None)} \
                | _big_city(conn, value)
            if countries and places[0].country.upper() not in countries:
                return True
        elif not cands.regions(conn, normalize_name(value), None):
            # a region the gazetteer does not know: the countries it names a subdivision of, and those of a big
            # city of that name ("Kebayoran Baru, Jakarta Selatan" answered by Baru, Romania; "Providencia,
            # Santiago" answered in Chile, though Santiago is also a province of the Dominican Republic)
            countries = countries | _big_city(conn, value)
            if countries and places[0].country.upper() not in countries:
                return True
            if _outside_big_city(conn, value, places[0]):
                return True
    return False


def _outside_big_city(conn: Connection, name: str, place: Place) -> bool:
    """True when ``name`` (a region the gazetteer does not know) is a big city of the place's own country, and the
    place lies neither in that city's region nor within ``CITY_PART_KM`` of it ("北区, 大阪市": Osaka's ward answered
    by Kita, Tokyo; not "Providencia, Santiago" nor "Kebayoran Baru, Jakarta Selatan", parts of those cities)."""
    cities = [row for row in _big_city_rows(conn, name, local=True) if row["country_code"] == place.country]
    return bool(cities) and not any(row["admin1_code"] == place.region_code for row in cities) \
        and not _near_city(place.lat, place.lon, cities)


def _near_city(lat: float | None, lon: float | None, cities: Sequence[Mapping[Any, Any]]) -> bool:
    """True when the point lies within ``CITY_PART_KM`` of one of the (big) cities' rows."""
    return lat is not None and lon is not None and any(
        haversine_km(lat, lon, c["lat"], c["lon"]) <= CITY_PART_KM for c in cities if c["lat"] is not None)


def geocode(
    conn: Connection,
    reading: Reading,
    *,
    alternatives: Callable[[], Mapping[str, Any]] | None = None,
    country: str | None = None,
    limit: int = 5,
) -> Resolution:
    """Resolve the tagger's top ``reading`` jointly with its derived readings; when the evidence for
    the best of them is weak, ask ``alternatives()`` (``Tagger.parse_alternatives`` of the text) for
    the tagger's k-best readings and choose among all of them."""
    res = resolve_readings(conn, [reading], country=country, limit=limit)
    if alternatives is None or evidence(res.results) >= ASK_TAGGER_EVIDENCE:
        return res
    more = from_alternatives(alternatives(), top=reading)
    if len(more) <= 1:
        return res
    return resolve_readings(conn, [reading, *more[1:]], country=country, limit=limit)
