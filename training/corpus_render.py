"""Render one address (a dict of component values) into normalized text with exact character spans.

A rendering picks a *mix* (which components appear: full address, street + locality, postcode +
country, intersection, PO box, ...), orders the components with the country's template layout, then
varies commas, case, abbreviations and (rarely) spelling. Spans are computed while the text is
assembled, so they are exact by construction; ``check_example`` verifies the corpus contract.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from model.labels import LABELS
from model.normalize import normalize, split_words
from training.corpus_formats import Layout

Piece = tuple[str, str | None, str]  # (text, label or None, separator before)

MIXES: tuple[tuple[str, float], ...] = (
    ("full", 0.21), ("no_postcode", 0.08), ("no_region", 0.07), ("no_city", 0.04), ("street_locality", 0.09),
    ("postcode_only", 0.015), ("street_only", 0.05), ("locality_only", 0.04), ("region_only", 0.015),
    ("postcode_country", 0.02), ("locality_region", 0.05), ("postcode_region_country", 0.02),
    ("postcode_locality", 0.03), ("locality_country", 0.03), ("intersection", 0.045), ("po_box", 0.03),
    ("venue", 0.045), ("unit", 0.07),
    # a street typed without its number (autocomplete-style queries, street-level records)
    ("street_name_only", 0.03), ("street_name_locality", 0.02), ("no_number", 0.02),
    # corpus 0.3.0: big-to-small order (East Asia; others rarely), a "c/o" / "attn" line first
    ("east_asian", 0.02), ("care_of", 0.025),
)
_MIX_NAMES = [m for m, _ in MIXES]
_MIX_WEIGHTS = [w for _, w in MIXES]
_KEEP = {
    "no_postcode": {"house_number", "street", "locality", "region", "country"},
    "no_region": {"house_number", "street", "locality", "postcode", "country"},
    "no_city": {"house_number", "street", "region", "postcode", "country"},
    "street_locality": {"house_number", "street", "locality"},
    "postcode_only": {"postcode"},
    "street_only": {"house_number", "street"},
    "street_name_only": {"street"},
    "street_name_locality": {"street", "locality"},
    "no_number": {"street", "locality", "region", "postcode"},
    "locality_only": {"locality"},
    "region_only": {"region"},
    "postcode_country": {"postcode", "country"},
    "locality_region": {"locality", "region"},
    "postcode_region_country": {"postcode", "region", "country"},
    "postcode_locality": {"postcode", "locality"},
    "locality_country": {"locality", "country"},
}
_CONNECTORS = ("&", "and", "at", "@", "/", "&", "and", "y", "et", "und", "and", "&")
_CORNER = ("corner of", "Corner of", "cnr", "Cnr", "intersection of", "esquina", "angle", "Ecke")
_CARE_OF = ("c/o", "C/O", "c/o", "Attn:", "ATTN:", "Attn", "Care of", "z. Hd.", "À l'attention de", "a/c")
_BIG_TO_SMALL = ("postcode", "country", "region", "county", "locality", "suburb", "street", "house_number")
_SAINT = {"Saint ": ("St ", "St. ", "Saint "), "Sainte ": ("Ste ", "Ste. ", "Sainte "), "Mount ": ("Mt ", "Mt. ")}
_CITY_ALIASES = {"New York": ("NY", "NYC", "New York City"), "Los Angeles": ("LA",), "San Francisco": ("SF",)}


@dataclass
class Address:
    country: str
    house_number: str = ""
    street: str = ""
    street2: str = ""
    unit: str = ""
    level: str = ""
    po_box: str = ""
    venue: str = ""
    locality: str = ""
    locality_alts: tuple[str, ...] = ()
    county: str = ""
    suburb: str = ""
    care_of: str = ""
    region_name: str = ""
    region_code: str = ""
    postcode: str = ""
    country_names: tuple[str, ...] = ()
    stats: dict[str, str] = field(default_factory=dict)


def _locality(a: Address, rng: random.Random) -> str:
    name = a.locality
    if a.locality_alts and rng.random() < 0.04:
        return rng.choice(a.locality_alts)
    if name in _CITY_ALIASES and rng.random() < 0.3:
        return rng.choice(_CITY_ALIASES[name])
    for full, shorts in _SAINT.items():
        if name.startswith(full) and rng.random() < 0.5:
            return rng.choice(shorts) + name[len(full) :]
    return name


def _region(a: Address, rng: random.Random) -> str:
    if a.region_code and a.region_name:
        return a.region_code if rng.random() < 0.6 else a.region_name
    return a.region_code or a.region_name


def _country(a: Address, rng: random.Random) -> str:
    return rng.choice(a.country_names) if a.country_names else ""


def ordered(a: Address, layout: Layout, keep: set[str], rng: random.Random) -> list[Piece]:
    """The pieces of ``a``'s components in ``keep``, in ``layout``'s order (with its separators)."""
    values = {
        "house_number": a.house_number,
        "street": a.street,
        "locality": _locality(a, rng) if a.locality else "",
        "region": _region(a, rng),
        "postcode": a.postcode,
        "country": _country(a, rng),
        "suburb": a.suburb,
        "county": a.county,
    }
    # suburb and county ride along with the locality / region they belong to
    if a.suburb and "locality" in keep and rng.random() < 0.85:
        keep = keep | {"suburb"}
    if a.county and ("locality" in keep or "region" in keep) and rng.random() < 0.85:
        keep = keep | {"county"}
    out: list[Piece] = []
    seen: set[str] = set()
    for kind, sep in layout.slots:
        kind = "region" if kind.startswith("region") else kind
        if kind not in keep or kind in seen or not values.get(kind):
            continue
        seen.add(kind)
        if kind == "house_number" and rng.random() < 0.1 and sep == ", ":
            sep = " "
        out.append((values[kind], kind, sep))
    # components the template lacks (e.g. region in DE) are appended before the country
    if "region" in keep and "region" not in seen and values["region"] and rng.random() < 0.3:
        at = next((i for i, p in enumerate(out) if p[1] == "country"), len(out))
        out.insert(at, (values["region"], "region", ", "))
    if "suburb" in keep and "suburb" not in seen and values["suburb"]:
        at = next((i for i, p in enumerate(out) if p[1] in ("locality", "postcode")), len(out))
        out.insert(at, (values["suburb"], "suburb", ", "))
        if at + 1 < len(out) and out[at + 1][2] == "":
            out[at + 1] = (out[at + 1][0], out[at + 1][1], ", ")
    if "county" in keep and "county" not in seen and values["county"]:
        after = next((i + 1 for i, p in enumerate(out) if p[1] == "locality"), None)
        at_c = after if after is not None else next(
            (i for i, p in enumerate(out) if p[1] in ("region", "postcode", "country")), len(out))
        out.insert(at_c, (values["county"], "county", ", "))
    if "country" in keep and "country" not in seen and values["country"]:
        out.append((values["country"], "country", ", "))
    if len(out) > 2 and rng.random() < 0.08:  # the postcode on the other side of the locality
        kinds = [p[1] for p in out]
        if "postcode" in kinds and "locality" in kinds:
            i, j = kinds.index("postcode"), kinds.index("locality")
            if abs(i - j) == 1:
                lo = min(i, j)
                out[lo], out[lo + 1] = (out[lo + 1][0], out[lo + 1][1], out[lo][2]), (out[lo][0], out[lo][1], " ")
    return out


def _street_group(a: Address, layout: Layout, rng: random.Random) -> list[Piece]:
    return ordered(a, layout, {"house_number", "street"}, rng)


def _pieces(a: Address, layout: Layout, mix: str, rng: random.Random) -> list[Piece]:
    if mix in _KEEP:
        return ordered(a, layout, _KEEP[mix], rng)
    full = {"house_number", "street", "locality", "region", "postcode", "country"}
    if rng.random() < 0.65:
        full.discard("country")
    if mix == "full":
        return ordered(a, layout, full, rng)
    if mix == "east_asian":  # big to small: "Japan, Tokyo, Chiyoda, Marunouchi 1-1"
        body = ordered(a, layout, full | {"country"} if rng.random() < 0.5 else full, rng)
        body.sort(key=lambda p: _BIG_TO_SMALL.index(p[1]) if p[1] in _BIG_TO_SMALL else 99)
        sep = ", " if rng.random() < 0.6 else " "
        return [(t, lab, "" if i == 0 else " " if lab == "house_number" else sep) for i, (t, lab, _) in enumerate(body)]
    if mix == "care_of":
        who = a.care_of or "Accounts Payable"
        body = ordered(a, layout, full, rng)
        return [(f"{rng.choice(_CARE_OF)} {who}", None, "")] + [(t, lab, ", " if i == 0 else s)
                                                                  for i, (t, lab, s) in enumerate(body)]
    tail_keep = {"locality", "region", "postcode"} | ({"country"} if rng.random() < 0.2 else set())
    if rng.random() < 0.3:
        tail_keep.discard("postcode")
    tail = ordered(a, layout, tail_keep, rng)
    tail = [(t, lab, ", " if i == 0 else s) for i, (t, lab, s) in enumerate(tail)]
    if mix == "intersection":
        conn = rng.choice(_CONNECTORS)
        head: list[Piece] = []
        if rng.random() < 0.25:
            head.append((rng.choice(_CORNER), None, ""))
        head += [(a.street, "street", " "), (conn, None, " "), (a.street2, "street", " ")]
        return head + (tail if rng.random() < 0.6 else [])
    if mix == "po_box":
        return [(a.po_box, "po_box", "")] + tail
    if mix == "venue":
        body = ordered(a, layout, full, rng) if rng.random() < 0.8 else tail[:1]
        return [(a.venue, "venue", "")] + [(t, lab, ", " if i == 0 and rng.random() < 0.8 else s or " ")
                                           for i, (t, lab, s) in enumerate(body)]
    # unit / level attached to the street group
    group = _street_group(a, layout, rng)
    extra: list[Piece] = []
    if a.unit and rng.random() < 0.75:
        extra.append((a.unit, "unit", ", " if rng.random() < 0.4 else " "))
    if a.level and (not extra or rng.random() < 0.2):
        extra.append((a.level, "level", ", " if rng.random() < 0.4 else " "))
    if rng.random() < 0.15:  # "Apt 4B, 123 Main St"
        return [(t, lab, ", " if i == len(extra) else s) for i, (t, lab, s) in enumerate(extra + group)] + tail
    return group + extra + tail


def _case(text: str, mode: str) -> str:
    if mode == "lower":
        return text.lower()
    if mode == "upper":
        return text.upper()
    if mode == "title":
        return " ".join(w[:1].upper() + w[1:].lower() for w in text.split(" "))
    return text


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randint(1, len(word) - 2)
    op = rng.randint(0, 2)
    if op == 0:
        return word[:i] + word[i + 1 :]
    if op == 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + word[i] + word[i:]


def assemble(pieces: list[Piece], rng: random.Random, stats: dict[str, str]) -> tuple[str, list[list]]:
    """Join pieces with separator/case/typo variation; returns (text, spans)."""
    r = rng.random()
    commas = "keep" if r < 0.74 else "drop" if r < 0.9 else "double" if r < 0.92 else "space" if r < 0.95 else "random"
    r = rng.random()
    case = "as_is" if r < 0.74 else "lower" if r < 0.88 else "upper" if r < 0.95 else "title"
    r = rng.random()  # noise: doubled spaces, " - " between parts, a stray trailing mark
    noise = "none" if r < 0.9 else "double_space" if r < 0.94 else "dash" if r < 0.97 else "trailing"
    stats["noise"] = noise
    typo_at = rng.randrange(len(pieces)) if rng.random() < 0.02 else -1
    stats["commas"], stats["case"] = commas, case
    parts: list[str] = []
    spans: list[list] = []
    pos = 0
    for i, (value, label, sep) in enumerate(pieces):
        if not parts:
            sep = ""
        elif "," in sep:
            if commas == "drop" or (commas == "random" and rng.random() < 0.5):
                sep = " "
            elif commas == "double":
                sep = ",, "
            elif commas == "space":
                sep = " , "
        elif not sep:
            sep = " "
        if noise == "double_space" and rng.random() < 0.4:
            sep = sep.replace(" ", "  ")
        elif noise == "dash" and sep == ", " and rng.random() < 0.5:
            sep = " - "
        value = _case(value, case)
        if i == typo_at and label is not None:
            words = value.split(" ")
            j = rng.randrange(len(words))
            if len(words[j]) >= 5 and words[j].isalpha():
                words[j] = _typo(words[j], rng)
                value = " ".join(words)
                stats["typo"] = "yes"
        parts.append(sep)
        pos += len(sep)
        parts.append(value)
        if label is not None:
            spans.append([label, pos, pos + len(value)])
        pos += len(value)
    if noise == "trailing":
        parts.append(rng.choice((".", " .", ",", " -", ";")))
    return "".join(parts), spans


def render(a: Address, layout: Layout, rng: random.Random, mix: str | None = None) -> tuple[str, list[list], str]:
    """(text, spans, mix) for an address; the mix falls back to 'full' when its parts are missing."""
    mix = mix or rng.choices(_MIX_NAMES, _MIX_WEIGHTS)[0]
    if a.country in ("JP", "CN", "KR", "TW") and a.suburb and rng.random() < 0.5:
        mix = "east_asian"
    needs = {"intersection": a.street2, "po_box": a.po_box, "venue": a.venue, "unit": a.unit or a.level,
             "care_of": a.care_of}
    if mix in needs and not needs[mix]:
        mix = "full"
    pieces = [p for p in _pieces(a, layout, mix, rng) if p[0]]
    if all(p[1] in ("country", None) for p in pieces):  # nothing but a country name: render in full
        mix = "full"
        pieces = [p for p in _pieces(a, layout, "full", rng) if p[0]]
    text, spans = assemble(pieces, rng, a.stats)
    return text, spans, mix


def check_example(text: str, spans: list[list]) -> str | None:
    """None when the example meets the corpus contract, else the reason it does not."""
    if not text or normalize(text) != text:
        return "not_normalized"
    words = split_words(text)
    starts = {w.start for w in words}
    ends = {w.end for w in words}
    prev = 0
    for label, s, e in spans:
        if label not in LABELS:
            return "unknown_label"
        if s < prev or e <= s:
            return "overlap_or_empty"
        if s not in starts or e not in ends:
            return "span_cuts_word"
        if text[s:e] != text[s:e].strip():
            return "span_whitespace"
        prev = e
    return None
