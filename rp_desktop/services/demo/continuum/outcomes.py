"""The outcomes of the sample school's cases, and its concerns in neutral roles.

The cases are drawn before the continuum's rules, so this pass brings them in line: the people of
a concern (a wellbeing concern, a return after absence) take neutral roles, a person harmed, a
person who caused harm or a witness becoming a student (staff stay staff), and what they said to
the questions of harm is not kept, since a concern's meeting asks none. Closed cases of harm with
a person harmed record whether that person feels the harm was repaired: mostly yes or partly,
some no, some not asked.
"""

from sqlalchemy import Connection, delete, select, update

from rp_desktop.db.models import (
    CaseCategoryRow,
    CaseParticipantRow,
    CaseRow,
    CircleRunRow,
    MeetingAnswerRow,
    MeetingRow,
    RunSeatRow,
)
from rp_desktop.domain.casework.roles import HARM_ONLY_ROLES, role_in
from rp_desktop.domain.continuum.kinds import RepairFelt
from rp_desktop.domain.vocabulary import CaseStatus, CategoryKind, Role
from rp_desktop.services.demo.continuum.school import ContinuumSchool

# How often each answer is given, as a school that asks would hear them.
REPAIR_FELT_WEIGHTS = {
    RepairFelt.YES: 50,
    RepairFelt.PARTLY: 25,
    RepairFelt.NO: 10,
    RepairFelt.NOT_ASKED: 15,
}


def add_outcomes(school: ContinuumSchool) -> dict[str, int]:
    """Neutral roles for concerns, and the person harmed's answer on closed cases of harm. The
    answers taken away are counted off the summary's meeting answers (a negative count)."""
    connection = school.connection
    removed = _answers_of_concerns_removed(connection)
    _concerns_in_neutral_roles(connection)
    _repair_felt_recorded(school)
    return {"meeting_answers": -removed} if removed else {}


def _concern_case_ids(connection: Connection) -> list[int]:
    stmt = (
        select(CaseRow.id)
        .join(CaseCategoryRow, CaseCategoryRow.id == CaseRow.category_id)
        .where(CaseCategoryRow.kind == CategoryKind.CONCERN)
        .order_by(CaseRow.id)
    )
    return list(connection.scalars(stmt))


def _answers_of_concerns_removed(connection: Connection) -> int:
    """A concern's meetings keep no answers to the questions of harm."""
    meetings = select(MeetingRow.id).where(MeetingRow.case_id.in_(_concern_case_ids(connection)))
    result = connection.execute(
        delete(MeetingAnswerRow).where(MeetingAnswerRow.meeting_id.in_(meetings))
    )
    return int(result.rowcount or 0)


def _concerns_in_neutral_roles(connection: Connection) -> None:
    cases = _concern_case_ids(connection)
    people = connection.execute(
        select(CaseParticipantRow.id, CaseParticipantRow.role, CaseParticipantRow.staff_id)
        .where(CaseParticipantRow.case_id.in_(cases))
        .where(CaseParticipantRow.role.in_(sorted(HARM_ONLY_ROLES)))
        .order_by(CaseParticipantRow.id)
    ).all()
    for participant_id, role, staff_id in people:
        neutral = role_in(CategoryKind.CONCERN, Role(role), is_staff=staff_id is not None)
        connection.execute(
            update(CaseParticipantRow)
            .where(CaseParticipantRow.id == participant_id)
            .values(role=neutral)
        )
    _seats_in_neutral_roles(connection, cases)


def _seats_in_neutral_roles(connection: Connection, cases: list[int]) -> None:
    """A student who sat in a circle run for a concern sat in a neutral part too."""
    runs = (
        select(CircleRunRow.id)
        .join(MeetingRow, MeetingRow.id == CircleRunRow.meeting_id)
        .where(MeetingRow.case_id.in_(cases))
    )
    for role in sorted(HARM_ONLY_ROLES):
        neutral = role_in(CategoryKind.CONCERN, role, is_staff=False) or Role.STUDENT
        connection.execute(
            update(RunSeatRow)
            .where(RunSeatRow.run_id.in_(runs), RunSeatRow.student_id.is_not(None))
            .where(RunSeatRow.role == role.value)
            .values(role=neutral.value)
        )


def _repair_felt_recorded(school: ContinuumSchool) -> None:
    rng = school.rng("outcomes")
    harmed = select(CaseParticipantRow.case_id).where(CaseParticipantRow.role == Role.PERSON_HARMED)
    closed = school.connection.scalars(
        select(CaseRow.id)
        .join(CaseCategoryRow, CaseCategoryRow.id == CaseRow.category_id)
        .where(CaseCategoryRow.kind == CategoryKind.HARM)
        .where(CaseRow.status == CaseStatus.CLOSED)
        .where(CaseRow.id.in_(harmed))
        .order_by(CaseRow.id)
    ).all()
    answers, weights = list(REPAIR_FELT_WEIGHTS), list(REPAIR_FELT_WEIGHTS.values())
    for case_id in closed:
        felt = rng.choices(answers, weights)[0]
        school.connection.execute(
            update(CaseRow).where(CaseRow.id == case_id).values(repair_felt=felt)
        )
