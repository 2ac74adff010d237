"""The numbers schools report, for the Reports tab, the exports and the district package.

Every report is counted in SQL (a grouped query or two per report, the period filtered in SQL)
inside one read transaction, so the charts of one screen agree with each other even while
records are being saved. Definitions, in the words of the practice:

- circles held: Tier 1 community circles with status held, by the day held; Tier 2 and Tier 3
  practices: meetings on cases, by their case's (current) tier;
- students reached: distinct students in a held circle (tier:1), or in a case of that tier
  opened or met about in the month (tier:2, tier:3), or in any of these (measure:reached);
- cases opened by the day the harm or concern happened, closed by the day they were closed;
  tier:2 and tier:3 are the cases opened, by tier;
- agreements made by the day made; the share kept is done / (done + missed) of their items;
- follow-up timeliness of items by the day they are due (domain.reports.follow_ups);
- days of suspension avoided by the day the case happened;
- equity of voice from recorded circle runs (domain.reports.voice).

With a breakdown, a record counts once in every group one of its students is in (through circle
attendance, case participants and run seats), so the groups add up to more than the whole.
"""

from sqlalchemy import exists, func, select, union_all
from sqlalchemy.orm import Session

from rp_desktop.db.database import Database
from rp_desktop.db.models import (
    Agreement,
    CircleRun,
    CommunityCircle,
    FollowUp,
    Meeting,
    Student,
)
from rp_desktop.db.models import Case as CaseRow
from rp_desktop.domain.reports.model import (
    Breakdown,
    BreakdownKind,
    Disproportionality,
    Period,
    RecordRef,
    ReportKind,
    ReportRequest,
    ReportTable,
)
from rp_desktop.domain.vocabulary import Role
from rp_desktop.services.demographics import fields_in_use
from rp_desktop.services.report_cells import records_in_cell
from rp_desktop.services.report_grouping import Grouping
from rp_desktop.services.report_risk import disproportionality_of
from rp_desktop.services.report_tables import Setting, build_table

__all__ = [
    "all_reports",
    "breakdown_choices",
    "data_span",
    "disproportionality",
    "records_behind",
    "report",
]


def report(db: Database, request: ReportRequest) -> ReportTable:
    """One report's table."""
    with Session(db.engine) as session, session.begin():
        setting = _setting(session, request.period, request.breakdown)
        return build_table(session, request, db.today(), setting)


def all_reports(
    db: Database, period: Period, breakdown: Breakdown
) -> dict[ReportKind, ReportTable]:
    """Every report for one period and breakdown, as the Reports tab draws them at once, read
    in one transaction."""
    today = db.today()
    with Session(db.engine) as session, session.begin():
        setting = _setting(session, period, breakdown)
        return {
            kind: build_table(session, ReportRequest(kind, period, breakdown), today, setting)
            for kind in ReportKind
        }


def records_behind(
    db: Database, request: ReportRequest, category: str, series: str, limit: int = 500
) -> list[RecordRef]:
    """The records counted in one cell of a report (one bar), the newest first, at most
    `limit`. Raises ValueError for a category or series the report does not have."""
    with Session(db.engine) as session, session.begin():
        grouping = _grouping(request.breakdown, request.period)
        return records_in_cell(session, request, grouping, category, series, db.today(), limit)


def disproportionality(
    db: Database,
    period: Period,
    breakdown: Breakdown,
    *,
    roles: frozenset[Role] | None = None,
    minimum_group: int = 10,
) -> Disproportionality:
    """Per group of students, the risk of being in a Tier 2 or Tier 3 case opened in the
    period (in `roles`; by default as the person who caused harm) against everyone else's.
    Raises ValueError for a breakdown of kind NONE, no roles, or a minimum under 1."""
    if breakdown.kind is BreakdownKind.NONE:
        raise ValueError("Disproportionality compares groups of students: choose a breakdown.")
    if roles is not None and not roles:
        raise ValueError("Choose at least one role in a case.")
    if minimum_group < 1:
        raise ValueError("The smallest group shown must have at least one student.")
    chosen = roles if roles is not None else frozenset({Role.PERSON_WHO_CAUSED_HARM})
    grouping = Grouping(breakdown, period)
    with Session(db.engine) as session, session.begin():
        return disproportionality_of(session, period, grouping, breakdown, chosen, minimum_group)


def breakdown_choices(db: Database) -> list[Breakdown]:
    """The breakdowns a school can choose: grade, group, homeroom, and each demographic field
    the roster has."""
    fixed = (BreakdownKind.GRADE, BreakdownKind.GROUP, BreakdownKind.HOMEROOM)
    demographic = BreakdownKind.DEMOGRAPHIC
    return [Breakdown(kind) for kind in fixed] + [
        Breakdown(demographic, field.value) for field in fields_in_use(db)
    ]


def data_span(db: Database) -> Period | None:
    """The first and last day with any record (a circle, case, meeting, agreement, follow-up
    or circle run); None when there is none."""
    days = union_all(
        *(
            select(func.min(column).label("first"), func.max(column).label("last"))
            for column in (
                CommunityCircle.held_on,
                CaseRow.occurred_on,
                CaseRow.closed_on,
                Meeting.held_on,
                Agreement.made_on,
                FollowUp.on,
            )
        )
    ).subquery()
    with Session(db.engine) as session, session.begin():
        first, last = session.execute(select(func.min(days.c.first), func.max(days.c.last))).one()
        runs = session.execute(
            select(func.min(CircleRun.started_at), func.max(CircleRun.started_at))
        ).one()
    span = [day for day in (first, last) if day is not None]
    span += [moment.astimezone().date() for moment in runs if moment is not None]
    return Period(min(span), max(span)) if span else None


def _setting(session: Session, period: Period, breakdown: Breakdown) -> Setting:
    has_students = bool(session.scalar(select(exists().where(Student.id.is_not(None)))))
    grouping = _grouping(breakdown, period)
    if grouping is None:
        return Setting(has_students, None)
    return Setting(has_students, grouping, frozenset(grouping.roster_categories(session)))


def _grouping(breakdown: Breakdown, period: Period) -> Grouping | None:
    return None if breakdown.kind is BreakdownKind.NONE else Grouping(breakdown, period)
