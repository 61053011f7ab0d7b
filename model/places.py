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
MEMO_MAX = 20_000  # (label, name) answers kept per table (a few MB at most); cleared when full
_KIND_CRC = {kind: zlib.crc32(f"{kind}\x1f".encode()) for kind in ("place", "region", "country")}


def place_key(name: str) -> str:
    """Lower case, surrounding spaces and ``.,;:`` gone, inner spaces single: the form names are compared in."""
    return " ".join(name.split()).strip(".,;: ").casefold()


def _crc(kind: str, key: str) -> int:
    """CRC-32 of ``kind``, a unit separator and ``key`` (continued from the kind's own CRC)."""
    return zlib.crc32(key.encode(), _KIND_CRC[kind])


def place_hashes(entries: Iterable[tuple[str, str]]) -> np.ndarray:
    """The sorted, distinct CRC-32 values (uint32) of ``(kind, name)`` entries (kind ``place``, ``region``
    or ``country``; the name's key, ``place_key``): the content of ``places.npy``."""
    keyed = ((kind, place_key(name)) for kind, name in entries)
    return np.unique(np.fromiter((_crc(kind, key) for kind, key in keyed if key), dtype=np.uint32))


class PlaceNames:
    """Membership in a ``places.npy`` table (read into memory: ~4 MB)."""

    def __init__(self, hashes: np.ndarray) -> None:
        self.hashes = hashes
        self._memo: dict[tuple[str, str], bool] = {}

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
        key never is). Answers are remembered (``MEMO_MAX``)."""
        memo = self._memo
        out = np.zeros(len(names), dtype=bool)
        hashes: list[int] = []
        owner: list[int] = []
        for i, pair in enumerate(zip(labels, names, strict=True)):
            hit = memo.get(pair)
            if hit is not None:
                out[i] = hit
                continue
            key = place_key(pair[1])
            if key:
                for kind in LABEL_KINDS[pair[0]]:
                    hashes.append(_crc(kind, key))
                    owner.append(i)
        if hashes and len(self.hashes):
            h = np.array(hashes, dtype=np.uint32)
            found = self.hashes[np.minimum(np.searchsorted(self.hashes, h), len(self.hashes) - 1)] == h
            out[np.asarray(owner)[found]] = True
        if len(memo) > MEMO_MAX:
            memo.clear()
        for i in dict.fromkeys(owner):
            memo[(labels[i], names[i])] = bool(out[i])
        return out


_TABLES: dict[str, PlaceNames] = {}  # sha256 -> the table, one per content in a process


def shared_table(path: str, sha256: str) -> PlaceNames:
    """One ``PlaceNames`` per table content in a process (arms A and B ship the same ``places.npy``), keyed by
    ``sha256``, the artifact manifest's digest of the file, already checked when the arm was loaded."""
    table = _TABLES.get(sha256)
    if table is None:
        table = _TABLES[sha256] = PlaceNames.load(path)
    return table


def fewer_unknown(paths: list[dict[str, Any]], unknown: Callable[[list[tuple[str, int, int]]], int],
                  ratio: float) -> dict[str, Any] | None:
    """The first of ``paths`` (best first, each with ``prob`` and word ``spans``) with fewer unknown place
    spans (``unknown(spans)``) than the best, if its ``prob`` is at least ``ratio`` x the best's. An unknown name
    is read as part of something else, never dropped: a path with no span is not chosen, and a best path of one
    span (a lone name) is read again only as places ("new south wales aus": a region and a country), not as a
    street or a venue ("Ste-Foy", a village the table does not hold, stays a locality)."""
    if len(paths) < 2:
        return None
    worst = unknown(paths[0]["spans"])
    if not worst:
        return None
    lone = len(paths[0]["spans"]) == 1
    floor = ratio * paths[0]["prob"]
    for q in paths[1:]:
        if q["prob"] < floor:
            return None
        spans = q["spans"]
        if not spans or (lone and not any(label in PLACE_LABELS for label, _, _ in spans)):
            continue
        if unknown(spans) < worst:
            return q
    return None


__all__ = ["LABEL_KINDS", "PLACE_K", "PLACE_LABELS", "PlaceNames", "fewer_unknown", "place_hashes", "place_key",
           "shared_table"]
