"""The circle keeper's craft: rounds directed to named seats or to roles (plan_round.to_roles,
run_round.to_roles and to_seats), a prompt's age bands and a round's language (a second
language shown under the first in a bilingual circle), who sat in a circle as what (run_seat.role
and caregiver_id), the adults at a Tier 1 circle (circle_staff_attendance, and guests as a
count, never a name), and a group's agreements made in a values circle (group_agreement).

Rows already saved keep their meaning: every round so far went to everyone in one language,
no prompt was tagged by age yet, and no staff attendance was recorded. One mending: circles run
from a template before release 0009 saved their purpose as the template list's words
("Template: Community-building circle"); they now read as the plan's own name, as circles have
since.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 12:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EMPTY = sa.text("''")


def upgrade() -> None:
    with op.batch_alter_table("prompt", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("age_bands", sa.String(length=60), server_default=EMPTY, nullable=False)
        )
    with op.batch_alter_table("plan_round", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("to_roles", sa.String(length=200), server_default=EMPTY, nullable=False)
        )
        batch_op.add_column(
            sa.Column(
                "language", sa.String(length=10), server_default=sa.text("'en'"), nullable=False
            )
        )
        batch_op.add_column(
            sa.Column("second_text", sa.Text(), server_default=EMPTY, nullable=False)
        )
        batch_op.add_column(
            sa.Column("second_language", sa.String(length=10), server_default=EMPTY, nullable=False)
        )
    with op.batch_alter_table("run_round", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("to_roles", sa.String(length=200), server_default=EMPTY, nullable=False)
        )
        batch_op.add_column(
            sa.Column("to_seats", sa.String(length=400), server_default=EMPTY, nullable=False)
        )
        batch_op.add_column(
            sa.Column("second_text", sa.Text(), server_default=EMPTY, nullable=False)
        )
    with op.batch_alter_table("run_seat", schema=None) as batch_op:
        batch_op.add_column(sa.Column("caregiver_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("role", sa.String(length=40), server_default=EMPTY, nullable=False)
        )
        batch_op.create_index(
            batch_op.f("ix_run_seat_caregiver_id"), ["caregiver_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_run_seat_caregiver_id_caregiver"),
            "caregiver",
            ["caregiver_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("community_circle", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("guests", sa.Integer(), server_default=sa.text("0"), nullable=False)
        )
    _create_staff_attendance()
    _create_group_agreement()
    op.execute(
        "UPDATE community_circle SET purpose = substr(purpose, 11)"
        " WHERE purpose LIKE 'Template: %'"
        " AND plan_id IN (SELECT id FROM circle_plan WHERE is_template)"
    )


def _create_staff_attendance() -> None:
    op.create_table(
        "circle_staff_attendance",
        sa.Column("circle_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["circle_id"],
            ["community_circle.id"],
            name=op.f("fk_circle_staff_attendance_circle_id_community_circle"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
            name=op.f("fk_circle_staff_attendance_staff_id_staff"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("circle_id", "staff_id", name=op.f("pk_circle_staff_attendance")),
    )
    with op.batch_alter_table("circle_staff_attendance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_circle_staff_attendance_staff_id"), ["staff_id"], unique=False
        )


def _create_group_agreement() -> None:
    op.create_table(
        "group_agreement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("community_circle_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("1"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_circle_id"],
            ["community_circle.id"],
            name=op.f("fk_group_agreement_community_circle_id_community_circle"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["student_group.id"],
            name=op.f("fk_group_agreement_group_id_student_group"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_agreement")),
    )
    with op.batch_alter_table("group_agreement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_group_agreement_community_circle_id"),
            ["community_circle_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_group_agreement_group_id"), ["group_id"], unique=False)


def downgrade() -> None:
    op.drop_table("group_agreement")
    op.drop_table("circle_staff_attendance")
    with op.batch_alter_table("community_circle", schema=None) as batch_op:
        batch_op.drop_column("guests")
    with op.batch_alter_table("run_seat", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_run_seat_caregiver_id_caregiver"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_run_seat_caregiver_id"))
        batch_op.drop_column("role")
        batch_op.drop_column("caregiver_id")
    with op.batch_alter_table("run_round", schema=None) as batch_op:
        for column in ("second_text", "to_seats", "to_roles"):
            batch_op.drop_column(column)
    with op.batch_alter_table("plan_round", schema=None) as batch_op:
        for column in ("second_language", "second_text", "language", "to_roles"):
            batch_op.drop_column(column)
    with op.batch_alter_table("prompt", schema=None) as batch_op:
        batch_op.drop_column("age_bands")
