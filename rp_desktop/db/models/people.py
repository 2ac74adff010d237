"""Students, staff and the groups students meet in."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rp_desktop.db.base import Base, EnumText, UTCDateTime
from rp_desktop.domain.vocabulary import GroupKind, StaffRole


class StudentRow(Base):
    __tablename__ = "student"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_number: Mapped[str] = mapped_column(String(32), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    preferred_name: Mapped[str] = mapped_column(String(100), default="")
    grade: Mapped[int] = mapped_column(Integer)
    homeroom: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    search_key: Mapped[str] = mapped_column(String, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_student_name", "last_name", "first_name"),)


class StaffRow(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[StaffRole] = mapped_column(EnumText(StaffRole))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class GroupRow(Base):
    """A class, advisory or section: the students a Tier 1 circle is usually held with."""

    __tablename__ = "student_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[GroupKind] = mapped_column(EnumText(GroupKind))
    school_year: Mapped[int] = mapped_column(Integer, index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())

    members: Mapped[list["GroupMemberRow"]] = relationship(
        back_populates="group", cascade="all, delete-orphan"
    )


class GroupMemberRow(Base):
    __tablename__ = "group_member"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("student_group.id", ondelete="CASCADE"), primary_key=True
    )
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), primary_key=True, index=True
    )

    group: Mapped[GroupRow] = relationship(back_populates="members")


class StudentDemographicRow(Base):
    """One demographic value the roster gives for a student (gender, English learner, ...).

    A missing row means unknown. Confidential: read inside the app and in suppressed aggregates
    only. `field` holds a `DemographicField` value as plain text, so a field added later needs
    no migration and an old program reading it does not fail.
    """

    __tablename__ = "student_demographic"

    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), primary_key=True
    )
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(60))

    # Reports group students by one field's values.
    __table_args__ = (Index("ix_student_demographic_field_value", "field", "value"),)
