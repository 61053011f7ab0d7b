"""gazetteer: places, names, postcodes (+ pg_trgm trigram index on PostgreSQL)

Revision ID: 0001_gazetteer
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_gazetteer"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "places",
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
        sa.UniqueConstraint("source", "source_id", name="uq_places_source"),
    )
    op.create_index("ix_places_kind_country_admin1", "places", ["kind", "country_code", "admin1_code"])
    op.create_table(
        "names",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("place_id", sa.Integer, sa.ForeignKey("places.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("norm", sa.String(200), nullable=False),
        sa.Column("norm_rev", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("lang", sa.String(8)),
        sa.Column("place_kind", sa.String(16), nullable=False),
        sa.Column("country_code", sa.String(2), nullable=False),
    )
    op.create_index("ix_names_norm_kind", "names", ["norm", "place_kind"])
    op.create_index("ix_names_place", "names", ["place_id"])
    op.create_index("ix_names_cc_norm", "names", ["place_kind", "country_code", "norm"])
    op.create_index("ix_names_cc_norm_rev", "names", ["place_kind", "country_code", "norm_rev"])
    op.create_index("ix_names_kind_norm_rev", "names", ["place_kind", "norm_rev"])
    op.create_table(
        "postcodes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("admin1_code", sa.String(20)),
        sa.Column("place_ids", sa.JSON, nullable=False),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
    )
    op.create_index("ix_postcodes_code_country", "postcodes", ["code", "country"], unique=True)
    if op.get_bind().dialect.name == "postgresql":
        # in public (on every search_path) so that a schema-scoped gazetteer still sees its operators
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
        op.execute("CREATE INDEX ix_names_norm_trgm ON names USING gin (norm gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_names_norm_trgm")
    op.drop_table("postcodes")
    op.drop_table("names")
    op.drop_table("places")
