"""shadow_events: shadow-traffic comparisons (owned and used by the app layer)

Revision ID: 0002_shadow_events
Revises: 0001_gazetteer
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_shadow_events"
down_revision = "0001_gazetteer"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shadow_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("route", sa.String(32)),
        sa.Column("primary_arm", sa.String(32)),
        sa.Column("shadow_arm", sa.String(32)),
        sa.Column("text", sa.Text),
        sa.Column("primary_result", sa.JSON),
        sa.Column("shadow_result", sa.JSON),
        sa.Column("primary_ms", sa.Float),
        sa.Column("shadow_ms", sa.Float),
        sa.Column("agree", sa.JSON),
        sa.Column("agree_all", sa.Boolean),
    )
    op.create_index("ix_shadow_events_created_at", "shadow_events", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_shadow_events_created_at", table_name="shadow_events")
    op.drop_table("shadow_events")
