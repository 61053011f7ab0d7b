"""The /parse and /parse/batch fast path (app/fastpath.py) answers exactly what the FastAPI routes answer: the same app with the
fast path on and off, called with the same requests (usual ones, the label views, tokens, and every kind of
request the fast path hands to the route)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from addrnet.settings import Settings
from app import fastpath
from app.main import create_app

JSON = {"content-type": "application/json"}
TOKEN = "fast-path-test"
CASES: list[tuple[str, dict[str, Any]]] = [
    ("/parse", {"json": {"text": "1745 T Street Southeast, Washington, DC 20020"}}),
    ("/parse", {"json": {"text": "10117 Berlin", "arm": "tiny2"}}),
    ("/parse", {"json": {"text": "10117 Berlin", "arm": None}}),
    ("/parse?tokens=true", {"json": {"text": "Apt 4, 12 Main St, Springfield IL"}}),
    ("/parse?tokens=1&labels=libpostal", {"json": {"text": "12 Main St, Springfield IL 62701"}}),
    ("/parse?labels=pelias&other=x", {"json": {"text": "12 Main St, Springfield IL 62701"}}),
    ("/parse?tokens=yes", {"json": {"text": "12 Main St"}}),  # read by FastAPI, not by the fast path
    ("/parse?tokens=true&tokens=false", {"json": {"text": "12 Main St"}}),
    ("/parse?tokens=maybe", {"json": {"text": "12 Main St"}}),
    ("/parse?labels=usaddress", {"json": {"text": "12 Main St"}}),
    ("/parse", {"json": {"text": ""}}),
    ("/parse", {"json": {"text": "x" * 600}}),
    ("/parse", {"json": {"text": "12 Main St", "extra": 1}}),
    ("/parse", {"json": {"text": 12}}),
    ("/parse", {"json": ["12 Main St"]}),
    ("/parse", {"json": {"text": "12 Main St", "arm": "nope"}}),
    ("/parse", {"json": {"text": "12 Main St", "arm": "broken"}}),
    ("/parse", {"content": b'{"text": "12 Main St"', "headers": JSON}),
    ("/parse", {"content": b'{"text": NaN}', "headers": JSON}),
    ("/parse", {"content": b'{"text": "12 Main St"}', "headers": {"content-type": "text/plain"}}),
    ("/parse", {"content": b'{"text": "12 Main St"}', "headers": {"content-type": "application/json; charset=utf-8"}}),
    ("/parse", {"content": b'{"text": "10 Main St\\u0000 \\ud800 IL"}', "headers": JSON}),
    ("/parse/batch", {"json": {"texts": ["1745 T Street Southeast, Washington, DC 20020", "10117 Berlin", "x"]}}),
    ("/parse/batch", {"json": {"texts": ["10117 Berlin", "12 Main St"], "arm": "tiny2"}}),
    ("/parse/batch", {"json": {"texts": []}}),
    ("/parse/batch?tokens=true", {"json": {"texts": ["Apt 4, 12 Main St, Springfield IL", "Korunní 810, Praha"]}}),
    ("/parse/batch?tokens=0&labels=pelias", {"json": {"texts": ["12 Main St, Springfield IL 62701"] * 3}}),
    ("/parse/batch?labels=libpostal", {"json": {"texts": ["12 Main St, Springfield IL 62701"]}}),
    ("/parse/batch?tokens=yes", {"json": {"texts": ["12 Main St"]}}),
    ("/parse/batch?labels=usaddress", {"json": {"texts": ["12 Main St"]}}),
    ("/parse/batch", {"json": {"texts": ["12 Main St"] * 1001}}),  # over the limit: the route's 413
    ("/parse/batch", {"json": {"texts": ["12 Main St", " "]}}),
    ("/parse/batch", {"json": {"texts": ["12 Main St", "x" * 600]}}),
    ("/parse/batch", {"json": {"texts": "12 Main St"}}),
    ("/parse/batch", {"json": {"texts": ["12 Main St", 12]}}),
    ("/parse/batch", {"json": {"texts": ["12 Main St"], "extra": 1}}),
    ("/parse/batch", {"json": {"text": "12 Main St"}}),
    ("/parse/batch", {"json": [["12 Main St"]]}),
    ("/parse/batch", {"json": {"texts": ["12 Main St"], "arm": "nope"}}),
    ("/parse/batch", {"json": {"texts": ["12 Main St"], "arm": "broken"}}),
    ("/parse/batch", {"content": b'{"texts": ["12 Main St"]', "headers": JSON}),
    ("/parse/batch", {"content": b'{"texts": ["12 Main St"]}', "headers": {"content-type": "text/plain"}}),
    ("/parse/batch", {"content": b'{"texts": ["10 Main St\\u0000 \\ud800 IL"]}', "headers": JSON}),
]


@pytest.fixture(scope="module")
def clients(tiny_arms_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[bool, TestClient]]:
    out = {}
    for fast in (True, False):
        settings = Settings(arms_dir=tiny_arms_dir, primary_arm="tiny", parse_fast_path=fast, admin_token=TOKEN,
                            data_dir=tmp_path_factory.mktemp("fast"), database_url="sqlite:///" + str(
                                tmp_path_factory.mktemp("nodb") / "missing.sqlite"))
        out[fast] = TestClient(create_app(settings))
        out[fast].__enter__()
    yield out
    for c in out.values():
        c.__exit__(None, None, None)


@pytest.mark.parametrize(("path", "kwargs"), CASES, ids=[f"{p} {k}"[:60] for p, k in CASES])
def test_fast_path_answers_as_the_route(clients: dict[bool, TestClient], path: str, kwargs: dict[str, Any]) -> None:
    fast, route = (clients[f].post(path, **kwargs) for f in (True, False))
    assert fast.status_code == route.status_code, (fast.text, route.text)
    assert fast.json() == route.json()
    assert fast.content == route.content  # byte for byte: keys, their order, number formatting
    for header in ("content-type", "content-length", "x-addrnet-arm"):
        assert fast.headers.get(header) == route.headers.get(header)


def answers_spy(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[bool]:
    """Wrap the async ``owner.name`` (a fast answer, or None to hand the request to the route); the list
    records, call by call, whether the fast path answered."""
    answered: list[bool] = []
    real = getattr(owner, name)

    async def spy(*args: Any) -> Any:
        response = await real(*args)
        answered.append(response is not None)
        return response

    monkeypatch.setattr(owner, name, spy)
    return answered


def test_usual_requests_take_the_fast_path(clients: dict[bool, TestClient], monkeypatch: pytest.MonkeyPatch) -> None:
    answered = answers_spy(monkeypatch, fastpath.FastParseMiddleware, "_answer")  # the inner one
    assert clients[True].post("/parse", json={"text": "12 Main St"}).status_code == 200  # by the front
    assert clients[True].post("/parse?labels=libpostal", json={"text": "12 Main St"}).status_code == 200
    assert clients[True].post("/parse", json={"text": ""}).status_code == 422  # handed on, then to the route
    assert clients[True].post("/parse/batch", json={"texts": ["12 Main St", "1 Elm St"]}).status_code == 200
    assert clients[True].post("/parse/batch", json={"texts": ["12 Main St", ""]}).status_code == 422
    assert answered == [False, True, False]
    metrics = clients[True].get("/metrics", headers={"authorization": f"Bearer {TOKEN}"}).text
    assert 'addrnet_http_requests_total{arm="tiny",route="/parse",status="200"}' in metrics
    assert 'addrnet_http_requests_total{arm="tiny",route="/parse/batch",status="200"}' in metrics


RESOLVE_CASES: list[dict[str, Any]] = [
    {"json": {"text": "1745 T Street Southeast, Washington, DC 20020"}},
    {"json": {"text": "Springfield, IL", "limit": 3}},
    {"json": {"text": "Boston", "country": "United States", "arm": "tiny2"}},
    {"json": {"components": {"locality": "Boston", "region": "MA"}}},
    {"json": {"components": {"nope": "Boston"}}},
    {"json": {"text": "Boston", "limit": 0}},
    {"json": {"text": "Boston", "arm": "nope"}},
    {"json": {"text": "Boston", "arm": "broken"}},
    {"json": {"text": ""}},
    {"json": ["Boston"]},
    {"content": b'{"text": "Boston"', "headers": JSON},
    {"content": b'{"text": "Boston"}', "headers": {"content-type": "text/plain"}},
]


@pytest.fixture(scope="module")
def resolve_clients(tiny_arms_dir: Path, small_gazetteer: str,
                    tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[bool, TestClient]]:
    out = {}
    for fast in (True, False):
        settings = Settings(arms_dir=tiny_arms_dir, primary_arm="tiny", parse_fast_path=fast,
                            data_dir=tmp_path_factory.mktemp("fastresolve"), database_url=small_gazetteer)
        out[fast] = TestClient(create_app(settings))
        out[fast].__enter__()
    yield out
    for c in out.values():
        c.__exit__(None, None, None)


@pytest.mark.parametrize("kwargs", RESOLVE_CASES, ids=[str(k)[:60] for k in RESOLVE_CASES])
def test_resolve_fast_path_answers_as_the_route(resolve_clients: dict[bool, TestClient], kwargs: dict[str, Any]) -> None:
    fast, route = (resolve_clients[f].post("/resolve", **kwargs) for f in (True, False))
    assert fast.status_code == route.status_code, (fast.text, route.text)
    assert fast.content == route.content
    for header in ("content-type", "content-length", "x-addrnet-arm"):
        assert fast.headers.get(header) == route.headers.get(header)


def test_usual_resolve_takes_the_fast_path(resolve_clients: dict[bool, TestClient],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    answered = answers_spy(monkeypatch, fastpath.resolve, "answer_fast")
    assert resolve_clients[True].post("/resolve", json={"text": "Springfield, IL"}).status_code == 200
    assert resolve_clients[True].post("/resolve", json={"components": {"locality": "Boston"}}).status_code == 200
    assert answered == [True, False]


def test_front_sends_the_route_headers(clients: dict[bool, TestClient]) -> None:
    """The front's whole header list (names, values, order) is the stack's, the request id included."""
    kw: dict[str, Any] = {"json": {"text": "12 Main St, Springfield IL"}, "headers": {"x-request-id": "client-id.7"}}
    fast, route = (clients[f].post("/parse?labels=pelias", **kw) for f in (True, False))
    assert fast.status_code == route.status_code == 200
    assert fast.headers.raw == route.headers.raw
    assert fast.content == route.content


@pytest.mark.parametrize("data", [
    {"text": "12 Main St"}, {"text": "12 Main St", "arm": None}, {"text": "12 Main St", "arm": "tiny2"},
    {"text": "12 Main St", "arm": ""}, {"text": " 12 Main St \u0000"}, {"text": "x" * 512}, {"text": " x" * 257},
    {"text": ""}, {"text": " \t\n"}, {"text": None}, {"text": 12}, {"text": b"12"}, {"text": ["12 Main St"]},
    {"text": "12 Main St", "arm": 1}, {"text": "12 Main St", "extra": 1}, {"arm": "tiny"}, {}, ["12 Main St"],
    "12 Main St", None, {"text": "12 Main St", "arm": None, "x": None}, {"texts": ["12 Main St"]},
])
def test_parse_request_accepts_only_what_the_model_accepts(data: Any) -> None:
    """``parse_request`` gives the model's (text, arm) or None (then the route answers with the model's error):
    it never takes a body that ``ParseRequest`` refuses."""
    from pydantic import ValidationError

    from app.schemas import ParseRequest

    got = fastpath.parse_request(data)
    try:
        req = ParseRequest.model_validate(data)
    except ValidationError:
        assert got is None
    else:
        assert got is None or got == (req.text, req.arm)
