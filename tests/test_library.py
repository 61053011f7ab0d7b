"""The public API: ``from addrnet import Parser, Geocoder`` over the shipped arms and a real SQLite gazetteer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from addrnet import Component, Geocoder, ParsedAddress, Parser, Place
from model.labels import LABEL_VIEWS, LABELS
from model.tagger import Tagger

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    "1745 T Street Southeast, Washington, DC 20020",
    "Korunní 810, 120 00 Praha",
    "10117 Berlin",
    "Apt 4B, 22 Main St, Springfield, IL 62701, USA",
]


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser.load(arm="A")


def test_import_is_light() -> None:
    code = (
        "import sys, addrnet; from addrnet import Parser, Geocoder; "
        "print(sorted(m for m in ('fastapi', 'sqlalchemy', 'torch', 'starlette', 'uvicorn') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(out.stdout.replace("'", '"')) == []
    # using the Geocoder is what brings SQLAlchemy in
    code2 = "import sys; from addrnet import Geocoder; Geocoder('sqlite://'); print('sqlalchemy' in sys.modules)"
    out2 = subprocess.run([sys.executable, "-c", code2], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out2.stdout.strip() == "True"


def test_parse_is_typed_and_matches_the_tagger(parser: Parser) -> None:
    tagger = Tagger.load(ROOT / "artifacts" / "arms" / "A")
    for text, raw in zip(TEXTS, tagger.parse_batch(TEXTS), strict=True):
        got = parser.parse(text)
        assert isinstance(got, ParsedAddress) and got.arm == parser.arm == "A" and got.labels == "addrnet"
        assert all(isinstance(c, Component) for c in got.components)
        assert [(c.label, c.value, c.start, c.end) for c in got.components] == [
            (c.label, c.value, c.start, c.end) for c in raw.components]
        assert [c.confidence for c in got.components] == pytest.approx([c.confidence for c in raw.components])
        for c in got.components:
            assert got.text[c.start : c.end] == c.value and 0.0 <= c.confidence <= 1.0 and c.label in LABELS


def test_parse_batch_equals_parse(parser: Parser) -> None:
    many = TEXTS * 80  # > one ONNX batch: exercises the length-sorted chunks and the reordering
    batch = parser.parse_batch(many)
    assert len(batch) == len(many)
    singles = {t: parser.parse(t) for t in TEXTS}
    for text, got in zip(many, batch, strict=True):
        want = singles[text]
        assert [(c.label, c.value) for c in got.components] == [(c.label, c.value) for c in want.components]
        assert [c.confidence for c in got.components] == pytest.approx([c.confidence for c in want.components],
                                                                        abs=1e-5)


@pytest.mark.parametrize("view", ["libpostal", "pelias"])
def test_label_views(parser: Parser, view: str) -> None:
    base = parser.parse(TEXTS[0])
    other = parser.parse(TEXTS[0], labels=view)
    table = LABEL_VIEWS[view]
    assert other.labels == view
    assert [c.label for c in other.components] == [table[c.label] for c in base.components]
    assert [c.value for c in other.components] == [c.value for c in base.components]
    assert other.as_dict()[table["postcode"]] == base.get("postcode")


@pytest.mark.parametrize("bad", ["", "   ", "x" * 600, None, 12])
def test_bad_text_is_a_value_error(parser: Parser, bad: object) -> None:
    with pytest.raises(ValueError, match="address is"):
        parser.parse(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"texts\[1\]"):
        parser.parse_batch(["10117 Berlin", bad])  # type: ignore[list-item]


def test_unknown_arm_and_view(parser: Parser) -> None:
    with pytest.raises(FileNotFoundError, match="no arm 'Z'"):
        Parser.load(arm="Z")
    with pytest.raises(ValueError, match="unknown label view"):
        parser.parse(TEXTS[0], labels="google")


def test_geocoder_resolves(parser: Parser, small_gazetteer: str) -> None:
    with Geocoder(small_gazetteer, parser=parser) as geo:
        places = geo.resolve("Arvada, CO 80002")
        assert places and isinstance(places[0], Place)
        top = places[0]
        assert (top.name, top.region_code, top.country) == ("Arvada", "CO", "US")
        assert top.lat is not None and 39 < top.lat < 40 and top.lon is not None and -106 < top.lon < -104
        assert geo.resolve(components={"locality": "Springfield", "region": "IL"})[0].region_code == "IL"
        parsed = parser.parse_batch(["Boulder, CO", "Arvada, CO 80002"])
        assert [ps[0].name for ps in geo.resolve_batch(parsed)] == ["Boulder", "Arvada"]
        with pytest.raises(ValueError, match="exactly one"):
            geo.resolve()
        with pytest.raises(ValueError, match="unknown component labels"):
            geo.resolve(components={"city": "Arvada"})
