from __future__ import annotations

import itertools

import numpy as np
import torch

from model.decode import CRFParams, bio_repair, tag_spans, viterbi
from model.labels import TAG_TO_ID
from training.model import CRF, IGNORE_INDEX, gather_words


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
