"""The Home tab's summary: the first thing RP Desktop shows, so it must come back at once.

Each part is one small query that an index answers or a LIMIT keeps short: the circles of one
week (by the held_on index), the cases not closed (a few dozen in a real building), the last
records changed. Nothing here loads a list of everything.
"""

from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from rp_desktop.db.models import Case, CaseCategory, CommunityCircle, Group, Staff
from rp_desktop.domain.home import (
    CircleDays,
    CircleSoon,
    HomeSummary,
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
SHOWN_STATUSES = (CircleStatus.PLANNED, CircleStatus.HELD)  # a cancelled circle is not coming
CASE_TIERS = (Tier.TARGETED, Tier.INTENSIVE)

_keeper = aliased(Staff)


def home_summary(db: Database, today: date) -> HomeSummary:
    """What the Home tab shows on `today`: see HomeSummary."""
    monday, sunday = week_of(today)
    with Session(db.engine) as session:
        on_today = _circle_days(session, CommunityCircle.held_on == today)
        rest_of_week = _circle_days(
            session,
            CommunityCircle.held_on.between(monday, sunday),
            CommunityCircle.held_on != today,
        )
        open_by_tier = _open_by_tier(session)
        open_cases = _open_cases(session)
        recent = _recent(session)
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
    )


def _circle_days(session: Session, *conditions: ColumnElement[bool]) -> CircleDays:
    where = [*conditions, CommunityCircle.status.in_(SHOWN_STATUSES)]
    rows = session.execute(
        select(
            CommunityCircle.id,
            CommunityCircle.held_on,
            CommunityCircle.status,
            CommunityCircle.kind,
            Group.name,
            _keeper.first_name,
            _keeper.last_name,
            CommunityCircle.purpose,
        )
        .outerjoin(Group, Group.id == CommunityCircle.group_id)
        .outerjoin(_keeper, _keeper.id == CommunityCircle.keeper_id)
        .where(*where)
        .order_by(CommunityCircle.held_on, CommunityCircle.id)
        .limit(CIRCLES_SHOWN)
    ).all()
    total = len(rows)
    if total == CIRCLES_SHOWN:  # there may be more: count them, by the same index
        counted = select(func.count()).select_from(CommunityCircle).where(*where)
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


def _open_by_tier(session: Session) -> dict[Tier, int]:
    counts = dict.fromkeys(CASE_TIERS, 0)
    rows = session.execute(
        select(Case.tier, func.count()).where(Case.status != CaseStatus.CLOSED).group_by(Case.tier)
    )
    for tier, count in rows:
        counts[Tier(tier)] = count
    return counts


def _open_cases(session: Session) -> tuple[OpenCase, ...]:
    rows = session.execute(
        _latest(
            select(
                Case.id,
                Case.tier,
                CaseCategory.name,
                Case.occurred_on,
                Case.status,
                Case.updated_at,
            ).where(Case.status != CaseStatus.CLOSED),
            OPEN_CASES_SHOWN,
        )
    )
    return tuple(OpenCase(*row) for row in rows)


def _recent(session: Session) -> tuple[RecentChange, ...]:
    """The last records changed, cases and circles together."""
    cases = session.execute(
        _latest(
            select(
                Case.id,
                Case.tier,
                Case.occurred_on,
                CaseCategory.name,
                Case.status,
                Case.updated_at,
                Case.created_at,
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
        stmt.join(CaseCategory, CaseCategory.id == Case.category_id)
        .order_by(Case.updated_at.desc(), Case.id.desc())
        .limit(limit)
    )


def _latest_circles() -> AnySelect:
    """The circles that changed last. The latest ten are picked from the circle table alone,
    before the join: joining first would look up a group for every circle ever recorded."""
    latest = (
        select(
            CommunityCircle.id,
            CommunityCircle.held_on,
            CommunityCircle.group_id,
            CommunityCircle.status,
            CommunityCircle.updated_at,
            CommunityCircle.created_at,
        )
        .order_by(CommunityCircle.updated_at.desc(), CommunityCircle.id.desc())
        .limit(RECENT_SHOWN)
        .subquery()
    )
    return (
        select(
            latest.c.id,
            latest.c.held_on,
            Group.name,
            latest.c.status,
            latest.c.updated_at,
            latest.c.created_at,
        )
        .outerjoin(Group, Group.id == latest.c.group_id)
        .order_by(latest.c.updated_at.desc(), latest.c.id.desc())
    )
