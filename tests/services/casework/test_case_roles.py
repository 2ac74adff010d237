"""The case service refuses roles that do not fit the category's kind, and observations filed
as new cases; a case kept from before in an observation category still opens and saves."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from rp_desktop.db.models import CaseRow
from rp_desktop.domain.casework.records import AnswerFields, MeetingFields
from rp_desktop.domain.casework.restorative import RestorativeQuestion
from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import CategoryKind, MeetingKind, Role, Tier
from rp_desktop.services.casework.cases import get_case, list_categories, open_case, update_case
from rp_desktop.services.casework.meetings import record_meeting, update_meeting
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import Roster, table_count


def category_of(db: Database, kind: CategoryKind) -> int:
    return next(c.id for c in list_categories(db) if c.kind is kind)


def concern(db: Database, roster: Roster, *roles: Role) -> CaseFields:
    return CaseFields(
        tier=Tier.TARGETED,
        occurred_on=date(2026, 3, 2),
        category_id=category_of(db, CategoryKind.CONCERN),
        description="A check-in Ana asked for; her friend came along.",
        participants=(
            ParticipantFields(roles[0], student_id=roster.ana.id),
            ParticipantFields(roles[1], student_id=roster.liam.id),
            ParticipantFields(Role.FACILITATOR, staff_id=roster.counselor_id),
        ),
    )


def test_a_concern_is_opened_with_neutral_roles(db: Database, roster: Roster) -> None:
    saved = open_case(db, concern(db, roster, Role.STUDENT, Role.SUPPORTER))
    roles = [p.fields.role for p in get_case(db, saved.id).participants]
    assert roles == [Role.STUDENT, Role.SUPPORTER, Role.FACILITATOR]


def test_a_harm_role_in_a_concern_is_refused_and_nothing_saved(
    db: Database, roster: Roster
) -> None:
    with pytest.raises(InvalidInput) as refused:
        open_case(db, concern(db, roster, Role.PERSON_HARMED, Role.WITNESS))
    assert refused.value.problems == (
        FieldProblem("participants", Problem.HARM_ROLE_IN_CONCERN, index=0),
        FieldProblem("participants", Problem.HARM_ROLE_IN_CONCERN, index=1),
    )
    assert table_count(db, "case") == 0


def test_a_harm_case_accepts_a_student_whose_part_is_not_said_yet(
    db: Database, roster: Roster
) -> None:
    fields = replace(
        concern(db, roster, Role.STUDENT, Role.PERSON_WHO_CAUSED_HARM),
        category_id=roster.category_id,
    )
    saved = open_case(db, fields)
    roles = [p.fields.role for p in saved.participants]
    assert roles == [Role.STUDENT, Role.PERSON_WHO_CAUSED_HARM, Role.FACILITATOR]


@pytest.mark.parametrize("kind", [CategoryKind.POSITIVE, CategoryKind.NEUTRAL])
def test_an_observation_is_not_opened_as_a_case(
    db: Database, roster: Roster, kind: CategoryKind
) -> None:
    fields = replace(
        concern(db, roster, Role.STUDENT, Role.SUPPORTER), category_id=category_of(db, kind)
    )
    with pytest.raises(InvalidInput) as refused:
        open_case(db, fields)
    assert refused.value.problems == (FieldProblem("category_id", Problem.NOT_A_CASE),)
    assert table_count(db, "case") == 0


def test_a_case_cannot_be_moved_into_an_observation_category(db: Database, roster: Roster) -> None:
    fields = concern(db, roster, Role.STUDENT, Role.SUPPORTER)
    saved = open_case(db, fields)
    positive = category_of(db, CategoryKind.POSITIVE)
    with pytest.raises(InvalidInput) as refused:
        update_case(db, saved.id, replace(fields, category_id=positive))
    assert refused.value.problems == (FieldProblem("category_id", Problem.NOT_A_CASE),)
    assert get_case(db, saved.id).fields.category_id == fields.category_id


def test_a_case_kept_in_an_observation_category_still_opens_and_saves(
    db: Database, roster: Roster
) -> None:
    """Cases filed before observations stopped being cases keep their category and roles."""
    fields = replace(
        concern(db, roster, Role.PERSON_HARMED, Role.WITNESS), category_id=roster.category_id
    )
    saved = open_case(db, fields)
    positive = category_of(db, CategoryKind.POSITIVE)
    with Session(db.engine) as session, session.begin():
        session.execute(update(CaseRow).where(CaseRow.id == saved.id).values(category_id=positive))
    kept = get_case(db, saved.id)
    changed = update_case(db, saved.id, replace(kept.fields, place="Library"))
    assert (changed.fields.category_id, changed.fields.place) == (positive, "Library")
    assert [p.fields.role for p in changed.participants][:2] == [Role.PERSON_HARMED, Role.WITNESS]


def test_answers_kept_from_before_survive_a_case_carried_to_a_concern(
    db: Database, roster: Roster
) -> None:
    """Answers given in harm roles stay on record when the case becomes a concern and its
    students take the neutral role: each keeps their place on the case, and the meeting can
    still be corrected."""
    fields = replace(
        concern(db, roster, Role.PERSON_HARMED, Role.PERSON_WHO_CAUSED_HARM),
        category_id=roster.category_id,
    )
    case = open_case(db, fields)
    harmed = case.participants[0].id
    answer = AnswerFields(harmed, RestorativeQuestion.HARDEST_THING, "Eating lunch alone.")
    meeting = record_meeting(
        db,
        case.id,
        MeetingFields(
            MeetingKind.RESTORATIVE_CONVERSATION,
            date(2026, 3, 3),
            attendee_ids=frozenset({harmed}),
            answers=(answer,),
            keep_answers=True,
        ),
    )
    neutral = tuple(
        replace(p, role=Role.STUDENT) if p.student_id is not None else p
        for p in fields.participants
    )
    concern_id = category_of(db, CategoryKind.CONCERN)
    carried = update_case(
        db, case.id, replace(fields, category_id=concern_id, participants=neutral)
    )
    # Each person keeps their place on the case (what they did on it is anchored there).
    assert [p.id for p in carried.participants] == [p.id for p in case.participants]
    assert [p.fields.role for p in carried.participants][:2] == [Role.STUDENT, Role.STUDENT]
    corrected = update_meeting(db, meeting.id, replace(meeting.fields, notes="Checked in."))
    assert corrected.fields.answers == (answer,)
