"""A student's history across the tiers: everyday practice, circles, cases, meetings, agreement
items, support plans and their progress, tier moves, newest first.

Only the student's own records: the cases they are a participant of, the meetings they were at,
the items they own. Nothing names another person. A closed case carries its outcome and no role
(domain.timeline.role_while_open), on its own entry and on every entry that belongs to it.
Each kind is one indexed query on plain columns (no ORM objects), so the longest history of the
demo building opens in a few ms.
"""

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    AgreementItemRow,
    AgreementRow,
    CaseCategoryRow,
    CaseParticipantRow,
    CaseRow,
    CircleAttendanceRow,
    CommunityCircleRow,
    MeetingAttendeeRow,
    MeetingRow,
    PracticeLogRow,
    PracticeLogStudentRow,
    ProgressEntryRow,
    SupportPlanRow,
    TierChangeRow,
)
from rp_desktop.domain.continuum.kinds import MeetingStatus
from rp_desktop.domain.timeline import TimelineEntry, TimelineKind, newest_first, role_while_open
from rp_desktop.domain.vocabulary import CaseStatus, CircleStatus, Role, Tier
from rp_desktop.services.safekeeping.database import Database


class _Cases:
    """The student's cases: their role in each (the first one given, if they have two), tier
    and category, and which participant rows are theirs."""

    def __init__(self, session: Session, student_id: int) -> None:
        self.roles: dict[int, Role] = {}
        self.participant_ids: set[int] = set()
        for participant_id, case_id, role in session.execute(
            select(CaseParticipantRow.id, CaseParticipantRow.case_id, CaseParticipantRow.role)
            .where(CaseParticipantRow.student_id == student_id)
            .order_by(CaseParticipantRow.id)
        ):
            self.roles.setdefault(case_id, role)
            self.participant_ids.add(participant_id)
        self.tiers: dict[int, Tier] = {}
        self.categories: dict[int, str] = {}
        self.closed: set[int] = set()

    def tier(self, case_id: int | None) -> Tier | None:
        return self.tiers.get(case_id) if case_id is not None else None

    def role(self, case_id: int | None) -> Role | None:
        """The student's role while the case is open; None once it is closed."""
        if case_id is None:
            return None
        return role_while_open(self.roles.get(case_id), case_id in self.closed)


def student_timeline(db: Database, student_id: int) -> list[TimelineEntry]:
    """Everything in the student's history, newest first (see TimelineEntry for what each kind
    carries). A meeting whose attendance was never recorded (saved before attendance was kept,
    or from a circle run) counts as attended by every participant of its case."""
    with Session(db.engine) as session:
        cases = _Cases(session, student_id)
        entries = _circles(session, student_id)
        entries += _cases(session, cases)
        entries += _meetings(session, cases)
        entries += _items(session, cases)
        entries += _support_plans(session, student_id, cases)
        entries += _tier_changes(session, cases)
        entries += _practice(session, student_id)
    return newest_first(entries)


def _circles(session: Session, student_id: int) -> list[TimelineEntry]:
    stmt = (
        select(CommunityCircleRow.id, CommunityCircleRow.held_on, CommunityCircleRow.kind)
        .add_columns(CommunityCircleRow.purpose)
        .join(CircleAttendanceRow, CircleAttendanceRow.circle_id == CommunityCircleRow.id)
        .where(
            CircleAttendanceRow.student_id == student_id,
            CommunityCircleRow.status == CircleStatus.HELD,
        )
    )
    return [
        TimelineEntry(on, TimelineKind.CIRCLE, id_, None, Tier.UNIVERSAL, None, kind, purpose)
        for id_, on, kind, purpose in session.execute(stmt)
    ]


def _cases(session: Session, cases: _Cases) -> list[TimelineEntry]:
    stmt = (
        select(CaseRow.id, CaseRow.occurred_on, CaseRow.tier, CaseRow.status, CaseCategoryRow.name)
        .add_columns(CaseRow.closure_reason)
        .join(CaseCategoryRow, CaseCategoryRow.id == CaseRow.category_id)
        .where(CaseRow.id.in_(cases.roles))
    )
    entries = []
    for case_id, on, tier, status, category, reason in session.execute(stmt):
        cases.tiers[case_id] = tier
        cases.categories[case_id] = category
        if status == CaseStatus.CLOSED:
            cases.closed.add(case_id)
        kind, role = TimelineKind.CASE, cases.role(case_id)
        outcome = reason if case_id in cases.closed else None
        entries.append(
            TimelineEntry(on, kind, case_id, case_id, tier, role, status, category, outcome=outcome)
        )
    return entries


