"""The informal end of the continuum and the way in: everyday practice logged in seconds, and
referrals from teachers with the decision made on them."""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rp_desktop.db.base import Base, EnumText, UTCDateTime
from rp_desktop.domain.continuum.kinds import PracticeKind, ReferralDecision


class PracticeLogRow(Base):
    """One everyday practice (an affective statement, a hallway chat, an impromptu conference, a
    check-in/check-out), or a tally of several. Students are optional; no case is made."""

    __tablename__ = "practice_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[PracticeKind] = mapped_column(EnumText(PracticeKind))
    happened_on: Mapped[date] = mapped_column(Date)
    minutes: Mapped[int | None] = mapped_column(Integer)
    # How many times, for a tally ("affective statements: 6 today").
    tally: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(String(200), default="", server_default=text("''"))
    # The Tier 2 case opened from this log when it grew.
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("case.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    students: Mapped[list["PracticeLogStudentRow"]] = relationship(
        cascade="all, delete-orphan", order_by="PracticeLogStudentRow.student_id"
    )

    __table_args__ = (
        Index("ix_practice_log_happened_on", "happened_on", "id"),
        CheckConstraint("tally >= 1", name="tally_positive"),
        CheckConstraint("minutes IS NULL OR minutes >= 0", name="minutes_not_negative"),
    )


class PracticeLogStudentRow(Base):
    __tablename__ = "practice_log_student"

    log_id: Mapped[int] = mapped_column(
        ForeignKey("practice_log.id", ondelete="CASCADE"), primary_key=True
    )
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class ReferralRow(Base):
    """A request for help, usually a teacher's: what happened, what was tried, what is asked
    for, and whether a suspension was proposed; then the decision triage made on it."""

    __tablename__ = "referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    received_on: Mapped[date] = mapped_column(Date)
    referred_by_staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff.id", ondelete="SET NULL")
    )
    # Someone who is not on the staff list (a parent, a bus driver).
    referred_by_name: Mapped[str] = mapped_column(
        String(100), default="", server_default=text("''")
    )
    what_happened: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    tried: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    asks_for: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    suspension_proposed: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=text("0")
    )
    suspension_days: Mapped[int | None] = mapped_column(Integer)
    suspension_proposed_by_staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff.id", ondelete="SET NULL")
    )
    # None while the referral waits in the queue.
    decision: Mapped[ReferralDecision | None] = mapped_column(EnumText(ReferralDecision))
    decided_on: Mapped[date | None] = mapped_column(Date)
    # Why no action was taken (or any note on the decision).
    decision_reason: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("case.id", ondelete="SET NULL"), index=True
    )
    practice_log_id: Mapped[int | None] = mapped_column(
        ForeignKey("practice_log.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    students: Mapped[list["ReferralStudentRow"]] = relationship(
        cascade="all, delete-orphan", order_by="ReferralStudentRow.student_id"
    )

    __table_args__ = (
        Index("ix_referral_decision_received_on", "decision", "received_on"),
        CheckConstraint(
            "suspension_days IS NULL OR suspension_days >= 0", name="suspension_days_not_negative"
        ),
    )


class ReferralStudentRow(Base):
    __tablename__ = "referral_student"

    referral_id: Mapped[int] = mapped_column(
        ForeignKey("referral.id", ondelete="CASCADE"), primary_key=True
    )
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
