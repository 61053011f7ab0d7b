"""ISO 3166-2 subdivisions (every level, pycountry's data file): which countries a name or a code names a
subdivision of. GeoNames codes many countries' regions by number only, and holds no provinces, so "Toscana" or
Roma's province code "RM" names no region of the gazetteer; these tables say whose they are."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from resolver.aliases import region_core
from resolver.names import normalize_name


def subdivision_keys(name: str) -> set[str]:
    """Lookup keys of an ISO 3166-2 name as pycountry spells it ("Valenciana, Comunidad", "Skåne län [SE-12]"):
    the name, its two parts swapped, and, for a name of several words, the name without its first or its last
    word ("skane" of "Skåne län", "romagna" of "Emilia-Romagna") when 4 letters or more are left."""
    name = re.sub(r"\s*\[[^\]]*\]", "", name)
    forms = {name}
    if ", " in name:
        head, tail = name.split(", ", 1)
        forms |= {f"{tail} {head}", head}
    keys: set[str] = set()
    for form in forms:
        norm = normalize_name(form)
        if not norm:
            continue
        keys.add(norm)
        words = norm.split()
        if len(words) > 1:
            keys |= {part for part in (" ".join(words[1:]), " ".join(words[:-1])) if len(part) >= 4}
    return keys


_Tables = tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], dict[str, dict[str, frozenset[str]]]]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """(name key -> countries, own code -> countries, own code -> country -> the name keys of its top-level
    subdivision, itself when it is one), from one read of pycountry's data file (its objects are not kept: ~5,000
    subdivisions, well under 1 MB)."""
    import pycountry

    path = Path(pycountry.__file__).parent / "databases" / "iso3166-2.json"
    subs = {sub["code"]: sub for sub in json.loads(path.read_text(encoding="utf-8"))["3166-2"]}
    names: defaultdict[str, set[str]] = defaultdict(set)
    codes: defaultdict[str, set[str]] = defaultdict(set)
    tops: defaultdict[str, dict[str, frozenset[str]]] = defaultdict(dict)
    for code, sub in subs.items():
        cc, _, own = code.partition("-")
        for key in subdivision_keys(sub["name"]):
            names[key].add(cc)
        codes[own.upper()].add(cc)
        top = sub
        while top.get("parent") in subs:  # the parent's full code ("IT-72")
            top = subs[top["parent"]]
        tops[own.upper()][cc] = frozenset(subdivision_keys(top["name"]))
    return ({k: frozenset(v) for k, v in names.items()}, {k: frozenset(v) for k, v in codes.items()}, dict(tops))


def subdivision_countries() -> dict[str, frozenset[str]]:
    """Lookup key of a subdivision name (every level of ISO 3166-2) -> the countries with a subdivision of that
    name."""
    return _tables()[0]


def subdivision_code_countries() -> dict[str, frozenset[str]]:
    """A subdivision's own code (the part after the country's: "RM" of IT-RM, "75" of FR-75), upper case -> the
    countries with a subdivision of that code."""
    return _tables()[1]


def subdivision_region_keys(code: str, country: str) -> frozenset[str]:
    """The name keys of the top-level subdivision that ``country``'s subdivision coded ``code`` lies in ("NA", "IT":
    Napoli's province, in Campania), empty when there is none."""
    return _tables()[2].get(code.strip().upper(), {}).get(country.upper(), frozenset())


def countries_with_subdivision(value: str) -> frozenset[str]:
    """Countries that ``value`` (a region component) names a subdivision of, by name or by code, or else by the
    name inside its region-kind words ("Co. Kerry": IE-KY; ``aliases.region_core``, as ``candidates.regions``)."""
    norm = normalize_name(value)
    found = subdivision_countries().get(norm, frozenset()) | \
        subdivision_code_countries().get(value.strip().upper(), frozenset())
    core = region_core(norm) if not found else None
    return subdivision_countries().get(core, frozenset()) if core else found


__all__ = ["countries_with_subdivision", "subdivision_code_countries", "subdivision_countries", "subdivision_keys",
           "subdivision_region_keys"]
