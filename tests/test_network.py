from __future__ import annotations

import pytest
import torch

from model.labels import NUM_TAGS
from training.config import ModelConfig
from training.network import IGNORE_INDEX, AddrNet

CFG = ModelConfig(vocab_size=50, n_layers=2, d_model=16, n_heads=2, d_ff=32, max_len=12, dropout=0.0)


@pytest.mark.parametrize("tied", [True, False])
def test_shapes_and_mlm_head(tied: bool) -> None:
    torch.manual_seed(0)
    m = AddrNet(ModelConfig(**{**CFG.__dict__, "tie_mlm_head": tied})).eval()
    ids = torch.randint(3, 50, (3, 7))
    mask = torch.ones(3, 7, dtype=torch.long)
    assert m(ids, mask).shape == (3, 7, NUM_TAGS)
    assert m.forward_mlm(ids, mask).shape == (3, 7, 50)
    assert (m.mlm_out is None) == tied
    targets = torch.full((3, 7), IGNORE_INDEX)
    targets[:, 2] = ids[:, 2]
    assert m(ids, mask, mlm_labels=targets).ndim == 0


def test_padding_does_not_change_real_tokens() -> None:
    torch.manual_seed(0)
    m = AddrNet(CFG).eval()
    ids = torch.randint(3, 50, (1, 5))
    short = m(ids, torch.ones(1, 5, dtype=torch.long))
    padded_ids = torch.cat([ids, torch.zeros(1, 4, dtype=torch.long)], 1)
    padded = m(padded_ids, (padded_ids != 0).long())
    assert torch.allclose(short, padded[:, :5], atol=1e-5)


def test_loss_ignores_unlabelled_positions_and_crf_adds() -> None:
    torch.manual_seed(0)
    m = AddrNet(CFG, crf=True)
    ids = torch.randint(3, 50, (2, 6))
    mask = torch.ones(2, 6, dtype=torch.long)
    labels = torch.full((2, 6), IGNORE_INDEX)
    labels[:, 0], labels[:, 3] = 1, 2
    ce = m(ids, mask, labels, label_smoothing=0.1)
    both = m(ids, mask, labels, label_smoothing=0.1, crf_loss_weight=1.0)
    assert both > ce > 0
    both.backward()
    assert m.crf is not None and m.crf.transitions.grad is not None
