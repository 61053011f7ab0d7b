"""Corpus 0.17.0 generator: corpus 0.15.0's ``v15`` forms at 0.15.0's dose, with 0.16.0's Baltic streets and the
postcode after the city as in Russia and Ukraine.

One mix source, ``v17`` (only in corpus >= 0.17.0), in place of ``v15`` and at its share: every ``v15`` kind
(``training.corpus_v15``), and ``baltic`` and ``cis`` (``training.corpus_v16``). Corpus 0.16.0 gave 0.15.0's new
kinds twice the dose, and its arm A lost 3 real-text rows; corpus 0.15.0, at this dose, lost none beyond the gate's
tolerance but read "Vilniaus g. 20" wrong, which ``baltic`` writes.
"""

from __future__ import annotations

from training.corpus_v15 import KINDS as V15_KINDS
from training.corpus_v16 import V16Synth

KINDS: tuple[tuple[str, float], ...] = (*V15_KINDS, ("baltic", 0.3), ("cis", 0.3))


class V17Synth(V16Synth):
    """Examples of the ``v17`` mix source: ``V15Synth``'s kinds at their weights, ``baltic`` and ``cis``."""

    source = "v17"
    kinds = KINDS