def _meetings(session: Session, cases: _Cases) -> list[TimelineEntry]:
    meetings = session.execute(
        select(MeetingRow.id, MeetingRow.case_id, MeetingRow.held_on, MeetingRow.kind).where(
            MeetingRow.case_id.in_(cases.roles),
            MeetingRow.status == MeetingStatus.HELD,  # a planned or cancelled one did not happen
        )
    ).all()
    present: dict[int, set[int]] = defaultdict(set)
    for meeting_id, participant_id in session.execute(
        select(MeetingAttendeeRow.meeting_id, MeetingAttendeeRow.participant_id).where(
            MeetingAttendeeRow.meeting_id.in_([m.id for m in meetings])
        )
    ):
        present[meeting_id].add(participant_id)
    return [
        TimelineEntry(
            on,
            TimelineKind.MEETING,
            meeting_id,
            case_id,
            cases.tier(case_id),
            cases.role(case_id),
            kind,
            cases.categories.get(case_id, ""),
        )
        for meeting_id, case_id, on, kind in meetings
        if meeting_id not in present or present[meeting_id] & cases.participant_ids
    ]


def _items(session: Session, cases: _Cases) -> list[TimelineEntry]:
    stmt = (
        select(AgreementItemRow.id, AgreementItemRow.due_on, AgreementItemRow.status)
        .add_columns(AgreementItemRow.description, AgreementRow.case_id, AgreementRow.made_on)
        .join(AgreementRow, AgreementRow.id == AgreementItemRow.agreement_id)
        .where(AgreementItemRow.owner_participant_id.in_(cases.participant_ids))
    )
    return [
        TimelineEntry(
            due_on or made_on,
            TimelineKind.AGREEMENT_ITEM,
            item_id,
            case_id,
            cases.tier(case_id),
            cases.role(case_id),
            status,
            description,
        )
        for item_id, due_on, status, description, case_id, made_on in session.execute(stmt)
    ]


def _support_plans(session: Session, student_id: int, cases: _Cases) -> list[TimelineEntry]:
    """The student's support plans and, after them, their progress entries."""
    plans = session.execute(
        select(SupportPlanRow.id, SupportPlanRow.case_id, SupportPlanRow.start_on)
        .add_columns(SupportPlanRow.frequency, SupportPlanRow.goal)
        .where(SupportPlanRow.student_id == student_id)
    ).all()
    entries = [
        TimelineEntry(
            start_on,
            TimelineKind.SUPPORT_PLAN,
            plan_id,
            case_id,
            cases.tier(case_id) or Tier.INTENSIVE,
            cases.role(case_id),
            frequency,
            goal,
        )
        for plan_id, case_id, start_on, frequency, goal in plans
    ]
    return entries + _progress(session, {plan.id: plan.case_id for plan in plans}, cases)


def _progress(
    session: Session, support_plan_cases: dict[int, int | None], cases: _Cases
) -> list[TimelineEntry]:
    stmt = (
        select(ProgressEntryRow.id, ProgressEntryRow.plan_id, ProgressEntryRow.on)
        .add_columns(ProgressEntryRow.rating, ProgressEntryRow.note)
        .where(ProgressEntryRow.plan_id.in_(support_plan_cases))
    )
    entries = []
    for entry_id, plan_id, on, rating, note in session.execute(stmt):
        case_id = support_plan_cases[plan_id]
        tier = cases.tier(case_id) or Tier.INTENSIVE
        role = cases.role(case_id)
        kind = TimelineKind.PROGRESS
        entries.append(TimelineEntry(on, kind, entry_id, case_id, tier, role, None, note, rating))
    return entries


def _tier_changes(session: Session, cases: _Cases) -> list[TimelineEntry]:
    stmt = (
        select(
            TierChangeRow.id,
            TierChangeRow.case_id,
            TierChangeRow.changed_on,
            TierChangeRow.from_tier,
        )
        .add_columns(TierChangeRow.to_tier)
        .where(TierChangeRow.case_id.in_(cases.roles))
    )
    return [
        TimelineEntry(
            on,
            TimelineKind.TIER_CHANGE,
            move_id,
            case_id,
            to_tier,
            cases.role(case_id),
            None,
            cases.categories.get(case_id, ""),
            from_tier=from_tier,
        )
        for move_id, case_id, on, from_tier, to_tier in session.execute(stmt)
    ]


def _practice(session: Session, student_id: int) -> list[TimelineEntry]:
    """The everyday practice logs the student was in (a chat, a check-in, an impromptu
    conference, a positive observation), with the case one grew into."""
    stmt = (
        select(PracticeLogRow.id, PracticeLogRow.happened_on, PracticeLogRow.kind)
        .add_columns(PracticeLogRow.case_id, PracticeLogRow.note)
        .join(PracticeLogStudentRow, PracticeLogStudentRow.log_id == PracticeLogRow.id)
        .where(PracticeLogStudentRow.student_id == student_id)
    )
    return [
        TimelineEntry(on, TimelineKind.PRACTICE, id_, case_id, None, None, kind.value, note)
        for id_, on, kind, case_id, note in session.execute(stmt)
    ]
