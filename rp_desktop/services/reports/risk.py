"""Disproportionality counts: active students per group, and those among them in a Tier 2 or
Tier 3 case opened in the period in one of the chosen roles. Two grouped queries; the risk
arithmetic is domain.reports.risk."""

from typing import Any

from sqlalchemy import ColumnElement, distinct, func, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import CaseCategoryRow, CaseParticipantRow, CaseRow, StudentRow
from rp_desktop.domain.reports.model import Disproportionality, Period
from rp_desktop.domain.reports.risk import Headcount, group_risk
from rp_desktop.domain.vocabulary import CategoryKind, Role, Tier
from rp_desktop.services.reports.grouping import Grouping

NO_STUDENTS, NO_RECORDS = "no_students", "no_records"


def risk_table(
    session: Session,
    period: Period,
    grouping: Grouping,
    roles: frozenset[Role],
    minimum_group: int,
) -> tuple[tuple[Any, ...], int, int]:
    """The groups' risk rows (sorted as categories are), the active students, and those of
    them in at least one case."""
    enrolled = _per_category(session, grouping, select(StudentRow.id).where(StudentRow.active))
    with_case = _per_category(session, grouping, _in_cases(period, roles))
    total = (
        session.scalar(select(func.count()).select_from(StudentRow).where(StudentRow.active)) or 0
    )
    cases = _in_cases(period, roles).subquery()
    total_with_case = session.scalar(select(func.count(distinct(cases.c.id)))) or 0
    keys = grouping.sort(set(enrolled) | set(with_case))
    groups = tuple(
        group_risk(
            Headcount(key, enrolled.get(key, 0), with_case.get(key, 0)),
            total,
            total_with_case,
            minimum_group,
        )
        for key in keys
    )
    return groups, total, total_with_case


def disproportionality_of(
    session: Session,
    period: Period,
    grouping: Grouping,
    breakdown: Any,
    roles: frozenset[Role],
    minimum_group: int,
) -> Disproportionality:
    grouping.roster_categories(session)  # learns the groups' names, to sort them
    groups, enrolled, with_case = risk_table(session, period, grouping, roles, minimum_group)
    empty = NO_STUDENTS if not enrolled else (NO_RECORDS if not with_case else None)
    return Disproportionality(
        breakdown=breakdown,
        period=period,
        minimum_group=minimum_group,
        groups=groups,
        enrolled=enrolled,
        with_case=with_case,
        empty=empty,
    )


def _in_cases(period: Period, roles: frozenset[Role]) -> Any:
    """Active students in a Tier 2 or Tier 3 case of harm (a category of the harm kind; a
    wellbeing concern or an observation is none) opened in the period, in one of `roles`."""
    condition: ColumnElement[bool] = CaseRow.occurred_on.between(period.first, period.last)
    return (
        select(StudentRow.id)
        .join(CaseParticipantRow, CaseParticipantRow.student_id == StudentRow.id)
        .join(CaseRow, CaseRow.id == CaseParticipantRow.case_id)
        .join(CaseCategoryRow, CaseCategoryRow.id == CaseRow.category_id)
        .where(
            StudentRow.active,
            CaseCategoryRow.kind == CategoryKind.HARM,
            condition,
            CaseRow.tier.in_((Tier.TARGETED, Tier.INTENSIVE)),
            CaseParticipantRow.role.in_(sorted(roles)),
        )
    )


def _per_category(session: Session, grouping: Grouping, students: Any) -> dict[str, int]:
    """Distinct students of the `students` query per category."""
    rows = students.subquery()
    stmt, value = grouping.attach(select(rows.c.id).select_from(rows), rows.c.id)
    counted = session.execute(
        stmt.with_only_columns(value, func.count(distinct(rows.c.id))).group_by(value)
    )
    return {grouping.key(raw): number for raw, number in counted}
