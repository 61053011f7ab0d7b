"""shadow_events: keyed text hash instead of the text, per-label agreement columns for SQL aggregates

Revision ID: 0004_shadow_privacy
Revises: 0003_address_points

* ``text_hash``: HMAC-SHA256 of the client's text (the ``text`` column stays, filled only when
  ``ADDRNET_SHADOW_STORE_TEXT=1``). Existing texts are cleared: they were stored without consent.
* ``ix_shadow_events_report``: a covering index for the report's aggregates over an id window.
* ``ag_<label>`` (one per component label, plus ``ag_top_place``): 1 agree, 0 disagree, NULL when
  neither arm produced the label, so ``AVG(ag_x)`` is that label's agreement rate.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_shadow_privacy"
down_revision = "0003_address_points"
branch_labels = None
depends_on = None

AGREE_COLUMNS = (  # model.labels.LABELS at this revision, plus the top place of /resolve
    "venue", "house_number", "street", "unit", "level", "po_box", "postcode", "suburb", "locality", "county",
    "region", "country", "top_place",
)


def upgrade() -> None:
    with op.batch_alter_table("shadow_events") as batch:
        batch.add_column(sa.Column("text_hash", sa.String(64)))
        for name in AGREE_COLUMNS:
            batch.add_column(sa.Column(f"ag_{name}", sa.SmallInteger))
    op.execute("UPDATE shadow_events SET text = NULL")
    # the report's aggregates read only this covering index over an id range, never the wide rows
    op.create_index("ix_shadow_events_report", "shadow_events",
                    ["id", "route", "agree_all", "primary_ms", "shadow_ms", *[f"ag_{n}" for n in AGREE_COLUMNS]])


def downgrade() -> None:
    op.drop_index("ix_shadow_events_report", table_name="shadow_events")
    with op.batch_alter_table("shadow_events") as batch:
        for name in AGREE_COLUMNS:
            batch.drop_column(f"ag_{name}")
        batch.drop_column("text_hash")
