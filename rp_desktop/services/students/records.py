"""Students: the list, adding, editing, deactivating (never deleting: their history stays)."""

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import StudentRow
from rp_desktop.domain.records import ListQuery, Page, Student, StudentFields
from rp_desktop.domain.roster.fields import number_key
from rp_desktop.domain.search import fold, natural_key
from rp_desktop.domain.validation import (
    STUDENT_NUMBER_MAX,
    FieldProblem,
    InvalidInput,
    Problem,
    validate_student,
)
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services import drafts
from rp_desktop.services.audit import record_event
from rp_desktop.services.casework import cases
from rp_desktop.services.listing import DEFAULT_PAGE, fetch_page, matching, ordered
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.search_keys import student_key

SORT_COLUMNS = {
    "student_number": StudentRow.student_number,
    "last_name": (StudentRow.last_name, StudentRow.first_name),
    "first_name": (StudentRow.first_name, StudentRow.last_name),
    "preferred_name": StudentRow.preferred_name,
    "grade": StudentRow.grade,
    "homeroom": StudentRow.homeroom,
    "active": StudentRow.active,
}


class StudentNotFound(LookupError):
    def __init__(self, student_id: int) -> None:
        super().__init__(f"There is no student with id {student_id}.")


def to_record(row: StudentRow) -> Student:
    return Student(
        id=row.id,
        student_number=row.student_number,
        first_name=row.first_name,
        last_name=row.last_name,
        preferred_name=row.preferred_name,
        grade=row.grade,
        homeroom=row.homeroom,
        active=row.active,
    )


def list_students(
    db: Database, query: ListQuery, offset: int = 0, limit: int = DEFAULT_PAGE
) -> Page[Student]:
    """Students matching the search; active ones only unless the query includes inactive."""
    conditions = matching(StudentRow.search_key, query.text)
    if not query.include_inactive:
        conditions.append(StudentRow.active.is_(True))
    if query.sort == "homeroom":
        return _by_homeroom(db, conditions, query.descending, offset, limit)
    rows_stmt = ordered(select(StudentRow), query, SORT_COLUMNS, "last_name", StudentRow.id)
    with Session(db.engine) as session:
        rows, total = fetch_page(session, rows_stmt, conditions, StudentRow, offset, limit)
        return Page(tuple(to_record(row) for (row,) in rows), total)


def _by_homeroom(
    db: Database,
    conditions: list[ColumnElement[bool]],
    descending: bool,
    offset: int,
    limit: int,
) -> Page[Student]:
    """Homerooms in the order people read them ("9-107" before "10-204"), which SQL cannot
    sort: the matches' homerooms and names (a roster's few thousand rows at most) are ordered
    here, then the page asked for is read."""
    with Session(db.engine) as session:
        found = session.execute(
            select(
                StudentRow.id, StudentRow.homeroom, StudentRow.last_name, StudentRow.first_name
            ).where(*conditions)
        ).all()
        keys = sorted(
            found,
            key=lambda r: (natural_key(r.homeroom), fold(r.last_name), fold(r.first_name), r.id),
            reverse=descending,
        )
        ids = [key.id for key in keys[offset : offset + limit]]
        rows = {
            row.id: row for row in session.scalars(select(StudentRow).where(StudentRow.id.in_(ids)))
        }
        return Page(tuple(to_record(rows[i]) for i in ids), len(keys))


def get_student(db: Database, student_id: int) -> Student:
    with Session(db.engine) as session:
        return to_record(_load(session, student_id))


def add_student(
    db: Database, fields: StudentFields, *, replaces_draft: str | None = None
) -> Student:
    fields = _tidy(fields)
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        _check(session, fields, student_id=None)
        now = db.now()
        row = StudentRow(created_at=now, updated_at=now, active=True)
        _fill(row, fields)
        session.add(row)
        session.flush()
        record_event(session, db, AuditAction.CREATE, "student", row.id)
        return to_record(row)


def update_student(
    db: Database, student_id: int, fields: StudentFields, *, replaces_draft: str | None = None
) -> Student:
    fields = _tidy(fields)
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        row = _load(session, student_id)
        _check(session, fields, student_id=student_id)
        _fill(row, fields)
        row.updated_at = db.now()
        session.flush()
        cases.refresh_search_keys_for_student(session, student_id)
        record_event(session, db, AuditAction.UPDATE, "student", row.id)
        return to_record(row)


def set_student_active(db: Database, student_id: int, active: bool) -> Student:
    """Deactivate a student who left (or bring one back); their records are kept either way."""
    with Session(db.engine) as session, session.begin():
        row = _load(session, student_id)
        row.active = active
        row.updated_at = db.now()
        action = AuditAction.REACTIVATE if active else AuditAction.DEACTIVATE
        record_event(session, db, action, "student", row.id)
        return to_record(row)


PICKER_LIMIT = 20  # matches a picker is given at most; more mean "type more of the name"


def find_students(db: Database, text: str, limit: int = PICKER_LIMIT) -> list[Student]:
    """Active students for a picker, best matches by name."""
    page = list_students(db, ListQuery(text=text, sort="last_name"), limit=limit)
    return list(page.rows)


def _tidy(fields: StudentFields) -> StudentFields:
    return StudentFields(
        student_number=fields.student_number.strip(),
        first_name=fields.first_name.strip(),
        last_name=fields.last_name.strip(),
        preferred_name=fields.preferred_name.strip(),
        grade=fields.grade,
        homeroom=fields.homeroom.strip(),
    )


def _check(session: Session, fields: StudentFields, student_id: int | None) -> None:
    problems = validate_student(fields)
    problems += _number_taken(session, fields.student_number, student_id)
    if problems:
        raise InvalidInput(problems)


def _number_taken(session: Session, number: str, student_id: int | None) -> list[FieldProblem]:
    """DUPLICATE when another student has `number`; SAME_BUT_ZEROS when another has it but for
    leading zeros ("0123" beside "123"), which a roster import would take for the same."""
    query = select(StudentRow.student_number).where(
        StudentRow.student_number.in_(sorted(_alike_numbers(number)))
    )
    if student_id is not None:
        query = query.where(StudentRow.id != student_id)
    clashes = set(session.scalars(query))
    if number in clashes:
        return [FieldProblem("student_number", Problem.DUPLICATE)]
    if clashes:
        return [FieldProblem("student_number", Problem.SAME_BUT_ZEROS)]
    return []


def _alike_numbers(number: str) -> set[str]:
    """`number` and every number that is the same once leading zeros are ignored, up to the
    longest a student number can be (a plain IN list: no database's own string functions)."""
    key = number_key(number)
    if key == number and not (number.isascii() and number.isdigit()):
        return {number}
    return {number} | {"0" * zeros + key for zeros in range(STUDENT_NUMBER_MAX - len(key) + 1)}


def _fill(row: StudentRow, fields: StudentFields) -> None:
    assert fields.grade is not None  # validated
    row.student_number = fields.student_number
    row.first_name = fields.first_name
    row.last_name = fields.last_name
    row.preferred_name = fields.preferred_name
    row.grade = fields.grade
    row.homeroom = fields.homeroom
    row.search_key = student_key(
        fields.student_number,
        fields.first_name,
        fields.last_name,
        fields.preferred_name,
        fields.homeroom,
    )


def _load(session: Session, student_id: int) -> StudentRow:
    row = session.get(StudentRow, student_id)
    if row is None:
        raise StudentNotFound(student_id)
    return row
