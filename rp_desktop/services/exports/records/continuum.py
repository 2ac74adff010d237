"""The queries behind the continuum's files of the record export: everyday practice logs and
referrals by their own day, caregivers whole (like the roster), and each case's contacts with
caregivers and preparations with the case (queries.py holds the rest and its rules)."""

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute

from rp_desktop.db.models import (
    CaregiverContactRow,
    CaregiverRow,
    CaregiverStudentRow,
    CaseParticipantRow,
    PracticeLogRow,
    PracticeLogStudentRow,
    PreparationRow,
    ReferralRow,
    ReferralStudentRow,
)
from rp_desktop.domain.reports.model import Period
from rp_desktop.services.exports.records.queries import Rows, in_cases, of_cases, whole


def practice_logs(period: Period | None) -> Rows:
    p = PracticeLogRow
    found = select(
        p.id, p.kind, p.happened_on, p.minutes, p.tally, p.staff_id, p.case_id, p.note
    )  # fmt: skip
    if period is not None:
        found = found.where(p.happened_on.between(period.first, period.last))
    return found.order_by(p.happened_on, p.id)


def practice_log_students(period: Period | None) -> Rows:
    s = PracticeLogStudentRow
    return _students_of(s.log_id, s.student_id, practice_logs, period)


def referrals(period: Period | None) -> Rows:
    r = ReferralRow
    found = select(
        r.id, r.received_on, r.referred_by_staff_id, r.referred_by_name, r.what_happened, r.tried,
        r.asks_for, r.suspension_proposed, r.suspension_days, r.suspension_proposed_by_staff_id,
        r.decision, r.decided_on, r.decision_reason, r.case_id, r.practice_log_id,
    )  # fmt: skip
    if period is not None:
        found = found.where(r.received_on.between(period.first, period.last))
    return found.order_by(r.received_on, r.id)


def referral_students(period: Period | None) -> Rows:
    s = ReferralStudentRow
    return _students_of(s.referral_id, s.student_id, referrals, period)


def _students_of(
    record_id: InstrumentedAttribute[int],
    student_id: InstrumentedAttribute[int],
    records: Callable[[Period | None], Rows],
    period: Period | None,
) -> Rows:
    """The (record, student) links of the records `records` exports for the period."""
    found = select(record_id, student_id)
    if period is not None:
        found = found.where(record_id.in_(select(records(period).subquery().c.id)))
    return found.order_by(record_id, student_id)


def preparations(period: Period | None) -> Rows:
    """One row per prepared participant, with the case of the participant."""
    p, person = PreparationRow, CaseParticipantRow
    return (
        select(
            p.id,
            p.participant_id,
            person.case_id,
            p.met_on,
            p.explained,
            p.willingness,
            p.safety_concerns,
            p.supporters_chosen,
            p.supporters,
            p.consent_on,
            p.note,
        )
        .join(person, person.id == p.participant_id)
        .where(*in_cases(person.case_id, period))
        .order_by(person.case_id, p.participant_id)
    )


CAREGIVERS = whole(
    CaregiverRow.id, CaregiverRow.first_name, CaregiverRow.last_name, CaregiverRow.phone,
    CaregiverRow.email, CaregiverRow.home_language, CaregiverRow.interpreter_needed,
    CaregiverRow.active,
)  # fmt: skip
CAREGIVER_STUDENTS = whole(
    CaregiverStudentRow.caregiver_id, CaregiverStudentRow.student_id, CaregiverStudentRow.relation
)
CAREGIVER_CONTACTS = of_cases(
    CaregiverContactRow.id, CaregiverContactRow.case_id, CaregiverContactRow.caregiver_id,
    CaregiverContactRow.staff_id, CaregiverContactRow.kind, CaregiverContactRow.contacted_on,
    CaregiverContactRow.outcome, CaregiverContactRow.language, CaregiverContactRow.note,
    case_id=CaregiverContactRow.case_id,
    order=(CaregiverContactRow.contacted_on, CaregiverContactRow.id),
)  # fmt: skip
