"""Tier 2 and Tier 3 cases: the people in them, meetings, agreements, follow-up, tier moves."""

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rp_desktop.db.base import Base, EnumText, TierNumber, UTCDateTime
from rp_desktop.domain.continuum.kinds import MeetingStatus, RepairFelt, Willingness
from rp_desktop.domain.vocabulary import (
    AgreementStatus,
    CaseStatus,
    CategoryKind,
    ClosureReason,
    MeetingKind,
    Role,
    Tier,
    Tier3Kind,
)


class CaseCategoryRow(Base):
    """A kind of harm, concern or observation, named by the school."""

    __tablename__ = "case_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[CategoryKind] = mapped_column(EnumText(CategoryKind))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CaseRow(Base):
    __tablename__ = "case"

    id: Mapped[int] = mapped_column(primary_key=True)
    tier: Mapped[Tier] = mapped_column(TierNumber)
    occurred_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")
    category_id: Mapped[int] = mapped_column(ForeignKey("case_category.id", ondelete="RESTRICT"))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[CaseStatus] = mapped_column(EnumText(CaseStatus))
    closure_reason: Mapped[ClosureReason | None] = mapped_column(EnumText(ClosureReason))
    tier3_kind: Mapped[Tier3Kind | None] = mapped_column(EnumText(Tier3Kind))
    search_key: Mapped[str] = mapped_column(String, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The counselor's own memory aid, apart from the shared record; never in an export or a log.
    # (The empty default as SQL text: Alembic compares an empty string default wrongly.)
    private_note: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    # Days of suspension avoided are derived from the case's referral; this typed number only
    # overrides that, and `suspension_override_reason` says why.
    suspension_days_avoided: Mapped[int | None] = mapped_column(Integer)
    suspension_override_reason: Mapped[str] = mapped_column(
        Text, default="", server_default=text("''")
    )
    # Asked of the person harmed when a repair case closes; None before that.
    repair_felt: Mapped[RepairFelt | None] = mapped_column(EnumText(RepairFelt))
    closed_on: Mapped[date | None] = mapped_column(Date)
    # Kept whatever the retention period: a case under a legal or district hold is never purged.
    hold: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))

    participants: Mapped[list["CaseParticipantRow"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseParticipantRow.id"
    )
    category: Mapped[CaseCategoryRow] = relationship()

    __table_args__ = (
        Index("ix_case_tier_occurred_on", "tier", "occurred_on", "id"),
        # Home's recent activity and open cases: the last cases changed.
        Index("ix_case_updated_at", "updated_at", "id"),
    )


class CaseParticipantRow(Base):
    """A person in a case in one role: a student, a staff member, or someone named only here."""

    __tablename__ = "case_participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(EnumText(Role))
    student_id: Mapped[int | None] = mapped_column(
        ForeignKey("student.id", ondelete="RESTRICT"), index=True
    )
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    caregiver_id: Mapped[int | None] = mapped_column(
        ForeignKey("caregiver.id", ondelete="RESTRICT"), index=True
    )
    other_name: Mapped[str] = mapped_column(String(100), default="")

    case: Mapped[CaseRow] = relationship(back_populates="participants")

    __table_args__ = (
        CheckConstraint(
            "(student_id IS NOT NULL) + (staff_id IS NOT NULL) + (caregiver_id IS NOT NULL)"
            " + (other_name != '') = 1",
            name="one_person",
        ),
    )


class PreparationRow(Base):
    """The pre-conference with one participant before a repair-harm circle or a conference:
    the process explained, their choice about taking part, safety, supporters, consent."""

    __tablename__ = "preparation"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("case_participant.id", ondelete="CASCADE"), unique=True
    )
    met_on: Mapped[date | None] = mapped_column(Date)
    explained: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))
    willingness: Mapped[Willingness] = mapped_column(
        EnumText(Willingness), default=Willingness.NOT_ASKED, server_default=text("'not_asked'")
    )
    safety_concerns: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    supporters_chosen: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=text("0")
    )
    supporters: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    consent_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))


class MeetingRow(Base):
    """A restorative conversation, conference or circle held on a case."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    kind: Mapped[MeetingKind] = mapped_column(EnumText(MeetingKind))
    # The day it was held, or is planned for (`status`).
    held_on: Mapped[date] = mapped_column(Date)
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[MeetingStatus] = mapped_column(
        EnumText(MeetingStatus), default=MeetingStatus.HELD, server_default=text("'held'")
    )
    starts_at: Mapped[time | None] = mapped_column(Time)
    cancel_reason: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    # Why a conference went ahead while the person harmed's choice was not recorded.
    proceed_reason: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    # Answers are kept word for word only when the facilitator ticks it; otherwise each
    # attendee's contribution is a short summary (MeetingAttendeeRow.summary).
    keep_answers: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))

    attendees: Mapped[list["MeetingAttendeeRow"]] = relationship(
        cascade="all, delete-orphan", order_by="MeetingAttendeeRow.participant_id"
    )
    answers: Mapped[list["MeetingAnswerRow"]] = relationship(
        cascade="all, delete-orphan", order_by="MeetingAnswerRow.id"
    )

    # Home's meetings coming up.
    __table_args__ = (Index("ix_meeting_status_held_on", "status", "held_on"),)


class MeetingAttendeeRow(Base):
    """A participant of the case who was at a meeting (a pre-conference is with one party)."""

    __tablename__ = "meeting_attendee"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("case_participant.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    summary: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))


class MeetingAnswerRow(Base):
    """One participant's answer to one restorative question in a meeting."""

    __tablename__ = "meeting_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("case_participant.id", ondelete="CASCADE"), index=True
    )
    question: Mapped[str] = mapped_column(String(60))
    answer: Mapped[str] = mapped_column(Text, default="")


class AgreementRow(Base):
    __tablename__ = "agreement"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    made_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    items: Mapped[list["AgreementItemRow"]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="AgreementItemRow.id"
    )


class AgreementItemRow(Base):
    """One thing someone agreed to do, by when, and whether it happened."""

    __tablename__ = "agreement_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    owner_participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("case_participant.id", ondelete="SET NULL"), index=True
    )
    owner_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[AgreementStatus] = mapped_column(EnumText(AgreementStatus))

    agreement: Mapped[AgreementRow] = relationship(back_populates="items")


class FollowUpRow(Base):
    __tablename__ = "follow_up"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    on: Mapped[date] = mapped_column(Date)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    agreement_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement_item.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")


class TierChangeRow(Base):
    __tablename__ = "tier_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    changed_on: Mapped[date] = mapped_column(Date)
    from_tier: Mapped[Tier] = mapped_column(TierNumber)
    to_tier: Mapped[Tier] = mapped_column(TierNumber)
    reason: Mapped[str] = mapped_column(Text, default="")
