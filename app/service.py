"""The serving core behind /parse, /parse/batch and /resolve: parsing, resolving and shadow submission.

Routes validate the request, take their dependencies (arm, database connection, this service) and make
one call here. What pays on this path (``addrnet bench means`` measures each; README "Measured"):

- ``/parse`` runs on the event loop (no thread-pool hop: the work is ~1 ms). Concurrent requests for one
  arm share one ONNX run: a request joins the pending list of its arm and the list is parsed
  ``FLUSH_TURNS`` turns of the loop later (``parse_batch_wait_ms`` > 0 waits that long for more while the
  worker is busy), at most ``parse_batch_max`` texts at once, cut into ONNX runs by length
  (``model.tagger.plan_runs``). The requests of a burst reach the batcher over a few turns (read in one,
  handled in the next): at /parse c32 on 2 workers, runs of ~6 texts when parsed on the next turn, ~14
  two turns later, at 15% less CPU per request. A list waits the two turns only when the last run had
  company (a lone client keeps the next-turn latency).
- Answers of ``/parse`` for recent texts come from an LRU cache (``parse_cache_size`` entries per
  process; 0 = off), keyed by arm, text and ``tokens``.
- The answers of one run are built together (``payloads``: one ``round6`` for all their confidences) and each
  body is encoded once with orjson, without the per-token list unless the client asks (``?tokens=true``).
- ``/parse/batch`` texts go to ``Tagger.parse_batch`` in runs of similar length, on one thread of the
  worker's own (a 1,000-text batch must not stall the loop's other requests): one hop per batch, and the
  batches a worker gets at once run one after the other (two at once in one process only fight over the
  GIL: measured 0.76x the speed of one after the other). Meanwhile the worker accepts no new connection
  (``app.workers.hold``: with ``serve --workers N`` they go to idle workers).
- ``/resolve`` parses its text through the ``/parse`` micro-batcher, then resolves on the event loop (SQLite)
  or in one thread-pool call (a database server; ``app.routes.resolve``); the resolver call (``lookup``)
  is a pass-through to ``resolver.readings.geocode``.

Every answered request of a shadowed arm is handed to ``app.shadow.ShadowRunner.submit_request``.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Generic, TypeVar

import numpy as np
import orjson
from fastapi import Response
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from app import workers
from app.arms import all_finite
from app.errors import APIError, public_reason
from app.observe import ARM_HEADER
from app.schemas import ResolveRequest
from app.state import AppState
from model.labels import LABELS
from model.tagger import ParseResult, Tagger
from resolver.components import COMPONENTS as RESOLVE_LABELS
from resolver.readings import Reading, from_parse, geocode

JSON = "application/json"
FLUSH_TURNS = 2  # extra loop turns a new pending list waits for company after a run that had some (no timer)
R = TypeVar("R")  # what a micro-batcher answers per text


def json_response(body: Any, arm: str) -> Response:
    return Response(orjson.dumps(body), media_type=JSON, headers={ARM_HEADER: arm})


class ParseCache:
    """LRU of recent ``/parse`` answers (used from the event loop only)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[tuple[str, str, bool], dict[str, Any]] = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key: tuple[str, str, bool]) -> dict[str, Any] | None:
        item = self.items.get(key)
        if item is None:
            self.misses += 1
            return None
        self.items.move_to_end(key)
        self.hits += 1
        return item

    def put(self, key: tuple[str, str, bool], value: dict[str, Any]) -> None:
        if self.size <= 0:
            return
        self.items[key] = value
        if len(self.items) > self.size:
            self.items.popitem(last=False)


