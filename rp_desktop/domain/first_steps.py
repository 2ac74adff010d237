"""A new school's first steps, as Home's checklist shows them: import the roster, add staff,
make groups, plan the first circle. Each is done when its fact is true in the database; the
list goes once every step is done, or when the school hides it."""

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from rp_desktop.domain.characters import invisible_character
from rp_desktop.domain.validation import NAME_MAX, FieldProblem, Problem
from rp_desktop.domain.vocabulary import StaffRole


class Step(StrEnum):
    """A step of the checklist, in the order it is done; the values are FirstSteps' fields."""

    ROSTER = "roster"
    STAFF = "staff"
    GROUPS = "groups"
    CIRCLE = "circle"


@dataclass(frozen=True, slots=True)
class FirstSteps:
    """Which steps are done, and whether the school hid the list for good."""

    roster: bool  # a student is kept
    staff: bool  # a staff member is kept
    groups: bool  # a group of this school year or any other is kept
    circle: bool  # a Tier 1 circle was planned or held, or a circle was run
    hidden: bool = False

    def done(self, step: Step) -> bool:
        return bool(getattr(self, step.value))

    @property
    def all_done(self) -> bool:
        return all(self.done(step) for step in Step)

    @property
    def shown(self) -> bool:
        """The checklist is on Home until every step is done or it is hidden."""
        return not (self.hidden or self.all_done)


@dataclass(frozen=True, slots=True)
class StaffFields:
    first_name: str
    last_name: str
    role: StaffRole


def validate_staff(staff: StaffFields) -> list[FieldProblem]:
    """What is wrong with a new staff member's name: missing, too long or hiding an
    invisible character."""
    return [
        *_name("first_name", staff.first_name),
        *_name("last_name", staff.last_name),
    ]


def _name(field: str, value: str) -> Iterator[FieldProblem]:
    if not value.strip():
        yield FieldProblem(field, Problem.REQUIRED)
    elif len(value) > NAME_MAX:
        yield FieldProblem(field, Problem.TOO_LONG, NAME_MAX)
    elif (character := invisible_character(value)) is not None:
        yield FieldProblem(field, Problem.INVISIBLE_CHARACTER, character=character)


def homeroom_group_name(homeroom: str) -> str:
    """The name of the group made for a homeroom: "Homeroom 7-B"."""
    return f"Homeroom {homeroom}"
