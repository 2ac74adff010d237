"""The queries behind the record export's files of what circles did: the staff at each Tier 1
circle, a group's agreements, and each circle run's seats (who sat as what: a case role is
confidential, so it goes in this identified export only) and rounds (to whom each went, in
which languages). A run goes with the record it made: its Tier 1 circle by the day held, or its
meeting with the meeting's case (queries.py holds the rest and its rules)."""

from sqlalchemy import ColumnElement, or_, select

from rp_desktop.db.models import (
    CircleRunRow,
    CircleStaffAttendanceRow,
    CommunityCircleRow,
    GroupAgreementRow,
    MeetingRow,
    RunRoundRow,
    RunSeatRow,
)
from rp_desktop.domain.reports.model import Period
from rp_desktop.services.exports.records.queries import Rows, in_cases


def _held_in(period: Period) -> ColumnElement[bool]:
    return CommunityCircleRow.held_on.between(period.first, period.last)


def circle_staff_attendance(period: Period | None) -> Rows:
    a = CircleStaffAttendanceRow
    found = select(a.circle_id, a.staff_id)
    if period is not None:
        found = found.where(a.circle_id.in_(select(CommunityCircleRow.id).where(_held_in(period))))
    return found.order_by(a.circle_id, a.staff_id)


def group_agreements(period: Period | None) -> Rows:
    g = GroupAgreementRow
    found = select(
        g.id, g.group_id, g.community_circle_id, g.position, g.made_on, g.text, g.active
    )  # fmt: skip
    if period is not None:
        found = found.where(g.made_on.between(period.first, period.last))
    return found.order_by(g.group_id, g.made_on, g.id)


def _runs(period: Period | None) -> list[ColumnElement[bool]]:
    """The runs whose record is in the period: a circle held in it, a meeting on its cases."""
    if period is None:
        return []
    circles = select(CommunityCircleRow.id).where(_held_in(period))
    meetings = select(MeetingRow.id).where(*in_cases(MeetingRow.case_id, period))
    r = CircleRunRow
    return [or_(r.community_circle_id.in_(circles), r.meeting_id.in_(meetings))]


def run_seats(period: Period | None) -> Rows:
    r, s = CircleRunRow, RunSeatRow
    return (
        select(
            r.id,
            r.community_circle_id,
            r.meeting_id,
            s.position,
            s.label,
            s.is_keeper,
            s.student_id,
            s.staff_id,
            s.caregiver_id,
            s.role,
        )
        .join(s, s.run_id == r.id)
        .where(*_runs(period))
        .order_by(r.id, s.position)
    )


def run_rounds(period: Period | None) -> Rows:
    r, n = CircleRunRow, RunRoundRow
    return (
        select(
            r.id,
            n.number,
            n.stage,
            n.prompt_text,
            n.second_text,
            n.timing,
            n.budget_seconds,
            n.to_roles,
            n.to_seats,
        )
        .join(n, n.run_id == r.id)
        .where(*_runs(period))
        .order_by(r.id, n.number)
    )
