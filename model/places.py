"""Known place names, so that the parse and the gazetteer agree on what reads as a place (numpy only).

A tagger that sees "Avenue Aristide Briand" or "Rue Henri Barbusse Paris France" may read "Briand" as a
locality, or "Paris France" as one: without knowing the names, "Rue X Briand" looks like "Rue X Paris". An
arm folder may hold ``places.npy``: the sorted CRC-32 values of the keys (``place_key``) of every name the
gazetteer's sources know as a place (GeoNames cities500 names and alternate names, US ZIP cities and
counties, country names in many languages, subdivision names and codes; built by ``training.places``),
each with its kind: a ``place``, a ``region`` or a ``country``. A span is known when its text is in the table
as a kind its label may carry (``LABEL_KINDS``): "Andalucía" is known as a region, not as a country. A
false match (two entries sharing a CRC-32) only keeps the tagger's own reading.

``fewer_unknown`` re-reads a parse: when the best path has place spans (locality, suburb, county, region,
country) whose text no source knows, it takes the first of the ``k`` best paths with fewer such spans, if
that path's probability is at least ``ratio`` times the best path's. ``ratio`` is chosen on the corpus dev
split and the real-text calibration split (``training.places.choose_ratio``), never on eval or harness
data, and stored as ``decode.place_ratio`` in ``labels.json``. The tagger (``Tagger._agree``) reads the
``k`` best paths only for rows with an unknown place span. The rest of the path is that reading's, so every
value still equals ``text[start:end]`` and the components' confidences are the new tags' probabilities.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

PLACE_K = 8  # paths read for a row with an unknown place
# the kinds of name a place label may carry: a county is a place in some sources and a subdivision in others
LABEL_KINDS: dict[str, tuple[str, ...]] = {
    "locality": ("place",), "suburb": ("place",), "county": ("place", "region"), "region": ("region",),
    "country": ("country",),
}
PLACE_LABELS = frozenset(LABEL_KINDS)
_EDGE = re.compile(r"^[\s.,;:]+|[\s.,;:]+$")
_SPACES = re.compile(r"\s+")


def place_key(name: str) -> str:
    """Lower case, surrounding punctuation gone, inner spaces single: the form names are compared in."""
    return _SPACES.sub(" ", _EDGE.sub("", name)).casefold()


def _crc(kind: str, key: str) -> int:
    return zlib.crc32(f"{kind}\x1f{key}".encode())


def place_hashes(entries: Iterable[tuple[str, str]]) -> np.ndarray:
    """The sorted, distinct CRC-32 values (uint32) of ``(kind, name)`` entries (kind ``place``, ``region``
    or ``country``; the name's key, ``place_key``): the content of ``places.npy``."""
    keyed = ((kind, place_key(name)) for kind, name in entries)
    return np.unique(np.fromiter((_crc(kind, key) for kind, key in keyed if key), dtype=np.uint32))


class PlaceNames:
    """Membership in a ``places.npy`` table (read into memory: ~4 MB)."""

    def __init__(self, hashes: np.ndarray) -> None:
        self.hashes = hashes

    @classmethod
    def load(cls, path: str | Path) -> PlaceNames:
        arr = np.load(path, allow_pickle=False)
        if arr.dtype != np.uint32 or arr.ndim != 1:
            raise ValueError(f"{path}: expected a 1-d uint32 array, got {arr.dtype} {arr.shape}")
        return cls(arr)

    def __len__(self) -> int:
        return int(self.hashes.shape[0])

    def known(self, names: list[str], labels: list[str]) -> np.ndarray:
        """One bool per name: is it in the table as a kind its label may carry (``LABEL_KINDS``; an empty
        key never is)."""
        keys = [place_key(n) for n in names]
        which = [(i, kind) for i, (key, label) in enumerate(zip(keys, labels, strict=True)) if key
                 for kind in LABEL_KINDS[label]]
        out = np.zeros(len(keys), dtype=bool)
        if not which or not len(self.hashes):
            return out
        h = np.fromiter((_crc(kind, keys[i]) for i, kind in which), dtype=np.uint32, count=len(which))
        hit = self.hashes[np.minimum(np.searchsorted(self.hashes, h), len(self.hashes) - 1)] == h
        out[[i for (i, _), ok in zip(which, hit.tolist(), strict=True) if ok]] = True
        return out


def fewer_unknown(paths: list[dict[str, Any]], unknown: Callable[[list[tuple[str, int, int]]], int],
                  ratio: float) -> dict[str, Any] | None:
    """The first of ``paths`` (best first, each with ``prob`` and word ``spans``) with fewer unknown place
    spans (``unknown(spans)``) than the best, if its ``prob`` is at least ``ratio`` x the best's."""
    if len(paths) < 2:
        return None
    worst = unknown(paths[0]["spans"])
    if not worst:
        return None
    floor = ratio * paths[0]["prob"]
    for q in paths[1:]:
        if q["prob"] < floor:
            return None
        if unknown(q["spans"]) < worst:
            return q
    return None


__all__ = ["LABEL_KINDS", "PLACE_K", "PLACE_LABELS", "PlaceNames", "fewer_unknown", "place_hashes", "place_key"]
