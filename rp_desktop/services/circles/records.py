"""Tier 1 community circles as records: the list, recording one, editing it."""

from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from rp_desktop.db.models import CircleAttendance, CommunityCircle, Group, Staff, Student
from rp_desktop.domain.records import Circle, CircleFields, CircleRow, ListQuery, Page, person_name
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem, validate_circle
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit import record_event
from rp_desktop.services.listing import DEFAULT_PAGE, fetch_page, in_date_range, matching, ordered
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.search_keys import circle_key
from rp_desktop.services.students.records import to_record as student_record

_keeper = aliased(Staff)
_attendance = (
    select(func.count())
    .where(CircleAttendance.circle_id == CommunityCircle.id)
    .correlate(CommunityCircle)
    .scalar_subquery()
)
SORT_COLUMNS = {
    "held_on": CommunityCircle.held_on,
    "status": CommunityCircle.status,
    "kind": CommunityCircle.kind,
    "group": Group.name,
    "keeper": _keeper.last_name,
    "purpose": CommunityCircle.purpose,
    "duration": CommunityCircle.duration_minutes,
}


class CircleNotFound(LookupError):
    def __init__(self, circle_id: int) -> None:
        super().__init__(f"There is no circle with id {circle_id}.")


def list_circles(
    db: Database, query: ListQuery, offset: int = 0, limit: int = DEFAULT_PAGE
) -> Page[CircleRow]:
    """Circles matching the search, status and dates; newest first unless asked otherwise."""
    conditions = [
        *matching(CommunityCircle.search_key, query.text),
        *in_date_range(CommunityCircle.held_on, query),
    ]
    if query.status:
        conditions.append(CommunityCircle.status == query.status)
    if not query.sort:
        query = replace(query, sort="held_on", descending=True)
    rows = ordered(
        select(
            CommunityCircle.id,
            CommunityCircle.held_on,
            CommunityCircle.status,
            CommunityCircle.kind,
            Group.name,
            _keeper.first_name,
            _keeper.last_name,
            CommunityCircle.purpose,
            _attendance,
            CommunityCircle.duration_minutes,
        )
        .outerjoin(Group, Group.id == CommunityCircle.group_id)
        .outerjoin(_keeper, _keeper.id == CommunityCircle.keeper_id),
        query,
        SORT_COLUMNS,
        "held_on",
        CommunityCircle.id,
    )
    with Session(db.engine) as session:
        page, total = fetch_page(session, rows, conditions, CommunityCircle, offset, limit)
    return Page(
        tuple(
            CircleRow(
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
            for r in page
        ),
        total,
    )


def get_circle(db: Database, circle_id: int) -> Circle:
    with Session(db.engine) as session:
        return _to_record(session, _load(session, circle_id))


def record_circle(db: Database, fields: CircleFields) -> Circle:
    with Session(db.engine) as session, session.begin():
        return _to_record(session, add_circle(session, db, fields))


def add_circle(
    session: Session, db: Database, fields: CircleFields, detail: str = ""
) -> CommunityCircle:
    """Record a circle inside the caller's transaction (a circle run saves its record with
    the run, all or nothing); `detail` goes into its audit event (ids and counts only)."""
    _check(session, db, fields)
    now = db.now()
    row = CommunityCircle(created_at=now, updated_at=now)
    _fill(session, row, fields)
    session.add(row)
    session.flush()
    record_event(session, db, AuditAction.CREATE, "community_circle", row.id, detail)
    return row


def update_circle(db: Database, circle_id: int, fields: CircleFields) -> Circle:
    with Session(db.engine) as session, session.begin():
        row = _load(session, circle_id)
        _check(session, db, fields)
        _fill(session, row, fields)
        row.updated_at = db.now()
        session.flush()
        record_event(session, db, AuditAction.UPDATE, "community_circle", row.id)
        return _to_record(session, row)


def _check(session: Session, db: Database, fields: CircleFields) -> None:
    problems = validate_circle(fields, db.today())
    if fields.group_id is not None and session.get(Group, fields.group_id) is None:
        problems.append(FieldProblem("group_id", Problem.UNKNOWN))
    if fields.keeper_id is not None and session.get(Staff, fields.keeper_id) is None:
        problems.append(FieldProblem("keeper_id", Problem.UNKNOWN))
    if fields.attendee_ids:
        known = session.scalar(select(func.count()).where(Student.id.in_(fields.attendee_ids)))
        if known != len(fields.attendee_ids):
            problems.append(FieldProblem("attendee_ids", Problem.UNKNOWN))
    if problems:
        raise InvalidInput(problems)


def _fill(session: Session, row: CommunityCircle, fields: CircleFields) -> None:
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
        CircleAttendance(student_id=s) for s in sorted(fields.attendee_ids - present)
    ]
    group = session.get(Group, fields.group_id) if fields.group_id is not None else None
    keeper = session.get(Staff, fields.keeper_id) if fields.keeper_id else None
    row.search_key = circle_key(
        group.name if group else "",
        person_name(keeper.first_name, keeper.last_name) if keeper else "",
        fields.purpose,
    )


def _to_record(session: Session, row: CommunityCircle) -> Circle:
    group = session.get(Group, row.group_id) if row.group_id is not None else None
    keeper = session.get(Staff, row.keeper_id) if row.keeper_id is not None else None
    attendees = session.scalars(
        select(Student)
        .join(CircleAttendance, CircleAttendance.student_id == Student.id)
        .where(CircleAttendance.circle_id == row.id)
        .order_by(Student.last_name, Student.first_name, Student.id)
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
    )
    return Circle(
        id=row.id,
        fields=fields,
        group_name=group.name if group else "",
        keeper_name=person_name(keeper.first_name, keeper.last_name) if keeper else "",
        attendees=tuple(student_record(s) for s in attendees),
    )


def _load(session: Session, circle_id: int) -> CommunityCircle:
    row = session.get(CommunityCircle, circle_id)
    if row is None:
        raise CircleNotFound(circle_id)
    return row
