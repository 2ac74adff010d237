"""Families and caregivers as people: a caregiver linked to their students, and a case's log of
contacts with them (calls, meetings, letters) in the language used."""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, String, Text, text, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rp_desktop.db.base import Base, EnumText, UTCDateTime
from rp_desktop.domain.continuum.kinds import CaregiverRelationship, ContactKind, ContactOutcome


class CaregiverRow(Base):
    __tablename__ = "caregiver"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(String(40), default="", server_default=text("''"))
    email: Mapped[str] = mapped_column(String(200), default="", server_default=text("''"))
    # A language code ("en", "es", "vi"): letters and invitations are written in it when the
    # app has that language, and an interpreter is offered when it does not.
    home_language: Mapped[str] = mapped_column(
        String(40), default="en", server_default=text("'en'")
    )
    interpreter_needed: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=text("0")
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    search_key: Mapped[str] = mapped_column(String, default="", server_default=text("''"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    students: Mapped[list["CaregiverStudentRow"]] = relationship(
        cascade="all, delete-orphan", order_by="CaregiverStudentRow.student_id"
    )


class CaregiverStudentRow(Base):
    """A caregiver's link to one student, with how they are related."""

    __tablename__ = "caregiver_student"

    caregiver_id: Mapped[int] = mapped_column(
        ForeignKey("caregiver.id", ondelete="CASCADE"), primary_key=True
    )
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    relation: Mapped[CaregiverRelationship] = mapped_column(EnumText(CaregiverRelationship))


class CaregiverContactRow(Base):
    """One contact with a caregiver about a case: a call, a meeting, a letter or a message."""

    __tablename__ = "caregiver_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    caregiver_id: Mapped[int | None] = mapped_column(
        ForeignKey("caregiver.id", ondelete="SET NULL"), index=True
    )
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    kind: Mapped[ContactKind] = mapped_column(EnumText(ContactKind))
    contacted_on: Mapped[date] = mapped_column(Date)
    outcome: Mapped[ContactOutcome] = mapped_column(EnumText(ContactOutcome))
    language: Mapped[str] = mapped_column(String(40), default="en", server_default=text("'en'"))
    note: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
