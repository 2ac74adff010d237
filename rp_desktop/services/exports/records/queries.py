"""The queries behind the school's own record export, one per file (export_record_files says
what each file and column is).

Records are chosen by their own date: circles by the day held, cases by the day the harm or
concern happened, practice logs by the day they happened and referrals by the day received
(continuum.py). Everything that belongs to an exported case (its people, meetings, answers,
agreements, follow-ups, tier moves, plans, preparations and contacts with caregivers) goes with
it whatever its own date, so every id in one file is found in the file it points to, but for
the case a log or referral became, which may have happened in another period. The roster
(students, staff, groups and caregivers) goes whole.
A case's private note is never selected.
"""

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from rp_desktop.db.models import (
    AgreementItemRow,
    AgreementRow,
    CaseCategoryRow,
    CaseParticipantRow,
    CaseRow,
    CircleAttendanceRow,
    CircleStaffAttendanceRow,
    CommunityCircleRow,
    FollowUpRow,
    GroupMemberRow,
    GroupRow,
    MeetingAnswerRow,
    MeetingAttendeeRow,
    MeetingRow,
    ProgressEntryRow,
    ReEntryPlanRow,
    StaffRow,
    StudentDemographicRow,
    StudentRow,
    SupportPlanRow,
    TierChangeRow,
)
from rp_desktop.domain.reports.model import Period

Rows = Select[*tuple[Any, ...]]
Query = Callable[[Period | None], Rows]


def whole(*columns: Any) -> Query:
    """A roster table, whatever the period, in the order of its columns."""
    return lambda _period: select(*columns).order_by(*columns[:2])


def of_cases(*columns: Any, case_id: Any, order: tuple[Any, ...]) -> Query:
    """Rows that belong to the period's cases through `case_id`."""
    return lambda period: select(*columns).where(*in_cases(case_id, period)).order_by(*order)


def of_meetings(*columns: Any, meeting_id: Any, order: tuple[Any, ...]) -> Query:
    def query(period: Period | None) -> Rows:
        if period is None:
            return select(*columns).order_by(*order)
        mine = select(MeetingRow.id).where(MeetingRow.case_id.in_(_cases(period)))
        return select(*columns).where(meeting_id.in_(mine)).order_by(*order)

    return query


def circles(period: Period | None) -> Rows:
    attendees = _counted(CircleAttendanceRow.circle_id)
    staff = _counted(CircleStaffAttendanceRow.circle_id)
    c = CommunityCircleRow
    found = (
        select(
            c.id,
            c.held_on,
            c.status,
            c.kind,
            c.group_id,
            c.keeper_id,
            c.purpose,
            c.duration_minutes,
            func.coalesce(attendees.c.n, 0),
            c.notes,
            func.coalesce(staff.c.n, 0),
            c.guests,
        )
        .outerjoin(attendees, attendees.c.key == c.id)
        .outerjoin(staff, staff.c.key == c.id)
    )
    if period is not None:
        found = found.where(c.held_on.between(period.first, period.last))
    return found.order_by(c.held_on, c.id)


def circle_attendance(period: Period | None) -> Rows:
    found = select(CircleAttendanceRow.circle_id, CircleAttendanceRow.student_id)
    if period is not None:
        held = select(CommunityCircleRow.id).where(
            CommunityCircleRow.held_on.between(period.first, period.last)
        )
        found = found.where(CircleAttendanceRow.circle_id.in_(held))
    return found.order_by(CircleAttendanceRow.circle_id, CircleAttendanceRow.student_id)


def cases(period: Period | None) -> Rows:
    found = select(
        CaseRow.id, CaseRow.tier, CaseRow.occurred_on, CaseRow.place, CaseRow.category_id,
        CaseCategoryRow.name, CaseCategoryRow.kind, CaseRow.description, CaseRow.status,
        CaseRow.closure_reason, CaseRow.repair_felt, CaseRow.tier3_kind,
        CaseRow.suspension_days_avoided, CaseRow.suspension_override_reason, CaseRow.closed_on,
        CaseRow.hold,
    ).join(CaseCategoryRow, CaseCategoryRow.id == CaseRow.category_id)  # fmt: skip
    if period is not None:
        found = found.where(CaseRow.occurred_on.between(period.first, period.last))
    return found.order_by(CaseRow.occurred_on, CaseRow.id)


def meetings(period: Period | None) -> Rows:
    attendees = _counted(MeetingAttendeeRow.meeting_id)
    m = MeetingRow
    return (
        select(
            m.id,
            m.case_id,
            m.kind,
            m.status,
            m.held_on,
            m.starts_at,
            m.facilitator_id,
            m.duration_minutes,
            func.coalesce(attendees.c.n, 0),
            m.notes,
            m.cancel_reason,
            m.proceed_reason,
            m.keep_answers,
        )
        .outerjoin(attendees, attendees.c.key == m.id)
        .where(*in_cases(m.case_id, period))
        .order_by(m.held_on, m.id)
    )


