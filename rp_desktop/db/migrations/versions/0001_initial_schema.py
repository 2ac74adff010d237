"""The initial schema: people, groups, Tier 1 circles, cases, the circle library, audit.

It also seeds the default case categories, which the school can rename or retire. None is
punitive, and some are observations rather than harm.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 11:55:02.182196
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEFAULT_CATEGORIES = [
    ("Conflict between students", "harm"),
    ("Hurtful words or teasing", "harm"),
    ("Physical harm", "harm"),
    ("Bullying or harassment", "harm"),
    ("Online or social media harm", "harm"),
    ("Damage to property or belongings", "harm"),
    ("Harm to a relationship with staff", "harm"),
    ("Classroom disruption", "concern"),
    ("Attendance concern", "concern"),
    ("Safety concern", "concern"),
    ("Strained relationship", "concern"),
    ("Wellbeing concern", "concern"),
    ("Returning after absence or suspension", "concern"),
    ("Positive observation", "positive"),
    ("Leadership or kindness shown", "positive"),
    ("Check-in", "neutral"),
    ("Other", "neutral"),
]


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.String(), nullable=False),
        sa.Column("previous_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    op.create_table(
        "case_category",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_category")),
        sa.UniqueConstraint("name", name=op.f("uq_case_category_name")),
    )
    op.create_table(
        "circle_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("is_template", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_circle_plan")),
    )
    op.create_table(
        "prompt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("stage", sa.String(length=40), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("tags", sa.String(), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("1"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prompt")),
    )
    with op.batch_alter_table("prompt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_prompt_stage"), ["stage"], unique=False)

    op.create_table(
        "school_setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_school_setting")),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("1"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
    )
    op.create_table(
        "student",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_number", sa.String(length=32), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("preferred_name", sa.String(length=100), nullable=False),
        sa.Column("grade", sa.Integer(), nullable=False),
        sa.Column("homeroom", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("1"), nullable=False),
        sa.Column("search_key", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_student")),
        sa.UniqueConstraint("student_number", name=op.f("uq_student_student_number")),
    )
    with op.batch_alter_table("student", schema=None) as batch_op:
        batch_op.create_index("ix_student_name", ["last_name", "first_name"], unique=False)

    op.create_table(
        "case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tier", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("closure_reason", sa.String(length=40), nullable=True),
        sa.Column("tier3_kind", sa.String(length=40), nullable=True),
        sa.Column("search_key", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["case_category.id"],
            name=op.f("fk_case_category_id_case_category"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case")),
    )
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.create_index(
            "ix_case_tier_occurred_on", ["tier", "occurred_on", "id"], unique=False
        )

    op.create_table(
        "plan_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=40), nullable=False),
        sa.Column("prompt_id", sa.Integer(), nullable=True),
        sa.Column("prompt_text", sa.Text(), nullable=False),
        sa.Column("budget_seconds", sa.Integer(), nullable=True),
        sa.Column("budget_per_speaker", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["circle_plan.id"],
            name=op.f("fk_plan_round_plan_id_circle_plan"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["prompt_id"],
            ["prompt.id"],
            name=op.f("fk_plan_round_prompt_id_prompt"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_round")),
    )
    op.create_table(
        "student_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("school_year", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
            name=op.f("fk_student_group_staff_id_staff"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_student_group")),
    )
    with op.batch_alter_table("student_group", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_student_group_school_year"), ["school_year"], unique=False
        )

    op.create_table(
        "case_participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("other_name", sa.String(length=100), nullable=False),
        sa.CheckConstraint(
            "(student_id IS NOT NULL) + (staff_id IS NOT NULL) + (other_name != '') = 1",
            name=op.f("ck_case_participant_one_person"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case.id"],
            name=op.f("fk_case_participant_case_id_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
            name=op.f("fk_case_participant_staff_id_staff"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["student.id"],
            name=op.f("fk_case_participant_student_id_student"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_participant")),
    )
    with op.batch_alter_table("case_participant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_participant_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_case_participant_student_id"), ["student_id"], unique=False
        )

    op.create_table(
        "community_circle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("facilitator_id", sa.Integer(), nullable=True),
        sa.Column("purpose", sa.String(length=200), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("search_key", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["facilitator_id"],
            ["staff.id"],
            name=op.f("fk_community_circle_facilitator_id_staff"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["student_group.id"],
            name=op.f("fk_community_circle_group_id_student_group"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["circle_plan.id"],
            name=op.f("fk_community_circle_plan_id_circle_plan"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_circle")),
    )
    with op.batch_alter_table("community_circle", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_community_circle_group_id"), ["group_id"], unique=False
        )
        batch_op.create_index("ix_community_circle_held_on", ["held_on", "id"], unique=False)

    op.create_table(
        "group_member",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["student_group.id"],
            name=op.f("fk_group_member_group_id_student_group"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["student.id"],
            name=op.f("fk_group_member_student_id_student"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("group_id", "student_id", name=op.f("pk_group_member")),
    )
    with op.batch_alter_table("group_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_group_member_student_id"), ["student_id"], unique=False
        )

    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("facilitator_id", sa.Integer(), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_meeting_case_id_case"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["facilitator_id"],
            ["staff.id"],
            name=op.f("fk_meeting_facilitator_id_staff"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_case_id"), ["case_id"], unique=False)

    op.create_table(
        "tier_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("from_tier", sa.Integer(), nullable=False),
        sa.Column("to_tier", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_tier_change_case_id_case"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tier_change")),
    )
    with op.batch_alter_table("tier_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tier_change_case_id"), ["case_id"], unique=False)

    op.create_table(
        "agreement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_agreement_case_id_case"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_agreement_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
    )
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreement_case_id"), ["case_id"], unique=False)

    op.create_table(
        "circle_attendance",
        sa.Column("circle_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["circle_id"],
            ["community_circle.id"],
            name=op.f("fk_circle_attendance_circle_id_community_circle"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["student.id"],
            name=op.f("fk_circle_attendance_student_id_student"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("circle_id", "student_id", name=op.f("pk_circle_attendance")),
    )
    with op.batch_alter_table("circle_attendance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_circle_attendance_student_id"), ["student_id"], unique=False
        )

    op.create_table(
        "circle_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("community_circle_id", sa.Integer(), nullable=True),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("talking_piece", sa.String(length=100), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["community_circle_id"],
            ["community_circle.id"],
            name=op.f("fk_circle_run_community_circle_id_community_circle"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["student_group.id"],
            name=op.f("fk_circle_run_group_id_student_group"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_circle_run_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["circle_plan.id"],
            name=op.f("fk_circle_run_plan_id_circle_plan"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_circle_run")),
    )
    op.create_table(
        "meeting_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=60), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_answer_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["case_participant.id"],
            name=op.f("fk_meeting_answer_participant_id_case_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_answer")),
    )
    with op.batch_alter_table("meeting_answer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_answer_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "agreement_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner_participant_id", sa.Integer(), nullable=True),
        sa.Column("owner_staff_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_item_agreement_id_agreement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_participant_id"],
            ["case_participant.id"],
            name=op.f("fk_agreement_item_owner_participant_id_case_participant"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["owner_staff_id"],
            ["staff.id"],
            name=op.f("fk_agreement_item_owner_staff_id_staff"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_item")),
    )
    with op.batch_alter_table("agreement_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_item_agreement_id"), ["agreement_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_agreement_item_due_on"), ["due_on"], unique=False)

    op.create_table(
        "run_seat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("is_keeper", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["circle_run.id"],
            name=op.f("fk_run_seat_run_id_circle_run"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_run_seat_staff_id_staff"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["student.id"],
            name=op.f("fk_run_seat_student_id_student"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_run_seat")),
    )
    op.create_table(
        "follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("agreement_item_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_item_id"],
            ["agreement_item.id"],
            name=op.f("fk_follow_up_agreement_item_id_agreement_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_follow_up_case_id_case"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
            name=op.f("fk_follow_up_staff_id_staff"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_up_case_id"), ["case_id"], unique=False)

    op.create_table(
        "turn",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("round_number", sa.Integer(), nullable=False),
        sa.Column("seat_id", sa.Integer(), nullable=False),
        sa.Column("start_offset_ms", sa.Integer(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["circle_run.id"],
            name=op.f("fk_turn_run_id_circle_run"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["seat_id"], ["run_seat.id"], name=op.f("fk_turn_seat_id_run_seat"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_turn")),
    )
    with op.batch_alter_table("turn", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_turn_run_id"), ["run_id"], unique=False)

    categories = sa.table(
        "case_category",
        sa.column("name", sa.String),
        sa.column("kind", sa.String),
        sa.column("active", sa.Boolean),
    )
    op.bulk_insert(
        categories,
        [{"name": name, "kind": kind, "active": True} for name, kind in DEFAULT_CATEGORIES],
    )


def downgrade() -> None:
    with op.batch_alter_table("turn", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_turn_run_id"))

    op.drop_table("turn")
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_up_case_id"))

    op.drop_table("follow_up")
    op.drop_table("run_seat")
    with op.batch_alter_table("agreement_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_item_due_on"))
        batch_op.drop_index(batch_op.f("ix_agreement_item_agreement_id"))

    op.drop_table("agreement_item")
    with op.batch_alter_table("meeting_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_answer_meeting_id"))

    op.drop_table("meeting_answer")
    op.drop_table("circle_run")
    with op.batch_alter_table("circle_attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_circle_attendance_student_id"))

    op.drop_table("circle_attendance")
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_case_id"))

    op.drop_table("agreement")
    with op.batch_alter_table("tier_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tier_change_case_id"))

    op.drop_table("tier_change")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_case_id"))

    op.drop_table("meeting")
    with op.batch_alter_table("group_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_member_student_id"))

    op.drop_table("group_member")
    with op.batch_alter_table("community_circle", schema=None) as batch_op:
        batch_op.drop_index("ix_community_circle_held_on")
        batch_op.drop_index(batch_op.f("ix_community_circle_group_id"))

    op.drop_table("community_circle")
    with op.batch_alter_table("case_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_participant_student_id"))
        batch_op.drop_index(batch_op.f("ix_case_participant_case_id"))

    op.drop_table("case_participant")
    with op.batch_alter_table("student_group", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_student_group_school_year"))

    op.drop_table("student_group")
    op.drop_table("plan_round")
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_index("ix_case_tier_occurred_on")

    op.drop_table("case")
    with op.batch_alter_table("student", schema=None) as batch_op:
        batch_op.drop_index("ix_student_name")

    op.drop_table("student")
    op.drop_table("staff")
    op.drop_table("school_setting")
    with op.batch_alter_table("prompt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_prompt_stage"))

    op.drop_table("prompt")
    op.drop_table("circle_plan")
    op.drop_table("case_category")
    op.drop_table("audit_event")
