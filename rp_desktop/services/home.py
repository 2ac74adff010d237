"""The Home tab's summary: the first thing RP Desktop shows, so it must come back at once.

Each part is one small query that an index answers or a LIMIT keeps short: the circles of one
week (by the held_on index), the cases not closed (a few dozen in a real building), the last
records changed. Nothing here loads a list of everything.
"""

from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from rp_desktop.db.models import (
    CaseCategoryRow,
    CaseRow,
    CommunityCircleRow,
    GroupRow,
    MeetingRow,
    StaffRow,
)
from rp_desktop.domain.continuum.kinds import MeetingStatus
from rp_desktop.domain.home import (
    MEETINGS_AHEAD,
    CircleDays,
    CircleSoon,
    HomeSummary,
    MeetingSoon,
    OpenCase,
    RecentChange,
    RecordKind,
    week_of,
)
from rp_desktop.domain.records import person_name
from rp_desktop.domain.vocabulary import CaseStatus, CircleStatus, Tier
from rp_desktop.services.casework.due_items import due_items
from rp_desktop.services.listing import AnySelect
from rp_desktop.services.safekeeping.database import Database

CIRCLES_SHOWN = 40  # a large building holds some fifty circles on a busy day
OPEN_CASES_SHOWN = 6
RECENT_SHOWN = 10
MEETINGS_SHOWN = 20
SHOWN_STATUSES = (CircleStatus.PLANNED, CircleStatus.HELD)  # a cancelled circle is not coming
CASE_TIERS = (Tier.TARGETED, Tier.INTENSIVE)

# Home warns when the backups have not been copied off the laptop for this long (or ever): a
# lost or stolen laptop takes its backups with it.
OFF_LAPTOP_WITHIN = timedelta(days=7)

_keeper = aliased(StaffRow)


def off_laptop_copy_overdue(last_copy: datetime | None, now: datetime) -> bool:
    """True when the last copy of the backups off this laptop is older than a week, or there
    has been none."""
    return last_copy is None or now - last_copy > OFF_LAPTOP_WITHIN


def home_summary(db: Database, today: date) -> HomeSummary:
    """What the Home tab shows on `today`: see HomeSummary."""
    monday, sunday = week_of(today)
    with Session(db.engine) as session:
        on_today = _circle_days(session, CommunityCircleRow.held_on == today)
        rest_of_week = _circle_days(
            session,
            CommunityCircleRow.held_on.between(monday, sunday),
            CommunityCircleRow.held_on != today,
        )
        open_by_tier = _open_by_tier(session)
        open_cases = _open_cases(session)
        recent = _recent(session)
        meetings = _meetings_soon(session, today)
    soon, overdue = due_items(db, today)
    return HomeSummary(
        today=today,
        week_start=monday,
        week_end=sunday,
        circles_today=on_today,
        rest_of_week=rest_of_week,
        due_soon=tuple(soon),
        overdue=tuple(overdue),
        open_by_tier=open_by_tier,
        open_cases=open_cases,
        recent=recent,
        meetings=meetings,
    )


def _circle_days(session: Session, *conditions: ColumnElement[bool]) -> CircleDays:
    where = [*conditions, CommunityCircleRow.status.in_(SHOWN_STATUSES)]
    rows = session.execute(
        select(
            CommunityCircleRow.id,
            CommunityCircleRow.held_on,
            CommunityCircleRow.status,
            CommunityCircleRow.kind,
            GroupRow.name,
            _keeper.first_name,
            _keeper.last_name,
            CommunityCircleRow.purpose,
        )
        .outerjoin(GroupRow, GroupRow.id == CommunityCircleRow.group_id)
        .outerjoin(_keeper, _keeper.id == CommunityCircleRow.keeper_id)
        .where(*where)
        .order_by(CommunityCircleRow.held_on, CommunityCircleRow.id)
        .limit(CIRCLES_SHOWN)
    ).all()
    total = len(rows)
    if total == CIRCLES_SHOWN:  # there may be more: count them, by the same index
        counted = select(func.count()).select_from(CommunityCircleRow).where(*where)
        total = session.scalar(counted) or 0
    circles = tuple(
        CircleSoon(
            id=r[0],
            held_on=r[1],
            status=r[2],
            kind=r[3],
            group_name=r[4] or "",
            keeper_name=person_name(r[5], r[6]) if r[5] is not None else "",
            purpose=r[7],
        )
        for r in rows
    )
    return CircleDays(circles, total)


