"""Decoding word-level tag scores into BIO tags, spans and alternatives (numpy only; serving and training).

Decoding never fragments a component:

- ``DecodeParams``: the scores a path is made of. Emissions are ``log_softmax(logits)`` per word (the raw
  logits when the arm has a CRF). Transitions [from, to] are ``-1e4`` for invalid BIO moves (``I-X`` after
  anything but ``B-X``/``I-X``, ``I-X`` at the start) plus, when ``labels.json`` carries them, scores
  learned (CRF: ``crf_transitions``/``crf_start``/``crf_end``) or estimated from the corpus
  (``decode.transitions``, ``decode.start``, times ``decode.transition_weight``). ``repeat_penalty`` [L]
  is subtracted each time a path starts a second span of a label it already has ("one component per
  label unless the text really repeats it"): estimated from the corpus as ``-log P(label repeats)``
  (``decode.repeat_penalty``), else ``DEFAULT_REPEAT_PENALTY`` (low for ``street``: intersections). A span
  that starts right after a span of its own label, no word between, costs ``adjacent_penalty`` more
  (``decode.adjacent_penalty`` in ``labels.json``, else ``ADJACENT_PENALTY``; but ``unit``: "scala F int. 6"):
  intersections put a word or a comma between their streets, and corpus 0.14.0
  has 7 such street pairs in 540,479 examples ("Невский проспект" is one street, not two).
- ``viterbi``: the best valid path (batched, exact) under emissions + transitions.
- ``decode(logits, lengths, params, temperature)``: Viterbi for the batch; rows whose best path repeats a
  label, or has a suburb and no locality, are re-decoded by ``beam`` with the repeat penalty and
  ``suburb_alone_penalty``, so the usual row costs one vectorized pass.
  Returns (tag ids [B, W], ``softmax(logits / T)`` [B, W, K]). The temperature changes confidences only.
- ``beam(emissions, params, width, k)``: beam search over one row with the repeat penalty (and
  ``suburb_alone_penalty`` for a finished path with a suburb and no locality: ``decode.suburb_alone_penalty`` in
  ``labels.json``, else ``SUBURB_ALONE_PENALTY``); the ``k`` best distinct paths as ``(score, tags)``.
- ``tag_spans``: BIO tag ids -> ``(label, first_word, last_word)`` spans.

Alternatives for the resolver (``alternatives``; the tagger's ``Tagger.parse_alternatives`` wraps it):

- ``alternatives(logits, n, params, temperature, k)`` on one row's word logits [W, K] returns
  ``{"paths": [{"prob", "score", "tags", "spans"}...], "span_labels": [[(label, prob)...] per best span]}``.
  ``paths`` are the ``k`` best distinct tag paths; ``prob`` is ``softmax(score)`` over those ``k`` paths
  (a probability *among the returned readings*, not of the whole path space). ``span_labels`` gives, for each
  span of the best path (or of the path ``choose`` puts first), every label (and ``"O"``) with the mean over the span's words of
  ``P(B-label) + P(I-label)``, highest first, so a resolver can re-read e.g. a ``region`` span as a
  ``country``. Spans are ``(label, first_word, last_word)``; the tagger turns words into character offsets
  with ``value == text[start:end]``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from model.labels import LABELS, NUM_TAGS, TAGS

TAG_LABEL: list[str | None] = [None] + [lab for lab in LABELS for _ in (0, 1)]  # tag id -> label
_LABEL_ID = np.array([-1] + [i for i in range(len(LABELS)) for _ in (0, 1)], dtype=np.int64)
_IS_I = np.array([t.startswith("I-") for t in TAGS])
_IS_B = np.array([t.startswith("B-") for t in TAGS])
_BIT = np.array([0] + [1 << i for i in range(len(LABELS)) for _ in (0, 1)], dtype=np.int64)  # label bit per tag
assert len(TAG_LABEL) == NUM_TAGS
NEG = -1e4  # score of an invalid move (finite: no inf - inf)
ADJACENT_PENALTY = 20.0  # nats for a span starting right after one of its own label (``beam``)
_ADJACENT = _IS_B & (_LABEL_ID != LABELS.index("unit"))  # the B- tags ``adjacent_penalty`` applies to

# nats for a path with a suburb and no locality (``beam``): a suburb is a part of a locality, and a text that names
# one place names its locality ("Plaza Mayor 1, Toledo, Castilla-La Mancha")
SUBURB_ALONE_PENALTY = 5.0  # chosen on the corpus dev split: 2 to 8 give +0.15 to +0.17 pp exact match (arm A)
_SUBURB, _LOCALITY = LABELS.index("suburb"), LABELS.index("locality")  # label ids; ``_BIT`` has 1 << id

# nats subtracted for a second span of a label, when the corpus gives none: streets repeat in
# intersections ("Main St & 2nd Ave"); units/levels sometimes stack; the rest almost never repeat
DEFAULT_REPEAT_PENALTY: dict[str, float] = {label: 6.0 for label in LABELS} | {"street": 1.0, "unit": 3.0, "level": 3.0}


def bio_mask() -> tuple[np.ndarray, np.ndarray]:
    """(transitions [K, K], start [K]) with 0 for valid BIO moves and ``NEG`` for invalid ones."""
    trans = np.zeros((NUM_TAGS, NUM_TAGS), dtype=np.float32)
    for to in range(NUM_TAGS):
        if _IS_I[to]:
            ok = (_LABEL_ID == _LABEL_ID[to])  # from B-X or I-X
            trans[~ok, to] = NEG
    start = np.where(_IS_I, NEG, 0.0).astype(np.float32)
    return trans, start


_MASK, _START_MASK = bio_mask()
_KEEP = np.arange(NUM_TAGS)  # the back-pointer of a finished row: stay on the same tag
_I_IDS = np.arange(2, NUM_TAGS, 2)
_LABEL_RANGE = np.arange(len(LABELS))
BIO_STEP_MIN_ROWS = 4  # rows from which ``viterbi`` takes the O(K) step of plain BIO transitions


@dataclass(frozen=True)
class CRFParams:
    """Transition scores (CRF-learned or corpus-estimated) with the BIO constraints folded in."""

    transitions: np.ndarray  # [K, K], [from, to]
    start: np.ndarray  # [K]
    end: np.ndarray  # [K]
    repeat_penalty: np.ndarray | None = None  # [L]; None = DEFAULT_REPEAT_PENALTY
    emissions_are_logits: bool = True  # True for a CRF (raw logits); False = log_softmax emissions
    suburb_alone_penalty: float = SUBURB_ALONE_PENALTY  # nats for a path with a suburb and no locality; 0 = none
    adjacent_penalty: float = ADJACENT_PENALTY  # nats for a span right after one of its own label; 0 = none

    @classmethod
    def from_labels(cls, labels: dict) -> CRFParams | None:
        """The CRF of ``labels.json`` when it has one (kept for callers that only want a CRF)."""
        if labels.get("crf_transitions") is None:
            return None
        return cls.for_labels(labels)

    @classmethod
    def for_labels(cls, labels: dict | None) -> CRFParams:
        """Decoding parameters for an arm's ``labels.json`` (always constrained)."""
        labels = labels or {}
        mask, start_mask = bio_mask()
        dec = labels.get("decode") or {}
        pen = dec.get("repeat_penalty") or {}
        repeat = np.array([float(pen.get(lab, DEFAULT_REPEAT_PENALTY[lab])) for lab in LABELS], dtype=np.float32)
        alone = float(dec.get("suburb_alone_penalty", SUBURB_ALONE_PENALTY))
        adjacent = float(dec.get("adjacent_penalty", ADJACENT_PENALTY))
        if labels.get("crf_transitions") is not None:
            trans = np.asarray(labels["crf_transitions"], dtype=np.float32) + mask
            start = np.asarray(labels["crf_start"], dtype=np.float32) + start_mask
            end = np.asarray(labels["crf_end"], dtype=np.float32)
            return cls(trans, start, end, repeat, True, alone, adjacent)
        w = float(dec.get("transition_weight", 0.0))
        trans, start = mask.copy(), start_mask.copy()
        if w and dec.get("transitions") is not None:
            trans = trans + w * np.asarray(dec["transitions"], dtype=np.float32)
            start = start + w * np.asarray(dec["start"], dtype=np.float32)
        return cls(trans, start, np.zeros(NUM_TAGS, dtype=np.float32), repeat, False, alone, adjacent)

    @cached_property
    def plain_bio(self) -> bool:
        """True when the transitions are the BIO constraints alone (``_plain_bio``; checked once)."""
        return _plain_bio(self)

    def penalty_per_tag(self) -> np.ndarray:
        pen = self.repeat_penalty
        if pen is None:
            pen = np.array([DEFAULT_REPEAT_PENALTY[lab] for lab in LABELS], dtype=np.float32)
        out = np.zeros(NUM_TAGS, dtype=np.float32)
        out[_IS_B] = pen[_LABEL_ID[_IS_B]]
        return out