class MicroBatcher(Generic[R]):
    """Concurrent ``/parse`` requests for one arm share one ONNX run (event loop only): ``run(texts, tokens)``
    gives each text's answer (``tokens``: some request of the list asked for the token list)."""

    def __init__(self, run: Callable[[list[str], bool], list[R]], max_batch: int, wait_s: float) -> None:
        self.run, self.max_batch, self.wait_s = run, max(1, max_batch), wait_s
        self.pending: list[tuple[str, bool, asyncio.Future[R]]] = []
        self.scheduled = False
        self.runs = self.texts = 0
        self._last_run = 0.0
        self._last_size = 0

    async def parse(self, text: str, tokens: bool) -> R:
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[R] = loop.create_future()
        self.pending.append((text, tokens, fut))
        if len(self.pending) >= self.max_batch:
            self.flush()
        elif not self.scheduled:
            self.scheduled = True
            # wait for company only while the worker is busy (a run ended within the wait): else the
            # list is parsed FLUSH_TURNS turns of the loop later when the last run had company (one
            # client at a time: on the next turn)
            busy = self.wait_s > 0 and time.perf_counter() - self._last_run < self.wait_s
            if busy:
                loop.call_later(self.wait_s, self.flush)
            else:
                loop.call_soon(self._turn, loop, FLUSH_TURNS if self._last_size > 1 else 0)
        return await fut

    def _turn(self, loop: asyncio.AbstractEventLoop, turns: int) -> None:
        """Flush after ``turns`` more turns of the loop (nothing when a full list was flushed meanwhile)."""
        if turns > 0 and self.scheduled:
            loop.call_soon(self._turn, loop, turns - 1)
        elif self.scheduled:
            self.flush()

    def flush(self) -> None:
        self.scheduled = False
        batch, self.pending = self.pending, []
        if not batch:
            return
        try:
            results = self.run([t for t, _, _ in batch], any(tok for _, tok, _ in batch))
        except Exception as exc:  # every waiting request gets the error
            for _, _, fut in batch:
                if not fut.done():
                    fut.set_exception(exc)
        else:
            for (_, _, fut), r in zip(batch, results, strict=True):
                if not fut.done():
                    fut.set_result(r)
        self.runs += 1
        self.texts += len(batch)
        self._last_size = len(batch)
        self._last_run = time.perf_counter()


