"""Caregivers on record: add, change, deactivate (never deleted while a case names them), read
one, list a student's caregivers, and find caregivers by name. Each change is one transaction
with an audit event naming the caregiver by id only."""

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    CaregiverRow,
    CaregiverStudentRow,
    CaseParticipantRow,
    StudentRow,
)
from rp_desktop.domain.continuum.caregivers import (
    Caregiver,
    CaregiverFields,
    CaregiverLink,
    StudentCaregiver,
    tidy,
    validate_caregiver,
)
from rp_desktop.domain.continuum.kinds import CaregiverRelationship
from rp_desktop.domain.records import person_name
from rp_desktop.domain.search import search_key
from rp_desktop.domain.validation import FieldProblem, Problem
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services import drafts
from rp_desktop.services.audit import record_event
from rp_desktop.services.casework.cases import refresh_search_keys_for_caregiver
from rp_desktop.services.casework.checks import refuse
from rp_desktop.services.listing import matching
from rp_desktop.services.safekeeping.database import Database

ENTITY = "caregiver"
OTHER = CaregiverRelationship.OTHER
FOUND_AT_MOST = 50


class CaregiverNotFound(LookupError):
    """No caregiver has this id."""


def caregiver_key(first: str, last: str, phone: str, email: str) -> str:
    """The folded text a caregiver is found by (the demo builder writes the same)."""
    return search_key(first, last, phone, email)


def add_caregiver(
    db: Database, fields: CaregiverFields, *, replaces_draft: str | None = None
) -> Caregiver:
    """Save a new caregiver; InvalidInput (nothing written) when a rule is broken."""
    fields = tidy(fields)
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        _check(session, fields)
        now = db.now()
        row = CaregiverRow(created_at=now, updated_at=now)
        _fill(row, fields)
        session.add(row)
        session.flush()
        record_event(session, db, AuditAction.CREATE, ENTITY, row.id, _detail(fields))
        return caregiver_record(session, row)


def update_caregiver(
    db: Database,
    caregiver_id: int,
    fields: CaregiverFields,
    *,
    replaces_draft: str | None = None,
) -> Caregiver:
    fields = tidy(fields)
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        row = _row(session, caregiver_id)
        _check(session, fields)
        _fill(row, fields)
        row.updated_at = db.now()
        session.flush()
        refresh_search_keys_for_caregiver(session, row.id)
        record_event(session, db, AuditAction.UPDATE, ENTITY, row.id, _detail(fields))
        return caregiver_record(session, row)


def set_active(db: Database, caregiver_id: int, active: bool) -> Caregiver:
    """Deactivate a caregiver no longer in the family's life (kept on past cases and contacts,
    offered nowhere new), or bring them back."""
    with Session(db.engine) as session, session.begin():
        row = _row(session, caregiver_id)
        if row.active != active:
            row.active = active
            row.updated_at = db.now()
            action = AuditAction.REACTIVATE if active else AuditAction.DEACTIVATE
            record_event(session, db, action, ENTITY, row.id)
        return caregiver_record(session, row)


def get_caregiver(db: Database, caregiver_id: int) -> Caregiver:
    with Session(db.engine) as session:
        return caregiver_record(session, _row(session, caregiver_id))


def caregiver_name(db: Database, caregiver_id: int) -> str:
    """The caregiver's name; empty when they are no longer on record."""
    with Session(db.engine) as session:
        row = session.get(CaregiverRow, caregiver_id)
        return person_name(row.first_name, row.last_name) if row else ""


def caregivers_of_student(
    db: Database, student_id: int, *, include_inactive: bool = False
) -> list[StudentCaregiver]:
    """The student's caregivers, active ones first, then by name."""
    with Session(db.engine) as session:
        return [
            StudentCaregiver(caregiver_record(session, row), relation)
            for row, relation in _of_students(session, [student_id], include_inactive)
        ]


def caregivers_of_students(db: Database, student_ids: Iterable[int]) -> list[StudentCaregiver]:
    """The active caregivers of any of these students, each once (with their relation to the
    first of the students they care for), by name: those a case can add as family."""
    seen: set[int] = set()
    found: list[StudentCaregiver] = []
    with Session(db.engine) as session:
        for row, relation in _of_students(session, list(student_ids), False):
            if row.id not in seen:
                seen.add(row.id)
                found.append(StudentCaregiver(caregiver_record(session, row), relation))
    return found


