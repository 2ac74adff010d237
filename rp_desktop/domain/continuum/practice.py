"""Everyday practice logged in seconds: what was done, when, for how long, how many times, with
which students (if any), and one optional line of note. No case is made."""

from dataclasses import dataclass
from datetime import date

from rp_desktop.domain.continuum.kinds import PracticeKind
from rp_desktop.domain.validation import (
    SHORT_TEXT_MAX,
    FieldProblem,
    Problem,
    past_date_problems,
    text_problems,
)

# A tally of one day's affective statements may run high; beyond this is a typing slip.
MOST_TIMES = 500
LONGEST_MINUTES = 8 * 60


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
