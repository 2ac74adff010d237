"""The rules for meetings, agreements and follow-up, through the services: the problem names
the field, nothing is written, no audit event appears, and the message never quotes what was
typed (each input carries a distinctive invented name to look for)."""

import pytest

from rp_desktop.domain.casework.records import AgreementFields, FollowUpFields, RestorativeQuestion
from rp_desktop.domain.casework.validation import SUMMARY_MAX
from rp_desktop.domain.validation import FieldProblem, Problem
from rp_desktop.services.casework.case_detail import add_follow_up, record_meeting, save_agreement
from rp_desktop.services.safekeeping.database import Database
from tests.services.casework.rules_setup import (
    BEFORE_CASE,
    SECRET,
    TOMORROW,
    Scene,
    answer,
    item,
    meeting,
    refused,
    set_the_scene,
)
from tests.services.casework.setup import TODAY, people_of
from tests.services.conftest import Roster

Q = RestorativeQuestion


@pytest.fixture
def scene(db: Database, roster: Roster) -> Scene:
    return set_the_scene(db, roster)


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"held_on": None}, FieldProblem("held_on", Problem.REQUIRED)),
        ({"held_on": TOMORROW}, FieldProblem("held_on", Problem.IN_FUTURE)),
        ({"held_on": BEFORE_CASE}, FieldProblem("held_on", Problem.BEFORE_CASE)),
        ({"duration_minutes": 0}, FieldProblem("duration_minutes", Problem.OUT_OF_RANGE)),
        ({"facilitator_id": 9999}, FieldProblem("facilitator_id", Problem.UNKNOWN)),
    ],
)
def test_meeting_rules(
    db: Database, scene: Scene, changes: dict[str, object], problem: FieldProblem
) -> None:
    found = refused(db, lambda: record_meeting(db, scene.case.id, meeting(scene, **changes)))
    assert found == (problem,)


def test_only_the_case_s_people_attend_and_answer(db: Database, scene: Scene) -> None:
    outsider = scene.other.participants[0].id
    found = refused(
        db,
        lambda: record_meeting(
            db, scene.case.id, meeting(scene, attendee_ids=frozenset({outsider}))
        ),
    )
    assert found == (FieldProblem("attendee_ids", Problem.NOT_IN_CASE),)
    people = people_of(scene.case)
    answers = (
        answer(people.caused.id, Q.WHAT_HAPPENED),
        answer(outsider, Q.HARDEST_THING),
    )
    kept = meeting(scene, answers=answers, keep_answers=True)
    found = refused(db, lambda: record_meeting(db, scene.case.id, kept))
    assert found == (FieldProblem("answers", Problem.NOT_IN_CASE, index=1),)


def test_each_person_answers_the_questions_for_their_role_once(db: Database, scene: Scene) -> None:
    people = people_of(scene.case)
    answers = (
        answer(people.caused.id, Q.WHAT_HAPPENED),
        answer(people.harmed.id, Q.WHAT_HAPPENED),  # asked of the person who caused harm only
        answer(people.caused.id, Q.HARDEST_THING),  # asked of those affected only
        answer(people.family.id, Q.HARDEST_THING),
        answer(people.family.id, Q.HARDEST_THING),
    )
    kept = meeting(scene, answers=answers, keep_answers=True)
    found = refused(db, lambda: record_meeting(db, scene.case.id, kept))
    assert found == (
        FieldProblem("answers", Problem.QUESTION_NOT_FOR_ROLE, index=1),
        FieldProblem("answers", Problem.QUESTION_NOT_FOR_ROLE, index=2),
        FieldProblem("answers", Problem.ANSWERED_TWICE, index=4),
    )


def test_answers_are_refused_unless_the_facilitator_keeps_them(db: Database, scene: Scene) -> None:
    people = people_of(scene.case)
    answers = (answer(people.caused.id, Q.WHAT_HAPPENED),)
    found = refused(db, lambda: record_meeting(db, scene.case.id, meeting(scene, answers=answers)))
    assert found == (FieldProblem("answers", Problem.ANSWERS_NOT_KEPT),)


