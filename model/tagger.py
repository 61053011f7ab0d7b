"""Serving-side tagger: ONNX Runtime over an arm artifact folder.

``Tagger.load(folder, intra_threads, inter_threads)`` verifies the artifact (``model.artifact``) and
opens one ``InferenceSession`` (all graph optimizations on). ``parse_batch(texts)`` runs:
normalize -> ``split_words`` -> ``WordTokenizer.encode_words`` (cached per word) -> ONNX -> logits
gathered at each word's first subword -> softmax -> decode (constrained Viterbi, ``model.decode``) ->
components and (unless ``tokens=False``) tokens.

A batch is sorted by subword length and cut into ONNX runs (``plan_runs``: at most ``BUCKET`` texts; a
new run when padding the current one to a longer text would cost more than a run's fixed overhead), so
a run pads little; answers keep the input order. The fp32 graph gives a text the same logits
whatever else is in its batch, so bucketing changes no parse (``tests/test_served_parses.py``).

Confidences (after temperature scaling: ``softmax(logits / T)`` with ``T`` from the manifest, fitted on
the dev split at export; it never changes the predicted tags):
- a token's (word's) ``confidence`` is its maximum softmax probability over tags;
- a component's ``confidence`` is the minimum, over its words, of the softmax probability of the tag
  that was predicted for that word (with BIO repair or Viterbi this can be lower than the maximum);
- words past ``max_len`` subwords are not seen by the model: they get tag ``O`` and confidence 0.0.

A component's ``value`` is ``text[start:end]`` from its first word's start to its last word's end in the
normalized text (which ``ParseResult.text`` echoes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from model.artifact import Artifact, load_artifact
from model.calibration import Calibrator
from model.decode import CRFParams, alternatives, decode, tag_spans
from model.labels import OUTSIDE, TAGS
from model.normalize import Word, normalize, split_words
from model.tokenize import WordTokenizer

BATCH_SESSION_MIN = 16  # texts per call from which the batch session runs
BUCKET = 64  # most texts per ONNX run
# the fixed cost of one ONNX run, in padded tokens (measured: ~160 us a run, ~13 us a token on one thread)
RUN_COST_TOKENS = 16


@dataclass(slots=True)
class Component:
    label: str
    value: str
    start: int
    end: int
    confidence: float


@dataclass(slots=True)
class TokenTag:
    text: str
    start: int
    end: int
    label: str
    confidence: float


@dataclass(slots=True)
class ParseResult:
    text: str
    components: list[Component] = field(default_factory=list)
    tokens: list[TokenTag] = field(default_factory=list)


def plan_runs(order: list[int], lengths: list[int], bucket: int = BUCKET, run_cost: int = RUN_COST_TOKENS) -> list[list[int]]:
    """Split rows sorted by length into ONNX runs: a row joins the current run unless the padding it adds
    (``rows x`` the growth of the run's longest row) costs more than starting a new run (``run_cost``
    padded tokens); at most ``bucket`` rows a run."""
    runs: list[list[int]] = []
    cur: list[int] = []
    longest = 0
    for j in order:
        n = lengths[j]
        if cur and (len(cur) >= bucket or (n - longest) * len(cur) > run_cost):
            runs.append(cur)
            cur = []
        cur.append(j)
        longest = n
    if cur:
        runs.append(cur)
    return runs


class Tagger:
    def __init__(
        self, artifact: Artifact, intra_threads: int = 1, inter_threads: int = 1, batch_threads: int | None = None
    ) -> None:
        self.artifact = artifact
        self.manifest: dict[str, Any] = artifact.manifest
        self.name = artifact.name
        self.session = self._session(intra_threads, inter_threads)
        # large batches get their own session with more intra-op threads; single texts stay on one
        # thread, where extra threads only add synchronization latency
        self.batch_session = (
            self._session(batch_threads, inter_threads) if batch_threads and batch_threads != intra_threads else self.session
        )
        self.tokenizer = WordTokenizer.from_file(artifact.tokenizer_path, max_len=artifact.max_len)
        # constrained BIO decoding with the arm's transition scores and repeat penalties (model/decode.py)
        self.crf = CRFParams.for_labels(artifact.labels)
        # confidences are softmax(logits / temperature); fitted on dev at export (training/calibrate.py)
        self.temperature = float(artifact.manifest.get("temperature") or 1.0)
        # component confidences -> P(component right), per label, fitted on real text (model/calibration.py)
        self.calibrator = Calibrator.from_manifest(artifact.manifest)

    def _session(self, intra: int, inter: int) -> Any:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = intra
        opts.inter_op_num_threads = inter
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        if intra > 1:  # idle pool threads must not spin on cores that other workers use
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return ort.InferenceSession(str(self.artifact.model_path), opts, providers=["CPUExecutionProvider"])

    @classmethod
    def load(
        cls, folder: str | Path, intra_threads: int = 1, inter_threads: int = 1, batch_threads: int | None = None
    ) -> Tagger:
        return cls(load_artifact(folder), intra_threads=intra_threads, inter_threads=inter_threads,
                   batch_threads=batch_threads)

    def word_logits(self, words: list[list[str]]) -> tuple[np.ndarray, np.ndarray, Any]:
        """-> (logits at first subwords [B, W, K], kept word counts [B], the EncodedBatch)."""
        enc = self.tokenizer.encode_words(words)
        session = self.batch_session if len(words) >= BATCH_SESSION_MIN else self.session
        (logits,) = session.run(["logits"], {"input_ids": enc.input_ids, "attention_mask": enc.attention_mask})
        first = enc.first_subword
        rows = np.arange(first.shape[0])[:, None]
        gathered = logits[rows, np.maximum(first, 0)]  # [B, W, K]
        return gathered, np.asarray(enc.word_counts, dtype=np.int64), enc

    def parse_batch(self, texts: list[str], tokens: bool = True) -> list[ParseResult]:
        """Parse ``texts`` (answers in input order); ``tokens=False`` leaves ``ParseResult.tokens`` empty."""
        if not texts:
            return []
        norm = [normalize(t) for t in texts]
        words = [split_words(t) for t in norm]
        if len(texts) == 1:
            return self._parse_run(norm, words, tokens)
        # runs of similar subword length: less padding per ONNX run
        sizes = [len(ids) for ids in self.tokenizer.word_ids([w.text for ws in words for w in ws])]
        max_len = self.tokenizer.max_len
        lengths, k = [], 0
        for ws in words:
            lengths.append(min(max_len, sum(sizes[k : k + len(ws)])))
            k += len(ws)
        order = sorted(range(len(texts)), key=lengths.__getitem__)
        out: list[ParseResult | None] = [None] * len(texts)
        for idx in plan_runs(order, lengths, BUCKET, RUN_COST_TOKENS):
            for j, r in zip(idx, self._parse_run([norm[j] for j in idx], [words[j] for j in idx], tokens), strict=True):
                out[j] = r
        return out  # type: ignore[return-value]  # every slot is filled

    def _parse_run(self, norm: list[str], words: list[list[Word]], tokens: bool) -> list[ParseResult]:
        """One ONNX run over already normalized and split texts."""
        logits, counts, _ = self.word_logits([[w.text for w in ws] for ws in words])
        tags, probs = decode(logits, counts, self.crf, temperature=self.temperature)
        B, W = tags.shape
        tag_p = probs[np.arange(B)[:, None], np.arange(W)[None, :], tags].tolist()
        all_tags = tags.tolist()
        max_p = probs.max(axis=-1).tolist() if tokens else None
        out: list[ParseResult] = []
        for b, (text, ws) in enumerate(zip(norm, words, strict=True)):
            n = int(counts[b])
            row_tags = all_tags[b][:n]
            row_tag_p = tag_p[b]
            comps = [
                Component(label, text[ws[a].start : ws[z].end], ws[a].start, ws[z].end, min(row_tag_p[a : z + 1]))
                for label, a, z in tag_spans(row_tags)
            ]
            if self.calibrator is not None:
                for c in comps:
                    c.confidence = self.calibrator(c.label, c.confidence)
            toks: list[TokenTag] = []
            if max_p is not None:
                toks = [TokenTag(w.text, w.start, w.end, TAGS[t], c) for w, t, c in zip(ws, row_tags, max_p[b], strict=False)]
                toks.extend(TokenTag(w.text, w.start, w.end, OUTSIDE, 0.0) for w in ws[n:])
            out.append(ParseResult(text, comps, toks))
        return out

    def parse(self, text: str) -> ParseResult:
        return self.parse_batch([text])[0]

    def parse_alternatives(self, text: str, k: int = 5) -> dict[str, Any]:
        """Readings of one text for the resolver (``model.decode.alternatives``), with character offsets:
        ``{"text", "paths": [{"prob", "score", "components": [{"label", "value", "start", "end"}]}],
        "span_labels": [{"label", "value", "start", "end", "labels": [(label, prob), ...]}]}``."""
        norm = normalize(text)
        ws = split_words(norm)
        logits, counts, _ = self.word_logits([[w.text for w in ws]])
        alt = alternatives(logits[0], int(counts[0]), self.crf, temperature=self.temperature, k=k)

        def comp(label: str, a: int, z: int) -> dict[str, Any]:
            return {"label": label, "value": norm[ws[a].start : ws[z].end], "start": ws[a].start, "end": ws[z].end}

        paths = [{"prob": p["prob"], "score": p["score"], "components": [comp(*s) for s in p["spans"]]}
                 for p in alt["paths"]]
        best = alt["paths"][0]["spans"] if alt["paths"] else []
        spans = [comp(*s) | {"labels": labs} for s, labs in zip(best, alt["span_labels"], strict=True)]
        return {"text": norm, "paths": paths, "span_labels": spans}


__all__ = ["Component", "ParseResult", "Tagger", "TokenTag"]
