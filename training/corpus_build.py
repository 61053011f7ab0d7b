"""Build a versioned corpus folder: train/dev/test JSONL + manifest.json (see docs/CONTRACTS.md).

Deterministic: one ``random.Random`` seeded from (version, seed) drives every choice, sources are
read in sorted order and nothing depends on time, so equal inputs give byte-identical output.
Examples are written as they are produced (bounded memory beyond the loaded sources).
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from addrnet.settings import REPO_DATA_DIR
from training.corpus_formats import layout_for
from training.corpus_render import Piece, assemble, check_example, render
from training.corpus_sources import Exclusion, OARow, Sources, UsRecord, key, load_sources
from training.corpus_synth import Synth

SPLITS = ("train", "dev", "test")
REAL_SPLITS = ("real_test", "real_calib")  # corpus >= 0.3.0: real text held out of every other split
SOURCE_MIX: tuple[tuple[str, float], ...] = (("oa", 0.18), ("usaddress", 0.12), ("geonames", 0.52), ("zipcodes", 0.18))
SOURCE_MIX_V3: tuple[tuple[str, float], ...] = (
    ("oa", 0.11), ("usaddress", 0.09), ("geonames", 0.30), ("zipcodes", 0.11), ("faker", 0.24), ("suburb", 0.09),
    ("county", 0.06),
)
# corpus 0.4.0: OA/usaddress/zipcodes/suburb/county as in 0.3.0; GeoNames (0.12) and Faker (0.06) give way to
# "intl" (person/date/compound streets, US numbered roads, venues first, intersections, house-number forms)
# and "short" (a street alone, number + street, street + number, street + locality, venue [+ locality])
SOURCE_MIX_V4: tuple[tuple[str, float], ...] = (
    ("oa", 0.11), ("usaddress", 0.09), ("geonames", 0.18), ("zipcodes", 0.11), ("faker", 0.18), ("suburb", 0.09),
    ("county", 0.06), ("intl", 0.09), ("short", 0.09),
)
# corpus 0.5.0: as 0.4.0, with GeoNames (0.05) and zipcodes (0.01) giving way to "v5" (street + region with no
# locality, person streets with two given names, a country after the locality with no comma, house-number
# prefixes, inputs with no component); floors in the usaddress rows are labelled ``level``
SOURCE_MIX_V5: tuple[tuple[str, float], ...] = (
    ("oa", 0.11), ("usaddress", 0.09), ("geonames", 0.13), ("zipcodes", 0.10), ("faker", 0.18), ("suburb", 0.09),
    ("county", 0.06), ("intl", 0.09), ("short", 0.09), ("v5", 0.06),
)
# corpus 0.6.0: as 0.5.0, with GeoNames (0.03) and Faker (0.02) giving way to "v6" (flat, floor, staircase and
# building words of European and Latin American addresses after the house number: "2º B", "Bât. B, 2e étage")
SOURCE_MIX_V6: tuple[tuple[str, float], ...] = (
    ("oa", 0.11), ("usaddress", 0.09), ("geonames", 0.10), ("zipcodes", 0.10), ("faker", 0.16), ("suburb", 0.09),
    ("county", 0.06), ("intl", 0.09), ("short", 0.09), ("v5", 0.06), ("v6", 0.05),
)
# corpus 0.7.0: as 0.6.0, with GeoNames (0.01) and Faker (0.01) giving way to "v7" (Korean road-name addresses
# written big to small in Hangul: "서울특별시 강남구 테헤란로 152")
SOURCE_MIX_V7: tuple[tuple[str, float], ...] = (
    ("oa", 0.11), ("usaddress", 0.09), ("geonames", 0.09), ("zipcodes", 0.10), ("faker", 0.15), ("suburb", 0.09),
    ("county", 0.06), ("intl", 0.09), ("short", 0.09), ("v5", 0.06), ("v6", 0.05), ("v7", 0.02),
)
# corpus 0.8.0: as 0.7.0, with GeoNames (0.01) and Faker (0.01) giving way to "v8" (US and Canadian units written
# with a designator alone: "77 Elm St Upper", "41 Willow Avenue - Rear")
SOURCE_MIX_V8: tuple[tuple[str, float], ...] = (
    ("oa", 0.11), ("usaddress", 0.09), ("geonames", 0.08), ("zipcodes", 0.10), ("faker", 0.14), ("suburb", 0.09),
    ("county", 0.06), ("intl", 0.09), ("short", 0.09), ("v5", 0.06), ("v6", 0.05), ("v7", 0.02), ("v8", 0.02),
)
# corpus 0.9.0: as 0.8.0, with GeoNames (0.01) and Faker (0.01) giving way to "v9" (a direction after the street
# type: "Queen Street West"; French streets named after a saint: "rue du Faubourg Saint-Honoré")
SOURCE_MIX_V9: tuple[tuple[str, float], ...] = (
    ("oa", 0.11), ("usaddress", 0.09), ("geonames", 0.07), ("zipcodes", 0.10), ("faker", 0.13), ("suburb", 0.09),
    ("county", 0.06), ("intl", 0.09), ("short", 0.09), ("v5", 0.06), ("v6", 0.05), ("v7", 0.02), ("v8", 0.02),
    ("v9", 0.02),
)
# corpus 0.10.0: as 0.9.0, with GeoNames (0.01) and Faker (0.01) giving way to "v10" (a business's name before its
# address, in its own country and language: "Hermighausen AG, Hauptstraße 5, 10115 Berlin")
SOURCE_MIX_V10: tuple[tuple[str, float], ...] = (
    ("oa", 0.11), ("usaddress", 0.09), ("geonames", 0.06), ("zipcodes", 0.10), ("faker", 0.12), ("suburb", 0.09),
    ("county", 0.06), ("intl", 0.09), ("short", 0.09), ("v5", 0.06), ("v6", 0.05), ("v7", 0.02), ("v8", 0.02),
    ("v9", 0.02), ("v10", 0.02),
)
# corpus 0.11.0: as 0.9.0 (not 0.10.0, whose candidates failed their gate), with GeoNames (0.01) and Faker (0.01)
# giving way to "v11" (regions with their kind's word, "Hubei Province"; numbered districts, "Quận 1"; Metro
# Manila; "city, region" place queries outside the US)
SOURCE_MIX_V11: tuple[tuple[str, float], ...] = (
    ("oa", 0.11), ("usaddress", 0.09), ("geonames", 0.06), ("zipcodes", 0.10), ("faker", 0.12), ("suburb", 0.09),
    ("county", 0.06), ("intl", 0.09), ("short", 0.09), ("v5", 0.06), ("v6", 0.05), ("v7", 0.02), ("v8", 0.02),
    ("v9", 0.02), ("v11", 0.02),
)
# corpus 0.12.0: as 0.11.0, with GeoNames (0.01) and Faker (0.01) giving way to "v12" (a city with its postal
# district, "Praha 4", "Dublin 6W"; plot and erf numbers, "Plot 12"; Mexican colonias and short state names, "CDMX";
# Indian areas, states and PIN codes; Japanese addresses written whole, "〒150-0002 東京都渋谷区渋谷2-21-1")
SOURCE_MIX_V12: tuple[tuple[str, float], ...] = (
    ("oa", 0.11), ("usaddress", 0.09), ("geonames", 0.05), ("zipcodes", 0.10), ("faker", 0.11), ("suburb", 0.09),
    ("county", 0.06), ("intl", 0.09), ("short", 0.09), ("v5", 0.06), ("v6", 0.05), ("v7", 0.02), ("v8", 0.02),
    ("v9", 0.02), ("v11", 0.02), ("v12", 0.02),
)

def _succeed(mix: tuple[tuple[str, float], ...], old: str, new: str, weight: float | None = None,
             give: tuple[str, ...] = (), each: float = 0.0) -> tuple[tuple[str, float], ...]:
    """``mix`` with source ``new`` in place of ``old`` (at ``weight``, else at ``old``'s share), each source of
    ``give`` giving way ``each``."""
    return tuple((new, w if weight is None else weight) if s == old else (s, round(w - each, 3)) if s in give
                 else (s, w) for s, w in mix)


# corpus 0.13.0: as 0.12.0, with "v13" in place of "v12": v12's forms and the contrast of a province after the city
# ("50123 Firenze FI", "20121 Milano (MI)", "28013 Madrid (Madrid)"), which the 0.12.0 arms read as one locality
SOURCE_MIX_V13 = _succeed(SOURCE_MIX_V12, "v12", "v13")
# corpus 0.14.0: as 0.13.0, with "v14" in place of "v13" (v13's forms, countries named in their own languages,
# "Slovenija", "Україна", and post boxes in local words, "Postfach 10 20 30", "Postbus 123"), at 0.03: GeoNames and
# Faker give way 0.005 each
SOURCE_MIX_V14 = _succeed(SOURCE_MIX_V13, "v13", "v14", 0.03, ("geonames", "faker"), 0.005)
# corpus 0.15.0: as 0.14.0, with "v15" in place of "v14" (v14's forms, post boxes twice as often, phone numbers,
# postcodes with their word, "CEP 01310-100", country letters before the postcode, "CH-8001", Hong Kong floors, "12/F",
# Canada Post's French form, "Montréal (Québec)", Irish counties and Eircodes), at 0.04: GeoNames and Faker give way
# 0.005 each
SOURCE_MIX_V15 = _succeed(SOURCE_MIX_V14, "v14", "v15", 0.04, ("geonames", "faker"), 0.005)
# corpus 0.16.0: as 0.15.0, with "v16" in place of "v15" at twice its share (v15's forms, its six new kinds twice as
# often, Baltic streets, "Vilniaus g. 20", and the postcode after the city as in Russia and Ukraine): GeoNames, Faker,
# intl and short give way 0.01 each
SOURCE_MIX_V16 = _succeed(SOURCE_MIX_V15, "v15", "v16", 0.08, ("geonames", "faker", "intl", "short"), 0.01)
# corpus 0.17.0: as 0.15.0, with "v17" in place of "v15" at its share (v15's forms, and 0.16.0's Baltic streets and
# postcode after the city)
SOURCE_MIX_V17 = _succeed(SOURCE_MIX_V15, "v15", "v17")
# corpus 0.18.0: as 0.17.0, with "v18" in place of "v17" (v17's forms, a district before a city named like its region,
# "Kadıköy, İstanbul", and a building's name between the flat and the street, "Flat 302, Sai Residency, MG Road"),
# at 0.046 so that v17's kinds keep their share: GeoNames and Faker give way 0.003 each
SOURCE_MIX_V18 = _succeed(SOURCE_MIX_V17, "v17", "v18", 0.046, ("geonames", "faker"), 0.003)
# corpus 0.19.0: as 0.17.0, with "v19" in place of "v17" (v17's forms, and 0.18.0's two new kinds broadened and twice
# as often: a district before any big city, a building's name after the flat), at 0.052 so that v17's kinds keep
# their share, and usaddress 0.004 more (0.18.0's arm B lost US real-text rows): GeoNames and Faker give way 0.008 each
SOURCE_MIX_V19 = tuple((s, round(w + 0.004, 3)) if s == "usaddress" else (s, w) for s, w in
                       _succeed(SOURCE_MIX_V17, "v17", "v19", 0.052, ("geonames", "faker"), 0.008))
# corpus 0.20.0: as 0.19.0, with "v20" in place of "v19" (v19's forms, a US or Canadian region written with full stops,
# "Mo.", "N.Y.", "D.C.", and a region or country in brackets after the town, "Milano (MI)", "Zürich (ZH)", "Paris
# (France)"), at 0.06 so that v19's kinds keep their share: GeoNames and Faker give way 0.004 each
SOURCE_MIX_V20 = _succeed(SOURCE_MIX_V19, "v19", "v20", 0.06, ("geonames", "faker"), 0.004)
# corpus 0.21.0: as 0.20.0, with "v21" in place of "v20" (v20's forms, and addresses in Arabic script: Arabic, Persian,
# Urdu), at 0.072 so that v20's kinds keep their share: GeoNames and Faker give way 0.006 each
SOURCE_MIX_V21 = _succeed(SOURCE_MIX_V20, "v20", "v21", 0.072, ("geonames", "faker"), 0.006)
DEFAULT_DATA_DIR = REPO_DATA_DIR


def at_least(version: str, minimum: tuple[int, int, int]) -> bool:
    try:
        return tuple(int(x) for x in version.split(".")[:3]) >= minimum
    except ValueError:
        return False


def is_v3(version: str) -> bool:
    return at_least(version, (0, 3, 0))


def is_v4(version: str) -> bool:
    return at_least(version, (0, 4, 0))


def is_v5(version: str) -> bool:
    return at_least(version, (0, 5, 0))


def is_v6(version: str) -> bool:
    return at_least(version, (0, 6, 0))


def is_v7(version: str) -> bool:
    return at_least(version, (0, 7, 0))


def is_v8(version: str) -> bool:
    return at_least(version, (0, 8, 0))


def is_v9(version: str) -> bool:
    return at_least(version, (0, 9, 0))


def is_v10(version: str) -> bool:
    return at_least(version, (0, 10, 0))


def is_v11(version: str) -> bool:
    return at_least(version, (0, 11, 0))


# the source mix of each corpus version from which it holds, newest first
MIXES: tuple[tuple[tuple[int, int, int], tuple[tuple[str, float], ...]], ...] = (
    ((0, 21, 0), SOURCE_MIX_V21), ((0, 20, 0), SOURCE_MIX_V20), ((0, 19, 0), SOURCE_MIX_V19), ((0, 18, 0), SOURCE_MIX_V18), ((0, 17, 0), SOURCE_MIX_V17), ((0, 16, 0), SOURCE_MIX_V16), ((0, 15, 0), SOURCE_MIX_V15), ((0, 14, 0), SOURCE_MIX_V14), ((0, 13, 0), SOURCE_MIX_V13), ((0, 12, 0), SOURCE_MIX_V12), ((0, 11, 0), SOURCE_MIX_V11), ((0, 10, 0), SOURCE_MIX_V10), ((0, 9, 0), SOURCE_MIX_V9), ((0, 8, 0), SOURCE_MIX_V8), ((0, 7, 0), SOURCE_MIX_V7),
    ((0, 6, 0), SOURCE_MIX_V6), ((0, 5, 0), SOURCE_MIX_V5), ((0, 4, 0), SOURCE_MIX_V4), ((0, 3, 0), SOURCE_MIX_V3),
)


def mix_for(version: str) -> tuple[tuple[str, float], ...]:
    """The source mix of corpus ``version``: that of the newest version in ``MIXES`` it is at least."""
    return next((mix for minimum, mix in MIXES if at_least(version, minimum)), SOURCE_MIX)


def real_split_of(group: str) -> str | None:
    """Real-text hold-out by a stable hash of the record group: 10% real_test, 6% real_calib, else None."""
    h = int.from_bytes(hashlib.blake2b(f"real:{group}".encode(), digest_size=8).digest(), "big") % 100
    return "real_test" if h < 10 else "real_calib" if h < 16 else None


def _oa_group(row: OARow) -> str:
    """OA rows are held out by street (every number of a street on one side), so streets never leak."""
    return f"oa/{row.country}/{key(row.street)}/{key(row.city)}"


def _plain(pieces: list[Piece]) -> tuple[str, list[list]]:
    """Pieces joined as written, no noise: the real-text rendering."""
    text, spans = "", []
    for value, label, sep in pieces:
        if not value:
            continue
        text += (sep or " ") if text else ""
        if label is not None:
            spans.append([label, len(text), len(text) + len(value)])
        text += value
    return text, spans


def _oa_plain(row: OARow, us_states: dict[str, str]) -> tuple[str, list[list]]:
    layout = layout_for(row.country)
    values = {"house_number": row.number, "street": row.street, "locality": row.city, "region": row.region,
              "postcode": row.postcode}
    pieces: list[Piece] = []
    for kind, sep in layout.slots:
        kind = "region" if kind.startswith("region") else kind
        if values.get(kind) and kind not in {p[1] for p in pieces}:
            pieces.append((values[kind], kind, sep))
    if row.unit:
        at = next((i + 1 for i, p in enumerate(pieces) if p[1] == "street"), len(pieces))
        pieces.insert(at, (row.unit if not row.unit[0].isdigit() else f"Unit {row.unit}", "unit", " "))
    if pieces:
        pieces[0] = (pieces[0][0], pieces[0][1], "")
    return _plain(pieces)


_CACHE: dict[str, tuple[Sources, Exclusion]] = {}


def cached_sources(data_dir: Path) -> tuple[Sources, Exclusion]:
    """Sources are loaded once per process (they are not modified by a build)."""
    k = str(data_dir.resolve())
    if k not in _CACHE:
        _CACHE.clear()
        _CACHE[k] = load_sources(data_dir)
    return _CACHE[k]


def split_of(record: str) -> str:
    """90/5/5 split by a stable hash of the underlying record."""
    h = int.from_bytes(hashlib.blake2b(record.encode(), digest_size=8).digest(), "big") % 100
    return "train" if h < 90 else "dev" if h < 95 else "test"


def _us_pieces(rec: UsRecord, floors: bool = False) -> list[Piece]:
    """The record's words as pieces; with ``floors`` (corpus >= 0.5.0) floors inside a unit become ``level``."""
    pieces = _us_words(rec)
    if floors:
        from training.corpus_v5 import split_floors

        pieces = split_floors(pieces)
    return pieces


def _us_words(rec: UsRecord) -> list[Piece]:
    pieces: list[Piece] = []
    comma_before = False
    for text, label, comma_after in rec.words:
        sep = ", " if comma_before else " "
        if pieces and pieces[-1][1] == label and label is not None and sep == " ":
            prev = pieces[-1]
            pieces[-1] = (f"{prev[0]} {text}", label, prev[2])
        else:
            pieces.append((text, label, sep))
        comma_before = comma_after
    return pieces


def _cycle(n: int, rng: random.Random) -> Iterator[int]:
    """Every index once in shuffled order, then again in a new order, forever."""
    while n:
        order = list(range(n))
        rng.shuffle(order)
        yield from order


class _Counts:
    def __init__(self) -> None:
        self.splits: Counter[str] = Counter()
        self.labels: Counter[str] = Counter()
        self.countries: Counter[str] = Counter()
        self.sources: Counter[str] = Counter()
        self.mixes: Counter[str] = Counter()
        self.variation: Counter[str] = Counter()
        self.render_rejected: Counter[str] = Counter()
        self.per_country: dict[str, Counter[str]] = {}

    def add(self, ex: dict[str, Any], split: str, mix: str, stats: dict[str, str]) -> None:
        self.per_country.setdefault(split, Counter())[ex["country"] or "??"] += 1
        self.splits[split] += 1
        self.labels.update(s[0] for s in ex["spans"])
        self.countries[ex["country"] or "??"] += 1
        self.sources[ex["source"]] += 1
        self.mixes[mix] += 1
        self.variation.update(f"{k}:{v}" for k, v in stats.items())


def _example(source: str, idx: int, src: Sources, synth: Synth, rng: random.Random, world: Any = None,
             oa: list[OARow] | None = None, us: list[UsRecord] | None = None,
             floors: bool = False, make: Any = None) -> tuple[dict[str, Any], str, dict]:
    """One example of ``source``; ``make``: the source's own generator (corpus >= 0.4.0: ``_makers``)."""
    oa = src.oa if oa is None else oa
    us = src.usaddress if us is None else us
    if make is not None:
        from training.corpus_v4 import record_of

        text, spans, mix, a, kind = make(rng)
        meta = {"spans": spans, "mix": mix, "stats": a.stats, "street": a.street, "locality": a.locality}
        return {"record": record_of(source, kind, a), "country": a.country}, text, meta
    if source in ("faker", "suburb", "county"):
        a = world.from_faker(rng) if source == "faker" else world.from_suburb(rng) if source == "suburb" \
            else world.from_county(rng)
        text, spans, mix = render(a, layout_for(a.country), rng)
        meta = {"spans": spans, "mix": mix, "stats": a.stats, "street": a.street, "locality": a.locality}
        record = f"{source}/{a.country}/{key(a.street)}/{key(a.locality)}/{key(a.suburb or a.county)}"
        return {"record": record, "country": a.country}, text, meta
    if source == "usaddress":
        rec = us[idx]
        stats: dict[str, str] = {}
        text, spans = assemble(_us_pieces(rec, floors), rng, stats)
        return {"record": rec.record, "country": "US"}, text, {"spans": spans, "mix": "usaddress", "stats": stats}
    if source == "oa":
        row = oa[idx]
        a = synth.from_oa(row, rng)
        record = row.record
    elif source == "geonames":
        a = synth.from_city(idx, rng)
        record = f"geonames/{src.cities[idx][0]}"
    else:
        a = synth.from_zip(idx, rng)
        record = f"zipcodes/{src.zips[idx][0]}"
    text, spans, mix = render(a, layout_for(a.country), rng)
    meta = {"spans": spans, "mix": mix, "stats": a.stats, "street": a.street, "locality": a.locality}
    return {"record": record, "country": a.country}, text, meta


def build_corpus(out_dir: str | Path, version: str, size: int, seed: int = 42,
                 data_dir: str | Path | None = None, progress: bool = True) -> dict[str, Any]:
    """Build the corpus into ``out_dir``; returns the manifest (also written to manifest.json)."""
    from tqdm import tqdm

    data = Path(data_dir) if data_dir else DEFAULT_DATA_DIR
    src, loaded = cached_sources(data)
    excl = Exclusion(loaded.pairs, loaded.texts, Counter(loaded.counts))
    synth = Synth(src)
    rng = random.Random(f"addrnet-corpus:{version}:{seed}")
    v3 = is_v3(version)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = _Counts()
    floors = is_v5(version)  # corpus >= 0.5.0: floors in usaddress units are ``level``
    oa, us, world = src.oa, src.usaddress, None
    world_counts: dict[str, int] = {}
    if v3:
        from training.corpus_world import WorldSynth, count_world

        w = cached_world(src)
        world = WorldSynth(src, w, synth)
        synth.names = {cc: world.names(cc) for cc in set(synth.names) | set(w.country_names)}
        world_counts = count_world(w)
        oa, us = _write_real(out, src, counts, floors=floors)
    v4 = v5 = v6 = v7 = None
    if is_v4(version):
        from training.corpus_v4 import V4Synth

        v4 = V4Synth(src, world, synth)
    if floors:
        from training.corpus_v5 import V5Synth

        v5 = V5Synth(v4)
    if is_v6(version):
        from training.corpus_v6 import V6Synth

        v6 = V6Synth(v5, letter_after_level=is_v7(version))
    if is_v7(version):
        from training.corpus_v7 import V7Synth

        v7 = V7Synth()
    mix_table = mix_for(version)
    makers = _makers(v4, v5, v6, v7) | {name: synth.example for name, synth in _on_v5(version, v5).items()}
    iters = {"oa": _cycle(len(oa), rng), "usaddress": _cycle(len(us), rng),
             "zipcodes": _cycle(len(src.zips), rng)}
    names = [s for s, _ in mix_table]
    weights = [w for _, w in mix_table]
    files = {s: (out / f"{s}.jsonl").open("w", encoding="utf-8", newline="\n") for s in SPLITS}
    written = attempts = 0
    try:
        with tqdm(total=size, desc="corpus", unit="ex", mininterval=1.0, disable=not progress) as bar:
            while written < size:
                attempts += 1
                if attempts > 3 * size + 1000:
                    raise RuntimeError("too many rejected renderings; check the sources")
                source = rng.choices(names, weights)[0]
                idx = synth.city_index(rng) if source == "geonames" else next(iters[source], 0) \
                    if source in iters else 0
                ex, text, meta = _example(source, idx, src, synth, rng, world, oa, us, floors=floors,
                                          make=makers.get(source))
                reason = check_example(text, meta["spans"]) or _excluded(excl, text, meta)
                if reason:
                    counts.render_rejected[f"{source}:{reason}"] += 1
                    continue
                record = f"{ex['record']}"
                split = split_of(record)
                line = {"text": text, "spans": meta["spans"], "source": source, "country": ex["country"], "record": record}
                files[split].write(json.dumps(line, ensure_ascii=False) + "\n")
                counts.add(line, split, meta["mix"], meta["stats"])
                written += 1
                bar.update(1)
    finally:
        for f in files.values():
            f.close()
    manifest = _manifest(version, seed, size, src, excl, counts, dict(mix_table))
    if v3:
        manifest["world"] = world_counts
        manifest["sources"]["packages"] |= w.packages
        manifest["real_text"] = {
            "rule": "OA rows held out by (country, street, city) and usaddress hand_labeled rows by record: "
                    "blake2b('real:'+group) % 100 < 10 real_test, < 16 real_calib; rendered plainly; never in "
                    "train/dev/test",
            "counts": {s: dict(counts.per_country.get(s, Counter()).most_common()) for s in REAL_SPLITS},
        }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n",
                                       encoding="utf-8")
    return manifest


