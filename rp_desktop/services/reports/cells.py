"""Which records one cell of a report counted: the same rows the report counts
(report_facts, follow-up items, run seats), narrowed to one category and one series."""

from datetime import date

from sqlalchemy import Subquery, func, select
from sqlalchemy.orm import Session

from rp_desktop.domain.reports.keys import category_value
from rp_desktop.domain.reports.model import RecordRef, ReportKind, ReportRequest
from rp_desktop.domain.reports.months import month_key, months_of
from rp_desktop.services.reports.continuum import continuum_parts, reached_parts
from rp_desktop.services.reports.facts import KEPT_ITEMS, REACHED, AnySelect, all_rows, facts
from rp_desktop.services.reports.follow_ups import items_in_cell
from rp_desktop.services.reports.grouping import Grouping
from rp_desktop.services.reports.outcomes import outcome_records
from rp_desktop.services.reports.records import Dated, describe, newest_first
from rp_desktop.services.reports.tables import (
    KEPT_SHARE,
    OUTCOMES,
    OWN_CATEGORIES,
    own_grouping,
    series_keys,
)
from rp_desktop.services.reports.voice import seat_tallies, seats_by_category

# The kind of record each report counts, where it does not depend on the series.
_RECORD_KIND = {
    ReportKind.STUDENTS_REACHED: "student",
    ReportKind.CASES: "case",
    ReportKind.SUSPENSION_DAYS_AVOIDED: "case",
    ReportKind.FOLLOW_UPS: "agreement_item",
    ReportKind.EQUITY_OF_VOICE: "run",
    ReportKind.CONTINUUM_REACHED: "student",
    ReportKind.REPEAT_HARM: "student",
    ReportKind.REPAIR_FELT: "case",
    ReportKind.RE_ENTRY: "case",
}


def records_in_cell(
    session: Session,
    request: ReportRequest,
    grouping: Grouping | None,
    category: str,
    series: str,
    today: date,
    limit: int,
) -> list[RecordRef]:
    grouping = own_grouping(request, grouping)
    _check_cell(request, grouping, category, series)
    kind, period = request.kind, request.period
    if kind is ReportKind.CONTINUUM:
        return _practised(session, request, grouping, category, series)[:limit]
    if kind in OUTCOMES:
        dated: list[Dated] = outcome_records(session, kind.value, period, today, category, series)
    elif kind is ReportKind.CONTINUUM_REACHED:
        dated = _reached_at(session, request, grouping, category, series)
    elif kind is ReportKind.FOLLOW_UPS:
        items = items_in_cell(session, period, today, grouping, category, series)
        dated = [(item.item_id, item.due_on) for item in items]
    elif kind is ReportKind.EQUITY_OF_VOICE:
        dated = _runs(session, request, grouping, category)
    else:
        dated = _counted(session, request, grouping, category, series)
    return describe(session, _record_kind(request, category, series), newest_first(dated)[:limit])


def _counted(
    session: Session,
    request: ReportRequest,
    grouping: Grouping | None,
    category: str,
    series: str,
) -> list[Dated]:
    parts = facts(request.kind, request.period, with_students=grouping is not None)
    rows = all_rows(parts).subquery()
    stmt = select(rows.c.rec, func.max(rows.c.day)).select_from(rows)
    if series == KEPT_SHARE:
        stmt = stmt.where(rows.c.series.in_(KEPT_ITEMS))
    elif series != REACHED:
        stmt = stmt.where(rows.c.series == series)
    return _dated_in_category(session, stmt, rows, grouping, category)


def _practised(
    session: Session,
    request: ReportRequest,
    grouping: Grouping | None,
    category: str,
    series: str,
) -> list[RecordRef]:
    """The practice logs, circles and meetings behind one level's bar, newest first."""
    found: list[RecordRef] = []
    for record_kind, part in continuum_parts(request.period, with_students=grouping is not None):
        dated = _in_cell(session, part, grouping, category, series)
        found += describe(session, record_kind, dated)
    return sorted(found, key=lambda ref: (ref.on or date.min, ref.id), reverse=True)


def _in_cell(
    session: Session, part: AnySelect, grouping: Grouping | None, category: str, series: str
) -> list[Dated]:
    rows = part.subquery()
    stmt = select(rows.c.rec, func.max(rows.c.day)).where(rows.c.series == series)
    return _dated_in_category(session, stmt, rows, grouping, category)


def _dated_in_category(
    session: Session, stmt: AnySelect, rows: Subquery, grouping: Grouping | None, category: str
) -> list[Dated]:
    """Each record of `stmt` (selecting a record and its latest day from `rows`) in the bar's
    category: its `cat` column, or the grouping's value of its student."""
    if grouping is None:
        stmt = stmt.where(rows.c.cat == category)
    else:
        stmt, value = grouping.attach(stmt, rows.c.student)
        stmt = stmt.where(grouping.matches(value, category))
    return [(rec, day) for rec, day in session.execute(stmt.group_by(rows.c.rec))]


def _reached_at(
    session: Session,
    request: ReportRequest,
    grouping: Grouping | None,
    category: str,
    series: str,
) -> list[Dated]:
    """The active students reached at one level (all of it, or of one group)."""
    level = category if grouping is None else series
    students: set[int] = set()
    for part in reached_parts(request.period):
        rows = part.subquery()
        stmt = select(rows.c.rec).where(rows.c.series == level)
        if grouping is not None:
            stmt, value = grouping.attach(stmt, rows.c.rec)
            stmt = stmt.where(grouping.matches(value, category))
        students |= set(session.scalars(stmt.distinct()))
    return [(student, None) for student in students]


def _runs(
    session: Session, request: ReportRequest, grouping: Grouping | None, category: str
) -> list[Dated]:
    dated = seat_tallies(session, request.period)
    day_of = {tally.run_id: day for day, tally in dated}
    if grouping is None:
        return [(run, day) for run, day in day_of.items() if month_key(day) == category]
    seats = seats_by_category(session, grouping, dated).get(category, [])
    return [(run, day_of[run]) for run in {seat.run_id for seat in seats}]


def _record_kind(request: ReportRequest, category: str, series: str) -> str:
    if request.kind in _RECORD_KIND:
        return _RECORD_KIND[request.kind]
    if request.kind is ReportKind.AGREEMENTS:
        return "agreement_item" if series == KEPT_SHARE else "agreement"
    return "circle" if series == "tier:1" else "meeting"


def _check_cell(
    request: ReportRequest, grouping: Grouping | None, category: str, series: str
) -> None:
    if series not in series_keys(request, grouping):
        raise ValueError(f"The {request.kind.value} report has no series {series!r}.")
    if grouping is not None:
        category_value(grouping.kind, category)  # raises ValueError for a foreign key
    elif request.kind in OWN_CATEGORIES:
        if category not in OWN_CATEGORIES[request.kind]:
            raise ValueError(f"The {request.kind.value} report has no row {category!r}.")
    elif request.kind is ReportKind.PRACTICE_KINDS:
        if not category.startswith(("circle_kind:", "meeting_kind:")):
            raise ValueError(f"{category!r} is not a practice kind.")
    elif category not in months_of(request.period):
        raise ValueError(f"{category!r} is not a month of the period.")
