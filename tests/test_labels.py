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