def _makers(v4: Any, v5: Any, v6: Any = None, v7: Any = None) -> dict[str, Any]:
    """source -> its generator, ``rng -> (text, spans, mix, address, kind)``, for the versions built."""
    out = {"intl": v4.intl, "short": v4.short} if v4 is not None else {}
    synths = (("v5", v5), ("v6", v6), ("v7", v7))
    return out | {name: synth.example for name, synth in synths if synth is not None}


# the mix sources built on corpus 0.5.0's ``V5Synth``: (the first version that holds it, source, module, class)
ON_V5: tuple[tuple[tuple[int, int, int], str, str, str], ...] = (
    ((0, 8, 0), "v8", "training.corpus_v8", "V8Synth"),
    ((0, 9, 0), "v9", "training.corpus_v9", "V9Synth"),
    ((0, 10, 0), "v10", "training.corpus_v10", "V10Synth"),
    ((0, 11, 0), "v11", "training.corpus_v11", "V11Synth"),
    ((0, 12, 0), "v12", "training.corpus_v12", "V12Synth"),
    ((0, 13, 0), "v13", "training.corpus_v13", "V13Synth"),
    ((0, 14, 0), "v14", "training.corpus_v14", "V14Synth"),
    ((0, 15, 0), "v15", "training.corpus_v15", "V15Synth"),
    ((0, 16, 0), "v16", "training.corpus_v16", "V16Synth"),
    ((0, 17, 0), "v17", "training.corpus_v17", "V17Synth"),
    ((0, 18, 0), "v18", "training.corpus_v18", "V18Synth"),
    ((0, 19, 0), "v19", "training.corpus_v19", "V19Synth"),
    ((0, 20, 0), "v20", "training.corpus_v20", "V20Synth"),
    ((0, 21, 0), "v21", "training.corpus_v21", "V21Synth"),
)


