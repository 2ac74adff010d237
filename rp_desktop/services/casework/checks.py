"""Checks that need the database, shared by the casework services: does a chosen staff member
or student exist, and is the case's own row at hand."""

from sqlalchemy.orm import Session

from rp_desktop.db.models import CaseRow, StaffRow, StudentRow
from rp_desktop.domain.casework.records import advanced_status
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import CaseStatus
from rp_desktop.services.safekeeping.database import Database


def unknown_staff(
    session: Session, field: str, staff_id: int | None, index: int | None = None
) -> list[FieldProblem]:
    if staff_id is not None and session.get(StaffRow, staff_id) is None:
        return [FieldProblem(field, Problem.UNKNOWN, index=index)]
    return []


def unknown_student(session: Session, field: str, student_id: int | None) -> list[FieldProblem]:
    if student_id is not None and session.get(StudentRow, student_id) is None:
        return [FieldProblem(field, Problem.UNKNOWN)]
    return []


def refuse(problems: list[FieldProblem]) -> None:
    """Raise InvalidInput when there is any problem: the transaction then writes nothing."""
    if problems:
        raise InvalidInput(problems)


def touch(row: CaseRow, db: Database, reached: CaseStatus | None = None) -> None:
    """Mark the case changed, and move its status forward to `reached` if that is a later
    step (a closed case stays closed)."""
    if reached is not None:
        row.status = advanced_status(row.status, reached)
    row.updated_at = db.now()
