"""Subword tokenization of pre-split words (serving and training share this).

The tokenizer is a HF ``tokenizers`` JSON file. Words come from ``model.normalize.split_words`` and
are encoded with ``is_pretokenized=True``, so each subword carries its word id; the tagger predicts
at the first subword of each word.

With ``is_pretokenized=True`` and no post-processor, a word's subwords never depend on its neighbours
(normalizer and pre-tokenizer act inside each word), so ``encode_words`` encodes each distinct word once
and keeps its ids in a bounded cache (``cache_size`` words in two generations: see ``word_ids``). Addresses repeat words
("St", "CA", ","), so most words of a batch are dictionary look-ups. A tokenizer with a post-processor
(special tokens) takes the plain ``encode_batch`` path. The commas of other scripts and a bar or bullet alone are
encoded as ",", a dash alone as "-" (``model.normalize.READ_AS``), and Eastern Arabic and Persian digits as ASCII digits
(``model.normalize.token_text``).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

from model.normalize import token_text

PAD, UNK, MASK = "[PAD]", "[UNK]", "[MASK]"
SPECIAL_TOKENS = [PAD, UNK, MASK]
PAD_ID, UNK_ID, MASK_ID = 0, 1, 2
# from this many words a batch is packed with numpy (below, the per-word loop costs less)
PACK_VECTOR_MIN_WORDS = 64
# words in the subword cache (two generations of half): ~250 bytes a word, so at most ~15 MB. 10,000 addresses
# hold ~21,000 distinct words; with generations of 10,000 (20,000 in all) a worker cycling through them
# missed often, and one ``encode`` of the missing words was ~8% of a /parse micro-batch's CPU
WORD_CACHE_SIZE = 60_000


@dataclass
class EncodedBatch:
    input_ids: np.ndarray  # int64 [B, T]
    attention_mask: np.ndarray  # int64 [B, T]
    first_subword: np.ndarray  # int64 [B, W]: token index of each word's first subword, -1 = padding
    word_counts: list[int]  # words kept per row (after truncation)


class WordTokenizer:
    def __init__(self, tokenizer: Tokenizer, max_len: int = 64, cache_size: int = WORD_CACHE_SIZE) -> None:
        self.tok = tokenizer
        self.tok.no_padding()
        self.tok.no_truncation()
        self.max_len = max_len
        if self.tok.token_to_id(PAD) != PAD_ID or self.tok.token_to_id(UNK) != UNK_ID:
            raise ValueError("tokenizer must have [PAD]=0 and [UNK]=1")
        self.cache_size = cache_size
        self._ids: dict[str, list[int]] = {}  # the young generation of the word cache
        self._old: dict[str, list[int]] = {}
        # a post-processor could add tokens around the sequence: then words are not independent
        self._per_word = tokenizer.post_processor is None and cache_size > 0

    @classmethod
    def from_file(cls, path: str | Path, max_len: int = 64, cache_size: int = WORD_CACHE_SIZE) -> WordTokenizer:
        return cls(Tokenizer.from_file(str(path)), max_len=max_len, cache_size=cache_size)

    def word_ids(self, words: list[str]) -> list[list[int]]:
        """Subword ids of each word (encoded alone, as ``is_pretokenized`` encodes it in a sequence).

        The cache has two generations of at most ``cache_size / 2`` words: a word is looked up in the young
        one, then in the old one (and moved young); when the young one is full it becomes the old one, so
        words in use survive and the rest ages out. Safe from several threads: a word is looked up once and
        its ids kept locally, so a concurrent turnover cannot lose it."""
        cache = self._ids
        found = list(map(cache.get, words))
        if None not in found:
            return found  # type: ignore[return-value]  # every word was cached
        old = self._old
        moved: dict[str, list[int]] = {}
        for i, w in enumerate(words):
            if found[i] is None:
                ids = old.get(w)
                if ids is not None:
                    found[i] = moved[w] = ids
        missing = list(dict.fromkeys(w for w, ids in zip(words, found, strict=True) if ids is None))
        new: dict[str, list[int]] = {w: [] for w in missing}
        if missing:
            # one pre-tokenized sequence, split back by word id (single-threaded: ``encode_batch`` would wake
            # the tokenizers thread pool, which costs more than it saves on a few words and steals the
            # cores of the other workers)
            enc = self.tok.encode([token_text(w) for w in missing], is_pretokenized=True)
            for tid, wid in zip(enc.ids, enc.word_ids, strict=True):
                if wid is not None:
                    new[missing[wid]].append(tid)
        if len(cache) + len(moved) + len(new) > self.cache_size // 2:
            self._old, cache = cache, {}
            self._ids = cache
        cache.update(moved)
        cache.update(new)
        return [ids if ids is not None else new[w] for w, ids in zip(words, found, strict=True)]

    @property
    def vocab_size(self) -> int:
        return int(self.tok.get_vocab_size())

    def encode_words(self, batch: list[list[str]], word_ids: list[list[int]] | None = None) -> EncodedBatch:
        """Encode a batch of word lists. Words beyond ``max_len`` subwords are dropped (count kept).

        ``word_ids``: ``self.word_ids`` of the batch's words in order, when the caller has them already."""
        if not self._per_word:
            return self._encode_sequences(batch)
        per_word = word_ids if word_ids is not None else self.word_ids([w for words in batch for w in words])
        if any(not ids for ids in per_word):  # a word without subwords: keep the sequence path's rule
            return self._encode_sequences(batch)
        return self.pack_word_ids(per_word, [len(words) for words in batch])

    def packs_word_ids(self, word_ids: list[list[int]]) -> bool:
        """True when ``encode_words`` of those words is ``pack_word_ids`` of their ids (no sequence path)."""
        return self._per_word and all(word_ids)

    def pack_word_ids(self, per_word: list[list[int]], counts: list[int]) -> EncodedBatch:
        """``encode_words`` from the words' subword ids (``per_word``, every word of the batch in order; none
        empty) and the number of words of each row."""
        if len(per_word) >= PACK_VECTOR_MIN_WORDS:
            return self._pack_words(per_word, counts)
        max_len = self.max_len
        rows: list[list[int]] = []
        firsts: list[list[int]] = []
        k = 0
        for n_words in counts:
            row: list[int] = []
            first: list[int] = []
            for ids in per_word[k : k + n_words]:
                if len(row) >= max_len:
                    break
                first.append(len(row))
                row += ids
            k += n_words
            rows.append(row[:max_len])
            firsts.append(first)
        return self._pack(rows, firsts)

    def _pack_words(self, per_word: list[list[int]], counts: list[int]) -> EncodedBatch:
        """``encode_words``' packing in numpy (the same arrays as the per-word loop): ``per_word`` holds the
        subword ids of every word of the batch in order, ``counts`` the words of each row."""
        B, max_len = len(counts), self.max_len
        nw = np.asarray(counts, dtype=np.int64)
        wl = np.fromiter(map(len, per_word), dtype=np.int64, count=len(per_word))
        ids = np.fromiter(chain.from_iterable(per_word), dtype=np.int64, count=int(wl.sum()))
        row_of_word = np.repeat(np.arange(B), nw)
        row_tokens = np.bincount(row_of_word, weights=wl, minlength=B).astype(np.int64)
        row_tok0 = np.cumsum(row_tokens) - row_tokens  # first token of each row in ``ids``
        word_tok0 = np.cumsum(wl) - wl
        col = word_tok0 - row_tok0[row_of_word]  # a word's first subword within its row
        kept = col < max_len  # a word starting past max_len subwords is dropped
        word_in_row = np.arange(len(wl)) - np.repeat(np.cumsum(nw) - nw, nw)
        kept_counts = np.bincount(row_of_word[kept], minlength=B)
        lengths = np.minimum(row_tokens, max_len)
        T = max(1, int(lengths.max(initial=0)))
        W = max(1, int(kept_counts.max(initial=0)))
        first_idx = np.full((B, W), -1, dtype=np.int64)
        first_idx[row_of_word[kept], word_in_row[kept]] = col[kept]
        tok_row = np.repeat(row_of_word, wl)
        tok_col = np.arange(len(ids)) - row_tok0[tok_row]
        keep = tok_col < max_len
        input_ids = np.zeros((B, T), dtype=np.int64)
        input_ids[tok_row[keep], tok_col[keep]] = ids[keep]
        mask = (np.arange(T)[None, :] < lengths[:, None]).astype(np.int64)
        return EncodedBatch(input_ids, mask, first_idx, kept_counts.tolist())

    def _encode_sequences(self, batch: list[list[str]]) -> EncodedBatch:
        """``encode_words`` by encoding whole word sequences (any tokenizer)."""
        encs = self.tok.encode_batch([[token_text(x) for x in w] if w else [" "] for w in batch],
                                     is_pretokenized=True)
        rows: list[list[int]] = []
        firsts: list[list[int]] = []
        for words, enc in zip(batch, encs, strict=True):
            ids = enc.ids
            word_ids = enc.word_ids
            first: list[int] = []
            seen = -1
            for i, wid in enumerate(word_ids):
                if wid is None or wid == seen:
                    continue
                if i >= self.max_len:
                    break
                # a word that produced no subword (cannot happen with [UNK]) is skipped
                while len(first) < wid:
                    first.append(max(i - 1, 0))
                first.append(i)
                seen = wid
            if not words:
                first = []
            rows.append(ids[: self.max_len] if words else [])
            firsts.append(first)
        return self._pack(rows, firsts)

    @staticmethod
    def _pack(rows: list[list[int]], firsts: list[list[int]]) -> EncodedBatch:
        T = max(1, max((len(r) for r in rows), default=0))
        W = max(1, max((len(f) for f in firsts), default=0))
        B = len(rows)
        input_ids = np.zeros((B, T), dtype=np.int64)
        first_idx = np.full((B, W), -1, dtype=np.int64)
        lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=B)
        for b, (r, f) in enumerate(zip(rows, firsts, strict=True)):
            input_ids[b, : len(r)] = r
            first_idx[b, : len(f)] = f
        mask = (np.arange(T)[None, :] < lengths[:, None]).astype(np.int64)
        return EncodedBatch(input_ids, mask, first_idx, [len(f) for f in firsts])

    def unk_rate(self, batch: list[list[str]]) -> tuple[int, int]:
        """(unknown tokens, total tokens) over a batch of word lists."""
        encs = self.tok.encode_batch([w for w in batch if w], is_pretokenized=True)
        unk = sum(sum(1 for i in e.ids if i == UNK_ID) for e in encs)
        return unk, sum(len(e.ids) for e in encs)
