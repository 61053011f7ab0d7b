"""Subword tokenization of pre-split words (serving and training share this).

The tokenizer is a HF ``tokenizers`` JSON file. Words come from ``model.normalize.split_words`` and
are encoded with ``is_pretokenized=True``, so each subword carries its word id; the tagger predicts
at the first subword of each word.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

PAD, UNK, MASK = "[PAD]", "[UNK]", "[MASK]"
SPECIAL_TOKENS = [PAD, UNK, MASK]
PAD_ID, UNK_ID, MASK_ID = 0, 1, 2


@dataclass
class EncodedBatch:
    input_ids: np.ndarray  # int64 [B, T]
    attention_mask: np.ndarray  # int64 [B, T]
    first_subword: np.ndarray  # int64 [B, W]: token index of each word's first subword, -1 = padding
    word_counts: list[int]  # words kept per row (after truncation)


class WordTokenizer:
    def __init__(self, tokenizer: Tokenizer, max_len: int = 64) -> None:
        self.tok = tokenizer
        self.tok.no_padding()
        self.tok.no_truncation()
        self.max_len = max_len
        if self.tok.token_to_id(PAD) != PAD_ID or self.tok.token_to_id(UNK) != UNK_ID:
            raise ValueError("tokenizer must have [PAD]=0 and [UNK]=1")

    @classmethod
    def from_file(cls, path: str | Path, max_len: int = 64) -> WordTokenizer:
        return cls(Tokenizer.from_file(str(path)), max_len=max_len)

    @property
    def vocab_size(self) -> int:
        return int(self.tok.get_vocab_size())

    def encode_words(self, batch: list[list[str]]) -> EncodedBatch:
        """Encode a batch of word lists. Words beyond ``max_len`` subwords are dropped (count kept)."""
        encs = self.tok.encode_batch([w if w else [" "] for w in batch], is_pretokenized=True)
        rows: list[list[int]] = []
        firsts: list[list[int]] = []
        counts: list[int] = []
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
            counts.append(len(first))
        T = max(1, max(len(r) for r in rows))
        W = max(1, max(len(f) for f in firsts))
        input_ids = np.zeros((len(batch), T), dtype=np.int64)
        mask = np.zeros((len(batch), T), dtype=np.int64)
        first_idx = np.full((len(batch), W), -1, dtype=np.int64)
        for b, (r, f) in enumerate(zip(rows, firsts, strict=True)):
            input_ids[b, : len(r)] = r
            mask[b, : len(r)] = 1
            first_idx[b, : len(f)] = f
        return EncodedBatch(input_ids, mask, first_idx, counts)

    def unk_rate(self, batch: list[list[str]]) -> tuple[int, int]:
        """(unknown tokens, total tokens) over a batch of word lists."""
        encs = self.tok.encode_batch([w for w in batch if w], is_pretokenized=True)
        unk = sum(sum(1 for i in e.ids if i == UNK_ID) for e in encs)
        return unk, sum(len(e.ids) for e in encs)
