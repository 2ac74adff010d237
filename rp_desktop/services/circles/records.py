"""Tier 1 community circles as records: the list, recording one, editing it."""

from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, Row, func, select
from sqlalchemy.orm import Session, aliased

from rp_desktop.db.models import (
    CircleAttendanceRow,
    CircleStaffAttendanceRow,
    CommunityCircleRow,
    GroupRow,
    StaffRow,
    StudentRow,
)
from rp_desktop.domain.records import (
    Circle,
    CircleFields,
    CircleListItem,
    ListQuery,
    Page,
    person_name,
)
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem, validate_circle
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services import drafts
from rp_desktop.services.audit import record_event
from rp_desktop.services.listing import DEFAULT_PAGE, fetch_page, in_date_range, matching, ordered
from rp_desktop.services.people import staff_record
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.search_keys import circle_key
from rp_desktop.services.students.records import to_record as student_record

# The most other adults (parents, guests) a circle's record may count.
MOST_GUESTS = 500

_keeper = aliased(StaffRow)
_attendance = (
    select(func.count())
    .where(CircleAttendanceRow.circle_id == CommunityCircleRow.id)
    .correlate(CommunityCircleRow)
    .scalar_subquery()
)
SORT_COLUMNS = {
    "held_on": CommunityCircleRow.held_on,
    "status": CommunityCircleRow.status,
    "kind": CommunityCircleRow.kind,
    "group": GroupRow.name,
    "keeper": _keeper.last_name,
    "purpose": CommunityCircleRow.purpose,
    "duration": CommunityCircleRow.duration_minutes,
}


class CircleNotFound(LookupError):
    def __init__(self, circle_id: int) -> None:
        super().__init__(f"There is no circle with id {circle_id}.")


def list_circles(
    db: Database, query: ListQuery, offset: int = 0, limit: int = DEFAULT_PAGE
) -> Page[CircleListItem]:
    """Circles matching the search, status and dates; newest first unless asked otherwise."""
    conditions = _list_conditions(query)
    if not query.sort:
        query = replace(query, sort="held_on", descending=True)
    rows = ordered(
        select(
            CommunityCircleRow.id,
            CommunityCircleRow.held_on,
            CommunityCircleRow.status,
            CommunityCircleRow.kind,
            GroupRow.name,
            _keeper.first_name,
            _keeper.last_name,
            CommunityCircleRow.purpose,
            _attendance,
            CommunityCircleRow.duration_minutes,
        )
        .outerjoin(GroupRow, GroupRow.id == CommunityCircleRow.group_id)
        .outerjoin(_keeper, _keeper.id == CommunityCircleRow.keeper_id),
        query,
        SORT_COLUMNS,
        "held_on",
        CommunityCircleRow.id,
    )
    with Session(db.engine) as session:
        page, total = fetch_page(session, rows, conditions, CommunityCircleRow, offset, limit)
    return Page(tuple(_list_item(r) for r in page), total)


def _list_conditions(query: ListQuery) -> list[ColumnElement[bool]]:
    conditions = [
        *matching(CommunityCircleRow.search_key, query.text),
        *in_date_range(CommunityCircleRow.held_on, query),
    ]
    if query.status:
        conditions.append(CommunityCircleRow.status == query.status)
    return conditions


def _list_item(r: Row[*tuple[Any, ...]]) -> CircleListItem:
    return CircleListItem(
        id=r[0],
        held_on=r[1],
        status=r[2],
        kind=r[3],
        group_name=r[4] or "",
        keeper_name=person_name(r[5], r[6]) if r[5] is not None else "",
        purpose=r[7],
        attendance=r[8],
        duration_minutes=r[9],
    )


def get_circle(db: Database, circle_id: int) -> Circle:
    with Session(db.engine) as session:
        return _to_record(session, _load(session, circle_id))


def record_circle(
    db: Database, fields: CircleFields, *, replaces_draft: str | None = None
) -> Circle:
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        return _to_record(session, add_circle(session, db, fields))


def add_circle(
    session: Session, db: Database, fields: CircleFields, detail: str = ""
) -> CommunityCircleRow:
    """Record a circle inside the caller's transaction (a circle run saves its record with
    the run, all or nothing); `detail` goes into its audit event (ids and counts only)."""
    _check(session, db, fields)
    now = db.now()
    row = CommunityCircleRow(created_at=now, updated_at=now)
    _fill(session, row, fields)
    session.add(row)
    session.flush()
    record_event(session, db, AuditAction.CREATE, "community_circle", row.id, detail)
    return row