DecodeParams = CRFParams


def softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def log_softmax(x: np.ndarray) -> np.ndarray:
    z = x - x.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


def bio_repair(tags: np.ndarray) -> np.ndarray:
    """tags [..., W] int -> same shape; orphan ``I-X`` -> ``B-X`` (B-X id = I-X id - 1)."""
    tags = np.asarray(tags, dtype=np.int64)
    labels = _LABEL_ID[tags]
    prev = np.full_like(labels, -1)
    prev[..., 1:] = labels[..., :-1]
    orphan = _IS_I[tags] & (prev != labels)
    return np.where(orphan, tags - 1, tags)


def _plain_bio(crf: CRFParams) -> bool:
    """True when the transitions are the BIO constraints alone (no learned or estimated scores)."""
    return bool(np.array_equal(crf.transitions, _MASK) and np.array_equal(crf.start, _START_MASK)
                and not crf.end.any())


def viterbi(emissions: np.ndarray, lengths: np.ndarray, crf: CRFParams) -> np.ndarray:
    """emissions [B, W, K], lengths [B] -> best tag ids [B, W] (positions >= length are 0)."""
    B, W, K = emissions.shape
    out = np.zeros((B, W), dtype=np.int64)
    if W == 0 or B == 0:
        return out
    lengths = np.asarray(lengths)
    # the O(K) step pays from a few rows on; one row takes fewer numpy calls a step the general way
    step = _bio_back if B >= BIO_STEP_MIN_ROWS and K == NUM_TAGS and crf.plain_bio else _general_back
    back, score = step(emissions, lengths, crf)
    # one gather per step: past its end a row's pointers keep its final tag, so all rows step together
    t = (score + crf.end[None]).argmax(axis=1)
    at = np.arange(B)
    for i in range(W - 1, 0, -1):
        out[:, i] = t
        t = back[at, i, t]
    out[:, 0] = t
    out[np.arange(W)[None, :] >= lengths[:, None]] = 0
    return out


