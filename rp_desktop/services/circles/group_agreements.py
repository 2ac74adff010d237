"""A group's agreements (how we treat each other here): made together in a values circle and
saved with the circle's run, listed for the group and for the circle they were made in, and
retired when the group lets one go (kept, inactive). Audit events carry ids and counts, never
the words agreed."""

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import GroupAgreementRow, GroupRow
from rp_desktop.domain.records import GroupAgreement
from rp_desktop.domain.validation import (
    SHORT_TEXT_MAX,
    FieldProblem,
    InvalidInput,
    Problem,
)
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit import record_event
from rp_desktop.services.safekeeping.database import Database

FIELD = "group_agreements"
# Oldest first; a circle's agreements in the order agreed.
_ORDER = (
    GroupAgreementRow.made_on,
    GroupAgreementRow.created_at,
    GroupAgreementRow.position,
    GroupAgreementRow.id,
)


class GroupAgreementNotFound(LookupError):
    def __init__(self, agreement_id: int) -> None:
        super().__init__(f"There is no group agreement with id {agreement_id}.")


def group_agreements(db: Database, group_id: int) -> list[GroupAgreement]:
    """The group's agreements in force, oldest first, each circle's in the order agreed."""
    with Session(db.engine) as session:
        rows = session.scalars(
            select(GroupAgreementRow)
            .where(GroupAgreementRow.group_id == group_id)
            .where(GroupAgreementRow.active.is_(True))
            .order_by(*_ORDER)
        ).all()
        return [to_record(row) for row in rows]


def agreements_made_in(db: Database, circle_id: int) -> list[GroupAgreement]:
    """The agreements a circle made, in the order agreed, retired ones included."""
    with Session(db.engine) as session:
        rows = session.scalars(
            select(GroupAgreementRow)
            .where(GroupAgreementRow.community_circle_id == circle_id)
            .order_by(*_ORDER)
        ).all()
        return [to_record(row) for row in rows]


def retire_group_agreement(db: Database, agreement_id: int) -> GroupAgreement:
    """The group lets an agreement go: it stays on record, no longer in force."""
    with Session(db.engine) as session, session.begin():
        row = session.get(GroupAgreementRow, agreement_id)
        if row is None:
            raise GroupAgreementNotFound(agreement_id)
        row.active = False
        session.flush()
        detail = f"group={row.group_id} status=retired"
        record_event(session, db, AuditAction.UPDATE, "group_agreement", row.id, detail)
        return to_record(row)


def add_group_agreements(
    session: Session,
    db: Database,
    group_id: int | None,
    circle_id: int | None,
    made_on: date,
    texts: Sequence[str],
) -> list[GroupAgreementRow]:
    """Save what a circle agreed as its group's agreements, inside the caller's transaction:
    lines left empty are not kept; InvalidInput without a group or with a line too long."""
    lines = [text.strip() for text in texts if text.strip()]
    if not lines:
        return []
    _check(session, group_id, lines)
    assert group_id is not None  # checked
    now = db.now()
    rows = [
        GroupAgreementRow(
            group_id=group_id,
            community_circle_id=circle_id,
            position=position,
            text=text,
            made_on=made_on,
            active=True,
            created_at=now,
        )
        for position, text in enumerate(lines)
    ]
    session.add_all(rows)
    session.flush()
    detail = f"group={group_id} circle={circle_id} agreements={len(rows)}"
    record_event(session, db, AuditAction.CREATE, "group_agreement", rows[0].id, detail)
    return rows


def _check(session: Session, group_id: int | None, lines: Sequence[str]) -> None:
    if group_id is None:
        raise InvalidInput([FieldProblem("group_id", Problem.REQUIRED)])
    if session.get(GroupRow, group_id) is None:
        raise InvalidInput([FieldProblem("group_id", Problem.UNKNOWN)])
    too_long = [
        FieldProblem(FIELD, Problem.TOO_LONG, SHORT_TEXT_MAX, index=index)
        for index, line in enumerate(lines)
        if len(line) > SHORT_TEXT_MAX
    ]
    if too_long:
        raise InvalidInput(too_long)


def to_record(row: GroupAgreementRow) -> GroupAgreement:
    return GroupAgreement(
        id=row.id,
        group_id=row.group_id,
        text=row.text,
        made_on=row.made_on,
        position=row.position,
        community_circle_id=row.community_circle_id,
        active=row.active,
    )
