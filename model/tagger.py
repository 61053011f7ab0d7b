"""Serving-side tagger: ONNX Runtime over an arm artifact folder.

``Tagger.load(folder, intra_threads, inter_threads)`` verifies the artifact (``model.artifact``) and
opens one ``InferenceSession`` (all graph optimizations on). ``parse_batch(texts)`` runs:
normalize -> ``split_words`` -> ``WordTokenizer.encode_words`` (cached per word) -> ONNX -> logits
gathered at each word's first subword -> softmax -> decode (constrained Viterbi, ``model.decode``) -> a
re-reading of rows with a place span that no source knows (``model.places``, when the arm ships
``places.npy``) -> components and (unless ``tokens=False``) tokens.

A batch is sorted by subword length and cut into ONNX runs (``plan_runs``: at most ``BUCKET`` texts; a
new run when padding the current one to a longer text would cost more than a run's fixed overhead), so
a run pads little; answers keep the input order. The fp32 graph gives a text the same logits
whatever else is in its batch, so bucketing changes no parse (``tests/test_served_parses.py``). A batch of
at most ``MERGED_DECODE_MAX`` texts (a /parse micro-batch) decodes its runs' word logits in one call.

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

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from model.artifact import Artifact, load_artifact
from model.calibration import Calibrator
from model.decode import CRFParams, alternatives, decode, row_spans, tag_spans
from model.labels import LABELS, OUTSIDE, TAGS
from model.normalize import SEPARATORS, Word, normalize, split_words, trim_span
from model.places import PLACE_K, PLACE_LABELS, fewer_unknown, shared_table
from model.tokenize import WordTokenizer

BATCH_SESSION_MIN = 16  # texts per call from which the batch session runs
BUCKET = 64  # most texts per ONNX run
# the fixed cost of one ONNX run, in padded tokens (measured: ~160 us a run, ~13 us a token on one thread)
RUN_COST_TOKENS = 16
_SPAN_LABELS = list(LABELS)
_LABEL_INDEX = {label: i for i, label in enumerate(LABELS)}
_IS_PLACE = np.array([label in PLACE_LABELS for label in LABELS])  # label id -> a place label?
SMALL_RUN = 4  # runs of fewer texts build their results row by row
# batches of at most this many texts (the /parse micro-batches) decode their ONNX runs' logits together: one
# decode and one pass of span finding per batch rather than per run (padding a large batch's rows to its
# longest would cost more than a run's decode)
MERGED_DECODE_MAX = BUCKET


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


def _tokens(ws: list[Word], row_tags: list[int], row_max_p: list[float], n: int) -> list[TokenTag]:
    """The token list of one row: its first ``n`` words tagged, the rest (past ``max_len``) ``O`` at 0.0."""
    toks = [TokenTag(w.text, w.start, w.end, TAGS[t], c) for w, t, c in zip(ws, row_tags[:n], row_max_p, strict=False)]
    toks.extend(TokenTag(w.text, w.start, w.end, OUTSIDE, 0.0) for w in ws[n:])
    return toks


def _address_words(text: str) -> list[Word]:
    """``split_words``, except that a text of separators alone ("," ";", as a blank line becomes) has no words: it
    names nothing, as a text of spaces does."""
    ws = split_words(text)
    return ws if any(w.text not in SEPARATORS for w in ws) else []


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
        self._cal_maps: list[tuple[np.ndarray, np.ndarray] | None] | None = None  # per label id, made on first use
        # a place span that no source knows: re-read with the k best paths (model/places.py); off unless the
        # arm ships places.npy and labels.json's decode.place_ratio
        ratio = (artifact.labels.get("decode") or {}).get("place_ratio")
        places = artifact.places_path
        self.places = shared_table(str(places), artifact.manifest["files"][places.name]) \
            if places is not None and ratio is not None else None
        self.place_ratio = float(ratio) if ratio is not None else 1.0

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
        gathered, counts = self._logits(enc, len(words))
        return gathered, counts, enc

    def parse_batch(self, texts: list[str], tokens: bool = True) -> list[ParseResult]:
        """Parse ``texts`` (answers in input order); ``tokens=False`` leaves ``ParseResult.tokens`` empty."""
        if not texts:
            return []
        norm = [normalize(t) for t in texts]
        words = [_address_words(t) for t in norm]
        # subword ids of every word, looked up once (cached per word): for the buckets and the ONNX input
        ids = self.tokenizer.word_ids([w.text for ws in words for w in ws])
        if len(texts) == 1:
            return self._parse_run(norm, words, tokens, ids)
        # runs of similar subword length: less padding per ONNX run
        max_len = self.tokenizer.max_len
        offsets = [0]
        for ws in words:
            offsets.append(offsets[-1] + len(ws))
        sizes = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
        # subwords per text from a running sum (a text without words, anywhere in the batch, gets 0)
        csum = np.zeros(len(sizes) + 1, dtype=np.int64)
        np.cumsum(sizes, out=csum[1:])
        bounds = np.asarray(offsets, dtype=np.int64)
        totals = csum[bounds[1:]] - csum[bounds[:-1]]
        lengths = np.minimum(totals, max_len).tolist()
        order = sorted(range(len(texts)), key=lengths.__getitem__)
        out: list[ParseResult | None] = [None] * len(texts)
        runs = plan_runs(order, lengths, BUCKET, RUN_COST_TOKENS)
        run_words = [[words[j] for j in run] for run in runs]
        run_ids = [[w for j in run for w in ids[offsets[j] : offsets[j + 1]]] for run in runs]
        groups: list[tuple[list[int], list[ParseResult]]]
        if len(texts) <= MERGED_DECODE_MAX and len(runs) > 1:  # a micro-batch: its runs decoded at once
            idx = [j for run in runs for j in run]
            parts = [self._run_logits(ws, rid) for ws, rid in zip(run_words, run_ids, strict=True)]
            logits = np.zeros((len(idx), max(g.shape[1] for g, _ in parts), parts[0][0].shape[2]), dtype=np.float32)
            k = 0
            for g, _ in parts:
                logits[k : k + g.shape[0], : g.shape[1]] = g
                k += g.shape[0]
            counts = np.concatenate([c for _, c in parts])
            groups = [(idx, self._results([norm[j] for j in idx], [words[j] for j in idx], tokens, logits, counts))]
        else:
            groups = [(run, self._parse_run([norm[j] for j in run], ws, tokens, rid))
                      for run, ws, rid in zip(runs, run_words, run_ids, strict=True)]
        for group, results in groups:
            for j, r in zip(group, results, strict=True):
                out[j] = r
        return out  # type: ignore[return-value]  # every slot is filled

    def _run_logits(self, words: list[list[Word]], ids: list[list[int]] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """One ONNX run over already split texts (``ids``: their words' subword ids): (logits at words
        [B, W, K], kept word counts [B])."""
        if ids is not None and self.tokenizer.packs_word_ids(ids):
            enc = self.tokenizer.pack_word_ids(ids, [len(ws) for ws in words])
        else:
            enc = self.tokenizer.encode_words([[w.text for w in ws] for ws in words], ids)
        return self._logits(enc, len(words))

    def _parse_run(self, norm: list[str], words: list[list[Word]], tokens: bool,
                   ids: list[list[int]] | None = None) -> list[ParseResult]:
        """One ONNX run over already normalized and split texts (``ids``: their words' subword ids)."""
        return self._results(norm, words, tokens, *self._run_logits(words, ids))

    def _results(self, norm: list[str], words: list[list[Word]], tokens: bool, logits: np.ndarray,
                 counts: np.ndarray) -> list[ParseResult]:
        """Decode word logits [B, W, K] (rows past their ``counts`` are padding) into the texts' results."""
        tags, probs = decode(logits, counts, self.crf, temperature=self.temperature)
        B, W = tags.shape
        spans = row_spans(tags, counts) if B >= SMALL_RUN else None
        if self.places is not None and self._agree(norm, words, tags, logits, counts, spans) and spans is not None:
            spans = row_spans(tags, counts)
        tag_p = probs[np.arange(B)[:, None], np.arange(W)[None, :], tags]  # [B, W]: the chosen tag's probability
        max_p = probs.max(axis=-1).tolist() if tokens else None
        all_tags = tags.tolist() if tokens or B < SMALL_RUN else None
        if spans is None:  # a few rows: a Python loop costs less than the vectorized span finding
            return self._results_small(norm, words, all_tags, tag_p.tolist(), counts.tolist(), max_p)  # type: ignore[arg-type]
        rows, first, last, labels = spans
        # a component's confidence: the least probability of its words' tags (as float32 -> float, exactly)
        flat = np.append(tag_p.ravel(), np.float32(0))
        bounds = np.empty(2 * len(rows), dtype=np.int64)
        bounds[0::2] = rows * W + first
        bounds[1::2] = rows * W + last + 1
        conf = np.minimum.reduceat(flat, bounds)[0::2].astype(np.float64) if len(rows) else np.zeros(0)
        if self.calibrator is not None:
            conf = self._calibrate(labels, conf)
        conf_l, first_l, last_l, label_l = conf.tolist(), first.tolist(), last.tolist(), labels.tolist()
        per_row = np.searchsorted(rows, np.arange(B + 1)).tolist()
        names = _SPAN_LABELS
        out: list[ParseResult] = []
        for b, (text, ws) in enumerate(zip(norm, words, strict=True)):
            comps = []
            for k in range(per_row[b], per_row[b + 1]):
                a, z = trim_span(text, ws[first_l[k]].start, ws[last_l[k]].end, names[label_l[k]])
                if a == z:  # punctuation alone names nothing
                    continue
                comps.append(Component(names[label_l[k]], text[a:z], a, z, conf_l[k]))
            toks = _tokens(ws, all_tags[b], max_p[b], int(counts[b])) if max_p is not None and all_tags else []
            out.append(ParseResult(text, comps, toks))
        return out

    def _agree(self, norm: list[str], words: list[list[Word]], tags: np.ndarray, logits: np.ndarray,
               counts: np.ndarray, spans: tuple[np.ndarray, ...] | None) -> bool:
        """Re-read (in ``tags``, in place) each row whose best path has a place span that ``self.places``
        does not know (``model.places.fewer_unknown``); ``spans``: ``row_spans(tags, counts)``, or None
        for a few rows. True when a row changed."""
        places = self.places
        assert places is not None
        if spans is None:
            found = [(b, label, a, z) for b in range(tags.shape[0]) for label, a, z in tag_spans(tags[b, : counts[b]].tolist())
                     if label in PLACE_LABELS]
        else:
            rows, first, last, labels = spans
            sel = _IS_PLACE[labels]
            found = list(zip(rows[sel].tolist(), [_SPAN_LABELS[i] for i in labels[sel].tolist()], first[sel].tolist(),
                             last[sel].tolist(), strict=True))
        if not found:
            return False
        known = places.known([norm[b][words[b][a].start : words[b][z].end] for b, _, a, z in found],
                             [label for _, label, _, _ in found])
        changed = False
        for b in sorted({found[i][0] for i in np.flatnonzero(~known).tolist()}):
            n = int(counts[b])
            paths = alternatives(logits[b], n, self.crf, temperature=self.temperature, k=PLACE_K,
                                 span_labels=False)["paths"]
            q = self._choose(norm[b], words[b])(paths)
            if q is not None:
                tags[b, :n] = q["tags"]
                changed = True
        return changed

    def _choose(self, norm: str, ws: list[Word]) -> Callable[[list[dict[str, Any]]], dict[str, Any] | None]:
        """``alternatives``' ``choose`` for one text: ``model.places.fewer_unknown`` with this arm's table."""
        places = self.places
        assert places is not None

        def unknown(spans: list[tuple[str, int, int]]) -> int:
            named = [(label, norm[ws[a].start : ws[z].end]) for label, a, z in spans if label in PLACE_LABELS]
            return int((~places.known([n for _, n in named], [lab for lab, _ in named])).sum()) if named else 0

        return lambda paths: fewer_unknown(paths[:PLACE_K], unknown, self.place_ratio)

    def _results_small(self, norm: list[str], words: list[list[Word]], all_tags: list[list[int]],
                       tag_p: list[list[float]], counts: list[int], max_p: list[list[float]] | None) -> list[ParseResult]:
        """``_parse_run``'s results row by row (``tag_spans``; the same values as the vectorized path)."""
        cal = self._calibration_maps() if self.calibrator is not None else None
        out: list[ParseResult] = []
        for b, (text, ws) in enumerate(zip(norm, words, strict=True)):
            n = counts[b]
            row_p = tag_p[b]
            comps = []
            for label, a, z in tag_spans(all_tags[b][:n]):
                conf = min(row_p[a : z + 1])
                if cal is not None:
                    m = cal[_LABEL_INDEX[label]]
                    if m is not None:
                        conf = float(np.interp(conf, m[0], m[1]))
                start, end = trim_span(text, ws[a].start, ws[z].end, label)
                if start == end:
                    continue
                comps.append(Component(label, text[start:end], start, end, conf))
            toks = _tokens(ws, all_tags[b], max_p[b], n) if max_p is not None else []
            out.append(ParseResult(text, comps, toks))
        return out

    def _logits(self, enc: Any, rows: int) -> tuple[np.ndarray, np.ndarray]:
        session = self.batch_session if rows >= BATCH_SESSION_MIN else self.session
        (logits,) = session.run(["logits"], {"input_ids": enc.input_ids, "attention_mask": enc.attention_mask})
        first = enc.first_subword
        gathered = logits[np.arange(first.shape[0])[:, None], np.maximum(first, 0)]  # [B, W, K]
        return gathered, np.asarray(enc.word_counts, dtype=np.int64)

    def _calibration_maps(self) -> list[tuple[np.ndarray, np.ndarray] | None]:
        """The calibrator's map of each label id as arrays (None: the confidence stays), made on first use."""
        cal = self._cal_maps
        if cal is None:
            assert self.calibrator is not None
            default = self.calibrator.default
            cal = []
            for lab in LABELS:
                m = self.calibrator.maps.get(lab) or default
                cal.append((np.asarray(m[0], dtype=np.float64), np.asarray(m[1], dtype=np.float64))
                           if m and m[0] else None)
            self._cal_maps = cal
        return cal

    def _calibrate(self, labels: np.ndarray, conf: np.ndarray) -> np.ndarray:
        """``self.calibrator(label, conf)`` for every span, one ``np.interp`` per label present."""
        cal = self._calibration_maps()
        out = conf.copy()
        for li in np.unique(labels).tolist():
            m = cal[li]
            if m is not None:
                sel = labels == li
                out[sel] = np.interp(conf[sel], m[0], m[1])
        return out

    def parse(self, text: str) -> ParseResult:
        return self.parse_batch([text])[0]

    def parse_alternatives(self, text: str, k: int = 5) -> dict[str, Any]:
        """Readings of one text for the resolver (``model.decode.alternatives``), with character offsets:
        ``{"text", "paths": [{"prob", "score", "components": [{"label", "value", "start", "end"}]}],
        "span_labels": [{"label", "value", "start", "end", "labels": [(label, prob), ...]}]}``."""
        norm = normalize(text)
        ws = _address_words(norm)
        logits, counts, _ = self.word_logits([[w.text for w in ws]])
        kk = max(k, PLACE_K) if self.places is not None else k  # the paths /parse reads, at least
        alt = alternatives(logits[0], int(counts[0]), self.crf, temperature=self.temperature, k=kk,
                           choose=self._choose(norm, ws) if self.places is not None else None)
        alt["paths"] = alt["paths"][:k]

        def comp(label: str, a: int, z: int) -> dict[str, Any]:
            start, end = trim_span(norm, ws[a].start, ws[z].end, label)
            return {"label": label, "value": norm[start:end], "start": start, "end": end}

        paths = [{"prob": p["prob"], "score": p["score"],
                  "components": [c for s in p["spans"] if (c := comp(*s))["value"]]} for p in alt["paths"]]
        best = alt["paths"][0]["spans"] if alt["paths"] else []
        spans = [c | {"labels": labs} for s, labs in zip(best, alt["span_labels"], strict=True)
                 if (c := comp(*s))["value"]]  # punctuation alone names nothing
        return {"text": norm, "paths": paths, "span_labels": spans}


__all__ = ["Component", "ParseResult", "Tagger", "TokenTag"]
