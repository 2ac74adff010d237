"""What a roster's columns can hold, and which of them a roster must have."""

from enum import StrEnum

from rp_desktop.domain.roster.demographics import DemographicField


class RosterField(StrEnum):
    """What a column holds; the values are the names of StudentFields' fields."""

    STUDENT_NUMBER = "student_number"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    PREFERRED_NAME = "preferred_name"
    GRADE = "grade"
    HOMEROOM = "homeroom"


REQUIRED_FIELDS = (
    RosterField.STUDENT_NUMBER,
    RosterField.FIRST_NAME,
    RosterField.LAST_NAME,
    RosterField.GRADE,
)
NAME_FIELDS = (RosterField.FIRST_NAME, RosterField.LAST_NAME, RosterField.PREFERRED_NAME)

# Any column a roster can have: a student's own field, or an optional demographic one.
ColumnField = RosterField | DemographicField


def number_key(student_number: str) -> str:
    """What two student numbers are compared by: a number of digits alone ("00123") without
    its leading zeros ("123"), since a spreadsheet drops them on the way and a student
    information system may add them; any other number ("S-00123") exactly as it is."""
    if student_number.isascii() and student_number.isdigit():
        return student_number.lstrip("0") or "0"
    return student_number


def by_leading_zeros(student_number: str, other: str) -> bool:
    """Whether two different student numbers are the same once leading zeros are ignored."""
    return student_number != other and number_key(student_number) == number_key(other)
