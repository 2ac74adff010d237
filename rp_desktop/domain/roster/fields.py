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
