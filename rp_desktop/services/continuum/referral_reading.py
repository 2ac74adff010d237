"""Reading referrals into domain records inside a caller's session: for the referral services,
and for a case's detail (who referred it, and the suspension they proposed)."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import ReferralRow, StaffRow, StudentRow
from rp_desktop.domain.continuum.referrals import Referral, ReferralFields
from rp_desktop.domain.records import person_name


def referrals_of_case(session: Session, case_id: int) -> tuple[Referral, ...]:
    """The referrals that opened a case, oldest first, inside the caller's session."""
    rows = session.scalars(
        select(ReferralRow)
        .where(ReferralRow.case_id == case_id)
        .order_by(ReferralRow.received_on, ReferralRow.id)
    )
    return tuple(referral_record(session, row) for row in rows)


def referral_record(session: Session, row: ReferralRow) -> Referral:
    student_ids = student_ids_of(row)
    fields = ReferralFields(
        received_on=row.received_on,
        referred_by_staff_id=row.referred_by_staff_id,
        referred_by_name=row.referred_by_name,
        what_happened=row.what_happened,
        tried=row.tried,
        asks_for=row.asks_for,
        suspension_proposed=row.suspension_proposed,
        suspension_days=row.suspension_days,
        suspension_proposed_by_staff_id=row.suspension_proposed_by_staff_id,
        student_ids=student_ids,
    )
    return Referral(
        id=row.id,
        fields=fields,
        referrer_name=_staff_name(session, row.referred_by_staff_id) or row.referred_by_name,
        proposer_name=_staff_name(session, row.suspension_proposed_by_staff_id),
        student_names=_student_names(session, student_ids),
        decision=row.decision,
        decided_on=row.decided_on,
        decision_reason=row.decision_reason,
        case_id=row.case_id,
        practice_log_id=row.practice_log_id,
    )


def student_ids_of(row: ReferralRow) -> tuple[int, ...]:
    """The referral's students in one order everywhere (by id), so a triage's roles and a
    problem's index point at the same student as the names shown."""
    return tuple(sorted(link.student_id for link in row.students))


def _student_names(session: Session, ids: tuple[int, ...]) -> tuple[str, ...]:
    """The students' names, in the order of `ids`."""
    if not ids:
        return ()
    rows = session.execute(
        select(
            StudentRow.id, StudentRow.first_name, StudentRow.last_name, StudentRow.preferred_name
        ).where(StudentRow.id.in_(ids))
    )
    names = {student_id: person_name(*rest) for student_id, *rest in rows}
    return tuple(names.get(student_id, "") for student_id in ids)


def _staff_name(session: Session, staff_id: int | None) -> str:
    staff = session.get(StaffRow, staff_id) if staff_id is not None else None
    return person_name(staff.first_name, staff.last_name) if staff else ""
