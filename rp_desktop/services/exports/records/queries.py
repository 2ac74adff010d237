"""The queries behind the school's own record export, one per file (export_record_files says
what each file and column is).

Records are chosen by their own date: circles by the day held, cases by the day the harm or
concern happened. Everything that belongs to an exported case (its people, meetings, answers,
agreements, follow-ups, tier moves and plans) goes with it whatever its own date, so every id
in one file is found in the file it points to. The roster (students, staff, groups) goes whole.
A case's private note is never selected.
"""

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from rp_desktop.db.models import (
    Agreement,
    AgreementItem,
    Case,
    CaseCategory,
    CaseParticipant,
    CircleAttendance,
    CommunityCircle,
    FollowUp,
    Group,
    GroupMember,
    Meeting,
    MeetingAnswer,
    MeetingAttendee,
    ProgressEntry,
    ReEntryPlan,
    Staff,
    Student,
    StudentDemographic,
    SupportPlan,
    TierChange,
)
from rp_desktop.domain.reports.model import Period

Rows = Select[*tuple[Any, ...]]
Query = Callable[[Period | None], Rows]


def whole(*columns: Any) -> Query:
    """A roster table, whatever the period, in the order of its columns."""
    return lambda _period: select(*columns).order_by(*columns[:2])


def of_cases(*columns: Any, case_id: Any, order: tuple[Any, ...]) -> Query:
    """Rows that belong to the period's cases through `case_id`."""
    return lambda period: select(*columns).where(*_in_cases(case_id, period)).order_by(*order)


def of_meetings(*columns: Any, meeting_id: Any, order: tuple[Any, ...]) -> Query:
    def query(period: Period | None) -> Rows:
        if period is None:
            return select(*columns).order_by(*order)
        mine = select(Meeting.id).where(Meeting.case_id.in_(_cases(period)))
        return select(*columns).where(meeting_id.in_(mine)).order_by(*order)

    return query


def circles(period: Period | None) -> Rows:
    attendees = _counted(CircleAttendance.circle_id)
    c = CommunityCircle
    found = select(
        c.id, c.held_on, c.status, c.kind, c.group_id, c.keeper_id, c.purpose,
        c.duration_minutes, func.coalesce(attendees.c.n, 0), c.notes,
    ).outerjoin(attendees, attendees.c.key == c.id)  # fmt: skip
    if period is not None:
        found = found.where(c.held_on.between(period.first, period.last))
    return found.order_by(c.held_on, c.id)


def circle_attendance(period: Period | None) -> Rows:
    found = select(CircleAttendance.circle_id, CircleAttendance.student_id)
    if period is not None:
        held = select(CommunityCircle.id).where(
            CommunityCircle.held_on.between(period.first, period.last)
        )
        found = found.where(CircleAttendance.circle_id.in_(held))
    return found.order_by(CircleAttendance.circle_id, CircleAttendance.student_id)


def cases(period: Period | None) -> Rows:
    found = select(
        Case.id, Case.tier, Case.occurred_on, Case.place, Case.category_id, CaseCategory.name,
        CaseCategory.kind, Case.description, Case.status, Case.closure_reason, Case.tier3_kind,
        Case.suspension_days_avoided, Case.closed_on, Case.hold,
    ).join(CaseCategory, CaseCategory.id == Case.category_id)  # fmt: skip
    if period is not None:
        found = found.where(Case.occurred_on.between(period.first, period.last))
    return found.order_by(Case.occurred_on, Case.id)


def meetings(period: Period | None) -> Rows:
    attendees = _counted(MeetingAttendee.meeting_id)
    m = Meeting
    return (
        select(
            m.id,
            m.case_id,
            m.kind,
            m.held_on,
            m.facilitator_id,
            m.duration_minutes,
            func.coalesce(attendees.c.n, 0),
            m.notes,
        )
        .outerjoin(attendees, attendees.c.key == m.id)
        .where(*_in_cases(m.case_id, period))
        .order_by(m.held_on, m.id)
    )


def agreements(period: Period | None) -> Rows:
    """One row per agreement item; an agreement without items still gets one row."""
    a, item = Agreement, AgreementItem
    return (
        select(
            a.id,
            a.case_id,
            a.meeting_id,
            a.made_on,
            a.notes,
            item.id,
            item.description,
            item.owner_participant_id,
            item.owner_staff_id,
            item.due_on,
            item.status,
        )
        .outerjoin(item, item.agreement_id == a.id)
        .where(*_in_cases(a.case_id, period))
        .order_by(a.made_on, a.id, item.id)
    )


