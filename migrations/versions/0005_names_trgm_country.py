"""names: a country-restricted trigram index for the fuzzy locality lookup (PostgreSQL only)

Revision ID: 0005_names_trgm_country
Revises: 0004_shadow_privacy

The fuzzy lookup (``resolver.candidates.names_fuzzy``) asks for locality names similar to a key
(``norm % q``), usually within one country. The global ``ix_names_norm_trgm`` of 0001 finds the similar
names of every kind in every country and leaves the country to a filter over the heap: ~2,900 index
hits and ~1,000 heap pages read for one typo'd US city, 17-50 ms. ``ix_names_loc_cc_norm_trgm`` is a
GIN index over ``(country_code, norm gin_trgm_ops)`` (``btree_gin`` indexes the country code) for the
``locality`` names only: the index itself intersects the country with the trigrams (~1.5 ms). Without a
country the same index serves ``norm % q`` alone. It replaces ``ix_names_norm_trgm`` (no other query
uses trigrams). Where ``btree_gin`` cannot be installed, the index is ``(norm gin_trgm_ops)`` for the
localities only. SQLite: nothing (its fuzzy lookup scans prefix/suffix ranges of b-tree indexes).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_names_trgm_country"
down_revision = "0004_shadow_privacy"
branch_labels = None
depends_on = None

INDEX = "ix_names_loc_cc_norm_trgm"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    has_btree_gin = bind.execute(
        sa.text("SELECT count(*) FROM pg_available_extensions WHERE name = 'btree_gin'")
    ).scalar()
    if has_btree_gin:
        # in public (on every search_path), like pg_trgm in 0001
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA public")
        columns = "country_code, norm gin_trgm_ops"
    else:
        columns = "norm gin_trgm_ops"
    op.execute(f"CREATE INDEX {INDEX} ON names USING gin ({columns}) WHERE place_kind = 'locality'")
    op.execute("DROP INDEX IF EXISTS ix_names_norm_trgm")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE INDEX ix_names_norm_trgm ON names USING gin (norm gin_trgm_ops)")
    op.execute(f"DROP INDEX IF EXISTS {INDEX}")