def update_circle(
    db: Database, circle_id: int, fields: CircleFields, *, replaces_draft: str | None = None
) -> Circle:
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        row = _load(session, circle_id)
        _check(session, db, fields)
        _fill(session, row, fields)
        row.updated_at = db.now()
        session.flush()
        record_event(session, db, AuditAction.UPDATE, "community_circle", row.id)
        return _to_record(session, row)


def _check(session: Session, db: Database, fields: CircleFields) -> None:
    problems = validate_circle(fields, db.today())
    if fields.group_id is not None and session.get(GroupRow, fields.group_id) is None:
        problems.append(FieldProblem("group_id", Problem.UNKNOWN))
    if fields.keeper_id is not None and session.get(StaffRow, fields.keeper_id) is None:
        problems.append(FieldProblem("keeper_id", Problem.UNKNOWN))
    if not _all_known(session, StudentRow.id, fields.attendee_ids):
        problems.append(FieldProblem("attendee_ids", Problem.UNKNOWN))
    if not _all_known(session, StaffRow.id, fields.staff_ids):
        problems.append(FieldProblem("staff_ids", Problem.UNKNOWN))
    if not 0 <= fields.guests <= MOST_GUESTS:
        problems.append(FieldProblem("guests", Problem.OUT_OF_RANGE, MOST_GUESTS))
    if problems:
        raise InvalidInput(problems)


def _all_known(session: Session, column: Any, ids: frozenset[int]) -> bool:
    return not ids or session.scalar(select(func.count()).where(column.in_(ids))) == len(ids)


def _fill(session: Session, row: CommunityCircleRow, fields: CircleFields) -> None:
    assert fields.held_on is not None  # validated
    row.held_on = fields.held_on
    row.status = fields.status
    row.kind = fields.kind
    row.group_id = fields.group_id
    row.keeper_id = fields.keeper_id
    row.purpose = fields.purpose
    row.duration_minutes = fields.duration_minutes
    row.notes = fields.notes
    present = {a.student_id for a in row.attendance}
    row.attendance = [a for a in row.attendance if a.student_id in fields.attendee_ids] + [
        CircleAttendanceRow(student_id=s) for s in sorted(fields.attendee_ids - present)
    ]
    row.guests = fields.guests
    staff_present = {a.staff_id for a in row.staff_attendance}
    row.staff_attendance = [a for a in row.staff_attendance if a.staff_id in fields.staff_ids] + [
        CircleStaffAttendanceRow(staff_id=s) for s in sorted(fields.staff_ids - staff_present)
    ]
    group = session.get(GroupRow, fields.group_id) if fields.group_id is not None else None
    keeper = session.get(StaffRow, fields.keeper_id) if fields.keeper_id else None
    row.search_key = circle_key(
        group.name if group else "",
        person_name(keeper.first_name, keeper.last_name) if keeper else "",
        fields.purpose,
    )


def _to_record(session: Session, row: CommunityCircleRow) -> Circle:
    group = session.get(GroupRow, row.group_id) if row.group_id is not None else None
    keeper = session.get(StaffRow, row.keeper_id) if row.keeper_id is not None else None
    attendees = session.scalars(
        select(StudentRow)
        .join(CircleAttendanceRow, CircleAttendanceRow.student_id == StudentRow.id)
        .where(CircleAttendanceRow.circle_id == row.id)
        .order_by(StudentRow.last_name, StudentRow.first_name, StudentRow.id)
    ).all()
    staff = session.scalars(
        select(StaffRow)
        .join(CircleStaffAttendanceRow, CircleStaffAttendanceRow.staff_id == StaffRow.id)
        .where(CircleStaffAttendanceRow.circle_id == row.id)
        .order_by(StaffRow.last_name, StaffRow.first_name, StaffRow.id)
    ).all()
    fields = CircleFields(
        held_on=row.held_on,
        status=row.status,
        kind=row.kind,
        group_id=row.group_id,
        keeper_id=row.keeper_id,
        purpose=row.purpose,
        duration_minutes=row.duration_minutes,
        notes=row.notes,
        attendee_ids=frozenset(s.id for s in attendees),
        staff_ids=frozenset(s.id for s in staff),
        guests=row.guests,
    )
    return Circle(
        id=row.id,
        fields=fields,
        group_name=group.name if group else "",
        keeper_name=person_name(keeper.first_name, keeper.last_name) if keeper else "",
        attendees=tuple(student_record(s) for s in attendees),
        staff=tuple(staff_record(s) for s in staff),
    )


def _load(session: Session, circle_id: int) -> CommunityCircleRow:
    row = session.get(CommunityCircleRow, circle_id)
    if row is None:
        raise CircleNotFound(circle_id)
    return row
