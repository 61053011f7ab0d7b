"""address level: streets and address points imported from OpenAddresses CSVs

Revision ID: 0003_address_points
Revises: 0002_shadow_events

* ``streets``: one row per (country, region, locality, normalized street name) with its centroid,
  bounding box, point count, a 0.1-degree grid ``cell`` (streets near a place) and the gazetteer
  locality it lies in (``locality_id``, nullable).
* ``address_points``: one row per OA point (``row_key``, a digest of the row, is unique, so a
  re-import is a no-op), linked to its street, with the house number as
  written and its leading integer (``number_int``, for interpolation) and a 0.01-degree grid
  ``cell`` (for reverse lookups).
* ``ix_places_kind_lat``: places by latitude band (reverse geocoding to the nearest locality).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_address_points"
down_revision = "0002_shadow_events"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "streets",
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
    )
    op.create_index("ix_streets_norm", "streets", ["norm"])
    op.create_index("ix_streets_base", "streets", ["base"])
    op.create_index("ix_streets_locality", "streets", ["locality_id"])
    op.create_index("ix_streets_cc_region", "streets", ["country_code", "region"])
    op.create_index("ix_streets_cell", "streets", ["cell"])
    op.create_table(
        "address_points",
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
    )
    op.create_index("ix_address_points_street_number", "address_points", ["street_id", "number_int"])
    op.create_index("ix_address_points_cell", "address_points", ["cell"])
    op.create_index("ix_address_points_postcode", "address_points", ["postcode"])
    op.create_index("ix_places_kind_lat", "places", ["kind", "lat"])


def downgrade() -> None:
    op.drop_index("ix_places_kind_lat", table_name="places")
    op.drop_index("ix_address_points_postcode", table_name="address_points")
    op.drop_index("ix_address_points_cell", table_name="address_points")
    op.drop_index("ix_address_points_street_number", table_name="address_points")
    op.drop_table("address_points")
    op.drop_index("ix_streets_cell", table_name="streets")
    op.drop_index("ix_streets_cc_region", table_name="streets")
    op.drop_index("ix_streets_locality", table_name="streets")
    op.drop_index("ix_streets_base", table_name="streets")
    op.drop_index("ix_streets_norm", table_name="streets")
    op.drop_table("streets")
