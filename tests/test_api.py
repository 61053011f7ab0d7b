"""The API over real HTTP: uvicorn on 127.0.0.1 with a tiny trained arm and a small SQLite gazetteer."""

from __future__ import annotations

import time

import httpx
import pytest

from model.labels import LABELS


def test_health_and_ready(live_server: str) -> None:
    assert httpx.get(f"{live_server}/healthz").json() == {"status": "ok"}
    r = httpx.get(f"{live_server}/readyz")
    assert r.status_code == 200, r.text


def test_parse_spans_index_the_text(live_server: str) -> None:
    text = "1745 T Street Southeast, Washington, DC 20020"
    r = httpx.post(f"{live_server}/parse", json={"text": text}, params={"tokens": "true"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["text"] == text and body["arm"] == "tiny"
    assert set(body["model"]) == {"arm", "version", "corpus", "tokenizer"}
    assert body["components"], body
    for c in body["components"]:
        assert c["label"] in LABELS
        assert body["text"][c["start"] : c["end"]] == c["value"]
        assert 0.0 <= c["confidence"] <= 1.0
    assert [t["text"] for t in body["tokens"]] == ["1745", "T", "Street", "Southeast", ",", "Washington", ",", "DC", "20020"]


def test_parse_handles_control_characters_and_invalid_unicode(live_server: str) -> None:
    raw = b'{"text": "10 Main St\\u0000\\u0007 Springfield \\ud800 IL"}'
    r = httpx.post(f"{live_server}/parse", content=raw, headers={"content-type": "application/json"})
    assert r.status_code == 200, r.text
    body = r.json()
    for c in body["components"]:
        assert body["text"][c["start"] : c["end"]] == c["value"]
    bad = httpx.post(f"{live_server}/parse", content=b'{"text": "\xff\xfe"}', headers={"content-type": "application/json"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_body"


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"text": "   "}, 422, "validation_error"),
        ({"text": "x" * 513}, 422, "validation_error"),
        ({"text": 5}, 422, "validation_error"),
        ({}, 422, "validation_error"),
        ({"text": "1 Main St", "arm": "nope"}, 404, "unknown_arm"),
        ({"text": "1 Main St", "extra": 1}, 422, "validation_error"),
    ],
)
def test_parse_errors(live_server: str, payload: dict, status: int, code: str) -> None:
    r = httpx.post(f"{live_server}/parse", json=payload)
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert err["code"] == code and err["message"]
    details = [(tuple(d["loc"]), d["type"]) for d in err.get("details") or []]
    assert len(details) == len(set(details)), err  # each problem once


def test_text_limit_counts_after_stripping(live_server: str) -> None:
    r = httpx.post(f"{live_server}/parse", json={"text": "  " + "1" * 512 + "   "})
    assert r.status_code == 200, r.text


def test_batch(live_server: str) -> None:
    texts = ["1 Main St, Springfield, IL", "Korunní 810, Praha", "10117 Berlin"]
    r = httpx.post(f"{live_server}/parse/batch", json={"texts": texts})
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["text"] for x in results] == texts
    single = httpx.post(f"{live_server}/parse", json={"text": texts[1]}).json()
    assert results[1]["components"] == single["components"]


def test_batch_limits(live_server: str) -> None:
    r = httpx.post(f"{live_server}/parse/batch", json={"texts": ["1 Main St"] * 1001})
    assert r.status_code == 413 and r.json()["error"]["code"] == "batch_too_large"
    r = httpx.post(f"{live_server}/parse/batch", json={"texts": ["ok", ""]})
    assert r.status_code == 422 and "texts[1]" in r.json()["error"]["message"]
    big = {"texts": ["x" * 500] * 2100}  # > 1 MB
    r = httpx.post(f"{live_server}/parse/batch", json=big)
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"


def test_resolve_components(live_server: str) -> None:
    r = httpx.post(f"{live_server}/resolve", json={"components": {"locality": "San Francisco", "region": "CA"}})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["parse"] is None
    top = body["results"][0]
    assert top["name"] == "San Francisco" and top["region_code"] == "CA" and top["country"] == "US"
    assert abs(top["lat"] - 37.77) < 0.2 and 0 <= top["score"] <= 1


def test_resolve_text_and_limits(live_server: str) -> None:
    r = httpx.post(f"{live_server}/resolve", json={"text": "Springfield, IL 62701", "limit": 3})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["parse"]["components"] and len(body["results"]) <= 3
    for payload in ({"text": "x", "limit": 0}, {"text": "x", "limit": 21}, {"text": "x", "components": {}}, {}):
        bad = httpx.post(f"{live_server}/resolve", json=payload)
        assert bad.status_code == 422, payload
    bad = httpx.post(f"{live_server}/resolve", json={"components": {"planet": "Mars"}})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_components"
    nothing = httpx.post(f"{live_server}/resolve", json={"components": {"locality": "'; DROP TABLE places; --"}})
    assert nothing.status_code == 200 and nothing.json()["results"] == []