def _meetings_soon(session: Session, today: date) -> tuple[MeetingSoon, ...]:
    """Planned meetings up to a week ahead, and those whose day passed without being marked
    held or cancelled, by the (status, held_on) index; a closed case's are left out."""
    rows = session.execute(
        select(
            MeetingRow.id,
            MeetingRow.case_id,
            MeetingRow.kind,
            MeetingRow.held_on,
            MeetingRow.starts_at,
            CaseCategoryRow.name,
        )
        .join(CaseRow, CaseRow.id == MeetingRow.case_id)
        .join(CaseCategoryRow, CaseCategoryRow.id == CaseRow.category_id)
        .where(
            MeetingRow.status == MeetingStatus.PLANNED,
            MeetingRow.held_on <= today + MEETINGS_AHEAD,
            CaseRow.status != CaseStatus.CLOSED,
        )
        .order_by(MeetingRow.held_on, MeetingRow.starts_at, MeetingRow.id)
        .limit(MEETINGS_SHOWN)
    ).all()
    return tuple(MeetingSoon(*row, overdue=row[3] < today) for row in rows)


def _open_by_tier(session: Session) -> dict[Tier, int]:
    counts = dict.fromkeys(CASE_TIERS, 0)
    rows = session.execute(
        select(CaseRow.tier, func.count())
        .where(CaseRow.status != CaseStatus.CLOSED)
        .group_by(CaseRow.tier)
    )
    for tier, count in rows:
        counts[Tier(tier)] = count
    return counts


def _open_cases(session: Session) -> tuple[OpenCase, ...]:
    rows = session.execute(
        _latest(
            select(
                CaseRow.id,
                CaseRow.tier,
                CaseCategoryRow.name,
                CaseRow.occurred_on,
                CaseRow.status,
                CaseRow.updated_at,
            ).where(CaseRow.status != CaseStatus.CLOSED),
            OPEN_CASES_SHOWN,
        )
    )
    return tuple(OpenCase(*row) for row in rows)


def _recent(session: Session) -> tuple[RecentChange, ...]:
    """The last records changed, cases and circles together."""
    cases = session.execute(
        _latest(
            select(
                CaseRow.id,
                CaseRow.tier,
                CaseRow.occurred_on,
                CaseCategoryRow.name,
                CaseRow.status,
                CaseRow.updated_at,
                CaseRow.created_at,
            ),
            RECENT_SHOWN,
        )
    )
    circles = session.execute(_latest_circles())
    changes = [
        RecentChange(RecordKind.CASE, r[0], r[1], r[2], r[3], r[4], r[5], r[5] == r[6])
        for r in cases
    ] + [
        RecentChange(
            RecordKind.CIRCLE, r[0], Tier.UNIVERSAL, r[1], r[2] or "", r[3], r[4], r[4] == r[5]
        )
        for r in circles
    ]
    changes.sort(key=lambda c: (c.changed_at, c.kind == RecordKind.CASE, c.id), reverse=True)
    return tuple(changes[:RECENT_SHOWN])


def _latest(stmt: AnySelect, limit: int) -> AnySelect:
    """Cases by when they last changed, the latest first, with their category's name."""
    return (
        stmt.join(CaseCategoryRow, CaseCategoryRow.id == CaseRow.category_id)
        .order_by(CaseRow.updated_at.desc(), CaseRow.id.desc())
        .limit(limit)
    )


def _latest_circles() -> AnySelect:
    """The circles that changed last. The latest ten are picked from the circle table alone,
    before the join: joining first would look up a group for every circle ever recorded."""
    latest = (
        select(
            CommunityCircleRow.id,
            CommunityCircleRow.held_on,
            CommunityCircleRow.group_id,
            CommunityCircleRow.status,
            CommunityCircleRow.updated_at,
            CommunityCircleRow.created_at,
        )
        .order_by(CommunityCircleRow.updated_at.desc(), CommunityCircleRow.id.desc())
        .limit(RECENT_SHOWN)
        .subquery()
    )
    return (
        select(
            latest.c.id,
            latest.c.held_on,
            GroupRow.name,
            latest.c.status,
            latest.c.updated_at,
            latest.c.created_at,
        )
        .outerjoin(GroupRow, GroupRow.id == latest.c.group_id)
        .order_by(latest.c.updated_at.desc(), latest.c.id.desc())
    )
