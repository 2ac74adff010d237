"""The continuum's records added to the export school (school.py): everyday practice logs,
referrals, caregivers with their contacts, preparations, planned and cancelled meetings, the
short summaries of each person's part, and the case fields that came with them. Every typed
text, name, phone number and email is kept in the school's secrets, so the district package is
checked for them too. All invented.

In school year 2025: two practice logs (a chat with grade-7 students 1 and 2, opened into case
A, and a tally of six affective statements with no student), a referral that became case A, and
case A's caregiver contact and preparation; case B gains a planned and a cancelled meeting.
Before it (2024-25): one practice log and one referral still waiting. Two caregivers, whatever
the period.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    CaregiverContactRow,
    CaregiverRow,
    CaregiverStudentRow,
    CaseParticipantRow,
    CaseRow,
    MeetingAttendeeRow,
    MeetingRow,
    PracticeLogRow,
    PracticeLogStudentRow,
    PreparationRow,
    ReferralRow,
    ReferralStudentRow,
    StaffRow,
)
from rp_desktop.domain.continuum.kinds import (
    CaregiverRelationship,
    ContactKind,
    ContactOutcome,
    MeetingStatus,
    PracticeKind,
    ReferralDecision,
    RepairFelt,
    Willingness,
)
from rp_desktop.domain.vocabulary import MeetingKind, Role
from rp_desktop.services.safekeeping.database import Database
from tests.services.exports.school import ExportSchool

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
PHONE = "555-0142-889"
EMAIL = "m.stavrakopoulos@example.invalid"
WHAT_HAPPENED = "Tore the poster Hyacinth Pemberton made"


@dataclass(frozen=True)
class ContinuumRecords:
    caregivers: tuple[int, int]
    logs: tuple[int, ...]
    referrals: tuple[int, ...]


def add_continuum_records(db: Database, school: ExportSchool) -> ContinuumRecords:
    with Session(db.engine) as session, session.begin():
        staff = list(session.scalars(select(StaffRow.id).order_by(StaffRow.id)))
        logs = _practice_logs(session, school, staff)
        referrals = _referrals(session, school, staff, logs[0])
        caregivers = _caregivers(session, school)
        _case_a_family(session, school, staff, caregivers[0])
        _case_b_meetings(session, school)
    return ContinuumRecords(caregivers, logs, referrals)


def _stamp() -> dict[str, datetime]:
    return {"created_at": NOW, "updated_at": NOW}


def _log(session: Session, students: list[int], **fields: object) -> int:
    log = PracticeLogRow(**fields, **_stamp())
    session.add(log)
    session.flush()
    session.add_all(PracticeLogStudentRow(log_id=log.id, student_id=s) for s in students)
    return log.id


def _practice_logs(session: Session, school: ExportSchool, staff: list[int]) -> tuple[int, ...]:
    s = school.students
    notes = ("Hallway chat with Eustacia Vandermeer", "Praised Lorcan's patience")
    school.keep(*notes)
    return (
        _log(session, s[:2], kind=PracticeKind.RESTORATIVE_CHAT, happened_on=date(2025, 10, 3),
             minutes=10, staff_id=staff[0], case_id=school.case_a, note=notes[0]),
        _log(session, [], kind=PracticeKind.AFFECTIVE_STATEMENT, happened_on=date(2025, 11, 4),
             tally=6, note=notes[1]),
        _log(session, [s[5]], kind=PracticeKind.CHECK_IN_OUT, happened_on=date(2024, 10, 1),
             minutes=5, staff_id=staff[1]),
    )  # fmt: skip


def _referrals(
    session: Session, school: ExportSchool, staff: list[int], log: int
) -> tuple[int, ...]:
    texts = ("Moved seats away from Ambrose", "A circle with Leontyne's table",
             "Case A was opened with Quennell", "Bus driver Ottokar Ashdown")  # fmt: skip
    school.keep(WHAT_HAPPENED, *texts)
    made = ReferralRow(
        received_on=date(2025, 10, 2), referred_by_staff_id=staff[1],
        what_happened=WHAT_HAPPENED, tried=texts[0], asks_for=texts[1],
        suspension_proposed=True, suspension_days=3, suspension_proposed_by_staff_id=staff[1],
        decision=ReferralDecision.TIER2_CASE, decided_on=date(2025, 10, 3),
        decision_reason=texts[2], case_id=school.case_a, practice_log_id=log, **_stamp(),
    )  # fmt: skip
    waiting = ReferralRow(
        received_on=date(2025, 5, 20), referred_by_name=texts[3], what_happened="-2+3", **_stamp()
    )
    session.add_all([made, waiting])
    session.flush()
    session.add_all(
        [
            ReferralStudentRow(referral_id=made.id, student_id=school.students[0]),
            ReferralStudentRow(referral_id=made.id, student_id=school.students[1]),
            ReferralStudentRow(referral_id=waiting.id, student_id=school.students[6]),
        ]
    )
    return made.id, waiting.id


def _caregivers(session: Session, school: ExportSchool) -> tuple[int, int]:
    mother = CaregiverRow(
        first_name="Marguerite", last_name="Stavrakopoulos", phone=PHONE, email=EMAIL,
        home_language="es", interpreter_needed=True, search_key="marguerite", **_stamp(),
    )  # fmt: skip
    grandfather = CaregiverRow(
        first_name="Oluwaseun", last_name="Fairweather-Ng", phone="555-0177-301", **_stamp()
    )
    session.add_all([mother, grandfather])
    session.flush()
    school.keep(mother.first_name, mother.last_name, PHONE, EMAIL)
    school.keep(grandfather.first_name, grandfather.last_name, grandfather.phone)
    session.add_all(
        [
            CaregiverStudentRow(caregiver_id=mother.id, student_id=school.students[2],
                                relation=CaregiverRelationship.PARENT),
            CaregiverStudentRow(caregiver_id=grandfather.id, student_id=school.students[0],
                                relation=CaregiverRelationship.GRANDPARENT),
        ]
    )  # fmt: skip
    return mother.id, grandfather.id


def _case_a_family(session: Session, school: ExportSchool, staff: list[int], mother: int) -> None:
    """Case A: the mother of the person harmed takes part, is called, and the person harmed is
    prepared; the second meeting keeps the answers and each attendee's summary."""
    session.add(CaseParticipantRow(case_id=school.case_a, role=Role.FAMILY_MEMBER,
                                   caregiver_id=mother))  # fmt: skip
    harmed = session.scalars(
        select(CaseParticipantRow).where(
            CaseParticipantRow.case_id == school.case_a,
            CaseParticipantRow.role == Role.PERSON_HARMED,
        )
    ).one()
    texts = ("Spoke with Marguerite about Tuesday", "Avoid the Thornbury stairwell",
             "Aunt Clothilde Marchetti", "Prefers mornings, says Ingeborg",
             "Listened to Perpetua and apologised")  # fmt: skip
    school.keep(*texts)
    session.add_all([
        CaregiverContactRow(case_id=school.case_a, caregiver_id=mother, staff_id=staff[0],
                            kind=ContactKind.CALL, contacted_on=date(2025, 10, 6),
                            outcome=ContactOutcome.REACHED, language="es", note=texts[0]),
        PreparationRow(participant_id=harmed.id, met_on=date(2025, 10, 6), explained=True,
                       willingness=Willingness.WILLING, safety_concerns=texts[1],
                       supporters_chosen=True, supporters=texts[2],
                       consent_on=date(2025, 10, 7), note=texts[3]),
    ])  # fmt: skip
    last = session.scalars(
        select(MeetingRow).where(MeetingRow.case_id == school.case_a).order_by(MeetingRow.id)
    ).all()[-1]
    last.keep_answers = True
    session.execute(
        update(MeetingAttendeeRow)
        .where(MeetingAttendeeRow.meeting_id == last.id)
        .values(summary=texts[4])
    )


def _case_b_meetings(session: Session, school: ExportSchool) -> None:
    """Case B: a conference planned for April and a circle cancelled; repair felt partly, and
    the typed days of suspension avoided kept with a reason."""
    reasons = ("Oriel's family moved the date", "Board note from Saturnin")
    school.keep(*reasons)
    session.add_all([
        MeetingRow(case_id=school.case_b, kind=MeetingKind.FORMAL_CONFERENCE,
                   held_on=date(2026, 4, 2), starts_at=time(10, 30),
                   status=MeetingStatus.PLANNED),
        MeetingRow(case_id=school.case_b, kind=MeetingKind.REPAIR_HARM_CIRCLE,
                   held_on=date(2025, 11, 20), status=MeetingStatus.CANCELLED,
                   cancel_reason=reasons[0]),
    ])  # fmt: skip
    held = session.scalars(select(MeetingRow).where(MeetingRow.case_id == school.case_b)).first()
    assert held is not None
    held.proceed_reason = "Wenceslas chose a letter instead"
    school.keep(held.proceed_reason)
    case = session.get_one(CaseRow, school.case_b)
    case.repair_felt = RepairFelt.PARTLY
    case.suspension_override_reason = reasons[1]
