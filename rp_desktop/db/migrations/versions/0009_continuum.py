"""The whole continuum: everyday practice logged in seconds (practice_log), referrals and their
triage (referral), caregivers as people (caregiver, caregiver_student, caregiver_contact, and a
caregiver as a case participant), preparation and consent before a meeting (preparation), and
meetings that can be planned or cancelled, whose answers are kept word for word only when the
facilitator ticks it (meeting.keep_answers, meeting_attendee.summary). A case gains the person
harmed's sense of repair and the reason a typed "days of suspension avoided" overrides the one
derived from its referral.

Rows already saved keep their meaning: every meeting so far was held (status 'held'), and a
meeting with answers kept them word for word, so it is marked `keep_answers`. A wellbeing
concern is not harm: its people in a harm role (person harmed, person who caused harm, witness)
take the neutral role, "staff" for a staff member and "student" for anyone else, so an old
concern can still be edited under the new rule (domain/casework/roles.py).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ONE_PERSON = "(student_id IS NOT NULL) + (staff_id IS NOT NULL) + (other_name != '') = 1"
ONE_PERSON_WITH_CAREGIVER = (
    "(student_id IS NOT NULL) + (staff_id IS NOT NULL) + (caregiver_id IS NOT NULL)"
    " + (other_name != '') = 1"
)


def upgrade() -> None:
    op.create_table(
        "caregiver",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=40), server_default=sa.text("''"), nullable=False),
        sa.Column("email", sa.String(length=200), server_default=sa.text("''"), nullable=False),
        sa.Column(
            "home_language", sa.String(length=40), server_default=sa.text("'en'"), nullable=False
        ),
        sa.Column("interpreter_needed", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("1"), nullable=False),
        sa.Column("search_key", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_caregiver")),
    )
    op.create_table(
        "caregiver_student",
        sa.Column("caregiver_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["caregiver_id"],
            ["caregiver.id"],
            name=op.f("fk_caregiver_student_caregiver_id_caregiver"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["student.id"],
            name=op.f("fk_caregiver_student_student_id_student"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("caregiver_id", "student_id", name=op.f("pk_caregiver_student")),
    )
    with op.batch_alter_table("caregiver_student", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_caregiver_student_student_id"), ["student_id"], unique=False
        )

    op.create_table(
        "caregiver_contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("caregiver_id", sa.Integer(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("contacted_on", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=False),
        sa.Column("language", sa.String(length=40), server_default=sa.text("'en'"), nullable=False),
        sa.Column("note", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.ForeignKeyConstraint(
            ["caregiver_id"],
            ["caregiver.id"],
            name=op.f("fk_caregiver_contact_caregiver_id_caregiver"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case.id"],
            name=op.f("fk_caregiver_contact_case_id_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
            name=op.f("fk_caregiver_contact_staff_id_staff"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_caregiver_contact")),
    )
    with op.batch_alter_table("caregiver_contact", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_caregiver_contact_caregiver_id"), ["caregiver_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_caregiver_contact_case_id"), ["case_id"], unique=False)

    op.create_table(
        "practice_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("tally", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=200), server_default=sa.text("''"), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "minutes IS NULL OR minutes >= 0", name=op.f("ck_practice_log_minutes_not_negative")
        ),
        sa.CheckConstraint("tally >= 1", name=op.f("ck_practice_log_tally_positive")),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_practice_log_case_id_case"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
            name=op.f("fk_practice_log_staff_id_staff"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_log")),
    )
    with op.batch_alter_table("practice_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_practice_log_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_practice_log_happened_on", ["happened_on", "id"], unique=False)

    op.create_table(
        "practice_log_student",
        sa.Column("log_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["log_id"],
            ["practice_log.id"],
            name=op.f("fk_practice_log_student_log_id_practice_log"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["student.id"],
            name=op.f("fk_practice_log_student_student_id_student"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("log_id", "student_id", name=op.f("pk_practice_log_student")),
    )
    with op.batch_alter_table("practice_log_student", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_practice_log_student_student_id"), ["student_id"], unique=False
        )

    op.create_table(
        "preparation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("met_on", sa.Date(), nullable=True),
        sa.Column("explained", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column(
            "willingness",
            sa.String(length=40),
            server_default=sa.text("'not_asked'"),
            nullable=False,
        ),
        sa.Column("safety_concerns", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("supporters_chosen", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("supporters", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("consent_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["case_participant.id"],
            name=op.f("fk_preparation_participant_id_case_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_preparation")),
        sa.UniqueConstraint("participant_id", name=op.f("uq_preparation_participant_id")),
    )
    op.create_table(
        "referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("referred_by_staff_id", sa.Integer(), nullable=True),
        sa.Column(
            "referred_by_name", sa.String(length=100), server_default=sa.text("''"), nullable=False
        ),
        sa.Column("what_happened", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("tried", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("asks_for", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("suspension_proposed", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("suspension_days", sa.Integer(), nullable=True),
        sa.Column("suspension_proposed_by_staff_id", sa.Integer(), nullable=True),
        sa.Column("decision", sa.String(length=40), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decision_reason", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("practice_log_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "suspension_days IS NULL OR suspension_days >= 0",
            name=op.f("ck_referral_suspension_days_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_referral_case_id_case"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["practice_log_id"],
            ["practice_log.id"],
            name=op.f("fk_referral_practice_log_id_practice_log"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["referred_by_staff_id"],
            ["staff.id"],
            name=op.f("fk_referral_referred_by_staff_id_staff"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["suspension_proposed_by_staff_id"],
            ["staff.id"],
            name=op.f("fk_referral_suspension_proposed_by_staff_id_staff"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referral_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            "ix_referral_decision_received_on", ["decision", "received_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_referral_practice_log_id"), ["practice_log_id"], unique=False
        )

    op.create_table(
        "referral_student",
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referral.id"],
            name=op.f("fk_referral_student_referral_id_referral"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["student.id"],
            name=op.f("fk_referral_student_student_id_student"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("referral_id", "student_id", name=op.f("pk_referral_student")),
    )
    with op.batch_alter_table("referral_student", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_referral_student_student_id"), ["student_id"], unique=False
        )

    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "suspension_override_reason",
                sa.Text(),
                server_default=sa.text("''"),
                nullable=False,
            )
        )
        batch_op.add_column(sa.Column("repair_felt", sa.String(length=40), nullable=True))

    with op.batch_alter_table("case_participant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("caregiver_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_case_participant_caregiver_id"), ["caregiver_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_case_participant_caregiver_id_caregiver"),
            "caregiver",
            ["caregiver_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch_op.drop_constraint(batch_op.f("ck_case_participant_one_person"), type_="check")
        batch_op.create_check_constraint(
            batch_op.f("ck_case_participant_one_person"), ONE_PERSON_WITH_CAREGIVER
        )

    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "status", sa.String(length=40), server_default=sa.text("'held'"), nullable=False
            )
        )
        batch_op.add_column(sa.Column("starts_at", sa.Time(), nullable=True))
        batch_op.add_column(
            sa.Column("cancel_reason", sa.Text(), server_default=sa.text("''"), nullable=False)
        )
        batch_op.add_column(
            sa.Column("proceed_reason", sa.Text(), server_default=sa.text("''"), nullable=False)
        )
        batch_op.add_column(
            sa.Column("keep_answers", sa.Boolean(), server_default=sa.text("0"), nullable=False)
        )
        batch_op.create_index("ix_meeting_status_held_on", ["status", "held_on"], unique=False)

    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("summary", sa.Text(), server_default=sa.text("''"), nullable=False)
        )

    op.execute(
        "UPDATE meeting SET keep_answers = 1 WHERE id IN (SELECT meeting_id FROM meeting_answer)"
    )
    op.execute(
        "UPDATE case_participant"
        " SET role = CASE WHEN staff_id IS NOT NULL THEN 'staff' ELSE 'student' END"
        " WHERE role IN ('person_harmed', 'person_who_caused_harm', 'witness')"
        ' AND case_id IN (SELECT "case".id FROM "case"'
        ' JOIN case_category ON case_category.id = "case".category_id'
        " WHERE case_category.kind = 'concern')"
    )


def downgrade() -> None:
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.drop_column("summary")

    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index("ix_meeting_status_held_on")
        batch_op.drop_column("keep_answers")
        batch_op.drop_column("proceed_reason")
        batch_op.drop_column("cancel_reason")
        batch_op.drop_column("starts_at")
        batch_op.drop_column("status")

    with op.batch_alter_table("case_participant", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_case_participant_caregiver_id_caregiver"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_case_participant_caregiver_id"))
        batch_op.drop_constraint(batch_op.f("ck_case_participant_one_person"), type_="check")
        batch_op.drop_column("caregiver_id")
        batch_op.create_check_constraint(batch_op.f("ck_case_participant_one_person"), ONE_PERSON)

    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_column("repair_felt")
        batch_op.drop_column("suspension_override_reason")

    with op.batch_alter_table("referral_student", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_student_student_id"))

    op.drop_table("referral_student")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_practice_log_id"))
        batch_op.drop_index("ix_referral_decision_received_on")
        batch_op.drop_index(batch_op.f("ix_referral_case_id"))

    op.drop_table("referral")
    op.drop_table("preparation")
    with op.batch_alter_table("practice_log_student", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_practice_log_student_student_id"))

    op.drop_table("practice_log_student")
    with op.batch_alter_table("practice_log", schema=None) as batch_op:
        batch_op.drop_index("ix_practice_log_happened_on")
        batch_op.drop_index(batch_op.f("ix_practice_log_case_id"))

    op.drop_table("practice_log")
    with op.batch_alter_table("caregiver_contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_caregiver_contact_case_id"))
        batch_op.drop_index(batch_op.f("ix_caregiver_contact_caregiver_id"))

    op.drop_table("caregiver_contact")
    with op.batch_alter_table("caregiver_student", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_caregiver_student_student_id"))

    op.drop_table("caregiver_student")
    op.drop_table("caregiver")
