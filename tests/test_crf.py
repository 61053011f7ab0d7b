from __future__ import annotations

import itertools

import numpy as np
import torch

from model.decode import CRFParams, alternatives, beam, bio_repair, decode, log_softmax, tag_spans, viterbi
from model.labels import TAG_TO_ID
from training.network import CRF, IGNORE_INDEX, gather_words


def _crf(K: int, seed: int) -> CRF:
    torch.manual_seed(seed)
    crf = CRF(K)
    with torch.no_grad():
        crf.transitions.normal_()
        crf.start.normal_()
        crf.end.normal_()
    return crf


@torch.no_grad()
def _brute(crf: CRF, em: torch.Tensor, n: int) -> tuple[float, list[int]]:
    K = em.shape[-1]
    scores = {}
    for path in itertools.product(range(K), repeat=n):
        s = crf.start[path[0]] + crf.end[path[-1]] + sum(em[i, path[i]] for i in range(n))
        s = s + sum(crf.transitions[path[i - 1], path[i]] for i in range(1, n))
        scores[path] = float(s)
    logz = float(torch.logsumexp(torch.tensor(list(scores.values())), 0))
    return logz, list(max(scores, key=lambda p: scores[p]))


def test_forward_and_viterbi_match_brute_force() -> None:
    K, W = 3, 4
    crf = _crf(K, 0)
    em = torch.randn(3, W, K)
    lengths = [4, 2, 1]
    mask = torch.arange(W)[None] < torch.tensor(lengths)[:, None]
    with torch.no_grad():
        logz = crf.log_partition(em, mask)
    paths = crf.viterbi(em, mask)
    params = CRFParams(crf.transitions.detach().numpy(), crf.start.detach().numpy(), crf.end.detach().numpy())
    np_paths = viterbi(em.numpy(), np.array(lengths), params)
    for b, n in enumerate(lengths):
        ref_z, ref_path = _brute(crf, em[b], n)
        assert abs(float(logz[b]) - ref_z) < 1e-4
        assert paths[b] == ref_path
        assert np_paths[b, :n].tolist() == ref_path
        assert (np_paths[b, n:] == 0).all()
        # the score of the best path is at most log Z
        tags = torch.tensor(ref_path + [0] * (W - n))[None]
        assert float(crf.score(em[b : b + 1], tags, mask[b : b + 1]).detach()) <= ref_z + 1e-5


def test_nll_is_a_normalized_distribution() -> None:
    K, n = 3, 3
    crf = _crf(K, 1)
    em = torch.randn(1, n, K)
    mask = torch.ones(1, n, dtype=torch.bool)
    total = 0.0
    with torch.no_grad():
        for path in itertools.product(range(K), repeat=n):
            total += float(torch.exp(-crf.nll(em, torch.tensor([path]), mask)))
    assert abs(total - 1.0) < 1e-4


def test_gather_words_compacts_first_subwords() -> None:
    labels = torch.tensor([[3, IGNORE_INDEX, 0, 5], [IGNORE_INDEX, 2, IGNORE_INDEX, IGNORE_INDEX]])
    vals = torch.arange(8, dtype=torch.float).view(2, 4, 1)
    v, tags, mask = gather_words(vals, labels)
    assert tags.tolist() == [[3, 0, 5], [2, 0, 0]]
    assert mask.tolist() == [[True, True, True], [True, False, False]]
    assert v[0, :, 0].tolist() == [0.0, 2.0, 3.0] and v[1, 0, 0] == 5.0


def test_bio_repair_and_spans() -> None:
    t = TAG_TO_ID
    row = [t["I-street"], t["I-street"], t["O"], t["I-locality"], t["B-region"], t["I-locality"]]
    fixed = bio_repair(np.array([row]))[0].tolist()
    assert fixed == [t["B-street"], t["I-street"], t["O"], t["B-locality"], t["B-region"], t["B-locality"]]
    assert tag_spans(fixed) == [("street", 0, 1), ("locality", 3, 3), ("region", 4, 4), ("locality", 5, 5)]


def _logits(rows: list[dict[str, float]]) -> np.ndarray:
    """Word logits [1, W, K]: -5 everywhere except the given tag scores."""
    out = np.full((1, len(rows), len(TAG_TO_ID)), -5.0, dtype=np.float32)
    for i, r in enumerate(rows):
        for tag, v in r.items():
            out[0, i, TAG_TO_ID[tag]] = v
    return out


def test_constrained_decoding_never_starts_a_span_with_i() -> None:
    # "New York": argmax gives B-locality, I-region (a fragment); the valid path keeps one locality
    lg = _logits([{"B-locality": 3.0}, {"I-region": 2.0, "I-locality": 1.5, "B-region": -1.0}])
    tags, _ = decode(lg, np.array([2]))
    assert tag_spans(tags[0]) == [("locality", 0, 1)]