def _general_back(emissions: np.ndarray, lengths: np.ndarray, crf: CRFParams) -> tuple[np.ndarray, np.ndarray]:
    """Back-pointers [B, W, K] and final scores [B, K] under any transitions (an O(K^2) step)."""
    B, W, K = emissions.shape
    score = crf.start[None] + emissions[:, 0]
    back = np.zeros((B, W, K), dtype=np.int64)
    trans_t = np.ascontiguousarray(crf.transitions.T)[None]  # [1, to, from]: reduce over the contiguous axis
    keep = np.arange(K)  # the back-pointer of a finished row: stay on the same tag
    finished = np.arange(W)[None, :] >= lengths[:, None]  # [B, W]
    any_done: list[bool] = np.asarray(finished.any(axis=0)).tolist()  # per step: has some row ended
    rows, cols = np.arange(B)[:, None], keep[None, :]
    for i in range(1, W):
        cand = score[:, None, :] + trans_t  # [B, to, from]
        idx = cand.argmax(axis=2)
        nxt = cand[rows, cols, idx] + emissions[:, i]
        if any_done[i]:
            active = ~finished[:, i, None]
            back[:, i] = np.where(active, idx, keep)
            score = np.where(active, nxt, score)  # a finished row keeps its score
        else:
            back[:, i] = idx
            score = nxt
    return back, score


