"""Every rule a form's input must meet, and the messages that never quote what was typed."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rp_desktop.domain.records import CaseFields, CircleFields, ParticipantFields, StudentFields
from rp_desktop.domain.validation import (
    EARLIEST_DATE,
    LONG_TEXT_MAX,
    NAME_MAX,
    SHORT_TEXT_MAX,
    STUDENT_NUMBER_MAX,
    FieldProblem,
    InvalidInput,
    Problem,
    validate_case,
    validate_circle,
    validate_student,
)
from rp_desktop.domain.vocabulary import (
    CaseStatus,
    CircleStatus,
    ClosureReason,
    Role,
    Tier,
    Tier3Kind,
)

TODAY = date(2026, 3, 10)
TOMORROW = TODAY + timedelta(days=1)
TOO_EARLY = EARLIEST_DATE - timedelta(days=1)

STUDENT = StudentFields("S-1001", "Ana", "Muñoz", "Anita", 5, "5B")
CIRCLE = CircleFields(held_on=TODAY, purpose="Getting to know each other", duration_minutes=40)
HARMED = ParticipantFields(Role.PERSON_HARMED, student_id=1)
CAUSED = ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=2)
CASE = CaseFields(
    tier=Tier.TARGETED,
    occurred_on=TODAY,
    category_id=1,
    description="Words in the hallway after lunch.",
    place="Hallway",
    participants=(HARMED, CAUSED),
)


def problems_of(found: list[FieldProblem]) -> set[tuple[str, Problem]]:
    return {(p.field, p.problem) for p in found}


# Students


def test_a_complete_student_is_valid() -> None:
    assert validate_student(STUDENT) == []


@pytest.mark.parametrize("name", ["student_number", "first_name", "last_name"])
@pytest.mark.parametrize("blank", ["", "   ", "\t\n"])
def test_student_required_text(name: str, blank: str) -> None:
    found = validate_student(replace(STUDENT, **{name: blank}))
    assert problems_of(found) == {(name, Problem.REQUIRED)}


def test_preferred_name_and_homeroom_may_be_empty() -> None:
    assert validate_student(replace(STUDENT, preferred_name="", homeroom="")) == []


@pytest.mark.parametrize(
    ("name", "limit"),
    [
        ("student_number", STUDENT_NUMBER_MAX),
        ("first_name", NAME_MAX),
        ("last_name", NAME_MAX),
        ("preferred_name", NAME_MAX),
        ("homeroom", 40),
    ],
)
def test_student_text_too_long(name: str, limit: int) -> None:
    assert validate_student(replace(STUDENT, **{name: "x" * limit})) == []
    found = validate_student(replace(STUDENT, **{name: "x" * (limit + 1)}))
    assert found == [FieldProblem(name, Problem.TOO_LONG, limit)]


@pytest.mark.parametrize("number", ["12 34", "12\t34", "A 1 B"])
def test_student_number_with_spaces_inside(number: str) -> None:
    found = validate_student(replace(STUDENT, student_number=number))
    assert found == [FieldProblem("student_number", Problem.HAS_SPACES)]


def test_student_number_spaces_around_are_not_a_problem() -> None:
    assert validate_student(replace(STUDENT, student_number="  1234 ")) == []


def test_grade_is_required() -> None:
    found = validate_student(replace(STUDENT, grade=None))
    assert found == [FieldProblem("grade", Problem.REQUIRED)]


@pytest.mark.parametrize("grade", [-1, 0, 1, 12])
def test_grades_pre_k_to_twelve_are_allowed(grade: int) -> None:
    assert validate_student(replace(STUDENT, grade=grade)) == []


@pytest.mark.parametrize("grade", [-2, 13, 99])
def test_grade_out_of_range(grade: int) -> None:
    found = validate_student(replace(STUDENT, grade=grade))
    assert found == [FieldProblem("grade", Problem.NOT_A_GRADE)]


@given(st.integers(min_value=-1000, max_value=1000))
def test_grade_rule_over_all_numbers(grade: int) -> None:
    found = validate_student(replace(STUDENT, grade=grade))
    assert (found == []) == (-1 <= grade <= 12)


def test_every_problem_of_a_student_is_reported_at_once() -> None:
    found = validate_student(StudentFields("", "", "", grade=None))
    assert problems_of(found) == {
        ("student_number", Problem.REQUIRED),
        ("first_name", Problem.REQUIRED),
        ("last_name", Problem.REQUIRED),
        ("grade", Problem.REQUIRED),
    }


# Circles


def test_a_circle_held_today_is_valid() -> None:
    assert validate_circle(CIRCLE, TODAY) == []


def test_a_held_circle_cannot_be_in_the_future() -> None:
    found = validate_circle(replace(CIRCLE, held_on=TOMORROW), TODAY)
    assert found == [FieldProblem("held_on", Problem.IN_FUTURE)]


def test_a_planned_circle_may_be_in_the_future() -> None:
    planned = replace(CIRCLE, status=CircleStatus.PLANNED, held_on=TODAY + timedelta(days=60))
    assert validate_circle(planned, TODAY) == []


@pytest.mark.parametrize("status", list(CircleStatus))
def test_a_circle_needs_a_date(status: CircleStatus) -> None:
    found = validate_circle(replace(CIRCLE, status=status, held_on=None), TODAY)
    assert found == [FieldProblem("held_on", Problem.REQUIRED)]


@pytest.mark.parametrize("status", list(CircleStatus))
def test_a_circle_date_too_early(status: CircleStatus) -> None:
    assert validate_circle(replace(CIRCLE, status=status, held_on=EARLIEST_DATE), TODAY) == []
    found = validate_circle(replace(CIRCLE, status=status, held_on=TOO_EARLY), TODAY)
    assert found == [FieldProblem("held_on", Problem.TOO_EARLY)]


def test_circle_purpose_and_notes_length() -> None:
    assert validate_circle(replace(CIRCLE, purpose="p" * SHORT_TEXT_MAX), TODAY) == []
    found = validate_circle(replace(CIRCLE, purpose="p" * (SHORT_TEXT_MAX + 1)), TODAY)
    assert found == [FieldProblem("purpose", Problem.TOO_LONG, SHORT_TEXT_MAX)]
    found = validate_circle(replace(CIRCLE, notes="n" * (LONG_TEXT_MAX + 1)), TODAY)
    assert found == [FieldProblem("notes", Problem.TOO_LONG, LONG_TEXT_MAX)]


@pytest.mark.parametrize(
    ("minutes", "ok"),
    [(None, True), (1, True), (480, True), (0, False), (-5, False), (481, False)],
)
def test_circle_duration_range(minutes: int | None, ok: bool) -> None:
    found = validate_circle(replace(CIRCLE, duration_minutes=minutes), TODAY)
    assert found == ([] if ok else [FieldProblem("duration_minutes", Problem.OUT_OF_RANGE)])


# Cases


def test_a_complete_case_is_valid() -> None:
    assert validate_case(CASE, TODAY) == []


def test_a_case_cannot_have_happened_in_the_future() -> None:
    found = validate_case(replace(CASE, occurred_on=TOMORROW), TODAY)
    assert found == [FieldProblem("occurred_on", Problem.IN_FUTURE)]


def test_a_case_date_is_required_and_not_too_early() -> None:
    found = validate_case(replace(CASE, occurred_on=None), TODAY)
    assert found == [FieldProblem("occurred_on", Problem.REQUIRED)]
    found = validate_case(replace(CASE, occurred_on=TOO_EARLY), TODAY)
    assert found == [FieldProblem("occurred_on", Problem.TOO_EARLY)]


@pytest.mark.parametrize("blank", ["", "  \n "])
def test_a_case_needs_a_description(blank: str) -> None:
    found = validate_case(replace(CASE, description=blank), TODAY)
    assert found == [FieldProblem("description", Problem.REQUIRED)]


def test_case_place_and_description_length() -> None:
    found = validate_case(replace(CASE, place="p" * (SHORT_TEXT_MAX + 1)), TODAY)
    assert found == [FieldProblem("place", Problem.TOO_LONG, SHORT_TEXT_MAX)]
    found = validate_case(replace(CASE, description="d" * (LONG_TEXT_MAX + 1)), TODAY)
    assert found == [FieldProblem("description", Problem.TOO_LONG, LONG_TEXT_MAX)]


def test_a_case_needs_a_category() -> None:
    found = validate_case(replace(CASE, category_id=None), TODAY)
    assert found == [FieldProblem("category_id", Problem.REQUIRED)]


def test_a_closed_case_needs_a_closure_reason() -> None:
    closed = replace(CASE, status=CaseStatus.CLOSED)
    assert validate_case(closed, TODAY) == [FieldProblem("closure_reason", Problem.REQUIRED)]
    kept = replace(closed, closure_reason=ClosureReason.AGREEMENT_KEPT)
    assert validate_case(kept, TODAY) == []


@pytest.mark.parametrize("status", [s for s in CaseStatus if s is not CaseStatus.CLOSED])
def test_a_case_still_open_needs_no_closure_reason(status: CaseStatus) -> None:
    assert validate_case(replace(CASE, status=status), TODAY) == []


def test_a_tier_3_case_needs_its_kind() -> None:
    intensive = replace(CASE, tier=Tier.INTENSIVE)
    assert validate_case(intensive, TODAY) == [FieldProblem("tier3_kind", Problem.REQUIRED)]
    re_entry = replace(intensive, tier3_kind=Tier3Kind.RE_ENTRY)
    assert validate_case(re_entry, TODAY) == []


def test_a_case_cannot_be_tier_1() -> None:
    found = validate_case(replace(CASE, tier=Tier.UNIVERSAL), TODAY)
    assert found == [FieldProblem("tier", Problem.OUT_OF_RANGE)]


def test_a_case_needs_participants() -> None:
    found = validate_case(replace(CASE, participants=()), TODAY)
    assert found == [FieldProblem("participants", Problem.REQUIRED)]


@pytest.mark.parametrize("name", ["", "   "])
def test_a_participant_must_be_someone(name: str) -> None:
    nobody = ParticipantFields(Role.SUPPORTER, other_name=name)
    found = validate_case(replace(CASE, participants=(HARMED, nobody)), TODAY)
    assert found == [FieldProblem("participants", Problem.NEEDS_PERSON, index=1)]


def test_a_participant_needs_a_role() -> None:
    no_role = ParticipantFields(None, student_id=3)
    found = validate_case(replace(CASE, participants=(HARMED, no_role)), TODAY)
    assert found == [FieldProblem("participants", Problem.NEEDS_ROLE, index=1)]


def test_a_participant_named_here_may_not_be_too_long() -> None:
    long_name = ParticipantFields(Role.FAMILY_MEMBER, other_name="m" * (NAME_MAX + 1))
    found = validate_case(replace(CASE, participants=(long_name, HARMED)), TODAY)
    assert found == [FieldProblem("participants", Problem.TOO_LONG, NAME_MAX, index=0)]


def test_the_same_person_twice_in_the_same_role() -> None:
    again = ParticipantFields(Role.PERSON_HARMED, student_id=1)
    found = validate_case(replace(CASE, participants=(HARMED, CAUSED, again)), TODAY)
    assert found == [FieldProblem("participants", Problem.SAME_PERSON_TWICE, index=2)]


def test_the_same_named_person_twice_ignores_case_and_spaces() -> None:
    grandma = ParticipantFields(Role.FAMILY_MEMBER, other_name="Grandma Rose")
    again = ParticipantFields(Role.FAMILY_MEMBER, other_name="  grandma rose ")
    found = validate_case(replace(CASE, participants=(grandma, HARMED, again)), TODAY)
    assert found == [FieldProblem("participants", Problem.SAME_PERSON_TWICE, index=2)]


def test_the_same_person_may_hold_two_roles() -> None:
    both = ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=1)
    assert validate_case(replace(CASE, participants=(HARMED, both)), TODAY) == []


def test_a_student_and_a_staff_member_with_the_same_id_are_different_people() -> None:
    staff = ParticipantFields(Role.PERSON_HARMED, staff_id=1)
    assert validate_case(replace(CASE, participants=(HARMED, staff)), TODAY) == []


# The message


def test_invalid_input_names_fields_never_values() -> None:
    typed = "Xanthippe Quillfeather-Oyelaran"
    found = validate_student(StudentFields("Q 77", typed, typed * 5, homeroom=typed * 2, grade=14))
    error = InvalidInput(found)
    message = str(error)
    assert "Xanthippe" not in message
    assert "Quillfeather" not in message
    assert "Q 77" not in message
    for name in ("student_number", "last_name", "homeroom", "grade"):
        assert name in message
    assert error.problems == tuple(found)


def test_invalid_input_names_each_field_once_in_order() -> None:
    error = InvalidInput(
        [
            FieldProblem("participants", Problem.NEEDS_PERSON, index=0),
            FieldProblem("participants", Problem.NEEDS_PERSON, index=1),
            FieldProblem("description", Problem.REQUIRED),
        ]
    )
    assert str(error).endswith("description, participants.")


@pytest.mark.parametrize(
    ("field", "text", "character"),
    [
        ("student_number", "S-10\u200b01", "\u200b"),
        ("student_number", "10\u200d01", "\u200d"),  # a joiner never belongs in a number
        ("first_name", "\u202eAna", "\u202e"),
        ("last_name", "Mu\u00adñoz", "\u00ad"),
        ("preferred_name", "Anita\u2066", "\u2066"),
        ("homeroom", "5\x01B", "\x01"),
    ],
)
def test_an_invisible_character_is_named_in_the_field_it_is_in(
    field: str, text: str, character: str
) -> None:
    found = validate_student(replace(STUDENT, **{field: text}))
    assert found == [FieldProblem(field, Problem.INVISIBLE_CHARACTER, character=character)]


@pytest.mark.parametrize(
    "name",
    [
        "\u0645\u06cc\u200c\u0631\u0627",  # Persian, with a zero-width non-joiner
        "\u0915\u094d\u200d\u0937",  # Devanagari, with a zero-width joiner after the virama
        "Rainbow \U0001f3f3\ufe0f\u200d\U0001f308",  # an emoji of several parts
    ],
)
def test_joiners_that_spell_a_name_are_kept(name: str) -> None:
    assert validate_student(replace(STUDENT, first_name=name)) == []


def test_a_joiner_between_latin_letters_is_refused() -> None:
    found = validate_student(replace(STUDENT, last_name="Mu\u200dñoz"))
    assert found == [FieldProblem("last_name", Problem.INVISIBLE_CHARACTER, character="\u200d")]


def test_someone_else_named_in_a_case_cannot_hide_an_invisible_character() -> None:
    other = ParticipantFields(Role.FAMILY_MEMBER, other_name="Grand\u200bmother")
    found = validate_case(replace(CASE, participants=(HARMED, CAUSED, other)), TODAY)
    assert found == [
        FieldProblem("participants", Problem.INVISIBLE_CHARACTER, index=2, character="\u200b")
    ]
