"""Street-name keys: one canonical spelling for the many ways a street is written.

``street_key(name) -> (norm, base)``:

* ``norm``: ``normalize_name`` (accents folded, lower case, no punctuation), then every word through
  ``_CANON``: street types and directionals to their long form ("St" -> "street", "N" -> "north",
  "Ave" -> "avenue"), the German "-str"/"-straße" suffix split off as its own word, ordinals
  to digits ("First" -> "1st"). A leading "St" followed by a name is "saint" ("St Johns Rd").
  Types with the same meaning share one key across languages ("Straße", "Str.", "Street" -> "street";
  "Platz" -> "place"): the key only has to agree with itself.
* ``base``: ``norm`` without its type and directional words ("north octavia street" -> "octavia"),
  which serves queries that leave out the type; equal to ``norm`` when nothing would be left.

Both the importer and the query use these functions, so their keys agree by construction.
"""

from __future__ import annotations

import re
from functools import lru_cache

from resolver.names import normalize_name

_TYPES: dict[str, tuple[str, ...]] = {
    "street": ("st", "str", "stret", "streets", "strasse", "strase", "strabe", "straat"),
    "avenue": ("ave", "av", "avn", "aven", "avenu", "avnue"),
    "boulevard": ("blvd", "boul", "boulv", "bd", "bvd"),
    "road": ("rd",),
    "drive": ("dr", "drv", "driv"),
    "lane": ("ln",),
    "court": ("ct", "crt"),
    "place": ("pl", "platz"),
    "terrace": ("ter", "terr"),
    "highway": ("hwy", "hway"),
    "parkway": ("pkwy", "pky", "pkway", "parkwy"),
    "circle": ("cir", "circ", "crcl"),
    "square": ("sq", "sqr"),
    "trail": ("trl", "tr"),
    "way": ("wy",),
    "alley": ("aly", "ally"),
    "expressway": ("expy", "expwy"),
    "freeway": ("fwy",),
    "crescent": ("cres", "crsnt"),
    "close": ("cl",),
    "grove": ("grv",),
    "heights": ("hts",),
    "loop": ("lp",),
    "path": ("pth",),
    "pike": ("pk",),
    "plaza": ("plz",),
    "point": ("pt",),
    "ridge": ("rdg",),
    "row": (),
    "run": (),
    "walk": ("wlk",),
    "cove": ("cv",),
    "creek": ("crk",),
    "crossing": ("xing", "crsg"),
    "glen": ("gln",),
    "hill": ("hl",),
    "hollow": ("holw",),
    "landing": ("lndg",),
    "manor": ("mnr",),
    "meadow": ("mdw",),
    "meadows": ("mdws",),
    "mount": ("mt",),
    "park": ("prk",),
    "pass": (),
    "spur": (),
    "station": ("sta",),
    "turnpike": ("tpke",),
    "valley": ("vly",),
    "view": ("vw",),
    "vista": ("vis",),
    "weg": (),
    "gasse": (),
    "allee": (),
    "damm": (),
    "ufer": (),
    "chaussee": (),
    "ring": (),
    "rue": (),
    "chemin": ("ch", "chem"),
    "impasse": ("imp",),
    "route": ("rte",),
    "calle": ("c", "cl", "cll"),
    "avenida": ("avda", "avd"),
    "carrera": ("cra", "kr"),
    "via": (),
    "viale": ("v le",),
    "piazza": ("p za", "pza"),
    "rua": ("r",),
    "laan": (),
    "plein": (),
    "gracht": (),
    "vej": (),
    "gatan": (),
    "gata": (),
    "gade": (),
    "veien": (),
    "ulica": ("ul",),
}
_DIRECTIONS: dict[str, tuple[str, ...]] = {
    "north": ("n",),
    "south": ("s",),
    "east": ("e",),
    "west": ("w",),
    "northeast": ("ne",),
    "northwest": ("nw",),
    "southeast": ("se",),
    "southwest": ("sw",),
}
_ORDINALS = {
    "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th",
    "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th", "eleventh": "11th",
    "twelfth": "12th",
}  # fmt: skip

_CANON: dict[str, str] = dict(_ORDINALS)
TYPE_WORDS: frozenset[str] = frozenset(_TYPES)
DIRECTION_WORDS: frozenset[str] = frozenset(_DIRECTIONS)
for _long, _shorts in (*_TYPES.items(), *_DIRECTIONS.items()):
    for _s in _shorts:
        if " " not in _s:
            _CANON.setdefault(_s, _long)
_DE_SUFFIX = re.compile(r"^(?P<stem>\w{3,}?)(?:strasse|str|strase)$")
_NUMBER_SUFFIX = re.compile(r"^(\d+)(st|nd|rd|th)$")


@lru_cache(maxsize=65536)
def street_key(name: str) -> tuple[str, str]:
    """(norm, base) lookup keys of a street name; ("", "") for a name with no letters or digits."""
    words = normalize_name(name).split()
    out: list[str] = []
    n = len(words)
    for i, w in enumerate(words):
        if w == "st" and i == 0 and n > 2:
            out.append("saint")  # "St Johns Road"; "St Street"-like two-word names keep "street"
            continue
        m = _DE_SUFFIX.match(w)
        if m and w not in _CANON:
            out.extend((m.group("stem"), "street"))
            continue
        out.append(_CANON.get(w, w))
    norm = " ".join(out)
    core = [w for w in out if w not in TYPE_WORDS and w not in DIRECTION_WORDS]
    base = " ".join(core) if core else norm
    return norm, base


def ordinal_free(norm: str) -> str:
    """``norm`` with "1st" -> "1" (a query may drop the ordinal suffix)."""
    return " ".join(_NUMBER_SUFFIX.sub(r"\1", w) for w in norm.split())