def _bio_back(emissions: np.ndarray, lengths: np.ndarray, crf: CRFParams) -> tuple[np.ndarray, np.ndarray]:
    """``_general_back`` for transitions that are the BIO constraints alone, in O(K) a step: ``O`` and ``B-X``
    follow the best tag (the first best, as ``argmax`` picks), ``I-X`` the better of ``B-X`` and ``I-X``
    (``B-X`` on a tie: the lower id). An invalid move costs ``NEG``, far below any valid path, so the
    general step picks the same pointers and scores (the valid ``B-X`` is always reachable)."""
    B, W, K = emissions.shape
    score = crf.start[None] + emissions[:, 0]
    back = np.empty((B, W, K), dtype=np.int64)
    back[:, 0] = _KEEP
    finished = np.arange(W)[None, :] >= lengths[:, None]  # [B, W]
    any_done: list[bool] = np.asarray(finished.any(axis=0)).tolist()  # per step: has some row ended
    nxt = np.empty_like(score)
    for i in range(1, W):
        sb, si = score[:, 1::2], score[:, 2::2]  # B-X, I-X scores [B, L]
        ptr = back[:, i]
        ptr[:] = score.argmax(axis=1)[:, None]
        np.subtract(_I_IDS, sb >= si, out=ptr[:, 2::2])  # I-X follows B-X (id - 1) unless I-X scores higher
        nxt[:] = score.max(axis=1, keepdims=True)
        np.maximum(sb, si, out=nxt[:, 2::2])
        nxt += emissions[:, i]
        if any_done[i]:
            done = finished[:, i]
            ptr[done] = _KEEP
            score = np.where(done[:, None], score, nxt)
        else:
            score, nxt = nxt, score
    return back, score


def beam(emissions: np.ndarray, params: CRFParams, width: int = 16, k: int = 1) -> list[tuple[float, np.ndarray]]:
    """One row's emissions [n, K] -> the ``k`` best distinct paths ``(score, tags [n])``, best first.

    The score is emissions + transitions - ``repeat_penalty`` for every second (third, ...) span of a label,
    ``params.adjacent_penalty`` more when that span starts right after one of its own label, and
    ``params.suburb_alone_penalty`` for a path with a suburb and no locality."""
    n, K = emissions.shape
    if n == 0:
        return [(0.0, np.zeros(0, dtype=np.int64))]
    pen = params.penalty_per_tag()
    score = params.start + emissions[0]
    last = np.arange(K)
    used = np.where(_IS_B, _BIT, 0)[last]
    keep = np.argsort(-score, kind="stable")[:width]
    score, last, used = score[keep], last[keep], used[keep]
    parents: list[np.ndarray] = []
    tags_at: list[np.ndarray] = [last]
    for i in range(1, n):
        cand = score[:, None] + params.transitions[last] + emissions[i][None]  # [nb, K]
        repeat = _IS_B[None, :] & ((used[:, None] & _BIT[None, :]) != 0)
        adjacent = _ADJACENT[None, :] & (_LABEL_ID[last][:, None] == _LABEL_ID[None, :])
        cand = cand - np.where(repeat, pen[None, :], 0.0) - np.where(adjacent, params.adjacent_penalty, 0.0)
        flat = cand.ravel()
        top = np.argsort(-flat, kind="stable")[:width]
        parent, tag = np.divmod(top, K)
        score = flat[top]
        used = used[parent] | np.where(_IS_B[tag], _BIT[tag], 0)
        last = tag
        parents.append(parent)
        tags_at.append(tag)
    score = score + params.end[last]
    if params.suburb_alone_penalty:
        alone = ((used & (1 << _SUBURB)) != 0) & ((used & (1 << _LOCALITY)) == 0)
        score = score - np.where(alone, params.suburb_alone_penalty, 0.0)
    order = np.argsort(-score, kind="stable")[:k]
    out: list[tuple[float, np.ndarray]] = []
    for b in order:
        path = np.zeros(n, dtype=np.int64)
        j = int(b)
        for i in range(n - 1, -1, -1):
            path[i] = tags_at[i][j]
            if i:
                j = int(parents[i - 1][j])
        out.append((float(score[b]), path))
    return out


def _emissions(raw: np.ndarray, params: CRFParams) -> np.ndarray:
    return raw if params.emissions_are_logits else log_softmax(raw)


def _needs_beam(tags: np.ndarray, alone_costs: bool) -> bool:
    """True when the row's path repeats a label, or has a suburb and no locality (when ``alone_costs``)."""
    labels = _LABEL_ID[tags[_IS_B[tags]]].tolist()
    if alone_costs and _SUBURB in labels and _LOCALITY not in labels:
        return True
    return len(labels) != len(set(labels))


