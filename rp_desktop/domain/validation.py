"""What makes a form's input acceptable. Each rule names the field and the problem; the ui says
it in words beside the field. Problems never quote what was typed, so names stay out of messages.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rp_desktop.domain.casework.roles import fits, opens_a_case
from rp_desktop.domain.characters import invisible_character
from rp_desktop.domain.records import CaseFields, CircleFields, StudentFields
from rp_desktop.domain.vocabulary import (
    HIGHEST_GRADE,
    LOWEST_GRADE,
    CaseStatus,
    CategoryKind,
    CircleStatus,
    Role,
    Tier,
)

EARLIEST_DATE = date(2000, 1, 1)
NAME_MAX = 100
SHORT_TEXT_MAX = 200
STUDENT_NUMBER_MAX = 32
# Notes of several megabytes are kept exactly; beyond that is a paste gone wrong.
LONG_TEXT_MAX = 5_000_000
LONGEST_CIRCLE_MINUTES = 8 * 60


class Problem(StrEnum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    IN_FUTURE = "in_future"
    TOO_EARLY = "too_early"
    NOT_A_GRADE = "not_a_grade"
    OUT_OF_RANGE = "out_of_range"
    HAS_SPACES = "has_spaces"
    DUPLICATE = "duplicate"
    UNKNOWN = "unknown"
    NEEDS_PERSON = "needs_person"
    NEEDS_ROLE = "needs_role"
    TWO_PEOPLE_AT_ONCE = "two_people_at_once"
    SAME_PERSON_TWICE = "same_person_twice"
    NEEDS_ROUND = "needs_round"
    TOO_MANY_ROUNDS = "too_many_rounds"
    SECONDS_WITHOUT_LIMIT = "seconds_without_limit"
    TIME_OUT_OF_RANGE = "time_out_of_range"
    TEMPLATE_READ_ONLY = "template_read_only"
    BEFORE_CASE = "before_case"
    BEFORE_START = "before_start"
    NOT_IN_CASE = "not_in_case"
    QUESTION_NOT_FOR_ROLE = "question_not_for_role"
    ANSWERED_TWICE = "answered_twice"
    NEEDS_ITEM = "needs_item"
    NEEDS_OWNER = "needs_owner"
    SAME_TIER = "same_tier"
    NAME_TAKEN = "name_taken"
    # a control or format character (Unicode Cc, Cf) that would make a name or a student
    # number look like another: FieldProblem.character holds it
    INVISIBLE_CHARACTER = "invisible_character"
    SAME_BUT_ZEROS = "same_but_zeros"  # another student's number, but for leading zeros
    ANSWERS_NOT_KEPT = "answers_not_kept"  # answers word for word, without choosing to keep them
    NOT_AT_MEETING = "not_at_meeting"  # about someone who did not come to the meeting
    # A conference marked held without the person harmed's recorded choice, or without them
    # (they chose a letter, a go-between, or not to take part): a reason to go ahead is needed.
    CHOICE_NOT_RECORDED = "choice_not_recorded"
    CHOSE_NOT_TO_MEET = "chose_not_to_meet"
    # a positive or neutral observation is logged as practice, not filed as a case
    NOT_A_CASE = "not_a_case"
    HARM_ROLE_IN_CONCERN = "harm_role_in_concern"  # a concern takes neutral roles only
    NO_PERSON_HARMED = "no_person_harmed"  # asked of a person harmed, in a case of harm only


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """`field` names the form field; `index` picks a row in a list field (participants);
    `character` is the invisible character of INVISIBLE_CHARACTER (never a name: one
    character that cannot be seen, shown by its code point)."""

    field: str
    problem: Problem
    limit: int | None = None
    index: int | None = None
    character: str = ""


class InvalidInput(Exception):
    """Raised by a service when input breaks a rule; nothing was written."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = tuple(problems)
        fields = ", ".join(sorted({p.field for p in problems}))
        super().__init__(f"The input was not saved; check these fields: {fields}.")


def text_problems(name: str, value: str, *, required: bool, limit: int) -> Iterator[FieldProblem]:
    if required and not value.strip():
        yield FieldProblem(name, Problem.REQUIRED)
    elif len(value) > limit:
        yield FieldProblem(name, Problem.TOO_LONG, limit)


def past_date_problems(name: str, value: date | None, today: date) -> Iterator[FieldProblem]:
    if value is None:
        yield FieldProblem(name, Problem.REQUIRED)
    elif value > today:
        yield FieldProblem(name, Problem.IN_FUTURE)
    elif value < EARLIEST_DATE:
        yield FieldProblem(name, Problem.TOO_EARLY)


def validate_student(fields: StudentFields) -> list[FieldProblem]:
    problems = list(
        text_problems(
            "student_number", fields.student_number, required=True, limit=STUDENT_NUMBER_MAX
        )
    )
    if not problems and any(ch.isspace() for ch in fields.student_number.strip()):
        problems.append(FieldProblem("student_number", Problem.HAS_SPACES))
    problems += text_problems("first_name", fields.first_name, required=True, limit=NAME_MAX)
    problems += text_problems("last_name", fields.last_name, required=True, limit=NAME_MAX)
    problems += text_problems(
        "preferred_name", fields.preferred_name, required=False, limit=NAME_MAX
    )
    problems += text_problems("homeroom", fields.homeroom, required=False, limit=40)
    problems += _invisible(fields, {problem.field for problem in problems})
    if fields.grade is None:
        problems.append(FieldProblem("grade", Problem.REQUIRED))
    elif not LOWEST_GRADE <= fields.grade <= HIGHEST_GRADE:
        problems.append(FieldProblem("grade", Problem.NOT_A_GRADE))
    return problems


