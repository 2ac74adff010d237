"""Everyday practice logged in seconds: what was done, when, for how long, how many times, with
which students (if any), and one optional line of note. No case is made."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rp_desktop.domain.continuum.kinds import PracticeKind
from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.validation import (
    SHORT_TEXT_MAX,
    FieldProblem,
    Problem,
    past_date_problems,
    text_problems,
)
from rp_desktop.domain.vocabulary import CategoryKind, Role, Tier

# A tally of one day's affective statements may run high; beyond this is a typing slip.
MOST_TIMES = 500
LONGEST_MINUTES = 8 * 60

# How long each practice usually takes, offered when it is chosen: a statement is a sentence,
# not a stretch of time; a chat in the hallway a few minutes.
DEFAULT_MINUTES: dict[PracticeKind, int | None] = {
    PracticeKind.AFFECTIVE_STATEMENT: None,
    PracticeKind.RESTORATIVE_CHAT: 5,
    PracticeKind.IMPROMPTU_CONFERENCE: 15,
    PracticeKind.CHECK_IN_OUT: 5,
    PracticeKind.POSITIVE_OBSERVATION: None,
}
# The practices counted "how many times" in one log: a day's affective statements.
TALLIED = frozenset({PracticeKind.AFFECTIVE_STATEMENT})
# The categories a log may grow into a case of: harm done, or a concern about a student.
CASE_CATEGORY_KINDS = frozenset({CategoryKind.HARM, CategoryKind.CONCERN})


@dataclass(frozen=True, slots=True)
class PracticeFields:
    """What the "Log a practice" form submits. `tally` counts how many times (a tally of
    affective statements needs no students)."""

    kind: PracticeKind
    happened_on: date
    minutes: int | None = None
    tally: int = 1
    staff_id: int | None = None
    note: str = ""
    student_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class PracticeLog:
    """A saved log, with its students' display names for a list. `case_id` is the Tier 2 case
    opened from it, if any."""

    id: int
    fields: PracticeFields
    student_names: tuple[str, ...] = ()
    staff_name: str = ""
    case_id: int | None = None


def validate_practice(fields: PracticeFields, today: date) -> list[FieldProblem]:
    problems = list(past_date_problems("happened_on", fields.happened_on, today))
    if fields.minutes is not None and not 0 <= fields.minutes <= LONGEST_MINUTES:
        problems.append(FieldProblem("minutes", Problem.OUT_OF_RANGE, limit=LONGEST_MINUTES))
    if not 1 <= fields.tally <= MOST_TIMES:
        problems.append(FieldProblem("tally", Problem.OUT_OF_RANGE, limit=MOST_TIMES))
    problems += text_problems("note", fields.note, required=False, limit=SHORT_TEXT_MAX)
    if len(set(fields.student_ids)) != len(fields.student_ids):
        problems.append(FieldProblem("student_ids", Problem.SAME_PERSON_TWICE))
    return problems


def default_minutes(kind: PracticeKind) -> int | None:
    """The minutes offered when `kind` is chosen (None: not a matter of minutes)."""
    return DEFAULT_MINUTES[kind]


def is_tallied(kind: PracticeKind) -> bool:
    """Whether a log of `kind` counts how many times (else it is one practice)."""
    return kind in TALLIED


class CaseRefusal(StrEnum):
    """Why a log cannot be turned into a case."""

    ALREADY_A_CASE = "already_a_case"  # it was turned into one before
    NO_STUDENTS = "no_students"  # a case is about people: a tally names nobody


def case_refusal(log: PracticeLog) -> CaseRefusal | None:
    """Why `log` cannot become a Tier 2 case, or None when it can."""
    if log.case_id is not None:
        return CaseRefusal.ALREADY_A_CASE
    if not log.fields.student_ids:
        return CaseRefusal.NO_STUDENTS
    return None


def case_from_practice(fields: PracticeFields, category_id: int, description: str) -> CaseFields:
    """The Tier 2 case a log grows into: on the log's day, its students in the neutral role
    "student" (who was harmed, if anyone, is for the case to say), in the category chosen."""
    return CaseFields(
        tier=Tier.TARGETED,
        occurred_on=fields.happened_on,
        category_id=category_id,
        description=description.strip(),
        participants=tuple(
            ParticipantFields(Role.STUDENT, student_id=sid) for sid in fields.student_ids
        ),
    )
