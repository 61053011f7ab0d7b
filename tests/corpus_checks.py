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


def source_examples(out: Path, manifest: dict, version: str, size: int, source: str) -> list[dict]:
    """The examples of ``source`` in a built corpus, after checking the corpus: its version and size, and every
    example's spans (``check_example``)."""
    from training.corpus_render import check_example

    exs = all_examples(out)
    assert len(exs) == size and manifest["version"] == version
    for ex in exs:
        assert check_example(ex["text"], ex["spans"]) is None, ex
    return [ex for ex in exs if ex["source"] == source]


def tiny_build(tmp_path_factory: pytest.TempPathFactory, version: str, size: int, seed: int = 7) -> tuple[Path, dict]:
    """A corpus of ``version`` built from the shared data with the tiny world -> (its folder, its manifest)."""
    from training.corpus import build_corpus

    out = tmp_path_factory.mktemp(f"corpus{version}") / version
    with tiny_world():
        manifest = build_corpus(out, version, size, seed, DATA, progress=False)
    return out, manifest


def generator_parts() -> tuple[Any, Any, Any]:
    """(sources, synthesizer, world synthesizer) of the shared data, for calling the generators directly."""
    from training.corpus_build import cached_sources, cached_world
    from training.corpus_synth import Synth
    from training.corpus_world import WorldSynth

    src, _ = cached_sources(DATA)
    synth = Synth(src)
    return src, synth, WorldSynth(src, cached_world(src), synth)


def assert_mix_adds(old: tuple[tuple[str, float], ...], new: tuple[tuple[str, float], ...], source: str) -> None:
    """Corpus mix ``new`` is ``old`` plus ``source``, its weight taken from GeoNames and Faker only: every other
    source keeps its weight, and the weights sum to 1."""
    assert abs(sum(w for _, w in new) - 1.0) < 1e-9
    before, after = dict(old), dict(new)
    for s in sorted(before.keys() - {"geonames", "faker"}):
        assert after[s] == before[s], s
    assert source in after and source not in before


Kinds = tuple[tuple[str, float], ...]


def assert_mix_succeeds(old_mix: Kinds, new_mix: Kinds, sources: tuple[str, str], weights: tuple[float, float],
                        each: float, kinds: tuple[Kinds, Kinds]) -> None:
    """Corpus mix ``new_mix`` is ``old_mix`` with source ``sources[1]`` (at ``weights[1]``) in place of ``sources[0]``
    (at ``weights[0]``), GeoNames and Faker each giving way ``each`` and every other source kept, the weights summing
    to 1; and the old source's kinds (``kinds``: old, new) keep their share of the corpus (within 1%)."""
    before, after = dict(old_mix), dict(new_mix)
    assert after.pop(sources[1]) == weights[1] and before.pop(sources[0]) == weights[0]
    for source in ("geonames", "faker"):
        assert after.pop(source) == pytest.approx(before.pop(source) - each)
    assert before == after and sum(w for _, w in new_mix) == pytest.approx(1)
    old_kinds, new_kinds = kinds
    assert weights[1] / sum(dict(new_kinds).values()) == pytest.approx(weights[0] / sum(dict(old_kinds).values()),
                                                                       rel=0.01)


def assert_eval_text_out(out: Path) -> None:
    """The eval exclusion on a built corpus: no harness input and no eval point's street and city in any split."""
    import csv
    import json

    from training.corpus_build import REAL_SPLITS
    from training.corpus_sources import key

    with (DATA / "oa" / "eval_points.csv").open(encoding="utf-8") as f:
        pairs = {(key(r["STREET"]), key(r["CITY"])) for r in csv.DictReader(f)}
    inputs = {key(json.loads(line)["input"]) for p in (DATA / "harness").glob("*.jsonl")
              for line in p.open(encoding="utf-8") if line.strip()}
    for ex in all_examples(out) + [e for s in REAL_SPLITS for e in read_split(out, s)]:
        assert key(ex["text"]) not in inputs, ex
        by = {lab: key(ex["text"][s:e]) for lab, s, e in ex["spans"]}
        assert (by.get("street"), by.get("locality")) not in pairs, ex