class Service:
    def __init__(self, state: AppState) -> None:
        self.state = state
        s = state.settings
        self.cache = ParseCache(s.parse_cache_size)
        self.max_batch = s.parse_batch_max
        self.wait_s = s.parse_batch_wait_ms / 1000
        self.batchers: dict[str, MicroBatcher[dict[str, Any]]] = {}
        self._info: dict[str, dict[str, str]] = {}
        self._timers: dict[str, Any] = {}  # labelled inference histograms, one per arm
        self._batch_pool: ThreadPoolExecutor | None = None  # /parse/batch: one thread, made on first use

    # -- payloads ------------------------------------------------------------------------------------------
    def model_info(self, tagger: Tagger) -> dict[str, str]:
        info = self._info.get(tagger.name)
        if info is None:
            m = tagger.manifest
            info = self._info[tagger.name] = {
                "arm": tagger.name,
                "version": str(m.get("version", "")),
                "corpus": str(m.get("corpus_version", "")),
                "tokenizer": str(m.get("tokenizer_version", "")),
            }
        return info

    def payloads(self, results: list[ParseResult], tagger: Tagger, tokens: bool) -> list[dict[str, Any]]:
        """The JSON answers of parses: confidences rounded to 6 decimals (``round6``, all at once)."""
        info = self.model_info(tagger)
        conf = iter(round6([c.confidence for r in results for c in r.components]))
        out = [{"text": r.text, "arm": tagger.name, "model": info, "components": [
            {"label": c.label, "value": c.value, "start": c.start, "end": c.end, "confidence": next(conf)}
            for c in r.components]} for r in results]
        if tokens:
            tconf = iter(round6([t.confidence for r in results for t in r.tokens]))
            for p, r in zip(out, results, strict=True):
                p["tokens"] = [{"text": t.text, "start": t.start, "end": t.end, "label": t.label, "confidence": next(tconf)}
                               for t in r.tokens]
        return out

    # -- parsing -------------------------------------------------------------------------------------------
    def parse_results(self, tagger: Tagger, texts: list[str], tokens: bool) -> list[ParseResult]:
        """``tagger.parse_batch`` with the inference metric and the finite-output guard (any thread)."""
        t0 = time.perf_counter()
        results = tagger.parse_batch(texts, tokens=tokens)
        timer = self._timers.get(tagger.name)
        if timer is None:
            timer = self._timers[tagger.name] = self.state.metrics.inference.labels(tagger.name)
        timer.observe(time.perf_counter() - t0)
        if not all_finite(results):  # never emit NaN (or null where the schema says number)
            raise APIError(503, "arm_output_invalid", f"arm {tagger.name!r} returned non-finite confidences")
        return results

    def parse_payloads(self, tagger: Tagger, texts: list[str], tokens: bool = False) -> list[dict[str, Any]]:
        return self.payloads(self.parse_results(tagger, texts, tokens), tagger, tokens)

    def _batcher(self, tagger: Tagger) -> MicroBatcher[dict[str, Any]]:
        """The arm's micro-batcher: its answers are the payloads of a list, made together (one ``round6``)."""
        b = self.batchers.get(tagger.name)
        if b is None:
            b = self.batchers[tagger.name] = MicroBatcher(
                lambda texts, tokens: self.parse_payloads(tagger, texts, tokens), self.max_batch, self.wait_s)
        return b

    async def _payload(self, tagger: Tagger, text: str, tokens: bool) -> dict[str, Any]:
        """The payload of ``text`` (event loop): the ``/parse`` LRU, else the arm's micro-batcher (one ONNX run
        shared with concurrent ``/parse`` and ``/resolve`` requests), with the token list only if ``tokens``."""
        key = (tagger.name, text, tokens)
        body = self.cache.get(key)
        if body is None:
            body = await self._batcher(tagger).parse(text, tokens)
            if not tokens and "tokens" in body:  # another request of the list asked for it
                body = {k: v for k, v in body.items() if k != "tokens"}
            self.cache.put(key, body)
        return body

    async def parse(self, tagger: Tagger, text: str, tokens: bool) -> Response:
        """POST /parse (event loop)."""
        return Response(await self.parse_body(tagger, text, tokens), media_type=JSON, headers={ARM_HEADER: tagger.name})

    async def parse_body(self, tagger: Tagger, text: str, tokens: bool) -> bytes:
        """The body of POST /parse's answer (event loop; ``app.fastpath`` sends it as it is)."""
        t0 = time.perf_counter()
        body = await self._payload(tagger, text, tokens)
        if self.state.shadow is not None:
            self.submit_shadow("parse", [text], tagger.name, [body], (time.perf_counter() - t0) * 1000,
                               lambda other, _idx: self.parse_payloads(other, [text]))
        return orjson.dumps(body)

    async def parse_batch_async(self, tagger: Tagger, texts: list[str], tokens: bool) -> Response:
        """POST /parse/batch (event loop): the batch limit (413, before any hop), then ``parse_batch`` on the
        worker's batch thread."""
        limit = self.state.settings.max_batch
        if len(texts) > limit:
            raise APIError(413, "batch_too_large", f"batch holds {len(texts)} texts; the limit is {limit}")
        if self._batch_pool is None:
            self._batch_pool = ThreadPoolExecutor(1, thread_name_prefix="addrnet-batch")
        workers.hold()  # meanwhile new connections go to idle workers (app.workers, accept "gated")
        try:
            return await asyncio.get_running_loop().run_in_executor(self._batch_pool, self.parse_batch, tagger,
                                                                    texts, tokens)
        finally:
            workers.release()

    def close(self) -> None:
        if self._batch_pool is not None:
            self._batch_pool.shutdown(wait=True)
            self._batch_pool = None

    def parse_batch(self, tagger: Tagger, texts: list[str], tokens: bool) -> Response:
        """POST /parse/batch (the batch thread)."""
        t0 = time.perf_counter()
        results = self.parse_payloads(tagger, texts, tokens)
        ms = (time.perf_counter() - t0) * 1000
        self.submit_shadow("parse/batch", texts, tagger.name, results, ms / max(1, len(texts)),
                           lambda other, idx: self.parse_payloads(other, [texts[i] for i in idx]))
        return json_response({"results": results}, tagger.name)

    # -- resolving -----------------------------------------------------------------------------------------
    def lookup(self, conn: Connection, reading: Reading, country: str | None, limit: int,
               alternatives: Callable[[], dict[str, Any]] | None = None) -> dict[str, Any]:
        """The resolver call (a pass-through to ``resolver.readings.geocode``): ``results`` and ``reading``."""
        if country is not None and not (len(country) == 2 and country.isalpha()):  # a name the gazetteer may know
            reading = Reading({**reading.components, "country": country}, reading.probability, reading.confidences)
            country = None
        try:
            return geocode(conn, reading, alternatives=alternatives, country=country, limit=limit).payload()
        except SQLAlchemyError as exc:
            raise APIError(503, "database_unavailable", public_reason(exc)) from None
        except ValueError as exc:
            raise APIError(422, "invalid_components", str(exc)) from None

    async def parse_for_resolve(self, tagger: Tagger, text: str) -> dict[str, Any]:
        """The parse of a ``/resolve`` text (event loop): the payload ``/parse`` answers (``_payload``)."""
        return await self._payload(tagger, text, False)

    def run_resolve(self, conn: Connection, tagger: Tagger | None, req: ResolveRequest,
                    parse: dict[str, Any] | None = None) -> dict[str, Any]:
        """``parse``: the text's parse when the caller has it (``parse_for_resolve``), else parsed here."""
        alternatives = None
        if req.text is not None:
            assert tagger is not None
            if parse is None:
                parse = self.parse_payloads(tagger, [req.text])[0]
            reading = from_parse(parse["components"], text=req.text)  # over-long spans are left out, never a 422
            text = req.text
            alternatives = (lambda: tagger.parse_alternatives(text)) if hasattr(tagger, "parse_alternatives") else None
        else:
            reading = Reading({k: v for k, v in (req.components or {}).items() if k in RESOLVE_LABELS and v.strip()},
                              source="components")
        return {"parse": parse, **self.lookup(conn, reading, req.country, req.limit, alternatives)}

    def resolve(self, conn: Connection, tagger: Tagger | None, req: ResolveRequest,
                parse: dict[str, Any] | None = None, t0: float | None = None) -> Response:
        """POST /resolve (thread pool); ``parse`` and its start time ``t0`` when the route parsed on the loop."""
        t0 = time.perf_counter() if t0 is None else t0
        result = self.run_resolve(conn, tagger, req, parse)
        ms = (time.perf_counter() - t0) * 1000
        if tagger is not None:
            self.submit_shadow("resolve", [req.text or ""], tagger.name, [result], ms,
                               lambda other, _idx: [self._shadow_resolve(other, req)])
        elif req.components:  # the comparison arm parses the components joined into one line
            given = {k for k, v in req.components.items() if k in RESOLVE_LABELS and v}
            order = ("house_number", "street", "unit", "suburb", "city_district", "locality", "county", "region",
                     "postcode", "country")  # one address line
            line = ", ".join(req.components[k] for k in order if req.components.get(k))
            if line:
                as_text = req.model_copy(update={"text": line, "components": None})
                primary = {"parse": {"components": [{"label": k, "value": req.components[k]} for k in sorted(given)]},
                           "results": result["results"]}
                self.submit_shadow("resolve/components", [line], "components", [primary], ms,
                                   lambda other, _idx: [self._shadow_resolve(other, as_text)],
                                   only=given | {"top_place"})
        return json_response(result, tagger.name if tagger else "-")

    def _shadow_resolve(self, tagger: Tagger, req: ResolveRequest) -> dict[str, Any]:
        engine = self.state.engine
        if engine is None:
            raise APIError(503, "database_unavailable", self.state.engine_error or "no database configured")
        with engine.connect() as conn:
            return self.run_resolve(conn, tagger, req)

    # -- shadow --------------------------------------------------------------------------------------------
    def submit_shadow(self, route: str, texts: Sequence[str], answered_arm: str, primary: Sequence[dict[str, Any]],
                      ms: float, run: Callable[[Tagger, list[int]], list[dict[str, Any]]],
                      only: set[str] | None = None) -> None:
        """Queue the comparison (``run(other tagger, indices of texts)``) after the response; see app/shadow.py."""
        if self.state.shadow is not None:
            self.state.shadow.submit_request(route, texts, answered_arm, primary, ms, run, only)


