"""Home's checklist for a new school: the facts that tick its steps, hiding it for good, and
the two quick ways to do the steps that have no screen of their own: adding a staff member and
making a group for each homeroom of the roster."""

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    CircleRunRow,
    CommunityCircleRow,
    GroupMemberRow,
    GroupRow,
    SchoolSettingRow,
    StaffRow,
    StudentRow,
)
from rp_desktop.domain.first_steps import (
    FirstSteps,
    StaffFields,
    homeroom_group_name,
    validate_staff,
)
from rp_desktop.domain.validation import InvalidInput
from rp_desktop.domain.vocabulary import AuditAction, GroupKind
from rp_desktop.services.audit import record_event
from rp_desktop.services.safekeeping.database import Database

HIDDEN_KEY = "first_steps_hidden"


def first_steps(db: Database) -> FirstSteps:
    """Which of the first steps are done: one EXISTS each, answered by an index or the first
    row of a table."""
    with Session(db.engine) as session:
        facts = session.execute(
            select(
                exists().where(StudentRow.id.is_not(None)),
                exists().where(StaffRow.id.is_not(None)),
                exists().where(GroupRow.id.is_not(None)),
                exists().where(CommunityCircleRow.id.is_not(None)),
                exists().where(CircleRunRow.id.is_not(None)),
            )
        ).one()
        hidden = session.get(SchoolSettingRow, HIDDEN_KEY)
    roster, staff, groups, circle, run = (bool(fact) for fact in facts)
    return FirstSteps(roster, staff, groups, circle or run, hidden is not None)


def hide_first_steps(db: Database) -> None:
    """Hide the checklist for good, for everyone who opens this school."""
    with Session(db.engine) as session, session.begin():
        session.merge(SchoolSettingRow(key=HIDDEN_KEY, value="1"))
        record_event(session, db, AuditAction.UPDATE, "school_setting", None)


def add_staff(db: Database, staff: StaffFields) -> int:
    """Keep a new staff member; their id. InvalidInput names what is wrong."""
    tidy = StaffFields(staff.first_name.strip(), staff.last_name.strip(), staff.role)
    problems = validate_staff(tidy)
    if problems:
        raise InvalidInput(problems)
    with Session(db.engine) as session, session.begin():
        row = StaffRow(
            first_name=tidy.first_name, last_name=tidy.last_name, role=tidy.role, active=True
        )
        session.add(row)
        session.flush()
        record_event(session, db, AuditAction.CREATE, "staff", row.id)
        return row.id


def make_homeroom_groups(db: Database, school_year: int) -> int:
    """A group of `school_year` for each homeroom of the active students, with those students
    in it, unless the year has a group of that name already; how many were made."""
    with Session(db.engine) as session, session.begin():
        rows = session.execute(
            select(StudentRow.homeroom, StudentRow.id)
            .where(StudentRow.active.is_(True), StudentRow.homeroom != "")
            .order_by(StudentRow.homeroom, StudentRow.id)
        ).all()
        taken = set(
            session.scalars(select(GroupRow.name).where(GroupRow.school_year == school_year))
        )
        members: dict[str, list[int]] = {}
        for homeroom, student_id in rows:
            members.setdefault(homeroom, []).append(student_id)
        made = 0
        for homeroom, students in members.items():
            name = homeroom_group_name(homeroom)
            if name in taken:
                continue
            group = GroupRow(name=name, kind=GroupKind.ADVISORY, school_year=school_year)
            group.members = [GroupMemberRow(student_id=student) for student in students]
            session.add(group)
            session.flush()
            record_event(session, db, AuditAction.CREATE, "student_group", group.id)
            made += 1
        return made
