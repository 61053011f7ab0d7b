"""The one list of resolver components and the one set of limits, shared by the HTTP schema, the
routes and the resolver.

* ``PLACE_COMPONENTS``: components that name places (gazetteer levels).
* ``ADDRESS_COMPONENTS``: components of the address level (``streets`` / ``address_points``).
* ``COMPONENTS``: everything the resolver reads; other labels (venue, po_box, level) are ignored.
* ``MATCH_LEVELS``: what a result can be, most precise first; ``LAYERS`` are the Pelias layer names.
"""

from __future__ import annotations

PLACE_COMPONENTS: tuple[str, ...] = (
    "locality", "suburb", "city_district", "county", "region", "postcode", "country",
)  # fmt: skip
ADDRESS_COMPONENTS: tuple[str, ...] = ("house_number", "street", "unit")
COMPONENTS: tuple[str, ...] = ADDRESS_COMPONENTS + PLACE_COMPONENTS

MAX_COMPONENT_CHARS = 200  # longer component values are rejected (422 over HTTP)
MAX_LIMIT = 100  # results per query, resolver API (HTTP routes cap lower, see Settings.resolve_limit_max)
MAX_READINGS = 8  # joint readings scored per query
LAST_RESORT_READINGS = 6  # more readings when none of those has a result (``readings.last_resort``)

MATCH_LEVELS: tuple[str, ...] = ("address", "street", "postcode", "locality", "region", "country")
#: Pelias layer of each match level
LAYERS: dict[str, str] = {
    "address": "address", "street": "street", "postcode": "postalcode", "locality": "locality",
    "region": "region", "country": "country",
}  # fmt: skip
#: accuracy hint of each match level (Pelias: "point" for a surveyed point, "centroid" otherwise)
ACCURACY: dict[str, str] = {
    "address": "point", "street": "centroid", "postcode": "centroid", "locality": "centroid",
    "region": "centroid", "country": "centroid",
}  # fmt: skip