def caregivers_of_case(db: Database, case_id: int) -> list[StudentCaregiver]:
    """Those a case's family contacts and letters are with: the caregivers taking part in the
    case (even one no longer active), then the active caregivers of its students, each once."""
    with Session(db.engine) as session:
        people = session.execute(
            select(CaseParticipantRow.caregiver_id, CaseParticipantRow.student_id)
            .where(CaseParticipantRow.case_id == case_id)
            .order_by(CaseParticipantRow.id)
        ).all()
        taking_part = [c for c, _s in people if c is not None]
        students = [s for _c, s in people if s is not None]
        found: dict[int, StudentCaregiver] = {}
        for row, relation in _of_students(session, students, True):
            if row.active or row.id in taking_part:
                found.setdefault(row.id, StudentCaregiver(caregiver_record(session, row), relation))
        first = []
        for caregiver_id in dict.fromkeys(taking_part):
            if caregiver_id in found:
                first.append(found.pop(caregiver_id))
            elif (extra := session.get(CaregiverRow, caregiver_id)) is not None:
                relation = extra.students[0].relation if extra.students else OTHER
                first.append(StudentCaregiver(caregiver_record(session, extra), relation))
        return first + list(found.values())


def find_caregivers(db: Database, text: str, limit: int = FOUND_AT_MOST) -> list[Caregiver]:
    """Active caregivers whose name, phone or email hold every word of `text`."""
    if not text.strip():
        return []
    stmt = (
        select(CaregiverRow)
        .where(CaregiverRow.active, *matching(CaregiverRow.search_key, text))
        .order_by(CaregiverRow.last_name, CaregiverRow.first_name, CaregiverRow.id)
        .limit(limit)
    )
    with Session(db.engine) as session:
        return [caregiver_record(session, row) for row in session.scalars(stmt)]


def caregiver_record(session: Session, row: CaregiverRow) -> Caregiver:
    links = tuple(CaregiverLink(link.student_id, link.relation) for link in row.students)
    fields = CaregiverFields(
        first_name=row.first_name,
        last_name=row.last_name,
        phone=row.phone,
        email=row.email,
        home_language=row.home_language,
        interpreter_needed=row.interpreter_needed,
        students=links,
    )
    names = _student_names(session, [link.student_id for link in links])
    return Caregiver(
        id=row.id,
        fields=fields,
        display_name=person_name(row.first_name, row.last_name),
        active=row.active,
        student_names=tuple(names.get(link.student_id, "") for link in links),
    )


def _of_students(
    session: Session, student_ids: list[int], include_inactive: bool
) -> list[tuple[CaregiverRow, CaregiverRelationship]]:
    stmt = (
        select(CaregiverRow, CaregiverStudentRow.relation)
        .join(CaregiverStudentRow, CaregiverStudentRow.caregiver_id == CaregiverRow.id)
        .where(CaregiverStudentRow.student_id.in_(student_ids))
        .order_by(
            CaregiverRow.active.desc(),
            CaregiverRow.last_name,
            CaregiverRow.first_name,
            CaregiverRow.id,
        )
    )
    if not include_inactive:
        stmt = stmt.where(CaregiverRow.active)
    return [(row, relation) for row, relation in session.execute(stmt)]


def _student_names(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(
        select(
            StudentRow.id, StudentRow.first_name, StudentRow.last_name, StudentRow.preferred_name
        ).where(StudentRow.id.in_(ids))
    )
    return {sid: person_name(first, last, preferred) for sid, first, last, preferred in rows}


def _check(session: Session, fields: CaregiverFields) -> None:
    problems = validate_caregiver(fields)
    wanted = {link.student_id for link in fields.students}
    if wanted:
        known = set(session.scalars(select(StudentRow.id).where(StudentRow.id.in_(wanted))))
        if known != wanted:
            problems.append(FieldProblem("students", Problem.UNKNOWN))
    refuse(problems)


def _fill(row: CaregiverRow, fields: CaregiverFields) -> None:
    row.first_name = fields.first_name
    row.last_name = fields.last_name
    row.phone = fields.phone
    row.email = fields.email
    row.home_language = fields.home_language
    row.interpreter_needed = fields.interpreter_needed
    row.search_key = caregiver_key(fields.first_name, fields.last_name, fields.phone, fields.email)
    kept = {link.student_id: link for link in row.students}
    links = []
    for wanted in fields.students:
        link = kept.get(wanted.student_id) or CaregiverStudentRow(student_id=wanted.student_id)
        link.relation = wanted.relation
        links.append(link)
    row.students = links


def _row(session: Session, caregiver_id: int) -> CaregiverRow:
    row = session.get(CaregiverRow, caregiver_id)
    if row is None:
        raise CaregiverNotFound(caregiver_id)
    return row


def _detail(fields: CaregiverFields) -> str:
    return f"students={len(fields.students)} interpreter={int(fields.interpreter_needed)}"
