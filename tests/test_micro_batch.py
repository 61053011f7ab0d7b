"""The /parse micro-batcher (app/service.py ``MicroBatcher``) on a real tiny arm and a real event loop: after a
run that had company, requests that reach it over the next loop turns share one ONNX run; a lone client is
parsed on the next turn; a full list runs at once; every request gets the parse ``Tagger.parse_batch`` gives
its text."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import orjson
import pytest

from app import service
from model.tagger import ParseResult, Tagger

TEXTS = ["1745 T Street Southeast, Washington, DC 20020", "10117 Berlin", "12 Main St, Springfield IL 62701",
         "Korunní 810, Praha", "Apt 4, 12 Main St"]


@pytest.fixture(scope="module")
def tagger(tiny_arms_dir: Path) -> Tagger:
    return Tagger.load(tiny_arms_dir / "tiny")


def _batcher(tagger: Tagger, max_batch: int = 64) -> tuple[service.MicroBatcher, list[list[str]]]:
    runs: list[list[str]] = []

    def run(texts: list[str], tokens: bool) -> list[ParseResult]:
        runs.append(list(texts))
        return tagger.parse_batch(texts, tokens=tokens)

    return service.MicroBatcher(run, max_batch, 0.0), runs


async def _staggered(b: service.MicroBatcher, texts: list[str], turns_apart: int) -> list[ParseResult]:
    """``b.parse`` of each text, each started ``turns_apart`` loop turns after the one before."""
    loop = asyncio.get_running_loop()
    futs: list[asyncio.Future[Any]] = []
    for i, t in enumerate(texts):
        if i:
            for _ in range(turns_apart):
                await asyncio.sleep(0)  # one turn of the loop
        futs.append(asyncio.ensure_future(b.parse(t, False), loop=loop))
    return list(await asyncio.gather(*futs))


def _same(got: list[ParseResult], tagger: Tagger, texts: list[str]) -> None:
    want = tagger.parse_batch(texts, tokens=False)
    assert [(r.text, [(c.label, c.start, c.end, c.confidence) for c in r.components]) for r in got] == \
        [(r.text, [(c.label, c.start, c.end, c.confidence) for c in r.components]) for r in want]


async def _after_company(b: service.MicroBatcher, texts: list[str], turns_apart: int) -> list[ParseResult]:
    await _staggered(b, TEXTS[3:5], 0)  # two at once: the last run had company
    return await _staggered(b, texts, turns_apart)


def test_after_a_shared_run_requests_of_the_next_turns_share_one_run(tagger: Tagger) -> None:
    b, runs = _batcher(tagger)
    got = asyncio.run(_after_company(b, TEXTS[:3], 1))
    assert runs == [TEXTS[3:5], TEXTS[:3]]
    _same(got, tagger, TEXTS[:3])


def test_a_lone_client_is_parsed_on_the_next_turn(tagger: Tagger) -> None:
    b, runs = _batcher(tagger)
    got = asyncio.run(_staggered(b, TEXTS[:3], 1))
    assert runs == [TEXTS[:1], TEXTS[1:2], TEXTS[2:3]]
    _same(got, tagger, TEXTS[:3])


def test_a_later_request_gets_a_run_of_its_own(tagger: Tagger) -> None:
    b, runs = _batcher(tagger)
    got = asyncio.run(_after_company(b, TEXTS[:2], service.FLUSH_TURNS + 3))
    assert runs == [TEXTS[3:5], TEXTS[:1], TEXTS[1:2]]
    _same(got, tagger, TEXTS[:2])


def test_a_full_list_runs_at_once(tagger: Tagger) -> None:
    b, runs = _batcher(tagger, max_batch=2)
    got = asyncio.run(_staggered(b, TEXTS, 0))
    assert runs == [TEXTS[:2], TEXTS[2:4], TEXTS[4:]]
    _same(got, tagger, TEXTS)


FLAGS = [i % 2 == 0 for i in range(len(TEXTS))]  # which requests ask for the token list


def test_a_list_shared_with_a_tokens_request_answers_each_as_it_asked(
        tiny_arms_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """``Service.parse_body`` (POST /parse): the payloads of a list are made together; a request that did not
    ask for the token list gets none although another request of its list did, and each body is the one it
    gets alone (the LRU off, so each is parsed)."""
    from addrnet.settings import Settings
    from app.main import create_app

    settings = Settings(arms_dir=tiny_arms_dir, primary_arm="tiny", data_dir=tmp_path_factory.mktemp("mb"),
                        parse_cache_size=0, database_url="sqlite:///" + str(tmp_path_factory.mktemp("nodb") / "x.sqlite"))
    app = create_app(settings)

    async def go() -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[list[str]]]:
        async with app.router.lifespan_context(app):
            svc = service.Service(app.state.addrnet)
            tagger = app.state.addrnet.arms.get(None)
            runs: list[list[str]] = []
            real = tagger.parse_batch

            def counted(texts: list[str], tokens: bool = True) -> list[ParseResult]:
                runs.append(list(texts))
                return real(texts, tokens=tokens)

            tagger.parse_batch = counted  # type: ignore[method-assign]
            try:
                together = await asyncio.gather(*(svc.parse_body(tagger, t, f) for t, f in zip(TEXTS, FLAGS, strict=True)))
                alone = [await svc.parse_body(tagger, t, f) for t, f in zip(TEXTS, FLAGS, strict=True)]
            finally:
                del tagger.parse_batch
            return [orjson.loads(b) for b in together], [orjson.loads(b) for b in alone], runs

    together, alone, runs = asyncio.run(go())
    assert runs[0] == TEXTS  # one list for all five
    assert together == alone
    assert ["tokens" in p for p in together] == FLAGS
