"""A case's log of contacts with families: add, change and remove one contact (a call, a
meeting, a letter, a message), and list a case's contacts newest first. Each change is one
transaction with an audit event that carries the contact's kind and outcome, never a name."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import CaregiverContactRow, CaregiverRow
from rp_desktop.domain.continuum.caregivers import Contact, ContactFields, validate_contact
from rp_desktop.domain.continuum.kinds import ContactKind, ContactOutcome
from rp_desktop.domain.records import person_name
from rp_desktop.domain.validation import FieldProblem, Problem
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services import drafts
from rp_desktop.services.audit import record_event
from rp_desktop.services.casework.cases import load_case
from rp_desktop.services.casework.checks import refuse, unknown_staff
from rp_desktop.services.casework.reading import staff_name
from rp_desktop.services.safekeeping.database import Database

ENTITY = "caregiver_contact"


class ContactNotFound(LookupError):
    """No contact has this id (it was removed meanwhile)."""


def add_contact(
    db: Database, case_id: int, fields: ContactFields, *, replaces_draft: str | None = None
) -> Contact:
    """Log a contact on the case; InvalidInput (nothing written) when a rule is broken, and
    CaseNotFound when the case is gone."""
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        load_case(session, case_id)
        _check(session, db, fields)
        row = CaregiverContactRow(case_id=case_id)
        _fill(row, fields)
        session.add(row)
        session.flush()
        record_event(session, db, AuditAction.CREATE, ENTITY, row.id, _detail(fields))
        return contact_record(session, row)


def record_letters(
    db: Database, case_id: int, sent: list[tuple[int, str]], note: str
) -> list[Contact]:
    """Log a letter sent to each caregiver of `sent` (their id, the language it was written
    in) today, all in one transaction: printing letters for families leaves them in the
    case's family contacts."""
    with Session(db.engine) as session, session.begin():
        load_case(session, case_id)
        logged = []
        for caregiver_id, language in sent:
            fields = ContactFields(
                caregiver_id, ContactKind.LETTER, db.today(), ContactOutcome.SENT, language, note
            )
            _check(session, db, fields)
            row = CaregiverContactRow(case_id=case_id)
            _fill(row, fields)
            session.add(row)
            session.flush()
            record_event(session, db, AuditAction.CREATE, ENTITY, row.id, _detail(fields))
            logged.append(contact_record(session, row))
        return logged


def update_contact(
    db: Database, contact_id: int, fields: ContactFields, *, replaces_draft: str | None = None
) -> Contact:
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        row = _row(session, contact_id)
        _check(session, db, fields)
        _fill(row, fields)
        session.flush()
        record_event(session, db, AuditAction.UPDATE, ENTITY, row.id, _detail(fields))
        return contact_record(session, row)


def delete_contact(db: Database, contact_id: int) -> None:
    with Session(db.engine) as session, session.begin():
        session.delete(_row(session, contact_id))
        record_event(session, db, AuditAction.DELETE, ENTITY, contact_id)


def case_contacts(db: Database, case_id: int) -> list[Contact]:
    """The case's contacts, the newest first (by day, then the latest logged first)."""
    stmt = (
        select(CaregiverContactRow)
        .where(CaregiverContactRow.case_id == case_id)
        .order_by(CaregiverContactRow.contacted_on.desc(), CaregiverContactRow.id.desc())
    )
    with Session(db.engine) as session:
        return [contact_record(session, row) for row in session.scalars(stmt)]


def contact_record(session: Session, row: CaregiverContactRow) -> Contact:
    fields = ContactFields(
        caregiver_id=row.caregiver_id,
        kind=row.kind,
        contacted_on=row.contacted_on,
        outcome=row.outcome,
        language=row.language,
        note=row.note,
        staff_id=row.staff_id,
    )
    caregiver = session.get(CaregiverRow, row.caregiver_id) if row.caregiver_id else None
    return Contact(
        id=row.id,
        case_id=row.case_id,
        fields=fields,
        caregiver_name=person_name(caregiver.first_name, caregiver.last_name) if caregiver else "",
        staff_name=staff_name(session, row.staff_id),
    )


def _check(session: Session, db: Database, fields: ContactFields) -> None:
    problems = validate_contact(fields, db.today())
    problems += unknown_staff(session, "staff_id", fields.staff_id)
    if fields.caregiver_id is not None and session.get(CaregiverRow, fields.caregiver_id) is None:
        problems.append(FieldProblem("caregiver_id", Problem.UNKNOWN))
    refuse(problems)


def _fill(row: CaregiverContactRow, fields: ContactFields) -> None:
    assert fields.contacted_on is not None  # validated
    row.caregiver_id = fields.caregiver_id
    row.kind = fields.kind
    row.contacted_on = fields.contacted_on
    row.outcome = fields.outcome
    row.language = fields.language.strip()
    row.note = fields.note
    row.staff_id = fields.staff_id


def _row(session: Session, contact_id: int) -> CaregiverContactRow:
    row = session.get(CaregiverContactRow, contact_id)
    if row is None:
        raise ContactNotFound(contact_id)
    return row


def _detail(fields: ContactFields) -> str:
    return f"kind={fields.kind.value} outcome={fields.outcome.value}"
