"""Train the subword tokenizer (HF ``tokenizers`` WordPiece) on the corpus train split."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, trainers

from model.normalize import normalize, split_words
from model.tokenize import SPECIAL_TOKENS, UNK


def new_tokenizer() -> Tokenizer:
    tok = Tokenizer(models.WordPiece(unk_token=UNK, max_input_chars_per_word=64))
    tok.normalizer = normalizers.Sequence([normalizers.NFC(), normalizers.Lowercase()])
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Punctuation(), pre_tokenizers.Digits(individual_digits=False)]
    )
    tok.decoder = decoders.WordPiece()
    return tok


def _word_batches(texts: Iterable[str]) -> Iterator[list[str]]:
    for text in texts:
        yield [w.text for w in split_words(normalize(text))]


def train_tokenizer(texts: Iterable[str], vocab_size: int = 8000, min_frequency: int = 2) -> Tokenizer:
    """Train WordPiece on address texts; special tokens take ids 0..2 ([PAD], [UNK], [MASK])."""
    tok = new_tokenizer()
    trainer = trainers.WordPieceTrainer(
        vocab_size=vocab_size, min_frequency=min_frequency, special_tokens=SPECIAL_TOKENS, show_progress=False
    )

    def words() -> Iterator[str]:
        for ws in _word_batches(texts):
            yield " ".join(ws)

    tok.train_from_iterator(words(), trainer=trainer)
    return tok