def test_a_summary_is_short_and_only_for_someone_who_came(db: Database, scene: Scene) -> None:
    people = people_of(scene.case)
    came = frozenset({people.caused.id, people.harmed.id})
    summaries = (
        (people.caused.id, f"{SECRET} owned up."),
        (people.family.id, f"{SECRET} was not there."),  # did not come
        (people.harmed.id, "x" * (SUMMARY_MAX + 1)),
        (people.caused.id, "Said it twice."),
    )
    fields = meeting(scene, attendee_ids=came, summaries=summaries)
    found = refused(db, lambda: record_meeting(db, scene.case.id, fields))
    assert found == (
        FieldProblem("summaries", Problem.NOT_AT_MEETING, index=1),
        FieldProblem("summaries", Problem.TOO_LONG, SUMMARY_MAX, index=2),
        FieldProblem("summaries", Problem.SAME_PERSON_TWICE, index=3),
    )
    assert SUMMARY_MAX == 1000
    at_most = meeting(scene, attendee_ids=came, summaries=((people.harmed.id, "y" * SUMMARY_MAX),))
    saved = record_meeting(db, scene.case.id, at_most)
    assert saved.fields.summaries == ((people.harmed.id, "y" * SUMMARY_MAX),)


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"description": " "}, FieldProblem("items.description", Problem.REQUIRED, index=0)),
        (
            {"owner_participant_id": None},
            FieldProblem("items.owner", Problem.NEEDS_OWNER, index=0),
        ),
        ({"owner_staff_id": 1}, FieldProblem("items.owner", Problem.TWO_PEOPLE_AT_ONCE, index=0)),
        (
            {"owner_participant_id": None, "owner_staff_id": 9999},
            FieldProblem("items.owner", Problem.UNKNOWN, index=0),
        ),
        ({"due_on": None}, FieldProblem("items.due_on", Problem.REQUIRED, index=0)),
        ({"due_on": BEFORE_CASE}, FieldProblem("items.due_on", Problem.BEFORE_CASE, index=0)),
    ],
)
def test_agreement_item_rules(
    db: Database, scene: Scene, changes: dict[str, object], problem: FieldProblem
) -> None:
    fields = AgreementFields(TODAY, notes=SECRET, items=(item(scene, **changes),))
    assert refused(db, lambda: save_agreement(db, scene.case.id, fields)) == (problem,)


def test_an_item_owned_by_someone_from_another_case(db: Database, scene: Scene) -> None:
    stranger = item(scene, owner_participant_id=scene.other.participants[0].id)
    fields = AgreementFields(TODAY, items=(item(scene), stranger))
    found = refused(db, lambda: save_agreement(db, scene.case.id, fields))
    assert found == (FieldProblem("items.owner", Problem.NOT_IN_CASE, index=1),)


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        (AgreementFields(TODAY, notes=SECRET), FieldProblem("items", Problem.NEEDS_ITEM)),
        (AgreementFields(None, notes=SECRET), FieldProblem("made_on", Problem.REQUIRED)),
    ],
)
def test_agreement_rules(
    db: Database, scene: Scene, fields: AgreementFields, problem: FieldProblem
) -> None:
    found = refused(db, lambda: save_agreement(db, scene.case.id, fields))
    assert problem in found


def test_an_agreement_is_made_at_a_meeting_of_its_own_case(db: Database, scene: Scene) -> None:
    fields = AgreementFields(TODAY, scene.meeting_id, SECRET, (item(scene),))
    found = refused(db, lambda: save_agreement(db, scene.case.id, fields))
    assert found == (FieldProblem("meeting_id", Problem.NOT_IN_CASE),)


def test_an_agreement_is_not_made_in_the_future(db: Database, scene: Scene) -> None:
    fields = AgreementFields(TOMORROW, None, SECRET, (item(scene),))
    found = refused(db, lambda: save_agreement(db, scene.case.id, fields))
    assert found == (FieldProblem("made_on", Problem.IN_FUTURE),)


# Follow-up


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        (FollowUpFields(None, note=SECRET), FieldProblem("on", Problem.REQUIRED)),
        (FollowUpFields(BEFORE_CASE, note=SECRET), FieldProblem("on", Problem.BEFORE_CASE)),
        (FollowUpFields(TOMORROW, note=SECRET), FieldProblem("on", Problem.IN_FUTURE)),
        (FollowUpFields(TODAY, 9999, SECRET), FieldProblem("staff_id", Problem.UNKNOWN)),
    ],
)
def test_follow_up_rules(
    db: Database, scene: Scene, fields: FollowUpFields, problem: FieldProblem
) -> None:
    assert refused(db, lambda: add_follow_up(db, scene.case.id, fields)) == (problem,)


def test_a_follow_up_on_another_case_s_item(db: Database, scene: Scene) -> None:
    fields = FollowUpFields(TODAY, None, SECRET, scene.item_id)
    found = refused(db, lambda: add_follow_up(db, scene.case.id, fields))
    assert found == (FieldProblem("agreement_item_id", Problem.NOT_IN_CASE),)
