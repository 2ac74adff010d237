"""What circles did, added to the export school (school.py): the keeper at every circle and
other adults as a count, the advisory's agreements (one retired, one made the year before), a
Tier 1 circle run from the console with a guest and a directed, bilingual round, and case A's
repair-harm circle run from the console with each seat's part in the case.

Every name and typed text is kept in `school.secrets`, and every case role in `CASE_ROLES`:
none may reach the district."""

from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    CaseParticipantRow,
    CircleRunRow,
    CircleStaffAttendanceRow,
    CommunityCircleRow,
    GroupAgreementRow,
    MeetingRow,
    RunRoundRow,
    RunSeatRow,
)
from rp_desktop.domain.circle.types import Timing
from rp_desktop.domain.vocabulary import CircleStage, MeetingKind, Role
from rp_desktop.services.safekeeping.database import Database
from tests.services.exports.school import NOW, ExportSchool

AGREED = ("We listen to Ptolemy to the end", "Phones face down", "No nicknames")
OLD_AGREEMENT = "Share the Quenby ball"
GUEST = "Grandpa Horatio"
CASE_ROLES = (Role.PERSON_WHO_CAUSED_HARM.value, Role.PERSON_HARMED.value)


def add_circle_records(db: Database, school: ExportSchool) -> None:
    with Session(db.engine) as session, session.begin():
        circles = session.scalars(
            select(CommunityCircleRow).order_by(CommunityCircleRow.held_on)
        ).all()
        held = [c for c in circles if c.keeper_id is not None]
        for number, circle in enumerate(held):
            session.add(CircleStaffAttendanceRow(circle_id=circle.id, staff_id=circle.keeper_id))
            circle.guests = number % 3
        first_of_november = next(c for c in held if c.held_on == date(2025, 11, 3))
        _agreements(session, first_of_november, held[0])
        _tier_1_run(session, next(c for c in held if c.held_on == date(2025, 9, 1)), school)
        _case_run(session, school)
    school.keep(*AGREED, OLD_AGREEMENT, GUEST, "Quiet hands, Ptolemy", "¿Qué necesitas, Quenby?")


def _agreements(
    session: Session, circle: CommunityCircleRow, last_year: CommunityCircleRow
) -> None:
    assert circle.group_id is not None
    assert last_year.group_id is not None
    for position, text in enumerate(AGREED):
        session.add(
            GroupAgreementRow(
                group_id=circle.group_id, community_circle_id=circle.id, position=position,
                text=text, made_on=circle.held_on, active=position != 2, created_at=NOW,
            )
        )  # fmt: skip
    session.add(
        GroupAgreementRow(
            group_id=last_year.group_id, community_circle_id=last_year.id, position=0,
            text=OLD_AGREEMENT, made_on=last_year.held_on, active=True, created_at=NOW,
        )
    )  # fmt: skip


def _run(session: Session, **links: int) -> CircleRunRow:
    start = datetime(2025, 9, 1, 14, 0, tzinfo=UTC)
    run = CircleRunRow(started_at=start, ended_at=start, **links)
    session.add(run)
    session.flush()
    return run


def _tier_1_run(session: Session, circle: CommunityCircleRow, school: ExportSchool) -> None:
    run = _run(session, community_circle_id=circle.id, group_id=circle.group_id or 0)
    assert circle.keeper_id is not None
    session.add_all(
        [
            RunSeatRow(run_id=run.id, position=0, staff_id=circle.keeper_id, label="Ms D",
                       is_keeper=True, role="keeper"),
            RunSeatRow(run_id=run.id, position=1, student_id=school.students[0], label="Amaru"),
            RunSeatRow(run_id=run.id, position=2, label=GUEST),
        ]
    )  # fmt: skip
    session.add_all(
        [
            RunRoundRow(run_id=run.id, number=0, stage=CircleStage.CHECK_IN,
                        prompt_text="Quiet hands, Ptolemy", timing=Timing.PER_SPEAKER,
                        budget_seconds=30),
            RunRoundRow(run_id=run.id, number=1, stage=CircleStage.CHECK_IN,
                        prompt_text="What do you need?", second_text="¿Qué necesitas, Quenby?",
                        timing=Timing.NONE, to_seats="1,2"),
        ]
    )  # fmt: skip


def _case_run(session: Session, school: ExportSchool) -> None:
    meeting = session.scalars(
        select(MeetingRow).where(
            MeetingRow.case_id == school.case_a, MeetingRow.kind == MeetingKind.REPAIR_HARM_CIRCLE
        )
    ).one()
    run = _run(session, meeting_id=meeting.id)
    people = session.scalars(
        select(CaseParticipantRow)
        .where(CaseParticipantRow.case_id == school.case_a)
        .where(CaseParticipantRow.role.in_([Role.PERSON_WHO_CAUSED_HARM, Role.PERSON_HARMED]))
        .order_by(CaseParticipantRow.id)
    ).all()
    for position, person in enumerate(people):
        session.add(
            RunSeatRow(run_id=run.id, position=position, student_id=person.student_id,
                       label=f"Seat {position}", role=person.role.value)
        )  # fmt: skip
    session.add(
        RunRoundRow(run_id=run.id, number=0, stage=CircleStage.REPAIR_HARM,
                    prompt_text="What happened?", timing=Timing.NONE,
                    to_roles=Role.PERSON_WHO_CAUSED_HARM.value)
    )  # fmt: skip
