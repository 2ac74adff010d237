"""Counting the rows of report_facts in SQL: distinct records per category and series, or the
sum of a value over distinct records. Categories come back as keys ("2025-09", "grade:7").

Each part of a report's rows is counted on its own (a union of them would be copied first,
hundreds of thousands of attendance rows a year), which is exact because a series takes its
records from one part. Students reached are the exception: a student in a circle, a case and
a meeting in the same month is one student. By month they are counted in one query over the
distinct students of each month; by group, each part's distinct students come back once and
are counted here, in sets (a few thousand a year).
"""

from collections import defaultdict
from typing import Any

from sqlalchemy import func, literal, select, union, union_all
from sqlalchemy.orm import Session

from rp_desktop.domain.reports.model import Period, ReportKind
from rp_desktop.domain.reports.months import months_of, within
from rp_desktop.services.reports.facts import REACHED, AnySelect, circle_attendance, facts
from rp_desktop.services.reports.grouping import Grouping

CIRCLES = "tier:1"
MONTHS_ONE_BY_ONE = 120  # SQLite allows 500 queries in one union

# (category, series) -> number; a cell not in the dict counts nothing.
Cells = dict[tuple[str, str], float | None]


def count_cells(session: Session, parts: list[AnySelect], grouping: Grouping | None) -> Cells:
    """Distinct `rec` per category and series."""
    counts = []
    for part in parts:
        rows = part.subquery()
        stmt, category = _categorized(select(rows.c.rec).select_from(rows), rows, grouping)
        # Distinct cells first, then count them: SQLite sorts far fewer rows than it would
        # for a count(DISTINCT ...) per group. The record leads, as the rows come in its order.
        once = (
            stmt.with_only_columns(rows.c.rec, category.label("category"), rows.c.series)
            .distinct()
            .subquery()
        )
        counts.append(
            select(once.c.category, once.c.series, func.count()).group_by(
                once.c.category, once.c.series
            )
        )
    return _keyed(session.execute(union_all(*counts)), grouping)


def reached_cells(session: Session, period: Period, grouping: Grouping | None) -> Cells:
    """Distinct students per category and series, and per category in any series
    (measure:reached)."""
    parts = facts(ReportKind.STUDENTS_REACHED, period, with_students=True)
    if grouping is not None:
        return _reached_by_group(session, parts, grouping)
    _, *cases = parts
    in_circles = _students_by_month(period).cte("in_circles")
    in_cases = union_all(*cases).subquery("in_cases")
    anywhere = union(
        select(in_circles.c.rec, in_circles.c.cat), select(in_cases.c.rec, in_cases.c.cat)
    ).subquery("anywhere")
    by_case_tier = select(in_cases.c.cat, in_cases.c.series, in_cases.c.rec).distinct().subquery()
    query = union_all(
        select(in_circles.c.cat, literal(CIRCLES), func.count()).group_by(in_circles.c.cat),
        select(by_case_tier.c.cat, by_case_tier.c.series, func.count()).group_by(
            by_case_tier.c.cat, by_case_tier.c.series
        ),
        select(anywhere.c.cat, literal(REACHED), func.count()).group_by(anywhere.c.cat),
    )
    return _keyed(session.execute(query), None)


def _students_by_month(period: Period) -> Any:
    """Distinct (month, student) of circle attendance. A query per month (up to ten years of
    them) keeps each set of students small: SQLite finds them in half the time it takes over
    the whole period at once."""
    months = months_of(period)
    if len(months) > MONTHS_ONE_BY_ONE:
        rows = circle_attendance(period).subquery()
        return select(rows.c.rec, rows.c.cat).distinct()
    queries = []
    for month in months:
        rows = circle_attendance(within(period, month)).subquery()
        queries.append(select(rows.c.rec, literal(month).label("cat")).distinct())
    return union_all(*queries)


def _reached_by_group(session: Session, parts: list[AnySelect], grouping: Grouping) -> Cells:
    students: dict[tuple[str, str], set[int]] = defaultdict(set)
    for part in parts:
        rows = part.subquery()
        # Distinct students first, then their groups: a few thousand joins, not one per
        # circle attended.
        once = select(rows.c.rec, rows.c.series).distinct().subquery()
        stmt, value = grouping.attach(select(once.c.rec).select_from(once), once.c.rec)
        for raw, series, student in session.execute(
            stmt.with_only_columns(value, once.c.series, once.c.rec)
        ):
            key = grouping.key(raw)
            students[key, series].add(student)
            students[key, REACHED].add(student)
    return {cell: len(ids) for cell, ids in students.items()}


def sum_cells(session: Session, parts: list[AnySelect], grouping: Grouping | None) -> Cells:
    """The sum of `value` per category and series, each record once per category however many
    of its students fall in it."""
    sums = []
    for part in parts:
        rows = part.subquery()
        stmt, category = _categorized(select(rows.c.rec).select_from(rows), rows, grouping)
        once = (
            stmt.with_only_columns(
                category.label("category"), rows.c.series, rows.c.rec, rows.c.value
            )
            .distinct()
            .subquery()
        )
        sums.append(
            select(once.c.category, once.c.series, func.sum(once.c.value)).group_by(
                once.c.category, once.c.series
            )
        )
    return _keyed(session.execute(union_all(*sums)), grouping)


def _categorized(stmt: AnySelect, rows: Any, grouping: Grouping | None) -> tuple[Any, Any]:
    if grouping is None:
        return stmt, rows.c.cat
    return grouping.attach(stmt, rows.c.student)


def _keyed(result: Any, grouping: Grouping | None) -> Cells:
    cells: Cells = {}
    for category, series, number in result:
        key = category if grouping is None else grouping.key(category)
        cells[key, series] = number
    return cells
