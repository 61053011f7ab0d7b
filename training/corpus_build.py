"""Build a versioned corpus folder: train/dev/test JSONL + manifest.json (see docs/CONTRACTS.md).

Deterministic: one ``random.Random`` seeded from (version, seed) drives every choice, sources are
read in sorted order and nothing depends on time, so equal inputs give byte-identical output.
Examples are written as they are produced (bounded memory beyond the loaded sources).
"""

from __future__ import annotations

import hashlib
import json
import random
from addrnet.settings import REPO_DATA_DIR
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from training.corpus_formats import layout_for
from training.corpus_render import Piece, assemble, check_example, render
from training.corpus_sources import Exclusion, Sources, UsRecord, load_sources
from training.corpus_synth import Synth

SPLITS = ("train", "dev", "test")
SOURCE_MIX: tuple[tuple[str, float], ...] = (("oa", 0.18), ("usaddress", 0.12), ("geonames", 0.52), ("zipcodes", 0.18))
DEFAULT_DATA_DIR = REPO_DATA_DIR


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


def _us_pieces(rec: UsRecord) -> list[Piece]:
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

    def add(self, ex: dict[str, Any], split: str, mix: str, stats: dict[str, str]) -> None:
        self.splits[split] += 1
        self.labels.update(s[0] for s in ex["spans"])
        self.countries[ex["country"] or "??"] += 1
        self.sources[ex["source"]] += 1
        self.mixes[mix] += 1
        self.variation.update(f"{k}:{v}" for k, v in stats.items())


def _example(source: str, idx: int, src: Sources, synth: Synth, rng: random.Random) -> tuple[dict[str, Any], str, dict]:
    if source == "usaddress":
        rec = src.usaddress[idx]
        stats: dict[str, str] = {}
        text, spans = assemble(_us_pieces(rec), rng, stats)
        return {"record": rec.record, "country": "US"}, text, {"spans": spans, "mix": "usaddress", "stats": stats}
    if source == "oa":
        row = src.oa[idx]
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
    iters = {"oa": _cycle(len(src.oa), rng), "usaddress": _cycle(len(src.usaddress), rng),
             "zipcodes": _cycle(len(src.zips), rng)}
    names = [s for s, _ in SOURCE_MIX]
    weights = [w for _, w in SOURCE_MIX]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = {s: (out / f"{s}.jsonl").open("w", encoding="utf-8", newline="\n") for s in SPLITS}
    counts = _Counts()
    written = attempts = 0
    try:
        with tqdm(total=size, desc="corpus", unit="ex", mininterval=1.0, disable=not progress) as bar:
            while written < size:
                attempts += 1
                if attempts > 3 * size + 1000:
                    raise RuntimeError("too many rejected renderings; check the sources")
                source = rng.choices(names, weights)[0]
                idx = synth.city_index(rng) if source == "geonames" else next(iters[source])
                ex, text, meta = _example(source, idx, src, synth, rng)
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
    manifest = _manifest(version, seed, size, src, excl, counts)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n",
                                       encoding="utf-8")
    return manifest


def _excluded(excl: Exclusion, text: str, meta: dict) -> str | None:
    if excl.blocks_text(text):
        excl.counts["rendered:harness_or_eval_text"] += 1
        return "excluded_text"
    if excl.blocks_pair(meta.get("street", ""), meta.get("locality", "")):
        excl.counts["rendered:eval_street_city_pair"] += 1
        return "excluded_pair"
    return None


def _manifest(version: str, seed: int, size: int, src: Sources, excl: Exclusion, c: _Counts) -> dict[str, Any]:
    return {
        "version": version,
        "seed": seed,
        "size": size,
        "format": "jsonl: text, spans [[label, start, end]], source, country, record",
        "split_rule": "blake2b(record) % 100: <90 train, <95 dev, else test",
        "source_mix": dict(SOURCE_MIX),
        "sources": {"files": dict(sorted(src.files.items())), "packages": src.packages,
                    "rows": {"oa": len(src.oa), "usaddress": len(src.usaddress), "geonames_localities": len(src.cities),
                             "zipcodes": len(src.zips)}},
        "malformed_rows": dict(sorted(src.rejected.items())),
        "excluded": {"eval_pairs_in_set": len(excl.pairs), "harness_eval_texts_in_set": len(excl.texts),
                     **dict(sorted(excl.counts.items()))},
        "render_rejected": dict(sorted(c.render_rejected.items())),
        "counts": {"splits": dict(c.splits), "labels": dict(c.labels.most_common()),
                   "countries": dict(c.countries.most_common()), "sources": dict(c.sources.most_common()),
                   "n_countries": len(c.countries)},
        "rendering_mix": dict(c.mixes.most_common()),
        "variation": dict(sorted(c.variation.items())),
    }


def read_split(corpus_dir: str | Path, split: str) -> Iterator[dict[str, Any]]:
    """Iterate the examples of one split ("train", "dev" or "test")."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; expected one of {SPLITS}")
    with (Path(corpus_dir) / f"{split}.jsonl").open(encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)