def _on_v5(version: str, v5: Any) -> dict[str, Any]:
    """source -> its synthesizer (made from ``v5``), for the ``ON_V5`` sources corpus ``version`` holds (in its mix:
    0.11.0 leaves out 0.10.0's ``v10``)."""
    import importlib

    mix = dict(mix_for(version))
    return {name: getattr(importlib.import_module(module), cls)(v5)
            for minimum, name, module, cls in ON_V5 if at_least(version, minimum) and name in mix}


def _excluded(excl: Exclusion, text: str, meta: dict) -> str | None:
    if excl.blocks_text(text):
        excl.counts["rendered:harness_or_eval_text"] += 1
        return "excluded_text"
    if excl.blocks_pair(meta.get("street", ""), meta.get("locality", "")):
        excl.counts["rendered:eval_street_city_pair"] += 1
        return "excluded_pair"
    return None


_WORLD: dict[int, Any] = {}


def cached_world(src: Sources) -> Any:
    from training.corpus_world import load_world

    if id(src) not in _WORLD:
        _WORLD.clear()
        _WORLD[id(src)] = load_world(src)
    return _WORLD[id(src)]


def _write_real(out: Path, src: Sources, counts: _Counts,
                floors: bool = False) -> tuple[list[OARow], list[UsRecord]]:
    """Write real_test/real_calib; return the OA rows and usaddress records left for the other splits."""
    files = {s: (out / f"{s}.jsonl").open("w", encoding="utf-8", newline="\n") for s in REAL_SPLITS}
    oa_keep: list[OARow] = []
    us_keep: list[UsRecord] = []
    try:
        for row in src.oa:
            split = real_split_of(_oa_group(row))
            if split is None:
                oa_keep.append(row)
                continue
            text, spans = _oa_plain(row, src.us_states)
            if check_example(text, spans):
                counts.render_rejected["real:oa"] += 1
                continue
            line = {"text": text, "spans": spans, "source": "oa", "country": row.country, "record": row.record}
            files[split].write(json.dumps(line, ensure_ascii=False) + "\n")
            counts.per_country.setdefault(split, Counter())[row.country] += 1
        for rec in src.usaddress:
            split = real_split_of(rec.record) if rec.kind == "hand_labeled" else None
            if split is None:
                us_keep.append(rec)
                continue
            text, spans = _plain(_us_pieces(rec, floors))
            if check_example(text, spans) or not spans:
                counts.render_rejected["real:usaddress"] += 1
                continue
            line = {"text": text, "spans": spans, "source": "usaddress", "country": "US", "record": rec.record}
            files[split].write(json.dumps(line, ensure_ascii=False) + "\n")
            counts.per_country.setdefault(split, Counter())["US"] += 1
    finally:
        for f in files.values():
            f.close()
    return oa_keep, us_keep