def test_repeat_penalty_merges_a_split_label_but_keeps_intersections() -> None:
    t = TAG_TO_ID
    # region "New" + region "York" -> one region span when I-region is nearly as likely
    lg = _logits([{"B-region": 3.0}, {"B-region": 2.0, "I-region": 1.9}, {"O": 3.0}, {"B-region": 3.0}])
    tags, _ = decode(lg, np.array([4]))
    spans = tag_spans(tags[0])
    assert sum(1 for s in spans if s[0] == "region") == 2 and spans[0] == ("region", 0, 1)
    # two clear streets around a connector stay two streets
    lg = _logits([{"B-street": 3.0}, {"O": 3.0}, {"B-street": 3.0}])
    tags, _ = decode(lg, np.array([3]))
    assert tags[0].tolist() == [t["B-street"], t["O"], t["B-street"]]


def test_a_span_never_starts_right_after_one_of_its_own_label_but_units_stack() -> None:
    t = TAG_TO_ID
    # "Невский проспект": street + street with no word between, even when B-street leads by 4 nats -> one street
    lg = _logits([{"B-street": 3.0}, {"B-street": 6.0, "I-street": 2.0}, {"B-house_number": 3.0}])
    tags, _ = decode(lg, np.array([3]))
    assert tags[0].tolist() == [t["B-street"], t["I-street"], t["B-house_number"]]
    # the cost is a decoding parameter (labels.json decode.adjacent_penalty); without it the two streets stay two
    free = CRFParams.for_labels({"decode": {"adjacent_penalty": 0.0}})
    assert free.adjacent_penalty == 0.0 and CRFParams.for_labels(None).adjacent_penalty == 20.0
    tags, _ = decode(lg, np.array([3]), free)
    assert tags[0].tolist() == [t["B-street"], t["B-street"], t["B-house_number"]]
    # "scala F int. 6": two units side by side stay two units
    lg = _logits([{"B-unit": 3.0}, {"I-unit": 3.0}, {"B-unit": 6.0, "I-unit": 2.0}, {"I-unit": 3.0}])
    tags, _ = decode(lg, np.array([4]))
    assert tags[0].tolist() == [t["B-unit"], t["I-unit"], t["B-unit"], t["I-unit"]]


def test_a_suburb_with_no_locality_is_read_as_the_locality_when_that_is_near() -> None:
    t = TAG_TO_ID
    # "Plaza Mayor 1, Toledo, Castilla-La Mancha": the one place read as a suburb, the locality close behind
    lg = _logits([{"B-street": 3.0}, {"B-suburb": 3.0, "B-locality": 2.0}, {"B-region": 3.0}])
    tags, _ = decode(lg, np.array([3]))
    assert tags[0].tolist() == [t["B-street"], t["B-locality"], t["B-region"]]
    tags, _ = decode(lg[:, 1:2], np.array([1]))  # a lone word too
    assert tags[0].tolist() == [t["B-locality"]]
    # beside a locality, a suburb stays; and far behind, a suburb alone stays the suburb
    lg = _logits([{"B-suburb": 3.0, "B-locality": 2.0}, {"B-locality": 3.0}])
    tags, _ = decode(lg, np.array([2]))
    assert tags[0].tolist() == [t["B-suburb"], t["B-locality"]]
    lg = _logits([{"B-street": 3.0}, {"B-suburb": 12.0}])
    tags, _ = decode(lg, np.array([2]))
    assert tags[0].tolist() == [t["B-street"], t["B-suburb"]]


def test_beam_matches_viterbi_without_repeats_and_alternatives_are_sorted() -> None:
    rng = np.random.default_rng(0)
    lg = rng.normal(size=(1, 6, len(TAG_TO_ID))).astype(np.float32)
    params = CRFParams.for_labels(None)
    big = CRFParams(params.transitions, params.start, params.end, np.zeros(12, dtype=np.float32), False)
    vt = viterbi(log_softmax(lg), np.array([6]), big)[0]
    bt = beam(log_softmax(lg[0]), big, width=64, k=1)[0][1]
    assert vt.tolist() == bt.tolist()
    alt = alternatives(lg[0], 6, k=4)
    probs = [p["prob"] for p in alt["paths"]]
    assert len(probs) == 4 and probs == sorted(probs, reverse=True) and abs(sum(probs) - 1) < 1e-6
    assert len({tuple(p["tags"]) for p in alt["paths"]}) == 4
    assert len(alt["span_labels"]) == len(alt["paths"][0]["spans"])
    for labs in alt["span_labels"]:
        assert abs(sum(p for _, p in labs) - 1) < 1e-4
