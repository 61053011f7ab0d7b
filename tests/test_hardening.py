"""The 11 findings of the hardening issue (#13), each over real HTTP (uvicorn on 127.0.0.1) or on the real
component: each test failed before the fix."""

from __future__ import annotations

import concurrent.futures as cf
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from app.arms import ArmRegistry
from app.shadow import accounting_from_log
from resolver import db
from tests.reliability.faults import misnamed_arm, nan_arm

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "t0ken-for-tests"


def _copy_db(url: str, dst: Path) -> str:
    src = db.sqlite_path(url)
    assert src is not None
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return f"sqlite:///{dst}"


# 1. privacy ---------------------------------------------------------------------------------------------
def test_operator_routes_need_the_token(server_factory: Callable[..., str]) -> None:
    url = server_factory(shadow_arm="tiny2", admin_token=TOKEN)
    for path in ("/v1/shadow/report", "/metrics", "/v1/eval?detail=true"):
        r = httpx.get(url + path)
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized", path
        assert r.headers["www-authenticate"] == "Bearer"
        assert httpx.get(url + path, headers={"Authorization": "Bearer nope"}).status_code == 401
        assert httpx.get(url + path, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200, path
    assert httpx.get(url + "/v1/eval").status_code == 200  # the summary stays public


def test_without_a_token_operator_routes_answer_loopback_only(live_server: str) -> None:
    assert httpx.get(f"{live_server}/v1/shadow/report").status_code == 200
    # uvicorn trusts X-Forwarded-For from 127.0.0.1 (a local proxy): the real client is remote
    r = httpx.get(f"{live_server}/v1/shadow/report", headers={"X-Forwarded-For": "203.0.113.9"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    assert httpx.get(f"{live_server}/metrics", headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 403


def _report(url: str, until: Callable[[dict], bool], since: str | None = None) -> dict:
    deadline = time.time() + 30
    rep: dict = {}
    params = {"since": since} if since else {}
    while time.time() < deadline:
        rep = httpx.get(f"{url}/v1/shadow/report", params=params,
                        headers={"Authorization": f"Bearer {TOKEN}"}).json()
        if until(rep):
            return rep
        time.sleep(0.2)
    raise AssertionError(rep)


# 1 + 3. every documented route is shadowed, and no text is exposed ---------------------------------------
def test_every_documented_route_is_shadowed_without_texts(server_factory: Callable[..., str]) -> None:
    url = server_factory(shadow_arm="tiny2", admin_token=TOKEN)
    # the session's gazetteer database is shared with other tests' shadow events: count only this test's
    since = datetime.now(UTC).isoformat()
    secret = "Jane Doe 12 Secret Lane, Springfield, IL"
    assert httpx.post(f"{url}/parse", json={"text": secret}).status_code == 200
    assert httpx.post(f"{url}/parse", json={"text": secret, "arm": "tiny2"}).status_code == 200
    r = httpx.post(f"{url}/parse/batch", json={"texts": [f"{i} Secret Lane" for i in range(40)]})
    assert r.status_code == 200
    assert httpx.post(f"{url}/resolve", json={"text": secret}).status_code == 200
    comps = {"locality": "Springfield", "region": "IL"}
    assert httpx.post(f"{url}/resolve", json={"components": comps}).status_code == 200
    rep = _report(url, lambda r: (r["counters"] or {}).get("written", 0) >= 5, since)
    c = rep["counters"]
    assert c["accepted"] == 5 and c["written"] == 5 and c["pending"] == 0, c
    assert set(rep["routes"]) == {"parse", "parse/batch", "resolve", "resolve/components"}
    assert rep["routes"]["parse/batch"] == 16 and rep["texts_stored"] is False
    assert "Secret" not in json.dumps(rep) and "Jane" not in json.dumps(rep)


# 4. a SQLite file removed or unreadable under a running service --------------------------------------------
def test_sqlite_file_removed_is_a_steady_503_and_never_recreated(
    server_factory: Callable[..., str], small_gazetteer: str, tmp_path: Path
) -> None:
    path = tmp_path / "gaz.sqlite"
    url = server_factory(database_url=_copy_db(small_gazetteer, path))
    body = {"components": {"locality": "Portland", "region": "OR"}}
    with httpx.Client() as client:
        assert client.post(f"{url}/resolve", json=body).status_code == 200  # pooled connections are open
    path.rename(tmp_path / "moved.sqlite")
    with cf.ThreadPoolExecutor(32) as pool:
        codes = list(pool.map(lambda _: httpx.post(f"{url}/resolve", json=body).status_code, range(200)))
    assert codes.count(503) == 200, codes
    ready = httpx.get(f"{url}/readyz")
    assert ready.status_code == 503 and "missing" in ready.json()["error"]["details"]["database"]
    assert not path.exists()  # serving never creates a database
    assert httpx.post(f"{url}/parse", json={"text": "1 Main St"}).status_code == 200
    (tmp_path / "moved.sqlite").rename(path)
    assert httpx.post(f"{url}/resolve", json=body).status_code == 200  # and it recovers
    path.chmod(0)
    try:
        r = httpx.post(f"{url}/resolve", json=body)
        assert r.status_code == 503 and "not readable" in r.json()["error"]["message"]
    finally:
        path.chmod(0o644)


def test_missing_database_at_start(server_factory: Callable[..., str], tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "gaz.sqlite"
    url = server_factory(database_url=f"sqlite:///{path}", shadow_arm="tiny2")
    r = httpx.post(f"{url}/resolve", json={"text": "Springfield, IL"})
    assert r.status_code == 503 and r.json()["error"]["code"] == "database_unavailable"
    assert httpx.get(f"{url}/readyz").status_code == 503
    assert httpx.post(f"{url}/parse", json={"text": "1 Main St"}).status_code == 200
    assert not path.exists() and not path.parent.exists()
    assert str(tmp_path) not in r.text


# 5. memory: deliberate SQLite cache, no mmap, a fixed pool ---------------------------------------------------
def test_serving_engine_bounds_sqlite_memory(small_gazetteer: str) -> None:
    engine = db.serving_engine(small_gazetteer)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -db.SQLITE_CACHE_KIB
        assert conn.exec_driver_sql("PRAGMA mmap_size").scalar() == 0
        with pytest.raises(Exception, match="readonly"):
            conn.exec_driver_sql("CREATE TABLE x (a int)")
    assert engine.pool.size() == db.POOL_SIZE  # type: ignore[attr-defined]
    assert db.SQLITE_CACHE_KIB * (db.POOL_SIZE + db.MAX_OVERFLOW) <= 64 * 1024
    engine.dispose()


# 6. honest errors --------------------------------------------------------------------------------------------
def test_long_valid_text_never_gets_a_422_about_its_own_components(live_server: str) -> None:
    for text in ["x" * 400, "Springfield " * 40, "1 " + "Main " * 100 + "St"]:
        r = httpx.post(f"{live_server}/resolve", json={"text": text})
        assert r.status_code == 200, r.text


def test_component_limits_count_after_collapsing_whitespace(live_server: str) -> None:
    r = httpx.post(f"{live_server}/resolve", json={"components": {"locality": "San" + " " * 300 + "Francisco"}})
    assert r.status_code == 200 and r.json()["results"][0]["name"] == "San Francisco"
    r = httpx.post(f"{live_server}/resolve", json={"components": {"locality": "x" * 201}})
    assert r.status_code == 422 and r.json()["error"]["code"] == "validation_error"
    assert "200" in r.json()["error"]["message"]


def test_country_names_work(live_server: str) -> None:
    comps = {"locality": "San Francisco", "region": "CA"}
    for country in ("US", "USA", "United States", "united states"):
        r = httpx.post(f"{live_server}/resolve", json={"components": comps, "country": country})
        assert r.status_code == 200 and r.json()["results"][0]["country"] == "US", (country, r.text)
    r = httpx.post(f"{live_server}/resolve", json={"components": comps, "country": "Narnia"})
    assert r.status_code == 200  # an unknown name is the resolver's to relax or answer [], never a 422
    for body in ({"components": comps, "country": "ZZ"}, {"text": "x", "country": "ZZ"}):
        r = httpx.post(f"{live_server}/resolve", json=body)  # an unknown code: always 422, whatever the parse
        assert r.status_code == 422 and "ZZ" in r.json()["error"]["message"], r.text


# 7 + 8. output guards ----------------------------------------------------------------------------------------
def test_nan_and_misnamed_arms_refuse_to_load(tiny_arms_dir: Path, tmp_path: Path,
                                              server_factory: Callable[..., str]) -> None:
    arms = tmp_path / "arms"
    shutil.copytree(tiny_arms_dir / "tiny", arms / "tiny")
    nan_arm(tiny_arms_dir / "tiny", arms / "nan", "nan")
    misnamed_arm(tiny_arms_dir / "tiny", arms / "B", "tiny")
    reg = ArmRegistry.load(arms, "tiny", None, 1, 1)
    assert sorted(reg.taggers) == ["tiny"]
    assert "non-finite" in reg.errors["nan"] and "folder" in reg.errors["B"]
    url = server_factory(arms_dir=str(arms), primary_arm="nan")
    assert httpx.get(f"{url}/readyz").status_code == 503
    r = httpx.post(f"{url}/parse/batch", json={"texts": ["1 Main St"]})
    assert r.status_code == 503 and r.json()["error"]["code"] == "arm_unavailable"
    assert str(tmp_path) not in httpx.get(f"{url}/v1/arms").text


# 9 + 10. HTTP hygiene and conformance -----------------------------------------------------------------------
def test_no_slash_redirects_and_allow_on_405(live_server: str) -> None:
    r = httpx.post(f"{live_server}/parse/", json={"text": "1 Main St"}, headers={"Host": "evil.example"})
    assert r.status_code == 404 and "location" not in r.headers
    r = httpx.get(f"{live_server}/parse")
    assert r.status_code == 405 and r.headers["allow"] == "POST" and r.json()["error"]["code"] == "method_not_allowed"


@pytest.mark.parametrize("raw", [b'{"text": "\xed\xa0\x80 Main St"}', b'{"text": "\xff"}', b'{"text": "a\xc3"}',
                                 b'{"text": "\xc0\xaf"}'])
def test_invalid_utf8_is_always_400(live_server: str, raw: bytes) -> None:
    for path in ("/parse", "/resolve"):
        r = httpx.post(live_server + path, content=raw, headers={"content-type": "application/json"})
        assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_body", (path, r.text)


def test_openapi_documents_errors_limits_and_labels(live_server: str) -> None:
    spec = httpx.get(f"{live_server}/openapi.json").json()
    for path, codes in {"/parse": {"400", "404", "413", "422", "503"}, "/parse/batch": {"400", "413", "422", "503"},
                        "/resolve": {"400", "404", "413", "422", "503"}, "/v1/shadow/report": {"401", "403"}}.items():
        op = next(iter(spec["paths"][path].values()))
        assert codes <= set(op["responses"]), (path, op["responses"].keys())
        assert op["responses"][min(codes)]["content"]["application/json"]["schema"]["$ref"].endswith("ErrorResponse")
    schemas = spec["components"]["schemas"]
    assert "enum" in schemas["Component"]["properties"]["label"]
    assert "512" in schemas["ParseRequest"]["properties"]["text"]["description"]
    assert "name" in json.dumps(schemas["ResolveRequest"]["properties"]["country"])


# 11. disclosure ----------------------------------------------------------------------------------------------
def test_eval_summary_is_small_and_nothing_discloses_paths_or_hosts(
    server_factory: Callable[..., str], tmp_path: Path
) -> None:
    results = tmp_path / "results"
    (results / "tiny").mkdir(parents=True)
    for p in (ROOT / "results" / "release" / "A").glob("*.json"):
        shutil.copy(p, results / "tiny" / p.name)
    if (ROOT / "results" / "release" / "decision.json").is_file():
        shutil.copy(ROOT / "results" / "release" / "decision.json", results / "decision.json")
    url = server_factory(results_dir=str(results), database_url="postgresql+psycopg://nobody@127.0.0.1:1/nothing")
    summary = httpx.get(f"{url}/v1/eval")
    detail = httpx.get(f"{url}/v1/eval?detail=true")
    assert summary.status_code == detail.status_code == 200
    assert "results_dir" not in summary.json() and str(results) not in summary.text + detail.text
    assert "/work/" not in summary.text + detail.text
    if list((results / "tiny").glob("*.json")):
        assert len(summary.content) * 5 < len(detail.content)
    for r in (httpx.post(f"{url}/resolve", json={"text": "Springfield, IL"}), httpx.get(f"{url}/readyz")):
        assert r.status_code == 503 and "127.0.0.1" not in r.text and "port" not in r.text and "nobody" not in r.text


# 3. SIGTERM under load: every shadowed request is accounted for ----------------------------------------------
def test_sigterm_under_load_keeps_the_shadow_accounting(
    tiny_arms_dir: Path, small_gazetteer: str, tmp_path: Path
) -> None:
    url_db = _copy_db(small_gazetteer, tmp_path / "gaz.sqlite")
    with sqlite3.connect(tmp_path / "gaz.sqlite") as conn:
        before = conn.execute("SELECT count(*) FROM shadow_events").fetchone()[0]
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADDRNET_")}
    env.update(ADDRNET_ARMS_DIR=str(tiny_arms_dir), ADDRNET_PRIMARY_ARM="tiny", ADDRNET_SHADOW_ARM="tiny2",
               ADDRNET_DATABASE_URL=url_db, ADDRNET_DATA_DIR=str(tmp_path), ADDRNET_SHADOW_DRAIN_S="0.3",
               ADDRNET_SHADOW_QUEUE_SIZE="1000")
    port = _free_port()
    log = tmp_path / "server.log"
    with open(log, "wb") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "addrnet.cli", "serve", "--port", str(port)], cwd=ROOT,
                                env=env, stdout=fh, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, proc)
        with cf.ThreadPoolExecutor(16) as pool:
            body = {"text": "Portland, OR 97201"}
            codes = list(pool.map(lambda _: httpx.post(f"{base}/resolve", json=body, timeout=30).status_code,
                                  range(150)))
            proc.send_signal(signal.SIGTERM)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    stats = accounting_from_log(log.read_text(errors="replace"))
    assert stats is not None, log.read_text()
    assert stats["accepted"] == codes.count(200) == 150
    assert stats["written"] + stats["dropped_total"] + stats["failed_total"] == stats["accepted"]
    assert stats["pending"] == 0
    with sqlite3.connect(tmp_path / "gaz.sqlite") as conn:
        assert conn.execute("SELECT count(*) FROM shadow_events").fetchone()[0] - before == stats["written"]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.time() + 60
    while time.time() < deadline:
        assert proc.poll() is None
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise AssertionError("server did not start")


def test_lone_surrogates_anywhere_in_resolve_never_500(live_server: str) -> None:
    """Found by the reliability fuzz: echoed surrogates broke the JSON encoder (500)."""
    bodies = [b'{"components": {"suburb": "a\\ud800b", "house_number": "   "}}',
              b'{"components": {"\\ud800": "x"}}', b'{"components": {"locality": "x"}, "country": "\\udfff"}',
              b'{"text": "1 Main St", "arm": "\\ud800"}']
    for raw in bodies:
        for path in ("/resolve", "/parse"):
            r = httpx.post(live_server + path, content=raw, headers={"content-type": "application/json"})
            assert r.status_code < 500 and r.json(), (path, raw, r.text)
