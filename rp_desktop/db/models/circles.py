"""Tier 1 community circles, the circle library (prompts and plans) and recorded circle runs."""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy import (
    text as sql_text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rp_desktop.db.base import Base, EnumText, UTCDateTime
from rp_desktop.domain.circle.types import Timing
from rp_desktop.domain.vocabulary import CircleKind, CircleStage, CircleStatus

EMPTY = sql_text("''")


class CommunityCircleRow(Base):
    """A Tier 1 circle as a record: when, with whom, who kept it, who was there."""

    __tablename__ = "community_circle"

    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[date] = mapped_column(Date)
    status: Mapped[CircleStatus] = mapped_column(EnumText(CircleStatus))
    kind: Mapped[CircleKind] = mapped_column(EnumText(CircleKind))
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("student_group.id", ondelete="SET NULL"), index=True
    )
    keeper_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    purpose: Mapped[str] = mapped_column(String(200), default="")
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("circle_plan.id", ondelete="SET NULL"))
    # Adults there who are not staff on record (a parent, a guest): a count, never a name.
    guests: Mapped[int] = mapped_column(Integer, default=0, server_default=sql_text("0"))
    search_key: Mapped[str] = mapped_column(String, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    attendance: Mapped[list["CircleAttendanceRow"]] = relationship(
        back_populates="circle", cascade="all, delete-orphan"
    )
    staff_attendance: Mapped[list["CircleStaffAttendanceRow"]] = relationship(
        cascade="all, delete-orphan"
    )

    __table_args__ = (
        Index("ix_community_circle_held_on", "held_on", "id"),
        # Home's recent activity: the last circles changed, without reading them all.
        Index("ix_community_circle_updated_at", "updated_at", "id"),
    )


class CircleAttendanceRow(Base):
    __tablename__ = "circle_attendance"

    circle_id: Mapped[int] = mapped_column(
        ForeignKey("community_circle.id", ondelete="CASCADE"), primary_key=True
    )
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), primary_key=True, index=True
    )

    circle: Mapped[CommunityCircleRow] = relationship(back_populates="attendance")


