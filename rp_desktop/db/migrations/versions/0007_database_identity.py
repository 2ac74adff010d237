"""The database's identity: a random UUID kept in `school_setting` under `database_id`, made once
when the database is made (or when an older one is first opened by this release) and carried by
every copy of it, backups and restores included. Backups are filed under it, never under the
file's name, so two databases that are both called school.db keep their backups apart.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 05:00:00.000000
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The key services/safekeeping/database.py and db/read_only.py read it under.
IDENTITY_KEY = "database_id"


def upgrade() -> None:
    op.get_bind().execute(
        sa.text("INSERT INTO school_setting (key, value) VALUES (:key, :value)"),
        {"key": IDENTITY_KEY, "value": str(uuid.uuid4())},
    )


def downgrade() -> None:
    op.get_bind().execute(
        sa.text("DELETE FROM school_setting WHERE key = :key"), {"key": IDENTITY_KEY}
    )
