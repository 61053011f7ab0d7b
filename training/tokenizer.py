"""Train the subword tokenizer (HF ``tokenizers`` WordPiece) on the corpus train split, and measure it.

Words come from ``model.normalize.split_words``; the tokenizer further splits each word at
punctuation ("#12" -> "#", "12"; "18180-000" -> "18180", "-", "000") and digit runs, so word ids
always round-trip (see ``model.tokenize.WordTokenizer``). The initial alphabet covers Latin
letters with diacritics, so a word never becomes [UNK] just because a letter was rare in training.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, trainers

from model.normalize import normalize, split_words
from model.tokenize import SPECIAL_TOKENS, UNK

# Basic Latin, Latin-1 Supplement, Latin Extended-A/B letters, lowercased (the normalizer lowercases)
INITIAL_ALPHABET = sorted(
    {chr(c).lower() for c in list(range(0x21, 0x7F)) + list(range(0xA1, 0x250)) if chr(c).isprintable()}
    | set("ș ț ă â î ę ą ł ż ź ś ć ń ó ř ů č ě š ž ý ő ű æ ø å ß".split())
)


# tokenizer >= 0.3.0: each Hangul syllable is a piece of its own, so a Korean word with a syllable the vocabulary
# lacks ("해운대구") keeps its known syllables (the district's 구) instead of becoming one [UNK]
HANGUL_SYLLABLE = "[\uac00-\ud7a3]"


def hangul_pieces(version: str) -> bool:
    """Whether tokenizer ``version`` cuts Hangul words into syllables (from 0.3.0)."""
    from training.corpus_build import at_least

    return at_least(version, (0, 3, 0))


def new_tokenizer(hangul_syllables: bool = False) -> Tokenizer:
    tok = Tokenizer(models.WordPiece(unk_token=UNK, max_input_chars_per_word=64))
    tok.normalizer = normalizers.Sequence([normalizers.NFC(), normalizers.Lowercase()])
    steps = [pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Punctuation(),
             pre_tokenizers.Digits(individual_digits=False)]
    if hangul_syllables:
        steps.append(pre_tokenizers.Split(Regex(HANGUL_SYLLABLE), behavior="isolated"))
    tok.pre_tokenizer = pre_tokenizers.Sequence(steps)
    tok.decoder = decoders.WordPiece()
    return tok


def _word_batches(texts: Iterable[str]) -> Iterator[list[str]]:
    for text in texts:
        yield [w.text for w in split_words(normalize(text))]


def train_tokenizer(texts: Iterable[str], vocab_size: int = 8000, min_frequency: int = 2,
                    hangul_syllables: bool = False) -> Tokenizer:
    """Train WordPiece on address texts; special tokens take ids 0..2 ([PAD], [UNK], [MASK]); ``hangul_syllables``:
    each Hangul syllable a piece of its own (tokenizer >= 0.3.0)."""
    tok = new_tokenizer(hangul_syllables)
    trainer = trainers.WordPieceTrainer(
        vocab_size=vocab_size,
        min_frequency=min_frequency,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=INITIAL_ALPHABET,
        limit_alphabet=2000,
        show_progress=False,
    )

    def words() -> Iterator[str]:
        for ws in _word_batches(texts):
            yield " ".join(ws)

    tok.train_from_iterator(words(), trainer=trainer)
    return _ensure_alphabet(tok, vocab_size)


def _ensure_alphabet(tok: Tokenizer, vocab_size: int) -> Tokenizer:
    """Make every alphabet letter available as a word start and as a continuation ("##x"), so a
    word with a rare letter is split into pieces instead of becoming [UNK]. The latest-learned
    tokens make room, keeping the vocabulary at ``vocab_size``."""
    vocab = tok.get_vocab()
    missing = [t for c in INITIAL_ALPHABET for t in (c, f"##{c}") if t not in vocab]
    if not missing:
        return tok
    ordered = sorted(vocab, key=vocab.__getitem__)

    def essential(t: str) -> bool:
        return t in SPECIAL_TOKENS or len(t) == 1 or (t.startswith("##") and len(t) == 3)

    budget = vocab_size - len(missing) - sum(1 for t in ordered if essential(t))
    longer = [t for t in ordered if not essential(t)]
    dropped = set(longer[max(0, budget):])
    new_vocab = {t: i for i, t in enumerate([t for t in ordered if t not in dropped] + missing)}
    fixed = new_tokenizer()
    fixed.pre_tokenizer = tok.pre_tokenizer  # the trained tokenizer's own (with or without Hangul syllables)
    fixed.model = models.WordPiece(new_vocab, unk_token=UNK, max_input_chars_per_word=64)
    return fixed


def tokens_per_address(tok: Tokenizer, texts: list[str]) -> dict[str, float]:
    """Mean / p50 / p99 / max subword tokens per address (words pre-split as at serving time)."""
    batch = [[w.text for w in split_words(normalize(t))] or [" "] for t in texts]
    lengths = sorted(len(e.ids) for e in tok.encode_batch(batch, is_pretokenized=True))
    if not lengths:
        return {"mean": 0.0, "p50": 0, "p99": 0, "max": 0, "n": 0}

    def q(p: float) -> int:
        return lengths[min(len(lengths) - 1, int(p * len(lengths)))]

    return {"mean": round(sum(lengths) / len(lengths), 3), "p50": q(0.5), "p99": q(0.99), "max": lengths[-1],
            "n": len(lengths)}


def unk_rate(tok: Tokenizer, texts: list[str]) -> dict[str, float]:
    from model.tokenize import WordTokenizer

    wt = WordTokenizer(tok)
    unk, total = wt.unk_rate([[w.text for w in split_words(normalize(t))] for t in texts])
    return {"unk_tokens": unk, "tokens": total, "rate": round(unk / total, 5) if total else 0.0}


def harness_inputs(data_dir: str | Path | None) -> list[str]:
    """Input strings of the harness (measurement only; never training data)."""
    from training.corpus_build import DEFAULT_DATA_DIR

    hdir = Path(data_dir or DEFAULT_DATA_DIR) / "harness"
    out: list[str] = []
    for p in sorted(hdir.glob("*.jsonl")):
        out += [json.loads(line)["input"] for line in p.open(encoding="utf-8")]
    return out


def measure(tok: Tokenizer, dev_texts: list[str], harness: list[str]) -> dict[str, Any]:
    dev = tokens_per_address(tok, dev_texts)
    h = tokens_per_address(tok, harness)
    u = unk_rate(tok, harness)
    ud = unk_rate(tok, dev_texts[:20000])
    return {
        "dev_tokens_per_address_mean": dev["mean"], "dev_tokens_per_address_p50": dev["p50"],
        "dev_tokens_per_address_p99": dev["p99"], "dev_tokens_per_address_max": dev["max"], "dev_addresses": dev["n"],
        "harness_tokens_per_address_mean": h["mean"], "harness_tokens_per_address_p99": h["p99"],
        "harness_unk_rate": u["rate"], "harness_unk_tokens": u["unk_tokens"], "harness_tokens": u["tokens"],
        "harness_inputs": len(harness), "dev_unk_rate": ud["rate"],
    }


def train_from_corpus(corpus_dir: str | Path, out_dir: str | Path, version: str, vocab_size: int = 8000,
                      data_dir: str | Path | None = None, max_texts: int | None = None) -> dict[str, Any]:
    """Train on the corpus train split, write tokenizer.json + manifest.json, return the manifest."""
    from training.corpus import read_split

    corpus = Path(corpus_dir)
    cmanifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    texts = (ex["text"] for ex in read_split(corpus, "train"))
    hangul = hangul_pieces(version)
    tok = train_tokenizer(islice(texts, max_texts) if max_texts else texts, vocab_size=vocab_size,
                          hangul_syllables=hangul)
    dev = [ex["text"] for ex in read_split(corpus, "dev")]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tok.save(str(out / "tokenizer.json"))
    manifest = {
        "version": version,
        "corpus_version": cmanifest["version"],
        "corpus_train_examples": cmanifest["counts"]["splits"].get("train", 0),
        "trained_on_texts": max_texts or cmanifest["counts"]["splits"].get("train", 0),
        "model": "WordPiece",
        "requested_vocab_size": vocab_size,
        "vocab_size": tok.get_vocab_size(),
        "special_tokens": {t: i for i, t in enumerate(SPECIAL_TOKENS)},
        "normalizer": "NFC + lowercase",
        "pre_tokenizer": "whitespace, punctuation, digit runs" + (", Hangul syllables" if hangul else "")
                         + " (over split_words words)",
        "measurements": measure(tok, dev, harness_inputs(data_dir)),
        "vocab_size_justification": "bench/results/tokenizer_vocab.json",
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest
