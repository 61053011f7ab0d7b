import pytest

from model.labels import (
    LABEL_VIEWS,
    LABELS,
    NUM_TAGS,
    PELIAS_TO_ADDRNET,
    TAGS,
    USADDRESS_TO_ADDRNET,
    bio_tag,
    relabel,
    split_tag,
)


def test_tag_scheme() -> None:
    assert TAGS[0] == "O" and NUM_TAGS == 1 + 2 * len(LABELS)
    for t in TAGS[1:]:
        assert split_tag(t)[1] in LABELS
    assert bio_tag("street", True) == "B-street" and bio_tag(None, False) == "O"


def test_mappings_target_known_labels() -> None:
    assert set(PELIAS_TO_ADDRNET.values()) <= set(LABELS)
    assert {v for v in USADDRESS_TO_ADDRNET.values() if v} <= set(LABELS)
    assert PELIAS_TO_ADDRNET["housenumber"] == "house_number"


@pytest.mark.parametrize("view", sorted(LABEL_VIEWS))
def test_views_cover_every_label_one_to_one(view: str) -> None:
    table = LABEL_VIEWS[view]
    assert set(table) == set(LABELS)
    assert len(set(table.values())) == len(LABELS), f"{view}: two labels share a name"


LIBPOSTAL_LABELS = {  # openvenues/libpostal README, "Parser labels"
    "house", "category", "near", "house_number", "road", "unit", "level", "staircase", "entrance", "po_box",
    "postcode", "suburb", "city_district", "city", "island", "state_district", "state", "country_region",
    "country", "world_region",
}


def test_libpostal_view_uses_libpostal_names() -> None:
    table = LABEL_VIEWS["libpostal"]
    assert set(table.values()) <= LIBPOSTAL_LABELS
    assert (table["street"], table["locality"], table["region"], table["county"], table["venue"]) == (
        "road", "city", "state", "state_district", "house")


def test_pelias_view_agrees_with_the_harness_mapping() -> None:
    table = LABEL_VIEWS["pelias"]
    for pelias, addrnet in PELIAS_TO_ADDRNET.items():
        assert table[addrnet] == pelias


def test_relabel_tags_and_labels() -> None:
    assert relabel("B-street", "libpostal") == "B-road"
    assert relabel("I-locality", "libpostal") == "I-city"
    assert relabel("house_number", "pelias") == "housenumber"
    assert relabel("O", "pelias") == "O"
    assert relabel("street", "addrnet") == "street"
    with pytest.raises(ValueError, match="unknown label view"):
        relabel("street", "google")


def test_parse_route_label_views(live_server: str) -> None:
    import httpx

    text = {"text": "1745 T Street Southeast, Washington, DC 20020"}
    base = httpx.post(f"{live_server}/parse?tokens=true", json=text).json()
    for view in ("libpostal", "pelias"):
        got = httpx.post(f"{live_server}/parse?tokens=true&labels={view}", json=text).json()
        table = LABEL_VIEWS[view]
        assert [c["label"] for c in got["components"]] == [table[c["label"]] for c in base["components"]]
        assert [c["value"] for c in got["components"]] == [c["value"] for c in base["components"]]
        assert [t["label"] for t in got["tokens"]] == [relabel(t["label"], view) for t in base["tokens"]]
    batch = httpx.post(f"{live_server}/parse/batch?labels=libpostal", json={"texts": [text["text"]] * 2}).json()
    assert [c["label"] for c in batch["results"][1]["components"]] == [
        LABEL_VIEWS["libpostal"][c["label"]] for c in base["components"]]
    bad = httpx.post(f"{live_server}/parse?labels=google", json=text)
    assert bad.status_code == 422 and bad.json()["error"]["code"]
