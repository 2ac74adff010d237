"""Trust: form drafts kept in the (encrypted) database while the user types, so a crash loses
nothing; a hold on a case, which keeps it whatever the retention period; and an index on every
foreign key that deletes go through, so removing a circle or a case (retention) does not scan
the largest tables once per row.

Every case made before this revision starts without a hold.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 16:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Foreign keys that a delete of the row they point at must look up.
INDEXED = (
    ("agreement", "meeting_id"),
    ("circle_run", "plan_id"),
    ("circle_run", "group_id"),
    ("circle_run", "community_circle_id"),
    ("circle_run", "meeting_id"),
    ("follow_up", "agreement_item_id"),
    ("meeting_answer", "participant_id"),
    ("plan_round", "plan_id"),
    ("run_seat", "run_id"),
    ("run_seat", "student_id"),
    ("turn", "seat_id"),
)


def upgrade() -> None:
    op.create_table(
        "form_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("form", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_form_draft")),
        sa.UniqueConstraint("key", name=op.f("uq_form_draft_key")),
    )
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("hold", sa.Boolean(), server_default=sa.text("0"), nullable=False)
        )

    for table, column in INDEXED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def downgrade() -> None:
    for table, column in reversed(INDEXED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_{column}"))
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_column("hold")
    op.drop_table("form_draft")
