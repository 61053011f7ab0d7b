"""The addrnet tagger: a small pre-LN transformer encoder over subwords (nanoGPT-style, one file).

- ``Encoder``: token + learned position embeddings, ``n_layers`` pre-LN blocks (multi-head
  self-attention with a key padding mask, GELU MLP), final LayerNorm.
- ``AddrNet.forward(input_ids, attention_mask) -> logits [B, T, NUM_TAGS]``: the token-classification
  head. Only the first subword of each word carries a label (others are ``IGNORE_INDEX``); this is
  the graph exported to ONNX.
- ``AddrNet.loss``: cross-entropy (with label smoothing) at first subwords, plus, when the model has a
  CRF (``crf=True``), ``crf_loss_weight`` x the linear-chain CRF negative log-likelihood over words.
- ``AddrNet.forward_mlm``: masked-LM logits over the vocabulary (output head tied to the token
  embedding or separate).

Encoder weights live under the ``encoder.`` prefix so that ``init_from`` an MLM checkpoint can load
exactly those.
"""

from __future__ import annotations

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from model.labels import NUM_TAGS
from training.config import ModelConfig

IGNORE_INDEX = -100


class SelfAttention(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.n_heads = cfg.n_heads
        self.head_dim = cfg.d_model // cfg.n_heads
        self.scale = 1.0 / math.sqrt(self.head_dim)
        self.qkv = nn.Linear(cfg.d_model, 3 * cfg.d_model)
        self.proj = nn.Linear(cfg.d_model, cfg.d_model)
        self.dropout = nn.Dropout(cfg.dropout)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        B, T, C = x.shape
        q, k, v = self.qkv(x).split(C, dim=2)
        hs = self.head_dim
        q = q.view(B, T, self.n_heads, hs).transpose(1, 2)
        k = k.view(B, T, self.n_heads, hs).transpose(1, 2)
        v = v.view(B, T, self.n_heads, hs).transpose(1, 2)
        att = (q @ k.transpose(-2, -1)) * self.scale + bias  # bias [B,1,1,T]
        att = self.dropout(torch.softmax(att, dim=-1))
        y = (att @ v).transpose(1, 2).reshape(B, T, C)
        return self.dropout(self.proj(y))


class Block(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.ln1 = nn.LayerNorm(cfg.d_model)
        self.attn = SelfAttention(cfg)
        self.ln2 = nn.LayerNorm(cfg.d_model)
        self.mlp = nn.Sequential(
            nn.Linear(cfg.d_model, cfg.d_ff), nn.GELU(), nn.Linear(cfg.d_ff, cfg.d_model), nn.Dropout(cfg.dropout)
        )

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        x = x + self.attn(self.ln1(x), bias)
        return x + self.mlp(self.ln2(x))


class Encoder(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.tok_emb = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.pos_emb = nn.Embedding(cfg.max_len, cfg.d_model)
        self.drop = nn.Dropout(cfg.dropout)
        self.blocks = nn.ModuleList([Block(cfg) for _ in range(cfg.n_layers)])
        self.ln_f = nn.LayerNorm(cfg.d_model)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        T = input_ids.shape[1]
        pos = torch.arange(T, device=input_ids.device)
        x = self.drop(self.tok_emb(input_ids) + self.pos_emb(pos)[None])
        # additive key-padding bias: 0 for real tokens, -1e4 for padding (safe in bf16 and fp32)
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -1e4
        for block in self.blocks:
            x = block(x, bias)
        return self.ln_f(x)


class CRF(nn.Module):
    """Linear-chain CRF over word positions. ``mask`` [B, W] is True for real words (a prefix)."""

    def __init__(self, num_tags: int) -> None:
        super().__init__()
        self.transitions = nn.Parameter(torch.zeros(num_tags, num_tags))  # [from, to]
        self.start = nn.Parameter(torch.zeros(num_tags))
        self.end = nn.Parameter(torch.zeros(num_tags))

    def score(self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Unnormalized score of the given tag paths, [B]."""
        B, W, _ = emissions.shape
        maskf = mask.to(emissions.dtype)
        emit = emissions.gather(2, tags.unsqueeze(2)).squeeze(2)  # [B, W]
        s = self.start[tags[:, 0]] + (emit * maskf).sum(1)
        if W > 1:
            trans = self.transitions[tags[:, :-1], tags[:, 1:]]  # [B, W-1]
            s = s + (trans * maskf[:, 1:]).sum(1)
        last = tags.gather(1, (mask.sum(1) - 1).clamp(min=0).unsqueeze(1)).squeeze(1)
        return s + self.end[last]

    def log_partition(self, emissions: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Forward algorithm: log sum over all tag paths, [B]."""
        alpha = self.start[None] + emissions[:, 0]  # [B, K]
        for i in range(1, emissions.shape[1]):
            nxt = torch.logsumexp(alpha[:, :, None] + self.transitions[None] + emissions[:, i, None, :], dim=1)
            alpha = torch.where(mask[:, i, None], nxt, alpha)
        return torch.logsumexp(alpha + self.end[None], dim=1)

    def nll(self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Mean negative log-likelihood over rows that have at least one word."""
        has = mask[:, 0]
        if not bool(has.any()):
            return emissions.sum() * 0.0
        e, t, m = emissions[has].float(), tags[has], mask[has]
        return (self.log_partition(e, m) - self.score(e, t, m)).mean()

    @torch.no_grad()
    def viterbi(self, emissions: torch.Tensor, mask: torch.Tensor) -> list[list[int]]:
        B, W, _ = emissions.shape
        score = self.start[None] + emissions[:, 0]
        history = []
        for i in range(1, W):
            cand = score[:, :, None] + self.transitions[None]  # [B, from, to]
            best, idx = cand.max(dim=1)
            nxt = best + emissions[:, i]
            score = torch.where(mask[:, i, None], nxt, score)
            history.append(idx)
        score = score + self.end[None]
        lengths = mask.sum(1).tolist()
        out: list[list[int]] = []
        for b in range(B):
            n = int(lengths[b])
            if n == 0:
                out.append([])
                continue
            tag = int(score[b].argmax())
            path = [tag]
            for i in range(n - 1, 0, -1):
                tag = int(history[i - 1][b, tag])
                path.append(tag)
            out.append(path[::-1])
        return out


def gather_words(values: torch.Tensor, labels: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Compact positions with a label (first subwords) to the left: -> (values [B,W,...], tags, mask)."""
    valid = labels != IGNORE_INDEX
    T = labels.shape[1]
    W = max(int(valid.sum(1).max()), 1)
    key = (~valid).long() * T + torch.arange(T, device=labels.device)[None]
    order = key.argsort(dim=1)[:, :W]
    mask = valid.gather(1, order)
    tags = labels.gather(1, order).clamp(min=0)
    idx = order.unsqueeze(-1).expand(-1, -1, values.shape[-1])
    return values.gather(1, idx), tags, mask


class AddrNet(nn.Module):
    def __init__(self, cfg: ModelConfig, crf: bool = False) -> None:
        super().__init__()
        if cfg.vocab_size <= 0:
            raise ValueError("ModelConfig.vocab_size must be set (from the tokenizer)")
        self.cfg = cfg
        self.encoder = Encoder(cfg)
        self.drop = nn.Dropout(cfg.dropout)
        self.tag_head = nn.Linear(cfg.d_model, NUM_TAGS)
        self.crf = CRF(NUM_TAGS) if crf else None
        self.mlm_ln = nn.LayerNorm(cfg.d_model)
        self.mlm_dense = nn.Linear(cfg.d_model, cfg.d_model)
        self.mlm_bias = nn.Parameter(torch.zeros(cfg.vocab_size))
        self.mlm_out = None if cfg.tie_mlm_head else nn.Linear(cfg.d_model, cfg.vocab_size, bias=False)
        self.apply(self._init)

    @staticmethod
    def _init(m: nn.Module) -> None:
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, std=0.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, std=0.02)

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        labels: torch.Tensor | None = None,
        mlm_labels: torch.Tensor | None = None,
        label_smoothing: float = 0.0,
        crf_loss_weight: float = 0.0,
        teacher_logits: torch.Tensor | None = None,
        distill_weight: float = 0.0,
        distill_temperature: float = 2.0,
    ) -> torch.Tensor:
        """Tag logits [B, T, NUM_TAGS] (the exported graph); with ``labels`` the tagging loss, with
        ``mlm_labels`` the masked-LM loss. Losses are computed inside ``forward`` so that a DDP-wrapped
        model sees every parameter it must synchronise (CRF included). With ``teacher_logits`` and
        ``distill_weight`` w > 0 the tagging loss is (1 - w) CE + w tau^2 KL(teacher || student) at temperature tau,
        over the labelled (first-subword) positions."""
        if mlm_labels is not None:
            return self.mlm_loss(input_ids, attention_mask, mlm_labels)
        logits = self.tag_head(self.drop(self.encoder(input_ids, attention_mask)))
        if labels is None:
            return logits
        loss = self.loss(logits, labels, label_smoothing, crf_loss_weight)
        if teacher_logits is not None and distill_weight > 0:
            sel = labels != IGNORE_INDEX
            tau = distill_temperature
            kl = F.kl_div(F.log_softmax(logits[sel].float() / tau, -1), F.log_softmax(teacher_logits[sel].float() / tau, -1),
                          log_target=True, reduction="batchmean")
            loss = (1 - distill_weight) * loss + distill_weight * tau * tau * kl
        return loss

    def loss(
        self,
        logits: torch.Tensor,
        labels: torch.Tensor,
        label_smoothing: float = 0.0,
        crf_loss_weight: float = 0.0,
    ) -> torch.Tensor:
        """Tagging loss from ``forward`` logits: CE at first subwords (+ weighted CRF NLL over words)."""
        loss = F.cross_entropy(
            logits.float().reshape(-1, NUM_TAGS),
            labels.reshape(-1),
            ignore_index=IGNORE_INDEX,
            label_smoothing=label_smoothing,
        )
        if self.crf is not None and crf_loss_weight > 0:
            emissions, tags, mask = gather_words(logits.float(), labels)
            loss = loss + crf_loss_weight * self.crf.nll(emissions, tags, mask)
        return loss

    def forward_mlm(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        h = self.mlm_ln(F.gelu(self.mlm_dense(self.encoder(input_ids, attention_mask))))
        weight = self.encoder.tok_emb.weight if self.mlm_out is None else self.mlm_out.weight
        return F.linear(h, weight, self.mlm_bias)

    def mlm_loss(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        # only score masked positions: cheaper than the full [B,T,V] projection
        h = self.encoder(input_ids, attention_mask)
        sel = labels != IGNORE_INDEX
        hm = self.mlm_ln(F.gelu(self.mlm_dense(h[sel])))
        weight = self.encoder.tok_emb.weight if self.mlm_out is None else self.mlm_out.weight
        logits = F.linear(hm, weight, self.mlm_bias)
        return F.cross_entropy(logits.float(), labels[sel])

    def crf_params(self) -> dict[str, list] | None:
        if self.crf is None:
            return None
        return {
            "crf_transitions": self.crf.transitions.detach().float().cpu().tolist(),
            "crf_start": self.crf.start.detach().float().cpu().tolist(),
            "crf_end": self.crf.end.detach().float().cpu().tolist(),
        }


def encoder_state(state_dict: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """The encoder-only part of a model state dict (what ``init_from`` loads)."""
    return {k: v for k, v in state_dict.items() if k.startswith("encoder.")}
