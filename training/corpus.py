"""Versioned training corpus: ``build_corpus`` writes it, ``read_split`` reads it back."""

from training.corpus_build import build_corpus, read_split, split_of
from training.corpus_sources import SourceError

__all__ = ["SourceError", "build_corpus", "read_split", "split_of"]
