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
    AgreementItemRow,
    AgreementRow,
    CaseCategoryRow,
    CaseParticipantRow,
    CaseRow,
    CircleRunRow,
    CommunityCircleRow,
    GroupRow,
    MeetingRow,
    PracticeLogRow,
    PracticeLogStudentRow,
    StudentRow,
)
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
        select(CommunityCircleRow.id, GroupRow.name, CommunityCircleRow.purpose)
        .outerjoin(GroupRow, GroupRow.id == CommunityCircleRow.group_id)
        .where(CommunityCircleRow.id.in_(ids))
    )
    return {record_id: _joined(group, purpose) for record_id, group, purpose in rows}, {}


def _runs(session: Session, ids: list[int]) -> Summaries:
    """A run is named by its group and talking piece; one run for a case opens that case."""
    rows = session.execute(
        select(CircleRunRow.id, GroupRow.name, CircleRunRow.talking_piece, MeetingRow.case_id)
        .outerjoin(GroupRow, GroupRow.id == CircleRunRow.group_id)
        .outerjoin(MeetingRow, MeetingRow.id == CircleRunRow.meeting_id)
        .where(CircleRunRow.id.in_(ids))
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
        select(CircleRunRow.id, CircleRunRow.community_circle_id).where(CircleRunRow.id.in_(ids))
    )
    return {run_id: circle_id for run_id, circle_id in rows if circle_id is not None}


def _practice_logs(session: Session, ids: list[int]) -> Summaries:
    """A practice log by its students, or by its tally ("×6") when it names none; its note is
    typed text and stays in the log."""
    found = session.execute(
        select(PracticeLogRow.id, PracticeLogRow.tally).where(PracticeLogRow.id.in_(ids))
    )
    tallies: dict[int, int] = {int(row[0]): int(row[1]) for row in found}
    rows = session.execute(
        select(
            PracticeLogStudentRow.log_id,
            StudentRow.first_name,
            StudentRow.last_name,
            StudentRow.preferred_name,
        )
        .join(StudentRow, StudentRow.id == PracticeLogStudentRow.student_id)
        .where(PracticeLogStudentRow.log_id.in_(ids))
        .order_by(PracticeLogStudentRow.log_id, StudentRow.last_name)
    )
    names: dict[int, list[str]] = defaultdict(list)
    for log_id, first, last, preferred in rows:
        names[log_id].append(person_name(first, last, preferred))
    return {
        log_id: _joined(_listed(names.get(log_id, [])), f"×{tally}" if tally > 1 else "")
        for log_id, tally in tallies.items()
    }, {}


def _students(session: Session, ids: list[int]) -> Summaries:
    rows = session.execute(
        select(
            StudentRow.id,
            StudentRow.first_name,
            StudentRow.last_name,
            StudentRow.preferred_name,
            StudentRow.homeroom,
        ).where(StudentRow.id.in_(ids))
    )
    return {
        record_id: _joined(person_name(first, last, preferred), homeroom)
        for record_id, first, last, preferred, homeroom in rows
    }, {}


def _items(session: Session, ids: list[int]) -> Summaries:
    rows = session.execute(
        select(AgreementItemRow.id, AgreementRow.case_id, AgreementItemRow.description)
        .join(AgreementRow, AgreementRow.id == AgreementItemRow.agreement_id)
        .where(AgreementItemRow.id.in_(ids))
    )
    summaries, cases = {}, {}
    for record_id, case_id, description in rows:
        summaries[record_id], cases[record_id] = _joined(" ".join(description.split())), case_id
    return summaries, cases


def _on_cases(record_id: Any, case_id: Any) -> Callable[[Session, list[int]], Summaries]:
    """Records of a case (the case itself, a meeting, an agreement): named by the case's
    category and its students."""

    def summaries(session: Session, ids: list[int]) -> Summaries:
        stmt: Select[Any] = select(record_id, case_id, CaseCategoryRow.name)
        if record_id is not CaseRow.id:
            stmt = stmt.select_from(record_id.class_).join(CaseRow, CaseRow.id == case_id)
        stmt = stmt.join(CaseCategoryRow, CaseCategoryRow.id == CaseRow.category_id).where(
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
            CaseParticipantRow.case_id,
            StudentRow.first_name,
            StudentRow.last_name,
            StudentRow.preferred_name,
        )
        .join(StudentRow, StudentRow.id == CaseParticipantRow.student_id)
        .where(CaseParticipantRow.case_id.in_(case_ids))
        .order_by(CaseParticipantRow.case_id, CaseParticipantRow.id)
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
    "practice_log": _practice_logs,
    "agreement_item": _items,
    "case": _on_cases(CaseRow.id, CaseRow.id),
    "meeting": _on_cases(MeetingRow.id, MeetingRow.case_id),
    "agreement": _on_cases(AgreementRow.id, AgreementRow.case_id),
}


def newest_first(records: list[Dated]) -> list[Dated]:
    """Records by day, the latest first (then by id, the latest first)."""
    return sorted(records, key=lambda r: (r[1] or date.min, r[0]), reverse=True)
