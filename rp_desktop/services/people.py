"""Staff and student groups, as forms need them for their choices."""

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import GroupMemberRow, GroupRow, StaffRow, StudentRow
from rp_desktop.domain.records import Group, StaffMember, Student
from rp_desktop.domain.search import natural_key
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students.records import to_record as student_record


def staff_record(row: StaffRow) -> StaffMember:
    return StaffMember(row.id, row.first_name, row.last_name, row.role, row.active)


def list_staff(db: Database, *, include_inactive: bool = False) -> list[StaffMember]:
    stmt = select(StaffRow).order_by(StaffRow.last_name, StaffRow.first_name, StaffRow.id)
    if not include_inactive:
        stmt = stmt.where(StaffRow.active)
    with Session(db.engine) as session:
        return [staff_record(row) for row in session.scalars(stmt)]


def get_staff(db: Database, staff_id: int) -> StaffMember | None:
    """One staff member, whether or not they still work here."""
    with Session(db.engine) as session:
        row = session.get(StaffRow, staff_id)
        return staff_record(row) if row else None


_MEMBERS = (
    select(func.count())
    .where(GroupMemberRow.group_id == GroupRow.id)
    .correlate(GroupRow)
    .scalar_subquery()
)


def list_groups(db: Database, school_year: int | None = None) -> list[Group]:
    """Active groups, newest school year first, with how many students are in each; within a
    year by name as people read it ("9-A" before "10-A")."""
    stmt = select(GroupRow, _MEMBERS).where(GroupRow.active)
    if school_year is not None:
        stmt = stmt.where(GroupRow.school_year == school_year)
    with Session(db.engine) as session:
        groups = [
            Group(row.id, row.name, row.kind, row.school_year, count, row.staff_id)
            for row, count in session.execute(stmt)
        ]
    return sorted(groups, key=lambda g: (-g.school_year, natural_key(g.name), g.id))


def get_groups(db: Database, group_ids: Iterable[int]) -> list[Group]:
    """The groups with these ids, past school years' included, by id; ids not found are left
    out. One query, however many."""
    wanted = sorted(set(group_ids))
    stmt = select(GroupRow, _MEMBERS).where(GroupRow.id.in_(wanted)).order_by(GroupRow.id)
    with Session(db.engine) as session:
        return [
            Group(row.id, row.name, row.kind, row.school_year, count, row.staff_id)
            for row, count in session.execute(stmt)
        ]


def get_group(db: Database, group_id: int) -> Group | None:
    """One group, even one from a past school year that is no longer active."""
    with Session(db.engine) as session:
        found = session.execute(select(GroupRow, _MEMBERS).where(GroupRow.id == group_id)).first()
    if found is None:
        return None
    row, count = found
    return Group(row.id, row.name, row.kind, row.school_year, count, row.staff_id)


def group_members(db: Database, group_id: int) -> list[Student]:
    stmt = (
        select(StudentRow)
        .join(GroupMemberRow, GroupMemberRow.student_id == StudentRow.id)
        .where(GroupMemberRow.group_id == group_id)
        .order_by(StudentRow.last_name, StudentRow.first_name, StudentRow.id)
    )
    with Session(db.engine) as session:
        return [student_record(row) for row in session.scalars(stmt)]
