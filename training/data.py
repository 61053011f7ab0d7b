"""Corpus -> tensors: words + BIO tags from spans, subword encoding, caching, length bucketing, metrics.

- ``example_words_tags``: a corpus example -> (``split_words`` words, BIO tag per word).
- ``encode_split``: encodes examples with ``model.tokenize.WordTokenizer`` into padded numpy arrays
  (``ids``, per-token ``labels`` at first subwords else -100, per-token ``word_ids`` for whole-word
  masking, ``lengths``). ``load_split`` caches the result as ``.npz`` under a cache folder (the runs'
  parent folder, ``<out>/cache``, shared by the MLM run and both arms), keyed by corpus file size/mtime, tokenizer hash and ``max_len``.
- ``Batches``: a deterministic, resumable stream of length-bucketed batches: each epoch is shuffled
  with ``(seed, epoch)``, cut into chunks of 50 batches that are sorted by length, and the batches are
  shuffled again; ``batch(step)`` is a pure function of the step, so a resumed run sees the same data.
- ``span_metrics``: per-component and micro P/R/F1 on exact spans plus exact-match rate.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from model.artifact import sha256_file
from model.labels import OUTSIDE, TAG_TO_ID, bio_tag
from model.normalize import Word, split_words, trimmed_spans
from model.tokenize import WordTokenizer

IGNORE_INDEX = -100
SPLITS = ("train", "dev", "test")


def read_split(corpus_dir: str | Path, split: str) -> Iterator[dict]:
    with open(Path(corpus_dir) / f"{split}.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def example_words_tags(ex: dict) -> tuple[list[Word], list[str]]:
    words = split_words(ex["text"])
    tags = [OUTSIDE] * len(words)
    starts = [w.start for w in words]
    for label, start, end in ex.get("spans", []):
        i = bisect.bisect_left(starts, start)
        first = True
        while i < len(words) and words[i].end <= end:
            tags[i] = bio_tag(label, first)
            first = False
            i += 1
    return words, tags


def gold_spans(ex: dict) -> set[tuple[str, int, int]]:
    """An example's gold spans as the tagger reports them (``model.normalize.trimmed_spans``): the tagger labels words,
    and a word may carry punctuation that is not the name's ("(MI)", "London.")."""
    return trimmed_spans(ex.get("text", ""), ex.get("spans", []))


@dataclass
class EncodedSplit:
    ids: np.ndarray  # int32 [N, L]
    labels: np.ndarray  # int16 [N, L]  (-100 = no label)
    word_ids: np.ndarray  # int16 [N, L] (-1 = padding)
    lengths: np.ndarray  # int32 [N]

    def __len__(self) -> int:
        return int(self.lengths.shape[0])

    def collate(self, idx: np.ndarray) -> dict[str, np.ndarray]:
        T = max(1, int(self.lengths[idx].max()))
        ids = self.ids[idx, :T].astype(np.int64)
        return {
            "input_ids": ids,
            "attention_mask": _mask(self.lengths[idx], T),
            "labels": self.labels[idx, :T].astype(np.int64),
            "word_ids": self.word_ids[idx, :T].astype(np.int64),
        }


def _mask(lengths: np.ndarray, T: int) -> np.ndarray:
    return (np.arange(T)[None, :] < lengths[:, None]).astype(np.int64)


def encode_split(examples: list[dict], wt: WordTokenizer, chunk: int = 2048) -> EncodedSplit:
    N, L = len(examples), wt.max_len
    ids = np.zeros((N, L), dtype=np.int32)
    labels = np.full((N, L), IGNORE_INDEX, dtype=np.int16)
    word_ids = np.full((N, L), -1, dtype=np.int16)
    lengths = np.zeros(N, dtype=np.int32)
    for c0 in range(0, N, chunk):
        part = examples[c0 : c0 + chunk]
        wts = [example_words_tags(ex) for ex in part]
        enc = wt.encode_words([[w.text for w in words] for words, _ in wts])
        T = enc.input_ids.shape[1]
        n = len(part)
        ids[c0 : c0 + n, :T] = enc.input_ids
        lens = enc.attention_mask.sum(1)
        lengths[c0 : c0 + n] = lens
        for r, (_, tags) in enumerate(wts):
            first = enc.first_subword[r, : enc.word_counts[r]]
            if first.size == 0:
                continue
            labels[c0 + r, first] = [TAG_TO_ID[t] for t in tags[: first.size]]
            pos = np.arange(lens[r])
            word_ids[c0 + r, : lens[r]] = np.searchsorted(first, pos, side="right") - 1
    return EncodedSplit(ids, labels, word_ids, lengths)


