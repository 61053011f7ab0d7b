"""FastAPI application factory: thin routes over model/ (tagger) and resolver/ (gazetteer)."""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.telemetry import TelemetryConfig
from starlette.types import ASGIApp

from addrnet import __version__
from addrnet.settings import Settings, get_settings
from app import errors
from app.fastpath import FastParseFront, FastParseMiddleware
from app.limits import BodyLimitMiddleware
from app.observe import ObserveMiddleware
from app.routes import geo, ops, parse, resolve, ui
from app.state import AppState

log = logging.getLogger("addrnet")

DESCRIPTION = """Neural address parsing and geocoding.

* `POST /parse`: address text -> labelled components with character spans and confidences.
* `POST /resolve`: text or components -> ranked results (address, street, postcode, locality, region or country)
  with coordinates, accuracy and an explanation.
* `GET /reverse`: a coordinate -> the nearest address, street and locality with distances.
* `GET /v1/search`, `/v1/search/structured`, `/v1/reverse`: the same as Pelias-compatible GeoJSON.

Errors are `{"error": {"code": ..., "message": ...}}`.
"""


GC_GEN0_THRESHOLD = 10_000
# FastAPI's native OpenTelemetry off unless ``otel_telemetry``: with it on (FastAPI's default) every request first
# asks whether a tracer, meter or logger provider is configured, ~2% of a worker's CPU at /parse c32 with none
TELEMETRY_OFF: TelemetryConfig = {"tracing": False, "metrics": False, "logs": False}


def settle_gc() -> None:
    """The objects of the start (modules, the app, arms, vocabularies: ~85,000 of them) move out of the
    collector's reach (``gc.freeze``), so the full collections that request garbage triggers no longer walk
    them; and the first generation is collected every 10,000 allocations rather than 700. Measured on a
    1,000-text /parse/batch: 8-10 ms of collection per request before, ~1 ms after (``bench means``)."""
    gc.collect()
    gc.freeze()
    _, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(GC_GEN0_THRESHOLD, gen1, gen2)


class AddrnetAPI(FastAPI):
    """FastAPI with ``app.fastpath.FastParseFront`` around its whole middleware stack (FastAPI's error and
    body-size middleware included): the usual ``POST /parse`` is answered there, everything else goes on."""

    max_body_bytes = 0

    def build_middleware_stack(self) -> ASGIApp:
        return FastParseFront(super().build_middleware_stack(), self.max_body_bytes)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        t0 = time.perf_counter()
        state = AppState.build(settings)
        app.state.addrnet = state
        settle_gc()
        log.info("addrnet ready in %.2fs: arms %s, errors %s", time.perf_counter() - t0,
                 state.arms.loaded_names(), state.arms.errors_now())
        yield
        service = getattr(app.state, "service", None)
        if service is not None:
            service.close()  # batches in flight finish (their shadow submissions come before the drain)
        state.close()

    app = AddrnetAPI(title="addrnet", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                     redirect_slashes=False,  # no redirects built from the Host header: 404 instead
                     telemetry=None if settings.otel_telemetry else TELEMETRY_OFF)
    app.max_body_bytes = settings.max_body_bytes
    errors.install(app)
    app.include_router(parse.router)
    app.include_router(resolve.router)
    app.include_router(geo.router)
    app.include_router(ops.router)
    app.include_router(ui.router)

    app.add_middleware(FastParseMiddleware)  # innermost (/parse/batch, /resolve): observed and body-limited
    app.add_middleware(ObserveMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    return app
