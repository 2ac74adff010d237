"""Writing a roster import's changes: the students kept before it, and the rows it adds, updates
or marks inactive, with their demographic values. The caller owns the transaction."""

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from rp_desktop.db.models import StudentRow
from rp_desktop.domain.records import Student, StudentFields
from rp_desktop.domain.roster import Change, RosterChanges, StudentChange
from rp_desktop.services.casework import cases
from rp_desktop.services.search_keys import student_key
from rp_desktop.services.students import demographics


def existing_students(session: Session) -> list[Student]:
    rows = session.execute(
        select(
            StudentRow.id,
            StudentRow.student_number,
            StudentRow.first_name,
            StudentRow.last_name,
            StudentRow.preferred_name,
            StudentRow.grade,
            StudentRow.homeroom,
            StudentRow.active,
        ).order_by(StudentRow.last_name, StudentRow.first_name, StudentRow.id)
    )
    return [Student(*row) for row in rows]


def apply_roster_changes(session: Session, changes: RosterChanges, now: datetime) -> None:
    def having(change: Change) -> list[StudentChange]:
        return [student for student in changes.students if student.change == change]

    added = [_columns(s.fields) | {"created_at": now} for s in having(Change.ADDED)]
    updated = having(Change.UPDATED)
    leaving = having(Change.MARKED_INACTIVE)
    if added:
        session.execute(insert(StudentRow), [row | {"updated_at": now} for row in added])
    if updated:
        rows = [_columns(s.fields) | {"id": s.student_id, "updated_at": now} for s in updated]
        session.execute(update(StudentRow), rows)
    if leaving:
        gone = [{"id": s.student_id, "active": False, "updated_at": now} for s in leaving]
        session.execute(update(StudentRow), gone)
    for student in updated:
        if student.student_id is not None and _renamed(student):
            cases.refresh_search_keys_for_student(session, student.student_id)
    _write_demographics(session, changes)


def _write_demographics(session: Session, changes: RosterChanges) -> None:
    if not changes.source.columns.demographics:
        return
    id_of_number: dict[str, int] = {}
    if any(s.change == Change.ADDED and s.demographics for s in changes.students):
        # Bulk inserts do not hand back their ids; the student number finds them.
        numbers = session.execute(select(StudentRow.student_number, StudentRow.id))
        id_of_number = dict(numbers.all())
    demographics.write_roster_changes(session, changes.students, id_of_number)


def _columns(fields: StudentFields) -> dict[str, Any]:
    return {
        "student_number": fields.student_number,
        "first_name": fields.first_name,
        "last_name": fields.last_name,
        "preferred_name": fields.preferred_name,
        "grade": fields.grade,
        "homeroom": fields.homeroom,
        "active": True,
        "search_key": student_key(
            fields.student_number,
            fields.first_name,
            fields.last_name,
            fields.preferred_name,
            fields.homeroom,
        ),
    }


def _renamed(student: StudentChange) -> bool:
    return bool({"first_name", "last_name", "preferred_name"} & set(student.changed))