def round6(values: list[float]) -> list[float]:
    """``[round(v, 6) for v in values]``, at numpy's speed: ``rint(v * 1e6) / 1e6`` is Python's answer (the double
    nearest the decimal) unless the product's own rounding error could tip a near-half; those take ``round``."""
    if len(values) < 8:
        return [round(v, 6) for v in values]
    x = np.asarray(values, dtype=np.float64)
    with np.errstate(invalid="ignore"):  # inf - inf: taken by round below
        y = x * 1e6
        out = np.rint(y) / 1e6
        frac = y - np.floor(y)
    for i in np.flatnonzero(~(np.abs(frac - 0.5) > 1e-6)).tolist():  # near a half (or not finite)
        out[i] = round(values[i], 6)
    return out.tolist()  # type: ignore[no-any-return]


def components_from_parse(parse: dict[str, Any]) -> tuple[dict[str, str], dict[str, float]]:
    comps: dict[str, str] = {}
    conf: dict[str, float] = {}
    for c in parse["components"]:
        if c["label"] in RESOLVE_LABELS and c["label"] not in comps:
            comps[c["label"]] = c["value"]
            conf[c["label"]] = c["confidence"]
    return comps, conf


def check_components(components: dict[str, str] | None) -> None:
    unknown = sorted(set(components or {}) - set(LABELS))
    if unknown:
        raise APIError(422, "invalid_components", f"unknown component labels {unknown}; use {list(LABELS)}")