# a row's greedy path is Viterbi's when each word's best tag leads the next by more than this share of the
# path's score magnitude (float32 rounding of the sums: see ``greedy_tags``)
GREEDY_MARGIN = 2.0**-18


def greedy_tags(em: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Viterbi's tags under the plain BIO constraints for the rows where the best tag of each word makes a
    valid path: (tags [B, W], the rows left to Viterbi).

    Such a path is the best valid path, and Viterbi finds exactly it when every word's best tag leads every
    other tag by a margin that float32 rounding cannot close: a valid move adds 0 and an invalid one -1e4,
    so by induction the path's partial score is the strict maximum at each word (a rival's score is the
    rounded sum of a score no higher and an emission lower by the margin, and rounding is monotonic; a
    margin over 2**-20 times the magnitude of the sums keeps the rounded sums apart), hence its tag wins
    each step's argmax and its predecessor each back-pointer. Rows with a smaller margin (a near tie) or
    an invalid greedy path (an ``I-X`` after anything but ``B-X``/``I-X``) are left to Viterbi."""
    B, W, _ = em.shape
    top = em.max(axis=-1)  # [B, W]
    g = em.argmax(axis=-1)
    second = np.where(np.arange(em.shape[-1]) == g[..., None], -np.inf, em).max(axis=-1)
    live = np.arange(W)[None, :] < lengths[:, None]
    lab = _LABEL_ID[g]
    prev = np.full_like(lab, -1)
    prev[:, 1:] = lab[:, :-1]
    bad = _IS_I[g] & (prev != lab)  # an I-X that does not continue X (or starts the row)
    scale = np.abs(np.where(live, top, 0)).astype(np.float64).sum(axis=1) + 1.0  # >= |any partial sum|
    near = ~((top - second).astype(np.float64) > GREEDY_MARGIN * scale[:, None])  # NaN: near too
    rest = np.flatnonzero(((bad | near) & live).any(axis=1))
    g[~live] = 0
    return g, rest


def decode(
    logits: np.ndarray, lengths: np.ndarray, crf: CRFParams | None = None, temperature: float = 1.0,
    beam_width: int = 16, greedy: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """logits [B, W, K] at words -> (tag ids [B, W], softmax(logits / temperature) [B, W, K]).

    ``crf`` is the arm's ``CRFParams.for_labels(labels)`` (None = BIO constraints and default repeat
    penalties). Tags never fragment a component; the temperature changes confidences only. Under the
    plain BIO constraints a row whose best tags already make a valid path with clear margins takes them
    (``greedy_tags``: exactly Viterbi's path); ``greedy=False`` runs Viterbi on every row."""
    params = crf if crf is not None else _DEFAULT
    raw = logits.astype(np.float32, copy=False)
    probs = softmax(raw / np.float32(temperature) if temperature != 1.0 else raw)
    em = _emissions(raw, params)
    lengths = np.asarray(lengths)
    if greedy and em.shape[-1] == NUM_TAGS and em.shape[0] and em.shape[1] and params.plain_bio:
        tags, rest = greedy_tags(em, lengths)
        if len(rest):  # the rows greedy cannot vouch for: Viterbi (rows are decoded independently)
            tags[rest] = viterbi(em[rest], lengths[rest], params)
    else:
        tags = viterbi(em, lengths, params)
    if tags.shape[0] < BIO_STEP_MIN_ROWS:  # a few rows: the row loop costs less than the batch check
        alone = bool(params.suburb_alone_penalty)
        rows = [b for b in range(tags.shape[0]) if lengths[b] and _needs_beam(tags[b, : lengths[b]], alone)]
    else:
        rows = _beam_rows(tags, lengths, bool(params.suburb_alone_penalty))
    for b in rows:
        n = int(lengths[b])
        tags[b, :n] = beam(em[b, :n], params, width=beam_width, k=1)[0][1]
    return tags, probs


def _beam_rows(tags: np.ndarray, lengths: np.ndarray, alone_costs: bool) -> list[int]:
    """Rows (of more than one word) whose tags begin a second span of some label, and rows with a suburb and no
    locality when ``alone_costs`` (``_needs_beam`` per row, for the whole batch at once; tags past a row's length are
    ``O``)."""
    B, W = tags.shape
    lab = np.where(_IS_B[tags], _LABEL_ID[tags], -1)  # label of each B- tag, else -1
    lab[np.arange(W)[None, :] >= lengths[:, None]] = -1
    counts = (lab[:, :, None] == _LABEL_RANGE).sum(axis=1)  # B- tags per label [B, L]
    rep = (counts > 1).any(axis=1) & (lengths > 1)
    if alone_costs:
        rep |= (counts[:, _SUBURB] > 0) & (counts[:, _LOCALITY] == 0)
    return np.flatnonzero(rep).tolist()


def tag_spans(tags: np.ndarray | list[int]) -> list[tuple[str, int, int]]:
    """BIO tag ids of one row -> [(label, first_word, last_word)] (orphan I- starts a span)."""
    spans: list[tuple[str, int, int]] = []
    cur: list = []  # [label, first, last]
    for i, t in enumerate(tags):
        t = int(t)
        label = TAG_LABEL[t]
        if label is not None and _IS_I[t] and cur and cur[0] == label and cur[2] == i - 1:
            cur[2] = i
            continue
        if cur:
            spans.append((cur[0], cur[1], cur[2]))
            cur = []
        if label is not None:
            cur = [label, i, i]
    if cur:
        spans.append((cur[0], cur[1], cur[2]))
    return spans


def row_spans(tags: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``tag_spans`` of every row of a batch at once: tags [B, W], lengths [B] -> (row, first word, last word,
    label id) arrays over all spans, in row order then word order (what ``tag_spans`` gives row by row, with
    ``LABELS[label id]`` for the label)."""
    B, W = tags.shape
    lab = _LABEL_ID[tags]
    lab[np.arange(W)[None, :] >= np.asarray(lengths)[:, None]] = -1
    inside = lab >= 0
    cont = np.zeros((B, W), dtype=bool)  # an I- tag right after a tag of its label extends that span
    cont[:, 1:] = _IS_I[tags[:, 1:]] & (lab[:, 1:] == lab[:, :-1]) & inside[:, 1:]
    start = inside & ~cont
    end = inside.copy()
    end[:, :-1] &= ~cont[:, 1:]
    rows, first = np.nonzero(start)
    _, last = np.nonzero(end)
    return rows, first, last, lab[rows, first]


def label_probs(probs: np.ndarray) -> np.ndarray:
    """Tag probabilities [..., K] -> label probabilities [..., L + 1] (last column: ``O``)."""
    out = np.zeros(probs.shape[:-1] + (len(LABELS) + 1,), dtype=probs.dtype)
    out[..., : len(LABELS)] = probs[..., 1::2] + probs[..., 2::2]
    out[..., -1] = probs[..., 0]
    return out


def alternatives(
    logits: np.ndarray, n: int, crf: CRFParams | None = None, temperature: float = 1.0, k: int = 5,
    beam_width: int = 16, choose: Callable[[list[dict[str, Any]]], dict[str, Any] | None] | None = None,
    span_labels: bool = True,
) -> dict[str, Any]:
    """One row's word logits [W, K] (first ``n`` words real) -> k-best paths and per-span label alternatives.

    ``choose(paths)`` may name another path to read first (``model.places``): it moves to the front and
    ``span_labels`` describe its spans. ``span_labels=False`` leaves them out (``[]``)."""
    params = crf if crf is not None else _DEFAULT
    raw = np.asarray(logits[:n], dtype=np.float32)
    found = beam(_emissions(raw, params), params, width=max(beam_width, k), k=k)
    scores = np.array([s for s, _ in found], dtype=np.float64)
    pp = softmax(scores) if len(scores) else scores
    paths = [{"prob": float(p), "score": float(s), "tags": t.tolist(), "spans": tag_spans(t)}
             for p, (s, t) in zip(pp, found, strict=True)]
    picked = choose(paths) if choose is not None and paths else None
    if picked is not None:
        paths.remove(picked)
        paths.insert(0, picked)
    labelled = []
    if span_labels:
        lp = label_probs(softmax(raw / np.float32(temperature) if temperature != 1.0 else raw))
        names = list(LABELS) + ["O"]
        for _, a, z in paths[0]["spans"] if paths else []:
            m = lp[a : z + 1].mean(axis=0)
            labelled.append([(names[i], float(m[i])) for i in np.argsort(-m, kind="stable")])
    return {"paths": paths, "span_labels": labelled}


_DEFAULT = CRFParams.for_labels(None)
