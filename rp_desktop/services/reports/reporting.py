"""The numbers schools report, for the Reports tab, the exports and the district package.

Every report is counted in SQL (a grouped query or two per report, the period filtered in SQL).
`all_reports` counts them two at a time, each in its own read transaction on its own connection
(SQLite runs a query without holding Python's lock, so on two cores the screen's charts come back
in about two thirds of the time). They agree with each other: while the screen waits for them
nothing writes, since one instance of the app holds the file and writes from its window's thread.
Definitions, in the words of the practice:

- the continuum: practice at each level (domain.reports.continuum), per month, a tally of
  affective statements counting each time; and the share of active students reached at each;
- circles held: Tier 1 community circles with status held, by the day held; Tier 2 and Tier 3
  practices: meetings held on cases (not planned or cancelled), by their case's (current) tier;
- students reached: distinct students in a held circle (tier:1), or in a case of that tier
  opened or met about in the month (tier:2, tier:3), or in any of these (measure:reached);
- cases of harm (a category of the harm kind) opened by the day the harm happened, closed by
  the day they were closed; tier:2 and tier:3 are those opened, by tier; wellbeing concerns
  (a category of the concern kind) opened, apart; positive and neutral observations never;
- agreements made by the day made; the share kept is done / (done + missed) of their items;
- follow-up timeliness of items by the day they are due (domain.reports.follow_ups);
- days of suspension avoided by the day the case happened, derived from the case's referrals
  (a typed number overrides);
- outcomes (services.reports.outcomes): repeat harm, repair as felt, returns after re-entry;
- equity of voice from recorded circle runs (domain.reports.voice).

With a breakdown, a record counts once in every group one of its students is in (through circle
attendance, case participants and run seats), so the groups add up to more than the whole.
"""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

from sqlalchemy import exists, func, select, union_all
from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    AgreementRow,
    CaseRow,
    CircleRunRow,
    CommunityCircleRow,
    FollowUpRow,
    MeetingRow,
    PracticeLogRow,
    ReEntryPlanRow,
    StudentRow,
)
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
from rp_desktop.services.reports.cells import records_in_cell
from rp_desktop.services.reports.grouping import Grouping
from rp_desktop.services.reports.risk import disproportionality_of
from rp_desktop.services.reports.tables import Setting, build_table
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students.demographics import fields_in_use

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


# The reports in the order they are handed to the two workers, the slowest first, so that both
# finish at about the same time; by group, practice kinds reuse the practices' counts, so the
# two go together.
_BATCHES = (
    (ReportKind.STUDENTS_REACHED,),
    (ReportKind.EQUITY_OF_VOICE,),
    (ReportKind.PRACTICES_BY_MONTH, ReportKind.PRACTICE_KINDS),
    (ReportKind.CONTINUUM, ReportKind.CONTINUUM_REACHED),
    (ReportKind.FOLLOW_UPS,),
    (ReportKind.CASES,),
    (ReportKind.AGREEMENTS,),
    (ReportKind.SUSPENSION_DAYS_AVOIDED, ReportKind.RE_ENTRY),
    (ReportKind.REPEAT_HARM, ReportKind.REPAIR_FELT),
)
WORKERS = 2


def all_reports(
    db: Database, period: Period, breakdown: Breakdown
) -> dict[ReportKind, ReportTable]:
    """Every report for one period and breakdown, as the Reports tab draws them at once (two at
    a time: see the module's notes), in the order of ReportKind."""
    today = db.today()
    with Session(db.engine) as session, session.begin():
        setting = _setting(session, period, breakdown)

    def batch(kinds: tuple[ReportKind, ...]) -> dict[ReportKind, ReportTable]:
        own = replace(setting, counted={})  # counts shared only within the batch
        with Session(db.engine) as session, session.begin():
            return {
                kind: build_table(session, ReportRequest(kind, period, breakdown), today, own)
                for kind in kinds
            }

    tables: dict[ReportKind, ReportTable] = {}
    with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="reports") as pool:
        for done in pool.map(batch, _BATCHES):
            tables |= done
    return {kind: tables[kind] for kind in ReportKind}


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
    """Per group of students, the risk of being in a Tier 2 or Tier 3 case of harm opened in the
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
    """The first and last day with any record (a circle, case, meeting, agreement, follow-up,
    practice log, return or circle run); None when there is none."""
    days = union_all(
        *(
            select(func.min(column).label("first"), func.max(column).label("last"))
            for column in (
                CommunityCircleRow.held_on,
                CaseRow.occurred_on,
                CaseRow.closed_on,
                MeetingRow.held_on,
                AgreementRow.made_on,
                FollowUpRow.on,
                PracticeLogRow.happened_on,
                ReEntryPlanRow.returned_on,
            )
        )
    ).subquery()
    with Session(db.engine) as session, session.begin():
        first, last = session.execute(select(func.min(days.c.first), func.max(days.c.last))).one()
        runs = session.execute(
            select(func.min(CircleRunRow.started_at), func.max(CircleRunRow.started_at))
        ).one()
    span = [day for day in (first, last) if day is not None]
    span += [moment.astimezone().date() for moment in runs if moment is not None]
    return Period(min(span), max(span)) if span else None


def _setting(session: Session, period: Period, breakdown: Breakdown) -> Setting:
    has_students = bool(session.scalar(select(exists().where(StudentRow.id.is_not(None)))))
    grouping = _grouping(breakdown, period)
    if grouping is None:
        return Setting(has_students, None)
    return Setting(has_students, grouping, frozenset(grouping.roster_categories(session)))


def _grouping(breakdown: Breakdown, period: Period) -> Grouping | None:
    return None if breakdown.kind is BreakdownKind.NONE else Grouping(breakdown, period)
