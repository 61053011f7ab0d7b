"""``app.routes.resolve.answer_fast`` (the /resolve answer without FastAPI's routing, for a fast-path
middleware) answers byte for byte what the route answers, and hands every other request back (None)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from addrnet.settings import Settings
from app.main import create_app
from app.routes.resolve import ROUTE, answer_fast

USUAL = [
    {"text": "1745 T Street Southeast, Washington, DC 20020"},
    {"text": "Springfield, IL", "limit": 3},
    {"text": "Sprngfield IL 62701", "limit": 1},
    {"text": "27 Octavia St, San Francisco, CA 94102", "country": "US"},
    {"text": "Arvada, CO", "arm": "tiny"},
    {"text": "8315 Surf Drive, 32408"},
    {"text": "Boston", "country": "United States"},
]
HANDED_BACK = [
    {"components": {"locality": "Boston", "region": "MA"}},  # the route checks the labels
    {"text": ""},
    {"text": "x" * 600},
    {"text": "Boston", "limit": 0},
    {"text": "Boston", "extra": 1},
    {"text": 12},
    {"text": "Boston", "arm": "nope"},
    ["Boston"],
    None,
]


@pytest.fixture(scope="module")
def client(tiny_arms_dir: Path, small_gazetteer: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(arms_dir=tiny_arms_dir, primary_arm="tiny", data_dir=tmp_path_factory.mktemp("fastresolve"),
                        database_url=small_gazetteer)
    with TestClient(create_app(settings)) as c:
        yield c


def _fast(client: TestClient, data: Any) -> tuple[Any, dict[str, Any]]:
    scope: dict[str, Any] = {"type": "http", "path": "/resolve", "method": "POST"}
    assert client.portal is not None
    return client.portal.call(answer_fast, client.app, scope, data), scope


@pytest.mark.parametrize("data", USUAL, ids=[str(d)[:50] for d in USUAL])
def test_answers_as_the_route(client: TestClient, data: dict[str, Any]) -> None:
    route = client.post("/resolve", json=data)
    fast, scope = _fast(client, data)
    assert route.status_code == 200 and fast is not None and fast.status_code == 200
    assert fast.body == route.content  # byte for byte: keys, their order, number formatting
    assert fast.headers.get("x-addrnet-arm") == route.headers.get("x-addrnet-arm")
    assert scope["route"] is ROUTE  # metrics and logs label it as the route's


@pytest.mark.parametrize("data", HANDED_BACK, ids=[str(d)[:50] for d in HANDED_BACK])
def test_other_requests_go_to_the_route(client: TestClient, data: Any) -> None:
    assert _fast(client, data)[0] is None


def test_the_loop_connection_is_kept_and_checked_like_a_checkout(small_gazetteer: str, tmp_path: Path) -> None:
    """``resolver.db.held_connection`` (the loop's gazetteer connection): kept between uses; a file gone or
    replaced gives the checkout's answer (an error, then a new connection); ``dispose`` closes it."""
    import shutil

    from sqlalchemy.exc import SQLAlchemyError

    from resolver.db import held_connection, serving_engine, sqlite_path

    src = sqlite_path(small_gazetteer)
    assert src is not None
    path = tmp_path / "gaz.sqlite"
    shutil.copy(src, path)
    engine = serving_engine(f"sqlite:///{path}")
    with held_connection(engine) as first:
        pass
    with held_connection(engine) as again:
        assert again is first and not first.closed
    path.rename(tmp_path / "moved.sqlite")
    with pytest.raises(SQLAlchemyError, match="missing"), held_connection(engine):
        pass
    shutil.copy(tmp_path / "moved.sqlite", path)  # a new file (another inode) in its place
    with held_connection(engine) as fresh:
        assert fresh is not first and fresh.exec_driver_sql("SELECT count(*) FROM places").scalar()
    with pytest.raises(RuntimeError), held_connection(engine) as failed:
        raise RuntimeError("a failed use")
    assert failed.closed
    with held_connection(engine) as kept:
        pass
    engine.dispose()
    assert kept.closed
