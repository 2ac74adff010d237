"""Demographics: the optional fields a school's roster carries about a student (gender,
race/ethnicity, special education, English learner, economically disadvantaged), one row per
student and field, so disproportionality reports can compare groups of students.

Also an index on when circles and cases were last changed, for Home's recent activity (without
it, the query reads all 84,000 circles of the benchmark building: 18 ms of a 21 ms Home), and
one on when circle runs started, for equity of voice over a period.

No student has a value before this revision: the table starts empty and a missing row means
unknown. Rows go when their student goes (ON DELETE CASCADE), so retention needs no change.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "student_demographic",
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["student.id"],
            name=op.f("fk_student_demographic_student_id_student"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("student_id", "field", name=op.f("pk_student_demographic")),
    )
    with op.batch_alter_table("student_demographic", schema=None) as batch_op:
        batch_op.create_index(
            "ix_student_demographic_field_value", ["field", "value"], unique=False
        )
    with op.batch_alter_table("community_circle", schema=None) as batch_op:
        batch_op.create_index("ix_community_circle_updated_at", ["updated_at", "id"], unique=False)
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.create_index("ix_case_updated_at", ["updated_at", "id"], unique=False)
    with op.batch_alter_table("circle_run", schema=None) as batch_op:
        batch_op.create_index("ix_circle_run_started_at", ["started_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("circle_run", schema=None) as batch_op:
        batch_op.drop_index("ix_circle_run_started_at")
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_index("ix_case_updated_at")
    with op.batch_alter_table("community_circle", schema=None) as batch_op:
        batch_op.drop_index("ix_community_circle_updated_at")
    with op.batch_alter_table("student_demographic", schema=None) as batch_op:
        batch_op.drop_index("ix_student_demographic_field_value")
    op.drop_table("student_demographic")
