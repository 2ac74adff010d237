"""Everyday practice, logged in seconds: add, change, remove and list practice logs. Each is
one short transaction with an audit event that carries counts, never a name."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    CaseCategoryRow,
    PracticeLogRow,
    PracticeLogStudentRow,
    StudentRow,
)
from rp_desktop.domain.continuum.practice import (
    CASE_CATEGORY_KINDS,
    CaseRefusal,
    PracticeFields,
    PracticeLog,
    case_from_practice,
    case_refusal,
    validate_practice,
)
from rp_desktop.domain.validation import FieldProblem, Problem
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services import drafts
from rp_desktop.services.audit import record_event
from rp_desktop.services.casework.cases import add_case
from rp_desktop.services.casework.checks import refuse, unknown_staff
from rp_desktop.services.continuum.practice_reading import practice_record, practice_records
from rp_desktop.services.safekeeping.database import Database

ENTITY = "practice_log"


class PracticeLogNotFound(LookupError):
    """No practice log has this id (it was removed meanwhile)."""


class CaseNotOpened(ValueError):
    """The log cannot become a case; `refusal` says why (nothing was written)."""

    def __init__(self, refusal: CaseRefusal) -> None:
        super().__init__(refusal.value)
        self.refusal = refusal


def log_practice(
    db: Database, fields: PracticeFields, *, replaces_draft: str | None = None
) -> PracticeLog:
    """Save a new practice log; InvalidInput (nothing written) when a rule is broken."""
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        return practice_record(session, add_practice_row(session, db, fields))


def add_practice_row(session: Session, db: Database, fields: PracticeFields) -> PracticeLogRow:
    """A new log inside the caller's transaction (triage of a referral makes one); checked."""
    _check(session, db, fields)
    now = db.now()
    row = PracticeLogRow(created_at=now, updated_at=now)
    _fill(row, fields)
    session.add(row)
    session.flush()
    record_event(session, db, AuditAction.CREATE, ENTITY, row.id, _detail(fields))
    return row


def update_practice(
    db: Database, log_id: int, fields: PracticeFields, *, replaces_draft: str | None = None
) -> PracticeLog:
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        row = _row(session, log_id)
        _check(session, db, fields)
        _fill(row, fields)
        row.updated_at = db.now()
        session.flush()
        record_event(session, db, AuditAction.UPDATE, ENTITY, row.id, _detail(fields))
        return practice_record(session, row)


def delete_practice(db: Database, log_id: int) -> None:
    with Session(db.engine) as session, session.begin():
        session.delete(_row(session, log_id))
        record_event(session, db, AuditAction.DELETE, ENTITY, log_id)


def get_practice(db: Database, log_id: int) -> PracticeLog:
    with Session(db.engine) as session:
        return practice_record(session, _row(session, log_id))


def recent_practice(db: Database, limit: int = 50) -> list[PracticeLog]:
    """The newest logs first (by the day they happened, then as entered)."""
    with Session(db.engine) as session:
        rows = session.scalars(
            select(PracticeLogRow)
            .order_by(PracticeLogRow.happened_on.desc(), PracticeLogRow.id.desc())
            .limit(limit)
        )
        return practice_records(session, list(rows))


def practice_count(db: Database) -> int:
    """How many practice logs the school has, all years."""
    with Session(db.engine) as session:
        return session.scalar(select(func.count()).select_from(PracticeLogRow)) or 0


def practice_for_student(db: Database, student_id: int) -> list[PracticeLog]:
    """Every log `student_id` was in, newest first (for the student's timeline)."""
    with Session(db.engine) as session:
        rows = session.scalars(
            select(PracticeLogRow)
            .join(PracticeLogStudentRow, PracticeLogStudentRow.log_id == PracticeLogRow.id)
            .where(PracticeLogStudentRow.student_id == student_id)
            .order_by(PracticeLogRow.happened_on.desc(), PracticeLogRow.id.desc())
        )
        return practice_records(session, list(rows))


def usual_staff_id(db: Database) -> int | None:
    """Who logged last (the staff member of the newest log that names one): whoever logs on
    this laptop is most likely the same person again."""
    with Session(db.engine) as session:
        return session.scalar(
            select(PracticeLogRow.staff_id)
            .where(PracticeLogRow.staff_id.is_not(None))
            .order_by(PracticeLogRow.id.desc())
            .limit(1)
        )


def open_case_from_practice(db: Database, log_id: int, category_id: int, description: str) -> int:
    """Turn one log into a Tier 2 case, in one transaction: the case on the log's day with its
    students as "student", in `category_id` (a harm or a concern), described by `description`;
    the log keeps the case's number. Returns the case's id. CaseNotOpened when the log was
    turned into a case before or names no student; InvalidInput for a bad category or
    description."""
    with Session(db.engine) as session, session.begin():
        row = _row(session, log_id)
        log = practice_record(session, row)
        refusal = case_refusal(log)
        if refusal is not None:
            raise CaseNotOpened(refusal)
        category = session.get(CaseCategoryRow, category_id)
        if category is None or not category.active or category.kind not in CASE_CATEGORY_KINDS:
            refuse([FieldProblem("category_id", Problem.UNKNOWN)])
        case = add_case(session, db, case_from_practice(log.fields, category_id, description))
        row.case_id = case.id
        row.updated_at = db.now()
        session.flush()
        record_event(session, db, AuditAction.UPDATE, ENTITY, row.id, f"case={case.id}")
        return case.id


def _check(session: Session, db: Database, fields: PracticeFields) -> None:
    problems = validate_practice(fields, db.today())
    problems += unknown_staff(session, "staff_id", fields.staff_id)
    if fields.student_ids:
        known = set(
            session.scalars(select(StudentRow.id).where(StudentRow.id.in_(fields.student_ids)))
        )
        if known != set(fields.student_ids):
            problems.append(FieldProblem("student_ids", Problem.UNKNOWN))
    refuse(problems)


def _fill(row: PracticeLogRow, fields: PracticeFields) -> None:
    row.kind = fields.kind
    row.happened_on = fields.happened_on
    row.minutes = fields.minutes
    row.tally = fields.tally
    row.staff_id = fields.staff_id
    row.note = fields.note
    row.students = [PracticeLogStudentRow(student_id=sid) for sid in fields.student_ids]


def _row(session: Session, log_id: int) -> PracticeLogRow:
    row = session.get(PracticeLogRow, log_id)
    if row is None:
        raise PracticeLogNotFound(log_id)
    return row


def _detail(fields: PracticeFields) -> str:
    return f"kind={fields.kind.value} tally={fields.tally} students={len(fields.student_ids)}"