def load_split(
    corpus_dir: str | Path,
    split: str,
    tokenizer_path: str | Path,
    max_len: int,
    cache_dir: str | Path | None = None,
    max_examples: int = 0,
    workers: int = 1,
    with_examples: bool = True,
) -> tuple[EncodedSplit, list[dict]]:
    """Encode a split (cached as npz in ``cache_dir``) -> (encoded arrays, raw examples).

    ``workers > 1`` encodes contiguous parts in forked processes (same arrays as one process).
    ``with_examples=False`` returns no examples, and on a cache hit does not read the split at all."""
    path = Path(corpus_dir) / f"{split}.jsonl"
    stat = path.stat()
    key = hashlib.sha256(
        f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{sha256_file(tokenizer_path)}|{max_len}|"
        f"{max_examples}|v1".encode()
    ).hexdigest()[:16]
    cache = Path(cache_dir) / f"{split}-{key}.npz" if cache_dir else None
    examples: list[dict] = []
    if with_examples or cache is None or not cache.exists():
        examples = list(itertools.islice(read_split(corpus_dir, split), max_examples or None))
    if cache is not None and cache.exists():
        z = np.load(cache)
        return EncodedSplit(z["ids"], z["labels"], z["word_ids"], z["lengths"]), examples if with_examples else []
    if workers > 1 and len(examples) >= 20_000:
        enc = _encode_parallel(examples, str(tokenizer_path), max_len, workers)
    else:
        enc = encode_split(examples, WordTokenizer.from_file(tokenizer_path, max_len=max_len))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(f"{cache.stem}.{os.getpid()}.tmp.npz")
        np.savez(tmp, ids=enc.ids, labels=enc.labels, word_ids=enc.word_ids, lengths=enc.lengths)
        tmp.replace(cache)
    return enc, examples if with_examples else []


_FORK_EXAMPLES: list[dict] = []


def _encode_part(args: tuple[int, int, str, int]) -> EncodedSplit:
    a, b, tokenizer_path, max_len = args
    return encode_split(_FORK_EXAMPLES[a:b], WordTokenizer.from_file(tokenizer_path, max_len=max_len))


def _encode_parallel(examples: list[dict], tokenizer_path: str, max_len: int, workers: int) -> EncodedSplit:
    import multiprocessing as mp

    global _FORK_EXAMPLES
    _FORK_EXAMPLES = examples  # read by the forked workers, never pickled
    n = -(-len(examples) // workers)
    jobs = [(a, min(a + n, len(examples)), tokenizer_path, max_len) for a in range(0, len(examples), n)]
    try:
        with mp.get_context("fork").Pool(len(jobs)) as pool:
            parts = pool.map(_encode_part, jobs)
    finally:
        _FORK_EXAMPLES = []
    return EncodedSplit(*(np.concatenate([getattr(p, f) for p in parts]) for f in ("ids", "labels", "word_ids", "lengths")))


class Batches:
    """Deterministic length-bucketed batches; ``batch(step)`` depends only on (seed, step)."""

    def __init__(self, lengths: np.ndarray, batch_size: int, seed: int, rank: int = 0, world: int = 1) -> None:
        self.lengths = lengths
        self.batch_size = batch_size
        self.seed = seed
        self.rank, self.world = rank, world
        n = len(lengths)
        self.per_epoch = max(1, n // (batch_size * world))
        self._epoch = -1
        self._batches: list[np.ndarray] = []

    def _make_epoch(self, epoch: int) -> list[np.ndarray]:
        rng = np.random.default_rng([self.seed, epoch])
        perm = rng.permutation(len(self.lengths))
        bs = self.batch_size * self.world
        if len(perm) < bs:  # tiny corpora: sample with replacement
            perm = rng.choice(len(self.lengths), size=bs, replace=True)
        chunk = bs * 50
        batches: list[np.ndarray] = []
        for c0 in range(0, self.per_epoch * bs, chunk):
            part = perm[c0 : min(c0 + chunk, self.per_epoch * bs)]
            part = part[np.argsort(self.lengths[part], kind="stable")]
            batches.extend(part[i : i + bs] for i in range(0, len(part) - bs + 1, bs))
        order = rng.permutation(len(batches))
        return [batches[i][self.rank :: self.world] for i in order]

    def batch(self, step: int) -> np.ndarray:
        epoch, i = divmod(step, self.per_epoch)
        if epoch != self._epoch:
            self._batches = self._make_epoch(epoch)
            self._epoch = epoch
        return self._batches[i]


def span_metrics(gold: list[set[tuple[str, int, int]]], pred: list[set[tuple[str, int, int]]]) -> dict:
    """Exact-span P/R/F1 per component and micro-averaged, plus the exact-match rate of examples."""
    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    exact = 0
    for g, p in zip(gold, pred, strict=True):
        exact += g == p
        for s in p:
            (tp if s in g else fp)[s[0]] = (tp if s in g else fp).get(s[0], 0) + 1
        for s in g - p:
            fn[s[0]] = fn.get(s[0], 0) + 1

    def prf(t: int, f_p: int, f_n: int) -> dict[str, float]:
        p_ = t / (t + f_p) if t + f_p else 0.0
        r_ = t / (t + f_n) if t + f_n else 0.0
        f = 2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0
        return {"precision": p_, "recall": r_, "f1": f, "support": t + f_n}

    labels = sorted(set(tp) | set(fp) | set(fn))
    per = {lab: prf(tp.get(lab, 0), fp.get(lab, 0), fn.get(lab, 0)) for lab in labels}
    micro = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {
        "f1": micro["f1"],
        "precision": micro["precision"],
        "recall": micro["recall"],
        "exact_match": exact / len(gold) if gold else 0.0,
        "n": len(gold),
        "per_label": per,
    }
