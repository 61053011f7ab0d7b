from model.labels import LABELS, NUM_TAGS, PELIAS_TO_ADDRNET, TAGS, USADDRESS_TO_ADDRNET, bio_tag, split_tag


def test_tag_scheme() -> None:
    assert TAGS[0] == "O" and NUM_TAGS == 1 + 2 * len(LABELS)
    for t in TAGS[1:]:
        assert split_tag(t)[1] in LABELS
    assert bio_tag("street", True) == "B-street" and bio_tag(None, False) == "O"


def test_mappings_target_known_labels() -> None:
    assert set(PELIAS_TO_ADDRNET.values()) <= set(LABELS)
    assert {v for v in USADDRESS_TO_ADDRNET.values() if v} <= set(LABELS)
    assert PELIAS_TO_ADDRNET["housenumber"] == "house_number"