def test_arms_eval_metrics(live_server: str) -> None:
    arms = httpx.get(f"{live_server}/v1/arms").json()
    assert arms["primary"] == "tiny" and arms["shadow"] == "tiny2"
    assert arms["arms"]["tiny"]["arm"] == "tiny"
    ev = httpx.get(f"{live_server}/v1/eval")
    assert ev.status_code == 200 and "tiny" in ev.json()["arms"]
    httpx.post(f"{live_server}/parse", json={"text": "1 Main St"})
    metrics = httpx.get(f"{live_server}/metrics").text
    assert 'addrnet_http_requests_total{arm="tiny",route="/parse",status="200"}' in metrics
    assert "addrnet_http_request_duration_seconds_bucket" in metrics and "process_resident_memory_bytes" in metrics
    assert "addrnet_inference_duration_seconds_bucket" in metrics


def test_resolver_bench_reads_how_many_resolve_requests_a_service_answered(live_server: str) -> None:
    from bench.resolver_bench import resolve_requests_served

    before = resolve_requests_served(live_server)
    assert before is not None
    assert httpx.post(f"{live_server}/resolve", json={"text": "Portland, OR"}).status_code == 200
    assert resolve_requests_served(live_server) == before + 1
    assert resolve_requests_served("http://127.0.0.1:9") is None  # nothing listens: unknown, not 0


def test_shadow_table_fills(live_server: str) -> None:
    for text in ["12 Oak Ave, Portland, OR 97201", "Main St & 2nd Ave, Springfield"]:
        assert httpx.post(f"{live_server}/parse", json={"text": text}).status_code == 200
    assert httpx.post(f"{live_server}/resolve", json={"text": "Portland, OR"}).status_code == 200
    deadline = time.time() + 20
    rep: dict = {}
    while time.time() < deadline:
        rep = httpx.get(f"{live_server}/v1/shadow/report").json()
        if rep["events"] >= 3:
            break
        time.sleep(0.2)
    assert rep["events"] >= 3, rep
    assert rep["shadow_arm"] == "tiny2" and rep["agreement"]
    assert rep["latency_ms"]["shadow"]["p50"] is not None
    assert set(rep["routes"]) <= {"parse", "parse/batch", "resolve", "resolve/components"} and "parse" in rep["routes"]
    c = rep["counters"]
    assert c["accepted"] == c["written"] + c["dropped_total"] + c["failed_total"] + c["pending"]


def test_database_down_degrades_resolve_only(server_factory) -> None:
    url = server_factory(database_url="postgresql+psycopg://nobody@127.0.0.1:1/nothing")
    assert httpx.post(f"{url}/parse", json={"text": "1 Main St"}).status_code == 200
    r = httpx.post(f"{url}/resolve", json={"text": "Springfield, IL"})
    assert r.status_code == 503 and r.json()["error"]["code"] == "database_unavailable"
    ready = httpx.get(f"{url}/readyz")
    assert ready.status_code == 503 and "database" in ready.json()["error"]["details"]
    assert httpx.get(f"{url}/healthz").status_code == 200


def test_broken_shadow_arm_never_affects_primary(server_factory) -> None:
    url = server_factory(shadow_arm="broken")
    for _ in range(3):
        r = httpx.post(f"{url}/parse", json={"text": "1 Main St, Springfield"})
        assert r.status_code == 200 and r.json()["arm"] == "tiny"
    arms = httpx.get(f"{url}/v1/arms").json()
    assert "broken" in arms["errors"] and "sha256" in arms["errors"]["broken"]
    r = httpx.post(f"{url}/parse", json={"text": "1 Main St", "arm": "broken"})
    assert r.status_code == 503 and r.json()["error"]["code"] == "arm_unavailable"
    assert httpx.get(f"{url}/readyz").status_code == 200


def test_batch_keeps_input_order_across_chunks(live_server: str) -> None:
    texts = [f"{i} {'Long ' * (i % 7)}Main St, Springfield" for i in range(600)]
    r = httpx.post(f"{live_server}/parse/batch", json={"texts": texts})
    assert r.status_code == 200 and r.headers["x-addrnet-arm"] == "tiny"
    assert [x["text"] for x in r.json()["results"]] == texts
