"""Shared by the corpus tests (0.4.0 and 0.5.0): a tiny world to build in, and reading the examples back."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from addrnet.settings import REPO_DATA_DIR
from training.corpus import read_split

DATA = REPO_DATA_DIR


def all_examples(out: Path) -> list[dict]:
    """The train, dev and test examples of the corpus in ``out``."""
    return [ex for split in ("train", "dev", "test") for ex in read_split(out, split)]


def labelled(ex: dict) -> list[tuple[str, str]]:
    """(label, text) of each span of an example."""
    return [(lab, ex["text"][s:e]) for lab, s, e in ex["spans"]]


@contextmanager
def tiny_world() -> Iterator[None]:
    """Builds inside use fewer Faker rows and people per locale (speed only)."""
    from training import corpus_v4, corpus_world

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(corpus_world, "FAKER_PER_LOCALE", 60)
        mp.setattr(corpus_v4, "PEOPLE_PER_LOCALE", 80)
        yield


def generator_parts() -> tuple[Any, Any, Any]:
    """(sources, synthesizer, world synthesizer) of the shared data, for calling the generators directly."""
    from training.corpus_build import cached_sources, cached_world
    from training.corpus_synth import Synth
    from training.corpus_world import WorldSynth

    src, _ = cached_sources(DATA)
    synth = Synth(src)
    return src, synth, WorldSynth(src, cached_world(src), synth)
