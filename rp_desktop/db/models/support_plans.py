"""Tier 3: individual support plans with their progress entries, and re-entry plans."""

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, Text, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rp_desktop.db.base import Base, EnumText, UTCDateTime
from rp_desktop.domain.casework.support_plans import MonitoringFrequency


class SupportPlanRow(Base):
    """A student's individual support plan: a goal, strategies, an owner, a review date and how
    often progress is checked. It may belong to a case, or stand on its own."""

    __tablename__ = "support_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("case.id", ondelete="CASCADE"), index=True
    )
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="RESTRICT"), index=True
    )
    goal: Mapped[str] = mapped_column(Text)
    strategies: Mapped[str] = mapped_column(Text, default="")
    owner_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    start_on: Mapped[date] = mapped_column(Date)
    review_on: Mapped[date | None] = mapped_column(Date)
    frequency: Mapped[MonitoringFrequency] = mapped_column(EnumText(MonitoringFrequency))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    progress: Mapped[list["ProgressEntryRow"]] = relationship(
        back_populates="plan",
        cascade="all, delete-orphan",
        order_by="[ProgressEntryRow.on, ProgressEntryRow.id]",
    )


class ProgressEntryRow(Base):
    """One check on a support plan: a date, a rating from 1 to 5 and a note."""

    __tablename__ = "progress_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("support_plan.id", ondelete="CASCADE"), index=True
    )
    on: Mapped[date] = mapped_column(Date)
    rating: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[SupportPlanRow] = relationship(back_populates="progress")

    __table_args__ = (CheckConstraint("rating BETWEEN 1 AND 5", name="rating_range"),)


class ReEntryPlanRow(Base):
    """A case's plan for a return after suspension or a long absence: the rounds of the re-entry
    circle (supports, needs, responsibilities) and the day the student came back."""

    __tablename__ = "re_entry_plan"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("case.id", ondelete="CASCADE"), primary_key=True
    )
    supports: Mapped[str] = mapped_column(Text, default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    responsibilities: Mapped[str] = mapped_column(Text, default="")
    returned_on: Mapped[date | None] = mapped_column(Date)