def support_plans(period: Period | None) -> Rows:
    p = SupportPlan
    return (
        select(
            p.id,
            p.case_id,
            p.student_id,
            p.goal,
            p.strategies,
            p.owner_staff_id,
            p.start_on,
            p.review_on,
            p.frequency,
            p.active,
        )
        .where(*_plans(period))
        .order_by(p.start_on, p.id)
    )


def progress_entries(period: Period | None) -> Rows:
    e = ProgressEntry
    found = select(e.id, e.plan_id, e.on, e.rating, e.note)
    if period is not None:
        found = found.where(e.plan_id.in_(select(SupportPlan.id).where(*_plans(period))))
    return found.order_by(e.plan_id, e.on, e.id)


STUDENTS = whole(
    Student.id, Student.student_number, Student.first_name, Student.last_name,
    Student.preferred_name, Student.grade, Student.homeroom, Student.active,
)  # fmt: skip
DEMOGRAPHICS = whole(
    StudentDemographic.student_id, StudentDemographic.field, StudentDemographic.value
)
STAFF = whole(Staff.id, Staff.first_name, Staff.last_name, Staff.role, Staff.active)
GROUPS = whole(Group.id, Group.name, Group.kind, Group.school_year, Group.staff_id, Group.active)
GROUP_MEMBERS = whole(GroupMember.group_id, GroupMember.student_id)
PARTICIPANTS = of_cases(
    CaseParticipant.id, CaseParticipant.case_id, CaseParticipant.role, CaseParticipant.student_id,
    CaseParticipant.staff_id, CaseParticipant.other_name,
    case_id=CaseParticipant.case_id, order=(CaseParticipant.case_id, CaseParticipant.id),
)  # fmt: skip
TIER_CHANGES = of_cases(
    TierChange.id, TierChange.case_id, TierChange.changed_on, TierChange.from_tier,
    TierChange.to_tier, TierChange.reason,
    case_id=TierChange.case_id, order=(TierChange.changed_on, TierChange.id),
)  # fmt: skip
FOLLOW_UPS = of_cases(
    FollowUp.id, FollowUp.case_id, FollowUp.on, FollowUp.staff_id, FollowUp.agreement_item_id,
    FollowUp.note,
    case_id=FollowUp.case_id, order=(FollowUp.on, FollowUp.id),
)  # fmt: skip
RE_ENTRY_PLANS = of_cases(
    ReEntryPlan.case_id, ReEntryPlan.supports, ReEntryPlan.needs, ReEntryPlan.responsibilities,
    ReEntryPlan.returned_on,
    case_id=ReEntryPlan.case_id, order=(ReEntryPlan.case_id,),
)  # fmt: skip
MEETING_ATTENDANCE = of_meetings(
    MeetingAttendee.meeting_id, MeetingAttendee.participant_id,
    meeting_id=MeetingAttendee.meeting_id,
    order=(MeetingAttendee.meeting_id, MeetingAttendee.participant_id),
)  # fmt: skip
MEETING_ANSWERS = of_meetings(
    MeetingAnswer.id, MeetingAnswer.meeting_id, MeetingAnswer.participant_id,
    MeetingAnswer.question, MeetingAnswer.answer,
    meeting_id=MeetingAnswer.meeting_id, order=(MeetingAnswer.meeting_id, MeetingAnswer.id),
)  # fmt: skip


def _cases(period: Period) -> Select[int]:
    return select(Case.id).where(Case.occurred_on.between(period.first, period.last))


def _in_cases(case_id: Any, period: Period | None) -> list[ColumnElement[bool]]:
    return [] if period is None else [case_id.in_(_cases(period))]


def _plans(period: Period | None) -> list[ColumnElement[bool]]:
    """A plan goes with its case; a plan on its own goes by the day it started."""
    if period is None:
        return []
    alone = and_(
        SupportPlan.case_id.is_(None), SupportPlan.start_on.between(period.first, period.last)
    )
    return [or_(SupportPlan.case_id.in_(_cases(period)), alone)]


def _counted(column: Any) -> Any:
    """How many rows each value of `column` has, as a subquery with columns `key` and `n`."""
    return select(column.label("key"), func.count().label("n")).group_by(column).subquery()
