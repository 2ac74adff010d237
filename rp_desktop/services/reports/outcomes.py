"""Outcomes of harm cases, counted for the Reports tab and the district package: repeat harm
(domain.reports.outcomes has the arithmetic), repair as felt by the person harmed, and
returns after a re-entry plan. Only cases whose category is of the harm kind count: a wellbeing
concern or a positive observation is not a case of harm.

- Repeat harm: people who caused harm in a harm case that happened in the period (their first
  one), and how many caused harm again within 30, 60, 90 days (also after the period ends).
- Repair as felt: harm cases closed in the period, by the person harmed's answer.
- Re-entry: students who returned in the period (by the day they returned), and the median days
  from the case's day to the return.

None of these is by group of students: they are a few cases each, and a group's share of them
would say more about a child than about the practice.
"""

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import CaseCategoryRow, CaseParticipantRow, CaseRow, ReEntryPlanRow
from rp_desktop.domain.continuum.kinds import RepairFelt
from rp_desktop.domain.reports.keys import measure_key
from rp_desktop.domain.reports.measures import median, share
from rp_desktop.domain.reports.model import Period
from rp_desktop.domain.reports.months import bucket, month_key, months_of
from rp_desktop.domain.reports.outcomes import (
    WINDOWS,
    HarmCase,
    days_to_return,
    repair_felt_counts,
    repair_key,
    repeat_harm,
    window_key,
)
from rp_desktop.domain.vocabulary import CategoryKind, Role
from rp_desktop.services.reports.counts import Cells
from rp_desktop.services.reports.records import Dated

FOLLOWED = measure_key("followed")
REPEATED = measure_key("repeated")
REPEAT_SHARE = measure_key("repeat_share")
CLOSED = measure_key("closed")
RETURNED = measure_key("returned")
MEDIAN_DAYS = measure_key("median_days")
WINDOW_KEYS = tuple(window_key(days) for days in WINDOWS)


def harm_cases(session: Session, first: date, last: date) -> list[HarmCase]:
    """Harm cases from `first` to `last`, once per student who caused harm in them."""
    rows = session.execute(
        select(CaseRow.id, CaseParticipantRow.student_id, CaseRow.occurred_on)
        .join(CaseCategoryRow, CaseCategoryRow.id == CaseRow.category_id)
        .join(CaseParticipantRow, CaseParticipantRow.case_id == CaseRow.id)
        .where(
            CaseCategoryRow.kind == CategoryKind.HARM,
            CaseParticipantRow.role == Role.PERSON_WHO_CAUSED_HARM,
            CaseParticipantRow.student_id.is_not(None),
            CaseRow.occurred_on.between(first, last),
        )
    )
    return [HarmCase(case_id, student, on) for case_id, student, on in rows if student]


def repeat_cells(
    session: Session, period: Period, today: date
) -> tuple[Cells, dict[str, list[Dated]]]:
    """Per window: people followed, people who repeated, the share; and the students behind
    each cell, with the day of their first harm case ("within:30|measure:followed")."""
    cases = harm_cases(session, period.first, period.last + timedelta(days=max(WINDOWS)))
    cells: Cells = {}
    behind: dict[str, list[Dated]] = {}
    for window in repeat_harm(cases, period.first, period.last, today):
        key = window_key(window.days)
        cells[key, FOLLOWED] = window.people
        cells[key, REPEATED] = window.repeated
        cells[key, REPEAT_SHARE] = share(window.repeated, window.people)
        behind[f"{key}|{FOLLOWED}"] = [(c.person, c.on) for c in window.followed]
        behind[f"{key}|{REPEATED}"] = [(c.person, c.on) for c in window.repeats]
        behind[f"{key}|{REPEAT_SHARE}"] = behind[f"{key}|{REPEATED}"]
    return cells, behind


def closed_harm_cases(
    session: Session, period: Period
) -> list[tuple[int, date, RepairFelt | None]]:
    """Harm cases closed in the period: id, day closed, the person harmed's answer."""
    rows = session.execute(
        select(CaseRow.id, CaseRow.closed_on, CaseRow.repair_felt)
        .join(CaseCategoryRow, CaseCategoryRow.id == CaseRow.category_id)
        .where(
            CaseCategoryRow.kind == CategoryKind.HARM,
            CaseRow.closed_on.between(period.first, period.last),
        )
    )
    return [(case_id, closed_on, felt) for case_id, closed_on, felt in rows if closed_on]


def repair_cells(session: Session, period: Period) -> Cells:
    counts = repair_felt_counts(felt for _, _, felt in closed_harm_cases(session, period))
    return {(key, CLOSED): number for key, number in counts.items()}


def returns(session: Session, period: Period) -> list[tuple[int, date, int | None]]:
    """Returns after a re-entry plan in the period: the case, the day returned, and the days
    from the case's day (None for a return typed before the case)."""
    rows = session.execute(
        select(CaseRow.id, ReEntryPlanRow.returned_on, CaseRow.occurred_on)
        .join(CaseRow, CaseRow.id == ReEntryPlanRow.case_id)
        .where(ReEntryPlanRow.returned_on.between(period.first, period.last))
    )
    return [(case_id, back, days_to_return(on, back)) for case_id, back, on in rows if back]


def return_cells(session: Session, period: Period) -> Cells:
    found = returns(session, period)
    by_month = bucket(((back, (case_id, days)) for case_id, back, days in found), period)
    cells: Cells = {}
    for month, month_returns in by_month.items():
        cells[month, RETURNED] = len(month_returns)
        cells[month, MEDIAN_DAYS] = median([d for _, d in month_returns if d is not None])
    return cells


def outcome_records(
    session: Session, kind: str, period: Period, today: date, category: str, series: str
) -> list[Dated]:
    """The records behind one cell of an outcomes report (`kind`: "repeat_harm": students, by
    the day of their first harm case; "repair_felt" and "re_entry": harm cases)."""
    if kind == "repeat_harm":
        return repeat_cells(session, period, today)[1].get(f"{category}|{series}", [])
    if kind == "repair_felt":
        closed = closed_harm_cases(session, period)
        return [(case_id, on) for case_id, on, felt in closed if repair_key(felt) == category]
    months: dict[str, list[Dated]] = defaultdict(list)
    for case_id, back, _ in returns(session, period):
        months[month_key(back)].append((case_id, back))
    return months.get(category, []) if category in months_of(period) else []
