"""Agreements on a case: making or revising one with its items, marking how an item went, and
the follow-up log."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import AgreementItemRow, AgreementRow, CaseRow, FollowUpRow, MeetingRow
from rp_desktop.domain.casework.records import (
    Agreement,
    AgreementFields,
    AgreementItem,
    AgreementItemFields,
    FollowUp,
    FollowUpFields,
)
from rp_desktop.domain.casework.validation import validate_agreement, validate_follow_up
from rp_desktop.domain.records import Case
from rp_desktop.domain.validation import FieldProblem, Problem
from rp_desktop.domain.vocabulary import AgreementStatus, AuditAction, CaseStatus
from rp_desktop.services import drafts
from rp_desktop.services.audit import record_event
from rp_desktop.services.casework.cases import case_record, load_case
from rp_desktop.services.casework.checks import refuse, touch, unknown_staff
from rp_desktop.services.casework.reading import (
    agreement_record,
    follow_up_record,
    item_record,
    people_of,
)
from rp_desktop.services.safekeeping.database import Database


class AgreementNotFound(LookupError):
    def __init__(self, agreement_id: int) -> None:
        super().__init__(f"There is no agreement with id {agreement_id}.")


class AgreementItemNotFound(LookupError):
    def __init__(self, item_id: int) -> None:
        super().__init__(f"There is no agreement item with id {item_id}.")


def save_agreement(
    db: Database,
    case_id: int,
    fields: AgreementFields,
    agreement_id: int | None = None,
    *,
    replaces_draft: str | None = None,
) -> Agreement:
    """Make an agreement on the case, or revise the one with `agreement_id`. Revising keeps
    the ids of items that stay (follow-ups point at them): an unchanged item keeps its row,
    and edited items take over the rows of the items they replace, in order. The case's status
    moves on to "agreement made"."""
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        case_row = load_case(session, case_id)
        case = case_record(session, case_row)
        row = put_agreement(session, db, case_row, case, fields, agreement_id)
        return agreement_record(session, row, people_of(case))


def put_agreement(
    session: Session,
    db: Database,
    case_row: CaseRow,
    case: Case,
    fields: AgreementFields,
    agreement_id: int | None = None,
) -> AgreementRow:
    """`save_agreement` inside the caller's transaction: InvalidInput, or the agreement's row."""
    _check_agreement(session, db, fields, case)
    row = _agreement_row(session, case.id, agreement_id)
    assert fields.made_on is not None  # validated
    row.made_on = fields.made_on
    row.meeting_id = fields.meeting_id
    row.notes = fields.notes
    _replace_items(row, fields.items)
    touch(case_row, db, CaseStatus.AGREEMENT_MADE)
    session.flush()
    action = AuditAction.CREATE if agreement_id is None else AuditAction.UPDATE
    detail = f"case={case.id} items={len(fields.items)}"
    record_event(session, db, action, "agreement", row.id, detail)
    return row


def set_item_status(db: Database, item_id: int, status: AgreementStatus) -> AgreementItem:
    """Mark how an agreement item went: done, missed, renegotiated, or open again."""
    with Session(db.engine) as session, session.begin():
        row = session.get(AgreementItemRow, item_id)
        if row is None:
            raise AgreementItemNotFound(item_id)
        row.status = status
        case_row = load_case(session, row.agreement.case_id)
        touch(case_row, db)
        session.flush()
        detail = f"status={status.value}"
        record_event(session, db, AuditAction.UPDATE, "agreement_item", row.id, detail)
        return item_record(session, row, people_of(case_record(session, case_row)))


def add_follow_up(
    db: Database, case_id: int, fields: FollowUpFields, *, replaces_draft: str | None = None
) -> FollowUp:
    """Log a follow-up on the case (or on one of its agreement items); the case's status moves
    on to "following up"."""
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        case_row = load_case(session, case_id)
        problems = validate_follow_up(fields, case_record(session, case_row), db.today())
        problems += unknown_staff(session, "staff_id", fields.staff_id)
        if fields.agreement_item_id is not None and not _item_in_case(
            session, fields.agreement_item_id, case_id
        ):
            problems.append(FieldProblem("agreement_item_id", Problem.NOT_IN_CASE))
        refuse(problems)
        assert fields.on is not None  # validated
        row = FollowUpRow(
            case_id=case_id,
            on=fields.on,
            staff_id=fields.staff_id,
            note=fields.note,
            agreement_item_id=fields.agreement_item_id,
        )
        session.add(row)
        touch(case_row, db, CaseStatus.FOLLOWING_UP)
        session.flush()
        record_event(session, db, AuditAction.CREATE, "follow_up", row.id, f"case={case_id}")
        return follow_up_record(session, row)


def _check_agreement(session: Session, db: Database, fields: AgreementFields, case: Case) -> None:
    problems = validate_agreement(fields, case, db.today())
    if fields.meeting_id is not None:
        meeting = session.get(MeetingRow, fields.meeting_id)
        if meeting is None or meeting.case_id != case.id:
            problems.append(FieldProblem("meeting_id", Problem.NOT_IN_CASE))
    for index, item in enumerate(fields.items):
        problems += unknown_staff(session, "items.owner", item.owner_staff_id, index)
    refuse(problems)


def _agreement_row(session: Session, case_id: int, agreement_id: int | None) -> AgreementRow:
    if agreement_id is None:
        row = AgreementRow(case_id=case_id)
        session.add(row)
        return row
    found = session.get(AgreementRow, agreement_id)
    if found is None or found.case_id != case_id:
        raise AgreementNotFound(agreement_id)
    return found


def _replace_items(row: AgreementRow, wanted: tuple[AgreementItemFields, ...]) -> None:
    """Unchanged items keep their rows; the others reuse the leftover rows in order."""
    spare = list(row.items)
    matched: list[AgreementItemRow | None] = []
    for fields in wanted:
        same = next((item for item in spare if _item_fields(item) == fields), None)
        if same is not None:
            spare.remove(same)
        matched.append(same)
    items = []
    for fields, same in zip(wanted, matched, strict=True):
        item = same or (spare.pop(0) if spare else AgreementItemRow())
        _fill_item(item, fields)
        items.append(item)
    row.items = items


def _item_fields(row: AgreementItemRow) -> AgreementItemFields:
    return AgreementItemFields(
        row.description, row.owner_participant_id, row.owner_staff_id, row.due_on, row.status
    )


def _fill_item(row: AgreementItemRow, fields: AgreementItemFields) -> None:
    row.description = fields.description
    row.owner_participant_id = fields.owner_participant_id
    row.owner_staff_id = fields.owner_staff_id
    row.due_on = fields.due_on
    row.status = fields.status


def _item_in_case(session: Session, item_id: int, case_id: int) -> bool:
    found = session.scalar(
        select(AgreementRow.case_id)
        .join(AgreementItemRow, AgreementItemRow.agreement_id == AgreementRow.id)
        .where(AgreementItemRow.id == item_id)
    )
    return found == case_id
