"""Which roles fit a case: harm names who was harmed and who caused it; a concern uses neutral
roles; observations are not cases."""

from dataclasses import replace
from datetime import date

import pytest

from rp_desktop.domain.casework.restorative import answerable_by, questions_for
from rp_desktop.domain.casework.roles import opens_a_case, role_in, roles_for
from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.validation import FieldProblem, Problem, validate_case
from rp_desktop.domain.vocabulary import CategoryKind, Role, Tier

TODAY = date(2026, 3, 10)
CASE = CaseFields(
    tier=Tier.TARGETED,
    occurred_on=date(2026, 3, 2),
    category_id=8,
    description="Staff noticed a pattern that worries them.",
    participants=(
        ParticipantFields(Role.STUDENT, student_id=1),
        ParticipantFields(Role.SUPPORTER, student_id=2),
        ParticipantFields(Role.FACILITATOR, staff_id=1),
    ),
)


def test_a_concern_offers_the_neutral_roles_and_no_harm_role() -> None:
    assert roles_for(CategoryKind.CONCERN) == (
        Role.STUDENT,
        Role.SUPPORTER,
        Role.FAMILY_MEMBER,
        Role.STAFF,
        Role.FACILITATOR,
    )


def test_harm_offers_the_harm_roles_and_not_the_neutral_student() -> None:
    offered = roles_for(CategoryKind.HARM)
    assert offered[:3] == (Role.PERSON_HARMED, Role.PERSON_WHO_CAUSED_HARM, Role.WITNESS)
    assert Role.STUDENT not in offered
    assert {Role.SUPPORTER, Role.FAMILY_MEMBER, Role.STAFF, Role.FACILITATOR} <= set(offered)


def test_before_a_category_is_chosen_every_role_is_offered() -> None:
    assert set(roles_for(None)) == set(Role)


@pytest.mark.parametrize(
    ("kind", "opens"),
    [
        (CategoryKind.HARM, True),
        (CategoryKind.CONCERN, True),
        (CategoryKind.POSITIVE, False),
        (CategoryKind.NEUTRAL, False),
    ],
)
def test_only_harm_and_concern_open_a_case(kind: CategoryKind, opens: bool) -> None:
    assert opens_a_case(kind) is opens


@pytest.mark.parametrize(
    ("role", "is_staff", "becomes"),
    [
        (Role.PERSON_HARMED, False, Role.STUDENT),
        (Role.PERSON_WHO_CAUSED_HARM, False, Role.STUDENT),
        (Role.WITNESS, False, Role.STUDENT),
        (Role.PERSON_HARMED, True, Role.STAFF),
        (Role.SUPPORTER, False, Role.SUPPORTER),
        (Role.FACILITATOR, True, Role.FACILITATOR),
        (None, False, None),
    ],
)
def test_harm_roles_carried_to_a_concern(role: Role | None, is_staff: bool, becomes: Role) -> None:
    assert role_in(CategoryKind.CONCERN, role, is_staff=is_staff) is becomes


def test_roles_carried_to_harm_are_kept() -> None:
    """Harm accepts a student whose part is not said yet: the counselor says it later."""
    assert role_in(CategoryKind.HARM, Role.STUDENT) is Role.STUDENT
    assert role_in(CategoryKind.HARM, Role.SUPPORTER) is Role.SUPPORTER


def test_a_concern_with_neutral_roles_is_accepted() -> None:
    assert validate_case(CASE, TODAY, CategoryKind.CONCERN) == []


def test_a_harm_role_in_a_concern_is_refused_on_its_line() -> None:
    people = (ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=1), *CASE.participants[1:])
    problems = validate_case(replace(CASE, participants=people), TODAY, CategoryKind.CONCERN)
    assert problems == [FieldProblem("participants", Problem.HARM_ROLE_IN_CONCERN, index=0)]


def test_a_student_whose_part_is_not_said_yet_is_accepted_in_harm() -> None:
    """A chat turned into a case keeps its students as "student" (not offered, accepted)."""
    assert validate_case(CASE, TODAY, CategoryKind.HARM) == []
    assert Role.STUDENT not in roles_for(CategoryKind.HARM)


@pytest.mark.parametrize("kind", [CategoryKind.POSITIVE, CategoryKind.NEUTRAL])
def test_an_observation_is_not_a_new_case(kind: CategoryKind) -> None:
    assert validate_case(CASE, TODAY, kind) == [FieldProblem("category_id", Problem.NOT_A_CASE)]


def test_a_case_kept_in_an_observation_category_can_still_be_saved() -> None:
    harm_people = (ParticipantFields(Role.PERSON_HARMED, student_id=1),)
    kept = replace(CASE, participants=harm_people)
    assert validate_case(kept, TODAY, CategoryKind.POSITIVE, category_changed=False) == []


def test_a_student_in_a_concern_is_asked_none_of_the_questions_of_harm() -> None:
    assert questions_for(Role.STUDENT) == ()


def test_answers_given_while_concerns_took_harm_roles_stay_on_record() -> None:
    kept = answerable_by(Role.STUDENT)
    assert set(kept) == set(questions_for(Role.PERSON_WHO_CAUSED_HARM)) | set(
        questions_for(Role.PERSON_HARMED)
    )
