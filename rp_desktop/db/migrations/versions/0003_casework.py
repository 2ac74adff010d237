"""Tier 2 and Tier 3 casework: the counselor's private note, suspension days avoided and the
closing date on a case; who attended each meeting; support plans with progress entries; re-entry
plans; and the indexes a student's timeline needs.

Cases closed before this revision get the day of their last change as their closing day: the
best there is. Meetings recorded before it have no attendance; nothing is guessed for them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 14:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("private_note", sa.Text(), server_default=sa.text("''"), nullable=False)
        )
        batch_op.add_column(sa.Column("suspension_days_avoided", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("closed_on", sa.Date(), nullable=True))
    op.execute("UPDATE \"case\" SET closed_on = date(updated_at) WHERE status = 'closed'")

    with op.batch_alter_table("agreement_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_item_owner_participant_id"),
            ["owner_participant_id"],
            unique=False,
        )

    op.create_table(
        "meeting_attendee",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_attendee_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["case_participant.id"],
            name=op.f("fk_meeting_attendee_participant_id_case_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "participant_id", name=op.f("pk_meeting_attendee")),
    )
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_attendee_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "support_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("goal", sa.Text(), nullable=False),
        sa.Column("strategies", sa.Text(), nullable=False),
        sa.Column("owner_staff_id", sa.Integer(), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("frequency", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("1"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_support_plan_case_id_case"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["owner_staff_id"],
            ["staff.id"],
            name=op.f("fk_support_plan_owner_staff_id_staff"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["student.id"],
            name=op.f("fk_support_plan_student_id_student"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_plan")),
    )
    with op.batch_alter_table("support_plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_support_plan_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_support_plan_student_id"), ["student_id"], unique=False
        )

    op.create_table(
        "progress_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("rating BETWEEN 1 AND 5", name=op.f("ck_progress_entry_rating_range")),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["support_plan.id"],
            name=op.f("fk_progress_entry_plan_id_support_plan"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_entry")),
    )
    with op.batch_alter_table("progress_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_progress_entry_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "re_entry_plan",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("supports", sa.Text(), nullable=False),
        sa.Column("needs", sa.Text(), nullable=False),
        sa.Column("responsibilities", sa.Text(), nullable=False),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_re_entry_plan_case_id_case"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_re_entry_plan")),
    )


def downgrade() -> None:
    op.drop_table("re_entry_plan")
    with op.batch_alter_table("progress_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_progress_entry_plan_id"))
    op.drop_table("progress_entry")
    with op.batch_alter_table("support_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_support_plan_student_id"))
        batch_op.drop_index(batch_op.f("ix_support_plan_case_id"))
    op.drop_table("support_plan")
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_attendee_participant_id"))
    op.drop_table("meeting_attendee")
    with op.batch_alter_table("agreement_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_item_owner_participant_id"))
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_column("closed_on")
        batch_op.drop_column("suspension_days_avoided")
        batch_op.drop_column("private_note")
