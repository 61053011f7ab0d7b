"""Known place names, so that the parse and the gazetteer agree on what reads as a place (numpy only).

A tagger that sees "Avenue Aristide Briand" or "Rue Henri Barbusse Paris France" may read "Briand" as a
locality, or "Paris France" as one: without knowing the names, "Rue X Briand" looks like "Rue X Paris". An
arm folder may hold ``places.npy``: the sorted CRC-32 values of the keys (``place_key``) of every name the
gazetteer's sources know as a place (GeoNames cities500 names and alternate names, US ZIP cities and
counties, country names in many languages, subdivision names and codes; built by ``training.places``). A
false match (two names sharing a CRC-32) only keeps the tagger's own reading.

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

PLACE_LABELS = frozenset({"locality", "suburb", "county", "region", "country"})
PLACE_K = 8  # paths read for a row with an unknown place
_EDGE = re.compile(r"^[\s.,;:]+|[\s.,;:]+$")
_SPACES = re.compile(r"\s+")


def place_key(name: str) -> str:
    """Lower case, surrounding punctuation gone, inner spaces single: the form names are compared in."""
    return _SPACES.sub(" ", _EDGE.sub("", name)).casefold()


def _crc(key: str) -> int:
    return zlib.crc32(key.encode("utf-8"))


def place_hashes(names: Iterable[str]) -> np.ndarray:
    """The sorted, distinct CRC-32 values (uint32) of the names' keys: the content of ``places.npy``."""
    return np.unique(np.fromiter((_crc(place_key(n)) for n in names if place_key(n)), dtype=np.uint32))


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

    def known(self, names: list[str]) -> np.ndarray:
        """One bool per name: is its key in the table (an empty key is not)."""
        keys = [place_key(n) for n in names]
        h = np.fromiter((_crc(k) for k in keys), dtype=np.uint32, count=len(keys))
        i = np.minimum(np.searchsorted(self.hashes, h), max(len(self.hashes) - 1, 0))
        hit = self.hashes[i] == h if len(self.hashes) else np.zeros(len(keys), dtype=bool)
        return hit & np.fromiter(map(bool, keys), dtype=bool, count=len(keys))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(self.known([name])[0])


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


__all__ = ["PLACE_K", "PLACE_LABELS", "PlaceNames", "fewer_unknown", "place_hashes", "place_key"]
