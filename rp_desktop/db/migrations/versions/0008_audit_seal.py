"""The audit trail's keyed seal: a `seal` column on audit_event, empty for every event made before
this revision. The migration cannot know the database's key, so it only adds the column; the
first opening with the key seals the existing events (services/audit_sealing.py), after
checking that their hash chain holds, and records that it did.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 06:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seal", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_column("seal")