def _manifest(version: str, seed: int, size: int, src: Sources, excl: Exclusion, c: _Counts,
              mix: dict[str, float] | None = None) -> dict[str, Any]:
    return {
        "version": version,
        "seed": seed,
        "size": size,
        "format": "jsonl: text, spans [[label, start, end]], source, country, record",
        "split_rule": "blake2b(record) % 100: <90 train, <95 dev, else test",
        "source_mix": mix or dict(SOURCE_MIX),
        "sources": {"files": dict(sorted(src.files.items())), "packages": dict(src.packages),
                    "rows": {"oa": len(src.oa), "usaddress": len(src.usaddress), "geonames_localities": len(src.cities),
                             "zipcodes": len(src.zips)}},
        "malformed_rows": dict(sorted(src.rejected.items())),
        "excluded": {"eval_pairs_in_set": len(excl.pairs), "harness_eval_texts_in_set": len(excl.texts),
                     **dict(sorted(excl.counts.items()))},
        "render_rejected": dict(sorted(c.render_rejected.items())),
        "counts": {"splits": dict(c.splits), "labels": dict(c.labels.most_common()),
                   "countries": dict(c.countries.most_common()), "sources": dict(c.sources.most_common()),
                   "n_countries": len(c.countries),
                   "per_country": {s: dict(c.per_country.get(s, Counter()).most_common()) for s in SPLITS}},
        "rendering_mix": dict(c.mixes.most_common()),
        "variation": dict(sorted(c.variation.items())),
    }


def read_split(corpus_dir: str | Path, split: str) -> Iterator[dict[str, Any]]:
    """Iterate the examples of one split ("train", "dev" or "test")."""
    if split not in SPLITS + REAL_SPLITS:
        raise ValueError(f"unknown split {split!r}; expected one of {SPLITS + REAL_SPLITS}")
    with (Path(corpus_dir) / f"{split}.jsonl").open(encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)
