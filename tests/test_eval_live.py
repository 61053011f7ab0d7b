"""The eval runners against a live service: ``live_server`` (tests/conftest.py) yields the base URL of a
real uvicorn server with a tiny arm "tiny" as primary and a small US SQLite gazetteer. Small slices
(``--limit``) keep this fast; figures are not asserted, only that every runner measures the product
path end to end and writes a sidecar the decision report accepts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from addrnet.cli import main
from addrnet.settings import REPO_DATA_DIR
from eval.data import CLIENT_FORMATS
from eval.peers import adapters
from eval.sidecar import load_sidecar

SHARED = REPO_DATA_DIR

CORPUS = [
    {"text": "1 Main St, Springfield, IL 62701",
     "spans": [["house_number", 0, 1], ["street", 2, 9], ["locality", 11, 22], ["region", 24, 26], ["postcode", 27, 32]]},
    {"text": "22 Oak Ave Apt 4, Dover, DE",
     "spans": [["house_number", 0, 2], ["street", 3, 10], ["unit", 11, 16], ["locality", 18, 23], ["region", 25, 27]]},
    {"text": "1745 T Street Southeast, Washington, DC 20020",
     "spans": [["house_number", 0, 4], ["street", 5, 23], ["locality", 25, 35], ["region", 37, 39], ["postcode", 40, 45]]},
]


@pytest.fixture
def corpus_file(tmp_path: Path) -> Path:
    path = tmp_path / "corpus" / "test.jsonl"
    path.parent.mkdir()
    path.write_text("".join(json.dumps({**r, "source": "t", "country": "US", "record": str(i)}) + "\n"
                            for i, r in enumerate(CORPUS)))
    return path


def run(*argv: str) -> int:
    return main(["eval", *argv])


def run_all(url: str, out: Path, corpus: Path, arm: str | None) -> None:
    common = ["--url", url, "--out", str(out), "--limit", "30", "--no-progress"] + (["--arm", arm] if arm else [])
    assert run("resolver", *common, "--concurrency", "2") == 0
    assert run("harness", *common) == 0
    assert run("calibration", *common, "--corpus", str(corpus)) == 0
    assert run("components", *common, "--corpus", str(corpus)) == 0


def test_runners_against_live_service(live_server: str, tmp_path: Path, corpus_file: Path) -> None:
    out = tmp_path / "tiny"
    run_all(live_server, out, corpus_file, None)
    r = load_sidecar(out, "resolver")
    n = 30 * len(CLIENT_FORMATS)  # 30 points, each rendered in every client format
    assert r["arm"] == "tiny" and r["metrics"]["accuracy"]["n"] == n
    assert r["service_arms"]["primary"] == "tiny" and r["arm_manifest"]["corpus_version"]
    assert {f: p["n"] for f, p in r["metrics"]["per_format"].items()} == {f: 30 for f in CLIENT_FORMATS}
    assert len(r["failures"]) == n - r["metrics"]["accuracy"]["successes"]
    h = load_sidecar(out, "harness")
    assert h["metrics"]["overall"]["n"] == 30 and len(h["failures"]) == 30 - h["metrics"]["overall"]["successes"]
    c = load_sidecar(out, "calibration")
    assert c["metrics"]["n_records"]["corpus"] == 3 and (out / "calibration_reliability.png").is_file()
    assert 0.0 <= c["metrics"]["overall"]["ece"] <= 1.0
    comp = load_sidecar(out, "components")
    assert comp["metrics"]["n_records"] == 3 and set(comp["metrics"]["per_label"]) >= {"street", "locality"}
    for runner in ("resolver", "harness", "calibration", "components"):
        assert (out / f"{runner}.md").read_text().startswith("# ")
        assert all(len(h) == 64 for h in load_sidecar(out, runner)["inputs"].values())


def test_decide_on_live_sidecars(live_server: str, tmp_path: Path, corpus_file: Path) -> None:
    run_all(live_server, tmp_path / "A", corpus_file, "tiny")
    run_all(live_server, tmp_path / "B", corpus_file, "tiny2")  # a copy of tiny: same corpus + tokenizer
    assert run("decide", "--a", str(tmp_path / "A"), "--b", str(tmp_path / "B"), "--out", str(tmp_path / "d")) == 0
    result = json.loads((tmp_path / "d" / "decision.json").read_text())
    # tiny2 is a copy of tiny: every Δ is 0, a tie, so the aux gains are gone -> DROP
    assert result["decision"] == "DROP" and all(c["tie"] for c in result["comparisons"])


def test_peers_against_live_service(live_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Path("var/peers/node")
    if not (cache / "node_modules" / "pelias-parser").is_dir():  # no network in tests: record the reason
        def offline(cache_dir: Path, timeout: float = 0) -> Path:
            raise adapters.PeerUnavailable("not installed (tests do not run npm)")

        monkeypatch.setattr(adapters, "install_pelias", offline)
    out = tmp_path / "peers"
    assert run("peers", "--url", live_server, "--out", str(out), "--limit", "12", "--no-progress",
               "--cache-dir", str(cache)) == 0
    side = load_sidecar(out, "peers")
    assert {"addrnet:tiny", "usaddress"} <= set(side["metrics"]["harness"])
    assert side["metrics"]["resolver_inputs"]["usaddress"]["exact_match"]["n"] == 12
    assert "pelias-parser" in side["metrics"]["systems"]


def test_unknown_arm_is_an_error(live_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("harness", "--url", live_server, "--arm", "no-such-arm", "--out", str(tmp_path), "--limit", "3",
               "--no-progress") != 0
    assert "no-such-arm" in capsys.readouterr().err