def agreements(period: Period | None) -> Rows:
    """One row per agreement item; an agreement without items still gets one row."""
    a, item = AgreementRow, AgreementItemRow
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
        .where(*in_cases(a.case_id, period))
        .order_by(a.made_on, a.id, item.id)
    )


def support_plans(period: Period | None) -> Rows:
    p = SupportPlanRow
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
        .where(*_support_plans(period))
        .order_by(p.start_on, p.id)
    )


def progress_entries(period: Period | None) -> Rows:
    e = ProgressEntryRow
    found = select(e.id, e.plan_id, e.on, e.rating, e.note)
    if period is not None:
        found = found.where(e.plan_id.in_(select(SupportPlanRow.id).where(*_support_plans(period))))
    return found.order_by(e.plan_id, e.on, e.id)


STUDENTS = whole(
    StudentRow.id, StudentRow.student_number, StudentRow.first_name, StudentRow.last_name,
    StudentRow.preferred_name, StudentRow.grade, StudentRow.homeroom, StudentRow.active,
)  # fmt: skip
DEMOGRAPHICS = whole(
    StudentDemographicRow.student_id, StudentDemographicRow.field, StudentDemographicRow.value
)
STAFF = whole(StaffRow.id, StaffRow.first_name, StaffRow.last_name, StaffRow.role, StaffRow.active)
GROUPS = whole(
    GroupRow.id,
    GroupRow.name,
    GroupRow.kind,
    GroupRow.school_year,
    GroupRow.staff_id,
    GroupRow.active,
)
GROUP_MEMBERS = whole(GroupMemberRow.group_id, GroupMemberRow.student_id)
PARTICIPANTS = of_cases(
    CaseParticipantRow.id, CaseParticipantRow.case_id, CaseParticipantRow.role,
    CaseParticipantRow.student_id, CaseParticipantRow.staff_id, CaseParticipantRow.caregiver_id,
    CaseParticipantRow.other_name,
    case_id=CaseParticipantRow.case_id, order=(CaseParticipantRow.case_id, CaseParticipantRow.id),
)  # fmt: skip
TIER_CHANGES = of_cases(
    TierChangeRow.id, TierChangeRow.case_id, TierChangeRow.changed_on, TierChangeRow.from_tier,
    TierChangeRow.to_tier, TierChangeRow.reason,
    case_id=TierChangeRow.case_id, order=(TierChangeRow.changed_on, TierChangeRow.id),
)  # fmt: skip
FOLLOW_UPS = of_cases(
    FollowUpRow.id, FollowUpRow.case_id, FollowUpRow.on, FollowUpRow.staff_id,
    FollowUpRow.agreement_item_id, FollowUpRow.note,
    case_id=FollowUpRow.case_id, order=(FollowUpRow.on, FollowUpRow.id),
)  # fmt: skip
RE_ENTRY_PLANS = of_cases(
    ReEntryPlanRow.case_id, ReEntryPlanRow.supports, ReEntryPlanRow.needs,
    ReEntryPlanRow.responsibilities, ReEntryPlanRow.returned_on,
    case_id=ReEntryPlanRow.case_id, order=(ReEntryPlanRow.case_id,),
)  # fmt: skip
MEETING_ATTENDANCE = of_meetings(
    MeetingAttendeeRow.meeting_id, MeetingAttendeeRow.participant_id, MeetingAttendeeRow.summary,
    meeting_id=MeetingAttendeeRow.meeting_id,
    order=(MeetingAttendeeRow.meeting_id, MeetingAttendeeRow.participant_id),
)  # fmt: skip
MEETING_ANSWERS = of_meetings(
    MeetingAnswerRow.id, MeetingAnswerRow.meeting_id, MeetingAnswerRow.participant_id,
    MeetingAnswerRow.question, MeetingAnswerRow.answer,
    meeting_id=MeetingAnswerRow.meeting_id,
    order=(MeetingAnswerRow.meeting_id, MeetingAnswerRow.id),
)  # fmt: skip


def _cases(period: Period) -> Select[int]:
    return select(CaseRow.id).where(CaseRow.occurred_on.between(period.first, period.last))


def in_cases(case_id: Any, period: Period | None) -> list[ColumnElement[bool]]:
    return [] if period is None else [case_id.in_(_cases(period))]


def _support_plans(period: Period | None) -> list[ColumnElement[bool]]:
    """A plan goes with its case; a plan on its own goes by the day it started."""
    if period is None:
        return []
    alone = and_(
        SupportPlanRow.case_id.is_(None), SupportPlanRow.start_on.between(period.first, period.last)
    )
    return [or_(SupportPlanRow.case_id.in_(_cases(period)), alone)]


def _counted(column: Any) -> Any:
    """How many rows each value of `column` has, as a subquery with columns `key` and `n`."""
    return select(column.label("key"), func.count().label("n")).group_by(column).subquery()
