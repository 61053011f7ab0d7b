"""Runners end to end against an in-process fake of the HTTP API (httpx.MockTransport): no server,
no model. The fake parses with usaddress and resolves to the parsed locality."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from eval.client import Client, ServiceError
from eval.decide import decide, render_md
from eval.peers import adapters
from eval.peers.run import run_peers
from eval.runners import run_calibration, run_components, run_harness, run_resolver
from eval.sidecar import load_sidecar

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
pytestmark = pytest.mark.skipif(not (SHARED / "oa" / "eval_points.csv").is_file(), reason="shared data not present")


def manifest(arm: str, corpus: str = "c1", tok: str = "t1") -> dict[str, Any]:
    return {"arm": arm, "version": f"{arm}-1", "corpus_version": corpus, "tokenizer_version": tok}


def fake_transport(arms: dict[str, dict[str, Any]], wrong_arm: bool = False) -> httpx.MockTransport:
    def parse(text: str, arm: str) -> dict[str, Any]:
        comps = [{**c, "confidence": 0.95 if c["label"] != "unit" else 0.5} for c in adapters.usaddress_parse_one(text)]
        return {"text": text, "arm": "Z" if wrong_arm else arm,
                "model": {"arm": arm, "version": arms[arm]["version"], "corpus": "c1", "tokenizer": "t1"},
                "components": comps, "tokens": []}

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else {}
        arm = body.get("arm", next(iter(arms)))
        if arm not in arms:
            return httpx.Response(400, json={"error": {"code": "unknown_arm", "message": arm}})
        if request.url.path == "/v1/arms":
            return httpx.Response(200, json={"primary": next(iter(arms)), "shadow": None, "arms": arms})
        if request.url.path == "/parse":
            return httpx.Response(200, json=parse(body["text"], arm))
        if request.url.path == "/parse/batch":
            return httpx.Response(200, json={"results": [parse(t, arm) for t in body["texts"]]})
        if request.url.path == "/resolve":
            p = parse(body["text"], arm)
            loc = [c["value"] for c in p["components"] if c["label"] == "locality"]
            reg = [c["value"] for c in p["components"] if c["label"] == "region"]
            results = [{"place_id": 1, "name": loc[0], "region": "", "region_code": reg[0].upper() if reg else "",
                        "country": "US", "lat": 38.9, "lon": -77.0, "score": 1.0, "match": "exact",
                        "population": 1}] if loc else []
            return httpx.Response(200, json={"parse": p, "results": results})
        return httpx.Response(404, json={"error": {"code": "not_found", "message": request.url.path}})

    return httpx.MockTransport(handler)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    recs = [
        {"text": "1 Main St, Springfield, IL 62701", "spans": [["house_number", 0, 1], ["street", 2, 9],
                                                              ["locality", 11, 22], ["region", 24, 26],
                                                              ["postcode", 27, 32]], "source": "x", "country": "US", "record": "1"},
        {"text": "22 Oak Ave Apt 4, Dover, DE", "spans": [["house_number", 0, 2], ["street", 3, 10],
                                                         ["unit", 11, 16], ["locality", 18, 23], ["region", 25, 27]],
         "source": "x", "country": "US", "record": "2"},
    ]
    path = tmp_path / "corpus" / "c1"
    path.mkdir(parents=True)
    (path / "test.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs))
    return path


def test_runners_write_valid_sidecars(tmp_path: Path, corpus: Path) -> None:
    arms = {"A": manifest("A"), "B": manifest("B")}
    for arm in ("A", "B"):
        out = tmp_path / arm
        with Client("http://fake", arm=arm, transport=fake_transport(arms)) as c:
            r = run_resolver(c, out, SHARED, limit=24, concurrency=2, progress=False)
            h = run_harness(c, out, SHARED, limit=40, progress=False)
            cal = run_calibration(c, out, SHARED, corpus=corpus, limit=40, progress=False)
            comp = run_components(c, out, corpus=corpus, progress=False)
        assert r["arm"] == arm and r["metrics"]["accuracy"]["n"] == 24
        assert set(r["metrics"]["per_format"]) == {"full", "no_postcode", "no_region", "lowercase", "no_commas",
                                                   "postcode_for_city"}
        assert r["metrics"]["per_format"]["postcode_for_city"]["successes"] == 0  # no city in the text
        assert h["metrics"]["overall"]["n"] == 40 and len(h["failures"]) == 40 - h["metrics"]["overall"]["successes"]
        assert cal["metrics"]["overall"]["n_components"] > 0 and (out / "calibration_reliability.png").stat().st_size > 0
        assert comp["metrics"]["n_records"] == 2 and comp["metrics"]["exact_match"]["successes"] == 2
        for runner in ("resolver", "harness", "calibration", "components"):
            assert load_sidecar(out, runner)["inputs"]
            assert (out / f"{runner}.md").read_text().startswith("# ")
    result = decide(tmp_path / "A", tmp_path / "B")
    assert result["decision"] == "DROP"  # identical arms: resolver tie, no gains
    assert "| metric | A pretrained | B scratch |" in render_md(result)


def test_peers_records_npm_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(cache_dir: Path, timeout: float = 0) -> Path:
        raise adapters.PeerUnavailable("npm install failed (offline)")

    monkeypatch.setattr(adapters, "install_pelias", fail)
    with Client("http://fake", arm="A", transport=fake_transport({"A": manifest("A")})) as c:
        side = run_peers(c, tmp_path, SHARED, tmp_path / "node", limit=12, progress=False)
    systems = side["metrics"]["systems"]
    assert systems["pelias-parser"]["available"] is False and "offline" in systems["pelias-parser"]["reason"]
    assert set(side["metrics"]["harness"]) == {"addrnet:A", "usaddress"}
    # addrnet here *is* usaddress (the fake), so the shared scoring must give identical figures
    assert side["metrics"]["harness"]["addrnet:A"]["overall"] == side["metrics"]["harness"]["usaddress"]["overall"]
    load_sidecar(tmp_path, "peers")


def test_client_rejects_wrong_arm() -> None:
    with Client("http://fake", arm="A", transport=fake_transport({"A": manifest("A")}, wrong_arm=True)) as c:
        with pytest.raises(ServiceError, match="asked for arm 'A'"):
            c.parse("1 Main St")
    with Client("http://fake", arm="Q", transport=fake_transport({"A": manifest("A")})) as c:
        with pytest.raises(ServiceError, match="unknown_arm"):
            c.parse("1 Main St")
