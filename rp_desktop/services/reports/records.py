"""The records behind one bar of a report, newest first, each named in a few words a counselor
can pick it by: the group and purpose of a circle, the category and students of a case, what an
agreement item says. Staff only: student names are allowed, a case's description and private
note never are."""

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    Agreement,
    AgreementItem,
    CaseCategory,
    CaseParticipant,
    CircleRun,
    CommunityCircle,
    Group,
    Meeting,
    Student,
)
from rp_desktop.db.models import Case as CaseRow
from rp_desktop.domain.records import person_name
from rp_desktop.domain.reports.model import RecordRef

SEPARATOR = " · "
LONGEST = 100  # characters of a summary
NAMES_SHOWN = 3  # students named in a case's summary; the rest as "+2"

Dated = tuple[int, date | None]


def describe(session: Session, kind: str, records: Sequence[Dated]) -> list[RecordRef]:
    """RecordRefs for `records` (id, day) of one kind, in the order given."""
    if not records:
        return []
    ids = [record_id for record_id, _ in records]
    summaries, cases = _DESCRIBERS[kind](session, ids)
    circles = _circles_of_runs(session, ids) if kind == "run" else {}
    return [
        RecordRef(
            kind,
            record_id,
            day,
            summaries.get(record_id, ""),
            cases.get(record_id),
            circles.get(record_id),
        )
        for record_id, day in records
    ]


Summaries = tuple[dict[int, str], dict[int, int]]  # summary by id, case id by id


def _circles(session: Session, ids: list[int]) -> Summaries:
    rows = session.execute(
        select(CommunityCircle.id, Group.name, CommunityCircle.purpose)
        .outerjoin(Group, Group.id == CommunityCircle.group_id)
        .where(CommunityCircle.id.in_(ids))
    )
    return {record_id: _joined(group, purpose) for record_id, group, purpose in rows}, {}


def _runs(session: Session, ids: list[int]) -> Summaries:
    """A run is named by its group and talking piece; one run for a case opens that case."""
    rows = session.execute(
        select(CircleRun.id, Group.name, CircleRun.talking_piece, Meeting.case_id)
        .outerjoin(Group, Group.id == CircleRun.group_id)
        .outerjoin(Meeting, Meeting.id == CircleRun.meeting_id)
        .where(CircleRun.id.in_(ids))
    )
    summaries, cases = {}, {}
    for record_id, group, piece, case_id in rows:
        summaries[record_id] = _joined(group, piece)
        if case_id is not None:
            cases[record_id] = case_id
    return summaries, cases


def _circles_of_runs(session: Session, ids: list[int]) -> dict[int, int]:
    """The Tier 1 circle record each run made (runs for a case made none)."""
    rows = session.execute(
        select(CircleRun.id, CircleRun.community_circle_id).where(CircleRun.id.in_(ids))
    )
    return {run_id: circle_id for run_id, circle_id in rows if circle_id is not None}


def _students(session: Session, ids: list[int]) -> Summaries:
    rows = session.execute(
        select(
            Student.id,
            Student.first_name,
            Student.last_name,
            Student.preferred_name,
            Student.homeroom,
        ).where(Student.id.in_(ids))
    )
    return {
        record_id: _joined(person_name(first, last, preferred), homeroom)
        for record_id, first, last, preferred, homeroom in rows
    }, {}


def _items(session: Session, ids: list[int]) -> Summaries:
    rows = session.execute(
        select(AgreementItem.id, Agreement.case_id, AgreementItem.description)
        .join(Agreement, Agreement.id == AgreementItem.agreement_id)
        .where(AgreementItem.id.in_(ids))
    )
    summaries, cases = {}, {}
    for record_id, case_id, description in rows:
        summaries[record_id], cases[record_id] = _joined(" ".join(description.split())), case_id
    return summaries, cases


def _on_cases(record_id: Any, case_id: Any) -> Callable[[Session, list[int]], Summaries]:
    """Records of a case (the case itself, a meeting, an agreement): named by the case's
    category and its students."""

    def summaries(session: Session, ids: list[int]) -> Summaries:
        stmt: Select[Any] = select(record_id, case_id, CaseCategory.name)
        if record_id is not CaseRow.id:
            stmt = stmt.select_from(record_id.class_).join(CaseRow, CaseRow.id == case_id)
        stmt = stmt.join(CaseCategory, CaseCategory.id == CaseRow.category_id).where(
            record_id.in_(ids)
        )
        rows = session.execute(stmt).all()
        names = _case_students(session, {case for _, case, _ in rows})
        texts = {rec: _joined(category, names.get(case, "")) for rec, case, category in rows}
        return texts, {rec: case for rec, case, _ in rows}

    return summaries


def _case_students(session: Session, case_ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(
            CaseParticipant.case_id, Student.first_name, Student.last_name, Student.preferred_name
        )
        .join(Student, Student.id == CaseParticipant.student_id)
        .where(CaseParticipant.case_id.in_(case_ids))
        .order_by(CaseParticipant.case_id, CaseParticipant.id)
    )
    names: dict[int, list[str]] = defaultdict(list)
    for case_id, first, last, preferred in rows:
        names[case_id].append(person_name(first, last, preferred))
    return {case_id: _listed(people) for case_id, people in names.items()}


def _listed(names: list[str]) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    return f"{shown} +{more}" if more > 0 else shown


def _joined(*parts: str | None) -> str:
    text = SEPARATOR.join(part.strip() for part in parts if part and part.strip())
    return text if len(text) <= LONGEST else text[: LONGEST - 1].rstrip() + "…"


_DESCRIBERS: dict[str, Callable[[Session, list[int]], Summaries]] = {
    "circle": _circles,
    "run": _runs,
    "student": _students,
    "agreement_item": _items,
    "case": _on_cases(CaseRow.id, CaseRow.id),
    "meeting": _on_cases(Meeting.id, Meeting.case_id),
    "agreement": _on_cases(Agreement.id, Agreement.case_id),
}


def newest_first(records: list[Dated]) -> list[Dated]:
    """Records by day, the latest first (then by id, the latest first)."""
    return sorted(records, key=lambda r: (r[1] or date.min, r[0]), reverse=True)