_STUDENT_TEXT = ("student_number", "first_name", "last_name", "preferred_name", "homeroom")


def _invisible(fields: StudentFields, said: set[str]) -> Iterator[FieldProblem]:
    """Invisible characters in a student's text fields that have no other problem. A joiner
    inside a word of a script that spells with one is part of a name, never of a number."""
    for name in _STUDENT_TEXT:
        text: str = getattr(fields, name)
        if name not in said and not text.isprintable():  # printable: no Cc nor Cf in it
            yield from invisible_problem(name, text, number=name == "student_number")


def invisible_problem(
    field: str, text: str, *, number: bool = False, index: int | None = None
) -> Iterator[FieldProblem]:
    """INVISIBLE_CHARACTER for `text` when it holds a control or format character."""
    character = invisible_character(text, joiners_in_words=not number)
    if character is not None:
        yield FieldProblem(field, Problem.INVISIBLE_CHARACTER, index=index, character=character)


def validate_circle(fields: CircleFields, today: date) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if fields.status == CircleStatus.HELD:
        # A circle that was held cannot lie ahead of today.
        problems += past_date_problems("held_on", fields.held_on, today)
    elif fields.held_on is None:
        problems.append(FieldProblem("held_on", Problem.REQUIRED))
    elif fields.held_on < EARLIEST_DATE:
        problems.append(FieldProblem("held_on", Problem.TOO_EARLY))
    problems += text_problems("purpose", fields.purpose, required=False, limit=SHORT_TEXT_MAX)
    problems += text_problems("notes", fields.notes, required=False, limit=LONG_TEXT_MAX)
    minutes = fields.duration_minutes
    if minutes is not None and not 1 <= minutes <= LONGEST_CIRCLE_MINUTES:
        problems.append(FieldProblem("duration_minutes", Problem.OUT_OF_RANGE))
    return problems


def validate_case(
    fields: CaseFields,
    today: date,
    kind: CategoryKind | None = None,
    *,
    category_changed: bool = True,
) -> list[FieldProblem]:
    """`kind` is the kind of the category chosen (None: not known yet). A case keeps an
    observation's category it already had (`category_changed` False); a new one cannot have it."""
    problems = list(past_date_problems("occurred_on", fields.occurred_on, today))
    problems += text_problems("place", fields.place, required=False, limit=SHORT_TEXT_MAX)
    problems += text_problems("description", fields.description, required=True, limit=LONG_TEXT_MAX)
    if fields.category_id is None:
        problems.append(FieldProblem("category_id", Problem.REQUIRED))
    elif kind is not None and category_changed and not opens_a_case(kind):
        problems.append(FieldProblem("category_id", Problem.NOT_A_CASE))
    if fields.status == CaseStatus.CLOSED and fields.closure_reason is None:
        problems.append(FieldProblem("closure_reason", Problem.REQUIRED))
    if fields.tier == Tier.INTENSIVE and fields.tier3_kind is None:
        problems.append(FieldProblem("tier3_kind", Problem.REQUIRED))
    if fields.tier == Tier.UNIVERSAL:
        problems.append(FieldProblem("tier", Problem.OUT_OF_RANGE))
    problems += _participant_problems(fields)
    problems += _role_problems(fields, kind)
    return problems


def _role_problems(fields: CaseFields, kind: CategoryKind | None) -> Iterator[FieldProblem]:
    """Roles that do not fit the category's kind: a harm role in a concern."""
    for index, person in enumerate(fields.participants):
        if person.role is not None and not fits(person.role, kind):
            yield FieldProblem("participants", Problem.HARM_ROLE_IN_CONCERN, index=index)


def _participant_problems(fields: CaseFields) -> Iterator[FieldProblem]:
    if not fields.participants:
        yield FieldProblem("participants", Problem.REQUIRED)
        return
    seen: set[tuple[tuple[str, int | str], Role | None]] = set()
    for index, person in enumerate(fields.participants):
        kind, who = person.person
        if person.role is None:
            yield FieldProblem("participants", Problem.NEEDS_ROLE, index=index)
        elif person.names_more_than_one:
            yield FieldProblem("participants", Problem.TWO_PEOPLE_AT_ONCE, index=index)
        elif kind == "other" and not who:
            yield FieldProblem("participants", Problem.NEEDS_PERSON, index=index)
        elif len(person.other_name) > NAME_MAX:
            yield FieldProblem("participants", Problem.TOO_LONG, NAME_MAX, index=index)
        elif kind == "other" and invisible_character(person.other_name):
            yield from invisible_problem("participants", person.other_name, index=index)
        elif (person.person, person.role) in seen:
            yield FieldProblem("participants", Problem.SAME_PERSON_TWICE, index=index)
        seen.add((person.person, person.role))
