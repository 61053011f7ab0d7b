"""Canonical component labels and the BIO tag scheme, shared by training and serving.

Labels (examples in quotes are the component's value):

- ``venue``: a named place or building before the address: "Empire State Building", "Starbucks".
- ``house_number``: "1745", "22 A", "12-14", "N6W23001".
- ``street``: the whole street with its type and directionals: "SE A ST", "T Street Southeast",
  "Rue du Presbytère", "Markgrafenstraße". An intersection ("Main St & 2nd Ave") yields two ``street``
  components; the "&" / "and" / "at" between them is ``O``.
- ``unit``: apartment, suite or unit with its designator: "Apt 4B", "#12", "Suite 300", "Unit 5".
- ``level``: a floor: "Fl 3", "3rd Floor", "Level 2".
- ``po_box``: "PO Box 123", "P.O. Box 9".
- ``postcode``: "94102", "10117", "18180-000", "SW1A 1AA".
- ``suburb``: a neighbourhood or district within a locality: "Mission District", "Kreuzberg".
- ``locality``: city, town or village: "San Francisco", "Praha", "St. Louis".
- ``county``: "Alameda County", "Trumbull County".
- ``region``: state, province or its code: "CA", "California", "NSW", "Toscana".
- ``country``: "USA", "Deutschland", "France".

Tags are BIO over words (see ``model.normalize.split_words``): ``O``, ``B-<label>``, ``I-<label>``.
Punctuation words such as "," are ``O``.

Pelias harness labels map one-to-one (``PELIAS_TO_ADDRNET``): housenumber -> house_number, street ->
street, locality -> locality, region -> region, postcode -> postcode, country -> country, venue -> venue,
unit -> unit.

usaddress labels map through ``USADDRESS_TO_ADDRNET``. Street parts (pre/post type, directional,
modifier) merge into one ``street``; Occupancy* and Subaddress* become ``unit``; USPSBox* become
``po_box``; BuildingName and LandmarkName become ``venue``. Labels with no addrnet equivalent map to
``None`` and are tagged ``O``: Recipient (a person or company name, not part of the address),
IntersectionSeparator and CornerOf (the connector between two streets), NotAddress. A record carrying a
label missing from the table (e.g. the stray ``suffix``) is rejected by the corpus builder and counted.
"""

from __future__ import annotations

LABELS: tuple[str, ...] = (
    "venue",
    "house_number",
    "street",
    "unit",
    "level",
    "po_box",
    "postcode",
    "suburb",
    "locality",
    "county",
    "region",
    "country",
)

OUTSIDE = "O"
TAGS: tuple[str, ...] = (OUTSIDE,) + tuple(f"{p}-{label}" for label in LABELS for p in ("B", "I"))
TAG_TO_ID: dict[str, int] = {t: i for i, t in enumerate(TAGS)}
NUM_TAGS = len(TAGS)

PELIAS_TO_ADDRNET: dict[str, str] = {
    "housenumber": "house_number",
    "street": "street",
    "locality": "locality",
    "region": "region",
    "postcode": "postcode",
    "country": "country",
    "venue": "venue",
    "unit": "unit",
}

USADDRESS_TO_ADDRNET: dict[str, str | None] = {
    "AddressNumber": "house_number",
    "AddressNumberPrefix": "house_number",
    "AddressNumberSuffix": "house_number",
    "StreetName": "street",
    "StreetNamePreType": "street",
    "StreetNamePostType": "street",
    "StreetNamePreDirectional": "street",
    "StreetNamePostDirectional": "street",
    "StreetNamePreModifier": "street",
    "StreetNamePostModifier": "street",
    "PlaceName": "locality",
    "StateName": "region",
    "ZipCode": "postcode",
    "ZipPlus4": "postcode",
    "CountryName": "country",
    "OccupancyType": "unit",
    "OccupancyIdentifier": "unit",
    "SubaddressType": "unit",
    "SubaddressIdentifier": "unit",
    "USPSBoxType": "po_box",
    "USPSBoxID": "po_box",
    "USPSBoxGroupType": "po_box",
    "USPSBoxGroupID": "po_box",
    "BuildingName": "venue",
    "LandmarkName": "venue",
    "Recipient": None,
    "IntersectionSeparator": None,
    "CornerOf": None,
    "NotAddress": None,
}


def bio_tag(label: str | None, first: bool) -> str:
    if label is None:
        return OUTSIDE
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r}")
    return f"{'B' if first else 'I'}-{label}"


def split_tag(tag: str) -> tuple[str, str | None]:
    """'B-street' -> ('B', 'street'); 'O' -> ('O', None)."""
    if tag == OUTSIDE:
        return OUTSIDE, None
    prefix, _, label = tag.partition("-")
    return prefix, label


# Label views: the same components under another parser's label names (``POST /parse?labels=libpostal``,
# ``Parser.parse(..., labels="pelias")``, ``addrnet parse --labels``). Each view is one-to-one, so no two
# addrnet labels share a name and a view can be mapped back.
#
# libpostal (openvenues/libpostal "parser labels"): venue -> house (libpostal's name for a venue or
# building), street -> road, locality -> city, county -> state_district, region -> state; the rest keep
# their names. libpostal labels with no addrnet counterpart (category, near, staircase, entrance,
# city_district, island, country_region, world_region) are never produced.
#
# pelias: the pelias/parser field names for the fields it has (housenumber, street, unit, postcode,
# locality, region, country, venue) and the Pelias placetype names for the rest (suburb -> neighbourhood,
# county -> county); level and po_box keep their names.
LABEL_VIEWS: dict[str, dict[str, str]] = {
    "addrnet": {label: label for label in LABELS},
    "libpostal": {
        "venue": "house",
        "house_number": "house_number",
        "street": "road",
        "unit": "unit",
        "level": "level",
        "po_box": "po_box",
        "postcode": "postcode",
        "suburb": "suburb",
        "locality": "city",
        "county": "state_district",
        "region": "state",
        "country": "country",
    },
    "pelias": {
        "venue": "venue",
        "house_number": "housenumber",
        "street": "street",
        "unit": "unit",
        "level": "level",
        "po_box": "po_box",
        "postcode": "postcode",
        "suburb": "neighbourhood",
        "locality": "locality",
        "county": "county",
        "region": "region",
        "country": "country",
    },
}
VIEWS: tuple[str, ...] = tuple(LABEL_VIEWS)


def view_of(view: str) -> dict[str, str]:
    """The label table of ``view`` (one of ``VIEWS``); ``ValueError`` for an unknown view."""
    try:
        return LABEL_VIEWS[view]
    except KeyError:
        raise ValueError(f"unknown label view {view!r}; use one of {list(VIEWS)}") from None


def relabel(tag_or_label: str, view: str) -> str:
    """A label (``street``) or BIO tag (``B-street``) in ``view``: ``road`` / ``B-road`` for libpostal."""
    table = view_of(view)
    if tag_or_label == OUTSIDE:
        return OUTSIDE
    if tag_or_label[:2] in ("B-", "I-"):
        return tag_or_label[:2] + table[tag_or_label[2:]]
    return table[tag_or_label]


def relabel_payload(payload: dict, view: str) -> dict:
    """A parse payload (``{"components": [{"label", ...}], "tokens": [...]}``) in ``view``, changed in place."""
    if view == "addrnet":
        return payload
    table = view_of(view)
    for c in payload.get("components") or ():
        c["label"] = table[c["label"]]
    for t in payload.get("tokens") or ():
        t["label"] = relabel(t["label"], view)
    return payload