class CircleStaffAttendanceRow(Base):
    """A staff member who sat in a Tier 1 circle (the keeper among them when they sat)."""

    __tablename__ = "circle_staff_attendance"

    circle_id: Mapped[int] = mapped_column(
        ForeignKey("community_circle.id", ondelete="CASCADE"), primary_key=True
    )
    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class GroupAgreementRow(Base):
    """One of a group's agreements (how we treat each other here), made together in a values
    circle or typed in later; retired ones are kept inactive."""

    __tablename__ = "group_agreement"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("student_group.id", ondelete="CASCADE"), index=True
    )
    community_circle_id: Mapped[int | None] = mapped_column(
        ForeignKey("community_circle.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    made_on: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PromptRow(Base):
    """A question or invitation for one round of a circle."""

    __tablename__ = "prompt"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    stage: Mapped[CircleStage] = mapped_column(EnumText(CircleStage), index=True)
    language: Mapped[str] = mapped_column(String(10), default="en")
    # Comma-separated, tidied by domain.library.tidy_tags: "gratitude,getting-to-know".
    tags: Mapped[str] = mapped_column(String, default="")
    # Comma-separated AgeBand values ("k-2,3-5"); empty: not tagged by age.
    age_bands: Mapped[str] = mapped_column(String(60), default="", server_default=EMPTY)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # Set on prompts shipped in resources/, so seeding adds each one once and never rewrites it.
    seed_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    translation_of: Mapped[int | None] = mapped_column(ForeignKey("prompt.id", ondelete="SET NULL"))


class CirclePlanRow(Base):
    """An ordered set of rounds, saved to be reused; templates ship with the app."""

    __tablename__ = "circle_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    is_template: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set on templates shipped in resources/; seeding adds each one once.
    template_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    rounds: Mapped[list["PlanRoundRow"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanRoundRow.position"
    )


class PlanRoundRow(Base):
    __tablename__ = "plan_round"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("circle_plan.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    stage: Mapped[CircleStage] = mapped_column(EnumText(CircleStage))
    prompt_id: Mapped[int | None] = mapped_column(ForeignKey("prompt.id", ondelete="SET NULL"))
    prompt_text: Mapped[str] = mapped_column(Text, default="")
    # Seconds for the whole round or for each speaker, as budget_per_speaker says; None: no limit.
    budget_seconds: Mapped[int | None] = mapped_column(Integer)
    budget_per_speaker: Mapped[bool] = mapped_column(Boolean, default=True)
    # A directed round: comma-separated Role values, in speaking order; empty: everyone.
    to_roles: Mapped[str] = mapped_column(String(200), default="", server_default=EMPTY)
    language: Mapped[str] = mapped_column(String(10), default="en", server_default=sql_text("'en'"))
    second_text: Mapped[str] = mapped_column(Text, default="", server_default=EMPTY)
    second_language: Mapped[str] = mapped_column(String(10), default="", server_default=EMPTY)

    plan: Mapped[CirclePlanRow] = relationship(back_populates="rounds")


class CircleRunRow(Base):
    """A circle as it was actually run with the talking piece: seats, start, end, every turn."""

    __tablename__ = "circle_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int | None] = mapped_column(
        ForeignKey("circle_plan.id", ondelete="SET NULL"), index=True
    )
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("student_group.id", ondelete="SET NULL"), index=True
    )
    community_circle_id: Mapped[int | None] = mapped_column(
        ForeignKey("community_circle.id", ondelete="SET NULL"), index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    talking_piece: Mapped[str] = mapped_column(String(100), default="")
    # Indexed: reports read the runs of a period (equity of voice).
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    seats: Mapped[list["RunSeatRow"]] = relationship(
        back_populates="run", cascade="all, delete-orphan", order_by="RunSeatRow.position"
    )
    turns: Mapped[list["TurnRow"]] = relationship(
        back_populates="run", cascade="all, delete-orphan"
    )
    rounds: Mapped[list["RunRoundRow"]] = relationship(
        back_populates="run", cascade="all, delete-orphan", order_by="RunRoundRow.number"
    )


class RunRoundRow(Base):
    """A round as it was run, kept with the run: the plan it came from may change later."""

    __tablename__ = "run_round"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("circle_run.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)  # as in Turn.round_number
    stage: Mapped[CircleStage] = mapped_column(EnumText(CircleStage))
    prompt_text: Mapped[str] = mapped_column(Text, default="")
    timing: Mapped[Timing] = mapped_column(EnumText(Timing))
    # Seconds per speaker or per round, as `timing` says; None when the round had no limit.
    budget_seconds: Mapped[int | None] = mapped_column(Integer)
    # A directed round: the roles it went to, or the seats (run_seat positions), comma-separated.
    to_roles: Mapped[str] = mapped_column(String(200), default="", server_default=EMPTY)
    to_seats: Mapped[str] = mapped_column(String(400), default="", server_default=EMPTY)
    second_text: Mapped[str] = mapped_column(Text, default="", server_default=EMPTY)

    run: Mapped[CircleRunRow] = relationship(back_populates="rounds")

    __table_args__ = (UniqueConstraint("run_id", "number"),)


class RunSeatRow(Base):
    __tablename__ = "run_seat"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("circle_run.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    student_id: Mapped[int | None] = mapped_column(
        ForeignKey("student.id", ondelete="SET NULL"), index=True
    )
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    caregiver_id: Mapped[int | None] = mapped_column(
        ForeignKey("caregiver.id", ondelete="SET NULL"), index=True
    )
    label: Mapped[str] = mapped_column(String(100), default="")
    is_keeper: Mapped[bool] = mapped_column(Boolean, default=False)
    role: Mapped[str] = mapped_column(String(40), default="", server_default=EMPTY)

    run: Mapped[CircleRunRow] = relationship(back_populates="seats")


class TurnRow(Base):
    __tablename__ = "turn"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("circle_run.id", ondelete="CASCADE"), index=True)
    round_number: Mapped[int] = mapped_column(Integer)
    seat_id: Mapped[int] = mapped_column(ForeignKey("run_seat.id", ondelete="CASCADE"), index=True)
    start_offset_ms: Mapped[int] = mapped_column(Integer)
    duration_ms: Mapped[int] = mapped_column(Integer)
    passed: Mapped[bool] = mapped_column(Boolean, default=False)

    run: Mapped[CircleRunRow] = relationship(back_populates="turns")
