"""Gazetteer tables (SQLAlchemy Core). Alembic migrations own the DDL; these mirror them.

* ``places``: one row per locality / region / country (``kind``), with coordinates and population.
* ``names``: every name of a place (official, alternate, abbreviation, postal) and its lookup key
  ``norm`` (``resolver.names.normalize_name``); ``norm_rev`` (the key reversed) and ``country_code``
  serve the portable fuzzy lookup (prefix / suffix range scans).
* ``postcodes``: postal codes with their places (JSON list of place ids, primary first).
* ``streets`` / ``address_points``: the address level, imported from OpenAddresses CSVs
  (``addrnet gazetteer import-oa``); empty unless imported.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

PLACE_KINDS = ("locality", "region", "country", "postcode")
NAME_KINDS = ("official", "alternate", "abbreviation", "postal")

places = sa.Table(
    "places",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("country_code", sa.String(2), nullable=False),
    sa.Column("admin1_code", sa.String(20)),
    sa.Column("admin1_name", sa.String(200)),
    sa.Column("admin2_name", sa.String(200)),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("population", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("source", sa.String(16), nullable=False),
    sa.Column("source_id", sa.String(64), nullable=False),
    sa.Index("ix_places_kind_country_admin1", "kind", "country_code", "admin1_code"),
    sa.Index("ix_places_kind_lat", "kind", "lat"),
    sa.UniqueConstraint("source", "source_id", name="uq_places_source"),
)

names = sa.Table(
    "names",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("place_id", sa.Integer, sa.ForeignKey("places.id", ondelete="CASCADE"), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("norm", sa.String(200), nullable=False),
    sa.Column("norm_rev", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("lang", sa.String(8)),
    sa.Column("place_kind", sa.String(16), nullable=False),
    sa.Column("country_code", sa.String(2), nullable=False),
    sa.Index("ix_names_norm_kind", "norm", "place_kind"),
    sa.Index("ix_names_place", "place_id"),
    sa.Index("ix_names_cc_norm", "place_kind", "country_code", "norm"),
    sa.Index("ix_names_cc_norm_rev", "place_kind", "country_code", "norm_rev"),
    sa.Index("ix_names_kind_norm_rev", "place_kind", "norm_rev"),
)

postcodes = sa.Table(
    "postcodes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(16), nullable=False),
    sa.Column("country", sa.String(2), nullable=False),
    sa.Column("admin1_code", sa.String(20)),
    sa.Column("place_ids", sa.JSON, nullable=False),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Index("ix_postcodes_code_country", "code", "country", unique=True),
)

streets = sa.Table(
    "streets",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("norm", sa.String(200), nullable=False),
    sa.Column("base", sa.String(200), nullable=False),
    sa.Column("country_code", sa.String(2), nullable=False),
    sa.Column("region", sa.String(64), nullable=False, server_default=""),
    sa.Column("city", sa.String(200), nullable=False, server_default=""),
    sa.Column("city_norm", sa.String(200), nullable=False, server_default=""),
    sa.Column("locality_id", sa.Integer, sa.ForeignKey("places.id", ondelete="SET NULL")),
    sa.Column("postcode", sa.String(16)),
    sa.Column("lat", sa.Float, nullable=False),
    sa.Column("lon", sa.Float, nullable=False),
    sa.Column("min_lat", sa.Float, nullable=False),
    sa.Column("max_lat", sa.Float, nullable=False),
    sa.Column("min_lon", sa.Float, nullable=False),
    sa.Column("max_lon", sa.Float, nullable=False),
    sa.Column("point_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("cell", sa.Integer, nullable=False),
    sa.UniqueConstraint("country_code", "region", "city_norm", "norm", name="uq_streets_key"),
    sa.Index("ix_streets_norm", "norm"),
    sa.Index("ix_streets_base", "base"),
    sa.Index("ix_streets_locality", "locality_id"),
    sa.Index("ix_streets_cc_region", "country_code", "region"),
    sa.Index("ix_streets_cell", "cell"),
)

address_points = sa.Table(
    "address_points",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("street_id", sa.Integer, sa.ForeignKey("streets.id", ondelete="CASCADE"), nullable=False),
    sa.Column("number", sa.String(32), nullable=False),
    sa.Column("number_int", sa.Integer),
    sa.Column("unit", sa.String(64), nullable=False, server_default=""),
    sa.Column("postcode", sa.String(16)),
    sa.Column("lat", sa.Float, nullable=False),
    sa.Column("lon", sa.Float, nullable=False),
    sa.Column("cell", sa.Integer, nullable=False),
    sa.Column("row_key", sa.String(64), nullable=False),
    sa.Column("oa_id", sa.String(64)),
    sa.Column("source", sa.String(128)),
    sa.UniqueConstraint("row_key", name="uq_address_points_row_key"),
    sa.Index("ix_address_points_street_number", "street_id", "number_int"),
    sa.Index("ix_address_points_cell", "cell"),
    sa.Index("ix_address_points_postcode", "postcode"),
)

GAZETTEER_TABLES = (places, names, postcodes)
ADDRESS_TABLES = (streets, address_points)
