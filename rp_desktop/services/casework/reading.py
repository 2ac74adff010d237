"""Reading casework rows into domain records, inside a caller's session: meetings, agreements,
follow-up, tier moves, plans, and the whole of a case at once."""

from collections.abc import Sequence
from datetime import date
from typing import TypeVar

from sqlalchemy import ColumnElement, inspect, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from rp_desktop.db.base import Base
from rp_desktop.db.models import (
    AgreementItemRow,
    AgreementRow,
    CaseParticipantRow,
    FollowUpRow,
    MeetingRow,
    ProgressEntryRow,
    ReEntryPlanRow,
    StaffRow,
    SupportPlanRow,
    TierChangeRow,
)
from rp_desktop.domain.casework.records import (
    Agreement,
    AgreementItem,
    AgreementItemFields,
    AnswerFields,
    CaseDetail,
    FollowUp,
    FollowUpFields,
    Meeting,
    MeetingFields,
    RestorativeQuestion,
    TierChange,
    speaking_order,
)
from rp_desktop.domain.casework.support_plans import (
    ProgressEntry,
    ProgressEntryFields,
    ReEntryPlanFields,
    SupportPlan,
    SupportPlanFields,
)
from rp_desktop.domain.records import Case, Participant, person_name
from rp_desktop.services.casework.case_people import participant_name
from rp_desktop.services.casework.cases import case_record, load_case
from rp_desktop.services.continuum.referral_reading import referrals_of_case

People = dict[int, Participant]


def people_of(case: Case) -> People:
    """The case's participants by id."""
    return {p.id: p for p in case.participants}


def staff_name(session: Session, staff_id: int | None) -> str:
    staff = session.get(StaffRow, staff_id) if staff_id is not None else None
    return person_name(staff.first_name, staff.last_name) if staff else ""


def owner_name(session: Session, participant_id: int | None, staff_id: int | None) -> str:
    """The name of an agreement item's owner: a participant of the case, or a staff member."""
    if participant_id is None:
        return staff_name(session, staff_id)
    participant = session.get(CaseParticipantRow, participant_id)
    return participant_name(session, participant) if participant is not None else ""


def meeting_record(session: Session, row: MeetingRow, people: People) -> Meeting:
    attendees = [people[a.participant_id] for a in row.attendees if a.participant_id in people]
    fields = MeetingFields(
        kind=row.kind,
        held_on=row.held_on,
        facilitator_id=row.facilitator_id,
        duration_minutes=row.duration_minutes,
        notes=row.notes,
        attendee_ids=frozenset(a.participant_id for a in row.attendees),
        answers=tuple(
            AnswerFields(a.participant_id, RestorativeQuestion(a.question), a.answer)
            for a in row.answers
        ),
        status=row.status,
        starts_at=row.starts_at,
        cancel_reason=row.cancel_reason,
        proceed_reason=row.proceed_reason,
        keep_answers=row.keep_answers,
        summaries=tuple((a.participant_id, a.summary) for a in row.attendees if a.summary),
    )
    return Meeting(
        id=row.id,
        case_id=row.case_id,
        fields=fields,
        facilitator_name=staff_name(session, row.facilitator_id),
        attendees=tuple(speaking_order(attendees)),
    )


def item_record(session: Session, row: AgreementItemRow, people: People) -> AgreementItem:
    fields = AgreementItemFields(
        description=row.description,
        owner_participant_id=row.owner_participant_id,
        owner_staff_id=row.owner_staff_id,
        due_on=row.due_on,
        status=row.status,
    )
    owner = people.get(row.owner_participant_id) if row.owner_participant_id else None
    name = owner.display_name if owner else staff_name(session, row.owner_staff_id)
    return AgreementItem(row.id, fields, name)


def agreement_record(session: Session, row: AgreementRow, people: People) -> Agreement:
    return Agreement(
        id=row.id,
        case_id=row.case_id,
        made_on=row.made_on,
        meeting_id=row.meeting_id,
        notes=row.notes,
        items=tuple(item_record(session, item, people) for item in row.items),
    )


def follow_up_record(session: Session, row: FollowUpRow) -> FollowUp:
    fields = FollowUpFields(row.on, row.staff_id, row.note, row.agreement_item_id)
    return FollowUp(row.id, row.case_id, fields, staff_name(session, row.staff_id))


def tier_change_record(row: TierChangeRow) -> TierChange:
    return TierChange(row.id, row.changed_on, row.from_tier, row.to_tier, row.reason)


def progress_record(row: ProgressEntryRow) -> ProgressEntry:
    return ProgressEntry(row.id, row.plan_id, ProgressEntryFields(row.on, row.rating, row.note))


def support_plan_record(session: Session, row: SupportPlanRow) -> SupportPlan:
    fields = SupportPlanFields(
        student_id=row.student_id,
        goal=row.goal,
        strategies=row.strategies,
        owner_staff_id=row.owner_staff_id,
        start_on=row.start_on,
        review_on=row.review_on,
        frequency=row.frequency,
        active=row.active,
    )
    return SupportPlan(
        id=row.id,
        case_id=row.case_id,
        fields=fields,
        owner_name=staff_name(session, row.owner_staff_id),
        progress=tuple(progress_record(entry) for entry in row.progress),
    )


def re_entry_record(row: ReEntryPlanRow) -> ReEntryPlanFields:
    return ReEntryPlanFields(row.supports, row.needs, row.responsibilities, row.returned_on)


def case_detail(session: Session, case_id: int) -> CaseDetail:
    """Everything about the case, each list in date order (then in the order it was saved)."""
    row = load_case(session, case_id)
    case = case_record(session, row)
    people = people_of(case)
    meetings = _listed(session, MeetingRow, MeetingRow.case_id == case_id, MeetingRow.held_on)
    agreements = _listed(
        session, AgreementRow, AgreementRow.case_id == case_id, AgreementRow.made_on
    )
    follow_ups = _listed(session, FollowUpRow, FollowUpRow.case_id == case_id, FollowUpRow.on)
    moves = _listed(
        session, TierChangeRow, TierChangeRow.case_id == case_id, TierChangeRow.changed_on
    )
    plans = _listed(
        session, SupportPlanRow, SupportPlanRow.case_id == case_id, SupportPlanRow.start_on
    )
    re_entry = session.get(ReEntryPlanRow, case_id)
    return CaseDetail(
        case=case,
        private_note=row.private_note,
        suspension_days_avoided=row.suspension_days_avoided,
        closed_on=row.closed_on,
        meetings=tuple(meeting_record(session, m, people) for m in meetings),
        agreements=tuple(agreement_record(session, a, people) for a in agreements),
        follow_ups=tuple(follow_up_record(session, f) for f in follow_ups),
        tier_changes=tuple(tier_change_record(t) for t in moves),
        support_plans=tuple(support_plan_record(session, p) for p in plans),
        re_entry_plan=re_entry_record(re_entry) if re_entry else None,
        referrals=referrals_of_case(session, case_id),
        suspension_override_reason=row.suspension_override_reason,
    )


Row = TypeVar("Row", bound=Base)


def _listed(
    session: Session, model: type[Row], where: ColumnElement[bool], day: InstrumentedAttribute[date]
) -> Sequence[Row]:
    """The rows of `model` that match, by day, then in the order they were saved."""
    return session.scalars(
        select(model).where(where).order_by(day, inspect(model).primary_key[0])
    ).all()
